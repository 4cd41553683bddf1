import { outOfRange } from "./errors";

/**
 * The annual price multiplier m implied by two dated prices in the same unit (any unit):
 * `end = start * m^(months/12)`, so
 * `m = (end / start)^(12 / months)`. Agrees with Excel's RRI: `m = (1 + RRI(months, start, end))^12`.
 *
 * @example annualMultiplier(37.5, 0.25, 21) // (0.25 / 37.5)^(12/21) = 0.0571..., 17.5x cheaper per year
 */
export function annualMultiplier(startPrice: number, endPrice: number, months: number): number {
  if (!(startPrice > 0)) {
    throw outOfRange(`start_price must be above 0; got ${startPrice}.`);
  }
  if (!(endPrice > 0)) {
    throw outOfRange(`end_price must be above 0; got ${endPrice}.`);
  }
  if (!(months > 0)) {
    throw outOfRange(`months must be above 0; got ${months}.`);
  }
  return Math.pow(endPrice / startPrice, 12 / months);
}
