import ExcelJS from "exceljs";
import type { PreviewDocument } from "../../src/preview/document";
import { displayValue, formatNumber } from "../../src/preview/format";
import { createSampleDocument, SAMPLE_SHEET_NAME } from "../../src/preview/sample";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { exportXlsx, fromFileFormula, toFileFormula } from "../../src/preview/xlsxExport";
import { scenarioOptions } from "../../src/taskpane/state";

/**
 * The sample model's numbers worked out by hand from its inputs, without src code:
 *   tickets(t)      = 20,000 * 1.04^t
 *   input tokens    = tickets * 6,000;  output tokens = tickets * 800
 *   cost today(t)   = (input * 0.5 * $3 + input * 0.5 * $0.30 + output * $15) / 1e6
 *   price factor    = f + (1 - f) * m^(t/12)
 *   monthly cost    = cost today(t) * price factor
 * Month 0: 120,000,000 input tokens -> 60M * 3 + 60M * 0.3 = 180 + 18 = $198; output 16,000,000 * 15 = $240; total $438.
 * The prices $3 / $15 / $0.30 are claude-sonnet-4-20250514's catalog row (data/prices.csv, from
 * 2025-05-22), which the sample copies to its AICOST Prices sheet and reads with MODEL_PRICE.
 * The fitted scenario's m is the GPT-4-level series' fit, 0.0237379029745444 (LibreOffice's
 * LINEST on the same six points, docs/PRICES.md), with a floor of 1%.
 */
const FITTED_M = 0.0237379029745444;
const presets = { pessimistic: [0.5, 0.25], baseline: [0.1, 0.01], aggressive: [0.025, 0.001] } as const;

function expectedMonthlyCost(month: number, [m, f]: readonly [number, number]): number {
  const tickets = 20_000 * 1.04 ** month;
  const input = tickets * 6_000;
  const output = tickets * 800;
  const costToday = (input * 0.5 * 3 + input * 0.5 * 0.3 + output * 15) / 1e6;
  return costToday * (f + (1 - f) * m ** (month / 12));
}

function value(document: PreviewDocument, address: string, sheetName = SAMPLE_SHEET_NAME): unknown {
  const match = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
  return document.hf.getCellValue({ sheet: document.sheetId(sheetName) as number, row: Number(match[2]) - 1, col: match[1].charCodeAt(0) - 65 });
}

function relativeClose(actual: unknown, expected: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThan(1e-8);
}

describe("the sample model", () => {
  test("its inputs are visible, labelled cells", async () => {
    const sample = await createSampleDocument();
    expect([value(sample, "A5"), value(sample, "B5")]).toEqual(["Tickets per month today", 20_000]);
    expect([value(sample, "A9"), value(sample, "B9")]).toEqual(["Input price, USD / M tokens", 3]);
    expect([value(sample, "A11"), value(sample, "B11")]).toEqual(["Cached share of input tokens", 0.5]);
    expect([value(sample, "B10"), value(sample, "B12")]).toEqual([15, 0.3]);
    // 2025-05-22 = serial 45799, shown as a date
    expect(value(sample, "B13")).toBe(45799);
    const sheet = sample.sheetId(SAMPLE_SHEET_NAME) as number;
    expect(displayValue(value(sample, "B13") as number, sample.formatAt({ sheet, row: 12, col: 1 })).text).toBe("2025-05-22");
  });

  test("its prices are MODEL_PRICE formulas over the workbook's own AICOST Prices sheet, and follow an edit there", async () => {
    const sample = await createSampleDocument();
    const sheet = sample.sheetId(SAMPLE_SHEET_NAME) as number;
    expect(sample.hf.getCellFormula({ sheet, row: 8, col: 1 })).toBe('=AICOST.MODEL_PRICE("claude-sonnet-4-20250514", "input", , AICOST_PRICES)');
    const prices = sample.sheetId("AICOST Prices") as number;
    expect(value(sample, "A5", "AICOST Prices")).toBe("claude-sonnet-4-20250514");
    // A negotiated output price of $12 typed in E5: month 0 is 198 + 16,000,000 * 12 / 1e6 = 198 + 192 = $390.
    sample.hf.setCellContents({ sheet: prices, row: 4, col: 4 }, 12);
    expect(value(sample, "B10")).toBe(12);
    relativeClose(value(sample, "D17"), 390);
    relativeClose(value(sample, "G17"), 390);
  });

  test("the scenarios table holds a row fitted to the GPT-4-level series, with a note naming the data; made active, the active column follows it", async () => {
    const sample = await createSampleDocument();
    expect(value(sample, "A14", "AICOST Assumptions")).toBe("fitted GPQA Diamond series");
    expect(value(sample, "B14", "AICOST Assumptions")).toBeCloseTo(FITTED_M, 12);
    expect(value(sample, "C14", "AICOST Assumptions")).toBe(0.01);
    expect(value(sample, "F14", "AICOST Assumptions")).toBe("fitted: GPQA Diamond series, Epoch AI, n=6, r2=0.76, 2023-03..2024-12; the floor is judgement, not fitted.");
    sample.hf.setCellContents({ sheet: sample.sheetId("AICOST Assumptions") as number, row: 3, col: 1 }, "fitted GPQA Diamond series");
    // Month 12: cost today(12) * (0.01 + 0.99 * 0.0237379^1).
    relativeClose(value(sample, "G29"), expectedMonthlyCost(12, [FITTED_M, 0.01]));
    relativeClose(value(sample, "G17"), 438);
  });

  test("month 0 costs $438 in every scenario", async () => {
    const sample = await createSampleDocument();
    for (const column of ["D", "E", "F", "G"]) {
      relativeClose(value(sample, `${column}17`), 438);
    }
  });

  test("each preset column and the active column match the hand-worked costs, month by month and in total", async () => {
    const sample = await createSampleDocument();
    const columns = { D: presets.pessimistic, E: presets.baseline, F: presets.aggressive, G: presets.baseline } as const;
    for (const [column, preset] of Object.entries(columns)) {
      let total = 0;
      for (let month = 0; month < 36; month++) {
        const expected = expectedMonthlyCost(month, preset);
        total += expected;
        relativeClose(value(sample, `${column}${17 + month}`), expected);
      }
      relativeClose(value(sample, `${column}53`), total);
    }
  });

  test("switching the active scenario moves the active column and leaves the presets alone", async () => {
    const sample = await createSampleDocument();
    const pessimisticTotal = value(sample, "D53");
    sample.hf.setCellContents({ sheet: sample.sheetId("AICOST Assumptions") as number, row: 3, col: 1 }, "aggressive");
    // Month 12 under aggressive: cost today(12) * (0.001 + 0.999 * 0.025).
    relativeClose(value(sample, "G29"), expectedMonthlyCost(12, presets.aggressive));
    expect(value(sample, "G29")).toBe(value(sample, "F29"));
    expect(value(sample, "D53")).toBe(pessimisticTotal);
    expect(value(sample, "B14")).toBe("aggressive");
  });

  test("each preset column's header is the name of the table row it computes, after a rename and a sort", async () => {
    const sample = await createSampleDocument();
    const assumptions = sample.sheetId("AICOST Assumptions") as number;
    expect(["D16", "E16", "F16"].map((address) => value(sample, address))).toEqual(["pessimistic", "baseline", "aggressive"]);
    // Rename row 11 as a user would in the grid: the header follows.
    sample.hf.setCellContents({ sheet: assumptions, row: 10, col: 0 }, "gloomy");
    expect(value(sample, "D16")).toBe("gloomy");
    // Sort the table descending by name: aggressive's row moves to 11 and pessimistic's to 13.
    sample.hf.setCellContents({ sheet: assumptions, row: 10, col: 0 }, [
      ["aggressive", 0.025, 0.001],
      ["baseline", 0.1, 0.01],
      ["pessimistic", 0.5, 0.25],
    ]);
    expect(["D16", "E16", "F16"].map((address) => value(sample, address))).toEqual(["aggressive", "baseline", "pessimistic"]);
    // And each column still computes the scenario its header names.
    relativeClose(value(sample, "D29"), expectedMonthlyCost(12, presets.aggressive));
    relativeClose(value(sample, "F29"), expectedMonthlyCost(12, presets.pessimistic));
  });

  test("values keep full JavaScript precision: no rounding to 10 significant digits", async () => {
    const sample = await createSampleDocument();
    const scratch = sample.sheetId("Try it") as number;
    // ANNUAL_MULTIPLIER(1, 1e-7, 120) = (1e-7 / 1) ^ (12 / 120) = 10^-0.7 = 0.19952623149688795 in JavaScript.
    sample.hf.setCellContents({ sheet: scratch, row: 20, col: 0 }, "=AICOST.ANNUAL_MULTIPLIER(1,0.0000001,120)");
    const computed = value(sample, "A21", "Try it");
    expect(computed).toBe(Math.pow(0.0000001 / 1, 12 / 120));
    expect(String(computed)).toBe("0.19952623149688795");
    expect(displayValue(computed as number, undefined).dataValue).toBe(String(computed));
    expect(String(computed).length).toBeGreaterThan("0.1995262315".length);
    // Plain arithmetic too: 0.1 + 0.2 is 0.30000000000000004 in JavaScript, not 0.3.
    sample.hf.setCellContents({ sheet: scratch, row: 21, col: 0 }, "=0.1+0.2");
    expect(value(sample, "A22", "Try it")).toBe(0.1 + 0.2);
  });
});

describe("the sample's fiscal-year subtotals", () => {
  /** The sample with the start month 2027-01-01 (serial 46388) and fiscal years from April. */
  async function aprilSample(): Promise<PreviewDocument> {
    const sample = await createSampleDocument();
    const assumptions = sample.sheetId("AICOST Assumptions") as number;
    sample.hf.setCellContents({ sheet: assumptions, row: 3, col: 4 }, 46388);
    sample.hf.setCellContents({ sheet: assumptions, row: 4, col: 4 }, 4);
    return sample;
  }

  test("labels each month with its date and fiscal year", async () => {
    const sample = await aprilSample();
    // Jan-Mar 2027 end FY2027; April 2027 (46388 + 31 + 28 + 31 = 46478) starts FY2028.
    expect([value(sample, "I17"), value(sample, "J17"), value(sample, "I20"), value(sample, "J20"), value(sample, "J52")]).toEqual([46388, 2027, 46478, 2028, 2030]);
    expect([value(sample, "A56"), value(sample, "B56"), value(sample, "A57"), value(sample, "B57"), value(sample, "A59"), value(sample, "B59")]).toEqual([
      "FY2027 total",
      3,
      "FY2028 total",
      12,
      "FY2030 total",
      9,
    ]);
  });

  test("subtotals each scenario by fiscal year, matching the hand-worked costs", async () => {
    const sample = await aprilSample();
    // cost(t) = 438 * 1.04^t * (f + (1 - f) * m^(t/12)). Baseline (m = 0.1, f = 0.01) over FY2027,
    // t = 0..2: 438 * 1 + 438 * 1.04 * (0.01 + 0.99 * 0.825404) + 438 * 1.0816 * (0.01 + 0.99 * 0.681292)
    // = 438 + 376.785 + 324.264 = 1139.049. The other rows are the same sum over t = 3..14 (FY2028),
    // 15..26 (FY2029) and 27..35 (FY2030), each worked out the same way.
    const expected = {
      D: [1309.3217, 5224.881, 5664.1707, 5007.1909], // pessimistic, m = 0.5, f = 0.25
      E: [1139.0491, 1701.2063, 379.0416, 170.7427], // baseline
      F: [1029.4769, 806.1024, 43.8211, 14.5788], // aggressive, m = 0.025, f = 0.001
      G: [1139.0491, 1701.2063, 379.0416, 170.7427], // active: baseline
    };
    for (const [column, years] of Object.entries(expected)) {
      years.forEach((subtotal, index) => expect(value(sample, `${column}${56 + index}`)).toBeCloseTo(subtotal, 3));
      // The fiscal years add up to the 36-month total.
      expect(years.reduce((sum, year) => sum + year, 0)).toBeCloseTo(value(sample, `${column}53`) as number, 3);
    }
  });

  test("text typed for a scenario's m gives its subtotals an error, and the engine keeps working", async () => {
    const sample = await aprilSample();
    sample.hf.setCellContents({ sheet: sample.sheetId("AICOST Assumptions") as number, row: 11, col: 1 }, "ten"); // B12, baseline's m
    expect(value(sample, "E56")).toMatchObject({ value: "#VALUE!" });
    expect(value(sample, "D56")).toBeCloseTo(1309.3217, 3); // pessimistic is untouched
  });

  test("follows the fiscal year's first month: a January start gives three calendar years of twelve months", async () => {
    const sample = await aprilSample();
    sample.hf.setCellContents({ sheet: sample.sheetId("AICOST Assumptions") as number, row: 4, col: 4 }, 1);
    expect([value(sample, "A56"), value(sample, "B56"), value(sample, "A58"), value(sample, "A59"), value(sample, "E59")]).toEqual(["FY2027 total", 12, "FY2029 total", "", ""]);
    // 36 months from January are exactly 2027, 2028 and 2029; the fourth row is blank, and the
    // three add up to the total.
    const rows = [56, 57, 58].map((row) => value(sample, `E${row}`) as number);
    expect(rows.reduce((sum, year) => sum + year, 0)).toBeCloseTo(value(sample, "E53") as number, 6);
  });
});

describe("number formats", () => {
  test.each([
    [1234.5, "$#,##0.00", "$1,234.50"],
    [0.25975, "$#,##0.00##", "$0.2598"],
    [3, "$#,##0.00##", "$3.00"],
    [-2.5, "$#,##0.00", "-$2.50"],
    [0.04, "0.0%", "4.0%"],
    [0.5, "0%", "50%"],
    [120_000_000, "#,##0", "120,000,000"],
    [12, "0", "12"],
    // General fits 11 characters, as Excel's does in a standard-width column.
    [1 / 3, undefined, "0.333333333"],
    [-1 / 3, undefined, "-0.33333333"],
    [0.9691964651, undefined, "0.969196465"],
    [2.053437445, undefined, "2.053437445"],
    [12345678901, undefined, "12345678901"],
    [1.5e-12, undefined, "1.5E-12"],
    // Scientific when it shows more significant digits than the fixed form: 0.000000123 has 3, 1.23457E-07 has 6.
    [1.23456789e-7, undefined, "1.23457E-07"],
    [-1.23456789e-7, undefined, "-1.2346E-07"],
    // 0.000123457 and 1.23457E-04 both show 6 digits: fixed wins, as in Excel; 0.000012346 shows 5, so scientific.
    [0.000123456789, undefined, "0.000123457"],
    [0.0000123456789, undefined, "1.23457E-05"],
    [0.0001, undefined, "0.0001"],
    // 12 digits do not fit in 11 characters.
    [123456789012, undefined, "1.23457E+11"],
    [120_000_000, undefined, "120000000"],
  ])("%p in %p shows %p", (number, code, shown) => {
    expect(formatNumber(number, code)).toBe(shown);
  });

  test("data-value is String(n) for numbers, the code for errors, with the message kept", () => {
    expect(displayValue(0.1 + 0.2, "$#,##0.00")).toMatchObject({ text: "$0.30", dataValue: String(0.1 + 0.2) });
    expect(displayValue(true, undefined)).toMatchObject({ text: "TRUE", dataValue: "TRUE" });
    expect(displayValue(null, undefined)).toMatchObject({ text: "", dataValue: "" });
  });
});

describe("the .xlsx export", () => {
  test("AICOST formulas are written in the form Excel stores custom functions, and read back", () => {
    const formula = "=AICOST.PROJECT_COST(AICOST.INFER_COST(C17, D17, 3, 15), A17, AICOST_SCENARIO)";
    expect(toFileFormula(formula)).toBe("_xldudf_AICOST_PROJECT_COST(_xldudf_AICOST_INFER_COST(C17, D17, 3, 15), A17, AICOST_SCENARIO)");
    expect(fromFileFormula(toFileFormula(formula))).toBe(formula);
    // Text in quotes is left alone.
    expect(toFileFormula('="AICOST.PROJECT_PRICE(" & A1')).toBe('"AICOST.PROJECT_PRICE(" & A1');
  });

  test("the file holds the formulas with cached values, formats, the table, the dropdown and the defined name", async () => {
    const sample = await createSampleDocument();
    const bytes = await exportXlsx(sample);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([SAMPLE_SHEET_NAME, "AICOST Assumptions", "Try it", "AICOST Prices"]);
    expect(workbook.definedNames.model).toEqual([
      { name: "AICOST_SCENARIO", ranges: ["'AICOST Assumptions'!$A$7:$C$7"] },
      { name: "AICOST_BAND", ranges: ["'AICOST Assumptions'!$H$5:$L$5"] },
      { name: "AICOST_START_MONTH", ranges: ["'AICOST Assumptions'!$E$4"] },
      { name: "AICOST_FY_START", ranges: ["'AICOST Assumptions'!$E$5"] },
      { name: "AICOST_PRICES", ranges: ["'AICOST Prices'!$A$4:$K$504"] },
    ]);

    const sheet = workbook.getWorksheet(SAMPLE_SHEET_NAME) as ExcelJS.Worksheet;
    const stored = sample.toStored().sheets[0].cells;
    for (const address of ["G17", "G40", "B20", "D53"]) {
      const cell = sheet.getCell(address).value as ExcelJS.CellFormulaValue;
      expect(fromFileFormula(cell.formula)).toBe(stored[address]);
      expect(cell.result).toBe(value(sample, address));
    }
    const spill = sheet.getCell("D17").value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
    expect(spill).toMatchObject({ shareType: "array", ref: "D17:D52", result: 438 });
    expect(sheet.getCell("D18").value).toBe(value(sample, "D18"));
    expect(sheet.getCell("G17").numFmt).toBe("$#,##0.00");
    expect(sheet.getCell("B6").numFmt).toBe("0.0%");

    const assumptions = workbook.getWorksheet("AICOST Assumptions") as ExcelJS.Worksheet;
    const table = assumptions.getTable("AICOST_Scenarios") as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(table.table.tableRef).toBe("A10:F14"); // the presets and the fitted row
    expect(table.table.columns.map((column) => column.name)).toEqual([
      "Scenario",
      "Annual price multiplier",
      "Floor share",
      "x cheaper per year",
      "Floor, % of today's price",
      "Note",
    ]);
    // The readings stay formulas over m and f, with their results (1/0.1 = 10; f = 0.01) and formats.
    expect(assumptions.getCell("D12").value).toEqual({ formula: 'IF(ISNUMBER(B12),IF(B12>0,1/B12,""),"")', result: 10 });
    expect(assumptions.getCell("E12").value).toEqual({ formula: 'IF(ISNUMBER(C12),C12,"")', result: 0.01 });
    expect([assumptions.getCell("D12").numFmt, assumptions.getCell("E12").numFmt]).toEqual(['0.0"x"', "0.0#%"]);
    expect(assumptions.getCell("E4").numFmt).toBe("mmm yyyy");
    expect(assumptions.getCell("A12").value).toBe("baseline");
    expect(assumptions.getCell("B4").dataValidation).toMatchObject({
      type: "list",
      formulae: ['INDIRECT("AICOST_Scenarios[Scenario]")'],
      // The same alert as the dropdown the Excel adapter adds (src/workbook/excelWorkbook.ts addDropdown).
      showErrorMessage: true,
      errorTitle: "Pick a scenario",
      error: "Choose a name from the list: the scenarios in the table below. Add a row to the table for a scenario of your own.",
    });
    expect((assumptions.getCell("B7").value as ExcelJS.CellFormulaValue).formula).toBe("INDEX($B$11:$B$110,MATCH($B$4,$A$11:$A$110,0))");
  });

  test("an error result is cached as an Excel error", async () => {
    const sample = await createSampleDocument();
    const scratch = sample.sheetId("Try it") as number;
    sample.hf.setCellContents({ sheet: scratch, row: 20, col: 0 }, "=AICOST.PROJECT_PRICE(-1, 12)");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(sample)) as never);
    const cell = (workbook.getWorksheet("Try it") as ExcelJS.Worksheet).getCell("A21").value as ExcelJS.CellFormulaValue;
    // Stored as Excel stores an add-in call: a one-cell dynamic array (see test/share/excelSaved.test.ts).
    expect(cell).toEqual({ formula: "_xldudf_AICOST_PROJECT_PRICE(-1, 12)", result: { error: "#NUM!" }, shareType: "array", ref: "A21" });
  });

  test("a preset tuned in the pane is exported with the note the pane and the sheet show: edited, not its source", async () => {
    const sample = await createSampleDocument();
    const port = new PreviewWorkbook(sample, new SimpleSelection());
    await port.updateScenario("baseline", { annualPriceMultiplier: 1 / 3 });
    const state = await port.readAssumptions();
    const paneNote = scenarioOptions(state).find((option) => option.name === "baseline")?.note;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportXlsx(sample)) as never);
    const assumptions = workbook.getWorksheet("AICOST Assumptions") as ExcelJS.Worksheet;
    expect([assumptions.getCell("B12").value, assumptions.getCell("F12").value]).toEqual([1 / 3, "Edited from baseline: a16z 10x; these values are not the source's."]);
    expect(paneNote).toBe(assumptions.getCell("F12").value);
    expect(state.status).toBe("ready");
  });
});
