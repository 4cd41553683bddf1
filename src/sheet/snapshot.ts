import { findPreset, scenarioNameKey } from "../core/scenario";
import type { BandSnapshot } from "./bandSheet";
import {
  NOTE_COLUMN_INDEX,
  PRE_READINGS_TABLE_HEADERS,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_HEADERS,
  TABLE_LAST_COLUMN,
  TABLE_LAST_ROW,
} from "./layout";

/**
 * The assumptions sheet as a host reads it back, before any judgement: the snapshot both hosts
 * build, and the cell readings the checks and the repair share. Pure: no Office, no DOM.
 */

/** A table object as a host with tables (Excel) reports it. */
export interface TableInfo {
  readonly name: string;
  /** Its address on the assumptions sheet, headers included, without the sheet part: "A10:D13". */
  readonly address: string;
}

/**
 * The raw contents of the assumptions sheet as a host reads them, before any judgement. Cell
 * values are what the host gives: numbers, text, booleans, "" or null for empty, an error value
 * (Excel reports errors as text such as "#N/A"; HyperFormula as an object with a `value`).
 */
export interface AssumptionsSnapshot {
  readonly sheetExists: boolean;
  /** A4: should read "Active scenario". */
  readonly activeScenarioLabel: unknown;
  /** B4: the active scenario's name. */
  readonly activeScenarioName: unknown;
  /** A6:C6. */
  readonly activeRowHeaders: readonly unknown[];
  /** A7:C7 as formulas (a value where a cell holds no formula). */
  readonly activeRowFormulas: readonly unknown[];
  /** A10:F10. */
  readonly tableHeaders: readonly unknown[];
  /** What the workbook-scoped name AICOST_SCENARIO refers to (e.g. "='AICOST Assumptions'!$A$7:$C$7"), or null if it does not exist. */
  readonly scenarioNameReference: string | null;
  /** D4 and D5: the calendar's labels. */
  readonly calendarLabels: readonly unknown[];
  /** E4: the start month, a date serial. */
  readonly startMonth: unknown;
  /** E5: the fiscal year's first month, 1 to 12. */
  readonly fiscalYearStart: unknown;
  /** What AICOST_START_MONTH and AICOST_FY_START refer to; null for a name that does not exist. */
  readonly calendarNameReferences: CalendarNameReferences;
  /**
   * The table's rows, four cells each (name, m, f, note) whichever column the note is in (see
   * {@link tableRowsFromGrid}), from sheet row `tableFirstRow`. Empty rows are skipped.
   */
  readonly tableRows: readonly (readonly unknown[])[];
  /** The sheet row of `tableRows[0]`; default 11. */
  readonly tableFirstRow?: number;
  /** The 0-based column the notes are in: 5 (F); 3 (D) on a table set up before the readings. */
  readonly noteColumnIndex?: number;
  /** Columns D:E of each of `tableRows`, as formulas: the readings of m and f. */
  readonly readingFormulas?: readonly (readonly unknown[])[];
  /** The tables on the assumptions sheet; undefined for a host without table objects (the preview). */
  readonly tables?: readonly TableInfo[];
  /** The uncertainty band block (H4:L6) and the name AICOST_BAND (bandSheet.ts). */
  readonly band: BandSnapshot;
}

/** What the calendar's defined names refer to, as a host reads them ("='AICOST Assumptions'!$E$4"); null when missing. */
export interface CalendarNameReferences {
  readonly startMonth: string | null;
  readonly fiscalYearStart: string | null;
}

/** A named row of the table and where it lives. */
export interface LocatedScenario {
  readonly name: string;
  /** The 1-based sheet row of the scenario. */
  readonly rowNumber: number;
  readonly isPreset: boolean;
}

export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function errorCode(value: unknown): string | null {
  if (typeof value === "string" && /^#[A-Z0-9/!?]+[!?0A]?$/.test(value) && value.length <= 8) {
    return value;
  }
  if (typeof value === "object" && value !== null && "value" in value && typeof value.value === "string") {
    return value.value;
  }
  return null;
}

export function asText(value: unknown): string {
  if (value === null || value === undefined) {
    return "";
  }
  const code = errorCode(value);
  if (code !== null) {
    return code;
  }
  return typeof value === "string" ? value : String(value);
}

export function describeCell(value: unknown): string {
  const code = errorCode(value);
  if (code !== null) {
    return `the error ${code}`;
  }
  if (typeof value === "string") {
    return `the text "${value.length > 30 ? value.slice(0, 30) + "..." : value}"`;
  }
  if (typeof value === "boolean") {
    return value ? "TRUE" : "FALSE";
  }
  return String(value);
}

/** The part of a snapshot that says where the table's rows are. */
export type TableRowsSnapshot = Pick<AssumptionsSnapshot, "tableRows" | "tableFirstRow" | "noteColumnIndex">;

export function rowOf(snapshot: TableRowsSnapshot): number {
  return snapshot.tableFirstRow ?? TABLE_FIRST_ROW;
}

export function sameText(a: unknown, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.toLowerCase();
}

/**
 * The key names are compared by: core's one name rule, MATCH's (case aside, exactly), so the
 * sheet's check, the pane and the workbook's own INDEX/MATCH agree on which row a name means.
 */
export const matchKey = scenarioNameKey;

/** Whether a name is a preset's, under the same rule ("Baseline" is; "baseline " is not). */
export function isPresetName(name: string): boolean {
  return findPreset(name) !== undefined;
}

export function isHeaderRow(cells: readonly unknown[]): boolean {
  return TABLE_HEADERS.every((header, column) => sameText(cells[column], header));
}

/** Whether table headers (A10:F10) are those of a table set up before the readings: Note in D, nothing in E:F. */
export function isPreReadingsHeaderRow(cells: readonly unknown[]): boolean {
  return PRE_READINGS_TABLE_HEADERS.every((header, column) => sameText(cells[column], header)) && isEmptyCell(cells[4]) && isEmptyCell(cells[5]);
}

/** The cells a host reads for the table: its header row and its capacity, A10:F110. */
export const TABLE_GRID_RANGE = `A${TABLE_HEADER_ROW}:${TABLE_LAST_COLUMN}${TABLE_LAST_ROW}`;

/**
 * The table's rows from the values (and, when read, the formulas) of {@link TABLE_GRID_RANGE},
 * header row first: each row as (name, m, f, note), the note from F, or from D on a table set up
 * before the readings (so a workbook from an earlier AICOST is read, and repaired, without
 * losing its notes). Trailing empty rows are left out.
 */
export function tableRowsFromGrid(values: readonly (readonly unknown[])[], formulas?: readonly (readonly unknown[])[]): TableRowsSnapshot & Pick<AssumptionsSnapshot, "readingFormulas"> {
  const noteColumnIndex = isPreReadingsHeaderRow(values[0] ?? []) ? 3 : NOTE_COLUMN_INDEX;
  const body = values.slice(1, 1 + TABLE_LAST_ROW - TABLE_FIRST_ROW + 1);
  const tableRows = body.map((cells) => [cells[0], cells[1], cells[2], cells[noteColumnIndex]]);
  while (tableRows.length > 0 && tableRows[tableRows.length - 1].every(isEmptyCell)) {
    tableRows.pop();
  }
  const readingFormulas =
    formulas === undefined || noteColumnIndex !== NOTE_COLUMN_INDEX ? undefined : tableRows.map((_cells, index) => (formulas[index + 1] ?? []).slice(3, 5));
  return { tableRows, tableFirstRow: TABLE_FIRST_ROW, noteColumnIndex, ...(readingFormulas === undefined ? {} : { readingFormulas }) };
}

export interface RawRow {
  readonly rowNumber: number;
  readonly cells: readonly unknown[];
}

/** Non-empty rows of the snapshot's table, with their sheet rows; a stray copy of the headers is left out. */
export function nonEmptyRows(snapshot: TableRowsSnapshot): RawRow[] {
  const first = rowOf(snapshot);
  const rows: RawRow[] = [];
  snapshot.tableRows.forEach((cells, index) => {
    const strayHeaders = isHeaderRow(cells) || PRE_READINGS_TABLE_HEADERS.every((header, column) => sameText(cells[column], header));
    if (cells.slice(0, 4).some((cell) => !isEmptyCell(cell)) && !strayHeaders) {
      rows.push({ rowNumber: first + index, cells });
    }
  });
  return rows;
}

/**
 * The named scenarios of a snapshot and the sheet rows they live on, in table order, for hosts
 * that write one row (a parameter change) or reference it (a projection block).
 */
export function locateScenarios(snapshot: TableRowsSnapshot): LocatedScenario[] {
  return nonEmptyRows(snapshot)
    .filter((row) => !isEmptyCell(row.cells[0]))
    .map((row) => {
      const name = asText(row.cells[0]);
      return { name, rowNumber: row.rowNumber, isPreset: isPresetName(name) };
    });
}

/**
 * The sheet row of the scenario named `name` (ignoring case, as MATCH does), or null. The first
 * match wins, as it does for the active row's formulas.
 */
export function findScenarioRow(snapshot: TableRowsSnapshot, name: string): number | null {
  const key = matchKey(name);
  return locateScenarios(snapshot).find((scenario) => matchKey(scenario.name) === key)?.rowNumber ?? null;
}

/** The cells a host reads to build a snapshot: A1:F110, the layout, the calendar and the table's capacity. */
export const SNAPSHOT_RANGE = `A1:${TABLE_LAST_COLUMN}${TABLE_LAST_ROW}`;

/**
 * Builds a snapshot from the values and formulas of {@link SNAPSHOT_RANGE} (rows 1 to 110,
 * columns A to F, as 2-D arrays), the references of AICOST_SCENARIO and the calendar's names and, for a host with
 * table objects, the sheet's tables. Trailing empty table rows are left out.
 */
export function snapshotFromGrid(grid: {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly scenarioNameReference: string | null;
  readonly calendarNameReferences: CalendarNameReferences;
  readonly tables?: readonly TableInfo[];
  /** The band block, read by bandSnapshotFromGrid from its own range (H1:M10). */
  readonly band: BandSnapshot;
}): AssumptionsSnapshot {
  const { values, formulas } = grid;
  const row = (rowNumber: number): readonly unknown[] => values[rowNumber - 1] ?? [];
  const table = tableRowsFromGrid(values.slice(TABLE_HEADER_ROW - 1, TABLE_LAST_ROW), formulas.slice(TABLE_HEADER_ROW - 1, TABLE_LAST_ROW));
  return {
    sheetExists: true,
    activeScenarioLabel: row(4)[0],
    activeScenarioName: row(4)[1],
    activeRowHeaders: row(6).slice(0, 3),
    activeRowFormulas: (formulas[6] ?? []).slice(0, 3),
    tableHeaders: row(TABLE_HEADER_ROW).slice(0, TABLE_HEADERS.length),
    scenarioNameReference: grid.scenarioNameReference,
    calendarLabels: [row(4)[3], row(5)[3]],
    startMonth: row(4)[4],
    fiscalYearStart: row(5)[4],
    calendarNameReferences: grid.calendarNameReferences,
    ...table,
    ...(grid.tables === undefined ? {} : { tables: grid.tables }),
    band: grid.band,
  };
}

/** The snapshot of a workbook without the assumptions sheet. */
export const MISSING_SNAPSHOT: AssumptionsSnapshot = {
  sheetExists: false,
  activeScenarioLabel: null,
  activeScenarioName: null,
  activeRowHeaders: [],
  activeRowFormulas: [],
  tableHeaders: [],
  scenarioNameReference: null,
  calendarLabels: [],
  startMonth: null,
  fiscalYearStart: null,
  calendarNameReferences: { startMonth: null, fiscalYearStart: null },
  tableRows: [],
  band: { headers: [], values: [], readingFormulas: [], nameReference: null, filledCells: [] },
};
