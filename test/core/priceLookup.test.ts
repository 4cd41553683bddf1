import fc from "fast-check";
import {
  bareModelId,
  bundledPriceCatalog,
  catalogDateSerial,
  createPriceTable,
  findModel,
  listModels,
  MODEL_LIST_HEADER,
  modelPrice,
  parsePriceType,
  priceTableFromCells,
  PRICE_TYPES,
  providerMatches,
  suggestModelIds,
  type CellValue,
  type ModelPriceRow,
} from "../../src/core";
import { excelSerialOfIsoDate, isoDateOfExcelSerial } from "../../src/core/excelDate";

const serial = (iso: string) => excelSerialOfIsoDate(iso) as number;

function row(model: string, provider: string, effectiveFrom: string, input: number, output?: number, extra: ModelPriceRow["usdPerMillionTokens"] = {}): ModelPriceRow {
  return { model, provider, effectiveFrom, usdPerMillionTokens: { input, ...(output == null ? {} : { output }), ...extra }, source: "test", note: "" };
}

/* A small table of our own, so these tests do not move when the catalog's data does. */
const table = createPriceTable(
  [
    row("gpt-4o", "OpenAI", "2024-05-13", 5, 15),
    row("gpt-4o", "OpenAI", "2024-11-15", 2.5, 10, { cached_input: 1.25, batch_input: 1.25, batch_output: 5 }),
    row("gpt-4o-mini", "OpenAI", "2024-07-18", 0.15, 0.6, { cached_input: 0.075 }),
    row("gemini/gemini-2.5-pro", "Google", "2025-06-18", 1.25, 10, { cached_input: 0.125 }),
    row("groq/llama-x", "Groq", "2025-01-13", 0.59, 0.79),
    row("together_ai/llama-x", "Together AI", "2025-02-06", 0.88, 0.88),
    row("fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-basic", "Fireworks AI", "2025-04-30", 0.15, 0.6),
    row("meta.llama3-3-70b-instruct-v1:0", "Amazon Bedrock", "2025-01-13", 0.72, 0.72),
    row("embedder", "OpenAI", "2025-01-01", 0.02),
  ],
  "the test table",
);

describe("modelPrice on the catalog: published figures", () => {
  const catalog = bundledPriceCatalog();

  it("GPT-4's launch price blends 3:1 to $37.5: (3 × 30 + 60) / 4", () => {
    const quote = modelPrice(catalog, "gpt-4-0314", "blended");
    expect(quote.usdPerMillionTokens).toBe(37.5);
    expect(quote.row.effectiveFrom).toBe("2023-03-14");
    expect(modelPrice(catalog, "gpt-4-0314", "input", serial("2023-03-14")).usdPerMillionTokens).toBe(30);
    expect(modelPrice(catalog, "gpt-4-0314", "output").usdPerMillionTokens).toBe(60);
  });

  it("o3: $10 / $40 from 2025-04-16, $2 / $8 from the 2025-06-10 cut, and no price before launch", () => {
    expect(modelPrice(catalog, "o3", "input", serial("2025-04-16")).usdPerMillionTokens).toBe(10);
    expect(modelPrice(catalog, "o3", "output", serial("2025-06-09")).usdPerMillionTokens).toBe(40);
    expect(modelPrice(catalog, "o3", "input", serial("2025-06-10")).usdPerMillionTokens).toBe(2);
    expect(modelPrice(catalog, "o3", "output", serial("2025-06-10")).usdPerMillionTokens).toBe(8);
    // blended before: (3 × 10 + 40) / 4 = 17.5; after: (3 × 2 + 8) / 4 = 3.5
    expect(modelPrice(catalog, "o3", "blended", serial("2025-05-01")).usdPerMillionTokens).toBe(17.5);
    expect(modelPrice(catalog, "o3", "blended").usdPerMillionTokens).toBe(3.5);
    expect(() => modelPrice(catalog, "o3", "input", serial("2025-04-15"))).toThrow(
      expect.objectContaining({ code: "notFound", message: "no price for o3 on 2025-04-15: its first price in the catalog is from 2025-04-16." }),
    );
  });

  it("a mistyped id gets suggestions: 'gpt4o'", () => {
    expect(() => modelPrice(catalog, "gpt4o")).toThrow(expect.objectContaining({ code: "notFound", message: "unknown model 'gpt4o'; did you mean gpt-4o, gpt-4o-mini?" }));
  });

  it("a price the row leaves empty is not found, never 0", () => {
    expect(() => modelPrice(catalog, "gpt-4-0314", "cached_input")).toThrow(
      expect.objectContaining({ code: "notFound", message: expect.stringMatching(/^gpt-4-0314 has no cached_input price in the catalog for its newest row: the row from 2023-03-14 leaves cached_input empty/) }),
    );
  });

  it("accepts LiteLLM's provider prefixes", () => {
    expect(modelPrice(catalog, "openai/gpt-4o").row.model).toBe("gpt-4o");
    expect(modelPrice(catalog, "anthropic/claude-3-5-haiku-20241022", "output").usdPerMillionTokens).toBe(4);
    expect(modelPrice(catalog, "bedrock/amazon.nova-pro-v1:0").usdPerMillionTokens).toBe(0.8);
    expect(modelPrice(catalog, "deepseek/deepseek-chat").row.model).toBe("deepseek-chat");
    expect(modelPrice(catalog, "gemini-2.5-pro").row.model).toBe("gemini/gemini-2.5-pro");
    expect(modelPrice(catalog, "GROK-4").row.model).toBe("xai/grok-4");
  });

  it("CATALOG_DATE is the newest effective date", () => {
    const newest = Math.max(...catalog.models.flatMap((history) => history.rows.map((entry) => entry.effectiveFromSerial)));
    expect(catalogDateSerial(catalog)).toBe(newest);
    expect(isoDateOfExcelSerial(catalogDateSerial(catalog))).toMatch(/^20\d\d-\d\d-\d\d$/);
  });
});

describe("findModel", () => {
  it("ignores case and surrounding spaces", () => {
    expect(findModel(table, "  GPT-4O ").model).toBe("gpt-4o");
  });

  it("strips a recognised prefix and checks its provider", () => {
    expect(findModel(table, "openai/gpt-4o").model).toBe("gpt-4o");
    expect(findModel(table, "gemini/gemini-2.5-pro").model).toBe("gemini/gemini-2.5-pro");
    expect(findModel(table, "bedrock/meta.llama3-3-70b-instruct-v1:0").model).toBe("meta.llama3-3-70b-instruct-v1:0");
    expect(findModel(table, "fireworks_ai/llama4-scout-instruct-basic").model).toBe("fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-basic");
    // gpt-4o is OpenAI's, so an Anthropic prefix does not find it
    expect(() => findModel(table, "anthropic/gpt-4o")).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(/^unknown model 'anthropic\/gpt-4o'; did you mean gpt-4o/) }));
  });

  it("does not strip hosts with prices of their own", () => {
    expect(() => findModel(table, "vertex_ai/gemini-2.5-pro")).toThrow(expect.objectContaining({ code: "notFound" }));
    expect(() => findModel(table, "azure/gpt-4o")).toThrow(expect.objectContaining({ code: "notFound" }));
  });

  it("finds an id without its prefix when one model has it, and names the choices when several do", () => {
    expect(findModel(table, "gemini-2.5-pro").model).toBe("gemini/gemini-2.5-pro");
    expect(() => findModel(table, "llama-x")).toThrow(
      expect.objectContaining({ code: "notFound", message: "model 'llama-x' is ambiguous in the test table: groq/llama-x, together_ai/llama-x; give the full id." }),
    );
    expect(findModel(table, "groq/llama-x").model).toBe("groq/llama-x");
  });

  it("says when nothing is close", () => {
    expect(() => findModel(table, "zzzzzz")).toThrow(expect.objectContaining({ code: "notFound", message: "unknown model 'zzzzzz'; the test table has no model with a similar id." }));
  });

  it.each(["", "   "])("refuses an empty model %j as malformed", (query) => {
    expect(() => findModel(table, query)).toThrow(expect.objectContaining({ code: "malformed", message: "model is empty; give a model id such as gpt-4o." }));
  });
});

describe("suggestModelIds", () => {
  it("ranks the same letters first, then ids that start with them or are one edit away, then ids they start with", () => {
    expect(suggestModelIds(table, "gpt4o", 3)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(suggestModelIds(table, "gemini-2.5pro")).toEqual(["gemini/gemini-2.5-pro"]);
    expect(suggestModelIds(table, "gpt-4o-mnii")).toEqual(["gpt-4o-mini", "gpt-4o"]); // a swap counts as one edit
    expect(suggestModelIds(table, "embeder")).toEqual(["embedder"]);
  });

  it("gives nothing for a far-off id", () => {
    expect(suggestModelIds(table, "claude-3-opus")).toEqual([]);
  });
});

describe("bareModelId and providerMatches", () => {
  it.each([
    ["openai/GPT-4o", "gpt-4o"],
    ["gemini/gemini-2.5-pro", "gemini-2.5-pro"],
    ["fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-basic", "llama4-scout-instruct-basic"],
    ["together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "meta-llama/llama-3.3-70b-instruct-turbo"],
    ["azure/gpt-4o", "azure/gpt-4o"],
    ["gpt-4o", "gpt-4o"],
  ])("%s -> %s", (id, bare) => {
    expect(bareModelId(id)).toBe(bare);
  });

  it("matches a provider by name or its first words", () => {
    expect(providerMatches("Amazon Bedrock", "amazon")).toBe(true);
    expect(providerMatches("Amazon Bedrock", " AMAZON  bedrock ")).toBe(true);
    expect(providerMatches("Together AI", "together")).toBe(true);
    expect(providerMatches("OpenAI", "open")).toBe(false);
    expect(providerMatches("OpenAI", "")).toBe(false);
  });
});

describe("modelPrice", () => {
  it("defaults to the input price of the newest row", () => {
    const quote = modelPrice(table, "gpt-4o");
    expect(quote).toMatchObject({ usdPerMillionTokens: 2.5, priceType: "input" });
    expect(quote.row.effectiveFrom).toBe("2024-11-15");
  });

  it("takes the row in effect on the date, a time of day ignored", () => {
    expect(modelPrice(table, "gpt-4o", "output", serial("2024-11-14") + 0.9).usdPerMillionTokens).toBe(15);
    expect(modelPrice(table, "gpt-4o", "output", serial("2024-11-15")).usdPerMillionTokens).toBe(10);
  });

  it("blends 3 input : 1 output: (3 × 2.5 + 10) / 4 = 4.375", () => {
    expect(modelPrice(table, "gpt-4o", "blended").usdPerMillionTokens).toBe(4.375);
  });

  it("says which price is missing, for a field and for the blend", () => {
    expect(() => modelPrice(table, "gpt-4o", "cache_write")).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(/^gpt-4o has no cache_write price in the test table/) }));
    expect(() => modelPrice(table, "gpt-4o", "batch_input", serial("2024-06-01"))).toThrow(
      expect.objectContaining({ message: "gpt-4o has no batch_input price in the test table for 2024-06-01: the row from 2024-05-13 leaves batch_input empty (not charged or not published)." }),
    );
    expect(() => modelPrice(table, "embedder", "blended")).toThrow(
      expect.objectContaining({
        code: "notFound",
        message: "embedder has no blended price in the test table for its newest row: it needs input and output, and the row from 2025-01-01 leaves output empty (not charged or not published).",
      }),
    );
  });

  it.each([0, 60, -1, Number.NaN, 3e6])("refuses as_of_date %p as out of range", (asOf) => {
    expect(() => modelPrice(table, "gpt-4o", "input", asOf)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/^as_of_date must be an Excel date/) }));
  });

  it("property: returns the newest row whose date is not after the as-of date", () => {
    const history = fc.uniqueArray(fc.integer({ min: 40000, max: 50000 }), { minLength: 1, maxLength: 8 }).chain((days) =>
      fc.tuple(fc.constant(days), fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: days.length, maxLength: days.length })),
    );
    fc.assert(
      fc.property(history, fc.integer({ min: 39000, max: 51000 }), ([days, prices], asOf) => {
        const rows = days.map((day, index) => row("m", "P", isoDateOfExcelSerial(day), prices[index]));
        const single = createPriceTable(rows, "t");
        const eligible = days.map((day, index) => ({ day, price: prices[index] })).filter((entry) => entry.day <= asOf);
        if (eligible.length === 0) {
          expect(() => modelPrice(single, "m", "input", asOf)).toThrow(expect.objectContaining({ code: "notFound" }));
        } else {
          const newest = eligible.reduce((best, entry) => (entry.day > best.day ? entry : best));
          expect(modelPrice(single, "m", "input", asOf).usdPerMillionTokens).toBe(newest.price);
        }
      }),
    );
  });
});

describe("createPriceTable and catalogDateSerial", () => {
  it("refuses a row whose date is not one", () => {
    expect(() => createPriceTable([row("m", "P", "2025-02-30", 1, 2)], "t")).toThrow(expect.objectContaining({ code: "malformed", message: "row 1 (m): the date '2025-02-30' is not a date." }));
  });

  it("has no catalog date for an empty table", () => {
    expect(() => catalogDateSerial(createPriceTable([], "the empty table"))).toThrow(expect.objectContaining({ code: "notFound", message: "the empty table has no prices." }));
  });

  it("finds a blend's missing input as well as its output", () => {
    const outputOnly = priceTableFromCells([["m", "P", 45658, null, 8]]);
    expect(() => modelPrice(outputOnly, "m", "blended")).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(/leaves input empty/) }));
    expect(() => modelPrice(outputOnly, "m")).toThrow(expect.objectContaining({ code: "notFound", message: expect.stringMatching(/^m has no input price/) }));
  });
});

describe("parsePriceType", () => {
  it.each([
    [null, "input"],
    [undefined, "input"],
    ["", "input"],
    ["Output", "output"],
    [" cached input ", "cached_input"],
    ["Cache-Write", "cache_write"],
    ["batch_output", "batch_output"],
    ["BLENDED", "blended"],
  ])("%p is %s", (text, type) => {
    expect(parsePriceType(text)).toBe(type);
  });

  it("knows seven types", () => {
    expect(PRICE_TYPES).toEqual(["input", "output", "cached_input", "cache_write", "batch_input", "batch_output", "blended"]);
  });

  it.each(["inputs", "cached", "per token"])("refuses %p as malformed, listing the types", (text) => {
    expect(() => parsePriceType(text)).toThrow(
      expect.objectContaining({ code: "malformed", message: `unknown price_type '${text}'; use input, output, cached_input, cache_write, batch_input, batch_output or blended.` }),
    );
  });
});

describe("listModels", () => {
  it("lists every model's newest row under the prices table's header, dates as serials, missing prices null", () => {
    const listing = listModels(table, null, null);
    expect(listing[0]).toEqual([...MODEL_LIST_HEADER]);
    expect(listing).toHaveLength(1 + table.models.length);
    const gpt4o = listing.find((cells) => cells[0] === "gpt-4o");
    expect(gpt4o).toEqual(["gpt-4o", "OpenAI", serial("2024-11-15"), 2.5, 10, 1.25, "test", null, 1.25, 5, ""]);
  });

  it("lists the rows in effect on a date and leaves out models not priced yet", () => {
    const listing = listModels(table, null, serial("2024-08-01"));
    expect(listing.slice(1).map((cells) => [cells[0], cells[3]])).toEqual([
      ["gpt-4o", 5],
      ["gpt-4o-mini", 0.15],
    ]);
  });

  it("filters by provider", () => {
    expect(listModels(table, "amazon", null).slice(1).map((cells) => cells[0])).toEqual(["meta.llama3-3-70b-instruct-v1:0"]);
    expect(listModels(table, "openai", null)).toHaveLength(4);
  });

  it("says which providers there are when one has no models", () => {
    expect(() => listModels(table, "Meta", null)).toThrow(
      expect.objectContaining({
        code: "notFound",
        message: "no models from provider 'Meta' in the test table; its providers are Amazon Bedrock, Fireworks AI, Google, Groq, OpenAI, Together AI.",
      }),
    );
  });

  it("says when nothing at all is priced that early", () => {
    expect(() => listModels(table, null, serial("2024-01-01"))).toThrow(
      expect.objectContaining({ code: "notFound", message: "no prices in the test table on or before 2024-01-01; the first is from 2024-05-13." }),
    );
  });

  it("says when nothing is priced that early", () => {
    expect(() => listModels(table, "groq", serial("2024-01-01"))).toThrow(
      expect.objectContaining({ code: "notFound", message: "no prices from provider 'groq' in the test table on or before 2024-01-01; the first is from 2025-01-13." }),
    );
  });

  it("lists the bundled catalog by provider, with Meta's models under their hosts", () => {
    const catalog = bundledPriceCatalog();
    const anthropic = listModels(catalog, "Anthropic", null).slice(1);
    expect(anthropic.every((cells) => cells[1] === "Anthropic")).toBe(true);
    expect(anthropic.length).toBeGreaterThanOrEqual(10);
    expect(listModels(catalog, "groq", null).slice(1).some((cells) => String(cells[0]).includes("llama"))).toBe(true);
  });
});

describe("priceTableFromCells: a workbook's prices table", () => {
  const headerRow: CellValue[] = ["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"];

  it("reads a table with its header and finds prices in it only", () => {
    const cells: CellValue[][] = [
      headerRow,
      ["gpt-4o", "OpenAI", serial("2024-05-13"), 5, 15, null, "list price"],
      ["gpt-4o", "OpenAI", serial("2025-01-01"), 2, 8, 1, "negotiated"],
      [null, null, null, null, null, null, null],
      ["our-llm", "", "2025-03-01", 0, 0.5, "", ""],
    ];
    const workbook = priceTableFromCells(cells);
    expect(modelPrice(workbook, "gpt-4o").usdPerMillionTokens).toBe(2);
    expect(modelPrice(workbook, "openai/gpt-4o", "cached_input").row.source).toBe("negotiated");
    expect(modelPrice(workbook, "gpt-4o", "output", serial("2024-12-31")).usdPerMillionTokens).toBe(15);
    expect(modelPrice(workbook, "our-llm").usdPerMillionTokens).toBe(0); // a 0 the user typed is a price
    expect(() => modelPrice(workbook, "gpt-4o-mini")).toThrow(expect.objectContaining({ code: "notFound", message: "unknown model 'gpt-4o-mini'; did you mean gpt-4o?" }));
  });

  it("reads a table without a header in the columns' order, the optional ones included", () => {
    const workbook = priceTableFromCells([["m", "P", serial("2025-01-01"), 1, 2, 0.1, "s", 1.25, 0.5, 1, "a note"]]);
    const quote = modelPrice(workbook, "m", "cache_write");
    expect(quote.usdPerMillionTokens).toBe(1.25);
    expect(quote.row.note).toBe("a note");
    expect(modelPrice(workbook, "m", "batch_output").usdPerMillionTokens).toBe(1);
  });

  it("finds columns by their headers, in any order, and ignores columns it does not know", () => {
    const workbook = priceTableFromCells([
      ["model", "Comment", "INPUT", "effective_from", "Batch input"],
      ["m", "ignored", 3, serial("2025-01-01"), 1.5],
    ]);
    expect(modelPrice(workbook, "m").usdPerMillionTokens).toBe(3);
    expect(modelPrice(workbook, "m", "batch_input").usdPerMillionTokens).toBe(1.5);
    expect(() => modelPrice(workbook, "m", "output")).toThrow(expect.objectContaining({ code: "notFound" }));
  });

  it("reads MODELS' listing back as a table with the catalog's newest prices", () => {
    const catalog = bundledPriceCatalog();
    const reread = priceTableFromCells(listModels(catalog, null, null));
    for (const history of catalog.models) {
      const newest = history.rows[history.rows.length - 1];
      for (const type of ["input", "output", "cached_input", "cache_write", "batch_input", "batch_output"] as const) {
        const price = newest.usdPerMillionTokens[type];
        if (price == null) continue;
        expect(modelPrice(reread, history.model, type).usdPerMillionTokens).toBe(price);
      }
    }
  });

  it.each([
    ["an empty range", [], "malformed", /^price_table is empty/],
    ["only empty rows", [[null, "", null]], "malformed", /^price_table has no rows with prices/],
    ["a row without a model", [headerRow, [null, "OpenAI", 45658, 1, 2, null, "s"]], "malformed", /^price_table row 2: Model is empty/],
    ["a logical for a model", [[true, "P", 45658, 1]], "malformed", /^price_table row 1: Model must be text; got true/],
    ["a row without a date", [headerRow, ["m", "P", null, 1, 2, null, "s"]], "malformed", /^price_table row 2 \(m\): Effective from is empty; every price needs the date it took effect/],
    ["a date that is not one", [["m", "P", "June 2025", 1]], "malformed", /^price_table row 1 \(m\): Effective from must be a date; got 'June 2025'/],
    ["a date serial out of range", [["m", "P", 12, 1]], "outOfRange", /^price_table row 1 \(m\): Effective from must be an Excel date/],
    ["a logical for a date", [["m", "P", true, 1]], "malformed", /^price_table row 1 \(m\): Effective from must be a date; got true/],
    ["text for a price", [["m", "P", 45658, "$3"]], "malformed", /^price_table row 1 \(m\): Input must be a number \(USD per million tokens\) or empty; got '\$3'/],
    ["a negative price", [["m", "P", 45658, 1, -2]], "outOfRange", /^price_table row 1 \(m\): Output must be 0 or more; got -2/],
    ["a logical for a source", [["m", "P", 45658, 1, 2, null, false]], "malformed", /^price_table row 1 \(m\): source must be text/],
    ["two rows of one date", [["m", "P", 45658, 1], ["M", "P", 45658.5, 2]], "malformed", /^price_table row 2: M has two rows effective from 2025-01-01/],
    ["one model under two providers", [["m", "P", 45658, 1], ["m", "Q", 45700, 2]], "malformed", /^price_table row 2: m is listed under two providers \(P, Q\); a model id belongs to one provider: give the other its own id, such as q\/m\./],
    ["a header without dates", [["Model", "Input"], ["m", 1]], "malformed", /^price_table's header has no 'Effective from' column/],
    ["a header with two input columns", [["Model", "Effective from", "Input", "input"], ["m", 45658, 1, 2]], "malformed", /^price_table has two 'Input' columns/],
  ] as [string, CellValue[][], string, RegExp][])("refuses %s", (_what, cells, code, message) => {
    expect(() => priceTableFromCells(cells)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});
