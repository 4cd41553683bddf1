/*
 * Updating the price catalog from a LiteLLM price map (model_prices_and_context_window.json): the
 * pure part of `npm run prices:import`. A price that differs from the one in effect on the import
 * date becomes a new row dated that day; nothing is deleted or rewritten; new models are added
 * only where data/tracking.json says the catalog follows them, or when asked by id.
 */
import { PRICE_FIELDS, type ModelPriceRow, type PriceField, type UsdPerMillionTokensByField } from "../src/core/priceCatalog";
import { excelSerialOfIsoDate } from "../src/core/excelDate";

/** A problem with the input that stops the import; the message says what to fix. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/** The map's per-token cost field for each catalog price field. */
export const LITELLM_COST_KEYS: Readonly<Record<PriceField, string>> = Object.freeze({
  input: "input_cost_per_token",
  output: "output_cost_per_token",
  cached_input: "cache_read_input_token_cost",
  cache_write: "cache_creation_input_token_cost",
  batch_input: "input_cost_per_token_batches",
  batch_output: "output_cost_per_token_batches",
});

/** A parser's message on one line (V8 quotes the offending text, line breaks included). */
function oneLine(error: unknown): string {
  return (error as Error).message.replace(/\s+/g, " ");
}

/** One entry of the map, as far as the importer reads it. */
export type LiteLLMEntry = Readonly<Record<string, unknown>>;
export type LiteLLMMap = ReadonlyMap<string, LiteLLMEntry>;

/**
 * Reads a LiteLLM price map: a JSON object of model ids to entries with a `litellm_provider` and
 * per-token costs. Entries that are not objects (LiteLLM's `sample_spec` documentation entry is
 * one kind) are ignored. Throws ImportError for text that is not JSON or not of that shape.
 */
export function readLiteLLMMap(text: string, fileLabel: string): LiteLLMMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${fileLabel} is not JSON (${oneLine(error)}); download model_prices_and_context_window.json from the BerriAI/litellm repository.`);
  }
  const shapeHelp = "expected LiteLLM's model_prices_and_context_window.json: an object of model ids, each with a litellm_provider and input_cost_per_token";
  if (parsed == null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ImportError(`${fileLabel} is JSON but not a price map: ${shapeHelp}; got ${Array.isArray(parsed) ? "an array" : parsed === null ? "null" : `a ${typeof parsed}`}.`);
  }
  const entries = new Map<string, LiteLLMEntry>();
  for (const [id, value] of Object.entries(parsed)) {
    if (value == null || typeof value !== "object" || Array.isArray(value) || id === "sample_spec") continue;
    entries.set(id, value as LiteLLMEntry);
  }
  const looksPriced = [...entries.values()].some((entry) => typeof entry.litellm_provider === "string" && typeof entry.input_cost_per_token === "number");
  if (!looksPriced) throw new ImportError(`${fileLabel} is JSON but not a price map: ${shapeHelp}; no entry has both.`);
  return entries;
}

/** data/tracking.json: which of the map's models the catalog follows. */
export interface TrackingRules {
  readonly providers: Readonly<Record<string, { readonly provider: string; readonly include: readonly string[]; readonly exclude: readonly string[] }>>;
}

/** Reads data/tracking.json; throws ImportError if it is not of that shape. */
export function readTrackingRules(text: string, fileLabel: string): TrackingRules {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${fileLabel} is not JSON (${oneLine(error)}).`);
  }
  const providers = (parsed as { providers?: unknown } | null)?.providers;
  if (providers == null || typeof providers !== "object" || Array.isArray(providers)) throw new ImportError(`${fileLabel} must hold an object "providers".`);
  for (const [key, rule] of Object.entries(providers as Record<string, unknown>)) {
    const { provider, include, exclude } = (rule ?? {}) as Record<string, unknown>;
    const isTextList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
    if (typeof provider !== "string" || provider.trim() === "" || !isTextList(include) || !isTextList(exclude)) {
      throw new ImportError(`${fileLabel}: providers.${key} needs a provider name and include and exclude lists of patterns.`);
    }
  }
  return parsed as TrackingRules;
}

/**
 * A tracking pattern as a regular expression: `*` any text, `?` one character, `[...]` a set;
 * case is ignored and the pattern must match the whole id.
 *
 * @example globPattern("gpt-[5-9]*").test("GPT-5.6-luna") // true
 */
export function globPattern(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === "*") source += ".*";
    else if (character === "?") source += ".";
    else if (character === "[") {
      const close = pattern.indexOf("]", index + 1);
      if (close < 0) throw new ImportError(`Tracking pattern '${pattern}' has a [ without a ].`);
      source += `[${pattern.slice(index + 1, close).replace(/[\\^]/g, "\\$&")}]`;
      index = close;
    } else source += character.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

/** Per-million prices of an entry, or why they cannot be read. */
export function entryPrices(entry: LiteLLMEntry): { prices: UsdPerMillionTokensByField } | { problem: string } {
  const prices: Partial<Record<PriceField, number>> = {};
  for (const field of PRICE_FIELDS) {
    const key = LITELLM_COST_KEYS[field];
    const value = entry[key];
    if (value == null) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return { problem: `${key} is ${JSON.stringify(value)}, not a cost of 0 or more` };
    // LiteLLM writes 0 both for "free" and for "unknown"; the catalog never stores 0 for unknown.
    if (value === 0) continue;
    prices[field] = Number((value * 1e6).toPrecision(12));
  }
  return { prices };
}

function samePrices(left: UsdPerMillionTokensByField, right: UsdPerMillionTokensByField): boolean {
  return PRICE_FIELDS.every((field) => left[field] === right[field]);
}

/** A model whose price changed. */
export interface PriceChange {
  readonly model: string;
  readonly before: UsdPerMillionTokensByField | null;
  readonly after: UsdPerMillionTokensByField;
}

/** A model added to the catalog. */
export interface ModelAddition {
  readonly model: string;
  readonly provider: string;
  readonly prices: UsdPerMillionTokensByField;
}

export interface ImportOptions {
  /** The new rows' effective date, YYYY-MM-DD. */
  readonly effectiveFrom: string;
  /** Where the prices come from, for the rows' source column. */
  readonly sourceLabel: string;
  /** Why the rows carry their date, for the source column. */
  readonly dateLabel: string;
  /** Ids to add even though no tracking rule covers them. */
  readonly add: readonly string[];
}

export interface ImportPlan {
  /** The whole catalog after the import: the old rows, unchanged, and the new ones. */
  readonly rows: readonly ModelPriceRow[];
  readonly changes: readonly PriceChange[];
  readonly additions: readonly ModelAddition[];
  /** Models of the map left as they are, with the reason. */
  readonly warnings: readonly string[];
  readonly unchanged: number;
  /** Catalog models the map does not list (retired or renamed); their rows are kept. */
  readonly notInMap: readonly string[];
}

/**
 * Works out what an import changes. Each catalog model the map lists is compared with its row in
 * effect on the import date; a difference becomes a new row dated that day. New models come from
 * the tracking rules and `add`. Throws ImportError for an unusable date or an `add` id that the map
 * lacks, has no tracked provider for, or has no input and output prices for.
 */
export function planImport(rows: readonly ModelPriceRow[], map: LiteLLMMap, tracking: TrackingRules, options: ImportOptions): ImportPlan {
  const importSerial = excelSerialOfIsoDate(options.effectiveFrom);
  if (importSerial == null) throw new ImportError(`--date must be a date written YYYY-MM-DD; got '${options.effectiveFrom}'.`);
  const source = `price: ${options.sourceLabel}; date: ${options.dateLabel}`;
  const byModel = new Map<string, ModelPriceRow[]>();
  for (const row of rows) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row]);
  const catalogIds = new Set([...byModel.keys()].map((model) => model.toLowerCase()));
  const newRows: ModelPriceRow[] = [];
  const changes: PriceChange[] = [];
  const additions: ModelAddition[] = [];
  const warnings: string[] = [];
  const notInMap: string[] = [];
  let unchanged = 0;
  const newRow = (model: string, provider: string, prices: UsdPerMillionTokensByField): ModelPriceRow =>
    Object.freeze({ model, provider, effectiveFrom: options.effectiveFrom, usdPerMillionTokens: prices, source, note: "" });

  for (const [model, modelRows] of byModel) {
    const entry = map.get(model);
    if (entry == null) {
      notInMap.push(model);
      continue;
    }
    const read = entryPrices(entry);
    if ("problem" in read) {
      warnings.push(`${model}: ${read.problem}; its rows are left as they are.`);
      continue;
    }
    const missing = (["input", "output"] as const).filter((field) => read.prices[field] == null);
    if (missing.length > 0) {
      warnings.push(`${model}: the map has no ${missing.join(" or ")} price; its rows are left as they are.`);
      continue;
    }
    const inEffect = modelRows.filter((row) => row.effectiveFrom <= options.effectiveFrom).sort((left, right) => (left.effectiveFrom < right.effectiveFrom ? -1 : 1)).pop();
    if (inEffect != null && samePrices(inEffect.usdPerMillionTokens, read.prices)) {
      unchanged++;
      continue;
    }
    if (inEffect?.effectiveFrom === options.effectiveFrom) {
      warnings.push(`${model}: already has a row from ${options.effectiveFrom} with other prices; it is left as it is (give another --date, or edit the row by hand).`);
      continue;
    }
    newRows.push(newRow(model, modelRows[0].provider, read.prices));
    changes.push({ model, before: inEffect?.usdPerMillionTokens ?? null, after: read.prices });
  }

  const explicit = new Set(options.add);
  for (const id of explicit) {
    if (!map.has(id)) throw new ImportError(`--add ${id}: the map has no model with that id.`);
  }
  const rules = Object.entries(tracking.providers).map(([litellmProvider, rule]) => ({
    litellmProvider,
    provider: rule.provider,
    include: rule.include.map(globPattern),
    exclude: rule.exclude.map(globPattern),
  }));
  for (const [id, entry] of [...map].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))) {
    if (catalogIds.has(id.toLowerCase())) continue;
    const asked = explicit.has(id);
    const rule = rules.find((candidate) => candidate.litellmProvider === entry.litellm_provider);
    if (rule == null) {
      if (asked) throw new ImportError(`--add ${id}: its litellm_provider '${String(entry.litellm_provider)}' has no provider name in data/tracking.json; add it there first.`);
      continue;
    }
    if (!asked) {
      const chatMode = entry.mode === "chat" || entry.mode === "responses";
      if (!chatMode || !rule.include.some((pattern) => pattern.test(id)) || rule.exclude.some((pattern) => pattern.test(id))) continue;
    }
    const read = entryPrices(entry);
    const problem = "problem" in read ? read.problem : read.prices.input == null || read.prices.output == null ? "it has no input and output prices" : undefined;
    if (problem != null) {
      if (asked) throw new ImportError(`--add ${id}: ${problem}.`);
      warnings.push(`${id}: matches the tracking rules but ${problem}; not added.`);
      continue;
    }
    const prices = (read as { prices: UsdPerMillionTokensByField }).prices;
    newRows.push(newRow(id, rule.provider, prices));
    additions.push({ model: id, provider: rule.provider, prices });
  }
  return { rows: [...rows, ...newRows], changes, additions, warnings, unchanged, notInMap };
}

function describePrices(prices: UsdPerMillionTokensByField): string {
  return PRICE_FIELDS.filter((field) => prices[field] != null)
    .map((field) => `${field} ${prices[field]}`)
    .join(", ");
}

function describeChange(change: PriceChange): string {
  if (change.before == null) return `${change.model}: ${describePrices(change.after)} (no earlier row in effect)`;
  const before = change.before;
  const differences = PRICE_FIELDS.filter((field) => before[field] !== change.after[field]).map(
    (field) => `${field} ${before[field] ?? "(none)"} -> ${change.after[field] ?? "(none)"}`,
  );
  return `${change.model}: ${differences.join(", ")}`;
}

/** What an import did, for the terminal. */
export function formatImportReport(plan: ImportPlan, effectiveFrom: string): string {
  const lines: string[] = [];
  if (plan.changes.length > 0) {
    lines.push(`Changed prices (new rows from ${effectiveFrom}):`, ...plan.changes.map((change) => `  ${describeChange(change)}`));
  }
  if (plan.additions.length > 0) {
    lines.push(`New models (rows from ${effectiveFrom}):`, ...plan.additions.map((addition) => `  ${addition.model} (${addition.provider}): ${describePrices(addition.prices)}`));
  }
  if (plan.warnings.length > 0) lines.push("Left as they are:", ...plan.warnings.map((warning) => `  ${warning}`));
  if (plan.notInMap.length > 0) lines.push(`${plan.notInMap.length} catalog models are not in the map (retired or renamed); their rows are kept.`);
  lines.push(`${plan.unchanged} models unchanged.`);
  return lines.join("\n");
}

/** The file functions an atomic write needs (node:fs by default; tests pass failing ones). */
export interface WriteFileSystem {
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
}

/**
 * Writes a file by writing a temporary file beside it and renaming it over the original, so a
 * failure leaves the original as it was and no partial file behind.
 */
export function writeFileAtomically(path: string, text: string, fileSystem: WriteFileSystem, uniqueSuffix: string): void {
  const temporaryPath = `${path}.${uniqueSuffix}.tmp`;
  try {
    fileSystem.writeFileSync(temporaryPath, text);
    fileSystem.renameSync(temporaryPath, path);
  } catch (error) {
    fileSystem.rmSync(temporaryPath, { force: true });
    throw error;
  }
}
