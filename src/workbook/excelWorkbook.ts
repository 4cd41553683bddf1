import { malformed } from "../core/errors";
import type { SensitivityWorkbook, SweepCellValue, TornadoRow } from "../core/sensitivity";
import {
  activeScenarioCells,
  checkTableTargetEmpty,
  inputLabel,
  isNumberConstant,
  MAX_PRECEDENT_CELLS,
  isDerivedInput,
  isSkippedSheet,
  qualifiedAddress,
  sensitivityTableRows,
  type SensitivityCell,
} from "../sheet/sensitivityCells";
import { tracesPrecedents } from "./officeHost";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../sheet/addresses";
import {
  analyseAssumptions,
  checkActiveScenarioName,
  checkNewScenario,
  missingAssumptionsSheet,
  requireScenarioName,
  rowWriteRuns,
  scenarioDeletion,
  scenarioRename,
  scenarioRowWrite,
} from "../sheet/checks";
import { BAND_DEFINED_NAME, BAND_NAME_REFERENCE, BAND_SNAPSHOT_RANGE, BAND_VALUES_RANGE, bandSheetCells } from "../sheet/bandLayout";
import { bandSnapshotFromGrid, checkBandRepair, repairedBand } from "../sheet/bandSheet";
import { repairedSheetCells, rowsToClear } from "../sheet/repair";
import type { CalendarDate } from "../core/calendar";
import { CALENDAR_NAMES, localToday } from "../sheet/calendarCells";
import { assumptionsSheetCells, tableRowInputs, type SheetCell } from "../sheet/sheetCells";
import {
  snapshotFromGrid,
  SNAPSHOT_RANGE,
  TABLE_GRID_RANGE,
  tableRowsFromGrid,
  type AssumptionsSnapshot,
  type TableInfo,
  type TableRowsSnapshot,
} from "../sheet/snapshot";
import { literalText } from "../sheet/textEntry";
import {
  ACTIVE_ROW_RANGE,
  ACTIVE_SCENARIO_CELL,
  ACTIVE_SCENARIO_DROPDOWN_ALERT,
  ACTIVE_SCENARIO_LABEL_CELL,
  ASSUMPTIONS_SHEET_NAME,
  SCENARIO_NAME_DEFINED_NAME,
  SCENARIO_NAME_REFERENCE,
  SCENARIOS_TABLE_NAME,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  FLOOR_PERCENT_FORMAT,
  TABLE_LAST_COLUMN,
  TABLE_LAST_ROW,
  TIMES_CHEAPER_FORMAT,
} from "../sheet/layout";
import { checkPreferences, parsePreferences, PREFERENCES_SETTING_KEY } from "../sheet/preferences";
import { checkBlockTargetEmpty, projectionBlockFor } from "../sheet/projectionBlock";
import type {
  AssumptionsState,
  CellInsertion,
  InsertedProjection,
  OpenedWorkbook,
  PanePreferences,
  PriceRowsResult,
  PricesState,
  ProjectionRequest,
  ScenarioChanges,
  WorkbookFileSupport,
  WorkbookPort,
} from "../sheet/port";
import type { ModelPriceRow } from "../core/priceCatalog";
import { addExcelPriceRows, readExcelPrices, setUpExcelPrices } from "./excelPrices";
import { checkRangeToRead, localRangeAddress, missingSheet, portCell, qualifiedRangeAddress } from "../sheet/rangeRead";

/**
 * The WorkbookPort on Office.js. Every method runs its work through a batch runner (Excel.run in
 * the add-in; an office-addin-mock context in the tests), takes one context.sync() per step and
 * never syncs in a loop. It never calls application.calculate and writes no volatile formulas:
 * Excel's own dependency tracking recalculates what depends on the cells it writes.
 */

/** Runs a batch on a request context; `reuse` runs it on the context an event handler was added with. */
export type BatchRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: OfficeExtension.ClientRequestContext,
) => Promise<T>;

/** The document's settings, as `Office.context.document.settings` offers them. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Persists the settings with the document. */
  save(): Promise<void>;
}

/** The list the Active scenario dropdown offers: the table's Scenario column, which grows with the table. */
export const DROPDOWN_SOURCE = `=INDIRECT("${SCENARIOS_TABLE_NAME}[Scenario]")`;
export const CHART_TITLE = "Projected price, USD per million tokens";
export const COST_CHART_TITLE = "Projected monthly cost, USD";

const columnWidthsPoints: readonly [string, number][] = [
  ["A:A", 130],
  ["B:B", 150],
  ["C:C", 80],
  ["D:D", 190],
  ["E:E", 150],
  ["F:F", 460],
];
const inputFill = "#FFF2CC";
const bandColumnWidthsPoints: readonly [string, number][] = [
  ["H:H", 90],
  ["I:L", 120],
];

/** The assumptions sheet, after a sync that also answers whatever else the caller queued; throws when it is missing. */
async function requireAssumptionsSheet(context: Excel.RequestContext): Promise<Excel.Worksheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(ASSUMPTIONS_SHEET_NAME);
  await context.sync();
  if (sheet.isNullObject) {
    throw missingAssumptionsSheet();
  }
  return sheet;
}

/** Queues a read of the table's headers and rows (A10:F110); after the sync, {@link tableRowsOf} gives them. */
function queueTableRows(sheet: Excel.Worksheet): Excel.Range {
  const rows = sheet.getRange(TABLE_GRID_RANGE);
  rows.load("values");
  return rows;
}

function tableRowsOf(rows: Excel.Range): TableRowsSnapshot {
  return tableRowsFromGrid(rows.values);
}

/** Objects every assumptions step looks up first; all may be null objects until the first sync. */
interface Lookups {
  readonly sheet: Excel.Worksheet;
  readonly name: Excel.NamedItem;
  readonly table: Excel.Table;
  /** AICOST_BAND (issue 11). */
  readonly bandName: Excel.NamedItem;
  /** AICOST_START_MONTH and AICOST_FY_START, in the order of CALENDAR_NAMES. */
  readonly calendarNames: readonly Excel.NamedItem[];
}

function queueLookups(context: Excel.RequestContext): Lookups {
  const workbook = context.workbook;
  const sheet = workbook.worksheets.getItemOrNullObject(ASSUMPTIONS_SHEET_NAME);
  const name = workbook.names.getItemOrNullObject(SCENARIO_NAME_DEFINED_NAME);
  const table = workbook.tables.getItemOrNullObject(SCENARIOS_TABLE_NAME);
  const bandName = workbook.names.getItemOrNullObject(BAND_DEFINED_NAME);
  const calendarNames = CALENDAR_NAMES.map((calendarName) => workbook.names.getItemOrNullObject(calendarName.name));
  sheet.load("name");
  name.load("formula");
  table.load("name");
  bandName.load("formula");
  calendarNames.forEach((item) => item.load("formula"));
  return { sheet, name, table, bandName, calendarNames };
}

function nameReference(name: Excel.NamedItem): string | null {
  return name.isNullObject ? null : String(name.formula);
}

/** Reads queued on an existing assumptions sheet. */
interface SheetReads {
  readonly grid: Excel.Range;
  /** H1:M10, the band block's area. */
  readonly bandGrid: Excel.Range;
  readonly tables: Excel.TableCollection;
  readonly tableRange: Excel.Range | null;
}

function queueSheetReads(lookups: Lookups): SheetReads {
  const grid = lookups.sheet.getRange(SNAPSHOT_RANGE);
  grid.load("values, formulas");
  const bandGrid = lookups.sheet.getRange(BAND_SNAPSHOT_RANGE);
  bandGrid.load("values, formulas");
  const tables = lookups.sheet.tables;
  tables.load("items/name");
  const tableRange = lookups.table.isNullObject ? null : lookups.table.getRange();
  tableRange?.load("address");
  return { grid, bandGrid, tables, tableRange };
}

function snapshotFrom(lookups: Lookups, reads: SheetReads): AssumptionsSnapshot {
  const tables: TableInfo[] = reads.tables.items.map((table) => ({
    name: table.name,
    address: table.name === SCENARIOS_TABLE_NAME && reads.tableRange !== null ? reads.tableRange.address : "",
  }));
  return snapshotFromGrid({
    values: reads.grid.values,
    formulas: reads.grid.formulas,
    scenarioNameReference: nameReference(lookups.name),
    calendarNameReferences: { startMonth: nameReference(lookups.calendarNames[0]), fiscalYearStart: nameReference(lookups.calendarNames[1]) },
    tables,
    band: bandSnapshotFromGrid({
      values: reads.bandGrid.values,
      formulas: reads.bandGrid.formulas,
      nameReference: lookups.bandName.isNullObject ? null : String(lookups.bandName.formula),
    }),
  });
}

/**
 * Groups cells into rectangles of consecutive rows that span the same columns, so a layout is
 * written in a few range assignments instead of one per cell. Gaps inside a row are written empty.
 */
function rectangles(cells: readonly SheetCell[]): { address: string; inputs: (string | number)[][]; formats: string[][] }[] {
  const rows = new Map<number, SheetCell[]>();
  for (const cell of cells) {
    rows.set(cell.rowNumber, [...(rows.get(cell.rowNumber) ?? []), cell]);
  }
  const result: { first: number; last: number; left: number; right: number; rows: SheetCell[][] }[] = [];
  for (const rowNumber of [...rows.keys()].sort((a, b) => a - b)) {
    const rowCells = rows.get(rowNumber) ?? [];
    const left = Math.min(...rowCells.map((cell) => cell.columnIndex));
    const right = Math.max(...rowCells.map((cell) => cell.columnIndex));
    const previous = result[result.length - 1];
    if (previous !== undefined && previous.last === rowNumber - 1 && previous.left === left && previous.right === right) {
      previous.last = rowNumber;
      previous.rows.push(rowCells);
    } else {
      result.push({ first: rowNumber, last: rowNumber, left, right, rows: [rowCells] });
    }
  }
  return result.map(({ first, last, left, right, rows: blockRows }) => {
    const width = right - left + 1;
    const inputs = blockRows.map(() => new Array<string | number>(width).fill(""));
    const formats = blockRows.map(() => new Array<string>(width).fill("General"));
    blockRows.forEach((rowCells, rowOffset) => {
      for (const cell of rowCells) {
        inputs[rowOffset][cell.columnIndex - left] = cell.input;
        formats[rowOffset][cell.columnIndex - left] = cell.numberFormat;
      }
    });
    return { address: `${cellAddress(left, first)}:${cellAddress(right, last)}`, inputs, formats };
  });
}

function writeCells(sheet: Excel.Worksheet, cells: readonly SheetCell[]): void {
  for (const block of rectangles(cells)) {
    const range = sheet.getRange(block.address);
    range.numberFormat = block.formats;
    range.formulas = block.inputs;
  }
}

function addDropdown(sheet: Excel.Worksheet): void {
  const validation = sheet.getRange(ACTIVE_SCENARIO_CELL).dataValidation;
  validation.clear();
  validation.rule = { list: { inCellDropDown: true, source: DROPDOWN_SOURCE } };
  validation.errorAlert = {
    showAlert: true,
    style: "Stop",
    ...ACTIVE_SCENARIO_DROPDOWN_ALERT,
  };
}

function addTable(sheet: Excel.Worksheet, rowCount: number): void {
  const table = sheet.tables.add(sheet.getRange(`A${TABLE_HEADER_ROW}:${TABLE_LAST_COLUMN}${TABLE_HEADER_ROW + rowCount}`), true);
  table.name = SCENARIOS_TABLE_NAME;
}

function pointName(context: Excel.RequestContext, sheet: Excel.Worksheet, name: Excel.NamedItem): void {
  if (name.isNullObject) {
    context.workbook.names.add(
      SCENARIO_NAME_DEFINED_NAME,
      sheet.getRange(ACTIVE_ROW_RANGE),
      "The active AICOST scenario (label, annual price multiplier, floor share). Pick it in B4.",
    );
  } else {
    name.formula = `=${SCENARIO_NAME_REFERENCE}`;
  }
}

function nameNeedsPointing(name: Excel.NamedItem, reference = SCENARIO_NAME_REFERENCE): boolean {
  return name.isNullObject || String(name.formula).replace(/\s/g, "").toUpperCase() !== `=${reference}`.toUpperCase().replace(/\s/g, "");
}

/** Writes the band block (issue 11) as its own rectangles, formats its inputs and points AICOST_BAND at them. */
function writeBand(context: Excel.RequestContext, sheet: Excel.Worksheet, bandName: Excel.NamedItem, cells: readonly SheetCell[]): void {
  writeCells(sheet, cells);
  for (const [columns, widthPoints] of bandColumnWidthsPoints) {
    sheet.getRange(columns).format.columnWidth = widthPoints;
  }
  sheet.getRange("H1").format.font.bold = true;
  sheet.getRange(BAND_VALUES_RANGE).format.fill.color = inputFill;
  if (bandName.isNullObject) {
    context.workbook.names.add(
      BAND_DEFINED_NAME,
      sheet.getRange(BAND_VALUES_RANGE),
      "The AICOST uncertainty band (label, m_p10, m_p50, m_p90, f) for PRICE_QUANTILE, COST_QUANTILE and PRICE_BAND.",
    );
  } else if (nameNeedsPointing(bandName, BAND_NAME_REFERENCE)) {
    bandName.formula = `=${BAND_NAME_REFERENCE}`;
  }
}

/** Creates the calendar's names (start month, fiscal-year start), or points them back at their cells. */
function pointCalendarNames(context: Excel.RequestContext, sheet: Excel.Worksheet, lookups: Lookups): void {
  CALENDAR_NAMES.forEach((calendarName, index) => {
    const item = lookups.calendarNames[index];
    if (item.isNullObject) {
      context.workbook.names.add(calendarName.name, sheet.getRange(calendarName.cell), "AICOST's calendar: projections read it by this name.");
    } else if (nameNeedsPointing(item, calendarName.reference)) {
      item.formula = `=${calendarName.reference}`;
    }
  });
}

function formatNewSheet(sheet: Excel.Worksheet): void {
  for (const [columns, widthPoints] of columnWidthsPoints) {
    sheet.getRange(columns).format.columnWidth = widthPoints;
  }
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 14;
  sheet.getRange(ACTIVE_SCENARIO_LABEL_CELL).format.font.bold = true;
  sheet.getRange(ACTIVE_SCENARIO_CELL).format.fill.color = inputFill;
}

function tableRowCount(cells: readonly SheetCell[]): number {
  return Math.max(TABLE_HEADER_ROW, ...cells.map((cell) => cell.rowNumber)) - TABLE_HEADER_ROW;
}

// --- Share-safe copy (issue 8): the document's file and a new workbook, through Office -------------

/** An Office callback's result, as `Office.AsyncResult` holds it ("succeeded" or "failed"). */
export interface OfficeResult<T> {
  readonly status: string;
  readonly value: T;
  readonly error?: { readonly message: string };
}

/** One slice of the document's file (`Office.Slice`): for a compressed file, its bytes. */
export interface OfficeSlice {
  readonly data: ArrayLike<number>;
  readonly index: number;
  readonly size: number;
}

/** The document's file while it is open (`Office.File`); at most two may be open, so it is always closed. */
export interface OfficeFile {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(sliceIndex: number, callback: (result: OfficeResult<OfficeSlice>) => void): void;
  closeAsync(callback?: (result: OfficeResult<void>) => void): void;
}

/** What the Share-safe copy needs of Office besides Excel.run. */
export interface OfficeFileHost {
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion?: string): boolean;
  /** `Office.context.document.getFileAsync` for the compressed (.xlsx) file; undefined where the host has none. */
  readonly getCompressedFile?: (options: { sliceSize: number }, callback: (result: OfficeResult<OfficeFile>) => void) => void;
  /** `Excel.createWorkbook` (ExcelApi 1.8): opens a base64 .xlsx as a new, unsaved workbook. */
  createWorkbook(base64: string): Promise<void>;
}

/** The largest slice Office hands out (4 MB): fewest round trips. */
export const FILE_SLICE_BYTES = 4 * 1024 * 1024;
const CLI_HINT = "Make the copy on a computer with Node.js instead: npx aicost share IN.xlsx OUT.xlsx (README, Sharing a workbook).";

/** `bytes` as base64, built in chunks so a large file does not overflow the argument list. */
function base64Of(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

function officeCall<T>(what: string, start: (callback: (result: OfficeResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === "succeeded") resolve(result.value);
      else reject(new Error(`Excel could not ${what}: ${(result.error?.message ?? "it gave no reason").replace(/\.$/, "")}.`));
    });
  });
}

/** The Office.js WorkbookPort. Construct it with a batch runner, the document's settings and, for the Share-safe copy, Office's file calls. */
export class ExcelWorkbook implements WorkbookPort {
  readonly host = "excel" as const;

  constructor(
    private readonly run: BatchRunner,
    private readonly settings: DocumentSettings,
    private readonly files: OfficeFileHost | null = null,
    /** Whether the host has Range.getDirectPrecedents (ExcelApi 1.12); without it findInputCells gives null. */
    private readonly hostTracesPrecedents = true,
    /** Today's date, for the default start month (the first day of next month). */
    private readonly today: () => CalendarDate = () => localToday(),
  ) {}

  workbookFileSupport(): WorkbookFileSupport {
    if (this.files?.getCompressedFile === undefined) {
      return { available: false, reason: `This version of Excel does not let add-ins read the workbook's file (Document.getFileAsync). ${CLI_HINT}` };
    }
    if (!this.files.isSetSupported("ExcelApi", "1.8")) {
      return { available: false, reason: `This version of Excel cannot open a new workbook from an add-in (Excel.createWorkbook needs ExcelApi 1.8). ${CLI_HINT}` };
    }
    return { available: true };
  }

  async readWorkbookFile(): Promise<Uint8Array> {
    const support = this.workbookFileSupport();
    if (!support.available) throw new Error(support.reason);
    const getFile = this.files!.getCompressedFile!;
    const file = await officeCall<OfficeFile>("give the workbook's file", (callback) => getFile({ sliceSize: FILE_SLICE_BYTES }, callback));
    try {
      const bytes = new Uint8Array(file.size);
      let offset = 0;
      // Slices come one at a time, in order (Office's documented way of reading a file).
      for (let index = 0; index < file.sliceCount; index++) {
        const slice = await officeCall<OfficeSlice>(`give slice ${index + 1} of ${file.sliceCount} of the workbook's file`, (callback) => file.getSliceAsync(index, callback));
        if (offset + slice.data.length > bytes.length) throw new Error("Excel gave more bytes of the workbook's file than its size; try again.");
        bytes.set(slice.data, offset);
        offset += slice.data.length;
      }
      if (offset !== bytes.length) throw new Error(`Excel gave ${offset} of the ${bytes.length} bytes of the workbook's file; try again.`);
      return bytes;
    } finally {
      await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
    }
  }

  async openAsNewWorkbook(bytes: Uint8Array, _fileName: string): Promise<OpenedWorkbook> {
    const support = this.workbookFileSupport();
    if (!support.available) throw new Error(support.reason);
    await this.files!.createWorkbook(base64Of(bytes));
    return { delivery: "new-workbook" };
  }

  async readAssumptions(): Promise<AssumptionsState> {
    return this.run(async (context) => {
      const lookups = queueLookups(context);
      await context.sync();
      if (lookups.sheet.isNullObject) {
        return { status: "missing" };
      }
      const reads = queueSheetReads(lookups);
      await context.sync();
      return analyseAssumptions(snapshotFrom(lookups, reads));
    });
  }

  async setUpAssumptions(): Promise<void> {
    await this.run(async (context) => {
      const lookups = queueLookups(context);
      await context.sync();
      if (lookups.sheet.isNullObject) {
        await this.createSheet(context, lookups);
        return;
      }
      const reads = queueSheetReads(lookups);
      const validation = lookups.sheet.getRange(ACTIVE_SCENARIO_CELL).dataValidation;
      validation.load("type");
      await context.sync();
      const snapshot = snapshotFrom(lookups, reads);
      if (analyseAssumptions(snapshot).status === "damaged") {
        await this.repair(context, lookups, reads, snapshot);
        return;
      }
      // A healthy sheet keeps every cell as the user left it; only a lost dropdown comes back.
      if (validation.type === "None") {
        addDropdown(lookups.sheet);
        await context.sync();
      }
    });
  }

  private async createSheet(context: Excel.RequestContext, lookups: Lookups): Promise<void> {
    if (!lookups.table.isNullObject) {
      // The table lives on: its sheet was renamed. Setting up again would clash with its name.
      const tableSheet = lookups.table.worksheet;
      tableSheet.load("name");
      await context.sync();
      throw malformed(
        `The AICOST scenarios are on the sheet "${tableSheet.name}"; rename that sheet back to "${ASSUMPTIONS_SHEET_NAME}" so formulas and the pane find them.`,
      );
    }
    const sheet = context.workbook.worksheets.add(ASSUMPTIONS_SHEET_NAME);
    const cells = assumptionsSheetCells([], this.today());
    writeCells(sheet, cells);
    formatNewSheet(sheet);
    addTable(sheet, tableRowCount(cells));
    addDropdown(sheet);
    pointName(context, sheet, lookups.name);
    writeBand(context, sheet, lookups.bandName, bandSheetCells());
    pointCalendarNames(context, sheet, lookups);
    await context.sync();
  }

  private async repair(context: Excel.RequestContext, lookups: Lookups, reads: SheetReads, snapshot: AssumptionsSnapshot): Promise<void> {
    const sheet = lookups.sheet;
    checkBandRepair(snapshot.band); // before anything is written
    const tableRanges = reads.tables.items.map((table) => {
      const range = table.getRange();
      range.load("address");
      return { table, range };
    });
    const tableSheet = lookups.table.isNullObject ? null : lookups.table.worksheet;
    tableSheet?.load("name");
    await context.sync();
    // Table names are unique in the whole workbook (OfficeDev/office-js#551): re-creating the
    // table here while a table of that name lives on another sheet would fail at the rename, late
    // in a batch of writes, so say where it is and write nothing.
    if (tableSheet !== null && tableSheet.name !== sheet.name) {
      throw malformed(
        `The AICOST scenarios table is on the sheet "${tableSheet.name}"; delete the "${ASSUMPTIONS_SHEET_NAME}" sheet and rename "${tableSheet.name}" back to "${ASSUMPTIONS_SHEET_NAME}", or rename that table, then set up again.`,
      );
    }
    // Tables over the layout (the scenarios table, renamed or moved) become plain cells again;
    // the rows they hold are in the snapshot and are written back below in order.
    for (const { table, range } of tableRanges) {
      const topLeft = parseCellAddress(range.address);
      if (table.name === SCENARIOS_TABLE_NAME || (topLeft !== null && topLeft.columnIndex <= 3 && topLeft.rowNumber <= TABLE_LAST_ROW)) {
        table.convertToRange();
      }
    }
    const cells = repairedSheetCells(snapshot, this.today());
    const rowCount = tableRowCount(cells);
    // The layout above the table is AICOST's: clearing it first removes what a row inserted or
    // deleted above the table left behind (the old title, label or formulas one row off).
    sheet.getRange(`A1:E${TABLE_HEADER_ROW - 1}`).clear("Contents");
    const leftover = rowsToClear(snapshot, TABLE_FIRST_ROW + rowCount);
    if (leftover !== null) {
      sheet.getRange(`A${leftover.firstRow}:${TABLE_LAST_COLUMN}${leftover.lastRow}`).clear("All");
    }
    writeCells(sheet, cells);
    addTable(sheet, rowCount);
    addDropdown(sheet);
    if (nameNeedsPointing(lookups.name)) {
      pointName(context, sheet, lookups.name);
    }
    writeBand(context, sheet, lookups.bandName, bandSheetCells(repairedBand(snapshot.band)));
    pointCalendarNames(context, sheet, lookups);
    await context.sync();
  }

  async setActiveScenario(name: string): Promise<void> {
    requireScenarioName(name);
    await this.run(async (context) => {
      const sheet = await requireAssumptionsSheet(context);
      const rows = queueTableRows(sheet);
      await context.sync();
      sheet.getRange(ACTIVE_SCENARIO_CELL).values = [[literalText(checkActiveScenarioName(tableRowsOf(rows), name))]];
      await context.sync();
    });
  }

  async updateScenario(name: string, changes: ScenarioChanges): Promise<void> {
    await this.run(async (context) => {
      const sheet = await requireAssumptionsSheet(context);
      const rows = queueTableRows(sheet);
      await context.sync();
      const write = scenarioRowWrite(tableRowsOf(rows), name, changes);
      for (const run of rowWriteRuns(write)) {
        sheet.getRange(run.address).values = [run.values.map((value) => (typeof value === "string" ? literalText(value) : value))];
      }
      await context.sync();
    });
  }

  async addScenario(row: { name: string; annualPriceMultiplier: number; floorShare: number; note: string }): Promise<void> {
    await this.run(async (context) => {
      const lookups = queueLookups(context);
      await context.sync();
      if (lookups.sheet.isNullObject) {
        throw missingAssumptionsSheet();
      }
      const tableSheet = lookups.table.isNullObject ? null : lookups.table.worksheet;
      tableSheet?.load("name");
      const rows = queueTableRows(lookups.sheet);
      await context.sync();
      const rowNumber = checkNewScenario(tableRowsOf(rows), row);
      const values = [tableRowInputs(row, rowNumber)];
      if (tableSheet !== null && tableSheet.name === lookups.sheet.name) {
        lookups.table.rows.add(undefined, values);
      } else {
        const range = lookups.sheet.getRange(`A${rowNumber}:${TABLE_LAST_COLUMN}${rowNumber}`);
        range.numberFormat = [["General", "General", "General", TIMES_CHEAPER_FORMAT, FLOOR_PERCENT_FORMAT, "General"]];
        range.formulas = values;
      }
      await context.sync();
    });
  }

  // Renaming and deleting the team's own scenarios (issue 9)

  async renameScenario(name: string, newName: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = await requireAssumptionsSheet(context);
      const rows = queueTableRows(sheet);
      const active = sheet.getRange(ACTIVE_SCENARIO_CELL);
      active.load("values");
      await context.sync();
      const rename = scenarioRename({ ...tableRowsOf(rows), activeScenarioName: active.values[0]?.[0] }, name, newName);
      sheet.getRange(rename.nameCell).values = [[literalText(rename.newName)]];
      if (rename.activeCellChanges) {
        active.values = [[literalText(rename.newName)]];
      }
      await context.sync();
    });
  }

  async deleteScenario(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = await requireAssumptionsSheet(context);
      const rows = queueTableRows(sheet);
      const active = sheet.getRange(ACTIVE_SCENARIO_CELL);
      active.load("values");
      await context.sync();
      const deletion = scenarioDeletion({ ...tableRowsOf(rows), activeScenarioName: active.values[0]?.[0] }, name);
      // Deleting the row's cells with the cells below shifting up is what deleting a table row
      // does (Range.delete, ExcelApi 1.1): the table shrinks and references follow the moved rows.
      sheet.getRange(`A${deletion.rowNumber}:${TABLE_LAST_COLUMN}${deletion.rowNumber}`).delete("Up");
      if (deletion.newActiveScenarioName !== null) {
        active.values = [[literalText(deletion.newActiveScenarioName)]];
      }
      await context.sync();
    });
  }

  async readSelectedNumber(): Promise<number | null> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("values");
      await context.sync();
      const value: unknown = cell.values[0]?.[0];
      return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
    });
  }

  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    return this.run(async (context) => {
      const registration = context.workbook.onSelectionChanged.add(async () => listener());
      await context.sync();
      return async () => {
        await this.run(async (removeContext) => {
          registration.remove();
          await removeContext.sync();
        }, registration.context);
      };
    });
  }

  async onAssumptionsChanged(listener: () => void): Promise<() => Promise<void>> {
    // A handler belongs to a worksheet object, not to a name: it follows the sheet when it is
    // renamed, and it goes (never to fire again) when the sheet is deleted. So the handler is
    // kept with the id of its sheet, and a sheet now named "AICOST Assumptions" that is not that
    // one (set up again after a rename or a deletion) gets a handler of its own.
    let sheetRegistration: {
      readonly sheetId: string;
      readonly handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    } | null = null;
    const followSheet = async (context: Excel.RequestContext): Promise<void> => {
      const worksheets = context.workbook.worksheets;
      const registered = sheetRegistration === null ? null : worksheets.getItemOrNullObject(sheetRegistration.sheetId);
      const sheet = worksheets.getItemOrNullObject(ASSUMPTIONS_SHEET_NAME);
      sheet.load("id");
      await context.sync();
      if (registered?.isNullObject === true) {
        sheetRegistration = null; // deleted with its sheet
      }
      if (sheet.isNullObject || sheetRegistration?.sheetId === sheet.id) {
        return;
      }
      sheetRegistration?.handler.remove(); // on the renamed sheet, which no longer holds the assumptions
      sheetRegistration = { sheetId: sheet.id, handler: sheet.onChanged.add(async () => listener()) };
      await context.sync();
    };
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      // A sheet added or deleted may be the assumptions sheet (set up, deleted, or undone).
      // Every handler runs on the context it was added with, so they can all be removed there.
      // The listener hears of the change even when the follow-up read fails (a closing workbook).
      const onSheetsChanged = async (): Promise<void> => {
        try {
          await this.run(followSheet, context);
        } finally {
          listener();
        }
      };
      const added = worksheets.onAdded.add(onSheetsChanged);
      const deleted = worksheets.onDeleted.add(onSheetsChanged);
      await context.sync();
      await followSheet(context);
      return async () => {
        await this.run(async (removeContext) => {
          added.remove();
          deleted.remove();
          sheetRegistration?.handler.remove();
          sheetRegistration = null;
          await removeContext.sync();
        }, added.context);
      };
    });
  }

  async insertProjection(request: ProjectionRequest): Promise<InsertedProjection> {
    const block = await this.run(async (context) => {
      const assumptions = await requireAssumptionsSheet(context);
      const activeCell = context.workbook.getActiveCell();
      activeCell.load("address");
      const rows = queueTableRows(assumptions);
      await context.sync();
      const projection = projectionBlockFor(request, tableRowsOf(rows), activeCell.address);
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const target = sheet.getRange(projection.rangeAddress);
      target.load("values");
      await context.sync();
      checkBlockTargetEmpty(projection, target.values);
      target.numberFormat = projection.numberFormats.map((formats) => [...formats]);
      target.formulas = projection.inputs.map((inputs) => [...inputs]);
      await context.sync();
      return projection;
    });
    const chartInserted = await this.run(async (context) => {
      const sheet = block.sheetName === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(block.sheetName);
      const chart = sheet.charts.add("Line", sheet.getRange(block.chartSeriesAddress), "Columns");
      chart.title.text = block.mode === "cost" ? COST_CHART_TITLE : CHART_TITLE;
      chart.axes.categoryAxis.setCategoryNames(sheet.getRange(block.chartCategoryAddress));
      const topLeft = parseCellAddress(block.rangeAddress);
      if (topLeft !== null) {
        chart.setPosition(cellAddress(topLeft.columnIndex + block.columnCount + 1, topLeft.rowNumber));
      }
      await context.sync();
      if (request.baseValueUsd > 0) {
        // A log scale needs prices above 0. It is a step of its own: hosts have rejected
        // ChartAxis.scaleType and logBase on some builds (OfficeDev/office-js#1729, #3695), and
        // the chart, already drawn, then keeps its linear axis instead of being reported missing.
        chart.axes.valueAxis.scaleType = "Logarithmic";
        await context.sync().catch(() => undefined);
      }
      return true;
    }).catch(() => false); // the numbers are in; a host that cannot draw the chart still has them
    return { address: block.address, chartInserted };
  }

  async loadPreferences(): Promise<PanePreferences> {
    return parsePreferences(this.settings.get(PREFERENCES_SETTING_KEY));
  }

  async savePreferences(preferences: PanePreferences): Promise<void> {
    this.settings.set(PREFERENCES_SETTING_KEY, { ...checkPreferences(preferences) });
    await this.settings.save();
  }

  // ---- Prices (issue 10): src/workbook/excelPrices.ts
  async readPrices(): Promise<PricesState> {
    return this.run((context) => readExcelPrices(context));
  }

  async setUpPrices(): Promise<void> {
    await this.run((context) => setUpExcelPrices(context));
  }

  async addPriceRows(rows: readonly ModelPriceRow[], options: { readonly replaceConflicts?: boolean } = {}): Promise<PriceRowsResult> {
    return this.run((context) => addExcelPriceRows(context, rows, options));
  }

  async insertAtSelection(input: string | number, options: { readonly overwrite?: boolean } = {}): Promise<CellInsertion> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address, formulas");
      await context.sync();
      const existing: unknown = cell.formulas[0]?.[0];
      if (existing !== "" && existing != null && options.overwrite !== true) {
        return { inserted: false, address: cell.address, existing: String(existing) };
      }
      cell.formulas = [[input]];
      await context.sync();
      return { inserted: true, address: cell.address };
    });
  }

  async readRange(address: string): Promise<{ readonly address: string; readonly values: unknown[][] }> {
    const location = checkRangeToRead(address);
    return this.run(async (context) => {
      const sheet = location.sheetName === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(location.sheetName);
      sheet.load("name");
      await context.sync(); // a range of a null object would fail the batch, so look the sheet up first
      if (sheet.isNullObject) {
        throw missingSheet(location.sheetName ?? "");
      }
      const range = sheet.getRange(localRangeAddress(location));
      range.load("values");
      await context.sync();
      return { address: qualifiedRangeAddress(sheet.name, location), values: range.values.map((row) => row.map(portCell)) };
    });
  }
  // -------------------------------------------------------------------------------------------
  // Sensitivity (issue 11)

  async readSelectedCell(): Promise<SensitivityCell | null> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address, values");
      await context.sync();
      const location = parseRangeAddress(String(cell.address));
      if (location === null || location.sheetName === null) {
        return null;
      }
      const { sheetName, first } = location;
      const left = first.columnIndex > 0 ? context.workbook.worksheets.getItem(sheetName).getRange(cellAddress(first.columnIndex - 1, first.rowNumber)) : null;
      left?.load("values");
      await context.sync();
      const address = qualifiedAddress(sheetName, first.columnIndex, first.rowNumber);
      return { address, label: inputLabel(address, left?.values[0]?.[0]), value: sweepValue(cell.values[0]?.[0]) };
    });
  }

  async findInputCells(outputAddress: string): Promise<readonly SensitivityCell[] | null> {
    if (!this.hostTracesPrecedents) {
      return null;
    }
    const seen = new Set<string>([normalisedAddress(outputAddress)]);
    const inputs: { address: string; value: number }[] = [];
    // One batch per formula cell: getDirectPrecedents throws ItemNotFound for a cell without
    // precedents, which would fail every other request of a shared batch. Each batch takes two
    // syncs: the precedents' addresses, then their formulas and values.
    const visit = async (formulaCells: { address: string; value: unknown }[]): Promise<void> => {
      const next = formulaCells.pop();
      if (next === undefined) return;
      const areas = await this.run(async (context) => directPrecedentCells(context, next.address));
      let modelPrecedents = 0;
      for (const { address, formula, value } of areas) {
        if (isSkippedSheet(parseRangeAddress(address)?.sheetName)) continue;
        modelPrecedents++;
        const key = normalisedAddress(address);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > MAX_PRECEDENT_CELLS) {
          throw malformed(`${outputAddress} depends on more than ${MAX_PRECEDENT_CELLS} cells; pick its inputs by selecting them instead.`);
        }
        if (typeof formula === "string" && formula.startsWith("=")) formulaCells.push({ address, value });
        else if (isNumberConstant(value)) inputs.push({ address, value });
      }
      if (next.address !== outputAddress && isDerivedInput(modelPrecedents, next.value)) inputs.push({ address: next.address, value: next.value });
      await visit(formulaCells);
    };
    await visit([{ address: outputAddress, value: null }]);
    const ordered = inputs
      .map((input) => ({ ...input, location: parseRangeAddress(input.address) }))
      .sort((a, b) => (a.location?.sheetName ?? "").localeCompare(b.location?.sheetName ?? "") || (a.location?.first.rowNumber ?? 0) - (b.location?.first.rowNumber ?? 0) || (a.location?.first.columnIndex ?? 0) - (b.location?.first.columnIndex ?? 0));
    return this.run(async (context) => {
      const lefts = ordered.map(({ location }) =>
        location !== null && location.sheetName !== null && location.first.columnIndex > 0
          ? context.workbook.worksheets.getItem(location.sheetName).getRange(cellAddress(location.first.columnIndex - 1, location.first.rowNumber))
          : null,
      );
      for (const left of lefts) left?.load("values");
      await context.sync();
      return ordered.map(({ address, value }, index) => ({ address, label: inputLabel(address, lefts[index]?.values[0]?.[0]), value }));
    });
  }

  async activeScenarioInputs(): Promise<{ readonly annualPriceMultiplier: SensitivityCell; readonly floorShare: SensitivityCell } | null> {
    return this.run(async (context) => {
      const lookups = queueLookups(context);
      await context.sync();
      if (lookups.sheet.isNullObject) return null;
      const reads = queueSheetReads(lookups);
      await context.sync();
      return activeScenarioCells(snapshotFrom(lookups, reads));
    });
  }

  sensitivityWorkbook(): SensitivityWorkbook<unknown> {
    const cellRange = (context: Excel.RequestContext, address: string): Excel.Range => {
      const location = parseRangeAddress(address);
      if (location === null || location.sheetName === null) {
        throw malformed(`${address} is not a cell of this workbook; pick a cell on one of its sheets.`);
      }
      return context.workbook.worksheets.getItem(location.sheetName).getRange(address.replace(/^.*!/, ""));
    };
    return {
      // The formula as entered, or the constant: Range.formulas gives either, and writing it back
      // through formulas puts the cell back as it was.
      readContent: (address) =>
        this.run(async (context) => {
          const range = cellRange(context, address);
          range.load("formulas");
          await context.sync();
          return range.formulas[0]?.[0];
        }),
      writeContent: (address, content) =>
        this.run(async (context) => {
          cellRange(context, address).formulas = [[content]];
          await context.sync();
        }),
      writeNumber: (address, value) =>
        this.run(async (context) => {
          cellRange(context, address).values = [[value]];
          await context.sync();
        }),
      // Excel recalculates on each write in automatic mode; in manual mode only when asked.
      recalculate: () =>
        this.run(async (context) => {
          const application = context.workbook.application;
          application.load("calculationMode");
          await context.sync();
          if (application.calculationMode === "Manual") {
            application.calculate("Recalculate");
            await context.sync();
          }
        }),
      readValue: (address) =>
        this.run(async (context) => {
          const range = cellRange(context, address);
          range.load("values");
          await context.sync();
          return sweepValue(range.values[0]?.[0]);
        }),
    };
  }

  async insertSensitivityTable(rows: readonly TornadoRow[]): Promise<string> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      const location = parseRangeAddress(String(cell.address));
      if (location === null || location.sheetName === null) {
        throw malformed("Select the cell where the table should start, then try again.");
      }
      const table = sensitivityTableRows(rows);
      const { columnIndex, rowNumber } = location.first;
      const local = `${cellAddress(columnIndex, rowNumber)}:${cellAddress(columnIndex + table[0].length - 1, rowNumber + table.length - 1)}`;
      const target = context.workbook.worksheets.getItem(location.sheetName).getRange(local);
      target.load("values");
      await context.sync();
      const address = `${qualifiedAddress(location.sheetName, columnIndex, rowNumber)}:${local.split(":")[1]}`;
      checkTableTargetEmpty(address, target.values);
      target.values = table.map((cells) => cells.map((value) => (typeof value === "string" ? literalText(value) : value)));
      await context.sync();
      return address;
    });
  }

}

/** The document's settings through Office.context.document.settings. */
export function officeDocumentSettings(settings: Office.Settings = Office.context.document.settings): DocumentSettings {
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) {
            resolve();
          } else {
            reject(new Error(`The preferences could not be saved with the workbook: ${result.error.message}`));
          }
        });
      }),
  };
}

/** Office's file calls for the Share-safe copy, on the document Excel has open. */
export function officeFileHost(): OfficeFileHost {
  const officeDocument = Office.context.document;
  return {
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
    getCompressedFile:
      typeof officeDocument.getFileAsync === "function"
        ? (options, callback) => officeDocument.getFileAsync(Office.FileType.Compressed, options, (result) => callback(result as unknown as OfficeResult<OfficeFile>))
        : undefined,
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

/** The WorkbookPort for the workbook Excel has open. Call it after Office.onReady. */
export function createExcelWorkbook(): WorkbookPort {
  const run: BatchRunner = (batch, reuse) => (reuse === undefined ? Excel.run(batch) : Excel.run(reuse, batch));
  return new ExcelWorkbook(run, officeDocumentSettings(), officeFileHost(), tracesPrecedents());
}

/** A cell's value as a sweep reads it: Excel reports an error as its text ("#DIV/0!"), an empty cell as "". */
function sweepValue(value: unknown): SweepCellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/** An address compared as Excel prints it: no $, quotes and case aside. */
function normalisedAddress(address: string): string {
  const location = parseRangeAddress(address);
  return location === null ? address : qualifiedAddress(location.sheetName ?? "", location.first.columnIndex, location.first.rowNumber).toUpperCase();
}

/**
 * The cells a cell's formula refers to directly, each with its formula and value: one cell of
 * every precedent area (Range.getDirectPrecedents, ExcelApi 1.12). A cell without precedents
 * (Excel throws ItemNotFound) has none.
 */
async function directPrecedentCells(context: Excel.RequestContext, address: string): Promise<{ address: string; formula: unknown; value: unknown }[]> {
  const location = parseRangeAddress(address);
  if (location === null || location.sheetName === null) return [];
  const precedents = context.workbook.worksheets.getItem(location.sheetName).getRange(address.replace(/^.*!/, "")).getDirectPrecedents();
  precedents.load("addresses");
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code === "ItemNotFound") return [];
    throw error;
  }
  // Each area within its sheet's used range (ExcelApi 1.4), so a whole column (A:A) is read only
  // as far as it is filled, as Excel computes it.
  const areas = precedents.addresses
    .flatMap((list) => list.split(","))
    .map((area) => area.trim())
    .filter((area) => area.includes("!"))
    .map((area) => {
      const bang = area.lastIndexOf("!");
      const sheetName = area.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const used = context.workbook.worksheets.getItem(sheetName).getRange(area.slice(bang + 1)).getUsedRangeOrNullObject(true);
      used.load("address, formulas, values");
      return used;
    });
  await context.sync();
  return areas.flatMap((range) => {
    const location = range.isNullObject ? null : parseRangeAddress(String(range.address));
    if (location === null || location.sheetName === null) return [];
    if (range.formulas.length * (range.formulas[0]?.length ?? 0) > MAX_PRECEDENT_CELLS) {
      throw malformed(`${address} refers to more than ${MAX_PRECEDENT_CELLS} cells (${String(range.address)}); pick its inputs by selecting them instead.`);
    }
    const area = location;
    return range.formulas.flatMap((cells, rowOffset) =>
      cells.map((formula, columnOffset) => ({
        address: qualifiedAddress(area.sheetName as string, area.first.columnIndex + columnOffset, area.first.rowNumber + rowOffset),
        formula,
        value: range.values[rowOffset]?.[columnOffset],
      })),
    );
  });
}
