/**
 * The relative-reference cache (src/share/relativeCache.ts) and the zip writer (src/share/zip.ts):
 * a formula filled in from a template is exactly what parsing and rewriting it gives, for every
 * cell, and the zip holds what was put in.
 */
import fc from "fast-check";
import { unzipSync } from "fflate";
import { deflateRawSync } from "node:zlib";
import { columnLetters } from "../../src/core/a1";
import { rewriteFormula, type FormulaRewrite } from "../../src/share/formula";
import { RelativeRewriteCache } from "../../src/share/relativeCache";
import { crc32, fflateDeflate, zipParts } from "../../src/share/zip";
import { resolveCorpusName } from "./workbookFixture";

const context = { resolveName: resolveCorpusName };

/** A cache that counts the formulas it really rewrote. */
function countingCache(): { cache: RelativeRewriteCache; parsed: string[] } {
  const parsed: string[] = [];
  const cache = new RelativeRewriteCache((formula) => {
    parsed.push(formula);
    return rewriteFormula(formula, context);
  });
  return { cache, parsed };
}

/** Formula templates: `{r}` is the cell's row number, `{c}` its column's letters, `{c-1}` the one to its left. */
const templates = [
  "_xldudf_AICOST_PROJECT_PRICE(B{r},A{r},AICOST_SCENARIO)",
  "_xldudf_AICOST_PROJECT_PRICE($B{r},{c}$2,AICOST_SCENARIO)",
  "_xldudf_AICOST_PROJECT_COST(_xldudf_AICOST_INFER_COST(B{r},C{r},$B$9,$B$10),A{r},'In Puts'!$D$1:$F$1,2)",
  "_xldudf_AICOST_PROJECT_PRICE('In Puts'!A{r},12,'In Puts'!B{r})+SUM(S:S)",
  "SUM({c-1}{r}:{c-1}{r+2})*_xldudf_AICOST_PROJECT_PRICE(10,{r})",
  "_xldudf_AICOST_COST_CURVE(J{r}:J{r+5},K{r}:K{r+5},2,8)",
  "_xldudf_AICOST_SCENARIO_PARAMS(\"aggressive\")",
  "SUM(B{r}:C{r})",
];

function instantiate(template: string, row: number, column: number): string {
  return template
    .replace(/\{r\+(\d)\}/g, (_match, offset: string) => String(row + 1 + Number(offset)))
    .replace(/\{r\}/g, String(row + 1))
    .replace(/\{c-1\}/g, columnLetters(column - 1))
    .replace(/\{c\}/g, columnLetters(column));
}

describe("RelativeRewriteCache", () => {
  test("a column filled down is parsed once and each cell gets the rewrite of its own formula", () => {
    const { cache, parsed } = countingCache();
    for (let row = 1; row <= 50; row++) {
      const formula = `_xldudf_AICOST_PROJECT_PRICE(B${row + 1},A${row + 1},AICOST_SCENARIO)`;
      const expected = rewriteFormula(formula, context);
      expect(cache.rewriteAt(formula, row, 2, "")).toEqual(expected);
    }
    expect(parsed).toHaveLength(1);
    // C51's rewrite reads B51 and A51: worked out by hand from the PROJECT_PRICE template.
    const last = cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE(B51,A51,AICOST_SCENARIO)", 50, 2, "");
    expect(last.kind === "rewritten" && last.formula.includes("B51*(INDEX(AICOST_SCENARIO,1,3)")).toBe(true);
    expect(last.kind === "rewritten" && last.formula.includes("A51/12")).toBe(true);
  });

  test("for any template and any two cells, the filled-in rewrite equals parsing the formula itself", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 200 })),
        fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 200 })),
        (template, [firstRow, firstColumn], [row, column]) => {
          const { cache } = countingCache();
          cache.rewriteAt(instantiate(template, firstRow, firstColumn), firstRow, firstColumn, "");
          const formula = instantiate(template, row, column);
          const expected: FormulaRewrite = rewriteFormula(formula, context);
          expect(cache.rewriteAt(formula, row, column, "")).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("absolute references, names and text stay as written; a different context or text is a miss", () => {
    const { cache, parsed } = countingCache();
    cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE($A$1,B2,\"aggressive\")", 1, 2, "");
    const moved = cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE($A$1,B9,\"aggressive\")", 8, 2, "");
    expect(moved).toEqual(rewriteFormula("_xldudf_AICOST_PROJECT_PRICE($A$1,B9,\"aggressive\")", context));
    expect(parsed).toHaveLength(1);
    cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE($A$1,B9,\"aggressive\")", 8, 2, "3x1");
    cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE($A$1,B9,\"baseline\")", 8, 2, "");
    cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE($A$2,B9,\"aggressive\")", 8, 2, "");
    expect(parsed).toHaveLength(4);
  });

  test("a frozen formula is rewritten each time (its reason names its own cells); a formula the lexer cannot read goes straight through", () => {
    const { cache, parsed } = countingCache();
    for (const row of [1, 2]) {
      const result = cache.rewriteAt(`_xldudf_AICOST_PROJECT_PRICE(B${row + 1}:C${row + 1},12)`, row, 3, "");
      expect(result).toMatchObject({ kind: "frozen", reason: "price is a range of 2 cells where one number is expected" });
    }
    expect(parsed).toHaveLength(2);
    expect(cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE(\"unterminated", 1, 1, "")).toEqual(rewriteFormula("_xldudf_AICOST_PROJECT_PRICE(\"unterminated", context));
  });

  test("the same references at other offsets from the cell are another key: parsed anew", () => {
    const { cache, parsed } = countingCache();
    // In C2 the formula reads B1 (one row up); in C1 the same relative formula would read row 0.
    cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE(B1,12)", 1, 2, "");
    const result = cache.rewriteAt("_xldudf_AICOST_PROJECT_PRICE(B1048576,12)", 0, 2, "");
    expect(result).toEqual(rewriteFormula("_xldudf_AICOST_PROJECT_PRICE(B1048576,12)", context));
    expect(parsed).toHaveLength(2);
  });
});

describe("zipParts", () => {
  test("crc32 is the IEEE CRC: the check value of \"123456789\" is CBF43926", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  test("the zip holds each part's bytes in order, deflated by fflate or by Node's zlib", () => {
    const parts = [
      ["[Content_Types].xml", new TextEncoder().encode("<Types/>")],
      ["xl/worksheets/sheet1.xml", new TextEncoder().encode("<worksheet>".padEnd(100_000, "x"))],
      ["empty.bin", new Uint8Array()],
    ] as const;
    for (const deflate of [fflateDeflate, (data: Uint8Array) => deflateRawSync(data)]) {
      const zipped = zipParts(parts, deflate);
      const files = unzipSync(zipped);
      expect(Object.keys(files)).toEqual(parts.map(([name]) => name));
      for (const [name, data] of parts) expect(Buffer.from(files[name]).equals(Buffer.from(data))).toBe(true);
      expect(zipped.length).toBeLessThan(2_000); // 100 KB of one letter deflates to a few hundred bytes
    }
  });
});
