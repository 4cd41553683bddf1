import { DomainError, type DomainErrorCode } from "../core/errors";

/** The Excel error values AICOST functions can return. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/**
 * An Excel error value as a plain object, independent of any host: the Excel entry points turn it
 * into a `CustomFunctions.Error`, the preview into a HyperFormula `CellError`.
 */
export class ExcelError {
  readonly code: ExcelErrorCode;
  readonly message: string;

  constructor(code: ExcelErrorCode, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** One cell of a function's result. */
export type ResultCell = number | string | ExcelError;

/** What every AICOST function returns: one cell, or a 2-D array that spills. It never throws. */
export type FunctionResult = ResultCell | ResultCell[][];

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
  return Number.isFinite(result) ? result : new ExcelError("#NUM!", nonFiniteResult);
}

/** A column of numbers as a spilled 2-D result, each non-finite element replaced by `#NUM!`. */
export function toColumn(values: readonly number[]): ResultCell[][] {
  return values.map((value) => [finiteOrError(value)]);
}

/** A row of numbers as a spilled 2-D result, each non-finite element replaced by `#NUM!`. */
export function toRow(values: readonly number[]): ResultCell[][] {
  return [values.map(finiteOrError)];
}
