/**
 * "Fit a scenario from data", the pure part (issue 10): dated prices from a range the user names
 * or from a series the catalog ships, fitted by core's least squares of ln(price) on the date,
 * described in the pane's words and turned into a scenario row whose note names the data.
 */
import { FIRST_EXCEL_SERIAL, isoDateOfExcelSerial, LAST_EXCEL_SERIAL } from "../core/excelDate";
import { seriesDatedPrices, type PriceSeries } from "../core/priceSeries";
import { datedPricesFromCells, fitPriceTrend, fitStatisticValue, type DatedPrice, type PriceTrendFit } from "../core/priceTrend";
import type { CellValue } from "../core/cells";
import { isAnnualPriceMultiplier } from "../core/scenario";

/** Fitted data ready to show and to add: the points, the fit, and what the data is. */
export interface FittedData {
  /** What the data is, for the note: "GPQA Diamond series, Epoch AI", "Sheet1!A2:B8". */
  readonly label: string;
  readonly points: readonly DatedPrice[];
  readonly fit: PriceTrendFit;
}

export type FitOutcome = { readonly ok: true; readonly fitted: FittedData } | { readonly ok: false; readonly message: string };

function outcome(label: string, read: () => DatedPrice[]): FitOutcome {
  try {
    const points = read();
    const notDate = points.find((point) => !(point.dateSerial >= FIRST_EXCEL_SERIAL && point.dateSerial <= LAST_EXCEL_SERIAL));
    if (notDate !== undefined) {
      throw new Error(`${notDate.dateSerial} is not an Excel date (from 1900-03-01, serial 61); the first column or row must hold the dates.`);
    }
    const fit = fitPriceTrend(points);
    fitStatisticValue(fit, "multiplier"); // refuses an m too extreme to be a number (dates days apart)
    if (!isAnnualPriceMultiplier(fit.annualPriceMultiplier)) throw new Error("the fitted multiplier is not a usable scenario value.");
    return { ok: true, fitted: { label, points, fit } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The series' short name for a note: its benchmark and who published it. */
export function seriesLabel(series: PriceSeries): string {
  return `${series.benchmark} series, ${series.source.split(",")[0].trim()}`;
}

/** Fits a shipped series. */
export function fitSeries(series: PriceSeries): FitOutcome {
  return outcome(seriesLabel(series), () => seriesDatedPrices(series));
}

/**
 * Fits a range of two columns (dates, then prices) or two rows, as read from the workbook; a
 * header row or column of text is skipped, pairs with an empty cell too.
 */
export function fitRange(address: string, values: readonly (readonly unknown[])[]): FitOutcome {
  return outcome(address, () => {
    const rows = values.map((row) => row.map((cell) => (cell == null ? null : (cell as CellValue))));
    const asColumns = rows.length > 0 && rows.every((row) => row.length === 2);
    const asRows = !asColumns && rows.length === 2;
    if (!asColumns && !asRows) {
      throw new Error(`${address} must be two columns (dates, then prices) or two rows; it is ${rows.length} rows by ${rows[0]?.length ?? 0} columns.`);
    }
    let dates = asColumns ? rows.map((row) => [row[0]]) : [rows[0]];
    let prices = asColumns ? rows.map((row) => [row[1]]) : [rows[1]];
    const header = (cell: CellValue) => typeof cell === "string" && Number.isNaN(Date.parse(cell)) && cell.trim() !== "";
    if (asColumns && header(rows[0][0]) && header(rows[0][1])) {
      dates = dates.slice(1);
      prices = prices.slice(1);
    }
    return datedPricesFromCells(dates, prices);
  });
}

function yearMonth(serial: number): string {
  return isoDateOfExcelSerial(serial).slice(0, 7);
}

/**
 * The note of the scenario row a fit adds: what was fitted, n, r2 and the dates it spans.
 *
 * @example fittedNote(fitted) // "fitted: GPQA Diamond series, Epoch AI, n=6, r2=0.76, 2023-03..2024-12"
 */
export function fittedNote(fitted: FittedData): string {
  const serials = fitted.points.map((point) => point.dateSerial);
  const r2 = fitted.fit.r2 == null ? "r2 undefined" : `r2=${fitted.fit.r2.toFixed(2)}`;
  return `fitted: ${fitted.label}, n=${fitted.fit.n}, ${r2}, ${yearMonth(Math.min(...serials))}..${yearMonth(Math.max(...serials))}; the floor is judgement, not fitted.`;
}

function times(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toPrecision(3);
}

/** The fit's statistics as lines for the pane: m and 1/m, the 90% interval, r2, n, halving time. */
export function fitSummaryLines(fit: PriceTrendFit): string[] {
  const lines = [`m = ${fit.annualPriceMultiplier.toPrecision(3)}: ${times(fit.timesCheaperPerYear)}x cheaper per year`];
  if (fit.low != null && fit.high != null) {
    lines.push(`90% interval: ${times(1 / fit.high)}x to ${times(1 / fit.low)}x cheaper per year (m from ${fit.low.toPrecision(2)} to ${fit.high.toPrecision(2)})`);
  } else {
    lines.push("90% interval: none from two points (a line through two points has no scatter to measure)");
  }
  lines.push(`r2 = ${fit.r2 == null ? "undefined (every price the same)" : fit.r2.toFixed(2)}, n = ${fit.n}`);
  if (Number.isFinite(fit.halvingMonths)) {
    lines.push(fit.halvingMonths > 0 ? `prices halve every ${fit.halvingMonths.toFixed(1)} months` : `prices double every ${(-fit.halvingMonths).toFixed(1)} months`);
  }
  return lines;
}

/** The fitted line at a date: exp(a + b x day). */
export function fittedPrice(fit: PriceTrendFit, dateSerial: number): number {
  return Math.exp(fit.intercept + fit.slopePerDay * dateSerial);
}
