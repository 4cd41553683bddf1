import type { ExportedChange, RawCellContent } from "hyperformula";
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
    return snapshotFromGrid({
      values: this.hf.getRangeValues(range),
      formulas: this.hf.getRangeFormulas(range),
      scenarioNameReference,
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
    this.hf.batch(() => {
      let sheet = this.assumptionsSheetId();
      let cells: SheetCell[];
      if (sheet === undefined) {
        sheet = this.hf.getSheetId(this.hf.addSheet(ASSUMPTIONS_SHEET_NAME)) as number;
        cells = assumptionsSheetCells([], this.today());
      } else {
        cells = repairedSheetCells(snapshot, this.today());
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

  /** Creates AICOST_SCENARIO and the calendar's names, or points them back at their cells. */
  private ensureNames(): void {
    const names = [{ name: SCENARIO_NAME_DEFINED_NAME, reference: SCENARIO_NAME_REFERENCE }, ...CALENDAR_NAMES];
    for (const { name, reference } of names) {
      const expression = `=${reference}`;
      const current = this.hf.getNamedExpressionFormula(name);
      if (current === undefined) {
        this.hf.addNamedExpression(name, expression);
      } else if (current !== expression) {
        this.hf.changeNamedExpression(name, expression);
      }
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
}
