/* eslint-disable @typescript-eslint/no-explicit-any -- `any[][]` is how custom-functions metadata spells a range of cells of any type. */
/* Excel's entry points for the AICOST custom functions. The JSDoc of each function is its metadata
 * (custom-functions-metadata-plugin generates functions.json from it at build time) and the
 * tooltip a user sees in Excel. Each one hands its arguments to the host-independent function of
 * the same name in aicost.ts and turns an error result into a CustomFunctions.Error. The build
 * sets allowErrorForDataTypeAny in functions.json (see scripts/functions-metadata.cjs), so Excel
 * passes an error in a range or an `any` argument in as a value, and it comes back out unchanged. */
import * as aicost from "./aicost";
import { carriesMessage, ExcelError, type FunctionResult, type ResultCell } from "./values";

/**
 * The CustomFunctions.Error for an error result: the very object Excel passed in when the error
 * came through an argument, else a new one (with its message where Excel allows one).
 */
function toCustomFunctionsError(error: ExcelError): CustomFunctions.Error {
  if (error.source instanceof CustomFunctions.Error) {
    return error.source;
  }
  const code = error.code as CustomFunctions.ErrorCode;
  return carriesMessage(error.code) ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}

function toExcelCell(cell: ResultCell): ResultCell | CustomFunctions.Error {
  return cell instanceof ExcelError ? toCustomFunctionsError(cell) : cell;
}

/** Returns a number or a spilled array to Excel; an error result is thrown, as Excel expects. */
function toExcel<T>(result: FunctionResult): T {
  if (result instanceof ExcelError) {
    throw toCustomFunctionsError(result);
  }
  return (Array.isArray(result) ? result.map((row) => row.map(toExcelCell)) : result) as T;
}

/**
 * Cost in USD of a number of input and output tokens, with an optional share of input tokens served from the prompt cache.
 * @customfunction INFER_COST
 * @param input_tokens Input (prompt) tokens, 0 or more.
 * @param output_tokens Output tokens, reasoning tokens included, 0 or more.
 * @param input_price Input price, USD per million tokens, 0 or more.
 * @param output_price Output price, USD per million tokens, 0 or more.
 * @param [cached_share] Share of input tokens served from the prompt cache, 0 to 1; default 0.
 * @param [cached_input_price] Price of cached input, USD per million tokens, 0 or more; default the input price.
 * @returns Cost in USD.
 */
export function INFER_COST(
  input_tokens: number,
  output_tokens: number,
  input_price: number,
  output_price: number,
  cached_share?: number,
  cached_input_price?: number,
): number {
  return toExcel(aicost.INFER_COST(input_tokens, output_tokens, input_price, output_price, cached_share, cached_input_price));
}

/**
 * Price projected a number of months ahead under a price-decline scenario.
 * @customfunction PROJECT_PRICE
 * @param price Today's price, e.g. USD per million tokens, 0 or more.
 * @param months_ahead Months from today, 0 to 1200; fractions allowed.
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share (e.g. AICOST_SCENARIO); default baseline.
 * @returns Projected price, in the unit of price.
 */
export function PROJECT_PRICE(price: number, months_ahead: number, scenario?: any[][]): number {
  return toExcel(aicost.PROJECT_PRICE(price, months_ahead, scenario));
}

/**
 * Cost projected a number of months ahead: today's cost under the scenario's price decline, times token volume growth.
 * @customfunction PROJECT_COST
 * @param cost_today Cost today in USD, 0 or more.
 * @param months_ahead Months from today, 0 to 1200; fractions allowed.
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share; default baseline.
 * @param [annual_volume_multiplier] How many times token volume grows per year, above 0; default 1 (flat).
 * @returns Projected cost in USD.
 */
export function PROJECT_COST(
  cost_today: number,
  months_ahead: number,
  scenario?: any[][],
  annual_volume_multiplier?: number,
): number {
  return toExcel(aicost.PROJECT_COST(cost_today, months_ahead, scenario, annual_volume_multiplier));
}

/**
 * Projected prices for month 0, 1, ..., months, spilled down a column.
 * @customfunction PRICE_CURVE
 * @param price Today's price, e.g. USD per million tokens, 0 or more.
 * @param months Last month to project, a whole number from 0 to 1200.
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share; default baseline.
 * @returns A column of months + 1 projected prices.
 */
export function PRICE_CURVE(price: number, months: number, scenario?: any[][]): number[][] {
  return toExcel(aicost.PRICE_CURVE(price, months, scenario));
}

/**
 * Monthly cost in USD of a row or column of monthly token volumes, at prices projected to each month.
 * @customfunction COST_CURVE
 * @param input_tokens Input tokens per month: one row or one column, 0 or more each.
 * @param output_tokens Output tokens per month: a range of the same shape as input_tokens, 0 or more each.
 * @param input_price Today's input price, USD per million tokens, 0 or more.
 * @param output_price Today's output price, USD per million tokens, 0 or more.
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share; default baseline.
 * @param [start_month] Months from today of the first cell, 0 to 1200; default 0.
 * @param [cached_share] Share of input tokens served from the prompt cache, 0 to 1; default 0.
 * @param [cached_input_price] Today's price of cached input, USD per million tokens, 0 or more; default the input price.
 * @returns Monthly costs in USD, in the shape of input_tokens.
 */
export function COST_CURVE(
  input_tokens: any[][],
  output_tokens: any[][],
  input_price: number,
  output_price: number,
  scenario?: any[][],
  start_month?: number,
  cached_share?: number,
  cached_input_price?: number,
): number[][] {
  return toExcel(
    aicost.COST_CURVE(input_tokens, output_tokens, input_price, output_price, scenario, start_month, cached_share, cached_input_price),
  );
}

/**
 * Annual price multiplier m implied by two prices some months apart: 1/m is how many times cheaper per year, 1 - m the yearly decline (0.1 = ten times cheaper, 90% lower each year); agrees with RRI.
 * @customfunction ANNUAL_MULTIPLIER
 * @param start_price Earlier price, above 0.
 * @param end_price Later price, above 0, in the same unit.
 * @param months Months between the two prices, above 0.
 * @returns Annual multiplier m, with end_price = start_price * m^(months/12).
 */
export function ANNUAL_MULTIPLIER(start_price: number, end_price: number, months: number): number {
  return toExcel(aicost.ANNUAL_MULTIPLIER(start_price, end_price, months));
}

/**
 * Months until the projected price first reaches a target price; #N/A if the scenario never gets there.
 * @customfunction MONTHS_TO_PRICE
 * @param price Today's price, 0 or more.
 * @param target_price Target price in the same unit, 0 or more.
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share; default baseline.
 * @returns Months from today; 0 if the price is already at or below the target.
 */
export function MONTHS_TO_PRICE(price: number, target_price: number, scenario?: any[][]): number {
  return toExcel(aicost.MONTHS_TO_PRICE(price, target_price, scenario));
}

/**
 * A scenario's label, annual price multiplier and floor share, spilled across one row.
 * @customfunction SCENARIO_PARAMS
 * @param [scenario] pessimistic, baseline or aggressive, or a row or column of label, annual multiplier and floor share; default baseline.
 * @returns One row: label, annual multiplier m, floor share f.
 */
export function SCENARIO_PARAMS(scenario?: any[][]): any[][] {
  return toExcel(aicost.SCENARIO_PARAMS(scenario));
}

/**
 * List price of an AI model in USD per million tokens, from the bundled catalog or from a workbook's own prices table (such as AICOST_PRICES).
 * @customfunction MODEL_PRICE
 * @param model Model id as in LiteLLM's price map, e.g. gpt-4o or claude-sonnet-4-20250514; case does not matter, provider/model is accepted.
 * @param [price_type] input (default), output, cached_input, cache_write, batch_input, batch_output, or blended (3 input : 1 output, (3 x input + output) / 4).
 * @param [as_of_date] An Excel date: the price in effect that day; default the newest price.
 * @param [price_table] A range laid out as the AICOST Prices table (Model, Provider, Effective from, Input, Output, Cached input, Source), header row optional; when given, only it is searched.
 * @returns USD per million tokens.
 */
export function MODEL_PRICE(model: string, price_type?: string, as_of_date?: number, price_table?: any[][]): number {
  return toExcel(aicost.MODEL_PRICE(model, price_type, as_of_date, price_table));
}

/**
 * The catalog's models with their prices in USD per million tokens, spilled under a header row (Model, Provider, Effective from, Input, Output, Cached input, Source, Cache write, Batch input, Batch output, Note).
 * @customfunction MODELS
 * @param [provider] Only this provider's models, e.g. OpenAI, Anthropic or Amazon; default every provider.
 * @param [as_of_date] An Excel date: the prices in effect that day, leaving out models priced later; default the newest prices.
 * @returns A header row, then one row per model; Effective from is an Excel date and an unpublished price an empty cell.
 */
export function MODELS(provider?: string, as_of_date?: number): any[][] {
  return toExcel(aicost.MODELS(provider, as_of_date));
}

/**
 * The Excel date of the newest price in the bundled catalog, to show how old its prices are.
 * @customfunction CATALOG_DATE
 * @returns An Excel date (format the cell as a date).
 */
export function CATALOG_DATE(): number {
  return toExcel(aicost.CATALOG_DATE());
}

/**
 * A blended price per million tokens: input_share x input_price + (1 - input_share) x output_price, by default 3 input : 1 output.
 * @customfunction BLENDED_PRICE
 * @param input_price Input price, USD per million tokens, 0 or more.
 * @param output_price Output price, USD per million tokens, 0 or more.
 * @param [input_share] Share of input tokens in the blend, 0 to 1; default 0.75 (3 input : 1 output, as Epoch AI and Artificial Analysis blend).
 * @returns Blended price, USD per million tokens.
 */
export function BLENDED_PRICE(input_price: number, output_price: number, input_share?: number): number {
  return toExcel(aicost.BLENDED_PRICE(input_price, output_price, input_share));
}

/**
 * Annual price multiplier m fitted by least squares of ln(price) on the date, the m of the scenarios (1/m = times cheaper per year), or another statistic of the fit.
 * @customfunction FIT_MULTIPLIER
 * @param dates Dates of the prices (Excel dates), a range; pairs with an empty cell are skipped.
 * @param prices Prices above 0, a range of the same shape as dates, in any one unit.
 * @param [statistic] multiplier (m, default), times_cheaper (1/m), r2, n, halving_months, low or high (the 90% confidence bounds of m).
 * @returns The statistic: m, 1/m, r2 from 0 to 1, the number of points, months to halve, or a bound of m.
 */
export function FIT_MULTIPLIER(dates: any[][], prices: any[][], statistic?: string): number {
  return toExcel(aicost.FIT_MULTIPLIER(dates, prices, statistic));
}

/**
 * Price at a probability q of the uncertainty band: P0 * (f + (1 - f) * m_q^(t/12)), m_q the band's q-quantile of the annual multiplier; exact, no sampling.
 * @customfunction PRICE_QUANTILE
 * @param price Today's price, e.g. USD per million tokens, 0 or more.
 * @param months_ahead Months from today, 0 to 1200; fractions allowed.
 * @param probability Probability q, above 0 and below 1: 0.1 = P10 (low price), 0.5 = median, 0.9 = P90 (prudent high price).
 * @param [band] A row or column of optional label, m_p10, m_p50, m_p90 and floor share f (e.g. AICOST_BAND); default the evidence band 0.02, 0.057, 0.2, 0.01.
 * @returns The price at probability q, in the unit of price.
 */
export function PRICE_QUANTILE(price: number, months_ahead: number, probability: number, band?: any[][]): number {
  return toExcel(aicost.PRICE_QUANTILE(price, months_ahead, probability, band));
}

/**
 * Cost at a probability q of the uncertainty band, a number of months ahead: today's cost under the band's q-quantile of price decline, times token volume growth.
 * @customfunction COST_QUANTILE
 * @param cost_today Cost today in USD, 0 or more.
 * @param months_ahead Months from today, 0 to 1200; fractions allowed.
 * @param probability Probability q, above 0 and below 1: 0.1 = P10 (low cost), 0.5 = median, 0.9 = P90 (prudent high cost).
 * @param [band] A row or column of optional label, m_p10, m_p50, m_p90 and floor share f (e.g. AICOST_BAND); default the evidence band.
 * @param [annual_volume_multiplier] How many times token volume grows per year, above 0; default 1 (flat).
 * @returns The cost in USD at probability q.
 */
export function COST_QUANTILE(
  cost_today: number,
  months_ahead: number,
  probability: number,
  band?: any[][],
  annual_volume_multiplier?: number,
): number {
  return toExcel(aicost.COST_QUANTILE(cost_today, months_ahead, probability, band, annual_volume_multiplier));
}

/**
 * P10, P50 and P90 of the projected price for month 0, 1, ..., months, spilled as three columns.
 * @customfunction PRICE_BAND
 * @param price Today's price, e.g. USD per million tokens, 0 or more.
 * @param months Last month to project, a whole number from 0 to 1200.
 * @param [band] A row or column of optional label, m_p10, m_p50, m_p90 and floor share f (e.g. AICOST_BAND); default the evidence band.
 * @returns months + 1 rows of P10, P50 and P90 prices.
 */
export function PRICE_BAND(price: number, months: number, band?: any[][]): number[][] {
  return toExcel(aicost.PRICE_BAND(price, months, band));
}
