import type { CellValue } from "hyperformula";
import { dateFromExcelSerial, LAST_EXCEL_SERIAL, type CalendarDate } from "../core/calendar";
import { EN_US, type LocaleConventions } from "./locale";

/**
 * How the preview grid shows a computed value: the text in the cell, the `data-value` hook for
 * tests and automation, and the error message. Number formats are Excel's format codes: up to four
 * sections (positive;negative;zero;text), digit placeholders `0 # ?`, thousands `,` (and trailing
 * commas that scale by 1,000), `%`, scientific `E+00`, literal text (`"USD "`, `\x`, `$`, `[$€-407]`),
 * `_x` spacing, colours (ignored), `@` for text, `General`, and dates and times (`yyyy mm dd`,
 * `mmm`, `dddd`, `h:mm:ss AM/PM`, `[h]`). Separators and month names follow the page's locale, as
 * Excel follows the system's. Codes it cannot show (conditions such as `[>100]`, fractions
 * `# ?/?`) show as General.
 */

export interface DisplayedValue {
  /** What the cell shows. */
  readonly text: string;
  /** The computed value for automation: String(n) for a number, the text, TRUE/FALSE, or the error code. */
  readonly dataValue: string;
  readonly kind: "number" | "text" | "boolean" | "error" | "empty";
  /** The error's message. */
  readonly message?: string;
}

/** What a format code shows a number as. */
export type FormatKind = "general" | "number" | "currency" | "percent" | "scientific" | "date" | "time" | "datetime" | "text";

type DatePart =
  | "y2" | "y4" | "m" | "mm" | "mmm" | "mmmm" | "mmmmm" | "d" | "dd" | "ddd" | "dddd"
  | "h" | "hh" | "minute" | "minute2" | "s" | "ss" | "ampm" | "ap" | "elapsedHours" | "elapsedMinutes" | "elapsedSeconds" | "subsecond";

type Token =
  | { readonly type: "literal"; readonly text: string }
  | { readonly type: "digit"; readonly char: "0" | "#" | "?" }
  | { readonly type: "point" }
  | { readonly type: "comma" }
  | { readonly type: "percent" }
  | { readonly type: "exponent"; readonly plus: boolean }
  | { readonly type: "text" }
  | { readonly type: "general" }
  | { readonly type: "date"; readonly part: DatePart; readonly digits?: number; readonly lowerCase?: boolean };

interface Section {
  readonly tokens: readonly Token[];
  readonly isDate: boolean;
}

interface CompiledFormat {
  readonly sections: readonly Section[];
  readonly kind: FormatKind;
}

const compiled = new Map<string, CompiledFormat | null>();
const colourNames = /^(black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)$/i;
const currencySymbols = /[$€£¥]/;
/** Excel shows a date it cannot show (negative, after 9999-12-31) as a cell full of #. */
const UNSHOWABLE_DATE = "########";

/** Splits a code into sections at ";" outside quotes, escapes and brackets. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '"') {
      const end = code.indexOf('"', index + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(index, stop + 1);
      index = stop;
    } else if (char === "\\" || char === "_" || char === "*") {
      current += code.slice(index, index + 2);
      index++;
    } else if (char === "[") {
      const end = code.indexOf("]", index);
      const stop = end < 0 ? code.length : end;
      current += code.slice(index, stop + 1);
      index = stop;
    } else if (char === ";") {
      sections.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  sections.push(current);
  return sections;
}

/** Reads one section into tokens; null when it uses something the preview cannot show. */
function tokenize(section: string): Token[] | null {
  const tokens: Token[] = [];
  const lower = section.toLowerCase();
  let index = 0;
  const run = (letter: string): number => {
    let end = index;
    while (end < section.length && lower[end] === letter) end++;
    return end - index;
  };
  while (index < section.length) {
    const char = section[index];
    const low = lower[index];
    if (char === '"') {
      const end = section.indexOf('"', index + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ type: "literal", text: section.slice(index + 1, stop) });
      index = stop + 1;
    } else if (char === "\\") {
      tokens.push({ type: "literal", text: section[index + 1] ?? "" });
      index += 2;
    } else if (char === "_") {
      tokens.push({ type: "literal", text: " " }); // the width of the next character, roughly one space
      index += 2;
    } else if (char === "*") {
      index += 2; // repeat to fill the cell: nothing in a grid that sizes its columns itself
    } else if (char === "[") {
      const end = section.indexOf("]", index);
      if (end < 0) return null;
      const inside = section.slice(index + 1, end);
      const currency = /^\$([^-]*)(?:-[0-9A-Fa-f]+)?$/.exec(inside);
      const elapsed = /^(h+|m+|s+)$/i.exec(inside);
      if (currency) {
        if (currency[1] !== "") tokens.push({ type: "literal", text: currency[1] });
      } else if (elapsed) {
        const letter = elapsed[1][0].toLowerCase();
        tokens.push({ type: "date", part: letter === "h" ? "elapsedHours" : letter === "m" ? "elapsedMinutes" : "elapsedSeconds", digits: elapsed[1].length });
      } else if (!colourNames.test(inside)) {
        return null; // a condition such as [>100], or a locale or calendar code the preview does not know
      }
      index = end + 1;
    } else if (lower.startsWith("general", index)) {
      tokens.push({ type: "general" });
      index += 7;
    } else if (lower.startsWith("am/pm", index)) {
      tokens.push({ type: "date", part: "ampm", lowerCase: section.slice(index, index + 5) === "am/pm" });
      index += 5;
    } else if (lower.startsWith("a/p", index)) {
      tokens.push({ type: "date", part: "ap", lowerCase: section.slice(index, index + 3) === "a/p" });
      index += 3;
    } else if (char === "0" || char === "#" || char === "?") {
      tokens.push({ type: "digit", char });
      index++;
    } else if (char === ".") {
      const zeros = /^\.(0+)/.exec(section.slice(index));
      const afterSeconds = tokens.some((token) => token.type === "date" && (token.part === "s" || token.part === "ss" || token.part === "elapsedSeconds"));
      if (zeros && afterSeconds) {
        tokens.push({ type: "date", part: "subsecond", digits: zeros[1].length });
        index += zeros[0].length;
      } else {
        tokens.push({ type: "point" });
        index++;
      }
    } else if (char === ",") {
      tokens.push({ type: "comma" });
      index++;
    } else if (char === "%") {
      tokens.push({ type: "percent" });
      index++;
    } else if ((low === "e") && (section[index + 1] === "+" || section[index + 1] === "-") && /[0#?]/.test(section[index + 2] ?? "")) {
      tokens.push({ type: "exponent", plus: section[index + 1] === "+" });
      index += 2;
    } else if (char === "@") {
      tokens.push({ type: "text" });
      index++;
    } else if (low === "y" || low === "d" || low === "h" || low === "s" || low === "m") {
      const length = run(low);
      tokens.push({ type: "date", part: datePart(low, length) });
      index += length;
    } else if (char === "/" && tokens.some((token) => token.type === "digit") && /[0-9#?]/.test(section[index + 1] ?? "")) {
      return null; // a fraction, # ?/?
    } else {
      tokens.push({ type: "literal", text: char });
      index++;
    }
  }
  return resolveMinutes(tokens);
}

function datePart(letter: string, length: number): DatePart {
  switch (letter) {
    case "y":
      return length <= 2 ? "y2" : "y4";
    case "d":
      return length === 1 ? "d" : length === 2 ? "dd" : length === 3 ? "ddd" : "dddd";
    case "h":
      return length === 1 ? "h" : "hh";
    case "s":
      return length === 1 ? "s" : "ss";
    default:
      return length === 1 ? "m" : length === 2 ? "mm" : length === 3 ? "mmm" : length === 4 ? "mmmm" : "mmmmm";
  }
}

/** "m" and "mm" right after hours or right before seconds are minutes, as in Excel. */
function resolveMinutes(tokens: Token[]): Token[] {
  const dateIndexes = tokens.flatMap((token, index) => (token.type === "date" ? [index] : []));
  return tokens.map((token, index) => {
    if (token.type !== "date" || (token.part !== "m" && token.part !== "mm")) return token;
    const position = dateIndexes.indexOf(index);
    const previous = tokens[dateIndexes[position - 1]];
    const next = tokens[dateIndexes[position + 1]];
    const afterHours = previous?.type === "date" && (previous.part === "h" || previous.part === "hh" || previous.part === "elapsedHours");
    const beforeSeconds = next?.type === "date" && (next.part === "s" || next.part === "ss");
    return afterHours || beforeSeconds ? { type: "date", part: token.part === "m" ? "minute" : "minute2" } : token;
  });
}

const timeParts = new Set<DatePart>(["h", "hh", "minute", "minute2", "s", "ss", "ampm", "ap", "elapsedHours", "elapsedMinutes", "elapsedSeconds", "subsecond"]);

function kindOf(section: Section): FormatKind {
  const { tokens } = section;
  if (section.isDate) {
    const parts = tokens.flatMap((token) => (token.type === "date" ? [token.part] : []));
    const hasTime = parts.some((part) => timeParts.has(part));
    const hasDate = parts.some((part) => !timeParts.has(part));
    return hasTime && hasDate ? "datetime" : hasTime ? "time" : "date";
  }
  if (tokens.some((token) => token.type === "percent")) return "percent";
  if (tokens.some((token) => token.type === "exponent")) return "scientific";
  if (tokens.some((token) => token.type === "literal" && currencySymbols.test(token.text))) return "currency";
  if (tokens.some((token) => token.type === "digit")) return "number";
  if (tokens.some((token) => token.type === "text")) return "text";
  return "general";
}

function compile(code: string): CompiledFormat | null {
  const cached = compiled.get(code);
  if (cached !== undefined) return cached;
  let result: CompiledFormat | null = null;
  if (code.trim().toLowerCase() !== "general" && code.trim() !== "") {
    const sections: Section[] = [];
    for (const text of splitSections(code).slice(0, 4)) {
      const tokens = tokenize(text);
      if (tokens === null) {
        sections.length = 0;
        break;
      }
      const isDate = tokens.some((token) => token.type === "date");
      // In a date, "." and "," are literal separators ("d.m.yyyy", "mmmm d, yyyy").
      const literalPunctuation = (token: Token): Token =>
        token.type === "point" ? { type: "literal", text: "." } : token.type === "comma" ? { type: "literal", text: "," } : token;
      sections.push({ tokens: isDate ? tokens.map(literalPunctuation) : tokens, isDate });
    }
    if (sections.length > 0) {
      result = { sections, kind: kindOf(sections[0]) };
    }
  }
  compiled.set(code, result);
  return result;
}

/**
 * What a format code shows a number as; "general" for General and for codes the preview does not know.
 *
 * @example formatKind("$#,##0.00") // "currency"
 * @example formatKind("m/d/yyyy") // "date"
 */
export function formatKind(code: string | undefined): FormatKind {
  return code === undefined ? "general" : (compile(code)?.kind ?? "general");
}

// ---- Digits ------------------------------------------------------------------------------------

/**
 * A non-negative number rounded to `fractionDigits` decimals from its 15 significant digits, as
 * Excel rounds what it shows (1.005 shows as 1.01 in "0.00", although its double is 1.00499...).
 */
function decimalDigits(value: number, fractionDigits: number): { integer: string; fraction: string } {
  if (value === 0) {
    return { integer: "", fraction: "0".repeat(fractionDigits) };
  }
  const [mantissa, exponentText] = value.toExponential(14).split("e");
  let digits = mantissa.replace(".", "");
  let point = Number(exponentText) + 1;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) {
    digits += "0".repeat(point - digits.length);
  }
  const kept = (digits.slice(0, point + fractionDigits) + "0".repeat(fractionDigits)).slice(0, point + fractionDigits);
  const next = digits[point + fractionDigits] ?? "0";
  const rounded = next >= "5" ? incrementDecimal(kept) : kept;
  const integerLength = rounded.length - fractionDigits;
  return { integer: rounded.slice(0, integerLength).replace(/^0+/, ""), fraction: rounded.slice(integerLength) };
}

function incrementDecimal(digits: string): string {
  const chars = digits.split("");
  for (let index = chars.length - 1; index >= 0; index--) {
    if (chars[index] === "9") {
      chars[index] = "0";
    } else {
      chars[index] = String(Number(chars[index]) + 1);
      return chars.join("");
    }
  }
  return `1${chars.join("")}`;
}

function groupDigits(integer: string, conventions: LocaleConventions): string {
  if (integer.length <= 3 || conventions.groupSeparator === "") return integer;
  const last = integer.slice(-3);
  let rest = integer.slice(0, -3);
  const size = conventions.indianGrouping ? 2 : 3;
  const groups: string[] = [];
  while (rest.length > size) {
    groups.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
  }
  if (rest !== "") groups.unshift(rest);
  return [...groups, last].join(conventions.groupSeparator);
}

// ---- General ------------------------------------------------------------------------------------

const generalFormatters = new Map<number, Intl.NumberFormat>();

/** Excel's General format shows at most 11 characters in a column of standard width. */
const generalMaximumCharacters = 11;
/** Decimals of a scientific mantissa in General: 1.23457E-07. */
const generalMaximumMantissaDecimals = 5;

/** The digits that carry information in a shown number: no sign, point, leading or trailing zeros. */
function significantDigitCount(shown: string): number {
  return shown.replace(/[^0-9]/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
}

/** The fixed form in at most 11 characters, or null when even one significant digit does not fit. */
function generalFixed(value: number): string | null {
  for (let significantDigits = generalMaximumCharacters; significantDigits >= 1; significantDigits--) {
    let formatter = generalFormatters.get(significantDigits);
    if (!formatter) {
      formatter = new Intl.NumberFormat("en-US", { maximumSignificantDigits: significantDigits, useGrouping: false });
      generalFormatters.set(significantDigits, formatter);
    }
    const shown = formatter.format(value);
    if (shown.length <= generalMaximumCharacters) {
      return shown;
    }
  }
  return null;
}

/** Excel's scientific form with as many mantissa decimals (up to 5) as fit: 1.23457E-07, 1.5E-12, -1.2346E+11. */
function generalScientific(value: number): string {
  let shown = "";
  for (let decimals = generalMaximumMantissaDecimals; decimals >= 0; decimals--) {
    const [mantissa, exponent] = value.toExponential(decimals).split("e");
    const exponentDigits = Math.abs(Number(exponent)).toString().padStart(2, "0");
    shown = `${mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa}E${exponent.startsWith("-") ? "-" : "+"}${exponentDigits}`;
    if (shown.length <= generalMaximumCharacters) {
      break;
    }
  }
  return shown;
}

/**
 * A number in Excel's General format: as many significant digits as fit in 11 characters, in
 * fixed notation unless scientific notation shows more of them (or the fixed form does not fit),
 * with the locale's decimal separator.
 *
 * @example formatGeneral(1 / 3) // "0.333333333"
 * @example formatGeneral(1.23456789e-7) // "1.23457E-07"
 * @example formatGeneral(0.5, localeConventions("de-DE")) // "0,5"
 */
export function formatGeneral(value: number, conventions: LocaleConventions = EN_US): string {
  const fixed = generalFixed(value);
  let shown: string;
  if (value === 0 || !Number.isFinite(value)) {
    shown = fixed ?? String(value);
  } else {
    const scientific = generalScientific(value);
    shown = fixed !== null && significantDigitCount(fixed) >= significantDigitCount(scientific.replace(/E.*$/, "")) ? fixed : scientific;
  }
  return conventions.decimalSeparator === "." ? shown : shown.replace(".", conventions.decimalSeparator);
}

// ---- Number sections ----------------------------------------------------------------------------

/** What a number section needs to show a value, worked out once per format code. */
interface NumberPlan {
  readonly minimumInteger: number;
  readonly integerCount: number;
  readonly minimumFraction: number;
  readonly spaceFraction: number;
  readonly maximumFraction: number;
  readonly grouping: boolean;
  readonly scale: number;
  readonly point: boolean;
  readonly exponent: { readonly plus: boolean; readonly minimumDigits: number } | null;
  /** Literal text, and where the number and General go. */
  readonly parts: readonly (string | { readonly slot: "number" | "general" })[];
}

const numberPlans = new WeakMap<Section, NumberPlan>();

function numberPlan(section: Section): NumberPlan {
  const cached = numberPlans.get(section);
  if (cached) return cached;
  const { tokens } = section;
  const digitIndexes = tokens.flatMap((token, index) => (token.type === "digit" ? [index] : []));
  const exponentIndex = tokens.findIndex((token) => token.type === "exponent");
  const pointIndex = tokens.findIndex((token, index) => token.type === "point" && (exponentIndex < 0 || index < exponentIndex));
  const mantissaEnd = exponentIndex < 0 ? tokens.length : exponentIndex;
  const charsAt = (indexes: number[]) => indexes.map((index) => (tokens[index] as { char: string }).char);
  const integerDigits = charsAt(digitIndexes.filter((index) => index < mantissaEnd && (pointIndex < 0 || index < pointIndex)));
  const fractionDigits = charsAt(digitIndexes.filter((index) => pointIndex >= 0 && index > pointIndex && index < mantissaEnd));
  const exponentDigits = charsAt(digitIndexes.filter((index) => exponentIndex >= 0 && index > exponentIndex));
  const lastMantissaDigit = Math.max(-1, ...digitIndexes.filter((index) => index < mantissaEnd));
  const firstDigit = digitIndexes[0] ?? -1;
  let scaleCommas = 0;
  for (let index = lastMantissaDigit + 1; index < mantissaEnd && tokens[index]?.type === "comma"; index++) scaleCommas++;
  const percents = tokens.filter((token) => token.type === "percent").length;
  const parts: (string | { slot: "number" | "general" })[] = [];
  tokens.forEach((token, index) => {
    if (token.type === "literal") parts.push(token.text);
    else if (token.type === "percent") parts.push("%");
    else if (token.type === "general") parts.push({ slot: "general" });
    else if (token.type === "digit" && index === firstDigit) parts.push({ slot: "number" });
  });
  const plan: NumberPlan = {
    minimumInteger: integerDigits.filter((char) => char === "0").length,
    integerCount: Math.max(1, integerDigits.length),
    minimumFraction: fractionDigits.filter((char) => char === "0").length,
    spaceFraction: fractionDigits.filter((char) => char === "?").length,
    maximumFraction: fractionDigits.length,
    grouping: tokens.some((token, index) => token.type === "comma" && index > firstDigit && index < lastMantissaDigit && (pointIndex < 0 || index < pointIndex)),
    scale: 100 ** percents / 1000 ** scaleCommas,
    point: pointIndex >= 0,
    exponent: exponentIndex < 0 ? null : { plus: (tokens[exponentIndex] as { plus: boolean }).plus, minimumDigits: exponentDigits.filter((char) => char === "0").length },
    parts,
  };
  numberPlans.set(section, plan);
  return plan;
}

function renderNumber(section: Section, value: number, conventions: LocaleConventions): string {
  const plan = numberPlan(section);
  const scaled = value * plan.scale;
  let integer: string;
  let fraction: string;
  let exponentText = "";
  if (plan.exponent !== null) {
    let exponent = scaled === 0 ? 0 : Math.floor(Math.log10(scaled)) - (plan.integerCount - 1);
    let parts = decimalDigits(scaled / 10 ** exponent, plan.maximumFraction);
    if (parts.integer.length > plan.integerCount) {
      exponent += 1;
      parts = decimalDigits(scaled / 10 ** exponent, plan.maximumFraction);
    }
    ({ integer, fraction } = parts);
    const exponentShown = String(Math.abs(exponent)).padStart(plan.exponent.minimumDigits, "0");
    exponentText = `E${exponent < 0 ? "-" : plan.exponent.plus ? "+" : ""}${exponentShown}`;
  } else {
    ({ integer, fraction } = decimalDigits(scaled, plan.maximumFraction));
  }
  // Optional decimals: drop trailing zeros down to the required ones; "?" keeps their width as spaces.
  let trimmed = fraction;
  while (trimmed.length > plan.minimumFraction && trimmed.endsWith("0")) trimmed = trimmed.slice(0, -1);
  const spaces = Math.max(0, Math.min(plan.spaceFraction, fraction.length - trimmed.length));
  fraction = spaces > 0 ? trimmed + " ".repeat(spaces) : trimmed;
  if (integer.length < plan.minimumInteger) integer = integer.padStart(plan.minimumInteger, "0");
  const integerShown = plan.grouping ? groupDigits(integer, conventions) : integer;
  const number = `${integerShown}${plan.point ? conventions.decimalSeparator : ""}${fraction}${exponentText}`;
  let shown = "";
  for (const part of plan.parts) {
    shown += typeof part === "string" ? part : part.slot === "number" ? number : formatGeneral(value, conventions);
  }
  return shown;
}

// ---- Date and time sections ---------------------------------------------------------------------

function renderDate(section: Section, serial: number, conventions: LocaleConventions): string {
  if (!(serial >= 0) || serial >= LAST_EXCEL_SERIAL + 1) {
    return UNSHOWABLE_DATE;
  }
  const subsecondDigits = Math.max(0, ...section.tokens.map((token) => (token.type === "date" && token.part === "subsecond" ? (token.digits ?? 0) : 0)));
  const unit = 86_400 * 10 ** subsecondDigits;
  let day = Math.floor(serial);
  let ticks = Math.round((serial - day) * unit);
  if (ticks >= unit) {
    day += 1;
    ticks -= unit;
  }
  const date: CalendarDate = day === 0 ? { year: 1900, month: 1, day: 0 } : dateFromExcelSerial(day); // Excel shows serial 0 as 1900-01-00
  const seconds = Math.floor(ticks / 10 ** subsecondDigits);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secondsOfMinute = seconds % 60;
  const twelveHour = section.tokens.some((token) => token.type === "date" && (token.part === "ampm" || token.part === "ap"));
  const shownHours = twelveHour ? ((hours + 11) % 12) + 1 : hours;
  // Excel's serial 1 (1900-01-01) is a Sunday in its calendar: the weekday is (serial - 1) mod 7, 0 = Sunday.
  const weekday = (((day - 1) % 7) + 7) % 7;
  const totalSeconds = day * 86_400 + seconds;
  const pad = (number: number, width = 2) => String(number).padStart(width, "0");
  let shown = "";
  for (const token of section.tokens) {
    if (token.type === "literal") {
      shown += token.text;
      continue;
    }
    if (token.type !== "date") {
      continue;
    }
    switch (token.part) {
      case "y2": shown += pad(date.year % 100); break;
      case "y4": shown += pad(date.year, 4); break;
      case "m": shown += String(date.month); break;
      case "mm": shown += pad(date.month); break;
      case "mmm": shown += conventions.shortMonthNames[date.month - 1]; break;
      case "mmmm": shown += conventions.longMonthNames[date.month - 1]; break;
      case "mmmmm": shown += conventions.longMonthNames[date.month - 1].slice(0, 1); break;
      case "d": shown += String(date.day); break;
      case "dd": shown += pad(date.day); break;
      case "ddd": shown += conventions.shortWeekdayNames[weekday]; break;
      case "dddd": shown += conventions.longWeekdayNames[weekday]; break;
      case "h": shown += String(shownHours); break;
      case "hh": shown += pad(shownHours); break;
      case "minute": shown += String(minutes); break;
      case "minute2": shown += pad(minutes); break;
      case "s": shown += String(secondsOfMinute); break;
      case "ss": shown += pad(secondsOfMinute); break;
      case "ampm": shown += casedAs(hours < 12 ? "AM" : "PM", token.lowerCase); break;
      case "ap": shown += casedAs(hours < 12 ? "A" : "P", token.lowerCase); break;
      case "elapsedHours": shown += pad(Math.floor(totalSeconds / 3600), token.digits); break;
      case "elapsedMinutes": shown += pad(Math.floor(totalSeconds / 60), token.digits); break;
      case "elapsedSeconds": shown += pad(totalSeconds, token.digits); break;
      case "subsecond": shown += conventions.decimalSeparator + pad(ticks % 10 ** subsecondDigits, subsecondDigits); break;
    }
  }
  return shown;
}

/** AM/PM as the code writes it: "am/pm" and "a/p" show in lower case. */
function casedAs(text: string, lowerCase: boolean | undefined): string {
  return lowerCase ? text.toLowerCase() : text;
}

function renderText(section: Section, text: string): string {
  return section.tokens.map((token) => (token.type === "literal" ? token.text : token.type === "text" ? text : "")).join("");
}

/**
 * A number shown in a format code, with the locale's separators and month names.
 *
 * @example formatNumber(1234.5, "$#,##0.00") // "$1,234.50"
 * @example formatNumber(0.05, "0.0%") // "5.0%"
 * @example formatNumber(46402, "m/d/yyyy") // "1/15/2027"
 * @example formatNumber(1234.5, "#,##0.00", localeConventions("de-DE")) // "1.234,50"
 */
export function formatNumber(value: number, code: string | undefined, conventions: LocaleConventions = EN_US): string {
  const format = code === undefined ? null : compile(code);
  if (format === null || !Number.isFinite(value)) {
    return formatGeneral(value, conventions);
  }
  const { sections } = format;
  const numberSections = sections.slice(0, 3);
  let section = numberSections[0];
  let shownValue = value;
  let sign = "";
  if (value < 0 && numberSections.length >= 2) {
    section = numberSections[1];
    shownValue = -value;
  } else if (value === 0 && numberSections.length >= 3) {
    section = numberSections[2];
  } else if (value < 0) {
    shownValue = -value;
    sign = "-";
  }
  if (section.isDate) {
    return renderDate(section, value, conventions);
  }
  if (!section.tokens.some((token) => token.type === "digit" || token.type === "general")) {
    return renderText(section, ""); // a section of literal text only, or an empty one ("0;;" hides zeros)
  }
  const shown = renderNumber(section, shownValue, conventions);
  // A minus sign only for a number that does not round to zero.
  return sign !== "" && /[1-9]/.test(shown) ? `${sign}${shown}` : shown;
}

/** Text shown in a format code: its text section (the fourth), or a single section with "@". */
function formatText(text: string, code: string | undefined): string {
  const format = code === undefined ? null : compile(code);
  if (format === null) return text;
  const textSection = format.sections[3] ?? (format.sections.length === 1 && format.sections[0].tokens.some((token) => token.type === "text") ? format.sections[0] : undefined);
  return textSection ? renderText(textSection, text) : text;
}

/** The displayed form of a value HyperFormula computed. */
export function displayValue(value: CellValue, code: string | undefined, conventions: LocaleConventions = EN_US): DisplayedValue {
  if (value === null || value === undefined) {
    return { text: "", dataValue: "", kind: "empty" };
  }
  if (typeof value === "number") {
    return { text: formatNumber(value, code, conventions), dataValue: String(value), kind: "number" };
  }
  if (typeof value === "boolean") {
    const text = value ? "TRUE" : "FALSE";
    return { text, dataValue: text, kind: "boolean" };
  }
  if (typeof value === "string") {
    return { text: formatText(value, code), dataValue: value, kind: "text" };
  }
  return { text: value.value, dataValue: value.value, kind: "error", message: value.message || undefined };
}
