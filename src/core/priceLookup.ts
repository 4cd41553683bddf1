import { blendedPrice } from "./blend";
import { describeCell, isBlankCell, type CellValue } from "./cells";
import { malformed, notFound, outOfRange } from "./errors";
import { excelDay, excelSerialOfIsoDate, isoDateOfExcelSerial } from "./excelDate";
import { comparePriceRows, PRICE_FIELDS, type ModelPriceRow, type PriceField } from "./priceCatalog";

/*
 * Looking prices up: in the bundled catalog or in a workbook's own prices table, which share one
 * form (a PriceTable), so MODEL_PRICE(model, [price_type], [as_of_date], [price_table]) and
 * MODELS([provider], [as_of_date]) are thin wrappers over modelPrice and listModels.
 */

/** What MODEL_PRICE can return: a price field of a row, or the 3:1 blend of input and output. */
export type PriceType = PriceField | "blended";

export const PRICE_TYPES: readonly PriceType[] = Object.freeze([...PRICE_FIELDS, "blended"]);

/** The price type used when `price_type` is omitted. */
export const DEFAULT_PRICE_TYPE: PriceType = "input";

/**
 * LiteLLM's routing prefixes that name a provider's own API, with the provider they stand for.
 * `openai/gpt-4o` finds the OpenAI row `gpt-4o`; `gpt-4o` alone also finds `gemini/...`-style
 * ids by their part after the prefix when only one model has it. Other prefixes (azure/,
 * vertex_ai/, openrouter/...) are hosts with prices of their own and are not stripped.
 */
export const MODEL_ID_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  openai: "OpenAI",
  anthropic: "Anthropic",
  gemini: "Google",
  mistral: "Mistral",
  deepseek: "DeepSeek",
  xai: "xAI",
  cohere: "Cohere",
  cohere_chat: "Cohere",
  together_ai: "Together AI",
  groq: "Groq",
  fireworks_ai: "Fireworks AI",
  bedrock: "Amazon Bedrock",
  bedrock_converse: "Amazon Bedrock",
});

const fireworksModelPath = "accounts/fireworks/models/";

/** A row with its date as an Excel serial. */
export interface DatedPriceRow extends ModelPriceRow {
  readonly effectiveFromSerial: number;
}

/** All rows of one model, oldest first. */
export interface ModelPriceHistory {
  readonly model: string;
  readonly provider: string;
  readonly rows: readonly DatedPriceRow[];
}

/** Price rows indexed for lookups. */
export interface PriceTable {
  /** How messages name the table: "the catalog", "the price table". */
  readonly description: string;
  /** Every model, in the catalog's order (provider, then model). */
  readonly models: readonly ModelPriceHistory[];
  readonly byId: ReadonlyMap<string, ModelPriceHistory>;
  readonly byBareId: ReadonlyMap<string, readonly ModelPriceHistory[]>;
}

/**
 * A model id without a recognised provider prefix, lower-cased: `gemini/gemini-2.5-pro` ->
 * `gemini-2.5-pro`, `fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-basic` ->
 * `llama4-scout-instruct-basic`; ids without one are only lower-cased.
 *
 * @example bareModelId("openai/GPT-4o") // "gpt-4o"
 */
export function bareModelId(modelId: string): string {
  const lower = modelId.trim().toLowerCase();
  const slash = lower.indexOf("/");
  if (slash < 0 || !Object.hasOwn(MODEL_ID_PREFIXES, lower.slice(0, slash))) return lower;
  const rest = lower.slice(slash + 1);
  return rest.startsWith(fireworksModelPath) ? rest.slice(fireworksModelPath.length) : rest;
}

function normalizeProvider(provider: string): string {
  return provider.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Whether a row's provider is the one asked for: the same name ignoring case and spacing, or a name
 * whose first words are it ("amazon" matches "Amazon Bedrock", "together" matches "Together AI").
 */
export function providerMatches(rowProvider: string, wanted: string): boolean {
  const have = normalizeProvider(rowProvider);
  const want = normalizeProvider(wanted);
  return want !== "" && (have === want || have.startsWith(`${want} `));
}

/**
 * Indexes rows for lookups. A model id (ignoring case) must belong to one provider and have at most
 * one row per date; `rowLabel` names a row in the error otherwise.
 */
export function createPriceTable(
  rows: readonly ModelPriceRow[],
  description: string,
  rowLabel: (index: number) => string = (index) => `row ${index + 1}`,
): PriceTable {
  const grouped = new Map<string, { model: string; provider: string; rows: DatedPriceRow[] }>();
  rows.forEach((row, index) => {
    const effectiveFromSerial = excelSerialOfIsoDate(row.effectiveFrom);
    if (effectiveFromSerial == null) throw malformed(`${rowLabel(index)} (${row.model}): the date '${row.effectiveFrom}' is not a date.`);
    const key = row.model.toLowerCase();
    const group = grouped.get(key) ?? { model: row.model, provider: row.provider, rows: [] };
    if (row.provider !== "" && group.provider !== "" && normalizeProvider(row.provider) !== normalizeProvider(group.provider)) {
      const otherId = `${row.provider.trim().toLowerCase().replace(/\s+/g, "_")}/${bareModelId(row.model)}`;
      throw malformed(`${rowLabel(index)}: ${row.model} is listed under two providers (${group.provider}, ${row.provider}); a model id belongs to one provider: give the other its own id, such as ${otherId}.`);
    }
    if (group.provider === "") group.provider = row.provider;
    if (group.rows.some((other) => other.effectiveFromSerial === effectiveFromSerial)) {
      throw malformed(`${rowLabel(index)}: ${row.model} has two rows effective from ${row.effectiveFrom}.`);
    }
    group.rows.push(Object.freeze({ ...row, effectiveFromSerial }));
    grouped.set(key, group);
  });
  const models = [...grouped.values()]
    .map((group) =>
      Object.freeze({
        model: group.model,
        provider: group.provider,
        rows: Object.freeze(group.rows.sort((left, right) => left.effectiveFromSerial - right.effectiveFromSerial)),
      }),
    )
    .sort((left, right) => comparePriceRows(left.rows[0], right.rows[0]));
  const byBareId = new Map<string, ModelPriceHistory[]>();
  for (const history of models) {
    const bare = bareModelId(history.model);
    byBareId.set(bare, [...(byBareId.get(bare) ?? []), history]);
  }
  return Object.freeze({
    description,
    models: Object.freeze(models),
    byId: new Map(models.map((history) => [history.model.toLowerCase(), history])),
    byBareId,
  });
}

/**
 * Reads a `price_type` argument: one of {@link PRICE_TYPES}, ignoring case, spaces and hyphens
 * ("Cached input" is cached_input); empty or omitted is input.
 *
 * @example parsePriceType("Batch-Output") // "batch_output"
 */
export function parsePriceType(text: string | null | undefined): PriceType {
  if (text == null || text.trim() === "") return DEFAULT_PRICE_TYPE;
  const normalized = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const found = PRICE_TYPES.find((type) => type === normalized);
  if (found == null) throw malformed(`unknown price_type '${text}'; use ${PRICE_TYPES.slice(0, -1).join(", ")} or blended.`);
  return found;
}

/* Optimal string alignment distance: edits, with a swap of neighbours counted as one. */
function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(distance[row - 1][column] + 1, distance[row][column - 1] + 1, distance[row - 1][column - 1] + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        best = Math.min(best, distance[row - 2][column - 2] + 1);
      }
      distance[row][column] = best;
    }
  }
  return distance[rows - 1][columns - 1];
}

function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Model ids close to a mistyped one, best first: the same letters and digits (`gpt4o` ->
 * `gpt-4o`), then ids that start with them (`gpt-4o-mini`) or are one edit away, then ids they
 * start with (`gpt-4o` for `gpt-4o-mnii`), then ids a few edits away.
 *
 * @example suggestModelIds(catalog, "gpt4o") // ["gpt-4o", "gpt-4o-mini"]
 */
export function suggestModelIds(table: PriceTable, query: string, limit = 2): string[] {
  const wantedBare = bareModelId(query);
  const wantedLetters = lettersAndDigits(wantedBare);
  const threshold = Math.max(2, Math.floor(wantedBare.length / 4));
  const scored: { model: string; rank: number; distance: number }[] = [];
  for (const history of table.models) {
    const forms = [history.model.toLowerCase(), bareModelId(history.model)];
    const distance = Math.min(...forms.map((form) => editDistance(form, wantedBare)));
    const letters = forms.map(lettersAndDigits);
    let rank: number | undefined;
    if (wantedLetters !== "" && letters.includes(wantedLetters)) rank = 0;
    else if ((wantedLetters.length >= 3 && letters.some((form) => form.startsWith(wantedLetters))) || distance <= 1) rank = 1;
    else if (letters.some((form) => form.length >= 4 && wantedLetters.startsWith(form))) rank = 2;
    else if (distance <= threshold) rank = 3;
    if (rank != null) scored.push({ model: history.model, rank, distance });
  }
  return scored
    .sort((left, right) => left.rank - right.rank || left.distance - right.distance || left.model.length - right.model.length || (left.model < right.model ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.model);
}

/**
 * Finds a model by id, ignoring case; `provider/model` with a prefix of {@link MODEL_ID_PREFIXES}
 * finds that provider's model; an id without its prefix finds the one model that has it. Throws
 * notFound with suggestions for an unknown id, or naming the choices for an ambiguous one.
 *
 * @example findModel(catalog, "OpenAI/GPT-4o").model // "gpt-4o"
 */
export function findModel(table: PriceTable, query: string): ModelPriceHistory {
  const wanted = query.trim();
  if (wanted === "") throw malformed("model is empty; give a model id such as gpt-4o.");
  const lower = wanted.toLowerCase();
  const exact = table.byId.get(lower);
  if (exact != null) return exact;
  const slash = lower.indexOf("/");
  const prefixProvider = slash > 0 && Object.hasOwn(MODEL_ID_PREFIXES, lower.slice(0, slash)) ? MODEL_ID_PREFIXES[lower.slice(0, slash)] : undefined;
  const sameBare = table.byBareId.get(bareModelId(lower)) ?? [];
  const candidates = prefixProvider == null ? sameBare : sameBare.filter((history) => providerMatches(history.provider, prefixProvider));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw notFound(`model '${wanted}' is ambiguous in ${table.description}: ${candidates.map((history) => history.model).join(", ")}; give the full id.`);
  }
  const suggestions = suggestModelIds(table, wanted);
  throw notFound(
    suggestions.length > 0
      ? `unknown model '${wanted}'; did you mean ${suggestions.join(", ")}?`
      : `unknown model '${wanted}'; ${table.description} has no model with a similar id.`,
  );
}

/**
 * The row in effect on a day: the newest whose effective date is not after it; the newest row when
 * `asOfDay` is null. Throws notFound for a day before the model's first price.
 */
export function priceRowInEffect(table: PriceTable, history: ModelPriceHistory, asOfDay: number | null): DatedPriceRow {
  const { rows } = history;
  if (asOfDay == null) return rows[rows.length - 1];
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle].effectiveFromSerial <= asOfDay) low = middle + 1;
    else high = middle;
  }
  if (low === 0) {
    throw notFound(`no price for ${history.model} on ${isoDateOfExcelSerial(asOfDay)}: its first price in ${table.description} is from ${rows[0].effectiveFrom}.`);
  }
  return rows[low - 1];
}

/** A price looked up, with the row it comes from (for its date and source). */
export interface ModelPriceQuote {
  readonly usdPerMillionTokens: number;
  readonly priceType: PriceType;
  readonly row: DatedPriceRow;
}

/**
 * A model's price of one type in effect on a date: the newest row with effective_from on or before
 * `asOfSerial` (an Excel date; null for the newest row). `blended` is (3 × input + output) / 4. A
 * price the row leaves empty is notFound, never 0.
 *
 * @example modelPrice(catalog, "o3", "input", 45800).usdPerMillionTokens // 10 (2025-05-23; $2 from 2025-06-10)
 */
export function modelPrice(table: PriceTable, model: string, priceType: PriceType = DEFAULT_PRICE_TYPE, asOfSerial: number | null = null): ModelPriceQuote {
  const asOfDay = asOfSerial == null ? null : excelDay(asOfSerial, "as_of_date");
  const history = findModel(table, model);
  const row = priceRowInEffect(table, history, asOfDay);
  const prices = row.usdPerMillionTokens;
  const when = asOfDay == null ? "its newest row" : isoDateOfExcelSerial(asOfDay);
  const missing = (field: PriceField) =>
    notFound(
      `${history.model} has no ${priceType} price in ${table.description} for ${when}: ` +
        `${priceType === "blended" ? "it needs input and output, and " : ""}the row from ${row.effectiveFrom} leaves ${field} empty (not charged or not published).`,
    );
  if (priceType === "blended") {
    if (prices.input == null) throw missing("input");
    if (prices.output == null) throw missing("output");
    return Object.freeze({ usdPerMillionTokens: blendedPrice(prices.input, prices.output), priceType, row });
  }
  const price = prices[priceType];
  if (price == null) throw missing(priceType);
  return Object.freeze({ usdPerMillionTokens: price, priceType, row });
}

/** The header of MODELS' listing: the prices table's columns, so a listing can be pasted as one. */
export const MODEL_LIST_HEADER: readonly string[] = Object.freeze([
  "Model",
  "Provider",
  "Effective from",
  "Input",
  "Output",
  "Cached input",
  "Source",
  "Cache write",
  "Batch input",
  "Batch output",
  "Note",
]);

/** A cell of a listing: text, a number (prices, Excel dates), or null where a price is not published. */
export type ModelListCell = string | number | null;

/**
 * The models in effect on a date (null: their newest rows), optionally of one provider (see
 * {@link providerMatches}), as rows under {@link MODEL_LIST_HEADER}; dates are Excel serials and
 * prices not published are null.
 *
 * @example listModels(catalog, "anthropic", null)[1][0] // "claude-3-5-haiku-20241022"
 */
export function listModels(table: PriceTable, provider: string | null, asOfSerial: number | null): ModelListCell[][] {
  const asOfDay = asOfSerial == null ? null : excelDay(asOfSerial, "as_of_date");
  const wanted = provider == null || provider.trim() === "" ? null : provider;
  const histories = wanted == null ? table.models : table.models.filter((history) => providerMatches(history.provider, wanted));
  if (histories.length === 0) {
    const providers = [...new Set(table.models.map((history) => history.provider).filter((name) => name !== ""))];
    throw notFound(`no models from provider '${wanted}' in ${table.description}; its providers are ${providers.join(", ")}.`);
  }
  const listed: ModelListCell[][] = [];
  for (const history of histories) {
    if (asOfDay != null && history.rows[0].effectiveFromSerial > asOfDay) continue;
    const row = priceRowInEffect(table, history, asOfDay);
    const price = (field: PriceField) => row.usdPerMillionTokens[field] ?? null;
    listed.push([
      history.model,
      history.provider,
      row.effectiveFromSerial,
      price("input"),
      price("output"),
      price("cached_input"),
      row.source,
      price("cache_write"),
      price("batch_input"),
      price("batch_output"),
      row.note,
    ]);
  }
  if (listed.length === 0) {
    const first = Math.min(...histories.map((history) => history.rows[0].effectiveFromSerial));
    throw notFound(
      `no prices${wanted == null ? "" : ` from provider '${wanted}'`} in ${table.description} on or before ${isoDateOfExcelSerial(asOfDay as number)}; the first is from ${isoDateOfExcelSerial(first)}.`,
    );
  }
  return [[...MODEL_LIST_HEADER], ...listed];
}

/**
 * The catalog date: the newest effective date of any row, as an Excel serial.
 *
 * @example isoDateOfExcelSerial(catalogDateSerial(catalog)) // "2026-09-01"
 */
export function catalogDateSerial(table: PriceTable): number {
  let newest = -Infinity;
  for (const history of table.models) newest = Math.max(newest, history.rows[history.rows.length - 1].effectiveFromSerial);
  if (newest === -Infinity) throw notFound(`${table.description} has no prices.`);
  return newest;
}

/* ---- a workbook's prices table, as a range ---------------------------------------------------- */

type TableColumn = "model" | "provider" | "effective_from" | PriceField | "source" | "note";

/** The prices table's columns in their order: the first seven are the table's, the others optional. */
const TABLE_COLUMNS: readonly { readonly column: TableColumn; readonly header: string }[] = [
  { column: "model", header: "Model" },
  { column: "provider", header: "Provider" },
  { column: "effective_from", header: "Effective from" },
  { column: "input", header: "Input" },
  { column: "output", header: "Output" },
  { column: "cached_input", header: "Cached input" },
  { column: "source", header: "Source" },
  { column: "cache_write", header: "Cache write" },
  { column: "batch_input", header: "Batch input" },
  { column: "batch_output", header: "Batch output" },
  { column: "note", header: "Note" },
];

function headerKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

/**
 * Reads a workbook's prices table given as a range: columns Model, Provider, Effective from, Input,
 * Output, Cached input, Source, then optionally Cache write, Batch input, Batch output, Note. With a
 * header row (its first cell "Model") columns are found by their headers and others are ignored;
 * without one they are read in that order. Dates are Excel serials (or `YYYY-MM-DD` text), prices
 * USD per million tokens, 0 or more, an empty cell meaning not charged or not published. Empty rows
 * are skipped. A bad cell is malformed (a negative price outOfRange), naming its row.
 *
 * @example modelPrice(priceTableFromCells([["Model", "Provider", "Effective from", "Input", "Output", "Cached input", "Source"], ["our-llm", "Us", 45658, 1, 2, null, "contract"]]), "our-llm").usdPerMillionTokens // 1
 */
export function priceTableFromCells(cells: readonly (readonly CellValue[])[], description = "the price table"): PriceTable {
  if (cells.length === 0) throw malformed("price_table is empty; give the prices table, such as AICOST_PRICES.");
  const first = cells[0][0];
  const hasHeader = typeof first === "string" && headerKey(first) === "model";
  const columnIndex = new Map<TableColumn, number>();
  if (hasHeader) {
    cells[0].forEach((cell, index) => {
      if (typeof cell !== "string") return;
      const known = TABLE_COLUMNS.find((entry) => headerKey(entry.header) === headerKey(cell));
      if (known == null) return;
      if (columnIndex.has(known.column)) throw malformed(`price_table has two '${known.header}' columns.`);
      columnIndex.set(known.column, index);
    });
    for (const required of ["effective_from", "input"] as const) {
      if (!columnIndex.has(required)) {
        throw malformed(`price_table's header has no '${TABLE_COLUMNS.find((entry) => entry.column === required)?.header}' column; its columns are Model, Provider, Effective from, Input, Output, Cached input, Source.`);
      }
    }
  } else {
    TABLE_COLUMNS.forEach((entry, index) => columnIndex.set(entry.column, index));
  }
  const rows: ModelPriceRow[] = [];
  const rowNumbers: number[] = [];
  cells.forEach((cellRow, rowIndex) => {
    if (hasHeader && rowIndex === 0) return;
    const cell = (column: TableColumn): CellValue => {
      const index = columnIndex.get(column);
      return index == null ? null : cellRow[index];
    };
    const used = [...columnIndex.values()];
    if (used.every((index) => isBlankCell(cellRow[index]))) return;
    const rowNumber = rowIndex + 1;
    const modelCell = cell("model");
    if (isBlankCell(modelCell)) throw malformed(`price_table row ${rowNumber}: Model is empty; every row needs a model id.`);
    if (typeof modelCell !== "string" && typeof modelCell !== "number") throw malformed(`price_table row ${rowNumber}: Model must be text; got ${describeCell(modelCell)}.`);
    const model = String(modelCell).trim();
    const where = `price_table row ${rowNumber} (${model})`;
    const text = (column: TableColumn): string => {
      const value = cell(column);
      if (isBlankCell(value)) return "";
      if (typeof value === "boolean") throw malformed(`${where}: ${column} must be text; got ${value}.`);
      return String(value).trim();
    };
    const dateCell = cell("effective_from");
    let effectiveFromSerial: number | undefined;
    if (isBlankCell(dateCell)) {
      throw malformed(`${where}: Effective from is empty; every price needs the date it took effect.`);
    } else if (typeof dateCell === "number") {
      effectiveFromSerial = excelDay(dateCell, `${where}: Effective from`);
    } else if (typeof dateCell === "string") {
      effectiveFromSerial = excelSerialOfIsoDate(dateCell.trim());
      if (effectiveFromSerial == null) throw malformed(`${where}: Effective from must be a date; got ${describeCell(dateCell)}.`);
    } else {
      throw malformed(`${where}: Effective from must be a date; got ${describeCell(dateCell)}.`);
    }
    const prices: Partial<Record<PriceField, number>> = {};
    for (const field of PRICE_FIELDS) {
      const value = cell(field);
      if (isBlankCell(value)) continue;
      const header = TABLE_COLUMNS.find((entry) => entry.column === field)?.header;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw malformed(`${where}: ${header} must be a number (USD per million tokens) or empty; got ${describeCell(value)}.`);
      }
      if (value < 0) throw outOfRange(`${where}: ${header} must be 0 or more; got ${value}.`);
      prices[field] = value;
    }
    rows.push({
      model,
      provider: text("provider"),
      effectiveFrom: isoDateOfExcelSerial(effectiveFromSerial),
      usdPerMillionTokens: prices,
      source: text("source"),
      note: text("note"),
    });
    rowNumbers.push(rowNumber);
  });
  if (rows.length === 0) throw malformed("price_table has no rows with prices.");
  return createPriceTable(rows, description, (index) => `price_table row ${rowNumbers[index]}`);
}
