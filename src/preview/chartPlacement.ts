/**
 * Where Insert projection's chart goes on the grid: beside its table, one empty column to its
 * right and level with its top row (where Excel's implementation puts the native chart), moved
 * further right, or else below the table, until it covers no cell that holds data and no other
 * chart. Pure: cells and sizes in, a cell out.
 */

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ChartGeometry {
  readonly rowHeightPx: number;
  readonly columnWidthPx: (col: number) => number;
  readonly chartWidthPx: number;
  readonly chartHeightPx: number;
  /** Columns the grid can show; a chart must fit within them. */
  readonly columnLimit: number;
  /** Rows the grid can show. */
  readonly rowLimit: number;
}

/**
 * The cells a chart whose top-left corner is at (`row`, `col`) covers.
 *
 * @example chartFootprint(2, 11, geometry) // { top: 2, left: 11, bottom: 13, right: 15 } for a 460 x 280 px chart on 96 px columns and 24 px rows
 */
export function chartFootprint(row: number, col: number, geometry: ChartGeometry): CellRect {
  const rows = Math.max(1, Math.ceil(geometry.chartHeightPx / geometry.rowHeightPx));
  let right = col;
  let widthPx = geometry.columnWidthPx(col);
  while (widthPx < geometry.chartWidthPx) {
    right++;
    widthPx += geometry.columnWidthPx(right);
  }
  return { top: row, left: col, bottom: row + rows - 1, right };
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function isFree(area: CellRect, holdsData: (row: number, col: number) => boolean, charts: readonly CellRect[]): boolean {
  if (charts.some((chart) => overlaps(area, chart))) return false;
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) {
      if (holdsData(row, col)) return false;
    }
  }
  return true;
}

/**
 * The top-left cell for a new chart of the table `block`: the first free spot to its right (from
 * one empty column past it), or else below it (from one empty row past it).
 *
 * @example placeChart({ top: 2, left: 5, bottom: 40, right: 9 }, () => false, [], geometry) // { row: 2, col: 11 }
 */
export function placeChart(
  block: CellRect,
  holdsData: (row: number, col: number) => boolean,
  otherCharts: readonly CellRect[],
  geometry: ChartGeometry,
): { row: number; col: number } {
  for (let col = block.right + 2; col < geometry.columnLimit; col++) {
    const area = chartFootprint(block.top, col, geometry);
    if (area.right >= geometry.columnLimit) break;
    if (isFree(area, holdsData, otherCharts)) return { row: block.top, col };
  }
  for (let row = block.bottom + 2; row < geometry.rowLimit; row++) {
    if (isFree(chartFootprint(row, block.left, geometry), holdsData, otherCharts)) return { row, col: block.left };
  }
  return { row: block.bottom + 2, col: block.left };
}
