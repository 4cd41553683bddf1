import { DetailedCellError, HyperFormula } from "hyperformula";
import * as aicost from "../../src/functions/aicost";
import { ExcelError } from "../../src/functions/values";
import { AICOST_FUNCTION_IDS, registerAicostPlugin } from "../../src/preview/aicostPlugin";
import { resizeSpills, valueSizedSpillShapes, withSpillSizes } from "../../src/preview/spillSize";
import { PREVIEW_ENGINE_CONFIG } from "../../src/preview/document";

registerAicostPlugin();

/** A headless workbook with one sheet "S" holding `rows`, and AICOST_SCENARIO over S!A20:C20. */
function workbook(rows: unknown[][]): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG });
  const sheet = hf.getSheetId(hf.addSheet("S")) as number;
  hf.setSheetContent(sheet, rows as never);
  return { hf, sheet };
}

function valueAt(hf: HyperFormula, sheet: number, row: number, col: number): unknown {
  return hf.getCellValue({ sheet, row, col });
}

/** The preview's engine keeps full precision (smartRounding off): the very number aicost.ts returns. */
function expectSameNumber(actual: unknown, expected: unknown): void {
  expect(typeof actual).toBe("number");
  expect(typeof expected).toBe("number");
  expect(actual).toBe(expected);
}

describe("AICOST plugin on a headless HyperFormula", () => {
  test("registers every function of the parameter tables under its Excel name", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const id of AICOST_FUNCTION_IDS) {
      expect(names).toContain(`AICOST.${id}`);
    }
    expect(AICOST_FUNCTION_IDS).toEqual(expect.arrayContaining(["PROJECT_PRICE", "PRICE_QUANTILE", "COST_QUANTILE", "PRICE_BAND"]));
  });

  test("scalar functions compute what aicost.ts computes for the same arguments", () => {
    const { hf, sheet } = workbook([
      [
        "=AICOST.INFER_COST(1200, 300, 3, 15, 0.5, 0.3)",
        "=AICOST.PROJECT_PRICE(10, 12)",
        '=AICOST.PROJECT_COST(500, 24, "aggressive", 2)',
        "=AICOST.ANNUAL_MULTIPLIER(37.5, 0.25, 21)",
        '=AICOST.MONTHS_TO_PRICE(10, 5, "pessimistic")',
      ],
    ]);
    expectSameNumber(valueAt(hf, sheet, 0, 0), aicost.INFER_COST(1200, 300, 3, 15, 0.5, 0.3));
    expectSameNumber(valueAt(hf, sheet, 0, 1), aicost.PROJECT_PRICE(10, 12, null));
    expectSameNumber(valueAt(hf, sheet, 0, 2), aicost.PROJECT_COST(500, 24, "aggressive", 2));
    expectSameNumber(valueAt(hf, sheet, 0, 3), aicost.ANNUAL_MULTIPLIER(37.5, 0.25, 21));
    expectSameNumber(valueAt(hf, sheet, 0, 4), aicost.MONTHS_TO_PRICE(10, 5, "pessimistic"));
    // 10 * (0.25 + 0.75 * 0.5^(t/12)) = 5  =>  0.5^(t/12) = 1/3  =>  t = 12 * log2(3) = 19.0196...
    expect(valueAt(hf, sheet, 0, 4)).toBeCloseTo(12 * Math.log2(3), 6);
    // Independent check of one: baseline at 12 months is 10 * (0.01 + 0.99 * 0.1^(12/12)) = 10 * 0.109 = 1.09.
    expect(valueAt(hf, sheet, 0, 1)).toBeCloseTo(1.09, 10);
    // 1200 input tokens, half cached at $0.3, half at $3, 300 output at $15 per million:
    // (600 * 3 + 600 * 0.3 + 300 * 15) / 1e6 = (1800 + 180 + 4500) / 1e6 = 0.00648.
    expect(valueAt(hf, sheet, 0, 0)).toBeCloseTo(0.00648, 12);
  });

  test("cell references, ranges and a named scenario row pass as Excel passes them", () => {
    const { hf, sheet } = workbook([
      [10, 24, "team", 0.2, 0.05, "=AICOST.PROJECT_PRICE(A1, B1, C1:E1)", "=AICOST.PROJECT_PRICE(A1, B1, AICOST_SCENARIO)"],
    ]);
    hf.addNamedExpression("AICOST_SCENARIO", "=S!$C$1:$E$1");
    // 10 * (0.05 + 0.95 * 0.2^(24/12)) = 10 * (0.05 + 0.95 * 0.04) = 10 * 0.088 = 0.88.
    expect(valueAt(hf, sheet, 0, 5)).toBeCloseTo(0.88, 10);
    expect(valueAt(hf, sheet, 0, 6)).toBeCloseTo(0.88, 10);
    expectSameNumber(valueAt(hf, sheet, 0, 5), aicost.PROJECT_PRICE(10, 24, [["team", 0.2, 0.05]]));
  });

  test("a scenario edited in its row recalculates the dependent formula", () => {
    const { hf, sheet } = workbook([["x", 0.5, 0.25, "=AICOST.PROJECT_PRICE(10, 12, AICOST_SCENARIO)"]]);
    hf.addNamedExpression("AICOST_SCENARIO", "=S!$A$1:$C$1");
    // 10 * (0.25 + 0.75 * 0.5) = 6.25
    expect(valueAt(hf, sheet, 0, 3)).toBeCloseTo(6.25, 10);
    hf.setCellContents({ sheet, row: 0, col: 1 }, 0.1);
    // 10 * (0.25 + 0.75 * 0.1) = 3.25
    expect(valueAt(hf, sheet, 0, 3)).toBeCloseTo(3.25, 10);
  });

  test("a 1x1 range reaches the function as a 2-D array, as Excel passes it", () => {
    const { hf, sheet } = workbook([["aggressive", "=AICOST.PROJECT_PRICE(10, 12, A1:A1)", "=AICOST.SCENARIO_PARAMS(A1:A1)"]]);
    // aggressive: 10 * (0.001 + 0.999 * 0.025) = 10 * 0.025975 = 0.25975
    expect(valueAt(hf, sheet, 0, 1)).toBeCloseTo(0.25975, 10);
    expect(valueAt(hf, sheet, 0, 2)).toBe("aggressive");
  });

  test.each([
    ["=AICOST.PROJECT_PRICE(-1, 12)", aicost.PROJECT_PRICE(-1, 12, null)],
    ['=AICOST.PROJECT_PRICE(10, 12, "nosuch")', aicost.PROJECT_PRICE(10, 12, "nosuch")],
    ['=AICOST.INFER_COST("many", 1, 1, 1)', aicost.INFER_COST("many", 1, 1, 1, null, null)],
    ["=AICOST.MONTHS_TO_PRICE(10, 0.1, \"pessimistic\")", aicost.MONTHS_TO_PRICE(10, 0.1, "pessimistic")],
    ["=AICOST.ANNUAL_MULTIPLIER(0, 1, 12)", aicost.ANNUAL_MULTIPLIER(0, 1, 12)],
  ])("%s keeps the error's code and message", (formula, direct) => {
    const { hf, sheet } = workbook([[formula]]);
    const value = valueAt(hf, sheet, 0, 0);
    expect(direct).toBeInstanceOf(ExcelError);
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).value).toBe((direct as ExcelError).code);
    expect((value as DetailedCellError).message).toBe((direct as ExcelError).message);
  });

  test("an argument that is an error of another kind passes on unchanged", () => {
    const { hf, sheet } = workbook([
      ["=1/0", "=AICOST.PROJECT_PRICE(A1, 12)", "=AICOST.PROJECT_PRICE(10, 12, A2:C2)"],
      ["x", "=1/0", 0.1],
    ]);
    expect((valueAt(hf, sheet, 0, 1) as DetailedCellError).value).toBe("#DIV/0!");
    expect((valueAt(hf, sheet, 0, 2) as DetailedCellError).value).toBe("#DIV/0!");
  });

  test("documented limit: a bare TRUE is a name to HyperFormula, so the argument holds #NAME? and the result is #VALUE!, Excel's code", () => {
    const { hf, sheet } = workbook([["=AICOST.PROJECT_PRICE(TRUE, 12)", "=AICOST.PROJECT_PRICE(TRUE(), 12)"]]);
    const bare = valueAt(hf, sheet, 0, 0) as DetailedCellError;
    // Excel passes the literal TRUE as a boolean, which AICOST refuses with #VALUE!: TRUE() gets the same.
    const excel = aicost.PROJECT_PRICE(true, 12) as ExcelError;
    expect(excel.code).toBe("#VALUE!");
    expect(bare.value).toBe(excel.code);
    expect(bare.message).toMatch(/price holds #NAME\?, which a custom function cannot return/);
    expect(valueAt(hf, sheet, 0, 1)).toMatchObject({ value: excel.code, message: excel.message });
  });

  test("an error in an argument gives what the function set gives in Excel: the first error in argument order, unchanged", () => {
    const { hf, sheet } = workbook([
      ["=NA()", "=1/0", "=AICOST.COST_CURVE(A1:A2, A1:A2, 1, B1)", "=AICOST.PROJECT_PRICE(B1, 12, A1)", "=AICOST.PROJECT_PRICE(10, 12, A3:C3)"],
      [1000],
      ["x", "=NA()", 0.1],
    ]);
    // COST_CURVE: input_tokens holds #N/A (A1) before output_price's #DIV/0! (B1); HyperFormula
    // alone would answer the scalar #DIV/0! first.
    expect(valueAt(hf, sheet, 0, 2)).toMatchObject({ value: "#N/A" });
    expect(aicost.COST_CURVE([[new ExcelError("#N/A", "")], [1000]], [[1], [1]], 1, new ExcelError("#DIV/0!", ""))).toMatchObject({ code: "#N/A" });
    expect(valueAt(hf, sheet, 0, 3)).toMatchObject({ value: "#DIV/0!" });
    // An error inside the scenario row passes on, rather than being reported as a bad label or m.
    expect(valueAt(hf, sheet, 0, 4)).toMatchObject({ value: "#N/A" });
  });

  test("an error a custom function may not return (#REF!) is #VALUE! with the function set's message, as in Excel", () => {
    const { hf, sheet } = workbook([["=#REF!", "=AICOST.PRICE_CURVE(A1, 3)"]]);
    expect((aicost.PRICE_CURVE({ code: "#REF!" }, 3) as ExcelError).message).toMatch(/^price holds #REF!, which a custom function cannot return/);
    expect(valueAt(hf, sheet, 0, 1)).toMatchObject({
      value: "#VALUE!",
      message: (aicost.PRICE_CURVE({ code: "#REF!" }, 3) as ExcelError).message,
    });
  });

  test("a scenario row whose cells are all empty is #VALUE! saying so, not baseline, as in Excel", () => {
    const { hf, sheet } = workbook([[null, null, null, "=AICOST.PROJECT_PRICE(10, 12, A1:C1)", "=AICOST.PROJECT_PRICE(10, 12, A2)"]]);
    expect(valueAt(hf, sheet, 0, 3)).toMatchObject({ value: "#VALUE!", message: (aicost.PROJECT_PRICE(10, 12, [[null, null, null]]) as ExcelError).message });
    expect((aicost.PROJECT_PRICE(10, 12, [[null, null, null]]) as ExcelError).message).toMatch(/^The scenario range is empty/);
    // a single empty cell still means baseline: 10 * 0.109 = 1.09
    expect(valueAt(hf, sheet, 0, 4)).toBeCloseTo(1.09, 10);
  });

  test("the wrong number of arguments is #N/A saying how many the function takes, from its parameter table", () => {
    const { hf, sheet } = workbook([["=AICOST.PROJECT_PRICE(1)", "=AICOST.SCENARIO_PARAMS(1, 2)"]]);
    expect(valueAt(hf, sheet, 0, 0)).toMatchObject({ value: "#N/A", message: "AICOST.PROJECT_PRICE takes 2 to 3 arguments; got 1." });
    expect(valueAt(hf, sheet, 0, 1)).toMatchObject({ value: "#N/A", message: "AICOST.SCENARIO_PARAMS takes 0 to 1 arguments; got 2." });
  });

  test("PRICE_CURVE spills months + 1 rows that match aicost.ts", () => {
    const { hf, sheet } = workbook([['=AICOST.PRICE_CURVE(10, 24, "pessimistic")']]);
    const direct = aicost.PRICE_CURVE(10, 24, "pessimistic") as number[][];
    expect(direct).toHaveLength(25);
    for (let month = 0; month <= 24; month++) {
      expectSameNumber(valueAt(hf, sheet, month, 0), direct[month][0]);
    }
    expect(valueAt(hf, sheet, 25, 0)).toBeNull();
    // pessimistic at 24 months: 10 * (0.25 + 0.75 * 0.5^2) = 10 * 0.4375 = 4.375
    expect(valueAt(hf, sheet, 24, 0)).toBeCloseTo(4.375, 10);
  });

  test("PRICE_CURVE with months in a cell spills as many rows as the cell says when the formula is entered", () => {
    const { hf, sheet } = workbook([[24, "=AICOST.PRICE_CURVE(10, A1)"]]);
    const direct = aicost.PRICE_CURVE(10, 24, null) as number[][];
    for (let month = 0; month <= 24; month++) {
      expectSameNumber(valueAt(hf, sheet, month, 1), direct[month][0]);
    }
    expect(valueAt(hf, sheet, 25, 1)).toBeNull();
  });

  test("when the months cell changes, resizeSpills enters the formula again and the spill follows", () => {
    const { hf, sheet } = workbook([[24, "=AICOST.PRICE_CURVE(10, A1)"]]);
    hf.setCellContents({ sheet, row: 0, col: 0 }, 36);
    // Until the formula is entered again, the old size would cut the curve: the cell says so.
    const stale = valueAt(hf, sheet, 0, 1) as DetailedCellError;
    expect(stale.value).toBe("#VALUE!");
    expect(stale.message).toMatch(/months changed after the formula was entered.*F2, Enter/);
    expect(resizeSpills(hf)).toBe(1);
    // baseline at 36 months: 10 * (0.01 + 0.99 * 0.1^3) = 10 * 0.01099 = 0.1099, in row 37.
    expect(valueAt(hf, sheet, 36, 1)).toBeCloseTo(0.1099, 12);
    expect(valueAt(hf, sheet, 37, 1)).toBeNull();
    expect(resizeSpills(hf)).toBe(0);
    // Shorter again: 3 months, four rows.
    hf.setCellContents({ sheet, row: 0, col: 0 }, 3);
    resizeSpills(hf);
    expect(valueAt(hf, sheet, 3, 1)).toBeCloseTo(10 * (0.01 + 0.99 * 0.1 ** 0.25), 12);
    expect(valueAt(hf, sheet, 4, 1)).toBeNull();
  });

  test("months from a formula in the same batch, or from a bad value, are sized once the value is known", () => {
    const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG });
    const sheet = hf.getSheetId(hf.addSheet("S")) as number;
    hf.setSheetContent(sheet, [["=AICOST.PRICE_CURVE(10, B1)", "=6*2"]]);
    resizeSpills(hf);
    expect(valueAt(hf, sheet, 12, 0)).toBeCloseTo(1.09, 12); // 12 months: 10 * 0.109
    hf.setCellContents({ sheet, row: 0, col: 1 }, "twelve");
    resizeSpills(hf);
    // PRICE_CURVE's own error for a months that is not a number, in one cell.
    const error = valueAt(hf, sheet, 0, 0) as DetailedCellError;
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toBe((aicost.PRICE_CURVE(10, "twelve", null) as ExcelError).message);
    expect(valueAt(hf, sheet, 1, 0)).toBeNull();
    hf.setCellContents({ sheet, row: 0, col: 1 }, 2);
    resizeSpills(hf);
    expect(valueAt(hf, sheet, 2, 0)).toBeCloseTo(10 * (0.01 + 0.99 * 0.1 ** (2 / 12)), 12);
  });

  test("undo and redo re-enter a resized spill with the size of that point of the history", () => {
    const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG });
    const sheet = hf.getSheetId(hf.addSheet("S")) as number;
    hf.setSheetContent(sheet, [[2, "=AICOST.PRICE_CURVE(10, A1)"]]);
    const before = valueSizedSpillShapes(hf);
    hf.setCellContents({ sheet, row: 0, col: 0 }, 4);
    resizeSpills(hf);
    const after = valueSizedSpillShapes(hf);
    expect([...before.values()]).toEqual([{ width: 1, height: 3 }]);
    expect([...after.values()]).toEqual([{ width: 1, height: 5 }]);
    withSpillSizes(hf, before, () => {
      hf.undo(); // the formula entered again
      hf.undo(); // A1 back to 2
    });
    expect([valueAt(hf, sheet, 2, 1), valueAt(hf, sheet, 3, 1)]).toEqual([(aicost.PRICE_CURVE(10, 2, null) as number[][])[2][0], null]);
    withSpillSizes(hf, after, () => {
      hf.redo();
      hf.redo();
    });
    expect(valueAt(hf, sheet, 4, 1)).toBe((aicost.PRICE_CURVE(10, 4, null) as number[][])[4][0]);
    // Without the sizes of that point, the formula undone first is entered while A1 still says 4,
    // keeps five rows, and shows #VALUE! once A1 is back to 2.
    hf.undo();
    hf.undo();
    expect((valueAt(hf, sheet, 0, 1) as DetailedCellError).value).toBe("#VALUE!");
  });

  test("PRICE_CURVE's months from an expression cannot be sized: the cell says what to write instead", () => {
    const { hf, sheet } = workbook([[12, "=AICOST.PRICE_CURVE(10, A1*2)"]]);
    const value = valueAt(hf, sheet, 0, 1) as DetailedCellError;
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toMatch(/whole number or a single cell written in the formula/);
  });

  test("COST_CURVE with array constants spills in their shape: the README's example", () => {
    const { hf, sheet } = workbook([
      ["=AICOST.COST_CURVE({1000000;1000000;1000000}, {100000;100000;100000}, 2, 8)"],
      [],
      [],
      ["=AICOST.COST_CURVE({1000000,2000000}, {0,0}, 2, 8)"],
    ]);
    // Today's cost (1,000,000 * 2 + 100,000 * 8) / 1e6 = 2.8, times 0.01 + 0.99 * 0.1^(k/12) for k = 0, 1, 2.
    const expected = [0, 1, 2].map((month) => 2.8 * (0.01 + 0.99 * 0.1 ** (month / 12)));
    expected.forEach((cost, month) => expect(valueAt(hf, sheet, month, 0)).toBeCloseTo(cost, 12));
    expect(valueAt(hf, sheet, 1, 0)).toBeCloseTo(2.316020402, 9);
    expect(valueAt(hf, sheet, 2, 0)).toBeCloseTo(1.916541615, 9);
    // A row constant spills across: 2,000,000 input tokens at $2 in month 1 = $4 * 0.9149... = baseline factor at 1 month.
    expect(valueAt(hf, sheet, 3, 1)).toBeCloseTo(4 * (0.01 + 0.99 * 0.1 ** (1 / 12)), 12);
  });

  test("COST_CURVE's input_tokens as a name cannot be sized: the cell says what to write instead", () => {
    const { hf, sheet } = workbook([[1000, 500, '=AICOST.COST_CURVE(Volumes, B1:B2, 3, 15)'], [2000, 600]]);
    hf.addNamedExpression("Volumes", "=S!$A$1:$A$2");
    const value = valueAt(hf, sheet, 0, 2) as DetailedCellError;
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toMatch(/cell range \(e\.g\. C8:C43\) or an array constant/);
  });

  test("COST_CURVE spills in the shape of input_tokens, column or row", () => {
    const { hf, sheet } = workbook([
      [1000, 500, "=AICOST.COST_CURVE(A1:A3, B1:B3, 3, 15, \"baseline\")"],
      [2000, 600],
      [4000, 700],
      [1000, 2000, 4000],
      [500, 600, 700],
      ['=AICOST.COST_CURVE(A4:C4, A5:C5, 3, 15, "baseline")'],
    ]);
    const direct = aicost.COST_CURVE([[1000], [2000], [4000]], [[500], [600], [700]], 3, 15, "baseline", null, null, null) as number[][];
    for (let month = 0; month < 3; month++) {
      expectSameNumber(valueAt(hf, sheet, month, 2), direct[month][0]);
      expectSameNumber(valueAt(hf, sheet, 5, month), direct[month][0]);
    }
    // month 0 at today's price: (1000 * 3 + 500 * 15) / 1e6 = 10500 / 1e6 = 0.0105
    expect(valueAt(hf, sheet, 0, 2)).toBeCloseTo(0.0105, 12);
    expect(valueAt(hf, sheet, 3, 2)).toBe(4000); // C4 keeps its own value: the column spill stops after three rows
  });

  test("SCENARIO_PARAMS spills one row of label, m and f", () => {
    const { hf, sheet } = workbook([['=AICOST.SCENARIO_PARAMS("aggressive")']]);
    expect([0, 1, 2].map((col) => valueAt(hf, sheet, 0, col))).toEqual(["aggressive", 0.025, 0.001]);
  });

  test("a spill blocked by a filled cell shows #SPILL!", () => {
    const { hf, sheet } = workbook([['=AICOST.SCENARIO_PARAMS("baseline")', null, "in the way"]]);
    expect((valueAt(hf, sheet, 0, 0) as DetailedCellError).value).toBe("#SPILL!");
  });

  describe("the price functions", () => {
    const table = [
      ["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"],
      ["our-llm", "Us", 45658, 1, 2, null, "contract"],
      ["our-llm", "Us", 45870, 0.5, 1.5, null, "renewal"],
    ];

    test("MODEL_PRICE reads the catalog, a dated price, and a table in the sheet (a named range over it)", () => {
      const { hf, sheet } = workbook([
        ...table,
        [
          '=AICOST.MODEL_PRICE("gpt-4-0314", "blended")',
          '=AICOST.MODEL_PRICE("o3", "input", DATE(2025, 6, 9))',
          '=AICOST.MODEL_PRICE("o3", "input", DATE(2025, 6, 10))',
          '=AICOST.MODEL_PRICE("our-llm", "output", , AICOST_PRICES)',
          '=AICOST.MODEL_PRICE("our-llm", "input", DATE(2025, 6, 1), A1:G3)',
        ],
      ]);
      hf.addNamedExpression("AICOST_PRICES", "=S!$A$1:$G$3");
      expect(valueAt(hf, sheet, 3, 0)).toBe(37.5); // (3 x 30 + 60) / 4
      expect(valueAt(hf, sheet, 3, 1)).toBe(10);
      expect(valueAt(hf, sheet, 3, 2)).toBe(2);
      expect(valueAt(hf, sheet, 3, 3)).toBe(1.5); // the newest row, 45870 = 2025-08-01
      expect(valueAt(hf, sheet, 3, 4)).toBe(1); // 2025-06-01 falls in the first row's period
      hf.setCellContents({ sheet, row: 2, col: 4 }, 1.25); // a user edits the table: the formula follows
      expect(valueAt(hf, sheet, 3, 3)).toBe(1.25);
    });

    test.each([
      ['=AICOST.MODEL_PRICE("gpt4o")', aicost.MODEL_PRICE("gpt4o")],
      ['=AICOST.MODEL_PRICE("gpt-4-0314", "cached_input")', aicost.MODEL_PRICE("gpt-4-0314", "cached_input")],
      ['=AICOST.MODEL_PRICE("o3", "input", 45000)', aicost.MODEL_PRICE("o3", "input", 45000)],
      ['=AICOST.MODEL_PRICE("o3", "retail")', aicost.MODEL_PRICE("o3", "retail")],
      ['=AICOST.MODEL_PRICE("o3", "input", -1)', aicost.MODEL_PRICE("o3", "input", -1)],
      ['=AICOST.MODELS("Acme")', aicost.MODELS("Acme")],
      ["=AICOST.BLENDED_PRICE(1, 1, 2)", aicost.BLENDED_PRICE(1, 1, 2)],
      ['=AICOST.BLENDED_PRICE("x", 1)', aicost.BLENDED_PRICE("x", 1)],
      ["=AICOST.FIT_MULTIPLIER({1;2}, {1,2})", aicost.FIT_MULTIPLIER([[1], [2]], [[1, 2]])],
      ["=AICOST.FIT_MULTIPLIER({45000;45100}, {1;0})", aicost.FIT_MULTIPLIER([[45000], [45100]], [[1], [0]])],
      ["=AICOST.FIT_MULTIPLIER({45000}, {1})", aicost.FIT_MULTIPLIER([[45000]], [[1]])],
      ['=AICOST.FIT_MULTIPLIER({45000;45100}, {2;1}, "slope")', aicost.FIT_MULTIPLIER([[45000], [45100]], [[2], [1]], "slope")],
    ])("%s keeps the error's code and message", (formula, direct) => {
      const { hf, sheet } = workbook([[formula]]);
      const value = valueAt(hf, sheet, 0, 0) as DetailedCellError;
      expect(direct).toBeInstanceOf(ExcelError);
      expect(value).toBeInstanceOf(DetailedCellError);
      expect(value.value).toBe((direct as ExcelError).code);
      expect(value.message).toBe((direct as ExcelError).message);
    });

    test("MODELS spills the listing when its arguments are written in the formula, a DATE() included", () => {
      const { hf, sheet } = workbook([['=AICOST.MODELS("Cohere")'], ...Array.from({ length: 8 }, () => []), ['=AICOST.MODELS("openai", DATE(2025, 6, 9))']]);
      const direct = aicost.MODELS("Cohere") as unknown[][];
      direct.forEach((row, r) => row.forEach((cell, c) => expect(valueAt(hf, sheet, r, c)).toBe(cell === "" ? "" : cell)));
      expect(valueAt(hf, sheet, direct.length, 0)).toBeNull();
      const june = aicost.MODELS("openai", 45817) as unknown[][];
      const o3Row = june.findIndex((row) => row[0] === "o3");
      expect(valueAt(hf, sheet, 9 + o3Row, 3)).toBe(10);
    });

    test("MODELS with an argument from a cell says what to write, since the preview must know the size", () => {
      const { hf, sheet } = workbook([["Cohere", "=AICOST.MODELS(A1)"]]);
      const value = valueAt(hf, sheet, 0, 1) as DetailedCellError;
      expect(value.value).toBe("#VALUE!");
      expect(value.message).toMatch(/MODELS's provider and as_of_date must be written in the formula/);
    });

    test("CATALOG_DATE, BLENDED_PRICE and FIT_MULTIPLIER over sheet ranges compute what aicost.ts computes", () => {
      const { hf, sheet } = workbook([
        [44999, 37.5, "=AICOST.CATALOG_DATE()", "=AICOST.BLENDED_PRICE(30, 60)", "=AICOST.FIT_MULTIPLIER(A1:A3, B1:B3)", '=AICOST.FIT_MULTIPLIER(A1:A3, B1:B3, "n")'],
        [45100, null],
        [45638.1875, 0.25],
      ]);
      expect(valueAt(hf, sheet, 0, 2)).toBe(46266); // 2026-09-01
      expect(valueAt(hf, sheet, 0, 3)).toBe(37.5);
      // the blank pair is skipped: (0.25 / 37.5)^(12/21) = 0.0570846
      expectSameNumber(valueAt(hf, sheet, 0, 4), aicost.FIT_MULTIPLIER([[44999], [45100], [45638.1875]], [[37.5], [null], [0.25]]));
      expect(valueAt(hf, sheet, 0, 4)).toBeCloseTo(0.0570846418, 9);
      expect(valueAt(hf, sheet, 0, 5)).toBe(2);
    });
  });
  test("PRICE_QUANTILE and COST_QUANTILE read a band row through a name, as AICOST_BAND, and recalculate when it is edited", () => {
    const { hf, sheet } = workbook([
      ["team", 0.05, 0.1, 0.3, 0.02, "=AICOST.PRICE_QUANTILE(100, 24, 0.9, AICOST_BAND)", "=AICOST.COST_QUANTILE(1000, 12, 0.1, , 3)"],
    ]);
    hf.addNamedExpression("AICOST_BAND", "=S!$A$1:$E$1");
    // 100 * (0.02 + 0.98 * 0.3^2) = 10.82; default band: 1000 * 0.0298 * 3 = 89.4
    expect(valueAt(hf, sheet, 0, 5)).toBeCloseTo(10.82, 10);
    expectSameNumber(valueAt(hf, sheet, 0, 5), aicost.PRICE_QUANTILE(100, 24, 0.9, [["team", 0.05, 0.1, 0.3, 0.02]]));
    expect(valueAt(hf, sheet, 0, 6)).toBeCloseTo(89.4, 10);
    hf.setCellContents({ sheet, row: 0, col: 3 }, 0.5);
    // 100 * (0.02 + 0.98 * 0.5^2) = 26.5
    expect(valueAt(hf, sheet, 0, 5)).toBeCloseTo(26.5, 10);
  });

  test("PRICE_BAND spills months + 1 rows of three columns that match aicost.ts", () => {
    const { hf, sheet } = workbook([["=AICOST.PRICE_BAND(10, 12)"]]);
    const direct = aicost.PRICE_BAND(10, 12) as number[][];
    for (let month = 0; month <= 12; month++) {
      for (let column = 0; column < 3; column++) {
        expectSameNumber(valueAt(hf, sheet, month, column), direct[month][column]);
      }
    }
    expect(valueAt(hf, sheet, 13, 0)).toBeNull();
    expect(valueAt(hf, sheet, 0, 3)).toBeNull();
    // month 12: 10 * 0.208 = 2.08 at P90
    expect(valueAt(hf, sheet, 12, 2)).toBeCloseTo(2.08, 10);
  });

  test("PRICE_BAND with months from a cell spills that many rows; a band name is #VALUE! with the function set's message", () => {
    const { hf, sheet } = workbook([[12, "=AICOST.PRICE_BAND(10, A1)"]]);
    // month 12 in row 13, P90 in column D: 10 * 0.208 = 2.08
    expect(valueAt(hf, sheet, 12, 3)).toBeCloseTo(2.08, 10);
    expect(valueAt(hf, sheet, 13, 1)).toBeNull();
    const { hf: other, sheet: otherSheet } = workbook([['=AICOST.PRICE_QUANTILE(10, 12, 0.9, "baseline")', "=AICOST.PRICE_QUANTILE(10, 12, 1)"]]);
    expect(valueAt(other, otherSheet, 0, 0)).toMatchObject({ value: "#VALUE!", message: (aicost.PRICE_QUANTILE(10, 12, 0.9, "baseline") as ExcelError).message });
    expect(valueAt(other, otherSheet, 0, 1)).toMatchObject({ value: "#NUM!" });
  });


});
