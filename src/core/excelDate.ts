import { malformed, outOfRange } from "./errors";

/*
 * Excel's 1900 date system, for the price catalog: a date is the number of days since 1899-12-30,
 * which holds from 1900-03-01 (serial 61) on. Excel also counts a 1900-02-29 that never was, so
 * serials below 61 mean other days than this arithmetic says; they are refused rather than
 * converted wrongly. A minimal conversion kept private to the price modules until a shared calendar
 * module exists (it should then move there).
 */

const millisecondsInDay = 86_400_000;
const excelEpochUtcMilliseconds = Date.UTC(1899, 11, 30);

/** Serial of 1900-03-01, the first day whose serial is days since 1899-12-30. */
export const FIRST_EXCEL_SERIAL = 61;
/** Serial of 9999-12-31, Excel's last date. */
export const LAST_EXCEL_SERIAL = 2_958_465;

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
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  const utcMilliseconds = Date.UTC(year, monthIndex, day);
  const check = new Date(utcMilliseconds);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip. Years below 100
  // would be read as 19xx by Date.UTC; they fall outside Excel's range anyway.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== monthIndex || check.getUTCDate() !== day) return undefined;
  const serial = Math.round((utcMilliseconds - excelEpochUtcMilliseconds) / millisecondsInDay);
  return serial >= FIRST_EXCEL_SERIAL && serial <= LAST_EXCEL_SERIAL ? serial : undefined;
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
  return new Date(excelEpochUtcMilliseconds + day * millisecondsInDay).toISOString().slice(0, 10);
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
