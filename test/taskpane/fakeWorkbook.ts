/**
 * Test fixture: a hand-made in-memory WorkbookPort for the task pane's DOM tests. It keeps rows,
 * the active name and preferences in plain fields, records every call, and fires the change
 * listeners after each write, as both real hosts do. Never shipped.
 */
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import {
  DEFAULT_PREFERENCES,
  type AssumptionsState,
  type InsertedProjection,
  type OpenedWorkbook,
  type PanePreferences,
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
    const writing: (keyof WorkbookPort)[] = ["setUpAssumptions", "setActiveScenario", "updateScenario", "addScenario", "insertProjection", "savePreferences", "renameScenario", "deleteScenario"];
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
