/* What the Excel implementation adds for the prices sheet beyond the contract: a real table named
 * AICOST_Prices that grows with the rows, the name AICOST_PRICES over the fixed range, dates in a
 * date format, a table repaired after a rename, and one sync per step. */
import type { ModelPriceRow } from "../../src/core/priceCatalog";
import { PRICES_SHEET_NAME } from "../../src/sheet/pricesLayout";
import { ExcelWorkbook } from "../../src/workbook/excelWorkbook";
import { FakeExcel } from "./fakeExcel";

const row = (model: string, effectiveFrom = "2025-06-10"): ModelPriceRow => ({
  model,
  provider: "OpenAI",
  effectiveFrom,
  usdPerMillionTokens: { input: 2, output: 8 },
  source: "test",
  note: "",
});

function setUp(): { excel: FakeExcel; port: ExcelWorkbook } {
  const excel = new FakeExcel();
  return { excel, port: new ExcelWorkbook(excel.run, excel.settings) };
}

describe("ExcelWorkbook: the AICOST Prices sheet", () => {
  test("a first Add to workbook makes a table AICOST_Prices over the header and the rows, and the name AICOST_PRICES over A4:K504", async () => {
    const { excel, port } = setUp();
    await port.addPriceRows([row("o3"), row("gpt-4o"), row("gpt-4.1")]);
    const sheet = excel.sheets.get(PRICES_SHEET_NAME);
    expect(sheet?.tables).toEqual([{ name: "AICOST_Prices", address: "A4:K7" }]);
    expect(excel.names.get("AICOST_PRICES")).toBe("='AICOST Prices'!$A$4:$K$504");
    expect(sheet?.cells.get("C5")?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet?.cells.get("C504")?.numberFormat).toBe("yyyy-mm-dd");
  });

  test("later rows join the table: it grows under its last row", async () => {
    const { excel, port } = setUp();
    await port.addPriceRows([row("o3")]);
    await port.addPriceRows([row("gpt-4o"), row("gpt-4.1")]);
    expect(excel.sheets.get(PRICES_SHEET_NAME)?.tables[0].address).toBe("A4:K7");
    expect(excel.formula(PRICES_SHEET_NAME, "A7")).toBe("gpt-4.1");
  });

  test("a renamed table is reported, and Repair makes AICOST_Prices again over the rows", async () => {
    const { excel, port } = setUp();
    await port.addPriceRows([row("o3"), row("gpt-4o")]);
    const sheet = excel.sheets.get(PRICES_SHEET_NAME);
    if (sheet === undefined) throw new Error("no sheet");
    sheet.tables[0].name = "Table9";
    const state = await port.readPrices();
    expect(state.status).toBe("damaged");
    expect(state.status !== "missing" && state.problems).toEqual([expect.stringMatching(/not named AICOST_Prices \(this sheet has "Table9"\)/)]);
    await port.setUpPrices();
    expect(sheet.tables).toEqual([{ name: "AICOST_Prices", address: "A4:K6" }]);
    expect((await port.readPrices()).status).toBe("ready");
  });

  test("a table grown past row 504 is reported: the name does not cover the rows below", async () => {
    const { excel, port } = setUp();
    await port.addPriceRows([row("o3")]);
    excel.type(PRICES_SHEET_NAME, "A505", "late-model");
    const state = await port.readPrices();
    expect(state.status !== "missing" && state.problems).toEqual([expect.stringMatching(/goes past row 504, but AICOST_PRICES covers only its first 500 rows/)]);
  });

  test("a new sheet and its rows take two syncs: one to look, one to write", async () => {
    const { excel, port } = setUp();
    const before = excel.syncCount;
    await port.addPriceRows([row("o3"), row("gpt-4o")]);
    expect(excel.syncCount - before).toBe(2);
  });
});
