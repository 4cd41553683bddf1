import { priceBandCurve } from "../core/band";
import type { AssumptionsState, BandValues } from "../sheet/port";

/**
 * The uncertainty band the pane's chart shades (issue 11): the P10 and P90 price curves of the
 * workbook's AICOST_BAND at the chart's reference price, and their rows in the chart's text
 * alternative. Pure: no DOM.
 */

/** The band's two edges over the chart's months, USD per million tokens. */
export interface BandSeries {
  /** The band's label, as the sheet holds it ("evidence"). */
  readonly label: string;
  /** P10 (fast decline, the low price) for months 0..horizon. */
  readonly p10UsdPerMillionTokens: readonly number[];
  /** P90 (slow decline, the high price) for months 0..horizon. */
  readonly p90UsdPerMillionTokens: readonly number[];
}

/** The band a state holds, when the sheet has a valid one. */
export function stateBand(state: AssumptionsState): BandValues | null {
  return state.status === "missing" ? null : (state.band ?? null);
}

/**
 * The P10 and P90 curves of a band from `referencePriceUsd`, months 0..horizonMonths; null
 * without a valid band, or when a curve would leave the range of numbers (nothing to shade
 * rather than a wrong shade).
 *
 * @example bandSeries(defaultBand, 10, 12)?.p90UsdPerMillionTokens[12] // 10 * (0.01 + 0.99 * 0.2) = 2.08
 */
export function bandSeries(band: BandValues | null, referencePriceUsd: number, horizonMonths: number): BandSeries | null {
  if (band === null) {
    return null;
  }
  try {
    const rows = priceBandCurve(referencePriceUsd, horizonMonths, band);
    return {
      label: band.label,
      p10UsdPerMillionTokens: rows.map((row) => row[0]),
      p90UsdPerMillionTokens: rows.map((row) => row[2]),
    };
  } catch {
    return null;
  }
}

/** The names the chart's legend and its text alternative give the band's edges. */
export function bandEdgeNames(band: BandSeries): { readonly p10: string; readonly p90: string } {
  return { p10: `Band P10 (${band.label})`, p90: `Band P90 (${band.label})` };
}
