/**
 * A1-style address arithmetic shared by both hosts: column letters, cell addresses and sheet
 * prefixes. Pure: no Office, no DOM.
 */

// Column letters and the grid's bounds live in core (the share-safe rewriter needs them too).
export { columnIndex, columnLetters, LAST_COLUMN_INDEX, LAST_ROW_NUMBER } from "../core/a1";
import { columnIndex, columnLetters, LAST_COLUMN_INDEX, LAST_ROW_NUMBER } from "../core/a1";

/**
 * A relative A1 address from a 0-based column index and a 1-based row number.
 *
 * @example cellAddress(1, 4) // "B4"
 */
export function cellAddress(columnIndexValue: number, rowNumber: number): string {
  return `${columnLetters(columnIndexValue)}${rowNumber}`;
}

/**
 * An absolute A1 address.
 *
 * @example absoluteAddress(2, 2) // "$C$2"
 */
export function absoluteAddress(columnIndexValue: number, rowNumber: number): string {
  return `$${columnLetters(columnIndexValue)}$${rowNumber}`;
}

/**
 * A sheet name as it appears before "!" in a reference: quoted (with inner quotes doubled)
 * unless it is a plain word.
 *
 * @example sheetPrefix("Sheet1") // "Sheet1!"
 * @example sheetPrefix("AICOST Assumptions") // "'AICOST Assumptions'!"
 */
export function sheetPrefix(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheetName)
    ? `${sheetName}!`
    : `'${sheetName.replace(/'/g, "''")}'!`;
}

/** A cell located by a parsed address. */
export interface CellLocation {
  /** The sheet's name, or null when the address had no sheet part. */
  readonly sheetName: string | null;
  /** 0-based column index. */
  readonly columnIndex: number;
  /** 1-based row number. */
  readonly rowNumber: number;
}

/** A range located by a parsed address: its corners, normalised so `first` is the top left. */
export interface RangeLocation {
  /** The sheet's name, or null when the address had no sheet part. */
  readonly sheetName: string | null;
  readonly first: { readonly columnIndex: number; readonly rowNumber: number };
  readonly last: { readonly columnIndex: number; readonly rowNumber: number };
  /** True when the text named one cell ("B4"), not a range ("B4:B4" is a range of one cell). */
  readonly isCell: boolean;
}

const cellPart = "\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})";
const addressPattern = new RegExp(`^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?${cellPart}(?::${cellPart})?$`);

function inGrid(columnIndexValue: number, rowNumber: number): boolean {
  return columnIndexValue <= LAST_COLUMN_INDEX && rowNumber >= 1 && rowNumber <= LAST_ROW_NUMBER;
}

/**
 * The one A1-address parser of AICOST (both hosts, the pane and the tests read addresses with
 * it): "B2", "$B$2", "Sheet1!B2:D5", "'My sheet'!$B$2" (a quote inside a quoted name doubled).
 * Returns null when the text is not a cell or range address inside Excel's grid.
 *
 * @example parseRangeAddress("Sheet1!D5:B2") // { sheetName: "Sheet1", first: { columnIndex: 1, rowNumber: 2 }, last: { columnIndex: 3, rowNumber: 5 }, isCell: false }
 */
export function parseRangeAddress(address: string): RangeLocation | null {
  const match = addressPattern.exec(address.trim());
  if (!match) {
    return null;
  }
  const [, quotedSheet, plainSheet, startLetters, startDigits, endLetters, endDigits] = match;
  const start = { columnIndex: columnIndex(startLetters), rowNumber: Number(startDigits) };
  const end = endLetters === undefined ? start : { columnIndex: columnIndex(endLetters), rowNumber: Number(endDigits) };
  if (!inGrid(start.columnIndex, start.rowNumber) || !inGrid(end.columnIndex, end.rowNumber)) {
    return null;
  }
  return {
    sheetName: quotedSheet != null ? quotedSheet.replace(/''/g, "'") : (plainSheet ?? null),
    first: { columnIndex: Math.min(start.columnIndex, end.columnIndex), rowNumber: Math.min(start.rowNumber, end.rowNumber) },
    last: { columnIndex: Math.max(start.columnIndex, end.columnIndex), rowNumber: Math.max(start.rowNumber, end.rowNumber) },
    isCell: endLetters === undefined,
  };
}

/**
 * Parses an address such as "Sheet1!B2", "'My sheet'!$B$2" or "B2:D5" to its top-left cell.
 * Returns null when the text is not a cell or range address inside Excel's grid.
 *
 * @example parseCellAddress("'AICOST Assumptions'!B4") // { sheetName: "AICOST Assumptions", columnIndex: 1, rowNumber: 4 }
 */
export function parseCellAddress(address: string): CellLocation | null {
  const range = parseRangeAddress(address);
  return range === null ? null : { sheetName: range.sheetName, ...range.first };
}

/**
 * A cell address without a sheet part ("B4", "$B$4") as a 0-based row and column, the form
 * HyperFormula uses; null for anything else (a range, a sheet part, text).
 *
 * @example cellPosition("B4") // { row: 3, col: 1 }
 */
export function cellPosition(address: string): { readonly row: number; readonly col: number } | null {
  const range = parseRangeAddress(address);
  return range === null || !range.isCell || range.sheetName !== null ? null : { row: range.first.rowNumber - 1, col: range.first.columnIndex };
}
