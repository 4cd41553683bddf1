import type { ExportedChange } from "hyperformula";
import type { CalendarDate } from "../core/calendar";
import { cellPosition, columnLetters } from "../sheet/addresses";
import { toA1, type PreviewDocument } from "./document";
import { displayValue, formatKind } from "./format";
import { EN_US, type LocaleConventions } from "./locale";
import { resolveNameBox } from "./nameBox";
import { editText, entryContent, readCellEntry } from "./numberEntry";
import type { ChartHost } from "./projectionChart";
import type { SelectedCell, SelectionSource } from "./previewWorkbook";

/**
 * The preview's spreadsheet grid over a HyperFormula document: sheet tabs, a Name Box, a formula
 * bar, selection by click and arrow keys, in-cell editing. Only the rows in view (and a margin)
 * are in the DOM, and a recalculation rewrites only the rendered cells whose value changed, so a
 * sheet of thousands of formulas stays quick to scroll and to recalculate.
 */

const ROW_HEIGHT_PX = 24;
const ROW_HEADER_WIDTH_PX = 46;
const OVERSCAN_ROWS = 40;
const MIN_ROWS = 100;
const MIN_COLUMNS = 26;
const MAX_COLUMNS = 200;
const MIN_COLUMN_WIDTH_PX = 72;
const MAX_COLUMN_WIDTH_PX = 300;
/** Rows looked at when sizing columns: enough for every sheet the preview ships. */
const WIDTH_SAMPLE_ROWS = 200;

export interface GridElements {
  /** The scrolling area the grid renders into. */
  readonly scroller: HTMLElement;
  readonly nameBox: HTMLInputElement;
  readonly formulaBar: HTMLInputElement;
  /** Where the sheet tabs go. */
  readonly tabs: HTMLElement;
  /** The line under the formula bar that shows the selected cell's error message (a live region). */
  readonly cellMessage?: HTMLElement;
}

export interface GridCallbacks {
  /** A message for the user, e.g. an address the Name Box cannot find. */
  readonly onMessage?: (message: string) => void;
  /** Runs an edit as one step of the undo history; without it the edit just runs. */
  readonly record?: (label: string, action: () => void) => void;
  /** The page's number and date conventions (navigator.language); en-US without it. */
  readonly conventions?: LocaleConventions;
  /** Today, for a date typed without a year; the page's clock without it. */
  readonly today?: () => CalendarDate;
}

/** What HyperFormula knows a formula's result to be, as the number format Excel gives such a result. */
function formatOfResult(detailedType: string, conventions: LocaleConventions): string | undefined {
  switch (detailedType) {
    case "NUMBER_DATE":
      return conventions.shortDateFormat;
    case "NUMBER_TIME":
      return "h:mm";
    case "NUMBER_DATETIME":
      return `${conventions.shortDateFormat} h:mm`;
    case "NUMBER_PERCENT":
      return "0%";
    case "NUMBER_CURRENCY":
      return "$#,##0.00";
    default:
      return undefined;
  }
}

function todayInThePage(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A selected range: 0-based, inclusive. */
interface SelectedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The defined name it was selected by, shown in the Name Box as Excel does. */
  readonly name?: string;
}

interface RenderedWindow {
  readonly firstRow: number;
  readonly endRow: number;
}

export class Grid implements SelectionSource, ChartHost {
  private workbookDocument: PreviewDocument;
  private readonly elements: GridElements;
  private readonly callbacks: GridCallbacks;
  private readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private readonly editor: HTMLInputElement;
  /** Where Insert projection's charts are drawn: inside the scrolling area, so they scroll with the cells. */
  readonly chartLayer: HTMLElement;
  private readonly conventions: LocaleConventions;
  private range: SelectedRange | null = null;
  private readonly layoutListeners = new Set<() => void>();
  private sheet = 0;
  private rowCount = MIN_ROWS;
  private columnCount = MIN_COLUMNS;
  private columnWidths: number[] = [];
  private rendered: RenderedWindow = { firstRow: 0, endRow: 0 };
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private selected: SelectedCell = { sheetName: "", row: 0, col: 0 };
  private readonly selectionListeners = new Set<() => void>();
  private editing: { row: number; col: number } | null = null;
  private refreshPending = false;
  private scrollPending = false;
  private readonly onValuesUpdated = (changes: ExportedChange[]) => this.valuesUpdated(changes);
  private readonly onSheetsChanged = () => {
    if (this.workbookDocument.hf.getSheetName(this.sheet) === undefined) {
      // The sheet on screen is gone (an undone Add sheet or Set up): show the first one.
      this.showSheet(this.workbookDocument.hf.getSheetNames()[0]);
      return;
    }
    this.renderTabs();
  };

  constructor(workbookDocument: PreviewDocument, elements: GridElements, callbacks: GridCallbacks = {}) {
    this.workbookDocument = workbookDocument;
    this.elements = elements;
    this.callbacks = callbacks;
    this.conventions = callbacks.conventions ?? EN_US;
    this.table = Object.assign(window.document.createElement("table"), { className: "grid" });
    this.table.setAttribute("role", "grid");
    this.body = window.document.createElement("tbody");
    this.editor = Object.assign(window.document.createElement("input"), { className: "cell-editor", hidden: true });
    this.editor.setAttribute("aria-label", "Cell editor");
    this.chartLayer = Object.assign(window.document.createElement("div"), { className: "chart-layer" });
    elements.scroller.replaceChildren(this.table, this.editor, this.chartLayer);
    this.wireEvents();
    this.attach(workbookDocument);
  }

  /** Shows another document (after "Reset sample"). */
  setDocument(workbookDocument: PreviewDocument): void {
    this.detach();
    this.workbookDocument = workbookDocument;
    this.attach(workbookDocument);
  }

  private attach(workbookDocument: PreviewDocument): void {
    workbookDocument.hf.on("valuesUpdated", this.onValuesUpdated);
    workbookDocument.hf.on("sheetAdded", this.onSheetsChanged);
    workbookDocument.hf.on("sheetRemoved", this.onSheetsChanged);
    workbookDocument.hf.on("sheetRenamed", this.onSheetsChanged);
    const sheetName = workbookDocument.sheetId(workbookDocument.activeSheet) === undefined ? workbookDocument.hf.getSheetNames()[0] : workbookDocument.activeSheet;
    this.showSheet(sheetName);
  }

  private detach(): void {
    this.workbookDocument.hf.off("valuesUpdated", this.onValuesUpdated);
    this.workbookDocument.hf.off("sheetAdded", this.onSheetsChanged);
    this.workbookDocument.hf.off("sheetRemoved", this.onSheetsChanged);
    this.workbookDocument.hf.off("sheetRenamed", this.onSheetsChanged);
  }

  // ---- SelectionSource ------------------------------------------------------------------------

  selectedCell(): SelectedCell | null {
    return this.selected;
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  // ---- Sheets ---------------------------------------------------------------------------------

  /** The sheet on screen. */
  get sheetName(): string {
    return this.workbookDocument.hf.getSheetName(this.sheet) ?? "";
  }

  showSheet(name: string, selection: { row: number; col: number } = { row: 0, col: 0 }): void {
    const sheet = this.workbookDocument.sheetId(name);
    if (sheet === undefined) {
      return;
    }
    this.commitEdit();
    this.sheet = sheet;
    this.workbookDocument.activeSheet = name;
    this.table.setAttribute("aria-label", `Sheet ${name}`);
    this.measure();
    this.elements.scroller.scrollTop = 0;
    this.elements.scroller.scrollLeft = 0;
    this.renderFrame();
    this.renderTabs();
    this.select(selection.row, selection.col);
    this.layoutChanged();
  }

  private renderTabs(): void {
    const doc = window.document;
    const tabs = this.workbookDocument.hf.getSheetNames().map((name) => {
      const tab = doc.createElement("button");
      tab.type = "button";
      tab.className = "sheet-tab";
      tab.textContent = name;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-selected", String(name === this.sheetName));
      tab.tabIndex = name === this.sheetName ? 0 : -1;
      tab.addEventListener("click", () => this.showSheet(name));
      return tab;
    });
    const add = doc.createElement("button");
    add.type = "button";
    add.className = "sheet-add";
    add.textContent = "+";
    add.title = "Add a sheet";
    add.setAttribute("aria-label", "Add a sheet");
    add.addEventListener("click", () => {
      let number = this.workbookDocument.hf.getSheetNames().length + 1;
      while (this.workbookDocument.sheetId(`Sheet${number}`) !== undefined) number++;
      this.edit(`Add sheet Sheet${number}`, () => this.workbookDocument.hf.addSheet(`Sheet${number}`));
      this.showSheet(`Sheet${number}`);
    });
    const tablist = doc.createElement("div");
    tablist.className = "sheet-tablist";
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", "Sheets");
    tablist.append(...tabs);
    // Arrow keys move between the tabs, as in any tablist.
    tablist.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(event.target as HTMLButtonElement);
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (index < 0 || step === 0) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length];
      next.click();
      this.elements.tabs.querySelector<HTMLButtonElement>('[role=tab][aria-selected="true"]')?.focus();
    });
    this.elements.tabs.replaceChildren(tablist, add);
  }

  // ---- Layout ---------------------------------------------------------------------------------

  /** Grid size and column widths from the sheet's used range. */
  private measure(): void {
    const { width, height } = this.workbookDocument.hf.getSheetDimensions(this.sheet);
    this.rowCount = Math.max(MIN_ROWS, height + 20);
    this.columnCount = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, width + 2));
    const widths = new Array<number>(this.columnCount).fill(MIN_COLUMN_WIDTH_PX + 24);
    const sampleRows = Math.min(height, WIDTH_SAMPLE_ROWS);
    for (let col = 0; col < Math.min(width, this.columnCount); col++) {
      let longest = 0;
      for (let row = 0; row < sampleRows; row++) {
        const position = { sheet: this.sheet, row, col };
        const value = this.workbookDocument.hf.getCellValue(position);
        if (value === null) continue;
        const shown = displayValue(value, this.workbookDocument.formatAt(position), this.conventions);
        const overflows = shown.kind === "text" && this.workbookDocument.hf.getCellValue({ sheet: this.sheet, row, col: col + 1 }) === null;
        if (!overflows) longest = Math.max(longest, shown.text.length);
      }
      widths[col] = Math.min(MAX_COLUMN_WIDTH_PX, Math.max(widths[col], longest * 7 + 14));
    }
    this.columnWidths = widths;
    const doc = window.document;
    const colgroup = doc.createElement("colgroup");
    colgroup.append(Object.assign(doc.createElement("col"), { style: `width:${ROW_HEADER_WIDTH_PX}px` }));
    for (const widthPx of widths) {
      const col = doc.createElement("col");
      col.style.width = `${Math.round(widthPx)}px`;
      colgroup.append(col);
    }
    const head = doc.createElement("thead");
    const headRow = doc.createElement("tr");
    const corner = doc.createElement("th");
    corner.className = "corner";
    corner.append(Object.assign(doc.createElement("span"), { className: "visually-hidden", textContent: "Row" }));
    headRow.append(corner);
    for (let col = 0; col < this.columnCount; col++) {
      const th = doc.createElement("th");
      th.className = "col-head";
      th.textContent = columnLetters(col);
      th.scope = "col";
      headRow.append(th);
    }
    head.append(headRow);
    this.table.replaceChildren(colgroup, head, this.body);
    this.table.style.width = `${ROW_HEADER_WIDTH_PX + widths.reduce((sum, each) => sum + Math.round(each), 0)}px`;
    this.layoutChanged();
  }

  // ---- Geometry, for the charts ----------------------------------------------------------------

  /** A cell's top-left corner within the scrolling area's content, in pixels. */
  cellOffset(row: number, col: number): { left: number; top: number } {
    let left = ROW_HEADER_WIDTH_PX;
    for (let index = 0; index < col; index++) left += Math.round(this.columnWidths[index] ?? MIN_COLUMN_WIDTH_PX + 24);
    return { left, top: ROW_HEIGHT_PX * (row + 1) };
  }

  get geometry() {
    return {
      rowHeightPx: ROW_HEIGHT_PX,
      columnWidthPx: (col: number) => Math.round(this.columnWidths[col] ?? MIN_COLUMN_WIDTH_PX + 24),
      columnLimit: MAX_COLUMNS,
      rowLimit: this.workbookDocument.hf.getConfig().maxRows,
    };
  }

  onLayoutChanged(listener: () => void): () => void {
    this.layoutListeners.add(listener);
    return () => this.layoutListeners.delete(listener);
  }

  private layoutChanged(): void {
    for (const listener of this.layoutListeners) listener();
  }

  focus(): void {
    this.elements.scroller.focus({ preventScroll: true });
  }

  /** Renders the rows around the scroll position. */
  private renderFrame(): void {
    const scroller = this.elements.scroller;
    const firstVisible = Math.floor(scroller.scrollTop / ROW_HEIGHT_PX);
    const visibleRows = Math.ceil((scroller.clientHeight || 800) / ROW_HEIGHT_PX);
    const firstRow = Math.max(0, firstVisible - OVERSCAN_ROWS);
    const endRow = Math.min(this.rowCount, firstVisible + visibleRows + OVERSCAN_ROWS);
    this.rendered = { firstRow, endRow };
    this.cells.clear();
    const doc = window.document;
    const rows: HTMLTableRowElement[] = [];
    rows.push(spacer(firstRow * ROW_HEIGHT_PX, this.columnCount + 1));
    for (let row = firstRow; row < endRow; row++) {
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.className = "row-head";
      th.scope = "row";
      th.textContent = String(row + 1);
      tr.append(th);
      for (let col = 0; col < this.columnCount; col++) {
        const td = doc.createElement("td");
        const address = toA1(row, col);
        td.dataset.address = address;
        this.paintCell(td, row, col);
        this.cells.set(address, td);
        tr.append(td);
      }
      rows.push(tr);
    }
    rows.push(spacer((this.rowCount - endRow) * ROW_HEIGHT_PX, this.columnCount + 1));
    this.body.replaceChildren(...rows);
    this.markSelection();
  }

  private paintCell(td: HTMLTableCellElement, row: number, col: number): void {
    const position = { sheet: this.sheet, row, col };
    const shown = displayValue(this.workbookDocument.hf.getCellValue(position), this.workbookDocument.formatAt(position), this.conventions);
    if (td.dataset.value === shown.dataValue && td.textContent === shown.text && td.title === (shown.message ?? "")) {
      return;
    }
    td.textContent = shown.text;
    td.dataset.value = shown.dataValue;
    td.title = shown.message ?? "";
    const overflow = shown.kind === "text" && this.workbookDocument.hf.getCellValue({ sheet: this.sheet, row, col: col + 1 }) === null;
    const spilled = shown.kind !== "empty" && this.workbookDocument.hf.isCellPartOfArray(position) ? " spilled" : "";
    const selected = this.selected.row === row && this.selected.col === col ? " selected" : "";
    td.className = `cell ${shown.kind}${overflow ? " overflow" : ""}${spilled}${selected}`;
  }

  private valuesUpdated(changes: ExportedChange[]): void {
    if (!changes.some((change) => "address" in change && change.address.sheet === this.sheet)) {
      return;
    }
    if (!this.refreshPending) {
      this.refreshPending = true;
      queueMicrotask(() => {
        this.refreshPending = false;
        this.repaint();
      });
    }
  }

  /** Rewrites the rendered cells whose value changed; grows the grid when the sheet did. */
  repaint(): void {
    const { width, height } = this.workbookDocument.hf.getSheetDimensions(this.sheet);
    if (height + 20 > this.rowCount || (width + 2 > this.columnCount && this.columnCount < MAX_COLUMNS)) {
      this.measure();
      this.renderFrame();
      return;
    }
    for (const [address, td] of this.cells) {
      const { row, col } = cellPosition(address) as { row: number; col: number };
      this.paintCell(td, row, col);
    }
    this.showSelectedContent();
  }

  // ---- Selection and scrolling ----------------------------------------------------------------

  /** Selects a cell of the sheet on screen (and, from the Name Box, the range it starts) and scrolls it into view. */
  select(row: number, col: number, range: SelectedRange | null = null): void {
    const clampedRow = Math.max(0, Math.min(row, this.rowCount - 1));
    const clampedCol = Math.max(0, Math.min(col, this.columnCount - 1));
    this.selected = { sheetName: this.sheetName, row: clampedRow, col: clampedCol };
    this.range = range;
    this.scrollIntoView(clampedRow, clampedCol);
    this.markSelection();
    this.showSelectedContent();
    for (const listener of this.selectionListeners) {
      listener();
    }
  }

  /**
   * Selects what was typed in the Name Box: an address ("L58", "B2:D5", "'AICOST Assumptions'!B4")
   * or a defined name in any case ("AICOST_SCENARIO" selects A7:C7 of the assumptions sheet).
   * Returns null when done, or the message saying why not.
   */
  goTo(text: string): string | null {
    const { hf } = this.workbookDocument;
    const names = hf.listNamedExpressions().map((name) => ({ name, expression: String(hf.getNamedExpressionFormula(name) ?? "") }));
    const resolution = resolveNameBox(text, { sheetNames: hf.getSheetNames(), names });
    if (resolution.kind === "unknown") {
      return resolution.message;
    }
    const { target } = resolution;
    if (target.sheetName !== null && target.sheetName !== this.sheetName) {
      this.showSheet(target.sheetName);
    }
    if (target.bottom + 1 > this.rowCount || target.right >= this.columnCount) {
      if (target.right >= MAX_COLUMNS) {
        return `${text.trim()} is beyond the preview grid's last column, ${columnLetters(MAX_COLUMNS - 1)}.`;
      }
      this.rowCount = Math.max(this.rowCount, target.bottom + 21);
      this.columnCount = Math.min(MAX_COLUMNS, Math.max(this.columnCount, target.right + 2));
      this.measureKeepingSize();
    }
    const single = target.top === target.bottom && target.left === target.right;
    this.select(target.top, target.left, single && target.name === undefined ? null : target);
    return null;
  }

  private measureKeepingSize(): void {
    const rows = this.rowCount;
    const columns = this.columnCount;
    this.measure();
    this.rowCount = Math.max(rows, this.rowCount);
    if (columns > this.columnCount) {
      this.columnCount = columns;
      this.measure();
    }
    this.renderFrame();
  }

  private scrollIntoView(row: number, col: number): void {
    const scroller = this.elements.scroller;
    const headerHeight = ROW_HEIGHT_PX;
    const top = row * ROW_HEIGHT_PX;
    const viewHeight = scroller.clientHeight - headerHeight;
    if (top < scroller.scrollTop) {
      scroller.scrollTop = top;
    } else if (top + ROW_HEIGHT_PX > scroller.scrollTop + viewHeight) {
      scroller.scrollTop = top + ROW_HEIGHT_PX - viewHeight;
    }
    let left = 0;
    for (let index = 0; index < col; index++) left += Math.round(this.columnWidths[index] ?? 0);
    const width = Math.round(this.columnWidths[col] ?? 0);
    const viewWidth = scroller.clientWidth - ROW_HEADER_WIDTH_PX;
    if (left < scroller.scrollLeft) {
      scroller.scrollLeft = left;
    } else if (left + width > scroller.scrollLeft + viewWidth) {
      scroller.scrollLeft = left + width - viewWidth;
    }
    if (row < this.rendered.firstRow || row >= this.rendered.endRow || this.needsRender()) {
      this.renderFrame();
    }
  }

  private needsRender(): boolean {
    const scroller = this.elements.scroller;
    const firstVisible = Math.floor(scroller.scrollTop / ROW_HEIGHT_PX);
    const lastVisible = firstVisible + Math.ceil(scroller.clientHeight / ROW_HEIGHT_PX);
    const { firstRow, endRow } = this.rendered;
    return (firstVisible < firstRow + OVERSCAN_ROWS / 4 && firstRow > 0) || (lastVisible > endRow - OVERSCAN_ROWS / 4 && endRow < this.rowCount);
  }

  private markSelection(): void {
    for (const previous of this.body.querySelectorAll("td.selected, td.in-range")) {
      previous.classList.remove("selected", "in-range");
      previous.removeAttribute("aria-selected");
    }
    const range = this.range;
    if (range !== null) {
      for (let row = Math.max(range.top, this.rendered.firstRow); row <= Math.min(range.bottom, this.rendered.endRow - 1); row++) {
        for (let col = range.left; col <= range.right; col++) {
          const td = this.cells.get(toA1(row, col));
          td?.classList.add("in-range");
          td?.setAttribute("aria-selected", "true");
        }
      }
    }
    const td = this.cells.get(toA1(this.selected.row, this.selected.col));
    td?.classList.add("selected");
    td?.setAttribute("aria-selected", "true");
  }

  private showSelectedContent(): void {
    const { row, col } = this.selected;
    this.elements.nameBox.value = this.range?.name ?? toA1(row, col);
    if (window.document.activeElement !== this.elements.formulaBar) {
      this.elements.formulaBar.value = this.rawContent(row, col);
    }
    this.showCellMessage(row, col);
  }

  /** The selected cell's error and its message, under the formula bar, for keyboard, touch and screen-reader users. */
  private showCellMessage(row: number, col: number): void {
    const line = this.elements.cellMessage;
    if (!line) return;
    const shown = displayValue(this.workbookDocument.hf.getCellValue({ sheet: this.sheet, row, col }), undefined);
    const text = shown.kind === "error" ? `${toA1(row, col)}: ${shown.text} ${shown.message ?? errorMeaning(shown.text)}` : "";
    if (line.textContent !== text) {
      line.textContent = text;
      line.hidden = text === "";
    }
  }

  /** What the formula bar shows: the formula, or the value as typed. */
  private rawContent(row: number, col: number): string {
    const position = { sheet: this.sheet, row, col };
    const formula = this.workbookDocument.hf.getCellFormula(position);
    if (formula !== undefined) {
      return formula;
    }
    const serialized = this.workbookDocument.hf.getCellSerialized(position);
    if (typeof serialized === "object" && serialized !== null) return String(this.workbookDocument.hf.getCellValue(position) ?? "");
    return editText(serialized, this.workbookDocument.formatAt(position), this.conventions);
  }

  // ---- Editing --------------------------------------------------------------------------------

  /**
   * Writes what the user typed into a cell, read as Excel reads it in the page's locale (see
   * numberEntry.ts): a formula, a number with the format it implies, a date, text, or empty to
   * clear it. One step of the undo history.
   */
  commit(row: number, col: number, input: string): void {
    const sheet = this.sheet;
    const position = { sheet, row, col };
    const address = toA1(row, col);
    const currentFormat = this.workbookDocument.formatAt(position);
    const entry = readCellEntry(input, { conventions: this.conventions, currentFormat, today: (this.callbacks.today ?? todayInThePage)() });
    if (entry.kind === "empty" && this.workbookDocument.storedContent(position) === null) {
      return; // clearing an empty cell changes nothing, and is no step to undo
    }
    try {
      this.edit(input === "" ? `Clear ${address}` : `Typing "${input}" in ${address}`, () => {
        this.workbookDocument.hf.setCellContents(position, entryContent(entry));
        if (entry.kind === "number" && entry.format !== undefined) {
          this.workbookDocument.setFormat(sheet, address, entry.format);
        } else if (entry.kind === "formula" && formatKind(currentFormat) === "general") {
          // As Excel does when a formula is entered in a General cell: a date result shows as a date.
          const format = formatOfResult(this.workbookDocument.hf.getCellValueDetailedType(position), this.conventions);
          if (format !== undefined) this.workbookDocument.setFormat(sheet, address, format);
        }
      });
    } catch (thrown) {
      this.callbacks.onMessage?.(`${address} was not changed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
    this.showSelectedContent();
  }

  private edit(label: string, action: () => void): void {
    if (this.callbacks.record) this.callbacks.record(label, action);
    else action();
  }

  private startEdit(initial: string | null): void {
    const { row, col } = this.selected;
    const td = this.cells.get(toA1(row, col));
    if (!td) return;
    this.editing = { row, col };
    const editor = this.editor;
    editor.hidden = false;
    editor.style.left = `${td.offsetLeft}px`;
    editor.style.top = `${td.offsetTop}px`;
    editor.style.width = `${Math.max(td.offsetWidth, 120)}px`;
    editor.style.height = `${td.offsetHeight}px`;
    editor.value = initial ?? this.rawContent(row, col);
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private commitEdit(): void {
    if (this.editing === null) return;
    const { row, col } = this.editing;
    this.editing = null;
    this.editor.hidden = true;
    this.commit(row, col, this.editor.value);
  }

  private cancelEdit(): void {
    this.editing = null;
    this.editor.hidden = true;
    this.elements.scroller.focus();
  }

  private wireEvents(): void {
    const { scroller, nameBox, formulaBar } = this.elements;
    scroller.addEventListener("scroll", () => {
      if (this.scrollPending) return;
      this.scrollPending = true;
      requestAnimationFrame(() => {
        this.scrollPending = false;
        if (this.needsRender()) this.renderFrame();
      });
    });
    this.body.addEventListener("mousedown", (event) => {
      const td = (event.target as HTMLElement).closest("td");
      if (!td || !td.dataset.address) return;
      this.commitEdit();
      const { row, col } = cellPosition(td.dataset.address) as { row: number; col: number };
      this.select(row, col);
      event.preventDefault();
      scroller.focus({ preventScroll: true });
    });
    this.body.addEventListener("dblclick", () => this.startEdit(null));
    scroller.addEventListener("keydown", (event) => this.onGridKey(event));
    this.editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        this.commitEdit();
        const { row, col } = this.selected;
        if (event.key === "Enter") this.select(row + (event.shiftKey ? -1 : 1), col);
        else this.select(row, col + (event.shiftKey ? -1 : 1));
        scroller.focus({ preventScroll: true });
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.cancelEdit();
      }
      event.stopPropagation();
    });
    this.editor.addEventListener("blur", () => this.commitEdit());
    nameBox.addEventListener("focus", () => nameBox.select());
    nameBox.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const problem = this.goTo(nameBox.value);
        if (problem === null) {
          nameBox.removeAttribute("aria-invalid");
          scroller.focus({ preventScroll: true });
        } else {
          nameBox.setAttribute("aria-invalid", "true");
          this.callbacks.onMessage?.(problem);
        }
      } else if (event.key === "Escape") {
        nameBox.removeAttribute("aria-invalid");
        nameBox.value = this.range?.name ?? toA1(this.selected.row, this.selected.col);
        scroller.focus({ preventScroll: true });
      }
    });
    formulaBar.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const { row, col } = this.selected;
        this.commit(row, col, formulaBar.value);
        scroller.focus({ preventScroll: true });
      } else if (event.key === "Escape") {
        event.preventDefault();
        formulaBar.blur();
        this.showSelectedContent();
        scroller.focus({ preventScroll: true });
      }
    });
    formulaBar.addEventListener("blur", () => this.showSelectedContent());
  }

  private onGridKey(event: KeyboardEvent): void {
    if (event.target !== this.elements.scroller) return;
    const { row, col } = this.selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [event.shiftKey ? -1 : 1, 0],
    };
    // Tab and Shift+Tab are left to the browser, so keyboard users can leave the grid for the
    // sheet tabs and the task pane (WCAG 2.1.2, no keyboard trap); arrows and Enter move inside.
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.select(row + move[0], col + move[1]);
    } else if (event.key === "F2") {
      event.preventDefault();
      this.startEdit(null);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      this.commit(row, col, "");
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  destroy(): void {
    this.detach();
    this.elements.scroller.replaceChildren();
  }
}

/** A row standing in for the rows out of view, so the scrollbar covers the whole sheet. */
function spacer(heightPx: number, columnSpan: number): HTMLTableRowElement {
  const tr = window.document.createElement("tr");
  tr.className = "spacer";
  tr.setAttribute("aria-hidden", "true");
  const td = window.document.createElement("td");
  td.colSpan = columnSpan;
  td.style.height = `${heightPx}px`;
  tr.append(td);
  return tr;
}

/** What an error value means, for an error that carries no message of its own. */
function errorMeaning(code: string): string {
  switch (code) {
    case "#NUM!":
      return "A number is outside the range the function accepts.";
    case "#NAME?":
      return "The formula uses a name the workbook does not know: a function or a defined name.";
    case "#DIV/0!":
      return "The formula divides by zero.";
    case "#REF!":
      return "The formula refers to a cell that does not exist.";
    case "#SPILL!":
      return "The result needs more cells, and some of them are not empty.";
    case "#CYCLE!":
      return "The formula depends on its own value.";
    default:
      return "";
  }
}
