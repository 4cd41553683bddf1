/* The preview's prices sheet end to end in HyperFormula: rows added through the port are what
 * MODEL_PRICE(..., AICOST_PRICES) reads, an edit in the sheet recalculates it, and the Effective
 * from column shows dates. */
import { PreviewDocument } from "../../src/preview/document";
import { displayValue } from "../../src/preview/format";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { PRICES_SHEET_NAME } from "../../src/sheet/pricesLayout";

test("MODEL_PRICE over AICOST_PRICES reads the rows the port added, and follows an edit", async () => {
  const workbookDocument = PreviewDocument.empty("Sheet1");
  const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
  await port.addPriceRows([
    { model: "o3", provider: "OpenAI", effectiveFrom: "2025-04-16", usdPerMillionTokens: { input: 10, output: 40 }, source: "launch", note: "" },
    { model: "o3", provider: "OpenAI", effectiveFrom: "2025-06-10", usdPerMillionTokens: { input: 2, output: 8 }, source: "cut", note: "" },
  ]);
  const { hf } = workbookDocument;
  const sheet = hf.getSheetId("Sheet1") as number;
  hf.setCellContents({ sheet, row: 0, col: 0 }, [
    ['=AICOST.MODEL_PRICE("o3", "output", , AICOST_PRICES)', '=AICOST.MODEL_PRICE("o3", "output", DATE(2025, 6, 9), AICOST_PRICES)', '=AICOST.MODEL_PRICE("gpt-4o", , , AICOST_PRICES)'],
  ]);
  expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toBe(8);
  expect(hf.getCellValue({ sheet, row: 0, col: 1 })).toBe(40);
  expect(hf.getCellValue({ sheet, row: 0, col: 2 })).toMatchObject({ value: "#N/A" }); // only the workbook's table is searched
  const prices = hf.getSheetId(PRICES_SHEET_NAME) as number;
  hf.setCellContents({ sheet: prices, row: 5, col: 4 }, 6.5); // E6: a negotiated output price
  expect(hf.getCellValue({ sheet, row: 0, col: 0 })).toBe(6.5);
  expect(displayValue(hf.getCellValue({ sheet: prices, row: 5, col: 2 }), workbookDocument.formatAt({ sheet: prices, row: 5, col: 2 })).text).toBe("2025-06-10");
});

test("the .xlsx export makes the prices rows a real table AICOST_Prices, with the name and the date format", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const { exportXlsx } = await import("../../src/preview/xlsxExport");
  const workbookDocument = PreviewDocument.empty("Sheet1");
  const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
  await port.addPriceRows([
    { model: "o3", provider: "OpenAI", effectiveFrom: "2025-06-10", usdPerMillionTokens: { input: 2, output: 8 }, source: "cut", note: "" },
    { model: "gpt-4o", provider: "OpenAI", effectiveFrom: "2024-11-15", usdPerMillionTokens: { input: 2.5, output: 10 }, source: "map", note: "" },
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportXlsx(workbookDocument)) as never);
  const prices = workbook.getWorksheet(PRICES_SHEET_NAME) as import("exceljs").Worksheet;
  const table = prices.getTable("AICOST_Prices") as unknown as { table: { tableRef: string; columns: { name: string }[] } };
  expect(table.table.tableRef).toBe("A4:K6");
  expect(table.table.columns.map((column) => column.name).slice(0, 7)).toEqual(["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"]);
  expect(prices.getCell("C5").numFmt).toBe("yyyy-mm-dd");
  // stored as the serial 45818 with a date format, which ExcelJS reads back as the date
  expect(prices.getCell("C5").value).toEqual(new Date("2025-06-10T00:00:00.000Z"));
  expect(workbook.definedNames.model).toContainEqual({ name: "AICOST_PRICES", ranges: ["'AICOST Prices'!$A$4:$K$504"] });
});
