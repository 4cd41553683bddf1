/**
 * A small syntax tree of spreadsheet formulas built from built-in functions only, and the text a
 * spreadsheet reads for it. The closed forms (closedForms.ts) build these trees; the share-safe
 * rewriter prints them into the cells of a workbook. Pure: no I/O, no host.
 */

/** An error value a formula can hold or produce. */
export type FormulaErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!" | "#REF!" | "#NAME?" | "#NULL!";

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FormulaExpression =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "error"; readonly code: FormulaErrorCode }
  | { readonly kind: "array"; readonly orientation: "row" | "column"; readonly items: readonly (number | string)[] }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly FormulaExpression[] }
  | { readonly kind: "binary"; readonly operator: BinaryOperator; readonly left: FormulaExpression; readonly right: FormulaExpression }
  | { readonly kind: "negate"; readonly operand: FormulaExpression }
  /**
   * Formula text taken as written from the workbook (a reference, a name, an expression around
   * which the closed form is built). `atomic` says whether it can stand next to an operator
   * without parentheses.
   */
  | { readonly kind: "source"; readonly text: string; readonly atomic: boolean };

export const num = (value: number): FormulaExpression => ({ kind: "number", value });
export const text = (value: string): FormulaExpression => ({ kind: "text", value });
export const error = (code: FormulaErrorCode): FormulaExpression => ({ kind: "error", code });
export const call = (name: string, ...args: FormulaExpression[]): FormulaExpression => ({ kind: "call", name, args });
export const source = (formulaText: string, atomic: boolean): FormulaExpression => ({ kind: "source", text: formulaText, atomic });
export const array = (orientation: "row" | "column", items: readonly (number | string)[]): FormulaExpression => ({ kind: "array", orientation, items });

function binary(operator: BinaryOperator, left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  return { kind: "binary", operator, left, right };
}

function isNumber(expression: FormulaExpression, value?: number): boolean {
  return expression.kind === "number" && (value === undefined || expression.value === value);
}

/**
 * Folds two literal numbers when the result prints exactly in 15 significant digits (all a
 * spreadsheet keeps of a typed number), so the formula reads `0.99` rather than `(1-0.01)`.
 */
function folded(value: number): FormulaExpression | null {
  return Number.isFinite(value) && Number(value.toPrecision(15)) === value ? num(value) : null;
}

/** `left + right`, with literal numbers folded and `+ 0` dropped. */
export function add(left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  if (isNumber(right, 0)) return left;
  if (isNumber(left, 0)) return right;
  if (left.kind === "number" && right.kind === "number") return folded(left.value + right.value) ?? binary("+", left, right);
  return binary("+", left, right);
}

export function subtract(left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  if (isNumber(right, 0)) return left;
  if (left.kind === "number" && right.kind === "number") return folded(left.value - right.value) ?? binary("-", left, right);
  return binary("-", left, right);
}

/** `left * right`, with `* 1` dropped and literal numbers folded. */
export function multiply(left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  if (isNumber(right, 1)) return left;
  if (isNumber(left, 1)) return right;
  if (left.kind === "number" && right.kind === "number") return folded(left.value * right.value) ?? binary("*", left, right);
  return binary("*", left, right);
}

export function divide(left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  if (isNumber(right, 1)) return left;
  return binary("/", left, right);
}

export function power(base: FormulaExpression, exponent: FormulaExpression): FormulaExpression {
  if (isNumber(exponent, 1)) return base;
  return binary("^", base, exponent);
}

export function compare(operator: "=" | "<>" | "<" | ">" | "<=" | ">=", left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  return binary(operator, left, right);
}

/** `left & right`: text joined (a number or an empty cell becomes its text, "" for empty). */
export function concatenate(left: FormulaExpression, right: FormulaExpression): FormulaExpression {
  return binary("&", left, right);
}

export function negate(operand: FormulaExpression): FormulaExpression {
  return operand.kind === "number" ? num(-operand.value) : { kind: "negate", operand };
}

/** Excel's operator precedence, highest binding last: comparison < & < + - < * / < ^. */
const precedence: Readonly<Record<BinaryOperator, number>> = {
  "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1,
  "&": 2,
  "+": 3, "-": 3,
  "*": 4, "/": 4,
  "^": 5,
};
const negationPrecedence = 6;
const atomicPrecedence = 7;

/**
 * A number as a formula writes it: the shortest text that reads back as the same double, in
 * plain decimal notation where a spreadsheet would otherwise need an exponent it may not parse
 * the same way (`1E-7` is fine in Excel, LibreOffice and Google Sheets, and kept).
 *
 * @example formatNumber(0.025) // "0.025"
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`A formula cannot hold the number ${value}.`);
  }
  return String(value).replace("e+", "E+").replace("e-", "E-");
}

function quoteText(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function precedenceOf(expression: FormulaExpression): number {
  switch (expression.kind) {
    case "binary":
      return precedence[expression.operator];
    case "negate":
      return negationPrecedence;
    case "number":
      return expression.value < 0 ? negationPrecedence : atomicPrecedence;
    case "source":
      return expression.atomic ? atomicPrecedence : 0;
    default:
      return atomicPrecedence;
  }
}

function wrapped(expression: FormulaExpression, minimum: number): string {
  const printed = formulaText(expression);
  return precedenceOf(expression) >= minimum ? printed : `(${printed})`;
}

/**
 * The formula text of an expression (without the leading `=`), with only the parentheses
 * Excel's precedence needs. Operators of equal precedence associate to the left, as in Excel;
 * powers, and negations under a power, are always parenthesised, since spreadsheets disagree
 * on `-2^2` and `2^3^2`.
 *
 * @example formulaText(multiply(source("B4", true), add(num(0.01), num(0.5)))) // "B4*0.51"
 */
export function formulaText(expression: FormulaExpression): string {
  switch (expression.kind) {
    case "number":
      return formatNumber(expression.value);
    case "text":
      return quoteText(expression.value);
    case "error":
      return expression.code === "#N/A" ? "NA()" : expression.code;
    case "array": {
      const separator = expression.orientation === "row" ? "," : ";";
      return `{${expression.items.map((item) => (typeof item === "number" ? formatNumber(item) : quoteText(item))).join(separator)}}`;
    }
    case "call":
      return `${expression.name}(${expression.args.map(formulaText).join(",")})`;
    case "source":
      return expression.text;
    case "negate":
      return `-${wrapped(expression.operand, atomicPrecedence)}`;
    case "binary": {
      const level = precedence[expression.operator];
      if (expression.operator === "^") {
        return `${wrapped(expression.left, atomicPrecedence)}^${wrapped(expression.right, atomicPrecedence)}`;
      }
      // A negative right operand is parenthesised: `x-(-0.5)` reads better than `x--0.5`.
      const rightMinimum = precedenceOf(expression.right) === negationPrecedence ? atomicPrecedence : level + 1;
      return `${wrapped(expression.left, level)}${expression.operator}${wrapped(expression.right, rightMinimum)}`;
    }
  }
}

/**
 * Functions newer than Excel 2007 that closed forms use: a workbook file stores them with the
 * `_xlfn.` prefix (ECMA-376 as Excel writes it), and Excel and LibreOffice read the bare name in a
 * file as an unknown function (#NAME?).
 */
const FUTURE_FUNCTIONS: ReadonlySet<string> = new Set(["NORM.S.INV"]);

/**
 * The expression with each newer function named as a file stores it (`_xlfn.NORM.S.INV`), for
 * formulas written into a workbook's XML; what a user types keeps the bare names.
 *
 * @example formulaText(withFileFunctionNames(call("NORM.S.INV", num(0.9)))) // "_xlfn.NORM.S.INV(0.9)"
 */
export function withFileFunctionNames(expression: FormulaExpression): FormulaExpression {
  switch (expression.kind) {
    case "call":
      return call(FUTURE_FUNCTIONS.has(expression.name) ? `_xlfn.${expression.name}` : expression.name, ...expression.args.map(withFileFunctionNames));
    case "binary":
      return { ...expression, left: withFileFunctionNames(expression.left), right: withFileFunctionNames(expression.right) };
    case "negate":
      return { ...expression, operand: withFileFunctionNames(expression.operand) };
    default:
      return expression;
  }
}

/** Whether the printed expression can stand next to an operator without parentheses. */
export function isAtomic(expression: FormulaExpression): boolean {
  return precedenceOf(expression) === atomicPrecedence;
}
