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
  type ChartDataset,
} from "chart.js";
import { formatUsd, type ChartSeries } from "./state";

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** Colours the chart reads from the pane's Fluent tokens, so it follows the theme. */
export interface ChartColours {
  readonly foreground: string;
  readonly grid: string;
  /** One colour per line, cycled; chosen to stay apart in light and dark themes. */
  readonly lines: readonly string[];
}

/** Labels only the 1, 2 and 5 of each decade, so a log axis stays readable in a narrow pane. */
function logTickLabel(usd: number): string {
  const leadingDigit = Math.round(usd / Math.pow(10, Math.floor(Math.log10(usd) + 1e-9)));
  return [1, 2, 5].includes(leadingDigit) ? `$${Number(usd.toPrecision(3))}` : "";
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
      borderWidth: line.active ? 3.5 : 1.5,
      borderDash: line.active ? [] : [5, 3],
      pointRadius: 0,
      pointHitRadius: 6,
      order: line.active ? 0 : 1,
    };
  });
}

/** A Chart.js line chart of projected prices; `update` redraws it without animation. */
export class PriceChart {
  private readonly chart: Chart<"line", { x: number; y: number }[]>;

  constructor(canvas: HTMLCanvasElement, series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours) {
    this.chart = new Chart<"line", { x: number; y: number }[]>(canvas, {
      type: "line",
      data: { datasets: datasets(series, colours) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: {
          x: {
            type: "linear",
            min: 0,
            max: horizonMonths,
            title: { display: true, text: "Months from today" },
            ticks: { stepSize: 12 },
          },
          y: {
            type: "logarithmic",
            title: { display: true, text: "USD per M tokens (log scale)" },
            ticks: { callback: (tick) => logTickLabel(Number(tick)) },
          },
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14, boxHeight: 2 } },
          tooltip: {
            callbacks: {
              title: (items) => `Month ${items[0]?.parsed.x ?? ""}`,
              label: (item) => `${item.dataset.label}: ${formatUsd(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    });
    this.applyColours(colours);
  }

  /** Redraws with new lines, horizon or colours. */
  update(series: readonly ChartSeries[], horizonMonths: number, colours: ChartColours): void {
    this.chart.data.datasets = datasets(series, colours);
    const x = this.chart.options.scales?.x;
    if (x) x.max = horizonMonths;
    this.applyColours(colours);
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }

  private applyColours(colours: ChartColours): void {
    const options = this.chart.options;
    options.color = colours.foreground;
    for (const scale of Object.values(options.scales ?? {})) {
      if (!scale) continue;
      scale.grid = { ...scale.grid, color: colours.grid };
      scale.ticks = { ...scale.ticks, color: colours.foreground };
      if ("title" in scale && scale.title) scale.title.color = colours.foreground;
    }
  }
}
