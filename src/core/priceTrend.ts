import { malformed, notFound, outOfRange } from "./errors";
import { excelSerialOfIsoDate } from "./excelDate";
import { describeCell, isBlankCell, type CellValue } from "./cells";
import { studentTQuantile } from "./studentT";

/*
 * Fitting a decline rate to dated prices: ordinary least squares of ln(price) on the date in days,
 * ln P = a + b·day. Prices that fall by the same factor each year lie on a straight line there, and
 * the slope gives the scenarios' annual multiplier m = exp(365.25·b). The same numbers come from
 * Excel's LINEST(LN(prices), dates) (see docs/PRICES.md for the native formulas).
 */

/** Days in an average year, 365.25, so m means a calendar year whatever the dates. */
export const DAYS_PER_YEAR = 365.25;

/** The confidence level of the low/high bounds of m: 90%, two-sided. */
export const CONFIDENCE_LEVEL = 0.9;

/** A dated price. */
export interface DatedPrice {
  /** An Excel date serial (days). */
  readonly dateSerial: number;
  readonly usdPerMillionTokens: number;
}

/**
 * The result of a fit. For extreme data (dates days apart, or not in days) m, 1/m and the bounds
 * may be 0 or Infinity here; {@link fitStatisticValue} refuses those rather than show them.
 */
export interface PriceTrendFit {
  /** Points used. */
  readonly n: number;
  /** b: change of ln(price) per day. */
  readonly slopePerDay: number;
  /** a: ln(price) at day 0 (1899-12-30). */
  readonly intercept: number;
  /** Standard error of b; null when n = 2 (a line through two points leaves no residual to measure it). */
  readonly slopeStandardError: number | null;
  /** Share of the variance of ln(price) the line explains, 0 to 1; null when every price is the same. */
  readonly r2: number | null;
  /** m = exp(365.25·b): the price after a year as a multiple of the price at its start. */
  readonly annualPriceMultiplier: number;
  /** 1/m: how many times cheaper per year (below 1 when prices rise). */
  readonly timesCheaperPerYear: number;
  /**
   * ln(2)/(−b) in months of 365.25/12 days: how long prices take to halve. Negative when prices rise,
   * its size then being the months they take to double; ±Infinity when b = 0.
   */
  readonly halvingMonths: number;
  /** Lower 90% bound of m (the faster decline); null when n = 2. */
  readonly low: number | null;
  /** Upper 90% bound of m (the slower decline); null when n = 2. */
  readonly high: number | null;
}

/**
 * Fits ln(price) on the date by least squares. Needs at least two points with two different dates
 * (notFound otherwise) and prices above 0 (outOfRange otherwise); the caller has dropped blanks.
 *
 * @example fitPriceTrend([{ dateSerial: 0, usdPerMillionTokens: 37.5 }, { dateSerial: 639.1875, usdPerMillionTokens: 0.25 }]).annualPriceMultiplier // 0.0570846 (21 months of 365.25/12 days)
 */
export function fitPriceTrend(points: readonly DatedPrice[]): PriceTrendFit {
  const n = points.length;
  if (n < 2) throw notFound(`A fit needs at least 2 dated prices; got ${n}.`);
  points.forEach((point, index) => {
    if (!Number.isFinite(point.dateSerial)) throw malformed(`Date ${index + 1} is not a number.`);
    if (!(point.usdPerMillionTokens > 0) || !Number.isFinite(point.usdPerMillionTokens)) {
      throw outOfRange(`Prices must be above 0 (the fit takes their logarithm); price ${index + 1} is ${point.usdPerMillionTokens}.`);
    }
  });
  const xs = points.map((point) => point.dateSerial);
  const ys = points.map((point) => Math.log(point.usdPerMillionTokens));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let index = 0; index < n; index++) {
    const dx = xs[index] - meanX;
    const dy = ys[index] - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw notFound("A fit needs prices on at least 2 different dates; every date is the same.");
  const slopePerDay = sxy / sxx;
  const intercept = meanY - slopePerDay * meanX;
  let sse = 0;
  for (let index = 0; index < n; index++) {
    const residual = ys[index] - (intercept + slopePerDay * xs[index]);
    sse += residual * residual;
  }
  const r2 = syy === 0 ? null : Math.min(1, Math.max(0, 1 - sse / syy));
  const slopeStandardError = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : null;
  const multiplierOf = (slope: number) => Math.exp(DAYS_PER_YEAR * slope);
  const annualPriceMultiplier = multiplierOf(slopePerDay);
  let low: number | null = null;
  let high: number | null = null;
  if (slopeStandardError != null) {
    const t = studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 2);
    low = multiplierOf(slopePerDay - t * slopeStandardError);
    high = multiplierOf(slopePerDay + t * slopeStandardError);
  }
  return Object.freeze({
    n,
    slopePerDay,
    intercept,
    slopeStandardError,
    r2,
    annualPriceMultiplier,
    timesCheaperPerYear: 1 / annualPriceMultiplier,
    halvingMonths: Math.LN2 / -slopePerDay / (DAYS_PER_YEAR / 12),
    low,
    high,
  });
}

/**
 * The dated prices of two ranges of the same shape, cell by cell: dates (Excel serials, or
 * `YYYY-MM-DD` text) and prices (numbers). A pair with an empty cell on either side is skipped, as
 * LINEST and SLOPE skip them; ranges of different shapes or a cell that is neither empty nor of its
 * kind are malformed; a price of 0 or less is outOfRange.
 *
 * @example datedPricesFromCells([[44999], [45818]], [[37.5], [null]]) // one point: the blank pair is skipped
 */
export function datedPricesFromCells(dates: readonly (readonly CellValue[])[], prices: readonly (readonly CellValue[])[]): DatedPrice[] {
  const shape = (range: readonly (readonly CellValue[])[]) => `${range.length}x${range[0]?.length ?? 0}`;
  const sameShape = dates.length === prices.length && dates.every((row, index) => row.length === prices[index].length);
  if (!sameShape) throw malformed(`dates and prices must be ranges of the same shape; got ${shape(dates)} and ${shape(prices)}.`);
  const points: DatedPrice[] = [];
  dates.forEach((dateRow, rowIndex) => {
    dateRow.forEach((dateCell, columnIndex) => {
      const priceCell = prices[rowIndex][columnIndex];
      if (isBlankCell(dateCell) || isBlankCell(priceCell)) return;
      const where = `cell ${rowIndex + 1},${columnIndex + 1}`;
      let dateSerial: number | undefined;
      if (typeof dateCell === "number" && Number.isFinite(dateCell)) dateSerial = dateCell;
      else if (typeof dateCell === "string") dateSerial = excelSerialOfIsoDate(dateCell.trim());
      if (dateSerial == null) throw malformed(`dates ${where}: ${describeCell(dateCell)} is not a date.`);
      if (typeof priceCell !== "number" || !Number.isFinite(priceCell)) throw malformed(`prices ${where}: ${describeCell(priceCell)} is not a number.`);
      if (!(priceCell > 0)) throw outOfRange(`prices must be above 0 (the fit takes their logarithm); ${where} is ${priceCell}.`);
      points.push({ dateSerial, usdPerMillionTokens: priceCell });
    });
  });
  return points;
}

/** What FIT_MULTIPLIER can return. */
export type FitStatistic = "multiplier" | "times_cheaper" | "r2" | "n" | "halving_months" | "low" | "high";

export const FIT_STATISTICS: readonly FitStatistic[] = Object.freeze(["multiplier", "times_cheaper", "r2", "n", "halving_months", "low", "high"]);

/**
 * Reads a `statistic` argument, ignoring case and spaces; empty or omitted is the multiplier m
 * (also written "m" or "annual_multiplier").
 *
 * @example parseFitStatistic("Halving months") // "halving_months"
 */
export function parseFitStatistic(text: string | null | undefined): FitStatistic {
  if (text == null || text.trim() === "") return "multiplier";
  const normalized = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (normalized === "m" || normalized === "annual_multiplier") return "multiplier";
  const found = FIT_STATISTICS.find((statistic) => statistic === normalized);
  if (found == null) throw malformed(`unknown statistic '${text}'; use ${FIT_STATISTICS.slice(0, -1).join(", ")} or high.`);
  return found;
}

/* A multiplier of e^(±710) a year or more is 0 or Infinity in a double: refused, not shown as 0. */
function representable(value: number, what: string): number {
  if (value > 0 && Number.isFinite(value)) return value;
  throw outOfRange(
    `${what} is beyond what a number can hold (prices changing by a factor above 1e308 a year); check that the dates are Excel dates, in days, and spread over weeks or more.`,
  );
}

/**
 * One statistic of a fit. Those a fit does not have are notFound, with the reason: the bounds for
 * n = 2, r2 when every price is the same, the halving time when prices are flat. A multiplier or
 * bound too extreme for a number (dates a few days apart, or not in days) is outOfRange.
 *
 * @example fitStatisticValue(fit, "times_cheaper") // 1/m
 */
export function fitStatisticValue(fit: PriceTrendFit, statistic: FitStatistic): number {
  switch (statistic) {
    case "multiplier":
      return representable(fit.annualPriceMultiplier, "The annual multiplier");
    case "times_cheaper":
      return representable(fit.timesCheaperPerYear, "times_cheaper");
    case "n":
      return fit.n;
    case "r2":
      if (fit.r2 == null) throw notFound("r2 is undefined when every price is the same (there is no variance to explain).");
      return fit.r2;
    case "halving_months":
      if (!Number.isFinite(fit.halvingMonths)) throw notFound("Prices are flat over the data: they never halve.");
      return fit.halvingMonths;
    case "low":
    case "high": {
      const bound = statistic === "low" ? fit.low : fit.high;
      if (bound == null) throw notFound(`90% bounds need at least 3 prices; a line through ${fit.n} has no spread to measure.`);
      return representable(bound, `The ${statistic} bound`);
    }
  }
}
