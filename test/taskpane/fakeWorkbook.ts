/**
 * Test fixture: a hand-made in-memory WorkbookPort for the task pane's DOM tests. It keeps rows,
 * the active name and preferences in plain fields, records every call, and fires the change
 * listeners after each write, as both real hosts do. Never shipped.
 */
import type { ModelPriceRow } from "../../src/core/priceCatalog";
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import { PRICES_HEADERS, PRICES_NAME_REFERENCE } from "../../src/sheet/pricesLayout";
import { analysePrices, planPriceRows, type PricesSnapshot } from "../../src/sheet/pricesSheet";
import { DEFAULT_BAND } from "../../src/core/band";
import type { SensitivityWorkbook, TornadoRow } from "../../src/core/sensitivity";
import type { SensitivityCell } from "../../src/sheet/sensitivityCells";
import {
  DEFAULT_PREFERENCES,
  type AssumptionsState,
  type BandValues,
  type InsertedProjection,
  type OpenedWorkbook,
  type PanePreferences,
  type CellInsertion,
  type PriceRowsResult,
  type PricesState,
  type ScenarioChanges,
  type ScenarioRow,
  type WorkbookFileSupport,
  type WorkbookPort,
} from "../../src/sheet/port";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface FakeCall {
  readonly method: keyof WorkbookPort;
  readonly args: readonly unknown[];
}

export class FakeWorkbook implements WorkbookPort {
  readonly host = "preview" as const;
  sheetExists: boolean;
  rows: Mutable<ScenarioRow>[];
  activeScenarioName = "baseline";
  sheetProblems: string[] = [];
  /** AICOST_BAND's values as the sheet holds them (issue 11); null = no valid band. */
  band: BandValues | null = {
    label: DEFAULT_BAND.label,
    annualPriceMultiplierP10: DEFAULT_BAND.annualPriceMultiplierP10,
    annualPriceMultiplierP50: DEFAULT_BAND.annualPriceMultiplierP50,
    annualPriceMultiplierP90: DEFAULT_BAND.annualPriceMultiplierP90,
    floorShare: DEFAULT_BAND.floorShare,
  };
  selectedNumber: number | null = null;
  preferences: PanePreferences = DEFAULT_PREFERENCES;
  readonly calls: FakeCall[] = [];
  /** Set to make the next call of that method reject with this message. */
  failNext: Partial<Record<keyof WorkbookPort, string>> = {};
  /** The Share-safe copy: what the host supports, the file it gives, and the copies it opened. */
  fileSupport: WorkbookFileSupport = { available: true };
  fileBytes: Uint8Array = new Uint8Array();
  readonly opened: { bytes: Uint8Array; fileName: string }[] = [];
  readonly assumptionListeners = new Set<() => void>();
  readonly selectionListeners = new Set<() => void>();

  constructor(options: { sheetExists?: boolean } = {}) {
    this.sheetExists = options.sheetExists ?? true;
    this.rows = this.sheetExists ? presetRows() : [];
  }

  /** Calls to the methods that write to the workbook, in order. */
  writes(): FakeCall[] {
    const writing: (keyof WorkbookPort)[] = [
      "setUpAssumptions",
      "setActiveScenario",
      "updateScenario",
      "addScenario",
      "insertProjection",
      "savePreferences",
      "setUpPrices",
      "addPriceRows",
      "insertAtSelection",
      "renameScenario",
      "deleteScenario",
    ];
    return this.calls.filter((call) => writing.includes(call.method));
  }

  /** A change made elsewhere (typing in the sheet, a co-author): fires the listeners. */
  changeElsewhere(change: (workbook: this) => void): void {
    change(this);
    this.fireAssumptionsChanged();
  }

  selectElsewhere(selectedNumber: number | null): void {
    this.selectedNumber = selectedNumber;
    for (const listener of this.selectionListeners) listener();
  }

  private record(method: keyof WorkbookPort, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failNext[method];
    if (failure != null) {
      delete this.failNext[method];
      throw new Error(failure);
    }
  }

  private fireAssumptionsChanged(): void {
    for (const listener of this.assumptionListeners) listener();
  }

  async readAssumptions(): Promise<AssumptionsState> {
    this.record("readAssumptions");
    if (!this.sheetExists) return { status: "missing" };
    const damaged = this.sheetProblems.length > 0 || this.rows.some((row) => row.problems.length > 0);
    return {
      status: damaged ? "damaged" : "ready",
      scenarios: this.rows.map((row) => ({ ...row })),
      activeScenarioName: this.activeScenarioName,
      problems: [...this.sheetProblems],
      band: this.band,
    };
  }

  async setUpAssumptions(): Promise<void> {
    this.record("setUpAssumptions");
    const custom = this.rows.filter((row) => !row.isPreset);
    // As both hosts do: a custom row is kept exactly as it stands, an invalid value (and its problem) included.
    this.rows = [...presetRows(), ...custom];
    this.sheetExists = true;
    this.sheetProblems = [];
    this.fireAssumptionsChanged();
  }

  async renameScenario(name: string, newName: string): Promise<void> {
    this.record("renameScenario", name, newName);
    const row = this.rows.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (row === undefined || row.isPreset) throw new Error(`fake: cannot rename ${name}`);
    if (this.activeScenarioName.toLowerCase() === row.name.toLowerCase()) this.activeScenarioName = newName;
    row.name = newName;
    this.fireAssumptionsChanged();
  }

  async deleteScenario(name: string): Promise<void> {
    this.record("deleteScenario", name);
    const index = this.rows.findIndex((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (index < 0 || this.rows[index].isPreset) throw new Error(`fake: cannot delete ${name}`);
    if (this.activeScenarioName.toLowerCase() === name.toLowerCase()) this.activeScenarioName = "baseline";
    this.rows.splice(index, 1);
    this.fireAssumptionsChanged();
  }

  async setActiveScenario(name: string): Promise<void> {
    this.record("setActiveScenario", name);
    this.activeScenarioName = name;
    this.fireAssumptionsChanged();
  }

  async updateScenario(name: string, changes: ScenarioChanges): Promise<void> {
    this.record("updateScenario", name, changes);
    const row = this.rows.find((each) => each.name === name);
    if (row == null) throw new Error(`No scenario ${name}`);
    row.annualPriceMultiplier = changes.annualPriceMultiplier ?? row.annualPriceMultiplier;
    row.floorShare = changes.floorShare ?? row.floorShare;
    this.fireAssumptionsChanged();
  }

  async addScenario(row: { name: string; annualPriceMultiplier: number; floorShare: number; note: string }): Promise<void> {
    this.record("addScenario", row);
    this.rows.push({ ...row, isPreset: false, problems: [] });
    this.fireAssumptionsChanged();
  }

  async readSelectedNumber(): Promise<number | null> {
    this.record("readSelectedNumber");
    return this.selectedNumber;
  }

  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    this.record("onSelectionChanged");
    this.selectionListeners.add(listener);
    return async () => {
      this.selectionListeners.delete(listener);
    };
  }

  async insertProjection(options: { horizonMonths: number; baseValueUsd: number }): Promise<InsertedProjection> {
    this.record("insertProjection", options);
    return { address: `Sheet1!B2:F${2 + options.horizonMonths + 1}`, chartInserted: true };
  }

  async onAssumptionsChanged(listener: () => void): Promise<() => Promise<void>> {
    this.record("onAssumptionsChanged");
    this.assumptionListeners.add(listener);
    return async () => {
      this.assumptionListeners.delete(listener);
    };
  }

  async loadPreferences(): Promise<PanePreferences> {
    this.record("loadPreferences");
    return this.preferences;
  }

  async savePreferences(preferences: PanePreferences): Promise<void> {
    this.record("savePreferences", preferences);
    this.preferences = preferences;
  }

  /** The prices table's rows (A5:K.., raw cells), or null while there is no prices sheet. Judged by the shared pure module. */
  priceCells: unknown[][] | null = null;

  private pricesSnapshot(): PricesSnapshot {
    return {
      sheetExists: this.priceCells !== null,
      title: "AICOST prices",
      headers: PRICES_HEADERS,
      rows: this.priceCells ?? [],
      rowBelowCapacity: [],
      nameReference: this.priceCells === null ? null : `=${PRICES_NAME_REFERENCE}`,
    };
  }

  async readPrices(): Promise<PricesState> {
    this.record("readPrices");
    return analysePrices(this.pricesSnapshot());
  }

  async setUpPrices(): Promise<void> {
    this.record("setUpPrices");
    this.priceCells ??= [];
  }

  async addPriceRows(rows: readonly ModelPriceRow[], options: { readonly replaceConflicts?: boolean } = {}): Promise<PriceRowsResult> {
    this.record("addPriceRows", rows, options);
    const createdSheet = this.priceCells === null;
    const plan = planPriceRows(this.pricesSnapshot(), rows, options);
    const cells = this.priceCells ?? [];
    for (const write of plan.writes) {
      cells[write.rowNumber - 5] = write.inputs.map((input) => (typeof input === "string" && input.startsWith("'") ? input.slice(1) : input === "" ? null : input));
    }
    this.priceCells = cells;
    return { createdSheet, added: plan.added, unchanged: plan.unchanged, conflicts: plan.conflicts, replaced: plan.replaced };
  }

  /** What the selected cell holds, as entered (null: empty). */
  selectedContent: string | number | null = null;

  async insertAtSelection(input: string | number, options: { readonly overwrite?: boolean } = {}): Promise<CellInsertion> {
    this.record("insertAtSelection", input, options);
    if (this.selectedContent !== null && options.overwrite !== true) {
      return { inserted: false, address: "Sheet1!B2", existing: String(this.selectedContent) };
    }
    this.selectedContent = input;
    return { inserted: true, address: "Sheet1!B2" };
  }

  /** Ranges readRange answers, by address as typed. */
  ranges: Record<string, unknown[][]> = {};

  async readRange(address: string): Promise<{ readonly address: string; readonly values: unknown[][] }> {
    this.record("readRange", address);
    const values = this.ranges[address];
    if (values === undefined) throw new Error(`"${address}" is not a range address; type one such as B2:C9.`);
    return { address: address.includes("!") ? address : `Sheet1!${address}`, values };
  }

  // Sensitivity (issue 11): a tiny model. `model` holds the input cells' contents; the output's
  // value is `outputOf(inputs)`, recomputed on every read, as a recalculating workbook shows it.
  model = new Map<string, number | string>([
    ["Model!B1", 100],
    ["Model!B2", 3],
    ["Model!B3", "=B1*B2"],
  ]);
  /** Labels of the model's cells (the text to their left). */
  labels = new Map<string, string>([
    ["Model!B1", "Tickets"],
    ["Model!B2", "Price"],
    ["Model!B3", "Cost"],
  ]);
  outputAddress = "Model!B3";
  /** The output: tickets x price. */
  outputOf = (cells: ReadonlyMap<string, number | string>): number => Number(cells.get("Model!B1")) * Number(cells.get("Model!B2"));
  /** The selected cell for the sensitivity view; null = none. */
  selectedCellAddress: string | null = "Model!B3";
  /** What findInputCells answers: the model's constants, or null for a host that cannot trace precedents. */
  tracesPrecedents = true;
  inserted: TornadoRow[][] = [];

  private sensitivityCell(address: string): SensitivityCell {
    const content = this.model.get(address) ?? null;
    return {
      address,
      label: this.labels.get(address) ?? address,
      value: address === this.outputAddress ? this.outputOf(this.model) : typeof content === "string" && content.startsWith("=") ? null : content,
    };
  }

  async readSelectedCell(): Promise<SensitivityCell | null> {
    this.record("readSelectedCell");
    return this.selectedCellAddress === null ? null : this.sensitivityCell(this.selectedCellAddress);
  }

  async findInputCells(outputAddress: string): Promise<readonly SensitivityCell[] | null> {
    this.record("findInputCells", outputAddress);
    if (!this.tracesPrecedents) return null;
    return [...this.model.keys()].filter((address) => address !== outputAddress && typeof this.model.get(address) === "number").map((address) => this.sensitivityCell(address));
  }

  async activeScenarioInputs(): Promise<{ readonly annualPriceMultiplier: SensitivityCell; readonly floorShare: SensitivityCell } | null> {
    this.record("activeScenarioInputs");
    return null;
  }

  sensitivityWorkbook(): SensitivityWorkbook<unknown> {
    return {
      readContent: async (address) => this.model.get(address) ?? null,
      writeContent: async (address, content) => void this.model.set(address, content as number | string),
      writeNumber: async (address, value) => void this.model.set(address, value),
      recalculate: async () => undefined,
      readValue: async (address) => (address === this.outputAddress ? this.outputOf(this.model) : (this.model.get(address) ?? null)),
    };
  }

  async insertSensitivityTable(rows: readonly TornadoRow[]): Promise<string> {
    this.record("insertSensitivityTable", rows);
    this.inserted.push([...rows]);
    return "Model!D1:I3";
  }

  workbookFileSupport(): WorkbookFileSupport {
    this.record("workbookFileSupport");
    return this.fileSupport;
  }

  async readWorkbookFile(): Promise<Uint8Array> {
    this.record("readWorkbookFile");
    return this.fileBytes;
  }

  async openAsNewWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedWorkbook> {
    this.record("openAsNewWorkbook", bytes, fileName);
    this.opened.push({ bytes, fileName });
    return { delivery: "new-workbook" };
  }
}

function presetRows(): Mutable<ScenarioRow>[] {
  return PRESET_SCENARIOS.map((preset) => ({
    name: preset.label,
    annualPriceMultiplier: preset.annualPriceMultiplier,
    floorShare: preset.floorShare,
    note: preset.sourceNote,
    isPreset: true,
    problems: [],
  }));
}
