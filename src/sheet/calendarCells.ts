import { excelSerialFromDate, firstDayOfNextMonth, FIRST_EXCEL_SERIAL, LAST_EXCEL_SERIAL, type CalendarDate } from "../core/calendar";
import {
  DEFAULT_FISCAL_YEAR_START_MONTH,
  FISCAL_YEAR_START_CELL,
  FISCAL_YEAR_START_DEFINED_NAME,
  FISCAL_YEAR_START_LABEL,
  FISCAL_YEAR_START_LABEL_CELL,
  FISCAL_YEAR_START_REFERENCE,
  START_MONTH_CELL,
  START_MONTH_DEFINED_NAME,
  START_MONTH_LABEL,
  START_MONTH_LABEL_CELL,
  START_MONTH_REFERENCE,
} from "./layout";
import { describeCell, isEmptyCell, sameText, type AssumptionsSnapshot } from "./snapshot";

/**
 * The calendar cells of the assumptions sheet (D4:E5): the start month of projections and the
 * fiscal year's first month, with their defined names. What a set-up writes there, how the checks
 * judge them and what a repair keeps. Pure: no Office, no DOM.
 */

/** The two calendar inputs as the sheet holds them. */
export interface CalendarSettings {
  /** E4: an Excel date serial; by default the first day of next month. */
  readonly startMonthSerial: number;
  /** E5: 1 (January) to 12 (December). */
  readonly fiscalYearStartMonth: number;
}

/** Today's date on this computer's clock, as a calendar day (the hosts' default for the start month). */
export function localToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * The calendar a first set-up writes: the first day of the month after `today`, and a fiscal year
 * starting in January.
 *
 * @example defaultCalendar({ year: 2026, month: 12, day: 3 }) // { startMonthSerial: 46388 (2027-01-01), fiscalYearStartMonth: 1 }
 */
export function defaultCalendar(today: CalendarDate): CalendarSettings {
  return { startMonthSerial: excelSerialFromDate(firstDayOfNextMonth(today)), fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH };
}

const startHelp = "enter the first month of the projections as a date, such as 2027-01-01";
const fiscalHelp = "enter the month the fiscal year starts in, 1 (January) to 12 (December), such as 4 for April";

/** E4's value and what is wrong with it. */
export function checkStartMonth(value: unknown): { readonly value: number | null; readonly problem: string | null } {
  const where = `${START_MONTH_CELL} (${START_MONTH_LABEL})`;
  if (isEmptyCell(value)) {
    return { value: null, problem: `${where} is empty; ${startHelp}.` };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { value: null, problem: `${where} holds ${describeCell(value)}, not a date; ${startHelp}.` };
  }
  if (value < FIRST_EXCEL_SERIAL || value > LAST_EXCEL_SERIAL) {
    return { value: null, problem: `${where} is ${value}, which is not one of Excel's dates (1900-01-01 to 9999-12-31); ${startHelp}.` };
  }
  return { value, problem: null };
}

/** E5's value and what is wrong with it. */
export function checkFiscalYearStart(value: unknown): { readonly value: number | null; readonly problem: string | null } {
  const where = `${FISCAL_YEAR_START_CELL} (${FISCAL_YEAR_START_LABEL})`;
  if (isEmptyCell(value)) {
    return { value: null, problem: `${where} is empty; ${fiscalHelp}.` };
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 12) {
    return { value: null, problem: `${where} holds ${describeCell(value)}; ${fiscalHelp}.` };
  }
  return { value, problem: null };
}

/** The calendar a repair writes: the user's valid values kept, a missing or invalid one back to its default. */
export function repairedCalendar(snapshot: AssumptionsSnapshot, today: CalendarDate): CalendarSettings {
  const defaults = defaultCalendar(today);
  const start = checkStartMonth(snapshot.startMonth);
  const fiscal = checkFiscalYearStart(snapshot.fiscalYearStart);
  return {
    startMonthSerial: start.value ?? defaults.startMonthSerial,
    fiscalYearStartMonth: fiscal.value ?? defaults.fiscalYearStartMonth,
  };
}

function normaliseReference(reference: string): string {
  return reference.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
}

const calendarNames = [
  { name: START_MONTH_DEFINED_NAME, reference: START_MONTH_REFERENCE, key: "startMonth" },
  { name: FISCAL_YEAR_START_DEFINED_NAME, reference: FISCAL_YEAR_START_REFERENCE, key: "fiscalYearStart" },
] as const;

/**
 * What is wrong with the calendar cells and their names, in words. A sheet set up before AICOST
 * had a calendar (labels, values and names all absent) gets one plain message instead of six.
 */
export function calendarProblems(snapshot: AssumptionsSnapshot): string[] {
  const references = snapshot.calendarNameReferences;
  const untouched =
    [snapshot.calendarLabels[0], snapshot.calendarLabels[1], snapshot.startMonth, snapshot.fiscalYearStart].every(isEmptyCell) &&
    references.startMonth === null &&
    references.fiscalYearStart === null;
  if (untouched) {
    return [
      `This sheet was set up before AICOST had a calendar: the start month (${START_MONTH_CELL}) and the fiscal year's first month (${FISCAL_YEAR_START_CELL}) are missing, so projections cannot show dates or fiscal years. Repair adds them (the first day of next month; a fiscal year from January) and keeps your scenarios.`,
    ];
  }
  const problems: string[] = [];
  const labels: [unknown, string, string][] = [
    [snapshot.calendarLabels[0], START_MONTH_LABEL, START_MONTH_LABEL_CELL],
    [snapshot.calendarLabels[1], FISCAL_YEAR_START_LABEL, FISCAL_YEAR_START_LABEL_CELL],
  ];
  for (const [value, label, address] of labels) {
    if (!sameText(value, label)) {
      const found = isEmptyCell(value) ? "is empty" : `holds ${describeCell(value)}`;
      problems.push(`${address} should read "${label}" but ${found}. Repair puts the label back and keeps the value beside it.`);
    }
  }
  for (const check of [checkStartMonth(snapshot.startMonth), checkFiscalYearStart(snapshot.fiscalYearStart)]) {
    if (check.problem !== null) {
      problems.push(check.problem);
    }
  }
  for (const { name, reference, key } of calendarNames) {
    const current = references[key];
    if (current === null) {
      problems.push(`The name ${name} is missing, so projections that use it show #NAME?. Repair recreates it (it refers to ${reference}).`);
    } else if (normaliseReference(current) !== normaliseReference(reference)) {
      problems.push(`The name ${name} refers to ${current.replace(/^=/, "")} instead of ${reference}, so projections do not follow it. Repair points it back.`);
    }
  }
  return problems;
}

/** The calendar names and what each must refer to, for the hosts to create or re-point. */
export const CALENDAR_NAMES: readonly { readonly name: string; readonly reference: string; readonly cell: string }[] = [
  { name: START_MONTH_DEFINED_NAME, reference: START_MONTH_REFERENCE, cell: START_MONTH_CELL },
  { name: FISCAL_YEAR_START_DEFINED_NAME, reference: FISCAL_YEAR_START_REFERENCE, cell: FISCAL_YEAR_START_CELL },
];
