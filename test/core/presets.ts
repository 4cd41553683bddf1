import type { Scenario } from "../../src/core";

/** The preset values as the table states them, typed in again rather than read from the code. */
export const pessimistic: Scenario = { label: "pessimistic", annualPriceMultiplier: 0.5, floorShare: 0.25 };
export const baseline: Scenario = { label: "baseline", annualPriceMultiplier: 0.1, floorShare: 0.01 };
export const aggressive: Scenario = { label: "aggressive", annualPriceMultiplier: 0.025, floorShare: 0.001 };

/** Relative closeness for floating-point results: |a - b| <= tolerance * max(|a|, |b|, tiny). */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(actual), Math.abs(expected), 1e-300);
}
