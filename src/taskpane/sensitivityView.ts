import { defaultScenarioRanges, relativeRange, runSensitivitySweep, SweepRestoreError, type SensitivityInput, type SweepResult } from "../core/sensitivity";
import type { SensitivityCell, WorkbookPort } from "../sheet/port";
import { CHART_INK, lineColour, type ThemeName } from "../ui/chartStyle";
import { button, element, textField, type TextField } from "./dom";
import { errorMessage, formatFriendly, readNumber } from "./state";
import { TornadoChart } from "./tornadoChart";

/**
 * The sensitivity view, "What moves the cost?" (issue 11): the user picks an output cell (the
 * selected cell); the view lists the number constants it depends on (the port walks the
 * precedents; where the host cannot, the user adds each input by selecting it) and the active
 * scenario's m and f, each with an editable low and high (20% either side; m and f from the
 * aggressive to the pessimistic preset). Run moves each input in turn through the port, which
 * puts every cell back (core's runSensitivitySweep), and draws the tornado; Insert as table
 * writes it at the selected cell.
 */

interface InputRow {
  readonly cell: SensitivityCell;
  readonly low: TextField;
  readonly high: TextField;
  readonly root: HTMLElement;
}

/** How the view shows an output amount: up to two decimals, thousands separated. */
export function formatAmount(amount: number): string {
  return amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * The default low and high of an input: m and f of the active scenario from the presets, any
 * other number 20% either side (a share between 0 and 1 kept inside 0 to 1).
 *
 * @example defaultRange({ address: "S!B9", label: "Input price", value: 3 }, "other") // { lowValue: 2.4, highValue: 3.6 }
 */
export function defaultRange(cell: SensitivityCell, role: "m" | "f" | "other"): { lowValue: number; highValue: number } {
  if (role === "m") return defaultScenarioRanges().annualPriceMultiplier;
  if (role === "f") return defaultScenarioRanges().floorShare;
  const value = typeof cell.value === "number" ? cell.value : 0;
  return relativeRange(value, undefined, value > 0 && value < 1 ? { min: 0, max: 1 } : {});
}

export class SensitivityView {
  readonly root: HTMLElement;
  private readonly status: HTMLParagraphElement;
  private readonly outputText: HTMLParagraphElement;
  private readonly inputList: HTMLDivElement;
  private readonly runButton: HTMLButtonElement;
  private readonly addButton: HTMLButtonElement;
  private readonly insertButton: HTMLButtonElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly chartBox: HTMLDivElement;
  private readonly summary: HTMLTableElement;
  private readonly resultSection: HTMLDivElement;
  private output: SensitivityCell | null = null;
  private rows: InputRow[] = [];
  private result: SweepResult | null = null;
  private chart: TornadoChart | null = null;
  private fieldCount = 0;

  constructor(
    private readonly port: WorkbookPort,
    private readonly ids: string,
    private theme: ThemeName,
  ) {
    const heading = element("h2", { id: `${ids}-sensitivity-heading` }, "What moves the cost?");
    const useButton = button("Use selected cell as output");
    this.addButton = button("Add selected cell as input");
    this.addButton.disabled = true;
    this.runButton = button("Run", "primary");
    this.runButton.disabled = true;
    this.insertButton = button("Insert as table");
    // A polite live region of its own, not a second role="status": the pane's status line stays the one status.
    this.status = element("p", { class: "aicost-hint", "aria-live": "polite", "data-testid": "sensitivity-status" });
    this.outputText = element("p", { "data-testid": "sensitivity-output" });
    this.inputList = element("div", { "data-testid": "sensitivity-inputs" });
    this.canvas = element("canvas", { role: "img", "aria-describedby": `${ids}-tornado-summary` });
    this.chartBox = element("div", { class: "aicost-chart" }, this.canvas);
    this.summary = element("table", { id: `${ids}-tornado-summary`, "data-testid": "tornado-table" });
    this.resultSection = element(
      "div",
      { hidden: true, "data-testid": "sensitivity-result" },
      this.chartBox,
      element("div", { class: "aicost-visually-hidden" }, this.summary),
      element("p", { class: "aicost-hint" }, "Inserts at the selected cell a table of input, low, high, output at low, output at high and swing; it never writes over filled cells."),
      this.insertButton,
    );
    this.root = element(
      "section",
      { "aria-labelledby": heading.id, "data-testid": "sensitivity-view" },
      heading,
      element("p", { class: "aicost-hint" }, "Select the output cell, for example the total cost over 36 months, and use it: the inputs it depends on are listed with a low and a high value. Run moves each in turn and puts every cell back."),
      useButton,
      this.outputText,
      this.inputList,
      element("div", { class: "aicost-row" }, this.addButton, this.runButton),
      this.status,
      this.resultSection,
    );
    useButton.addEventListener("click", () => void this.useSelectedOutput());
    this.addButton.addEventListener("click", () => void this.addSelectedInput());
    this.runButton.addEventListener("click", () => void this.run());
    this.insertButton.addEventListener("click", () => void this.insertTable());
  }

  setTheme(theme: ThemeName): void {
    this.theme = theme;
    if (this.result !== null) this.chart?.update(this.result, this.colours());
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  private say(text: string, kind: "info" | "error" = "info"): void {
    this.status.dataset.kind = kind;
    this.status.textContent = text;
  }

  private async useSelectedOutput(): Promise<void> {
    try {
      const cell = await this.port.readSelectedCell();
      if (cell === null || typeof cell.value !== "number") {
        this.say(cell === null ? "Select the output cell first." : `${cell.address} holds no number; select a cell that shows a number, such as a total cost.`, "error");
        return;
      }
      this.output = cell;
      this.outputText.textContent = `Output: ${cell.label} (${cell.address}), now ${formatAmount(cell.value)}.`;
      this.clearInputs();
      const [inputs, scenario] = await Promise.all([this.port.findInputCells(cell.address), this.port.activeScenarioInputs()]);
      for (const input of inputs ?? []) this.addInput(input, "other");
      if (scenario !== null) {
        this.addInput(scenario.annualPriceMultiplier, "m");
        this.addInput(scenario.floorShare, "f");
      }
      this.addButton.disabled = false;
      this.say(
        inputs === null
          ? "This Excel cannot find the cells a formula depends on: select each input cell and choose Add selected cell as input."
          : `Found ${inputs.length} input ${inputs.length === 1 ? "cell" : "cells"}${scenario === null ? "" : ", and the active scenario's m and f"}. Adjust any low or high, then Run.`,
      );
    } catch (error) {
      this.say(errorMessage("find the output's inputs", error), "error");
    }
    this.updateRunButton();
  }

  private async addSelectedInput(): Promise<void> {
    try {
      const cell = await this.port.readSelectedCell();
      if (cell === null || typeof cell.value !== "number") {
        this.say("Select an input cell that holds a number, then add it.", "error");
      } else if (this.output !== null && cell.address === this.output.address) {
        this.say("That is the output cell; select one of its inputs.", "error");
      } else if (this.rows.some((row) => row.cell.address === cell.address)) {
        this.say(`${cell.address} is already listed.`, "error");
      } else {
        this.addInput(cell, "other");
        this.say(`Added ${cell.label}.`);
      }
    } catch (error) {
      this.say(errorMessage("read the selected cell", error), "error");
    }
    this.updateRunButton();
  }

  private clearInputs(): void {
    this.rows = [];
    this.inputList.replaceChildren();
    this.resultSection.hidden = true;
    this.result = null;
  }

  private addInput(cell: SensitivityCell, role: "m" | "f" | "other"): void {
    const index = this.fieldCount++;
    const range = defaultRange(cell, role);
    const low = textField(`${this.ids}-sensitivity-low-${index}`, "Low", "", "decimal");
    const high = textField(`${this.ids}-sensitivity-high-${index}`, "High", "", "decimal");
    low.input.value = formatFriendly(range.lowValue);
    high.input.value = formatFriendly(range.highValue);
    const remove = button("Remove");
    const value = typeof cell.value === "number" ? formatFriendly(cell.value) : String(cell.value ?? "");
    const root = element(
      "fieldset",
      { "data-input": cell.address },
      element("legend", {}, `${cell.label} (now ${value})`),
      element("div", { class: "aicost-row" }, low.root, high.root),
      remove,
    );
    const row: InputRow = { cell, low, high, root };
    this.rows.push(row);
    this.inputList.append(root);
    for (const field of [low, high]) field.input.addEventListener("input", () => this.updateRunButton());
    remove.addEventListener("click", () => {
      this.rows = this.rows.filter((each) => each !== row);
      root.remove();
      this.updateRunButton();
    });
  }

  /** The inputs as typed, or null (with each bad field marked) when one is not a number. */
  private sweepInputs(): SensitivityInput[] | null {
    let valid = true;
    const inputs = this.rows.map((row) => {
      const [lowValue, highValue] = [row.low, row.high].map((field) => {
        const parsed = readNumber(field.input.value);
        field.setError(parsed === null ? "Enter a number." : null);
        if (parsed === null) valid = false;
        return parsed ?? 0;
      });
      return { address: row.cell.address, label: row.cell.label, lowValue, highValue };
    });
    return valid ? inputs : null;
  }

  private updateRunButton(): void {
    this.runButton.disabled = this.output === null || this.rows.length === 0 || this.sweepInputs() === null;
  }

  private async run(): Promise<void> {
    const inputs = this.sweepInputs();
    if (this.output === null || inputs === null || inputs.length === 0) return;
    this.runButton.disabled = true;
    this.say(`Running: 0 of ${inputs.length} inputs.`);
    try {
      this.result = await runSensitivitySweep(this.port.sensitivityWorkbook(), this.output.address, inputs, {
        onProgress: (done, total) => this.say(`Running: ${done} of ${total} inputs.`),
      });
      this.showResult(this.result);
      const largest = this.result.rows[0];
      this.say(
        [`Done; every input is back as it was. ${largest.label} moves the output most (a swing of ${formatAmount(largest.swing)}).`, ...this.result.warnings].join(" "),
      );
    } catch (error) {
      if (error instanceof SweepRestoreError) {
        const cells = error.cells.map((cell) => `${cell.address} held ${JSON.stringify(cell.originalContent)}`).join("; ");
        this.say(`${error.message} ${cells}.`, "error");
      } else {
        this.say(`${errorMessage("run the sensitivity", error)} Every input is back as it was.`, "error");
      }
    }
    this.updateRunButton();
  }

  private colours() {
    return { foreground: CHART_INK[this.theme].text, grid: CHART_INK[this.theme].grid, bar: lineColour(this.theme, 1), base: CHART_INK[this.theme].text };
  }

  private showResult(result: SweepResult): void {
    this.resultSection.hidden = false;
    this.chartBox.style.height = `${60 + 26 * result.rows.length}px`; // room for every bar's label
    this.canvas.setAttribute(
      "aria-label",
      `Tornado chart: how far ${this.output?.label ?? "the output"} moves between each input's low and high value, largest first, around its base of ${formatAmount(result.baseOutput)}. The table after it lists the values.`,
    );
    this.summary.replaceChildren(
      element("caption", {}, `What moves the output, base ${formatAmount(result.baseOutput)}`),
      element("thead", {}, element("tr", {}, ...["Input", "Low", "High", "Output at low", "Output at high", "Swing"].map((header) => element("th", { scope: "col" }, header)))),
      element(
        "tbody",
        {},
        ...result.rows.map((row) =>
          element(
            "tr",
            { "data-input": row.address, "data-swing": String(row.swing) },
            element("th", { scope: "row" }, row.label),
            ...[row.lowValue, row.highValue].map((value) => element("td", {}, formatFriendly(value))),
            ...[row.outputAtLow, row.outputAtHigh, row.swing].map((value) => element("td", {}, formatAmount(value))),
          ),
        ),
      ),
    );
    if (this.chart === null) this.chart = new TornadoChart(this.canvas, result, this.colours(), formatAmount);
    else this.chart.update(result, this.colours());
  }

  private async insertTable(): Promise<void> {
    if (this.result === null) return;
    try {
      const address = await this.port.insertSensitivityTable(this.result.rows);
      this.say(`Inserted the sensitivity table at ${address}.`);
    } catch (error) {
      this.say(errorMessage("insert the sensitivity table", error), "error");
    }
  }
}
