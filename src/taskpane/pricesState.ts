/**
 * The Prices view's logic, pure (issue 10): searching the catalog, describing a price with its
 * date and source, the formula Insert writes, and the catalog rows newer than the workbook's.
 * The view (pricesView.ts) renders these and calls the port.
 */
import { isoDateOfExcelSerial } from "../core/excelDate";
import { PRICE_FIELDS, type ModelPriceRow, type PriceField } from "../core/priceCatalog";
import { bareModelId, modelPrice, type ModelPriceHistory, type PriceTable, type PriceType } from "../core/priceLookup";
import type { PriceSheetRow } from "../sheet/port";
import { PRICES_DEFINED_NAME } from "../sheet/pricesLayout";
import { formatUsd } from "./state";

/** How many models a search shows at most. */
export const MAX_SEARCH_RESULTS = 25;

/** Labels of the price types, in MODEL_PRICE's order. */
export const PRICE_TYPE_LABELS: Readonly<Record<PriceType, string>> = {
  input: "Input",
  output: "Output",
  cached_input: "Cached input",
  cache_write: "Cache write",
  batch_input: "Batch input",
  batch_output: "Batch output",
  blended: "Blended 3:1",
};

/**
 * The models whose id or provider matches every word of `query` (case aside): exact ids first,
 * then ids that start with the query, then the rest in catalog order; at most `limit`.
 *
 * @example searchCatalog(catalog, "haiku anthropic").map((history) => history.model) // ["claude-3-5-haiku-20241022", ...]
 */
export function searchCatalog(table: PriceTable, query: string, limit = MAX_SEARCH_RESULTS): ModelPriceHistory[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return [];
  const whole = query.trim().toLowerCase();
  const scored: { history: ModelPriceHistory; rank: number; index: number }[] = [];
  table.models.forEach((history, index) => {
    const id = history.model.toLowerCase();
    const haystack = `${id} ${history.provider.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const bare = bareModelId(id);
    const rank = id === whole || bare === whole ? 0 : id.startsWith(whole) || bare.startsWith(whole) ? 1 : 2;
    scored.push({ history, rank, index });
  });
  return scored
    .sort((left, right) => left.rank - right.rank || left.index - right.index)
    .slice(0, limit)
    .map((entry) => entry.history);
}

const FIELD_LABELS: Readonly<Record<PriceField, string>> = {
  input: "input",
  output: "output",
  cached_input: "cached input",
  cache_write: "cache write",
  batch_input: "batch input",
  batch_output: "batch output",
};

/**
 * A row's prices in words: "input $2.00 · output $8.00 · cached input $0.50 per million tokens".
 *
 * @example pricesText({ input: 2, output: 8 }) // "input $2.00 · output $8.00 per million tokens"
 */
export function pricesText(prices: ModelPriceRow["usdPerMillionTokens"]): string {
  const parts = PRICE_FIELDS.flatMap((field) => {
    const usd = prices[field];
    return usd == null ? [] : [`${FIELD_LABELS[field]} ${formatUsd(usd)}`];
  });
  return parts.length === 0 ? "no prices" : `${parts.join(" · ")} per million tokens`;
}

/** A row's date and source in words: "from 2025-06-10; price: LiteLLM map ...". */
export function provenanceText(row: Pick<ModelPriceRow, "effectiveFrom" | "source">): string {
  return `from ${row.effectiveFrom}${row.source === "" ? "" : `; ${row.source}`}`;
}

/** Text as a formula's string literal: quoted, with any quote doubled. */
function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The formula Insert writes: MODEL_PRICE reading only the workbook's prices table.
 *
 * @example modelPriceFormula("o3", "input") // '=AICOST.MODEL_PRICE("o3","input",,AICOST_PRICES)'
 */
export function modelPriceFormula(model: string, priceType: PriceType): string {
  return `=AICOST.MODEL_PRICE(${stringLiteral(model)},${stringLiteral(priceType)},,${PRICES_DEFINED_NAME})`;
}

/** The catalog's newest price of a type for a model, or the reason there is none (never 0). */
export function catalogPrice(table: PriceTable, model: string, priceType: PriceType): { ok: true; usd: number } | { ok: false; message: string } {
  try {
    return { ok: true, usd: modelPrice(table, model, priceType).usdPerMillionTokens };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A model of the workbook's table whose catalog history has rows after the table's newest. */
export interface NewerPrices {
  readonly model: string;
  /** The table's newest row for the model. */
  readonly newestInWorkbook: PriceSheetRow;
  /** The catalog's rows dated after it, oldest first: each a new row to add, none replacing one. */
  readonly newer: readonly ModelPriceRow[];
}

/**
 * Compares the workbook's table with the catalog: for each model of the table the catalog knows
 * (by id, case aside), the catalog rows dated after the table's newest row for it. Rows the user
 * typed for models the catalog does not have (private models) are left out, and nothing in the
 * table is judged wrong: a negotiated price may differ from the list price.
 */
export function newerCatalogPrices(table: PriceTable, rows: readonly PriceSheetRow[]): NewerPrices[] {
  const newest = new Map<string, PriceSheetRow>();
  for (const row of rows) {
    if (row.model === "" || row.effectiveFromSerial === null) continue;
    const key = row.model.toLowerCase();
    const current = newest.get(key);
    if (current === undefined || (current.effectiveFromSerial ?? 0) < row.effectiveFromSerial) newest.set(key, row);
  }
  const offers: NewerPrices[] = [];
  for (const [key, row] of newest) {
    const history = table.byId.get(key);
    if (history === undefined) continue;
    const newer = history.rows.filter((catalogRow) => catalogRow.effectiveFromSerial > (row.effectiveFromSerial as number)).map(plainRow);
    if (newer.length > 0) offers.push({ model: history.model, newestInWorkbook: row, newer });
  }
  return offers;
}

/** A catalog row as the port writes it (without the lookup's index fields). */
export function plainRow(row: ModelPriceRow): ModelPriceRow {
  return { model: row.model, provider: row.provider, effectiveFrom: row.effectiveFrom, usdPerMillionTokens: row.usdPerMillionTokens, source: row.source, note: row.note };
}

/** The catalog's newest date, as the view states how old the prices are. */
export function catalogDateText(serial: number): string {
  return isoDateOfExcelSerial(serial);
}
