import type { WorkbookPort } from "../sheet/port";
import { PreviewDocument } from "./document";
import { PreviewWorkbook, SimpleSelection } from "./previewWorkbook";

/** The sample reference price: USD per million input tokens (claude-sonnet-4 list price, 2025-05-14). */
export const STANDALONE_SAMPLE_PRICE_USD = 3;

/**
 * The in-memory workbook the task pane uses when taskpane.html is opened outside Office: the
 * preview's HyperFormula workbook (the same class as the preview page), with the assumptions
 * sheet set up, the pane's reference price set to a sample price so the chart has one, and an
 * empty selected cell, Sheet1!A1, where Insert projection can write its block (it never writes
 * over cells that hold data, as in Excel). Nothing is saved.
 */
export async function createStandaloneWorkbook(): Promise<WorkbookPort> {
  const document = PreviewDocument.empty("Sheet1");
  const workbook = new PreviewWorkbook(document, new SimpleSelection({ sheetName: "Sheet1", row: 0, col: 0 }));
  await workbook.setUpAssumptions();
  await workbook.savePreferences({ ...(await workbook.loadPreferences()), referencePriceUsd: STANDALONE_SAMPLE_PRICE_USD });
  return workbook;
}
