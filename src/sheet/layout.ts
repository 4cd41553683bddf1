import { MONTH_LABEL_FORMAT } from "../core/calendar";

/**
 * Where AICOST keeps its assumptions in a workbook. Both hosts (Excel and the preview) lay the
 * sheet out from these constants, so a workbook made in one reads the same in the other, and a
 * user or an auditor sees every assumption in a cell.
 *
 * Sheet "AICOST Assumptions":
 *   A1        title; A2 a note on what the sheet is and that the floors are judgement
 *   A4 / B4   "Active scenario" / the active scenario's name (a dropdown of the table's names)
 *   A6:C6     headers: Label, Annual price multiplier, Floor share
 *   A7:C7     the active scenario's row, pulled from the table by native INDEX/MATCH formulas;
 *             the workbook-scoped name AICOST_SCENARIO refers to it
 *   D4:E5     the calendar: start month (AICOST_START_MONTH) and fiscal-year start (AICOST_FY_START)
 *   A10:F10   the scenarios table's headers; rows 11.. its rows (presets first, then custom):
 *             name, m, f, the readings "x cheaper per year" (1/m) and "Floor, % of today's price"
 *             (f as a percentage) as formulas over m and f, and the note
 *
 * The lookup formulas use plain absolute ranges over the table's capacity rather than structured
 * references, so they read the same in Excel, in the preview (HyperFormula has no tables) and in
 * any program that opens the .xlsx.
 */
export const ASSUMPTIONS_SHEET_NAME = "AICOST Assumptions";
export const SCENARIO_NAME_DEFINED_NAME = "AICOST_SCENARIO";
export const SCENARIOS_TABLE_NAME = "AICOST_Scenarios";

export const ACTIVE_SCENARIO_LABEL_CELL = "A4";
export const ACTIVE_SCENARIO_CELL = "B4";
export const ACTIVE_ROW_HEADER_RANGE = "A6:C6";
export const ACTIVE_ROW_RANGE = "A7:C7";

export const TABLE_HEADER_ROW = 10;
export const TABLE_FIRST_ROW = 11;
/** How many scenarios the lookup formulas cover: rows 11 to 110. */
export const TABLE_CAPACITY = 100;
export const TABLE_LAST_ROW = TABLE_FIRST_ROW + TABLE_CAPACITY - 1;

/** The readings of m and f, in the pane's words (one vocabulary for the pane, the sheet and the README). */
export const TIMES_CHEAPER_HEADER = "x cheaper per year";
export const FLOOR_PERCENT_HEADER = "Floor, % of today's price";
export const TABLE_HEADERS = ["Scenario", "Annual price multiplier", "Floor share", TIMES_CHEAPER_HEADER, FLOOR_PERCENT_HEADER, "Note"] as const;
/** The table's headers before the readings were added (Note in D): a workbook set up by an earlier AICOST. */
export const PRE_READINGS_TABLE_HEADERS = ["Scenario", "Annual price multiplier", "Floor share", "Note"] as const;
/** 0-based columns of the table: the readings (D, E) and the note (F). */
export const TIMES_CHEAPER_COLUMN_INDEX = 3;
export const FLOOR_PERCENT_COLUMN_INDEX = 4;
export const NOTE_COLUMN_INDEX = 5;
/** The table's last column letter. */
export const TABLE_LAST_COLUMN = "F";
/** "10.0x": how many times cheaper per year. */
export const TIMES_CHEAPER_FORMAT = '0.0"x"';
/** "1.0%", "0.1%": the floor as a percentage of today's price. */
export const FLOOR_PERCENT_FORMAT = "0.0#%";

/**
 * The readings' formulas on a table row: 1/m and f, blank while m or f is not a usable number
 * (the checks name the cell to fix), so they follow every edit of m and f.
 *
 * @example readingFormulas(12) // ['=IF(ISNUMBER(B12),IF(B12>0,1/B12,""),"")', '=IF(ISNUMBER(C12),C12,"")']
 */
export function readingFormulas(rowNumber: number): readonly [string, string] {
  const m = `B${rowNumber}`;
  const f = `C${rowNumber}`;
  return [`=IF(ISNUMBER(${m}),IF(${m}>0,1/${m},""),"")`, `=IF(ISNUMBER(${f}),${f},"")`];
}
export const ACTIVE_ROW_HEADERS = ["Label", "Annual price multiplier", "Floor share"] as const;

/** The error alert of the dropdown on B4, shown when a typed name is not one of the table's. */
export const ACTIVE_SCENARIO_DROPDOWN_ALERT = {
  title: "Pick a scenario",
  message: "Choose a name from the list: the scenarios in the table below. Add a row to the table for a scenario of your own.",
} as const;

/** `'AICOST Assumptions'!$A$7:$C$7`: what AICOST_SCENARIO refers to. */
export const SCENARIO_NAME_REFERENCE = `'${ASSUMPTIONS_SHEET_NAME}'!$A$7:$C$7`;

function tableColumn(column: "A" | "B" | "C"): string {
  return `$${column}$${TABLE_FIRST_ROW}:$${column}$${TABLE_LAST_ROW}`;
}

const activeMatch = `MATCH($${ACTIVE_SCENARIO_CELL[0]}$${ACTIVE_SCENARIO_CELL.slice(1)},${tableColumn("A")},0)`;

/** The native formulas of the active scenario's row (A7:C7). */
export const ACTIVE_ROW_FORMULAS: readonly string[] = [
  `=INDEX(${tableColumn("A")},${activeMatch})`,
  `=INDEX(${tableColumn("B")},${activeMatch})`,
  `=INDEX(${tableColumn("C")},${activeMatch})`,
];

// ---------------------------------------------------------------------------------------------
// Calendar (issue 9): the month projections start in and the fiscal year's first month, D4:E5.
// Each input has a workbook-scoped name, so inserted projections read them by name.

export const START_MONTH_LABEL_CELL = "D4";
export const START_MONTH_CELL = "E4";
export const FISCAL_YEAR_START_LABEL_CELL = "D5";
export const FISCAL_YEAR_START_CELL = "E5";
export const START_MONTH_LABEL = "Start month";
export const FISCAL_YEAR_START_LABEL = "Fiscal year starts in month (1-12)";
export const START_MONTH_DEFINED_NAME = "AICOST_START_MONTH";
export const FISCAL_YEAR_START_DEFINED_NAME = "AICOST_FY_START";
/** `'AICOST Assumptions'!$E$4`: what AICOST_START_MONTH refers to. */
export const START_MONTH_REFERENCE = `'${ASSUMPTIONS_SHEET_NAME}'!$E$4`;
/** `'AICOST Assumptions'!$E$5`: what AICOST_FY_START refers to. */
export const FISCAL_YEAR_START_REFERENCE = `'${ASSUMPTIONS_SHEET_NAME}'!$E$5`;
/** The start month shows as a month ("Jan 2027"); it holds a real date (its first day by default). */
export const START_MONTH_FORMAT = MONTH_LABEL_FORMAT;
/** January: a fiscal year that is the calendar year. */
export const DEFAULT_FISCAL_YEAR_START_MONTH = 1;
