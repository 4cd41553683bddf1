/** A value Excel passes for a cell of a range: a number, text, a logical, or empty (null). */
export type CellValue = string | number | boolean | null | undefined;

/** Whether a cell is empty: nothing in it, or only spaces. */
export function isBlankCell(value: CellValue): boolean {
  return value == null || (typeof value === "string" && value.trim() === "");
}

/** A cell's value as a message shows it: text in quotes, anything else as written. */
export function describeCell(value: CellValue): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}
