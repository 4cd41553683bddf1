import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DetailedCellError } from "hyperformula";
import { PreviewDocument } from "../../src/preview/document";

/**
 * Every example in the README's function reference runs in the preview as written (no sizes
 * written by hand), and spills or computes what the README states. The stated result is entered
 * in the same engine as a constant (`={2.8;2.316020402;1.916541615}`) and compared cell by cell,
 * to the decimals it is written with.
 */
const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
const reference = readme.slice(readme.indexOf("<!-- function-reference:start -->"), readme.indexOf("<!-- function-reference:end -->"));
const examples = [...reference.matchAll(/`(=AICOST\.[A-Z_]+\(.*?\))` returns `([^`]+)`/g)].map((match) => ({ formula: match[1], result: match[2] }));

function withinWritten(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== "number") return actual === expected;
  const written = String(expected);
  const decimals = written.includes(".") ? written.split(".")[1].length : 0;
  return typeof actual === "number" && Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

describe("the README's examples in the preview", () => {
  it("there are examples to check, spilled ones among them", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.some((example) => example.formula.includes("COST_CURVE({"))).toBe(true);
  });

  it.each(examples.map((example) => [example.formula, example] as const))("%s gives the stated result", (_formula, example) => {
    const document = PreviewDocument.empty("S");
    const sheet = document.sheetId("S") as number;
    const { hf } = document;
    hf.setCellContents({ sheet, row: 0, col: 0 }, example.formula);
    if (example.result.startsWith("#")) {
      const value = hf.getCellValue({ sheet, row: 0, col: 0 });
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).value).toBe(example.result);
      return;
    }
    hf.setCellContents({ sheet, row: 0, col: 20 }, `=${example.result}`);
    const stated = hf.getRangeValues({ start: { sheet, row: 0, col: 20 }, end: { sheet, row: 9, col: 29 } });
    const computed = hf.getRangeValues({ start: { sheet, row: 0, col: 0 }, end: { sheet, row: 9, col: 9 } });
    stated.forEach((row, r) => row.forEach((expected, c) => {
      expect({ at: [r, c], value: computed[r][c], matches: withinWritten(computed[r][c], expected) }).toEqual({ at: [r, c], value: computed[r][c], matches: true });
    }));
  });
});
