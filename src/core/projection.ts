import { notFound, outOfRange } from "./errors";
import type { Scenario } from "./scenario";

/** The furthest a projection may look ahead: 100 years, in months. */
export const MAX_MONTHS_AHEAD = 1200;

const monthsInYear = 12;

/**
 * The projected price as a share of today's price after `monthsAhead` months:
 * `f + (1 - f) * m^(t/12)`. The caller has validated the scenario and the months.
 *
 * @example priceFactor({ label: "baseline", annualPriceMultiplier: 0.1, floorShare: 0.01 }, 12) // 0.109
 */
export function priceFactor(scenario: Scenario, monthsAhead: number): number {
  const { annualPriceMultiplier, floorShare } = scenario;
  if (floorShare === 1) {
    return 1; // a flat price, even where m^(t/12) overflows and 0 * Infinity would give NaN
  }
  // m^(t/12) as exp((t/12) * ln m): the same number to ~1e-14 relative, and faster than Math.pow
  // on V8, more so as ln m is remembered from the last call: a sheet of projecting cells reads the
  // same scenario (AICOST_SCENARIO) over and over, so the logarithm is taken once, not per cell.
  return floorShare + (1 - floorShare) * Math.exp((monthsAhead / monthsInYear) * logOf(annualPriceMultiplier));
}

let lastMultiplier = Number.NaN;
let lastLogarithm = Number.NaN;

/** ln m, remembered for the last m (a one-entry memo: the result is the same as Math.log's). */
function logOf(annualPriceMultiplier: number): number {
  if (annualPriceMultiplier !== lastMultiplier) {
    lastLogarithm = Math.log(annualPriceMultiplier);
    lastMultiplier = annualPriceMultiplier;
  }
  return lastLogarithm;
}

/**
 * Token volume after `monthsAhead` months as a multiple of today's: `v^(t/12)`, where v is how
 * many times volume grows per year. The caller has checked v > 0.
 *
 * @example volumeFactor(3, 12) // 3
 */
export function volumeFactor(annualVolumeMultiplier: number, monthsAhead: number): number {
  return annualVolumeMultiplier === 1 ? 1 : Math.pow(annualVolumeMultiplier, monthsAhead / monthsInYear);
}

/** Throws outOfRange unless `monthsAhead` is from 0 to {@link MAX_MONTHS_AHEAD}. */
export function checkMonthsAhead(monthsAhead: number, parameterName = "months_ahead"): number {
  if (!(monthsAhead >= 0 && monthsAhead <= MAX_MONTHS_AHEAD)) {
    throw outOfRange(`${parameterName} must be from 0 to ${MAX_MONTHS_AHEAD} months; got ${monthsAhead}.`);
  }
  return monthsAhead;
}

/** Throws outOfRange unless `amount` is 0 or more. */
export function checkNonNegative(amount: number, parameterName: string): number {
  if (!(amount >= 0)) {
    throw outOfRange(`${parameterName} must be 0 or more; got ${amount}.`);
  }
  return amount;
}

/**
 * Projects a price `monthsAhead` months from today under a scenario. Any unit works (USD per
 * million tokens, USD per task): the result is in the unit of the input.
 *
 * @example projectPrice(10, 12, baseline) // 10 * (0.01 + 0.99 * 0.1) = 1.09
 */
export function projectPrice(priceToday: number, monthsAhead: number, scenario: Scenario): number {
  checkNonNegative(priceToday, "price");
  checkMonthsAhead(monthsAhead);
  return priceToday * priceFactor(scenario, monthsAhead);
}

/**
 * Projects a cost `monthsAhead` months from today: today's cost times the scenario's price factor
 * times volume growth `v^(t/12)`, where v is how many times token volume grows per year.
 *
 * @example projectCost(1000, 12, baseline, 3) // 1000 * 0.109 * 3 = 327
 */
export function projectCost(
  costTodayUsd: number,
  monthsAhead: number,
  scenario: Scenario,
  annualVolumeMultiplier: number,
): number {
  checkNonNegative(costTodayUsd, "cost_today");
  checkMonthsAhead(monthsAhead);
  if (!(annualVolumeMultiplier > 0)) {
    throw outOfRange(
      `annual_volume_multiplier must be above 0 (1 = flat volume, 2 = volume doubles each year); got ${annualVolumeMultiplier}.`,
    );
  }
  return costTodayUsd * priceFactor(scenario, monthsAhead) * volumeFactor(annualVolumeMultiplier, monthsAhead);
}

/**
 * The projected price for each whole month t = 0, 1, ..., months, in the unit of `priceToday`.
 *
 * @example priceCurve(10, 2, scenario).length // 3
 */
export function priceCurve(priceToday: number, months: number, scenario: Scenario): number[] {
  checkNonNegative(priceToday, "price");
  checkMonthsAhead(months, "months");
  if (!Number.isInteger(months)) {
    throw outOfRange(`months must be a whole number of months; got ${months}.`);
  }
  const curve = new Array<number>(months + 1);
  for (let month = 0; month <= months; month++) {
    curve[month] = priceToday * priceFactor(scenario, month);
  }
  return curve;
}

/**
 * The first month t >= 0 at which the projected price reaches `targetPrice` (in the unit of
 * `priceToday`, any unit): 0 when the price is
 * already at or below the target. Throws notFound when the scenario never gets there (target at
 * or below the floor, or m >= 1).
 *
 * Solves `f + (1 - f) * m^(t/12) = target / price` for t:
 * `t = 12 * ln((target/price - f) / (1 - f)) / ln(m)`.
 *
 * @example monthsToPrice(10, 1.09, baseline) // 12
 */
export function monthsToPrice(priceToday: number, targetPrice: number, scenario: Scenario): number {
  checkNonNegative(priceToday, "price");
  checkNonNegative(targetPrice, "target_price");
  if (priceToday <= targetPrice) {
    return 0;
  }
  const { annualPriceMultiplier, floorShare } = scenario;
  if (annualPriceMultiplier >= 1) {
    throw notFound(
      `The price never falls to the target: scenario "${scenario.label}" has an annual multiplier of ${annualPriceMultiplier}, so prices do not fall.`,
    );
  }
  const targetShare = targetPrice / priceToday;
  if (targetShare <= floorShare) {
    throw notFound(
      `The price never falls to the target: scenario "${scenario.label}" stops at a floor of ${formatPercent(floorShare)} of today's price, and the target is ${formatPercent(targetShare)}.`,
    );
  }
  const months = (monthsInYear * Math.log((targetShare - floorShare) / (1 - floorShare))) / Math.log(annualPriceMultiplier);
  // Rounding can leave a tiny negative when the target is a hair below the price.
  return Math.max(0, months);
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(4))}%`;
}
