import type { HyperFormula } from "hyperformula";
import { PreviewDocument, type StoredChart } from "../../src/preview/document";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { createSampleDocument, SAMPLE_SHEET_NAME, SCRATCH_SHEET_NAME } from "../../src/preview/sample";
import { engineHistory, recordedPort, UNDO_HISTORY_STEPS, UndoHistory } from "../../src/preview/undo";
import { ASSUMPTIONS_SHEET_NAME, SCENARIO_NAME_DEFINED_NAME } from "../../src/sheet/layout";
import type { WorkbookPort } from "../../src/sheet/port";

/** A sheet "Sheet1" with the assumptions set up, its history, and the pane's port recorded in it. */
async function setUp(): Promise<{ document: PreviewDocument; history: UndoHistory; port: WorkbookPort; selection: SimpleSelection; sheet: number }> {
  const document = PreviewDocument.empty("Sheet1");
  const selection = new SimpleSelection({ sheetName: "Sheet1", row: 0, col: 0 });
  const inner = new PreviewWorkbook(document, selection, {
    showChart: (request) => {
      const chart: StoredChart = { sheetName: request.sheetName, blockRange: request.block.rangeAddress, seriesRange: request.block.chartSeriesAddress, categoryRange: request.block.chartCategoryAddress, topLeft: "L2" };
      document.setCharts([...document.charts, chart]);
      return true;
    },
  });
  await inner.setUpAssumptions();
  const history = new UndoHistory(document);
  return { document, history, port: recordedPort(inner, history), selection, sheet: document.sheetId("Sheet1") as number };
}

function value(hf: HyperFormula, sheet: number, row: number, col: number): unknown {
  return hf.getCellValue({ sheet, row, col });
}

function activeScenario(document: PreviewDocument): unknown {
  return document.hf.getCellValue({ sheet: document.sheetId(ASSUMPTIONS_SHEET_NAME) as number, row: 3, col: 1 });
}

describe("UndoHistory", () => {
  test("HyperFormula 3.5 keeps its undo stacks where the history reads them", () => {
    const document = PreviewDocument.empty();
    const { undoStack, redoStack } = engineHistory(document.hf);
    expect(Array.isArray(undoStack) && Array.isArray(redoStack)).toBe(true);
    expect(() => engineHistory({} as HyperFormula)).toThrow(/keeps its undo history elsewhere/);
  });

  test("opening a workbook is not a step: nothing to undo", async () => {
    const { history, document } = await setUp();
    expect(history.canUndo).toBe(false);
    expect(document.hf.isThereSomethingToUndo()).toBe(false);
    expect(history.undo()).toEqual({ done: false, reason: "There is nothing to undo." });
    expect(history.redo()).toEqual({ done: false, reason: "There is nothing to redo." });
  });

  test("a cell edit with its number format is one step: undo puts both back, redo does both again", async () => {
    const { history, document, sheet } = await setUp();
    history.record("Typing 25,000 in A1", () => {
      document.hf.setCellContents({ sheet, row: 0, col: 0 }, 25_000);
      document.setFormat(sheet, "A1", "#,##0");
    });
    expect(history.undoLabel).toBe("Typing 25,000 in A1");
    expect(history.undo()).toEqual({ done: true, label: "Typing 25,000 in A1" });
    expect(value(document.hf, sheet, 0, 0)).toBeNull();
    expect(document.formatAt({ sheet, row: 0, col: 0 })).toBeUndefined();
    expect(history.redoLabel).toBe("Typing 25,000 in A1");
    expect(history.redo()).toEqual({ done: true, label: "Typing 25,000 in A1" });
    expect(value(document.hf, sheet, 0, 0)).toBe(25_000);
    expect(document.formatAt({ sheet, row: 0, col: 0 })).toBe("#,##0");
  });

  test("the pane's actions are steps: switch, tune, add a scenario; each undone in turn", async () => {
    const { history, document, port } = await setUp();
    const assumptions = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
    await port.setActiveScenario("aggressive");
    await port.updateScenario("baseline", { annualPriceMultiplier: 0.05 });
    await port.addScenario({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "our guess" });
    expect(value(document.hf, assumptions, 13, 0)).toBe("team");
    expect(history.undo()).toMatchObject({ label: "Add scenario team" });
    expect(value(document.hf, assumptions, 13, 0)).toBeNull();
    expect(history.undo()).toMatchObject({ label: "Tune baseline" });
    expect(value(document.hf, assumptions, 11, 1)).toBe(0.1);
    expect(history.undo()).toMatchObject({ label: "Switch to aggressive" });
    expect(activeScenario(document)).toBe("baseline");
    expect(history.canUndo).toBe(false);
    // And all redone, in order.
    history.redo();
    history.redo();
    history.redo();
    expect(activeScenario(document)).toBe("aggressive");
    expect(value(document.hf, assumptions, 11, 1)).toBe(0.05);
    expect(value(document.hf, assumptions, 13, 0)).toBe("team");
  });

  test("an undone Insert projection removes its cells, its formats and its chart; redo brings all three back", async () => {
    const { history, document, port, selection, sheet } = await setUp();
    selection.select({ sheetName: "Sheet1", row: 1, col: 1 }); // B2
    await port.insertProjection({ horizonMonths: 13, baseValueUsd: 10 });
    expect(document.charts).toHaveLength(1);
    // Month 12 is row 16 (months 0.. from row 4); the active (baseline) column H: 10 * 0.109 = 1.09.
    expect(value(document.hf, sheet, 15, 7)).toBeCloseTo(1.09, 12);
    expect(document.formatAt({ sheet, row: 15, col: 7 })).toBe("$#,##0.00##");
    history.undo();
    expect(value(document.hf, sheet, 15, 7)).toBeNull();
    expect(document.formatAt({ sheet, row: 15, col: 7 })).toBeUndefined();
    expect(document.charts).toEqual([]);
    expect(document.toStored().charts).toBeUndefined();
    history.redo();
    expect(value(document.hf, sheet, 15, 7)).toBeCloseTo(1.09, 12);
    expect(document.formatAt({ sheet, row: 15, col: 7 })).toBe("$#,##0.00##");
    expect(document.charts).toHaveLength(1);
  });

  test("an undone Set up removes the sheet and its names (AICOST_SCENARIO, AICOST_BAND, the calendar's); redo brings them back and the formulas that read them compute again", async () => {
    const document = PreviewDocument.empty("Sheet1");
    const sheet = document.sheetId("Sheet1") as number;
    document.hf.setCellContents({ sheet, row: 0, col: 0 }, "=AICOST.PROJECT_PRICE(10, 12, AICOST_SCENARIO)");
    const history = new UndoHistory(document);
    const port = recordedPort(new PreviewWorkbook(document, new SimpleSelection()), history);
    await port.setUpAssumptions();
    expect(value(document.hf, sheet, 0, 0)).toBeCloseTo(1.09, 12); // baseline: 10 * 0.109
    expect(history.undo()).toMatchObject({ label: "Set up workbook" });
    expect(document.hf.getSheetNames()).toEqual(["Sheet1"]);
    expect(document.hf.listNamedExpressions()).toEqual([]);
    // An unknown name reaches the function as the engine's #NAME?, which a custom function cannot
    // return in Excel: the plugin answers #VALUE! naming the argument (aicostPlugin.ts).
    expect(value(document.hf, sheet, 0, 0)).toMatchObject({ value: "#VALUE!" });
    history.redo();
    expect(document.hf.getSheetNames()).toEqual(["Sheet1", ASSUMPTIONS_SHEET_NAME]);
    expect(document.hf.listNamedExpressions()).toEqual([SCENARIO_NAME_DEFINED_NAME, "AICOST_BAND", "AICOST_START_MONTH", "AICOST_FY_START"]);
    expect(value(document.hf, sheet, 0, 0)).toBeCloseTo(1.09, 12);
    expect(activeScenario(document)).toBe("baseline");
  });

  test(`keeps at least the last 50 steps: ${UNDO_HISTORY_STEPS} in all, the oldest dropped first`, async () => {
    const { history, document, sheet } = await setUp();
    for (let step = 1; step <= UNDO_HISTORY_STEPS + 20; step++) {
      history.record(`Typing ${step} in A1`, () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, step));
    }
    for (let undone = 1; undone <= 50; undone++) {
      expect(history.undo().done).toBe(true);
    }
    // 120 - 50 = 70 is in A1 after 50 undos.
    expect(value(document.hf, sheet, 0, 0)).toBe(70);
    let more = 0;
    while (history.undo().done) more++;
    expect(50 + more).toBe(UNDO_HISTORY_STEPS);
    // The oldest 20 steps are gone: A1 holds what step 20 typed.
    expect(value(document.hf, sheet, 0, 0)).toBe(20);
  });

  test("a new step after an undo clears what could be redone", async () => {
    const { history, document, sheet } = await setUp();
    history.record("one", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 1));
    history.undo();
    expect(history.canRedo).toBe(true);
    history.record("two", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 2));
    expect(history.canRedo).toBe(false);
    expect(history.undoLabel).toBe("two");
  });

  test("a step that changes nothing is not recorded; a step within a step joins it", async () => {
    const { history, document, sheet } = await setUp();
    history.record("nothing", () => undefined);
    expect(history.canUndo).toBe(false);
    history.record("outer", () => {
      document.hf.setCellContents({ sheet, row: 0, col: 0 }, 1);
      history.record("inner", () => document.hf.setCellContents({ sheet, row: 0, col: 1 }, 2));
    });
    expect(history.undoLabel).toBe("outer");
    history.undo();
    expect([value(document.hf, sheet, 0, 0), value(document.hf, sheet, 0, 1)]).toEqual([null, null]);
    expect(history.canUndo).toBe(false);
  });

  test("an action that fails part way is rolled back, and leaves nothing to undo", async () => {
    const { history, document, sheet } = await setUp();
    history.record("keep", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 1));
    expect(() =>
      history.record("fails", () => {
        document.hf.setCellContents({ sheet, row: 0, col: 0 }, 99);
        document.setFormat(sheet, "A1", "0%");
        throw new Error("the host refused");
      }),
    ).toThrow("the host refused");
    expect(value(document.hf, sheet, 0, 0)).toBe(1);
    expect(document.formatAt({ sheet, row: 0, col: 0 })).toBeUndefined();
    expect(history.undoLabel).toBe("keep");
    await expect(history.recordAsync("fails later", async () => {
      document.hf.setCellContents({ sheet, row: 0, col: 1 }, 5);
      throw new Error("no");
    })).rejects.toThrow("no");
    expect(value(document.hf, sheet, 0, 1)).toBeNull();
  });

  test("a change made outside the history is never undone by mistake: undo says so and forgets", async () => {
    const { history, document, sheet } = await setUp();
    history.record("recorded", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 1));
    document.hf.setCellContents({ sheet, row: 0, col: 1 }, "outside");
    const outcome = history.undo();
    expect(outcome).toEqual({ done: false, reason: expect.stringMatching(/"recorded" cannot be undone: the workbook was changed outside/) });
    expect(value(document.hf, sheet, 0, 0)).toBe(1);
    expect(history.canUndo).toBe(false);
  });

  test("a PRICE_CURVE sized by a cell follows that cell through undo and redo", async () => {
    const { history, document, sheet } = await setUp();
    history.record("enter", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, [[12, "=AICOST.PRICE_CURVE(10, A1)"]]));
    history.record("Typing 24 in A1", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 24));
    // The step resized the spill: 25 rows, month 24 in row 25 = 10 * (0.01 + 0.99 * 0.01) = 0.199.
    expect(value(document.hf, sheet, 24, 1)).toBeCloseTo(0.199, 12);
    history.undo();
    expect(value(document.hf, sheet, 12, 1)).toBeCloseTo(1.09, 12);
    expect(value(document.hf, sheet, 13, 1)).toBeNull();
    history.redo();
    expect(value(document.hf, sheet, 24, 1)).toBeCloseTo(0.199, 12);
    expect(value(document.hf, sheet, 25, 1)).toBeNull();
  });

  test("the saved state follows: every undo and redo tells the document's listeners, and what is stored is the state before the step", async () => {
    const sample = await createSampleDocument();
    const history = new UndoHistory(sample);
    const before = JSON.stringify(sample.toStored());
    let notified = 0;
    sample.onChange(() => notified++);
    const scratch = sample.sheetId(SCRATCH_SHEET_NAME) as number;
    // A formula replaced by one with the same value: the engine reports no changed value.
    history.record("same value", () => sample.hf.setCellContents({ sheet: scratch, row: 2, col: 1 }, "=1+2"));
    notified = 0;
    history.undo();
    expect(notified).toBeGreaterThan(0);
    expect(JSON.stringify(sample.toStored())).toBe(before);
    expect(sample.sheetId(SAMPLE_SHEET_NAME)).toBeDefined();
  });

  test("listeners hear every change to what can be undone; destroy stops them", async () => {
    const { history, document, sheet } = await setUp();
    let heard = 0;
    history.onChange(() => heard++);
    history.record("one", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 1));
    history.undo();
    history.redo();
    expect(heard).toBe(3);
    history.destroy();
    history.record("two", () => document.hf.setCellContents({ sheet, row: 0, col: 0 }, 2));
    expect(heard).toBe(3);
  });
});
