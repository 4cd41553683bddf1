/* The sensitivity on the preview's sample model: the inputs the total cost depends on, found
 * through HyperFormula's precedents, and a sweep whose largest bar a hand calculation names. */
import { runSensitivitySweep, relativeRange, defaultScenarioRanges, type SensitivityInput } from "../../src/core/sensitivity";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { createSampleDocument, SAMPLE_SHEET_NAME, SAMPLE_TOTAL_ROW } from "../../src/preview/sample";
import { PreviewDocument } from "../../src/preview/document";

const output = `'${SAMPLE_SHEET_NAME}'!G${SAMPLE_TOTAL_ROW}`;

/**
 * The total over 36 months under the active scenario (baseline), worked out apart from the
 * workbook: cost per ticket (6000 * (0.5 * 3 + 0.5 * 0.3) + 800 * 15) / 1e6 = 0.0219, tickets
 * 20000 * 1.04^t, price factor 0.01 + 0.99 * m^(t/12), summed for t = 0..35.
 */
function handTotal(overrides: { tickets?: number; m?: number; f?: number } = {}): number {
  const { tickets = 20000, m = 0.1, f = 0.01 } = overrides;
  let total = 0;
  for (let t = 0; t < 36; t++) total += tickets * 1.04 ** t * 0.0219 * (f + (1 - f) * m ** (t / 12));
  return total;
}

describe("sensitivity on the sample model", () => {
  it("finds the sample's inputs (B5:B12) and month 0 the total depends on, the assumptions and prices sheets left out: B9, B10 and B12 are MODEL_PRICE formulas over AICOST_PRICES, inputs in their own right", async () => {
    const workbookDocument = await createSampleDocument();
    const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
    const found = await port.findInputCells(output);
    expect(found?.map((cell) => [cell.address.replace(/^.*!/, ""), cell.label, cell.value])).toEqual([
      ["B5", "Tickets per month today", 20000],
      ["B6", "Monthly growth in tickets", 0.04],
      ["B7", "Input tokens per ticket", 6000],
      ["B8", "Output tokens per ticket", 800],
      ["B9", "Input price, USD / M tokens", 3],
      ["B10", "Output price, USD / M tokens", 15],
      ["B11", "Cached share of input tokens", 0.5],
      ["B12", "Cached input price, USD / M tokens", 0.3],
      ["A17", `'${SAMPLE_SHEET_NAME}'!A17`, 0],
    ]);
    expect((await port.activeScenarioInputs())?.annualPriceMultiplier).toEqual({ address: "'AICOST Assumptions'!B12", label: "baseline: annual price multiplier m", value: 0.1 });
  });

  it("sweeps them with m and f; the scenario's m moves the total most, as the hand calculation says, and every cell is back", async () => {
    const workbookDocument = await createSampleDocument();
    const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
    const before = JSON.stringify(workbookDocument.toStored());
    const cells = ((await port.findInputCells(output)) ?? []).filter((cell) => cell.value !== 0);
    const scenario = await port.activeScenarioInputs();
    const ranges = defaultScenarioRanges();
    const inputs: SensitivityInput[] = [
      ...cells.map((cell) => ({ address: cell.address, label: cell.label, ...relativeRange(cell.value as number) })),
      { address: scenario!.annualPriceMultiplier.address, label: "m", ...ranges.annualPriceMultiplier },
      { address: scenario!.floorShare.address, label: "f", ...ranges.floorShare },
    ];
    const result = await runSensitivitySweep(port.sensitivityWorkbook(), output, inputs);
    expect(result.baseOutput).toBeCloseTo(handTotal(), 6); // 3390.04
    // m from 0.025 to 0.5: 2183.12 to 11835.17, a swing of 9652.05; f from 0.001 to 0.25 next
    // (7695.87); tickets 16,000 to 24,000 third (1356.02, 40% of the base).
    expect(result.rows[0]).toMatchObject({ label: "m", outputAtLow: expect.closeTo(handTotal({ m: 0.025 }), 6), outputAtHigh: expect.closeTo(handTotal({ m: 0.5 }), 6) });
    expect(result.rows[1].label).toBe("f");
    expect(result.rows[2]).toMatchObject({ label: "Tickets per month today", swing: expect.closeTo(handTotal({ tickets: 24000 }) - handTotal({ tickets: 16000 }), 6) });
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(workbookDocument.toStored())).toBe(before);
  });

  it("a whole column (SUM(A:A)) is followed as far as the sheet is filled, not cut to its first cell", async () => {
    const workbookDocument = PreviewDocument.empty("S");
    const sheet = workbookDocument.sheetId("S") as number;
    workbookDocument.hf.setCellContents({ sheet, row: 0, col: 0 }, [[1, "=SUM(A:A)"], [2, null], [3, null]]);
    const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
    expect((await port.findInputCells("S!B1"))?.map((cell) => [cell.address, cell.value])).toEqual([
      ["S!A1", 1],
      ["S!A2", 2],
      ["S!A3", 3],
    ]);
  });
});
