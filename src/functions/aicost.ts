import { blendedPrice } from "../core/blend";
import { bundledPriceCatalog } from "../core/bundledCatalog";
import type { CellValue } from "../core/cells";
import { costQuantile, priceBandCurve, priceQuantile } from "../core/band";
import { costCurve, inferenceCostUsd } from "../core/cost";
import { malformed, outOfRange } from "../core/errors";
import { MAX_MONTHS_AHEAD, monthsToPrice, priceCurve, projectCost, projectPrice } from "../core/projection";
import { catalogDateSerial, listModels, modelPrice, parsePriceType, priceTableFromCells, type PriceTable } from "../core/priceLookup";
import { datedPricesFromCells, fitPriceTrend, fitStatisticValue, parseFitStatistic } from "../core/priceTrend";
import { annualMultiplier } from "../core/rates";
import { aicostFunction, type TableValue, type Vector } from "./args";
import { asColumn, asRow } from "./values";

/**
 * The AICOST function set, independent of any host: each function is its parameter table
 * (parameters.ts) and one computation in core, run by the generic runner in args.ts. Each takes
 * the raw arguments Excel passes (numbers, text, `null` for omitted, 2-D arrays for ranges),
 * never throws, and returns a finite number, a 2-D array of finite numbers, text and errors, or
 * an {@link ExcelError}. Excel's entry points (functions.ts) and the preview's HyperFormula
 * plugin both call these.
 */

export const INFER_COST = aicostFunction(
  "INFER_COST",
  ([inputTokens, outputTokens, inputUsdPerMillionTokens, outputUsdPerMillionTokens, cachedShare, cachedInputUsdPerMillionTokens]) =>
    inferenceCostUsd({ inputTokens, outputTokens, inputUsdPerMillionTokens, outputUsdPerMillionTokens, cachedShare, cachedInputUsdPerMillionTokens }),
);

export const PROJECT_PRICE = aicostFunction("PROJECT_PRICE", ([priceToday, monthsAhead, scenario]) => projectPrice(priceToday, monthsAhead, scenario));

export const PROJECT_COST = aicostFunction("PROJECT_COST", ([costTodayUsd, monthsAhead, scenario, annualVolumeMultiplier]) =>
  projectCost(costTodayUsd, monthsAhead, scenario, annualVolumeMultiplier),
);

export const PRICE_CURVE = aicostFunction("PRICE_CURVE", ([priceToday, months, scenario]) => asColumn(priceCurve(priceToday, months, scenario)));

export const COST_CURVE = aicostFunction(
  "COST_CURVE",
  ([inputTokens, outputTokens, inputUsdPerMillionTokens, outputUsdPerMillionTokens, scenario, startMonth, cachedShare, cachedInputUsdPerMillionTokens]) => {
    const months = sameShapeMonths(inputTokens, outputTokens);
    const prices = { inputUsdPerMillionTokens, outputUsdPerMillionTokens, cachedShare, cachedInputUsdPerMillionTokens };
    const costs = costCurve(inputTokens.cells, outputTokens.cells, prices, scenario, startMonth);
    if (startMonth + months - 1 > MAX_MONTHS_AHEAD) {
      throw outOfRange(`start_month plus the number of months must stay within ${MAX_MONTHS_AHEAD} months.`);
    }
    return inputTokens.orientation === "row" ? asRow(costs) : asColumn(costs);
  },
);

export const ANNUAL_MULTIPLIER = aicostFunction("ANNUAL_MULTIPLIER", ([startPrice, endPrice, months]) => annualMultiplier(startPrice, endPrice, months));

export const MONTHS_TO_PRICE = aicostFunction("MONTHS_TO_PRICE", ([priceToday, targetPrice, scenario]) => monthsToPrice(priceToday, targetPrice, scenario));

export const SCENARIO_PARAMS = aicostFunction("SCENARIO_PARAMS", ([{ label, annualPriceMultiplier, floorShare }]) => [[label, annualPriceMultiplier, floorShare]]);

// ---- prices (issue 10): thin layers over src/core/priceLookup.ts, priceTrend.ts and blend.ts

export const MODEL_PRICE = aicostFunction(
  "MODEL_PRICE",
  ([model, priceType, asOfDate, priceTable]) =>
    modelPrice(
      priceTable == null ? bundledPriceCatalog() : workbookPriceTable(priceTable),
      model,
      parsePriceType(priceType),
      asOfDate,
    ).usdPerMillionTokens,
);

/** The catalog's listing; a price that is not published is an empty text, never 0. */
export const MODELS = aicostFunction("MODELS", ([provider, asOfDate]) =>
  listModels(bundledPriceCatalog(), provider, asOfDate).map((row) => row.map((cell) => cell ?? "")),
);

export const CATALOG_DATE = aicostFunction("CATALOG_DATE", () => catalogDateSerial(bundledPriceCatalog()));

export const BLENDED_PRICE = aicostFunction("BLENDED_PRICE", ([inputUsdPerMillionTokens, outputUsdPerMillionTokens, inputShare]) =>
  blendedPrice(inputUsdPerMillionTokens, outputUsdPerMillionTokens, inputShare),
);

export const FIT_MULTIPLIER = aicostFunction("FIT_MULTIPLIER", ([dates, prices, statistic]) =>
  fitStatisticValue(
    fitPriceTrend(datedPricesFromCells(tableCells(dates, "dates"), tableCells(prices, "prices"))),
    parseFitStatistic(statistic),
  ),
);

/**
 * The last price_table read and the index built from it. A sheet passes the same AICOST_PRICES
 * range to every MODEL_PRICE cell, each call as a new array; comparing the cells with the last
 * ones (a few thousand === tests) costs far less than reading and indexing them again (about
 * 2.4 ms for 200 rows). Only cells that gave a table are kept, so none of them is an error.
 */
let lastPriceCells: CellValue[][] | null = null;
let lastPriceTable: PriceTable | null = null;

function sameCells(table: TableValue, cells: readonly (readonly CellValue[])[]): boolean {
  if (table.length !== cells.length) return false;
  for (let row = 0; row < table.length; row++) {
    const left = table[row];
    const right = cells[row];
    if (left.length !== right.length) return false;
    for (let column = 0; column < left.length; column++) {
      if (left[column] !== right[column]) return false;
    }
  }
  return true;
}

function workbookPriceTable(table: TableValue): PriceTable {
  if (lastPriceCells !== null && lastPriceTable !== null && sameCells(table, lastPriceCells)) {
    return lastPriceTable;
  }
  const cells = tableCells(table, "price_table");
  const indexed = priceTableFromCells(cells);
  lastPriceCells = cells;
  lastPriceTable = indexed;
  return indexed;
}

/**
 * A table argument's cells as core reads them: numbers, text, logicals and empty cells. A host
 * passes nothing else (errors were passed on by the runner); anything else is refused, not guessed.
 */
function tableCells(table: TableValue, what: string): CellValue[][] {
  return table.map((row, rowIndex) =>
    row.map((cell, columnIndex) => {
      if (cell == null || typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") {
        return cell;
      }
      throw malformed(`${what} (row ${rowIndex + 1}, column ${columnIndex + 1}) holds a value that is not a number, text or logical.`);
    }),
  );
}
export const PRICE_QUANTILE = aicostFunction("PRICE_QUANTILE", ([priceToday, monthsAhead, probability, band]) =>
  priceQuantile(priceToday, monthsAhead, probability, band),
);

export const COST_QUANTILE = aicostFunction("COST_QUANTILE", ([costTodayUsd, monthsAhead, probability, band, annualVolumeMultiplier]) =>
  costQuantile(costTodayUsd, monthsAhead, probability, band, annualVolumeMultiplier),
);

export const PRICE_BAND = aicostFunction("PRICE_BAND", ([priceToday, months, band]) => priceBandCurve(priceToday, months, band));

/** The number of months two volume ranges cover; they must have the same shape. */
function sameShapeMonths(inputTokens: Vector<number>, outputTokens: Vector<number>): number {
  const months = inputTokens.cells.length;
  if (months !== outputTokens.cells.length || (months > 1 && inputTokens.orientation !== outputTokens.orientation)) {
    throw malformed(
      `input_tokens and output_tokens must be ranges of the same shape, both one row or both one column with one cell per month; got ${describeVector(inputTokens)} and ${describeVector(outputTokens)}.`,
    );
  }
  return months;
}

function describeVector(vector: Vector<number>): string {
  return vector.cells.length === 1 ? "1 cell" : `a ${vector.orientation} of ${vector.cells.length} cells`;
}
