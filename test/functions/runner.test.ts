/* The generic runner (src/functions/args.ts): every AICOST function is its parameter table and a
 * computation, so what the runner does with each kind of parameter, with defaults, with errors
 * that come in through arguments and with non-finite results holds for every function, and for
 * the ones issues to come add from a table entry. Kinds no function uses yet (text, date, table)
 * are tested on tables written here. */
import { defineFunction } from "../../src/functions/args";
import { FUNCTION_SPECS, type FunctionSpec } from "../../src/functions/parameters";
import { ExcelError, type FunctionResult } from "../../src/functions/values";
import * as aicost from "../../src/functions/aicost";
import { expectError } from "./helpers";

const na = new ExcelError("#N/A", "no such model");
const divByZero = new ExcelError("#DIV/0!", "");

/** A table of one parameter of each kind, and a computation that echoes the clean values. */
const everyKind: FunctionSpec = {
  result: "row",
  parameters: [
    { name: "model", kind: "text", optional: false, hint: "a model id such as gpt-4o" },
    { name: "as_of", kind: "date", optional: false },
    { name: "prices", kind: "table", optional: false },
    { name: "price_type", kind: "text", optional: true, defaultValue: "blended" },
    { name: "note", kind: "text", optional: true },
    { name: "until", kind: "date", optional: true },
  ],
};
const echo = defineFunction("ECHO", everyKind, (values) => [values.map((value) => (value === null ? "null" : typeof value === "object" ? JSON.stringify(value) : (value as string | number)))]);

describe("text parameters", () => {
  it("take one cell of text, unchanged, from a value or a 1x1 range", () => {
    expect(echo("gpt-4o", 45000, [[1]])).toEqual([["gpt-4o", 45000, "[[1]]", "blended", "null", "null"]]);
    expect(echo([[" gpt-4o "]], 45000, [[1]])).toEqual([[" gpt-4o ", 45000, "[[1]]", "blended", "null", "null"]]);
  });

  it("take the default when omitted or empty, and null without one", () => {
    expect(echo("m", 1, 1, "", [[null]], null)).toEqual([["m", 1, "[[1]]", "blended", "null", "null"]]);
    expect(echo("m", 1, 1, "input", "ours")).toEqual([["m", 1, "[[1]]", "input", "ours", "null"]]);
  });

  it.each([
    [[null, 1, 1], /model is required: enter a text \(a model id such as gpt-4o\)/],
    [[42, 1, 1], /model must be a text \(a model id such as gpt-4o\); got 42/],
    [[true, 1, 1], /model must be a text .*got TRUE/],
    [[[["a", "b"]], 1, 1], /model must be a single text, not a range of several cells/],
  ])("refuse %p with #VALUE! and what to enter", (args, message) => {
    expectError(echo(...args), "#VALUE!", message);
  });
});

describe("date parameters", () => {
  it("take Excel's serial day numbers (45791 is 2025-05-14), fractions of a day included", () => {
    expect(echo("m", 45791, 1)).toEqual([["m", 45791, "[[1]]", "blended", "null", "null"]]);
    expect(echo("m", [[45791.5]], 1, null, null, 45800)).toEqual([["m", 45791.5, "[[1]]", "blended", "null", 45800]]);
  });

  it.each([
    [["m", "2025-05-14", 1], "#VALUE!", /as_of must be a date: a date cell or DATE\(2025, 5, 14\), not the text "2025-05-14"/],
    [["m", null, 1], "#VALUE!", /as_of is required: enter a date/],
    [["m", -1, 1], "#NUM!", /as_of must be 0 or more; got -1/],
  ] as const)("refuse %p", (args, code, message) => {
    expectError(echo(...args), code, message);
  });
});

describe("table parameters", () => {
  it("take a rectangular range as rows of cells, empty cells null, a single value as a 1x1 table", () => {
    expect(echo("m", 1, [["gpt", 3], ["o1", undefined]])).toEqual([["m", 1, '[["gpt",3],["o1",null]]', "blended", "null", "null"]]);
    expect(echo("m", 1, 7)).toEqual([["m", 1, "[[7]]", "blended", "null", "null"]]);
  });

  it.each([
    [[[1, 2], [3]], /prices is not a rectangular range: select a rectangular range/],
    [[], /prices is not a range/],
    [null, /prices is required: select a range/],
  ])("refuse %p with #VALUE!", (table, message) => {
    expectError(echo("m", 1, table), "#VALUE!", message);
  });
});

describe("errors that come in through arguments", () => {
  it("come out unchanged, the very value that came in", () => {
    expect(echo(na, 1, 1)).toBe(na);
    expect(echo("m", 1, [["a", 1], ["b", na]])).toBe(na);
    expect(aicost.COST_CURVE([[1], [na], [3]], [[1], [1], [1]], 1, 1)).toBe(na);
  });

  it("the first in argument order wins, whether the others are errors or malformed", () => {
    expect(echo(na, divByZero, 1)).toBe(na);
    expect(echo("m", divByZero, [[na]])).toBe(divByZero);
    expectError(echo(42, na, 1), "#VALUE!", /model must be a text/);
    expectError(aicost.INFER_COST(-1, na, 1, 1), "#NUM!", /input_tokens must be 0 or more/);
    expect(aicost.INFER_COST(na, "lots", -1, 1)).toBe(na);
  });

  it("win over the rest of the argument they are in: an error anywhere in a range comes before its shape or its text", () => {
    expect(aicost.COST_CURVE([[1, "many", na]], [[1, 1, 1]], 1, 1)).toBe(na);
    expect(aicost.COST_CURVE([[1, 2], [na, 4]], [[1]], 1, 1)).toBe(na); // a 2-D block, refused only after its errors
    expect(aicost.PROJECT_PRICE(1, 12, [["team", "ten", na]])).toBe(na);
    expect(aicost.PROJECT_PRICE(1, [[1, na]], null)).toBe(na);
  });

  it("come as Excel passes them: a CustomFunctions.Error-like object, or an error cell value", () => {
    const excelError = { code: "#N/A", message: "Excel's own" };
    const result = aicost.COST_CURVE([[1], [excelError]], [[1], [1]], 1, 1) as ExcelError;
    expect(result).toBeInstanceOf(ExcelError);
    expect(result).toMatchObject({ code: "#N/A", message: "Excel's own", source: excelError });
    const cellValue = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expect(aicost.PROJECT_PRICE(cellValue, 12)).toMatchObject({ code: "#DIV/0!", source: cellValue });
  });

  it("that a custom function may not return (#REF!, #NAME?, #SPILL!) become #VALUE! naming where they are", () => {
    expectError(aicost.COST_CURVE([[1], [1], [{ code: "#REF!" }]], [[1], [1], [1]], 1, 1), "#VALUE!", /input_tokens \(cell 3\) holds #REF!, which a custom function cannot return/);
    expectError(aicost.PROJECT_PRICE({ code: "#NAME?" }, 12), "#VALUE!", /price holds #NAME\?/);
    expectError(aicost.PROJECT_PRICE(1, 12, [[{ type: "Error", basicValue: "#SPILL!" }]]), "#VALUE!", /^scenario holds #SPILL!/);
  });

  it("are not confused with text that reads like one: a cell holding the text #N/A is text", () => {
    expectError(aicost.PROJECT_PRICE("#N/A", 12), "#VALUE!", /price must be a number; got the text "#N\/A"/);
    expectError(aicost.PROJECT_PRICE(1, 12, "#N/A"), "#VALUE!", /Unknown scenario "#N\/A"/);
  });
});

describe("defaults", () => {
  it("an omitted parameter that copies another takes its clean value: cached_input_price = input_price", () => {
    // (0.5 * 1e6 * 2 + 0.5 * 1e6 * 2) / 1e6 = 2 with the cached price defaulting to the input price of $2
    expect(aicost.INFER_COST(1e6, 0, [["2"]], 1, 0.5)).toBe(2);
  });

  it("0 is a real value, not an omission", () => {
    expect(aicost.INFER_COST(1e6, 0, 2, 1, 0.5, 0)).toBe(1);
  });
});

describe("results", () => {
  it("every number of a spilled result is checked: a non-finite one becomes #NUM!, the others stay", () => {
    const spill = defineFunction("SPILL", { result: "row", parameters: [] }, () => [["label", Number.POSITIVE_INFINITY, 1, Number.NaN]]);
    const result = spill() as unknown[][];
    expect(result[0][0]).toBe("label");
    expect(result[0][2]).toBe(1);
    expectError(result[0][1] as FunctionResult, "#NUM!", /too large or too small/);
    expectError(result[0][3] as FunctionResult, "#NUM!");
  });

  it("a computation that throws something else than a domain error is an internal error, logged", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = defineFunction("BROKEN", { result: "cell", parameters: [] }, () => {
      throw new TypeError("a bug");
    });
    expectError(broken(), "#VALUE!", /AICOST internal error/);
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });
});

describe("parameter tables that contradict themselves are refused when the function is defined", () => {
  it.each<[string, FunctionSpec, RegExp]>([
    ["a default on a required parameter", { result: "cell", parameters: [{ name: "a", kind: "number", optional: false, defaultValue: 1 }] }, /required parameter a has a default/],
    [
      "a required parameter after an optional one",
      { result: "cell", parameters: [{ name: "a", kind: "number", optional: true }, { name: "b", kind: "number", optional: false }] },
      /required parameter b follows an optional one/,
    ],
    [
      "a default copied from a later parameter",
      { result: "cell", parameters: [{ name: "a", kind: "number", optional: true, defaultValue: { parameter: "b" } }, { name: "b", kind: "number", optional: true }] },
      /a copies b, which is not an earlier parameter of the same kind/,
    ],
    [
      "more parameters than the runner passes",
      { result: "cell", parameters: Array.from({ length: 9 }, (_, index) => ({ name: `p${index}`, kind: "number" as const, optional: false })) },
      /passes at most 8 arguments; this table has 9/,
    ],
    ["a scenario default that is no preset", { result: "cell", parameters: [{ name: "s", kind: "scenario", optional: true, defaultValue: "rosy" }] }, /defaults to "rosy", which is not a preset/],
    ["a band default other than the default band", { result: "cell", parameters: [{ name: "b", kind: "band", optional: true, defaultValue: "baseline" }] }, /the only band a parameter may default to is "evidence"/],
  ])("%s", (_case, spec, message) => {
    expect(() => defineFunction("BAD", spec, () => 0)).toThrow(message);
  });

  it("and every table of FUNCTION_SPECS is consistent (defining each throws nothing)", () => {
    for (const [id, spec] of Object.entries(FUNCTION_SPECS)) {
      expect(() => defineFunction(id, spec, () => 0)).not.toThrow();
    }
  });
});
