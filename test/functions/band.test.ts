/* PRICE_QUANTILE, COST_QUANTILE and PRICE_BAND through the runner: golden values worked out by
 * hand from P(t) = P0 * (f + (1 - f) * m_q^(t/12)), the laws of the issue as properties, and a
 * case for every error path of the band argument. */
import fc from "fast-check";
import * as aicost from "../../src/functions/aicost";
import { ExcelError, type FunctionResult } from "../../src/functions/values";

// The default band (docs/BAND.md): m_p10 0.02, m_p50 0.057, m_p90 0.2, f 0.01.
const teamBand = [["team", 0.05, 0.1, 0.3, 0.02]];

function number(result: FunctionResult): number {
  if (typeof result !== "number") {
    throw new Error(`expected a number, got ${JSON.stringify(result)}`);
  }
  return result;
}

function error(result: FunctionResult): ExcelError {
  if (!(result instanceof ExcelError)) {
    throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  }
  return result;
}

describe("PRICE_QUANTILE: golden values", () => {
  it.each([
    // 10 * (0.01 + 0.99 * 0.02) = 10 * 0.0298 = 0.298
    [0.1, 0.298],
    // 10 * (0.01 + 0.99 * 0.057) = 10 * 0.06643 = 0.6643
    [0.5, 0.6643],
    // 10 * (0.01 + 0.99 * 0.2) = 10 * 0.208 = 2.08
    [0.9, 2.08],
    // q = 0.75: z = 0.6744897502, m = 0.057 * exp(0.6744897502 / 1.2815515655 * ln(0.2 / 0.057))
    //   = 0.057 * exp(0.526307 * 1.255266) = 0.057 * 1.936061 = 0.1103555; 10 * (0.01 + 0.99 * 0.1103555) = 1.192519
    [0.75, 1.1925192490],
    // q = 0.25: the lower side, m = 0.057 * exp(-0.526307 * ln(0.057 / 0.02)) = 0.057 * 0.576251 = 0.0328463;
    //   10 * (0.01 + 0.99 * 0.0328463) = 0.4251786
    [0.25, 0.4251785940],
  ])("default band, $10 in 12 months at q = %s is %s", (probability, expected) => {
    expect(number(aicost.PRICE_QUANTILE(10, 12, probability))).toBeCloseTo(expected, 9);
  });

  it("a band row with a label: 100 * (0.02 + 0.98 * 0.3^(24/12)) = 100 * (0.02 + 0.0882) = 10.82 at P90 in 24 months", () => {
    expect(number(aicost.PRICE_QUANTILE(100, 24, 0.9, teamBand))).toBeCloseTo(10.82, 10);
  });

  it("a band column without a label: 100 * (0.02 + 0.98 * 0.05) = 6.9 at P10 in 12 months", () => {
    expect(number(aicost.PRICE_QUANTILE(100, 12, 0.1, [[0.05], [0.1], [0.3], [0.02]]))).toBeCloseTo(6.9, 10);
  });

  it("an empty single cell or an empty text means the default band (Excel's omitted argument)", () => {
    expect(aicost.PRICE_QUANTILE(10, 12, 0.9, [[null]])).toBe(aicost.PRICE_QUANTILE(10, 12, 0.9));
    expect(aicost.PRICE_QUANTILE(10, 12, 0.9, "")).toBe(aicost.PRICE_QUANTILE(10, 12, 0.9));
  });

  it("today's price at month 0 and with a floor of 100%, whatever the probability", () => {
    expect(aicost.PRICE_QUANTILE(10, 0, 0.03)).toBe(10);
    expect(number(aicost.PRICE_QUANTILE(10, 36, 0.97, [[0.02, 0.057, 0.2, 1]]))).toBeCloseTo(10, 12);
  });
});

describe("PRICE_QUANTILE: the laws of the issue", () => {
  const band = fc
    .tuple(fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }))
    .map(([median, down, up, floor]) => ({ p10: median / down, p50: median, p90: median * up, floor }));
  const months = fc.integer({ min: 1, max: 120 });

  it("q = 0.1, 0.5 and 0.9 equal PROJECT_PRICE with m_p10, m_p50 and m_p90, exactly", () => {
    fc.assert(
      fc.property(band, months, ({ p10, p50, p90, floor }, t) => {
        const row = [["b", p10, p50, p90, floor]];
        expect(aicost.PRICE_QUANTILE(10, t, 0.1, row)).toBe(aicost.PROJECT_PRICE(10, t, [["s", p10, floor]]));
        expect(aicost.PRICE_QUANTILE(10, t, 0.5, row)).toBe(aicost.PROJECT_PRICE(10, t, [["s", p50, floor]]));
        expect(aicost.PRICE_QUANTILE(10, t, 0.9, row)).toBe(aicost.PROJECT_PRICE(10, t, [["s", p90, floor]]));
      }),
    );
  });

  it("rises with the probability", () => {
    fc.assert(
      fc.property(band, months, fc.double({ min: 0.001, max: 0.998, noNaN: true }), fc.double({ min: 1e-6, max: 0.1, noNaN: true }), ({ p10, p50, p90, floor }, t, q, step) => {
        const row = [[p10, p50, p90, floor]];
        const higher = Math.min(q + step, 0.999);
        expect(number(aicost.PRICE_QUANTILE(10, t, higher, row))).toBeGreaterThanOrEqual(number(aicost.PRICE_QUANTILE(10, t, q, row)) * (1 - 1e-12));
      }),
    );
  });

  it("a symmetric band is a log-normal m: at q = PHI(1) = 0.8413447461 the multiplier is m_p50 * k^(1 / z90)", () => {
    // m_p10 = 0.1 / 3, m_p50 = 0.1, m_p90 = 0.3: ln m ~ N(ln 0.1, ln 3 / 1.2815515655). At one standard
    // deviation, m = 0.1 * 3^(1 / 1.2815515655) = 0.1 * 2.356675 = 0.2356675; with f = 0 and t = 12, P = 10 * m.
    expect(number(aicost.PRICE_QUANTILE(10, 12, 0.8413447460685429, [[0.1 / 3, 0.1, 0.3, 0]]))).toBeCloseTo(2.35667499, 7);
    // and symmetric: at 1 - PHI(1) the multiplier is 0.1 / 2.356675 = 0.04243275
    expect(number(aicost.PRICE_QUANTILE(10, 12, 1 - 0.8413447460685429, [[0.1 / 3, 0.1, 0.3, 0]]))).toBeCloseTo(1 / 2.35667499, 7);
  });
});

describe("COST_QUANTILE", () => {
  it.each([
    // $1,000 a month today, volume tripling each year, 12 months: 1000 * 0.0298 * 3 = 89.4
    [0.1, 89.4],
    // 1000 * 0.06643 * 3 = 199.29
    [0.5, 199.29],
    // 1000 * 0.208 * 3 = 624
    [0.9, 624],
  ])("default band at q = %s: %s", (probability, expected) => {
    expect(number(aicost.COST_QUANTILE(1000, 12, probability, null, 3))).toBeCloseTo(expected, 9);
  });

  it("flat volume by default: the price quantile times today's cost", () => {
    expect(number(aicost.COST_QUANTILE(1000, 24, 0.9, teamBand))).toBeCloseTo(1000 * 0.1082, 9);
  });

  it("annual_volume_multiplier must be above 0", () => {
    expect(error(aicost.COST_QUANTILE(1000, 12, 0.5, null, 0)).code).toBe("#NUM!");
  });
});

describe("PRICE_BAND", () => {
  it("spills months + 1 rows of P10, P50, P90: today's price in row 0, the golden values in row 12", () => {
    const rows = aicost.PRICE_BAND(10, 12) as number[][];
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual([10, 10, 10]);
    // 10 * 0.0298, 10 * 0.06643, 10 * 0.208
    rows[12].forEach((price, column) => expect(price).toBeCloseTo([0.298, 0.6643, 2.08][column], 12));
    // month 6 under the default band: 10 * (0.01 + 0.99 * 0.2^0.5) = 10 * (0.01 + 0.99 * 0.4472136) = 10 * 0.4527415 = 4.527415
    expect(rows[6][2]).toBeCloseTo(4.527415, 6);
  });

  it("each column equals PRICE_QUANTILE at 0.1, 0.5 and 0.9", () => {
    const rows = aicost.PRICE_BAND(100, 24, teamBand) as number[][];
    rows.forEach((row, month) => {
      expect(row).toEqual([0.1, 0.5, 0.9].map((q) => aicost.PRICE_QUANTILE(100, month, q, teamBand)));
    });
  });

  it.each([
    [12.5, "#NUM!"],
    [1201, "#NUM!"],
    [-1, "#NUM!"],
    ["twelve", "#VALUE!"],
  ])("months %s is %s", (months, code) => {
    expect(error(aicost.PRICE_BAND(10, months)).code).toBe(code);
  });

  it("a price curve beyond the largest number is #NUM!, never Infinity", () => {
    expect(error(aicost.PRICE_BAND(1e300, 1200, [[0.5, 1, 1e10, 0]])).code).toBe("#NUM!");
  });
});

describe("the probability argument", () => {
  it.each([0, 1, -0.1, 1.5])("%s is #NUM! (a probability is above 0 and below 1)", (probability) => {
    const result = error(aicost.PRICE_QUANTILE(10, 12, probability));
    expect(result.code).toBe("#NUM!");
    expect(result.message).toMatch(/probability must be above 0 and below 1/);
    expect(error(aicost.COST_QUANTILE(10, 12, probability)).code).toBe("#NUM!");
  });

  it("is required, and text is #VALUE!", () => {
    expect(error(aicost.PRICE_QUANTILE(10, 12)).message).toMatch(/probability is required/);
    expect(error(aicost.PRICE_QUANTILE(10, 12, "P90")).code).toBe("#VALUE!");
  });

  it("numeric text reads as a number, as for every number parameter", () => {
    expect(aicost.PRICE_QUANTILE(10, 12, "0.9")).toBe(aicost.PRICE_QUANTILE(10, 12, 0.9));
  });
});

describe("the band argument: every error path", () => {
  it.each([["baseline"], ["evidence"], ["aggressive"], ["my band"]])("a name (%s), as text or in one cell, is #VALUE! saying what a band is", (name) => {
    for (const argument of [name, [[name]]]) {
      const result = error(aicost.PRICE_QUANTILE(10, 12, 0.9, argument));
      expect(result.code).toBe("#VALUE!");
      expect(result.message).toContain(`The band "${name}" is a name, not a band`);
      expect(result.message).toMatch(/m_p10, m_p50 and m_p90/);
    }
  });

  it("a scenario row (label, m, f) is #VALUE!: a band needs three percentiles", () => {
    const result = error(aicost.PRICE_QUANTILE(10, 12, 0.9, [["baseline", 0.1, 0.01]]));
    expect(result.code).toBe("#VALUE!");
    // read as m_p10 = 0.1, m_p50 = 0.01 and nothing for m_p90
    expect(result.message).toMatch(/m_p90 must be a number; got an empty cell/);
  });

  it("a blank range of several cells is #VALUE!, not the default band", () => {
    const result = error(aicost.PRICE_QUANTILE(10, 12, 0.9, [[null, null, null, null, null]]));
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/^The band range is empty/);
  });

  it("an error value in the band passes on unchanged, before anything else is said about it", () => {
    const na = new ExcelError("#N/A", "upstream");
    expect(error(aicost.PRICE_QUANTILE(10, 12, 0.9, [["team", 0.02, na, "junk", 0.01]])).code).toBe("#N/A");
    expect(error(aicost.PRICE_QUANTILE(10, 12, 0.9, na)).code).toBe("#N/A");
    expect(error(aicost.PRICE_BAND(10, 12, [[new ExcelError("#DIV/0!", "")]])).code).toBe("#DIV/0!");
  });

  it.each([
    ["percentiles out of order", [[0.2, 0.1, 0.5, 0]], /m_p10 \(0.2\) must not be above its m_p50 \(0.1\)/],
    ["m_p50 above m_p90", [[0.02, 0.3, 0.2, 0]], /m_p50 \(0.3\) must not be above its m_p90 \(0.2\)/],
    ["a multiplier of 0", [[0, 0.1, 0.2, 0]], /m_p10 .* must be a number above 0/],
    ["a floor above 1", [[0.02, 0.057, 0.2, 1.5]], /floor share f must be from 0 to 1/],
  ])("%s is #NUM!", (_case, argument, message) => {
    const result = error(aicost.PRICE_QUANTILE(10, 12, 0.9, argument));
    expect(result.code).toBe("#NUM!");
    expect(result.message).toMatch(message);
  });

  it.each([
    ["a number in the label's place of a five-cell row", [[1, 0.02, 0.057, 0.2, 0.01]], /first cell must be its label/],
    ["six filled cells", [["x", 0.02, 0.057, 0.2, 0.01, "note"]], /holds 6 filled cells/],
    ["an empty m_p90", [["x", 0.02, 0.057, null, 0.01]], /m_p90 must be a number; got an empty cell/],
    ["TRUE as m_p50", [[0.02, true, 0.2, 0.01]], /m_p50 must be a number; got TRUE/],
    ["text as m_p10", [["x", "fast", 0.057, 0.2, 0.01]], /m_p10 must be a number; got the text "fast"/],
    ["a block of two rows and columns", [[0.02, 0.057], [0.2, 0.01]], /2 rows and 2 columns/],
    ["a single number", [[0.1]], /A single cell is not a band \(got 0.1\)/],
    ["a number", 0.1, /The band must be a range; got 0.1/],
  ])("%s is #VALUE!", (_case, argument, message) => {
    const result = error(aicost.PRICE_QUANTILE(10, 12, 0.9, argument));
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(message);
  });

  it("a row wider than the band (trailing empty cells) and numeric text read as Excel reads them", () => {
    expect(aicost.PRICE_QUANTILE(100, 24, 0.9, [["team", 0.05, 0.1, "0.3", 0.02, null, ""]])).toBe(aicost.PRICE_QUANTILE(100, 24, 0.9, teamBand));
  });
});
