import { checkNonNegative } from "./projection";
import { outOfRange } from "./errors";

/** What one request, or one month of requests, consumes and pays per million tokens. */
export interface InferenceUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly inputUsdPerMillionTokens: number;
  readonly outputUsdPerMillionTokens: number;
  /** Share of input tokens served from the provider's prompt cache, 0 to 1. */
  readonly cachedShare: number;
  /** Price of a cached input token, USD per million; usually a fraction of the input price. */
  readonly cachedInputUsdPerMillionTokens: number;
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
