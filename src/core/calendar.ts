import { malformed, outOfRange } from "./errors";

/**
 * Calendar arithmetic for budgets: Excel serial dates, month arithmetic with EDATE and EOMONTH
 * semantics, month labels and fiscal years. Pure integer arithmetic on plain objects: no Date
 * objects, so no time zone or daylight-saving shift can move a day.
 *
 * Fiscal years are named by the calendar year in which they end, as most US and UK companies
 * name them: with an April start, FY2028 runs from April 2027 to March 2028; with a July start,
 * FY2028 runs from July 2027 to June 2028; with a January start the fiscal year is the calendar
 * year.
 */

/** A day of the (proleptic) Gregorian calendar; month 1-12, day 1-31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar month; month 1-12. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** Excel's first serial date (1900-01-01) and its last (9999-12-31) in the 1900 date system. */
export const FIRST_EXCEL_SERIAL = 1;
export const LAST_EXCEL_SERIAL = 2_958_465;
/** The serial Excel gives to 1900-02-29, a day the Gregorian calendar does not have. */
export const EXCEL_FICTITIOUS_LEAP_DAY_SERIAL = 60;

const monthsInYear = 12;
const shortMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** True for a Gregorian leap year: divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month of the Gregorian calendar.
 *
 * @example daysInMonth(2028, 2) // 29
 * @example daysInMonth(2100, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkYearMonth(yearMonth: YearMonth, what: string): void {
  const { year, month } = yearMonth;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > monthsInYear) {
    throw malformed(`${what} must have a whole year and a month from 1 to 12; got ${year}-${month}.`);
  }
}

function checkDate(date: CalendarDate, what: string): void {
  checkYearMonth(date, what);
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw malformed(`${what} ${date.year}-${date.month}-${date.day} is not a day of the calendar.`);
  }
}

/**
 * Days from 1970-01-01 to a Gregorian date (negative before it): the "days from civil" algorithm,
 * which counts in 400-year eras of 146,097 days so that every step is an exact integer.
 */
function daysFromCivil({ year, month, day }: CalendarDate): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of {@link daysFromCivil}. */
function civilFromDays(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1899-12-31, Excel's day 0 for serials below 60. */
const excelDayZero = daysFromCivil({ year: 1899, month: 12, day: 31 });
const lastRealDayBeforeLeapDay = daysFromCivil({ year: 1900, month: 2, day: 28 });

/**
 * The Excel serial number of a date in the 1900 date system (Windows Excel's default, and
 * LibreOffice's for the same dates from 1900-03-01 on): days counted from 1900-01-01 = 1. Excel
 * copied Lotus 1-2-3 in treating 1900 as a leap year, so it has a serial for 1900-02-29 (60) and
 * every later date is one more than a plain day count: 1900-03-01 is 61.
 *
 * Throws a DomainError (#VALUE!) for a day that is not in the calendar, and (#NUM!) for a date
 * outside 1900-01-01 to 9999-12-31.
 *
 * @example excelSerialFromDate({ year: 2027, month: 1, day: 1 }) // 46388
 * @example excelSerialFromDate({ year: 1900, month: 2, day: 29 }) // 60, Excel's fictitious leap day
 */
export function excelSerialFromDate(date: CalendarDate): number {
  if (date.year === 1900 && date.month === 2 && date.day === 29) {
    return EXCEL_FICTITIOUS_LEAP_DAY_SERIAL;
  }
  checkDate(date, "The date");
  const days = daysFromCivil(date);
  const serial = days - excelDayZero + (days > lastRealDayBeforeLeapDay ? 1 : 0);
  if (serial < FIRST_EXCEL_SERIAL || serial > LAST_EXCEL_SERIAL) {
    throw outOfRange(`Excel's dates run from 1900-01-01 to 9999-12-31; got ${formatIsoDate(date)}.`);
  }
  return serial;
}

/**
 * The date of an Excel serial number in the 1900 date system; a fraction (a time of day) is
 * dropped. Serial 60 is Excel's 1900-02-29.
 *
 * Throws a DomainError (#NUM!) for a serial outside 1 to 2958465.
 *
 * @example dateFromExcelSerial(46388) // { year: 2027, month: 1, day: 1 }
 * @example dateFromExcelSerial(60) // { year: 1900, month: 2, day: 29 }
 */
export function dateFromExcelSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (!(whole >= FIRST_EXCEL_SERIAL && whole <= LAST_EXCEL_SERIAL)) {
    throw outOfRange(`An Excel date serial runs from ${FIRST_EXCEL_SERIAL} (1900-01-01) to ${LAST_EXCEL_SERIAL} (9999-12-31); got ${serial}.`);
  }
  if (whole === EXCEL_FICTITIOUS_LEAP_DAY_SERIAL) {
    return { year: 1900, month: 2, day: 29 };
  }
  return civilFromDays(excelDayZero + whole - (whole > EXCEL_FICTITIOUS_LEAP_DAY_SERIAL ? 1 : 0));
}

/** "2027-01-15". */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The month `months` after (or before, when negative) a month.
 *
 * @example addMonthsToYearMonth({ year: 2027, month: 11 }, 3) // { year: 2028, month: 2 }
 */
export function addMonthsToYearMonth(yearMonth: YearMonth, months: number): YearMonth {
  checkYearMonth(yearMonth, "The month");
  if (!Number.isInteger(months)) {
    throw malformed(`A number of months to add must be whole; got ${months}.`);
  }
  const index = yearMonth.year * monthsInYear + (yearMonth.month - 1) + months;
  return { year: Math.floor(index / monthsInYear), month: (((index % monthsInYear) + monthsInYear) % monthsInYear) + 1 };
}

/**
 * Months from one month to another: 0 for the same month, negative when `to` comes first.
 *
 * @example monthsBetween({ year: 2027, month: 1 }, { year: 2028, month: 3 }) // 14
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  checkYearMonth(from, "The first month");
  checkYearMonth(to, "The second month");
  return (to.year - from.year) * monthsInYear + (to.month - from.month);
}

/**
 * The same day `months` later (or earlier), as Excel's EDATE computes it: a day that the target
 * month does not have becomes that month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a
 * leap year). A fractional number of months is truncated toward zero, as EDATE does.
 *
 * @example addMonths({ year: 2028, month: 1, day: 31 }, 1) // { year: 2028, month: 2, day: 29 }
 * @example addMonths({ year: 2100, month: 1, day: 31 }, 1) // { year: 2100, month: 2, day: 28 }
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  checkDate(date, "The date");
  if (!Number.isFinite(months)) {
    throw malformed(`A number of months must be a finite number; got ${months}.`);
  }
  const target = addMonthsToYearMonth(date, Math.trunc(months));
  return { ...target, day: Math.min(date.day, daysInMonth(target.year, target.month)) };
}

/**
 * The last day of the month `months` after (or before) a date's month, as Excel's EOMONTH.
 *
 * @example endOfMonth({ year: 2028, month: 1, day: 15 }, 1) // { year: 2028, month: 2, day: 29 }
 */
export function endOfMonth(date: CalendarDate, months: number): CalendarDate {
  checkDate(date, "The date");
  if (!Number.isFinite(months)) {
    throw malformed(`A number of months must be a finite number; got ${months}.`);
  }
  const target = addMonthsToYearMonth(date, Math.trunc(months));
  return { ...target, day: daysInMonth(target.year, target.month) };
}

/** Days in a month of Excel's calendar, where February 1900 has 29 days. */
function daysInExcelMonth(year: number, month: number): number {
  return year === 1900 && month === 2 ? 29 : daysInMonth(year, month);
}

/**
 * Excel's EDATE on serial numbers: the serial of the same day `months` later, in Excel's calendar
 * (whose February 1900 has the fictitious 29th). Throws (#NUM!) when the result leaves Excel's
 * dates.
 *
 * @example edateSerial(46388, 1) // 46419 (2027-01-01 + 1 month = 2027-02-01)
 */
export function edateSerial(serial: number, months: number): number {
  const start = dateFromExcelSerial(serial);
  const target = addMonthsToYearMonth(start, Math.trunc(months));
  return excelSerialFromDate({ ...target, day: Math.min(start.day, daysInExcelMonth(target.year, target.month)) });
}

/**
 * Excel's EOMONTH on serial numbers: the serial of the last day of the month `months` later.
 *
 * @example eomonthSerial(46388, 0) // 46418 (2027-01-31)
 */
export function eomonthSerial(serial: number, months: number): number {
  const target = addMonthsToYearMonth(dateFromExcelSerial(serial), Math.trunc(months));
  return excelSerialFromDate({ ...target, day: daysInExcelMonth(target.year, target.month) });
}

/**
 * The first day of the month after a date's month: the default start of a projection made on
 * that date.
 *
 * @example firstDayOfNextMonth({ year: 2026, month: 12, day: 3 }) // { year: 2027, month: 1, day: 1 }
 */
export function firstDayOfNextMonth(date: CalendarDate): CalendarDate {
  checkDate(date, "The date");
  return { ...addMonthsToYearMonth(date, 1), day: 1 };
}

/**
 * A month as a short English label, as Excel's "mmm yyyy" format shows it.
 *
 * @example monthLabel({ year: 2027, month: 1 }) // "Jan 2027"
 */
export function monthLabel(yearMonth: YearMonth): string {
  checkYearMonth(yearMonth, "The month");
  return `${shortMonthNames[yearMonth.month - 1]} ${yearMonth.year}`;
}

/** Excel's format code that shows a date as {@link monthLabel} does. */
export const MONTH_LABEL_FORMAT = "mmm yyyy";

function checkFiscalYearStart(fiscalYearStartMonth: number): void {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > monthsInYear) {
    throw outOfRange(`The fiscal year's first month must be a whole number from 1 (January) to 12 (December); got ${fiscalYearStartMonth}.`);
  }
}

/**
 * The fiscal year a month belongs to, named by the calendar year in which that fiscal year ends.
 *
 * @param yearMonth - the month
 * @param fiscalYearStartMonth - the fiscal year's first month, 1 (January) to 12 (December)
 * @example fiscalYearOf({ year: 2027, month: 4 }, 4) // 2028: FY2028 runs Apr 2027 - Mar 2028
 * @example fiscalYearOf({ year: 2027, month: 3 }, 4) // 2027
 * @example fiscalYearOf({ year: 2027, month: 12 }, 1) // 2027: a January start is the calendar year
 */
export function fiscalYearOf(yearMonth: YearMonth, fiscalYearStartMonth: number): number {
  checkYearMonth(yearMonth, "The month");
  checkFiscalYearStart(fiscalYearStartMonth);
  return fiscalYearStartMonth === 1 || yearMonth.month < fiscalYearStartMonth ? yearMonth.year : yearMonth.year + 1;
}

/**
 * The first and last month of a fiscal year.
 *
 * @example fiscalYearMonths(2028, 7) // { first: { year: 2027, month: 7 }, last: { year: 2028, month: 6 } }
 */
export function fiscalYearMonths(fiscalYear: number, fiscalYearStartMonth: number): { first: YearMonth; last: YearMonth } {
  checkFiscalYearStart(fiscalYearStartMonth);
  if (!Number.isInteger(fiscalYear)) {
    throw malformed(`A fiscal year must be a whole year; got ${fiscalYear}.`);
  }
  const first = { year: fiscalYearStartMonth === 1 ? fiscalYear : fiscalYear - 1, month: fiscalYearStartMonth };
  return { first, last: addMonthsToYearMonth(first, monthsInYear - 1) };
}

/**
 * "FY2028".
 *
 * @example fiscalYearLabel(2028) // "FY2028"
 */
export function fiscalYearLabel(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

/** The months of one fiscal year within a series of consecutive months. */
export interface FiscalYearGroup {
  readonly fiscalYear: number;
  /** "FY2028". */
  readonly label: string;
  /** Index in the series of the group's first month. */
  readonly firstIndex: number;
  readonly monthCount: number;
  readonly firstMonth: YearMonth;
  readonly lastMonth: YearMonth;
  /** True when the series covers only part of this fiscal year (its first or last group). */
  readonly partial: boolean;
}

/**
 * Splits a series of consecutive months, starting at `firstMonth`, into fiscal years: in order,
 * every month in exactly one group, the first and last groups partial when the series does not
 * start or end on a fiscal-year boundary.
 *
 * @example fiscalYearGroups({ year: 2027, month: 1 }, 36, 4).map((group) => [group.label, group.monthCount])
 * // [["FY2027", 3], ["FY2028", 12], ["FY2029", 12], ["FY2030", 9]]
 */
export function fiscalYearGroups(firstMonth: YearMonth, monthCount: number, fiscalYearStartMonth: number): FiscalYearGroup[] {
  checkYearMonth(firstMonth, "The first month");
  checkFiscalYearStart(fiscalYearStartMonth);
  if (!Number.isInteger(monthCount) || monthCount < 0) {
    throw outOfRange(`A number of months must be a whole number, 0 or more; got ${monthCount}.`);
  }
  const groups: FiscalYearGroup[] = [];
  let index = 0;
  while (index < monthCount) {
    const month = addMonthsToYearMonth(firstMonth, index);
    const fiscalYear = fiscalYearOf(month, fiscalYearStartMonth);
    const { last } = fiscalYearMonths(fiscalYear, fiscalYearStartMonth);
    const count = Math.min(monthsBetween(month, last) + 1, monthCount - index);
    groups.push({
      fiscalYear,
      label: fiscalYearLabel(fiscalYear),
      firstIndex: index,
      monthCount: count,
      firstMonth: month,
      lastMonth: addMonthsToYearMonth(month, count - 1),
      partial: count < monthsInYear,
    });
    index += count;
  }
  return groups;
}

/** A fiscal year's subtotal of a monthly series. */
export interface FiscalYearSubtotal extends FiscalYearGroup {
  readonly subtotal: number;
}

/**
 * Subtotals of a monthly series (e.g. monthly costs in USD) per fiscal year, and its total.
 *
 * @example fiscalYearSubtotals({ year: 2027, month: 2 }, [1, 2, 3], 4).subtotals.map((each) => [each.label, each.subtotal])
 * // [["FY2027", 3], ["FY2028", 3]]: Feb + Mar 2027 are FY2027, Apr 2027 starts FY2028
 */
export function fiscalYearSubtotals(
  firstMonth: YearMonth,
  monthlyValues: readonly number[],
  fiscalYearStartMonth: number,
): { subtotals: FiscalYearSubtotal[]; total: number } {
  const subtotals = fiscalYearGroups(firstMonth, monthlyValues.length, fiscalYearStartMonth).map((group) => {
    let subtotal = 0;
    for (let index = group.firstIndex; index < group.firstIndex + group.monthCount; index++) {
      subtotal += monthlyValues[index];
    }
    return { ...group, subtotal };
  });
  return { subtotals, total: monthlyValues.reduce((sum, value) => sum + value, 0) };
}
