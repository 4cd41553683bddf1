import { DEFAULT_PREFERENCES, type WorkbookPort } from "../sheet/port";
import { PreviewDocument } from "./document";
import { PreviewWorkbook, SimpleSelection } from "./previewWorkbook";

/** The sample reference price: USD per million input tokens (claude-sonnet-4 list price, 2025-05-14). */
export const STANDALONE_SAMPLE_PRICE_USD = 3;

/**
 * The in-memory workbook the task pane uses when taskpane.html is opened outside Office: the
 * preview's HyperFormula workbook (the same class as the preview page), with the assumptions
 * sheet set up, a sample price in Sheet1!A1 that the pane's preferences take as the chart's
 * reference price, and the empty cell A3 selected, so Insert projection has room (it never writes
 * over a filled cell, and there is no grid here to select another). Nothing is saved.
 */
export async function createStandaloneWorkbook(): Promise<WorkbookPort> {
  const workbookDocument = PreviewDocument.empty("Sheet1");
  const sheet = workbookDocument.sheetId("Sheet1") as number;
  workbookDocument.hf.setCellContents({ sheet, row: 0, col: 0 }, STANDALONE_SAMPLE_PRICE_USD);
  workbookDocument.setFormat(sheet, "A1", "$#,##0.00");
  const workbook = new PreviewWorkbook(workbookDocument, new SimpleSelection({ sheetName: "Sheet1", row: 2, col: 0 }));
  await workbook.setUpAssumptions();
  await workbook.savePreferences({ ...DEFAULT_PREFERENCES, referencePriceUsd: STANDALONE_SAMPLE_PRICE_USD });
  return workbook;
}
