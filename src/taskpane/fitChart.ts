/**
 * The fit's chart: the dated prices as points and the fitted line, on a log price axis, with the
 * same Chart.js pieces and shared style as the projection chart (src/taskpane/chart.ts).
 */
import { Chart, type ChartConfiguration, type ChartDataset } from "chart.js";
import { isoDateOfExcelSerial } from "../core/excelDate";
import { logTickLabel, PRICE_AXIS_TITLE, priceLineStyle } from "../ui/chartStyle";
import type { ChartColours } from "./chart";
import { fittedPrice, type FittedData } from "./fitState";
import { formatUsd } from "./state";
import "./chart"; // registers the line controller, elements, scales, legend and tooltip

type Point = { x: number; y: number };

function datasets(fitted: FittedData, colours: ChartColours): ChartDataset<"line", Point[]>[] {
  const serials = fitted.points.map((point) => point.dateSerial);
  const first = Math.min(...serials);
  const last = Math.max(...serials);
  const [pointColour, lineColour] = [colours.lines[0], colours.lines[1 % colours.lines.length]];
  return [
    {
      label: "Dated prices",
      data: fitted.points.map((point) => ({ x: point.dateSerial, y: point.usdPerMillionTokens })),
      showLine: false,
      pointRadius: 4,
      borderColor: pointColour,
      backgroundColor: pointColour,
    },
    {
      label: `Fit: ${fitted.fit.timesCheaperPerYear >= 10 ? fitted.fit.timesCheaperPerYear.toFixed(1) : fitted.fit.timesCheaperPerYear.toPrecision(3)}x cheaper per year`,
      data: [first, last].map((serial) => ({ x: serial, y: fittedPrice(fitted.fit, serial) })),
      borderColor: lineColour,
      backgroundColor: lineColour,
      ...priceLineStyle(true),
      pointRadius: 0,
    },
  ];
}

function options(colours: ChartColours): NonNullable<ChartConfiguration<"line", Point[]>["options"]> {
  const axis = { grid: { color: colours.grid }, ticks: { color: colours.foreground } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    color: colours.foreground,
    scales: {
      x: { type: "linear", grid: axis.grid, ticks: { ...axis.ticks, maxTicksLimit: 5, callback: (tick) => isoDateOfExcelSerial(Number(tick)).slice(0, 7) } },
      y: {
        type: "logarithmic",
        grid: axis.grid,
        title: { display: true, text: PRICE_AXIS_TITLE, color: colours.foreground },
        ticks: { ...axis.ticks, callback: (tick) => logTickLabel(Number(tick)) },
      },
    },
    plugins: {
      legend: { position: "bottom", labels: { boxWidth: 14, boxHeight: 2, color: colours.foreground } },
      tooltip: {
        callbacks: {
          title: (items) => isoDateOfExcelSerial(items[0]?.parsed.x ?? 61),
          label: (item) => `${item.dataset.label}: ${formatUsd(item.parsed.y ?? 0)}`,
        },
      },
    },
  };
}

export class FitChart {
  private readonly chart: Chart<"line", Point[]>;

  constructor(canvas: HTMLCanvasElement, fitted: FittedData, colours: ChartColours) {
    this.chart = new Chart<"line", Point[]>(canvas, { type: "line", data: { datasets: datasets(fitted, colours) }, options: options(colours) });
  }

  update(fitted: FittedData, colours: ChartColours): void {
    this.chart.data.datasets = datasets(fitted, colours);
    this.chart.options = options(colours);
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }
}
