import type { ProjectionMode, ProjectionRequest } from "../sheet/port";
import { element, textField, type TextField } from "./dom";
import { formatFriendly, notANumber, readNumber, type Parsed } from "./state";

/**
 * The Insert projection form: what to project (a price per million tokens, or a monthly cost
 * from a cost-today figure), the scenario the active one is compared with, and the button. The
 * pane (app.ts) gives it the table's scenario names and asks it for the request.
 */

/** The largest monthly cost the form accepts, USD: beyond it a typo is likelier than a budget. */
export const MAX_MONTHLY_COST_USD = 1_000_000_000;
/** The value of the reference list's "no comparison" entry. */
const NO_REFERENCE = "";
const DEFAULT_REFERENCE = "baseline";

/**
 * Parses the monthly cost today, in USD: a number from 0 to a billion, "$" and thousands
 * separators allowed.
 *
 * @example parseMonthlyCost("$12,500") // { ok: true, value: 12500 }
 */
export function parseMonthlyCost(text: string): Parsed<number> {
  const range = `a monthly cost from $0 to $${MAX_MONTHLY_COST_USD.toLocaleString("en-US")}`;
  if (text.trim() === "") {
    return { ok: false, message: `Enter today's monthly cost in USD, ${range}, e.g. 12500.` };
  }
  const costUsd = readNumber(text, ["$", "usd"]);
  if (costUsd == null) {
    return { ok: false, message: `${notANumber(text)} Enter ${range}, e.g. 12500.` };
  }
  if (!(costUsd >= 0) || costUsd > MAX_MONTHLY_COST_USD) {
    return { ok: false, message: `$${formatFriendly(costUsd)} is out of range. Enter ${range}.` };
  }
  return { ok: true, value: costUsd };
}

export class InsertForm {
  readonly root: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly mode: HTMLSelectElement;
  readonly cost: TextField;
  readonly reference: HTMLSelectElement;
  /** Adds the band's P10, P50 and P90 columns (AICOST_BAND). */
  readonly bandPercentiles: HTMLInputElement;
  private readonly hint: HTMLParagraphElement;

  constructor(ids: string, insertButton: HTMLButtonElement) {
    this.button = insertButton;
    this.mode = element(
      "select",
      { id: `${ids}-insert-mode` },
      element("option", { value: "price" }, "Price per million tokens"),
      element("option", { value: "cost" }, "Monthly cost"),
    );
    this.cost = textField(`${ids}-insert-cost`, "Monthly cost today, USD", "What these tokens cost this month; each month is projected from it.", "decimal");
    this.reference = element("select", { id: `${ids}-insert-reference` });
    this.bandPercentiles = element("input", { type: "checkbox", id: `${ids}-insert-band` });
    this.hint = element("p", { class: "aicost-hint" });
    this.root = element(
      "section",
      { "aria-label": "Insert projection" },
      element("div", { class: "aicost-field" }, element("label", { for: this.mode.id }, "Project"), this.mode),
      this.cost.root,
      element("div", { class: "aicost-field" }, element("label", { for: this.reference.id }, "Compare the active scenario with"), this.reference),
      element(
        "div",
        { class: "aicost-check" },
        this.bandPercentiles,
        element("label", { for: this.bandPercentiles.id }, "Add P10, P50 and P90 columns (the uncertainty band, AICOST_BAND)"),
      ),
      this.hint,
      insertButton,
    );
    this.mode.addEventListener("change", () => this.render());
    this.cost.input.addEventListener("input", () => this.cost.setError(null));
    this.render();
  }

  /** The scenarios of the table, for the reference list; the choice is kept while its name exists. */
  setScenarios(names: readonly string[]): void {
    const current = this.reference.options.length === 0 ? DEFAULT_REFERENCE : this.reference.value;
    this.reference.replaceChildren(
      element("option", { value: NO_REFERENCE }, "No comparison"),
      ...names.map((name) => element("option", { value: name }, name)),
    );
    this.reference.value = names.includes(current) ? current : names.includes(DEFAULT_REFERENCE) ? DEFAULT_REFERENCE : NO_REFERENCE;
  }

  private selectedMode(): ProjectionMode {
    return this.mode.value === "cost" ? "cost" : "price";
  }

  private render(): void {
    const cost = this.selectedMode() === "cost";
    this.cost.root.hidden = !cost;
    this.hint.textContent = cost
      ? "Inserts at the selected cell the months as dates from the start month, a monthly cost per scenario and for the active one, the variance against the scenario above, the total and a subtotal per fiscal year, as formulas, with a line chart."
      : "Inserts at the selected cell the months as dates from the start month, a price per million tokens per scenario and for the active one (from the chart's price), the variance against the scenario above, the average and one per fiscal year, as formulas, with a line chart.";
  }

  /** The request the form describes, or what to fix (shown under the cost field). */
  request(horizonMonths: number, basePriceUsd: number): Parsed<ProjectionRequest> {
    const referenceScenarioName = this.reference.value === NO_REFERENCE ? null : this.reference.value;
    const bandPercentiles = this.bandPercentiles.checked;
    if (this.selectedMode() === "price") {
      return { ok: true, value: { mode: "price", horizonMonths, baseValueUsd: basePriceUsd, referenceScenarioName, bandPercentiles } };
    }
    const cost = parseMonthlyCost(this.cost.input.value);
    this.cost.setError(cost.ok ? null : cost.message);
    if (!cost.ok) {
      this.cost.input.focus();
      return cost;
    }
    return { ok: true, value: { mode: "cost", horizonMonths, baseValueUsd: cost.value, referenceScenarioName, bandPercentiles } };
  }
}
