import { ArraySize, CellError, type HyperFormula, type SimpleCellAddress } from "hyperformula";
import * as aicost from "../functions/aicost";
import { formulaName, functionSpec, type FunctionId, type FunctionSpec } from "../functions/parameters";
import type { FunctionResult } from "../functions/values";

/**
 * The size of a spilled AICOST result in the preview, from the function's parameter table
 * (parameters.ts: `result`, `resultLength` and `resultWidth`). HyperFormula fixes an array formula's size when
 * the formula is entered (its `sizeOfResultArrayMethod` runs on the parsed formula, before any
 * value is computed) and then fits every result into that size, so a size that follows from the
 * arguments' values needs help:
 *
 * - A result shaped like its first argument (COST_CURVE's input_tokens): a range or an array
 *   constant written in the formula (`C17:C52`, `{1000000;1000000;1000000}`) has a known shape.
 * - A fixed length (SCENARIO_PARAMS' 3 cells) is known.
 * - A length that follows a parameter (PRICE_CURVE's months + 1 rows): a whole number written in
 *   the formula, or a single cell holding it (`=AICOST.PRICE_CURVE(B2, B3)`). For a cell, the size
 *   is read from the cell's value when the formula is entered, the formula is remembered, and
 *   {@link resizeSpills} enters it again after a change that gives the cell another value, so the
 *   spill follows. Undo and redo re-enter formulas themselves; {@link withSpillSizes} makes them
 *   use the sizes the spills had at that point of the history.
 *
 * - A "table" result (MODELS: one row per model of a provider on a date): its size follows
 *   every argument's value, so it is computed by running the function on the arguments written
 *   in the formula (texts, numbers, DATE() of numbers, omitted). The catalog is compiled in, so
 *   the same written arguments always give the same size.
 *
 * Any other form (a name, an expression such as `B3*12`) cannot be sized when the formula is
 * entered: the cell shows #VALUE! with a message saying what to write instead.
 */

/** A spilled result's size in cells. */
export interface SpillShape {
  readonly width: number;
  readonly height: number;
}

/** A formula whose spill size follows from a cell's value. */
interface ValueSizedSpill {
  readonly id: FunctionId;
  readonly formulaAddress: SimpleCellAddress;
  /** The cell whose value sets the size (e.g. PRICE_CURVE's months). */
  readonly source: SimpleCellAddress;
  /** The size the formula was given when it was last entered. */
  readonly shape: SpillShape;
}

interface EngineSpills {
  readonly records: Map<string, ValueSizedSpill>;
  overrides: ReadonlyMap<string, SpillShape> | null;
}

/** The parts of HyperFormula's formula tree read here. */
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly args?: readonly AstNode[];
  readonly expression?: AstNode;
  readonly reference?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
  readonly procedureName?: string;
}

/** What the plugin lends a size computation: its engine's dependency graph and its size predictor. */
export interface SizingEngine {
  /** HyperFormula's dependency graph (`hf.dependencyGraph`), which also keys this module's records. */
  readonly graph: object;
  readonly arraySizeForAst: (node: unknown) => ArraySize;
}

interface SizingState {
  readonly formulaAddress: SimpleCellAddress;
}

/** The engine's records, keyed by its dependency graph (the plugin and `hf.dependencyGraph` share it). */
const engines = new WeakMap<object, EngineSpills>();

function spillsOf(graph: object): EngineSpills {
  let spills = engines.get(graph);
  if (!spills) {
    spills = { records: new Map(), overrides: null };
    engines.set(graph, spills);
  }
  return spills;
}

function keyOf(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

function literalNumber(node: AstNode | undefined): number | undefined {
  if (node === undefined) return undefined;
  if (node.type === "NUMBER" && typeof node.value === "number") return node.value;
  if (node.type === "PARENTHESIS") return literalNumber(node.expression);
  if ((node.type === "PLUS_UNARY_OP" || node.type === "MINUS_UNARY_OP") && typeof node.value === "object") {
    const inner = literalNumber(node.value as AstNode);
    return inner === undefined ? undefined : node.type === "MINUS_UNARY_OP" ? -inner : inner;
  }
  return undefined;
}

function cellReference(node: AstNode | undefined): AstNode | undefined {
  if (node?.type === "PARENTHESIS") return cellReference(node.expression);
  return node?.type === "CELL_REFERENCE" ? node : undefined;
}

/** The shape of a result `cells` long, laid out as the function's table says (a row, or a column `resultWidth` wide). */
function lineShape(spec: FunctionSpec, cells: number): SpillShape {
  return spec.result === "row" ? { width: cells, height: 1 } : { width: spec.resultWidth ?? 1, height: cells };
}

/** The parameter whose value sets a result's length, with its position, or undefined. */
function lengthParameter(spec: FunctionSpec): { readonly index: number; readonly plus: number } | undefined {
  const length = spec.resultLength;
  if (length === undefined || typeof length === "number") return undefined;
  return { index: spec.parameters.findIndex((parameter) => parameter.name === length.parameter), plus: length.plus };
}

/** The size for a length parameter's value, as the function would compute it; 1x1 for a value it refuses. */
function lengthShape(spec: FunctionSpec, value: unknown): SpillShape {
  const parameter = lengthParameter(spec);
  const domain = parameter === undefined ? undefined : spec.parameters[parameter.index]?.domain;
  if (parameter === undefined || typeof value !== "number" || !Number.isInteger(value)) return { width: 1, height: 1 };
  const min = domain?.min ?? 0;
  const inside = (domain?.minExclusive ? value > min : value >= min) && value <= (domain?.max ?? Number.MAX_SAFE_INTEGER);
  return inside ? lineShape(spec, value + parameter.plus) : { width: 1, height: 1 };
}

/** An engine value as Excel would pass it to a custom function: rich numbers as numbers, empty as null. */
function asExcelValue(value: unknown): unknown {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof CellError) return value;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val;
  return null;
}

function toArraySize(shape: SpillShape): ArraySize {
  return shape.width === 1 && shape.height === 1 ? ArraySize.scalar() : new ArraySize(shape.width, shape.height);
}

function sameShape(left: SpillShape, right: SpillShape): boolean {
  return left.width === right.width && left.height === right.height;
}

/** Reads a cell's value from the dependency graph while the formula is parsed; undefined if not computed yet. */
function valueWhileParsing(graph: object, address: SimpleCellAddress): unknown {
  try {
    return (graph as { getCellValue(address: SimpleCellAddress): unknown }).getCellValue(address);
  } catch {
    return undefined; // a formula not computed yet (inside a batch): resizeSpills fixes the size afterwards
  }
}

const millisecondsInDay = 86_400_000;
const excelEpochUtcMilliseconds = Date.UTC(1899, 11, 30);

/**
 * An argument written in the formula as Excel would pass it, or undefined when it is not a
 * literal: a number, a text, an omitted argument (null), or DATE(year, month, day) of literal
 * numbers (years from 1900; months and days roll over as in Excel).
 */
function literalArgument(node: AstNode | undefined): number | string | null | undefined {
  if (node === undefined || node.type === "EMPTY") return null;
  if (node.type === "STRING" && typeof node.value === "string") return node.value;
  const number = literalNumber(node);
  if (number !== undefined) return number;
  if (node.type === "FUNCTION_CALL" && node.procedureName === "DATE" && node.args?.length === 3) {
    const [year, month, day] = node.args.map(literalNumber);
    if (year !== undefined && month !== undefined && day !== undefined && year >= 1900 && year <= 9999) {
      const serial = (Date.UTC(Math.trunc(year), Math.trunc(month) - 1, Math.trunc(day)) - excelEpochUtcMilliseconds) / millisecondsInDay;
      return serial >= 61 ? serial : undefined;
    }
  }
  return undefined;
}

/** A "table" result's size: the function run on the formula's literal arguments; one cell when one is not a literal. */
function tableSize(id: FunctionId, ast: AstNode): ArraySize {
  const literals = (ast.args ?? []).map(literalArgument);
  if (literals.some((literal) => literal === undefined) || literals.length > functionSpec(id).parameters.length) {
    return ArraySize.scalar();
  }
  const result = (aicost[id] as (...args: unknown[]) => FunctionResult)(...literals);
  return Array.isArray(result) && result.length > 0 ? toArraySize({ width: result[0].length, height: result.length }) : ArraySize.scalar();
}

function sizeOf(id: FunctionId, node: unknown, state: unknown, engine: SizingEngine, remember: boolean): ArraySize {
  const spec = functionSpec(id);
  const ast = node as AstNode;
  if (spec.result === "table") {
    return tableSize(id, ast);
  }
  if (spec.result === "like-first-argument") {
    const first = ast.args?.[0];
    if (first === undefined || !["CELL_RANGE", "COLUMN_RANGE", "ROW_RANGE", "ARRAY", "CELL_REFERENCE"].includes(first.type)) {
      return ArraySize.scalar();
    }
    return toArraySize(engine.arraySizeForAst(first));
  }
  if (typeof spec.resultLength === "number") {
    return toArraySize(lineShape(spec, spec.resultLength));
  }
  const parameter = lengthParameter(spec);
  if (parameter === undefined) {
    return ArraySize.scalar();
  }
  const { formulaAddress } = state as SizingState;
  const spills = spillsOf(engine.graph);
  const key = keyOf(formulaAddress);
  const lengthNode = ast.args?.[parameter.index];
  const literal = literalNumber(lengthNode);
  const reference = cellReference(lengthNode)?.reference;
  if (literal !== undefined || reference === undefined) {
    if (remember) spills.records.delete(key);
    return literal === undefined ? ArraySize.scalar() : toArraySize(lengthShape(spec, literal));
  }
  const source = reference.toSimpleCellAddress(formulaAddress);
  const current = valueWhileParsing(engine.graph, source);
  const shape = (remember ? spills.overrides?.get(key) : undefined) ?? (current === undefined ? { width: 1, height: 1 } : lengthShape(spec, asExcelValue(current)));
  if (remember) spills.records.set(key, { id, formulaAddress, source, shape });
  return toArraySize(shape);
}

/**
 * The size HyperFormula reserves for a spilling call when the formula is entered: the plugin's
 * `sizeOfResultArrayMethod`. A PRICE_CURVE whose months is a cell is remembered for
 * {@link resizeSpills}.
 */
export function spillSizeAtEntry(id: FunctionId, node: unknown, state: unknown, engine: SizingEngine): ArraySize {
  return sizeOf(id, node, state, engine, true);
}

/**
 * The size a spilling call must return when it is evaluated: the size its formula was given when
 * it was entered. A result of another size gets {@link spillSizeHelp}'s #VALUE! instead of being
 * cut to fit.
 */
export function spillSizeAtEvaluation(id: FunctionId, node: unknown, state: unknown, engine: SizingEngine): ArraySize {
  const parameter = lengthParameter(functionSpec(id));
  if (parameter !== undefined && cellReference((node as AstNode).args?.[parameter.index]) !== undefined) {
    const record = spillsOf(engine.graph).records.get(keyOf((state as SizingState).formulaAddress));
    if (record !== undefined) return toArraySize(record.shape);
  }
  return sizeOf(id, node, state, engine, false);
}

/** Why a spilled result does not fit the size its formula was given: what to write instead. */
export function spillSizeHelp(id: FunctionId, node: unknown): string {
  const spec = functionSpec(id);
  const parameter = lengthParameter(spec);
  if (parameter !== undefined) {
    const name = spec.parameters[parameter.index].name;
    const cells = spec.result === "row" ? "row" : "column";
    return cellReference((node as AstNode).args?.[parameter.index]) !== undefined
      ? `${id}'s ${name} changed after the formula was entered, and the preview sizes a spilled ${cells} when its formula is entered: enter the formula again (F2, Enter) to resize it.`
      : `In the preview, ${id}'s ${name} must be a whole number or a single cell written in the formula (e.g. ${exampleCall(id, parameter.index, "36")} or ${exampleCall(id, parameter.index, "B3")}), so the size of the spilled ${cells} is known when the formula is entered.`;
  }
  if (spec.result === "like-first-argument") {
    return `In the preview, ${id}'s ${spec.parameters[0].name} must be a cell range (e.g. C8:C43) or an array constant (e.g. {1000000;1000000;1000000}) written in the formula, so the size of the spilled result is known when the formula is entered.`;
  }
  if (spec.result === "table") {
    const names = spec.parameters.map((entry) => entry.name).join(" and ");
    return `In the preview, ${id}'s ${names} must be written in the formula (a text such as "OpenAI", a number, or DATE(2025, 6, 1)), not taken from cells, so the size of the spilled result is known when the formula is entered.`;
  }
  return `${formulaName(id)} returned an unexpected shape.`;
}

/** `=AICOST.PRICE_CURVE(B2, 36, AICOST_SCENARIO)`: a call with `length` in the length parameter's place. */
function exampleCall(id: FunctionId, lengthIndex: number, length: string): string {
  const placeholders = functionSpec(id).parameters.map((parameter, index) =>
    index === lengthIndex ? length : parameter.kind === "scenario" ? "AICOST_SCENARIO" : parameter.optional ? "" : `B${index + 2}`,
  );
  while (placeholders.length > 0 && placeholders[placeholders.length - 1] === "") placeholders.pop();
  return `=${formulaName(id)}(${placeholders.join(", ")})`;
}

/** The sizes of the formulas whose spill follows a cell's value, by cell: what a history step saves. */
export function valueSizedSpillShapes(hf: HyperFormula): ReadonlyMap<string, SpillShape> {
  return new Map([...spillsOf(hf.dependencyGraph).records].map(([key, record]) => [key, record.shape]));
}

/**
 * Runs `operation` (an undo or a redo) with the spill sizes of that point of the history: a
 * formula it enters again gets the size it had then, not one from the values of the moment.
 */
export function withSpillSizes<T>(hf: HyperFormula, shapes: ReadonlyMap<string, SpillShape>, operation: () => T): T {
  const spills = spillsOf(hf.dependencyGraph);
  const saved = spills.overrides;
  spills.overrides = shapes;
  try {
    return operation();
  } finally {
    spills.overrides = saved;
  }
}

function cellValue(hf: HyperFormula, address: SimpleCellAddress): unknown {
  try {
    return hf.getCellValue(address);
  } catch {
    return null; // the source's sheet is gone
  }
}

/**
 * Enters again every formula whose spill follows a cell's value when that value now asks for
 * another size, until the sizes settle; returns how many formulas it entered. Call it after a
 * change (outside a batch), e.g. at the end of each history step and when a workbook is opened.
 *
 * @example resizeSpills(hf) // 1, after B3 went from 24 to 36 under =AICOST.PRICE_CURVE(B2, B3)
 */
export function resizeSpills(hf: HyperFormula): number {
  const { records } = spillsOf(hf.dependencyGraph);
  let entered = 0;
  // A resized spill may feed another's months: a few rounds settle any chain a sheet holds.
  for (let round = 0; round < 5; round++) {
    let changed = 0;
    for (const [key, record] of [...records]) {
      const formula = hf.getSheetName(record.formulaAddress.sheet) === undefined ? undefined : hf.getCellFormula(record.formulaAddress);
      if (formula === undefined || !new RegExp(`${record.id}\\s*\\(`, "i").test(formula)) {
        records.delete(key);
        continue;
      }
      const wanted = lengthShape(functionSpec(record.id), asExcelValue(cellValue(hf, record.source)));
      if (!sameShape(wanted, record.shape)) {
        hf.setCellContents(record.formulaAddress, formula);
        changed++;
      }
    }
    entered += changed;
    if (changed === 0) break;
  }
  return entered;
}
