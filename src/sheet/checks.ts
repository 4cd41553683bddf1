import { malformed, notFound, outOfRange } from "../core/errors";
import { DEFAULT_SCENARIO_NAME, PRESET_SCENARIOS, validateScenario } from "../core/scenario";
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
import { ACTIVE_SCENARIO_LABEL, type ScenarioTableRow } from "./sheetCells";
import {
  asText,
  describeCell,
  findScenarioRow,
  isEmptyCell,
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
