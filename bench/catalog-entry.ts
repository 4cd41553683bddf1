/* The webpack entry bench/taskpane.catalog.bench.ts builds to measure what the price catalog adds
 * to the add-in: the bundled data and everything MODEL_PRICE, MODELS, CATALOG_DATE, BLENDED_PRICE and
 * FIT_MULTIPLIER will call, kept alive through a global so nothing is tree-shaken away. */
import {
  blendedPrice,
  bundledPriceCatalog,
  bundledPriceSeriesList,
  catalogDateSerial,
  datedPricesFromCells,
  fitPriceTrend,
  fitStatisticValue,
  listModels,
  modelPrice,
  parseFitStatistic,
  parsePriceType,
  priceTableFromCells,
} from "../src/core";

(globalThis as { aicostCatalogBench?: unknown }).aicostCatalogBench = {
  blendedPrice,
  bundledPriceCatalog,
  bundledPriceSeriesList,
  catalogDateSerial,
  datedPricesFromCells,
  fitPriceTrend,
  fitStatisticValue,
  listModels,
  modelPrice,
  parseFitStatistic,
  parsePriceType,
  priceTableFromCells,
};
