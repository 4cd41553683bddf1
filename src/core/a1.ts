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
