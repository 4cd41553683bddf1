import { Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from "chart.js";
import { parseRangeAddress } from "../sheet/addresses";
import {
  CHART_INK,
  lineColour,
  logTickLabel,
  MONTH_AXIS_TITLE,
  monthTickStep,
  PRICE_AXIS_TITLE,
  priceLineStyle,
  type ThemeName,
} from "../ui/chartStyle";
import type { PreviewDocument } from "./document";
import type { ProjectionChartRequest } from "./previewWorkbook";

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/**
 * The chart "Insert projection" adds beside the grid, standing in for the native Excel line
 * chart: one line per price column of the inserted block, read from the cells, so it follows
 * edits to the block and to the scenarios table. It looks like the task pane's chart (one module,
 * src/ui/chartStyle.ts): the same colours, the active scenario's line (the block's last column)
 * solid and thick, the others dashed.
 */

/** The page's theme when a chart is drawn, as the page's stylesheet chooses it. */
function pageTheme(): ThemeName {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

interface ChartCard {
  readonly chart: Chart<"line", { x: number; y: number }[]>;
  readonly request: ProjectionChartRequest;
  readonly element: HTMLElement;
  readonly theme: ThemeName;
}

function rangeBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const location = parseRangeAddress(range);
  if (location === null) {
    throw new Error(`The projection's range ${range} is not an address.`);
  }
  return { top: location.first.rowNumber - 1, left: location.first.columnIndex, bottom: location.last.rowNumber - 1, right: location.last.columnIndex };
}

export class ProjectionCharts {
  private readonly container: HTMLElement;
  private workbookDocument: PreviewDocument;
  private cards: ChartCard[] = [];
  private pending = false;
  private readonly onValues = () => this.scheduleUpdate();

  constructor(container: HTMLElement, workbookDocument: PreviewDocument) {
    this.container = container;
    this.workbookDocument = workbookDocument;
    workbookDocument.hf.on("valuesUpdated", this.onValues);
  }

  /** Drops every chart and follows another document (after "Reset sample"). */
  setDocument(workbookDocument: PreviewDocument): void {
    this.workbookDocument.hf.off("valuesUpdated", this.onValues);
    for (const card of this.cards) {
      card.chart.destroy();
      card.element.remove();
    }
    this.cards = [];
    this.workbookDocument = workbookDocument;
    workbookDocument.hf.on("valuesUpdated", this.onValues);
  }

  /** Draws a chart of an inserted block; the WorkbookPort's `showChart`. */
  show(request: ProjectionChartRequest): boolean {
    const element = window.document.createElement("figure");
    element.className = "projection-chart";
    element.setAttribute("data-testid", "projection-chart");
    const caption = window.document.createElement("figcaption");
    caption.textContent = `Projected price, USD per million tokens (log scale): ${request.block.address}`;
    const close = window.document.createElement("button");
    close.type = "button";
    close.className = "chart-close";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close chart");
    const canvas = window.document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Line chart of the projection at ${request.block.address}`);
    element.append(caption, close, canvas);
    this.container.append(element);
    const theme = pageTheme();
    const ink = CHART_INK[theme];
    const datasets = this.datasets(request, theme);
    const lastMonth = Math.max(0, ...datasets.flatMap((dataset) => dataset.data.map((point) => point.x)));
    const chart = new Chart(canvas, {
      type: "line",
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        color: ink.text,
        scales: {
          x: {
            type: "linear",
            min: 0,
            max: lastMonth,
            title: { display: true, text: MONTH_AXIS_TITLE, color: ink.text },
            ticks: { color: ink.text, stepSize: monthTickStep(lastMonth) },
            grid: { color: ink.grid },
          },
          y: {
            type: "logarithmic",
            title: { display: true, text: PRICE_AXIS_TITLE, color: ink.text },
            ticks: { color: ink.text, callback: (tick) => logTickLabel(Number(tick)) },
            grid: { color: ink.grid },
          },
        },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
      },
    });
    const card = { chart, request, element, theme };
    this.cards.push(card);
    close.addEventListener("click", () => {
      chart.destroy();
      element.remove();
      this.cards = this.cards.filter((each) => each !== card);
    });
    return true;
  }

  private datasets(request: ProjectionChartRequest, theme: ThemeName) {
    const sheet = this.workbookDocument.sheetId(request.sheetName);
    if (sheet === undefined) return [];
    const { hf } = this.workbookDocument;
    const series = rangeBounds(request.block.chartSeriesAddress);
    const months = rangeBounds(request.block.chartCategoryAddress);
    const datasets = [];
    for (let col = series.left; col <= series.right; col++) {
      const label = hf.getCellValue({ sheet, row: series.top, col });
      const points: { x: number; y: number }[] = [];
      for (let row = months.top; row <= months.bottom; row++) {
        const month = hf.getCellValue({ sheet, row, col: months.left });
        const price = hf.getCellValue({ sheet, row, col });
        if (typeof month === "number" && typeof price === "number" && price > 0) {
          points.push({ x: month, y: price });
        }
      }
      const colour = lineColour(theme, col - series.left);
      datasets.push({
        label: typeof label === "string" ? label : String(label ?? ""),
        data: points,
        borderColor: colour,
        backgroundColor: colour,
        ...priceLineStyle(col === series.right), // the block's last column follows the active scenario
        pointRadius: 0,
      });
    }
    return datasets;
  }

  private scheduleUpdate(): void {
    if (this.pending || this.cards.length === 0) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      for (const card of this.cards) {
        card.chart.data.datasets = this.datasets(card.request, card.theme);
        card.chart.update("none");
      }
    });
  }
}
