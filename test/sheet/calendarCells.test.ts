import { analyseAssumptions } from "../../src/sheet/checks";
import { calendarProblems, checkFiscalYearStart, checkStartMonth, defaultCalendar, localToday, repairedCalendar } from "../../src/sheet/calendarCells";
import { repairedSheetCells } from "../../src/sheet/repair";
import { assumptionsSheetCells } from "../../src/sheet/sheetCells";
import type { AssumptionsState } from "../../src/sheet/port";
import { cellMap, editedSnapshot, FIXTURE_TODAY, healthySnapshot } from "./snapshotFixtures";

function allProblems(state: AssumptionsState): string[] {
  if (state.status === "missing") throw new Error("expected a sheet");
  return [...state.problems, ...state.scenarios.flatMap((scenario) => scenario.problems)];
}

describe("the calendar cells (D4:E5)", () => {
  it("defaults to the first day of next month and a January fiscal year", () => {
    // 2025-01-01 is serial 45658 (Excel's DATE(2025,1,1)); + 365 (2025) = 46023 = 2026-01-01;
    // + 365 (2026) = 46388 = 2027-01-01, the month after 2026-12-03.
    expect(defaultCalendar({ year: 2026, month: 12, day: 3 })).toEqual({ startMonthSerial: 46388, fiscalYearStartMonth: 1 });
    // 2028-01-01 = 46388 + 365 = 46753; + 31 (January) + 29 (February of the leap year 2028) =
    // 46813 = 2028-03-01, the month after the leap day.
    expect(defaultCalendar({ year: 2028, month: 2, day: 29 }).startMonthSerial).toBe(46813);
  });

  it("writes labels, a real date with a month format and the fiscal year's first month", () => {
    const cells = assumptionsSheetCells([], FIXTURE_TODAY);
    const byAddress = new Map(cells.map((cell) => [cell.address, cell]));
    expect(byAddress.get("D4")?.input).toBe("Start month");
    expect(byAddress.get("E4")).toMatchObject({ input: 46388, numberFormat: "mmm yyyy" });
    expect(byAddress.get("D5")?.input).toBe("Fiscal year starts in month (1-12)");
    expect(byAddress.get("E5")).toMatchObject({ input: 1, numberFormat: "General" });
  });

  it("reads today from the computer's clock as a calendar day", () => {
    expect(localToday(new Date(2027, 3, 30, 23, 59))).toEqual({ year: 2027, month: 4, day: 30 });
  });

  it("accepts any of Excel's dates as the start month, a time of day included", () => {
    expect(checkStartMonth(46388)).toEqual({ value: 46388, problem: null });
    expect(checkStartMonth(46388.5).problem).toBeNull();
  });

  it.each([
    ["", /^E4 \(Start month\) is empty; enter the first month of the projections as a date, such as 2027-01-01\.$/],
    ["next year", /^E4 \(Start month\) holds the text "next year", not a date;/],
    [true, /holds TRUE, not a date/],
    [{ value: "#REF!" }, /holds the error #REF!, not a date/],
    [0, /is 0, which is not one of Excel's dates \(1900-01-01 to 9999-12-31\)/],
    [3_000_000, /is 3000000, which is not one of Excel's dates/],
  ])("refuses %p as the start month", (value, message) => {
    const check = checkStartMonth(value);
    expect(check.value).toBeNull();
    expect(check.problem).toMatch(message);
  });

  it.each([1, 4, 7, 12])("accepts %p as the fiscal year's first month", (month) => {
    expect(checkFiscalYearStart(month)).toEqual({ value: month, problem: null });
  });

  it.each([
    ["", /^E5 \(Fiscal year starts in month \(1-12\)\) is empty; enter the month the fiscal year starts in, 1 \(January\) to 12 \(December\), such as 4 for April\.$/],
    [0, /holds 0;/],
    [13, /holds 13;/],
    [4.5, /holds 4.5;/],
    ["4", /holds the text "4";/],
  ])("refuses %p as the fiscal year's first month", (value, message) => {
    const check = checkFiscalYearStart(value);
    expect(check.value).toBeNull();
    expect(check.problem).toMatch(message);
  });

  it("reads a healthy calendar as no problem", () => {
    expect(calendarProblems(healthySnapshot())).toEqual([]);
    expect(analyseAssumptions(editedSnapshot({ E4: 46478, E5: 4 })).status).toBe("ready");
  });

  it("gives a sheet set up before the calendar one plain message", () => {
    const old = editedSnapshot({ D4: "", E4: "", D5: "", E5: "" }, [], { calendarNameReferences: { startMonth: null, fiscalYearStart: null } });
    expect(allProblems(analyseAssumptions(old))).toEqual([
      "This sheet was set up before AICOST had a calendar: the start month (E4) and the fiscal year's first month (E5) are missing, so projections cannot show dates or fiscal years. Repair adds them (the first day of next month; a fiscal year from January) and keeps your scenarios.",
    ]);
  });

  it("names each damaged calendar cell and name", () => {
    const damaged = editedSnapshot({ D4: "Start", E5: 0 }, [], {
      calendarNameReferences: { startMonth: null, fiscalYearStart: "='AICOST Assumptions'!$E$6" },
    });
    expect(calendarProblems(damaged)).toEqual([
      'D4 should read "Start month" but holds the text "Start". Repair puts the label back and keeps the value beside it.',
      expect.stringMatching(/^E5 \(Fiscal year starts in month \(1-12\)\) holds 0;/),
      "The name AICOST_START_MONTH is missing, so projections that use it show #NAME?. Repair recreates it (it refers to 'AICOST Assumptions'!$E$4).",
      "The name AICOST_FY_START refers to 'AICOST Assumptions'!$E$6 instead of 'AICOST Assumptions'!$E$5, so projections do not follow it. Repair points it back.",
    ]);
  });

  it("accepts the names' references with other spacing or case, as a host may return them", () => {
    const snapshot = healthySnapshot([], { calendarNameReferences: { startMonth: "= 'aicost assumptions'!$e$4", fiscalYearStart: "='AICOST Assumptions'!$E$5" } });
    expect(calendarProblems(snapshot)).toEqual([]);
  });

  it("repairs keeping a user's valid values and restoring invalid ones to their defaults", () => {
    expect(repairedCalendar(editedSnapshot({ E4: 46478, E5: 7 }), FIXTURE_TODAY)).toEqual({ startMonthSerial: 46478, fiscalYearStartMonth: 7 });
    expect(repairedCalendar(editedSnapshot({ E4: "soon", E5: 13 }), FIXTURE_TODAY)).toEqual({ startMonthSerial: 46388, fiscalYearStartMonth: 1 });
    const cells = cellMap(repairedSheetCells(editedSnapshot({ D4: "", E4: 46478, E5: 4 }), FIXTURE_TODAY));
    expect(["D4", "E4", "D5", "E5"].map((address) => cells.get(address))).toEqual(["Start month", 46478, "Fiscal year starts in month (1-12)", 4]);
  });
});
