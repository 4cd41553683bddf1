import fc from "fast-check";
import { normalQuantile } from "../../src/core";
import { independentNormalCdf, independentNormalQuantile, lnLowerTailCdf } from "./independentNormal";
import { nextDouble, previousDouble } from "./doubles";
import { closeTo } from "./presets";

describe("normalQuantile: Wichura's AS 241", () => {
  it.each<[number, number]>([
    // Excel's NORM.S.INV as the issue quotes it (the quantiles of the decimals 0.9 and 0.975).
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.1, -1.2815515655446004],
  ])("matches NORM.S.INV(%p) = %p to 1e-15 relative", (probability, expected) => {
    expect(closeTo(normalQuantile(probability), expected, 1e-15)).toBe(true);
  });

  // The exact quantile of each double, from mpmath at 60 digits, independent of this code:
  //   python3 -c "import mpmath as mp; mp.mp.dps=60; p=mp.mpf(1e-10);
  //     print(mp.findroot(lambda x: mp.log(mp.ncdf(x)) - mp.log(p), -6))"
  // (for p > 0.5: minus the root for 1 - p, which is exact in mpmath).
  it.each<[number, number]>([
    [1e-300, -37.047096299361199237],
    [1e-100, -21.273453560965324294],
    [1e-20, -9.2623400897984075796],
    [1e-10, -6.3613409024040561991],
    [1e-5, -4.2648907939228246102],
    [0.001, -3.0902323061678135354],
    [0.01, -2.3263478740408410931],
    [0.05, -1.644853626951472688],
    [0.2, -0.84162123357291416552],
    [0.3, -0.52440051270804081597],
    [0.4, -0.25334710313579974132],
    [0.6, 0.25334710313579974132],
    [0.75, 0.6744897501960817432],
    [0.95, 1.6448536269514722843],
    [0.99, 2.3263478740408407676],
    [0.999, 3.0902323061678132778],
    [1 - 1e-10, 6.3613408896974218642],
  ])("normalQuantile(%p) is %p to 1e-15 relative (mpmath)", (probability, expected) => {
    expect(closeTo(normalQuantile(probability), expected, 1e-15)).toBe(true);
  });

  it("is exactly 0 at the median and finite at the smallest and largest probabilities", () => {
    expect(normalQuantile(0.5)).toBe(0);
    // 5e-324 is the smallest double above 0, 1 - 2^-53 the largest below 1 (mpmath as above)
    expect(closeTo(normalQuantile(5e-324), -38.467405617144346251, 1e-15)).toBe(true);
    expect(closeTo(normalQuantile(1 - 2 ** -53), 8.2095361516013868556, 1e-15)).toBe(true);
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN, Infinity, -Infinity])("rejects probability %p as out of range", (probability) => {
    expect(() => normalQuantile(probability)).toThrow(
      expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/probability must be above 0 and below 1/) }),
    );
  });

  it("property: agrees with an independent bisection on the CDF to 1e-14", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }), (probability) => {
        const z = normalQuantile(probability);
        const reference = independentNormalQuantile(probability);
        return Math.abs(z - reference) <= 1e-14 * Math.max(1, Math.abs(reference));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: the independent CDF of the quantile gives the probability back (lower tail in logs)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (probability) => {
        const z = normalQuantile(probability);
        // An error dz in z changes ln CDF by about |z| dz (the tail's slope): allow z's 1e-15 relative.
        return Math.abs(lnLowerTailCdf(z) - Math.log(probability)) <= 1e-13 + 4e-15 * z * z;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), (probability) =>
        closeTo(independentNormalCdf(normalQuantile(probability)), probability, 1e-13),
      ),
      { numRuns: 500 },
    );
  });

  it("property: symmetric, z(1 - p) = -z(p), exactly in the tails and to 1e-15 relative in the centre", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), (upper) => {
        const lower = 1 - upper; // exact for upper in [0.5, 1] (Sterbenz), so the pair is truly symmetric
        const sum = normalQuantile(upper) + normalQuantile(lower);
        return Math.abs(sum) <= 1e-15 * Math.abs(normalQuantile(upper));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: monotone, p1 < p2 gives z(p1) <= z(p2), up to one rounding where the approximations meet", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }),
        fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const zLow = normalQuantile(low);
          const zHigh = normalQuantile(high);
          return zLow <= zHigh + 4e-16 * Math.abs(zHigh);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("is monotone across each seam of the three approximations, double by double", () => {
    // |p - 1/2| = 0.425 joins the centre to the near tail; r = 5 (p = e^-25) the near to the far tail.
    for (const seam of [0.075, 0.925, Math.exp(-25), 1 - Math.exp(-25)]) {
      let probability = seam;
      for (let step = 0; step < 64; step++) probability = previousDouble(probability);
      let previous = normalQuantile(probability);
      for (let step = 0; step < 128; step++) {
        probability = nextDouble(probability);
        const z = normalQuantile(probability);
        // measured: a step back of at most 1.6e-16 relative, one rounding
        expect(z).toBeGreaterThanOrEqual(previous - 4e-16 * Math.abs(previous));
        previous = z;
      }
    }
  });
});
