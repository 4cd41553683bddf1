import fc from "fast-check";
import type { Scenario } from "../../src/core";

/** A scenario whose price never rises: 0 < m <= 1, 0 <= f <= 1. */
export const decliningScenario: fc.Arbitrary<Scenario> = fc.record({
  label: fc.constant("test"),
  annualPriceMultiplier: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  floorShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Any scenario in the domain, rising prices included: 0 < m <= 10. */
export const anyScenario: fc.Arbitrary<Scenario> = fc.record({
  label: fc.constant("test"),
  annualPriceMultiplier: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  floorShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Prices from a tenth of a cent to a thousand dollars per million tokens. */
export const price = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

/** Months ahead within the engine's range, fractions included. */
export const monthsAhead = fc.double({ min: 0, max: 1200, noNaN: true });
