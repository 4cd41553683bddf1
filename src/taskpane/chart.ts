/**
 * The projected-price chart: Chart.js with only the pieces a log-scale line chart needs, so the
 * rest of the library stays out of the bundle.
 */
import {
  Chart,
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
import { formatUsd, type ChartSeries } from "./state";

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** Colours the chart reads from the pane's Fluent tokens, so it follows the theme. */
export interface ChartColours {
  readonly foreground: string;
  readonly grid: string;
  /** One colour per line, cycled; chosen to stay apart in light and dark themes. */
  readonly lines: readonly string[];
}

type PriceDataset = ChartDataset<"line", { x: number; y: number }[]>;

function datasets(series: readonly ChartSeries[], colours: ChartColours): PriceDataset[] {
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
      legend: { position: "bottom", labels: { boxWidth: 14, boxHeight: 2, color: colours.foreground } },
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

  constructor(canvas: HTMLCanvasElement, series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours) {
    this.chart = new Chart<"line", { x: number; y: number }[]>(canvas, {
      type: "line",
      data: { datasets: datasets(series, colours) },
      options: chartOptions(horizonMonths, colours),
    });
  }

  /** Redraws with new lines, horizon or colours. */
  update(series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours): void {
    this.chart.data.datasets = datasets(series, colours);
    // Replace the options whole: Chart.js resolves them through proxies that must not be copied.
    this.chart.options = chartOptions(horizonMonths, colours);
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }
}
