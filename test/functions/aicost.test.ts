import {
  COST_CURVE,
  ANNUAL_MULTIPLIER,
  INFER_COST,
  MONTHS_TO_PRICE,
  PRICE_CURVE,
  PROJECT_COST,
  PROJECT_PRICE,
  SCENARIO_PARAMS,
} from "../../src/functions/aicost";
import { ExcelError } from "../../src/functions/values";
import { expectError, expectNumber } from "./helpers";

/* Golden values, worked out by hand from the formulas in the issue:
 *   baseline    m = 0.1,   f = 0.01:  12 months 0.01 + 0.99 * 0.1   = 0.109
 *   aggressive  m = 0.025, f = 0.001: 12 months 0.001 + 0.999 * 0.025 = 0.025975
 *   pessimistic m = 0.5,   f = 0.25:  12 months 0.25 + 0.75 * 0.5   = 0.625
 *   a custom row m = 0.2,  f = 0.05:  12 months 0.05 + 0.95 * 0.2   = 0.24
 */

describe("INFER_COST", () => {
  it("prices input and output separately: (2e6 * 3 + 5e5 * 15) / 1e6 = $13.50", () => {
    expectNumber(INFER_COST(2e6, 5e5, 3, 15, null, null), 13.5);
  });

  it("takes a cached share at a cached price: (0.4 * 1e6 * 3 + 0.6 * 1e6 * 0.3 + 2e5 * 15) / 1e6 = $4.38", () => {
    expectNumber(INFER_COST(1e6, 2e5, 3, 15, 0.6, 0.3), 4.38);
  });

  it("defaults the cached price to the input price: (0.5 * 1e6 * 2 + 0.5 * 1e6 * 2) / 1e6 = $2", () => {
    expectNumber(INFER_COST(1e6, 0, 2, 10, 0.5, null), 2);
    expectNumber(INFER_COST(1e6, 0, 2, 10, 0.5), 2);
  });

  it("reads 0 as a real value, not as 'omitted': a cached price of 0 makes cached tokens free", () => {
    // (0.5 * 1e6 * 2 + 0.5 * 1e6 * 0) / 1e6 = $1
    expectNumber(INFER_COST(1e6, 0, 2, 10, 0.5, 0), 1);
  });

  it("follows Excel's conventions: numeric text, 1x1 ranges and empty optional cells", () => {
    expectNumber(INFER_COST("2000000", [[5e5]], " 3 ", [["15"]], "", [[""]]), 13.5);
    expectNumber(INFER_COST(2e6, 5e5, 3, 15, [[null]], undefined), 13.5);
  });

  it.each([
    [[-1, 0, 1, 1], /input_tokens must be 0 or more; got -1/],
    [[0, -1, 1, 1], /output_tokens must be 0 or more; got -1/],
    [[0, 0, -1, 1], /input_price must be 0 or more; got -1/],
    [[0, 0, 1, -1], /output_price must be 0 or more; got -1/],
    [[0, 0, 1, 1, 1.2], /cached_share must be from 0 to 1/],
    [[0, 0, 1, 1, -0.2], /cached_share must be from 0 to 1/],
    [[0, 0, 1, 1, 0.5, -1], /cached_input_price must be 0 or more/],
    [[Number.POSITIVE_INFINITY, 0, 1, 1], /input_tokens must be a finite number/],
  ])("returns #NUM! for out-of-domain numbers %p", (args, message) => {
    expectError(INFER_COST(...(args as [number, number, number, number])), "#NUM!", message);
  });

  it.each([
    [["lots", 0, 1, 1], /input_tokens must be a number; got the text "lots"/],
    [[0, true, 1, 1], /output_tokens must be a number; got TRUE/],
    [[0, 0, null, 1], /input_price is required: enter a number/],
    [[0, 0, 1, ""], /output_price is required: enter a number/],
    [[0, 0, 1, 1, "half"], /cached_share must be a number; got the text "half"/],
    [[[[1, 2]], 0, 1, 1], /input_tokens must be a single number, not a range of several cells/],
    [[Number.NaN, 0, 1, 1], /input_tokens must be a number; got a value that is not a number/],
    [[{}, 0, 1, 1], /input_tokens must be a number; got a value that is not a number/],
  ])("returns #VALUE! with a fix for malformed arguments %p", (args, message) => {
    expectError(INFER_COST(...(args as [unknown, unknown, unknown, unknown])), "#VALUE!", message);
  });

  it("passes an error value in an argument through unchanged", () => {
    const upstream = new ExcelError("#N/A", "no such model");
    expect(INFER_COST(upstream, 0, 1, 1)).toBe(upstream);
    expect(INFER_COST(1, 1, [[upstream]], 1)).toBe(upstream);
  });

  it("returns #NUM!, never Infinity, when the cost overflows", () => {
    expectError(INFER_COST(1e300, 1e300, 1e300, 1e300), "#NUM!");
  });
});

describe("scenario argument forms (through PROJECT_PRICE of $100 over 12 months)", () => {
  it.each([
    ["omitted (undefined)", undefined, 10.9],
    ["omitted (null)", null, 10.9],
    ["an empty cell", "", 10.9],
    ["an empty 1x1 range", [[null]], 10.9],
    ["an empty-text 1x1 range", [[""]], 10.9],
    ["a preset name", "aggressive", 2.5975],
    ["a preset name in another case", "AggRessive", 2.5975],
    ["a preset name as Excel passes literal text to a range parameter", [["PESSIMISTIC"]], 62.5],
    ["a row with a label", [["team", 0.2, 0.05]], 24],
    ["a row without a label", [[0.2, 0.05]], 24],
    ["a column with a label", [["team"], [0.2], [0.05]], 24],
    ["a column without a label", [[0.2], [0.05]], 24],
    ["a row with trailing empty cells", [["team", 0.2, 0.05, "", null]], 24],
    ["a column with trailing empty cells", [[0.2], [0.05], [""]], 24],
    ["a row with numeric text parameters", [["team", "0.2", "0.05"]], 24],
    ["a row with an empty label", [["", 0.2, 0.05]], 24],
    ["a flat scenario, m = 1, f = 0", [["flat", 1, 0]], 100],
  ])("accepts %s", (_form, scenario, expected) => {
    expectNumber(PROJECT_PRICE(100, 12, scenario), expected);
  });

  it.each([
    ["an unknown name", "optimistic", /Unknown scenario "optimistic": use pessimistic, baseline, aggressive, or a range/],
    ["an unknown name in a 1x1 range", [[" rosy "]], /Unknown scenario " rosy ": use pessimistic/],
    ["a preset name with spaces around it", "  Aggressive ", /Unknown scenario "  Aggressive ": remove the spaces around "Aggressive" \(names match as Excel's MATCH/],
    ["a preset name with a trailing space in a 1x1 range", [["baseline "]], /Unknown scenario "baseline ": remove the spaces/],
    ["only spaces", "   ", /The scenario is only spaces: leave the cell empty for baseline/],
    ["an all-empty row (a cleared table row)", [["", null, ""]], /The scenario range is empty \(its row may have been cleared/],
    ["an all-empty column", [[null], [""], [null]], /The scenario range is empty/],
    ["a row holding only a preset name", [["baseline", "", ""]], /annual price multiplier must be a number .*got an empty cell/],
    ["a number", 0.1, /The scenario must be a preset name \(pessimistic, baseline, aggressive\) or a range; got 0.1/],
    ["a boolean", true, /The scenario must be a preset name.*got TRUE/],
    ["a 1x1 range holding a number", [[0.1]], /A single-cell scenario must hold a preset name.*got 0.1/],
    ["a 2x2 range", [["a", 0.1], [0.2, 0.3]], /The scenario range has 2 rows and 2 columns: a scenario range must be one row or one column/],
    ["a ragged range", [["a", 0.1, 0.01], [0.2]], /The scenario range is not a rectangular range/],
    ["an empty array", [], /The scenario range is not a range/],
    ["an array of an empty row", [[]], /The scenario range is not a rectangular range/],
    ["a flat array", ["team", 0.2, 0.05], /The scenario range is not a range/],
    ["four filled cells", [["a", 0.1, 0.01, "note"]], /The scenario range holds 4 filled cells/],
    ["a label that is a number", [[5, 0.1, 0.01]], /The scenario's first cell must be its label \(text\); got 5/],
    ["text for m", [["team", "ten", 0.01]], /annual price multiplier .*must be a number; got the text "ten"/],
    ["text for f", [["team", 0.1, "low"]], /floor share .*must be a number; got the text "low"/],
    ["a boolean for m", [["team", true, 0.01]], /annual price multiplier must be a number .*got TRUE/],
    ["an empty m", [["team", "", 0.01]], /annual price multiplier must be a number .*got an empty cell/],
    ["an m without an f", [[0.1, ""]], /The scenario's floor share must be a number from 0 to 1 .*got an empty cell/],
    ["a label and an m without an f", [["team", 0.2]], /The scenario's floor share must be a number from 0 to 1 .*got an empty cell/],
  ])("returns #VALUE! with a fix for %s", (_form, scenario, message) => {
    expectError(PROJECT_PRICE(100, 12, scenario), "#VALUE!", message);
  });

  it.each([
    ["m = 0", [["team", 0, 0.01]], /annual price multiplier must be a number above 0/],
    ["m < 0", [[-0.5, 0.01]], /annual price multiplier must be a number above 0/],
    ["f > 1", [["team", 0.1, 1.5]], /floor share must be from 0 to 1/],
    ["f < 0", [[0.1, -0.01]], /floor share must be from 0 to 1/],
  ])("returns #NUM! for a scenario with %s", (_form, scenario, message) => {
    expectError(PROJECT_PRICE(100, 12, scenario), "#NUM!", message);
  });

  it("passes an error value in a scenario cell through unchanged", () => {
    const upstream = new ExcelError("#N/A", "no match");
    expect(PROJECT_PRICE(100, 12, upstream)).toBe(upstream);
    expect(PROJECT_PRICE(100, 12, [[upstream]])).toBe(upstream);
    expect(PROJECT_PRICE(100, 12, [["team", upstream, 0.01]])).toBe(upstream);
    expect(PROJECT_PRICE(100, 12, [[upstream, 0.1, 0.01]])).toBe(upstream);
  });
});

describe("PROJECT_PRICE", () => {
  it("projects $10 a year ahead under baseline: 10 * 0.109 = $1.09", () => {
    expectNumber(PROJECT_PRICE(10, 12, null), 1.09);
  });

  it("projects $37.5 three years ahead under aggressive: 37.5 * (0.001 + 0.999 * 0.025^3) = $0.0380853515625", () => {
    expectNumber(PROJECT_PRICE(37.5, 36, "aggressive"), 0.0380853515625);
  });

  it("takes fractional months: 100 * (0.01 + 0.99 * 0.1^(6/12)) = 32.30654883566696", () => {
    expectNumber(PROJECT_PRICE(100, 6, "baseline"), 32.30654883566696);
  });

  it("is the identity at month 0, and accepts month 1200", () => {
    expectNumber(PROJECT_PRICE(42, 0, "aggressive"), 42);
    expectNumber(PROJECT_PRICE(42, 1200, "pessimistic"), 42 * 0.25); // 0.5^100 ~ 7.9e-31 is lost next to 0.25
  });

  it.each([
    [[-1, 12], "#NUM!", /price must be 0 or more/],
    [[1, -1], "#NUM!", /months_ahead must be from 0 to 1200 months; got -1/],
    [[1, 1201], "#NUM!", /months_ahead must be from 0 to 1200 months; got 1201/],
    [[1, Number.NEGATIVE_INFINITY], "#NUM!", /months_ahead must be a finite number/],
    [["ten", 12], "#VALUE!", /price must be a number; got the text "ten"/],
    [[1, null], "#VALUE!", /months_ahead is required: enter a number/],
    [[1, [[1], [2]]], "#VALUE!", /months_ahead must be a single number, not a range/],
  ] as const)("rejects %p with %s", (args, code, message) => {
    expectError(PROJECT_PRICE(args[0], args[1]), code, message);
  });

  it("returns #NUM!, never Infinity, when a rising scenario overflows", () => {
    expectError(PROJECT_PRICE(1e300, 1200, [[1e10, 0]]), "#NUM!", /too large or too small/);
  });
});

describe("PROJECT_COST", () => {
  it("multiplies today's cost by the price factor and volume growth: 1000 * 0.109 * 3 = 327", () => {
    expectNumber(PROJECT_COST(1000, 12, null, 3), 327);
  });

  it("defaults volume growth to 1 (flat): 1000 * 0.625 = 625 under pessimistic", () => {
    expectNumber(PROJECT_COST(1000, 12, "pessimistic", null), 625);
    expectNumber(PROJECT_COST(1000, 12, "pessimistic"), 625);
    expectNumber(PROJECT_COST(1000, 12, "pessimistic", ""), 625);
  });

  it("with a custom row and doubling volume: 200 * (0.05 + 0.95 * 0.2^2) * 2^2 = 200 * 0.088 * 4 = 70.4", () => {
    expectNumber(PROJECT_COST(200, 24, [["team", 0.2, 0.05]], 2), 70.4);
  });

  it.each([
    [[-5, 12, null, 1], "#NUM!", /cost_today must be 0 or more/],
    [[5, 1300, null, 1], "#NUM!", /months_ahead must be from 0 to 1200/],
    [[5, 12, null, 0], "#NUM!", /annual_volume_multiplier must be above 0/],
    [[5, 12, null, -1], "#NUM!", /annual_volume_multiplier must be above 0/],
    [[5, 12, null, "fast"], "#VALUE!", /annual_volume_multiplier must be a number; got the text "fast"/],
    [[5, 12, "rosy", 1], "#VALUE!", /Unknown scenario "rosy"/],
    [[null, 12, null, 1], "#VALUE!", /cost_today is required/],
  ] as const)("rejects %p with %s", (args, code, message) => {
    expectError(PROJECT_COST(...(args as readonly unknown[] as [unknown, unknown, unknown, unknown])), code, message);
  });
});

describe("PRICE_CURVE", () => {
  it("spills a column of months + 1 prices: 100, 100 * 0.109 ... under baseline", () => {
    // 100 * (0.01 + 0.99 * 0.1^(t/12)) for t = 0, 12, 24: 100, 10.9, 1.99
    const curve = PRICE_CURVE(100, 24, "baseline") as number[][];
    expect(curve).toHaveLength(25);
    expect(curve.every((row) => row.length === 1)).toBe(true);
    expectNumber(curve[0][0], 100);
    expectNumber(curve[12][0], 10.9);
    expectNumber(curve[24][0], 1.99);
  });

  it("spills one cell for 0 months, and 1201 for the maximum", () => {
    expect(PRICE_CURVE(7, 0, null)).toEqual([[7]]);
    expect(PRICE_CURVE(7, 1200, null)).toHaveLength(1201);
  });

  it("accepts numeric text for months", () => {
    expect(PRICE_CURVE(7, "2", null)).toHaveLength(3);
  });

  it.each([
    [[1, 2.5], "#NUM!", /months must be a whole number of months; got 2.5/],
    [[1, 1201], "#NUM!", /months must be from 0 to 1200 months/],
    [[1, -1], "#NUM!", /months must be from 0 to 1200 months/],
    [[-1, 3], "#NUM!", /price must be 0 or more/],
    [[1, "many"], "#VALUE!", /months must be a number; got the text "many"/],
  ] as const)("rejects %p with %s", (args, code, message) => {
    expectError(PRICE_CURVE(args[0], args[1], null), code, message);
  });

  it("puts #NUM! in the cells that overflow, never Infinity", () => {
    // 1e300 * (1e300)^(t/12) overflows from month 1 on (1e300 * 1e25), month 0 stays 1e300
    const curve = PRICE_CURVE(1e300, 2, [[1e300, 0]]) as unknown[][];
    expect(curve[0][0]).toBe(1e300);
    expect(curve[1][0]).toBeInstanceOf(ExcelError);
    expect((curve[2][0] as ExcelError).code).toBe("#NUM!");
  });
});

describe("COST_CURVE", () => {
  const column = (values: number[]): number[][] => values.map((value) => [value]);

  it("spills a column of monthly costs at projected prices", () => {
    // today's cost of 1e6 input at $2 and 1e5 output at $8: (2e6 + 8e5) / 1e6 = $2.80
    // month 1: 2.8 * (0.01 + 0.99 * 0.1^(1/12)) = 2.8 * 0.8271501434 = 2.316020402
    // month 2: 2.8 * (0.01 + 0.99 * 0.1^(2/12)) = 2.8 * 0.6844791484 = 1.916541615
    const curve = COST_CURVE(column([1e6, 1e6, 1e6]), column([1e5, 1e5, 1e5]), 2, 8, null, null, null, null) as number[][];
    expect(curve).toHaveLength(3);
    expectNumber(curve[0][0], 2.8);
    expectNumber(curve[1][0], 2.316020401562947);
    expectNumber(curve[2][0], 1.9165416154286685);
  });

  it("keeps a row's shape and starts at start_month", () => {
    // month 12: 1e6 * $1 / 1e6 * 0.109 = 0.109; month 13: 2 * (0.01 + 0.99 * 0.1^(13/12)) = 0.18343002868306765
    const curve = COST_CURVE([[1e6, 2e6]], [[0, 0]], 1, 1, "baseline", 12) as number[][];
    expect(curve).toHaveLength(1);
    expectNumber(curve[0][0], 0.109);
    expectNumber(curve[0][1], 0.18343002868306765);
  });

  it("applies the cached share and cached price to every month", () => {
    // month 0 under any scenario: (0.5 * 1e6 * 4 + 0.5 * 1e6 * 1 + 0) / 1e6 = 2.5; month 12 pessimistic: 2.5 * 0.625 = 1.5625
    const curve = COST_CURVE([[1e6, 1e6]], [[0, 0]], 4, 20, "pessimistic", null, 0.5, 1) as number[][];
    // month 1 pessimistic: 0.25 + 0.75 * 0.5^(1/12) = 0.9579057345
    expectNumber(curve[0][0], 2.5);
    expectNumber(curve[0][1], 2.5 * (0.25 + 0.75 * 0.9438743126816935));
    const yearOut = COST_CURVE([[1e6]], [[0]], 4, 20, "pessimistic", 12, 0.5, 1) as number[][];
    expectNumber(yearOut[0][0], 1.5625);
  });

  it("counts empty cells as 0 tokens and reads numeric text", () => {
    // month 0: 1e6 * $1 / 1e6 = 1; month 1: nothing
    const curve = COST_CURVE([["1000000", ""]], [[null, "0"]], 1, 1, null) as number[][];
    expectNumber(curve[0][0], 1);
    expect(curve[0][1]).toBe(0);
  });

  it("takes a single number as a one-month range", () => {
    const curve = COST_CURVE(1e6, 1e6, 1, 1, null) as number[][];
    expect(curve).toEqual([[2]]);
  });

  it("computes 36 months, the case the benchmark measures, each equal to INFER_COST times the price factor", () => {
    const months = Array.from({ length: 36 }, (_, month) => 1e6 * (1 + month / 10));
    const curve = COST_CURVE(column(months), column(months.map((tokens) => tokens / 4)), 3, 15, "aggressive") as number[][];
    expect(curve).toHaveLength(36);
    curve.forEach(([cost], month) => {
      const today = ((months[month] * 3 + (months[month] / 4) * 15) / 1e6) as number;
      expectNumber(cost, today * (0.001 + 0.999 * Math.pow(0.025, month / 12)));
    });
  });

  it.each([
    ["ranges of different lengths", [[[1], [2]], [[1], [2], [3]]], /input_tokens and output_tokens must be ranges of the same shape.*got a column of 2 cells and a column of 3 cells/],
    ["a row and a column", [[[1, 2]], [[1], [2]]], /same shape.*got a row of 2 cells and a column of 2 cells/],
    ["a 2-D block", [[[1, 2], [3, 4]], [[1, 2], [3, 4]]], /input_tokens has 2 rows and 2 columns: select one row or one column of monthly token counts/],
    ["a ragged range", [[[1, 2], [3]], [[1, 2]]], /input_tokens is not a rectangular range/],
    ["an empty range", [[], [[1]]], /input_tokens is not a range/],
    ["text in a volume cell", [[[1, "many"]], [[1, 2]]], /input_tokens \(cell 2\) must be a number; got the text "many"/],
    ["an omitted volume", [null, [[1]]], /input_tokens is required: select one row or one column/],
    ["an empty output volume", [[[1]], ""], /output_tokens is required/],
  ])("returns #VALUE! for %s", (_case, [input, output], message) => {
    expectError(COST_CURVE(input, output, 1, 1, null), "#VALUE!", message);
  });

  it.each([
    ["a negative input volume", [[[1, -1]], [[1, 1]], 1, 1, null, null], /input_tokens must be 0 or more; got -1/],
    ["a negative output volume", [[[1, 1]], [[-1, 1]], 1, 1, null, null], /output_tokens must be 0 or more; got -1/],
    ["a negative price", [[[1]], [[1]], -1, 1, null, null], /input_price must be 0 or more/],
    ["a negative start month", [[[1]], [[1]], 1, 1, null, -1], /start_month must be from 0 to 1200 months/],
    ["a curve past month 1200", [[[1, 1, 1]], [[1, 1, 1]], 1, 1, null, 1199], /start_month plus the number of months must stay within 1200 months/],
  ])("returns #NUM! for %s", (_case, args, message) => {
    expectError(COST_CURVE(...(args as [unknown, unknown, unknown, unknown, unknown, unknown])), "#NUM!", message);
  });

  it("returns #NUM! for a cached share above 1 and #VALUE! for an unknown scenario", () => {
    expectError(COST_CURVE([[1]], [[1]], 1, 1, null, 0, 2), "#NUM!", /cached_share must be from 0 to 1/);
    expectError(COST_CURVE([[1]], [[1]], 1, 1, "rosy"), "#VALUE!", /Unknown scenario "rosy"/);
  });

  it("ends exactly at month 1200", () => {
    expect(COST_CURVE([[1, 1]], [[1, 1]], 1, 1, null, 1199)).toHaveLength(1);
  });
});

describe("ANNUAL_MULTIPLIER", () => {
  it("37.5 -> 0.25 over 21 months: (0.25 / 37.5)^(12/21) = 0.05708464183835057", () => {
    expectNumber(ANNUAL_MULTIPLIER(37.5, 0.25, 21), 0.05708464183835057);
  });

  it("agrees with RRI: (1 + RRI(36, 60, 0.06))^12 = (0.001^(1/36))^12 = 0.1", () => {
    expectNumber(ANNUAL_MULTIPLIER(60, 0.06, 36), 0.1);
  });

  it("reads numeric text and 1x1 ranges", () => {
    expectNumber(ANNUAL_MULTIPLIER("60", [[0.06]], [["36"]]), 0.1);
  });

  it.each([
    [[0, 1, 12], "#NUM!", /start_price must be above 0/],
    [[1, -1, 12], "#NUM!", /end_price must be above 0/],
    [[1, 1, 0], "#NUM!", /months must be above 0/],
    [["a", 1, 12], "#VALUE!", /start_price must be a number; got the text "a"/],
    [[1, 1, null], "#VALUE!", /months is required: enter a number/],
  ] as const)("rejects %p with %s", (args, code, message) => {
    expectError(ANNUAL_MULTIPLIER(...(args as readonly unknown[] as [unknown, unknown, unknown])), code, message);
  });

  it("returns #NUM!, never Infinity, when the rate overflows", () => {
    // (1e300)^(12 / 0.001) overflows
    expectError(ANNUAL_MULTIPLIER(1e-300, 1, 0.001), "#NUM!", /too large/);
  });
});

describe("MONTHS_TO_PRICE", () => {
  it("baseline takes 12 months from 10 to 1.09", () => {
    expectNumber(MONTHS_TO_PRICE(10, 1.09, null), 12);
  });

  it("a custom row m = 0.25, f = 0 halves a price in 12 * ln(0.5) / ln(0.25) = 6 months", () => {
    expectNumber(MONTHS_TO_PRICE(8, 4, [[0.25, 0]]), 6);
  });

  it("is 0 when the price is already at or below the target", () => {
    expect(MONTHS_TO_PRICE(1, 2, "aggressive")).toBe(0);
  });

  it.each([
    ["the target is below the floor", [100, 10, "pessimistic"], /never falls to the target: scenario "pessimistic" stops at a floor of 25% of today's price, and the target is 10%/],
    ["the target is at the floor", [10, 0.1, null], /stops at a floor of 1%/],
    ["prices do not fall", [10, 5, [["flat", 1, 0]]], /scenario "flat" has an annual multiplier of 1, so prices do not fall/],
  ])("returns #N/A with a message when %s", (_case, args, message) => {
    expectError(MONTHS_TO_PRICE(...(args as [unknown, unknown, unknown])), "#N/A", message);
  });

  it.each([
    [[-1, 1, null], "#NUM!", /price must be 0 or more/],
    [[1, -1, null], "#NUM!", /target_price must be 0 or more/],
    [[1, "cheap", null], "#VALUE!", /target_price must be a number; got the text "cheap"/],
    [[1, 0.5, "rosy"], "#VALUE!", /Unknown scenario "rosy"/],
  ] as const)("rejects %p with %s", (args, code, message) => {
    expectError(MONTHS_TO_PRICE(...(args as readonly unknown[] as [unknown, unknown, unknown])), code, message);
  });
});

describe("SCENARIO_PARAMS", () => {
  it.each([
    [undefined, [["baseline", 0.1, 0.01]]],
    ["", [["baseline", 0.1, 0.01]]],
    ["Pessimistic", [["pessimistic", 0.5, 0.25]]],
    [[["AGGRESSIVE"]], [["aggressive", 0.025, 0.001]]],
    [[[" team ", 0.2, 0.05]], [["team", 0.2, 0.05]]],
    [[[0.2], [0.05]], [["custom", 0.2, 0.05]]],
  ])("spills one row of label, m, f for %p", (scenario, expected) => {
    expect(SCENARIO_PARAMS(scenario)).toEqual(expected);
  });

  it("returns #VALUE! for an unknown name and #NUM! for a floor above 1", () => {
    expectError(SCENARIO_PARAMS("rosy"), "#VALUE!", /Unknown scenario "rosy"/);
    expectError(SCENARIO_PARAMS([["x", 0.1, 2]]), "#NUM!", /floor share must be from 0 to 1/);
  });
});
