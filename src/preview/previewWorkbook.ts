import type { ExportedChange, RawCellContent } from "hyperformula";
import { sheetPrefix } from "../sheet/addresses";
import {
  analyseAssumptions,
  checkActiveScenarioName,
  checkNewScenario,
  missingAssumptionsSheet,
  requireScenarioName,
  rowWriteRuns,
  scenarioRowWrite,
} from "../sheet/checks";
import { cellPosition, parseRangeAddress } from "../sheet/addresses";
import { checkPreferences, parsePreferences } from "../sheet/preferences";
import { repairedSheetCells, rowsToClear } from "../sheet/repair";
import { assumptionsSheetCells, type SheetCell } from "../sheet/sheetCells";
import { locateScenarios, MISSING_SNAPSHOT, snapshotFromGrid, type AssumptionsSnapshot } from "../sheet/snapshot";
import { literalText } from "../sheet/textEntry";
import {
  ACTIVE_SCENARIO_CELL,
  ASSUMPTIONS_SHEET_NAME,
  SCENARIO_NAME_DEFINED_NAME,
  SCENARIO_NAME_REFERENCE,
  TABLE_HEADER_ROW,
  TABLE_LAST_ROW,
} from "../sheet/layout";
import type {
  AssumptionsState,
  InsertedProjection,
  OpenedWorkbook,
  PanePreferences,
  ScenarioChanges,
  WorkbookFileSupport,
  WorkbookPort,
} from "../sheet/port";
import { checkBlockTargetEmpty, projectionBlock, type ProjectionBlock } from "../sheet/projectionBlock";
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

  /** The raw contents of the assumptions sheet (A1:D110), as the shared analysis expects them. */
  snapshot(): AssumptionsSnapshot {
    const sheet = this.assumptionsSheetId();
    const scenarioNameReference = this.hf.getNamedExpressionFormula(SCENARIO_NAME_DEFINED_NAME) ?? null;
    if (sheet === undefined) {
      return { ...MISSING_SNAPSHOT, scenarioNameReference };
    }
    const range = { start: { sheet, row: 0, col: 0 }, end: { sheet, row: TABLE_LAST_ROW - 1, col: 3 } };
    return snapshotFromGrid({
      values: this.hf.getRangeValues(range),
      formulas: this.hf.getRangeFormulas(range),
      scenarioNameReference,
    });
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
        cells = assumptionsSheetCells();
      } else {
        cells = repairedSheetCells(snapshot);
        // As in Excel: the layout above the table is AICOST's, so a row inserted or deleted
        // above the table leaves nothing behind one row off.
        this.hf.setCellContents({ sheet, row: 0, col: 0 }, Array.from({ length: TABLE_HEADER_ROW - 1 }, () => [null, null, null, null]));
        const lastWritten = Math.max(...cells.map((cell) => cell.rowNumber));
        const clear = rowsToClear(snapshot, lastWritten + 1);
        if (clear !== null) {
          const emptyRows = Array.from({ length: clear.lastRow - clear.firstRow + 1 }, () => [null, null, null, null]);
          this.hf.setCellContents({ sheet, row: clear.firstRow - 1, col: 0 }, emptyRows);
        }
      }
      this.ensureScenarioName();
      for (const cell of cells) {
        this.hf.setCellContents({ sheet, row: cell.rowNumber - 1, col: cell.columnIndex }, cell.input);
        this.workbookDocument.setFormat(sheet, cell.address, cell.numberFormat === "General" ? undefined : cell.numberFormat);
      }
    });
  }

  /** Creates AICOST_SCENARIO, or points it back at the active row. */
  private ensureScenarioName(): void {
    const expression = `=${SCENARIO_NAME_REFERENCE}`;
    const current = this.hf.getNamedExpressionFormula(SCENARIO_NAME_DEFINED_NAME);
    if (current === undefined) {
      this.hf.addNamedExpression(SCENARIO_NAME_DEFINED_NAME, expression);
    } else if (current !== expression) {
      this.hf.changeNamedExpression(SCENARIO_NAME_DEFINED_NAME, expression);
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
    const cells: RawCellContent[][] = [[literalText(row.name), row.annualPriceMultiplier, row.floorShare, literalText(row.note)]];
    this.hf.setCellContents({ sheet, row: nextRow - 1, col: 0 }, cells);
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

  async insertProjection(options: { horizonMonths: number; basePriceUsd: number }): Promise<InsertedProjection> {
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
    const scenarios = locateScenarios(assumptions).map(({ name, rowNumber }) => ({ name, rowNumber }));
    const block = projectionBlock({
      horizonMonths: options.horizonMonths,
      basePriceUsd: options.basePriceUsd,
      scenarios,
      anchor: `${sheetPrefix(selected.sheetName)}${toA1(selected.row, selected.col)}`,
    });
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
      const relevant = changes.some((change) =>
        "address" in change ? change.address.sheet === sheet : change.name.toUpperCase() === SCENARIO_NAME_DEFINED_NAME,
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
}
