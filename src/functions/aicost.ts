import { costQuantile, priceBandCurve, priceQuantile } from "../core/band";
import { costCurve, inferenceCostUsd } from "../core/cost";
import { malformed, outOfRange } from "../core/errors";
import { MAX_MONTHS_AHEAD, monthsToPrice, priceCurve, projectCost, projectPrice } from "../core/projection";
import { annualMultiplier } from "../core/rates";
import { aicostFunction, type Vector } from "./args";
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
