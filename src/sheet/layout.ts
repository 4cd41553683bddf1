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
 *   A10:D10   the scenarios table's headers; rows 11.. its rows (presets first, then custom)
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

export const TABLE_HEADERS = ["Scenario", "Annual price multiplier", "Floor share", "Note"] as const;
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
