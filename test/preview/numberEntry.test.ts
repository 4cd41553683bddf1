import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { PREVIEW_ENGINE_CONFIG } from "../../src/preview/document";
import { formatNumber } from "../../src/preview/format";
import { localeConventions } from "../../src/preview/locale";
import { editText, entryContent, readCellEntry, type CellEntry } from "../../src/preview/numberEntry";

/**
 * Typing into a grid cell, read as Excel reads it in the page's locale. Serials are worked out in
 * test/core/calendar.test.ts: 2027-01-01 = 46388, 2027-01-15 = 46402, 2028-02-29 = 46812.
 */
const enUS = localeConventions("en-US");
const deDE = localeConventions("de-DE");
const frFR = localeConventions("fr-FR");
const deCH = localeConventions("de-CH");
const enIN = localeConventions("en-IN");
const today = { year: 2026, month: 12, day: 3 };

function number(value: number, format?: string): CellEntry {
  return format === undefined ? { kind: "number", value } : { kind: "number", value, format };
}

describe("the page's locale conventions", () => {
  it("come from Intl: separators, the short date and month names", () => {
    expect([enUS.decimalSeparator, enUS.groupSeparator, enUS.shortDateFormat, enUS.dateOrder]).toEqual([".", ",", "m/d/yyyy", "mdy"]);
    expect([deDE.decimalSeparator, deDE.groupSeparator, deDE.shortDateFormat, deDE.dateOrder]).toEqual([",", ".", "d.m.yyyy", "dmy"]);
    expect(localeConventions("en-GB").shortDateFormat).toBe("dd/mm/yyyy");
    expect(frFR.decimalSeparator).toBe(",");
    expect(/\s/u.test(frFR.groupSeparator)).toBe(true);
    expect(enIN.indianGrouping).toBe(true);
    expect(enUS.shortMonthNames[0]).toBe("Jan");
    expect(deDE.longMonthNames[2]).toBe("März");
    expect(enUS.longWeekdayNames[5]).toBe("Friday");
  });

  it("fall back to en-US for a malformed tag", () => {
    expect(localeConventions("not a locale!").tag).toBe("en-US");
  });
});

describe("typing in en-US", () => {
  it.each<[string, CellEntry]>([
    ["25,000", number(25_000, "#,##0")],
    ["1,200.5", number(1200.5, "#,##0.00")],
    ["$1,200.50", number(1200.5, "$#,##0.00")],
    ["$5", number(5, "$#,##0")],
    ["(5)", number(-5)],
    ["(1,000)", number(-1000, "#,##0")],
    ["($5)", number(-5, "$#,##0")],
    ["-$3.5", number(-3.5, "$#,##0.00")],
    ["$-3.5", number(-3.5, "$#,##0.00")],
    ["1.5E6", number(1_500_000, "0.00E+00")],
    ["2e-3", number(0.002, "0.00E+00")],
    ["10%", number(0.1, "0%")],
    ["12.5%", number(0.125, "0.00%")],
    ["(10%)", number(-0.1, "0%")],
    ["€5", number(5, '"€"#,##0')],
    ["5 €", number(5, '#,##0 "€"')],
    ["£1,200.50", number(1200.5, '"£"#,##0.00')],
    ["42", number(42)],
    [" 42 ", number(42)],
    [".5", number(0.5)],
    ["-0", number(0)],
    ["+7", number(7)],
  ])("%p is %o", (typed, entry) => {
    expect(readCellEntry(typed, { conventions: enUS })).toEqual(entry);
  });

  it.each<[string, number, string]>([
    // Full dates get the locale's short date; 2027-01-15 = 46402.
    ["2027-01-15", 46402, "m/d/yyyy"],
    ["2027/1/15", 46402, "m/d/yyyy"],
    ["1/15/2027", 46402, "m/d/yyyy"],
    ["1-15-2027", 46402, "m/d/yyyy"],
    ["1/15/27", 46402, "m/d/yyyy"], // 27 is 2027: 00-29 are 2000-2029
    ["1/15/45", 46402 - excelYears(1945, 2027), "m/d/yyyy"], // 45 is 1945
    ["2028-02-29", 46812, "m/d/yyyy"],
    ["1900-02-29", 60, "m/d/yyyy"], // Excel's fictitious leap day
    ["15 Jan 2027", 46402, "d-mmm-yy"],
    ["15-Jan-27", 46402, "d-mmm-yy"],
    ["January 15, 2027", 46402, "d-mmm-yy"],
    ["Jan 2027", 46388, "mmm-yy"],
    ["january 2027", 46388, "mmm-yy"],
    ["1/2027", 46388, "mmm-yy"],
    // Without a year, the current one (2026 here): 2026-01-15 = 46402 - 365 = 46037.
    ["1/15", 46037, "d-mmm"],
    ["15 Jan", 46037, "d-mmm"],
  ])("%p is the date serial %d in %p", (typed, serial, format) => {
    expect(readCellEntry(typed, { conventions: enUS, today })).toEqual(number(serial, format));
  });

  it.each<[string, number, string]>([
    // 12:30 is 12.5 / 24 = 0.5208333...; 9:30 PM is 21.5 / 24 = 0.8958333...
    ["12:30", 12.5 / 24, "h:mm"],
    ["12:30:15", (12 * 3600 + 30 * 60 + 15) / 86_400, "h:mm:ss"],
    ["9:30 PM", 21.5 / 24, "h:mm AM/PM"],
    ["12 am", 0, "h:mm AM/PM"],
    ["2027-01-15 12:30", 46402 + 12.5 / 24, "m/d/yyyy h:mm"],
    ["1/15/2027 9:30 pm", 46402 + 21.5 / 24, "m/d/yyyy h:mm AM/PM"],
  ])("%p is the time %d in %p", (typed, value, format) => {
    expect(readCellEntry(typed, { conventions: enUS })).toEqual(number(value, format));
  });

  it.each<[string, string]>([
    // Not numbers in en-US, so text, as Excel keeps them; stored with ' where the engine would read them otherwise.
    ["3,5", "'3,5"],
    ["1,00", "'1,00"],
    ["15/01/2027", "'15/01/2027"], // no 15th month
    ["2027-02-29", "'2027-02-29"], // 2027 is not a leap year
    ["1899-12-31", "'1899-12-31"], // before Excel's first date
    ["$5%", "'$5%"],
    ["1e400", "1e400"],
    ["12:75", "'12:75"],
    ["hello", "hello"],
    ["AI support 2027", "AI support 2027"],
    ["May the price fall", "May the price fall"],
    ["-$-3", "'-$-3"],
  ])("%p stays text, stored as %p", (typed, content) => {
    expect(readCellEntry(typed, { conventions: enUS, today })).toEqual({ kind: "text", text: typed, content });
  });

  it("a leading ' keeps the rest as text; TRUE and FALSE are booleans; = starts a formula; nothing clears", () => {
    expect(readCellEntry("'25")).toEqual({ kind: "text", text: "25", content: "'25" });
    expect(readCellEntry("'2027-01-15")).toEqual({ kind: "text", text: "2027-01-15", content: "'2027-01-15" });
    expect(readCellEntry("TRUE")).toEqual({ kind: "boolean", value: true });
    expect(readCellEntry("false")).toEqual({ kind: "boolean", value: false });
    expect(readCellEntry("=AICOST.PROJECT_PRICE(10, 12)")).toEqual({ kind: "formula", formula: "=AICOST.PROJECT_PRICE(10, 12)" });
    expect(readCellEntry("")).toEqual({ kind: "empty" });
  });
});

describe("typing in other locales", () => {
  it.each<[string, CellEntry]>([
    // The same keystrokes as in en-US, other numbers: "," is the decimal separator in de-DE.
    ["25,000", number(25)],
    ["25.000", number(25_000, "#,##0")],
    ["1.200,50", number(1200.5, "#,##0.00")],
    ["1.200,50 €", number(1200.5, '#,##0.00 "€"')],
    ["$1.200,50", number(1200.5, "$#,##0.00")],
    ["3,5", number(3.5)],
    ["(5)", number(-5)],
    ["1,5E6", number(1_500_000, "0.00E+00")],
    ["10 %", number(0.1, "0%")],
    ["12,5%", number(0.125, "0.00%")],
    ["15.01.2027", number(46402, "d.m.yyyy")],
    ["15.1.27", number(46402, "d.m.yyyy")],
    ["2027-01-15", number(46402, "d.m.yyyy")],
    ["15. Januar 2027", number(46402, "d-mmm-yy")],
    ["15 März 2027", number(46402 + 59, "d-mmm-yy")], // 2027-03-15: January 31 + February 28 days later
  ])("de-DE: %p is %o", (typed, entry) => {
    expect(readCellEntry(typed, { conventions: deDE, today })).toEqual(entry);
  });

  it("de-DE: 1.5E6 and 1,200.50 are not numbers (\".\" groups thousands there), so they stay text", () => {
    expect(readCellEntry("1.5E6", { conventions: deDE })).toMatchObject({ kind: "text", content: "'1.5E6" });
    expect(readCellEntry("1,200.50", { conventions: deDE })).toMatchObject({ kind: "text" });
  });

  it("fr-FR groups with a space of any kind; de-CH with an apostrophe; en-IN in lakhs as well as thousands", () => {
    expect(readCellEntry("25 000", { conventions: frFR })).toEqual(number(25_000, "#,##0"));
    expect(readCellEntry("1\u202f200,50", { conventions: frFR })).toEqual(number(1200.5, "#,##0.00"));
    expect(readCellEntry("1'200.50", { conventions: deCH })).toEqual(number(1200.5, "#,##0.00"));
    expect(readCellEntry("1\u2019200.50", { conventions: deCH })).toEqual(number(1200.5, "#,##0.00"));
    expect(readCellEntry("12,34,567", { conventions: enIN })).toEqual(number(1_234_567, "#,##0"));
    expect(readCellEntry("1,234,567", { conventions: enIN })).toEqual(number(1_234_567, "#,##0"));
    expect(readCellEntry("12,34,567", { conventions: enUS })).toMatchObject({ kind: "text" });
  });
});

describe("the cell's format before the entry", () => {
  it("a plain number in a percentage cell is a percentage: 10 and 0.1 both give 10% (Excel's automatic percent entry)", () => {
    expect(readCellEntry("10", { currentFormat: "0.0%" })).toEqual(number(0.1));
    expect(readCellEntry("0.1", { currentFormat: "0.0%" })).toEqual(number(0.1));
    expect(readCellEntry("-4", { currentFormat: "0%" })).toEqual(number(-0.04));
    expect(readCellEntry("5%", { currentFormat: "0.0%" })).toEqual(number(0.05)); // keeps 0.0%
  });

  it("a format of the same kind stays; thousands only replace General; another currency replaces the cell's", () => {
    expect(readCellEntry("$3", { currentFormat: "$#,##0.00##" })).toEqual(number(3));
    expect(readCellEntry("25,000", { currentFormat: "$#,##0.00" })).toEqual(number(25_000));
    expect(readCellEntry("25,000", { currentFormat: "0" })).toEqual(number(25_000));
    expect(readCellEntry("€3", { currentFormat: "$#,##0.00" })).toEqual(number(3, '"€"#,##0'));
    expect(readCellEntry("10%", { currentFormat: "$#,##0.00" })).toEqual(number(0.1, "0%"));
    expect(readCellEntry("2027-01-15", { currentFormat: "yyyy-mm-dd" })).toEqual(number(46402));
    expect(readCellEntry("12:30", { currentFormat: "yyyy-mm-dd" })).toEqual(number(12.5 / 24, "h:mm"));
  });
});

describe("what the engine stores", () => {
  it("text Excel keeps as text stays text in HyperFormula too, and numbers go in as numbers", () => {
    const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG });
    const sheet = hf.getSheetId(hf.addSheet("S")) as number;
    const typed = ["3,5", "15/01/2027", "12:75", "'25", "25,000", "(5)", "1.5E6", "10%", "2027-01-15", "TRUE", "hello"];
    typed.forEach((text, row) => hf.setCellContents({ sheet, row, col: 0 }, entryContent(readCellEntry(text, { conventions: enUS }))));
    const values = typed.map((_text, row) => hf.getCellValue({ sheet, row, col: 0 }));
    expect(values).toEqual(["3,5", "15/01/2027", "12:75", "25", 25_000, -5, 1_500_000, 0.1, 46402, true, "hello"]);
    expect(entryContent({ kind: "empty" })).toBeNull();
  });
});

describe("what the formula bar shows, so that Enter gives the content back", () => {
  it.each<[string | number | boolean | null, string | undefined, string, string]>([
    [46402, "m/d/yyyy", "en-US", "1/15/2027"],
    [46402, "d-mmm-yy", "en-US", "1/15/2027"],
    [46402, "d.m.yyyy", "de-DE", "15.1.2027"],
    [46402 + 0.75, "m/d/yyyy h:mm", "en-US", "1/15/2027 18:00"],
    [12.5 / 24, "h:mm", "en-US", "12:30"],
    [0.125, "0.00%", "en-US", "12.5%"],
    [0.07, "0%", "en-US", "7%"],
    [0.5, undefined, "de-DE", "0,5"],
    [1200.5, "$#,##0.00", "en-US", "1200.5"],
    [1e21, undefined, "en-US", "1E+21"],
    ["=A1*2", undefined, "en-US", "=A1*2"],
    ["'2025-05-14", undefined, "en-US", "'2025-05-14"],
    [true, undefined, "en-US", "TRUE"],
    [null, undefined, "en-US", ""],
  ])("%p in %p (%s) shows %p", (content, format, tag, shown) => {
    expect(editText(content, format, localeConventions(tag))).toBe(shown);
  });

  it("law: any number shown in the formula bar reads back as the same number, in en-US, de-DE and fr-FR", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(enUS, deDE, frFR), (value, conventions) => {
        const entry = readCellEntry(editText(value, undefined, conventions), { conventions });
        expect(entry).toMatchObject({ kind: "number" });
        expect((entry as { value: number }).value).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it("law: a date shown in the formula bar reads back as the same serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), fc.constantFrom(enUS, deDE), (serial, conventions) => {
        const entry = readCellEntry(editText(serial, conventions.shortDateFormat, conventions), { conventions, currentFormat: conventions.shortDateFormat });
        expect(entry).toEqual({ kind: "number", value: serial });
      }),
    );
  });

  it("law: a whole number shown with thousands separators reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(enUS, deDE, frFR, deCH), (value, conventions) => {
        const entry = readCellEntry(formatNumber(value, "#,##0", conventions), { conventions });
        expect((entry as { value: number }).value).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

/** Days from 1 January of `from` to 1 January of `to`. */
function excelYears(from: number, to: number): number {
  let days = 0;
  for (let year = from; year < to; year++) days += (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  return days;
}
