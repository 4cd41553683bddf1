/**
 * The WorkbookPort: everything the task pane may ask of a workbook. The task pane talks only to
 * this interface. Two implementations: ExcelWorkbook (Office.js, src/workbook/excelWorkbook.ts)
 * and the preview's HyperFormula workbook (src/preview). Neither the interface nor its types
 * import Office or DOM types.
 */
import type { SensitivityWorkbook, TornadoRow } from "../core/sensitivity";
import type { SensitivityCell } from "./sensitivityCells";

export type { SensitivityCell };

/** One row of the scenarios table as the workbook holds it; values are raw until validated. */
export interface ScenarioRow {
  /** The scenario's name, as typed in the table's first column. */
  readonly name: string;
  /** m as stored: null when the cell is empty or not a number. */
  readonly annualPriceMultiplier: number | null;
  /** f as stored: null when the cell is empty or not a number. */
  readonly floorShare: number | null;
  readonly note: string;
  /** True for pessimistic, baseline and aggressive. */
  readonly isPreset: boolean;
  /** What is wrong with this row, in words a finance user can act on; empty when valid. */
  readonly problems: readonly string[];
}

/** The uncertainty band as the pane reads it: the same fields as core's Band (docs/BAND.md). */
export interface BandValues {
  readonly label: string;
  readonly annualPriceMultiplierP10: number;
  readonly annualPriceMultiplierP50: number;
  readonly annualPriceMultiplierP90: number;
  readonly floorShare: number;
}

/** What the pane knows of the workbook's assumptions. */
export type AssumptionsState =
  | { readonly status: "missing" }
  | {
      readonly status: "ready" | "damaged";
      readonly scenarios: readonly ScenarioRow[];
      /** The Active scenario cell's text. */
      readonly activeScenarioName: string;
      /** Problems with the sheet itself (missing name, moved table, ...), in plain words. */
      readonly problems: readonly string[];
      /**
       * Issue 11: the band AICOST_BAND holds (H5:L5), or null when the block is missing or one of
       * its numbers is invalid (the problems say which). Undefined from a host that predates it.
       */
      readonly band?: BandValues | null;
    };

/** Changes to one scenario's row; omitted fields stay as they are. */
export interface ScenarioChanges {
  readonly annualPriceMultiplier?: number;
  readonly floorShare?: number;
  /**
   * The row's note, written as given (Reset to preset gives the preset's source note). Without
   * it, a preset's row gets the note src/sheet/sourceNotes.ts gives its new values, unless the
   * user wrote a note of their own.
   */
  readonly note?: string;
}

import type { ModelPriceRow } from "../core/priceCatalog";
import type { PriceRowConflict, PricesState } from "./pricesSheet";

export type { PriceRowConflict, PriceSheetRow, PricesState } from "./pricesSheet";

/** What adding price rows did (issue 10): rows are appended, never written over unless asked. */
export interface PriceRowsResult {
  /** True when the "AICOST Prices" sheet was created for these rows. */
  readonly createdSheet: boolean;
  readonly added: readonly ModelPriceRow[];
  /** Already in the table with the same prices. */
  readonly unchanged: readonly ModelPriceRow[];
  /** In the table (same model and date) with other prices, and left as they are. */
  readonly conflicts: readonly PriceRowConflict[];
  /** Conflicting rows written over, because replaceConflicts was given. */
  readonly replaced: readonly PriceRowConflict[];
}

/** What entering a price at the selected cell did: entered, or left a filled cell as it was. */
export type CellInsertion =
  | { readonly inserted: true; readonly address: string }
  /** The cell holds something and overwriting was not confirmed: `existing` is what it holds (its formula, else its value). */
  | { readonly inserted: false; readonly address: string; readonly existing: string };

/** Pane-only preferences, kept in the document's settings. */
export interface PanePreferences {
  /** The price the chart projects from, USD per million tokens; null = the selected cell or $10. */
  readonly referencePriceUsd: number | null;
  /** The chart's and the inserted projection's horizon in months. */
  readonly horizonMonths: number;
}

export const DEFAULT_PREFERENCES: PanePreferences = { referencePriceUsd: null, horizonMonths: 36 };

/** What an inserted projection projects: a price per million tokens, or a monthly cost. */
export type ProjectionMode = "price" | "cost";

/** What Insert projection is asked for. */
export interface ProjectionRequest {
  /** Months to project, from the start month (AICOST_START_MONTH). */
  readonly horizonMonths: number;
  /** "price" (the default): a price per million tokens; "cost": a monthly cost. */
  readonly mode?: ProjectionMode;
  /** Price mode: today's price, USD per million tokens. Cost mode: the monthly cost today, USD. */
  readonly baseValueUsd: number;
  /** The scenario the active one is compared with (variance columns); null or omitted for none. */
  readonly referenceScenarioName?: string | null;
  /** Adds P10, P50 and P90 columns of the uncertainty band (AICOST_BAND, issue 11). */
  readonly bandPercentiles?: boolean;
}

/** Where an inserted projection landed, for the pane's status line. */
export interface InsertedProjection {
  /** The block's address, e.g. "Sheet1!B2:F39". */
  readonly address: string;
  readonly chartInserted: boolean;
}

// --- Share-safe copy (issue 8): the open workbook's file, and a file opened as a new workbook ---

/** Whether this host can give the workbook's file and open a new workbook; why not, in words, when it cannot. */
export type WorkbookFileSupport = { readonly available: true } | { readonly available: false; readonly reason: string };

/** How {@link WorkbookPort.openAsNewWorkbook} handed the file to the user. */
export interface OpenedWorkbook {
  /** "new-workbook": Excel opened it as a new, unsaved workbook; "download": the browser saved it as a file. */
  readonly delivery: "new-workbook" | "download";
}

export interface WorkbookPort {
  /** "excel" inside Office; "preview" for the in-browser workbook. */
  readonly host: "excel" | "preview";
  /** Reads the assumptions sheet. Never throws for a damaged sheet: it reports it. */
  readAssumptions(): Promise<AssumptionsState>;
  /** Creates the assumptions sheet, or repairs a damaged one keeping users' custom rows. Idempotent. */
  setUpAssumptions(): Promise<void>;
  /** Writes the Active scenario cell, and nothing else. */
  setActiveScenario(name: string): Promise<void>;
  /**
   * Writes the changed cells of one table row and nothing else: the parameters given and, for a
   * preset's row, the note its new values call for (see ScenarioChanges.note).
   */
  updateScenario(name: string, changes: ScenarioChanges): Promise<void>;
  /** Appends a custom scenario row to the table. */
  addScenario(row: { name: string; annualPriceMultiplier: number; floorShare: number; note: string }): Promise<void>;
  /** The selected cell's value when it is one positive number; otherwise null. */
  readSelectedNumber(): Promise<number | null>;
  /** Calls `listener` whenever the user selects another cell; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => Promise<void>>;
  /**
   * Inserts a projection block (and a line chart) at the selected cell: a column per scenario of
   * the table and one for the active scenario, months as dates, a horizon total (average for
   * prices) and fiscal-year subtotals, and the variance against a reference scenario.
   */
  insertProjection(request: ProjectionRequest): Promise<InsertedProjection>;
  /** Calls `listener` after any change to the assumptions made anywhere; returns an unsubscribe function. */
  onAssumptionsChanged(listener: () => void): Promise<() => Promise<void>>;
  loadPreferences(): Promise<PanePreferences>;
  savePreferences(preferences: PanePreferences): Promise<void>;

  // ---- Prices (issue 10): the "AICOST Prices" sheet, its table and the name AICOST_PRICES.
  /** Reads the prices sheet: missing, or its rows (each judged) and the sheet's own problems. */
  readPrices(): Promise<PricesState>;
  /** Creates the prices sheet (empty table, name), or repairs its layout, name and table keeping every row. Idempotent. */
  setUpPrices(): Promise<void>;
  /**
   * Appends rows to the prices table, creating the sheet if it is missing. A row whose model and
   * date are already there with other prices is a conflict and is left as it is, unless
   * `replaceConflicts` is given (the user confirmed). Refuses, writing nothing, on a sheet that
   * needs Repair or when the rows would not fit.
   */
  addPriceRows(rows: readonly ModelPriceRow[], options?: { readonly replaceConflicts?: boolean }): Promise<PriceRowsResult>;
  /**
   * Enters `input` (a formula starting with "=", or a number) in the selected cell, one cell. A
   * cell that holds anything is left as it is unless `overwrite` is given (the user confirmed).
   */
  insertAtSelection(input: string | number, options?: { readonly overwrite?: boolean }): Promise<CellInsertion>;

  // ---- Fit a scenario from data (issue 10): the pane reads dated prices from a range.
  /**
   * The values of a range given by its address ("B2:C9" on the active sheet, or
   * "'Price history'!B2:C9"), as the host computes them: numbers (dates as serials), text,
   * booleans, null for empty cells, error codes as text. Refuses an address it cannot read.
   */
  readRange(address: string): Promise<{ readonly address: string; readonly values: unknown[][] }>;
  // Sensitivity, "What moves the cost?" (issue 11): used by src/taskpane/sensitivityView.ts.
  /** The selected cell, sheet-qualified, with its label (the text to its left) and value; null when none. */
  readSelectedCell(): Promise<SensitivityCell | null>;
  /**
   * The number constants the output cell depends on, following its precedents through formulas
   * to constants, the assumptions sheet left out (its m and f come from activeScenarioInputs),
   * in sheet, row and column order; null when the host cannot trace precedents (the user then
   * picks the inputs). Throws when the walk passes MAX_PRECEDENT_CELLS cells.
   */
  findInputCells(outputAddress: string): Promise<readonly SensitivityCell[] | null>;
  /** The active scenario's m and f cells in the scenarios table; null without a sheet or an active row. */
  activeScenarioInputs(): Promise<{ readonly annualPriceMultiplier: SensitivityCell; readonly floorShare: SensitivityCell } | null>;
  /** The workbook as core's runSensitivitySweep drives it: exact contents, numbers, recalculation (manual mode included), values. */
  sensitivityWorkbook(): SensitivityWorkbook<unknown>;
  /** Writes the tornado as a table (input, low, high, output at low, output at high, swing) at the selected cell; refuses filled cells; returns its address. */
  insertSensitivityTable(rows: readonly TornadoRow[]): Promise<string>;
  // Share-safe copy (issue 8): the workbook's own file in, a new workbook out. Neither method
  // changes the open workbook.
  /** Whether readWorkbookFile and openAsNewWorkbook work on this host. */
  workbookFileSupport(): WorkbookFileSupport;
  /** The open workbook as the bytes of an .xlsx file, its current state included. */
  readWorkbookFile(): Promise<Uint8Array>;
  /** Opens .xlsx bytes as a new workbook for the user to save (the preview downloads them as `fileName`). */
  openAsNewWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedWorkbook>;

  // Renaming and deleting the team's own scenarios (issue 9). Presets are refused.
  /** Renames a custom scenario's row, and the Active scenario cell with it when it is the active one. */
  renameScenario(name: string, newName: string): Promise<void>;
  /**
   * Deletes a custom scenario's table row (the rows below move up, as a deleted table row does);
   * when it was the active scenario, baseline becomes active.
   */
  deleteScenario(name: string): Promise<void>;
}
