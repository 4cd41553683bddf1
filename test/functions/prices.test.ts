/* The price functions (MODEL_PRICE, MODELS, CATALOG_DATE, BLENDED_PRICE, FIT_MULTIPLIER) as both
 * hosts call them: Excel's raw arguments in, a cell value or an ExcelError out. Golden values come
 * from data/prices.csv and published figures, with the arithmetic shown. */
import * as aicost from "../../src/functions/aicost";
import { ExcelError } from "../../src/functions/values";
import { MODEL_LIST_HEADER } from "../../src/core/priceLookup";

function errorOf(result: unknown): ExcelError {
  expect(result).toBeInstanceOf(ExcelError);
  return result as ExcelError;
}

// Excel serials: 2025-06-09 = 45817, 2025-06-10 = 45818 (days since 1899-12-30).
const JUNE_9_2025 = 45817;
const JUNE_10_2025 = 45818;

const header = ["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"];
const ownTable = [
  header,
  ["our-llm", "Us", 45658, 1, 2, null, "contract 2025"],
  ["our-llm", "Us", 45870, 0.5, 1.5, 0.1, "contract renewal"],
  [null, null, null, null, null, null, null],
  ["gpt-4o", "OpenAI", 45658, 2, 8, null, "negotiated"],
];

describe("MODEL_PRICE", () => {
  it("GPT-4 at launch blends 3:1 to (3 x 30 + 60) / 4 = 37.5", () => {
    expect(aicost.MODEL_PRICE("gpt-4-0314", "blended", null, null)).toBe(37.5);
  });

  it("defaults to the input price of the newest row, and reads ids ignoring case and with a provider prefix", () => {
    // gpt-4o: $5 / $15 from 2024-05-13, then $2.50 / $10 from 2024-11-15 (data/prices.csv)
    expect(aicost.MODEL_PRICE("gpt-4o")).toBe(2.5);
    expect(aicost.MODEL_PRICE("OpenAI/GPT-4o", "output")).toBe(10);
    expect(aicost.MODEL_PRICE("gpt-4o", "Batch output")).toBe(5);
  });

  it("o3 before and after its price cut of 2025-06-10: $10 then $2 input, $40 then $8 output", () => {
    expect(aicost.MODEL_PRICE("o3", "input", JUNE_9_2025)).toBe(10);
    expect(aicost.MODEL_PRICE("o3", "input", JUNE_10_2025)).toBe(2);
    expect(aicost.MODEL_PRICE("o3", "output", JUNE_9_2025 + 0.75)).toBe(40); // a time of day is the same day
    expect(aicost.MODEL_PRICE("o3", "output", JUNE_10_2025)).toBe(8);
  });

  it("an unknown model is #N/A with suggestions", () => {
    const error = errorOf(aicost.MODEL_PRICE("gpt4o"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("unknown model 'gpt4o'; did you mean gpt-4o, gpt-4o-mini?");
  });

  it("a price type the model does not have is #N/A saying so, never 0", () => {
    const error = errorOf(aicost.MODEL_PRICE("gpt-4-0314", "cached_input"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/gpt-4-0314 has no cached_input price in the catalog .* leaves cached_input empty/);
  });

  it("a date before the model's first price is #N/A naming its first date", () => {
    const error = errorOf(aicost.MODEL_PRICE("o3", "input", 45000)); // 2023-03-15
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/no price for o3 on 2023-03-15: its first price in the catalog is from 2025-04-16/);
  });

  it("an unknown price type is #VALUE! listing the types", () => {
    const error = errorOf(aicost.MODEL_PRICE("gpt-4o", "retail"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/unknown price_type 'retail'; use input, output, cached_input/);
  });

  it.each<[string, unknown[], string, RegExp]>([
    ["a missing model", [null], "#VALUE!", /model is required: enter a text/],
    ["a number as model", [4], "#VALUE!", /model must be a text .*; got 4/],
    ["a blank model", [" "], "#VALUE!", /model is empty/],
    ["a date as text", ["o3", "input", "2025-06-10"], "#VALUE!", /as_of_date must be a date: a date cell or DATE/],
    ["a negative date", ["o3", "input", -1], "#NUM!", /as_of_date must be 0 or more/],
    ["a date before 1900-03-01", ["o3", "input", 12], "#NUM!", /as_of_date must be an Excel date from 1900-03-01/],
    ["a two-cell price type", ["o3", [["input", "output"]]], "#VALUE!", /price_type must be a single text/],
  ])("%s is refused", (_case, args, code, message) => {
    const error = errorOf(aicost.MODEL_PRICE(...args));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  describe("with a price_table, only that table is searched", () => {
    it("reads a user's own rows, dated, with or without the header row", () => {
      expect(aicost.MODEL_PRICE("our-llm", null, null, ownTable)).toBe(0.5); // newest row, 45870 = 2025-08-01
      expect(aicost.MODEL_PRICE("OUR-LLM", "output", 45800, ownTable)).toBe(2); // 2025-05-23: the first row
      expect(aicost.MODEL_PRICE("our-llm", "cached_input", null, ownTable.slice(1))).toBe(0.1);
      // blended: (3 x 0.5 + 1.5) / 4 = 0.75
      expect(aicost.MODEL_PRICE("our-llm", "blended", null, ownTable)).toBe(0.75);
    });

    it("a negotiated price overrides the catalog's, and a model only in the catalog is unknown there", () => {
      expect(aicost.MODEL_PRICE("gpt-4o", "output", null, ownTable)).toBe(8);
      const error = errorOf(aicost.MODEL_PRICE("o3", null, null, ownTable));
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/^unknown model 'o3'/);
    });

    it("a table read again with the same cells gives the same prices, and a changed cell is seen at once (the last table is reused only while its cells are equal)", () => {
      const copy = () => ownTable.map((row) => [...row]);
      expect(aicost.MODEL_PRICE("our-llm", "output", null, copy())).toBe(1.5);
      expect(aicost.MODEL_PRICE("our-llm", "output", null, copy())).toBe(1.5);
      const edited = copy();
      edited[2][4] = 1.25;
      expect(aicost.MODEL_PRICE("our-llm", "output", null, edited)).toBe(1.25);
      const longer = [...copy(), ["new-llm", "Us", 45900, 3, 4, null, "quote"]];
      expect(aicost.MODEL_PRICE("new-llm", "output", null, longer)).toBe(4);
      expect(errorOf(aicost.MODEL_PRICE("new-llm", "output", null, copy())).code).toBe("#N/A");
    });

    it("an empty price in the table is #N/A, not 0", () => {
      expect(errorOf(aicost.MODEL_PRICE("our-llm", "cached_input", 45800, ownTable)).code).toBe("#N/A");
    });

    it.each<[string, unknown[][], string, RegExp]>([
      ["a row without a date", [["m", "P", null, 1, 2, null, "s"]], "#VALUE!", /Effective from is empty/],
      ["a price as text", [["m", "P", 45658, "one", 2, null, "s"]], "#VALUE!", /Input must be a number/],
      ["a negative price", [["m", "P", 45658, -1, 2, null, "s"]], "#NUM!", /Input must be 0 or more/],
      ["only empty rows", [[null, null, null, null, null, null, null]], "#VALUE!", /no rows with prices/],
      ["a cell that is not a value", [["m", "P", 45658, { nested: 1 }, 2, null, "s"]], "#VALUE!", /price_table \(row 1, column 4\) holds a value that is not/],
    ])("%s is refused naming the row", (_case, table, code, message) => {
      const error = errorOf(aicost.MODEL_PRICE("m", null, null, table));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });

    it("an error value in the table passes on unchanged", () => {
      const upstream = new ExcelError("#N/A", "lookup failed");
      expect(aicost.MODEL_PRICE("m", null, null, [["m", "P", 45658, upstream, 2, null, "s"]])).toBe(upstream);
    });
  });
});

describe("MODELS", () => {
  it("spills a header row, then one row per model of the provider, with empty text for a price not published", () => {
    const listing = aicost.MODELS("Anthropic", null) as unknown[][];
    expect(listing[0]).toEqual([...MODEL_LIST_HEADER]);
    expect(listing.length).toBeGreaterThan(5);
    for (const row of listing.slice(1)) {
      expect(row).toHaveLength(MODEL_LIST_HEADER.length);
      expect(row[1]).toBe("Anthropic");
      expect(typeof row[2]).toBe("number");
      expect(row.every((cell) => typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell)))).toBe(true);
    }
    const sonnet4 = listing.find((row) => row[0] === "claude-sonnet-4-20250514") as unknown[];
    // 2025-05-22 = 45799; $3 / $15, cached $0.30, cache write $3.75, no batch prices in the row
    expect(sonnet4.slice(2, 6)).toEqual([45799, 3, 15, 0.3]);
    expect(sonnet4[7]).toBe(3.75);
    expect(sonnet4[8]).toBe("");
  });

  it("as of a date: each model's price then, leaving out models priced later", () => {
    const listing = aicost.MODELS("openai", JUNE_9_2025) as unknown[][];
    const o3 = listing.find((row) => row[0] === "o3") as unknown[];
    expect(o3.slice(3, 5)).toEqual([10, 40]);
    expect(listing.every((row, index) => index === 0 || (row[2] as number) <= JUNE_9_2025)).toBe(true);
    expect(listing.find((row) => row[0] === "gpt-5")).toBeUndefined();
  });

  it("the whole catalog without a provider: 145 models", () => {
    expect((aicost.MODELS() as unknown[][]).length).toBe(1 + 145);
  });

  it("an unknown provider is #N/A listing the providers; no model priced by then is #N/A", () => {
    const error = errorOf(aicost.MODELS("Acme"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/no models from provider 'Acme' in the catalog; its providers are .*Anthropic/);
    expect(errorOf(aicost.MODELS("OpenAI", 40000)).code).toBe("#N/A"); // 2009-07-06
    expect(errorOf(aicost.MODELS(7)).code).toBe("#VALUE!");
  });
});

describe("CATALOG_DATE", () => {
  it("is the newest effective date of any row: 2026-09-01 = serial 46266", () => {
    // (Date.UTC(2026, 8, 1) - Date.UTC(1899, 11, 30)) / 86400000 = 46266
    expect(aicost.CATALOG_DATE()).toBe(46266);
  });
});

describe("BLENDED_PRICE", () => {
  it("3 input : 1 output by default, or the share given", () => {
    expect(aicost.BLENDED_PRICE(30, 60)).toBe(37.5); // (3 x 30 + 60) / 4
    expect(aicost.BLENDED_PRICE(3, 15)).toBe(6); // (9 + 15) / 4
    expect(aicost.BLENDED_PRICE(30, 60, 0.5)).toBe(45); // a16z's 1:1
    expect(aicost.BLENDED_PRICE(30, 60, 0)).toBe(60);
    expect(aicost.BLENDED_PRICE(30, 60, 1)).toBe(30);
  });

  it.each<[string, unknown[], string]>([
    ["a negative input price", [-1, 1], "#NUM!"],
    ["a negative output price", [1, -1], "#NUM!"],
    ["a share above 1", [1, 1, 1.5], "#NUM!"],
    ["a share below 0", [1, 1, -0.1], "#NUM!"],
    ["text", ["cheap", 1], "#VALUE!"],
    ["a missing output price", [1, null], "#VALUE!"],
  ])("%s is refused", (_case, args, code) => {
    expect(errorOf(aicost.BLENDED_PRICE(...args)).code).toBe(code);
  });
});

describe("FIT_MULTIPLIER", () => {
  // The brief's $37.5 -> $0.25 in 21 months, 21 months = 21 x 365.25 / 12 = 639.1875 days from 2023-03-14 (44999).
  const dates = [[44999], [44999 + 639.1875]];
  const prices = [[37.5], [0.25]];

  it("the brief's $37.5 -> $0.25 in 21 months fits m = (0.25 / 37.5)^(12/21) = 0.0571, 17.5x cheaper per year", () => {
    expect(aicost.FIT_MULTIPLIER(dates, prices)).toBeCloseTo(Math.pow(0.25 / 37.5, 12 / 21), 12);
    expect(aicost.FIT_MULTIPLIER(dates, prices)).toBeCloseTo(0.0571, 4);
    expect(aicost.FIT_MULTIPLIER(dates, prices, "times_cheaper")).toBeCloseTo(17.52, 2);
    expect(aicost.FIT_MULTIPLIER(dates, prices, "n")).toBe(2);
    // halving: ln 2 / (ln(150) / 21 months) = 21 x 0.693147 / 5.010635 = 2.905 months
    expect(aicost.FIT_MULTIPLIER(dates, prices, "Halving months")).toBeCloseTo((21 * Math.LN2) / Math.log(150), 10);
  });

  it("the GPT-4-level series fits m = 0.0237 (42.1x), r2 0.757, 90% bounds 0.0025 to 0.227, as LibreOffice's LINEST gives", () => {
    const series = [
      ["2023-03-14", 37.5],
      ["2023-11-06", 15],
      ["2024-02-26", 6],
      ["2024-03-04", 0.5],
      ["2024-05-10", 0.13],
      ["2024-12-13", 0.1225],
    ];
    const seriesDates = series.map(([date]) => [date]);
    const seriesPrices = series.map(([, price]) => [price]);
    // LibreOffice Calc 7.4 (docs/PRICES.md): m 0.0237379029745444, r2 0.757097645025501, low 0.00248082354199029, high 0.2271374920833
    expect(aicost.FIT_MULTIPLIER(seriesDates, seriesPrices)).toBeCloseTo(0.0237379029745444, 12);
    expect(aicost.FIT_MULTIPLIER(seriesDates, seriesPrices, "r2")).toBeCloseTo(0.757097645025501, 12);
    expect(aicost.FIT_MULTIPLIER(seriesDates, seriesPrices, "low")).toBeCloseTo(0.00248082354199029, 12);
    expect(aicost.FIT_MULTIPLIER(seriesDates, seriesPrices, "high")).toBeCloseTo(0.2271374920833, 10);
    // inside Epoch AI's published range of 9x to 900x per year
    const timesCheaper = aicost.FIT_MULTIPLIER(seriesDates, seriesPrices, "times_cheaper") as number;
    expect(timesCheaper).toBeGreaterThan(9);
    expect(timesCheaper).toBeLessThan(900);
  });

  it("blank pairs are skipped, in rows as in columns", () => {
    expect(aicost.FIT_MULTIPLIER([[44999, null, 44999 + 639.1875]], [[37.5, 20, 0.25]])).toBeCloseTo(Math.pow(0.25 / 37.5, 12 / 21), 12);
    expect(aicost.FIT_MULTIPLIER([[44999], [45100], [44999 + 639.1875]], [[37.5], [""], [0.25]], "n")).toBe(2);
  });

  it.each<[string, unknown[], string, RegExp]>([
    ["ranges of different shapes", [[[1], [2]], [[1, 2]]], "#VALUE!", /same shape; got 2x1 and 1x2/],
    ["a price of 0", [dates, [[37.5], [0]]], "#NUM!", /prices must be above 0/],
    ["a negative price", [dates, [[-1], [1]]], "#NUM!", /prices must be above 0/],
    ["one point", [[[44999]], [[37.5]]], "#N/A", /at least 2 dated prices; got 1/],
    ["one point and a blank pair", [[[44999], [null]], [[37.5], [1]]], "#N/A", /at least 2 dated prices; got 1/],
    ["all on one date", [[[44999], [44999]], [[2], [1]]], "#N/A", /different dates/],
    ["a price as text", [dates, [["a lot"], [1]]], "#VALUE!", /is not a number/],
    ["a date that is not one", [[["soon"], [45000]], prices], "#VALUE!", /'soon' is not a date/],
    ["an unknown statistic", [dates, prices, "slope"], "#VALUE!", /unknown statistic 'slope'/],
    ["bounds from two points", [dates, prices, "low"], "#N/A", /at least 3 prices/],
    ["years typed as numbers", [[[2023], [2024]], prices], "#NUM!", /beyond what a number can hold/],
    ["a missing prices range", [dates], "#VALUE!", /prices is required/],
  ])("%s", (_case, args, code, message) => {
    const error = errorOf(aicost.FIT_MULTIPLIER(...args));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
