/**
 * One declarative parameter table per AICOST function: each parameter's Excel name, what kind of
 * value it takes, its domain and its default, and the shape of the result. The argument checks
 * (the runner in args.ts), the preview plugin's signatures and result sizes, the share-safe
 * rewriter's reading of a call and a test against the generated functions.json all come from
 * here, so a function's arity, defaults and domains are written down once.
 *
 * Adding a function: a spec entry here, a core call in aicost.ts, the JSDoc entry point in
 * functions.ts and the README section (docs/DECISIONS.md, "Adding a function").
 */
import { AICOST_NAMESPACE } from "../core/namespace";
import { DEFAULT_INPUT_SHARE } from "../core/blend";
import { MAX_MONTHS_AHEAD } from "../core/projection";

/** What a parameter accepts, as Excel passes it. */
export type ParameterKind =
  /** One number (a one-cell range is unwrapped); numeric text is read as a number. */
  | "number"
  /** A preset name, or a row or column of optional label, m and f; omitted = baseline. */
  | "scenario"
  /** One row or one column of numbers, e.g. monthly token volumes; empty cells count as 0. */
  | "vector"
  /** One cell of text, e.g. a model id or a price type. */
  | "text"
  /** A date, as Excel passes one: its serial day number (1 = 1900-01-01), from a date cell or DATE(). */
  | "date"
  /** A rectangular range of any values, e.g. a table of prices; empty cells are null. */
  | "table"
  /**
   * An uncertainty band: a row or column of optional label, m_p10, m_p50, m_p90 and f (e.g.
   * AICOST_BAND); omitted = the default band. A name is refused: there are no preset bands.
   */
  | "band";

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
   * The value an omitted optional parameter takes: a number, the name of an earlier parameter
   * whose value it copies (`{ parameter: "input_price" }`), for a scenario a preset's name, for
   * text a text, for a band the default band's label ("evidence"). An optional parameter
   * without one is null when omitted.
   */
  readonly defaultValue?: number | string | { readonly parameter: string };
  /** For number, date and vector (each cell) parameters. */
  readonly domain?: NumberDomain;
  /** The unit a domain message names after its bounds ("months": "from 0 to 1200 months"). */
  readonly unit?: string;
  /** An example that follows a domain message's rule, in brackets ("1 = flat volume, ..."). */
  readonly hint?: string;
}

/**
 * How a function's result comes back: one cell, or spilled. A "table" spills a block whose size
 * depends on the arguments' values (MODELS: one row per model of a provider); a host that must
 * know the size when the formula is entered (the preview) computes it from the arguments written
 * in the formula.
 */
export type ResultShape = "cell" | "column" | "row" | "like-first-argument" | "table";

export interface FunctionSpec {
  readonly parameters: readonly ParameterSpec[];
  readonly result: ResultShape;
  /**
   * For a spilled column or row: how many cells, a fixed number or a number parameter plus an
   * offset (PRICE_CURVE spills months + 1 cells). A host that must know the size when the
   * formula is entered (the preview) reads it from here.
   */
  readonly resultLength?: number | { readonly parameter: string; readonly plus: number };
  /** For a spilled column: how many cells wide each of its rows is (PRICE_BAND: 3); default 1. */
  readonly resultWidth?: number;
}

const nonNegative = { min: 0 } as const satisfies NumberDomain;
const positive = { min: 0, minExclusive: true } as const satisfies NumberDomain;
const share = { min: 0, max: 1 } as const satisfies NumberDomain;
const monthsAhead = { min: 0, max: MAX_MONTHS_AHEAD } as const satisfies NumberDomain;

const scenario = { name: "scenario", kind: "scenario", optional: true, defaultValue: "baseline" } as const satisfies ParameterSpec;
const cachedShare = {
  name: "cached_share",
  kind: "number",
  optional: true,
  defaultValue: 0,
  domain: share,
  hint: "0.4 = 40% of input tokens from the cache",
} as const satisfies ParameterSpec;
const cachedInputPrice = {
  name: "cached_input_price",
  kind: "number",
  optional: true,
  defaultValue: { parameter: "input_price" },
  domain: nonNegative,
} as const satisfies ParameterSpec;

const annualVolumeMultiplier = {
  name: "annual_volume_multiplier",
  kind: "number",
  optional: true,
  defaultValue: 1,
  domain: positive,
  hint: "1 = flat volume, 2 = volume doubles each year",
} as const satisfies ParameterSpec;
/** The band's default is core's DEFAULT_BAND, named by its label. */
const band = { name: "band", kind: "band", optional: true, defaultValue: "evidence" } as const satisfies ParameterSpec;
// The domain check itself (above 0 and below 1) is core's checkProbability, so its message says
// what a probability means; the runner's domain would only name the bounds.
const probability = { name: "probability", kind: "number", optional: false } as const satisfies ParameterSpec;

/** Every AICOST function, in the order of functions.ts. */
export const FUNCTION_SPECS = {
  INFER_COST: {
    result: "cell",
    parameters: [
      { name: "input_tokens", kind: "number", optional: false, domain: nonNegative },
      { name: "output_tokens", kind: "number", optional: false, domain: nonNegative },
      { name: "input_price", kind: "number", optional: false, domain: nonNegative },
      { name: "output_price", kind: "number", optional: false, domain: nonNegative },
      cachedShare,
      cachedInputPrice,
    ],
  },
  PROJECT_PRICE: {
    result: "cell",
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead, unit: "months" },
      scenario,
    ],
  },
  PROJECT_COST: {
    result: "cell",
    parameters: [
      { name: "cost_today", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead, unit: "months" },
      scenario,
      annualVolumeMultiplier,
    ],
  },
  PRICE_CURVE: {
    result: "column",
    resultLength: { parameter: "months", plus: 1 },
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months", kind: "number", optional: false, domain: { ...monthsAhead, integer: true }, unit: "months" },
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
      { name: "start_month", kind: "number", optional: true, defaultValue: 0, domain: monthsAhead, unit: "months" },
      cachedShare,
      cachedInputPrice,
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
    resultLength: 3,
    parameters: [scenario],
  },

  // ---- prices (issue 10): the catalog, a workbook's prices table, and fits of price history
  MODEL_PRICE: {
    result: "cell",
    parameters: [
      { name: "model", kind: "text", optional: false, hint: "a model id such as gpt-4o or anthropic/claude-sonnet-4-20250514" },
      { name: "price_type", kind: "text", optional: true, hint: "input, output, cached_input, cache_write, batch_input, batch_output or blended" },
      { name: "as_of_date", kind: "date", optional: true },
      { name: "price_table", kind: "table", optional: true },
    ],
  },
  MODELS: {
    result: "table",
    parameters: [
      { name: "provider", kind: "text", optional: true, hint: "a provider such as OpenAI or Anthropic" },
      { name: "as_of_date", kind: "date", optional: true },
    ],
  },
  CATALOG_DATE: {
    result: "cell",
    parameters: [],
  },
  BLENDED_PRICE: {
    result: "cell",
    parameters: [
      { name: "input_price", kind: "number", optional: false, domain: nonNegative },
      { name: "output_price", kind: "number", optional: false, domain: nonNegative },
      {
        name: "input_share",
        kind: "number",
        optional: true,
        defaultValue: DEFAULT_INPUT_SHARE,
        domain: share,
        hint: "0.75 = 3 input tokens to 1 output token",
      },
    ],
  },
  FIT_MULTIPLIER: {
    result: "cell",
    parameters: [
      { name: "dates", kind: "table", optional: false },
      { name: "prices", kind: "table", optional: false },
      { name: "statistic", kind: "text", optional: true, hint: "multiplier, times_cheaper, r2, n, halving_months, low or high" },
    ],
  },
  // Issue 11: the uncertainty band (docs/BAND.md).
  PRICE_QUANTILE: {
    result: "cell",
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead, unit: "months" },
      probability,
      band,
    ],
  },
  COST_QUANTILE: {
    result: "cell",
    parameters: [
      { name: "cost_today", kind: "number", optional: false, domain: nonNegative },
      { name: "months_ahead", kind: "number", optional: false, domain: monthsAhead, unit: "months" },
      probability,
      band,
      annualVolumeMultiplier,
    ],
  },
  PRICE_BAND: {
    result: "column",
    resultLength: { parameter: "months", plus: 1 },
    resultWidth: 3,
    parameters: [
      { name: "price", kind: "number", optional: false, domain: nonNegative },
      { name: "months", kind: "number", optional: false, domain: { ...monthsAhead, integer: true }, unit: "months" },
      band,
    ],
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

/** The spec of a function, typed as the general {@link FunctionSpec} (for code that walks every function). */
export function functionSpec(id: FunctionId): FunctionSpec {
  return FUNCTION_SPECS[id];
}
