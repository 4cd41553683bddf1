import { displayValue, formatGeneral, formatKind, formatNumber } from "../../src/preview/format";
import { localeConventions } from "../../src/preview/locale";

/**
 * Excel's number format codes in the preview grid. Expected texts are what Excel shows for the
 * same value and code in a US-English (or German, French) Excel; serials as in
 * test/core/calendar.test.ts (2027-01-01 = 46388, a Friday; 2027-01-15 = 46402).
 */
const deDE = localeConventions("de-DE");
const frFR = localeConventions("fr-FR");

describe("numbers", () => {
  it.each<[number, string, string]>([
    // A cost must not read like a year: 2025 in a currency format is $2,025.00.
    [2025, "$#,##0.00", "$2,025.00"],
    [2025, '"$"#,##0.00', "$2,025.00"],
    [2025, "[$$-409]#,##0.00", "$2,025.00"],
    [5, "[$€-407] #,##0.00", "€ 5.00"],
    [5, '#,##0.00 "€"', "5.00 €"],
    // Excel rounds what it shows from 15 significant digits: 1.005 is 1.00499999999999989 as a double.
    [1.005, "0.00", "1.01"],
    [0.5, "#.00", ".50"],
    [0.5, "0", "1"],
    [-0.4, "0", "0"],
    [1234567.891, "#,##0", "1,234,568"],
    [999.999, "#,##0.00", "1,000.00"],
    // Trailing commas scale by 1,000: 12,345,678 / 1,000,000 = 12.345678, one decimal = 12.3.
    [12_345_678, '0.0,,"M"', "12.3M"],
    [12_345, "#,##0,", "12"],
    // Sections: positive; negative; zero. _) leaves room for the ")" of negatives.
    [1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 "],
    [-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"],
    [-1234.5, "$#,##0.00_);[Red]($#,##0.00)", "($1,234.50)"],
    [0, '0.00;-0.00;"-"', "-"],
    [0, "0;-0;", ""],
    [-5, "[Red]0.00", "-5.00"],
    [0.125, "0.00%", "12.50%"],
    [0.5, "0%", "50%"],
    [3.14159, "0.0?", "3.14"],
    [3.1, "0.0?", "3.1 "],
    // Scientific: 1,500,000 = 1.5 * 10^6; 0.000123 = 1.23 * 10^-4; ##0.0E+0 keeps three integer digits: 12.3 * 10^3.
    [1_500_000, "0.00E+00", "1.50E+06"],
    [0.000123, "0.00E+00", "1.23E-04"],
    [-1_500_000, "0.00E+00", "-1.50E+06"],
    [12_345, "00.0E+0", "12.3E+3"],
    [9.999, "0.00E+00", "1.00E+01"],
    [0, "0.00E+00", "0.00E+00"],
    [42, 'General" items"', "42 items"],
  ])("%p in %p shows %p", (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });

  it("uses the locale's separators: 1,234.50 in en-US is 1.234,50 in de-DE and 1 234,50 in fr-FR", () => {
    expect(formatNumber(1234.5, "#,##0.00", deDE)).toBe("1.234,50");
    expect(formatNumber(1234.5, "$#,##0.00", deDE)).toBe("$1.234,50");
    expect(formatNumber(1234.5, "#,##0.00", frFR)).toBe(`1${frFR.groupSeparator}234,50`);
    expect(formatNumber(0.125, "0.0%", deDE)).toBe("12,5%");
    expect(formatNumber(1_234_567, "#,##0", localeConventions("en-IN"))).toBe("12,34,567");
    expect(formatGeneral(0.5, deDE)).toBe("0,5");
    expect(formatGeneral(1 / 3, deDE)).toBe("0,333333333");
  });

  it("shows a code it cannot (a condition, a fraction) as General, never as nothing", () => {
    expect(formatNumber(1234.5, "[>1000]#,##0;0")).toBe("1234.5");
    expect(formatNumber(1.5, "# ?/?")).toBe("1.5");
    expect(formatKind("[>1000]#,##0;0")).toBe("general");
  });
});

describe("dates and times", () => {
  it.each<[number, string, string]>([
    [46402, "m/d/yyyy", "1/15/2027"],
    [46402, "mm/dd/yy", "01/15/27"],
    [46402, "yyyy-mm-dd", "2027-01-15"],
    [46402, "d-mmm-yy", "15-Jan-27"],
    [46388, "mmm-yy", "Jan-27"],
    [46388, "mmm yyyy", "Jan 2027"],
    [46388, "mmmmm", "J"],
    [46402, "dddd, mmmm d, yyyy", "Friday, January 15, 2027"], // 2027-01-01 is a Friday, and so is the 15th
    [46403, "ddd d mmm", "Sat 16 Jan"],
    [60, "yyyy-mm-dd", "1900-02-29"], // Excel's fictitious leap day
    [61, "yyyy-mm-dd", "1900-03-01"],
    [0, "m/d/yyyy", "1/0/1900"], // Excel shows serial 0 as the day before 1900-01-01
    [-1, "m/d/yyyy", "########"],
    [2_958_466, "m/d/yyyy", "########"],
    // Times: 0.5208333 = 12:30; 0.75 = 18:00; 1.5 days = 36 hours.
    [12.5 / 24, "h:mm", "12:30"],
    [12.5 / 24, "h:mm AM/PM", "12:30 PM"],
    [0.75, "h:mm:ss AM/PM", "6:00:00 PM"],
    [0, "h:mm AM/PM", "12:00 AM"],
    [9.5 / 24, "hh:mm a/p", "09:30 a"],
    [46402.75, "m/d/yyyy h:mm", "1/15/2027 18:00"],
    [1.5, "[h]:mm", "36:00"],
    [(12 * 3600 + 30 * 60 + 15.25) / 86_400, "h:mm:ss.00", "12:30:15.25"],
    // 23:59:59.6 rounds to the next day's 0:00:00.
    [46402 + (86_399.6 / 86_400), "m/d/yyyy h:mm:ss", "1/16/2027 0:00:00"],
  ])("%p in %p shows %p", (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });

  it("uses the locale's month and day names and separators", () => {
    expect(formatNumber(46402, "d.m.yyyy", deDE)).toBe("15.1.2027");
    expect(formatNumber(46402, "dddd, d. mmmm yyyy", deDE)).toBe("Freitag, 15. Januar 2027");
    expect(formatNumber(46402 + 59, "d mmm yyyy", deDE)).toBe("15 Mär 2027");
  });
});

describe("format kinds and text", () => {
  it.each<[string | undefined, string]>([
    [undefined, "general"],
    ["General", "general"],
    ["$#,##0.00", "currency"],
    ["[$€-407]#,##0.00", "currency"],
    ["0.0%", "percent"],
    ["0.00E+00", "scientific"],
    ["#,##0", "number"],
    ["m/d/yyyy", "date"],
    ["h:mm", "time"],
    ["m/d/yyyy h:mm", "datetime"],
    ["@", "text"],
  ])("%p is %p", (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });

  it("text keeps its value; a text section wraps it; errors keep their message", () => {
    expect(displayValue("x", '0;-0;0;"Note: "@')).toMatchObject({ text: "Note: x", dataValue: "x", kind: "text" });
    expect(displayValue("x", "@")).toMatchObject({ text: "x" });
    expect(displayValue("x", "$#,##0.00")).toMatchObject({ text: "x" });
    expect(displayValue(46402, "m/d/yyyy")).toMatchObject({ text: "1/15/2027", dataValue: "46402", kind: "number" });
    expect(displayValue(false, undefined)).toMatchObject({ text: "FALSE", kind: "boolean" });
  });
});
