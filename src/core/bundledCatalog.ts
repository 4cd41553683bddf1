import catalogCsv from "../../data/prices.csv";
import seriesFile from "../../data/series.json";
import { parsePriceCatalogCsv, type ModelPriceRow } from "./priceCatalog";
import { createPriceTable, type PriceTable } from "./priceLookup";
import { validatePriceSeries, type PriceSeries } from "./priceSeries";

/*
 * The catalog and series compiled into the bundle: data/prices.csv comes in as text (webpack's
 * asset/source rule, a Jest transform, a Node loader for tsx) and is parsed on first use, so
 * nothing is read from disk or the network at run time.
 */

let rows: readonly ModelPriceRow[] | undefined;
let table: PriceTable | undefined;

/** The catalog's rows, parsed and checked on first use. */
export function bundledCatalogRows(): readonly ModelPriceRow[] {
  rows ??= Object.freeze(parsePriceCatalogCsv(catalogCsv));
  return rows;
}

/**
 * The bundled catalog, indexed for {@link modelPrice} and {@link listModels}.
 *
 * @example modelPrice(bundledPriceCatalog(), "gpt-4-0314", "blended").usdPerMillionTokens // 37.5
 */
export function bundledPriceCatalog(): PriceTable {
  table ??= createPriceTable(bundledCatalogRows(), "the catalog", (index) => `catalog row ${index + 1}`);
  return table;
}

let series: readonly PriceSeries[] | undefined;

/** The price series shipped with the catalog (data/series.json), such as the GPT-4-level series; checked on first use. */
export function bundledPriceSeriesList(): readonly PriceSeries[] {
  series ??= Object.freeze(validatePriceSeries(seriesFile.series));
  return series;
}

/**
 * A shipped series by id.
 *
 * @example bundledPriceSeries("gpt4-level-gpqa-diamond")?.points.length // 6
 */
export function bundledPriceSeries(id: string): PriceSeries | undefined {
  return bundledPriceSeriesList().find((entry) => entry.id === id);
}
