/* The Prices view's pure logic: search, words for prices, the inserted formula, newer rows. */
import { bundledPriceCatalog } from "../../src/core/bundledCatalog";
import { readPriceRows } from "../../src/sheet/pricesSheet";
import { modelPriceFormula, newerCatalogPrices, pricesText, searchCatalog } from "../../src/taskpane/pricesState";

const catalog = bundledPriceCatalog();

describe("searchCatalog", () => {
  test("exact ids first, then ids starting with the query, then the rest; every word must match the id or the provider", () => {
    const found = searchCatalog(catalog, "gpt-4o").map((history) => history.model);
    expect(found[0]).toBe("gpt-4o");
    expect(found.indexOf("gpt-4o-mini")).toBeGreaterThan(0);
    expect(searchCatalog(catalog, "GEMINI-2.5-PRO")[0].model).toBe("gemini/gemini-2.5-pro"); // the id after its prefix
    expect(searchCatalog(catalog, "cohere").every((history) => history.provider === "Cohere" || /cohere/i.test(history.model))).toBe(true);
    expect(searchCatalog(catalog, "  ")).toEqual([]);
    expect(searchCatalog(catalog, "a", 3)).toHaveLength(3);
  });
});

test("pricesText lists only the prices a row has, never a 0 for a missing one", () => {
  expect(pricesText({ input: 2, output: 8 })).toBe("input $2.00 · output $8.00 per million tokens");
  expect(pricesText({})).toBe("no prices");
});

test("modelPriceFormula quotes the id (doubling a quote) and reads only AICOST_PRICES", () => {
  expect(modelPriceFormula("o3", "input")).toBe('=AICOST.MODEL_PRICE("o3","input",,AICOST_PRICES)');
  expect(modelPriceFormula('our "best" llm', "blended")).toBe('=AICOST.MODEL_PRICE("our ""best"" llm","blended",,AICOST_PRICES)');
});

test("newerCatalogPrices: catalog rows after the workbook's newest per model; private models and up-to-date ones give nothing", () => {
  const rows = readPriceRows({
    rows: [
      ["o3", "OpenAI", 45763, 10, 40, 2.5, "launch"], // 2025-04-16
      ["gpt-4o", "OpenAI", 45611, 2.5, 10, 1.25, "map"], // 2024-11-15, the catalog's newest
      ["our-llm", "Us", 45658, 1, 2, null, "contract"],
    ],
  });
  const offers = newerCatalogPrices(catalog, rows);
  expect(offers.map((offer) => [offer.model, offer.newer.map((row) => row.effectiveFrom)])).toEqual([["o3", ["2025-06-10"]]]);
  expect(offers[0].newestInWorkbook.rowNumber).toBe(5);
});
