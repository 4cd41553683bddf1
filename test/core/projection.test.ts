import fc from "fast-check";
import {
  checkMonthsAhead,
  MAX_MONTHS_AHEAD,
  monthsToPrice,
  priceCurve,
  priceFactor,
  projectCost,
  projectPrice,
  type Scenario,
} from "../../src/core";
import { anyScenario, decliningScenario, monthsAhead, price } from "./arbitraries";
import { aggressive, baseline, closeTo, pessimistic } from "./presets";

describe("priceFactor: golden values from DOMAIN.md, f + (1 - f) * m^(t/12)", () => {
  it.each<[string, Scenario, number, number]>([
    // baseline m = 0.1, f = 0.01
    ["baseline", baseline, 12, 0.109], //   0.01 + 0.99 * 0.1      = 0.01 + 0.099     = 0.109
    ["baseline", baseline, 24, 0.0199], //  0.01 + 0.99 * 0.01     = 0.01 + 0.0099    = 0.0199
    ["baseline", baseline, 36, 0.01099], // 0.01 + 0.99 * 0.001    = 0.01 + 0.00099   = 0.01099
    // aggressive m = 0.025, f = 0.001
    ["aggressive", aggressive, 12, 0.025975], //     0.001 + 0.999 * 0.025       = 0.001 + 0.024975       = 0.025975
    ["aggressive", aggressive, 24, 0.001624375], //  0.001 + 0.999 * 0.000625    = 0.001 + 0.000624375    = 0.001624375
    ["aggressive", aggressive, 36, 0.001015609375], // 0.001 + 0.999 * 0.000015625 = 0.001 + 0.000015609375 = 0.001015609375
    // pessimistic m = 0.5, f = 0.25
    ["pessimistic", pessimistic, 12, 0.625], //   0.25 + 0.75 * 0.5   = 0.625
    ["pessimistic", pessimistic, 24, 0.4375], //  0.25 + 0.75 * 0.25  = 0.4375
    ["pessimistic", pessimistic, 36, 0.34375], // 0.25 + 0.75 * 0.125 = 0.34375
    // a fraction of a year: 0.1^(6/12) = sqrt(0.1) = 0.316227766..., 0.01 + 0.99 * 0.316227766 = 0.3230654884
    ["baseline", baseline, 6, 0.3230654883566696],
    ["baseline", baseline, 0, 1], // 0.01 + 0.99 * 1
  ])("%s after %d months is %d of today's price", (_name, scenario, months, expected) => {
    expect(closeTo(priceFactor(scenario, months), expected, 1e-12)).toBe(true);
  });

  it("stays exactly flat with a floor of 100%, even where m^(t/12) overflows", () => {
    // 1e300^(1200/12) is Infinity; (1 - 1) * Infinity would be NaN without the guard.
    expect(priceFactor({ label: "flat", annualPriceMultiplier: 1e300, floorShare: 1 }, 1200)).toBe(1);
  });
});

describe("projectPrice", () => {
  it("projects $10 a year ahead under baseline to 10 * 0.109 = $1.09", () => {
    expect(projectPrice(10, 12, baseline)).toBeCloseTo(1.09, 12);
  });

  it("projects GPT-4's blended $37.5 three years ahead under aggressive to 37.5 * 0.001015609375 = $0.0380853515625", () => {
    expect(projectPrice(37.5, 36, aggressive)).toBeCloseTo(0.0380853515625, 14);
  });

  it("accepts 0 as a price and 1200 months as the maximum", () => {
    expect(projectPrice(0, 12, baseline)).toBe(0);
    // 0.1^100 = 1e-100, so the factor is 0.01 + 0.99e-100 = 0.01 to double precision
    expect(projectPrice(5, MAX_MONTHS_AHEAD, baseline)).toBeCloseTo(0.05, 14);
  });

  it.each([
    [-1, 12, /price must be 0 or more; got -1/],
    [10, -1, /months_ahead must be from 0 to 1200 months; got -1/],
    [10, 1200.5, /months_ahead must be from 0 to 1200 months; got 1200.5/],
    [10, Number.NaN, /months_ahead must be from 0 to 1200/],
    [Number.NaN, 12, /price must be 0 or more/],
  ])("rejects price %p, months %p as out of range", (priceToday, months, message) => {
    expect(() => projectPrice(priceToday, months, baseline)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("property: 0 months is the identity", () => {
    fc.assert(fc.property(price, anyScenario, (priceToday, scenario) => projectPrice(priceToday, 0, scenario) === priceToday));
  });

  it("property: with m <= 1 the price never rises (monotone non-increasing in t) and never exceeds today's", () => {
    fc.assert(
      fc.property(price, decliningScenario, monthsAhead, monthsAhead, (priceToday, scenario, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const earlierPrice = projectPrice(priceToday, earlier, scenario);
        const laterPrice = projectPrice(priceToday, later, scenario);
        // one ulp-scale slack: f + (1-f)*x can round either way when the terms differ hugely
        return laterPrice <= earlierPrice * (1 + 1e-15) && earlierPrice <= priceToday * (1 + 1e-15);
      }),
    );
  });

  it("property: the price never goes below the floor f * P0", () => {
    fc.assert(
      fc.property(price, anyScenario, monthsAhead, (priceToday, scenario, months) =>
        projectPrice(priceToday, months, scenario) >= priceToday * scenario.floorShare * (1 - 1e-15),
      ),
    );
  });

  it("property: with f = 0, projecting a then b months equals projecting a + b", () => {
    fc.assert(
      fc.property(
        price,
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (priceToday, multiplier, a, b) => {
          const scenario = { label: "no floor", annualPriceMultiplier: multiplier, floorShare: 0 };
          const stepwise = projectPrice(projectPrice(priceToday, a, scenario), b, scenario);
          const direct = projectPrice(priceToday, a + b, scenario);
          // both may underflow to 0 together far out; otherwise agree to a relative 1e-9
          return (stepwise === 0 && direct === 0) || closeTo(stepwise, direct, 1e-9);
        },
      ),
    );
  });

  it("property: is proportional to today's price", () => {
    fc.assert(
      fc.property(price, fc.double({ min: 0.001, max: 1000, noNaN: true }), anyScenario, monthsAhead, (priceToday, k, scenario, months) =>
        closeTo(projectPrice(k * priceToday, months, scenario), k * projectPrice(priceToday, months, scenario), 1e-12),
      ),
    );
  });
});

describe("projectCost", () => {
  it("multiplies today's cost by the price factor and v^(t/12): 1000 * 0.109 * 3 = 327", () => {
    expect(projectCost(1000, 12, baseline, 3)).toBeCloseTo(327, 10);
  });

  it("two years of pessimistic prices with volume doubling yearly: 200 * 0.4375 * 2^2 = 350", () => {
    expect(projectCost(200, 24, pessimistic, 2)).toBeCloseTo(350, 10);
  });

  it("half a year of flat volume under baseline: 100 * (0.01 + 0.99 * sqrt(0.1)) = 32.30654883566696", () => {
    expect(projectCost(100, 6, baseline, 1)).toBeCloseTo(32.30654883566696, 10);
  });

  it.each([
    [-5, 12, 1, /cost_today must be 0 or more; got -5/],
    [5, -12, 1, /months_ahead must be from 0 to 1200/],
    [5, 12, 0, /annual_volume_multiplier must be above 0.*got 0/],
    [5, 12, -2, /annual_volume_multiplier must be above 0.*got -2/],
  ])("rejects cost %p, months %p, volume multiplier %p", (cost, months, volume, message) => {
    expect(() => projectCost(cost, months, baseline, volume)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("property: with v = 1 it equals projectPrice of the cost", () => {
    fc.assert(
      fc.property(price, anyScenario, monthsAhead, (cost, scenario, months) =>
        projectCost(cost, months, scenario, 1) === projectPrice(cost, months, scenario),
      ),
    );
  });
});

describe("priceCurve", () => {
  it("lists months 0..2 under pessimistic: 8, 8 * (0.25 + 0.75 * 0.5^(1/12)), 8 * (0.25 + 0.75 * 0.5^(2/12))", () => {
    // 0.5^(1/12) = 0.9438743127, 0.25 + 0.75 * 0.9438743127 = 0.9579057345, * 8 = 7.663245876
    // 0.5^(2/12) = 0.8908987181, 0.25 + 0.75 * 0.8908987181 = 0.9181740386, * 8 = 7.345392309
    const curve = priceCurve(8, 2, pessimistic);
    expect(curve).toHaveLength(3);
    expect(curve[0]).toBe(8);
    expect(curve[1]).toBeCloseTo(7.663245876, 8);
    expect(curve[2]).toBeCloseTo(7.345392309, 8);
  });

  it("has months + 1 points from 0 to the maximum", () => {
    expect(priceCurve(1, 0, baseline)).toEqual([1]);
    expect(priceCurve(1, MAX_MONTHS_AHEAD, baseline)).toHaveLength(1201);
  });

  it.each([
    [2.5, /months must be a whole number of months; got 2.5/],
    [1201, /months must be from 0 to 1200 months; got 1201/],
    [-1, /months must be from 0 to 1200 months/],
  ])("rejects months = %p", (months, message) => {
    expect(() => priceCurve(1, months, baseline)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("rejects a negative price", () => {
    expect(() => priceCurve(-1, 3, baseline)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/price must be 0 or more/) }));
  });

  it("property: element t equals projectPrice(price, t)", () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 60 }), anyScenario, (priceToday, months, scenario) => {
        const curve = priceCurve(priceToday, months, scenario);
        return curve.length === months + 1 && curve.every((point, t) => point === projectPrice(priceToday, t, scenario));
      }),
    );
  });
});

describe("monthsToPrice", () => {
  it("baseline reaches 1.09 from 10 after 12 months (10 * 0.109 = 1.09)", () => {
    expect(monthsToPrice(10, 1.09, baseline)).toBeCloseTo(12, 9);
  });

  it("pessimistic reaches 62.5 from 100 after 12 months and 43.75 after 24", () => {
    expect(monthsToPrice(100, 62.5, pessimistic)).toBeCloseTo(12, 9);
    expect(monthsToPrice(100, 43.75, pessimistic)).toBeCloseTo(24, 9);
  });

  it("halving with m = 0.25 and no floor takes 12 * ln(0.5) / ln(0.25) = 6 months", () => {
    expect(monthsToPrice(1, 0.5, { label: "x", annualPriceMultiplier: 0.25, floorShare: 0 })).toBeCloseTo(6, 12);
  });

  it("aggressive halves a price in 12 * ln((0.5 - 0.001) / 0.999) / ln(0.025) = 2.2580798040106247 months", () => {
    expect(monthsToPrice(2, 1, aggressive)).toBeCloseTo(2.2580798040106247, 10);
  });

  it("is 0 when the price is already at or below the target", () => {
    expect(monthsToPrice(5, 5, baseline)).toBe(0);
    expect(monthsToPrice(5, 7, baseline)).toBe(0);
    expect(monthsToPrice(0, 0, baseline)).toBe(0);
  });

  it("finds no month when the target is at the floor (baseline: 10 -> 0.1 is exactly 1%)", () => {
    expect(() => monthsToPrice(10, 0.1, baseline)).toThrow(
      expect.objectContaining({ code: "notFound", message: expect.stringMatching(/stops at a floor of 1% of today's price, and the target is 1%/) }),
    );
  });

  it("finds no month when the target is below the floor", () => {
    expect(() => monthsToPrice(100, 10, pessimistic)).toThrow(
      expect.objectContaining({ code: "notFound", message: expect.stringMatching(/"pessimistic" stops at a floor of 25%.*target is 10%/) }),
    );
  });

  it("finds no month when prices do not fall (m >= 1)", () => {
    expect(() => monthsToPrice(10, 5, { label: "rising", annualPriceMultiplier: 1.2, floorShare: 0 })).toThrow(
      expect.objectContaining({ code: "notFound", message: expect.stringMatching(/"rising" has an annual multiplier of 1.2, so prices do not fall/) }),
    );
    expect(() => monthsToPrice(10, 5, { label: "flat", annualPriceMultiplier: 1, floorShare: 0 })).toThrow(expect.objectContaining({ code: "notFound" }));
  });

  it.each([
    [-1, 1, /price must be 0 or more/],
    [1, -1, /target_price must be 0 or more/],
  ])("rejects price %p, target %p as out of range", (priceToday, target, message) => {
    expect(() => monthsToPrice(priceToday, target, baseline)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("property: inverts projectPrice (within a relative 1e-6)", () => {
    fc.assert(
      fc.property(
        price,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 600, noNaN: true }),
        (priceToday, multiplier, floorShare, months) => {
          const scenario = { label: "x", annualPriceMultiplier: multiplier, floorShare };
          const target = projectPrice(priceToday, months, scenario);
          // skip where the curve is numerically flat at t: the inverse is then ill-conditioned
          fc.pre(target < priceToday * (1 - 1e-6) && target > priceToday * floorShare * (1 + 1e-6));
          const found = monthsToPrice(priceToday, target, scenario);
          return closeTo(projectPrice(priceToday, found, scenario), target, 1e-6);
        },
      ),
    );
  });
});

describe("checkMonthsAhead", () => {
  it("returns months in range and names the parameter in its message", () => {
    expect(checkMonthsAhead(0)).toBe(0);
    expect(checkMonthsAhead(1200)).toBe(1200);
    expect(() => checkMonthsAhead(1201, "start_month")).toThrow(/start_month must be from 0 to 1200 months/);
  });
});
