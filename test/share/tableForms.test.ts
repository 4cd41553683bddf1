/**
 * FIT_MULTIPLIER's and MODEL_PRICE's native forms (src/core/tableClosedForms.ts) on their own: in
 * a bare HyperFormula (built-in functions only, no AICOST) against values worked out by hand, and
 * what the rewriter freezes rather than write.
 */
import fc from "fast-check";
import { HyperFormula, DetailedCellError } from "hyperformula";
import { modelPrice, priceTableFromCells } from "../../src/core/priceLookup";
import { datedPricesFromCells, fitPriceTrend, fitStatisticValue, FIT_STATISTICS } from "../../src/core/priceTrend";
import { MAX_FORMULA_LENGTH, rewriteFormula, type NameTarget } from "../../src/share/formula";

const names: Record<string, NameTarget> = {
  PRICES: { kind: "range", shape: { rows: 4, columns: 7 }, reference: "Sheet1!$A$1:$G$4" },
  ELSEWHERE: { kind: "other" },
};
const context = { resolveName: (name: string) => names[name.toUpperCase()] };

function native(formula: string): string {
  const result = rewriteFormula(formula, context);
  if (result.kind !== "rewritten") throw new Error(`${formula}: ${JSON.stringify(result)}`);
  expect(result.arrayEvaluation).toBe(true);
  return `=${result.formula}`;
}

/** Evaluates native formulas beside a small prices table, Excel 365's way (array arithmetic). */
function evaluate(formulas: readonly string[]): unknown[] {
  const table = [
    ["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"],
    ["o3", "OpenAI", 45700, 10, 40, 2.5, "launch"],
    ["o3", "OpenAI", 45818, 2, 8, 0.5, "price cut"],
    ["gemini/gemini-2.5-pro", "Google", 45700, 1.25, 10, null, "list"],
  ];
  const hf = HyperFormula.buildFromArray([...table, ...formulas.map((formula) => [formula])], { licenseKey: "gpl-v3", useArrayArithmetic: true });
  return formulas.map((_formula, index) => {
    const value = hf.getCellValue({ sheet: 0, row: table.length + index, col: 0 });
    return value instanceof DetailedCellError ? value.value : value;
  });
}

describe("FIT_MULTIPLIER's native form", () => {
  test("reproduces the brief's $37.5 -> $0.25 in 21 months: m = (0.25/37.5)^(12/21), 17.5x cheaper a year", () => {
    // Two points 639.1875 days (21 months of 365.25/12 days) apart: ln m = 365.25 * ln(0.25/37.5) / 639.1875.
    const m = Math.exp((365.25 * Math.log(0.25 / 37.5)) / 639.1875);
    expect(m).toBeCloseTo(0.0571, 4);
    const [multiplier, cheaper, n, low] = evaluate([
      native("AICOST.FIT_MULTIPLIER({44999;45638.1875},{37.5;0.25})"),
      native('AICOST.FIT_MULTIPLIER({44999;45638.1875},{37.5;0.25},"times_cheaper")'),
      native('AICOST.FIT_MULTIPLIER({44999;45638.1875},{37.5;0.25},"n")'),
      native('AICOST.FIT_MULTIPLIER({44999;45638.1875},{37.5;0.25},"low")'),
    ]);
    expect(multiplier).toBeCloseTo(m, 12);
    expect(cheaper).toBeCloseTo(1 / m, 9);
    expect(n).toBe(2);
    expect(low).toBe("#N/A"); // a line through two points has no spread to bound
  });

  test("skips a pair with an empty cell: three points on a line of halving each year fit m = 0.5 exactly, r2 = 1", () => {
    // Dates 0, 365.25, 730.5 days after 45000 with prices 8, 4, 2: ln p falls by ln 2 a year.
    const hf = HyperFormula.buildFromArray(
      [
        [45000, 8],
        [45365.25, 4],
        [45400, null], // no price: skipped
        [null, 99], // no date: skipped
        [45730.5, 2],
        [native("AICOST.FIT_MULTIPLIER(A1:A5,B1:B5)")],
        [native('AICOST.FIT_MULTIPLIER(A1:A5,B1:B5,"r2")')],
        [native('AICOST.FIT_MULTIPLIER(A1:A5,B1:B5,"halving_months")')],
        [native('AICOST.FIT_MULTIPLIER(A1:A5,B1:B5,"n")')],
      ],
      { licenseKey: "gpl-v3", useArrayArithmetic: true },
    );
    const at = (row: number) => hf.getCellValue({ sheet: 0, row, col: 0 });
    expect(at(5)).toBeCloseTo(0.5, 12);
    expect(at(6)).toBeCloseTo(1, 12);
    expect(at(7)).toBeCloseTo(12, 9); // halves every 12 months
    expect(at(8)).toBe(3);
  });

  test("a statistic read from a cell, or ranges of unknown shape, are frozen with the reason", () => {
    expect(rewriteFormula("AICOST.FIT_MULTIPLIER(A1:A5,B1:B5,C1)", context)).toEqual({ kind: "frozen", reason: "FIT_MULTIPLIER's statistic is not a text written in the formula" });
    expect(rewriteFormula("AICOST.FIT_MULTIPLIER(A:A,B:B)", context)).toEqual({ kind: "frozen", reason: "dates (A:A) is not a rectangle of cells in A1 notation" });
    expect(rewriteFormula("AICOST.FIT_MULTIPLIER(ELSEWHERE,B1:B5)", context)).toEqual({ kind: "frozen", reason: "dates (ELSEWHERE) is not a name of a range of cells" });
    expect(rewriteFormula("AICOST.FIT_MULTIPLIER(Fits[Date],Fits[Price])", context).kind).toBe("frozen");
  });
});

/** The core's answer, or the error code it maps to (malformed #VALUE!, outOfRange #NUM!, notFound #N/A). */
function coreResult(compute: () => number): number | string {
  try {
    return compute();
  } catch (thrown) {
    const code = (thrown as { code?: string }).code;
    const excel: Record<string, string> = { malformed: "#VALUE!", outOfRange: "#NUM!", notFound: "#N/A" };
    return code !== undefined && excel[code] !== undefined ? excel[code] : String(thrown);
  }
}

function agrees(native: unknown, core: number | string): boolean {
  if (typeof core === "number") return typeof native === "number" && Math.abs(native - core) <= 1e-7 * Math.max(1, Math.abs(core));
  return native === core; // the same error value
}

describe("native forms and the core agree on random data (fast-check)", () => {
  const statistics = FIT_STATISTICS.filter((statistic) => statistic !== "low" && statistic !== "high"); // TINV in HyperFormula: 1e-8

  test("FIT_MULTIPLIER: dates and prices with empty cells, every statistic", () => {
    const cell = (values: fc.Arbitrary<number>) => fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: fc.constant(null) });
    // Prices in cents: two prices are the same or differ by 1e-4 or more. Prices equal to 15 digits
    // but not identical make r2 and the slope rounding noise, in any engine (RSQ gave 0.5 for 1).
    const cents = fc.integer({ min: 1, max: 10_000 }).map((value) => value / 100);
    const rows = fc.array(fc.tuple(cell(fc.integer({ min: 44000, max: 47000 })), cell(cents)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, (pairs) => {
        const formulas = statistics.map((statistic) => native(`AICOST.FIT_MULTIPLIER(A1:A${pairs.length},B1:B${pairs.length},"${statistic}")`));
        const hf = HyperFormula.buildFromArray([...pairs.map(([date, price]) => [date, price]), ...formulas.map((formula) => [formula])], { licenseKey: "gpl-v3", useArrayArithmetic: true });
        statistics.forEach((statistic, index) => {
          const value = hf.getCellValue({ sheet: 0, row: pairs.length + index, col: 0 });
          const shown = value instanceof DetailedCellError ? value.value : value;
          const expected = coreResult(() => fitStatisticValue(fitPriceTrend(datedPricesFromCells(pairs.map(([date]) => [date]), pairs.map(([, price]) => [price]))), statistic));
          if (!agrees(shown, expected)) throw new Error(`${statistic} of ${JSON.stringify(pairs)}: native ${JSON.stringify(shown)}, AICOST ${expected}`);
        });
        hf.destroy();
      }),
      { numRuns: 100 },
    );
  });

  test("MODEL_PRICE: a table of three models' dated rows, any date, any model", () => {
    const row = fc.record({
      model: fc.constantFrom("a", "b", "openai/c"),
      day: fc.integer({ min: 45000, max: 45010 }),
      input: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 50 })),
      output: fc.integer({ min: 0, max: 50 }),
    });
    const rows = fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (entry) => `${entry.model}@${entry.day}` });
    fc.assert(
      fc.property(rows, fc.constantFrom("a", "B", "c", "openai/a", "z"), fc.integer({ min: 44998, max: 45012 }), fc.constantFrom("input", "output", "blended"), (entries, query, day, type) => {
        const cells = [["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"], ...entries.map((entry) => [entry.model, "OpenAI", entry.day, entry.input, entry.output, null, "s"])];
        const formula = native(`AICOST.MODEL_PRICE("${query}","${type}",${day},A1:G${cells.length})`);
        const hf = HyperFormula.buildFromArray([...cells, [formula]], { licenseKey: "gpl-v3", useArrayArithmetic: true });
        const value = hf.getCellValue({ sheet: 0, row: cells.length, col: 0 });
        const shown = value instanceof DetailedCellError ? value.value : value;
        const expected = coreResult(() => modelPrice(priceTableFromCells(cells), query, type, day).usdPerMillionTokens);
        hf.destroy();
        if (!agrees(shown, expected)) {
          throw new Error(`${query} ${type} ${day} in ${JSON.stringify(entries)}: native ${JSON.stringify(shown)}, AICOST ${expected}`);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("MODEL_PRICE's native form over a price_table", () => {
  test("the price in effect on a date, the newest without one, from the table's own cells", () => {
    expect(
      evaluate([
        native('AICOST.MODEL_PRICE("o3",,,A1:G4)'),
        native('AICOST.MODEL_PRICE("o3","input",45817,A1:G4)'),
        native('AICOST.MODEL_PRICE("O3 ","output",45818,PRICES)'),
        native('AICOST.MODEL_PRICE("o3","blended",,PRICES)'),
        native('AICOST.MODEL_PRICE("o3",,45699,PRICES)'),
        native('AICOST.MODEL_PRICE("gemini-2.5-pro","output",,PRICES)'),
        native('AICOST.MODEL_PRICE("gemini-2.5-pro","cached_input",,PRICES)'),
        native('AICOST.MODEL_PRICE("o4",,,PRICES)'),
        native('AICOST.MODEL_PRICE("o3","retail",,PRICES)'),
      ]),
    ).toEqual([
      2, // the 2025-06-10 cut (45818)
      10, // the day before it
      8,
      (3 * 2 + 8) / 4, // 3.5
      "#N/A", // before o3's first price (45700)
      10, // the bare id finds gemini/gemini-2.5-pro
      "#N/A", // its cached input is not published: never 0
      "#N/A",
      "#VALUE!",
    ]);
  });

  test("the catalog (no price_table), a price_type from a cell and a formula too long for a cell are frozen", () => {
    expect(rewriteFormula('AICOST.MODEL_PRICE("o3")', context)).toEqual({ kind: "frozen", reason: "MODEL_PRICE without a price_table reads the add-in's catalog, which a shared workbook does not have" });
    expect(rewriteFormula('AICOST.MODEL_PRICE("o3",B1,,PRICES)', context)).toEqual({ kind: "frozen", reason: "MODEL_PRICE's price_type is not a text written in the formula" });
    expect(rewriteFormula('AICOST.MODEL_PRICE("o3",,,{1,2})', context)).toEqual({ kind: "frozen", reason: "MODEL_PRICE's price_table is not a range of cells or a name of one" });
    const three = ["input", "output", "cached_input"].map((type) => `AICOST.MODEL_PRICE("gemini/gemini-2.5-pro","${type}",,'A sheet with a long name'!$A$1:$K$500)`).join("+");
    const result = rewriteFormula(three, context);
    expect(result.kind).toBe("frozen");
    expect(result.kind === "frozen" && result.reason).toMatch(new RegExp(`^its native formula would have \\d+ characters; a cell holds at most ${MAX_FORMULA_LENGTH}$`));
  });
});
