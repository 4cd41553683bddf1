import { outOfRange } from "./errors";

/** The conventional input share of a blended price: 3 input tokens to 1 output token (Epoch AI, Artificial Analysis). */
export const DEFAULT_INPUT_SHARE = 0.75;

/**
 * A blended price per million tokens: `input_share × input + (1 − input_share) × output`, by
 * default 3 input : 1 output, `(3 × input + output) / 4`. Prices must be 0 or more, the share from
 * 0 to 1.
 *
 * @example blendedPrice(30, 60) // (3 × 30 + 60) / 4 = 37.5, GPT-4 at launch
 * @example blendedPrice(30, 60, 0.5) // 45, the 1:1 blend a16z used
 */
export function blendedPrice(
  inputUsdPerMillionTokens: number,
  outputUsdPerMillionTokens: number,
  inputShare: number = DEFAULT_INPUT_SHARE,
): number {
  if (!(inputUsdPerMillionTokens >= 0) || !Number.isFinite(inputUsdPerMillionTokens)) {
    throw outOfRange(`input_price must be 0 or more; got ${inputUsdPerMillionTokens}.`);
  }
  if (!(outputUsdPerMillionTokens >= 0) || !Number.isFinite(outputUsdPerMillionTokens)) {
    throw outOfRange(`output_price must be 0 or more; got ${outputUsdPerMillionTokens}.`);
  }
  if (!(inputShare >= 0 && inputShare <= 1)) {
    throw outOfRange(`input_share must be from 0 to 1 (0.75 = 3 input tokens to 1 output token); got ${inputShare}.`);
  }
  return inputShare * inputUsdPerMillionTokens + (1 - inputShare) * outputUsdPerMillionTokens;
}
