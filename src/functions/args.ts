import { malformed, outOfRange } from "../core/errors";
import { DEFAULT_SCENARIO, findPreset, PRESET_SCENARIOS, validateScenario, type Scenario } from "../core/scenario";
import { ExcelError } from "./values";

/**
 * Parsers for the arguments Excel passes to custom functions: numbers, text, booleans, `null` for
 * an omitted argument or an empty cell, and 2-D arrays for ranges. Each returns a clean value or
 * throws a domain error whose message says what to fix.
 */

/** Thrown by a parser when an argument is itself an error value: it propagates unchanged. */
export class PropagatedError extends Error {
  readonly excelError: ExcelError;

  constructor(excelError: ExcelError) {
    super(excelError.message);
    this.excelError = excelError;
  }
}

const presetNames = PRESET_SCENARIOS.map((preset) => preset.label).join(", ");

function isEmpty(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Unwraps a one-cell range to its value; Excel and the preview pass a single cell either way. */
function singleValue(value: unknown, parameterName: string): unknown {
  if (!Array.isArray(value)) {
    return value;
  }
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    return (value[0] as unknown[])[0];
  }
  throw malformed(`${parameterName} must be a single number, not a range of several cells.`);
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

function toNumber(value: unknown, parameterName: string): number {
  if (typeof value === "number") {
    if (Number.isNaN(value)) {
      throw malformed(`${parameterName} must be a number; got a value that is not a number.`);
    }
    if (!Number.isFinite(value)) {
      // Excel never passes one, but another host might: no domain includes infinity.
      throw outOfRange(`${parameterName} must be a finite number; got ${value}.`);
    }
    return value;
  }
  if (value instanceof ExcelError) {
    throw new PropagatedError(value);
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    const parsed = Number(trimmed);
    if (trimmed !== "" && Number.isFinite(parsed)) {
      return parsed;
    }
  }
  throw malformed(`${parameterName} must be a number; got ${describe(value)}.`);
}

/**
 * A required number. Numeric text is read as Excel reads it for a number parameter.
 *
 * @example requiredNumber("12", "months_ahead") // 12
 */
export function requiredNumber(value: unknown, parameterName: string): number {
  if (Number.isFinite(value)) {
    return value as number; // the common case, first and cheap
  }
  const single = singleValue(value, parameterName);
  if (isEmpty(single)) {
    throw malformed(`${parameterName} is required: enter a number.`);
  }
  return toNumber(single, parameterName);
}

/**
 * An optional number: `null` (omitted) or an empty cell gives the default; 0 is a real value.
 *
 * @example optionalNumber(null, "cached_share", 0) // 0
 */
export function optionalNumber(value: unknown, parameterName: string, defaultValue: number): number {
  if (Number.isFinite(value)) {
    return value as number;
  }
  const single = singleValue(value, parameterName);
  return isEmpty(single) ? defaultValue : toNumber(single, parameterName);
}

function unknownScenario(name: string): Error {
  return malformed(
    `Unknown scenario "${name.trim()}": use ${presetNames}, or a range of one row or column holding a label, the annual price multiplier and the floor share.`,
  );
}

const scenarioShapeHelp =
  "a scenario range must be one row or one column holding an optional label, then the annual price multiplier m, then the floor share f";

function scenarioFromCells(cells: readonly unknown[]): Scenario {
  let length = cells.length;
  while (length > 0 && isEmpty(cells[length - 1])) {
    length--; // a row may be wider than its three cells
  }
  if (length === 0 || (length === 1 && (typeof cells[0] === "string" || cells[0] instanceof ExcelError))) {
    // Only a name, or nothing: read it as a one-cell scenario (a preset name, or empty for baseline).
    return scenarioArgument(length === 0 ? null : cells[0]);
  }
  if (length !== 2 && length !== 3) {
    throw malformed(`The scenario range holds ${length} filled cells: ${scenarioShapeHelp}.`);
  }
  const hasLabel = length === 3;
  const label = hasLabel ? cells[0] : null;
  if (label instanceof ExcelError) {
    throw new PropagatedError(label);
  }
  if (!isEmpty(label) && typeof label !== "string") {
    throw malformed(`The scenario's first cell must be its label (text); got ${describe(label)}: ${scenarioShapeHelp}.`);
  }
  const multiplierCell = hasLabel ? cells[1] : cells[0];
  const floorCell = hasLabel ? cells[2] : cells[1];
  if (isEmpty(multiplierCell) || typeof multiplierCell === "boolean") {
    throw malformed(`The scenario's annual price multiplier must be a number (0.1 = ten times cheaper per year); got ${isEmpty(multiplierCell) ? "an empty cell" : describe(multiplierCell)}.`);
  }
  if (isEmpty(floorCell) || typeof floorCell === "boolean") {
    throw malformed(`The scenario's floor share must be a number from 0 to 1 (0.01 = 1% of today's price); got ${isEmpty(floorCell) ? "an empty cell" : describe(floorCell)}.`);
  }
  return validateScenario({
    label: (typeof label === "string" ? label.trim() : "") || "custom",
    annualPriceMultiplier: toNumber(multiplierCell, "The scenario's annual price multiplier (0.1 = ten times cheaper per year)"),
    floorShare: toNumber(floorCell, "The scenario's floor share (from 0 to 1)"),
  });
}

/**
 * A `scenario` argument: omitted or empty gives baseline; text names a preset (any case, spaces
 * ignored); a range of one row or one column holds an optional label, then m, then f.
 *
 * @example scenarioArgument([["Aggressive"]]).annualPriceMultiplier // 0.025
 * @example scenarioArgument([["team plan", 0.2, 0.05]]).floorShare // 0.05
 */
export function scenarioArgument(value: unknown): Scenario {
  if (typeof value === "string") {
    const preset = findPreset(value);
    if (preset) {
      return preset;
    }
    if (value.trim() === "") {
      return DEFAULT_SCENARIO;
    }
    throw unknownScenario(value);
  }
  if (isEmpty(value)) {
    return DEFAULT_SCENARIO;
  }
  if (!Array.isArray(value)) {
    if (value instanceof ExcelError) {
      throw new PropagatedError(value);
    }
    throw malformed(`The scenario must be a preset name (${presetNames}) or a range; got ${describe(value)}.`);
  }
  const rows = value as unknown[];
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) {
    const only = (rows[0] as unknown[])[0];
    if (typeof only === "string" || isEmpty(only) || only instanceof ExcelError) {
      return scenarioArgument(only);
    }
    throw malformed(`A single-cell scenario must hold a preset name (${presetNames}); got ${describe(only)}.`);
  }
  return scenarioFromCells(vectorCells(rows, "The scenario range", scenarioShapeHelp).cells);
}

/** A range flattened to one dimension, remembering whether it was a row or a column. */
export interface Vector<T> {
  readonly cells: T[];
  readonly orientation: "row" | "column";
}

function vectorCells(rows: readonly unknown[], what: string, help: string): Vector<unknown> {
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row))) {
    throw malformed(`${what} is not a range: ${help}.`);
  }
  const width = (rows[0] as unknown[]).length;
  if (width === 0 || !rows.every((row) => (row as unknown[]).length === width)) {
    throw malformed(`${what} is not a rectangular range: ${help}.`);
  }
  if (rows.length === 1) {
    return { cells: [...(rows[0] as unknown[])], orientation: "row" };
  }
  if (width === 1) {
    return { cells: rows.map((row) => (row as unknown[])[0]), orientation: "column" };
  }
  throw malformed(`${what} has ${rows.length} rows and ${width} columns: ${help}.`);
}

const volumeHelp = "select one row or one column of monthly token counts";

/**
 * A range of monthly volumes: one row or one column of numbers; empty cells count as 0 tokens.
 * A single number is a one-month range.
 *
 * @example tokenVector([[1000], [2000]], "input_tokens") // { cells: [1000, 2000], orientation: "column" }
 */
export function tokenVector(value: unknown, parameterName: string): Vector<number> {
  if (!Array.isArray(value)) {
    if (isEmpty(value)) {
      throw malformed(`${parameterName} is required: ${volumeHelp}.`);
    }
    return { cells: [toNumber(value, parameterName)], orientation: "column" };
  }
  const vector = vectorCells(value, parameterName, volumeHelp);
  const cells = vector.cells.map((cell, index) =>
    isEmpty(cell) ? 0 : toNumber(cell, `${parameterName} (cell ${index + 1})`),
  );
  return { cells, orientation: vector.orientation };
}
