/**
 * The AICOST task pane: pick and tune the workbook's scenarios, chart them, insert a projection.
 * It talks only to a {@link WorkbookPort}, so the same pane runs in Excel, in the preview page
 * and against the in-memory workbook outside Office.
 */
import { MAX_MONTHS_AHEAD } from "../core/projection";
import { DEFAULT_SCENARIO_NAME, PRESET_SCENARIOS, type PresetScenario, type Scenario } from "../core/scenario";
import { DEFAULT_PREFERENCES, type AssumptionsState, type PanePreferences, type WorkbookPort } from "../sheet/port";
import { PriceChart, type ChartColours } from "./chart";
import { button, element, textField, type TextField } from "./dom";
import { InsertForm } from "./insertForm";
import { OwnScenariosView } from "./ownScenarios";
import {
  chartSeries,
  chooseReferencePrice,
  connectionNotice,
  errorMessage,
  floorPercentText,
  formatFriendly,
  formatUsd,
  insertedMessage,
  parseFloorPercent,
  parseHorizonMonths,
  parseReferencePrice,
  parseScenarioName,
  parseTimesCheaperPerYear,
  parameterSummary,
  presetFor,
  scenarioOptions,
  setupNotice,
  summaryMonths,
  timesCheaperText,
  type ChartSeries,
  type ScenarioOption,
} from "./state";
import { bandAreaStyle, CHART_INK, CHART_LINE_COLOURS } from "../ui/chartStyle";
import { bandEdgeNames, bandSeries, stateBand, type BandSeries } from "./bandSeries";
import { SensitivityView } from "./sensitivityView";
import { ShareView } from "./shareView";
import { paneStyleSheet, type ThemeName } from "./styles";
import { PricesView } from "./pricesView";
import { FitView } from "./fitView";

/** How the pane is connected: inside Excel, beside the preview grid, or alone in a browser. */
export type TaskpaneConnection = "excel" | "preview" | "standalone";

export interface TaskpaneOptions {
  readonly connection: TaskpaneConnection;
  /** Office's theme; null or omitted follows the browser's `prefers-color-scheme`. */
  readonly theme?: ThemeName | null;
  /** Requirement-set problems to show in the status line, e.g. "ExcelApi 1.8 (needed for the scenario dropdown)". */
  readonly problems?: readonly string[];
}

export interface TaskpaneHandle {
  /** Re-reads the workbook and redraws. */
  refresh(): Promise<void>;
  /** Unsubscribes from the workbook's events and removes the pane. */
  destroy(): Promise<void>;
}

/** How long typing pauses before a valid edit is written to the workbook. */
const WRITE_DELAY_MS = 350;
const STYLE_ELEMENT_ID = "aicost-taskpane-styles";
const NEW_SCENARIO_NOTE = "Custom scenario added from the AICOST task pane.";
const FLOORS_NOTE =
  "The floors are judgement, not measurement: no study measures how far prices can fall. Edit them to match your view.";

let paneCount = 0;
let styleUsers = 0;

function acquireStyles(): void {
  styleUsers++;
  if (document.getElementById(STYLE_ELEMENT_ID)) return;
  document.head.append(element("style", { id: STYLE_ELEMENT_ID }, paneStyleSheet()));
}

function releaseStyles(): void {
  styleUsers--;
  if (styleUsers === 0) document.getElementById(STYLE_ELEMENT_ID)?.remove();
}

/**
 * Renders the task pane inside `root` and keeps it in step with the workbook.
 *
 * @example const pane = await mountTaskpane(document.getElementById("app")!, port, { connection: "excel" });
 */
export async function mountTaskpane(root: HTMLElement, port: WorkbookPort, options: TaskpaneOptions): Promise<TaskpaneHandle> {
  const pane = new Taskpane(root, port, options);
  await pane.start();
  return { refresh: () => pane.refresh(), destroy: () => pane.destroy() };
}

type StatusKind = "info" | "success" | "error";

class Taskpane {
  private readonly ids: string;
  /** The "What moves the cost?" view (issue 11), its own module. */
  private readonly sensitivity: SensitivityView;
  private readonly container: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly setupSection: HTMLElement;
  private readonly scenarioSection: HTMLElement;
  private readonly radios: HTMLDivElement;
  private readonly editorSection: HTMLElement;
  private readonly editorHeading: HTMLHeadingElement;
  private readonly editorNote: HTMLParagraphElement;
  private readonly timesCheaper: TextField;
  private readonly floorPercent: TextField;
  private readonly resetButton: HTMLButtonElement;
  private readonly addSection: HTMLElement;
  private readonly newName: TextField;
  private readonly newTimesCheaper: TextField;
  private readonly newFloorPercent: TextField;
  private readonly makeNewActive: HTMLInputElement;
  private readonly referencePrice: TextField;
  private readonly horizon: TextField;
  private readonly canvas: HTMLCanvasElement;
  private readonly summary: HTMLTableElement;
  private readonly insertSection: HTMLElement;
  private readonly insertButton: HTMLButtonElement;
  private readonly pricesView: PricesView;
  private readonly fitView: FitView;
  private readonly insertForm: InsertForm;
  private readonly ownScenarios: OwnScenariosView;

  private assumptions: AssumptionsState = { status: "missing" };
  private preferences: PanePreferences = DEFAULT_PREFERENCES;
  private selectedNumber: number | null = null;
  /** Parameters typed in the editor and valid, not yet confirmed by a re-read of the workbook. */
  private readonly drafts = new Map<string, Scenario>();
  /** The scenario the editor shows; its inputs are refilled only when this changes or they are idle. */
  private editorScenarioName: string | null = null;
  /** The preset of the scenario the editor shows, when it is a preset's row: what Reset restores. */
  private editorPreset: PresetScenario | null = null;
  private chart: PriceChart | null = null;
  private theme: ThemeName;
  private readonly unsubscribes: (() => Promise<void>)[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private refreshQueue: Promise<void> = Promise.resolve();
  private destroyed = false;
  private readonly colorScheme: MediaQueryList | null;
  private readonly onColorSchemeChange = (): void => this.applyTheme(this.colorScheme?.matches ? "dark" : "light");

  constructor(
    private readonly root: HTMLElement,
    private readonly port: WorkbookPort,
    private readonly options: TaskpaneOptions,
  ) {
    paneCount++;
    this.ids = `aicost-${paneCount}`;
    this.colorScheme = options.theme == null && typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
    this.theme = options.theme ?? (this.colorScheme?.matches ? "dark" : "light");

    this.status = element("div", { class: "aicost-status", role: "status", "aria-live": "polite" });
    this.setupSection = element("section", { "aria-label": "Workbook set-up", hidden: true });

    this.radios = element("div", { class: "aicost-radios" });
    this.scenarioSection = element(
      "section",
      {},
      element("fieldset", {}, element("legend", {}, "Active scenario"), this.radios),
      element("p", { class: "aicost-hint" }, FLOORS_NOTE),
    );

    this.editorHeading = element("h2", { id: `${this.ids}-editor-heading` });
    this.timesCheaper = textField(`${this.ids}-times-cheaper`, "x cheaper per year", "1 = flat prices; 10 = ten times cheaper each year.", "decimal");
    this.floorPercent = textField(`${this.ids}-floor`, "Floor, % of today's price", "From 0 to 100; the price never falls below it.", "decimal");
    this.editorNote = element("p", { class: "aicost-hint" });
    this.resetButton = button("Reset to preset");
    this.editorSection = element(
      "section",
      { "aria-labelledby": this.editorHeading.id },
      this.editorHeading,
      element("div", { class: "aicost-row" }, this.timesCheaper.root, this.floorPercent.root),
      this.editorNote,
      element("div", { class: "aicost-actions" }, this.resetButton),
    );

    this.newName = textField(`${this.ids}-new-name`, "Name", "A name not already in the table, e.g. team estimate.", "text");
    this.newTimesCheaper = textField(`${this.ids}-new-times-cheaper`, "x cheaper per year", "1 = flat prices.", "decimal");
    this.newFloorPercent = textField(`${this.ids}-new-floor`, "Floor, % of today's price", "From 0 to 100.", "decimal");
    this.makeNewActive = element("input", { type: "checkbox", id: `${this.ids}-new-active` });
    const addButton = button("Add scenario", "primary");
    this.addSection = element(
      "section",
      {},
      element(
        "details",
        {},
        element("summary", {}, "Add a scenario of your own"),
        this.newName.root,
        element("div", { class: "aicost-row" }, this.newTimesCheaper.root, this.newFloorPercent.root),
        element("div", { class: "aicost-check" }, this.makeNewActive, element("label", { for: this.makeNewActive.id }, "Make it the active scenario")),
        element("div", { class: "aicost-actions" }, addButton),
      ),
    );

    const chartHeading = element("h2", { id: `${this.ids}-chart-heading` }, "Projected price per million tokens");
    this.referencePrice = textField(`${this.ids}-reference`, "Today's price, USD per million tokens", "", "decimal");
    this.horizon = textField(`${this.ids}-horizon`, "Horizon, months", `From 1 to ${MAX_MONTHS_AHEAD}.`, "numeric");
    this.canvas = element("canvas", { role: "img", "aria-describedby": `${this.ids}-summary` });
    this.summary = element("table", { id: `${this.ids}-summary` });
    const chartSection = element(
      "section",
      { "aria-labelledby": chartHeading.id },
      chartHeading,
      element("div", { class: "aicost-row" }, this.referencePrice.root, this.horizon.root),
      element("div", { class: "aicost-chart" }, this.canvas),
      // The chart's text alternative; a wrapper hides it because a table's caption escapes a clipped table.
      element("div", { class: "aicost-visually-hidden" }, this.summary),
    );

    this.ownScenarios = new OwnScenariosView(this.ids, {
      rename: (name, newName) =>
        this.act(`rename ${name}`, async () => {
          await this.port.renameScenario(name, newName);
          await this.refresh();
          return `Renamed ${name} to ${newName}.`;
        }),
      delete: (name) =>
        this.act(`delete ${name}`, async () => {
          await this.port.deleteScenario(name);
          await this.refresh();
          const active = this.assumptions.status === "missing" ? DEFAULT_SCENARIO_NAME : this.assumptions.activeScenarioName;
          return `Deleted ${name} from the scenarios table; the active scenario is ${active}.`;
        }),
    });

    this.insertButton = button("Insert projection", "primary");
    this.insertForm = new InsertForm(this.ids, this.insertButton);
    this.insertSection = this.insertForm.root;

    this.pricesView = new PricesView(port, this.ids, (kind, text) => this.setStatus(kind, text));
    this.fitView = new FitView(port, this.ids, (kind, text) => this.setStatus(kind, text), () => this.chartColours(), () =>
      this.assumptions.status === "missing" ? [] : this.assumptions.scenarios.map((row) => row.name),
    );

    this.sensitivity = new SensitivityView(port, this.ids, this.theme);
    const notice = connectionNotice(options.connection);
    this.container = element(
      "div",
      { class: "aicost-pane", "data-testid": "aicost-taskpane", "data-theme": this.theme, "data-connection": options.connection },
      element("h1", {}, "AICOST scenarios"),
      ...(notice == null ? [] : [element("p", { class: "aicost-notice", "data-kind": "warning" }, notice)]),
      // Requirement-set problems stay on screen; the status line also announces them once.
      ...(options.problems?.length
        ? [
            element(
              "div",
              { class: "aicost-notice", "data-kind": "warning" },
              element("p", {}, "This version of Excel lacks what some features need:"),
              element("ul", {}, ...options.problems.map((problem) => element("li", {}, problem))),
            ),
          ]
        : []),
      this.status,
      this.setupSection,
      this.scenarioSection,
      this.editorSection,
      this.addSection,
      this.ownScenarios.root,
      chartSection,
      this.insertSection,
      this.pricesView.root,
      this.fitView.root,
      this.sensitivity.root,
      new ShareView(port, this.ids).section,
    );

    this.timesCheaper.input.addEventListener("input", () => this.onParameterInput());
    this.floorPercent.input.addEventListener("input", () => this.onParameterInput());
    this.resetButton.addEventListener("click", () => void this.resetToPreset());
    addButton.addEventListener("click", () => void this.addScenario());
    // Enter in any of the form's fields adds the scenario, as it would submit a form.
    for (const field of [this.newName, this.newTimesCheaper, this.newFloorPercent]) {
      field.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          void this.addScenario();
        }
      });
    }
    this.referencePrice.input.addEventListener("input", () => this.onChartInput());
    this.horizon.input.addEventListener("input", () => this.onChartInput());
    this.insertButton.addEventListener("click", () => void this.insertProjection());
  }

  async start(): Promise<void> {
    acquireStyles();
    this.root.replaceChildren(this.container);
    this.colorScheme?.addEventListener("change", this.onColorSchemeChange);
    if (this.options.problems?.length) {
      this.setStatus("error", `This version of Excel lacks: ${this.options.problems.join("; ")}.`);
    }
    try {
      this.preferences = await this.port.loadPreferences();
    } catch (error) {
      this.setStatus("error", errorMessage("read the pane's saved settings", error));
    }
    this.referencePrice.input.value = this.preferences.referencePriceUsd == null ? "" : formatFriendly(this.preferences.referencePriceUsd);
    this.horizon.input.value = String(this.preferences.horizonMonths);
    await this.readSelection();
    await this.refresh();
    try {
      this.unsubscribes.push(await this.port.onAssumptionsChanged(() => void this.refresh()));
      this.unsubscribes.push(await this.port.onSelectionChanged(() => void this.readSelection().then(() => this.drawChart())));
    } catch (error) {
      this.setStatus("error", errorMessage("follow changes in the workbook", error));
    }
  }

  /** Re-reads the assumptions; calls are queued so two refreshes never interleave. */
  refresh(): Promise<void> {
    this.refreshQueue = this.refreshQueue.then(async () => {
      if (this.destroyed) return;
      try {
        this.assumptions = await this.port.readAssumptions();
      } catch (error) {
        this.setStatus("error", errorMessage("read the AICOST Assumptions sheet", error));
        return;
      }
      this.render();
      await this.pricesView.refresh();
    });
    return this.refreshQueue;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.colorScheme?.removeEventListener("change", this.onColorSchemeChange);
    await Promise.all(this.unsubscribes.map((unsubscribe) => unsubscribe().catch(() => undefined)));
    this.chart?.destroy();
    this.chart = null;
    this.fitView.destroy();
    this.sensitivity.destroy();
    this.container.remove();
    releaseStyles();
  }

  private applyTheme(theme: ThemeName): void {
    this.theme = theme;
    this.container.dataset.theme = theme;
    this.drawChart();
    this.sensitivity.setTheme(theme);
  }

  private setStatus(kind: StatusKind, text: string): void {
    this.status.dataset.kind = kind;
    this.status.textContent = text;
  }

  /** Runs one workbook action, reporting success or failure in the status line. */
  private async act(action: string, run: () => Promise<string | null>): Promise<void> {
    try {
      const success = await run();
      if (success != null) this.setStatus("success", success);
    } catch (error) {
      this.setStatus("error", errorMessage(action, error));
    }
  }

  private scenarioList(): ScenarioOption[] {
    if (this.assumptions.status !== "missing") return scenarioOptions(this.assumptions);
    // Without the sheet, AICOST formulas use the baseline; chart the presets as they would read.
    return PRESET_SCENARIOS.map((preset) => ({
      name: preset.label,
      checked: preset.label === DEFAULT_SCENARIO_NAME,
      isPreset: true,
      note: preset.sourceNote,
      scenario: preset,
      problems: [],
    }));
  }

  private render(): void {
    this.renderSetup();
    const ready = this.assumptions.status !== "missing";
    this.scenarioSection.hidden = !ready;
    this.editorSection.hidden = !ready;
    this.addSection.hidden = !ready;
    this.ownScenarios.root.hidden = !ready;
    this.ownScenarios.render(this.scenarioList());
    this.insertSection.hidden = !ready;
    this.insertForm.setScenarios(this.scenarioList().map((option) => option.name));
    const options = this.scenarioList();
    if (ready) {
      this.renderRadios(options);
      this.renderEditor(options.find((option) => option.checked) ?? null);
    }
    this.drawChart();
  }

  private renderSetup(): void {
    const notice = setupNotice(this.assumptions);
    this.setupSection.hidden = notice.kind === "none";
    if (notice.kind === "none") {
      this.setupSection.replaceChildren();
      return;
    }
    const action = button(notice.kind === "missing" ? "Set up workbook" : "Repair", "primary");
    action.addEventListener("click", async () => {
      action.disabled = true;
      await this.act(notice.kind === "missing" ? "set up the workbook" : "repair the sheet", async () => {
        await this.port.setUpAssumptions();
        await this.refresh();
        // The status says what the sheet is now, so it never reads "Repaired" above a notice that
        // the sheet still needs attention (a user's own row with an invalid value is kept as typed).
        const after = setupNotice(this.assumptions);
        if (after.kind === "damaged") {
          return `Repaired what a repair can fix and kept your own scenarios; ${after.problems.length === 1 ? "one problem is" : `${after.problems.length} problems are`} left for you to fix, listed above.`;
        }
        return notice.kind === "missing"
          ? "Set up the AICOST Assumptions sheet with the three preset scenarios."
          : "Repaired the AICOST Assumptions sheet; your own scenarios were kept.";
      });
      action.disabled = false; // still there only if the sheet still needs attention
    });
    this.setupSection.replaceChildren(
      element(
        "div",
        { class: "aicost-notice", "data-kind": "warning" },
        element("p", {}, notice.message),
        ...(notice.kind === "damaged" ? [element("ul", {}, ...notice.problems.map((problem) => element("li", {}, problem)))] : []),
        action,
      ),
    );
  }

  private renderRadios(options: readonly ScenarioOption[]): void {
    const focusedName = this.radios.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : null;
    const groupName = `${this.ids}-scenario`;
    const rows = options.map((option, index) => {
      const id = `${groupName}-${index}`;
      const radio = element("input", {
        type: "radio",
        id,
        name: groupName,
        value: option.name,
        checked: option.checked,
        "aria-describedby": `${id}-summary`,
      });
      radio.checked = option.checked;
      radio.addEventListener("change", () => {
        if (radio.checked) void this.switchScenario(option.name);
      });
      return element(
        "div",
        { class: "aicost-radio", "data-invalid": option.scenario == null },
        radio,
        element("label", { for: id }, option.name),
        element("span", { id: `${id}-summary`, class: "aicost-hint" }, parameterSummary(option)),
      );
    });
    this.radios.replaceChildren(...rows);
    if (focusedName != null) {
      this.radios.querySelectorAll<HTMLInputElement>("input[type=radio]").forEach((radio) => {
        if (radio.value === focusedName) radio.focus();
      });
    }
  }

  private renderEditor(option: ScenarioOption | null): void {
    if (option == null) {
      this.editorHeading.textContent = "No active scenario";
      this.editorNote.textContent = "The Active scenario cell names no row of the table. Pick a scenario above.";
      this.timesCheaper.input.disabled = true;
      this.floorPercent.input.disabled = true;
      this.resetButton.hidden = true;
      this.editorScenarioName = null;
      this.editorPreset = null;
      return;
    }
    this.timesCheaper.input.disabled = false;
    this.floorPercent.input.disabled = false;
    this.editorHeading.textContent = `Tune ${option.name}`;
    const preset = presetFor(option);
    this.editorPreset = preset ?? null;
    this.resetButton.hidden = preset == null;
    this.editorNote.textContent = option.note;
    const switched = this.editorScenarioName !== option.name;
    const typing = this.timers.has("parameters") || this.editorSection.contains(document.activeElement);
    if (switched || !typing) {
      const row = this.assumptions.status === "missing" ? null : this.assumptions.scenarios.find((each) => each.name === option.name);
      const multiplier = row?.annualPriceMultiplier;
      const floorShare = row?.floorShare;
      this.timesCheaper.input.value = multiplier != null && multiplier > 0 ? timesCheaperText(multiplier) : "";
      this.floorPercent.input.value = floorShare != null ? floorPercentText(floorShare) : "";
      this.timesCheaper.setError(null);
      this.floorPercent.setError(null);
      if (switched) this.drafts.clear();
    }
    this.editorScenarioName = option.name;
  }

  private onParameterInput(): void {
    const name = this.editorScenarioName;
    if (name == null) return;
    const multiplier = parseTimesCheaperPerYear(this.timesCheaper.input.value);
    const floor = parseFloorPercent(this.floorPercent.input.value);
    this.timesCheaper.setError(multiplier.ok ? null : multiplier.message);
    this.floorPercent.setError(floor.ok ? null : floor.message);
    this.clearTimer("parameters");
    if (!multiplier.ok || !floor.ok) return;
    const draft: Scenario = { label: name, annualPriceMultiplier: multiplier.value, floorShare: floor.value };
    this.drafts.set(name, draft);
    this.drawChart();
    this.timers.set(
      "parameters",
      setTimeout(() => {
        this.timers.delete("parameters");
        void this.act(`update ${name}`, async () => {
          await this.port.updateScenario(name, { annualPriceMultiplier: draft.annualPriceMultiplier, floorShare: draft.floorShare });
          if (this.drafts.get(name) === draft) this.drafts.delete(name);
          await this.refresh();
          return `Updated ${name}: ${timesCheaperText(draft.annualPriceMultiplier)}x cheaper per year, floor ${floorPercentText(draft.floorShare)}% of today's price.`;
        });
      }, WRITE_DELAY_MS),
    );
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer != null) clearTimeout(timer);
    this.timers.delete(key);
  }

  private async switchScenario(name: string): Promise<void> {
    this.clearTimer("parameters");
    await this.act(`switch to ${name}`, async () => {
      await this.port.setActiveScenario(name);
      await this.refresh();
      return `Active scenario: ${name}. AICOST formulas that use AICOST_SCENARIO recalculate.`;
    });
  }

  private async resetToPreset(): Promise<void> {
    const name = this.editorScenarioName;
    const preset = this.editorPreset;
    if (name == null || preset == null) return;
    this.clearTimer("parameters");
    this.drafts.delete(name);
    this.editorScenarioName = null; // refill the inputs from the re-read row
    await this.act(`reset ${name}`, async () => {
      // Values and the source note together: the row is the preset's again, citation and all.
      await this.port.updateScenario(name, {
        annualPriceMultiplier: preset.annualPriceMultiplier,
        floorShare: preset.floorShare,
        note: preset.sourceNote,
      });
      await this.refresh();
      return `Reset ${name} to its preset and its source note: ${timesCheaperText(preset.annualPriceMultiplier)}x cheaper per year, floor ${floorPercentText(preset.floorShare)}%.`;
    });
  }

  private async addScenario(): Promise<void> {
    const existing = this.assumptions.status === "missing" ? [] : this.assumptions.scenarios.map((row) => row.name);
    const name = parseScenarioName(this.newName.input.value, existing);
    const multiplier = parseTimesCheaperPerYear(this.newTimesCheaper.input.value);
    const floor = parseFloorPercent(this.newFloorPercent.input.value);
    this.newName.setError(name.ok ? null : name.message);
    this.newTimesCheaper.setError(multiplier.ok ? null : multiplier.message);
    this.newFloorPercent.setError(floor.ok ? null : floor.message);
    if (!name.ok || !multiplier.ok || !floor.ok) {
      const firstInvalid = [this.newName, this.newTimesCheaper, this.newFloorPercent].find((field) => field.input.getAttribute("aria-invalid"));
      firstInvalid?.input.focus();
      return;
    }
    const makeActive = this.makeNewActive.checked;
    await this.act(`add ${name.value}`, async () => {
      await this.port.addScenario({ name: name.value, annualPriceMultiplier: multiplier.value, floorShare: floor.value, note: NEW_SCENARIO_NOTE });
      if (makeActive) await this.port.setActiveScenario(name.value);
      await this.refresh();
      for (const field of [this.newName, this.newTimesCheaper, this.newFloorPercent]) field.input.value = "";
      this.makeNewActive.checked = false;
      const active = this.assumptions.status === "missing" ? "" : this.assumptions.activeScenarioName;
      return makeActive
        ? `Added ${name.value} to the scenarios table and made it the active scenario.`
        : `Added ${name.value} to the scenarios table; the active scenario is still ${active}.`;
    });
  }

  private async readSelection(): Promise<void> {
    try {
      this.selectedNumber = await this.port.readSelectedNumber();
    } catch {
      // A selection that cannot be read (a chart, a locked sheet) just means "no reference price".
      this.selectedNumber = null;
    }
  }

  private onChartInput(): void {
    const price = parseReferencePrice(this.referencePrice.input.value);
    const horizon = parseHorizonMonths(this.horizon.input.value);
    this.referencePrice.setError(price.ok ? null : price.message);
    this.horizon.setError(horizon.ok ? null : horizon.message);
    this.clearTimer("preferences");
    if (!price.ok || !horizon.ok) return;
    this.preferences = { referencePriceUsd: price.value, horizonMonths: horizon.value };
    this.drawChart();
    const preferences = this.preferences;
    this.timers.set(
      "preferences",
      setTimeout(() => {
        this.timers.delete("preferences");
        void this.act("save the chart settings", async () => {
          await this.port.savePreferences(preferences);
          return null;
        });
      }, WRITE_DELAY_MS),
    );
  }

  private referencePriceUsd(): number {
    const { priceUsd, source } = chooseReferencePrice(this.preferences.referencePriceUsd, this.selectedNumber);
    this.referencePrice.hint.textContent =
      source === "typed"
        ? "Clear it to use the selected cell's price."
        : source === "selection"
          ? `Using the selected cell: ${formatUsd(priceUsd)}. Type a price to fix it.`
          : `Using ${formatUsd(priceUsd)}. Select a cell with a price, or type one.`;
    this.referencePrice.input.placeholder = formatFriendly(priceUsd);
    return priceUsd;
  }

  private chartColours(): ChartColours {
    const style = getComputedStyle(this.container);
    return {
      foreground: style.getPropertyValue("--colorNeutralForeground2").trim() || CHART_INK[this.theme].text,
      grid: style.getPropertyValue("--colorNeutralStroke2").trim() || CHART_INK[this.theme].grid,
      lines: CHART_LINE_COLOURS[this.theme],
      band: bandAreaStyle(this.theme),
    };
  }

  private drawChart(): void {
    if (this.destroyed) return;
    const horizonMonths = this.preferences.horizonMonths;
    const series = chartSeries(this.scenarioList(), this.referencePriceUsd(), horizonMonths, this.drafts);
    const active = series.find((line) => line.active);
    const band = bandSeries(stateBand(this.assumptions), this.referencePriceUsd(), horizonMonths);
    this.canvas.setAttribute(
      "aria-label",
      `Line chart, log scale: projected price per million tokens over ${horizonMonths} months for ${series.length} scenarios` +
        (active ? `, ${active.name} emphasised as the active one` : "") +
        (band ? `, with the uncertainty band from its P10 to its P90 shaded` : "") +
        ". The table after it lists the values.",
    );
    this.renderSummary(series, horizonMonths, band);
    const colours = this.chartColours();
    if (this.chart == null) this.chart = new PriceChart(this.canvas, series, horizonMonths, colours, band);
    else this.chart.update(series, horizonMonths, colours, band);
  }

  private renderSummary(series: readonly ChartSeries[], horizonMonths: number, band: BandSeries | null): void {
    const months = summaryMonths(horizonMonths);
    this.summary.replaceChildren(
      element("caption", {}, "Projected price per million tokens, by scenario and month"),
      element(
        "thead",
        {},
        element("tr", {}, element("th", { scope: "col" }, "Scenario"), ...months.map((month) => element("th", { scope: "col" }, `Month ${month}`))),
      ),
      element(
        "tbody",
        {},
        ...[
          ...series.map((line) => ({ row: { "data-scenario": line.name }, name: line.active ? `${line.name} (active)` : line.name, prices: line.usdPerMillionTokens })),
          ...(band === null
            ? []
            : [
                { row: { "data-band": "p10" }, name: bandEdgeNames(band).p10, prices: band.p10UsdPerMillionTokens },
                { row: { "data-band": "p90" }, name: bandEdgeNames(band).p90, prices: band.p90UsdPerMillionTokens },
              ]),
        ].map((line) =>
          element(
            "tr",
            line.row,
            element("th", { scope: "row" }, line.name),
            ...months.map((month) => {
              const usd = line.prices[month];
              return element("td", { "data-month": String(month), "data-value": String(usd) }, formatUsd(usd));
            }),
          ),
        ),
      ),
    );
  }

  private async insertProjection(): Promise<void> {
    this.insertButton.disabled = true;
    const request = this.insertForm.request(this.preferences.horizonMonths, this.referencePriceUsd());
    if (request.ok) {
      await this.act("insert the projection", async () => {
        const inserted = await this.port.insertProjection(request.value);
        return insertedMessage(inserted.address, inserted.chartInserted);
      });
    }
    this.insertButton.disabled = false;
  }
}
