/* The reviewed data itself: data/prices.csv is a well-formed, canonical, sourced and dated catalog
 * of the providers the issue names, and the bundled module serves exactly that file. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledCatalogRows, bundledPriceCatalog, formatPriceCatalogCsv, modelPrice, parsePriceCatalogCsv, type ModelPriceRow } from "../../src/core";
import { excelSerialOfIsoDate } from "../../src/core/excelDate";

const root = join(__dirname, "..", "..");
const text = readFileSync(join(root, "data", "prices.csv"), "utf8");
const rows = parsePriceCatalogCsv(text);
const serial = (iso: string) => excelSerialOfIsoDate(iso) as number;

function rowsOf(model: string): ModelPriceRow[] {
  return rows.filter((row) => row.model === model);
}

describe("data/prices.csv", () => {
  it("every row has a source and a real date", () => {
    for (const row of rows) {
      expect(row.source.trim()).not.toBe("");
      expect(excelSerialOfIsoDate(row.effectiveFrom)).toBeDefined();
    }
  });

  it("every source names where its price and its date come from", () => {
    const knownSources = /LiteLLM|genai-prices|llm-prices|Epoch AI|price-history\.csv/;
    for (const row of rows) {
      expect(row.source).toMatch(knownSources);
      expect(row.source).toMatch(/date/);
    }
  });

  it("has no date before GPT-3.5 (2022-11-30) and none more than a year ahead (a mistyped year)", () => {
    const yearAhead = `${new Date().getFullYear() + 1}-12-31`;
    for (const row of rows) {
      expect(row.effectiveFrom >= "2022-11-30").toBe(true);
      expect(row.effectiveFrom <= yearAhead).toBe(true);
    }
  });

  it("is in canonical form, so the importer's rewrites change only new rows", () => {
    expect(formatPriceCatalogCsv(rows)).toBe(text);
  });

  it("holds 60 models or more", () => {
    expect(new Set(rows.map((row) => row.model)).size).toBeGreaterThanOrEqual(60);
  });

  it.each(["OpenAI", "Anthropic", "Google", "Mistral", "DeepSeek", "xAI", "Cohere"])("has current models of %s", (provider) => {
    const models = new Set(rows.filter((row) => row.provider === provider).map((row) => row.model));
    expect(models.size).toBeGreaterThanOrEqual(4);
  });

  it("has Amazon's Nova models on Bedrock", () => {
    expect(rows.filter((row) => row.provider === "Amazon Bedrock" && row.model.startsWith("amazon.nova")).length).toBeGreaterThanOrEqual(4);
  });

  it.each(["Together AI", "Groq", "Fireworks AI", "Amazon Bedrock"])("has Meta's Llama models through %s", (host) => {
    expect(rows.filter((row) => row.provider === host && /llama/i.test(row.model)).length).toBeGreaterThanOrEqual(2);
  });

  it("never writes 0 for an unknown price: every price is above 0 or empty", () => {
    for (const row of rows) {
      for (const price of Object.values(row.usdPerMillionTokens)) expect(price).toBeGreaterThan(0);
    }
  });

  it("keeps launch prices and later changes as separate dated rows", () => {
    const prices = (model: string) => rowsOf(model).map((row) => [row.effectiveFrom, row.usdPerMillionTokens.input, row.usdPerMillionTokens.output]);
    expect(prices("o3")).toEqual([
      ["2025-04-16", 10, 40],
      ["2025-06-10", 2, 8],
    ]);
    expect(prices("gpt-4o")).toEqual([
      ["2024-05-13", 5, 15],
      ["2024-11-15", 2.5, 10],
    ]);
    expect(prices("deepseek-chat").slice(0, 2)).toEqual([
      ["2024-05-14", 0.14, 0.28],
      ["2025-02-08", 0.27, 1.1],
    ]);
    expect(prices("claude-sonnet-5")).toEqual([
      ["2026-07-01", 2, 10],
      ["2026-09-01", 3, 15],
    ]);
    expect(prices("mistral/mistral-large-latest").map(([, input]) => input)).toEqual([8, 4, 3, 2, 0.5]);
  });

  it("carries the shared price history's GPT-4 launch row: 2023-03-14, $30 / $60", () => {
    expect(rowsOf("gpt-4-0314")).toEqual([expect.objectContaining({ effectiveFrom: "2023-03-14", usdPerMillionTokens: { input: 30, output: 60 } })]);
  });
});

describe("the bundled catalog", () => {
  it("is data/prices.csv as the file reads", () => {
    expect(bundledCatalogRows()).toEqual(rows);
  });

  it("is indexed once and answers a lookup", () => {
    expect(bundledPriceCatalog()).toBe(bundledPriceCatalog());
    expect(modelPrice(bundledPriceCatalog(), "claude-sonnet-5", "input", serial("2026-08-31")).usdPerMillionTokens).toBe(2);
    expect(modelPrice(bundledPriceCatalog(), "claude-sonnet-5", "input", serial("2026-09-01")).usdPerMillionTokens).toBe(3);
  });
});
