import fc from "fast-check";
import {
  annualMultiplierQuantile,
  BAND_Z90,
  bandScenario,
  checkProbability,
  costQuantile,
  DEFAULT_BAND,
  DomainError,
  priceBandCurve,
  priceCurve,
  priceQuantile,
  projectCost,
  projectPrice,
  validateBand,
  type Band,
} from "../../src/core";
import { independentNormalQuantile } from "./independentNormal";
import { nextDouble, previousDouble } from "./doubles";
import { aggressive, baseline, closeTo, pessimistic } from "./presets";

/** The default band as docs/BAND.md states it, typed in again rather than read from the code. */
const evidence: Band = {
  label: "evidence",
  annualPriceMultiplierP10: 0.02,
  annualPriceMultiplierP50: 0.057,
  annualPriceMultiplierP90: 0.2,
  floorShare: 0.01,
};

function band(p10: number, p50: number, p90: number, floorShare = 0.01): Band {
  return { label: "test", annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90, floorShare };
}

const outOfRangeWith = (message: RegExp) => expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) });

/** Any valid band: 1e-4 <= m_p10 <= m_p50 <= m_p90 <= 10, 0 <= f <= 1. */
const validBand: fc.Arbitrary<Band> = fc
  .tuple(
    fc.double({ min: 1e-4, max: 10, noNaN: true }),
    fc.double({ min: 1e-4, max: 10, noNaN: true }),
    fc.double({ min: 1e-4, max: 10, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([a, b, c, floorShare]) => {
    const [p10, p50, p90] = [a, b, c].sort((x, y) => x - y);
    return band(p10, p50, p90, floorShare);
  });

const probability = fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true });
const months = fc.double({ min: 0, max: 120, noNaN: true });
const price = fc.double({ min: 0, max: 1e3, noNaN: true });

describe("DEFAULT_BAND: the calibration of docs/BAND.md", () => {
  it("holds the documented numbers, each with its source", () => {
    expect(DEFAULT_BAND).toMatchObject(evidence);
    expect(DEFAULT_BAND.sourceNotes.annualPriceMultiplierP10).toMatch(/Epoch AI/);
    expect(DEFAULT_BAND.sourceNotes.annualPriceMultiplierP50).toMatch(/brief.*\$37\.5 to \$0\.25 in 21 months/);
    expect(DEFAULT_BAND.sourceNotes.annualPriceMultiplierP90).toMatch(/Gundlach/);
    expect(DEFAULT_BAND.sourceNotes.floorShare).toMatch(/judgement, not a measurement/);
    expect(Object.isFrozen(DEFAULT_BAND) && Object.isFrozen(DEFAULT_BAND.sourceNotes)).toBe(true);
    expect(validateBand(DEFAULT_BAND)).toBe(DEFAULT_BAND);
  });

  it("reads as the evidence says: 50x, 17.5x and 5x cheaper per year", () => {
    expect(1 / DEFAULT_BAND.annualPriceMultiplierP10).toBeCloseTo(50, 10);
    // the brief: 150x in 21 months, 150^(12/21) = 17.52x per year, m = 0.0571; rounded to 0.057
    expect(1 / DEFAULT_BAND.annualPriceMultiplierP50).toBeCloseTo(17.54, 2);
    expect(Math.pow(0.25 / 37.5, 12 / 21)).toBeCloseTo(DEFAULT_BAND.annualPriceMultiplierP50, 3);
    expect(1 / DEFAULT_BAND.annualPriceMultiplierP90).toBeCloseTo(5, 10);
  });

  it("places the presets as BAND.md says: aggressive between P10 and P50, baseline between P50 and P90, pessimistic beyond P90", () => {
    const { annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90 } = DEFAULT_BAND;
    expect(p10 < aggressive.annualPriceMultiplier && aggressive.annualPriceMultiplier < p50).toBe(true);
    expect(p50 < baseline.annualPriceMultiplier && baseline.annualPriceMultiplier < p90).toBe(true);
    expect(pessimistic.annualPriceMultiplier > p90).toBe(true);
    expect(DEFAULT_BAND.floorShare).toBe(baseline.floorShare);
  });
});

describe("validateBand", () => {
  it("accepts equal percentiles (no uncertainty) and the ends of f's range", () => {
    expect(() => validateBand(band(0.1, 0.1, 0.1, 0))).not.toThrow();
    expect(() => validateBand(band(0.01, 0.1, 3, 1))).not.toThrow();
  });

  it.each<[string, Band, RegExp]>([
    ["m_p10 of 0", band(0, 0.1, 0.2), /m_p10 \(the 10th percentile, the fast-decline end of the annual price multiplier\) must be a number above 0 .*got 0\./],
    ["negative m_p50", band(0.01, -0.1, 0.2), /m_p50 \(the median of the annual price multiplier\) must be a number above 0.*got -0\.1\./],
    ["m_p90 NaN", band(0.01, 0.1, Number.NaN), /m_p90 .*must be a number above 0.*got NaN\./],
    ["m_p90 infinite", band(0.01, 0.1, Infinity), /m_p90 .*must be a number above 0.*got Infinity\./],
    ["m_p10 above m_p50", band(0.2, 0.1, 0.5), /m_p10 \(0\.2\) must not be above its m_p50 \(0\.1\): m_p10 is the fast-decline end.*Swap them/],
    ["m_p50 above m_p90", band(0.01, 0.5, 0.2), /m_p50 \(0\.5\) must not be above its m_p90 \(0\.2\): m_p90 is the slow-decline end.*Swap them/],
    ["P10 and P90 swapped", band(0.2, 0.057, 0.02), /m_p10 \(0\.2\) must not be above its m_p50 \(0\.057\)/],
    ["f below 0", band(0.01, 0.1, 0.2, -0.01), /floor share f must be from 0 to 1 .*got -0\.01\./],
    ["f above 1", band(0.01, 0.1, 0.2, 1.5), /floor share f must be from 0 to 1 .*got 1\.5\./],
    ["f NaN", band(0.01, 0.1, 0.2, Number.NaN), /floor share f must be from 0 to 1 .*got NaN\./],
  ])("rejects %s with a message saying what to fix", (_case, invalid, message) => {
    expect(() => validateBand(invalid)).toThrow(outOfRangeWith(message));
  });
});

describe("checkProbability", () => {
  it.each([0, 1, -0.5, 2, Number.NaN])("rejects %p", (value) => {
    expect(() => checkProbability(value)).toThrow(outOfRangeWith(/probability must be above 0 and below 1 \(0\.1 = the 10th percentile/));
  });

  it("names the parameter it checks and passes a valid probability through", () => {
    expect(() => checkProbability(1, "confidence")).toThrow(outOfRangeWith(/^confidence must be/));
    expect(checkProbability(0.3)).toBe(0.3);
  });
});

describe("annualMultiplierQuantile: the split normal of ln m", () => {
  it("returns the band's own percentiles at 0.1, 0.5 and 0.9, exactly", () => {
    expect(annualMultiplierQuantile(evidence, 0.1)).toBe(0.02);
    expect(annualMultiplierQuantile(evidence, 0.5)).toBe(0.057);
    expect(annualMultiplierQuantile(evidence, 0.9)).toBe(0.2);
  });

  it("property: returns the stated percentiles exactly for any band", () => {
    fc.assert(
      fc.property(validBand, (anyBand) =>
        annualMultiplierQuantile(anyBand, 0.1) === anyBand.annualPriceMultiplierP10 &&
        annualMultiplierQuantile(anyBand, 0.5) === anyBand.annualPriceMultiplierP50 &&
        annualMultiplierQuantile(anyBand, 0.9) === anyBand.annualPriceMultiplierP90,
      ),
    );
  });

  it("meets the stated percentiles through the formula too, next to 0.1, 0.5 and 0.9", () => {
    expect(closeTo(annualMultiplierQuantile(evidence, nextDouble(0.1)), 0.02, 1e-14)).toBe(true);
    expect(closeTo(annualMultiplierQuantile(evidence, nextDouble(0.5)), 0.057, 1e-14)).toBe(true);
    expect(closeTo(annualMultiplierQuantile(evidence, previousDouble(0.9)), 0.2, 1e-14)).toBe(true);
  });

  it("golden, upper side: q = 0.75 gives 0.057 * exp(z75 / z90 * ln(0.2 / 0.057)) = 0.11035547970118448", () => {
    // z75 = 0.6744897501960817 (NORM.S.INV(0.75)); z75 / z90 = 0.6744897501960817 / 1.2815515655446004 = 0.5263071485613259
    // ln(0.2 / 0.057) = ln 3.5087719298 = 1.2552660987134865; product 0.6606555210995949
    // exp(0.6606555210995949) = 1.9360610473892014; times 0.057 = 0.11035547970118448 (mpmath, 30 digits)
    expect(closeTo(annualMultiplierQuantile(evidence, 0.75), 0.11035547970118448, 1e-14)).toBe(true);
  });

  it("golden, lower side: q = 0.25 gives 0.057 * exp(-z75 / z90 * ln(0.057 / 0.02)) = 0.0328463226283078", () => {
    // ln(0.057 / 0.02) = ln 2.85 = 1.0473189942805592; times -0.5263071485613259 = -0.5512113434...
    // exp(-0.5512113434) = 0.5762512741; times 0.057 = 0.0328463226283078 (mpmath, 30 digits)
    expect(closeTo(annualMultiplierQuantile(evidence, 0.25), 0.0328463226283078, 1e-14)).toBe(true);
  });

  it("is the same m for every probability when the band has no width", () => {
    for (const q of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999999]) {
      expect(annualMultiplierQuantile(band(0.1, 0.1, 0.1), q)).toBe(0.1);
    }
  });

  it("uses each side's own scale: a band with no upper width stays at m_p50 above the median", () => {
    expect(annualMultiplierQuantile(band(0.02, 0.1, 0.1), 0.99)).toBe(0.1);
    expect(annualMultiplierQuantile(band(0.02, 0.1, 0.1), 0.01)).toBeLessThan(0.02);
  });

  it("property: a symmetric band (m_p10 = m_p50 / k, m_p90 = m_p50 * k) is log-normal, exp(ln m_p50 + sigma z_q), sigma = ln k / z90", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
        (median, k, q) => {
          const symmetric = band(median / k, median, median * k);
          const sigma = Math.log(k) / BAND_Z90;
          // the quantile of N(0, 1) by bisection on an independent CDF, not normalQuantile
          const expected = Math.exp(Math.log(median) + sigma * independentNormalQuantile(q));
          return closeTo(annualMultiplierQuantile(symmetric, q), expected, 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: monotone in q and inside [m_p10, m_p90] for q in [0.1, 0.9]", () => {
    fc.assert(
      fc.property(validBand, probability, probability, (anyBand, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const mLow = annualMultiplierQuantile(anyBand, low);
        const mHigh = annualMultiplierQuantile(anyBand, high);
        const inside = (q: number, m: number) =>
          q < 0.1 || q > 0.9 || (m >= anyBand.annualPriceMultiplierP10 * (1 - 1e-14) && m <= anyBand.annualPriceMultiplierP90 * (1 + 1e-14));
        // slack of a few roundings: ln, exp and the seams of the normal quantile each round once
        return mLow <= mHigh * (1 + 1e-14) && inside(low, mLow) && inside(high, mHigh);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a quantile beyond the range of numbers (a band 600 orders of magnitude wide near q = 1)", () => {
    expect(() => annualMultiplierQuantile(band(1e-300, 1, 1e300), 1 - 1e-15)).toThrow(
      outOfRangeWith(/The band "test" is too wide for probability 0\.999999999999999.*beyond the range of numbers/),
    );
    expect(() => annualMultiplierQuantile(band(1e-300, 1, 1e300), 1e-300)).toThrow(outOfRangeWith(/too wide for probability 1e-300/));
  });

  it("stays exact where exp alone would overflow: m_p50 tiny, the quantile large but representable", () => {
    // m_p50 = 1e-300, m_p90 = 1e300, q just below 0.9: the exponent is about ln(1e600) = 1381.55, so
    // exp(1381.55) overflows and 1e-300 * exp(...) would be Infinity, while m_q = exp(-690.78 + 1381.55)
    // = exp(690.77), about 1e300, is a number.
    const wide = band(1e-300, 1e-300, 1e300);
    const q = 0.9 - 1e-6;
    const exponent = (independentNormalQuantile(q) / BAND_Z90) * (Math.log(1e300) - Math.log(1e-300));
    const expected = Math.exp(Math.log(1e-300) + exponent);
    expect(Number.isFinite(expected)).toBe(true);
    expect(closeTo(annualMultiplierQuantile(wide, q), expected, 1e-11)).toBe(true);
  });

  it("checks the band and the probability", () => {
    expect(() => annualMultiplierQuantile(band(0.2, 0.1, 0.5), 0.5)).toThrow(outOfRangeWith(/m_p10 \(0\.2\) must not be above/));
    expect(() => annualMultiplierQuantile(evidence, 1)).toThrow(outOfRangeWith(/probability must be above 0 and below 1/));
    expect(() => annualMultiplierQuantile(evidence, 0)).toThrow(outOfRangeWith(/probability must be above 0 and below 1/));
  });
});

describe("bandScenario", () => {
  it("is the scenario at the quantile, labelled with the percentile", () => {
    expect(bandScenario(evidence, 0.9)).toEqual({ label: "evidence P90", annualPriceMultiplier: 0.2, floorShare: 0.01 });
    expect(bandScenario(evidence, 0.025).label).toBe("evidence P2.5");
  });
});

describe("priceQuantile", () => {
  it("at q = 0.5, 0.1 and 0.9 is PROJECT_PRICE with m_p50, m_p10 and m_p90", () => {
    for (const [q, m] of [[0.5, 0.057], [0.1, 0.02], [0.9, 0.2]] as const) {
      for (const t of [0, 1, 6, 12, 24, 36, 120]) {
        expect(priceQuantile(37.5, t, q, evidence)).toBe(projectPrice(37.5, t, { label: "m", annualPriceMultiplier: m, floorShare: 0.01 }));
      }
    }
  });

  it("golden: $10 a year ahead at P10, P50, P90 is 10 * (0.01 + 0.99 m): $0.298, $0.6643, $2.08", () => {
    expect(priceQuantile(10, 12, 0.1, evidence)).toBeCloseTo(0.298, 14); //  0.01 + 0.99 * 0.02  = 0.0298
    expect(priceQuantile(10, 12, 0.5, evidence)).toBeCloseTo(0.6643, 14); // 0.01 + 0.99 * 0.057 = 0.06643
    expect(priceQuantile(10, 12, 0.9, evidence)).toBeCloseTo(2.08, 14); //   0.01 + 0.99 * 0.2   = 0.208
  });

  it("golden: $37.5 two years ahead at q = 0.75 is 37.5 * (0.01 + 0.99 * 0.11035547970118448^2) = $0.8271205717904158", () => {
    // 0.11035547970118448^2 = 0.01217833191; * 0.99 = 0.01205654859; + 0.01 = 0.02205654859; * 37.5 = 0.82712057179
    expect(closeTo(priceQuantile(37.5, 24, 0.75, evidence), 0.8271205717904158, 1e-13)).toBe(true);
  });

  it("is today's price at every q when t = 0 or f = 1: the price does not depend on m there", () => {
    for (const q of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      expect(closeTo(priceQuantile(37.5, 0, q, evidence), 37.5, 1e-15)).toBe(true);
      expect(priceQuantile(37.5, 24, q, { ...evidence, floorShare: 1 })).toBe(37.5);
    }
  });

  it("property: monotone in q, between P10 and P90 for q in [0.1, 0.9], and never below the floor", () => {
    fc.assert(
      fc.property(price, months, validBand, probability, probability, (p0, t, anyBand, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = priceQuantile(p0, t, low, anyBand);
        const atHigh = priceQuantile(p0, t, high, anyBand);
        const p10 = priceQuantile(p0, t, 0.1, anyBand);
        const p90 = priceQuantile(p0, t, 0.9, anyBand);
        const slack = 1e-12 * Math.max(atHigh, 1e-300);
        const inBand = low < 0.1 || high > 0.9 || (atLow >= p10 - slack && atHigh <= p90 + slack);
        return atLow <= atHigh + slack && inBand && atLow >= p0 * anyBand.floorShare * (1 - 1e-15);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: it is the exact quantile, P(price <= priceQuantile(q)) = q, checked by inverting the price for m", () => {
    // For t > 0 and f < 1, price <= x exactly when m <= ((x/P0 - f) / (1 - f))^(12/t); the band's
    // CDF at that m must be q. The CDF of the split normal: Phi(z90 * (ln m - ln m_p50) / spread).
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (p0, t, q) => {
          const x = priceQuantile(p0, t, q, evidence);
          const m = Math.pow((x / p0 - 0.01) / 0.99, 12 / t);
          const lnRatio = Math.log(m) - Math.log(0.057);
          const spread = lnRatio < 0 ? Math.log(0.057 / 0.02) : Math.log(0.2 / 0.057);
          const z = (BAND_Z90 * lnRatio) / spread;
          return Math.abs(z - independentNormalQuantile(q)) <= 1e-7;
        },
      ),
      { numRuns: 500 },
    );
  });

  it("fuzz: never NaN or Infinity for valid inputs", () => {
    fc.assert(
      fc.property(price, fc.double({ min: 0, max: 1200, noNaN: true }), validBand, fc.double({ min: 5e-324, max: 1, noNaN: true, maxExcluded: true }), (p0, t, anyBand, q) => {
        try {
          return Number.isFinite(priceQuantile(p0, t, q, anyBand));
        } catch (error) {
          // only a result too large for a number (m up to 10 over 100 years) may be refused
          return error instanceof DomainError && error.code === "outOfRange" && /beyond the/.test(error.message);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("fuzz: any numbers at all give a finite price or a DomainError, never NaN and never another exception", () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, 0.1, 0.5, 0.9, 1, -1, 12, 1200));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (p0, t, q, p10, p50, p90, f) => {
        try {
          return Number.isFinite(priceQuantile(p0, t, q, band(p10, p50, p90, f)));
        } catch (error) {
          return error instanceof DomainError && error.code === "outOfRange";
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("reports a result too large for a number instead of returning Infinity", () => {
    // m_p90 = 1e10 over 100 years: 1e10^100 = 1e1000, beyond 1.8e308
    expect(() => priceQuantile(10, 1200, 0.9, band(0.1, 1, 1e10))).toThrow(
      outOfRangeWith(/The projected price at test P90 \(m = 10000000000\) is beyond the largest number a cell can hold/),
    );
  });

  it.each<[number, number, number, RegExp]>([
    [-1, 12, 0.5, /price must be 0 or more; got -1/],
    [10, -1, 0.5, /months_ahead must be from 0 to 1200 months; got -1/],
    [10, 1201, 0.5, /months_ahead must be from 0 to 1200 months; got 1201/],
    [10, 12, 1, /probability must be above 0 and below 1/],
    [10, 12, 0, /probability must be above 0 and below 1/],
    [10, 12, Number.NaN, /probability must be above 0 and below 1/],
  ])("rejects price %p, months %p, probability %p", (p0, t, q, message) => {
    expect(() => priceQuantile(p0, t, q, evidence)).toThrow(outOfRangeWith(message));
  });
});

describe("costQuantile", () => {
  it("golden: $1000 a year ahead at P10 with volume tripling is 1000 * (0.01 + 0.99 * 0.02) * 3 = $89.4", () => {
    expect(costQuantile(1000, 12, 0.1, evidence, 3)).toBeCloseTo(89.4, 11);
  });

  it("golden: $1000 three years ahead at q = 0.25, volume doubling yearly: 1000 * (0.01 + 0.99 * 0.0328463226283078^3) * 8 = $80.28066318199605", () => {
    // 0.0328463226283078^3 = 3.54373e-5; * 0.99 = 3.50829e-5; + 0.01 = 0.0100350829; * 1000 * 2^3 = 80.2806632 (mpmath)
    expect(closeTo(costQuantile(1000, 36, 0.25, evidence, 2), 80.28066318199605, 1e-13)).toBe(true);
  });

  it("is PROJECT_COST with the band's scenario at q, for every q, t and volume growth", () => {
    fc.assert(
      fc.property(price, months, validBand, probability, fc.double({ min: 0.1, max: 10, noNaN: true }), (cost, t, anyBand, q, v) =>
        Object.is(costQuantile(cost, t, q, anyBand, v), projectCost(cost, t, bandScenario(anyBand, q), v)),
      ),
      { numRuns: 500 },
    );
  });

  it.each<[number, number, number, number, RegExp]>([
    [-5, 12, 0.5, 1, /cost_today must be 0 or more; got -5/],
    [100, 12, 0.5, 0, /annual_volume_multiplier must be above 0/],
    [100, 12, 1.5, 1, /probability must be above 0 and below 1/],
    [100, 2000, 0.5, 1, /months_ahead must be from 0 to 1200/],
  ])("rejects cost %p, months %p, probability %p, volume %p", (cost, t, q, v, message) => {
    expect(() => costQuantile(cost, t, q, evidence, v)).toThrow(outOfRangeWith(message));
  });
});

describe("priceBandCurve", () => {
  it("spills months + 1 rows of P10, P50, P90; month 12 of $10 is [0.298, 0.6643, 2.08]", () => {
    const curve = priceBandCurve(10, 36, evidence);
    expect(curve).toHaveLength(37);
    expect(curve[0].map((p) => closeTo(p, 10, 1e-15))).toEqual([true, true, true]);
    expect(curve[12][0]).toBeCloseTo(0.298, 14);
    expect(curve[12][1]).toBeCloseTo(0.6643, 14);
    expect(curve[12][2]).toBeCloseTo(2.08, 14);
    // month 24: 10 * (0.01 + 0.99 * m^2): 0.02^2 = 0.0004, 0.057^2 = 0.003249, 0.2^2 = 0.04
    expect(curve[24][0]).toBeCloseTo(10 * (0.01 + 0.99 * 0.0004), 14); //   0.10396
    expect(curve[24][1]).toBeCloseTo(10 * (0.01 + 0.99 * 0.003249), 14); // 0.13216510
    expect(curve[24][2]).toBeCloseTo(10 * (0.01 + 0.99 * 0.04), 14); //     0.496
  });

  it("is the price curves of m_p10, m_p50 and m_p90 side by side, and agrees with priceQuantile month by month", () => {
    const curve = priceBandCurve(37.5, 48, evidence);
    const columns = [0.02, 0.057, 0.2].map((m) => priceCurve(37.5, 48, { label: "m", annualPriceMultiplier: m, floorShare: 0.01 }));
    curve.forEach((row, month) => {
      expect(row).toEqual([columns[0][month], columns[1][month], columns[2][month]]);
      expect(row).toEqual([0.1, 0.5, 0.9].map((q) => priceQuantile(37.5, month, q, evidence)));
      expect(row[0] <= row[1] && row[1] <= row[2]).toBe(true);
    });
  });

  it("a band with no width gives three equal columns", () => {
    for (const [p10, p50, p90] of priceBandCurve(5, 12, band(0.1, 0.1, 0.1))) {
      expect(p10 === p50 && p50 === p90).toBe(true);
    }
  });

  it.each<[number, number, Band, RegExp]>([
    [10, 2.5, evidence, /months must be a whole number of months; got 2\.5/],
    [10, -1, evidence, /months must be from 0 to 1200 months; got -1/],
    [-1, 12, evidence, /price must be 0 or more; got -1/],
    [10, 12, band(0.1, 0.05, 0.2), /m_p10 \(0\.1\) must not be above its m_p50 \(0\.05\)/],
    [10, 1200, band(0.1, 1, 1e10), /beyond the largest number a cell can hold/],
  ])("rejects price %p, months %p", (p0, t, anyBand, message) => {
    expect(() => priceBandCurve(p0, t, anyBand)).toThrow(outOfRangeWith(message));
  });
});
