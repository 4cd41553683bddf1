import { malformed } from "../core/errors";
import type { TornadoRow } from "../core/sensitivity";
import { cellAddress, parseCellAddress, sheetPrefix } from "./addresses";
import { ASSUMPTIONS_SHEET_NAME } from "./layout";
import { PRICES_SHEET_NAME } from "./pricesLayout";
import { asText, findScenarioRow, isEmptyCell, type AssumptionsSnapshot } from "./snapshot";

/**
 * The cells of a sensitivity ("What moves the cost?", issue 11), shared by both hosts: how an
 * input is named, which cells of the assumptions sheet the active scenario's m and f are, and
 * the table "Insert as table" writes. Pure: no Office, no DOM.
 */

/** A cell as the sensitivity view lists it. */
export interface SensitivityCell {
  /** Sheet-qualified: "'AI support assistant'!B5". */
  readonly address: string;
  /** What a reader calls it: the text to its left, else its address. */
  readonly label: string;
  /** Its value now: a number for an input the sweep can move. */
  readonly value: number | string | boolean | null;
}

/** How many cells a precedent walk looks at before it stops and says so. */
export const MAX_PRECEDENT_CELLS = 5000;

/** The sheet-qualified address of a cell: `'AI support assistant'!B5`. */
export function qualifiedAddress(sheetName: string, columnIndex: number, rowNumber: number): string {
  return `${sheetPrefix(sheetName)}${cellAddress(columnIndex, rowNumber)}`;
}

/**
 * An input's label: the text in the cell to its left (a model's labels sit in the column before
 * its inputs), else the address itself.
 *
 * @example inputLabel("'AI support assistant'!B5", "Tickets per month today") // "Tickets per month today"
 */
export function inputLabel(address: string, leftCell: unknown): string {
  return typeof leftCell === "string" && leftCell.trim() !== "" ? leftCell.trim() : address;
}

/** Whether a precedent is an input the sweep can move: a constant number (not a formula). */
export function isNumberConstant(content: unknown): content is number {
  return typeof content === "number" && Number.isFinite(content);
}

/** Whether an address is on the assumptions sheet, whose cells the walk leaves to the scenario's own inputs. */
export function onAssumptionsSheet(address: string): boolean {
  return parseCellAddress(address)?.sheetName === ASSUMPTIONS_SHEET_NAME;
}

/**
 * Whether the walk leaves a sheet out: the assumptions sheet (the scenario's m and f come from
 * {@link activeScenarioCells}) and the prices sheet (a catalog table, not a model's input).
 */
export function isSkippedSheet(sheetName: string | null | undefined): boolean {
  return sheetName === ASSUMPTIONS_SHEET_NAME || sheetName === PRICES_SHEET_NAME;
}

/**
 * Whether a formula cell the output depends on is itself an input: a number that reads nothing
 * but AICOST's own sheets and names, such as `=AICOST.MODEL_PRICE("gpt-4o", , , AICOST_PRICES)`.
 * Its value is what the model's user would change; the sweep writes trial numbers over the
 * formula and puts the formula back exactly.
 */
export function isDerivedInput(modelPrecedents: number, value: unknown): value is number {
  return modelPrecedents === 0 && isNumberConstant(value);
}

/**
 * The cells of the active scenario's m and f in the scenarios table (the row B4 names, as MATCH
 * finds it), with their values; null when the sheet is missing or B4 names no row.
 *
 * @example activeScenarioCells(snapshot)?.annualPriceMultiplier.address // "'AICOST Assumptions'!B12" for baseline
 */
export function activeScenarioCells(
  snapshot: AssumptionsSnapshot,
): { readonly annualPriceMultiplier: SensitivityCell; readonly floorShare: SensitivityCell } | null {
  if (!snapshot.sheetExists || isEmptyCell(snapshot.activeScenarioName)) {
    return null;
  }
  const name = asText(snapshot.activeScenarioName);
  const rowNumber = findScenarioRow(snapshot, name);
  if (rowNumber === null) {
    return null;
  }
  const cells = snapshot.tableRows[rowNumber - (snapshot.tableFirstRow ?? 11)] ?? [];
  const value = (cell: unknown): SensitivityCell["value"] => (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean" ? cell : null);
  return {
    annualPriceMultiplier: { address: qualifiedAddress(ASSUMPTIONS_SHEET_NAME, 1, rowNumber), label: `${name}: annual price multiplier m`, value: value(cells[1]) },
    floorShare: { address: qualifiedAddress(ASSUMPTIONS_SHEET_NAME, 2, rowNumber), label: `${name}: floor share f`, value: value(cells[2]) },
  };
}

export const SENSITIVITY_TABLE_HEADERS = ["Input", "Low", "High", "Output at low", "Output at high", "Swing"] as const;

/** The table "Insert as table" writes: headers, then one row per bar, largest swing first. */
export function sensitivityTableRows(rows: readonly TornadoRow[]): (string | number)[][] {
  return [[...SENSITIVITY_TABLE_HEADERS], ...rows.map((row) => [row.label, row.lowValue, row.highValue, row.outputAtLow, row.outputAtHigh, row.swing])];
}

/**
 * Refuses to write the table over filled cells: throws malformed naming the range, before a
 * host writes anything.
 */
export function checkTableTargetEmpty(address: string, targetValues: readonly (readonly unknown[])[]): void {
  if (targetValues.some((cells) => cells.some((value) => !isEmptyCell(value)))) {
    throw malformed(`The sensitivity table needs ${address} to be empty, and some of its cells hold data; select an empty cell with room to its right and below.`);
  }
}
