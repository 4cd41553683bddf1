import { CATALOG_COLUMNS, formatPriceCatalogCsv, formatUsd, parsePriceCatalogCsv, type ModelPriceRow } from "../../src/core/priceCatalog";

const header = CATALOG_COLUMNS.join(",");

function row(overrides: Partial<ModelPriceRow> = {}): ModelPriceRow {
  return { model: "m", provider: "P", effectiveFrom: "2025-01-01", usdPerMillionTokens: { input: 1, output: 2 }, source: "s", note: "", ...overrides };
}

describe("the catalog file format", () => {
  const text =
    `${header}\n` +
    "claude-x,Anthropic,2025-02-24,3,15,0.3,3.75,,,price: map; date: first listed,\n" +
    'gpt-x,OpenAI,2025-04-16,10,40,2.5,,,,"price: map, first price; date: model id",launch price\n' +
    "gpt-x,OpenAI,2025-06-10,2,8,0.5,,1,4,price: map; date: constraint,80% cut\n";

  it("reads rows with their prices, empty prices absent", () => {
    const rows = parsePriceCatalogCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({
      model: "gpt-x",
      provider: "OpenAI",
      effectiveFrom: "2025-04-16",
      usdPerMillionTokens: { input: 10, output: 40, cached_input: 2.5 },
      source: "price: map, first price; date: model id",
      note: "launch price",
    });
    expect(rows[2].usdPerMillionTokens).toEqual({ input: 2, output: 8, cached_input: 0.5, batch_input: 1, batch_output: 4 });
  });

  it("writes the same text back: canonical order, shortest numbers, quotes only where needed", () => {
    const rows = parsePriceCatalogCsv(text);
    expect(formatPriceCatalogCsv(rows)).toBe(text);
    expect(formatPriceCatalogCsv([...rows].reverse())).toBe(text);
  });

  it("orders rows by provider, then model, then date, ignoring case first", () => {
    const rows = [
      row({ model: "b", provider: "openai" }),
      row({ model: "A", provider: "OpenAI", effectiveFrom: "2025-03-01" }),
      row({ model: "A", provider: "OpenAI", effectiveFrom: "2025-02-01" }),
      row({ model: "z", provider: "Anthropic" }),
    ];
    // provider "openai" and "OpenAI" would clash only for one model id; here they are different models
    const lines = formatPriceCatalogCsv(rows).trim().split("\n").slice(1).map((line) => line.split(",").slice(0, 3).join(","));
    expect(lines).toEqual(["z,Anthropic,2025-01-01", "A,OpenAI,2025-02-01", "A,OpenAI,2025-03-01", "b,openai,2025-01-01"]);
  });

  it("writes numbers in their shortest exact form", () => {
    expect(formatUsd(2.1875e-6 * 1e6)).toBe("2.1875");
    expect(formatUsd(15)).toBe("15");
    expect(formatUsd(0.0375)).toBe("0.0375");
  });

  it.each([
    ["a wrong header", "model,provider\n", /first line must be the header/],
    ["an empty file", "", /first line must be the header .* got an empty file/],
    ["a short line", `${header}\ngpt-x,OpenAI,2025-01-01,1,2\n`, /line 2: expected 11 fields, got 5/],
    ["text for a price", `${header}\ngpt-x,OpenAI,2025-01-01,$1,2,,,,,s,\n`, /line 2: input must be a number or empty; got '\$1'/],
    ["a missing input price", `${header}\ngpt-x,OpenAI,2025-01-01,,2,,,,,s,\n`, /line 2 \(gpt-x\): every row needs an input price/],
    ["a zero price", `${header}\ngpt-x,OpenAI,2025-01-01,1,2,0,,,,s,\n`, /line 2 \(gpt-x\): cached_input must be a price above 0, or empty when not charged or not published; got 0/],
    ["a date that does not exist", `${header}\ngpt-x,OpenAI,2025-02-30,1,2,,,,,s,\n`, /effective_from must be a date written YYYY-MM-DD; got '2025-02-30'/],
    ["no source", `${header}\ngpt-x,OpenAI,2025-01-01,1,2,,,,, ,\n`, /line 2 \(gpt-x\): every row needs a source/],
    ["no provider", `${header}\ngpt-x,,2025-01-01,1,2,,,,,s,\n`, /the provider is empty/],
    ["a model with spaces around it", `${header}\n gpt-x,OpenAI,2025-01-01,1,2,,,,,s,\n`, /the model id must be non-empty text without surrounding spaces/],
    ["two providers for one model", `${header}\ngpt-x,OpenAI,2025-01-01,1,2,,,,,s,\ngpt-x,Azure,2025-02-01,1,2,,,,,s,\n`, /line 3 \(gpt-x\): the model is also listed under OpenAI/],
    ["two rows of one date", `${header}\ngpt-x,OpenAI,2025-01-01,1,2,,,,,s,\nGPT-X,OpenAI,2025-01-01,3,4,,,,,s,\n`, /line 3 \(GPT-X\): a second row effective from 2025-01-01/],
  ])("refuses %s", (_what, badText, message) => {
    expect(() => parsePriceCatalogCsv(badText)).toThrow(expect.objectContaining({ code: "malformed", message: expect.stringMatching(message) }));
  });

  it("refuses to write rows that would not read back", () => {
    expect(() => formatPriceCatalogCsv([row({ usdPerMillionTokens: { input: 1, output: -2 } })])).toThrow(expect.objectContaining({ code: "malformed" }));
  });
});
