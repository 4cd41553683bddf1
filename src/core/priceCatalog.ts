import { formatCsv, parseCsv } from "./csv";
import { malformed } from "./errors";
import { excelSerialOfIsoDate } from "./excelDate";

/*
 * The price catalog's rows and its file format (data/prices.csv). A row is one model's list prices
 * from a date on; a price change is a new row, so the file is a dated history. The format is
 * canonical (fixed column order, rows sorted, numbers in their shortest form) so that the
 * importer's rewrites change only the rows that changed.
 */

/** The price types a row may carry, in the file's column order; USD per million tokens. */
export const PRICE_FIELDS = ["input", "output", "cached_input", "cache_write", "batch_input", "batch_output"] as const;

export type PriceField = (typeof PRICE_FIELDS)[number];

/** Prices of one row, USD per million tokens; a missing field is not charged or not published. */
export type UsdPerMillionTokensByField = Readonly<Partial<Record<PriceField, number>>>;

/** One dated row of the catalog. */
export interface ModelPriceRow {
  /** The model's id, as in LiteLLM's price map (e.g. `gpt-4o`, `gemini/gemini-2.5-pro`). */
  readonly model: string;
  /** Who bills for it: the model's maker, or the host (Together AI, Groq, Amazon Bedrock...). */
  readonly provider: string;
  /** The first day these prices apply, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly usdPerMillionTokens: UsdPerMillionTokensByField;
  /** Where the prices and the date come from. */
  readonly source: string;
  /** Anything a reader should know about the row; may be empty. */
  readonly note: string;
}

/** The catalog file's header row. */
export const CATALOG_COLUMNS: readonly string[] = Object.freeze(["model", "provider", "effective_from", ...PRICE_FIELDS, "source", "note"]);

const decimalPattern = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number in its shortest exact form, as the catalog writes it: `2.5`, `0.0375`, `15`.
 *
 * @example formatUsd(2.1875e-6 * 1e6) // "2.1875"
 */
export function formatUsd(usdPerMillionTokens: number): string {
  return String(usdPerMillionTokens);
}

/**
 * The canonical order of catalog rows: by provider, then model, then date (each ignoring case
 * first, so the order does not depend on the machine's locale).
 */
export function comparePriceRows(left: ModelPriceRow, right: ModelPriceRow): number {
  return (
    compareText(left.provider.toLowerCase(), right.provider.toLowerCase()) ||
    compareText(left.model.toLowerCase(), right.model.toLowerCase()) ||
    compareText(left.model, right.model) ||
    compareText(left.effectiveFrom, right.effectiveFrom)
  );
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Checks a list of rows as a catalog: every row has a model, a provider, a real date, input and
 * output prices above 0, other prices above 0 or absent (never 0 for "unknown"), and a source; a
 * model belongs to one provider; no model has two rows with the same date. Throws a malformed
 * error naming the first offending row. `rowLabel` says how to name a row in messages.
 */
export function validateCatalogRows(rows: readonly ModelPriceRow[], rowLabel: (index: number) => string = (index) => `row ${index + 1}`): void {
  const providerOf = new Map<string, string>();
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const where = `${rowLabel(index)} (${row.model || "no model"})`;
    if (row.model.trim() === "" || row.model !== row.model.trim()) throw malformed(`${where}: the model id must be non-empty text without surrounding spaces.`);
    if (row.provider.trim() === "") throw malformed(`${where}: the provider is empty.`);
    if (excelSerialOfIsoDate(row.effectiveFrom) == null) throw malformed(`${where}: effective_from must be a date written YYYY-MM-DD; got '${row.effectiveFrom}'.`);
    for (const field of PRICE_FIELDS) {
      const price = row.usdPerMillionTokens[field];
      if (price == null) {
        if (field === "input" || field === "output") throw malformed(`${where}: every row needs an ${field} price.`);
        continue;
      }
      if (!(price > 0) || !Number.isFinite(price)) {
        throw malformed(`${where}: ${field} must be a price above 0, or empty when not charged or not published; got ${price}.`);
      }
    }
    if (row.source.trim() === "") throw malformed(`${where}: every row needs a source for its prices and date.`);
    const key = row.model.toLowerCase();
    const provider = providerOf.get(key);
    if (provider != null && provider !== row.provider) throw malformed(`${where}: the model is also listed under ${provider}; a model id belongs to one provider.`);
    providerOf.set(key, row.provider);
    const dated = `${key}\u0000${row.effectiveFrom}`;
    if (seen.has(dated)) throw malformed(`${where}: a second row effective from ${row.effectiveFrom}.`);
    seen.add(dated);
  });
}

/**
 * Reads and checks the catalog file. The header must be exactly {@link CATALOG_COLUMNS}; errors
 * name the line.
 *
 * @example parsePriceCatalogCsv(text)[0].usdPerMillionTokens.input // 0.3
 */
export function parsePriceCatalogCsv(text: string): ModelPriceRow[] {
  const [header, ...records] = parseCsv(text);
  if (header == null || header.join(",") !== CATALOG_COLUMNS.join(",")) {
    throw malformed(`The catalog's first line must be the header ${CATALOG_COLUMNS.join(",")}; got ${header == null ? "an empty file" : header.join(",")}.`);
  }
  const rows = records.map((fields, index) => {
    const line = index + 2;
    if (fields.length !== CATALOG_COLUMNS.length) {
      throw malformed(`Catalog line ${line}: expected ${CATALOG_COLUMNS.length} fields, got ${fields.length}.`);
    }
    const [model, provider, effectiveFrom, ...rest] = fields;
    const priceTexts = rest.slice(0, PRICE_FIELDS.length);
    const prices: Partial<Record<PriceField, number>> = {};
    PRICE_FIELDS.forEach((field, fieldIndex) => {
      const priceText = priceTexts[fieldIndex];
      if (priceText === "") return;
      if (!decimalPattern.test(priceText)) throw malformed(`Catalog line ${line}: ${field} must be a number or empty; got '${priceText}'.`);
      prices[field] = Number(priceText);
    });
    return Object.freeze({
      model,
      provider,
      effectiveFrom,
      usdPerMillionTokens: Object.freeze(prices),
      source: rest[PRICE_FIELDS.length],
      note: rest[PRICE_FIELDS.length + 1],
    });
  });
  validateCatalogRows(rows, (index) => `Catalog line ${index + 2}`);
  return rows;
}

/**
 * Writes rows as the catalog file, in canonical order and number format, after checking them.
 *
 * @example formatPriceCatalogCsv(parsePriceCatalogCsv(text)) === text // for a canonical file
 */
export function formatPriceCatalogCsv(rows: readonly ModelPriceRow[]): string {
  validateCatalogRows(rows);
  const sorted = [...rows].sort(comparePriceRows);
  return formatCsv([
    CATALOG_COLUMNS,
    ...sorted.map((row) => [
      row.model,
      row.provider,
      row.effectiveFrom,
      ...PRICE_FIELDS.map((field) => {
        const price = row.usdPerMillionTokens[field];
        return price == null ? "" : formatUsd(price);
      }),
      row.source,
      row.note,
    ]),
  ]);
}
