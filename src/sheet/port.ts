/**
 * The WorkbookPort: everything the task pane may ask of a workbook. The task pane talks only to
 * this interface. Two implementations: ExcelWorkbook (Office.js, src/workbook/excelWorkbook.ts)
 * and the preview's HyperFormula workbook (src/preview). Neither the interface nor its types
 * import Office or DOM types.
 */

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
