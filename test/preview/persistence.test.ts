import fc from "fast-check";
import { PreviewDocument, type StoredWorkbook } from "../../src/preview/document";
import { loadStoredWorkbook, parseStoredWorkbook, saveStoredWorkbook, STORAGE_KEY, type KeyValueStorage } from "../../src/preview/persistence";
import { createSampleDocument, SAMPLE_SHEET_NAME } from "../../src/preview/sample";

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

const minimal: StoredWorkbook = {
  version: 1,
  sheets: [{ name: "Sheet1", cells: { A1: 3, B1: "=A1*2", C1: "text", D1: true }, formats: { A1: "$#,##0.00" } }],
  names: [],
  preferences: { referencePriceUsd: null, horizonMonths: 36 },
  activeSheet: "Sheet1",
};

const chartOnSheet1 = { sheetName: "Sheet1", blockRange: "F3:J41", seriesRange: "G4:J41", categoryRange: "F5:F41", topLeft: "L3" };

describe("parseStoredWorkbook", () => {
  test("nothing stored is not an error", () => {
    expect(parseStoredWorkbook(null)).toEqual({ kind: "none" });
  });

  test("a valid workbook reads back as it was written", () => {
    expect(parseStoredWorkbook(JSON.stringify(minimal))).toEqual({ kind: "ok", workbook: minimal });
  });

  // Fixtures of bad stored state, each with the reason the page shows.
  test.each([
    ["bad JSON", "{not json", /not valid JSON/],
    ["an array", "[]", /not a workbook object/],
    ["a wrong version", JSON.stringify({ ...minimal, version: 2 }), /version 2; this preview reads version 1/],
    ["no version", JSON.stringify({ ...minimal, version: undefined }), /version null/],
    ["no sheets", JSON.stringify({ ...minimal, sheets: [] }), /no sheets/],
    ["a sheet without a name", JSON.stringify({ ...minimal, sheets: [{ cells: {}, formats: {} }] }), /sheet 1 has no valid name/],
    ["a bad address", JSON.stringify({ ...minimal, sheets: [{ name: "S", cells: { "1A": 3 }, formats: {} }] }), /"1A", which is not an address/],
    ["an object in a cell", JSON.stringify({ ...minimal, sheets: [{ name: "S", cells: { A1: { x: 1 } }, formats: {} }] }), /S!A1 holds object/],
    ["null in a cell", JSON.stringify({ ...minimal, sheets: [{ name: "S", cells: { A1: null }, formats: {} }] }), /S!A1 holds null/],
    ["a number format that is not text", JSON.stringify({ ...minimal, sheets: [{ name: "S", cells: {}, formats: { A1: 4 } }] }), /bad number format at "A1"/],
    ["two sheets of one name", JSON.stringify({ ...minimal, sheets: [minimal.sheets[0], { ...minimal.sheets[0], name: "SHEET1" }] }), /same name/],
    ["a malformed defined name", JSON.stringify({ ...minimal, names: [{ name: "1bad", expression: "=A1" }] }), /defined name 1 is malformed/],
    ["charts that are not a list", JSON.stringify({ ...minimal, charts: {} }), /list of charts is not a list/],
    ["a chart that is not an object", JSON.stringify({ ...minimal, charts: [3] }), /chart 1 is not an object/],
    ["a chart on no sheet", JSON.stringify({ ...minimal, charts: [{ ...chartOnSheet1, sheetName: "Gone" }] }), /chart 1 belongs to no sheet/],
    ["a chart with a bad range", JSON.stringify({ ...minimal, charts: [{ ...chartOnSheet1, seriesRange: "G4:" }] }), /chart 1 has a range or a position/],
    ["a chart with a bad position", JSON.stringify({ ...minimal, charts: [{ ...chartOnSheet1, topLeft: 7 }] }), /chart 1 has a range or a position/],
  ])("%s is unreadable, with a reason", (_name, text, reason) => {
    const state = parseStoredWorkbook(text);
    expect(state.kind).toBe("unreadable");
    expect(state.kind === "unreadable" && state.reason).toMatch(reason);
  });

  test("Insert projection's charts read back; a workbook saved without charts has none", () => {
    const withCharts = { ...minimal, charts: [chartOnSheet1] };
    expect(parseStoredWorkbook(JSON.stringify(withCharts))).toEqual({ kind: "ok", workbook: withCharts });
    const document = PreviewDocument.fromStored(withCharts);
    expect(document.charts).toEqual([chartOnSheet1]);
    expect(document.toStored().charts).toEqual([chartOnSheet1]);
    expect(PreviewDocument.fromStored(minimal).toStored().charts).toBeUndefined();
  });

  test("an active sheet that does not exist falls back to the first sheet", () => {
    const state = parseStoredWorkbook(JSON.stringify({ ...minimal, activeSheet: "Gone" }));
    expect(state.kind === "ok" && state.workbook.activeSheet).toBe("Sheet1");
  });

  test("any JSON value never throws: it is ok, none or unreadable", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const state = parseStoredWorkbook(JSON.stringify(value));
        expect(["ok", "unreadable"]).toContain(state.kind);
      }),
    );
  });
});

describe("saving and restoring the workbook", () => {
  test("the sample survives a round trip through storage: formulas, values, formats, names and the active scenario", async () => {
    const sample = await createSampleDocument();
    const sheet = sample.sheetId("AICOST Assumptions") as number;
    sample.hf.setCellContents({ sheet, row: 3, col: 1 }, "aggressive");
    const storage = memoryStorage();
    expect(saveStoredWorkbook(storage, sample.toStored())).toBeNull();
    const loaded = loadStoredWorkbook(storage);
    expect(loaded.kind).toBe("ok");
    if (loaded.kind !== "ok") return;
    const restored = PreviewDocument.fromStored(loaded.workbook);
    expect(restored.toStored()).toEqual(sample.toStored());
    const sampleSheet = restored.sheetId(SAMPLE_SHEET_NAME) as number;
    // G53 is the total under the active scenario; D18 a cell spilled by COST_CURVE.
    for (const [row, col] of [[52, 6], [17, 3], [18, 6]]) {
      expect(restored.hf.getCellValue({ sheet: sampleSheet, row, col })).toBe(sample.hf.getCellValue({ sheet: sampleSheet, row, col }));
    }
    expect(restored.hf.getCellValue({ sheet: restored.sheetId("AICOST Assumptions") as number, row: 3, col: 1 })).toBe("aggressive");
    expect(restored.formatAt({ sheet: sampleSheet, row: 17, col: 3 })).toBe("$#,##0.00");
  });

  test("spilled cells are stored as their formula only", async () => {
    const sample = await createSampleDocument();
    const cells = sample.toStored().sheets.find((sheet) => sheet.name === SAMPLE_SHEET_NAME)?.cells ?? {};
    expect(cells.D17).toMatch(/^=AICOST\.COST_CURVE\(/);
    expect(cells.D18).toBeUndefined();
  });

  test("storage that throws counts as unreadable, and a full storage is reported", () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(loadStoredWorkbook(broken)).toEqual({ kind: "unreadable", reason: expect.stringMatching(/could not be read/) });
    expect(saveStoredWorkbook(broken, minimal)).toMatch(/could not be saved in this browser: Error: QuotaExceededError/);
  });

  test.each([
    ["QuotaExceededError", 22],
    ["NS_ERROR_DOM_QUOTA_REACHED", 1014],
  ])("a full storage (%s) is said in words, with what to do", (name, code) => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error("The quota has been exceeded."), { name, code });
      },
      removeItem: () => undefined,
    };
    expect(saveStoredWorkbook(full, minimal)).toBe(
      "This browser's storage for the preview is full, so your latest changes are not saved: they stay on screen until you reload. Download the workbook as .xlsx to keep it, or clear this site's stored data to make room.",
    );
  });

  test("the key is the preview's own", () => {
    const storage = memoryStorage();
    saveStoredWorkbook(storage, minimal);
    expect(Object.keys(storage.data)).toEqual([STORAGE_KEY]);
  });
});

describe("stored pane preferences", () => {
  // Preferences are the pane's, not the workbook's: bad ones take their defaults field by field,
  // as Excel's document settings do, and never cost the user their workbook (the sample instead).
  it.each<[string, unknown, { referencePriceUsd: number | null; horizonMonths: number }]>([
    ["missing", undefined, { referencePriceUsd: null, horizonMonths: 36 }],
    ["a horizon of 0 months", { referencePriceUsd: 4, horizonMonths: 0 }, { referencePriceUsd: 4, horizonMonths: 36 }],
    ["a horizon of 5000 months", { referencePriceUsd: null, horizonMonths: 5000 }, { referencePriceUsd: null, horizonMonths: 36 }],
    ["a negative reference price", { referencePriceUsd: -1, horizonMonths: 24 }, { referencePriceUsd: null, horizonMonths: 24 }],
    ["not an object", "big", { referencePriceUsd: null, horizonMonths: 36 }],
  ])("%s: the workbook is read, with default preferences where they are bad", (_name, preferences, expected) => {
    const state = parseStoredWorkbook(JSON.stringify({ ...minimal, preferences }));
    expect(state.kind).toBe("ok");
    expect(state.kind === "ok" && state.workbook.preferences).toEqual(expected);
    expect(state.kind === "ok" && state.workbook.sheets).toEqual(minimal.sheets);
  });
});
