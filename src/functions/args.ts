import { DEFAULT_BAND, validateBand, type Band } from "../core/band";
import { malformed, outOfRange } from "../core/errors";
import { findPreset, PRESET_SCENARIOS, validateScenario, type Scenario } from "../core/scenario";
import { FUNCTION_SPECS, type FunctionId, type FunctionSpec, type NumberDomain, type ParameterKind, type ParameterSpec } from "./parameters";
import { checkedResult, ExcelError, passedOn, receivedError, toExcelError, type FunctionResult, type ResultCell } from "./values";

/**
 * The generic runner every AICOST function goes through, after HyperFormula's FinancialPlugin: a
 * function is its parameter table (parameters.ts) and a one-line computation on clean values.
 * The runner reads each argument as Excel passes it (numbers, text, booleans, `null` for an
 * omitted argument or an empty cell, 2-D arrays for ranges) by its parameter's kind, applies the
 * default of an omitted one and the domain of a number, and maps whatever goes wrong to an Excel
 * error in one place:
 *
 * - parameters are read in order, and the first one with a problem decides the result;
 * - an error value in an argument (or anywhere in a range) comes out unchanged, before anything
 *   else is said about that argument, as Excel's own functions pass errors on (see values.ts for
 *   the errors a custom function may not return);
 * - a malformed argument is `#VALUE!` with a message saying what to fix, a number outside its
 *   domain `#NUM!`, and the computation's own domain errors keep their code;
 * - a non-finite number anywhere in the result is `#NUM!`.
 */

/** A range flattened to one dimension, remembering whether it was a row or a column. */
export interface Vector<T> {
  readonly cells: T[];
  readonly orientation: "row" | "column";
}

/** A rectangular range as a table argument gives it: rows of cells, empty cells null. */
export type TableValue = readonly (readonly unknown[])[];

/** What each kind of parameter gives the computation. */
interface KindValues {
  readonly number: number;
  readonly scenario: Scenario;
  readonly vector: Vector<number>;
  readonly text: string;
  readonly date: number;
  readonly table: TableValue;
  readonly band: Band;
}

type ValueOf<P> = P extends { readonly kind: infer K extends ParameterKind }
  ? P extends { readonly optional: true }
    ? P extends { readonly defaultValue: unknown }
      ? KindValues[K]
      : KindValues[K] | null
    : KindValues[K]
  : never;

type SpecParameters<Id extends FunctionId> = (typeof FUNCTION_SPECS)[Id]["parameters"];

type ValuesOf<Parameters extends readonly unknown[]> = { readonly [I in keyof Parameters]: ValueOf<Parameters[I]> };

/** The clean arguments of a function, in its parameters' order, typed from its table. */
export type ArgumentsOf<Id extends FunctionId> = ValuesOf<SpecParameters<Id>>;

/** What a computation returns: a number, or a 2-D array that spills. */
export type Computed = number | ResultCell[][];

/** An AICOST function as both hosts call it: Excel's raw arguments in, a cell value out; never throws. */
export type AicostFunction = (...excelArguments: unknown[]) => FunctionResult;

/** Thrown while reading an argument that is (or holds) an error value: the result is that error. */
class PassOn {
  constructor(readonly error: ExcelError) {}
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function describe(value: unknown): string {
  if (typeof value === "string") {
    return `the text "${value.length > 40 ? value.slice(0, 40) + "..." : value}"`;
  }
  if (typeof value === "boolean") {
    return value ? "TRUE" : "FALSE";
  }
  return typeof value === "object" ? "a value that is not a number" : String(value);
}

/** Throws the first error value in `value` (itself, or a cell of a range, row by row), if any. */
function passOnErrors(value: unknown, where: string): void {
  if (typeof value !== "object" || value === null) {
    return;
  }
  if (!Array.isArray(value)) {
    const error = receivedError(value);
    if (error !== null) {
      throw new PassOn(passedOn(error, where));
    }
    return;
  }
  let position = 0;
  for (const row of value as unknown[]) {
    const cells = Array.isArray(row) ? (row as unknown[]) : [row];
    for (const cell of cells) {
      position++;
      if (typeof cell === "object" && cell !== null) {
        const error = receivedError(cell);
        if (error !== null) {
          throw new PassOn(passedOn(error, `${where} (cell ${position})`));
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Compiled parameters: the table read once, so each call only compares numbers.

/** The most parameters a function may have: the runner's calls take eight named arguments. */
const MAX_PARAMETERS = 8;

interface CompiledParameter {
  readonly spec: ParameterSpec;
  readonly name: string;
  readonly kind: ParameterKind;
  readonly optional: boolean;
  /** The default of an omitted parameter when it is a value (a number, a scenario, a text). */
  readonly defaultValue: unknown;
  /** The index of the earlier parameter whose value an omitted one copies, or -1. */
  readonly defaultFrom: number;
  readonly low: number;
  readonly lowExclusive: boolean;
  readonly high: number;
  readonly integer: boolean;
}


function compileParameter(id: string, spec: ParameterSpec, index: number, earlier: readonly ParameterSpec[]): CompiledParameter {
  const domain: NumberDomain = spec.domain ?? (spec.kind === "date" ? { min: 0 } : {});
  let defaultValue: unknown = null;
  let defaultFrom = -1;
  const declared = spec.defaultValue;
  if (declared !== undefined) {
    if (!spec.optional) {
      throw new Error(`${id}: the required parameter ${spec.name} has a default`);
    }
    if (typeof declared === "object") {
      defaultFrom = earlier.findIndex((parameter) => parameter.name === declared.parameter);
      if (defaultFrom < 0 || earlier[defaultFrom].kind !== spec.kind) {
        throw new Error(`${id}: ${spec.name} copies ${declared.parameter}, which is not an earlier parameter of the same kind`);
      }
    } else if (spec.kind === "band") {
      if (declared !== DEFAULT_BAND.label) {
        throw new Error(`${id}: ${spec.name} defaults to "${declared}"; the only band a parameter may default to is "${DEFAULT_BAND.label}"`);
      }
      defaultValue = DEFAULT_BAND;
    } else if (spec.kind === "scenario") {
      defaultValue = findPreset(String(declared));
      if (defaultValue === undefined) {
        throw new Error(`${id}: ${spec.name} defaults to "${declared}", which is not a preset`);
      }
    } else {
      defaultValue = declared;
    }
  }
  if (index > 0 && !spec.optional && earlier[index - 1].optional) {
    throw new Error(`${id}: the required parameter ${spec.name} follows an optional one`);
  }
  return {
    spec,
    name: spec.name,
    kind: spec.kind,
    optional: spec.optional,
    defaultValue,
    defaultFrom,
    low: domain.min ?? Number.NEGATIVE_INFINITY,
    lowExclusive: domain.minExclusive === true,
    high: domain.max ?? Number.POSITIVE_INFINITY,
    integer: domain.integer === true,
  };
}

/**
 * A function's parameter table read once for the runner; throws (at load, so a test fails) when
 * the table contradicts itself: a default on a required parameter, a required parameter after an
 * optional one, a default that copies a later or differently typed parameter, a scenario
 * default that is not a preset, or more parameters than the runner passes.
 */
function compile(name: string, spec: FunctionSpec): readonly CompiledParameter[] {
  if (spec.parameters.length > MAX_PARAMETERS) {
    throw new Error(`${name}: the runner passes at most ${MAX_PARAMETERS} arguments; this table has ${spec.parameters.length}`);
  }
  return spec.parameters.map((parameter, index) => compileParameter(name, parameter, index, spec.parameters.slice(0, index)));
}

// ---------------------------------------------------------------------------------------------
// Numbers

function domainMessage(parameter: CompiledParameter, value: number, what = parameter.name): string {
  const { low, lowExclusive, high, spec } = parameter;
  const hint = spec.hint === undefined ? "" : ` (${spec.hint})`;
  const unit = spec.unit === undefined ? "" : ` ${spec.unit}`;
  if (value < low || value > high || (lowExclusive && value === low)) {
    if (high === Number.POSITIVE_INFINITY) {
      return lowExclusive ? `${what} must be above ${low}${hint}; got ${value}.` : `${what} must be ${low} or more${hint}; got ${value}.`;
    }
    return `${what} must be from ${low} to ${high}${unit}${hint}; got ${value}.`;
  }
  return `${what} must be a whole number${unit === "" ? "" : ` of${unit}`}; got ${value}.`;
}

/** Throws outOfRange unless `value` (finite) is in the parameter's domain. */
function checkDomain(parameter: CompiledParameter, value: number, what?: string): number {
  if (
    value < parameter.low ||
    value > parameter.high ||
    (parameter.lowExclusive && value === parameter.low) ||
    (parameter.integer && !Number.isInteger(value))
  ) {
    throw outOfRange(domainMessage(parameter, value, what));
  }
  return value;
}

/** A non-empty, non-error cell as a number: numeric text is read as Excel reads it for a number parameter. */
function cellNumber(value: unknown, what: string): number {
  if (typeof value === "number") {
    if (value !== value) {
      throw malformed(`${what} must be a number; got a value that is not a number.`);
    }
    if (value - value !== 0) {
      // Excel never passes one, but another host might: no domain includes infinity.
      throw outOfRange(`${what} must be a finite number; got ${value}.`);
    }
    return value;
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    const parsed = Number(trimmed);
    if (trimmed !== "" && Number.isFinite(parsed)) {
      return parsed;
    }
  }
  throw malformed(`${what} must be a number; got ${describe(value)}.`);
}

/** The one value of a one-cell range; a larger range is malformed (after any error in it is passed on). */
function singleCell(value: unknown, parameter: CompiledParameter, expected: string): unknown {
  if (!Array.isArray(value)) {
    return value;
  }
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    return (value[0] as unknown[])[0];
  }
  passOnErrors(value, parameter.name);
  throw malformed(`${parameter.name} must be a single ${expected}, not a range of several cells.`);
}

function readNumber(parameter: CompiledParameter, value: unknown): number | null {
  if (typeof value === "number" && value - value === 0) {
    return checkDomain(parameter, value); // the common case, first and cheap
  }
  const single = singleCell(value, parameter, parameter.kind === "date" ? "date" : "number");
  if (isEmpty(single)) {
    if (parameter.optional) {
      return parameter.defaultValue as number | null;
    }
    throw malformed(`${parameter.name} is required: enter ${parameter.kind === "date" ? "a date" : "a number"}.`);
  }
  passOnErrors(single, parameter.name);
  if (parameter.kind === "date" && typeof single === "string") {
    throw malformed(`${parameter.name} must be a date: a date cell or DATE(2025, 5, 14), not ${describe(single)}.`);
  }
  return checkDomain(parameter, cellNumber(single, parameter.name));
}

// ---------------------------------------------------------------------------------------------
// Text and tables

function readText(parameter: CompiledParameter, value: unknown): string | null {
  if (typeof value === "string" && value !== "") {
    return value;
  }
  const single = singleCell(value, parameter, "text");
  if (isEmpty(single)) {
    if (parameter.optional) {
      return parameter.defaultValue as string | null;
    }
    throw malformed(`${parameter.name} is required: enter a text${parameter.spec.hint === undefined ? "" : ` (${parameter.spec.hint})`}.`);
  }
  passOnErrors(single, parameter.name);
  if (typeof single !== "string") {
    throw malformed(`${parameter.name} must be a text${parameter.spec.hint === undefined ? "" : ` (${parameter.spec.hint})`}; got ${describe(single)}.`);
  }
  return single;
}

function readTable(parameter: CompiledParameter, value: unknown): TableValue | null {
  if (isEmpty(value)) {
    if (parameter.optional) {
      return null;
    }
    throw malformed(`${parameter.name} is required: select a range.`);
  }
  passOnErrors(value, parameter.name);
  if (!Array.isArray(value)) {
    return [[value]];
  }
  const rows = rectangle(value, parameter.name, "select a rectangular range");
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
}

function rectangle(rows: readonly unknown[], what: string, help: string): readonly (readonly unknown[])[] {
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row))) {
    throw malformed(`${what} is not a range: ${help}.`);
  }
  const width = (rows[0] as unknown[]).length;
  if (width === 0 || !rows.every((row) => (row as unknown[]).length === width)) {
    throw malformed(`${what} is not a rectangular range: ${help}.`);
  }
  return rows as readonly (readonly unknown[])[];
}

// ---------------------------------------------------------------------------------------------
// Vectors (monthly volumes)

function vectorCells(rows: readonly unknown[], what: string, help: string): Vector<unknown> {
  const block = rectangle(rows, what, help);
  const width = block[0].length;
  if (block.length === 1) {
    return { cells: block[0] as unknown[], orientation: "row" };
  }
  if (width === 1) {
    const cells = new Array<unknown>(block.length);
    for (let index = 0; index < block.length; index++) {
      cells[index] = block[index][0];
    }
    return { cells, orientation: "column" };
  }
  throw malformed(`${what} has ${block.length} rows and ${width} columns: ${help}.`);
}

const volumeHelp = "select one row or one column of monthly token counts";

/** A cell of a vector in the parameter's domain: a finite number (or an empty cell, 0), else NaN. */
function plainCell(parameter: CompiledParameter, cell: unknown): number {
  if (typeof cell === "number") {
    return cell - cell === 0 &&
      cell >= parameter.low &&
      cell <= parameter.high &&
      !(parameter.lowExclusive && cell === parameter.low) &&
      !(parameter.integer && !Number.isInteger(cell))
      ? cell
      : Number.NaN;
  }
  return cell === null || cell === undefined || cell === "" ? 0 : Number.NaN;
}

/**
 * The common case read in one pass: a column or a row of numbers in the domain and empty cells.
 * Null when any cell needs more (text, an error, a number out of range) or the shape is another:
 * the general path then says what is wrong, errors first.
 */
function plainVector(parameter: CompiledParameter, rows: readonly unknown[]): Vector<number> | null {
  if (rows.length === 1) {
    const row = rows[0];
    if (!Array.isArray(row) || row.length === 0) {
      return null;
    }
    const cells = new Array<number>(row.length);
    for (let index = 0; index < row.length; index++) {
      const cell = plainCell(parameter, row[index]);
      if (cell !== cell) {
        return null;
      }
      cells[index] = cell;
    }
    return { cells, orientation: "row" };
  }
  const cells = new Array<number>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!Array.isArray(row) || row.length !== 1) {
      return null;
    }
    const cell = plainCell(parameter, row[0]);
    if (cell !== cell) {
      return null;
    }
    cells[index] = cell;
  }
  return rows.length === 0 ? null : { cells, orientation: "column" };
}

function readVector(parameter: CompiledParameter, value: unknown): Vector<number> {
  if (!Array.isArray(value)) {
    if (isEmpty(value)) {
      throw malformed(`${parameter.name} is required: ${volumeHelp}.`);
    }
    passOnErrors(value, parameter.name);
    return { cells: [checkDomain(parameter, cellNumber(value, parameter.name))], orientation: "column" };
  }
  const plain = plainVector(parameter, value);
  if (plain !== null) {
    return plain;
  }
  passOnErrors(value, parameter.name);
  const vector = vectorCells(value, parameter.name, volumeHelp);
  const source = vector.cells;
  const cells = new Array<number>(source.length);
  for (let index = 0; index < source.length; index++) {
    const cell = source[index];
    cells[index] =
      typeof cell === "number" && cell - cell === 0
        ? checkDomain(parameter, cell)
        : isEmpty(cell)
          ? 0
          : checkDomain(parameter, cellNumber(cell, `${parameter.name} (cell ${index + 1})`));
  }
  return { cells, orientation: vector.orientation };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const presetNames = PRESET_SCENARIOS.map((preset) => preset.label).join(", ");

const scenarioShapeHelp =
  "a scenario range must be one row or one column holding an optional label, then the annual price multiplier m, then the floor share f";

function unknownScenario(name: string): Error {
  const spaced = name !== name.trim() && (name.trim() === "" || findPreset(name.trim()) !== undefined);
  if (spaced) {
    return malformed(
      name.trim() === ""
        ? `The scenario is only spaces: leave the cell empty for baseline, or name a scenario (${presetNames}).`
        : `Unknown scenario "${name}": remove the spaces around "${name.trim()}" (names match as Excel's MATCH matches them: case aside, exactly).`,
    );
  }
  return malformed(
    `Unknown scenario "${name}": use ${presetNames}, or a range of one row or column holding a label, the annual price multiplier and the floor share.`,
  );
}

let lastName = "";
let lastPreset: Scenario | undefined = undefined;

/** A scenario named in one cell: a preset, any case. The last name read is remembered. */
function namedScenario(name: string): Scenario {
  if (name === lastName && lastPreset !== undefined) {
    return lastPreset;
  }
  const preset = findPreset(name);
  if (preset === undefined) {
    throw unknownScenario(name);
  }
  lastName = name;
  lastPreset = preset;
  return preset;
}

/**
 * The cells of the last three-cell scenario range read (a row or a column: label, m, f) and the
 * scenario they gave. A sheet passes the same row (AICOST_SCENARIO) to every projecting cell, so
 * a range holding the same three values is the same scenario, found without reading it again.
 * Only cells that gave a scenario are kept, so none of them is an error value.
 */
const lastCells: unknown[] = [undefined, undefined, undefined];
let lastScenario: Scenario | null = null;

/** The scenario in the first `cellCount` cells of a row or column (a label, m and f). */
function scenarioFromCells(cells: readonly unknown[], cellCount: number, parameterName: string): Scenario {
  for (let index = 0; index < cellCount; index++) {
    const cell = cells[index];
    if (typeof cell === "object" && cell !== null) {
      const error = receivedError(cell);
      if (error !== null) {
        throw new PassOn(passedOn(error, `${parameterName} (cell ${index + 1})`));
      }
    }
  }
  let length = cellCount;
  while (length > 0 && isEmpty(cells[length - 1])) {
    length--; // a row may be wider than its three cells
  }
  if (length === 0) {
    throw malformed(
      "The scenario range is empty (its row may have been cleared, or it points at an empty row): fill in the label, the annual price multiplier and the floor share, or leave the argument out for baseline.",
    );
  }
  if (length > 3) {
    const filled = cells.slice(0, length).filter((cell) => !isEmpty(cell)).length;
    throw malformed(`The scenario range holds ${filled} filled cells: ${scenarioShapeHelp}.`);
  }
  const first = cells[0];
  // The label's place is taken when the first cell is text, or when three cells are filled.
  const hasLabel = typeof first === "string" || length === 3;
  if (hasLabel && !isEmpty(first) && typeof first !== "string") {
    throw malformed(`The scenario's first cell must be its label (text); got ${describe(first)}: ${scenarioShapeHelp}.`);
  }
  const label = hasLabel ? first : null;
  const multiplierCell = hasLabel ? cells[1] : cells[0];
  const floorCell = hasLabel ? cells[2] : cells[1];
  if (isEmpty(multiplierCell) || typeof multiplierCell === "boolean") {
    throw malformed(
      `The scenario's annual price multiplier must be a number (0.1 = ten times cheaper per year); got ${isEmpty(multiplierCell) ? "an empty cell" : describe(multiplierCell)}.`,
    );
  }
  if (isEmpty(floorCell) || typeof floorCell === "boolean") {
    throw malformed(
      `The scenario's floor share must be a number from 0 to 1 (0.01 = 1% of today's price); got ${isEmpty(floorCell) ? "an empty cell" : describe(floorCell)}.`,
    );
  }
  const scenario = validateScenario({
    label: (typeof label === "string" ? label.trim() : "") || "custom",
    annualPriceMultiplier: cellNumber(multiplierCell, "The scenario's annual price multiplier (0.1 = ten times cheaper per year)"),
    floorShare: cellNumber(floorCell, "The scenario's floor share (from 0 to 1)"),
  });
  if (cellCount === 3) {
    lastCells[0] = cells[0];
    lastCells[1] = cells[1];
    lastCells[2] = cells[2];
    lastScenario = scenario;
  }
  return scenario;
}

/** Reused for every scenario column read: its cells are only looked at, never kept. */
const columnScratch: unknown[] = [null, null, null];

/** The cells of a column (every row one cell) in the first rows.length places of a reused array, or null for any other shape. */
function columnCells(rows: readonly unknown[]): unknown[] | null {
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!Array.isArray(row) || row.length !== 1) {
      return null;
    }
    columnScratch[index] = row[0];
  }
  return columnScratch;
}

function readScenario(parameter: CompiledParameter, value: unknown): Scenario | null {
  if (typeof value === "string") {
    return value === "" ? (parameter.defaultValue as Scenario | null) : namedScenario(value);
  }
  if (Array.isArray(value) && value.length > 0) {
    const rows = value as unknown[];
    const first = rows[0];
    if (Array.isArray(first)) {
      if (rows.length === 1 && first.length === 1) {
        // One cell: Excel passes a literal text to an any[][] parameter this way; an empty cell,
        // too, means the default.
        const only: unknown = first[0];
        if (typeof only === "string") {
          return only === "" ? (parameter.defaultValue as Scenario | null) : namedScenario(only);
        }
        if (isEmpty(only)) {
          return parameter.defaultValue as Scenario | null;
        }
        passOnErrors(only, parameter.name);
        throw malformed(`A single-cell scenario must hold a preset name (${presetNames}); got ${describe(only)}.`);
      }
      if (rows.length === 1 && first.length === 3 && first[0] === lastCells[0] && first[1] === lastCells[1] && first[2] === lastCells[2] && lastScenario !== null) {
        return lastScenario;
      }
      if (rows.length === 1 && first.length > 1) {
        return scenarioFromCells(first as unknown[], first.length, parameter.name); // a row, the form AICOST_SCENARIO arrives in
      }
      if (first.length === 1) {
        if (rows.length === 3 && lastScenario !== null && first[0] === lastCells[0]) {
          const second = rows[1];
          const third = rows[2];
          if (Array.isArray(second) && second.length === 1 && second[0] === lastCells[1] && Array.isArray(third) && third.length === 1 && third[0] === lastCells[2]) {
            return lastScenario;
          }
        }
        const cells = columnCells(rows);
        if (cells !== null) {
          return scenarioFromCells(cells, rows.length, parameter.name); // a column
        }
      }
    }
  }
  if (isEmpty(value)) {
    return parameter.defaultValue as Scenario | null;
  }
  passOnErrors(value, parameter.name);
  if (!Array.isArray(value)) {
    throw malformed(`The scenario must be a preset name (${presetNames}) or a range; got ${describe(value)}.`);
  }
  const { cells } = vectorCells(value, "The scenario range", scenarioShapeHelp);
  return scenarioFromCells(cells, cells.length, parameter.name);
}

// ---------------------------------------------------------------------------------------------
// Bands

const bandShapeHelp =
  "a band is one row or one column of an optional label, then m_p10, m_p50 and m_p90 (the 10th, 50th and 90th percentiles of the annual price multiplier, e.g. 0.02, 0.057, 0.2), then the floor share f, as in AICOST_BAND; leave the argument out for the default band";

const bandNumberNames = ["m_p10", "m_p50", "m_p90", "floor share f"] as const;

/**
 * A band from the cells of one row or column (no error values: they were passed on): an
 * optional label, m_p10, m_p50, m_p90, f. A name alone (a scenario's, a preset's, any text) is
 * refused, as a band is never named; a blank range is refused rather than read as the default.
 */
function bandFromCells(cells: readonly unknown[]): Band {
  let length = cells.length;
  while (length > 0 && isEmpty(cells[length - 1])) {
    length--;
  }
  if (length === 0) {
    throw malformed(`The band range is empty (its row may have been cleared): fill in ${bandShapeHelp}.`);
  }
  const first = cells[0];
  const hasLabel = typeof first === "string" || length === 5;
  if (length === 1 && typeof first === "string") {
    throw malformed(`The band "${first}" is a name, not a band: ${bandShapeHelp}.`);
  }
  if (length > 5) {
    const filled = cells.slice(0, length).filter((cell) => !isEmpty(cell)).length;
    throw malformed(`The band range holds ${filled} filled cells: ${bandShapeHelp}.`);
  }
  if (hasLabel && !isEmpty(first) && typeof first !== "string") {
    throw malformed(`The band's first cell must be its label (text); got ${describe(first)}: ${bandShapeHelp}.`);
  }
  const numbers = hasLabel ? cells.slice(1, 5) : cells.slice(0, 4);
  const values = bandNumberNames.map((name, index) => {
    const cell = numbers[index];
    if (isEmpty(cell) || typeof cell === "boolean") {
      throw malformed(`The band's ${name} must be a number; got ${isEmpty(cell) ? "an empty cell" : describe(cell)}: ${bandShapeHelp}.`);
    }
    return cellNumber(cell, `The band's ${name}`);
  });
  return validateBand({
    label: (typeof first === "string" && hasLabel ? first.trim() : "") || "custom",
    annualPriceMultiplierP10: values[0],
    annualPriceMultiplierP50: values[1],
    annualPriceMultiplierP90: values[2],
    floorShare: values[3],
  });
}

function readBand(parameter: CompiledParameter, value: unknown): Band | null {
  if (typeof value === "string") {
    if (value === "") {
      return parameter.defaultValue as Band | null;
    }
    throw malformed(`The band "${value}" is a name, not a band: ${bandShapeHelp}.`);
  }
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    const only: unknown = (value[0] as unknown[])[0];
    if (isEmpty(only)) {
      return parameter.defaultValue as Band | null; // an empty one-cell argument: Excel's omitted
    }
    passOnErrors(only, parameter.name);
    throw malformed(
      typeof only === "string" ? `The band "${only}" is a name, not a band: ${bandShapeHelp}.` : `A single cell is not a band (got ${describe(only)}): ${bandShapeHelp}.`,
    );
  }
  if (isEmpty(value)) {
    return parameter.defaultValue as Band | null;
  }
  passOnErrors(value, parameter.name);
  if (!Array.isArray(value)) {
    throw malformed(`The band must be a range; got ${describe(value)}: ${bandShapeHelp}.`);
  }
  const { cells } = vectorCells(value, "The band range", bandShapeHelp);
  return bandFromCells(cells);
}

// ---------------------------------------------------------------------------------------------
// The runner

function readArgument(parameter: CompiledParameter, value: unknown): unknown {
  switch (parameter.kind) {
    case "number":
    case "date":
      return readNumber(parameter, value);
    case "scenario":
      return readScenario(parameter, value);
    case "vector":
      return readVector(parameter, value);
    case "text":
      return readText(parameter, value);
    case "table":
      return readTable(parameter, value);
    case "band":
      return readBand(parameter, value);
  }
}

/**
 * A function from a parameter table and a computation on the clean values: the result reads
 * Excel's arguments, runs `compute` and maps every error and every non-finite number, as
 * described at the top of this file. {@link aicostFunction} is the typed form for the functions
 * of FUNCTION_SPECS.
 */
export function defineFunction(name: string, spec: FunctionSpec, compute: (values: readonly unknown[]) => Computed): AicostFunction {
  const parameters = compile(name, spec);
  const count = parameters.length;
  // The clean values of the call in progress. Calls never overlap (a computation calls no AICOST
  // function), so one array per function serves every call and nothing is allocated for it.
  const values = new Array<unknown>(count).fill(null);
  const copied = parameters.flatMap((parameter, index) => (parameter.defaultFrom >= 0 ? [index] : []));
  // Eight named parameters (MAX_PARAMETERS) rather than a rest array, which would be allocated
  // on every call: the bench measured PROJECT_PRICE about a fifth faster this way.
  return (a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown, a5?: unknown, a6?: unknown, a7?: unknown): FunctionResult => {
    try {
      for (let index = 0; index < count; index++) {
        const value = index < 4 ? (index < 2 ? (index === 0 ? a0 : a1) : index === 2 ? a2 : a3) : index < 6 ? (index === 4 ? a4 : a5) : index === 6 ? a6 : a7;
        values[index] = readArgument(parameters[index], value);
      }
      for (const index of copied) {
        if (values[index] === null) {
          values[index] = values[parameters[index].defaultFrom];
        }
      }
      return checkedResult(compute(values));
    } catch (thrown) {
      return thrown instanceof PassOn ? thrown.error : toExcelError(thrown);
    }
  };
}

/**
 * Defines the AICOST function `id` from its table in FUNCTION_SPECS: `compute` gets the clean
 * arguments, typed from the table, and hands them to core.
 *
 * @example const PROJECT_PRICE = aicostFunction("PROJECT_PRICE", ([price, months, scenario]) => projectPrice(price, months, scenario));
 */
export function aicostFunction<Id extends FunctionId>(id: Id, compute: (values: ArgumentsOf<Id>) => Computed): AicostFunction {
  return defineFunction(id, FUNCTION_SPECS[id], compute as unknown as (values: readonly unknown[]) => Computed);
}
