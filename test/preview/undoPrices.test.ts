/* The Prices view's writes in the preview are steps of the undo history: adding rows (the sheet
 * created with them) and inserting a price come back off in one undo each. */
import { PreviewDocument } from "../../src/preview/document";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { recordedPort, UndoHistory } from "../../src/preview/undo";
import { PRICES_DEFINED_NAME, PRICES_SHEET_NAME } from "../../src/sheet/pricesLayout";

test("Add to workbook and Insert are undone one step each, the created sheet and name included", async () => {
  const document = PreviewDocument.empty("Sheet1");
  const selection = new SimpleSelection({ sheetName: "Sheet1", row: 1, col: 1 });
  const history = new UndoHistory(document);
  const port = recordedPort(new PreviewWorkbook(document, selection), history);
  await port.addPriceRows([{ model: "o3", provider: "OpenAI", effectiveFrom: "2025-06-10", usdPerMillionTokens: { input: 2, output: 8 }, source: "map", note: "" }]);
  await port.insertAtSelection('=AICOST.MODEL_PRICE("o3","output",,AICOST_PRICES)');
  const sheet = document.sheetId("Sheet1") as number;
  expect(document.hf.getCellValue({ sheet, row: 1, col: 1 })).toBe(8);
  history.undo();
  expect(document.hf.getCellValue({ sheet, row: 1, col: 1 })).toBeNull();
  expect(document.sheetId(PRICES_SHEET_NAME)).toBeDefined();
  history.undo();
  expect(document.sheetId(PRICES_SHEET_NAME)).toBeUndefined();
  expect(document.hf.getNamedExpressionFormula(PRICES_DEFINED_NAME)).toBeUndefined();
  expect(await port.readPrices()).toEqual({ status: "missing" });
  history.redo();
  expect((await port.readPrices()).status).toBe("ready");
});
