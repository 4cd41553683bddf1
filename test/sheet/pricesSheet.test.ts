/* The pure model of the prices sheet: how rows are judged and how adding rows is planned. The
 * contract suite runs the same through both hosts; these are the cases a host cannot produce
 * cheaply. */
import type { ModelPriceRow } from "../../src/core/priceCatalog";
import { analysePrices, planPriceRows, priceRowInputs, readPriceRows, type PricesSnapshot } from "../../src/sheet/pricesSheet";
import { PRICES_HEADERS, PRICES_NAME_REFERENCE } from "../../src/sheet/pricesLayout";

const row = (model: string, input = 2): ModelPriceRow => ({
  model,
  provider: "OpenAI",
  effectiveFrom: "2025-06-10",
  usdPerMillionTokens: { input, output: 8 },
  source: "test",
  note: "",
});

function snapshot(rows: unknown[][], overrides: Partial<PricesSnapshot> = {}): PricesSnapshot {
  return { sheetExists: true, title: "AICOST prices", headers: PRICES_HEADERS, rows, rowBelowCapacity: [], nameReference: `=${PRICES_NAME_REFERENCE}`, ...overrides };
}

describe("readPriceRows", () => {
  test("a repeated model and date, and one model under two providers, are each named with their rows", () => {
    const rows = readPriceRows(
      snapshot([
        ["gpt-4o", "OpenAI", 45818, 2, 8, null, "a", null, null, null, null],
        ["GPT-4o", "OpenAI", 45818, 3, 9, null, "b", null, null, null, null],
        ["gpt-4o", "Azure", 45900, 3, 9, null, "c", null, null, null, null],
      ]),
    );
    expect(rows[1].problems).toEqual([expect.stringMatching(/^Row 6 repeats GPT-4o effective from 2025-06-10 \(row 5\)/)]);
    expect(rows[2].problems).toEqual([expect.stringMatching(/^B7 lists gpt-4o under Azure, row 5 under OpenAI/)]);
  });

  test("a date as ISO text is read as that date; a row with no price at all says so; an error cell is named", () => {
    const [text, empty, error] = readPriceRows(
      snapshot([
        ["m", "", "2025-06-10", 1, null, null, "", null, null, null, null],
        ["n", "", 45818, null, null, null, "", null, null, null, null],
        ["p", "", 45818, "#N/A", 1, null, "", null, null, null, null],
      ]),
    );
    expect(text).toMatchObject({ effectiveFromSerial: 45818, problems: [] });
    expect(empty.problems).toEqual([expect.stringMatching(/the row has no price/)]);
    expect(error.problems).toEqual([expect.stringMatching(/^D7 holds the error #N\/A/)]);
  });

  test("empty rows between rows are skipped, and rows keep their sheet row numbers", () => {
    const rows = readPriceRows(snapshot([["a", "", 45818, 1], [null, null, null], ["b", "", 45818, 1]]));
    expect(rows.map((entry) => [entry.model, entry.rowNumber])).toEqual([
      ["a", 5],
      ["b", 7],
    ]);
  });
});

describe("analysePrices", () => {
  test("a missing name, or one pointing elsewhere, is damage Repair fixes", () => {
    expect(analysePrices(snapshot([], { nameReference: null }))).toMatchObject({ status: "damaged", problems: [expect.stringMatching(/AICOST_PRICES is missing/)] });
    expect(analysePrices(snapshot([], { nameReference: "='AICOST Prices'!$A$4:$K$9" }))).toMatchObject({
      status: "damaged",
      problems: [expect.stringMatching(/refers to 'AICOST Prices'!\$A\$4:\$K\$9 instead of/)],
    });
  });

  test("rows with problems leave the sheet ready: they are the user's cells to fix, not Repair's", () => {
    expect(analysePrices(snapshot([["m", "", "soon", 1]]))).toMatchObject({ status: "ready", problems: [] });
  });
});

describe("planPriceRows", () => {
  test("appends after the last filled row, skips a row given twice, and leaves a conflict alone unless replacing", () => {
    const existing = snapshot([priceRowInputs(row("o3", 1.8))]);
    const plan = planPriceRows(existing, [row("o3"), row("gpt-4o"), row("gpt-4o")]);
    expect(plan.writes.map((write) => write.rowNumber)).toEqual([6]);
    expect(plan.added.map((entry) => entry.model)).toEqual(["gpt-4o"]);
    expect(plan.conflicts.map((conflict) => conflict.rowNumber)).toEqual([5]);
    const replacing = planPriceRows(existing, [row("o3")], { replaceConflicts: true });
    expect(replacing.writes.map((write) => write.rowNumber)).toEqual([5]);
    expect(replacing.replaced).toHaveLength(1);
  });

  test("a row of the sheet with a problem is never 'unchanged': adding the catalog's row is a conflict to confirm", () => {
    const existing = snapshot([["o3", "OpenAI", 45818, 2, 8, "n/a", "", null, null, null, null]]);
    expect(planPriceRows(existing, [row("o3")]).conflicts).toHaveLength(1);
  });

  test("text that a spreadsheet would read as a number or formula is entered as text", () => {
    const inputs = priceRowInputs({ ...row("2027"), source: "=cheap", note: "10%" });
    expect([inputs[0], inputs[6], inputs[10]]).toEqual(["'2027", "'=cheap", "'10%"]);
    expect(inputs[5]).toBe(""); // no cached price: an empty cell
  });
});
