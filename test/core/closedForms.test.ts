import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import {
  CLOSED_FORMS,
  FLOOR_DOMAIN,
  literalScenario,
  MULTIPLIER_DOMAIN,
  optionalCellRead,
  presetLookupScenario,
  presetScenario,
  rangeScenario,
  type NumberOperand,
  type Operand,
  type OperandDomain,
} from "../../src/core/closedForms";
import { add, call, formulaText, multiply, negate, num, power, source, subtract, text, withFileFunctionNames, type FormulaExpression } from "../../src/core/formulaExpression";
import { rewriteFormula } from "../../src/share/formula";
import { inferenceCostUsd } from "../../src/core/cost";
import { monthsToPrice, priceCurve, projectCost, projectPrice } from "../../src/core/projection";
import { annualMultiplier } from "../../src/core/rates";
import { PRESET_SCENARIOS, type Scenario } from "../../src/core/scenario";
import { COST_CURVE, SCENARIO_PARAMS } from "../../src/functions/aicost";
import { FUNCTION_IDS } from "../../src/functions/parameters";

/** A bare engine: only built-in functions, as a recipient without the add-in has. */
const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, useArrayArithmetic: true });
const sheet = hf.getSheetId(hf.addSheet("S")) as number;

/** Evaluates a formula with the given values in A1, B1, C1, ... (read by the formula as cells). */
function evaluate(formula: string, inputs: readonly number[] = []): unknown {
  hf.setSheetContent(sheet, [[...inputs, `=${formula}`]]);
  return hf.getCellValue({ sheet, row: 0, col: inputs.length });
}

function evaluateColumn(formula: string, inputs: readonly number[], length: number): unknown[] {
  hf.setSheetContent(sheet, [[...inputs, `=${formula}`]]);
  return Array.from({ length }, (_unused, row) => hf.getCellValue({ sheet, row, col: inputs.length }));
}

const columns = "ABCDEFGH";
const cell = (index: number) => source(`${columns[index]}1`, true);
const read = (index: number, domain: OperandDomain): NumberOperand => ({ kind: "number", expression: cell(index), numeric: false, domain });
const literal = (value: number, domain: OperandDomain = {}): NumberOperand => ({ kind: "number", expression: num(value), literal: value, numeric: true, domain });
const cellScenario = (multiplierIndex: number): Operand => rangeScenario(source(`${columns[multiplierIndex]}1:${columns[multiplierIndex + 1]}1`, true), "row", 2);

function expectClose(actual: unknown, expected: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
}

const build = (id: string, operands: Operand[], spillLength?: number) => formulaText(CLOSED_FORMS[id]!.build(operands, spillLength === undefined ? {} : { spillLength }));

const price = fc.double({ min: 0, max: 1e6, noNaN: true });
const months = fc.double({ min: 0, max: 1200, noNaN: true });
const multiplier = fc.double({ min: 1e-3, max: 5, noNaN: true });
const floor = fc.double({ min: 0, max: 1, noNaN: true });
const nonNegative: OperandDomain = { min: 0 };
const monthsDomain: OperandDomain = { min: 0, max: 1200 };

describe("closed forms evaluated by a spreadsheet engine equal the JavaScript engine", () => {
  test("the eight functions of the first release have closed forms (a function added without one is frozen and reported)", () => {
    const firstRelease = ["INFER_COST", "PROJECT_PRICE", "PROJECT_COST", "PRICE_CURVE", "COST_CURVE", "ANNUAL_MULTIPLIER", "MONTHS_TO_PRICE", "SCENARIO_PARAMS"];
    expect(firstRelease.filter((id) => CLOSED_FORMS[id] === undefined)).toEqual([]);
    expect(firstRelease.every((id) => FUNCTION_IDS.includes(id as never))).toBe(true);
  });

  test("PROJECT_PRICE reads its arguments from cells: P0 * (f + (1 - f) * m^(t/12))", () => {
    fc.assert(
      fc.property(price, months, multiplier, floor, (p, t, m, f) => {
        const formula = build("PROJECT_PRICE", [read(0, nonNegative), read(1, monthsDomain), cellScenario(2)]);
        const scenario: Scenario = { label: "x", annualPriceMultiplier: m, floorShare: f };
        expectClose(evaluate(formula, [p, t, m, f]), projectPrice(p, t, scenario));
      }),
      { numRuns: 150 },
    );
  });

  test("PROJECT_COST with volume growth", () => {
    fc.assert(
      fc.property(price, months, multiplier, floor, fc.double({ min: 0.1, max: 10, noNaN: true }), (c, t, m, f, v) => {
        const formula = build("PROJECT_COST", [read(0, nonNegative), read(1, monthsDomain), cellScenario(2), read(4, { min: 0, minExclusive: true })]);
        const expected = projectCost(c, t, { label: "x", annualPriceMultiplier: m, floorShare: f }, v);
        if (Number.isFinite(expected)) expectClose(evaluate(formula, [c, t, m, f, v]), expected);
      }),
      { numRuns: 120 },
    );
  });

  test("INFER_COST with a cached share", () => {
    const tokens = fc.integer({ min: 0, max: 1e9 });
    fc.assert(
      fc.property(tokens, tokens, price, price, floor, price, (input, output, inPrice, outPrice, share, cachedPrice) => {
        const formula = build("INFER_COST", [read(0, nonNegative), read(1, nonNegative), read(2, nonNegative), read(3, nonNegative), read(4, { min: 0, max: 1 }), read(5, nonNegative)]);
        const expected = inferenceCostUsd({ inputTokens: input, outputTokens: output, inputUsdPerMillionTokens: inPrice, outputUsdPerMillionTokens: outPrice, cachedShare: share, cachedInputUsdPerMillionTokens: cachedPrice });
        expectClose(evaluate(formula, [input, output, inPrice, outPrice, share, cachedPrice]), expected);
      }),
      { numRuns: 120 },
    );
  });

  test("ANNUAL_MULTIPLIER: (end/start)^(12/months)", () => {
    const positive = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0.5, max: 600, noNaN: true }), (start, end, span) => {
        const domain = { min: 0, minExclusive: true };
        const formula = build("ANNUAL_MULTIPLIER", [read(0, domain), read(1, domain), read(2, domain)]);
        const expected = annualMultiplier(start, end, span);
        if (Number.isFinite(expected) && expected > 1e-300) expectClose(evaluate(formula, [start, end, span]), expected);
      }),
      { numRuns: 120 },
    );
  });

  test("MONTHS_TO_PRICE: 0 at or below the target, #N/A where it is never reached, else the solved month", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1.5, noNaN: true }), multiplier, floor, (p, targetShare, m, f) => {
        const formula = build("MONTHS_TO_PRICE", [read(0, nonNegative), read(1, nonNegative), cellScenario(2)]);
        const target = p * targetShare;
        const actual = evaluate(formula, [p, target, m, f]);
        let expected: number | null;
        try {
          expected = monthsToPrice(p, target, { label: "x", annualPriceMultiplier: m, floorShare: f });
        } catch {
          expected = null; // never reached: notFound, #N/A
        }
        if (expected === null) expect(actual).toMatchObject({ type: "NA" });
        else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(expected, 1));
      }),
      { numRuns: 150 },
    );
  });

  test("PRICE_CURVE spills months + 1 prices, each the projected price of its month", () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 40 }), fc.constantFrom(...PRESET_SCENARIOS), (p, n, preset) => {
        const formula = build("PRICE_CURVE", [read(0, nonNegative), literal(n, { ...monthsDomain, integer: true }), presetScenario(preset.label)!]);
        const actual = evaluateColumn(formula, [p], n + 1);
        priceCurve(p, n, preset).forEach((expected, index) => expectClose(actual[index], expected));
      }),
      { numRuns: 40 },
    );
  });

  test("PRICE_CURVE whose months is a cell fills its range, #N/A past the months", () => {
    const formula = build("PRICE_CURVE", [read(0, nonNegative), read(1, { ...monthsDomain, integer: true }), presetScenario("baseline")!], 5);
    const actual = evaluateColumn(formula, [10, 2], 5);
    // 10 * (0.01 + 0.99 * 0.1^(t/12)) for t = 0, 1, 2; then #N/A.
    expectClose(actual[0], 10);
    expectClose(actual[1], 10 * (0.01 + 0.99 * Math.pow(0.1, 1 / 12)));
    expectClose(actual[2], 10 * (0.01 + 0.99 * Math.pow(0.1, 2 / 12)));
    expect(actual[3]).toMatchObject({ type: "NA" });
    expect(actual[4]).toMatchObject({ type: "NA" });
  });

  test("COST_CURVE over array constants equals aicost.ts's COST_CURVE", () => {
    const volumes = (items: number[]): Operand => ({ kind: "vector", expression: source(`{${items.join(";")}}`, true), length: items.length, orientation: "column", domain: { min: 0 } });
    const formula = build("COST_CURVE", [volumes([1e6, 2e6, 3e6]), volumes([1e5, 1e5, 1e5]), literal(2, nonNegative), literal(8, nonNegative), presetScenario("aggressive")!, literal(6, monthsDomain), literal(0.5, { min: 0, max: 1 }), literal(0.2, nonNegative)]);
    const expected = COST_CURVE([[1e6], [2e6], [3e6]], [[1e5], [1e5], [1e5]], 2, 8, "aggressive", 6, 0.5, 0.2) as number[][];
    evaluateColumn(formula, [], 3).forEach((value, index) => expectClose(value, expected[index][0]));
  });

  test("SCENARIO_PARAMS of a preset named in a cell follows the cell, any case, empty = baseline", () => {
    const formula = build("SCENARIO_PARAMS", [presetLookupScenario(source("A1", true))]);
    for (const [name, expected] of [["Aggressive", ["aggressive", 0.025, 0.001]], ["PESSIMISTIC", ["pessimistic", 0.5, 0.25]], ["", ["baseline", 0.1, 0.01]]] as const) {
      hf.setSheetContent(sheet, [[name === "" ? null : name, `=${formula}`]]);
      expect([1, 2, 3].map((col) => hf.getCellValue({ sheet, row: 0, col }))).toEqual(expected);
    }
  });

  test("a preset name in a cell matches as AICOST matches it: spaces around it, a number or an error are errors", () => {
    const formula = build("SCENARIO_PARAMS", [presetLookupScenario(source("A1", true))]);
    // AICOST: " Aggressive " and 7 are #VALUE! (unknown scenario); the lookup finds nothing, #N/A.
    // An error in the cell (#DIV/0!) passes through in both.
    for (const [content, code] of [[" Aggressive ", "NA"], ["  ", "NA"], [7, "NA"], ["=1/0", "DIV_BY_ZERO"]] as const) {
      hf.setSheetContent(sheet, [[content, `=${formula}`]]);
      expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toMatchObject({ type: code });
    }
    expect(SCENARIO_PARAMS(" Aggressive ")).toMatchObject({ code: "#VALUE!" });
  });
});

describe("closed forms turn bad input into errors, never numbers", () => {
  const formula = build("PROJECT_PRICE", [read(0, nonNegative), read(1, monthsDomain), rangeScenario(source("C1:E1", true), "row", 3)]);
  const run = (values: unknown[]) => {
    hf.setSheetContent(sheet, [[...(values as never[]), `=${formula}`]]);
    return hf.getCellValue({ sheet, row: 0, col: 5 });
  };

  test.each([
    ["a negative price", [-1, 12, "x", 0.1, 0.01], "NUM"],
    ["months past 1200", [10, 1201, "x", 0.1, 0.01], "NUM"],
    ["m of 0", [10, 12, "x", 0, 0.01], "NUM"],
    ["a floor above 1", [10, 12, "x", 0.1, 1.01], "NUM"],
    ["a negative floor", [10, 12, "x", 0.1, -0.01], "NUM"],
    ["text for the price", ["ten", 12, "x", 0.1, 0.01], "VALUE"],
    ["an empty price", [null, 12, "x", 0.1, 0.01], "VALUE"],
    ["TRUE for the price", ["=TRUE()", 12, "x", 0.1, 0.01], "VALUE"],
    ["a number as the label", [10, 12, 5, 0.1, 0.01], "VALUE"],
    ["an empty m", [10, 12, "x", null, 0.01], "NUM"],
    ["an error in the price (passes through)", ["=NA()", 12, "x", 0.1, 0.01], "NA"],
    ["an error in m (passes through)", [10, 12, "x", "=1/0", 0.01], "DIV_BY_ZERO"],
  ])("%s", (_what, values, type) => {
    expect(run(values)).toMatchObject({ type });
  });

  test("literal arguments are checked when the formula is built", () => {
    expect(build("PROJECT_PRICE", [literal(-1, nonNegative), literal(12, monthsDomain), presetScenario("baseline")!])).toBe("#NUM!");
    expect(build("PROJECT_PRICE", [literal(1, nonNegative), { kind: "error", code: "#DIV/0!" }, presetScenario("baseline")!])).toBe("#DIV/0!");
    expect(build("PRICE_CURVE", [literal(1, nonNegative), literal(2.5, { ...monthsDomain, integer: true }), presetScenario("baseline")!])).toBe("#NUM!");
    expect(build("COST_CURVE", [
      { kind: "vector", expression: source("A1:A3", true), length: 3, orientation: "column", domain: { min: 0 } },
      { kind: "vector", expression: source("B1:B2", true), length: 2, orientation: "column", domain: { min: 0 } },
      literal(1), literal(1), presetScenario("baseline")!, literal(0, monthsDomain), literal(0), literal(1),
    ])).toBe("#VALUE!");
  });
});

describe("formula text", () => {
  test("parentheses only where Excel's precedence needs them", () => {
    const a = source("A1", true);
    const b = source("B1", true);
    expect(formulaText(multiply(add(a, b), a))).toBe("(A1+B1)*A1");
    expect(formulaText(add(multiply(a, b), a))).toBe("A1*B1+A1");
    expect(formulaText(subtract(a, subtract(b, a)))).toBe("A1-(B1-A1)");
    expect(formulaText(subtract(a, num(-0.5)))).toBe("A1-(-0.5)");
    expect(formulaText(power(negate(a), num(2)))).toBe("(-A1)^2");
    expect(formulaText(power(power(a, b), a))).toBe("(A1^B1)^A1");
    expect(formulaText(multiply(source("A1+1", false), b))).toBe("(A1+1)*B1");
    expect(formulaText(call("IF", text('say "hi"'), num(1e-7), num(1e21)))).toBe('IF("say ""hi""",1E-7,1E+21)');
  });

  test("literal numbers fold only when the result prints exactly", () => {
    // 1 - 0.01 = 0.99 exactly as a double's shortest text; 0.1 + 0.2 does not print in 15 digits.
    expect(formulaText(subtract(num(1), num(0.01)))).toBe("0.99");
    expect(formulaText(add(num(0.1), num(0.2)))).toBe("0.1+0.2");
    expect(formulaText(multiply(num(1), source("A1", true)))).toBe("A1");
  });

  test("a fast-check property: printed expressions read back to the same number in a spreadsheet", () => {
    const leaf = fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }).map((value) => num(Math.round(value * 1000) / 1000)), fc.constant(source("A1", true)));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.tuple(tie("node"), tie("node")).map(([l, r]) => add(l as FormulaExpression, r as FormulaExpression)), fc.tuple(tie("node"), tie("node")).map(([l, r]) => subtract(l as FormulaExpression, r as FormulaExpression)), fc.tuple(tie("node"), tie("node")).map(([l, r]) => multiply(l as FormulaExpression, r as FormulaExpression)), tie("node").map((operand) => negate(operand as never))),
    })).node;
    const evaluateTree = (expression: ReturnType<typeof num>, a1: number): number => {
      switch (expression.kind) {
        case "number": return expression.value;
        case "source": return a1;
        case "negate": return -evaluateTree(expression.operand as never, a1);
        case "binary": {
          const [l, r] = [evaluateTree(expression.left as never, a1), evaluateTree(expression.right as never, a1)];
          return expression.operator === "+" ? l + r : expression.operator === "-" ? l - r : l * r;
        }
        default: throw new Error(expression.kind);
      }
    };
    fc.assert(
      fc.property(tree, (expression) => {
        const expected = evaluateTree(expression as never, 3);
        expectClose(evaluate(formulaText(expression as never), [3]), expected);
      }),
      { numRuns: 150 },
    );
  });

  test("optional cells read their default when empty", () => {
    expect(formulaText(optionalCellRead(source("B11", true), num(0), {}).expression)).toBe("N(B11)");
    expect(formulaText(optionalCellRead(source("B12", true), source("B9", true), {}).expression)).toBe("IF(ISBLANK(B12),B9,B12)");
    expect(literalScenario("x", 0.2, 0.05).multiplier.domain).toBe(MULTIPLIER_DOMAIN);
    expect(literalScenario("x", 0.2, 0.05).floor.domain).toBe(FLOOR_DOMAIN);
  });
});

describe("functions newer than Excel 2007 in a file", () => {
  test("are written with the _xlfn. prefix a workbook file stores, only where the formula goes into a file", () => {
    expect(formulaText(withFileFunctionNames(add(num(1), call("NORM.S.INV", call("LN", num(0.9))))))).toBe("1+_xlfn.NORM.S.INV(LN(0.9))");
    const typed = rewriteFormula("AICOST.PRICE_QUANTILE(10,12,0.75)", { resolveName: () => undefined });
    const filed = rewriteFormula("AICOST.PRICE_QUANTILE(10,12,0.75)", { resolveName: () => undefined, fileFunctionNames: true });
    expect(typed.kind === "rewritten" && typed.formula).toMatch(/(?<!_xlfn\.)NORM\.S\.INV\(0\.75\)/);
    expect(filed.kind === "rewritten" && filed.formula).toMatch(/_xlfn\.NORM\.S\.INV\(0\.75\)/);
  });
});
