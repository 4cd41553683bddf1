import type { ExportedChange } from "hyperformula";
import { cellPosition, columnLetters, parseCellAddress } from "../sheet/addresses";
import { toA1, type PreviewDocument } from "./document";
import { displayValue } from "./format";
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
}

export interface GridCallbacks {
  /** A message for the user, e.g. an address the Name Box cannot find. */
  readonly onMessage?: (message: string) => void;
}

interface RenderedWindow {
  readonly firstRow: number;
  readonly endRow: number;
}

export class Grid implements SelectionSource {
  private workbookDocument: PreviewDocument;
  private readonly elements: GridElements;
  private readonly callbacks: GridCallbacks;
  private readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private readonly editor: HTMLInputElement;
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
  private readonly onSheetsChanged = () => this.renderTabs();

  constructor(workbookDocument: PreviewDocument, elements: GridElements, callbacks: GridCallbacks = {}) {
    this.workbookDocument = workbookDocument;
    this.elements = elements;
    this.callbacks = callbacks;
    this.table = Object.assign(window.document.createElement("table"), { className: "grid" });
    this.table.setAttribute("role", "grid");
    this.body = window.document.createElement("tbody");
    this.editor = Object.assign(window.document.createElement("input"), { className: "cell-editor", hidden: true });
    this.editor.setAttribute("aria-label", "Cell editor");
    elements.scroller.replaceChildren(this.table, this.editor);
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
      this.workbookDocument.hf.addSheet(`Sheet${number}`);
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
        const shown = displayValue(value, this.workbookDocument.formatAt(position));
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
    const shown = displayValue(this.workbookDocument.hf.getCellValue(position), this.workbookDocument.formatAt(position));
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

  /** Selects a cell of the sheet on screen and scrolls it into view. */
  select(row: number, col: number): void {
    const clampedRow = Math.max(0, Math.min(row, this.rowCount - 1));
    const clampedCol = Math.max(0, Math.min(col, this.columnCount - 1));
    this.selected = { sheetName: this.sheetName, row: clampedRow, col: clampedCol };
    this.scrollIntoView(clampedRow, clampedCol);
    this.markSelection();
    this.showSelectedContent();
    for (const listener of this.selectionListeners) {
      listener();
    }
  }

  /** Selects an address typed in the Name Box ("L58", "'AICOST Assumptions'!B4"); false if it is not one. */
  goTo(text: string): boolean {
    const location = parseCellAddress(text);
    if (location === null) {
      return false;
    }
    if (location.sheetName !== null) {
      const sheetName = this.workbookDocument.hf.getSheetNames().find((name) => name.toLowerCase() === location.sheetName?.toLowerCase());
      if (sheetName === undefined) {
        return false;
      }
      if (sheetName !== this.sheetName) {
        this.showSheet(sheetName);
      }
    }
    if (location.rowNumber > this.rowCount || location.columnIndex >= this.columnCount) {
      this.rowCount = Math.max(this.rowCount, location.rowNumber + 20);
      this.columnCount = Math.min(MAX_COLUMNS, Math.max(this.columnCount, location.columnIndex + 2));
      if (location.columnIndex >= this.columnCount) {
        return false;
      }
      this.measureKeepingSize();
    }
    this.select(location.rowNumber - 1, location.columnIndex);
    return true;
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
    for (const previous of this.body.querySelectorAll("td.selected")) {
      previous.classList.remove("selected");
      previous.removeAttribute("aria-selected");
    }
    const td = this.cells.get(toA1(this.selected.row, this.selected.col));
    td?.classList.add("selected");
    td?.setAttribute("aria-selected", "true");
  }

  private showSelectedContent(): void {
    const { row, col } = this.selected;
    this.elements.nameBox.value = toA1(row, col);
    if (window.document.activeElement !== this.elements.formulaBar) {
      this.elements.formulaBar.value = this.rawContent(row, col);
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
    if (serialized === null || serialized === undefined) return "";
    if (typeof serialized === "boolean") return serialized ? "TRUE" : "FALSE";
    return typeof serialized === "object" ? String(this.workbookDocument.hf.getCellValue(position) ?? "") : String(serialized);
  }

  // ---- Editing --------------------------------------------------------------------------------

  /** Writes what the user typed into a cell: a formula, a number, text, or empty to clear it. */
  commit(row: number, col: number, input: string): void {
    try {
      this.workbookDocument.hf.setCellContents({ sheet: this.sheet, row, col }, input === "" ? null : input);
    } catch (thrown) {
      this.callbacks.onMessage?.(`${toA1(row, col)} was not changed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
    this.showSelectedContent();
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
        if (this.goTo(nameBox.value)) {
          nameBox.removeAttribute("aria-invalid");
          scroller.focus({ preventScroll: true });
        } else {
          nameBox.setAttribute("aria-invalid", "true");
          this.callbacks.onMessage?.(`"${nameBox.value}" is not a cell on this workbook's grid: type an address such as L58 or 'AICOST Assumptions'!B4.`);
        }
      } else if (event.key === "Escape") {
        nameBox.value = toA1(this.selected.row, this.selected.col);
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
