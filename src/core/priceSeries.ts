import { malformed } from "./errors";
import { excelSerialOfIsoDate } from "./excelDate";
import type { DatedPrice } from "./priceTrend";

/*
 * Price series the catalog ships for fitting a scenario from data (data/series.json): dated prices
 * of "the same capability", each point with its source.
 */

/** One dated price of a series. */
export interface PriceSeriesPoint {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** The model that set the price. */
  readonly model: string;
  readonly usdPerMillionTokens: number;
  /** Its benchmark score, in the series' benchmark's unit. */
  readonly score: number;
  readonly source: string;
}

/** A fit the series' source published, to compare with ours. */
export interface PublishedFit {
  readonly timesCheaperPerYear: number;
  readonly low90: number;
  readonly high90: number;
  readonly r2: number;
  /** The year length the source used to turn its daily slope into a yearly rate. */
  readonly daysPerYear: number;
  readonly source: string;
}

export interface PriceSeries {
  readonly id: string;
  readonly title: string;
  readonly benchmark: string;
  readonly threshold: string;
  readonly unit: string;
  readonly method: string;
  readonly source: string;
  readonly published: PublishedFit;
  readonly points: readonly PriceSeriesPoint[];
}

/**
 * Checks series read from data/series.json: each has an id, a title, a source and at least two
 * points, each point a real date, a price above 0 and a source, in date order.
 */
export function validatePriceSeries(series: readonly PriceSeries[]): readonly PriceSeries[] {
  for (const entry of series) {
    for (const field of ["id", "title", "benchmark", "threshold", "unit", "method", "source"] as const) {
      if (typeof entry[field] !== "string" || entry[field].trim() === "") throw malformed(`Series ${entry.id ?? "?"}: ${field} is missing.`);
    }
    if (entry.points.length < 2) throw malformed(`Series ${entry.id}: needs at least 2 points.`);
    let previous = -Infinity;
    entry.points.forEach((point, index) => {
      const serial = excelSerialOfIsoDate(point.date);
      if (serial == null) throw malformed(`Series ${entry.id} point ${index + 1}: '${point.date}' is not a YYYY-MM-DD date.`);
      if (serial < previous) throw malformed(`Series ${entry.id} point ${index + 1}: points must be in date order.`);
      previous = serial;
      if (!(point.usdPerMillionTokens > 0)) throw malformed(`Series ${entry.id} point ${index + 1}: the price must be above 0.`);
      if (typeof point.source !== "string" || point.source.trim() === "") throw malformed(`Series ${entry.id} point ${index + 1}: no source.`);
    });
  }
  return series;
}

/**
 * A series' points as dated prices for {@link fitPriceTrend}.
 *
 * @example fitPriceTrend(seriesDatedPrices(series)).timesCheaperPerYear // 42.1 for the GPT-4-level series
 */
export function seriesDatedPrices(series: PriceSeries): DatedPrice[] {
  return series.points.map((point) => ({ dateSerial: excelSerialOfIsoDate(point.date) as number, usdPerMillionTokens: point.usdPerMillionTokens }));
}
