/* The Excel entry points: each hands its arguments to aicost.ts and turns error results into
 * CustomFunctions.Error. The runtime's CustomFunctions global exists only inside Office, so the
 * test defines the small part of it that functions.ts uses: an Error class and the ErrorCode map. */
import * as excel from "../../src/functions/functions";

class TestCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
    // Office's class keeps an absent message undefined; do the same so the test can tell.
    this.message = message as string;
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: TestCustomFunctionsError, ErrorCode };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

/** Calls `run`, expects it to throw a CustomFunctions.Error, and returns it. */
function thrownBy(run: () => unknown): TestCustomFunctionsError {
  try {
    run();
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(TestCustomFunctionsError);
    return thrown as TestCustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error to be thrown");
}

describe("Excel entry points return numbers and spilled arrays", () => {
  it("PRICE_QUANTILE: 10 * (0.01 + 0.99 * 0.2) = 2.08 at P90 of the default band; a band row as Excel passes AICOST_BAND", () => {
    expect(excel.PRICE_QUANTILE(10, 12, 0.9)).toBeCloseTo(2.08, 12);
    // 100 * (0.02 + 0.98 * 0.3^2) = 10.82
    expect(excel.PRICE_QUANTILE(100, 24, 0.9, [["team", 0.05, 0.1, 0.3, 0.02]])).toBeCloseTo(10.82, 12);
  });

  it("COST_QUANTILE: 1000 * 0.0298 * 3 = 89.4 at P10, volume tripling", () => {
    expect(excel.COST_QUANTILE(1000, 12, 0.1, undefined, 3)).toBeCloseTo(89.4, 10);
  });

  it("PRICE_BAND spills 13 rows of three: [10, 10, 10] today, [0.298, 0.6643, 2.08] at month 12", () => {
    const band = excel.PRICE_BAND(10, 12);
    expect(band).toHaveLength(13);
    expect(band[0]).toEqual([10, 10, 10]);
    band[12].forEach((price, column) => expect(price).toBeCloseTo([0.298, 0.6643, 2.08][column], 12));
  });

  it("a band passed as a name is thrown as #VALUE! with its message; a probability of 1 as #NUM!", () => {
    const named = thrownBy(() => excel.PRICE_QUANTILE(10, 12, 0.9, [["baseline"]]));
    expect(named.code).toBe("#VALUE!");
    expect(named.message).toMatch(/is a name, not a band/);
    expect(thrownBy(() => excel.PRICE_BAND(10, 12, [["x", 0.5, 0.1, 0.2, 0]])).code).toBe("#NUM!");
    expect(thrownBy(() => excel.COST_QUANTILE(10, 12, 1)).code).toBe("#NUM!");
  });

  it("INFER_COST: (2e6 * 3 + 5e5 * 15) / 1e6 = 13.5", () => {
    expect(excel.INFER_COST(2e6, 5e5, 3, 15)).toBeCloseTo(13.5, 12);
  });

  it("PROJECT_PRICE: 10 * 0.109 = 1.09 (baseline), and Excel's [[\"aggressive\"]] form: 10 * 0.025975 = 0.25975", () => {
    expect(excel.PROJECT_PRICE(10, 12)).toBeCloseTo(1.09, 12);
    expect(excel.PROJECT_PRICE(10, 12, [["aggressive"]])).toBeCloseTo(0.25975, 12);
  });

  it("PROJECT_COST: 1000 * 0.625 * 2 = 1250 (pessimistic, volume doubling)", () => {
    expect(excel.PROJECT_COST(1000, 12, [["pessimistic"]], 2)).toBeCloseTo(1250, 10);
  });

  it("PRICE_CURVE spills a column: 100, then 100 * 0.109 = 10.9 at month 12", () => {
    const curve = excel.PRICE_CURVE(100, 12);
    expect(curve).toHaveLength(13);
    expect(curve[12][0]).toBeCloseTo(10.9, 10);
  });

  it("COST_CURVE spills the shape of its input: a row of 1 and 2 dollars today", () => {
    expect(excel.COST_CURVE([[1e6, 2e6]], [[0, 0]], 1, 1, [["flat", 1, 0]])).toEqual([[1, 2]]);
  });

  it("ANNUAL_MULTIPLIER: (0.25 / 37.5)^(12/21) = 0.0570846418", () => {
    expect(excel.ANNUAL_MULTIPLIER(37.5, 0.25, 21)).toBeCloseTo(0.0570846418, 9);
  });

  it("MONTHS_TO_PRICE: 12 months from 10 to 1.09 under baseline", () => {
    expect(excel.MONTHS_TO_PRICE(10, 1.09)).toBeCloseTo(12, 9);
  });

  it("SCENARIO_PARAMS spills label, m, f", () => {
    expect(excel.SCENARIO_PARAMS([["team", 0.2, 0.05]])).toEqual([["team", 0.2, 0.05]]);
  });

  it("MODEL_PRICE: GPT-4 at launch blends to (3 * 30 + 60) / 4 = 37.5; o3 costs $10, then $2 from 2025-06-10 (45818)", () => {
    expect(excel.MODEL_PRICE("gpt-4-0314", "blended")).toBe(37.5);
    expect(excel.MODEL_PRICE("o3", "input", 45817)).toBe(10);
    expect(excel.MODEL_PRICE("o3", undefined, 45818)).toBe(2);
    expect(excel.MODEL_PRICE("our-llm", "output", undefined, [["our-llm", "Us", 45658, 1, 2, null, "contract"]])).toBe(2);
  });

  it("MODELS spills a header row and a row per model; CATALOG_DATE is 2026-09-01 (46266)", () => {
    const listing = excel.MODELS("Cohere");
    expect(listing[0].slice(0, 7)).toEqual(["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"]);
    expect(listing.slice(1).every((row) => row[1] === "Cohere")).toBe(true);
    expect(excel.CATALOG_DATE()).toBe(46266);
  });

  it("BLENDED_PRICE: (3 * 3 + 15) / 4 = 6; FIT_MULTIPLIER: (0.25 / 37.5)^(12/21) = 0.0570846 over 639.1875 days", () => {
    expect(excel.BLENDED_PRICE(3, 15)).toBe(6);
    expect(excel.FIT_MULTIPLIER([[44999], [45638.1875]], [[37.5], [0.25]])).toBeCloseTo(0.0570846418, 9);
  });
});

describe("Excel entry points throw CustomFunctions.Error for error results", () => {
  it("#VALUE! carries its message", () => {
    const error = thrownBy(() => excel.PROJECT_PRICE(10, 12, [["rosy"]]));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/Unknown scenario "rosy": use pessimistic, baseline, aggressive/);
  });

  it("MODEL_PRICE's #N/A for an unknown model carries its suggestions", () => {
    const error = thrownBy(() => excel.MODEL_PRICE("gpt4o"));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toBe("unknown model 'gpt4o'; did you mean gpt-4o, gpt-4o-mini?");
  });

  it("#N/A carries its message", () => {
    const error = thrownBy(() => excel.MONTHS_TO_PRICE(100, 10, [["pessimistic"]]));
    expect(error.code).toBe(ErrorCode.notAvailable);
    expect(error.message).toMatch(/never falls to the target/);
  });

  it("#NUM! carries no message, since Excel allows messages only on #VALUE! and #N/A", () => {
    const error = thrownBy(() => excel.INFER_COST(-1, 0, 1, 1));
    expect(error.code).toBe(ErrorCode.invalidNumber);
    expect(error.message).toBeUndefined();
  });

  it.each<[string, () => unknown, string]>([
    ["INFER_COST", () => excel.INFER_COST(1, 1, 1, 1, 2), "#NUM!"],
    ["PROJECT_COST", () => excel.PROJECT_COST(1, 1, undefined, 0), "#NUM!"],
    ["PRICE_CURVE", () => excel.PRICE_CURVE(1, 1.5), "#NUM!"],
    ["COST_CURVE", () => excel.COST_CURVE([[1, 2]], [[1]], 1, 1), "#VALUE!"],
    ["ANNUAL_MULTIPLIER", () => excel.ANNUAL_MULTIPLIER(0, 1, 1), "#NUM!"],
    ["SCENARIO_PARAMS", () => excel.SCENARIO_PARAMS([[1, 2, 3, 4]]), "#VALUE!"],
    ["MODEL_PRICE, unknown model", () => excel.MODEL_PRICE("gpt4o"), "#N/A"],
    ["MODEL_PRICE, price type not charged", () => excel.MODEL_PRICE("gpt-4-0314", "cached_input"), "#N/A"],
    ["MODEL_PRICE, before the first price", () => excel.MODEL_PRICE("o3", "input", 45000), "#N/A"],
    ["MODEL_PRICE, unknown price type", () => excel.MODEL_PRICE("o3", "retail"), "#VALUE!"],
    ["MODEL_PRICE, date out of range", () => excel.MODEL_PRICE("o3", "input", -1), "#NUM!"],
    ["MODEL_PRICE, bad price table", () => excel.MODEL_PRICE("m", undefined, undefined, [["m", "P", null, 1, 2, null, "s"]]), "#VALUE!"],
    ["MODELS, unknown provider", () => excel.MODELS("Acme"), "#N/A"],
    ["MODELS, date out of range", () => excel.MODELS(undefined, 1e9), "#NUM!"],
    ["BLENDED_PRICE, share above 1", () => excel.BLENDED_PRICE(1, 1, 2), "#NUM!"],
    ["BLENDED_PRICE, text", () => excel.BLENDED_PRICE("x" as unknown as number, 1), "#VALUE!"],
    ["FIT_MULTIPLIER, shapes differ", () => excel.FIT_MULTIPLIER([[1], [2]], [[1, 2]]), "#VALUE!"],
    ["FIT_MULTIPLIER, price 0", () => excel.FIT_MULTIPLIER([[45000], [45100]], [[1], [0]]), "#NUM!"],
    ["FIT_MULTIPLIER, one point", () => excel.FIT_MULTIPLIER([[45000]], [[1]]), "#N/A"],
    ["FIT_MULTIPLIER, unknown statistic", () => excel.FIT_MULTIPLIER([[45000], [45100]], [[2], [1]], "slope"), "#VALUE!"],
  ])("%s throws its error code", (_name, run, code) => {
    expect(thrownBy(run).code).toBe(code);
  });

  it("converts ExcelError elements of a spilled array one by one, keeping the numbers", () => {
    // month 0 is 1e300; month 1 is 1e300 * (1e300)^(1/12) = 1e325, which overflows to #NUM!
    const curve = excel.PRICE_CURVE(1e300, 1, [[1e300, 0]]) as unknown[][];
    expect(curve[0][0]).toBe(1e300);
    expect(curve[1][0]).toBeInstanceOf(TestCustomFunctionsError);
    expect((curve[1][0] as TestCustomFunctionsError).code).toBe(ErrorCode.invalidNumber);
    expect((curve[1][0] as TestCustomFunctionsError).message).toBeUndefined();
  });
});

describe("Excel entry points pass on an error Excel passed in, unchanged", () => {
  // With allowErrorForDataTypeAny, Excel hands an error in a range or an `any` argument to the
  // function as a CustomFunctions.Error (the test's class stands in for the runtime's).
  const notAvailable = (): TestCustomFunctionsError => new TestCustomFunctionsError(ErrorCode.notAvailable, "No price for this model.");

  it("#N/A inside COST_CURVE's volumes is thrown as the very error that came in", () => {
    const upstream = notAvailable();
    expect(thrownBy(() => excel.COST_CURVE([[1e6], [upstream], [1e6]], [[0], [0], [0]], 2, 8))).toBe(upstream);
  });

  it("an error inside a scenario range, or as the scenario itself, is passed on, not reported as a bad label", () => {
    const upstream = new TestCustomFunctionsError(ErrorCode.divisionByZero);
    expect(thrownBy(() => excel.PROJECT_PRICE(10, 12, [[upstream, 0.1, 0.01]]))).toBe(upstream);
    expect(thrownBy(() => excel.PROJECT_PRICE(10, 12, [["team", upstream, 0.01]]))).toBe(upstream);
    const single = notAvailable();
    expect(thrownBy(() => excel.SCENARIO_PARAMS([[single]]))).toBe(single);
  });

  it("an error in a number parameter is passed on too, should a host hand one over", () => {
    const upstream = notAvailable();
    expect(thrownBy(() => excel.INFER_COST(1e6, upstream as unknown as number, 3, 15))).toBe(upstream);
  });

  it("the first error in argument order wins", () => {
    const first = notAvailable();
    const second = new TestCustomFunctionsError(ErrorCode.divisionByZero);
    expect(thrownBy(() => excel.COST_CURVE([[first]], [[second]], 1, 1))).toBe(first);
    expect(thrownBy(() => excel.COST_CURVE([[1]], [[second]], 1, 1, [[first]]))).toBe(second);
  });

  it("#REF! and #NAME?, which a custom function may not return, become #VALUE! saying where they are", () => {
    const error = thrownBy(() => excel.COST_CURVE([[1], [new TestCustomFunctionsError(ErrorCode.invalidReference)]], [[1], [1]], 1, 1));
    expect(error.code).toBe(ErrorCode.invalidValue);
    expect(error.message).toMatch(/input_tokens \(cell 2\) holds #REF!, which a custom function cannot return/);
    expect(thrownBy(() => excel.PROJECT_PRICE(10, 12, [[new TestCustomFunctionsError(ErrorCode.invalidName)]])).message).toMatch(/holds #NAME\?/);
  });

  it("an error cell value (the data-type form) becomes a new CustomFunctions.Error of its code", () => {
    const error = thrownBy(() => excel.PROJECT_PRICE(10, 12, [[{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }]]));
    expect(error.code).toBe(ErrorCode.notAvailable);
  });
});
