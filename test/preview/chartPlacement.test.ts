import { chartFootprint, placeChart, type ChartGeometry } from "../../src/preview/chartPlacement";

/** 96 px columns and 24 px rows, as the preview grid's defaults; a 460 x 280 px chart. */
const geometry: ChartGeometry = {
  rowHeightPx: 24,
  columnWidthPx: () => 96,
  chartWidthPx: 460,
  chartHeightPx: 280,
  columnLimit: 200,
  rowLimit: 10_000,
};
// The block Insert projection writes at F3 with three scenarios and 36 months: F3:J41 (0-based rows 2-40, columns 5-9).
const block = { top: 2, left: 5, bottom: 40, right: 9 };

describe("where Insert projection's chart goes", () => {
  test("its footprint: 280 / 24 = 11.7, so 12 rows; 460 / 96 = 4.8, so 5 columns", () => {
    expect(chartFootprint(2, 11, geometry)).toEqual({ top: 2, left: 11, bottom: 13, right: 15 });
    // Wider columns, fewer of them: 200 + 200 + 200 >= 460.
    expect(chartFootprint(0, 0, { ...geometry, columnWidthPx: () => 200 })).toEqual({ top: 0, left: 0, bottom: 11, right: 2 });
  });

  test("on an empty sheet: one empty column right of the table, level with its top row (L3), where Excel's implementation puts it", () => {
    expect(placeChart(block, () => false, [], geometry)).toEqual({ row: 2, col: 11 });
  });

  test("never over data: a value in N5 moves it past column N", () => {
    const holdsData = (row: number, col: number) => row === 4 && col === 13;
    const spot = placeChart(block, holdsData, [], geometry);
    expect(spot).toEqual({ row: 2, col: 14 });
    const area = chartFootprint(spot.row, spot.col, geometry);
    expect(area.left).toBeGreaterThan(13);
  });

  test("never over another chart: a second table's chart does not pile on the first", () => {
    const first = chartFootprint(2, 11, geometry);
    expect(placeChart(block, () => false, [first], geometry)).toEqual({ row: 2, col: 16 });
  });

  test("below the table when there is no room to its right", () => {
    const narrow = { ...geometry, columnLimit: 14 };
    expect(placeChart(block, () => false, [], narrow)).toEqual({ row: 42, col: 5 });
    const holdsData = (row: number, col: number) => row === 45 && col === 6;
    expect(placeChart(block, holdsData, [], narrow)).toEqual({ row: 46, col: 5 });
  });
});
