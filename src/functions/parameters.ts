/**
 * One declarative parameter table per AICOST function: each parameter's Excel name, what kind of
 * value it takes, its domain and its default. Argument checks, the preview plugin's signatures,
 * the share-safe rewriter's reading of a call and a test against the generated functions.json
 * all come from here, so a function's arity and defaults are written down once.
 */
import { AICOST_NAMESPACE } from "../core/namespace";

/** What a parameter accepts, as Excel passes it. */
export type ParameterKind =
  /** One number (a one-cell range is unwrapped); numeric text is read as a number. */
  | "number"
  /** A preset name, or a row or column of optional label, m and f; omitted = baseline. */
  | "scenario"
  /** One row or one column of numbers, e.g. monthly token volumes. */
  | "vector";

/** A number's domain; a number outside it is `#NUM!`. */
export interface NumberDomain {
  readonly min?: number;
  /** True when `min` itself is outside the domain (above 0 rather than 0 or more). */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly integer?: boolean;
}

export interface ParameterSpec {
  /** The Excel name, snake_case, as functions.json and the README show it. */
  readonly name: string;
  readonly kind: ParameterKind;
  readonly optional: boolean;
  /**
   * The value an omitted optional parameter takes: a number, the name of another parameter whose
   * value it copies (`{ parameter: "input_price" }`), or, for a scenario, a preset's name.
   */
  readonly defaultValue?: number | string | { readonly parameter: string };
  readonly domain?: NumberDomain;
}

/** How a function's result comes back: one cell, or spilled. */
export type ResultShape = "cell" | "column" | "row" | "like-first-argument";

export interface FunctionSpec {
  readonly parameters: readonly ParameterSpec[];
  readonly result: ResultShape;
}

const nonNegative: NumberDomain = { min: 0 };
const positive: NumberDomain = { min: 0, minExclusive: true };
const share: NumberDomain = { min: 0, max: 1 };
const monthsAhead: NumberDomain = { min: 0, max: 1200 };

const scenario: ParameterSpec = { name: "scenario", kind: "scenario", optional: true, defaultValue: "baseline" };

/** Every AICOST function, in the order of functions.ts. */
export const FUNCTION_SPECS = {
  INFER_COST: {
    result: "cell",
    parameters: [
      { name: "input_tokens", kind: "number", optional: false, domain: nonNegative },
      { name: "output_tokens", kind: "number", optional: false, domain: nonNegative },
      { name: "input_price", kind: "number", optional: false, domain: nonNegative },
      { name: "output_price", kind: "number", optional: false, domain: nonNegative },
      { name: "cached_share", kind: "number", optional: true, defaultValue: 0, domain: share },
      { name: "cached_input_price", kind: "number", optional: true, defaultValue: { parameter: "input_price" }, domain: nonNegative },
    ],
  },
  PROJECT_PRICE: {
    result: "cell",
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead },
      scenario,
    ],
  },
  PROJECT_COST: {
    result: "cell",
    parameters: [
      { name: "cost_today", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead },
      scenario,
      { name: "annual_volume_multiplier", kind: "number", optional: true, defaultValue: 1, domain: positive },
    ],
  },
  PRICE_CURVE: {
    result: "column",
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months", kind: "number", optional: false, domain: { ...monthsAhead, integer: true } },
      scenario,
    ],
  },
  COST_CURVE: {
    result: "like-first-argument",
    parameters: [
      { name: "input_tokens", kind: "vector", optional: false, domain: nonNegative },
      { name: "output_tokens", kind: "vector", optional: false, domain: nonNegative },
      { name: "input_price", kind: "number", optional: false, domain: nonNegative },
      { name: "output_price", kind: "number", optional: false, domain: nonNegative },
      scenario,
      { name: "start_month", kind: "number", optional: true, defaultValue: 0, domain: monthsAhead },
      { name: "cached_share", kind: "number", optional: true, defaultValue: 0, domain: share },
      { name: "cached_input_price", kind: "number", optional: true, defaultValue: { parameter: "input_price" }, domain: nonNegative },
    ],
  },
  ANNUAL_MULTIPLIER: {
    result: "cell",
    parameters: [
      { name: "start_price", kind: "number", optional: false, domain: positive },
      { name: "end_price", kind: "number", optional: false, domain: positive },
      { name: "months", kind: "number", optional: false, domain: positive },
    ],
  },
  MONTHS_TO_PRICE: {
    result: "cell",
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "target_price", kind: "number", optional: false, domain: nonNegative },
      scenario,
    ],
  },
  SCENARIO_PARAMS: {
    result: "row",
    parameters: [scenario],
  },
} as const satisfies Record<string, FunctionSpec>;

/** An AICOST function id, e.g. "PROJECT_PRICE". */
export type FunctionId = keyof typeof FUNCTION_SPECS;

/** The function ids, in the order of functions.ts. */
export const FUNCTION_IDS = Object.keys(FUNCTION_SPECS) as FunctionId[];

export { AICOST_NAMESPACE };

/** The name a formula uses: `AICOST.PROJECT_PRICE`. */
export function formulaName(id: FunctionId): string {
  return `${AICOST_NAMESPACE}.${id}`;
}
