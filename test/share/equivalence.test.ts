/**
 * The equivalence corpus (test/share/corpus.ts): each AICOST formula evaluated with the AICOST
 * plugin, and its share-safe rewrite evaluated with built-in functions only, both in
 * HyperFormula. Values must agree within 1e-9 relative, errors must be errors (with the same code
 * unless the case says why not), spilled results cell by cell; then the Active scenario is
 * switched and everything compared again.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { rewriteFormula } from "../../src/share/formula";
import { corpusCases, filledDownFormula, FILLED_DOWN_ROWS, type CorpusCase } from "./corpus";
import { activate, CUSTOM_SCENARIO, equivalenceWorkbook, resolveCorpusName, type EquivalenceWorkbook } from "./workbookFixture";

const relativeTolerance = 1e-9;

interface Placed {
  readonly testCase: CorpusCase;
  readonly row: number;
  readonly height: number;
  readonly native: string;
}

/** The rows a case's result may spill over (PRICE_CURVE's months + 1, COST_CURVE's volumes). */
function heightOf(formula: string): number {
  const curve = /(?:PRICE_CURVE|PRICE_BAND)\([^,]+,\s*(\d+)/.exec(formula);
  if (curve) return Number(curve[1]) + 1;
  if (formula.startsWith("=AICOST.COST_CURVE")) return 6;
  return 1;
}

function nativeOf(formula: string): string {
  const result = rewriteFormula(formula.slice(1), { resolveName: resolveCorpusName });
  if (result.kind !== "rewritten") throw new Error(`${formula} was not rewritten: ${JSON.stringify(result)}`);
  expect(result.formula).not.toMatch(/AICOST\./i);
  return `=${result.formula}`;
}

function place(workbook: EquivalenceWorkbook, cases: readonly CorpusCase[]): Placed[] {
  const placed: Placed[] = [];
  let row = 0;
  workbook.hf.batch(() => {
    for (const testCase of cases) {
      const height = heightOf(testCase.formula);
      const native = nativeOf(testCase.formula);
      workbook.hf.setCellContents({ sheet: workbook.original, row, col: 0 }, testCase.formula);
      workbook.hf.setCellContents({ sheet: workbook.native, row, col: 0 }, native);
      placed.push({ testCase, row, height, native });
      row += height + 1;
    }
  });
  return placed;
}

function shown(value: CellValue): string {
  return value instanceof DetailedCellError ? value.value : JSON.stringify(value);
}

function errorCode(value: CellValue): string | null {
  return value instanceof DetailedCellError ? value.value : null;
}

/** Why two cells differ, or null when they agree. */
function difference(original: CellValue, native: CellValue, testCase: CorpusCase, strictCodes: boolean): string | null {
  const originalError = errorCode(original);
  const nativeError = errorCode(native);
  if (originalError !== null) {
    if (nativeError === null) return `AICOST gives ${originalError}, the native formula ${shown(native)}`;
    if (strictCodes && originalError !== nativeError && testCase.codeMayDiffer === undefined) return `AICOST gives ${originalError}, the native formula ${nativeError}`;
    return null;
  }
  if (nativeError !== null) return `AICOST gives ${shown(original)}, the native formula ${nativeError}`;
  if (typeof original === "number" && typeof native === "number") {
    const scale = Math.max(Math.abs(original), Math.abs(native));
    return Math.abs(original - native) <= (testCase.hyperFormulaTolerance ?? relativeTolerance) * scale ? null : `AICOST gives ${original}, the native formula ${native}`;
  }
  return original === native ? null : `AICOST gives ${shown(original)}, the native formula ${shown(native)}`;
}

function compareAll(workbook: EquivalenceWorkbook, placed: readonly Placed[], strictCodes = true): string[] {
  const problems: string[] = [];
  const { hf } = workbook;
  for (const { testCase, row, height, native } of placed) {
    const anchor = hf.getCellValue({ sheet: workbook.original, row, col: 0 });
    // A spilled function that fails returns one error: only its anchor is compared.
    const rows = errorCode(anchor) !== null ? 1 : height;
    const columns = errorCode(anchor) === null && /^=AICOST\.(SCENARIO_PARAMS|PRICE_BAND)\(/.test(testCase.formula) ? 3 : 1;
    for (let rowOffset = 0; rowOffset < rows; rowOffset++) {
      for (let col = 0; col < columns; col++) {
        const problem = difference(
          hf.getCellValue({ sheet: workbook.original, row: row + rowOffset, col }),
          hf.getCellValue({ sheet: workbook.native, row: row + rowOffset, col }),
          testCase,
          strictCodes,
        );
        if (problem !== null) problems.push(`${testCase.formula} (cell ${rowOffset + 1},${col + 1}): ${problem}\n    native: ${native}`);
      }
    }
  }
  return problems;
}

describe("share-safe formulas compute what AICOST computes", () => {
  const cases = corpusCases();
  const workbook = equivalenceWorkbook();
  const placed = place(workbook, cases);

  test("the corpus has at least 300 formulas, covering every function", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    for (const id of ["INFER_COST", "PROJECT_PRICE", "PROJECT_COST", "PRICE_CURVE", "COST_CURVE", "ANNUAL_MULTIPLIER", "MONTHS_TO_PRICE", "SCENARIO_PARAMS"]) {
      expect(cases.some((testCase) => testCase.formula.includes(`AICOST.${id}(`))).toBe(true);
    }
    // Both numbers and errors are exercised, under the baseline active scenario.
    const anchors = placed.map(({ row }) => workbook.hf.getCellValue({ sheet: workbook.original, row, col: 0 }));
    expect(anchors.filter((value) => typeof value === "number").length).toBeGreaterThan(250);
    expect(anchors.filter((value) => errorCode(value) !== null).length).toBeGreaterThan(50);
  });

  test("every native formula fits in a cell: Excel takes at most 8,192 characters", () => {
    const longest = placed.reduce((most, { native }) => Math.max(most, native.length), 0);
    expect(longest).toBeLessThanOrEqual(8192);
    expect(longest).toBeGreaterThan(2000); // MODEL_PRICE twice in one INFER_COST is among them
  });

  test.each(["baseline", "aggressive", CUSTOM_SCENARIO.name, "pessimistic"])("with %s active, every cell agrees", (scenario) => {
    activate(workbook, scenario);
    expect(compareAll(workbook, placed)).toEqual([]);
  });

  test("an Active scenario that names no row is #N/A in both, passed through unchanged", () => {
    activate(workbook, "no such row");
    const active = placed.filter(({ testCase }) => testCase.formula === "=AICOST.PROJECT_PRICE(10, 12, AICOST_SCENARIO)")[0];
    expect(errorCode(workbook.hf.getCellValue({ sheet: workbook.native, row: active.row, col: 0 }))).toBe("#N/A");
    // Cases that are errors already (a negative price) now have two faults; which error shows first
    // is the argument order's business (see docs/SHARING.md), so only "error where error" is asked.
    expect(compareAll(workbook, placed, false)).toEqual([]);
    activate(workbook, "baseline");
  });

  test("a formula filled down keeps its relative references row by row", () => {
    const { hf } = workbook;
    const firstRow = placed[placed.length - 1].row + placed[placed.length - 1].height + 2;
    const filled: Placed[] = [];
    hf.batch(() => {
      for (let index = 0; index < FILLED_DOWN_ROWS; index++) {
        const row = firstRow + index;
        for (const sheet of [workbook.original, workbook.native]) {
          hf.setCellContents({ sheet, row, col: 2 }, 5 + index); // C: price
          hf.setCellContents({ sheet, row, col: 3 }, index * 6); // D: months
        }
        const formula = filledDownFormula(row + 1);
        const native = nativeOf(formula);
        expect(native).toContain(`$C${row + 1}`);
        hf.setCellContents({ sheet: workbook.original, row, col: 0 }, formula);
        hf.setCellContents({ sheet: workbook.native, row, col: 0 }, native);
        filled.push({ testCase: { formula }, row, height: 1, native });
      }
    });
    for (const scenario of ["baseline", CUSTOM_SCENARIO.name]) {
      activate(workbook, scenario);
      expect(compareAll(workbook, filled)).toEqual([]);
    }
    activate(workbook, "baseline");
  });
});
