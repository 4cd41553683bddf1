/**
 * "Fit a scenario from data" in the pane (issue 10): pick a series the catalog ships or name a
 * range of dates and prices in the workbook, see m with its 90% interval, r2 and n, the points and
 * the fitted line on a log chart, and add the fit as a row of the scenarios table (addScenario)
 * whose note names the data. The floor is not something a fit measures: the user sets it.
 */
import { bundledPriceSeriesList } from "../core/bundledCatalog";
import { isoDateOfExcelSerial } from "../core/excelDate";
import type { WorkbookPort } from "../sheet/port";
import type { ChartColours } from "./chart";
import { button, element, textField, type TextField } from "./dom";
import { FitChart } from "./fitChart";
import { fitRange, fitSeries, fitSummaryLines, fittedNote, type FittedData } from "./fitState";
import type { Report } from "./pricesView";
import { errorMessage, formatUsd, parseFloorPercent, parseScenarioName } from "./state";

const RANGE_OPTION = "range";

export class FitView {
  readonly root: HTMLElement;
  private readonly source: HTMLSelectElement;
  private readonly range: TextField;
  private readonly result: HTMLDivElement;
  private readonly summary: HTMLUListElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly points: HTMLTableElement;
  private readonly name: TextField;
  private readonly floor: TextField;
  private chart: FitChart | null = null;
  private fitted: FittedData | null = null;

  constructor(
    private readonly port: WorkbookPort,
    private readonly ids: string,
    private readonly report: Report,
    private readonly colours: () => ChartColours,
    private readonly scenarioNames: () => readonly string[],
  ) {
    const heading = element("h2", { id: `${ids}-fit-heading` }, "Fit a scenario from data");
    const sourceId = `${ids}-fit-source`;
    this.source = element("select", { id: sourceId });
    for (const series of bundledPriceSeriesList()) this.source.append(element("option", { value: series.id }, series.title));
    this.source.append(element("option", { value: RANGE_OPTION }, "A range in the workbook: dates, then prices"));
    this.range = textField(`${ids}-fit-range`, "Range of dates and prices", "Two columns, dates then prices (a header row is skipped), e.g. Sheet1!A2:B9.", "text");
    this.range.root.hidden = true;
    const fitButton = button("Fit", "primary");
    this.summary = element("ul", {});
    this.canvas = element("canvas", { role: "img", "aria-describedby": `${ids}-fit-points` });
    this.points = element("table", { id: `${ids}-fit-points` });
    this.name = textField(`${ids}-fit-name`, "Scenario name", "A name not already in the scenarios table.", "text");
    this.floor = textField(`${ids}-fit-floor`, "Floor, % of today's price", "From 0 to 100: a fit measures the decline, not where it stops.", "decimal");
    this.floor.input.value = "1";
    const addButton = button("Add as scenario", "primary");
    this.result = element(
      "div",
      { hidden: true, "data-testid": "aicost-fit-result" },
      this.summary,
      element("div", { class: "aicost-chart" }, this.canvas),
      element("div", { class: "aicost-visually-hidden" }, this.points),
      element("div", { class: "aicost-row" }, this.name.root, this.floor.root),
      element("div", { class: "aicost-actions" }, addButton),
    );
    this.root = element(
      "section",
      { "aria-labelledby": heading.id, "data-testid": "aicost-fit" },
      heading,
      element("p", { class: "aicost-hint" }, "Least squares of ln(price) on the date: m is the price after a year as a multiple of the price at its start, as in the scenarios."),
      element("div", { class: "aicost-field" }, element("label", { for: sourceId }, "Data"), this.source),
      this.range.root,
      element("div", { class: "aicost-actions" }, fitButton),
      this.result,
    );
    this.source.addEventListener("change", () => {
      this.range.root.hidden = this.source.value !== RANGE_OPTION;
    });
    fitButton.addEventListener("click", () => void this.fit());
    addButton.addEventListener("click", () => void this.add());
  }

  private async fit(): Promise<void> {
    this.range.setError(null);
    let outcome;
    if (this.source.value === RANGE_OPTION) {
      const address = this.range.input.value.trim();
      if (address === "") {
        this.range.setError("Type the range's address, e.g. Sheet1!A2:B9.");
        this.range.input.focus();
        return;
      }
      try {
        const read = await this.port.readRange(address);
        outcome = fitRange(read.address, read.values);
      } catch (error) {
        this.range.setError(error instanceof Error ? error.message : String(error));
        this.report("error", errorMessage(`read ${address}`, error));
        return;
      }
    } else {
      const series = bundledPriceSeriesList().find((entry) => entry.id === this.source.value);
      if (series === undefined) return;
      outcome = fitSeries(series);
    }
    if (!outcome.ok) {
      this.result.hidden = true;
      this.fitted = null;
      this.report("error", `Could not fit: ${outcome.message}`);
      return;
    }
    this.show(outcome.fitted);
    this.report("success", `Fitted ${outcome.fitted.label}: ${fitSummaryLines(outcome.fitted.fit)[0]}.`);
  }

  private show(fitted: FittedData): void {
    this.fitted = fitted;
    this.result.hidden = false;
    this.summary.replaceChildren(...fitSummaryLines(fitted.fit).map((line) => element("li", {}, line)));
    this.canvas.setAttribute("aria-label", `Chart, log scale: ${fitted.points.length} dated prices of ${fitted.label} and the fitted line. The table after it lists the points.`);
    this.points.replaceChildren(
      element("caption", {}, `Dated prices of ${fitted.label}`),
      element("thead", {}, element("tr", {}, element("th", { scope: "col" }, "Date"), element("th", { scope: "col" }, "Price"))),
      element(
        "tbody",
        {},
        ...fitted.points.map((point) => element("tr", {}, element("td", {}, isoDateOfExcelSerial(point.dateSerial)), element("td", {}, formatUsd(point.usdPerMillionTokens)))),
      ),
    );
    if (this.name.input.value.trim() === "") this.name.input.value = `fitted ${fitted.label.split(",")[0]}`.slice(0, 60);
    if (this.chart === null) this.chart = new FitChart(this.canvas, fitted, this.colours());
    else this.chart.update(fitted, this.colours());
  }

  private async add(): Promise<void> {
    const fitted = this.fitted;
    if (fitted === null) return;
    const name = parseScenarioName(this.name.input.value, this.scenarioNames());
    const floor = parseFloorPercent(this.floor.input.value);
    this.name.setError(name.ok ? null : name.message);
    this.floor.setError(floor.ok ? null : floor.message);
    if (!name.ok || !floor.ok) {
      (name.ok ? this.floor : this.name).input.focus();
      return;
    }
    try {
      await this.port.addScenario({ name: name.value, annualPriceMultiplier: fitted.fit.annualPriceMultiplier, floorShare: floor.value, note: fittedNote(fitted) });
      this.report("success", `Added ${name.value} to the scenarios table: ${fittedNote(fitted)}`);
      this.name.input.value = "";
    } catch (error) {
      this.report("error", errorMessage(`add ${name.value}`, error));
    }
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
