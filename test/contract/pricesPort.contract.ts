/**
 * The WorkbookPort contract for the prices sheet (issue 10): readPrices, setUpPrices and
 * addPriceRows, run against both implementations through the same harness as the rest of the
 * contract (test/contract/workbookPort.contract.ts), from excelWorkbook.contract.test.ts and
 * previewWorkbook.contract.test.ts.
 */
import type { ModelPriceRow } from "../../src/core/priceCatalog";
import { PRICES_SHEET_NAME } from "../../src/sheet/pricesLayout";
import type { PricesState } from "../../src/sheet/port";
import type { HarnessFactory, PortHarness } from "./workbookPort.contract";

const SHEET = PRICES_SHEET_NAME;

function existing(state: PricesState): Exclude<PricesState, { status: "missing" }> {
  if (state.status === "missing") throw new Error("expected the prices sheet");
  return state;
}

// 2025-06-10 = Excel serial 45818; 2024-11-15 = 45611.
const o3: ModelPriceRow = {
  model: "o3",
  provider: "OpenAI",
  effectiveFrom: "2025-06-10",
  usdPerMillionTokens: { input: 2, output: 8, cached_input: 0.5 },
  source: "price: LiteLLM map 2026-07-24",
  note: "",
};
const gpt4o: ModelPriceRow = {
  model: "gpt-4o",
  provider: "OpenAI",
  effectiveFrom: "2024-11-15",
  usdPerMillionTokens: { input: 2.5, output: 10, cached_input: 1.25, batch_input: 1.25, batch_output: 5 },
  source: "price: LiteLLM map 2026-07-24",
  note: "",
};

export function describePricesPortContract(name: string, makeHarness: HarnessFactory): void {
  describe(`WorkbookPort contract, prices: ${name}`, () => {
    let harness: PortHarness;

    beforeEach(async () => {
      harness = await makeHarness();
    });

    function changedCells(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
      return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((address) => before[address] !== after[address]).sort();
    }

    async function expectRefused(run: () => Promise<unknown>, message: RegExp): Promise<void> {
      const before = harness.contents();
      await expect(run()).rejects.toThrow(message);
      expect(changedCells(before, harness.contents())).toEqual([]);
    }

    describe("readPrices", () => {
      test("reports a workbook without the sheet as missing", async () => {
        expect(await harness.port.readPrices()).toEqual({ status: "missing" });
      });

      test("names the cell of each problem in a row typed in the sheet, and reads the good rows", async () => {
        await harness.port.addPriceRows([o3]);
        await harness.type(SHEET, "A6", "our-llm");
        await harness.type(SHEET, "B6", "Us");
        await harness.type(SHEET, "C6", "soon");
        await harness.type(SHEET, "D6", "three");
        await harness.type(SHEET, "E6", -1);
        const state = existing(await harness.port.readPrices());
        expect(state.status).toBe("ready");
        expect(state.rows.map((row) => row.model)).toEqual(["o3", "our-llm"]);
        expect(state.rows[0]).toMatchObject({ rowNumber: 5, effectiveFrom: "2025-06-10", usdPerMillionTokens: o3.usdPerMillionTokens, problems: [] });
        expect(state.rows[1].problems).toEqual([
          expect.stringMatching(/^C6 holds the text "soon"; enter the date the price took effect/),
          expect.stringMatching(/^D6 holds the text "three"; enter a price in USD per million tokens/),
          expect.stringMatching(/^E6 is -1, but a price must be 0 or more/),
        ]);
      });
    });

    describe("setUpPrices", () => {
      test("creates the sheet: title, the table's headers in A4:K4, no rows; then reads as ready", async () => {
        await harness.port.setUpPrices();
        expect(harness.content(SHEET, "A1")).toBe("AICOST prices");
        expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4", "K4"].map((address) => harness.content(SHEET, address))).toEqual([
          "Model",
          "Provider",
          "Effective from",
          "Input",
          "Output",
          "Cached input",
          "Source",
          "Note",
        ]);
        expect(await harness.port.readPrices()).toEqual({ status: "ready", rows: [], problems: [] });
      });

      test("is idempotent: a second set-up changes no cell", async () => {
        await harness.port.addPriceRows([o3]);
        const before = harness.contents();
        await harness.port.setUpPrices();
        expect(changedCells(before, harness.contents())).toEqual([]);
      });

      test("repairs overwritten headers and keeps every row, a user's own included", async () => {
        await harness.port.addPriceRows([o3]);
        await harness.type(SHEET, "A6", "our-llm");
        await harness.type(SHEET, "C6", 45658);
        await harness.type(SHEET, "D6", 1);
        await harness.type(SHEET, "D4", "Prompt");
        const damaged = existing(await harness.port.readPrices());
        expect(damaged.status).toBe("damaged");
        expect(damaged.problems).toEqual([expect.stringMatching(/headers are not in A4:K4 \(D4 should read "Input" but holds the text "Prompt"\)/)]);
        await harness.port.setUpPrices();
        const repaired = existing(await harness.port.readPrices());
        expect(repaired.status).toBe("ready");
        expect(harness.content(SHEET, "D4")).toBe("Input");
        expect(repaired.rows.map((row) => [row.model, row.usdPerMillionTokens.input])).toEqual([
          ["o3", 2],
          ["our-llm", 1],
        ]);
      });
    });

    describe("addPriceRows", () => {
      test("creates the sheet on demand and writes each row: text, the date as an Excel date, prices, empty cells for prices not published", async () => {
        const result = await harness.port.addPriceRows([o3, gpt4o]);
        expect(result).toMatchObject({ createdSheet: true, added: [o3, gpt4o], unchanged: [], conflicts: [], replaced: [] });
        expect(["A5", "B5", "C5", "D5", "E5", "F5", "G5", "H5"].map((address) => harness.content(SHEET, address))).toEqual([
          "o3",
          "OpenAI",
          45818,
          2,
          8,
          0.5,
          "price: LiteLLM map 2026-07-24",
          null,
        ]);
        expect(["A6", "C6", "I6", "J6"].map((address) => harness.content(SHEET, address))).toEqual(["gpt-4o", 45611, 1.25, 5]);
        const state = existing(await harness.port.readPrices());
        expect(state.status).toBe("ready");
        expect(state.rows.map((row) => ({ model: row.model, effectiveFrom: row.effectiveFrom, prices: row.usdPerMillionTokens }))).toEqual([
          { model: "o3", effectiveFrom: "2025-06-10", prices: o3.usdPerMillionTokens },
          { model: "gpt-4o", effectiveFrom: "2024-11-15", prices: gpt4o.usdPerMillionTokens },
        ]);
      });

      test("appends below the last filled row, after a row the user typed", async () => {
        await harness.port.addPriceRows([o3]);
        await harness.type(SHEET, "A6", "our-llm");
        await harness.type(SHEET, "C6", 45658);
        await harness.type(SHEET, "D6", 1);
        await harness.port.addPriceRows([gpt4o]);
        expect(["A5", "A6", "D6", "A7", "D7"].map((address) => harness.content(SHEET, address))).toEqual(["o3", "our-llm", 1, "gpt-4o", 2.5]);
      });

      test("never overwrites a row without being asked: the same model and date with other prices is a conflict, written only with replaceConflicts", async () => {
        await harness.port.addPriceRows([o3]);
        await harness.type(SHEET, "D5", 1.8); // a negotiated price typed over the list price
        const before = harness.contents();
        const result = await harness.port.addPriceRows([o3, gpt4o]);
        expect(result.added).toEqual([gpt4o]);
        expect(result.conflicts).toEqual([expect.objectContaining({ row: o3, rowNumber: 5 })]);
        expect(result.conflicts[0].existing.usdPerMillionTokens.input).toBe(1.8);
        expect(changedCells(before, harness.contents()).filter((address) => !/!.6$/.test(address))).toEqual([]);
        const replaced = await harness.port.addPriceRows([o3], { replaceConflicts: true });
        expect(replaced).toMatchObject({ added: [], replaced: [expect.objectContaining({ rowNumber: 5 })] });
        expect(harness.content(SHEET, "D5")).toBe(2);
      });

      test("leaves a row already there with the same prices as it is", async () => {
        await harness.port.addPriceRows([o3]);
        const before = harness.contents();
        const result = await harness.port.addPriceRows([{ ...o3, model: "O3", source: "another source" }]);
        expect(result).toMatchObject({ createdSheet: false, added: [], unchanged: [expect.objectContaining({ model: "O3" })], conflicts: [] });
        expect(changedCells(before, harness.contents())).toEqual([]);
      });

      test("refuses, writing nothing, on a sheet whose layout needs Repair", async () => {
        await harness.port.addPriceRows([o3]);
        await harness.type(SHEET, "A4", "Name");
        await expectRefused(() => harness.port.addPriceRows([gpt4o]), /needs Repair before rows are added/);
      });

      test("refuses, writing nothing, rows that would pass the 500 rows AICOST_PRICES covers", async () => {
        await harness.port.addPriceRows([o3]);
        const many = Array.from({ length: 500 }, (_, index) => ({ ...gpt4o, model: `model-${index}` }));
        await expectRefused(() => harness.port.addPriceRows(many), /would pass row 504/);
      });

      test("refuses a row whose date is not a date, writing nothing", async () => {
        await harness.port.setUpPrices();
        await expectRefused(() => harness.port.addPriceRows([{ ...o3, effectiveFrom: "2025-02-30" }]), /is not a date/);
      });
    });

    describe("insertAtSelection", () => {
      test("enters a formula in the selected empty cell, and only there", async () => {
        await harness.select("Sheet1", "B3");
        const before = harness.contents();
        const formula = '=AICOST.MODEL_PRICE("o3","input",,AICOST_PRICES)';
        expect(await harness.port.insertAtSelection(formula)).toEqual({ inserted: true, address: "Sheet1!B3" });
        expect(harness.content("Sheet1", "B3")).toBe(formula);
        expect(changedCells(before, harness.contents())).toEqual(["Sheet1!B3"]);
      });

      test("leaves a filled cell as it is and says what it holds, unless overwriting is confirmed", async () => {
        await harness.type("Sheet1", "C2", 12);
        await harness.select("Sheet1", "C2");
        const before = harness.contents();
        expect(await harness.port.insertAtSelection(2.5)).toEqual({ inserted: false, address: "Sheet1!C2", existing: "12" });
        expect(changedCells(before, harness.contents())).toEqual([]);
        expect(await harness.port.insertAtSelection(2.5, { overwrite: true })).toEqual({ inserted: true, address: "Sheet1!C2" });
        expect(harness.content("Sheet1", "C2")).toBe(2.5);
      });
    });

    describe("readRange", () => {
      test("reads the values of a range by its address, on a named sheet or the active one; empty cells are null", async () => {
        await harness.type("Sheet1", "A1", 44999);
        await harness.type("Sheet1", "B1", 37.5);
        await harness.type("Sheet1", "A2", "2024-12-13");
        await harness.type("Sheet1", "A3", 45638);
        await harness.type("Sheet1", "B3", 0.25);
        await harness.select("Sheet1", "D1");
        const read = await harness.port.readRange("Sheet1!A1:B3");
        expect(read.address).toBe("Sheet1!A1:B3");
        expect(read.values[0]).toEqual([44999, 37.5]);
        expect(read.values[1][1]).toBeNull();
        expect(read.values[2]).toEqual([45638, 0.25]);
        expect((await harness.port.readRange("$A$1:$B$1")).values).toEqual([[44999, 37.5]]);
      });

      test("refuses an address it cannot read, saying what to type", async () => {
        await expect(harness.port.readRange("dates and prices")).rejects.toThrow(/is not a range address; type one such as B2:C9/);
        await expect(harness.port.readRange("'No such sheet'!A1:B2")).rejects.toThrow(/no sheet named "No such sheet"/);
        await expect(harness.port.readRange("A1:Z1000")).rejects.toThrow(/has 26000 cells/);
      });
    });
  });
}
