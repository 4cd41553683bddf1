import { PreviewDocument } from "../../src/preview/document";
import { PreviewWorkbook, SimpleSelection, type ProjectionChartRequest } from "../../src/preview/previewWorkbook";
import { createStandaloneWorkbook } from "../../src/preview/standalone";
import { ASSUMPTIONS_SHEET_NAME } from "../../src/sheet/layout";

function setUp(): { workbook: PreviewWorkbook; document: PreviewDocument; selection: SimpleSelection; charts: ProjectionChartRequest[] } {
  const document = PreviewDocument.empty("Sheet1");
  const selection = new SimpleSelection({ sheetName: "Sheet1", row: 0, col: 0 });
  const charts: ProjectionChartRequest[] = [];
  const workbook = new PreviewWorkbook(document, selection, { showChart: (request) => charts.push(request) > 0 });
  return { workbook, document, selection, charts };
}

function assumptionsCell(document: PreviewDocument, address: string): unknown {
  const sheet = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
  const match = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
  return document.hf.getCellValue({ sheet, row: Number(match[2]) - 1, col: match[1].charCodeAt(0) - 65 });
}

/** Every stored cell of every sheet, to compare before and after an operation. */
function contents(document: PreviewDocument): string {
  return JSON.stringify(document.toStored().sheets);
}

describe("PreviewWorkbook", () => {
  test("a workbook without the sheet reads as missing; set-up makes it ready with the three presets and baseline active", async () => {
    const { workbook, document } = setUp();
    expect(await workbook.readAssumptions()).toEqual({ status: "missing" });
    await workbook.setUpAssumptions();
    const state = await workbook.readAssumptions();
    expect(state.status).toBe("ready");
    if (state.status === "missing") throw new Error("unreachable");
    expect(state.scenarios.map((row) => [row.name, row.annualPriceMultiplier, row.floorShare])).toEqual([
      ["pessimistic", 0.5, 0.25],
      ["baseline", 0.1, 0.01],
      ["aggressive", 0.025, 0.001],
    ]);
    expect(state.activeScenarioName).toBe("baseline");
    // The active row follows B4 through the native INDEX/MATCH formulas, and the name points at it.
    expect([assumptionsCell(document, "A7"), assumptionsCell(document, "B7"), assumptionsCell(document, "C7")]).toEqual(["baseline", 0.1, 0.01]);
    expect(document.hf.getNamedExpressionFormula("AICOST_SCENARIO")).toBe("='AICOST Assumptions'!$A$7:$C$7");
  });

  test("set-up twice changes nothing the second time", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
    const before = contents(document);
    await workbook.setUpAssumptions();
    expect(contents(document)).toBe(before);
  });

  test("switching writes only B4, and a formula on AICOST_SCENARIO recalculates", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    const sheet1 = document.sheetId("Sheet1") as number;
    document.hf.setCellContents({ sheet: sheet1, row: 0, col: 1 }, "=AICOST.PROJECT_PRICE(10, 12, AICOST_SCENARIO)");
    // baseline: 10 * (0.01 + 0.99 * 0.1) = 1.09
    expect(document.hf.getCellValue({ sheet: sheet1, row: 0, col: 1 })).toBeCloseTo(1.09, 10);
    const before = document.toStored().sheets;
    await workbook.setActiveScenario("aggressive");
    const after = document.toStored().sheets;
    const changed = after.flatMap((sheet, index) =>
      Object.keys({ ...sheet.cells, ...before[index].cells }).filter((address) => sheet.cells[address] !== before[index].cells[address]).map((address) => `${sheet.name}!${address}`),
    );
    expect(changed).toEqual([`${ASSUMPTIONS_SHEET_NAME}!B4`]);
    // aggressive: 10 * (0.001 + 0.999 * 0.025) = 0.25975
    expect(document.hf.getCellValue({ sheet: sheet1, row: 0, col: 1 })).toBeCloseTo(0.25975, 10);
  });

  test("updateScenario writes the row's parameter cells; addScenario appends a row", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    await workbook.updateScenario("baseline", { floorShare: 0.02 });
    expect(assumptionsCell(document, "C12")).toBe(0.02);
    expect(assumptionsCell(document, "B12")).toBe(0.1);
    await workbook.addScenario({ name: "2025", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "a number as a name" });
    expect(assumptionsCell(document, "A14")).toBe("2025");
    expect(assumptionsCell(document, "B14")).toBe(0.2);
    await expect(workbook.updateScenario("nosuch", { floorShare: 0.1 })).rejects.toThrow(/no scenario named "nosuch"/);
    await expect(workbook.updateScenario("baseline", { annualPriceMultiplier: 0 })).rejects.toThrow(/above 0/);
    expect(assumptionsCell(document, "B12")).toBe(0.1);
    await expect(workbook.addScenario({ name: "Baseline", annualPriceMultiplier: 0.2, floorShare: 0, note: "" })).rejects.toThrow(/already exists/);
  });

  test("change listeners hear edits typed on the assumptions sheet, not elsewhere, and stop after unsubscribing", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    let calls = 0;
    const unsubscribe = await workbook.onAssumptionsChanged(() => calls++);
    const sheet = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
    document.hf.setCellContents({ sheet, row: 11, col: 1 }, 0.3);
    await Promise.resolve();
    expect(calls).toBe(1);
    document.hf.setCellContents({ sheet: document.sheetId("Sheet1") as number, row: 5, col: 5 }, 42);
    await Promise.resolve();
    expect(calls).toBe(1);
    await unsubscribe();
    document.hf.setCellContents({ sheet, row: 11, col: 1 }, 0.4);
    await Promise.resolve();
    expect(calls).toBe(1);
  });

  test("a damaged sheet is reported and repair keeps custom rows", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
    const sheet = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
    document.hf.setCellContents({ sheet, row: 11, col: 1 }, "ten"); // B12: baseline's m as text
    document.hf.setCellContents({ sheet, row: 6, col: 1 }, 0.3); // B7: the active row's formula overwritten
    const damaged = await workbook.readAssumptions();
    expect(damaged.status).toBe("damaged");
    const messages = damaged.status === "missing" ? [] : [...damaged.problems, ...damaged.scenarios.flatMap((row) => row.problems)];
    expect(messages.join(" ")).toMatch(/B12/);
    expect(messages.join(" ")).toMatch(/B7/);
    await workbook.setUpAssumptions();
    const repaired = await workbook.readAssumptions();
    expect(repaired.status).toBe("ready");
    expect(assumptionsCell(document, "B12")).toBe(0.1);
    expect(assumptionsCell(document, "A14")).toBe("team plan");
  });

  test("a row inserted above the table is repaired: layout back in place, name pointed back, custom rows kept", async () => {
    const { workbook, document } = setUp();
    await workbook.setUpAssumptions();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
    const sheet = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
    document.hf.addRows(sheet, [4, 1]); // a row inserted at row 5 pushes everything below down
    expect((await workbook.readAssumptions()).status).toBe("damaged");
    await workbook.setUpAssumptions();
    const state = await workbook.readAssumptions();
    expect(state.status).toBe("ready");
    expect(state.status !== "missing" && state.scenarios.map((row) => row.name)).toEqual(["pessimistic", "baseline", "aggressive", "team plan"]);
    expect(assumptionsCell(document, "A10")).toBe("Scenario");
    expect(assumptionsCell(document, "A15")).toBeNull(); // the shifted copy of "team plan" is gone
    expect(document.hf.getNamedExpressionFormula("AICOST_SCENARIO")).toBe("='AICOST Assumptions'!$A$7:$C$7");
  });

  test("readSelectedNumber gives a positive number in the selected cell, else null", async () => {
    const { workbook, document, selection } = setUp();
    const sheet1 = document.sheetId("Sheet1") as number;
    document.hf.setCellContents({ sheet: sheet1, row: 0, col: 0 }, [[2.5, -1, "text"]]);
    expect(await workbook.readSelectedNumber()).toBe(2.5);
    selection.select({ sheetName: "Sheet1", row: 0, col: 1 });
    expect(await workbook.readSelectedNumber()).toBeNull();
    selection.select({ sheetName: "Sheet1", row: 0, col: 2 });
    expect(await workbook.readSelectedNumber()).toBeNull();
  });

  test("insertProjection writes the block at the selected cell and asks the page for a chart", async () => {
    const { workbook, document, selection, charts } = setUp();
    await workbook.setUpAssumptions();
    selection.select({ sheetName: "Sheet1", row: 1, col: 1 }); // B2
    const inserted = await workbook.insertProjection({ horizonMonths: 13, baseValueUsd: 10 });
    // 2 + 13 month rows + 1 + 3 fiscal-year rows: B2:H20.
    expect(inserted).toEqual({ address: "Sheet1!B2:H20", chartInserted: true });
    expect(charts).toHaveLength(1);
    const sheet1 = document.sheetId("Sheet1") as number;
    // Row 16 is month 12; column E reads pessimistic: 10 * (0.25 + 0.75 * 0.5) = 6.25; H the active baseline: 1.09.
    expect(document.hf.getCellValue({ sheet: sheet1, row: 15, col: 2 })).toBe(12);
    expect(document.hf.getCellValue({ sheet: sheet1, row: 15, col: 4 })).toBeCloseTo(6.25, 10);
    expect(document.hf.getCellValue({ sheet: sheet1, row: 15, col: 7 })).toBeCloseTo(1.09, 10);
    expect(document.formatAt({ sheet: sheet1, row: 15, col: 4 })).toMatch(/\$/);
  });

  test("insertProjection refuses to write over cells that hold data, as Excel's implementation does, and changes nothing", async () => {
    const { workbook, document, selection, charts } = setUp();
    await workbook.setUpAssumptions();
    const sheet1 = document.sheetId("Sheet1") as number;
    document.hf.setCellContents({ sheet: sheet1, row: 6, col: 5 }, "keep me"); // F7, inside B2:H9
    selection.select({ sheetName: "Sheet1", row: 1, col: 1 });
    const before = contents(document);
    await expect(workbook.insertProjection({ horizonMonths: 3, baseValueUsd: 10 })).rejects.toThrow(/needs Sheet1!B2:H9 to be empty/);
    expect(contents(document)).toBe(before);
    expect(charts).toHaveLength(0);
  });

  test("preferences round-trip through the document", async () => {
    const { workbook, document } = setUp();
    await workbook.savePreferences({ referencePriceUsd: 4, horizonMonths: 24 });
    expect(await workbook.loadPreferences()).toEqual({ referencePriceUsd: 4, horizonMonths: 24 });
    expect(document.toStored().preferences).toEqual({ referencePriceUsd: 4, horizonMonths: 24 });
  });

  test("the standalone workbook is set up, the sample price is the chart's reference, and an empty cell is selected for Insert projection", async () => {
    const workbook = await createStandaloneWorkbook();
    expect(workbook.host).toBe("preview");
    expect((await workbook.readAssumptions()).status).toBe("ready");
    expect(await workbook.loadPreferences()).toEqual({ referencePriceUsd: 3, horizonMonths: 36 });
    expect(await workbook.readSelectedNumber()).toBeNull();
    expect(await workbook.insertProjection({ horizonMonths: 12, baseValueUsd: 3 })).toEqual({ address: "Sheet1!A3:G19", chartInserted: false });
  });
});
