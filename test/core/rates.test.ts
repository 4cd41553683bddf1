import fc from "fast-check";
import { annualMultiplier, projectPrice } from "../../src/core";
import { closeTo } from "./presets";

/** Excel's RRI(nper, pv, fv) = (fv / pv)^(1 / nper) - 1, the equivalent rate per period. */
function excelRri(periods: number, presentValue: number, futureValue: number): number {
  return Math.pow(futureValue / presentValue, 1 / periods) - 1;
}

describe("annualMultiplier", () => {
  it("37.5 -> 0.25 over 21 months is (0.25 / 37.5)^(12/21) = (1/150)^(4/7) = 0.0570846418, 17.5x cheaper per year", () => {
    // ln 150 = 5.0106352941, * 4/7 = 2.8632201681, e^-2.8632201681 = 0.0570846418
    const multiplier = annualMultiplier(37.5, 0.25, 21);
    expect(multiplier).toBeCloseTo(0.0570846418, 9);
    expect(1 / multiplier).toBeCloseTo(17.5178466, 6);
  });

  it("agrees with Excel's RRI: m = (1 + RRI(21, 37.5, 0.25))^12, RRI = -0.2122714126", () => {
    const rri = excelRri(21, 37.5, 0.25);
    expect(rri).toBeCloseTo(-0.2122714126, 9);
    expect(annualMultiplier(37.5, 0.25, 21)).toBeCloseTo(Math.pow(1 + rri, 12), 14);
  });

  it("a16z's GPT-3 level, $60 -> $0.06 in 36 months: (0.001)^(1/3) = 0.1, ten times cheaper per year", () => {
    expect(annualMultiplier(60, 0.06, 36)).toBeCloseTo(0.1, 12);
  });

  it("a price that doubles in six months has m = 2^2 = 4", () => {
    expect(annualMultiplier(1, 2, 6)).toBeCloseTo(4, 12);
  });

  it.each([
    [0, 1, 12, /start_price must be above 0; got 0/],
    [-1, 1, 12, /start_price must be above 0; got -1/],
    [1, 0, 12, /end_price must be above 0; got 0/],
    [1, 1, 0, /months must be above 0; got 0/],
    [1, 1, -3, /months must be above 0; got -3/],
    [1, 1, Number.NaN, /months must be above 0/],
  ])("rejects start %p, end %p, months %p as out of range", (start, end, months, message) => {
    expect(() => annualMultiplier(start, end, months)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it("property: the RRI identity m = (1 + RRI)^12 holds for any two prices and span", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 240, noNaN: true }),
        (start, end, months) => closeTo(annualMultiplier(start, end, months), Math.pow(1 + excelRri(months, start, end), 12), 1e-9),
      ),
    );
  });

  it("property: projecting the start price with the implied m and no floor gives the end price", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 120, noNaN: true }),
        (start, end, months) => {
          const scenario = { label: "implied", annualPriceMultiplier: annualMultiplier(start, end, months), floorShare: 0 };
          return closeTo(projectPrice(start, months, scenario), end, 1e-9);
        },
      ),
    );
  });
});
