import { malformed, notFound, outOfRange } from "../core/errors";
import {
  DEFAULT_SCENARIO_NAME,
  findPreset,
  isAnnualPriceMultiplier,
  isFloorShare,
  PRESET_SCENARIOS,
  validateScenario,
} from "../core/scenario";
import { cellAddress, parseRangeAddress } from "./addresses";
import { analyseBand } from "./bandSheet";
import {
  ACTIVE_ROW_FORMULAS,
  ACTIVE_ROW_HEADERS,
  ASSUMPTIONS_SHEET_NAME,
  FLOOR_PERCENT_HEADER,
  NOTE_COLUMN_INDEX,
  readingFormulas,
  SCENARIO_NAME_DEFINED_NAME,
  SCENARIO_NAME_REFERENCE,
  SCENARIOS_TABLE_NAME,
  TABLE_CAPACITY,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_HEADERS,
  TABLE_LAST_COLUMN,
  TABLE_LAST_ROW,
  TIMES_CHEAPER_HEADER,
} from "./layout";
import type { AssumptionsState, ScenarioChanges, ScenarioRow } from "./port";
import { ACTIVE_SCENARIO_LABEL, type ScenarioTableRow } from "./sheetCells";
import { calendarProblems } from "./calendarCells";
import { citesSourceForOtherValues, editedPresetNote, noteAfterChange } from "./sourceNotes";
import {
  asText,
  describeCell,
  findScenarioRow,
  isEmptyCell,
  isPreReadingsHeaderRow,
  isPresetName,
  matchKey,
  nonEmptyRows,
  sameText,
  type AssumptionsSnapshot,
  type TableRowsSnapshot,
} from "./snapshot";

/**
 * Judging the assumptions sheet: what is wrong with a snapshot, in words that say which cell to
 * fix, and the checks a host runs before it writes. Pure: no Office, no DOM.
 */

const multiplierHelp = "enter a number above 0 such as 0.1 (0.1 = ten times cheaper per year)";
const floorHelp = "enter a number from 0 to 1 such as 0.01 (0.01 = a floor of 1% of today's price)";

/** A parameter cell's value and what is wrong with it. */
export function checkParameter(
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
  if (what === "multiplier" && !isAnnualPriceMultiplier(value)) {
    return { value, problem: `${address} is ${value}, but the annual price multiplier must be above 0; ${help}.` };
  }
  if (what === "floor" && !isFloorShare(value)) {
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
  const preReadings = isPreReadingsHeaderRow(snapshot.tableHeaders);
  const tableHeaderProblem = headerProblem(snapshot.tableHeaders, TABLE_HEADERS, 0, TABLE_HEADER_ROW);
  if (preReadings) {
    problems.push(
      `The scenarios table has the columns of an earlier AICOST (Note in D${TABLE_HEADER_ROW}). Repair adds the readings "${TIMES_CHEAPER_HEADER}" and "${FLOOR_PERCENT_HEADER}" after m and f, moves each note to column ${TABLE_LAST_COLUMN} and keeps every row.`,
    );
  } else if (tableHeaderProblem !== null) {
    problems.push(
      `The scenarios table's headers are not in A${TABLE_HEADER_ROW}:${TABLE_LAST_COLUMN}${TABLE_HEADER_ROW} (${tableHeaderProblem}); rows above the table may have been inserted or deleted. ${repairHint}`,
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
      const range = parseRangeAddress(address);
      const inPlace = range !== null && range.first.columnIndex === 0 && range.first.rowNumber === TABLE_HEADER_ROW && range.last.columnIndex === NOTE_COLUMN_INDEX;
      const lastRow = range?.last.rowNumber ?? Number.NaN;
      if (preReadings) {
        // Said once, above: the earlier table had four columns.
      } else if (!inPlace) {
        problems.push(
          `The table ${SCENARIOS_TABLE_NAME} covers ${address} instead of starting at A${TABLE_HEADER_ROW} with ${TABLE_HEADERS.length} columns (A to ${TABLE_LAST_COLUMN}). ${repairHint}`,
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
  const firstRow = snapshot.tableFirstRow ?? TABLE_FIRST_ROW;
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
    const readings = snapshot.readingFormulas?.[rowNumber - firstRow];
    if (readings !== undefined) {
      const lost = readingFormulas(rowNumber).flatMap((formula, index) =>
        normaliseFormula(readings[index]) === normaliseFormula(formula) ? [] : [cellAddress(3 + index, rowNumber)],
      );
      if (lost.length > 0) {
        rowIssues.push(
          `${lost.join(" and ")} no longer ${lost.length === 1 ? "holds its formula" : "hold their formulas"} over m and f ("${TIMES_CHEAPER_HEADER}" = 1/m, "${FLOOR_PERCENT_HEADER}" = f), so ${lost.length === 1 ? "it" : "they"} may not show this row's values; edit m and f in B and C. Repair restores the formulas.`,
        );
      }
    }
    const isPreset = isPresetName(name) && earlier === undefined;
    const note = asText(noteCell);
    const preset = isPreset ? findPreset(name) : undefined;
    if (preset !== undefined && multiplier.problem === null && floor.problem === null && citesSourceForOtherValues(preset, note, multiplier.value, floor.value)) {
      rowIssues.push(
        `${cellAddress(snapshot.noteColumnIndex ?? NOTE_COLUMN_INDEX, rowNumber)} still cites the source of the preset "${preset.label}", but ${cellAddress(1, rowNumber)}:${cellAddress(2, rowNumber)} hold ${multiplier.value} and ${floor.value}, not the preset's ${preset.annualPriceMultiplier} and ${preset.floorShare}, so a reader would take them for the source's. Repair keeps the values and changes the note to "${editedPresetNote(preset)}"; Reset to preset in the AICOST pane restores both.`,
      );
    }
    scenarios.push({
      name,
      annualPriceMultiplier: multiplier.value,
      floorShare: floor.value,
      note,
      isPreset,
      problems: rowIssues,
    });
  }
  const present = new Set(scenarios.map((scenario) => matchKey(scenario.name)));
  for (const preset of PRESET_SCENARIOS) {
    if (!present.has(matchKey(preset.label))) {
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
  const problems = [...sheetProblems(snapshot), ...calendarProblems(snapshot), ...tableProblems];
  const activeProblem = activeScenarioProblem(snapshot, scenarios);
  if (activeProblem !== null) {
    problems.push(activeProblem);
  }
  // Issue 11: the uncertainty band block (H4:L6, AICOST_BAND) is judged with the sheet.
  const band = analyseBand(snapshot.band);
  problems.push(...band.problems);
  const damaged = problems.length > 0 || scenarios.some((scenario) => scenario.problems.length > 0);
  return {
    status: damaged ? "damaged" : "ready",
    scenarios,
    activeScenarioName: asText(snapshot.activeScenarioName),
    problems,
    band: band.band,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks before a host writes

/** What both hosts throw when a write needs the assumptions sheet and it is not there. */
export function missingAssumptionsSheet(): Error {
  return malformed(`The "${ASSUMPTIONS_SHEET_NAME}" sheet is missing; choose Set up workbook in the AICOST pane first.`);
}

/** Throws malformed for a blank name: checked before anything is read, in both hosts. */
export function requireScenarioName(name: string): string {
  if (name.trim() === "") {
    throw malformed("Pick a scenario by its name.");
  }
  return name;
}

/**
 * Checks the name the Active scenario cell is to hold: not blank, and the name of a row of the
 * table (under MATCH's rule), so B4 never names a row the formulas cannot find. Throws a
 * DomainError (malformed for a blank name, notFound for a name not in the table).
 */
export function checkActiveScenarioName(snapshot: TableRowsSnapshot, name: string): string {
  requireScenarioName(name);
  if (findScenarioRow(snapshot, name) === null) {
    throw notFound(`There is no scenario named "${name}" in the scenarios table; pick one of its names.`);
  }
  return name;
}

/** What a change to one scenario writes: its sheet row and the cells of that row, undefined = left as it is. */
export interface ScenarioRowWrite {
  readonly rowNumber: number;
  readonly annualPriceMultiplier?: number;
  readonly floorShare?: number;
  /** The note (column F; D on a table set up before the readings), as text; written through literalText by the host. */
  readonly note?: string;
  /** The note's 0-based column when it is not F (5): 3 (D) on a table set up before the readings. */
  readonly noteColumnIndex?: number;
}

/**
 * What a change to the scenario named `name` writes, after checking it, for both hosts to write
 * exactly these cells: the row (the first with the name, as MATCH finds it), the parameters
 * given, and the note, either the one given (Reset to preset gives the source note) or, for a
 * preset's row, what the note rule of sourceNotes.ts says for the new values. Throws a
 * DomainError: outOfRange for m not above 0 or f outside 0 to 1, notFound when no row has the
 * name, malformed when there is nothing to change.
 */
export function scenarioRowWrite(snapshot: TableRowsSnapshot, name: string, changes: ScenarioChanges): ScenarioRowWrite {
  const { annualPriceMultiplier, floorShare, note } = changes;
  if (annualPriceMultiplier === undefined && floorShare === undefined && note === undefined) {
    throw malformed("Nothing to change: give an annual price multiplier, a floor share or a note.");
  }
  validateScenario({ label: name, annualPriceMultiplier: annualPriceMultiplier ?? 1, floorShare: floorShare ?? 0 });
  const key = matchKey(name);
  const row = nonEmptyRows(snapshot).find((candidate) => !isEmptyCell(candidate.cells[0]) && matchKey(asText(candidate.cells[0])) === key);
  if (row === undefined) {
    throw notFound(`There is no scenario named "${name}" in the scenarios table; it may have been renamed or deleted.`);
  }
  const rowName = asText(row.cells[0]);
  // The first row with a name is the one MATCH finds; for a preset's name it is the preset's row.
  const isPreset = isPresetName(rowName);
  const current = (cell: unknown): number | null => (typeof cell === "number" && Number.isFinite(cell) ? cell : null);
  const newNote =
    note ??
    noteAfterChange(
      { name: rowName, isPreset, note: asText(row.cells[3]) },
      annualPriceMultiplier ?? current(row.cells[1]),
      floorShare ?? current(row.cells[2]),
    ) ??
    undefined;
  return {
    rowNumber: row.rowNumber,
    ...((snapshot.noteColumnIndex ?? NOTE_COLUMN_INDEX) === NOTE_COLUMN_INDEX ? {} : { noteColumnIndex: snapshot.noteColumnIndex }),
    ...(annualPriceMultiplier === undefined ? {} : { annualPriceMultiplier }),
    ...(floorShare === undefined ? {} : { floorShare }),
    ...(newNote === undefined ? {} : { note: newNote }),
  };
}

/**
 * The cells of a {@link ScenarioRowWrite} as runs of neighbouring cells, so a host writes each run
 * in one assignment: `B12:C12` for m and f, `B12` and `F12` for m and a note.
 */
export function rowWriteRuns(write: ScenarioRowWrite): { readonly address: string; readonly values: readonly (string | number)[] }[] {
  const byColumn: [number, string | number | undefined][] = [
    [1, write.annualPriceMultiplier],
    [2, write.floorShare],
    [write.noteColumnIndex ?? NOTE_COLUMN_INDEX, write.note],
  ];
  const runs: { first: number; values: (string | number)[] }[] = [];
  let previous = -2;
  for (const [column, value] of byColumn) {
    if (value === undefined) {
      continue;
    }
    if (column === previous + 1 && runs.length > 0) {
      runs[runs.length - 1].values.push(value);
    } else {
      runs.push({ first: column, values: [value] });
    }
    previous = column;
  }
  return runs.map(({ first, values }) => ({
    address:
      values.length === 1
        ? cellAddress(first, write.rowNumber)
        : `${cellAddress(first, write.rowNumber)}:${cellAddress(first + values.length - 1, write.rowNumber)}`,
    values,
  }));
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
  if ((snapshot.noteColumnIndex ?? NOTE_COLUMN_INDEX) !== NOTE_COLUMN_INDEX) {
    throw malformed("The scenarios table has the columns of an earlier AICOST; choose Repair in the AICOST pane first, then add the scenario.");
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

// ---------------------------------------------------------------------------------------------
// Renaming and deleting the team's own scenarios (issue 9)

/** The row a rename or a deletion is about, after refusing a preset or a name not in the table. */
function ownScenarioRow(snapshot: TableRowsSnapshot, name: string, action: "renamed" | "deleted"): { rowNumber: number; name: string } {
  requireScenarioName(name);
  const key = matchKey(name);
  const row = nonEmptyRows(snapshot).find((candidate) => !isEmptyCell(candidate.cells[0]) && matchKey(asText(candidate.cells[0])) === key);
  if (row === undefined) {
    throw notFound(`There is no scenario named "${name}" in the scenarios table; it may have been renamed or deleted.`);
  }
  const rowName = asText(row.cells[0]);
  if (isPresetName(rowName)) {
    throw malformed(
      `"${rowName}" is a preset: presets cannot be ${action}, so formulas that name it keep working. ${action === "renamed" ? "Add a scenario of your own with the name you want." : "Tune it, or pick another active scenario."}`,
    );
  }
  return { rowNumber: row.rowNumber, name: rowName };
}

/**
 * What renaming the scenario `name` writes: its name cell and, when it is the active scenario,
 * the Active scenario cell, so B4 keeps naming it. Throws a DomainError: malformed for a preset,
 * a blank name, a name with surrounding spaces or one another row has; notFound for a name not in
 * the table.
 */
export function scenarioRename(
  snapshot: TableRowsSnapshot & Pick<AssumptionsSnapshot, "activeScenarioName">,
  name: string,
  newName: string,
): { readonly nameCell: string; readonly newName: string; readonly activeCellChanges: boolean } {
  const row = ownScenarioRow(snapshot, name, "renamed");
  if (newName.trim() === "") {
    throw malformed(`Give "${row.name}" a new name, e.g. "team plan 2".`);
  }
  if (newName !== newName.trim()) {
    throw malformed(`Remove the spaces at the start or end of "${newName}".`);
  }
  const other = findScenarioRow(snapshot, newName);
  if (other !== null && other !== row.rowNumber) {
    throw malformed(`A scenario named "${newName}" already exists; choose another name.`);
  }
  return {
    nameCell: cellAddress(0, row.rowNumber),
    newName,
    activeCellChanges: matchKey(asText(snapshot.activeScenarioName)) === matchKey(row.name),
  };
}

/**
 * What deleting the scenario `name` does: the table row to remove (the rows below move up) and,
 * when it was the active scenario, the scenario that becomes active (baseline). Throws a
 * DomainError: malformed for a preset, notFound for a name not in the table.
 */
export function scenarioDeletion(
  snapshot: TableRowsSnapshot & Pick<AssumptionsSnapshot, "activeScenarioName">,
  name: string,
): { readonly rowNumber: number; readonly newActiveScenarioName: string | null } {
  const row = ownScenarioRow(snapshot, name, "deleted");
  const wasActive = matchKey(asText(snapshot.activeScenarioName)) === matchKey(row.name);
  return { rowNumber: row.rowNumber, newActiveScenarioName: wasActive ? DEFAULT_SCENARIO_NAME : null };
}
