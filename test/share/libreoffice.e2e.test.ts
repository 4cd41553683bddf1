/**
 * File round trips through an independent engine: share-safe copies opened in LibreOffice Calc
 * (headless, recalculating everything on load) recompute to AICOST's numbers, under each active
 * scenario picked the way a recipient picks it (the Active scenario cell). The original files
 * show #NAME? there, as they do in any spreadsheet without the add-in.
 *
 * Needs LibreOffice (`apt-get install libreoffice-calc-nogui`; .ci/run installs it). Without it
 * the suite fails, unless AICOST_SKIP_LIBREOFFICE=1 says to skip it on a machine that lacks it.
 */
import type { CellValue } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import { PreviewDocument } from "../../src/preview/document";
import { cellPosition as parseA1 } from "../../src/sheet/addresses";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { exportXlsx } from "../../src/preview/xlsxExport";
import { createSampleDocument, SAMPLE_FIRST_MONTH_ROW, SAMPLE_MONTHS, SAMPLE_SHEET_NAME } from "../../src/preview/sample";
import { ASSUMPTIONS_SHEET_NAME } from "../../src/sheet/layout";
import { shareSafeWorkbook } from "../../src/share/package";
import { corpusCases, INPUT_CELLS, INPUT_NAMES, INPUT_SHEET } from "./corpus";
import { excelSavedWorkbook } from "./fixtures";
import { fieldAt, isErrorField, readField, recalculate, sofficePath, withCellText } from "./libreoffice";
import { CUSTOM_SCENARIO } from "./workbookFixture";

const skip = sofficePath() === null && process.env.AICOST_SKIP_LIBREOFFICE === "1";
const suite = skip ? describe.skip : describe;

jest.setTimeout(180_000);

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Why LibreOffice's field differs from AICOST's value, or null. */
function mismatch(field: string, expected: CellValue | number | string): string | null {
  if (expected instanceof DetailedCellError) return isErrorField(field) ? null : `AICOST gives ${expected.value}, LibreOffice "${field}"`;
  if (typeof expected === "number") {
    const value = readField(field);
    return typeof value === "number" && close(value, expected) ? null : `AICOST gives ${expected}, LibreOffice "${field}"`;
  }
  if (expected === null) return null;
  return field === String(expected) ? null : `AICOST gives ${JSON.stringify(expected)}, LibreOffice "${field}"`;
}

const SCENARIOS = ["baseline", "aggressive", "pessimistic"] as const;

/** Where LibreOffice itself computes differently from Excel, and why (docs/SHARING.md). */
const libreOfficeDiffers: Readonly<Record<string, string>> = {
  [`=AICOST.PROJECT_PRICE('${INPUT_SHEET}'!A6, 12, AICOST_SCENARIO)`]: "LibreOffice has no logical type: TRUE in a cell is the number 1, so ISNUMBER is TRUE there",
};

/** The corpus in a preview workbook: cases down column A of "Cases", spaced for their spills. */
async function corpusDocument(): Promise<{ document: PreviewDocument; placed: { formula: string; row: number; height: number; columns: number }[] }> {
  const document = PreviewDocument.empty("Cases");
  const port = new PreviewWorkbook(document, new SimpleSelection());
  await port.setUpAssumptions();
  await port.addScenario(CUSTOM_SCENARIO);
  const { hf } = document;
  const inputs = hf.getSheetId(hf.addSheet(INPUT_SHEET)) as number;
  for (const [address, content] of Object.entries(INPUT_CELLS)) hf.setCellContents({ sheet: inputs, ...parseA1(address)! }, content);
  for (const [name, expression] of Object.entries(INPUT_NAMES)) hf.addNamedExpression(name, expression);
  const cases = document.sheetId("Cases") as number;
  const placed: { formula: string; row: number; height: number; columns: number }[] = [];
  let row = 0;
  for (const { formula } of corpusCases()) {
    const curve = /(?:PRICE_CURVE|PRICE_BAND)\([^,]+,\s*(\d+)/.exec(formula);
    const height = curve ? Number(curve[1]) + 1 : formula.startsWith("=AICOST.COST_CURVE") ? 6 : 1;
    hf.setCellContents({ sheet: cases, row, col: 0 }, formula);
    placed.push({ formula, row, height, columns: /^=AICOST\.(SCENARIO_PARAMS|PRICE_BAND)\(/.test(formula) ? 3 : 1 });
    row += height + 1;
  }
  return { document, placed };
}

function valuesOf(document: PreviewDocument, sheetName: string, cells: { row: number; col: number }[]): CellValue[] {
  const sheet = document.sheetId(sheetName) as number;
  return cells.map((cell) => document.hf.getCellValue({ sheet, ...cell }));
}

suite("share-safe copies recompute in LibreOffice Calc", () => {
  let recalculated: ReturnType<typeof recalculate>;
  const fixture = excelSavedWorkbook();
  const fixtureCopy = shareSafeWorkbook(fixture.bytes).bytes;
  const expectedByScenario = Object.fromEntries(SCENARIOS.map((scenario) => [scenario, excelSavedWorkbook({ activeScenario: scenario }).expected]));
  let corpus: Awaited<ReturnType<typeof corpusDocument>>;
  const corpusExpected: Record<string, CellValue[]> = {};
  const corpusCells: { row: number; col: number }[] = [];
  let sample: PreviewDocument;

  beforeAll(async () => {
    corpus = await corpusDocument();
    sample = await createSampleDocument();
    for (const item of corpus.placed) {
      for (let offset = 0; offset < item.height; offset++) for (let col = 0; col < item.columns; col++) corpusCells.push({ row: item.row + offset, col });
    }
    const corpusBytes = await exportXlsx(corpus.document);
    const corpusCopy = shareSafeWorkbook(corpusBytes);
    expect(corpusCopy.report.frozen).toEqual([]);
    const sampleBytes = await exportXlsx(sample);
    const sampleCopy = shareSafeWorkbook(sampleBytes).bytes;
    const files: Record<string, Uint8Array> = { "fixture-original": fixture.bytes, "sample-original": sampleBytes, "sample-copy-baseline": sampleCopy };
    const assumptionsPart = (document: PreviewDocument) => `xl/worksheets/sheet${document.hf.getSheetNames().indexOf(ASSUMPTIONS_SHEET_NAME) + 1}.xml`;
    for (const scenario of [...SCENARIOS, CUSTOM_SCENARIO.name]) {
      if (scenario !== CUSTOM_SCENARIO.name) files[`fixture-${scenario}`] = withCellText(fixtureCopy, "xl/worksheets/sheet1.xml", "B4", scenario);
      files[`corpus-${scenario.replace(" ", "-")}`] = withCellText(corpusCopy.bytes, assumptionsPart(corpus.document), "B4", scenario);
      await new PreviewWorkbook(corpus.document, new SimpleSelection()).setActiveScenario(scenario);
      corpusExpected[scenario] = valuesOf(corpus.document, "Cases", corpusCells);
    }
    files["sample-copy-aggressive"] = withCellText(sampleCopy, assumptionsPart(sample), "B4", "aggressive");
    const sheets: Record<string, string[]> = {};
    for (const name of Object.keys(files)) {
      sheets[name] = name.startsWith("fixture") ? ["Model"] : name.startsWith("sample") ? [SAMPLE_SHEET_NAME] : ["Cases"];
    }
    recalculated = recalculate(files, sheets);
  });

  test("the originals show #NAME? without the add-in: the problem a share-safe copy solves", () => {
    const model = recalculated.get("fixture-original")!.get("Model")!;
    expect(fieldAt(model, 4, 1)).toBe("#NAME?");
    const sampleSheet = recalculated.get("sample-original")!.get(SAMPLE_SHEET_NAME)!;
    const costCells = [3, 4, 5, 6].flatMap((col) => Array.from({ length: SAMPLE_MONTHS }, (_unused, month) => fieldAt(sampleSheet, SAMPLE_FIRST_MONTH_ROW - 1 + month, col)));
    expect(costCells).toHaveLength(144);
    expect(costCells.every((field) => field === "#NAME?")).toBe(true);
  });

  test.each(SCENARIOS)("the Excel-saved workbook's copy, %s active: every AICOST cell recomputes to AICOST's number", (scenario) => {
    const model = recalculated.get(`fixture-${scenario}`)!.get("Model")!;
    const problems = Object.entries(expectedByScenario[scenario]).flatMap(([address, expected]) => {
      const { row, col } = parseA1(address)!;
      const problem = mismatch(fieldAt(model, row, col), expected);
      return problem === null ? [] : [`${address}: ${problem}`];
    });
    expect(problems).toEqual([]);
    // Frozen cells keep their cached values.
    expect(fieldAt(model, 12, 1)).toBe("2.5");
    expect(fieldAt(model, 14, 1)).toBe("gpt-4o & co");
  });

  test.each([...SCENARIOS, CUSTOM_SCENARIO.name])("the corpus's copy, %s active: numbers within 1e-9, errors where AICOST has errors", (scenario) => {
    const cases = recalculated.get(`corpus-${scenario.replace(" ", "-")}`)!.get("Cases")!;
    const expected = corpusExpected[scenario];
    const problems: string[] = [];
    let index = 0;
    for (const item of corpus.placed) {
      const anchorIndex = index;
      if (libreOfficeDiffers[item.formula] !== undefined) {
        index += item.height * item.columns;
        continue;
      }
      for (let offset = 0; offset < item.height; offset++) {
        for (let col = 0; col < item.columns; col++, index++) {
          const anchorIsError = expected[anchorIndex] instanceof DetailedCellError;
          if (anchorIsError && (offset > 0 || col > 0)) continue;
          const problem = mismatch(fieldAt(cases, item.row + offset, col), expected[index]);
          if (problem !== null) problems.push(`${item.formula} (cell ${offset + 1},${col + 1}): ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the sample's 144 cost cells are live in the copy, and follow the Active scenario", async () => {
    for (const scenario of ["baseline", "aggressive"]) {
      await new PreviewWorkbook(sample, new SimpleSelection()).setActiveScenario(scenario);
      const sheet = recalculated.get(`sample-copy-${scenario}`)!.get(SAMPLE_SHEET_NAME)!;
      const cells = [3, 4, 5, 6].flatMap((col) => Array.from({ length: SAMPLE_MONTHS }, (_unused, month) => ({ row: SAMPLE_FIRST_MONTH_ROW - 1 + month, col })));
      const expected = valuesOf(sample, SAMPLE_SHEET_NAME, cells);
      const problems = cells.flatMap((cell, index) => {
        const problem = mismatch(fieldAt(sheet, cell.row, cell.col), expected[index]);
        return problem === null ? [] : [`row ${cell.row + 1} col ${cell.col + 1}: ${problem}`];
      });
      expect(problems).toEqual([]);
    }
  });
});
