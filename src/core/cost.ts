import { checkNonNegative, priceFactor } from "./projection";
import { outOfRange } from "./errors";
import type { Scenario } from "./scenario";

/** What a workload pays per million tokens today, and how much of its input the cache serves. */
export interface UsagePrices {
  readonly inputUsdPerMillionTokens: number;
  readonly outputUsdPerMillionTokens: number;
  /** Share of input tokens served from the provider's prompt cache, 0 to 1. */
  readonly cachedShare: number;
  /** Price of a cached input token, USD per million; usually a fraction of the input price. */
  readonly cachedInputUsdPerMillionTokens: number;
}

/** What one request, or one month of requests, consumes and pays per million tokens. */
export interface InferenceUsage extends UsagePrices {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

const tokensPerMillion = 1_000_000;

/** Throws outOfRange unless every count, price and share of `usage` is in its domain. */
export function checkUsage(usage: InferenceUsage): InferenceUsage {
  checkNonNegative(usage.inputTokens, "input_tokens");
  checkNonNegative(usage.outputTokens, "output_tokens");
  checkNonNegative(usage.inputUsdPerMillionTokens, "input_price");
  checkNonNegative(usage.outputUsdPerMillionTokens, "output_price");
  checkNonNegative(usage.cachedInputUsdPerMillionTokens, "cached_input_price");
  if (!(usage.cachedShare >= 0 && usage.cachedShare <= 1)) {
    throw outOfRange(`cached_share must be from 0 to 1 (0.4 = 40% of input tokens from the cache); got ${usage.cachedShare}.`);
  }
  return usage;
}

/**
 * The cost in USD of the tokens in `usage`, at prices multiplied by `priceFactor` (1 for today's
 * prices): `((1-c)*in*inPrice + c*in*cachedPrice + out*outPrice) / 1e6 * priceFactor`.
 * The caller has checked the usage.
 *
 * @example inferenceCostUsd({ inputTokens: 2e6, outputTokens: 5e5, inputUsdPerMillionTokens: 3,
 *   outputUsdPerMillionTokens: 15, cachedShare: 0, cachedInputUsdPerMillionTokens: 3 }) // 6 + 7.5 = 13.5
 */
export function inferenceCostUsd(usage: InferenceUsage, priceFactor = 1): number {
  const uncachedInputUsd = (1 - usage.cachedShare) * usage.inputTokens * usage.inputUsdPerMillionTokens;
  const cachedInputUsd = usage.cachedShare * usage.inputTokens * usage.cachedInputUsdPerMillionTokens;
  const outputUsd = usage.outputTokens * usage.outputUsdPerMillionTokens;
  return ((uncachedInputUsd + cachedInputUsd + outputUsd) / tokensPerMillion) * priceFactor;
}

/**
 * The cost in USD of each month's tokens at prices projected to that month: the k-th month
 * (`startMonth + k` months from today) costs what {@link inferenceCostUsd} gives for its volumes
 * at today's prices, times the scenario's price factor for that month. The volume lists have the
 * same length; the caller has checked volumes, prices, share and months.
 *
 * @example costCurve([1e6, 1e6], [1e5, 1e5], { inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 8,
 *   cachedShare: 0, cachedInputUsdPerMillionTokens: 2 }, baseline, 0) // [2.8, 2.8 * 0.82715...]
 */
export function costCurve(
  inputTokens: readonly number[],
  outputTokens: readonly number[],
  prices: UsagePrices,
  scenario: Scenario,
  startMonth: number,
): number[] {
  const month: { -readonly [K in keyof InferenceUsage]: InferenceUsage[K] } = {
    inputTokens: 0,
    outputTokens: 0,
    inputUsdPerMillionTokens: prices.inputUsdPerMillionTokens,
    outputUsdPerMillionTokens: prices.outputUsdPerMillionTokens,
    cachedShare: prices.cachedShare,
    cachedInputUsdPerMillionTokens: prices.cachedInputUsdPerMillionTokens,
  };
  const costs = new Array<number>(inputTokens.length);
  for (let index = 0; index < inputTokens.length; index++) {
    month.inputTokens = inputTokens[index];
    month.outputTokens = outputTokens[index];
    costs[index] = inferenceCostUsd(month, priceFactor(scenario, startMonth + index));
  }
  return costs;
}
