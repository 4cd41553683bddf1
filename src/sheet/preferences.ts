import { MAX_MONTHS_AHEAD } from "../core/projection";
import { DEFAULT_PREFERENCES, type PanePreferences } from "./port";

/** The key the pane's preferences are stored under in a document's settings. */
export const PREFERENCES_SETTING_KEY = "aicost.preferences";

function isReferencePrice(value: unknown): value is number | null {
  return value === null || (typeof value === "number" && Number.isFinite(value) && value > 0);
}

function isHorizon(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_MONTHS_AHEAD;
}

/**
 * The preferences in a stored value, each field checked on its own: a field that is missing or
 * out of range (a price that is not above 0, a horizon that is not a whole number of months
 * from 1 to 1200) takes its default, so a damaged setting never stops the pane.
 *
 * @example parsePreferences({ horizonMonths: 24, referencePriceUsd: "ten" }) // { referencePriceUsd: null, horizonMonths: 24 }
 */
export function parsePreferences(stored: unknown): PanePreferences {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return DEFAULT_PREFERENCES;
  }
  const { referencePriceUsd, horizonMonths } = stored as Record<string, unknown>;
  return {
    referencePriceUsd: isReferencePrice(referencePriceUsd) ? referencePriceUsd : DEFAULT_PREFERENCES.referencePriceUsd,
    horizonMonths: isHorizon(horizonMonths) ? horizonMonths : DEFAULT_PREFERENCES.horizonMonths,
  };
}

/**
 * Checks preferences before they are stored; throws a RangeError saying what is wrong.
 */
export function checkPreferences(preferences: PanePreferences): PanePreferences {
  if (!isReferencePrice(preferences.referencePriceUsd)) {
    throw new RangeError(`The reference price must be a number of dollars above 0; got ${preferences.referencePriceUsd}.`);
  }
  if (!isHorizon(preferences.horizonMonths)) {
    throw new RangeError(`The horizon must be a whole number of months from 1 to ${MAX_MONTHS_AHEAD}; got ${preferences.horizonMonths}.`);
  }
  return { referencePriceUsd: preferences.referencePriceUsd, horizonMonths: preferences.horizonMonths };
}
