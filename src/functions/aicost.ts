import { inferenceCostUsd, checkUsage, type InferenceUsage } from "../core/cost";
import { malformed, outOfRange } from "../core/errors";
import {
  checkMonthsAhead,
  checkNonNegative,
  monthsToPrice,
  priceCurve,
  priceFactor,
  projectCost,
  projectPrice,
  MAX_MONTHS_AHEAD,
} from "../core/projection";
import { annualMultiplier } from "../core/rates";
import { optionalNumber, PropagatedError, requiredNumber, scenarioArgument, tokenVector, type Vector } from "./args";
import { finiteOrError, toColumn, toExcelError, toRow, type FunctionResult, type ResultCell } from "./values";

/**
 * The AICOST function set, independent of any host. Each function takes the raw arguments Excel
 * passes (numbers, text, `null` for omitted, 2-D arrays for ranges), never throws, and returns a
 * finite number, a 2-D array of finite numbers, text and errors, or an {@link ExcelError}.
 * Excel's entry points (functions.ts) and the preview's HyperFormula plugin both call these.
 */

/** Runs one evaluation: the single place where thrown errors and non-finite numbers are mapped. */
function evaluate(compute: () => number | ResultCell[][]): FunctionResult {
  try {
    const result = compute();
    return typeof result === "number" ? finiteOrError(result) : result;
  } catch (thrown) {
    return thrown instanceof PropagatedError ? thrown.excelError : toExcelError(thrown);
  }
}

function usageArguments(
  inputTokens: number,
  outputTokens: number,
  inputPrice: unknown,
  outputPrice: unknown,
  cachedShare: unknown,
  cachedInputPrice: unknown,
): InferenceUsage {
  const inputUsdPerMillionTokens = requiredNumber(inputPrice, "input_price");
  return checkUsage({
    inputTokens,
    outputTokens,
    inputUsdPerMillionTokens,
    outputUsdPerMillionTokens: requiredNumber(outputPrice, "output_price"),
    cachedShare: optionalNumber(cachedShare, "cached_share", 0),
    cachedInputUsdPerMillionTokens: optionalNumber(cachedInputPrice, "cached_input_price", inputUsdPerMillionTokens),
  });
}

export function INFER_COST(
  input_tokens: unknown,
  output_tokens: unknown,
  input_price: unknown,
  output_price: unknown,
  cached_share?: unknown,
  cached_input_price?: unknown,
): FunctionResult {
  return evaluate(() => {
    const usage = usageArguments(
      requiredNumber(input_tokens, "input_tokens"),
      requiredNumber(output_tokens, "output_tokens"),
      input_price,
      output_price,
      cached_share,
      cached_input_price,
    );
    return inferenceCostUsd(usage);
  });
}

export function PROJECT_PRICE(price: unknown, months_ahead: unknown, scenario?: unknown): FunctionResult {
  return evaluate(() =>
    projectPrice(requiredNumber(price, "price"), requiredNumber(months_ahead, "months_ahead"), scenarioArgument(scenario)),
  );
}

export function PROJECT_COST(
  cost_today: unknown,
  months_ahead: unknown,
  scenario?: unknown,
  annual_volume_multiplier?: unknown,
): FunctionResult {
  return evaluate(() =>
    projectCost(
      requiredNumber(cost_today, "cost_today"),
      requiredNumber(months_ahead, "months_ahead"),
      scenarioArgument(scenario),
      optionalNumber(annual_volume_multiplier, "annual_volume_multiplier", 1),
    ),
  );
}

export function PRICE_CURVE(price: unknown, months: unknown, scenario?: unknown): FunctionResult {
  return evaluate(() =>
    toColumn(priceCurve(requiredNumber(price, "price"), requiredNumber(months, "months"), scenarioArgument(scenario))),
  );
}

export function COST_CURVE(
  input_tokens: unknown,
  output_tokens: unknown,
  input_price: unknown,
  output_price: unknown,
  scenario?: unknown,
  start_month?: unknown,
  cached_share?: unknown,
  cached_input_price?: unknown,
): FunctionResult {
  return evaluate(() => {
    const inputVolumes = tokenVector(input_tokens, "input_tokens");
    const outputVolumes = tokenVector(output_tokens, "output_tokens");
    const months = inputVolumes.cells.length;
    if (months !== outputVolumes.cells.length || (months > 1 && inputVolumes.orientation !== outputVolumes.orientation)) {
      throw malformed(
        `input_tokens and output_tokens must be ranges of the same shape, both one row or both one column with one cell per month; got ${describeVector(inputVolumes)} and ${describeVector(outputVolumes)}.`,
      );
    }
    const parsedScenario = scenarioArgument(scenario);
    const startMonth = checkMonthsAhead(optionalNumber(start_month, "start_month", 0), "start_month");
    if (startMonth + months - 1 > MAX_MONTHS_AHEAD) {
      throw outOfRange(`start_month plus the number of months must stay within ${MAX_MONTHS_AHEAD} months.`);
    }
    // Prices and shares are parsed and checked once; each month only brings its own volumes.
    const usage: { -readonly [K in keyof InferenceUsage]: InferenceUsage[K] } = {
      ...usageArguments(0, 0, input_price, output_price, cached_share, cached_input_price),
    };
    const costs = new Array<number>(months);
    for (let month = 0; month < months; month++) {
      usage.inputTokens = checkNonNegative(inputVolumes.cells[month], "input_tokens");
      usage.outputTokens = checkNonNegative(outputVolumes.cells[month], "output_tokens");
      costs[month] = inferenceCostUsd(usage, priceFactor(parsedScenario, startMonth + month));
    }
    return inputVolumes.orientation === "row" ? toRow(costs) : toColumn(costs);
  });
}

function describeVector(vector: Vector<number>): string {
  return vector.cells.length === 1 ? "1 cell" : `a ${vector.orientation} of ${vector.cells.length} cells`;
}

export function ANNUAL_MULTIPLIER(start_price: unknown, end_price: unknown, months: unknown): FunctionResult {
  return evaluate(() =>
    annualMultiplier(requiredNumber(start_price, "start_price"), requiredNumber(end_price, "end_price"), requiredNumber(months, "months")),
  );
}

export function MONTHS_TO_PRICE(price: unknown, target_price: unknown, scenario?: unknown): FunctionResult {
  return evaluate(() =>
    monthsToPrice(requiredNumber(price, "price"), requiredNumber(target_price, "target_price"), scenarioArgument(scenario)),
  );
}

export function SCENARIO_PARAMS(scenario?: unknown): FunctionResult {
  return evaluate(() => {
    const { label, annualPriceMultiplier, floorShare } = scenarioArgument(scenario);
    return [[label, annualPriceMultiplier, floorShare]];
  });
}
