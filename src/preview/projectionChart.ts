import { Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from "chart.js";
import { cellPosition, parseRangeAddress } from "../sheet/addresses";
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
import { chartFootprint, placeChart, type CellRect, type ChartGeometry } from "./chartPlacement";
import { toA1, type PreviewDocument, type SideChange, type StoredChart } from "./document";
import type { ProjectionChartRequest } from "./previewWorkbook";

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/**
 * The charts "Insert projection" adds, standing in for Excel's native line chart: one line per
 * price column of the inserted block, read from the cells, so each follows edits to its block and
 * to the scenarios table. A chart belongs to its table's sheet: it is kept in the document (saved,
 * and undone with the insert), drawn on the grid beside its table when that sheet is shown (see
 * chartPlacement.ts: never over data, never over another chart, inside the grid so never over the
 * Name Box or the formula bar), and scrolls with the cells. Its Delete chart button removes it.
 */

/** The card's size on the grid, in CSS pixels. */
export const CHART_WIDTH_PX = 460;
export const CHART_HEIGHT_PX = 280;

/** What the charts need of the grid: where cells are, which sheet is shown, and a layer to draw in. */
export interface ChartHost {
  /** An element inside the grid's scrolling area, at its top-left corner, that scrolls with the cells. */
  readonly chartLayer: HTMLElement;
  /** The sheet on screen. */
  readonly sheetName: string;
  /** A cell's top-left corner within the chart layer, in pixels. */
  cellOffset(row: number, col: number): { left: number; top: number };
  readonly geometry: Omit<ChartGeometry, "chartWidthPx" | "chartHeightPx">;
  /** Calls `listener` after the grid lays its cells out again (another sheet, other column widths). */
  onLayoutChanged(listener: () => void): () => void;
  /** Gives the keyboard focus back to the grid. */
  focus(): void;
}

export interface ProjectionChartsOptions {
  /** Runs a change to the charts as one step of the undo history; without it the change just runs. */
  readonly record?: (label: string, action: () => void) => void;
}

/** The page's theme when a chart is drawn, as the page's stylesheet chooses it. */
function pageTheme(): ThemeName {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

interface ChartCard {
  readonly key: string;
  readonly chart: Chart<"line", { x: number; y: number }[]>;
  readonly spec: StoredChart;
  readonly element: HTMLElement;
  readonly theme: ThemeName;
}

function rangeBounds(range: string): CellRect {
  const location = parseRangeAddress(range);
  if (location === null) {
    throw new Error(`The projection's range ${range} is not an address.`);
  }
  return { top: location.first.rowNumber - 1, left: location.first.columnIndex, bottom: location.last.rowNumber - 1, right: location.last.columnIndex };
}

function keyOf(spec: StoredChart): string {
  return `${spec.sheetName}!${spec.blockRange}@${spec.topLeft}`;
}

let captionCount = 0;

export class ProjectionCharts {
  private readonly host: ChartHost;
  private readonly options: ProjectionChartsOptions;
  private workbookDocument: PreviewDocument;
  private cards: ChartCard[] = [];
  private pending = false;
  private readonly onValues = () => this.scheduleUpdate();
  private stopSideChanges: () => void;
  private readonly stopLayout: () => void;

  constructor(host: ChartHost, workbookDocument: PreviewDocument, options: ProjectionChartsOptions = {}) {
    this.host = host;
    this.options = options;
    this.workbookDocument = workbookDocument;
    workbookDocument.hf.on("valuesUpdated", this.onValues);
    this.stopSideChanges = workbookDocument.onSideChange((change) => this.sideChanged(change));
    this.stopLayout = host.onLayoutChanged(() => this.render());
    this.render();
  }

  /** Follows another document (after "Reset sample" and its Undo). */
  setDocument(workbookDocument: PreviewDocument): void {
    this.workbookDocument.hf.off("valuesUpdated", this.onValues);
    this.stopSideChanges();
    this.workbookDocument = workbookDocument;
    workbookDocument.hf.on("valuesUpdated", this.onValues);
    this.stopSideChanges = workbookDocument.onSideChange((change) => this.sideChanged(change));
    this.render();
  }

  /** Adds a chart of an inserted block beside it; the WorkbookPort's `showChart`. */
  show(request: ProjectionChartRequest): boolean {
    const sheet = this.workbookDocument.sheetId(request.sheetName);
    if (sheet === undefined) return false;
    const block = rangeBounds(request.block.rangeAddress);
    const geometry = this.geometry();
    const others = this.workbookDocument.charts
      .filter((chart) => chart.sheetName === request.sheetName)
      .map((chart) => this.footprintOf(chart, geometry));
    const { hf } = this.workbookDocument;
    const holdsData = (row: number, col: number) => hf.getCellValue({ sheet, row, col }) !== null;
    const { row, col } = placeChart(block, holdsData, others, geometry);
    const spec: StoredChart = {
      sheetName: request.sheetName,
      blockRange: request.block.rangeAddress,
      seriesRange: request.block.chartSeriesAddress,
      categoryRange: request.block.chartCategoryAddress,
      topLeft: toA1(row, col),
    };
    this.workbookDocument.setCharts([...this.workbookDocument.charts.filter((chart) => keyOf(chart) !== keyOf(spec)), spec]);
    // Beside a wide table the new chart may start out of view: bring it in, as little as needed.
    this.cards.find((card) => card.key === keyOf(spec))?.element.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    return true;
  }

  /** The charts drawn on the grid now: those of the sheet on screen. */
  get shown(): readonly StoredChart[] {
    return this.cards.map((card) => card.spec);
  }

  private geometry(): ChartGeometry {
    return { ...this.host.geometry, chartWidthPx: CHART_WIDTH_PX, chartHeightPx: CHART_HEIGHT_PX };
  }

  private footprintOf(chart: StoredChart, geometry: ChartGeometry): CellRect {
    const { row, col } = cellPosition(chart.topLeft) as { row: number; col: number };
    return chartFootprint(row, col, geometry);
  }

  private sideChanged(change: SideChange): void {
    if (change.kind === "charts") {
      this.render();
    }
  }

  /** Draws the shown sheet's charts, keeping the cards that stay and placing each at its cell. */
  private render(): void {
    const wanted = this.workbookDocument.charts.filter((chart) => chart.sheetName === this.host.sheetName);
    const wantedKeys = new Set(wanted.map(keyOf));
    for (const card of this.cards.filter((each) => !wantedKeys.has(each.key))) {
      card.chart.destroy();
      card.element.remove();
    }
    this.cards = this.cards.filter((card) => wantedKeys.has(card.key));
    for (const spec of wanted) {
      const card = this.cards.find((each) => each.key === keyOf(spec)) ?? this.draw(spec);
      const { row, col } = cellPosition(spec.topLeft) as { row: number; col: number };
      const { left, top } = this.host.cellOffset(row, col);
      card.element.style.left = `${left}px`;
      card.element.style.top = `${top}px`;
    }
  }

  private draw(spec: StoredChart): ChartCard {
    const doc = window.document;
    const element = doc.createElement("figure");
    element.className = "projection-chart";
    element.setAttribute("data-testid", "projection-chart");
    element.dataset.block = spec.blockRange;
    element.style.width = `${CHART_WIDTH_PX}px`;
    element.style.height = `${CHART_HEIGHT_PX}px`;
    const caption = doc.createElement("figcaption");
    caption.id = `projection-chart-caption-${++captionCount}`;
    caption.textContent = `Projected price, USD per million tokens (log scale): ${spec.blockRange}`;
    const remove = doc.createElement("button");
    remove.type = "button";
    remove.className = "chart-delete";
    remove.textContent = "Delete chart";
    remove.setAttribute("aria-describedby", caption.id);
    const canvas = doc.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Line chart of the projection at ${spec.blockRange}`);
    element.append(caption, remove, canvas);
    this.host.chartLayer.append(element);
    const theme = pageTheme();
    const ink = CHART_INK[theme];
    const datasets = this.datasets(spec, theme);
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
    remove.addEventListener("click", () => this.remove(spec));
    const card = { key: keyOf(spec), chart, spec, element, theme };
    this.cards.push(card);
    return card;
  }

  private remove(spec: StoredChart): void {
    const action = () => this.workbookDocument.setCharts(this.workbookDocument.charts.filter((chart) => keyOf(chart) !== keyOf(spec)));
    if (this.options.record) this.options.record("Delete chart", action);
    else action();
    this.host.focus();
  }

  private datasets(spec: StoredChart, theme: ThemeName) {
    const sheet = this.workbookDocument.sheetId(spec.sheetName);
    if (sheet === undefined) return [];
    const { hf } = this.workbookDocument;
    const series = rangeBounds(spec.seriesRange);
    const months = rangeBounds(spec.categoryRange);
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
        card.chart.data.datasets = this.datasets(card.spec, card.theme);
        card.chart.update("none");
      }
    });
  }

  destroy(): void {
    this.workbookDocument.hf.off("valuesUpdated", this.onValues);
    this.stopSideChanges();
    this.stopLayout();
    for (const card of this.cards) {
      card.chart.destroy();
      card.element.remove();
    }
    this.cards = [];
  }
}
