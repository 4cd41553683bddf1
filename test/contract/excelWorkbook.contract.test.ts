/* The WorkbookPort contract on ExcelWorkbook, the Office.js implementation, over the fake Excel
 * (test/workbook/fakeExcel.ts, office-addin-mock proxies). The fake does not calculate, so a
 * formula cell's content is its formula, as the contract reads it in both hosts. */
import { ASSUMPTIONS_SHEET_NAME } from "../../src/sheet/layout";
import { PREFERENCES_SETTING_KEY } from "../../src/sheet/preferences";
import { ExcelWorkbook } from "../../src/workbook/excelWorkbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { describePricesPortContract } from "./pricesPort.contract";
import { describeWorkbookPortContract, type PortHarness } from "./workbookPort.contract";

function emptyToNull(value: unknown): unknown {
  return value === "" || value === undefined ? null : value;
}

async function excelHarness(): Promise<PortHarness> {
  const excel = new FakeExcel();
  return {
    port: new ExcelWorkbook(excel.run, excel.settings, excel.files),
    host: "excel",
    async type(sheet, address, input) {
      excel.type(sheet, address, input);
      await excel.fireSheetChanged(sheet); // Excel fires the sheet's onChanged for a user's edit
    },
    content: (sheet, address) => emptyToNull(excel.formula(sheet, address)),
    contents() {
      const all: Record<string, unknown> = {};
      for (const [name, sheet] of excel.sheets) {
        for (const [address, cell] of sheet.cells) {
          if (emptyToNull(cell.formula) !== null) all[`${name}!${address}`] = cell.formula;
        }
      }
      return all;
    },
    async select(sheet, address) {
      excel.activeSheetName = sheet;
      excel.activeCellAddress = address;
      await excel.fireSelectionChanged();
    },
    async deleteSheet(name) {
      excel.deleteSheet(name);
      await excel.fireSheetDeleted();
    },
    async deleteName(name) {
      excel.names.delete(name);
      await excel.fireSheetChanged(ASSUMPTIONS_SHEET_NAME);
    },
    nameReference: async (name) => excel.names.get(name) ?? null,
    async reopenWithStoredPreferences(stored) {
      excel.settingsStore.set(PREFERENCES_SETTING_KEY, stored);
      return new ExcelWorkbook(excel.run, excel.settings, excel.files);
    },
    settle: async () => undefined,
    calculates: false,
    openedFiles: () => excel.createdWorkbooks.map((base64) => new Uint8Array(Buffer.from(base64, "base64"))),
  };
}

describeWorkbookPortContract("ExcelWorkbook on the fake Excel", excelHarness);
describePricesPortContract("ExcelWorkbook on the fake Excel", excelHarness);
