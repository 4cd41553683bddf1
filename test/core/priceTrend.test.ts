import fc from "fast-check";
import {
  bundledPriceSeries,
  datedPricesFromCells,
  DAYS_PER_YEAR,
  fitPriceTrend,
  fitStatisticValue,
  FIT_STATISTICS,
  parseFitStatistic,
  seriesDatedPrices,
  type CellValue,
  type DatedPrice,
} from "../../src/core";
import { excelSerialOfIsoDate } from "../../src/core/excelDate";

const serial = (iso: string) => excelSerialOfIsoDate(iso) as number;
const point = (dateSerial: number, usdPerMillionTokens: number): DatedPrice => ({ dateSerial, usdPerMillionTokens });

/* The GPT-4-level series (data/series.json) with its dates as serials: 2023-03-14 = 44999, ... */
const gpt4Level: DatedPrice[] = [
  point(44999, 37.5),
  point(45236, 15),
  point(45348, 6),
  point(45355, 0.5),
  point(45422, 0.13),
  point(45639, 0.1225),
];

describe("fitPriceTrend: published figures", () => {
  it("the brief's $37.5 -> $0.25 in 21 months fits m = 0.0571, 17.5x cheaper per year", () => {
    // 21 months of 365.25 / 12 days = 639.1875 days; m = (0.25 / 37.5)^(365.25 / 639.1875) = (1/150)^(12/21)
    // = e^(−5.0106352941 × 4/7) = e^(−2.8632201681) = 0.0570846418; 1/m = 17.5178466
    const fit = fitPriceTrend([point(0, 37.5), point(639.1875, 0.25)]);
    expect(fit.annualPriceMultiplier).toBeCloseTo(0.0570846418383506, 12); // LibreOffice: EXP(365.25*SLOPE(LN({37.5;0.25});{0;639.1875}))
    expect(fit.timesCheaperPerYear).toBeCloseTo(17.517846618565986, 9);
    expect(fit.n).toBe(2);
    expect(fit.r2).toBe(1);
  });

  it("on calendar dates 21 months apart, 2023-03-14 to 2024-12-14 (641 days), m = (1/150)^(365.25/641) = 0.05755", () => {
    // 641 days: 2023-03-14 to 2024-03-14 is 366 (with 2024-02-29), to 2024-12-14 another 275
    const fit = fitPriceTrend([point(serial("2023-03-14"), 37.5), point(serial("2024-12-14"), 0.25)]);
    expect(serial("2024-12-14") - serial("2023-03-14")).toBe(641);
    expect(fit.annualPriceMultiplier).toBeCloseTo(0.057548679508966444, 12);
    expect(fit.timesCheaperPerYear).toBeCloseTo(17.376593321210677, 9);
  });

  it("two points have no confidence bounds: low and high are not found", () => {
    const fit = fitPriceTrend([point(0, 37.5), point(639.1875, 0.25)]);
    expect(fit.low).toBeNull();
    expect(fit.high).toBeNull();
    expect(fit.slopeStandardError).toBeNull();
    expect(() => fitStatisticValue(fit, "low")).toThrow(expect.objectContaining({ code: "notFound", message: "90% bounds need at least 3 prices; a line through 2 has no spread to measure." }));
    expect(() => fitStatisticValue(fit, "high")).toThrow(expect.objectContaining({ code: "notFound" }));
  });

  it("the GPT-4-level series (GPQA Diamond ≥ 33%) agrees with LibreOffice's LINEST and T.INV", () => {
    // LibreOffice Calc 7.4 on the same six points (the formulas of docs/PRICES.md):
    // EXP(365.25*SLOPE(LN(P),D)) = 0.0237379029745444; RSQ(LN(P),D) = 0.757097645025501;
    // LN(2)/(-SLOPE(LN(P),D))/(365.25/12) = 2.22359603479309; LINEST standard error of the slope = 0.00290048424605049;
    // EXP(365.25*(SLOPE −/+ T.INV(0.95;4) × se)) = 0.00248082354199029 / 0.2271374920833
    const fit = fitPriceTrend(gpt4Level);
    expect(fit.annualPriceMultiplier).toBeCloseTo(0.0237379029745444, 13);
    expect(fit.r2).toBeCloseTo(0.757097645025501, 12);
    expect(fit.halvingMonths).toBeCloseTo(2.22359603479309, 11);
    expect(fit.slopeStandardError).toBeCloseTo(0.00290048424605049, 14);
    expect(fit.low).toBeCloseTo(0.00248082354199029, 13);
    expect(fit.high).toBeCloseTo(0.2271374920833, 11);
    expect(fit.n).toBe(6);
  });

  it("fits inside Epoch AI's published range of 9x to 900x per year, at 42x beside Epoch's 40x", () => {
    const series = bundledPriceSeries("gpt4-level-gpqa-diamond");
    if (series == null) throw new Error("the GPT-4-level series is missing from data/series.json");
    const fit = fitPriceTrend(seriesDatedPrices(series));
    expect(fit.timesCheaperPerYear).toBeGreaterThan(9);
    expect(fit.timesCheaperPerYear).toBeLessThan(900);
    expect(fit.timesCheaperPerYear).toBeCloseTo(42.12672033719074, 8); // 1 / 0.0237379029745444
    // Epoch turns the daily slope into a yearly rate with 365 days, we with 365.25; with their year
    // length our slope gives their figures exactly: 42.0189988368494x, 90% interval 4.3982 to 401.44
    const epochYear = (timesCheaper: number) => Math.pow(timesCheaper, series.published.daysPerYear / DAYS_PER_YEAR);
    expect(epochYear(fit.timesCheaperPerYear)).toBeCloseTo(series.published.timesCheaperPerYear, 9);
    expect(epochYear(1 / (fit.high as number))).toBeCloseTo(series.published.low90, 9);
    expect(epochYear(1 / (fit.low as number))).toBeCloseTo(series.published.high90, 7);
    expect(fit.r2).toBeCloseTo(series.published.r2, 2);
  });
});

describe("fitPriceTrend: statistics", () => {
  it.each([
    // m = 0.5: ln 2 / (ln 2 / 365.25) days = 365.25 days = 12 months
    [0.5, 12],
    // m = 0.1: 12 × ln 2 / ln 10 = 3.6123599479677737 months
    [0.1, 3.6123599479677737],
    // rising prices, m = 2: −12, that is doubling every 12 months
    [2, -12],
  ])("m = %p halves in %p months", (multiplier, months) => {
    const fit = fitPriceTrend([0, 100, 365.25, 500].map((day) => point(45000 + day, 10 * Math.pow(multiplier, day / 365.25))));
    expect(fit.annualPriceMultiplier).toBeCloseTo(multiplier, 12);
    expect(fit.halvingMonths).toBeCloseTo(months, 9);
    expect(fitStatisticValue(fit, "halving_months")).toBeCloseTo(months, 9);
  });

  it("exact data has r2 = 1 and bounds equal to m", () => {
    const fit = fitPriceTrend([0, 30, 90, 400].map((day) => point(45000 + day, 5 * Math.pow(0.2, day / 365.25))));
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.low).toBeCloseTo(0.2, 9);
    expect(fit.high).toBeCloseTo(0.2, 9);
  });

  it("returns each statistic by name", () => {
    const fit = fitPriceTrend(gpt4Level);
    expect(fitStatisticValue(fit, "multiplier")).toBe(fit.annualPriceMultiplier);
    expect(fitStatisticValue(fit, "times_cheaper")).toBe(1 / fit.annualPriceMultiplier);
    expect(fitStatisticValue(fit, "r2")).toBe(fit.r2);
    expect(fitStatisticValue(fit, "n")).toBe(6);
    expect(fitStatisticValue(fit, "low")).toBe(fit.low);
    expect(fitStatisticValue(fit, "high")).toBe(fit.high);
    expect((fit.low as number) < fit.annualPriceMultiplier && fit.annualPriceMultiplier < (fit.high as number)).toBe(true);
  });

  it("flat prices have m = 1, no halving time and no r2", () => {
    const fit = fitPriceTrend([point(45000, 3), point(45100, 3), point(45200, 3)]);
    expect(fit.annualPriceMultiplier).toBe(1);
    expect(() => fitStatisticValue(fit, "halving_months")).toThrow(expect.objectContaining({ code: "notFound", message: "Prices are flat over the data: they never halve." }));
    expect(() => fitStatisticValue(fit, "r2")).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(/^r2 is undefined when every price is the same/) }));
  });

  it("property: exact exponential data recovers m", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 2, maxLength: 12 }),
        (multiplier, startPrice, days) => {
          const fit = fitPriceTrend(days.map((day) => point(44000 + day, startPrice * Math.pow(multiplier, day / DAYS_PER_YEAR))));
          return Math.abs(fit.annualPriceMultiplier / multiplier - 1) < 1e-8;
        },
      ),
    );
  });

  it("property: scaling every price leaves the slope, its standard error, r2, m and the bounds unchanged", () => {
    // compared on the log scale: ln m = 365.25 × b, so a relative 1e-9 on m is 1e-9 on the slope's year
    const sameLog = (left: number | null, right: number | null) =>
      left == null ? right == null : left === right || Math.abs(Math.log(left) - Math.log(right as number)) <= 1e-9 * Math.max(1, Math.abs(Math.log(left)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 44000, max: 47000 }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 3, maxLength: 10 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (pairs, scale) => {
          const points = pairs.map(([day, price]) => point(day, price));
          const logs = points.map((entry) => Math.log(entry.usdPerMillionTokens));
          // two dates at least, and prices that differ by more than rounding (else r2 is 0/0 and noise)
          fc.pre(new Set(points.map((entry) => entry.dateSerial)).size >= 2 && Math.max(...logs) - Math.min(...logs) > 1e-3);
          const fit = fitPriceTrend(points);
          const scaled = fitPriceTrend(points.map((entry) => point(entry.dateSerial, entry.usdPerMillionTokens * scale)));
          const near = (left: number, right: number) => Math.abs(left - right) <= 1e-9 * Math.max(1e-6, Math.abs(left));
          return (
            near(fit.slopePerDay, scaled.slopePerDay) &&
            near(fit.slopeStandardError as number, scaled.slopeStandardError as number) &&
            (fit.r2 == null || Math.abs(fit.r2 - (scaled.r2 as number)) < 1e-9) &&
            sameLog(fit.annualPriceMultiplier, scaled.annualPriceMultiplier) &&
            sameLog(fit.low, scaled.low) &&
            sameLog(fit.high, scaled.high)
          );
        },
      ),
    );
  });

  it("refuses a multiplier or bound too extreme for a number, rather than showing 0 or Infinity", () => {
    // prices 0.01, 0.26, 0.011 over six days: ln m = 365.25 × −0.19 = −69 (m = 7.7e-31, shown); the 90% bounds
    // with t(0.95, 1) = 6.31 and se 0.55 a day are e^(365.25 × (−0.19 ∓ 3.44)): 0 and Infinity in a double
    const fit = fitPriceTrend([point(44001, 0.26433408911638856), point(44006, 0.011283191580302759), point(44000, 0.01)]);
    expect(fitStatisticValue(fit, "multiplier")).toBeCloseTo(7.680094925891526e-31, 40);
    expect(() => fitStatisticValue(fit, "low")).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/^The low bound is beyond what a number can hold/) }));
    expect(() => fitStatisticValue(fit, "high")).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/check that the dates are Excel dates, in days/) }));
    const years = fitPriceTrend([point(2023, 37.5), point(2024, 0.25)]); // dates typed as years: 150x in "one day"
    expect(() => fitStatisticValue(years, "multiplier")).toThrow(expect.objectContaining({ code: "outOfRange" }));
    expect(() => fitStatisticValue(years, "times_cheaper")).toThrow(expect.objectContaining({ code: "outOfRange" }));
  });

  it.each([
    [[], /^A fit needs at least 2 dated prices; got 0/],
    [[point(45000, 2)], /^A fit needs at least 2 dated prices; got 1/],
    [[point(45000, 2), point(45000, 1)], /^A fit needs prices on at least 2 different dates/],
  ])("has no fit for %j: not found", (points, message) => {
    expect(() => fitPriceTrend(points)).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(message) }));
  });

  it("refuses a date that is not a finite number as malformed", () => {
    expect(() => fitPriceTrend([point(45000, 2), point(Infinity, 1)])).toThrow(expect.objectContaining({ code: "malformed", message: "Date 2 is not a number." }));
  });

  it.each([0, -1, Number.NaN])("refuses a price of %p as out of range", (price) => {
    expect(() => fitPriceTrend([point(45000, 2), point(45100, price)])).toThrow(
      expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/^Prices must be above 0 \(the fit takes their logarithm\); price 2 is/) }),
    );
  });
});

describe("datedPricesFromCells: FIT_MULTIPLIER's ranges", () => {
  it("pairs cells of two columns, skipping a pair with an empty cell on either side, as LINEST does", () => {
    const dates: CellValue[][] = [[44999], [45236], [null], [45348], ["2024-03-04"], [""]];
    const prices: CellValue[][] = [[37.5], [null], [7], [6], [0.5], [1]];
    expect(datedPricesFromCells(dates, prices)).toEqual([point(44999, 37.5), point(45348, 6), point(45355, 0.5)]);
  });

  it("takes rows as well as columns, and 2-D ranges cell by cell", () => {
    expect(datedPricesFromCells([[45000, 45100]], [[2, 1]])).toHaveLength(2);
    expect(datedPricesFromCells([[45000, 45100], [45200, 45300]], [[4, 3], [2, 1]]).map((entry) => entry.usdPerMillionTokens)).toEqual([4, 3, 2, 1]);
  });

  it.each([
    [[[45000], [45100]], [[2]], /^dates and prices must be ranges of the same shape; got 2x1 and 1x1/],
    [[[45000, 45100]], [[2], [1]], /^dates and prices must be ranges of the same shape; got 1x2 and 2x1/],
    [[[45000], ["June"]], [[2], [1]], /^dates cell 2,1: 'June' is not a date/],
    [[[45000], [true]], [[2], [1]], /^dates cell 2,1: true is not a date/],
    [[[45000], [45100]], [[2], ["$1"]], /^prices cell 2,1: '\$1' is not a number/],
  ] as [CellValue[][], CellValue[][], RegExp][])("refuses %j and %j as malformed", (dates, prices, message) => {
    expect(() => datedPricesFromCells(dates, prices)).toThrow(expect.objectContaining({ code: "malformed", message: expect.stringMatching(message) }));
  });

  it("refuses a price of 0 or less as out of range", () => {
    expect(() => datedPricesFromCells([[45000], [45100]], [[2], [0]])).toThrow(
      expect.objectContaining({ code: "outOfRange", message: "prices must be above 0 (the fit takes their logarithm); cell 2,1 is 0." }),
    );
  });
});

describe("parseFitStatistic", () => {
  it.each([
    [null, "multiplier"],
    ["", "multiplier"],
    ["m", "multiplier"],
    ["Annual multiplier", "multiplier"],
    ["times_cheaper", "times_cheaper"],
    ["Times cheaper", "times_cheaper"],
    ["R2", "r2"],
    ["n", "n"],
    ["halving-months", "halving_months"],
    ["LOW", "low"],
    ["high", "high"],
  ])("%p is %s", (text, statistic) => {
    expect(parseFitStatistic(text)).toBe(statistic);
  });

  it("refuses an unknown statistic, listing them", () => {
    expect(FIT_STATISTICS).toHaveLength(7);
    expect(() => parseFitStatistic("slope")).toThrow(
      expect.objectContaining({ code: "malformed", message: "unknown statistic 'slope'; use multiplier, times_cheaper, r2, n, halving_months, low or high." }),
    );
  });
});
