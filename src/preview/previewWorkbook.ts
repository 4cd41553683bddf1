import { DetailedCellError, type ExportedChange, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import { malformed } from "../core/errors";
import type { SensitivityWorkbook, SweepCellValue, TornadoRow } from "../core/sensitivity";
import { parseCellAddress } from "../sheet/addresses";
import {
  activeScenarioCells,
  checkTableTargetEmpty,
  inputLabel,
  isDerivedInput,
  isNumberConstant,
  isSkippedSheet,
  MAX_PRECEDENT_CELLS,
  qualifiedAddress,
  sensitivityTableRows,
  type SensitivityCell,
} from "../sheet/sensitivityCells";
import { sheetPrefix } from "../sheet/addresses";
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
import { cellPosition, parseRangeAddress } from "../sheet/addresses";
import { checkPreferences, parsePreferences } from "../sheet/preferences";
import { BAND_DEFINED_NAME, BAND_LAST_COLUMN_INDEX, BAND_FIRST_COLUMN_INDEX, BAND_LAST_ROW, BAND_NAME_REFERENCE, bandSheetCells } from "../sheet/bandLayout";
import { bandSnapshotFromGrid, checkBandRepair, repairedBand } from "../sheet/bandSheet";
import { repairedSheetCells, rowsToClear } from "../sheet/repair";
import type { CalendarDate } from "../core/calendar";
import { CALENDAR_NAMES, localToday } from "../sheet/calendarCells";
import { assumptionsSheetCells, tableRowInputs, type SheetCell } from "../sheet/sheetCells";
import { MISSING_SNAPSHOT, snapshotFromGrid, type AssumptionsSnapshot } from "../sheet/snapshot";
import { literalText } from "../sheet/textEntry";
import {
  ACTIVE_SCENARIO_CELL,
  ASSUMPTIONS_SHEET_NAME,
  FISCAL_YEAR_START_DEFINED_NAME,
  FLOOR_PERCENT_FORMAT,
  NOTE_COLUMN_INDEX,
  SCENARIO_NAME_DEFINED_NAME,
  START_MONTH_DEFINED_NAME,
  SCENARIO_NAME_REFERENCE,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LAST_ROW,
  TIMES_CHEAPER_FORMAT,
} from "../sheet/layout";
import type {
  AssumptionsState,
  InsertedProjection,
  OpenedWorkbook,
  PanePreferences,
  ProjectionRequest,
  ScenarioChanges,
  WorkbookFileSupport,
  WorkbookPort,
} from "../sheet/port";
import { checkBlockTargetEmpty, projectionBlockFor, type ProjectionBlock } from "../sheet/projectionBlock";
import type { ModelPriceRow } from "../core/priceCatalog";
import type { CellInsertion, PriceRowsResult, PricesState } from "../sheet/port";
import { PRICES_DATE_FORMAT, PRICES_DEFINED_NAME, PRICES_LAST_COLUMN, PRICES_LAST_ROW, PRICES_NAME_REFERENCE, PRICES_SHEET_NAME } from "../sheet/pricesLayout";
import {
  analysePrices,
  damagedPricesSheet,
  MISSING_PRICES_SNAPSHOT,
  planPriceRows,
  pricesLayoutCells,
  pricesSnapshotFromGrid,
  type PricesSnapshot,
} from "../sheet/pricesSheet";
import { checkRangeToRead, missingSheet, portCell, qualifiedRangeAddress } from "../sheet/rangeRead";
import { toA1, type PreviewDocument } from "./document";

/** The selected cell: its sheet's name and 0-based row and column. */
export interface SelectedCell {
  readonly sheetName: string;
  readonly row: number;
  readonly col: number;
}

/** Where the preview workbook learns which cell is selected: the grid on the page, or a fixed cell. */
export interface SelectionSource {
  selectedCell(): SelectedCell | null;
  /** Calls `listener` whenever the selection moves; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void;
}

/** A selection held in memory: the standalone workbook's and the tests'. */
export class SimpleSelection implements SelectionSource {
  private current: SelectedCell | null;
  private readonly listeners = new Set<() => void>();

  constructor(initial: SelectedCell | null = null) {
    this.current = initial;
  }

  selectedCell(): SelectedCell | null {
    return this.current;
  }

  select(cell: SelectedCell): void {
    this.current = cell;
    for (const listener of this.listeners) {
      listener();
    }
  }

  onSelectionChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** An inserted projection the page may draw: the block and the sheet it was written on. */
export interface ProjectionChartRequest {
  readonly sheetName: string;
  readonly block: ProjectionBlock;
}

export interface PreviewWorkbookOptions {
  /** Draws a chart of an inserted block; returns whether it did. Without it no chart is drawn. */
  readonly showChart?: (request: ProjectionChartRequest) => boolean;
  /** Today's date, for the default start month (the first day of next month); default the computer's clock. */
  readonly today?: () => CalendarDate;
  /** Saves bytes as a file for the user (a browser download); the default is src/preview/download.ts. */
  readonly saveFile?: (bytes: Uint8Array, fileName: string) => void;
}

/**
 * The WorkbookPort over the preview's HyperFormula document: the same assumptions sheet, name and
 * projection block as in Excel, laid out, judged and repaired by the shared pure modules in
 * src/sheet. Writes touch only the cells Excel's implementation touches, and HyperFormula's
 * dependency graph recalculates exactly the dependent formulas.
 */
export class PreviewWorkbook implements WorkbookPort {
  readonly host = "preview" as const;
  readonly workbookDocument: PreviewDocument;
  private readonly selection: SelectionSource;
  private readonly options: PreviewWorkbookOptions;

  constructor(workbookDocument: PreviewDocument, selection: SelectionSource, options: PreviewWorkbookOptions = {}) {
    this.workbookDocument = workbookDocument;
    this.selection = selection;
    this.options = options;
  }

  private get hf() {
    return this.workbookDocument.hf;
  }

  private assumptionsSheetId(): number | undefined {
    return this.hf.getSheetId(ASSUMPTIONS_SHEET_NAME);
  }

  /** The raw contents of the assumptions sheet (A1:F110), as the shared analysis expects them. */
  snapshot(): AssumptionsSnapshot {
    const sheet = this.assumptionsSheetId();
    const scenarioNameReference = this.hf.getNamedExpressionFormula(SCENARIO_NAME_DEFINED_NAME) ?? null;
    if (sheet === undefined) {
      return { ...MISSING_SNAPSHOT, scenarioNameReference };
    }
    const range = { start: { sheet, row: 0, col: 0 }, end: { sheet, row: TABLE_LAST_ROW - 1, col: NOTE_COLUMN_INDEX } };
    const bandRange = { start: { sheet, row: 0, col: BAND_FIRST_COLUMN_INDEX }, end: { sheet, row: BAND_LAST_ROW - 1, col: BAND_LAST_COLUMN_INDEX } };
    const bandValues = this.hf.getRangeValues(bandRange);
    return snapshotFromGrid({
      values: this.hf.getRangeValues(range),
      formulas: this.hf.getRangeFormulas(range),
      scenarioNameReference,
      band: bandSnapshotFromGrid({
        values: bandValues,
        // A cell without a formula reads as its value, as Excel's Range.formulas gives it.
        formulas: this.hf.getRangeFormulas(bandRange).map((cells, row) => cells.map((formula, col) => formula ?? bandValues[row][col])),
        nameReference: this.hf.getNamedExpressionFormula(BAND_DEFINED_NAME) ?? null,
      }),
      calendarNameReferences: {
        startMonth: this.hf.getNamedExpressionFormula(START_MONTH_DEFINED_NAME) ?? null,
        fiscalYearStart: this.hf.getNamedExpressionFormula(FISCAL_YEAR_START_DEFINED_NAME) ?? null,
      },
    });
  }

  private today(): CalendarDate {
    return this.options.today?.() ?? localToday();
  }

  async readAssumptions(): Promise<AssumptionsState> {
    return analyseAssumptions(this.snapshot());
  }

  async setUpAssumptions(): Promise<void> {
    const snapshot = this.snapshot();
    const state = analyseAssumptions(snapshot);
    if (state.status === "ready") {
      return;
    }
    if (snapshot.sheetExists) {
      checkBandRepair(snapshot.band); // before anything is written
    }
    this.hf.batch(() => {
      let sheet = this.assumptionsSheetId();
      let cells: SheetCell[];
      if (sheet === undefined) {
        sheet = this.hf.getSheetId(this.hf.addSheet(ASSUMPTIONS_SHEET_NAME)) as number;
        cells = [...assumptionsSheetCells([], this.today()), ...bandSheetCells()];
      } else {
        cells = [...repairedSheetCells(snapshot, this.today()), ...bandSheetCells(repairedBand(snapshot.band))];
        // As in Excel: the layout above the table is AICOST's, so a row inserted or deleted
        // above the table leaves nothing behind one row off.
        this.hf.setCellContents({ sheet, row: 0, col: 0 }, Array.from({ length: TABLE_HEADER_ROW - 1 }, () => [null, null, null, null, null]));
        const lastWritten = Math.max(...cells.map((cell) => cell.rowNumber));
        const clear = rowsToClear(snapshot, lastWritten + 1);
        if (clear !== null) {
          const emptyRows = Array.from({ length: clear.lastRow - clear.firstRow + 1 }, () => new Array<null>(NOTE_COLUMN_INDEX + 1).fill(null));
          this.hf.setCellContents({ sheet, row: clear.firstRow - 1, col: 0 }, emptyRows);
        }
      }
      this.ensureNames();
      for (const cell of cells) {
        this.hf.setCellContents({ sheet, row: cell.rowNumber - 1, col: cell.columnIndex }, cell.input);
        this.workbookDocument.setFormat(sheet, cell.address, cell.numberFormat === "General" ? undefined : cell.numberFormat);
      }
    });
  }

  /** Creates AICOST_SCENARIO, AICOST_BAND and the calendar's names, or points them back at their cells. */
  private ensureNames(): void {
    const names = [
      { name: SCENARIO_NAME_DEFINED_NAME, reference: SCENARIO_NAME_REFERENCE },
      { name: BAND_DEFINED_NAME, reference: BAND_NAME_REFERENCE },
      ...CALENDAR_NAMES,
    ];
    for (const { name, reference } of names) this.ensureName(name, reference);
  }

  /** Creates a workbook-scoped name, or points it back at its reference. */
  private ensureName(name: string, reference: string): void {
    const expression = `=${reference}`;
    const current = this.hf.getNamedExpressionFormula(name);
    if (current === undefined) {
      this.hf.addNamedExpression(name, expression);
    } else if (current !== expression) {
      this.hf.changeNamedExpression(name, expression);
    }
  }

  private requireAssumptionsSheet(): number {
    const sheet = this.assumptionsSheetId();
    if (sheet === undefined) {
      throw missingAssumptionsSheet();
    }
    return sheet;
  }

  async setActiveScenario(name: string): Promise<void> {
    requireScenarioName(name);
    const sheet = this.requireAssumptionsSheet();
    const { row, col } = cellPosition(ACTIVE_SCENARIO_CELL) as { row: number; col: number };
    this.hf.setCellContents({ sheet, row, col }, literalText(checkActiveScenarioName(this.snapshot(), name)));
  }

  async updateScenario(name: string, changes: ScenarioChanges): Promise<void> {
    const sheet = this.requireAssumptionsSheet();
    const write = scenarioRowWrite(this.snapshot(), name, changes);
    this.hf.batch(() => {
      for (const run of rowWriteRuns(write)) {
        const start = parseRangeAddress(run.address)?.first as { columnIndex: number; rowNumber: number };
        const contents = [run.values.map((value): RawCellContent => (typeof value === "string" ? literalText(value) : value))];
        this.hf.setCellContents({ sheet, row: start.rowNumber - 1, col: start.columnIndex }, contents);
      }
    });
  }

  async addScenario(row: { name: string; annualPriceMultiplier: number; floorShare: number; note: string }): Promise<void> {
    const sheet = this.requireAssumptionsSheet();
    const nextRow = checkNewScenario(this.snapshot(), row);
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet, row: nextRow - 1, col: 0 }, [tableRowInputs(row, nextRow)]);
      this.workbookDocument.setFormat(sheet, `D${nextRow}`, TIMES_CHEAPER_FORMAT);
      this.workbookDocument.setFormat(sheet, `E${nextRow}`, FLOOR_PERCENT_FORMAT);
    });
  }

  // Renaming and deleting the team's own scenarios (issue 9)

  async renameScenario(name: string, newName: string): Promise<void> {
    const sheet = this.requireAssumptionsSheet();
    const rename = scenarioRename(this.snapshot(), name, newName);
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet, ...(cellPosition(rename.nameCell) as { row: number; col: number }) }, literalText(rename.newName));
      if (rename.activeCellChanges) {
        this.hf.setCellContents({ sheet, ...(cellPosition(ACTIVE_SCENARIO_CELL) as { row: number; col: number }) }, literalText(rename.newName));
      }
    });
  }

  async deleteScenario(name: string): Promise<void> {
    const sheet = this.requireAssumptionsSheet();
    const snapshot = this.snapshot();
    const deletion = scenarioDeletion(snapshot, name);
    const lastRow = (snapshot.tableFirstRow ?? TABLE_FIRST_ROW) + snapshot.tableRows.length - 1;
    const width = NOTE_COLUMN_INDEX + 1;
    this.hf.batch(() => {
      // As Excel deletes a table row: the rows below move up (references to them follow) and
      // references to the deleted row's cells become #REF!.
      this.hf.setCellContents({ sheet, row: deletion.rowNumber - 1, col: 0 }, [new Array<null>(width).fill(null)]);
      if (deletion.rowNumber < lastRow) {
        this.hf.moveCells(
          { start: { sheet, row: deletion.rowNumber, col: 0 }, end: { sheet, row: lastRow - 1, col: width - 1 } },
          { sheet, row: deletion.rowNumber - 1, col: 0 },
        );
      }
      if (deletion.newActiveScenarioName !== null) {
        this.hf.setCellContents({ sheet, ...(cellPosition(ACTIVE_SCENARIO_CELL) as { row: number; col: number }) }, literalText(deletion.newActiveScenarioName));
      }
    });
  }

  async readSelectedNumber(): Promise<number | null> {
    const selected = this.selection.selectedCell();
    const sheet = selected === null ? undefined : this.hf.getSheetId(selected.sheetName);
    if (selected === null || sheet === undefined) {
      return null;
    }
    const value = this.hf.getCellValue({ sheet, row: selected.row, col: selected.col });
    return typeof value === "number" && value > 0 && Number.isFinite(value) ? value : null;
  }

  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    const unsubscribe = this.selection.onSelectionChanged(listener);
    return async () => {
      unsubscribe();
    };
  }

  async insertProjection(request: ProjectionRequest): Promise<InsertedProjection> {
    const assumptions = this.snapshot();
    if (!assumptions.sheetExists) {
      throw missingAssumptionsSheet();
    }
    const selected = this.selection.selectedCell();
    if (selected === null) {
      throw new Error("Select a cell where the projection should start, then try again.");
    }
    const sheet = this.hf.getSheetId(selected.sheetName);
    if (sheet === undefined) {
      throw new Error(`The sheet "${selected.sheetName}" no longer exists; select a cell and try again.`);
    }
    const block = projectionBlockFor(request, assumptions, `${sheetPrefix(selected.sheetName)}${toA1(selected.row, selected.col)}`);
    const target = this.hf.getRangeValues({
      start: { sheet, row: selected.row, col: selected.col },
      end: { sheet, row: selected.row + block.rowCount - 1, col: selected.col + block.columnCount - 1 },
    });
    checkBlockTargetEmpty(block, target);
    const contents = block.inputs.map((row) => row.map((input): RawCellContent => (input === "" ? null : input)));
    this.hf.batch(() => {
      this.hf.setCellContents({ sheet, row: selected.row, col: selected.col }, contents);
      for (const cell of block.cells) {
        const address = toA1(selected.row + cell.rowOffset, selected.col + cell.columnOffset);
        this.workbookDocument.setFormat(sheet, address, cell.numberFormat === "General" ? undefined : cell.numberFormat);
      }
    });
    const chartInserted = this.options.showChart?.({ sheetName: selected.sheetName, block }) ?? false;
    return { address: block.address, chartInserted };
  }

  async onAssumptionsChanged(listener: () => void): Promise<() => Promise<void>> {
    let pending = false;
    // One notification per burst of changes (a batch, a repair), after the engine has settled.
    const notify = (): void => {
      if (!pending) {
        pending = true;
        queueMicrotask(() => {
          pending = false;
          listener();
        });
      }
    };
    const onValues = (changes: ExportedChange[]): void => {
      const sheet = this.assumptionsSheetId();
      const watchedNames = [SCENARIO_NAME_DEFINED_NAME, START_MONTH_DEFINED_NAME, FISCAL_YEAR_START_DEFINED_NAME];
      const relevant = changes.some((change) =>
        "address" in change ? change.address.sheet === sheet : watchedNames.includes(change.name.toUpperCase()),
      );
      if (relevant) {
        notify();
      }
    };
    const onSheet = (name: string): void => {
      if (name === ASSUMPTIONS_SHEET_NAME) {
        notify();
      }
    };
    const onRename = (oldName: string, newName: string): void => {
      onSheet(oldName);
      onSheet(newName);
    };
    this.hf.on("valuesUpdated", onValues);
    this.hf.on("sheetAdded", onSheet);
    this.hf.on("sheetRemoved", onSheet);
    this.hf.on("sheetRenamed", onRename);
    return async () => {
      this.hf.off("valuesUpdated", onValues);
      this.hf.off("sheetAdded", onSheet);
      this.hf.off("sheetRemoved", onSheet);
      this.hf.off("sheetRenamed", onRename);
    };
  }

  // Share-safe copy (issue 8): the preview's file is its own .xlsx export (as Download .xlsx
  // writes it, AICOST calls stored as Excel stores them); a new workbook is a download.
  workbookFileSupport(): WorkbookFileSupport {
    return { available: true };
  }

  async readWorkbookFile(): Promise<Uint8Array> {
    const { exportXlsx } = await import(/* webpackChunkName: "xlsx-export" */ "./xlsxExport");
    return exportXlsx(this.workbookDocument);
  }

  async openAsNewWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedWorkbook> {
    const save = this.options.saveFile ?? (await import("./download")).saveFile;
    save(bytes, fileName);
    return { delivery: "download" };
  }

  async loadPreferences(): Promise<PanePreferences> {
    return parsePreferences(this.workbookDocument.preferences);
  }

  async savePreferences(preferences: PanePreferences): Promise<void> {
    this.workbookDocument.preferences = checkPreferences(preferences);
  }

  // ---- Prices (issue 10): the same sheet, judged and planned by src/sheet/pricesSheet.ts

  /** The raw prices sheet (A1:K505). HyperFormula has no tables, so the snapshot lists none. */
  pricesSnapshot(): PricesSnapshot {
    const sheet = this.hf.getSheetId(PRICES_SHEET_NAME);
    const nameReference = this.hf.getNamedExpressionFormula(PRICES_DEFINED_NAME) ?? null;
    if (sheet === undefined) {
      return { ...MISSING_PRICES_SNAPSHOT, nameReference };
    }
    const lastColumn = PRICES_LAST_COLUMN.charCodeAt(0) - "A".charCodeAt(0);
    const range = { start: { sheet, row: 0, col: 0 }, end: { sheet, row: PRICES_LAST_ROW, col: lastColumn } };
    return pricesSnapshotFromGrid({ values: this.hf.getRangeValues(range), nameReference });
  }

  async readPrices(): Promise<PricesState> {
    return analysePrices(this.pricesSnapshot());
  }

  async setUpPrices(): Promise<void> {
    const snapshot = this.pricesSnapshot();
    if (analysePrices(snapshot).status === "ready") {
      return;
    }
    this.hf.batch(() => this.layOutPrices());
  }

  /** Writes the layout (never a row), creating the sheet when needed, and points AICOST_PRICES at the table. */
  private layOutPrices(): number {
    let sheet = this.hf.getSheetId(PRICES_SHEET_NAME);
    if (sheet === undefined) {
      sheet = this.hf.getSheetId(this.hf.addSheet(PRICES_SHEET_NAME)) as number;
    }
    for (const cell of pricesLayoutCells()) {
      this.hf.setCellContents({ sheet, row: cell.rowNumber - 1, col: cell.columnIndex }, cell.input);
    }
    const expression = `=${PRICES_NAME_REFERENCE}`;
    const current = this.hf.getNamedExpressionFormula(PRICES_DEFINED_NAME);
    if (current === undefined) {
      this.hf.addNamedExpression(PRICES_DEFINED_NAME, expression);
    } else if (current !== expression) {
      this.hf.changeNamedExpression(PRICES_DEFINED_NAME, expression);
    }
    return sheet;
  }

  async addPriceRows(rows: readonly ModelPriceRow[], options: { readonly replaceConflicts?: boolean } = {}): Promise<PriceRowsResult> {
    const snapshot = this.pricesSnapshot();
    const createdSheet = !snapshot.sheetExists;
    const state = analysePrices(snapshot);
    if (state.status === "damaged") {
      throw damagedPricesSheet(state.problems);
    }
    const plan = planPriceRows(snapshot, rows, options);
    this.hf.batch(() => {
      const sheet = createdSheet ? this.layOutPrices() : (this.hf.getSheetId(PRICES_SHEET_NAME) as number);
      for (const write of plan.writes) {
        const contents = [write.inputs.map((input): RawCellContent => (input === "" ? null : input))];
        this.hf.setCellContents({ sheet, row: write.rowNumber - 1, col: 0 }, contents);
        this.workbookDocument.setFormat(sheet, `C${write.rowNumber}`, PRICES_DATE_FORMAT);
      }
    });
    return { createdSheet, added: plan.added, unchanged: plan.unchanged, conflicts: plan.conflicts, replaced: plan.replaced };
  }

  async insertAtSelection(input: string | number, options: { readonly overwrite?: boolean } = {}): Promise<CellInsertion> {
    const selected = this.selection.selectedCell();
    const sheet = selected === null ? undefined : this.hf.getSheetId(selected.sheetName);
    if (selected === null || sheet === undefined) {
      throw new Error("Select the cell where the price should go, then try again.");
    }
    const position = { sheet, row: selected.row, col: selected.col };
    const address = `${sheetPrefix(selected.sheetName)}${toA1(selected.row, selected.col)}`;
    const existing = this.workbookDocument.storedContent(position);
    if (existing !== null && existing !== "" && options.overwrite !== true) {
      return { inserted: false, address, existing: String(existing) };
    }
    this.hf.setCellContents(position, input);
    return { inserted: true, address };
  }

  async readRange(address: string): Promise<{ readonly address: string; readonly values: unknown[][] }> {
    const location = checkRangeToRead(address);
    const sheetName = location.sheetName ?? this.selection.selectedCell()?.sheetName ?? this.workbookDocument.activeSheet;
    const sheet = this.hf.getSheetId(sheetName);
    if (sheet === undefined) {
      throw missingSheet(sheetName);
    }
    const values = this.hf.getRangeValues({
      start: { sheet, row: location.first.rowNumber - 1, col: location.first.columnIndex },
      end: { sheet, row: location.last.rowNumber - 1, col: location.last.columnIndex },
    });
    return { address: qualifiedRangeAddress(sheetName, location), values: values.map((row) => row.map(portCell)) };
  }
  // -------------------------------------------------------------------------------------------
  // Sensitivity (issue 11): HyperFormula knows every cell's precedents and recalculates on each
  // write, so a sweep's writes and reads need no batching and no forced calculation.

  /** A sheet-qualified address as the engine's cell position; throws malformed for another text. */
  private positionOf(address: string): SimpleCellAddress {
    const cell = parseCellAddress(address);
    const sheet = cell?.sheetName == null ? undefined : this.hf.getSheetId(cell.sheetName);
    if (cell === null || sheet === undefined) {
      throw malformed(`${address} is not a cell of this workbook; pick a cell on one of its sheets.`);
    }
    return { sheet, row: cell.rowNumber - 1, col: cell.columnIndex };
  }

  private cellAt(position: SimpleCellAddress): SensitivityCell {
    const sheetName = this.hf.getSheetName(position.sheet) as string;
    const address = qualifiedAddress(sheetName, position.col, position.row + 1);
    const left = position.col > 0 ? this.hf.getCellValue({ ...position, col: position.col - 1 }) : null;
    return { address, label: inputLabel(address, left), value: sweepValue(this.hf.getCellValue(position)) };
  }

  async readSelectedCell(): Promise<SensitivityCell | null> {
    const selected = this.selection.selectedCell();
    const sheet = selected === null ? undefined : this.hf.getSheetId(selected.sheetName);
    return selected === null || sheet === undefined ? null : this.cellAt({ sheet, row: selected.row, col: selected.col });
  }

  async findInputCells(outputAddress: string): Promise<readonly SensitivityCell[] | null> {
    const start = this.positionOf(outputAddress);
    const key = (cell: SimpleCellAddress): string => `${cell.sheet}:${cell.row}:${cell.col}`;
    const skipped = (cell: SimpleCellAddress): boolean => {
      const sheetName = this.hf.getSheetName(cell.sheet);
      return sheetName === undefined || isSkippedSheet(sheetName);
    };
    const seen = new Set<string>([key(start)]);
    const inputs: SimpleCellAddress[] = [];
    const formulas: SimpleCellAddress[] = [start];
    for (let next = formulas.pop(); next !== undefined; next = formulas.pop()) {
      let modelPrecedents = 0;
      for (const precedent of this.hf.getCellPrecedents(next)) {
        const cells = "start" in precedent ? this.usedCells(precedent.start, precedent.end) : [precedent];
        for (const cell of cells) {
          if (skipped(cell)) continue;
          modelPrecedents++;
          if (seen.has(key(cell))) continue;
          seen.add(key(cell));
          if (seen.size > MAX_PRECEDENT_CELLS) {
            throw malformed(`${outputAddress} depends on more than ${MAX_PRECEDENT_CELLS} cells; pick its inputs by selecting them instead.`);
          }
          if (this.hf.doesCellHaveFormula(cell)) formulas.push(cell);
          else if (isNumberConstant(this.hf.getCellSerialized(cell))) inputs.push(cell);
        }
      }
      if (next !== start && isDerivedInput(modelPrecedents, sweepValue(this.hf.getCellValue(next)))) inputs.push(next);
    }
    inputs.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
    return inputs.map((cell) => this.cellAt(cell));
  }

  /**
   * The cells of a precedent range within its sheet's used area: a whole column or row (A:A, the
   * engine reports its open end as null) is as long as the sheet's filled part, as in Excel.
   */
  private usedCells(start: SimpleCellAddress, end: SimpleCellAddress): SimpleCellAddress[] {
    const { width, height } = this.hf.getSheetDimensions(start.sheet);
    const lastRow = Math.min(end.row ?? Number.POSITIVE_INFINITY, height - 1);
    const lastCol = Math.min(end.col ?? Number.POSITIVE_INFINITY, width - 1);
    const cells: SimpleCellAddress[] = [];
    for (let row = start.row ?? 0; row <= lastRow && cells.length <= MAX_PRECEDENT_CELLS; row++) {
      for (let col = start.col ?? 0; col <= lastCol; col++) cells.push({ sheet: start.sheet, row, col });
    }
    return cells;
  }

  async activeScenarioInputs(): Promise<{ readonly annualPriceMultiplier: SensitivityCell; readonly floorShare: SensitivityCell } | null> {
    return activeScenarioCells(this.snapshot());
  }

  sensitivityWorkbook(): SensitivityWorkbook<unknown> {
    return {
      readContent: async (address) => this.hf.getCellSerialized(this.positionOf(address)),
      writeContent: async (address, content) => {
        this.hf.setCellContents(this.positionOf(address), content as RawCellContent);
      },
      writeNumber: async (address, value) => {
        this.hf.setCellContents(this.positionOf(address), value);
      },
      recalculate: async () => undefined, // the engine has recalculated after every write
      readValue: async (address) => sweepValue(this.hf.getCellValue(this.positionOf(address))),
    };
  }

  async insertSensitivityTable(rows: readonly TornadoRow[]): Promise<string> {
    const selected = this.selection.selectedCell();
    const sheet = selected === null ? undefined : this.hf.getSheetId(selected.sheetName);
    if (selected === null || sheet === undefined) {
      throw malformed("Select the cell where the table should start, then try again.");
    }
    const table = sensitivityTableRows(rows);
    const last = { row: selected.row + table.length - 1, col: selected.col + table[0].length - 1 };
    const address = `${qualifiedAddress(selected.sheetName, selected.col, selected.row + 1)}:${toA1(last.row, last.col)}`;
    checkTableTargetEmpty(address, this.hf.getRangeValues({ start: { sheet, row: selected.row, col: selected.col }, end: { sheet, ...last } }));
    this.hf.setCellContents({ sheet, row: selected.row, col: selected.col }, table.map((cells) => cells.map((cell) => (typeof cell === "string" ? literalText(cell) : cell))));
    return address;
  }
}


/** An engine value as a sweep reads it: an error as its code ("#DIV/0!"), rich numbers as numbers, empty as null. */
function sweepValue(value: unknown): SweepCellValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "object" && value !== null && "val" in value) return Number((value as { val: unknown }).val);
  return null;
}
