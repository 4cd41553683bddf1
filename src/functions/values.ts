import { DomainError, type DomainErrorCode } from "../core/errors";

/**
 * The error values an AICOST function can return: those a custom function may give Excel
 * (CustomFunctions.ErrorCode, less #NAME? and #REF!, which Excel takes as inputs only).
 */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!" | "#NULL!";

const returnableCodes: ReadonlySet<string> = new Set<ExcelErrorCode>(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!", "#NULL!"]);

/** Excel allows a message only on #VALUE! and #N/A. */
export function carriesMessage(code: ExcelErrorCode): boolean {
  return code === "#VALUE!" || code === "#N/A";
}

/**
 * An Excel error value as a plain object, independent of any host: the Excel entry points turn it
 * into a `CustomFunctions.Error`, the preview into a HyperFormula `CellError`.
 */
export class ExcelError {
  readonly code: ExcelErrorCode;
  readonly message: string;
  /**
   * The host's own error object when this error came in through an argument (a
   * `CustomFunctions.Error`, a HyperFormula `CellError`): the host returns it as it came.
   */
  readonly source: unknown;

  constructor(code: ExcelErrorCode, message: string, source?: unknown) {
    this.code = code;
    this.message = message;
    this.source = source;
  }
}

/** One cell of a function's result. */
export type ResultCell = number | string | ExcelError;

/** What every AICOST function returns: one cell, or a 2-D array that spills. It never throws. */
export type FunctionResult = ResultCell | ResultCell[][];

/** An error value a host passed in an argument, whatever its code ("#REF!", "#SPILL!" included). */
export interface ReceivedError {
  /** The error's text as Excel shows it: "#N/A", "#REF!", ... */
  readonly code: string;
  readonly message: string;
  /** The object the host passed. */
  readonly source: unknown;
}

const errorText = /^#[A-Z0-9/_]+[!?]?$/i;

function isErrorText(value: unknown): value is string {
  return typeof value === "string" && errorText.test(value);
}

/**
 * The error value in a cell or argument as a host passes it, or null for anything else:
 * - an {@link ExcelError} (the preview's plugin converts HyperFormula's errors to these);
 * - a `CustomFunctions.Error` (`{ code: "#N/A", message? }`), as Excel passes an error inside a
 *   range or to an `any` parameter when the metadata allows errors (allowErrorForDataTypeAny);
 * - an Excel error cell value (`{ type: "Error", basicValue: "#N/A" }`), the data-type form.
 * Text such as "#N/A" typed in a cell is text, not an error.
 *
 * @example receivedError(new ExcelError("#N/A", "no match"))?.code // "#N/A"
 * @example receivedError({ type: "Error", basicValue: "#REF!" })?.code // "#REF!"
 */
export function receivedError(value: unknown): ReceivedError | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return null;
  }
  if (value instanceof ExcelError) {
    return { code: value.code, message: value.message, source: value.source ?? value };
  }
  const candidate = value as { code?: unknown; message?: unknown; type?: unknown; basicValue?: unknown };
  if (isErrorText(candidate.code)) {
    return { code: candidate.code.toUpperCase(), message: typeof candidate.message === "string" ? candidate.message : "", source: value };
  }
  if (candidate.type === "Error" && isErrorText(candidate.basicValue)) {
    return { code: candidate.basicValue.toUpperCase(), message: "", source: value };
  }
  return null;
}

/**
 * The error an AICOST function returns for an error value it received in `where` (a parameter
 * name, and the cell when it came in a range): the same error, unchanged, as Excel's own
 * functions pass errors on; #VALUE! with a message naming it for an error a custom function may
 * not return (#REF!, #NAME?, and errors newer than custom functions such as #SPILL!).
 *
 * @example passedOn({ code: "#N/A", message: "", source: na }, "price").source // na
 */
export function passedOn(error: ReceivedError, where: string): ExcelError {
  if (returnableCodes.has(error.code)) {
    return error.source instanceof ExcelError ? error.source : new ExcelError(error.code as ExcelErrorCode, error.message, error.source);
  }
  return new ExcelError(
    "#VALUE!",
    `${where} holds ${error.code}, which a custom function cannot return: fix the cell or formula it comes from.`,
  );
}

const excelCodeByDomainCode: Readonly<Record<DomainErrorCode, ExcelErrorCode>> = {
  malformed: "#VALUE!",
  outOfRange: "#NUM!",
  notFound: "#N/A",
};

/**
 * The one place where anything thrown becomes an Excel error: domain errors keep their code and
 * message; anything else is a bug, logged and shown as `#VALUE!` "internal error".
 */
export function toExcelError(thrown: unknown): ExcelError {
  if (thrown instanceof DomainError) {
    return new ExcelError(excelCodeByDomainCode[thrown.code], thrown.message);
  }
  console.error("AICOST internal error", thrown);
  return new ExcelError("#VALUE!", "AICOST internal error: please report it with the formula that caused it.");
}

const nonFiniteResult = "The result is too large or too small to show as a number.";

/** A number that may go into a cell: NaN and ±Infinity become `#NUM!`, as a spreadsheet engine does. */
export function finiteOrError(result: number): number | ExcelError {
  return result - result === 0 ? result : new ExcelError("#NUM!", nonFiniteResult);
}

/**
 * A result as it may go into cells: a non-finite number, alone or anywhere in a spilled array,
 * becomes `#NUM!`. Arrays are checked in place (the function built them for this call).
 */
export function checkedResult(result: number | ResultCell[][]): FunctionResult {
  if (typeof result === "number") {
    return finiteOrError(result);
  }
  for (const row of result) {
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      if (typeof cell === "number" && cell - cell !== 0) {
        row[column] = finiteOrError(cell);
      }
    }
  }
  return result;
}

/** A list of numbers as a spilled column (`[[a], [b], ...]`), unchecked: {@link checkedResult} checks it. */
export function asColumn(values: readonly number[]): number[][] {
  const column = new Array<number[]>(values.length);
  for (let index = 0; index < values.length; index++) {
    column[index] = [values[index]];
  }
  return column;
}

/** A list of numbers as a spilled row (`[[a, b, ...]]`), unchecked: {@link checkedResult} checks it. */
export function asRow(values: readonly number[]): number[][] {
  return [values.slice()];
}
