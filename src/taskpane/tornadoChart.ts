/**
 * The tornado chart of the sensitivity view: Chart.js horizontal floating bars, one per input
 * from the output at its low value to the output at its high value, largest swing on top, and a
 * line at the base output. Only the bar pieces are registered, so the rest of Chart.js stays out.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from "chart.js";
import type { Tornado } from "../core/sensitivity";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface TornadoColours {
  readonly foreground: string;
  readonly grid: string;
  /** The bars' colour. */
  readonly bar: string;
  /** The base line's colour. */
  readonly base: string;
}

type TornadoBar = [number, number];

/** Draws the base output as a vertical line across the bars. */
function baseLine(base: number, colour: string): Plugin<"bar"> {
  return {
    id: "aicostTornadoBase",
    afterDatasetsDraw(chart) {
      const x = chart.scales.x.getPixelForValue(base);
      const { top, bottom } = chart.chartArea;
      const context = chart.ctx;
      context.save();
      context.strokeStyle = colour;
      context.lineWidth = 2;
      context.setLineDash([4, 3]);
      context.beginPath();
      context.moveTo(x, top);
      context.lineTo(x, bottom);
      context.stroke();
      context.restore();
    },
  };
}

/** A Chart.js tornado; `update` redraws it for a new result or theme. */
export class TornadoChart {
  private chart: Chart<"bar", TornadoBar[], string>;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    tornado: Tornado,
    colours: TornadoColours,
    private readonly format: (amount: number) => string,
  ) {
    this.chart = this.create(tornado, colours);
  }

  private create(tornado: Tornado, colours: TornadoColours): Chart<"bar", TornadoBar[], string> {
    const format = this.format;
    return new Chart<"bar", TornadoBar[], string>(this.canvas, {
      type: "bar",
      data: {
        labels: tornado.rows.map((row) => row.label),
        datasets: [
          {
            label: "Output from the input's low to its high value",
            data: tornado.rows.map((row): TornadoBar => [row.outputAtLow, row.outputAtHigh]),
            backgroundColor: colours.bar,
            borderColor: colours.bar,
            borderSkipped: false,
          },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { grid: { color: colours.grid }, ticks: { color: colours.foreground, callback: (tick) => format(Number(tick)) } },
          y: { grid: { display: false }, ticks: { color: colours.foreground, autoSkip: false } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const row = tornado.rows[item.dataIndex];
                return `low ${row.lowValue} -> ${format(row.outputAtLow)}; high ${row.highValue} -> ${format(row.outputAtHigh)}`;
              },
            },
          },
        },
      },
      plugins: [baseLine(tornado.baseOutput, colours.base)],
    });
  }

  update(tornado: Tornado, colours: TornadoColours): void {
    // The base line is a plugin of the chart: a new result gets a new chart.
    this.chart.destroy();
    this.chart = this.create(tornado, colours);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
