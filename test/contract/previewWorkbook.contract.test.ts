/* The WorkbookPort contract on PreviewWorkbook, the preview's HyperFormula workbook. Reopening
 * goes through what a reload does: the document stored as localStorage holds it, read back by
 * parseStoredWorkbook. */
import { cellPosition, cellAddress } from "../../src/sheet/addresses";
import { PreviewDocument } from "../../src/preview/document";
import { parseStoredWorkbook } from "../../src/preview/persistence";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { describePricesPortContract } from "./pricesPort.contract";
import { describeWorkbookPortContract, type PortHarness } from "./workbookPort.contract";

/** A tick for HyperFormula's events and the workbook's notifications (queued as microtasks). */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function previewHarness(): Promise<PortHarness> {
  const workbookDocument = PreviewDocument.empty("Sheet1");
  const selection = new SimpleSelection({ sheetName: "Sheet1", row: 0, col: 0 });
  const showChart = (): boolean => true;
  const downloads: Uint8Array[] = [];
  const saveFile = (bytes: Uint8Array): void => {
    downloads.push(bytes);
  };
  const { hf } = workbookDocument;
  const position = (sheet: string, address: string) => ({ sheet: hf.getSheetId(sheet) as number, ...(cellPosition(address) as { row: number; col: number }) });
  const content = (sheet: string, address: string): unknown => {
    if (hf.getSheetId(sheet) === undefined) return null;
    const cell = position(sheet, address);
    return hf.getCellFormula(cell) ?? hf.getCellValue(cell) ?? null;
  };
  return {
    port: new PreviewWorkbook(workbookDocument, selection, { showChart, saveFile }),
    host: "preview",
    async type(sheet, address, input) {
      hf.setCellContents(position(sheet, address), input);
      await tick();
    },
    content,
    contents() {
      const all: Record<string, unknown> = {};
      for (const name of hf.getSheetNames()) {
        const sheet = hf.getSheetId(name) as number;
        const { width, height } = hf.getSheetDimensions(sheet);
        for (let row = 0; row < height; row++) {
          for (let col = 0; col < width; col++) {
            const stored = workbookDocument.storedContent({ sheet, row, col });
            if (stored !== null) all[`${name}!${cellAddress(col, row + 1)}`] = content(name, cellAddress(col, row + 1));
          }
        }
      }
      return all;
    },
    async select(sheet, address) {
      const { row, col } = cellPosition(address) as { row: number; col: number };
      selection.select({ sheetName: sheet, row, col });
      await tick();
    },
    async deleteSheet(name) {
      hf.removeSheet(hf.getSheetId(name) as number);
      await tick();
    },
    async deleteName(name) {
      hf.removeNamedExpression(name);
      await tick();
    },
    nameReference: async (name) => hf.getNamedExpressionFormula(name) ?? null,
    async reopenWithStoredPreferences(stored) {
      const saved = JSON.stringify({ ...workbookDocument.toStored(), preferences: stored });
      const state = parseStoredWorkbook(saved);
      if (state.kind !== "ok") {
        throw new Error(`the reopened workbook is unreadable: ${state.kind === "unreadable" ? state.reason : state.kind}`);
      }
      return new PreviewWorkbook(PreviewDocument.fromStored(state.workbook), new SimpleSelection(), { showChart });
    },
    settle: tick,
    calculates: true,
    openedFiles: () => downloads,
  };
}

describeWorkbookPortContract("PreviewWorkbook (HyperFormula)", previewHarness);
describePricesPortContract("PreviewWorkbook (HyperFormula)", previewHarness);
