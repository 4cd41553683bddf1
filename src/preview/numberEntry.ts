import { daysInMonth, excelSerialFromDate, type CalendarDate } from "../core/calendar";
import { literalText } from "../sheet/textEntry";
import { formatKind, formatNumber } from "./format";
import { EN_US, type LocaleConventions } from "./locale";

/**
 * What a user types into a grid cell, read as Excel reads it in the page's locale: a formula, a
 * number (`25,000`, `$1,200.50`, `(5)`, `1.5E6`, `10%`, `-$3.5`), a date or time (`2027-01-15`,
 * `1/15/2027`, `15 Jan 2027`, `12:30`), TRUE or FALSE, or text. A recognised number comes with
 * the number format Excel would give the cell (currency, percentage, thousands, scientific, date).
 * A leading `'` keeps the rest as text, and text that a spreadsheet would read as something else
 * is stored with that `'`, so it stays text.
 *
 * Excel's rules followed here (Microsoft's "Format numbers as percentages" and "Format numbers as
 * dates or times" pages, checked against Excel's behaviour):
 * - a number typed with a sign of its format gets that format: `$5` currency without decimals,
 *   `$5.5` with two; `10%` "0%", `12.5%` "0.00%"; `1.5E6` "0.00E+00"; `25,000` "#,##0" (only when
 *   the cell was General); a full date the locale's short date, `Jan 2027` "mmm-yy", `15 Jan`
 *   "d-mmm", `15 Jan 2027` "d-mmm-yy"; a time "h:mm" or "h:mm AM/PM";
 * - a cell that already has a format of the same kind keeps it;
 * - a plain number typed into a percentage cell is a percentage: 10 and 0.1 both give 10%;
 * - two-digit years 00-29 are 2000-2029, 30-99 are 1930-1999; a date without a year is in the
 *   current year; dates before 1900 stay text.
 * The currency signs `$ € £ ¥` are read in every locale (AICOST's prices are in US dollars), before
 * or after the number.
 */

export type CellEntry =
  | { readonly kind: "empty" }
  | { readonly kind: "formula"; readonly formula: string }
  /** A number; `format` is the number format to give the cell, undefined to keep the cell's. */
  | { readonly kind: "number"; readonly value: number; readonly format?: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** Text; `content` is what the engine must be given so that it stays this text. */
  | { readonly kind: "text"; readonly text: string; readonly content: string };

export interface EntryContext {
  readonly conventions?: LocaleConventions;
  /** The cell's number format before the entry; undefined for General. */
  readonly currentFormat?: string;
  /** Today, for a date typed without a year ("1/15", "15 Jan"), which Excel puts in the current year. */
  readonly today?: CalendarDate;
}

const THOUSANDS_FORMAT = "#,##0";
const THOUSANDS_DECIMALS_FORMAT = "#,##0.00";
const SCIENTIFIC_FORMAT = "0.00E+00";
const MONTH_YEAR_FORMAT = "mmm-yy";
const DAY_MONTH_FORMAT = "d-mmm";
const DAY_MONTH_YEAR_FORMAT = "d-mmm-yy";

// ---- Numbers ------------------------------------------------------------------------------------

interface ReadNumber {
  readonly value: number;
  readonly decimals: boolean;
  readonly grouped: boolean;
  readonly exponent: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The characters accepted as the digit group separator: a space of any kind stands for any other. */
function groupPattern(conventions: LocaleConventions): string | null {
  const group = conventions.groupSeparator;
  if (group === "") return null;
  if (/^\s$/u.test(group)) return "[ \\u00a0\\u202f]";
  if (group === "\u2019" || group === "'") return "['\\u2019]";
  return escapeRegExp(group);
}

const numberPatterns = new Map<string, RegExp>();

function numberPattern(conventions: LocaleConventions): RegExp {
  const cached = numberPatterns.get(conventions.tag);
  if (cached) return cached;
  const decimal = escapeRegExp(conventions.decimalSeparator);
  const group = groupPattern(conventions);
  const western = `\\d{1,3}(?:${group}\\d{3})+`;
  // Indian grouping (12,34,567) is read as well as the western one in a locale that uses it.
  const grouped = group === null ? null : conventions.indianGrouping ? `\\d{1,2}(?:${group}\\d{2})+${group}\\d{3}|${western}` : western;
  const integer = grouped === null ? "(?<plain>\\d+)" : `(?:(?<grouped>${grouped})|(?<plain>\\d+))`;
  const pattern = new RegExp(`^(?:${integer}(?:${decimal}(?<fraction>\\d*))?|${decimal}(?<bare>\\d+))(?:[eE](?<exponent>[+-]?\\d{1,3}))?$`);
  numberPatterns.set(conventions.tag, pattern);
  return pattern;
}

/** An unsigned number in the locale's separators, e.g. "1,200.50" in en-US; null when it is not one. */
function readUnsigned(text: string, conventions: LocaleConventions): ReadNumber | null {
  const match = numberPattern(conventions).exec(text);
  if (!match?.groups) return null;
  const { grouped, plain, fraction, bare, exponent } = match.groups;
  if (grouped !== undefined && exponent !== undefined) return null;
  const integerDigits = (grouped ?? plain ?? "0").replace(/\D/g, "");
  const fractionDigits = bare ?? fraction ?? "";
  const value = Number(`${integerDigits}.${fractionDigits || "0"}e${exponent ?? "0"}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fractionDigits !== "", grouped: grouped !== undefined, exponent: exponent !== undefined };
}

/** How a currency sign is written in a format code: "$" bare, as Excel writes it; others quoted. */
function currencyCode(symbol: string): string {
  return symbol === "$" ? "$" : `"${symbol}"`;
}

/** A number with its signs of format: sign, parentheses, currency and percent. */
function readNumberEntry(text: string, conventions: LocaleConventions): { value: number; format?: string } | null {
  let rest = text.trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(rest);
  if (parenthesised) {
    negative = true;
    rest = parenthesised[1].trim();
  }
  let signed = false;
  const takeSign = (): boolean => {
    const sign = /^([+-])\s*/.exec(rest);
    if (!sign) return true;
    if (signed || parenthesised) return false;
    signed = true;
    negative = sign[1] === "-";
    rest = rest.slice(sign[0].length);
    return true;
  };
  if (!takeSign()) return null;
  let percent = false;
  if (/\s*%$/.test(rest)) {
    percent = true;
    rest = rest.replace(/\s*%$/, "");
  }
  let currency: { symbol: string; before: boolean } | null = null;
  const leading = /^([$€£¥])\s*/.exec(rest);
  const trailing = /\s*([$€£¥])$/.exec(rest);
  if (leading) {
    currency = { symbol: leading[1], before: true };
    rest = rest.slice(leading[0].length);
    if (!takeSign()) return null;
  } else if (trailing) {
    currency = { symbol: trailing[1], before: false };
    rest = rest.slice(0, -trailing[0].length);
  }
  if (currency !== null && percent) return null;
  const number = readUnsigned(rest, conventions);
  if (number === null || (number.exponent && (currency !== null || percent))) return null;
  const magnitude = percent ? number.value / 100 : number.value;
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const digits = number.decimals ? ".00" : "";
  if (currency !== null) {
    const symbol = currencyCode(currency.symbol);
    return { value, format: currency.before ? `${symbol}#,##0${digits}` : `#,##0${digits} ${symbol}` };
  }
  if (percent) return { value, format: `0${digits}%` };
  if (number.exponent) return { value, format: SCIENTIFIC_FORMAT };
  if (number.grouped) return { value, format: number.decimals ? THOUSANDS_DECIMALS_FORMAT : THOUSANDS_FORMAT };
  return { value };
}

// ---- Dates and times ----------------------------------------------------------------------------

const englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The month (1-12) a name or abbreviation stands for, in English or the page's language; 0 for none. */
function monthNumber(word: string, conventions: LocaleConventions): number {
  const name = word.toLowerCase().replace(/\.$/, "");
  if (name.length < 3) return 0;
  const candidates = [englishMonths, conventions.longMonthNames.map((each) => each.toLowerCase()), conventions.shortMonthNames.map((each) => each.toLowerCase())];
  for (const names of candidates) {
    const index = names.findIndex((full) => full === name || (full.startsWith(name) && (name.length >= 3 || full.length <= 3)));
    if (index >= 0) return index + 1;
  }
  return name === "sept" ? 9 : 0;
}

/** Excel's two-digit years: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number | null {
  if (text.length === 4) return Number(text);
  if (text.length <= 2) {
    const year = Number(text);
    return year < 30 ? 2000 + year : 1900 + year;
  }
  return null;
}

function serialOf(year: number | null, month: number, day: number): number | null {
  if (year === null || year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (!(year === 1900 && month === 2 && day === 29) && day > daysInMonth(year, month)) return null;
  return excelSerialFromDate({ year, month, day });
}

interface ReadTime {
  readonly fraction: number;
  readonly format: string;
}

/** "12:30", "12:30:15", "9:30 PM", "9 am": a time of day as a fraction of a day, and its format. */
function readTime(text: string): ReadTime | null {
  const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]m?)?$/i.exec(text.trim());
  if (!match || (match[2] === undefined && match[4] === undefined)) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  const seconds = Number(match[3] ?? "0");
  const meridiem = match[4]?.toLowerCase();
  if (minutes > 59 || seconds > 59) return null;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.startsWith("p") ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  const clock = match[3] !== undefined ? "h:mm:ss" : "h:mm";
  return { fraction: (hours * 3600 + minutes * 60 + seconds) / 86_400, format: meridiem !== undefined ? `${clock} AM/PM` : clock };
}

/** The separators a numeric date may use in a locale: its own, "/" and "-", but never its decimal separator. */
function dateSeparators(conventions: LocaleConventions): string {
  const separators = new Set([conventions.dateSeparator, "/", "-"]);
  separators.delete(conventions.decimalSeparator);
  return `[${[...separators].map(escapeRegExp).join("")}]`;
}

/** A date without a time: its serial and the format Excel gives it. */
function readDate(text: string, conventions: LocaleConventions, today: CalendarDate | undefined): { serial: number; format: string } | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  if (iso) {
    const serial = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return serial === null ? null : { serial, format: conventions.shortDateFormat };
  }
  const separator = dateSeparators(conventions);
  const numeric = new RegExp(`^(\\d{1,4})${separator}(\\d{1,2})${separator}(\\d{1,4})$`).exec(trimmed);
  if (numeric) {
    const [first, second, third] = [numeric[1], numeric[2], numeric[3]];
    const [day, month, year] =
      conventions.dateOrder === "dmy" ? [first, second, third] : conventions.dateOrder === "mdy" ? [second, first, third] : [third, second, first];
    const serial = serialOf(fullYear(year), Number(month), Number(day));
    return serial === null ? null : { serial, format: conventions.shortDateFormat };
  }
  const pair = new RegExp(`^(\\d{1,2})${separator}(\\d{1,4})$`).exec(trimmed);
  if (pair) {
    if (pair[2].length === 4) {
      // "1/2027": a month and a year, the first day of that month.
      const serial = serialOf(Number(pair[2]), Number(pair[1]), 1);
      return serial === null ? null : { serial, format: MONTH_YEAR_FORMAT };
    }
    if (today === undefined || pair[2].length > 2) return null;
    const [day, month] = conventions.dateOrder === "dmy" ? [pair[1], pair[2]] : [pair[2], pair[1]];
    const serial = serialOf(today.year, Number(month), Number(day));
    return serial === null ? null : { serial, format: DAY_MONTH_FORMAT };
  }
  return readNamedMonthDate(trimmed, conventions, today);
}

/** "15 Jan 2027", "15-Jan-27", "Jan 15, 2027", "January 2027", "15 Jan", "Jan 15". */
function readNamedMonthDate(text: string, conventions: LocaleConventions, today: CalendarDate | undefined): { serial: number; format: string } | null {
  const words = text.split(/[\s,/-]+|\.(?=\s|$)|(?<=\D)\.(?=\d)/).filter((word) => word !== "");
  if (words.length < 2 || words.length > 3) return null;
  const monthIndex = words.findIndex((word) => /^\p{L}/u.test(word));
  if (monthIndex < 0 || words.filter((word) => /^\p{L}/u.test(word)).length !== 1) return null;
  const month = monthNumber(words[monthIndex], conventions);
  const numbers = words.filter((_word, index) => index !== monthIndex);
  if (month === 0 || !numbers.every((word) => /^\d{1,4}$/.test(word))) return null;
  if (numbers.length === 2) {
    // Day then year, in either order of month: "15 Jan 2027" or "Jan 15, 2027".
    const [day, year] = monthIndex === 1 || monthIndex === 0 ? [numbers[0], numbers[1]] : [numbers[1], numbers[0]];
    if (day.length > 2) return null;
    const serial = serialOf(fullYear(year), month, Number(day));
    return serial === null ? null : { serial, format: DAY_MONTH_YEAR_FORMAT };
  }
  const [number] = numbers;
  if (monthIndex === 0 && (number.length === 4 || Number(number) > 31)) {
    const serial = serialOf(fullYear(number), month, 1);
    return serial === null ? null : { serial, format: MONTH_YEAR_FORMAT };
  }
  if (number.length > 2 || today === undefined) return null;
  const serial = serialOf(today.year, month, Number(number));
  return serial === null ? null : { serial, format: DAY_MONTH_FORMAT };
}

/** A date, a time, or a date and a time ("2027-01-15 12:30"); null when the text is none of these. */
function readDateTimeEntry(text: string, conventions: LocaleConventions, today: CalendarDate | undefined): { value: number; format: string } | null {
  const time = readTime(text);
  if (time) return { value: time.fraction, format: time.format };
  const date = readDate(text, conventions, today);
  if (date) return { value: date.serial, format: date.format };
  // A date, a space and a time: the time may itself hold a space ("9:30 PM").
  const split = /^(.*\S)\s+(\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]m?)?)$/i.exec(text.trim());
  if (!split) return null;
  const datePart = readDate(split[1], conventions, today);
  const timePart = readTime(split[2]);
  if (!datePart || !timePart || datePart.format !== conventions.shortDateFormat) return null;
  return { value: datePart.serial + timePart.fraction, format: `${conventions.shortDateFormat} ${timePart.format}` };
}

// ---- Entries ------------------------------------------------------------------------------------

/** Whether an entry's format replaces the cell's: same kind keeps the cell's; thousands only on General. */
function formatToApply(entryFormat: string | undefined, currentFormat: string | undefined): string | undefined {
  if (entryFormat === undefined) return undefined;
  const current = formatKind(currentFormat);
  const entry = formatKind(entryFormat);
  const symbol = (code: string | undefined) => /[$€£¥]/.exec(code ?? "")?.[0];
  if (current === "currency" && entry === "currency" && symbol(currentFormat) !== symbol(entryFormat)) return entryFormat;
  if (current === entry || ((current === "date" || current === "datetime") && (entry === "date" || entry === "datetime"))) return undefined;
  if ((entryFormat === THOUSANDS_FORMAT || entryFormat === THOUSANDS_DECIMALS_FORMAT) && current !== "general") return undefined;
  return entryFormat;
}

/**
 * Reads what was typed into a cell.
 *
 * @example readCellEntry("25,000") // { kind: "number", value: 25000, format: "#,##0" }
 * @example readCellEntry("25.000", { conventions: localeConventions("de-DE") }) // { kind: "number", value: 25000, format: "#,##0" }
 * @example readCellEntry("(5)") // { kind: "number", value: -5 }
 * @example readCellEntry("2027-01-15") // { kind: "number", value: 46402, format: "m/d/yyyy" }
 * @example readCellEntry("'25") // { kind: "text", text: "25", content: "'25" }
 */
export function readCellEntry(input: string, context: EntryContext = {}): CellEntry {
  const conventions = context.conventions ?? EN_US;
  if (input === "") {
    return { kind: "empty" };
  }
  if (input.startsWith("=")) {
    return { kind: "formula", formula: input };
  }
  if (input.startsWith("'")) {
    return { kind: "text", text: input.slice(1), content: input };
  }
  const trimmed = input.trim();
  if (/^(true|false)$/i.test(trimmed)) {
    return { kind: "boolean", value: trimmed.toLowerCase() === "true" };
  }
  const number = readNumberEntry(trimmed, conventions) ?? readDateTimeEntry(trimmed, conventions, context.today);
  if (number !== null) {
    let { value } = number;
    // Excel's automatic percent entry: in a percentage cell 10 and 0.1 both mean 10%.
    if (number.format === undefined && formatKind(context.currentFormat) === "percent" && Math.abs(value) >= 1) {
      value /= 100;
    }
    const format = formatToApply(number.format, context.currentFormat);
    return format === undefined ? { kind: "number", value } : { kind: "number", value, format };
  }
  return { kind: "text", text: input, content: literalText(input) };
}

/** What the engine is given for an entry: a formula or text as a string, a number, a boolean, or null. */
export function entryContent(entry: CellEntry): string | number | boolean | null {
  switch (entry.kind) {
    case "empty":
      return null;
    case "formula":
      return entry.formula;
    case "text":
      return entry.content;
    default:
      return entry.value;
  }
}

/** A number as it is typed back in the locale: full precision, its decimal separator, no grouping. */
function plainNumber(value: number, conventions: LocaleConventions): string {
  return String(value).replace("e", "E").replace(".", conventions.decimalSeparator);
}

/**
 * What the formula bar (and F2) shows for a cell's content, so that committing it unchanged gives
 * the same content back: the formula, the text as typed, a date as the locale's short date, a
 * percentage with its sign, a number with the locale's decimal separator.
 *
 * @example editText(46402, "m/d/yyyy") // "1/15/2027"
 * @example editText(0.125, "0.00%") // "12.5%"
 * @example editText(0.5, undefined, localeConventions("de-DE")) // "0,5"
 */
export function editText(content: string | number | boolean | null | undefined, format: string | undefined, conventions: LocaleConventions = EN_US): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "boolean") return content ? "TRUE" : "FALSE";
  if (typeof content === "string") return content;
  const kind = formatKind(format);
  const whole = Number.isInteger(content);
  const seconds = Math.round((content - Math.floor(content)) * 86_400) % 60 !== 0;
  const clock = seconds ? "h:mm:ss" : "h:mm";
  if ((kind === "date" || kind === "datetime") && content >= 1 && content < 2_958_466) {
    return formatNumber(content, whole ? conventions.shortDateFormat : `${conventions.shortDateFormat} ${clock}`, conventions);
  }
  if (kind === "time" && content >= 0 && content < 1) {
    return formatNumber(content, clock, conventions);
  }
  if (kind === "percent") {
    return `${plainNumber(Number((content * 100).toPrecision(15)), conventions)}%`;
  }
  return plainNumber(content, conventions);
}
