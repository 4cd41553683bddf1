import { outOfRange } from "./errors";

/**
 * A price-decline scenario for the model `P(t) = P0 * (f + (1 - f) * m^(t/12))`.
 */
export interface Scenario {
  /** What the scenario is called: a preset name, a custom row's name, or "custom". */
  readonly label: string;
  /** m: the price after one year as a multiple of the price today (0.1 = ten times cheaper per year). */
  readonly annualPriceMultiplier: number;
  /** f: the floor as a share of today's price, 0 to 1; the projected price never falls below it. */
  readonly floorShare: number;
}

/** A preset with the evidence behind its values, as shown in the assumptions table. */
export interface PresetScenario extends Scenario {
  /** The full note the assumptions table shows beside the preset's values: source and floor. */
  readonly sourceNote: string;
  /** The source in a few words ("a16z 10x"), for the note of a row edited away from the preset. */
  readonly sourceSummary: string;
}

export const PRESET_SCENARIOS: readonly PresetScenario[] = Object.freeze([
  Object.freeze({
    label: "pessimistic",
    annualPriceMultiplier: 0.5,
    floorShare: 0.25,
    sourceNote:
      "2x cheaper per year (Gartner 2026 forecast of provider cost, not fully passed on). " +
      "Floor of 25% of today's price is a judgement, not a measurement.",
    sourceSummary: "Gartner 2x",
  }),
  Object.freeze({
    label: "baseline",
    annualPriceMultiplier: 0.1,
    floorShare: 0.01,
    sourceNote:
      "10x cheaper per year (a16z LLMflation 2024; low end of Epoch AI 2025 fits). " +
      "Floor of 1% of today's price is a judgement, not a measurement.",
    sourceSummary: "a16z 10x",
  }),
  Object.freeze({
    label: "aggressive",
    annualPriceMultiplier: 0.025,
    floorShare: 0.001,
    sourceNote:
      "40x cheaper per year (Epoch AI 2025, GPT-4 level on GPQA). " +
      "Floor of 0.1% of today's price is a judgement, not a measurement.",
    sourceSummary: "Epoch AI 40x",
  }),
]);

/** The scenario used when a `scenario` argument is omitted or empty. */
export const DEFAULT_SCENARIO_NAME = "baseline";

/**
 * The key scenario names are compared by, everywhere (the functions' preset names, the sheet's
 * checks, the task pane): the rule of Excel's MATCH, which finds the active row in the workbook.
 * MATCH ignores case and does not trim, so "Baseline" is baseline and "baseline " is not.
 *
 * @example scenarioNameKey("Baseline") // "baseline"
 */
export function scenarioNameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Whether two scenario names are the same name under {@link scenarioNameKey}'s rule.
 *
 * @example sameScenarioName("Baseline", "baseline") // true
 * @example sameScenarioName("baseline ", "baseline") // false: MATCH would not find it
 */
export function sameScenarioName(first: string, second: string): boolean {
  return first === second || scenarioNameKey(first) === scenarioNameKey(second);
}

const presetsByKey = new Map<string, PresetScenario>(PRESET_SCENARIOS.map((preset) => [scenarioNameKey(preset.label), preset]));

/**
 * Finds a preset by name, ignoring case as MATCH does (and, as MATCH does, not spaces).
 *
 * @example findPreset("Aggressive")?.annualPriceMultiplier // 0.025
 * @example findPreset(" aggressive") // undefined
 */
export function findPreset(name: string): PresetScenario | undefined {
  return presetsByKey.get(name) ?? presetsByKey.get(scenarioNameKey(name));
}

/** The baseline preset. */
export const DEFAULT_SCENARIO: PresetScenario = findPreset(DEFAULT_SCENARIO_NAME) as PresetScenario;

/**
 * Whether m is in its domain: a finite number above 0. The one bounds check for m, used by the
 * functions, the sheet's checks and the task pane.
 *
 * @example isAnnualPriceMultiplier(0.1) // true
 * @example isAnnualPriceMultiplier(0) // false
 */
export function isAnnualPriceMultiplier(value: unknown): value is number {
  return typeof value === "number" && value > 0 && value < Number.POSITIVE_INFINITY;
}

/**
 * Whether f is in its domain: a number from 0 to 1. The one bounds check for f.
 *
 * @example isFloorShare(0.01) // true
 * @example isFloorShare(1.5) // false
 */
export function isFloorShare(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value <= 1;
}

/** What m must be, in words, for messages that explain a bad value. */
export const ANNUAL_PRICE_MULTIPLIER_RULE = "a number above 0 (0.1 = ten times cheaper per year)";
/** What f must be, in words. */
export const FLOOR_SHARE_RULE = "from 0 to 1 (0.01 = 1% of today's price)";

/**
 * Checks a scenario's parameters against their domains and returns it: m must be a finite number
 * above 0, f a number from 0 to 1.
 *
 * @example validateScenario({ label: "x", annualPriceMultiplier: 0, floorShare: 0 }) // throws outOfRange
 */
export function validateScenario<T extends Scenario>(scenario: T): T {
  const { annualPriceMultiplier, floorShare } = scenario;
  if (!isAnnualPriceMultiplier(annualPriceMultiplier)) {
    throw outOfRange(`The annual price multiplier must be ${ANNUAL_PRICE_MULTIPLIER_RULE}; got ${annualPriceMultiplier}.`);
  }
  if (!isFloorShare(floorShare)) {
    throw outOfRange(`The floor share must be ${FLOOR_SHARE_RULE}; got ${floorShare}.`);
  }
  return scenario;
}

/**
 * How many times cheaper per year a multiplier means: 1/m.
 *
 * @example timesCheaperPerYear(0.1) // 10
 */
export function timesCheaperPerYear(annualPriceMultiplier: number): number {
  return 1 / annualPriceMultiplier;
}
