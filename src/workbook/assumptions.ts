import { malformed, notFound, outOfRange } from "../core/errors";
import { PRESET_SCENARIOS, DEFAULT_SCENARIO_NAME, validateScenario } from "../core/scenario";
import { cellAddress } from "./addresses";
import {
  ACTIVE_ROW_FORMULAS,
  ACTIVE_ROW_HEADERS,
  SCENARIO_NAME_DEFINED_NAME,
  SCENARIO_NAME_REFERENCE,
  SCENARIOS_TABLE_NAME,
  TABLE_CAPACITY,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_HEADERS,
  TABLE_LAST_ROW,
} from "./layout";
import type { AssumptionsState, ScenarioChanges, ScenarioRow } from "./port";

/**
 * The assumptions sheet as data, shared by both hosts (Excel and the preview) so they lay it
 * out, validate it and repair it the same way: what the set-up writes, how a read-back snapshot
 * is judged, and which rows a repair keeps. Pure: no Office, no DOM.
 */

// ---------------------------------------------------------------------------------------------
// What the set-up writes

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

/** A month's name or abbreviation, which Excel reads as part of a date ("Jan 2027", "15 March"). */
const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/**
 * Text that Excel, entering it as typed, would store as something else than that text:
 * - a formula: Range.values treats a value starting with "+", "-" or "=" as a formula (Office.js
 *   reference, Excel.Range.values), and "@" starts a formula when typed;
 * - a number in disguise: "10%", "$5", "(5)", "1,000";
 * - a date or a time: "2027-01-15", "1/2", "12:30", "Jan 2027", "15 March".
 */
const READ_AS_OTHER: readonly RegExp[] = [
  /^[=+\-@]/,
  /^\(?[$€£¥]?\s*[\d.,]+\s*%?\)?$/,
  /^\d{1,4}\s*[-/.:]\s*\d{1,2}(\s*[-/.:]\s*\d{1,4})?(\s*[ap]m?)?$/i,
  new RegExp(`^(\\d{1,2}[\\s-]+${MONTH}([\\s-]+\\d{1,4})?|${MONTH}[\\s-]+\\d{1,4})$`, "i"),
];

/**
 * Text as it must be entered so that a spreadsheet keeps it as text: a leading "'" where it
 * would otherwise be read as a formula, a number, a date or a logical value. Excel keeps the
 * "'" as the cell's prefix, not in its value (values and formulas read back without it).
 *
 * @example literalText("2025") // "'2025"
 * @example literalText("-10% if the deal closes") // "'-10% if the deal closes"
 * @example literalText("team plan") // "team plan"
 */
export function literalText(text: string): string {
  const trimmed = text.trim();
  const readAsOther =
    text.startsWith("'") ||
    (trimmed !== "" && Number.isFinite(Number(trimmed))) ||
    /^(true|false)$/i.test(trimmed) ||
    READ_AS_OTHER.some((pattern) => pattern.test(trimmed));
  return readAsOther ? `'${text}` : text;
}

function cellInput(value: number | string | null): string | number {
  return typeof value === "number" ? value : literalText(value ?? "");
}

function sheetCell(columnIndex: number, rowNumber: number, input: string | number, numberFormat = GENERAL): SheetCell {
  return { address: cellAddress(columnIndex, rowNumber), columnIndex, rowNumber, input, numberFormat };
}

/**
 * Every cell of the assumptions sheet for a given table and active scenario: title and note,
 * the Active scenario label and name, the active row's headers and INDEX/MATCH formulas, the
 * table's headers and rows. Used by the set-up and by a repair.
 */
export function layoutCells(rows: readonly ScenarioTableRow[], activeScenarioName: string): SheetCell[] {
  const cells: SheetCell[] = [
    sheetCell(0, 1, SHEET_TITLE),
    sheetCell(0, 2, SHEET_NOTE),
    sheetCell(0, 4, ACTIVE_SCENARIO_LABEL),
    sheetCell(1, 4, literalText(activeScenarioName)),
  ];
  ACTIVE_ROW_HEADERS.forEach((header, column) => cells.push(sheetCell(column, 6, header)));
  ACTIVE_ROW_FORMULAS.forEach((formula, column) => cells.push(sheetCell(column, 7, formula)));
  TABLE_HEADERS.forEach((header, column) => cells.push(sheetCell(column, TABLE_HEADER_ROW, header)));
  rows.forEach((row, index) => {
    const rowNumber = TABLE_FIRST_ROW + index;
    cells.push(
      sheetCell(0, rowNumber, literalText(row.name)),
      sheetCell(1, rowNumber, cellInput(row.annualPriceMultiplier)),
      sheetCell(2, rowNumber, cellInput(row.floorShare)),
      sheetCell(3, rowNumber, literalText(row.note)),
    );
  });
  return cells;
}

/**
 * Every cell a first set-up writes: the layout with the three presets, then `customRows`, and
 * baseline as the active scenario.
 *
 * @example assumptionsSheetCells().find((cell) => cell.address === "B4")?.input // "baseline"
 */
export function assumptionsSheetCells(customRows: readonly ScenarioTableRow[] = []): SheetCell[] {
  return layoutCells([...presetRows(), ...customRows], DEFAULT_SCENARIO_NAME);
}

// ---------------------------------------------------------------------------------------------
// What a host reads back

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
  /** A10:D10. */
  readonly tableHeaders: readonly unknown[];
  /** What the workbook-scoped name AICOST_SCENARIO refers to (e.g. "='AICOST Assumptions'!$A$7:$C$7"), or null if it does not exist. */
  readonly scenarioNameReference: string | null;
  /**
   * The table's rows, four cells each (name, m, f, note), from sheet row `tableFirstRow`:
   * Excel gives the table body; a host without tables gives A11:D110 (trailing empty rows may be
   * left out). Empty rows are skipped.
   */
  readonly tableRows: readonly (readonly unknown[])[];
  /** The sheet row of `tableRows[0]`; default 11. */
  readonly tableFirstRow?: number;
  /** The tables on the assumptions sheet; undefined for a host without table objects (the preview). */
  readonly tables?: readonly TableInfo[];
}

/** A named row of the table and where it lives. */
export interface LocatedScenario {
  readonly name: string;
  /** The 1-based sheet row of the scenario. */
  readonly rowNumber: number;
  readonly isPreset: boolean;
}

function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function errorCode(value: unknown): string | null {
  if (typeof value === "string" && /^#[A-Z0-9/!?]+[!?0A]?$/.test(value) && value.length <= 8) {
    return value;
  }
  if (typeof value === "object" && value !== null && "value" in value && typeof value.value === "string") {
    return value.value;
  }
  return null;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) {
    return "";
  }
  const code = errorCode(value);
  if (code !== null) {
    return code;
  }
  return typeof value === "string" ? value : String(value);
}

function describeCell(value: unknown): string {
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
export type TableRowsSnapshot = Pick<AssumptionsSnapshot, "tableRows" | "tableFirstRow">;

function rowOf(snapshot: TableRowsSnapshot): number {
  return snapshot.tableFirstRow ?? TABLE_FIRST_ROW;
}

function sameText(a: unknown, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.toLowerCase();
}

const presetNameSet = new Set(PRESET_SCENARIOS.map((preset) => preset.label));

/** The lowercase form MATCH compares names by (it ignores case, not spaces). */
function matchKey(name: string): string {
  return name.toLowerCase();
}

function isPresetName(name: string): boolean {
  return presetNameSet.has(name.trim().toLowerCase());
}

function isHeaderRow(cells: readonly unknown[]): boolean {
  return TABLE_HEADERS.every((header, column) => sameText(cells[column], header));
}

interface RawRow {
  readonly rowNumber: number;
  readonly cells: readonly unknown[];
}

/** Non-empty rows of the snapshot's table, with their sheet rows; a stray copy of the headers is left out. */
function nonEmptyRows(snapshot: TableRowsSnapshot): RawRow[] {
  const first = rowOf(snapshot);
  const rows: RawRow[] = [];
  snapshot.tableRows.forEach((cells, index) => {
    if (cells.slice(0, 4).some((cell) => !isEmptyCell(cell)) && !isHeaderRow(cells)) {
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

/** The cells a host reads to build a snapshot: A1:D110, the layout and the table's capacity. */
export const SNAPSHOT_RANGE = `A1:D${TABLE_LAST_ROW}`;

/**
 * Builds a snapshot from the values and formulas of {@link SNAPSHOT_RANGE} (rows 1 to 110,
 * columns A to D, as 2-D arrays), the AICOST_SCENARIO name's reference and, for a host with
 * table objects, the sheet's tables. Trailing empty table rows are left out.
 */
export function snapshotFromGrid(grid: {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly scenarioNameReference: string | null;
  readonly tables?: readonly TableInfo[];
}): AssumptionsSnapshot {
  const { values, formulas } = grid;
  const row = (rowNumber: number): readonly unknown[] => values[rowNumber - 1] ?? [];
  const tableRows = values.slice(TABLE_FIRST_ROW - 1, TABLE_LAST_ROW).map((cells) => cells.slice(0, 4));
  while (tableRows.length > 0 && tableRows[tableRows.length - 1].every(isEmptyCell)) {
    tableRows.pop();
  }
  return {
    sheetExists: true,
    activeScenarioLabel: row(4)[0],
    activeScenarioName: row(4)[1],
    activeRowHeaders: row(6).slice(0, 3),
    activeRowFormulas: (formulas[6] ?? []).slice(0, 3),
    tableHeaders: row(TABLE_HEADER_ROW).slice(0, 4),
    scenarioNameReference: grid.scenarioNameReference,
    tableRows,
    tableFirstRow: TABLE_FIRST_ROW,
    ...(grid.tables === undefined ? {} : { tables: grid.tables }),
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
  tableRows: [],
};

// ---------------------------------------------------------------------------------------------
// Judging a snapshot

const multiplierHelp = "enter a number above 0 such as 0.1 (0.1 = ten times cheaper per year)";
const floorHelp = "enter a number from 0 to 1 such as 0.01 (0.01 = a floor of 1% of today's price)";

/** A parameter cell's value and what is wrong with it. */
function checkParameter(
  value: unknown,
  address: string,
  what: "multiplier" | "floor",
): { readonly value: number | null; readonly problem: string | null } {
  const help = what === "multiplier" ? multiplierHelp : floorHelp;
  if (isEmptyCell(value)) {
    return { value: null, problem: `${address} is empty; ${help}.` };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const hint = typeof value === "string" && Number.isFinite(Number(value.trim())) ? " (a number stored as text; retype it)" : "";
    return { value: null, problem: `${address} holds ${describeCell(value)}${hint}; ${help}.` };
  }
  if (what === "multiplier" && !(value > 0)) {
    return { value, problem: `${address} is ${value}, but the annual price multiplier must be above 0; ${help}.` };
  }
  if (what === "floor" && !(value >= 0 && value <= 1)) {
    return { value, problem: `${address} is ${value}, but the floor share must be from 0 to 1; ${help}.` };
  }
  return { value, problem: null };
}

function normaliseFormula(value: unknown): string {
  return asText(value).replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
}

function headerProblem(cells: readonly unknown[], expected: readonly string[], firstColumn: number, rowNumber: number): string | null {
  const wrong = expected.findIndex((header, column) => !sameText(cells[column], header));
  if (wrong < 0) {
    return null;
  }
  const address = cellAddress(firstColumn + wrong, rowNumber);
  const found = isEmptyCell(cells[wrong]) ? "is empty" : `holds ${describeCell(cells[wrong])}`;
  return `${address} should read "${expected[wrong]}" but ${found}`;
}

const repairHint = "Repair puts the sheet back in order and keeps your own scenarios.";

function sheetProblems(snapshot: AssumptionsSnapshot): string[] {
  const problems: string[] = [];
  const tableHeaderProblem = headerProblem(snapshot.tableHeaders, TABLE_HEADERS, 0, TABLE_HEADER_ROW);
  if (tableHeaderProblem !== null) {
    problems.push(
      `The scenarios table's headers are not in A${TABLE_HEADER_ROW}:D${TABLE_HEADER_ROW} (${tableHeaderProblem}); rows above the table may have been inserted or deleted. ${repairHint}`,
    );
  }
  const labelProblem = headerProblem([snapshot.activeScenarioLabel], [ACTIVE_SCENARIO_LABEL], 0, 4);
  const activeHeaderProblem = headerProblem(snapshot.activeRowHeaders, ACTIVE_ROW_HEADERS, 0, 6);
  for (const problem of [labelProblem, activeHeaderProblem]) {
    if (problem !== null) {
      problems.push(`${problem}. ${repairHint}`);
    }
  }
  const overwritten = ACTIVE_ROW_FORMULAS.flatMap((formula, column) =>
    normaliseFormula(snapshot.activeRowFormulas[column]) === normaliseFormula(formula) ? [] : [cellAddress(column, 7)],
  );
  if (overwritten.length > 0) {
    problems.push(
      `${overwritten.join(", ")} no longer ${overwritten.length === 1 ? "holds its formula" : "hold their formulas"} that pull the active scenario from the table, so AICOST_SCENARIO may not follow B4. Repair restores the formulas.`,
    );
  }
  const reference = snapshot.scenarioNameReference;
  if (reference === null) {
    problems.push(
      `The name ${SCENARIO_NAME_DEFINED_NAME} is missing, so formulas that use it show #NAME?. Repair recreates it (it refers to ${SCENARIO_NAME_REFERENCE}).`,
    );
  } else if (normaliseFormula(reference) !== normaliseFormula(SCENARIO_NAME_REFERENCE)) {
    problems.push(
      `The name ${SCENARIO_NAME_DEFINED_NAME} refers to ${reference.replace(/^=/, "")} instead of ${SCENARIO_NAME_REFERENCE}, so formulas that use it do not follow the active scenario. Repair points it back.`,
    );
  }
  if (snapshot.tables !== undefined) {
    const table = snapshot.tables.find((candidate) => candidate.name.toLowerCase() === SCENARIOS_TABLE_NAME.toLowerCase());
    if (table === undefined) {
      const others = snapshot.tables.map((candidate) => `"${candidate.name}"`);
      problems.push(
        others.length > 0
          ? `The scenarios table is not named ${SCENARIOS_TABLE_NAME} (this sheet has ${others.join(", ")}); it may have been renamed. ${repairHint}`
          : `The Excel table ${SCENARIOS_TABLE_NAME} is missing from this sheet (the cells may still be there). ${repairHint}`,
      );
    } else {
      const address = table.address.replace(/^.*!/, "").replace(/\$/g, "");
      const lastRow = Number(/^A10:D(\d+)$/i.exec(address)?.[1] ?? Number.NaN);
      if (Number.isNaN(lastRow)) {
        problems.push(
          `The table ${SCENARIOS_TABLE_NAME} covers ${address} instead of starting at A${TABLE_HEADER_ROW} with four columns (A to D). ${repairHint}`,
        );
      } else if (lastRow > TABLE_LAST_ROW) {
        problems.push(
          `The table ${SCENARIOS_TABLE_NAME} runs to row ${lastRow}: only the first ${TABLE_CAPACITY} scenarios (rows ${TABLE_FIRST_ROW} to ${TABLE_LAST_ROW}) can be chosen. Delete rows you no longer need.`,
        );
      }
    }
  }
  return problems;
}

function rowProblems(snapshot: AssumptionsSnapshot): { scenarios: ScenarioRow[]; problems: string[] } {
  const scenarios: ScenarioRow[] = [];
  const problems: string[] = [];
  const firstRowByKey = new Map<string, number>();
  for (const { rowNumber, cells } of nonEmptyRows(snapshot)) {
    const [nameCell, multiplierCell, floorCell, noteCell] = cells;
    const nameAddress = cellAddress(0, rowNumber);
    if (rowNumber > TABLE_LAST_ROW) {
      problems.push(
        `Row ${rowNumber} is below row ${TABLE_LAST_ROW}: only the first ${TABLE_CAPACITY} scenarios (rows ${TABLE_FIRST_ROW} to ${TABLE_LAST_ROW}) can be chosen. Delete rows you no longer need.`,
      );
    }
    if (isEmptyCell(nameCell)) {
      problems.push(`Row ${rowNumber} has values but no scenario name in ${nameAddress}; type a name or clear the row.`);
      continue;
    }
    const rowIssues: string[] = [];
    const name = asText(nameCell);
    if (typeof nameCell !== "string") {
      rowIssues.push(`${nameAddress} holds ${describeCell(nameCell)}; a scenario name must be text such as "team plan" (type it with a leading ' to keep a number as text).`);
    } else if (name !== name.trim()) {
      rowIssues.push(`${nameAddress}'s name "${name}" starts or ends with spaces; remove them so the Active scenario dropdown and formulas find it.`);
    }
    const key = matchKey(name);
    const earlier = firstRowByKey.get(key);
    if (earlier !== undefined) {
      rowIssues.push(
        `${nameAddress} repeats the name "${name.trim()}" of A${earlier}; formulas only ever find the first, so rename one of them.`,
      );
    } else {
      firstRowByKey.set(key, rowNumber);
    }
    const multiplier = checkParameter(multiplierCell, cellAddress(1, rowNumber), "multiplier");
    const floor = checkParameter(floorCell, cellAddress(2, rowNumber), "floor");
    for (const problem of [multiplier.problem, floor.problem]) {
      if (problem !== null) {
        rowIssues.push(problem);
      }
    }
    scenarios.push({
      name,
      annualPriceMultiplier: multiplier.value,
      floorShare: floor.value,
      note: asText(noteCell),
      isPreset: isPresetName(name) && earlier === undefined,
      problems: rowIssues,
    });
  }
  const present = new Set(scenarios.map((scenario) => scenario.name.trim().toLowerCase()));
  for (const preset of PRESET_SCENARIOS) {
    if (!present.has(preset.label)) {
      problems.push(`The preset "${preset.label}" is missing from the scenarios table. Repair adds it back and keeps your own rows.`);
    }
  }
  return { scenarios, problems };
}

function activeScenarioProblem(snapshot: AssumptionsSnapshot, scenarios: readonly ScenarioRow[]): string | null {
  const value = snapshot.activeScenarioName;
  const choices = scenarios.map((scenario) => scenario.name).join(", ");
  if (isEmptyCell(value)) {
    return `B4 (Active scenario) is empty; pick a scenario from its dropdown, e.g. ${DEFAULT_SCENARIO_NAME}.`;
  }
  const name = asText(value);
  if (!scenarios.some((scenario) => matchKey(scenario.name) === matchKey(name))) {
    return `B4 (Active scenario) names "${name}", which is not in the scenarios table; pick one of: ${choices}.`;
  }
  return null;
}

/**
 * Judges a snapshot of the assumptions sheet: "missing" without the sheet; otherwise the named
 * scenarios with what is wrong with each, the active scenario's name and the sheet's own
 * problems, all in words that say which cell to fix. Any problem makes the status "damaged".
 *
 * @example analyseAssumptions({ sheetExists: false, ... }).status // "missing"
 */
export function analyseAssumptions(snapshot: AssumptionsSnapshot): AssumptionsState {
  if (!snapshot.sheetExists) {
    return { status: "missing" };
  }
  const { scenarios, problems: tableProblems } = rowProblems(snapshot);
  const problems = [...sheetProblems(snapshot), ...tableProblems];
  const activeProblem = activeScenarioProblem(snapshot, scenarios);
  if (activeProblem !== null) {
    problems.push(activeProblem);
  }
  const damaged = problems.length > 0 || scenarios.some((scenario) => scenario.problems.length > 0);
  return {
    status: damaged ? "damaged" : "ready",
    scenarios,
    activeScenarioName: asText(snapshot.activeScenarioName),
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Repair

function rawParameter(value: unknown): number | string | null {
  if (typeof value === "number") {
    return value;
  }
  return isEmptyCell(value) ? null : asText(value);
}

/**
 * The table rows a repair writes: the three presets first (a user's valid edits to a preset's
 * values and note kept; a missing or invalid value restored from the preset), then every custom
 * row in table order, exactly as it stands (even when a value in it is invalid: it is the
 * user's data, and the analysis keeps telling them which cell to fix). Empty rows and stray
 * copies of the headers are dropped; a second row with a preset's name is kept as a custom row.
 */
export function repairedRows(snapshot: AssumptionsSnapshot): ScenarioTableRow[] {
  const rows = snapshot.sheetExists ? nonEmptyRows(snapshot) : [];
  const presetRowsByName = new Map<string, readonly unknown[]>();
  const customRows: ScenarioTableRow[] = [];
  for (const { cells } of rows) {
    const name = asText(cells[0]);
    const presetKey = name.trim().toLowerCase();
    if (presetNameSet.has(presetKey) && !presetRowsByName.has(presetKey)) {
      presetRowsByName.set(presetKey, cells);
      continue;
    }
    customRows.push({
      name,
      annualPriceMultiplier: rawParameter(cells[1]),
      floorShare: rawParameter(cells[2]),
      note: asText(cells[3]),
    });
  }
  const presets = PRESET_SCENARIOS.map((preset): ScenarioTableRow => {
    const cells = presetRowsByName.get(preset.label);
    if (cells === undefined) {
      return { name: preset.label, annualPriceMultiplier: preset.annualPriceMultiplier, floorShare: preset.floorShare, note: preset.sourceNote };
    }
    const multiplier = checkParameter(cells[1], "", "multiplier");
    const floor = checkParameter(cells[2], "", "floor");
    const note = asText(cells[3]);
    return {
      name: preset.label,
      annualPriceMultiplier: multiplier.problem === null ? multiplier.value : preset.annualPriceMultiplier,
      floorShare: floor.problem === null ? floor.value : preset.floorShare,
      note: note.trim() === "" ? preset.sourceNote : note,
    };
  });
  return [...presets, ...customRows];
}

/**
 * The active scenario a repair keeps: B4's name when a repaired row has it, else baseline.
 */
export function repairedActiveScenarioName(snapshot: AssumptionsSnapshot, rows: readonly ScenarioTableRow[]): string {
  const name = asText(snapshot.activeScenarioName);
  const row = rows.find((candidate) => candidate.name !== "" && matchKey(candidate.name) === matchKey(name));
  return row?.name ?? DEFAULT_SCENARIO_NAME;
}

/**
 * Every cell a repair writes: the full layout over the repaired rows, the active scenario kept
 * where it still exists. Rows of the old table below the new last row are for the host to clear
 * (see {@link rowsToClear}).
 */
export function repairedSheetCells(snapshot: AssumptionsSnapshot): SheetCell[] {
  const rows = repairedRows(snapshot);
  return layoutCells(rows, repairedActiveScenarioName(snapshot, rows));
}

/** Sheet rows from `fromRow` to the snapshot's last table row, which a repair empties. */
export function rowsToClear(snapshot: TableRowsSnapshot, fromRow: number): { readonly firstRow: number; readonly lastRow: number } | null {
  const lastRow = rowOf(snapshot) + snapshot.tableRows.length - 1;
  return lastRow >= fromRow ? { firstRow: fromRow, lastRow } : null;
}

// ---------------------------------------------------------------------------------------------
// Checks before a host writes

/**
 * The sheet row to write a scenario's changes to, after checking the new values: throws a
 * DomainError (outOfRange) for m not above 0 or f outside 0 to 1, notFound when no row has the
 * name, and malformed when there is nothing to change.
 */
export function checkScenarioChanges(snapshot: TableRowsSnapshot, name: string, changes: ScenarioChanges): number {
  const { annualPriceMultiplier, floorShare } = changes;
  if (annualPriceMultiplier === undefined && floorShare === undefined) {
    throw malformed("Nothing to change: give an annual price multiplier or a floor share.");
  }
  validateScenario({ label: name, annualPriceMultiplier: annualPriceMultiplier ?? 1, floorShare: floorShare ?? 0 });
  const rowNumber = findScenarioRow(snapshot, name);
  if (rowNumber === null) {
    throw notFound(`There is no scenario named "${name}" in the scenarios table; it may have been renamed or deleted.`);
  }
  return rowNumber;
}

/**
 * A new custom row after checking it: a name that is new to the table (ignoring case), not
 * empty and without surrounding spaces, and valid parameters. Throws a DomainError saying what
 * to change. Returns the sheet row it goes on when the table has room, else throws.
 */
export function checkNewScenario(snapshot: TableRowsSnapshot, row: ScenarioTableRow): number {
  const name = row.name;
  if (name.trim() === "") {
    throw malformed("Give the scenario a name, e.g. \"team plan\".");
  }
  if (name !== name.trim()) {
    throw malformed(`Remove the spaces at the start or end of "${name}".`);
  }
  if (findScenarioRow(snapshot, name) !== null) {
    throw malformed(`A scenario named "${name}" already exists; choose another name.`);
  }
  if (typeof row.annualPriceMultiplier !== "number" || typeof row.floorShare !== "number") {
    throw malformed("The annual price multiplier and the floor share must be numbers.");
  }
  validateScenario({ label: name, annualPriceMultiplier: row.annualPriceMultiplier, floorShare: row.floorShare });
  const rows = nonEmptyRows(snapshot);
  const nextRow = rows.length === 0 ? TABLE_FIRST_ROW : Math.max(rows[rows.length - 1].rowNumber + 1, TABLE_FIRST_ROW);
  if (nextRow > TABLE_LAST_ROW) {
    throw outOfRange(
      `The scenarios table is full: only ${TABLE_CAPACITY} scenarios (rows ${TABLE_FIRST_ROW} to ${TABLE_LAST_ROW}) can be chosen. Delete a scenario you no longer need.`,
    );
  }
  return nextRow;
}
