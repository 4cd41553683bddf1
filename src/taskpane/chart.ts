/**
 * The projected-price chart: Chart.js with only the pieces a log-scale line chart needs, so the
 * rest of the library stays out of the bundle.
 */
import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from "chart.js";
import { logTickLabel, MONTH_AXIS_TITLE, monthTickStep, PRICE_AXIS_TITLE, priceLineStyle } from "../ui/chartStyle";
import { bandEdgeNames, type BandSeries } from "./bandSeries";
import { formatUsd, type ChartSeries } from "./state";

// Filler shades the band between its two edges.
Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Filler);

/** Colours the chart reads from the pane's Fluent tokens, so it follows the theme. */
export interface ChartColours {
  readonly foreground: string;
  readonly grid: string;
  /** One colour per line, cycled; chosen to stay apart in light and dark themes. */
  readonly lines: readonly string[];
  /** The band's shading and edges (chartStyle.ts, bandAreaStyle). */
  readonly band: { readonly fill: string; readonly edge: string; readonly edgeWidth: number };
}

type PriceDataset = ChartDataset<"line", { x: number; y: number }[]>;

/** The band's two edges, P10 then P90, the P90 edge filled down to the P10 edge ("-1": the dataset before it). */
function bandDatasets(band: BandSeries, colours: ChartColours): PriceDataset[] {
  const names = bandEdgeNames(band);
  const edge = (label: string, prices: readonly number[], fill: false | "-1"): PriceDataset => ({
    label,
    data: prices.map((usd, month) => ({ x: month, y: usd })),
    borderColor: colours.band.edge,
    backgroundColor: colours.band.fill,
    borderWidth: colours.band.edgeWidth,
    pointRadius: 0,
    pointHitRadius: 6,
    fill,
    order: 2, // under every scenario line
  });
  return [edge(names.p10, band.p10UsdPerMillionTokens, false), edge(names.p90, band.p90UsdPerMillionTokens, "-1")];
}

function datasets(series: readonly ChartSeries[], colours: ChartColours, band: BandSeries | null): PriceDataset[] {
  return [...lineDatasets(series, colours), ...(band === null ? [] : bandDatasets(band, colours))];
}

function lineDatasets(series: readonly ChartSeries[], colours: ChartColours): PriceDataset[] {
  return series.map((line, index) => {
    const colour = colours.lines[index % colours.lines.length];
    return {
      label: line.active ? `${line.name} (active)` : line.name,
      data: line.usdPerMillionTokens.map((usd, month) => ({ x: month, y: usd })),
      borderColor: colour,
      backgroundColor: colour,
      ...priceLineStyle(line.active),
      pointRadius: 0,
      pointHitRadius: 6,
      fill: false,
      order: line.active ? 0 : 1,
    };
  });
}

type PriceChartOptions = NonNullable<ChartConfiguration<"line", { x: number; y: number }[]>["options"]>;

function chartOptions(horizonMonths: number, colours: ChartColours): PriceChartOptions {
  const axis = { grid: { color: colours.grid }, ticks: { color: colours.foreground } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    color: colours.foreground,
    interaction: { mode: "nearest", axis: "x", intersect: false },
    scales: {
      x: {
        type: "linear",
        min: 0,
        max: horizonMonths,
        grid: axis.grid,
        title: { display: true, text: MONTH_AXIS_TITLE, color: colours.foreground },
        ticks: { ...axis.ticks, stepSize: monthTickStep(horizonMonths) },
      },
      y: {
        type: "logarithmic",
        grid: axis.grid,
        title: { display: true, text: PRICE_AXIS_TITLE, color: colours.foreground },
        ticks: { ...axis.ticks, callback: (tick) => logTickLabel(Number(tick)) },
      },
    },
    plugins: {
      legend: {
        position: "bottom",
        labels: {
          boxWidth: 14,
          boxHeight: 2,
          color: colours.foreground,
          // One legend entry for the band, its P90 edge, which carries the shading.
          filter: (item) => !(item.text ?? "").startsWith("Band P10 ("),
          generateLabels: (chart) =>
            Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) =>
              (item.text ?? "").startsWith("Band P90") ? { ...item, text: item.text.replace(/^Band P90/, "Band P10-P90"), fillStyle: colours.band.fill } : item,
            ),
        },
      },
      tooltip: {
        callbacks: {
          title: (items) => `Month ${items[0]?.parsed.x ?? ""}`,
          label: (item) => `${item.dataset.label}: ${formatUsd(item.parsed.y ?? 0)}`,
        },
      },
    },
  };
}

/** A Chart.js line chart of projected prices; `update` redraws it without animation. */
export class PriceChart {
  private readonly chart: Chart<"line", { x: number; y: number }[]>;

  constructor(canvas: HTMLCanvasElement, series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours, band: BandSeries | null = null) {
    this.chart = new Chart<"line", { x: number; y: number }[]>(canvas, {
      type: "line",
      data: { datasets: datasets(series, colours, band) },
      options: chartOptions(horizonMonths, colours),
    });
  }

  /** Redraws with new lines, horizon, colours or band. */
  update(series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours, band: BandSeries | null = null): void {
    this.chart.data.datasets = datasets(series, colours, band);
    // Replace the options whole: Chart.js resolves them through proxies that must not be copied.
    this.chart.options = chartOptions(horizonMonths, colours);
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }
}
