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
  readonly sourceNote: string;
}

export const PRESET_SCENARIOS: readonly PresetScenario[] = Object.freeze([
  Object.freeze({
    label: "pessimistic",
    annualPriceMultiplier: 0.5,
    floorShare: 0.25,
    sourceNote:
      "2x cheaper per year (Gartner 2026 forecast of provider cost, not fully passed on). " +
      "Floor of 25% of today's price is a judgement, not a measurement.",
  }),
  Object.freeze({
    label: "baseline",
    annualPriceMultiplier: 0.1,
    floorShare: 0.01,
    sourceNote:
      "10x cheaper per year (a16z LLMflation 2024; low end of Epoch AI 2025 fits). " +
      "Floor of 1% of today's price is a judgement, not a measurement.",
  }),
  Object.freeze({
    label: "aggressive",
    annualPriceMultiplier: 0.025,
    floorShare: 0.001,
    sourceNote:
      "40x cheaper per year (Epoch AI 2025, GPT-4 level on GPQA). " +
      "Floor of 0.1% of today's price is a judgement, not a measurement.",
  }),
]);

/** The scenario used when a `scenario` argument is omitted or empty. */
export const DEFAULT_SCENARIO_NAME = "baseline";

const presetsByName = new Map<string, PresetScenario>(
  PRESET_SCENARIOS.map((preset) => [preset.label, preset]),
);

/**
 * Finds a preset by name, ignoring case and surrounding spaces.
 *
 * @example findPreset(" Aggressive ")?.annualPriceMultiplier // 0.025
 */
export function findPreset(name: string): PresetScenario | undefined {
  return presetsByName.get(name) ?? presetsByName.get(name.trim().toLowerCase());
}

/** The baseline preset. */
export const DEFAULT_SCENARIO: PresetScenario = findPreset(DEFAULT_SCENARIO_NAME) as PresetScenario;

/**
 * Checks a scenario's parameters against their domains and returns it: m must be a finite number
 * above 0, f a number from 0 to 1.
 *
 * @example validateScenario({ label: "x", annualPriceMultiplier: 0, floorShare: 0 }) // throws outOfRange
 */
export function validateScenario(scenario: Scenario): Scenario {
  const { annualPriceMultiplier, floorShare } = scenario;
  if (!(annualPriceMultiplier > 0) || !Number.isFinite(annualPriceMultiplier)) {
    throw outOfRange(
      `The annual price multiplier must be a number above 0 (0.1 = ten times cheaper per year); got ${annualPriceMultiplier}.`,
    );
  }
  if (!(floorShare >= 0 && floorShare <= 1)) {
    throw outOfRange(`The floor share must be from 0 to 1 (0.01 = 1% of today's price); got ${floorShare}.`);
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
