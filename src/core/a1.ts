/**
 * A1 notation's column letters and Excel's grid bounds: pure arithmetic, shared by the sheet
 * model (src/sheet/addresses.ts re-exports it) and the share-safe rewriter.
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

/** An optional sheet prefix of an A1 reference (`'My sheet'!`, `Data!`), as a regular expression's group 1. */
export const A1_SHEET_PREFIX = "((?:'(?:[^']|'')+'|[^'!:]+)!)?";

/**
 * A cell or a rectangle in A1 notation, its parts as groups: 1 the sheet prefix; 2-5 the first
 * corner's `$`, column letters, `$` and row digits; 6-9 the second corner's, when there is one.
 *
 * @example A1_CELL_OR_RANGE.exec("'P'!$A$4:K504")?.slice(1, 6) // ["'P'!", "$", "A", "$", "4"]
 */
export const A1_CELL_OR_RANGE = new RegExp(`^${A1_SHEET_PREFIX}(\\$?)([A-Za-z]{1,3})(\\$?)([0-9]{1,7})(?::(\\$?)([A-Za-z]{1,3})(\\$?)([0-9]{1,7}))?$`);
