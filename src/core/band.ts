import { outOfRange } from "./errors";
import { normalQuantile } from "./normal";
import { priceCurve, projectCost, projectPrice } from "./projection";
import type { Scenario } from "./scenario";

/**
 * An uncertainty band on price decline: the 10th, 50th and 90th percentiles of the annual price
 * multiplier m, and one floor share f. The percentiles of m run from the fast-decline end
 * (m_p10, the lowest multiplier, so the lowest price) to the slow-decline end (m_p90).
 *
 * ln m follows a split normal: median ln m_p50, lower scale (ln m_p50 - ln m_p10) / z90, upper
 * scale (ln m_p90 - ln m_p50) / z90, so each stated percentile is met exactly and the two sides
 * may differ in width (prices are likelier to fall more slowly than the median than faster).
 */
export interface Band {
  /** What the band is called: the preset's name, a band row's label, or "custom". */
  readonly label: string;
  /** m_p10: the fast-decline end; a 10% chance that m ends up lower (prices fall faster). */
  readonly annualPriceMultiplierP10: number;
  /** m_p50: the median annual price multiplier. */
  readonly annualPriceMultiplierP50: number;
  /** m_p90: the slow-decline end; a 10% chance that m ends up higher (prices fall more slowly). */
  readonly annualPriceMultiplierP90: number;
  /** f: the floor as a share of today's price, 0 to 1, the same at every percentile. */
  readonly floorShare: number;
}

/** A preset band with the evidence behind each number, as the assumptions sheet shows it. */
export interface PresetBand extends Band {
  readonly sourceNotes: {
    readonly annualPriceMultiplierP10: string;
    readonly annualPriceMultiplierP50: string;
    readonly annualPriceMultiplierP90: string;
    readonly floorShare: string;
  };
}

/**
 * z90: the 90th percentile of the standard normal distribution, NORM.S.INV(0.9). The band's
 * scales divide by it, so the share-safe closed form can write the same literal.
 */
export const BAND_Z90 = 1.2815515655446004;

/**
 * The default band, calibrated in docs/BAND.md from the evidence in DOMAIN.md. Its median is the
 * product brief's equal-model rate; its ends are Epoch AI's median fit (fast) and Gundlach et
 * al.'s frontier-model rate (slow). A fitted series from a price catalog could refine m_p50.
 */
export const DEFAULT_BAND: PresetBand = Object.freeze({
  label: "evidence",
  annualPriceMultiplierP10: 0.02,
  annualPriceMultiplierP50: 0.057,
  annualPriceMultiplierP90: 0.2,
  floorShare: 0.01,
  sourceNotes: Object.freeze({
    annualPriceMultiplierP10:
      "50x cheaper per year: the median of Epoch AI's fitted rates (2025; its fits span 9x to 900x, GPT-4 level on GPQA 40x).",
    annualPriceMultiplierP50:
      "17.5x cheaper per year: the product brief's equal-model decline, $37.5 to $0.25 in 21 months; Stanford AI Index 2025 shows about 19x (280x in 23 months).",
    annualPriceMultiplierP90:
      "5x cheaper per year: Gundlach et al. 2025, low end of frontier models (5x to 10x); a16z's 10x lies between P50 and P90.",
    floorShare: "Floor of 1% of today's price, as in baseline: a judgement, not a measurement.",
  }),
});

/**
 * Checks a band's numbers against their domains and returns it: each m_pXX a finite number above
 * 0, in order m_p10 <= m_p50 <= m_p90; f from 0 to 1. Throws outOfRange with what to fix.
 *
 * @example validateBand({ label: "x", annualPriceMultiplierP10: 0.2, annualPriceMultiplierP50: 0.1,
 *   annualPriceMultiplierP90: 0.5, floorShare: 0 }) // throws: m_p10 must not be above m_p50
 */
export function validateBand(band: Band): Band {
  const { annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90, floorShare } = band;
  checkMultiplier(p10, "m_p10", "the 10th percentile, the fast-decline end");
  checkMultiplier(p50, "m_p50", "the median");
  checkMultiplier(p90, "m_p90", "the 90th percentile, the slow-decline end");
  if (p10 > p50) {
    throw outOfRange(
      `The band's m_p10 (${p10}) must not be above its m_p50 (${p50}): m_p10 is the fast-decline end, the lowest multiplier (0.02 = fifty times cheaper per year). Swap them if they were typed the wrong way round.`,
    );
  }
  if (p50 > p90) {
    throw outOfRange(
      `The band's m_p50 (${p50}) must not be above its m_p90 (${p90}): m_p90 is the slow-decline end, the highest multiplier (0.2 = five times cheaper per year). Swap them if they were typed the wrong way round.`,
    );
  }
  if (!(floorShare >= 0 && floorShare <= 1)) {
    throw outOfRange(`The band's floor share f must be from 0 to 1 (0.01 = 1% of today's price); got ${floorShare}.`);
  }
  return band;
}

function checkMultiplier(multiplier: number, name: string, meaning: string): void {
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) {
    throw outOfRange(
      `The band's ${name} (${meaning} of the annual price multiplier) must be a number above 0 (0.1 = ten times cheaper per year); got ${multiplier}.`,
    );
  }
}

/** Throws outOfRange unless 0 < probability < 1. */
export function checkProbability(probability: number, parameterName = "probability"): number {
  if (!(probability > 0 && probability < 1)) {
    throw outOfRange(
      `${parameterName} must be above 0 and below 1 (0.1 = the 10th percentile, 0.5 the median, 0.9 the 90th percentile); got ${probability}.`,
    );
  }
  return probability;
}

// Beyond this |exponent| exp() may overflow or underflow while m_p50 * exp() would not.
const maxSafeExponent = 700;

/**
 * The q-quantile of the annual price multiplier m under a band: the m such that m is at most it
 * with probability q. At q = 0.1, 0.5 and 0.9 it is the band's own m_p10, m_p50 and m_p90, as
 * typed; elsewhere `m_p50 * exp(z_q / z90 * spread)`, spread = ln m_p50 - ln m_p10 below the
 * median and ln m_p90 - ln m_p50 above it, z_q = NORM.S.INV(q).
 *
 * Throws outOfRange for an invalid band, a probability outside (0, 1), or a quantile beyond the
 * range of numbers (a band many orders of magnitude wide at a probability near 0 or 1).
 *
 * @example annualMultiplierQuantile(DEFAULT_BAND, 0.75) // 0.057 * exp(0.6745 / 1.2816 * ln(0.2 / 0.057)) = 0.1104
 */
export function annualMultiplierQuantile(band: Band, probability: number): number {
  validateBand(band);
  checkProbability(probability);
  const { annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90 } = band;
  // The three stated percentiles come back exactly as typed, so PRICE_QUANTILE at 0.1 equals
  // PROJECT_PRICE with m_p10 to the last digit (the formula below agrees with them to ~1e-16).
  if (probability === 0.5) return p50;
  if (probability === 0.1) return p10;
  if (probability === 0.9) return p90;
  const z = normalQuantile(probability);
  const lnMedian = Math.log(p50);
  const spread = z < 0 ? lnMedian - Math.log(p10) : Math.log(p90) - lnMedian;
  const exponent = (z / BAND_Z90) * spread;
  // p50 * exp(x) is exact at the median and loses nothing near it; exp(ln p50 + x) only where
  // exp(x) alone would overflow or underflow.
  const multiplier = Math.abs(exponent) <= maxSafeExponent ? p50 * Math.exp(exponent) : Math.exp(lnMedian + exponent);
  if (!(multiplier > 0 && Number.isFinite(multiplier))) {
    throw outOfRange(
      `The band "${band.label}" is too wide for probability ${probability}: its quantile of m is beyond the range of numbers. Use a probability nearer 0.5 or percentiles closer together.`,
    );
  }
  return multiplier;
}

/**
 * The scenario at the band's q-quantile: m = m_q, the band's floor. Every projection of it is the
 * q-quantile of the projected price or cost (see {@link priceQuantile}).
 *
 * @example bandScenario(DEFAULT_BAND, 0.9) // { label: "evidence P90", annualPriceMultiplier: 0.2, floorShare: 0.01 }
 */
export function bandScenario(band: Band, probability: number): Scenario {
  return scenarioAt(band, probability, `${band.label} ${percentileName(probability)}`);
}

function scenarioAt(band: Band, probability: number, label: string): Scenario {
  return { label, annualPriceMultiplier: annualMultiplierQuantile(band, probability), floorShare: band.floorShare };
}

/**
 * The q-quantile of the price `monthsAhead` months from today: `P0 * (f + (1 - f) * m_q^(t/12))`.
 * Exact, not sampled: for t > 0 and f < 1 the price rises strictly with m, and a strictly rising
 * function maps the q-quantile of m to the q-quantile of the price. At t = 0, or with f = 1, the
 * price is P0 whatever m is, and so is every quantile; the formula gives P0 there too.
 *
 * Throws outOfRange for a price below 0, months outside 0 to 1200, an invalid band, a probability
 * outside (0, 1), or a result beyond the range of numbers.
 *
 * @example priceQuantile(10, 12, 0.9, DEFAULT_BAND) // 10 * (0.01 + 0.99 * 0.2) = 2.08
 */
export function priceQuantile(usdPerMillionTokens: number, monthsAhead: number, probability: number, band: Band): number {
  // Labelled with the band's own name: the percentile's name is formatted only for a message.
  const scenario = scenarioAt(band, probability, band.label);
  return finiteResult(projectPrice(usdPerMillionTokens, monthsAhead, scenario), "price", band, probability, scenario);
}

/**
 * The q-quantile of the cost `monthsAhead` months from today: today's cost times the price factor
 * at m_q times volume growth `v^(t/12)`, as {@link projectCost}. Exact for the same reason as
 * {@link priceQuantile}: volume growth is a fixed positive factor, so the cost rises with m.
 *
 * @example costQuantile(1000, 12, 0.1, DEFAULT_BAND, 3) // 1000 * (0.01 + 0.99 * 0.02) * 3 = 89.4
 */
export function costQuantile(
  costTodayUsd: number,
  monthsAhead: number,
  probability: number,
  band: Band,
  annualVolumeMultiplier: number,
): number {
  const scenario = scenarioAt(band, probability, band.label);
  return finiteResult(projectCost(costTodayUsd, monthsAhead, scenario, annualVolumeMultiplier), "cost", band, probability, scenario);
}

/** One month of a band curve: the 10th, 50th and 90th percentiles of the projected price. */
export type BandCurveRow = [p10: number, p50: number, p90: number];

/**
 * The P10, P50 and P90 of the projected price for each whole month t = 0, 1, ..., months: the
 * price curves of m_p10, m_p50 and m_p90 side by side (months + 1 rows). P10 is the low price
 * (fast decline), P90 the high one.
 *
 * @example priceBandCurve(10, 12, DEFAULT_BAND)[12] // [10 * 0.0298, 10 * 0.06643, 10 * 0.208] = [0.298, 0.6643, 2.08]
 */
export function priceBandCurve(usdPerMillionTokens: number, months: number, band: Band): BandCurveRow[] {
  const [p10, p50, p90] = ([0.1, 0.5, 0.9] as const).map((probability) => {
    const scenario = scenarioAt(band, probability, band.label);
    const curve = priceCurve(usdPerMillionTokens, months, scenario);
    for (const price of curve) finiteResult(price, "price", band, probability, scenario);
    return curve;
  });
  return p50.map((median, month): BandCurveRow => [p10[month], median, p90[month]]);
}

function finiteResult(amount: number, what: "price" | "cost", band: Band, probability: number, scenario: Scenario): number {
  if (!Number.isFinite(amount)) {
    throw outOfRange(
      `The projected ${what} at ${band.label} ${percentileName(probability)} (m = ${scenario.annualPriceMultiplier}) is beyond the largest number a cell can hold; project fewer months ahead or use a lower multiplier.`,
    );
  }
  return amount;
}

function percentileName(probability: number): string {
  return `P${Number((probability * 100).toPrecision(6))}`;
}
