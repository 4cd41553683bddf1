import { malformed } from "../core/errors";
import { cellAddress, parseRangeAddress, sheetPrefix, type RangeLocation } from "./addresses";

/**
 * Reading a range the pane names (issue 10's fit from data): the address checks both hosts run
 * before they read, and the cells as the port returns them. Pure: no Office, no DOM.
 */

/** The most cells the pane reads at once: a price history, not a sheet. */
export const MAX_RANGE_CELLS = 20_000;

/** A parsed range to read, or a malformed error saying what to type. */
export function checkRangeToRead(address: string): RangeLocation {
  const location = parseRangeAddress(address.trim());
  if (location === null) {
    throw malformed(`"${address.trim()}" is not a range address; type one such as B2:C9 or 'Price history'!B2:C9.`);
  }
  const cells = (location.last.rowNumber - location.first.rowNumber + 1) * (location.last.columnIndex - location.first.columnIndex + 1);
  if (cells > MAX_RANGE_CELLS) {
    throw malformed(`${address.trim()} has ${cells} cells; select at most ${MAX_RANGE_CELLS} (a column of dates and a column of prices).`);
  }
  return location;
}

/** "A1:B3" without a sheet part. */
export function localRangeAddress(location: RangeLocation): string {
  return `${cellAddress(location.first.columnIndex, location.first.rowNumber)}:${cellAddress(location.last.columnIndex, location.last.rowNumber)}`;
}

/** The address the port reports: "Sheet1!A1:B3", "'Price history'!A1:B3". */
export function qualifiedRangeAddress(sheetName: string, location: RangeLocation): string {
  return `${sheetPrefix(sheetName)}${localRangeAddress(location)}`;
}

export function missingSheet(sheetName: string): Error {
  return malformed(`There is no sheet named "${sheetName}"; check the address.`);
}

/** A cell as the port returns it: empty as null, an error as its code ("#N/A"). */
export function portCell(value: unknown): unknown {
  if (value === "" || value === undefined) return null;
  if (typeof value === "object" && value !== null && "value" in value && typeof (value as { value: unknown }).value === "string") {
    return (value as { value: string }).value; // HyperFormula's error values
  }
  return value;
}
