import fc from "fast-check";
import {
  addMonths,
  addMonthsToYearMonth,
  dateFromExcelSerial,
  daysInMonth,
  edateSerial,
  endOfMonth,
  eomonthSerial,
  excelSerialFromDate,
  firstDayOfNextMonth,
  fiscalYearGroups,
  fiscalYearLabel,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearSubtotals,
  formatIsoDate,
  isLeapYear,
  LAST_EXCEL_SERIAL,
  monthLabel,
  monthsBetween,
  type CalendarDate,
  type YearMonth,
} from "../../src/core";

/** A day of the calendar between 1900-03-01 and 9999-12-31, built from its parts. */
const calendarDate: fc.Arbitrary<CalendarDate> = fc
  .record({ year: fc.integer({ min: 1901, max: 9998 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const yearMonth: fc.Arbitrary<YearMonth> = fc.record({ year: fc.integer({ min: 1901, max: 9000 }), month: fc.integer({ min: 1, max: 12 }) });
const fiscalYearStart = fc.integer({ min: 1, max: 12 });

/** The day after a date, worked out from month lengths (not from serial numbers). */
function nextDay({ year, month, day }: CalendarDate): CalendarDate {
  if (day < daysInMonth(year, month)) return { year, month, day: day + 1 };
  return month < 12 ? { year, month: month + 1, day: 1 } : { year: year + 1, month: 1, day: 1 };
}

describe("Excel serial dates (1900 system)", () => {
  it.each<[string, CalendarDate, number]>([
    // Day 1 is 1900-01-01; Excel (after Lotus 1-2-3) gives the fictitious 1900-02-29 serial 60.
    ["the first day", { year: 1900, month: 1, day: 1 }, 1],
    ["the last real day before the fictitious one", { year: 1900, month: 2, day: 28 }, 59],
    ["Excel's 1900-02-29", { year: 1900, month: 2, day: 29 }, 60],
    ["the first day Excel and LibreOffice agree on again", { year: 1900, month: 3, day: 1 }, 61],
    // 1970-01-01, the Unix epoch: 70 years * 365 = 25550, leap days 1904..1968 = 17, plus the
    // fictitious 1900-02-29 = 25568 days after 1900-01-01, so serial 25569.
    ["the Unix epoch", { year: 1970, month: 1, day: 1 }, 25569],
    // 2000-01-01: 100 years * 365 = 36500, leap days 1904..1996 = 24, plus 1900-02-29 = 36525 days
    // after 1900-01-01, so serial 36526.
    ["2000-01-01", { year: 2000, month: 1, day: 1 }, 36526],
    // 2027-01-01: 127 years (1900..2026) * 365 = 46355, Gregorian leap days 1904..2024 = 31, plus
    // 1900-02-29 = 46387 days after 1900-01-01, so serial 46388.
    ["2027-01-01", { year: 2027, month: 1, day: 1 }, 46388],
    // 2027-01-15 is 14 days later: 46402 (HyperFormula reads "15/01/2027" as 46402 too).
    ["2027-01-15", { year: 2027, month: 1, day: 15 }, 46402],
    // 2028-02-29, a real leap day: 2028-01-01 = 46388 + 365 = 46753, + 31 (January) + 28 = 46812.
    ["2028-02-29", { year: 2028, month: 2, day: 29 }, 46812],
    ["2028-03-01", { year: 2028, month: 3, day: 1 }, 46813],
    ["Excel's last date", { year: 9999, month: 12, day: 31 }, 2_958_465],
  ])("%s, %o, is serial %d, and back", (_name, date, serial) => {
    expect(excelSerialFromDate(date)).toBe(serial);
    expect(dateFromExcelSerial(serial)).toEqual(date);
  });

  it("2100 is not a leap year (a century not divisible by 400): 2100-02-28 and 2100-03-01 are consecutive serials", () => {
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2028)).toBe(true);
    expect(excelSerialFromDate({ year: 2100, month: 3, day: 1 }) - excelSerialFromDate({ year: 2100, month: 2, day: 28 })).toBe(1);
    expect(() => excelSerialFromDate({ year: 2100, month: 2, day: 29 })).toThrow(/2100-2-29 is not a day of the calendar/);
  });

  it("drops a time of day: 46402.75 (2027-01-15 18:00) is 2027-01-15", () => {
    expect(dateFromExcelSerial(46402.75)).toEqual({ year: 2027, month: 1, day: 15 });
  });

  it.each([
    [0, /from 1 \(1900-01-01\) to 2958465/],
    [-1, /got -1/],
    [LAST_EXCEL_SERIAL + 1, /got 2958466/],
    [Number.NaN, /got NaN/],
  ])("serial %p is outside Excel's dates (#NUM!)", (serial, message) => {
    expect(() => dateFromExcelSerial(serial)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) }));
  });

  it.each<[CalendarDate, string, RegExp]>([
    [{ year: 1899, month: 12, day: 31 }, "outOfRange", /from 1900-01-01 to 9999-12-31; got 1899-12-31/],
    [{ year: 10000, month: 1, day: 1 }, "outOfRange", /got 10000-01-01/],
    [{ year: 2027, month: 13, day: 1 }, "malformed", /month from 1 to 12; got 2027-13/],
    [{ year: 2027, month: 2, day: 30 }, "malformed", /2027-2-30 is not a day/],
    [{ year: 2027.5, month: 1, day: 1 }, "malformed", /whole year/],
  ])("%o is refused (%s)", (date, code, message) => {
    expect(() => excelSerialFromDate(date)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it("law: every serial maps to a date and back to itself", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: LAST_EXCEL_SERIAL }), (serial) => excelSerialFromDate(dateFromExcelSerial(serial)) === serial));
  });

  it("law: the next serial is the next calendar day (from 1900-03-01 on)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: LAST_EXCEL_SERIAL - 1 }), (serial) => {
        expect(dateFromExcelSerial(serial + 1)).toEqual(nextDay(dateFromExcelSerial(serial)));
      }),
    );
  });

  it("formats ISO dates with four-digit years and two-digit months and days", () => {
    expect(formatIsoDate({ year: 2027, month: 1, day: 5 })).toBe("2027-01-05");
  });
});

describe("month arithmetic (EDATE and EOMONTH semantics)", () => {
  it.each<[CalendarDate, number, CalendarDate]>([
    // The same day a month later, clamped to the last day of a shorter month.
    [{ year: 2027, month: 1, day: 15 }, 1, { year: 2027, month: 2, day: 15 }],
    [{ year: 2027, month: 1, day: 31 }, 1, { year: 2027, month: 2, day: 28 }],
    [{ year: 2028, month: 1, day: 31 }, 1, { year: 2028, month: 2, day: 29 }], // 2028 is a leap year
    [{ year: 2100, month: 1, day: 31 }, 1, { year: 2100, month: 2, day: 28 }], // 2100 is not
    [{ year: 2028, month: 3, day: 31 }, -1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2027, month: 8, day: 31 }, 6, { year: 2028, month: 2, day: 29 }],
    [{ year: 2027, month: 11, day: 30 }, 3, { year: 2028, month: 2, day: 29 }],
    [{ year: 2027, month: 1, day: 15 }, -13, { year: 2025, month: 12, day: 15 }],
    [{ year: 2027, month: 1, day: 15 }, 1.9, { year: 2027, month: 2, day: 15 }], // EDATE truncates months
    [{ year: 2027, month: 1, day: 15 }, -1.9, { year: 2026, month: 12, day: 15 }],
  ])("addMonths(%o, %p) is %o", (date, months, expected) => {
    expect(addMonths(date, months)).toEqual(expected);
  });

  it.each<[CalendarDate, number, CalendarDate]>([
    [{ year: 2028, month: 1, day: 15 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2100, month: 2, day: 10 }, 0, { year: 2100, month: 2, day: 28 }],
    [{ year: 2027, month: 1, day: 15 }, -1, { year: 2026, month: 12, day: 31 }],
    [{ year: 2027, month: 12, day: 1 }, 12, { year: 2028, month: 12, day: 31 }],
  ])("endOfMonth(%o, %p) is %o", (date, months, expected) => {
    expect(endOfMonth(date, months)).toEqual(expected);
  });

  it("on serials, as Excel's EDATE and EOMONTH: 2027-01-01 (46388) + 1 month = 46388 + 31 = 46419; its month ends on 46418", () => {
    expect(edateSerial(46388, 1)).toBe(46419);
    expect(eomonthSerial(46388, 0)).toBe(46418);
    // 2028-01-31 (46753 + 30 = 46783) + 1 month = 2028-02-29 (46812).
    expect(edateSerial(46783, 1)).toBe(46812);
    // Excel's February 1900 has 29 days: its last day is serial 60.
    expect(eomonthSerial(32, 0)).toBe(60);
    expect(() => edateSerial(1, -1)).toThrow(expect.objectContaining({ code: "outOfRange" }));
  });

  it("first day of next month, the default start of a projection", () => {
    expect(firstDayOfNextMonth({ year: 2026, month: 12, day: 3 })).toEqual({ year: 2027, month: 1, day: 1 });
    expect(firstDayOfNextMonth({ year: 2028, month: 2, day: 29 })).toEqual({ year: 2028, month: 3, day: 1 });
  });

  it("months between two months, and month steps across years", () => {
    expect(monthsBetween({ year: 2027, month: 1 }, { year: 2028, month: 3 })).toBe(14);
    expect(monthsBetween({ year: 2028, month: 3 }, { year: 2027, month: 1 })).toBe(-14);
    expect(addMonthsToYearMonth({ year: 2027, month: 11 }, 3)).toEqual({ year: 2028, month: 2 });
    expect(addMonthsToYearMonth({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
  });

  it.each([
    [() => addMonths({ year: 2027, month: 1, day: 1 }, Number.NaN), /finite number/],
    [() => endOfMonth({ year: 2027, month: 1, day: 1 }, Number.POSITIVE_INFINITY), /finite number/],
    [() => addMonthsToYearMonth({ year: 2027, month: 1 }, 1.5), /must be whole; got 1.5/],
    [() => addMonths({ year: 2027, month: 0, day: 1 }, 1), /month from 1 to 12/],
  ])("refuses bad input %#", (call, message) => {
    expect(call).toThrow(expect.objectContaining({ code: "malformed", message: expect.stringMatching(message) }));
  });

  it("law: for a day that every month has (1-28), adding k months then -k gives the date back", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const early = { ...date, day: Math.min(date.day, 28) };
        expect(addMonths(addMonths(early, months), -months)).toEqual(early);
      }),
    );
  });

  it("law: addMonths moves exactly k months and never to a later day of the month", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const moved = addMonths(date, months);
        expect(monthsBetween(date, moved)).toBe(months);
        expect(moved.day).toBeLessThanOrEqual(date.day);
        expect(moved.day === date.day || moved.day === daysInMonth(moved.year, moved.month)).toBe(true);
      }),
    );
  });

  it("law: EOMONTH of k months is the end of the month EDATE lands in", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        expect(endOfMonth(date, months)).toEqual(endOfMonth(addMonths(date, months), 0));
      }),
    );
  });

  it("law: EDATE on serials agrees with EDATE on dates (from 1900-03-01 on)", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -12, max: 12 }), (date, months) => {
        expect(dateFromExcelSerial(edateSerial(excelSerialFromDate(date), months))).toEqual(addMonths(date, months));
      }),
    );
  });
});

describe("month labels", () => {
  it.each<[YearMonth, string]>([
    [{ year: 2027, month: 1 }, "Jan 2027"],
    [{ year: 2028, month: 2 }, "Feb 2028"],
    [{ year: 2029, month: 12 }, "Dec 2029"],
  ])("%o is %p", (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });

  it("refuses month 13", () => {
    expect(() => monthLabel({ year: 2027, month: 13 })).toThrow(/month from 1 to 12/);
  });
});

describe("fiscal years, named by the calendar year in which they end", () => {
  it.each<[string, YearMonth, number, number]>([
    // April start (UK government, many UK and Indian companies): FY2028 = Apr 2027 - Mar 2028.
    ["April start, March 2027 ends FY2027", { year: 2027, month: 3 }, 4, 2027],
    ["April start, April 2027 begins FY2028", { year: 2027, month: 4 }, 4, 2028],
    ["April start, March 2028 ends FY2028", { year: 2028, month: 3 }, 4, 2028],
    // July start (Australia, many US universities): FY2028 = Jul 2027 - Jun 2028.
    ["July start, June 2027 ends FY2027", { year: 2027, month: 6 }, 7, 2027],
    ["July start, July 2027 begins FY2028", { year: 2027, month: 7 }, 7, 2028],
    ["July start, June 2028 ends FY2028", { year: 2028, month: 6 }, 7, 2028],
    // A January start is the calendar year; a December start ends in November.
    ["January start, December 2027", { year: 2027, month: 12 }, 1, 2027],
    ["December start, December 2027 begins FY2028", { year: 2027, month: 12 }, 12, 2028],
  ])("%s", (_name, month, start, fiscalYear) => {
    expect(fiscalYearOf(month, start)).toBe(fiscalYear);
  });

  it("FY2028's first and last months for an April and a July start", () => {
    expect(fiscalYearMonths(2028, 4)).toEqual({ first: { year: 2027, month: 4 }, last: { year: 2028, month: 3 } });
    expect(fiscalYearMonths(2028, 7)).toEqual({ first: { year: 2027, month: 7 }, last: { year: 2028, month: 6 } });
    expect(fiscalYearMonths(2028, 1)).toEqual({ first: { year: 2028, month: 1 }, last: { year: 2028, month: 12 } });
    expect(fiscalYearLabel(2028)).toBe("FY2028");
  });

  it("36 months from January 2027, April start: FY2027 Jan-Mar (3, partial), FY2028, FY2029, FY2030 Apr-Dec 2029 (9, partial)", () => {
    const groups = fiscalYearGroups({ year: 2027, month: 1 }, 36, 4);
    expect(groups.map((group) => [group.label, group.firstIndex, group.monthCount, group.partial])).toEqual([
      ["FY2027", 0, 3, true],
      ["FY2028", 3, 12, false],
      ["FY2029", 15, 12, false],
      ["FY2030", 27, 9, true],
    ]);
    expect(groups[3].firstMonth).toEqual({ year: 2029, month: 4 });
    expect(groups[3].lastMonth).toEqual({ year: 2029, month: 12 });
  });

  it("36 months from January 2027, July start: 6 + 12 + 12 + 6 months", () => {
    const groups = fiscalYearGroups({ year: 2027, month: 1 }, 36, 7);
    expect(groups.map((group) => [group.label, group.monthCount])).toEqual([["FY2027", 6], ["FY2028", 12], ["FY2029", 12], ["FY2030", 6]]);
  });

  it("a series on the fiscal-year boundary has no partial years: 24 months from April 2027, April start", () => {
    const groups = fiscalYearGroups({ year: 2027, month: 4 }, 24, 4);
    expect(groups.map((group) => [group.label, group.monthCount, group.partial])).toEqual([["FY2028", 12, false], ["FY2029", 12, false]]);
  });

  it("a short series inside one fiscal year, and an empty one", () => {
    expect(fiscalYearGroups({ year: 2027, month: 5 }, 2, 4).map((group) => [group.label, group.monthCount, group.partial])).toEqual([["FY2028", 2, true]]);
    expect(fiscalYearGroups({ year: 2027, month: 5 }, 0, 4)).toEqual([]);
  });

  it("subtotals of months 1..36 from January 2027, April start: 1+2+3 = 6, 4..15 = 114, 16..27 = 258, 28..36 = 288; total 666", () => {
    // 4..15: (4 + 15) * 12 / 2 = 114; 16..27: (16 + 27) * 12 / 2 = 258; 28..36: (28 + 36) * 9 / 2 = 288.
    const values = Array.from({ length: 36 }, (_unused, index) => index + 1);
    const { subtotals, total } = fiscalYearSubtotals({ year: 2027, month: 1 }, values, 4);
    expect(subtotals.map((each) => [each.label, each.subtotal])).toEqual([["FY2027", 6], ["FY2028", 114], ["FY2029", 258], ["FY2030", 288]]);
    expect(total).toBe(666); // 36 * 37 / 2
  });

  it.each([0, 13, 4.5, Number.NaN])("refuses a fiscal-year start month of %p (#NUM!)", (start) => {
    expect(() => fiscalYearOf({ year: 2027, month: 1 }, start)).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/1 \(January\) to 12 \(December\)/) }));
  });

  it("refuses a negative or fractional number of months to group, and a fractional fiscal year", () => {
    expect(() => fiscalYearGroups({ year: 2027, month: 1 }, -1, 4)).toThrow(/0 or more; got -1/);
    expect(() => fiscalYearGroups({ year: 2027, month: 1 }, 2.5, 4)).toThrow(/got 2.5/);
    expect(() => fiscalYearMonths(2027.5, 4)).toThrow(/whole year/);
  });

  it("law: a month lies inside the fiscal year it is assigned to, which ends in its year or the next", () => {
    fc.assert(
      fc.property(yearMonth, fiscalYearStart, (month, start) => {
        const fiscalYear = fiscalYearOf(month, start);
        expect([month.year, month.year + 1]).toContain(fiscalYear);
        const { first, last } = fiscalYearMonths(fiscalYear, start);
        expect(monthsBetween(first, month)).toBeGreaterThanOrEqual(0);
        expect(monthsBetween(month, last)).toBeGreaterThanOrEqual(0);
        expect(monthsBetween(first, last)).toBe(11);
      }),
    );
  });

  it("law: the groups partition the series in order, each at most 12 months, only the first and last partial", () => {
    fc.assert(
      fc.property(yearMonth, fc.integer({ min: 0, max: 120 }), fiscalYearStart, (first, count, start) => {
        const groups = fiscalYearGroups(first, count, start);
        let next = 0;
        groups.forEach((group, index) => {
          expect(group.firstIndex).toBe(next);
          expect(group.monthCount).toBeGreaterThanOrEqual(1);
          expect(group.monthCount).toBeLessThanOrEqual(12);
          if (index > 0 && index < groups.length - 1) expect(group.partial).toBe(false);
          if (index > 0) expect(group.fiscalYear).toBe(groups[index - 1].fiscalYear + 1);
          for (let offset = 0; offset < group.monthCount; offset++) {
            expect(fiscalYearOf(addMonthsToYearMonth(first, group.firstIndex + offset), start)).toBe(group.fiscalYear);
          }
          next += group.monthCount;
        });
        expect(next).toBe(count);
      }),
    );
  });

  it("law: fiscal-year subtotals add up to the total", () => {
    fc.assert(
      fc.property(yearMonth, fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 120 }), fiscalYearStart, (first, values, start) => {
        const { subtotals, total } = fiscalYearSubtotals(first, values, start);
        expect(subtotals.reduce((sum, each) => sum + each.subtotal, 0)).toBe(total);
      }),
    );
  });
});
