/**
 * The page's number and date conventions, as Excel takes them from the system's regional
 * settings: decimal and group separators, the order of day, month and year in a short date, and
 * month names. The preview reads them from the browser (Intl, for navigator.language), so typing
 * `25,000` in en-US and `25.000` in de-DE both give 25000, and a cell formatted `#,##0.00` shows
 * `1,200.50` in one and `1.200,50` in the other.
 */

export interface LocaleConventions {
  /** The BCP 47 tag the conventions were read for, e.g. "en-US". */
  readonly tag: string;
  readonly decimalSeparator: string;
  /** The digit group separator: "," in en-US, "." in de-DE, a narrow no-break space in fr-FR. */
  readonly groupSeparator: string;
  /** Indian grouping (12,34,567): groups of two digits above the first three. */
  readonly indianGrouping: boolean;
  /** The order of a numeric short date's parts: "mdy" (1/15/2027), "dmy" (15.1.2027), "ymd". */
  readonly dateOrder: "mdy" | "dmy" | "ymd";
  /** What separates a short date's parts: "/" in en-US, "." in de-DE, "-" in nl-NL. */
  readonly dateSeparator: string;
  /** The short date as an Excel format code: "m/d/yyyy" in en-US, "d.m.yyyy" in de-DE, "dd/mm/yyyy" in en-GB. */
  readonly shortDateFormat: string;
  /** Month names for January..December, as the locale abbreviates them ("Jan", "Mär"), without a trailing dot. */
  readonly shortMonthNames: readonly string[];
  readonly longMonthNames: readonly string[];
  /** Weekday names from Sunday, short ("Sun") and long ("Sunday"). */
  readonly shortWeekdayNames: readonly string[];
  readonly longWeekdayNames: readonly string[];
}

const cache = new Map<string, LocaleConventions>();

function supportedTag(tag: string | undefined): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag ?? "en-US")[0] ?? "en-US";
  } catch {
    return "en-US"; // a malformed tag
  }
}

function monthNames(tag: string, month: "short" | "long"): string[] {
  const format = new Intl.DateTimeFormat(tag, { month, timeZone: "UTC" });
  return Array.from({ length: 12 }, (_unused, index) => format.format(Date.UTC(2027, index, 15)).replace(/\.$/, ""));
}

function weekdayNames(tag: string, weekday: "short" | "long"): string[] {
  const format = new Intl.DateTimeFormat(tag, { weekday, timeZone: "UTC" });
  // 2027-01-03 is a Sunday.
  return Array.from({ length: 7 }, (_unused, index) => format.format(Date.UTC(2027, 0, 3 + index)).replace(/\.$/, ""));
}

/**
 * The conventions of a locale, e.g. `localeConventions(navigator.language)`; an unknown or
 * malformed tag gives en-US's.
 *
 * @example localeConventions("de-DE").decimalSeparator // ","
 * @example localeConventions("en-US").shortDateFormat // "m/d/yyyy"
 */
export function localeConventions(tag?: string): LocaleConventions {
  const resolved = supportedTag(tag);
  const cached = cache.get(resolved);
  if (cached) {
    return cached;
  }
  const numberParts = new Intl.NumberFormat(resolved).formatToParts(1234567.891);
  const decimalSeparator = numberParts.find((part) => part.type === "decimal")?.value ?? ".";
  const groupSeparator = numberParts.find((part) => part.type === "group")?.value ?? "";
  const integerGroups = numberParts.filter((part) => part.type === "integer").map((part) => part.value.length);
  // 5 January 2027: one-digit day and month show whether the short date pads them.
  const dateParts = new Intl.DateTimeFormat(resolved, { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" }).formatToParts(Date.UTC(2027, 0, 5));
  const fields = dateParts.filter((part) => part.type === "day" || part.type === "month" || part.type === "year");
  const order = fields.map((part) => part.type[0]).join("");
  const dateOrder = order === "dmy" || order === "ymd" ? order : "mdy";
  const dateSeparator = (dateParts.find((part) => part.type === "literal")?.value.trim() || "/").slice(0, 1);
  const code = (part: Intl.DateTimeFormatPart): string =>
    part.type === "year" ? "yyyy" : part.type === "month" ? (part.value.length > 1 ? "mm" : "m") : part.value.length > 1 ? "dd" : "d";
  const conventions: LocaleConventions = {
    tag: resolved,
    decimalSeparator,
    groupSeparator,
    indianGrouping: integerGroups.length === 3 && integerGroups[1] === 2,
    dateOrder,
    dateSeparator,
    shortDateFormat: fields.map(code).join(dateSeparator),
    shortMonthNames: monthNames(resolved, "short"),
    longMonthNames: monthNames(resolved, "long"),
    shortWeekdayNames: weekdayNames(resolved, "short"),
    longWeekdayNames: weekdayNames(resolved, "long"),
  };
  cache.set(resolved, conventions);
  return conventions;
}

/** en-US, the conventions when none are given (and the ones the tests' numbers are written in). */
export const EN_US = localeConventions("en-US");
