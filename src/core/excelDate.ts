import { dateFromExcelSerial, excelSerialFromDate, formatIsoDate, LAST_EXCEL_SERIAL } from "./calendar";
import { malformed, outOfRange } from "./errors";

/*
 * ISO dates and Excel serials for the price catalog, on core's one date model (calendar.ts). The
 * catalog takes dates from 1900-03-01 (serial 61) on: before it, Excel counts a 1900-02-29 that
 * never was, and a catalog date there is far more likely a typing slip than a real price date.
 */

/** Serial of 1900-03-01, the first day whose serial is days since 1899-12-30. */
export const FIRST_EXCEL_SERIAL = 61;
/** Excel's last date, 9999-12-31: calendar.ts's. */
export { LAST_EXCEL_SERIAL };

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The Excel serial of an ISO calendar date (`YYYY-MM-DD`), or undefined if the text is not one
 * (a wrong pattern, or a day that does not exist such as 2025-02-30).
 *
 * @example excelSerialOfIsoDate("2025-06-10") // 45818
 */
export function excelSerialOfIsoDate(isoDate: string): number | undefined {
  const match = isoDatePattern.exec(isoDate);
  if (match == null) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.year < 1900 || (date.year === 1900 && date.month < 3)) return undefined;
  try {
    // calendar.ts refuses a day the month does not have (2025-02-30) and years past 9999.
    return excelSerialFromDate(date);
  } catch {
    return undefined;
  }
}

/**
 * Like {@link excelSerialOfIsoDate}, but throws a malformed-argument error naming `what`.
 *
 * @example excelSerialFromIsoDate("2023-03-14", "effective_from") // 44999
 */
export function excelSerialFromIsoDate(isoDate: string, what: string): number {
  const serial = excelSerialOfIsoDate(isoDate);
  if (serial == null) {
    throw malformed(`${what} must be a date written YYYY-MM-DD from 1900-03-01 to 9999-12-31; got '${isoDate}'.`);
  }
  return serial;
}

/**
 * The ISO date (`YYYY-MM-DD`) of an Excel serial; a time of day (the fraction) is ignored.
 *
 * @example isoDateOfExcelSerial(45818.75) // "2025-06-10"
 */
export function isoDateOfExcelSerial(serial: number): string {
  const day = Math.floor(serial);
  if (!(day >= FIRST_EXCEL_SERIAL && day <= LAST_EXCEL_SERIAL)) {
    throw outOfRange(`A date must be an Excel date from 1900-03-01 (serial 61) to 9999-12-31 (serial 2958465); got ${serial}.`);
  }
  return formatIsoDate(dateFromExcelSerial(day));
}

/**
 * Checks an `as_of_date`-like argument: an Excel date serial within Excel's range. Returns the day
 * (time of day dropped).
 *
 * @example excelDay(45818.75, "as_of_date") // 45818
 */
export function excelDay(serial: number, what: string): number {
  const day = Math.floor(serial);
  if (!(day >= FIRST_EXCEL_SERIAL && day <= LAST_EXCEL_SERIAL)) {
    throw outOfRange(`${what} must be an Excel date from 1900-03-01 to 9999-12-31; got ${serial}.`);
  }
  return day;
}
