import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import { columnLetters, parseCellAddress, sheetPrefix } from "../../src/sheet/addresses";
import { zipSync } from "fflate";
import type { BatchRunner, DocumentSettings, OfficeFile, OfficeFileHost, OfficeResult, OfficeSlice } from "../../src/workbook/excelWorkbook";

/**
 * A small Excel for the adapter's tests: workbook state (sheets of cells, tables, names,
 * validation, charts, event handlers) behind request contexts whose proxy objects are
 * office-addin-mock `OfficeMockObject`s, so the adapter must load and sync before it reads
 * (an unloaded property reads as "Error, property was not loaded", which the tests would see).
 *
 * What office-addin-mock cannot do, and this file does by hand:
 * - state that outlives one batch, and methods that change it (getRange reads the sheet as it
 *   stands; tables.add, names.add, charts.add, convertToRange, clear, rows.add take effect at
 *   the next sync, in the order they were called, as Excel applies a queued batch);
 * - `getItemOrNullObject`: `isNullObject` is set as a plain field, readable after the sync
 *   without a load, as in Office.js;
 * - collections (`tables.load("items/name")`): the mock cannot load through an array, so the
 *   collection is a hand-made object over item mocks;
 * - events: `onChanged`, `onAdded`, `onDeleted`, `onSelectionChanged` keep their handlers in the
 *   state; tests fire them with `fire*` and check that `remove()` took them away;
 * - documented rules the adapter must respect, each with its source where it is modelled: text
 *   entered as Excel reads it (a leading "'", "=", "+", "-", percentages), tables that may not
 *   overlap, table names unique in the workbook, worksheets found by name or id, handlers that
 *   follow a renamed sheet and are removed only on the context they were added with, and (as an
 *   option) a host that rejects a logarithmic value axis;
 * - recording writes: at each sync every watched property of every proxy is compared with its
 *   value after the last sync, and each assignment becomes a {@link Write} (property writes are
 *   applied after the batch's method calls, which is the order the adapter relies on).
 *
 * The fake does not calculate: a formula cell's value reads as its formula text.
 */

/** One change the adapter made to the workbook. */
export interface Write {
  readonly sheet: string;
  /** The range written ("B4", "A10:D13") or, for workbook-level operations, what was touched. */
  readonly address: string;
  /** The property assigned ("values", "formulas", "format.font.bold", ...) or the method called ("tables.add", ...). */
  readonly property: string;
  readonly value: unknown;
}

export interface CellState {
  value: string | number | boolean;
  formula: string | number | boolean;
  numberFormat: string;
}

export interface TableState {
  name: string;
  /** "A10:D13" on its sheet, headers included. */
  address: string;
}

export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  categoryNames?: string;
  position?: string;
  properties: Record<string, unknown>;
}

export interface SheetState {
  /** Excel's worksheet id: it stays with the sheet when the sheet is renamed. */
  readonly id: string;
  name: string;
  cells: Map<string, CellState>;
  tables: TableState[];
  charts: ChartState[];
  /** Data validation rules by address. */
  validation: Map<string, { rule: unknown; errorAlert?: unknown }>;
}

type Handler = (args?: unknown) => Promise<void> | void;

const mockErrors = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

/** The cells of a range address such as "A1:D110" or "B4" (whole-column addresses have none). */
export function rangeBounds(address: string): { left: number; top: number; right: number; bottom: number } | null {
  const local = address.replace(/^.*!/, "").replace(/\$/g, "");
  const [start, end = start] = local.split(":");
  const topLeft = parseCellAddress(start);
  const bottomRight = parseCellAddress(end);
  if (topLeft === null || bottomRight === null) {
    return null;
  }
  return { left: topLeft.columnIndex, top: topLeft.rowNumber, right: bottomRight.columnIndex, bottom: bottomRight.rowNumber };
}

/**
 * What a cell holds after a user or the API enters `input`, as Excel reads typed text:
 * - a leading "'" is the cell's prefix, not part of its value or formula (reading `formulas` back
 *   gives the text without it: OfficeDev/office-js#6687);
 * - a value starting with "=", "+" or "-" is a formula (Office.js reference, Excel.Range.values);
 *   one that does not parse, such as "-10% if the deal closes", makes Excel reject the write;
 * - numbers, and percentages such as "10%", become numbers.
 */
function enter(input: unknown, numberFormat: string): CellState {
  if (typeof input === "number" || typeof input === "boolean") {
    return { value: input, formula: input, numberFormat };
  }
  const text = String(input ?? "");
  if (text.startsWith("'")) {
    return { value: text.slice(1), formula: text.slice(1), numberFormat };
  }
  if (text.trim() !== "" && Number.isFinite(Number(text))) {
    return { value: Number(text), formula: Number(text), numberFormat };
  }
  const percent = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (percent !== null) {
    return { value: Number(percent[1]) / 100, formula: text.trim(), numberFormat };
  }
  if (text.startsWith("=")) {
    return { value: text, formula: text, numberFormat };
  }
  if (text.startsWith("+") || text.startsWith("-")) {
    throw new Error(`fake Excel: InvalidArgument: "${text}" is read as a formula and does not parse`);
  }
  return { value: text, formula: text, numberFormat };
}

/** Whether two range addresses share a cell. */
function overlaps(first: string, second: string): boolean {
  const a = rangeBounds(first);
  const b = rangeBounds(second);
  return a !== null && b !== null && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

interface Watched {
  readonly mock: OfficeMockObject;
  readonly sheet: string;
  readonly address: string;
  readonly paths: readonly string[];
  readonly last: Map<string, unknown>;
  /** Applies an assignment to the state. */
  readonly apply: (path: string, value: unknown) => void;
}

function read(mock: OfficeMockObject, path: string): unknown {
  let current: unknown = mock;
  for (const key of path.split(".")) {
    current = current === null || current === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
}

export class FakeExcel {
  readonly sheets = new Map<string, SheetState>();
  /** Workbook-scoped names and their formulas ("='AICOST Assumptions'!$A$7:$C$7"). */
  readonly names = new Map<string, string>();
  activeSheetName = "Sheet1";
  activeCellAddress = "A1";
  writes: Write[] = [];
  syncCount = 0;
  /** Application.calculationMode ("Automatic" or "Manual"), and how often calculate() ran. */
  calculationMode: "Automatic" | "Manual" = "Automatic";
  calculateCount = 0;
  readonly sheetChangedHandlers = new Map<string, Set<Handler>>();
  readonly sheetAddedHandlers = new Set<Handler>();
  readonly sheetDeletedHandlers = new Set<Handler>();
  readonly selectionHandlers = new Set<Handler>();
  readonly settingsStore = new Map<string, unknown>();
  settingsSaves = 0;
  /**
   * A host that rejects `ChartAxis.scaleType = "Logarithmic"` at the sync, as some builds did
   * (OfficeDev/office-js#1729; #3695 for logBase on the web).
   */
  rejectsLogScale = false;

  // The Share-safe copy's Office calls (Document.getFileAsync in slices, Excel.createWorkbook,
  // requirement sets), modelled on the Office.js reference: a File gives sliceCount slices of at
  // most sliceSize bytes each, as number arrays, by index; at most two Files may be open at once
  // (getFileAsync fails with a third); closeAsync releases one.
  /** The highest ExcelApi version the host supports. */
  excelApiVersion = 1.8;
  /** False for a host without Document.getFileAsync. */
  hasGetFileAsync = true;
  /** Slices smaller than asked for (Office may give less than sliceSize); null gives what is asked. */
  sliceBytes: number | null = null;
  /** Set to make getSliceAsync fail for that slice index. */
  failSliceAt: number | null = null;
  /** The slice sizes asked for, files opened and closed, and the base64 of every workbook created. */
  readonly sliceSizesAsked: number[] = [];
  openFiles = 0;
  closedFiles = 0;
  readonly createdWorkbooks: string[] = [];

  private sheetIds = 0;
  private watched: Watched[] = [];
  private mocks: OfficeMockObject[] = [];
  private queued: (() => void)[] = [];

  constructor() {
    this.addSheet("Sheet1");
  }

  /** Excel.run's stand-in: every batch gets a fresh context unless it reuses one (event removal). */
  readonly run: BatchRunner = async (batch, reuse) => {
    const context = (reuse as unknown as OfficeMockObject | undefined) ?? (this.context() as unknown as OfficeMockObject);
    const previous = this.batchContext;
    this.batchContext = context;
    try {
      return await batch(context as unknown as Excel.RequestContext);
    } finally {
      this.batchContext = previous;
    }
  };

  readonly settings: DocumentSettings = {
    get: (name) => this.settingsStore.get(name),
    set: (name, value) => {
      this.settingsStore.set(name, JSON.parse(JSON.stringify(value)) as unknown);
    },
    save: async () => {
      this.settingsSaves++;
    },
  };

  /**
   * The workbook as a minimal .xlsx package: each sheet's cells (formulas without "=", numbers,
   * text inline, logicals) and the workbook's names. Not all of what Excel writes, but a real
   * package the share-safe rewriter reads, so the pane's path can be followed end to end.
   */
  fileBytes(): Uint8Array {
    const encode = (text: string) => new TextEncoder().encode(text);
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const sheets = [...this.sheets.values()];
    const files: Record<string, Uint8Array> = {
      "[Content_Types].xml": encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_sheet, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
      "_rels/.rels": encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      "xl/_rels/workbook.xml.rels": encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_sheet, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join("")}</Relationships>`,
      ),
      "xl/workbook.xml": encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((sheet, index) => `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join("")}</sheets><definedNames>${[...this.names].map(([name, formula]) => `<definedName name="${escape(name)}">${escape(String(formula).replace(/^=/, ""))}</definedName>`).join("")}</definedNames><calcPr calcId="191029"/></workbook>`,
      ),
    };
    sheets.forEach((sheet, index) => {
      const byRow = new Map<number, string[]>();
      for (const [address, cell] of sheet.cells) {
        const location = parseCellAddress(address);
        if (location === null || cell.formula === "") continue;
        let xml: string;
        if (typeof cell.formula === "string" && cell.formula.startsWith("=")) xml = `<c r="${address}"><f>${escape(cell.formula.slice(1))}</f></c>`;
        else if (typeof cell.value === "number") xml = `<c r="${address}"><v>${cell.value}</v></c>`;
        else if (typeof cell.value === "boolean") xml = `<c r="${address}" t="b"><v>${cell.value ? 1 : 0}</v></c>`;
        else xml = `<c r="${address}" t="inlineStr"><is><t xml:space="preserve">${escape(String(cell.value))}</t></is></c>`;
        byRow.set(location.rowNumber, [...(byRow.get(location.rowNumber) ?? []), xml]);
      }
      // Cells in a row in column order, as Excel writes them.
      const order = (xml: string) => parseCellAddress(/r="([A-Z]+[0-9]+)"/.exec(xml)![1])!.columnIndex;
      const rows = [...byRow].sort(([a], [b]) => a - b).map(([row, cells]) => `<row r="${row}">${cells.sort((a, b) => order(a) - order(b)).join("")}</row>`);
      files[`xl/worksheets/sheet${index + 1}.xml`] = encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`);
    });
    return zipSync(files);
  }

  /** Office's file calls over this workbook, for `new ExcelWorkbook(run, settings, files)`. */
  get files(): OfficeFileHost {
    return {
      isSetSupported: (name, minVersion) => name === "ExcelApi" && Number(minVersion ?? "1.1") <= this.excelApiVersion,
      getCompressedFile: this.hasGetFileAsync ? this.getCompressedFile : undefined,
      createWorkbook: async (base64) => {
        if (this.excelApiVersion < 1.8) throw new Error("fake Excel: createWorkbook needs ExcelApi 1.8");
        this.createdWorkbooks.push(base64);
      },
    };
  }

  private readonly getCompressedFile: NonNullable<OfficeFileHost["getCompressedFile"]> = (options, callback) => {
    this.sliceSizesAsked.push(options.sliceSize);
    if (this.openFiles >= 2) {
      callback({ status: "failed", value: undefined as unknown as OfficeFile, error: { message: "Two documents are already open in memory (File.closeAsync was not called)." } });
      return;
    }
    const bytes = this.fileBytes();
    const sliceSize = Math.min(options.sliceSize, this.sliceBytes ?? options.sliceSize, 4 * 1024 * 1024);
    const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
    this.openFiles++;
    let closed = false;
    const file: OfficeFile = {
      size: bytes.length,
      sliceCount,
      getSliceAsync: (sliceIndex, sliceCallback) => {
        if (closed || sliceIndex === this.failSliceAt || sliceIndex < 0 || sliceIndex >= sliceCount) {
          sliceCallback({ status: "failed", value: undefined as unknown as OfficeSlice, error: { message: closed ? "The file is closed." : `Slice ${sliceIndex} could not be read.` } });
          return;
        }
        const data = Array.from(bytes.subarray(sliceIndex * sliceSize, (sliceIndex + 1) * sliceSize));
        setTimeout(() => sliceCallback({ status: "succeeded", value: { data, index: sliceIndex, size: data.length } }), 0);
      },
      closeAsync: (closeCallback) => {
        if (!closed) {
          closed = true;
          this.openFiles--;
          this.closedFiles++;
        }
        closeCallback?.({ status: "succeeded", value: undefined } as OfficeResult<void>);
      },
    };
    setTimeout(() => callback({ status: "succeeded", value: file }), 0);
  };

  addSheet(name: string): SheetState {
    this.sheetIds++;
    const sheet: SheetState = { id: `{sheet-${this.sheetIds}}`, name, cells: new Map(), tables: [], charts: [], validation: new Map() };
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** Types into a cell as a user would (no write is recorded: it is not the adapter's). */
  type(sheetName: string, address: string, input: string | number): void {
    const sheet = this.sheets.get(sheetName) ?? this.addSheet(sheetName);
    const previous = sheet.cells.get(address);
    sheet.cells.set(address, enter(input, previous?.numberFormat ?? "General"));
  }

  /** What a cell holds: its value ("" when empty). */
  value(sheetName: string, address: string): unknown {
    return this.sheets.get(sheetName)?.cells.get(address)?.value ?? "";
  }

  formula(sheetName: string, address: string): unknown {
    return this.sheets.get(sheetName)?.cells.get(address)?.formula ?? "";
  }

  /** Renames a sheet as a user would: its contents and its event handlers go with it. */
  renameSheet(name: string, newName: string): void {
    const sheet = this.sheets.get(name);
    if (sheet === undefined) {
      throw new Error(`fake Excel: no sheet ${name}`);
    }
    this.sheets.delete(name);
    sheet.name = newName;
    this.sheets.set(newName, sheet);
    const handlers = this.sheetChangedHandlers.get(name);
    this.sheetChangedHandlers.delete(name);
    if (handlers !== undefined) {
      this.sheetChangedHandlers.set(newName, handlers);
    }
  }

  deleteSheet(name: string): void {
    this.sheets.delete(name);
    this.sheetChangedHandlers.delete(name); // a deleted sheet's handlers go with it
    for (const [key, formula] of this.names) {
      if (formula.includes(sheetPrefix(name))) {
        this.names.set(key, "=#REF!");
      }
    }
  }

  async fireSheetChanged(sheetName: string): Promise<void> {
    for (const handler of this.sheetChangedHandlers.get(sheetName) ?? []) {
      await handler({ worksheetId: sheetName, changeType: "RangeEdited" });
    }
  }

  async fireSheetAdded(): Promise<void> {
    for (const handler of [...this.sheetAddedHandlers]) {
      await handler({ type: "WorksheetAdded" });
    }
  }

  async fireSheetDeleted(): Promise<void> {
    for (const handler of [...this.sheetDeletedHandlers]) {
      await handler({ type: "WorksheetDeleted" });
    }
  }

  async fireSelectionChanged(): Promise<void> {
    for (const handler of [...this.selectionHandlers]) {
      await handler({});
    }
  }

  get handlerCount(): number {
    let count = this.sheetAddedHandlers.size + this.sheetDeletedHandlers.size + this.selectionHandlers.size;
    for (const handlers of this.sheetChangedHandlers.values()) {
      count += handlers.size;
    }
    return count;
  }

  // -------------------------------------------------------------------------------------------
  // Proxies

  private track<T extends OfficeMockObject>(mock: T): T {
    this.mocks.push(mock);
    return mock;
  }

  private watch(mock: OfficeMockObject, sheet: string, address: string, paths: readonly string[], apply: (path: string, value: unknown) => void): void {
    const last = new Map<string, unknown>();
    for (const path of paths) {
      last.set(path, read(mock, path));
    }
    this.watched.push({ mock, sheet, address, paths, last, apply });
  }

  private queue(write: Write, effect: () => void): void {
    this.queued.push(() => {
      this.writes.push(write);
      effect();
    });
  }

  private grid(sheetName: string, address: string, pick: (cell: CellState | undefined) => unknown): unknown[][] {
    const bounds = rangeBounds(address);
    if (bounds === null) {
      return [];
    }
    const cells = this.sheets.get(sheetName)?.cells;
    const rows: unknown[][] = [];
    for (let row = bounds.top; row <= bounds.bottom; row++) {
      const cellsOfRow: unknown[] = [];
      for (let column = bounds.left; column <= bounds.right; column++) {
        cellsOfRow.push(pick(cells?.get(`${columnLetters(column)}${row}`)));
      }
      rows.push(cellsOfRow);
    }
    return rows;
  }

  private writeGrid(sheetName: string, address: string, property: "values" | "formulas" | "numberFormat", data: unknown): void {
    const bounds = rangeBounds(address);
    const sheet = this.sheets.get(sheetName);
    if (bounds === null || sheet === undefined || !Array.isArray(data)) {
      throw new Error(`fake Excel: cannot write ${property} to ${sheetName}!${address}`);
    }
    const height = bounds.bottom - bounds.top + 1;
    const width = bounds.right - bounds.left + 1;
    if (data.length !== height || data.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw new Error(`fake Excel: ${property} for ${address} must be ${height} x ${width}`); // as Excel rejects a mismatched array
    }
    (data as unknown[][]).forEach((cells, rowOffset) =>
      cells.forEach((input, columnOffset) => {
        const key = `${columnLetters(bounds.left + columnOffset)}${bounds.top + rowOffset}`;
        const previous = sheet.cells.get(key);
        if (property === "numberFormat") {
          sheet.cells.set(key, { ...(previous ?? { value: "", formula: "" }), numberFormat: String(input) });
        } else if (input === "" || input === null) {
          sheet.cells.delete(key);
          if (previous !== undefined && previous.numberFormat !== "General") {
            sheet.cells.set(key, { value: "", formula: "", numberFormat: previous.numberFormat });
          }
        } else {
          sheet.cells.set(key, enter(input, previous?.numberFormat ?? "General"));
        }
      }),
    );
  }

  private range(sheetName: string, address: string): OfficeMockObject {
    const sheet = this.sheets.get(sheetName);
    const validation = sheet?.validation.get(address);
    const mock = this.track(
      new OfficeMockObject(
        {
          address: `${sheetPrefix(sheetName)}${address}`,
          values: this.grid(sheetName, address, (cell) => cell?.value ?? ""),
          formulas: this.grid(sheetName, address, (cell) => cell?.formula ?? ""),
          numberFormat: this.grid(sheetName, address, (cell) => cell?.numberFormat ?? "General"),
          format: { columnWidth: 48, font: { bold: false, size: 11 }, fill: { color: "#FFFFFF" } },
          dataValidation: {
            type: validation === undefined ? "None" : "List",
            clear: () =>
              this.queue({ sheet: sheetName, address, property: "dataValidation.clear", value: null }, () => {
                this.sheets.get(sheetName)?.validation.delete(address);
              }),
          },
          getDirectPrecedents: () => this.directPrecedents(sheetName, address),
          // The used part of a range; the fake's sheets are small, so the range itself (never a null object).
          getUsedRangeOrNullObject: () => {
            const used = this.range(sheetName, address);
            used.isNullObject = false;
            return used;
          },
          // Range.delete(shift "Up"): the cells below, in the range's columns, move up; a table the
          // range's rows belong to shrinks; relative row references in moved formulas follow
          // (the fake adjusts a moved formula's own references only, which is all AICOST's
          // readings need).
          delete: (shift: string) =>
            this.queue({ sheet: sheetName, address, property: "delete", value: shift }, () => {
              const target = this.sheets.get(sheetName);
              const bounds = rangeBounds(address);
              if (target === undefined || bounds === null || shift !== "Up") {
                throw new Error(`fake Excel: delete ${shift} of ${address} is not modelled`);
              }
              const height = bounds.bottom - bounds.top + 1;
              const lastRow = Math.max(bounds.bottom, ...[...target.cells.keys()].map((key) => Number(/\d+$/.exec(key)?.[0] ?? 0)));
              const shiftFormula = (formula: string | number | boolean): string | number | boolean =>
                typeof formula === "string" && formula.startsWith("=")
                  ? formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (all, d1: string, letters: string, d2: string, digits: string) =>
                      Number(digits) > bounds.bottom ? `${d1}${letters}${d2}${Number(digits) - height}` : all,
                    )
                  : formula;
              for (let column = bounds.left; column <= bounds.right; column++) {
                const letters = columnLetters(column);
                for (let row = bounds.top; row <= lastRow; row++) {
                  const below = target.cells.get(`${letters}${row + height}`);
                  if (below === undefined) target.cells.delete(`${letters}${row}`);
                  else target.cells.set(`${letters}${row}`, { ...below, formula: shiftFormula(below.formula), value: typeof below.value === "string" ? String(shiftFormula(below.value)) : below.value });
                }
              }
              for (const table of target.tables) {
                const tableBounds = rangeBounds(table.address);
                if (tableBounds !== null && tableBounds.top < bounds.top && tableBounds.bottom >= bounds.bottom) {
                  table.address = `${columnLetters(tableBounds.left)}${tableBounds.top}:${columnLetters(tableBounds.right)}${tableBounds.bottom - height}`;
                }
              }
            }),
          clear: (what?: string) =>
            this.queue({ sheet: sheetName, address, property: "clear", value: what ?? "All" }, () => {
              const target = this.sheets.get(sheetName);
              const bounds = rangeBounds(address);
              if (target !== undefined && bounds !== null) {
                for (let row = bounds.top; row <= bounds.bottom; row++) {
                  for (let column = bounds.left; column <= bounds.right; column++) {
                    target.cells.delete(`${columnLetters(column)}${row}`);
                  }
                }
              }
            }),
        },
        OfficeApp.Excel,
      ),
    );
    (mock as unknown as { __fake: { sheet: string; address: string } }).__fake = { sheet: sheetName, address };
    const paths = ["values", "formulas", "numberFormat", "format.columnWidth", "format.font.bold", "format.font.size", "format.fill.color", "dataValidation.rule", "dataValidation.errorAlert"];
    this.watch(mock, sheetName, address, paths, (path, value) => {
      if (path === "values" || path === "formulas" || path === "numberFormat") {
        this.writeGrid(sheetName, address, path, value);
      } else if (path === "dataValidation.rule") {
        this.sheets.get(sheetName)?.validation.set(address, { rule: value });
      } else if (path === "dataValidation.errorAlert") {
        const existing = this.sheets.get(sheetName)?.validation.get(address);
        if (existing !== undefined) {
          existing.errorAlert = value;
        }
      }
    });
    return mock;
  }

  private table(sheetName: string, table: TableState | undefined): OfficeMockObject {
    const mock = this.track(
      new OfficeMockObject(
        {
          name: table?.name ?? "",
          worksheet: { name: sheetName },
          getRange: () => this.range(sheetName, table?.address ?? "A1"),
          convertToRange: () =>
            this.queue({ sheet: sheetName, address: table?.address ?? "", property: "convertToRange", value: table?.name }, () => {
              const sheet = this.sheets.get(sheetName);
              if (sheet !== undefined && table !== undefined) {
                sheet.tables = sheet.tables.filter((candidate) => candidate !== table);
              }
            }),
          rows: {
            add: (_index: number | undefined, values: unknown[][]) =>
              this.queue({ sheet: sheetName, address: table?.address ?? "", property: "rows.add", value: values }, () => {
                const bounds = table === undefined ? null : rangeBounds(table.address);
                if (table === undefined || bounds === null) {
                  throw new Error("fake Excel: rows.add on a missing table");
                }
                // Appends the rows under the table, across its columns (TableRowCollection.add); the
                // new rows take the formats of the row above (Excel extends a table's column formats).
                const first = bounds.bottom + 1;
                const last = bounds.bottom + values.length;
                const left = columnLetters(bounds.left);
                const right = columnLetters(bounds.right);
                this.writeGrid(sheetName, `${left}${first}:${right}${last}`, "values", values);
                const sheet = this.sheets.get(sheetName);
                if (sheet !== undefined) {
                  for (const [address, cell] of [...sheet.cells]) {
                    const match = /^([A-Z]+)(\d+)$/.exec(address);
                    if (match === null || Number(match[2]) !== bounds.bottom) continue;
                    for (let row = first; row <= last; row++) {
                      const below = sheet.cells.get(`${match[1]}${row}`);
                      if (below !== undefined) below.numberFormat = cell.numberFormat;
                    }
                  }
                }
                table.address = `${left}${bounds.top}:${right}${last}`;
              }),
          },
        },
        OfficeApp.Excel,
      ),
    );
    mock.isNullObject = table === undefined;
    this.watch(mock, sheetName, table?.address ?? "", ["name"], (_path, value) => {
      // Table names are unique in the whole workbook, whatever the sheet and the case
      // (OfficeDev/office-js#551; Office.js reference, Table.name): a clash throws InvalidArgument.
      const name = String(value);
      const clash = [...this.sheets.values()].some((sheet) =>
        sheet.tables.some((other) => other !== table && other.name.toLowerCase() === name.toLowerCase()),
      );
      if (clash) {
        throw new Error(`fake Excel: InvalidArgument: a table named ${name} exists`);
      }
      if (table !== undefined) {
        table.name = name;
      }
    });
    return mock;
  }

  private tableCollection(sheetName: string): unknown {
    const items = (this.sheets.get(sheetName)?.tables ?? []).map((table) => this.table(sheetName, table));
    return {
      items,
      load: (_properties: string) => {
        for (const item of items) {
          item.load("name");
        }
      },
      add: (range: OfficeMockObject, hasHeaders: boolean) => {
        const address = (range as unknown as { __fake: { address: string } }).__fake.address;
        const table: TableState = { name: `Table${this.tableCount() + 1}`, address };
        this.queue({ sheet: sheetName, address, property: "tables.add", value: hasHeaders }, () => {
          // Office.js reference, TableCollection.add: a table that would overlap another throws.
          const sheet = this.sheets.get(sheetName);
          if (sheet?.tables.some((other) => overlaps(other.address, address)) === true) {
            throw new Error(`fake Excel: InvalidArgument: a table over ${address} would overlap another table`);
          }
          sheet?.tables.push(table);
        });
        return this.table(sheetName, table);
      },
    };
  }

  private tableCount(): number {
    return [...this.sheets.values()].reduce((count, sheet) => count + sheet.tables.length, 0);
  }

  private chart(sheetName: string, chart: ChartState): OfficeMockObject {
    const mock = this.track(
      new OfficeMockObject(
        {
          title: { text: "" },
          axes: {
            categoryAxis: {
              setCategoryNames: (range: OfficeMockObject) => {
                chart.categoryNames = (range as unknown as { __fake: { address: string } }).__fake.address;
              },
            },
            valueAxis: { scaleType: "Linear" },
          },
          setPosition: (startCell: string) => {
            chart.position = startCell;
          },
        },
        OfficeApp.Excel,
      ),
    );
    this.watch(mock, sheetName, chart.source, ["title.text", "axes.valueAxis.scaleType"], (path, value) => {
      if (path === "axes.valueAxis.scaleType" && value === "Logarithmic" && this.rejectsLogScale) {
        throw new Error("fake Excel: InvalidOperation: This operation is not permitted for the current object.");
      }
      chart.properties[path] = value;
    });
    return mock;
  }

  private worksheet(sheetName: string): OfficeMockObject {
    const exists = this.sheets.has(sheetName);
    const mock = this.track(
      new OfficeMockObject(
        {
          id: this.sheets.get(sheetName)?.id ?? "",
          name: exists ? sheetName : "",
          getRange: (address: string) => this.range(sheetName, address),
          charts: {
            add: (type: string, source: OfficeMockObject, seriesBy: string) => {
              const chart: ChartState = { type, source: (source as unknown as { __fake: { address: string } }).__fake.address, seriesBy, properties: {} };
              this.queue({ sheet: sheetName, address: chart.source, property: "charts.add", value: type }, () => {
                this.sheets.get(sheetName)?.charts.push(chart);
              });
              return this.chart(sheetName, chart);
            },
          },
          onChanged: {
            add: (handler: Handler) => {
              const handlers = this.sheetChangedHandlers.get(sheetName) ?? new Set<Handler>();
              handlers.add(handler);
              this.sheetChangedHandlers.set(sheetName, handlers);
              return this.registration(() => handlers.delete(handler)); // the set follows a renamed sheet
            },
          },
        },
        OfficeApp.Excel,
      ),
    );
    mock.tables = this.tableCollection(sheetName);
    mock.isNullObject = !exists;
    return mock;
  }

  /**
   * Range.getDirectPrecedents: the references in the top-left cell's formula (string literals
   * aside), a defined name standing for its range, one address per area with its sheet. As in
   * Excel, a cell without precedents makes the sync fail with ItemNotFound.
   */
  private directPrecedents(sheetName: string, address: string): OfficeMockObject {
    const formula = this.sheets.get(sheetName)?.cells.get(address.split(":")[0].replace(/\$/g, ""))?.formula;
    const text = typeof formula === "string" && formula.startsWith("=") ? formula.replace(/"[^"]*"/g, '""') : "";
    const areas: string[] = [];
    const reference = /(?<![\w.$'])(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(!])/g;
    for (const match of text.matchAll(reference)) {
      const sheet = match[1]?.replace(/''/g, "'") ?? match[2] ?? sheetName;
      areas.push(`${sheetPrefix(sheet)}${match[3].replace(/\$/g, "")}`);
    }
    for (const [name, nameFormula] of this.names) {
      if (new RegExp(`(?<![\\w.])${name}(?![\\w(])`, "i").test(text)) areas.push(nameFormula.replace(/^=/, "").replace(/\$/g, ""));
    }
    const mock = this.track(new OfficeMockObject({ addresses: areas }, OfficeApp.Excel));
    if (areas.length === 0) {
      this.queued.push(() => {
        throw Object.assign(new Error("fake Excel: no precedents were found"), { code: "ItemNotFound" });
      });
    }
    return mock;
  }

  /** The context of the batch running now: the one an event handler is added with. */
  private batchContext: OfficeMockObject | null = null;

  /**
   * An EventHandlerResult. Its `remove()` works only in a batch on the context the handler was
   * added with (Excel.run(result.context, ...)); elsewhere it silently does nothing ("Remove an
   * event handler" in the Excel events article; OfficeDev/office-js-docs-reference#730).
   */
  private registration(remove: () => void): { context: unknown; remove: () => void } {
    const context = this.batchContext;
    return {
      context,
      remove: () => {
        if (this.batchContext === context) {
          this.queued.push(remove);
        }
      },
    };
  }

  private context(): Excel.RequestContext {
    const context: OfficeMockObject = new OfficeMockObject(
      {
        workbook: {
          getActiveCell: () => this.range(this.activeSheetName, this.activeCellAddress),
          application: {
            calculationMode: this.calculationMode,
            calculate: (type: string) =>
              this.queue({ sheet: "", address: "", property: "application.calculate", value: type }, () => {
                this.calculateCount++;
              }),
          },
          worksheets: {
            // WorksheetCollection.getItemOrNullObject takes a name or an id (Office.js reference).
            getItemOrNullObject: (key: string) => this.worksheet([...this.sheets.values()].find((sheet) => sheet.id === key)?.name ?? key),
            getItem: (name: string) => {
              if (!this.sheets.has(name)) {
                throw new Error(`fake Excel: no sheet ${name}`);
              }
              return this.worksheet(name);
            },
            getActiveWorksheet: () => this.worksheet(this.activeSheetName),
            add: (name: string) => {
              this.queue({ sheet: name, address: "", property: "worksheets.add", value: name }, () => {
                if (this.sheets.has(name)) {
                  throw new Error(`fake Excel: a sheet named ${name} exists`);
                }
                this.addSheet(name);
              });
              return this.worksheet(name);
            },
            onAdded: { add: (handler: Handler) => (this.sheetAddedHandlers.add(handler), this.registration(() => this.sheetAddedHandlers.delete(handler))) },
            onDeleted: { add: (handler: Handler) => (this.sheetDeletedHandlers.add(handler), this.registration(() => this.sheetDeletedHandlers.delete(handler))) },
          },
          names: {
            getItemOrNullObject: (name: string) => {
              const formula = this.names.get(name);
              const mock = this.track(new OfficeMockObject({ formula: formula ?? "" }, OfficeApp.Excel));
              mock.isNullObject = formula === undefined;
              this.watch(mock, "", name, ["formula"], (_path, value) => this.names.set(name, String(value)));
              return mock;
            },
            add: (name: string, reference: OfficeMockObject | string, comment?: string) => {
              const fake = (reference as unknown as { __fake?: { sheet: string; address: string } }).__fake;
              const formula =
                fake === undefined
                  ? String(reference)
                  : `=${sheetPrefix(fake.sheet)}${fake.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
              this.queue({ sheet: "", address: name, property: "names.add", value: { formula, comment } }, () => this.names.set(name, formula));
            },
          },
          tables: {
            getItemOrNullObject: (name: string) => {
              for (const sheet of this.sheets.values()) {
                const table = sheet.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
                if (table !== undefined) {
                  return this.table(sheet.name, table);
                }
              }
              return this.table("", undefined);
            },
          },
          onSelectionChanged: {
            add: (handler: Handler) => (this.selectionHandlers.add(handler), this.registration(() => this.selectionHandlers.delete(handler))),
          },
        },
      },
      OfficeApp.Excel,
    );
    context.sync = () => this.sync();
    return context as unknown as Excel.RequestContext;
  }

  /** Applies the batch: method calls in order, then property assignments; then answers the loads. */
  private async sync(): Promise<void> {
    this.syncCount++;
    const assignments: { entry: Watched; path: string; value: unknown }[] = [];
    for (const entry of this.watched) {
      for (const path of entry.paths) {
        const value = read(entry.mock, path);
        if (value !== entry.last.get(path) && !(typeof value === "string" && mockErrors.has(value))) {
          assignments.push({ entry, path, value });
        }
      }
    }
    const queued = this.queued;
    this.queued = [];
    for (const effect of queued) {
      effect();
    }
    for (const { entry, path, value } of assignments) {
      this.writes.push({ sheet: entry.sheet, address: entry.address, property: path, value });
      entry.apply(path, value);
    }
    for (const mock of this.mocks) {
      await mock.sync();
    }
    // The batch's own application object (calculationMode) is answered too.
    await (this.batchContext as unknown as { workbook?: { application?: OfficeMockObject } } | null)?.workbook?.application?.sync();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the mock updates loaded fields in later microtasks
    for (const entry of this.watched) {
      for (const path of entry.paths) {
        entry.last.set(path, read(entry.mock, path));
      }
    }
  }
}
