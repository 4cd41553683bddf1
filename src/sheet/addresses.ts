/**
 * A1-style address arithmetic shared by both hosts: column letters, cell addresses and sheet
 * prefixes. Pure: no Office, no DOM.
 */

/** Excel's last column (XFD) as a 0-based index, and its last row as a 1-based number. */
export const LAST_COLUMN_INDEX = 16383;
export const LAST_ROW_NUMBER = 1048576;

/**
 * The letters of a 0-based column index.
 *
 * @example columnLetters(0) // "A"
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(columnIndex: number): string {
  let letters = "";
  let remaining = columnIndex + 1;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based index of column letters (any case).
 *
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) {
    index = index * 26 + (letter.charCodeAt(0) - 64);
  }
  return index - 1;
}

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

const addressPattern = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?$/;

/**
 * Parses an address such as "Sheet1!B2", "'My sheet'!$B$2" or "B2:D5" to its top-left cell.
 * Returns null when the text is not a cell or range address inside Excel's grid.
 *
 * @example parseCellAddress("'AICOST Assumptions'!B4") // { sheetName: "AICOST Assumptions", columnIndex: 1, rowNumber: 4 }
 */
export function parseCellAddress(address: string): CellLocation | null {
  const match = addressPattern.exec(address.trim());
  if (!match) {
    return null;
  }
  const [, quotedSheet, plainSheet, letters, digits] = match;
  const location: CellLocation = {
    sheetName: quotedSheet != null ? quotedSheet.replace(/''/g, "'") : (plainSheet ?? null),
    columnIndex: columnIndex(letters),
    rowNumber: Number(digits),
  };
  if (location.columnIndex > LAST_COLUMN_INDEX || location.rowNumber < 1 || location.rowNumber > LAST_ROW_NUMBER) {
    return null;
  }
  return location;
}
