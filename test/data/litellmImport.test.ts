/* The importer's logic (scripts/litellm-import.ts) on fixture maps: what a LiteLLM price map
 * changes in a catalog, and what it never touches. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePriceCatalogCsv, type ModelPriceRow } from "../../src/core";
import {
  entryPrices,
  formatImportReport,
  globPattern,
  ImportError,
  planImport,
  readLiteLLMMap,
  readTrackingRules,
  writeFileAtomically,
  type ImportOptions,
  type WriteFileSystem,
} from "../../scripts/litellm-import";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "litellm");
const read = (name: string) => readFileSync(join(fixtures, name), "utf8");

const catalog = parsePriceCatalogCsv(read("small-catalog.csv"));
const map = readLiteLLMMap(read("map-changed.json"), "map-changed.json");
const tracking = readTrackingRules(read("small-tracking.json"), "small-tracking.json");
const options = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({
  effectiveFrom: "2026-12-03",
  sourceLabel: "LiteLLM map map-changed.json",
  dateLabel: "import date",
  add: [],
  ...overrides,
});

function newRows(before: readonly ModelPriceRow[], after: readonly ModelPriceRow[]): ModelPriceRow[] {
  return after.slice(before.length);
}

describe("planImport", () => {
  const plan = planImport(catalog, map, tracking, options());

  it("turns a changed price into a new row dated the import day, keeping every old row as it was", () => {
    expect(plan.rows.slice(0, catalog.length)).toEqual(catalog);
    expect(plan.changes).toEqual([{ model: "gpt-x", before: { input: 2, output: 8 }, after: { input: 1.5, output: 8, cached_input: 0.15 } }]);
    expect(newRows(catalog, plan.rows)[0]).toEqual({
      model: "gpt-x",
      provider: "OpenAI",
      effectiveFrom: "2026-12-03",
      // 1.5e-06 per token = 1.5 per million; LiteLLM's 0 cache write ("free or unknown") is left empty
      usdPerMillionTokens: { input: 1.5, output: 8, cached_input: 0.15 },
      source: "price: LiteLLM map map-changed.json; date: import date",
      note: "",
    });
  });

  it("adds new models only where the tracking rules follow them", () => {
    expect(plan.additions).toEqual([
      // 1.1e-06 -> 1.1, 4.4e-06 -> 4.4, 2.75e-07 -> 0.275, batches 5.5e-07 -> 0.55, 2.2e-06 -> 2.2
      { model: "gpt-6", provider: "OpenAI", prices: { input: 1.1, output: 4.4, cached_input: 0.275, batch_input: 0.55, batch_output: 2.2 } },
    ]);
    const added = new Set(newRows(catalog, plan.rows).map((row) => row.model));
    for (const skipped of ["gpt-6-2026-12-01", "gpt-6-audio", "gpt-7-embedding", "moonshot/kimi-k3", "text-unlisted", "sample_spec"]) expect(added.has(skipped)).toBe(false);
  });

  it("leaves models it cannot read as they are, saying why", () => {
    expect(plan.warnings).toEqual([
      'bad-cost: input_cost_per_token is "abc", not a cost of 0 or more; its rows are left as they are.',
      "gemini/gemini-z: the map has no output price; its rows are left as they are.",
      "deepseek-free: matches the tracking rules but it has no input and output prices; not added.",
      "gpt-8: matches the tracking rules but it has no input and output prices; not added.",
    ]);
    expect(plan.unchanged).toBe(1); // claude-y
    expect(plan.notInMap).toEqual(["retired-model"]);
  });

  it("prints what changed", () => {
    expect(formatImportReport(plan, "2026-12-03")).toBe(
      [
        "Changed prices (new rows from 2026-12-03):",
        "  gpt-x: input 2 -> 1.5, cached_input (none) -> 0.15",
        "New models (rows from 2026-12-03):",
        "  gpt-6 (OpenAI): input 1.1, output 4.4, cached_input 0.275, batch_input 0.55, batch_output 2.2",
        "Left as they are:",
        '  bad-cost: input_cost_per_token is "abc", not a cost of 0 or more; its rows are left as they are.',
        "  gemini/gemini-z: the map has no output price; its rows are left as they are.",
        "  deepseek-free: matches the tracking rules but it has no input and output prices; not added.",
        "  gpt-8: matches the tracking rules but it has no input and output prices; not added.",
        "1 catalog models are not in the map (retired or renamed); their rows are kept.",
        "1 models unchanged.",
      ].join("\n"),
    );
  });

  it("compares with the row in effect on the import date, not the newest one", () => {
    // gpt-x has a scheduled row from 2026-12-05 (1 / 4); on 2026-12-03 the 2025 row (2 / 8) is in effect
    expect(plan.changes[0].before).toEqual({ input: 2, output: 8 });
    const later = planImport(catalog, map, tracking, options({ effectiveFrom: "2026-12-05" }));
    expect(later.changes).toEqual([]);
    expect(later.warnings).toContain("gpt-x: already has a row from 2026-12-05 with other prices; it is left as it is (give another --date, or edit the row by hand).");
  });

  it("dates a price before a model's first row when the import date is earlier", () => {
    const early = planImport(catalog, map, tracking, options({ effectiveFrom: "2024-06-01" }));
    const gptX = early.changes.find((change) => change.model === "gpt-x");
    expect(gptX?.before).toBeNull();
    expect(formatImportReport(early, "2024-06-01")).toContain("gpt-x: input 1.5, output 8, cached_input 0.15 (no earlier row in effect)");
  });

  it("adds a model the rules do not cover when asked by id, at its per-million prices", () => {
    const asked = planImport(catalog, map, tracking, options({ add: ["text-unlisted"] }));
    // 3.625e-09 per token = 0.003625 per million; 2.1875e-06 = 2.1875
    expect(asked.additions).toContainEqual({ model: "text-unlisted", provider: "OpenAI", prices: { input: 0.003625, output: 2.1875 } });
  });

  it.each([
    [["not-in-map"], /^--add not-in-map: the map has no model with that id/],
    [["moonshot/kimi-k3"], /^--add moonshot\/kimi-k3: its litellm_provider 'moonshot' has no provider name in data\/tracking.json/],
    [["gpt-8"], /^--add gpt-8: it has no input and output prices/],
  ])("refuses --add %j", (add, message) => {
    expect(() => planImport(catalog, map, tracking, options({ add }))).toThrow(expect.objectContaining({ name: "ImportError", message: expect.stringMatching(message) }));
  });

  it("refuses a date that is not one", () => {
    expect(() => planImport(catalog, map, tracking, options({ effectiveFrom: "03/12/2026" }))).toThrow(ImportError);
  });

  it("changes nothing when the map is the one the catalog was built from (LiteLLM, 2026-07-24)", () => {
    const rows = parsePriceCatalogCsv(readFileSync(join(root, "data", "prices.csv"), "utf8"));
    const snapshot = readLiteLLMMap(read("snapshot-2026-07-24.slim.json"), "snapshot");
    const rules = readTrackingRules(readFileSync(join(root, "data", "tracking.json"), "utf8"), "data/tracking.json");
    const same = planImport(rows, snapshot, rules, options({ effectiveFrom: "2026-07-24" }));
    expect(same.changes).toEqual([]);
    expect(same.additions).toEqual([]);
    expect(same.rows).toHaveLength(rows.length);
    // the one model LiteLLM now lists without an output price (Gemini 1.5 Flash, retired) is left alone
    expect(same.warnings).toEqual(["gemini/gemini-1.5-flash: the map has no output price; its rows are left as they are."]);
    expect(same.unchanged).toBeGreaterThanOrEqual(130);
  });
});

describe("readLiteLLMMap", () => {
  it.each([
    ["not-json.txt", /^not-json.txt is not JSON \(.*\); download model_prices_and_context_window.json/],
    ["wrong-shape-array.json", /^wrong-shape-array.json is JSON but not a price map: expected .*; got an array/],
    ["wrong-shape-unpriced.json", /^wrong-shape-unpriced.json is JSON but not a price map: .*; no entry has both/],
  ])("refuses %s with a message saying what it expected", (name, message) => {
    expect(() => readLiteLLMMap(read(name), name)).toThrow(expect.objectContaining({ name: "ImportError", message: expect.stringMatching(message) }));
  });

  it.each([["null", /got null/], ['"text"', /got a string/], ["42", /got a number/]])("refuses the JSON %s", (text, message) => {
    expect(() => readLiteLLMMap(text, "f")).toThrow(expect.objectContaining({ message: expect.stringMatching(message) }));
  });

  it("ignores entries that are not objects, and LiteLLM's sample_spec", () => {
    const entries = readLiteLLMMap(JSON.stringify({ sample_spec: { litellm_provider: "x", input_cost_per_token: 0 }, note: "text", m: { litellm_provider: "openai", input_cost_per_token: 1e-6 } }), "f");
    expect([...entries.keys()]).toEqual(["m"]);
  });
});

describe("readTrackingRules", () => {
  it("reads data/tracking.json", () => {
    const rules = readTrackingRules(readFileSync(join(root, "data", "tracking.json"), "utf8"), "data/tracking.json");
    expect(rules.providers.openai.provider).toBe("OpenAI");
  });

  it.each([
    ["{", /is not JSON/],
    ["{}", /must hold an object "providers"/],
    ['{"providers": {"openai": {"provider": "OpenAI", "include": "gpt-*", "exclude": []}}}', /providers.openai needs a provider name and include and exclude lists/],
  ])("refuses %s", (text, message) => {
    expect(() => readTrackingRules(text, "t.json")).toThrow(expect.objectContaining({ name: "ImportError", message: expect.stringMatching(message) }));
  });
});

describe("globPattern", () => {
  it.each([
    ["gpt-[5-9]*", "GPT-5.6-luna", true],
    ["gpt-[5-9]*", "gpt-4.1", false],
    ["*-20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]", "gpt-5-2025-08-07", true],
    ["*audio*", "gpt-4o-audio-preview", true],
    ["gemini/gemini-?.5-pro", "gemini/gemini-2.5-pro", true],
    ["mistral/*-latest", "mistral/mistral-large-latest", true],
    ["mistral/*-latest", "mistral/mistral-large-2512", false],
    ["a.b", "axb", false],
  ])("%s matches %s: %p", (pattern, id, matches) => {
    expect(globPattern(pattern).test(id)).toBe(matches);
  });

  it("refuses an unclosed set", () => {
    expect(() => globPattern("gpt-[5")).toThrow(ImportError);
  });
});

describe("entryPrices", () => {
  it("turns per-token costs into per-million prices without float noise", () => {
    // 1.1e-06 × 1e6 is 1.0999999999999999 in floating point; the catalog stores 1.1
    expect(entryPrices({ input_cost_per_token: 1.1e-6, output_cost_per_token: 4.4e-6 })).toEqual({ prices: { input: 1.1, output: 4.4 } });
  });

  it("reads 0 and absent costs as not published, and refuses other values", () => {
    expect(entryPrices({ input_cost_per_token: 0, output_cost_per_token: 1e-6, cache_read_input_token_cost: null })).toEqual({ prices: { output: 1 } });
    expect(entryPrices({ input_cost_per_token: -1e-6 })).toEqual({ problem: "input_cost_per_token is -0.000001, not a cost of 0 or more" });
  });
});

describe("writeFileAtomically", () => {
  function recordingFileSystem(failOn?: "write" | "rename"): WriteFileSystem & { files: Map<string, string> } {
    const files = new Map<string, string>([["catalog.csv", "old"]]);
    return {
      files,
      writeFileSync(path, data) {
        if (failOn === "write") {
          files.set(path, data.slice(0, 3)); // a partial write before the disk fills up
          throw new Error("ENOSPC");
        }
        files.set(path, data);
      },
      renameSync(from, to) {
        if (failOn === "rename") throw new Error("EXDEV");
        files.set(to, files.get(from) as string);
        files.delete(from);
      },
      rmSync(path) {
        files.delete(path);
      },
    };
  }

  it("replaces the file through a temporary file", () => {
    const fileSystem = recordingFileSystem();
    writeFileAtomically("catalog.csv", "new", fileSystem, "123");
    expect([...fileSystem.files]).toEqual([["catalog.csv", "new"]]);
  });

  it.each(["write", "rename"] as const)("leaves the original as it was and no temporary file when the %s fails", (failOn) => {
    const fileSystem = recordingFileSystem(failOn);
    expect(() => writeFileAtomically("catalog.csv", "new", fileSystem, "123")).toThrow();
    expect([...fileSystem.files]).toEqual([["catalog.csv", "old"]]);
  });
});
