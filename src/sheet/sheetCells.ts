import type { CalendarDate } from "../core/calendar";
import { DEFAULT_SCENARIO_NAME, PRESET_SCENARIOS } from "../core/scenario";
import { cellAddress } from "./addresses";
import { defaultCalendar, type CalendarSettings } from "./calendarCells";
import {
  ACTIVE_ROW_FORMULAS,
  ACTIVE_ROW_HEADERS,
  FISCAL_YEAR_START_LABEL,
  FLOOR_PERCENT_FORMAT,
  NOTE_COLUMN_INDEX,
  readingFormulas,
  START_MONTH_FORMAT,
  START_MONTH_LABEL,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_HEADERS,
  TIMES_CHEAPER_FORMAT,
} from "./layout";
import { literalText } from "./textEntry";

/**
 * What the set-up (and a repair) writes on the assumptions sheet, cell by cell, shared by both
 * hosts so they lay it out the same way. Pure: no Office, no DOM.
 */

/** One cell the set-up (or a repair) writes on the assumptions sheet. */
export interface SheetCell {
  /** A1 address on the assumptions sheet, e.g. "B4". */
  readonly address: string;
  /** 0-based column index (A = 0). */
  readonly columnIndex: number;
  /** 1-based row number. */
  readonly rowNumber: number;
  /**
   * What to enter in the cell, as a user would type it: a number, a formula starting with "=",
   * or text (text that Excel would read as a number or a formula is prefixed with "'").
   */
  readonly input: string | number;
  /** Excel number format code. */
  readonly numberFormat: string;
}

/** One row of the scenarios table as it is written: raw cell values. */
export interface ScenarioTableRow {
  readonly name: string;
  /** m; text or null when a user's row holds something that is not a number (kept on repair). */
  readonly annualPriceMultiplier: number | string | null;
  /** f; text or null when a user's row holds something that is not a number (kept on repair). */
  readonly floorShare: number | string | null;
  readonly note: string;
}

export const SHEET_TITLE = "AICOST assumptions";
export const SHEET_NOTE =
  "Price-decline scenarios for the AICOST functions: P(t) = P0 * (f + (1 - f) * m^(t/12)). " +
  "Edit any value or add rows of your own; pick the active scenario in B4. " +
  "The floors are judgement, not measurement.";
export const ACTIVE_SCENARIO_LABEL = "Active scenario";

const GENERAL = "General";

/** The three presets as table rows, with their source notes. */
export function presetRows(): ScenarioTableRow[] {
  return PRESET_SCENARIOS.map((preset) => ({
    name: preset.label,
    annualPriceMultiplier: preset.annualPriceMultiplier,
    floorShare: preset.floorShare,
    note: preset.sourceNote,
  }));
}

function cellInput(value: number | string | null): string | number {
  return typeof value === "number" ? value : literalText(value ?? "");
}

function sheetCell(columnIndex: number, rowNumber: number, input: string | number, numberFormat = GENERAL): SheetCell {
  return { address: cellAddress(columnIndex, rowNumber), columnIndex, rowNumber, input, numberFormat };
}

/**
 * A custom row's six cells as a host appends them (name, m, f, the two readings' formulas, note),
 * text through literalText.
 *
 * @example tableRowInputs({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" }, 14)[3] // '=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")'
 */
export function tableRowInputs(row: ScenarioTableRow, rowNumber: number): (string | number)[] {
  return [literalText(row.name), cellInput(row.annualPriceMultiplier), cellInput(row.floorShare), ...readingFormulas(rowNumber), literalText(row.note)];
}

/**
 * Every cell of the assumptions sheet for a given table, active scenario and calendar: title and
 * note, the Active scenario label and name, the start month and fiscal-year start (D4:E5), the
 * active row's headers and INDEX/MATCH formulas, the table's headers and rows. Used by the set-up
 * and by a repair.
 */
export function layoutCells(rows: readonly ScenarioTableRow[], activeScenarioName: string, calendar: CalendarSettings): SheetCell[] {
  const cells: SheetCell[] = [
    sheetCell(0, 1, SHEET_TITLE),
    sheetCell(0, 2, SHEET_NOTE),
    sheetCell(0, 4, ACTIVE_SCENARIO_LABEL),
    sheetCell(1, 4, literalText(activeScenarioName)),
    sheetCell(3, 4, START_MONTH_LABEL),
    sheetCell(4, 4, calendar.startMonthSerial, START_MONTH_FORMAT),
    sheetCell(3, 5, FISCAL_YEAR_START_LABEL),
    sheetCell(4, 5, calendar.fiscalYearStartMonth),
  ];
  ACTIVE_ROW_HEADERS.forEach((header, column) => cells.push(sheetCell(column, 6, header)));
  ACTIVE_ROW_FORMULAS.forEach((formula, column) => cells.push(sheetCell(column, 7, formula)));
  TABLE_HEADERS.forEach((header, column) => cells.push(sheetCell(column, TABLE_HEADER_ROW, header)));
  rows.forEach((row, index) => {
    const rowNumber = TABLE_FIRST_ROW + index;
    const [timesCheaper, floorPercent] = readingFormulas(rowNumber);
    cells.push(
      sheetCell(0, rowNumber, literalText(row.name)),
      sheetCell(1, rowNumber, cellInput(row.annualPriceMultiplier)),
      sheetCell(2, rowNumber, cellInput(row.floorShare)),
      sheetCell(3, rowNumber, timesCheaper, TIMES_CHEAPER_FORMAT),
      sheetCell(4, rowNumber, floorPercent, FLOOR_PERCENT_FORMAT),
      sheetCell(NOTE_COLUMN_INDEX, rowNumber, literalText(row.note)),
    );
  });
  return cells;
}

/**
 * Every cell a first set-up on `today` writes: the layout with the three presets, then
 * `customRows`, baseline as the active scenario, the first day of next month as the start month
 * and a fiscal year from January.
 *
 * @example assumptionsSheetCells([], { year: 2026, month: 12, day: 3 }).find((cell) => cell.address === "E4")?.input // 46388 (2027-01-01)
 */
export function assumptionsSheetCells(customRows: readonly ScenarioTableRow[], today: CalendarDate): SheetCell[] {
  return layoutCells([...presetRows(), ...customRows], DEFAULT_SCENARIO_NAME, defaultCalendar(today));
}
