/**
 * Each AICOST function's closed form as a formula of built-in spreadsheet functions (Excel 2016
 * and later, LibreOffice Calc, Google Sheets: no LET, LAMBDA, SEQUENCE or XLOOKUP), built from
 * the expressions of its arguments. The share-safe rewriter (src/share) replaces every AICOST
 * call with one of these; a test evaluates them in a spreadsheet engine against the engine in
 * projection.ts, cost.ts and rates.ts for many inputs, so the arithmetic is the same in both.
 *
 * A built formula is guarded so that where AICOST returns an error the formula does too, never a
 * plausible number:
 *
 *   IF(OR(<a number outside its domain>...), #NUM!, IF(AND(ISNUMBER(<a cell read>)...), <closed form>, #VALUE!))
 *
 * The domain test comes first: a comparison with an error value is that error, so an error in
 * an argument passes through unchanged, as AICOST passes it. Literal numbers are checked here,
 * when the formula is built, and need no guard; so do expressions that can only be numbers
 * (arithmetic, a nested closed form), which need no ISNUMBER test.
 */
import { BAND_Z90, type Band } from "./band";
import { PRESET_SCENARIOS, DEFAULT_SCENARIO_NAME, findPreset } from "./scenario";
import { MAX_MONTHS_AHEAD } from "./projection";
import { NotNative } from "./notNative";
import { FIT_MULTIPLIER, MODEL_PRICE } from "./tableClosedForms";
import {
  add,
  array,
  call,
  compare,
  concatenate,
  divide,
  error,
  multiply,
  num,
  power,
  subtract,
  text,
  type FormulaErrorCode,
  type FormulaExpression,
} from "./formulaExpression";

/** A number's domain, as the functions' parameter tables declare it. */
export interface OperandDomain {
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly integer?: boolean;
}

/** An argument that must be one number. */
export interface NumberOperand {
  readonly kind: "number";
  readonly expression: FormulaExpression;
  /** Set when the argument is a literal number: it is checked now and needs no guard. */
  readonly literal?: number;
  /** True when the expression can only be a number or an error (arithmetic, a nested closed form). */
  readonly numeric: boolean;
  /** A bound the value is known to meet (a nested projected price is 0 or more): its check is left out. */
  readonly atLeast?: number;
  /** What must hold for the value to be a number, when it is not `ISNUMBER(expression)`. */
  readonly typeCheck?: FormulaExpression;
  readonly domain: OperandDomain;
}

/** A scenario: expressions for its label, annual price multiplier m and floor share f. */
export interface ScenarioOperand {
  readonly kind: "scenario";
  readonly label: FormulaExpression;
  readonly multiplier: NumberOperand;
  readonly floor: NumberOperand;
  /** Conditions that must hold, else `#VALUE!` (e.g. the label cell holds no number). */
  readonly shapeChecks: readonly FormulaExpression[];
}

/** A row or column of numbers (monthly volumes) whose length is known from its range. */
export interface VectorOperand {
  readonly kind: "vector";
  readonly expression: FormulaExpression;
  readonly length: number;
  readonly orientation: "row" | "column";
  readonly domain: OperandDomain;
  /** Set when the volumes are written in the formula (a number, an array constant): checked now. */
  readonly literalItems?: readonly unknown[];
}

/** An uncertainty band: expressions for m_p10, m_p50, m_p90 and the floor share f. */
export interface BandOperand {
  readonly kind: "band";
  readonly p10: NumberOperand;
  readonly p50: NumberOperand;
  readonly p90: NumberOperand;
  readonly floor: NumberOperand;
  /** Conditions that must hold, else `#VALUE!` (the label cell holds no number). */
  readonly shapeChecks: readonly FormulaExpression[];
}

/** An argument that is an error whatever the workbook holds (an error literal, text for a number). */
export interface ErrorOperand {
  readonly kind: "error";
  readonly code: FormulaErrorCode;
}

/** A text argument: written in the formula (`literal`), or read from a cell or an expression. */
export interface TextOperand {
  readonly kind: "text";
  readonly expression: FormulaExpression;
  readonly literal?: string;
}

/**
 * A range argument whose cells a closed form reads: its shape, the whole range, and (for a range
 * written as A1 references) each column and cell as a reference of its own, so a formula can read
 * a column without INDEX(range, 0, k), which not every engine evaluates.
 */
export interface TableOperand {
  readonly kind: "table";
  readonly expression: FormulaExpression;
  readonly rows: number;
  readonly columns: number;
  /** Column k (1-based) as a reference; absent for an array constant. */
  readonly column?: (index: number) => FormulaExpression;
  /** The cell at row r, column k (1-based) as a reference; absent for an array constant. */
  readonly cell?: (row: number, index: number) => FormulaExpression;
}

/** An optional argument left out, where the function's default is "none" (MODEL_PRICE's as_of_date). */
export interface OmittedOperand {
  readonly kind: "omitted";
}

export type Operand = NumberOperand | ScenarioOperand | VectorOperand | BandOperand | ErrorOperand | TextOperand | TableOperand | OmittedOperand;

/** Where a formula is built: for a spilled result, how many cells its range holds. */
export interface ClosedFormContext {
  /** The cells of the range the array formula fills (its height for a column, width for a row). */
  readonly spillLength?: number;
}

export { NotNative } from "./notNative";

export interface ClosedForm {
  /** The formula for these operands, one per parameter, defaults already filled in. */
  readonly build: (operands: readonly Operand[], context: ClosedFormContext) => FormulaExpression;
  /** A lower bound every number the function returns meets, for a call nested in another. */
  readonly resultAtLeast?: number;
  /**
   * The formula computes over whole ranges (IF on arrays): the cell must hold an array formula,
   * which Excel 2016 evaluates as Ctrl+Shift+Enter would and Excel 365 as a dynamic array.
   */
  readonly arrayEvaluation?: boolean;
}

const monthsInYear = 12;
const tokensPerMillion = 1_000_000;

/** The checks a formula needs before its closed form, collected in argument order. */
class Guards {
  private readonly outOfRange: FormulaExpression[] = [];
  private readonly mustHold: FormulaExpression[] = [];
  /** The first argument that is an error whatever the workbook holds. */
  staticError: FormulaErrorCode | null = null;

  /** A number argument: its domain, and ISNUMBER unless it can only be a number. */
  number(operand: NumberOperand): void {
    const { domain, literal } = operand;
    if (literal !== undefined) {
      if (!inDomain(literal, domain)) this.fail("#NUM!");
      return;
    }
    const value = operand.expression;
    const known = operand.atLeast;
    if (domain.min !== undefined && !(known !== undefined && (known > domain.min || (known === domain.min && !domain.minExclusive)))) {
      this.outOfRange.push(compare(domain.minExclusive ? "<=" : "<", value, num(domain.min)));
    }
    if (domain.max !== undefined) this.outOfRange.push(compare(">", value, num(domain.max)));
    if (domain.integer) this.outOfRange.push(compare("<>", call("INT", value), value));
    if (!operand.numeric) this.mustHold.push(operand.typeCheck ?? call("ISNUMBER", value));
  }

  scenario(operand: ScenarioOperand): void {
    this.number(operand.multiplier);
    this.number(operand.floor);
    this.mustHold.push(...operand.shapeChecks);
  }

  /** A band: each number in its domain, m_p10 <= m_p50 <= m_p90 (validateBand in band.ts: #NUM!). */
  band(operand: BandOperand): void {
    const { p10, p50, p90 } = operand;
    [p10, p50, p90, operand.floor].forEach((value) => this.number(value));
    for (const [lower, upper] of [[p10, p50], [p50, p90]] as const) {
      if (lower.literal !== undefined && upper.literal !== undefined) {
        if (lower.literal > upper.literal) this.fail("#NUM!");
      } else {
        this.outOfRange.push(compare(">", lower.expression, upper.expression));
      }
    }
    this.mustHold.push(...operand.shapeChecks);
  }

  vector(operand: VectorOperand): void {
    if (operand.literalItems !== undefined) {
      if (operand.literalItems.some((item) => typeof item !== "number")) this.fail("#VALUE!");
      else if (operand.literalItems.some((item) => !inDomain(item as number, operand.domain))) this.fail("#NUM!");
      return;
    }
    // Empty cells count 0 tokens, as in AICOST; text or TRUE/FALSE anywhere in the range is #VALUE!.
    if (operand.domain.min !== undefined) {
      this.outOfRange.push(compare("<", operand.expression, num(operand.domain.min)));
    }
    this.mustHold.push(call("NOT", call("OR", call("ISTEXT", operand.expression), call("ISLOGICAL", operand.expression))));
  }

  /** Any operand: an error operand makes the whole result that error. */
  operand(operand: Operand): void {
    switch (operand.kind) {
      case "number":
        return this.number(operand);
      case "scenario":
        return this.scenario(operand);
      case "vector":
        return this.vector(operand);
      case "band":
        return this.band(operand);
      case "error":
        return this.fail(operand.code);
      case "text":
      case "table":
      case "omitted":
        return; // the closed forms that take these check them themselves
    }
  }

  /** An extra out-of-domain condition (e.g. start_month plus the months past 1200). */
  outOfRangeWhen(condition: FormulaExpression | boolean): void {
    if (condition === true) this.fail("#NUM!");
    else if (condition !== false) this.outOfRange.push(condition);
  }

  fail(code: FormulaErrorCode): void {
    this.staticError ??= code;
  }

  /** The closed form behind the checks. */
  around(body: FormulaExpression): FormulaExpression {
    if (this.staticError !== null) {
      return error(this.staticError);
    }
    let guarded = body;
    if (this.mustHold.length > 0) {
      guarded = call("IF", all(this.mustHold), guarded, error("#VALUE!"));
    }
    if (this.outOfRange.length > 0) {
      guarded = call("IF", any(this.outOfRange), error("#NUM!"), guarded);
    }
    return guarded;
  }
}

function all(conditions: readonly FormulaExpression[]): FormulaExpression {
  return conditions.length === 1 ? conditions[0] : call("AND", ...conditions);
}

function any(conditions: readonly FormulaExpression[]): FormulaExpression {
  return conditions.length === 1 ? conditions[0] : call("OR", ...conditions);
}

function inDomain(value: number, domain: OperandDomain): boolean {
  if (!Number.isFinite(value)) return false;
  if (domain.min !== undefined && (domain.minExclusive ? value <= domain.min : value < domain.min)) return false;
  if (domain.max !== undefined && value > domain.max) return false;
  return !(domain.integer && !Number.isInteger(value));
}

function operandOf<K extends Operand["kind"]>(operands: readonly Operand[], index: number, kind: K): Extract<Operand, { kind: K }> | null {
  const operand = operands[index];
  if (operand === undefined) {
    throw new NotNative(`argument ${index + 1} is missing`);
  }
  return operand.kind === kind ? (operand as Extract<Operand, { kind: K }>) : null;
}

/**
 * `f + (1 - f) * m^(t/12)`: the price after t months as a share of today's (priceFactor in
 * projection.ts). A floor of exactly 1 is a flat price.
 */
export function priceFactorExpression(scenario: ScenarioOperand, months: FormulaExpression): FormulaExpression {
  const floor = scenario.floor.expression;
  if (scenario.floor.literal === 1) {
    return num(1);
  }
  const decline = power(scenario.multiplier.expression, divide(months, num(monthsInYear)));
  return add(floor, multiply(subtract(num(1), floor), decline));
}

/** `((1-c)*in*inPrice + c*in*cachedPrice + out*outPrice) / 1e6` (inferenceCostUsd in cost.ts). */
export function inferenceCostExpression(
  inputTokens: FormulaExpression,
  outputTokens: FormulaExpression,
  inputPrice: NumberOperand,
  outputPrice: NumberOperand,
  cachedShare: NumberOperand,
  cachedInputPrice: NumberOperand,
): FormulaExpression {
  const output = multiply(outputTokens, outputPrice.expression);
  const input =
    cachedShare.literal === 0
      ? multiply(inputTokens, inputPrice.expression)
      : add(
          multiply(multiply(subtract(num(1), cachedShare.expression), inputTokens), inputPrice.expression),
          multiply(multiply(cachedShare.expression, inputTokens), cachedInputPrice.expression),
        );
  return divide(add(input, output), num(tokensPerMillion));
}

/** 0, 1, ..., count - 1 as an array constant in the given orientation. */
function monthIndexes(count: number, orientation: "row" | "column"): FormulaExpression {
  if (count === 1) return num(0); // one month: a number, not a one-element array
  return array(orientation, Array.from({ length: count }, (_unused, index) => index));
}

/** The scenario operands, or the scenario argument's error. */
function scenarioAt(operands: readonly Operand[], index: number): ScenarioOperand | null {
  return operandOf(operands, index, "scenario");
}

function numberAt(operands: readonly Operand[], index: number): NumberOperand | null {
  return operandOf(operands, index, "number");
}

/** A closed form whose arguments are numbers and scenarios only: the guards come from the operands. */
function scalar(body: (numbers: (NumberOperand | null)[], scenarios: (ScenarioOperand | null)[], guards: Guards) => FormulaExpression, resultAtLeast?: number): ClosedForm {
  return {
    resultAtLeast,
    build(operands) {
      const guards = new Guards();
      operands.forEach((operand) => guards.operand(operand));
      if (guards.staticError !== null) return guards.around(num(0));
      const numbers = operands.map((_operand, index) => numberAt(operands, index));
      const scenarios = operands.map((_operand, index) => scenarioAt(operands, index));
      const result = body(numbers, scenarios, guards);
      return guards.around(result);
    },
  };
}

const INFER_COST = scalar(([inputTokens, outputTokens, inputPrice, outputPrice, cachedShare, cachedInputPrice]) =>
  inferenceCostExpression(inputTokens!.expression, outputTokens!.expression, inputPrice!, outputPrice!, cachedShare!, cachedInputPrice!),
0);

const PROJECT_PRICE = scalar(([price, months], [, , scenario]) =>
  multiply(price!.expression, priceFactorExpression(scenario!, months!.expression)),
0);

const PROJECT_COST = scalar(([cost, months, , volume], [, , scenario]) => {
  const projected = multiply(cost!.expression, priceFactorExpression(scenario!, months!.expression));
  return volume!.literal === 1 ? projected : multiply(projected, power(volume!.expression, divide(months!.expression, num(monthsInYear))));
}, 0);

const ANNUAL_MULTIPLIER = scalar(([start, end, months]) =>
  power(divide(end!.expression, start!.expression), divide(num(monthsInYear), months!.expression)),
0);

/**
 * monthsToPrice in projection.ts: 0 when the price is at or below the target, #N/A when the
 * scenario never gets there (m >= 1, or the target at or below the floor), else
 * `MAX(0, 12 * LN((target/price - f) / (1 - f)) / LN(m))`.
 */
const MONTHS_TO_PRICE = scalar(([price, target], [, , scenario]) => {
  const share = divide(target!.expression, price!.expression);
  const m = scenario!.multiplier.expression;
  const f = scenario!.floor.expression;
  const months = call(
    "MAX",
    num(0),
    divide(multiply(num(monthsInYear), call("LN", divide(subtract(share, f), subtract(num(1), f)))), call("LN", m)),
  );
  // With a preset's numbers written in, m >= 1 is known now; so is a floor of 0.
  const conditions: FormulaExpression[] = [];
  const literalM = scenario!.multiplier.literal;
  if (literalM === undefined) conditions.push(compare(">=", m, num(1)));
  else if (literalM >= 1) return call("IF", compare("<=", price!.expression, target!.expression), num(0), error("#N/A"));
  conditions.push(compare("<=", share, f));
  const neverReached = conditions.length === 1 ? conditions[0] : call("OR", ...conditions);
  return call("IF", compare("<=", price!.expression, target!.expression), num(0), call("IF", neverReached, error("#N/A"), months));
}, 0);

/** The label, m and f across one row (CHOOSE over {1,2,3} makes the three-cell array). */
const SCENARIO_PARAMS: ClosedForm = {
  build(operands) {
    const guards = new Guards();
    operands.forEach((operand) => guards.operand(operand));
    const scenario = guards.staticError === null ? scenarioAt(operands, 0) : null;
    if (scenario === null) return guards.around(num(0));
    return guards.around(call("CHOOSE", array("row", [1, 2, 3]), scenario.label, scenario.multiplier.expression, scenario.floor.expression));
  },
};

/**
 * A column of prices for months 0..months. With months a literal the column has exactly
 * months + 1 cells; otherwise it fills the range the formula had (its spill) and cells past
 * `months` are #N/A, as Excel shows cells of an array formula beyond its result.
 */
const PRICE_CURVE: ClosedForm = {
  resultAtLeast: 0,
  build(operands, context) {
    const guards = new Guards();
    operands.forEach((operand) => guards.operand(operand));
    const price = numberAt(operands, 0);
    const months = numberAt(operands, 1);
    const scenario = scenarioAt(operands, 2);
    if (guards.staticError !== null || price === null || months === null || scenario === null) return guards.around(num(0));
    if (months.literal !== undefined) {
      const indexes = monthIndexes(months.literal + 1, "column");
      return guards.around(multiply(price.expression, priceFactorExpression(scenario, indexes)));
    }
    if (context.spillLength === undefined) {
      throw new NotNative("PRICE_CURVE's months is not a number written in the formula, and the call fills no range of its own");
    }
    const indexes = monthIndexes(context.spillLength, "column");
    const prices = multiply(price.expression, priceFactorExpression(scenario, indexes));
    return guards.around(call("IF", compare(">", indexes, months.expression), error("#N/A"), prices));
  },
};

/**
 * Monthly costs of a row or column of volumes: the cost of each month's tokens at today's
 * prices times the price factor of month start_month + k.
 */
const COST_CURVE: ClosedForm = {
  resultAtLeast: 0,
  build(operands) {
    const guards = new Guards();
    operands.forEach((operand) => guards.operand(operand));
    const inputs = operandOf(operands, 0, "vector");
    const outputs = operandOf(operands, 1, "vector");
    const [inputPrice, outputPrice] = [numberAt(operands, 2), numberAt(operands, 3)];
    const scenario = scenarioAt(operands, 4);
    const [start, cachedShare, cachedInputPrice] = [numberAt(operands, 5), numberAt(operands, 6), numberAt(operands, 7)];
    if (guards.staticError !== null || !inputs || !outputs || !inputPrice || !outputPrice || !scenario || !start || !cachedShare || !cachedInputPrice) {
      return guards.around(num(0));
    }
    if (inputs.length !== outputs.length || (inputs.length > 1 && inputs.orientation !== outputs.orientation)) {
      guards.fail("#VALUE!");
      return guards.around(num(0));
    }
    const lastOffset = inputs.length - 1;
    guards.outOfRangeWhen(
      start.literal !== undefined ? start.literal + lastOffset > MAX_MONTHS_AHEAD : compare(">", start.expression, num(MAX_MONTHS_AHEAD - lastOffset)),
    );
    const months = add(monthIndexes(inputs.length, inputs.orientation), start.expression);
    const cost = inferenceCostExpression(inputs.expression, outputs.expression, inputPrice, outputPrice, cachedShare, cachedInputPrice);
    return guards.around(multiply(cost, priceFactorExpression(scenario, months)));
  },
};

/**
 * The band's q-quantile of m (annualMultiplierQuantile in band.ts): m_p10, m_p50 or m_p90 itself
 * at q = 0.1, 0.5 or 0.9 written in the formula, else
 * `m_p50 * EXP(NORM.S.INV(q) / z90 * LN(m_p50 / m_p10))` below the median and
 * `LN(m_p90 / m_p50)` above it (an IF on q when q is read from a cell).
 */
export function multiplierQuantileExpression(band: BandOperand, probability: NumberOperand): FormulaExpression {
  const q = probability.literal;
  if (q === 0.1) return band.p10.expression;
  if (q === 0.5) return band.p50.expression;
  if (q === 0.9) return band.p90.expression;
  const m50 = band.p50.expression;
  const lower = call("LN", divide(m50, band.p10.expression));
  const upper = call("LN", divide(band.p90.expression, m50));
  const spread = q !== undefined ? (q < 0.5 ? lower : upper) : call("IF", compare("<", probability.expression, num(0.5)), lower, upper);
  const z = call("NORM.S.INV", probability.expression);
  return multiply(m50, call("EXP", multiply(divide(z, num(BAND_Z90)), spread)));
}

/** A probability strictly between 0 and 1 (checkProbability in band.ts), else #NUM!. */
function guardProbability(guards: Guards, probability: NumberOperand): void {
  if (probability.literal !== undefined) {
    guards.outOfRangeWhen(!(probability.literal > 0 && probability.literal < 1));
    return;
  }
  guards.outOfRangeWhen(call("OR", compare("<=", probability.expression, num(0)), compare(">=", probability.expression, num(1))));
}

/** The scenario at a band's quantile: its m_q and floor, as bandScenario in band.ts. */
function quantileScenario(band: BandOperand, probability: NumberOperand): ScenarioOperand {
  return {
    kind: "scenario",
    label: text(""),
    multiplier: { kind: "number", expression: multiplierQuantileExpression(band, probability), numeric: true, domain: {} },
    floor: band.floor,
    shapeChecks: [],
  };
}

/** PRICE_QUANTILE and COST_QUANTILE: PROJECT_PRICE / PROJECT_COST at the band's quantile of m. */
function quantileForm(withVolume: boolean): ClosedForm {
  return {
    resultAtLeast: 0,
    build(operands) {
      const guards = new Guards();
      operands.forEach((operand) => guards.operand(operand));
      const [amount, months, probability] = [numberAt(operands, 0), numberAt(operands, 1), numberAt(operands, 2)];
      const band = operandOf(operands, 3, "band");
      const volume = withVolume ? numberAt(operands, 4) : null;
      if (guards.staticError !== null || !amount || !months || !probability || !band || (withVolume && !volume)) return guards.around(num(0));
      guardProbability(guards, probability);
      const projected = multiply(amount.expression, priceFactorExpression(quantileScenario(band, probability), months.expression));
      if (!withVolume || volume!.literal === 1) return guards.around(projected);
      return guards.around(multiply(projected, power(volume!.expression, divide(months.expression, num(monthsInYear)))));
    },
  };
}

const PRICE_QUANTILE = quantileForm(false);
const COST_QUANTILE = quantileForm(true);

/**
 * P10, P50 and P90 for months 0..months (priceBandCurve in band.ts): the price factor of a row of
 * the three stated multipliers, `CHOOSE({1,2,3},m_p10,m_p50,m_p90)`, raised to a column of month
 * indexes, which every target broadcasts to months + 1 rows of three. As PRICE_CURVE: months
 * written in the formula gives exactly those rows; months from a cell fills the range the call
 * had, `#N/A` past months.
 */
const PRICE_BAND: ClosedForm = {
  resultAtLeast: 0,
  build(operands, context) {
    const guards = new Guards();
    operands.forEach((operand) => guards.operand(operand));
    const price = numberAt(operands, 0);
    const months = numberAt(operands, 1);
    const band = operandOf(operands, 2, "band");
    if (guards.staticError !== null || price === null || months === null || band === null) return guards.around(num(0));
    const multipliers = call("CHOOSE", array("row", [1, 2, 3]), band.p10.expression, band.p50.expression, band.p90.expression);
    // No shortcut for a floor of 1: the factor must keep its months + 1 rows of three.
    const factor = (indexes: FormulaExpression) =>
      add(band.floor.expression, multiply(subtract(num(1), band.floor.expression), power(multipliers, divide(indexes, num(monthsInYear)))));
    if (months.literal !== undefined) {
      return guards.around(multiply(price.expression, factor(monthIndexes(months.literal + 1, "column"))));
    }
    if (context.spillLength === undefined) {
      throw new NotNative("PRICE_BAND's months is not a number written in the formula, and the call fills no range of its own");
    }
    const indexes = monthIndexes(context.spillLength, "column");
    return guards.around(call("IF", compare(">", indexes, months.expression), error("#N/A"), multiply(price.expression, factor(indexes))));
  },
};

/**
 * The closed form of each AICOST function that has one, by function id. A function without an
 * entry is frozen to its cached value by the rewriter, and reported.
 */
/** `share * input + (1 - share) * output` (blendedPrice in blend.ts), the default share 0.75 filled in. */
const BLENDED_PRICE = scalar(([input, output, share]) =>
  add(multiply(share!.expression, input!.expression), multiply(subtract(num(1), share!.expression), output!.expression)),
0);

/*
 * MODELS and CATALOG_DATE have no entry: they read the add-in's catalog, so a share-safe copy
 * freezes them to their cached values and lists them in its report. MODEL_PRICE has a native form
 * only over a price_table (without one it reads the catalog too); it and FIT_MULTIPLIER are in
 * tableClosedForms.ts.
 */
export const CLOSED_FORMS: Readonly<Partial<Record<string, ClosedForm>>> = {
  FIT_MULTIPLIER,
  MODEL_PRICE,
  INFER_COST,
  PROJECT_PRICE,
  PROJECT_COST,
  PRICE_CURVE,
  COST_CURVE,
  ANNUAL_MULTIPLIER,
  MONTHS_TO_PRICE,
  SCENARIO_PARAMS,
  BLENDED_PRICE,
  PRICE_QUANTILE,
  COST_QUANTILE,
  PRICE_BAND,
};

/** A scenario's domain, as validateScenario in scenario.ts checks it. */
export const MULTIPLIER_DOMAIN: OperandDomain = { min: 0, minExclusive: true };
export const FLOOR_DOMAIN: OperandDomain = { min: 0, max: 1 };

function literalNumber(value: number, domain: OperandDomain): NumberOperand {
  return { kind: "number", expression: num(value), literal: value, numeric: true, domain };
}

/**
 * A band given by its numbers (the default band, an array constant).
 *
 * @example literalBand(DEFAULT_BAND).p50.literal // 0.057
 */
export function literalBand(band: Band): BandOperand {
  return {
    kind: "band",
    p10: literalNumber(band.annualPriceMultiplierP10, MULTIPLIER_DOMAIN),
    p50: literalNumber(band.annualPriceMultiplierP50, MULTIPLIER_DOMAIN),
    p90: literalNumber(band.annualPriceMultiplierP90, MULTIPLIER_DOMAIN),
    floor: literalNumber(band.floorShare, FLOOR_DOMAIN),
    shapeChecks: [],
  };
}

/**
 * A band read from a range of one row or column: `INDEX(range, i, j)` of its cells, `cells` (4 or
 * 5) being how many the range holds: 5 = label, m_p10, m_p50, m_p90, f (AICOST_BAND); 4 = the
 * four numbers.
 *
 * @example rangeBand(source("AICOST_BAND", true), "row", 5).p50.expression // INDEX(AICOST_BAND,1,3)
 */
export function rangeBand(range: FormulaExpression, orientation: "row" | "column", cells: 4 | 5): BandOperand {
  const at = (position: number) =>
    orientation === "row" ? call("INDEX", range, num(1), num(position)) : call("INDEX", range, num(position), num(1));
  const offset = cells === 5 ? 1 : 0;
  const label = at(1);
  return {
    kind: "band",
    p10: cellRead(at(offset + 1), MULTIPLIER_DOMAIN),
    p50: cellRead(at(offset + 2), MULTIPLIER_DOMAIN),
    p90: cellRead(at(offset + 3), MULTIPLIER_DOMAIN),
    floor: cellRead(at(offset + 4), FLOOR_DOMAIN),
    // As for a scenario's label: text or empty, and its error passes through.
    shapeChecks: cells === 5 ? [compare("=", call("T", label), label)] : [],
  };
}

/**
 * A scenario given by its numbers (a preset name written in the formula, an array constant).
 *
 * @example literalScenario("baseline", 0.1, 0.01).multiplier.literal // 0.1
 */
export function literalScenario(label: string, annualPriceMultiplier: number, floorShare: number): ScenarioOperand {
  return {
    kind: "scenario",
    label: text(label),
    multiplier: literalNumber(annualPriceMultiplier, MULTIPLIER_DOMAIN),
    floor: literalNumber(floorShare, FLOOR_DOMAIN),
    shapeChecks: [],
  };
}

/**
 * A preset by name, matched as AICOST and MATCH match it (case aside, exactly: " baseline" is no
 * preset), "" meaning baseline; null for a name that is not a preset.
 */
export function presetScenario(name: string): ScenarioOperand | null {
  const preset = name === "" ? findPreset(DEFAULT_SCENARIO_NAME) : findPreset(name);
  return preset ? literalScenario(preset.label, preset.annualPriceMultiplier, preset.floorShare) : null;
}

/**
 * An optional number read from a cell: an empty cell means the default, as in AICOST. A default
 * of 0 reads `N(cell)` (0 for an empty cell) with the check `OR(ISNUMBER(cell),ISBLANK(cell))`;
 * any other default `IF(ISBLANK(cell),default,cell)`.
 *
 * @example formulaText(optionalCellRead(source("$B$11", true), num(0), {}).expression) // N($B$11)
 */
export function optionalCellRead(cell: FormulaExpression, fallback: FormulaExpression, domain: OperandDomain): NumberOperand {
  if (fallback.kind === "number" && fallback.value === 0) {
    return { kind: "number", expression: call("N", cell), numeric: false, typeCheck: call("OR", call("ISNUMBER", cell), call("ISBLANK", cell)), domain };
  }
  return { kind: "number", expression: call("IF", call("ISBLANK", cell), fallback, cell), numeric: false, domain };
}

function cellRead(expression: FormulaExpression, domain: OperandDomain): NumberOperand {
  return { kind: "number", expression, numeric: false, domain };
}

/**
 * A scenario read from a range of one row or column: `INDEX(range, i, j)` of its label, m and f
 * cells, `cells` (2 or 3) being how many the range holds: 3 = label, m, f; 2 = m, f.
 *
 * @example rangeScenario(source("AICOST_SCENARIO", true), "row", 3).multiplier.expression // INDEX(AICOST_SCENARIO,1,2)
 */
export function rangeScenario(range: FormulaExpression, orientation: "row" | "column", cells: 2 | 3): ScenarioOperand {
  const at = (position: number) =>
    orientation === "row" ? call("INDEX", range, num(1), num(position)) : call("INDEX", range, num(position), num(1));
  const hasLabel = cells === 3;
  const label = at(1);
  return {
    kind: "scenario",
    // AICOST trims the label and calls an unnamed scenario "custom".
    label: hasLabel ? call("IF", compare("=", call("TRIM", label), text("")), text("custom"), call("TRIM", label)) : text("custom"),
    multiplier: cellRead(at(hasLabel ? 2 : 1), MULTIPLIER_DOMAIN),
    floor: cellRead(at(hasLabel ? 3 : 2), FLOOR_DOMAIN),
    // The first of three cells is a label: a number or TRUE/FALSE there is #VALUE! in AICOST, an
    // error passes through. T(label)=label holds for text and an empty cell, fails for a number or
    // a logical, and is the label's error when it holds one (an IS function would hide it).
    shapeChecks: hasLabel ? [compare("=", call("T", label), label)] : [],
  };
}

/**
 * A scenario named in a cell: a native lookup of the preset names, so switching the cell's text
 * switches the scenario. Names match as AICOST matches them, which is MATCH's rule: case aside,
 * exactly (a name with spaces around it is no preset). `cell&""` turns an empty cell into the
 * empty name at the end of the list, baseline, and a number into text that names nothing; any
 * other text is #N/A, and an error in the cell passes through.
 *
 * @example formulaText(presetLookupScenario(source("$B$1", true)).multiplier.expression)
 *   // INDEX({0.5;0.1;0.025;0.1},MATCH($B$1&"",{"pessimistic";"baseline";"aggressive";""},0))
 */
export function presetLookupScenario(cell: FormulaExpression): ScenarioOperand {
  const baseline = findPreset(DEFAULT_SCENARIO_NAME)!;
  const names = [...PRESET_SCENARIOS.map((preset) => preset.label), ""];
  const position = call("MATCH", concatenate(cell, text("")), array("column", names), num(0));
  const pick = (values: (number | string)[]) => call("INDEX", array("column", values), position);
  const numbers = (value: (preset: { annualPriceMultiplier: number; floorShare: number }) => number) =>
    pick([...PRESET_SCENARIOS.map(value), value(baseline)]);
  // A preset's numbers are in their domains: they need no checks.
  const presetNumber = (expression: FormulaExpression): NumberOperand => ({ kind: "number", expression, numeric: true, domain: {} });
  return {
    kind: "scenario",
    label: pick([...PRESET_SCENARIOS.map((preset) => preset.label), baseline.label]),
    multiplier: presetNumber(numbers((preset) => preset.annualPriceMultiplier)),
    floor: presetNumber(numbers((preset) => preset.floorShare)),
    shapeChecks: [],
  };
}
