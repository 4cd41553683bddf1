import type { CellValue } from "hyperformula";
import { FIRST_EXCEL_SERIAL, isoDateOfExcelSerial, LAST_EXCEL_SERIAL } from "../core/excelDate";

/** Excel's ISO date code, any case: the one date format AICOST's sheets use. */
const isoDateFormat = /^yyyy-mm-dd$/i;

/**
 * How the preview grid shows a computed value: the text in the cell, the `data-value` hook for
 * tests and automation, and the error message shown on hover. Number formats follow the subset of
 * Excel's format codes the AICOST sheets use: currency "$", thousands ",", fixed and optional
 * decimals ("0.00##"), percent "%".
 */

export interface DisplayedValue {
  /** What the cell shows. */
  readonly text: string;
  /** The computed value for automation: String(n) for a number, the text, TRUE/FALSE, or the error code. */
  readonly dataValue: string;
  readonly kind: "number" | "text" | "boolean" | "error" | "empty";
  /** The error's message, shown on hover. */
  readonly message?: string;
}

interface ParsedFormat {
  readonly currency: boolean;
  readonly percent: boolean;
  readonly grouping: boolean;
  readonly minimumFractionDigits: number;
  readonly maximumFractionDigits: number;
}

const parsedFormats = new Map<string, ParsedFormat | null>();
const formatters = new Map<string, Intl.NumberFormat>();

/** Reads a format code such as "$#,##0.00##" or "0.0%"; null for General or anything it does not know. */
export function parseNumberFormat(code: string): ParsedFormat | null {
  const cached = parsedFormats.get(code);
  if (cached !== undefined) {
    return cached;
  }
  const section = code.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  const match = /^(\$?)([#,0]*0)(?:\.(0*)(#*))?(%?)$/.exec(section.trim());
  const parsed = match
    ? {
        currency: match[1] === "$",
        grouping: match[2].includes(","),
        minimumFractionDigits: (match[3] ?? "").length,
        maximumFractionDigits: (match[3] ?? "").length + (match[4] ?? "").length,
        percent: match[5] === "%",
      }
    : null;
  parsedFormats.set(code, parsed);
  return parsed;
}

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat("en-US", options);
    formatters.set(key, cached);
  }
  return cached;
}

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
    const shown = formatter(`general:${significantDigits}`, { maximumSignificantDigits: significantDigits, useGrouping: false }).format(value);
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
 * fixed notation unless scientific notation shows more of them (or the fixed form does not fit).
 *
 * @example formatGeneral(1 / 3) // "0.333333333"
 * @example formatGeneral(1.23456789e-7) // "1.23457E-07"
 * @example formatGeneral(123456789012) // "1.23457E+11"
 */
export function formatGeneral(value: number): string {
  const fixed = generalFixed(value);
  if (value === 0 || !Number.isFinite(value)) {
    return fixed ?? String(value);
  }
  const scientific = generalScientific(value);
  return fixed !== null && significantDigitCount(fixed) >= significantDigitCount(scientific.replace(/E.*$/, "")) ? fixed : scientific;
}

/**
 * A number shown in a format code.
 *
 * @example formatNumber(1234.5, "$#,##0.00") // "$1,234.50"
 * @example formatNumber(0.05, "0.0%") // "5.0%"
 */
export function formatNumber(value: number, code: string | undefined): string {
  if (code !== undefined && isoDateFormat.test(code) && value >= FIRST_EXCEL_SERIAL && value < LAST_EXCEL_SERIAL + 1) {
    return isoDateOfExcelSerial(value); // the prices sheet's Effective from column (issue 10)
  }
  const parsed = code === undefined ? null : parseNumberFormat(code);
  if (parsed === null) {
    return formatGeneral(value);
  }
  const shown = parsed.percent ? value * 100 : value;
  const digits = formatter(`${parsed.grouping}:${parsed.minimumFractionDigits}:${parsed.maximumFractionDigits}`, {
    minimumFractionDigits: parsed.minimumFractionDigits,
    maximumFractionDigits: parsed.maximumFractionDigits,
    useGrouping: parsed.grouping,
  }).format(Math.abs(shown));
  const sign = shown < 0 && Number(digits.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${parsed.currency ? "$" : ""}${digits}${parsed.percent ? "%" : ""}`;
}

/** The displayed form of a value HyperFormula computed. */
export function displayValue(value: CellValue, code: string | undefined): DisplayedValue {
  if (value === null || value === undefined) {
    return { text: "", dataValue: "", kind: "empty" };
  }
  if (typeof value === "number") {
    return { text: formatNumber(value, code), dataValue: String(value), kind: "number" };
  }
  if (typeof value === "boolean") {
    const text = value ? "TRUE" : "FALSE";
    return { text, dataValue: text, kind: "boolean" };
  }
  if (typeof value === "string") {
    return { text: value, dataValue: value, kind: "text" };
  }
  return { text: value.value, dataValue: value.value, kind: "error", message: value.message || undefined };
}
