/**
 * One formula made share-safe: every AICOST call in it replaced by its closed form of built-in
 * functions, everything around the calls kept exactly as written. The formula is parsed with
 * @borgar/fx (a maintained Excel formula parser); the new text is spliced from the syntax tree's
 * source locations, so references, strings, array constants and spacing outside the calls stay
 * character for character, and each argument keeps the text it had.
 */
import { parse, type AstExpression, type CallExpression } from "@borgar/fx";
import { parseA1Ref, tokenize } from "@borgar/fx/xlsx";
import {
  CLOSED_FORMS,
  literalBand,
  literalScenario,
  NotNative,
  optionalCellRead,
  presetLookupScenario,
  presetScenario,
  rangeBand,
  rangeScenario,
  type ClosedFormContext,
  type NumberOperand,
  type Operand,
  type OperandDomain,
  type TableOperand,
} from "../core/closedForms";
import { A1_CELL_OR_RANGE, columnIndex, columnLetters } from "../core/a1";
import { LAST_EXCEL_SERIAL } from "../core/excelDate";
import { formulaText, isAtomic, source, withFileFunctionNames, type FormulaErrorCode, type FormulaExpression } from "../core/formulaExpression";
import { AICOST_NAMESPACE } from "../core/namespace";
import { FUNCTION_SPECS, type FunctionId, type ParameterSpec } from "../functions/parameters";
import { DEFAULT_BAND } from "../core/band";
import { PRICE_QUANTILE, SCENARIO_PARAMS } from "../functions/aicost";
import { ExcelError } from "../functions/values";

/** What rewriting one formula came to. */
export type FormulaRewrite =
  | { readonly kind: "unchanged" }
  /** `arrayEvaluation`: a native form computes over whole ranges, so the cell must hold an array formula. */
  | { readonly kind: "rewritten"; readonly formula: string; readonly calls: number; readonly arrayEvaluation?: boolean }
  /** It calls AICOST but cannot be made native: the cell keeps its cached value. */
  | { readonly kind: "frozen"; readonly reason: string };

/** The static shape of a rectangle of cells. */
export interface RangeShape {
  readonly rows: number;
  readonly columns: number;
}

/** What a defined name refers to, as far as the rewriter needs to know. */
export type NameTarget =
  /** `reference`: the range as the name's definition writes it (`'AICOST Prices'!$A$4:$K$504`). */
  | { readonly kind: "range"; readonly shape: RangeShape; readonly reference?: string }
  | { readonly kind: "other" };

export interface FormulaContext {
  /** The defined name's target, looked up in the sheet's scope first; undefined when there is no such name. */
  readonly resolveName: (name: string) => NameTarget | undefined;
  /** For an array formula, the shape of the range it fills. */
  readonly arrayShape?: RangeShape;
  /** Names newer functions as a file stores them (`_xlfn.NORM.S.INV`): set when the formula goes into a workbook's XML. */
  readonly fileFunctionNames?: boolean;
}

const callPattern = new RegExp(`^(?:_xldudf_${AICOST_NAMESPACE}_|${AICOST_NAMESPACE}\\.)([A-Za-z0-9_]+)$`, "i");
const quickTest = new RegExp(`${AICOST_NAMESPACE}`, "i");

/** The AICOST function id a call names (`_xldudf_AICOST_X` or `AICOST.X`, any case), else null. */
export function aicostFunctionName(callee: string): string | null {
  const match = callPattern.exec(callee);
  return match ? match[1].toUpperCase() : null;
}

/** Whether a formula's text mentions AICOST at all: the cheap test before parsing. */
export function mayCallAicost(formula: string): boolean {
  return quickTest.test(formula);
}

class Frozen extends Error {}

type Node = AstExpression;

function isAicostCall(node: Node | null): node is CallExpression {
  return node !== null && node.type === "CallExpression" && aicostFunctionName(node.callee.name) !== null;
}

function locationOf(node: Node): [number, number] {
  const loc = (node as { loc?: [number, number] }).loc;
  if (!loc) throw new Frozen("the formula parser gave no source location");
  return loc;
}

function childrenOf(node: Node): Node[] {
  const record = node as unknown as { arguments?: (Node | null)[]; elements?: Node[][]; body?: Node | null; declarations?: { init: Node | null }[] };
  const children: Node[] = [];
  for (const argument of record.arguments ?? []) if (argument) children.push(argument);
  for (const row of record.elements ?? []) children.push(...row);
  if (record.body) children.push(record.body);
  for (const declaration of record.declarations ?? []) if (declaration.init) children.push(declaration.init);
  return children;
}

function containsAicost(node: Node): boolean {
  return isAicostCall(node) || childrenOf(node).some(containsAicost);
}

/** Whether an argument reads a cell or a function of the workbook's (not AICOST's), whose value may be empty. */
function readsCell(node: Node): boolean {
  return node.type === "ReferenceIdentifier" || (node.type === "CallExpression" && !isAicostCall(node));
}

const numericBinary = new Set(["+", "-", "*", "/", "^"]);

const singleCell = /^(?:(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$/;

function shapeOfReference(text: string): RangeShape | null {
  // The common case, a single cell, without a second parse.
  if (singleCell.test(text)) return { rows: 1, columns: 1 };
  const parsed = parseA1Ref(text) as { range?: { top: number | null; left: number | null; bottom: number | null; right: number | null } } | null;
  const range = parsed?.range;
  if (!range || range.top === null || range.left === null || range.bottom === null || range.right === null) return null;
  return { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}

const errorCodes = new Set<string>(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!", "#REF!", "#NAME?", "#NULL!"]);

function errorCode(raw: string): FormulaErrorCode {
  const upper = raw.toUpperCase();
  return (errorCodes.has(upper) ? upper : "#VALUE!") as FormulaErrorCode;
}

/** Rewrites the AICOST calls of one formula; `formula` as stored in a file (no leading "="). */
class FormulaRewriter {
  calls = 0;
  /** Set when a closed form in the formula computes over whole ranges. */
  arrayEvaluation = false;

  constructor(
    private readonly formula: string,
    private readonly context: FormulaContext,
  ) {}

  /** The text of `node` with every AICOST call in it replaced. */
  textOf(node: Node, embedded: boolean): string {
    if (isAicostCall(node)) {
      const built = this.callExpression(node, embedded ? {} : { spill: this.context.arrayShape });
      const native = this.context.fileFunctionNames ? withFileFunctionNames(built) : built;
      return embedded && !isAtomic(native) ? `(${formulaText(native)})` : formulaText(native);
    }
    const [start, end] = locationOf(node);
    const calls: Node[] = [];
    const collect = (child: Node): void => {
      if (isAicostCall(child)) calls.push(child);
      else childrenOf(child).forEach(collect);
    };
    childrenOf(node).forEach(collect);
    let result = "";
    let position = start;
    for (const inner of calls.sort((a, b) => locationOf(a)[0] - locationOf(b)[0])) {
      const [innerStart, innerEnd] = locationOf(inner);
      result += this.formula.slice(position, innerStart) + this.textOf(inner, true);
      position = innerEnd;
    }
    return result + this.formula.slice(position, end);
  }

  /** An argument's expression as written (AICOST calls inside it rewritten). */
  private sourceOf(node: Node): FormulaExpression {
    const atomic = node.type === "ReferenceIdentifier" || node.type === "CallExpression" || node.type === "ErrorLiteral" ||
      (node.type === "Literal" && !(typeof node.value === "number" && node.value < 0));
    return source(this.textOf(node, true), atomic);
  }

  callExpression(node: CallExpression, options: { spill?: RangeShape }): FormulaExpression {
    const id = aicostFunctionName(node.callee.name)!;
    const spec = (FUNCTION_SPECS as Record<string, (typeof FUNCTION_SPECS)[FunctionId] | undefined>)[id];
    if (spec === undefined) throw new Frozen(`AICOST has no function ${id}`);
    const closedForm = CLOSED_FORMS[id];
    if (closedForm === undefined) throw new Frozen(`${AICOST_NAMESPACE}.${id} has no closed form of built-in functions`);
    const parameters = spec.parameters as readonly ParameterSpec[];
    if (node.arguments.length > parameters.length) {
      throw new Frozen(`${AICOST_NAMESPACE}.${id} takes at most ${parameters.length} arguments; this call has ${node.arguments.length}`);
    }
    const operands: Operand[] = [];
    parameters.forEach((parameter, index) => {
      const argument = node.arguments[index] ?? null;
      operands.push(this.operand(parameter, argument, parameters, operands));
    });
    const length = spec.result === "row" ? options.spill?.columns : options.spill?.rows;
    const context: ClosedFormContext = length === undefined ? {} : { spillLength: length };
    try {
      const built = closedForm.build(operands, context);
      this.calls++;
      if (closedForm.arrayEvaluation) this.arrayEvaluation = true;
      return built;
    } catch (thrown) {
      if (thrown instanceof NotNative) throw new Frozen(thrown.message);
      throw thrown;
    }
  }

  private operand(parameter: ParameterSpec, argument: Node | null, parameters: readonly ParameterSpec[], previous: readonly Operand[]): Operand {
    const omitted = argument === null || (argument.type === "Literal" && argument.value === "" && parameter.kind !== "scenario");
    if (omitted) {
      if (!parameter.optional) return { kind: "error", code: "#VALUE!" };
      const fallback = parameter.defaultValue;
      if (parameter.kind === "band") return literalBand(DEFAULT_BAND);
      if (fallback === undefined && (parameter.kind === "text" || parameter.kind === "date" || parameter.kind === "table")) return { kind: "omitted" };
      if (typeof fallback === "number") return literal(fallback, parameter.domain ?? {});
      if (typeof fallback === "string") return presetScenario(fallback)!;
      if (fallback !== undefined) {
        const copied = previous[parameters.findIndex((other) => other.name === fallback.parameter)];
        return copied.kind === "number" ? { ...copied, domain: parameter.domain ?? {} } : copied;
      }
      throw new Frozen(`${parameter.name} has no default`);
    }
    switch (parameter.kind) {
      case "number": {
        const operand = this.numberOperand(argument, parameter.domain ?? {}, parameter.name);
        return parameter.optional ? this.blankMeansDefault(operand, argument, parameter, parameters, previous) : operand;
      }
      case "scenario":
        return this.scenarioOperand(argument);
      case "vector":
        return this.vectorOperand(argument, parameter.domain ?? {}, parameter.name);
      case "band":
        return this.bandOperand(argument);
      case "text":
        return this.textOperand(argument, parameter.name);
      case "date": {
        // An empty cell is "no date" (the newest price): read as the last day a date can be.
        const operand = this.numberOperand(argument, {}, parameter.name);
        return operand.kind === "number" && !operand.numeric && readsCell(argument) ? optionalCellRead(operand.expression, { kind: "number", value: LAST_EXCEL_SERIAL }, {}) : operand;
      }
      case "table":
        return this.tableOperand(argument, parameter.name);
    }
  }

  /** A text: written in the formula, or read from one cell or an expression. */
  private textOperand(node: Node, name: string): Operand {
    switch (node.type) {
      case "Literal":
        // A number or TRUE/FALSE where a text is expected is #VALUE! in AICOST.
        return typeof node.value === "string" ? { kind: "text", expression: this.sourceOf(node), literal: node.value } : { kind: "error", code: "#VALUE!" };
      case "ErrorLiteral":
        return { kind: "error", code: errorCode(node.value) };
      case "ReferenceIdentifier": {
        const shape = this.referenceShape(node.value, node.kind);
        if (shape !== null && (shape.rows !== 1 || shape.columns !== 1)) throw new Frozen(`${name} is a range of ${shape.rows * shape.columns} cells where one text is expected`);
        return { kind: "text", expression: this.sourceOf(node) };
      }
      case "CallExpression":
        if (isAicostCall(node)) throw new Frozen(`${name} is the result of ${AICOST_NAMESPACE}.${aicostFunctionName(node.callee.name)} where a text is expected`);
        return { kind: "text", expression: this.sourceOf(node) };
      case "BinaryExpression":
        if (node.operator === "&") return { kind: "text", expression: this.sourceOf(node) };
        throw new Frozen(`${name} is an expression whose result is not a text`);
      default:
        throw new Frozen(`${name} is a ${node.type} where a text is expected`);
    }
  }

  /** A range of cells: a reference or a name of one (its columns readable one by one), or an array constant. */
  private tableOperand(node: Node, name: string): Operand {
    switch (node.type) {
      case "ErrorLiteral":
        return { kind: "error", code: errorCode(node.value) };
      case "Literal":
        return { kind: "table", expression: this.sourceOf(node), rows: 1, columns: 1 };
      case "ArrayExpression": {
        const rows = node.elements.length;
        return { kind: "table", expression: this.sourceOf(node), rows, columns: node.elements[0]?.length ?? 0 };
      }
      case "ReferenceIdentifier": {
        let reference = node.value;
        if (node.kind === "name") {
          const target = this.context.resolveName(node.value);
          if (target === undefined) throw new Frozen(`the name ${node.value} is not defined in the workbook`);
          if (target.kind !== "range" || target.reference === undefined) throw new Frozen(`${name} (${node.value}) is not a name of a range of cells`);
          reference = target.reference;
        } else if (node.kind === "table") {
          throw new Frozen(`${name} (${node.value}) is a structured reference, whose columns the native form does not read`);
        } else if (node.kind !== "range") {
          throw new Frozen(`${name} (${node.value}) is not a rectangle of cells in A1 notation`);
        }
        const table = tableReference(reference, node.kind === "name" ? source(reference, true) : this.sourceOf(node));
        if (table === null) throw new Frozen(`${name} (${node.value}) is not a rectangle of cells in A1 notation`);
        return table;
      }
      default:
        throw new Frozen(`${name} is an expression, not a range or a name of one`);
    }
  }

  /** An optional number read from a cell: an empty cell takes the default, as in AICOST. */
  private blankMeansDefault(operand: Operand, argument: Node, parameter: ParameterSpec, parameters: readonly ParameterSpec[], previous: readonly Operand[]): Operand {
    if (operand.kind !== "number" || operand.numeric || !readsCell(argument)) return operand;
    const fallback = parameter.defaultValue;
    let fallbackExpression: FormulaExpression;
    if (typeof fallback === "number") {
      fallbackExpression = { kind: "number", value: fallback };
    } else if (fallback !== undefined && typeof fallback === "object") {
      const copied = previous[parameters.findIndex((other) => other.name === fallback.parameter)];
      if (copied.kind !== "number") return operand;
      fallbackExpression = copied.expression;
    } else {
      return operand;
    }
    return optionalCellRead(operand.expression, fallbackExpression, operand.domain);
  }

  private numberOperand(node: Node, domain: OperandDomain, name: string): Operand {
    switch (node.type) {
      case "Literal": {
        if (typeof node.value === "number") return literal(node.value, domain);
        if (typeof node.value === "string" && node.value.trim() !== "" && Number.isFinite(Number(node.value.trim()))) {
          return literal(Number(node.value.trim()), domain); // numeric text reads as a number, as in AICOST
        }
        return { kind: "error", code: "#VALUE!" };
      }
      case "ErrorLiteral":
        return { kind: "error", code: errorCode(node.value) };
      case "ReferenceIdentifier": {
        const shape = this.referenceShape(node.value, node.kind);
        if (shape === null) return { kind: "number", expression: this.sourceOf(node), numeric: false, domain };
        if (shape.rows === 1 && shape.columns === 1) return { kind: "number", expression: this.sourceOf(node), numeric: false, domain };
        throw new Frozen(`${name} is a range of ${shape.rows * shape.columns} cells where one number is expected`);
      }
      case "CallExpression": {
        if (isAicostCall(node)) {
          const id = aicostFunctionName(node.callee.name)!;
          const spec = (FUNCTION_SPECS as Record<string, { result: string } | undefined>)[id];
          if (spec !== undefined && spec.result !== "cell") {
            throw new Frozen(`${name} is the spilled result of ${AICOST_NAMESPACE}.${id} where one number is expected`);
          }
          const expression = this.callExpression(node, {});
          return { kind: "number", expression, numeric: true, atLeast: CLOSED_FORMS[id]?.resultAtLeast, domain };
        }
        return { kind: "number", expression: this.sourceOf(node), numeric: false, domain };
      }
      case "BinaryExpression":
        if (numericBinary.has(node.operator)) return { kind: "number", expression: this.sourceOf(node), numeric: true, domain };
        if ([":", " ", ","].includes(node.operator)) throw new Frozen(`${name} is a reference whose size is not known until it is calculated`);
        return { kind: "number", expression: this.sourceOf(node), numeric: false, domain };
      case "UnaryExpression":
        return { kind: "number", expression: this.sourceOf(node), numeric: node.operator !== "@" && node.operator !== "#", domain };
      case "ArrayExpression":
        throw new Frozen(`${name} is an array constant where one number is expected`);
      default:
        throw new Frozen(`${name} is a ${node.type} the rewriter does not read`);
    }
  }

  /** A reference's shape; null when it is one cell of a table row or a name for something else. */
  private referenceShape(value: string, kind: string): RangeShape | null {
    if (kind === "name") {
      const target = this.context.resolveName(value);
      if (target === undefined) throw new Frozen(`the name ${value} is not defined in the workbook`);
      return target.kind === "range" ? target.shape : null;
    }
    if (kind === "table") {
      if (/\[#This Row\]|\[@|^[^[]*\[@/i.test(value) || value.includes("@")) return { rows: 1, columns: 1 };
      throw new Frozen(`the structured reference ${value} has a size known only from its table`);
    }
    const shape = shapeOfReference(value);
    if (shape === null) throw new Frozen(`the reference ${value} covers whole rows or columns`);
    return shape;
  }

  /** A band: a range or name of 4 or 5 cells in a row or column, or an array constant; never a name in quotes. */
  private bandOperand(node: Node): Operand {
    switch (node.type) {
      case "Literal":
        return { kind: "error", code: "#VALUE!" }; // "baseline", a number: a band is a range
      case "ErrorLiteral":
        return { kind: "error", code: errorCode(node.value) };
      case "ArrayExpression": {
        const firstError = node.elements.flat().find((element) => element.type === "ErrorLiteral");
        if (firstError?.type === "ErrorLiteral") return { kind: "error", code: errorCode(firstError.value) };
        const cells = node.elements.map((row) => row.map((element) => (element.type === "Literal" ? element.value : undefined)));
        if (cells.some((row) => row.some((cell) => cell === undefined))) throw new Frozen("the band's array constant holds something other than values");
        // AICOST judges the constant; a valid one's numbers are its last four filled cells.
        const judged = PRICE_QUANTILE(1, 12, 0.5, cells);
        if (judged instanceof ExcelError) return { kind: "error", code: judged.code };
        const filled = cells.flat().filter((cell) => cell !== "" && cell !== null);
        const [p10, p50, p90, floorShare] = filled.slice(filled.length - 4).map(Number);
        return literalBand({ label: "", annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90, floorShare });
      }
      case "ReferenceIdentifier": {
        const shape = node.kind === "name" || node.kind === "range" ? this.referenceShape(node.value, node.kind) : null;
        if (shape === null) throw new Frozen(`the band ${node.value} is not a range whose shape is known`);
        if (shape.rows > 1 && shape.columns > 1) return { kind: "error", code: "#VALUE!" };
        const cells = shape.rows * shape.columns;
        if (cells !== 4 && cells !== 5) throw new Frozen(`the band range ${node.value} has ${cells} cells; a native formula reads 5 (label, m_p10, m_p50, m_p90, f) or 4 (the numbers)`);
        return rangeBand(this.sourceOf(node), shape.rows === 1 ? "row" : "column", cells);
      }
      default:
        throw new Frozen("the band is an expression, not a range or a name of one");
    }
  }

  private scenarioOperand(node: Node): Operand {
    switch (node.type) {
      case "Literal":
        if (typeof node.value === "string") return presetScenario(node.value) ?? { kind: "error", code: "#VALUE!" };
        return { kind: "error", code: "#VALUE!" };
      case "ErrorLiteral":
        return { kind: "error", code: errorCode(node.value) };
      case "ArrayExpression": {
        const firstError = node.elements.flat().find((element) => element.type === "ErrorLiteral");
        if (firstError?.type === "ErrorLiteral") return { kind: "error", code: errorCode(firstError.value) };
        const cells = node.elements.map((row) => row.map((element) => (element.type === "Literal" ? element.value : undefined)));
        if (cells.some((row) => row.some((cell) => cell === undefined))) throw new Frozen("the scenario's array constant holds something other than values");
        const result = SCENARIO_PARAMS(cells);
        if (result instanceof ExcelError) return { kind: "error", code: result.code };
        const [label, multiplier, floor] = (result as (string | number)[][])[0];
        return literalScenario(String(label), Number(multiplier), Number(floor));
      }
      case "ReferenceIdentifier": {
        const shape = node.kind === "name" || node.kind === "range" ? this.referenceShape(node.value, node.kind) : null;
        if (shape === null) throw new Frozen(`the scenario ${node.value} is not a range whose shape is known`);
        const range = this.sourceOf(node);
        if (shape.rows === 1 && shape.columns === 1) return presetLookupScenario(range);
        if (shape.rows > 1 && shape.columns > 1) return { kind: "error", code: "#VALUE!" };
        const cells = shape.rows * shape.columns;
        if (cells !== 2 && cells !== 3) throw new Frozen(`the scenario range ${node.value} has ${cells} cells; a native formula reads 2 (m, f) or 3 (label, m, f)`);
        return rangeScenario(range, shape.rows === 1 ? "row" : "column", cells);
      }
      default:
        throw new Frozen("the scenario is an expression, not a preset name, a range or a name of one");
    }
  }

  private vectorOperand(node: Node, domain: OperandDomain, name: string): Operand {
    if (node.type === "Literal" && typeof node.value === "number") {
      return { kind: "vector", expression: this.sourceOf(node), length: 1, orientation: "column", domain, literalItems: [node.value] };
    }
    if (node.type === "ArrayExpression") {
      const rows = node.elements.length;
      const columns = node.elements[0]?.length ?? 0;
      if (rows > 1 && columns > 1) return { kind: "error", code: "#VALUE!" };
      const items = node.elements.flat().map((element) => (element.type === "Literal" ? element.value : element.type === "ErrorLiteral" ? null : undefined));
      return { kind: "vector", expression: this.sourceOf(node), length: rows * columns, orientation: rows === 1 && columns > 1 ? "row" : "column", domain, literalItems: items };
    }
    if (node.type === "ReferenceIdentifier" && (node.kind === "range" || node.kind === "name")) {
      const shape = this.referenceShape(node.value, node.kind);
      if (shape === null) throw new Frozen(`${name} (${node.value}) is not a range whose shape is known`);
      if (shape.rows > 1 && shape.columns > 1) return { kind: "error", code: "#VALUE!" };
      return { kind: "vector", expression: this.sourceOf(node), length: shape.rows * shape.columns, orientation: shape.rows === 1 && shape.columns > 1 ? "row" : "column", domain };
    }
    throw new Frozen(`${name} is not a range written in the formula`);
  }
}

/**
 * A rectangle in A1 notation as a table operand whose columns and cells are references of their
 * own, each corner keeping its `$`s: column 2 of `'P'!$A$4:$K$504` is `'P'!$B$4:$B$504`.
 */
export function tableReference(reference: string, expression: FormulaExpression): TableOperand | null {
  const match = A1_CELL_OR_RANGE.exec(reference.trim());
  if (match === null) return null;
  const prefix = match[1] ?? "";
  const [leftAbsolute, leftLetters, topAbsolute, topDigits] = [match[2], match[3], match[4], match[5]];
  const [rightAbsolute, rightLetters, bottomAbsolute, bottomDigits] = match[7] === undefined ? [leftAbsolute, leftLetters, topAbsolute, topDigits] : [match[6], match[7], match[8], match[9]];
  const left = Math.min(columnIndex(leftLetters), columnIndex(rightLetters));
  const right = Math.max(columnIndex(leftLetters), columnIndex(rightLetters));
  const top = Math.min(Number(topDigits), Number(bottomDigits));
  const bottom = Math.max(Number(topDigits), Number(bottomDigits));
  const at = (columnOffset: number, row: number, absoluteColumn: string, absoluteRow: string) => `${absoluteColumn}${columnLetters(left + columnOffset)}${absoluteRow}${row}`;
  return {
    kind: "table",
    expression,
    rows: bottom - top + 1,
    columns: right - left + 1,
    column: (index) => source(`${prefix}${at(index - 1, top, leftAbsolute, topAbsolute)}:${at(index - 1, bottom, rightAbsolute, bottomAbsolute)}`, true),
    cell: (row, index) => source(`${prefix}${at(index - 1, top + row - 1, leftAbsolute, topAbsolute)}`, true),
  };
}

function literal(value: number, domain: OperandDomain): NumberOperand {
  return { kind: "number", expression: { kind: "number", value }, literal: value, numeric: true, domain };
}

/** The longest formula Excel keeps in a cell (LibreOffice and Google Sheets take more). */
export const MAX_FORMULA_LENGTH = 8192;

/**
 * Rewrites every AICOST call in a formula into built-in functions. `formula` is as a file stores
 * it (no leading "=", though one is kept if present). A formula that does not call AICOST is
 * unchanged; one that cannot be made native is frozen, with the reason.
 *
 * @example rewriteFormula("_xldudf_AICOST_PROJECT_PRICE(10,12)", { resolveName: () => undefined })
 *   // { kind: "rewritten", formula: "10*(0.01+0.99*0.1^(12/12))", calls: 1 }
 */
export function rewriteFormula(formula: string, context: FormulaContext): FormulaRewrite {
  if (!mayCallAicost(formula)) return { kind: "unchanged" };
  const prefix = formula.startsWith("=") ? "=" : "";
  const body = prefix ? formula.slice(1) : formula;
  let tree: Node;
  try {
    tree = parse(tokenize(body, { withLocation: true }), { looseRefCalls: true }) as Node;
  } catch (thrown) {
    // Only a formula that calls AICOST matters; the parser may not know the rest of Excel's grammar.
    if (!new RegExp(`(_xldudf_${AICOST_NAMESPACE}_|${AICOST_NAMESPACE}\\.)[A-Za-z0-9_]+\\s*\\(`, "i").test(body)) return { kind: "unchanged" };
    return { kind: "frozen", reason: `the formula parser cannot read it (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  if (!containsAicost(tree)) return { kind: "unchanged" };
  const rewriter = new FormulaRewriter(body, context);
  try {
    const rewritten = rewriter.textOf(tree, false);
    const [start, end] = locationOf(tree);
    // Whitespace around the whole expression is kept too.
    const formulaText = prefix + body.slice(0, start) + rewritten + body.slice(end);
    if (formulaText.length > MAX_FORMULA_LENGTH) {
      return { kind: "frozen", reason: `its native formula would have ${formulaText.length} characters; a cell holds at most ${MAX_FORMULA_LENGTH}` };
    }
    return { kind: "rewritten", formula: formulaText, calls: rewriter.calls, ...(rewriter.arrayEvaluation && { arrayEvaluation: true }) };
  } catch (thrown) {
    if (thrown instanceof Frozen) return { kind: "frozen", reason: thrown.message };
    throw thrown;
  }
}
