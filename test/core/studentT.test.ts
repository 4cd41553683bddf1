import fc from "fast-check";
import { studentTDistribution, studentTQuantile } from "../../src/core";

/* Reference quantiles from SciPy 1.17 (scipy.stats.t.ppf), an independent implementation; the ones
 * for 0.95 with 4 and 10 degrees of freedom were also checked in LibreOffice Calc 7.4 (T.INV). */
const referenceQuantiles: [number, number, number][] = [
  [0.95, 1, 6.313751514675037],
  [0.95, 2, 2.9199855803537242],
  [0.95, 3, 2.3533634348018233],
  [0.95, 4, 2.1318467863266495],
  [0.95, 5, 2.0150483733330233],
  [0.95, 10, 1.8124611228116756],
  [0.975, 10, 2.228138851986274],
  [0.95, 30, 1.697260886593957],
  [0.995, 5, 4.032142983555228],
  [0.99, 20, 2.527977002741573],
  [0.95, 100, 1.6602343260853392],
  [0.95, 1000, 1.6463788172854643],
  [0.9, 7, 1.4149239276505086],
  [0.6, 3, 0.2766706623326898],
  [0.999, 2, 22.327124770119866],
  [0.9999, 9, 6.010132129081531],
];

describe("studentTQuantile", () => {
  it.each(referenceQuantiles)("t(%p, %p) = %p", (probability, degreesOfFreedom, expected) => {
    expect(studentTQuantile(probability, degreesOfFreedom)).toBeCloseTo(expected, 12);
    expect(Math.abs(studentTQuantile(probability, degreesOfFreedom) / expected - 1)).toBeLessThan(1e-13);
  });

  it("has closed forms at 1 and 2 degrees of freedom: tan(π(p − ½)) and (2p − 1) / √(2p(1 − p))", () => {
    // t(0.975, 1) = tan(0.475π) = 12.7062047361747; t(0.9, 2) = 0.8 / √0.18 = 1.8856180831641267
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174696, 11);
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(0.8 / Math.sqrt(0.18), 14);
  });

  it("is 0 at ½ and antisymmetric", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.05, 10)).toBeCloseTo(-1.8124611228116756, 12);
  });

  it.each([
    // SciPy, for the Cornish-Fisher expansion's range (3000 degrees of freedom on), nearing the normal quantile 1.6448536269514715
    [0.95, 3000, 1.6453617078374076],
    [0.995, 3000, 2.5774691348386076],
    [0.95, 100_000, 1.6448688647849696],
    [0.9999, 100_000, 3.7191543826413724],
    [0.95, 999_999, 1.6448551507235638],
  ])("t(%p, %p) = %p from the expansion", (probability, degreesOfFreedom, expected) => {
    expect(Math.abs(studentTQuantile(probability, degreesOfFreedom) / expected - 1)).toBeLessThan(1e-14);
  });

  it("joins the sum and the expansion smoothly at 3000 degrees of freedom", () => {
    // 2999 comes from the sum, 3000 from the expansion; SciPy: t(0.95, 2999) = 1.645361877306835
    expect(Math.abs(studentTQuantile(0.95, 2999) / 1.645361877306835 - 1)).toBeLessThan(1e-12);
    expect(studentTQuantile(0.95, 2999)).toBeGreaterThan(studentTQuantile(0.95, 3000));
  });

  it("property: the distribution function undoes the quantile", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 200 }), (probability, degreesOfFreedom) => {
        return Math.abs(studentTDistribution(studentTQuantile(probability, degreesOfFreedom), degreesOfFreedom) - probability) < 1e-12;
      }),
    );
  });

  it.each([
    [0, 5],
    [1, 5],
    [1.2, 5],
    [Number.NaN, 5],
    [0.95, 0],
    [0.95, 2.5],
    [0.95, -1],
    [0.95, 1e8],
  ])("refuses probability %p with %p degrees of freedom as out of range", (probability, degreesOfFreedom) => {
    expect(() => studentTQuantile(probability, degreesOfFreedom)).toThrow(expect.objectContaining({ code: "outOfRange" }));
  });
});

describe("studentTDistribution", () => {
  it("gives known values: P(T ≤ 0) = ½, P(T ≤ 1) = ¾ at 1 degree (Cauchy), ±∞ at the ends", () => {
    expect(studentTDistribution(0, 3)).toBe(0.5);
    expect(studentTDistribution(1, 1)).toBeCloseTo(0.75, 15);
    expect(studentTDistribution(Infinity, 4)).toBe(1);
    expect(studentTDistribution(-Infinity, 4)).toBe(0);
    expect(studentTDistribution(-2.1318467863266495, 4)).toBeCloseTo(0.05, 14);
  });

  it("refuses NaN", () => {
    expect(() => studentTDistribution(Number.NaN, 3)).toThrow(expect.objectContaining({ code: "outOfRange" }));
  });
});
