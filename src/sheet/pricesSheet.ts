import { malformed } from "../core/errors";
import { excelSerialOfIsoDate, FIRST_EXCEL_SERIAL, isoDateOfExcelSerial, LAST_EXCEL_SERIAL } from "../core/excelDate";
import { PRICE_FIELDS, type ModelPriceRow, type PriceField } from "../core/priceCatalog";
import { cellAddress, parseRangeAddress } from "./addresses";
import {
  PRICES_CAPACITY,
  PRICES_COLUMN_COUNT,
  PRICES_DEFINED_NAME,
  PRICES_FIRST_ROW,
  PRICES_HEADER_ROW,
  PRICES_HEADERS,
  PRICES_LAST_COLUMN,
  PRICES_LAST_ROW,
  PRICES_NAME_REFERENCE,
  PRICES_SHEET_NAME,
  PRICES_SHEET_NOTE,
  PRICES_SHEET_TITLE,
  PRICES_TABLE_NAME,
} from "./pricesLayout";
import type { SheetCell } from "./sheetCells";
import { asText, describeCell, errorCode, isEmptyCell, sameText, type TableInfo } from "./snapshot";
import { literalText } from "./textEntry";

/**
 * The "AICOST Prices" sheet as both hosts read, judge, lay out and write it (issue 10): the
 * snapshot a host reads, the analysis that names the cell to fix, the cells a set-up or a repair
 * writes, and the plan for adding rows (which never overwrites a row unless asked). Pure: no
 * Office, no DOM.
 */

/** One row of the prices table as read back, with where it is and what is wrong with it. */
export interface PriceSheetRow extends ModelPriceRow {
  /** The 1-based sheet row. */
  readonly rowNumber: number;
  /** Its date as an Excel serial; null when the cell is not a date. */
  readonly effectiveFromSerial: number | null;
  /** What is wrong with the row, naming the cell; empty when MODEL_PRICE can read it. */
  readonly problems: readonly string[];
}

/** What the pane knows of the prices sheet. */
export type PricesState =
  | { readonly status: "missing" }
  | {
      /** damaged: the sheet itself (headers, the name, the table) needs Repair; rows' problems are the user's to fix. */
      readonly status: "ready" | "damaged";
      readonly rows: readonly PriceSheetRow[];
      /** Problems with the sheet itself, in plain words. */
      readonly problems: readonly string[];
    };

/** The raw prices sheet as a host reads it. */
export interface PricesSnapshot {
  readonly sheetExists: boolean;
  /** A1. */
  readonly title: unknown;
  /** A4:K4. */
  readonly headers: readonly unknown[];
  /** A5:K504, trailing empty rows left out. */
  readonly rows: readonly (readonly unknown[])[];
  /** A505:K505: a row the name does not cover. */
  readonly rowBelowCapacity: readonly unknown[];
  /** What AICOST_PRICES refers to, or null without the name. */
  readonly nameReference: string | null;
  /** The tables on the sheet; undefined for a host without tables (the preview). */
  readonly tables?: readonly TableInfo[];
}

/** The cells a host reads for a snapshot: the layout, the capacity and one row below it. */
export const PRICES_SNAPSHOT_RANGE = `A1:${PRICES_LAST_COLUMN}${PRICES_LAST_ROW + 1}`;

export const MISSING_PRICES_SNAPSHOT: PricesSnapshot = {
  sheetExists: false,
  title: null,
  headers: [],
  rows: [],
  rowBelowCapacity: [],
  nameReference: null,
};

/** Builds a snapshot from the values of {@link PRICES_SNAPSHOT_RANGE} (a 2-D array from A1). */
export function pricesSnapshotFromGrid(grid: {
  readonly values: readonly (readonly unknown[])[];
  readonly nameReference: string | null;
  readonly tables?: readonly TableInfo[];
}): PricesSnapshot {
  const row = (rowNumber: number): readonly unknown[] => (grid.values[rowNumber - 1] ?? []).slice(0, PRICES_COLUMN_COUNT);
  const rows = grid.values.slice(PRICES_FIRST_ROW - 1, PRICES_LAST_ROW).map((cells) => cells.slice(0, PRICES_COLUMN_COUNT));
  while (rows.length > 0 && rows[rows.length - 1].every(isEmptyCell)) {
    rows.pop();
  }
  return {
    sheetExists: true,
    title: row(1)[0],
    headers: row(PRICES_HEADER_ROW),
    rows,
    rowBelowCapacity: row(PRICES_LAST_ROW + 1),
    nameReference: grid.nameReference,
    ...(grid.tables === undefined ? {} : { tables: grid.tables }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading and judging

/** Column index of each field in the table (A = 0). */
const COLUMN = {
  model: 0,
  provider: 1,
  effective_from: 2,
  input: 3,
  output: 4,
  cached_input: 5,
  source: 6,
  cache_write: 7,
  batch_input: 8,
  batch_output: 9,
  note: 10,
} as const satisfies Record<PriceField | "model" | "provider" | "effective_from" | "source" | "note", number>;

const dateHelp = "enter the date the price took effect, such as 2025-06-10 (a date cell)";
const priceHelp = "enter a price in USD per million tokens, or leave it empty when it is not charged";

function normalised(text: string): string {
  return text.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
}

function readDate(value: unknown, address: string, problems: string[]): number | null {
  if (isEmptyCell(value)) {
    problems.push(`${address} is empty; ${dateHelp}.`);
    return null;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    const day = Math.floor(value);
    if (day >= FIRST_EXCEL_SERIAL && day <= LAST_EXCEL_SERIAL) return day;
    problems.push(`${address} is ${value}, which is not a date from 1900-03-01 to 9999-12-31; ${dateHelp}.`);
    return null;
  }
  if (typeof value === "string") {
    const serial = excelSerialOfIsoDate(value.trim());
    if (serial !== undefined) return serial;
  }
  problems.push(`${address} holds ${describeCell(value)}; ${dateHelp}.`);
  return null;
}

function readRow(cells: readonly unknown[], rowNumber: number): PriceSheetRow {
  const problems: string[] = [];
  const at = (column: number) => cellAddress(column, rowNumber);
  for (let column = 0; column < PRICES_COLUMN_COUNT; column++) {
    const code = errorCode(cells[column]);
    if (code !== null) {
      problems.push(`${at(column)} holds the error ${code}; MODEL_PRICE passes it on for this table.`);
    }
  }
  const model = asText(cells[COLUMN.model]).trim();
  if (model === "") {
    problems.push(`${at(COLUMN.model)} is empty; every row needs a model id (such as gpt-4o, or a name of your own).`);
  }
  const effectiveFromSerial = readDate(cells[COLUMN.effective_from], at(COLUMN.effective_from), problems);
  const prices: Partial<Record<PriceField, number>> = {};
  for (const field of PRICE_FIELDS) {
    const value = cells[COLUMN[field]];
    if (isEmptyCell(value) || errorCode(value) !== null) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = typeof value === "string" && Number.isFinite(Number(value.trim())) ? " (a number stored as text; retype it)" : "";
      problems.push(`${at(COLUMN[field])} holds ${describeCell(value)}${hint}; ${priceHelp}.`);
    } else if (value < 0) {
      problems.push(`${at(COLUMN[field])} is ${value}, but a price must be 0 or more; ${priceHelp}.`);
    } else {
      prices[field] = value;
    }
  }
  if (PRICE_FIELDS.every((field) => isEmptyCell(cells[COLUMN[field]]))) {
    problems.push(`${at(COLUMN.input)}:${at(COLUMN.cached_input)} and ${at(COLUMN.cache_write)}:${at(COLUMN.batch_output)} are empty; the row has no price.`);
  }
  return {
    rowNumber,
    model,
    provider: asText(cells[COLUMN.provider]).trim(),
    effectiveFrom: effectiveFromSerial === null ? "" : isoDateOfExcelSerial(effectiveFromSerial),
    effectiveFromSerial,
    usdPerMillionTokens: prices,
    source: asText(cells[COLUMN.source]).trim(),
    note: asText(cells[COLUMN.note]).trim(),
    problems,
  };
}

/** The rows of a snapshot, each judged on its own and against the rows above it (repeats, providers). */
export function readPriceRows(snapshot: Pick<PricesSnapshot, "rows">): PriceSheetRow[] {
  const rows: PriceSheetRow[] = [];
  snapshot.rows.forEach((cells, index) => {
    if (cells.every(isEmptyCell)) return;
    const row = readRow(cells, PRICES_FIRST_ROW + index);
    const key = row.model.toLowerCase();
    const earlier = rows.filter((other) => other.model !== "" && other.model.toLowerCase() === key);
    const problems = [...row.problems];
    const sameDate = earlier.find((other) => other.effectiveFromSerial !== null && other.effectiveFromSerial === row.effectiveFromSerial);
    if (sameDate !== undefined) {
      problems.push(
        `Row ${row.rowNumber} repeats ${row.model} effective from ${row.effectiveFrom} (row ${sameDate.rowNumber}); MODEL_PRICE refuses the table until one is removed or re-dated.`,
      );
    }
    const otherProvider = earlier.find((other) => other.provider !== "" && row.provider !== "" && other.provider.toLowerCase() !== row.provider.toLowerCase());
    if (otherProvider !== undefined) {
      problems.push(
        `${cellAddress(COLUMN.provider, row.rowNumber)} lists ${row.model} under ${row.provider}, row ${otherProvider.rowNumber} under ${otherProvider.provider}; a model id belongs to one provider, so give one of them its own id.`,
      );
    }
    rows.push({ ...row, problems });
  });
  return rows;
}

const repairHint = "Repair puts the sheet's layout back and keeps every row.";

function sheetProblems(snapshot: PricesSnapshot): string[] {
  const problems: string[] = [];
  const wrong = PRICES_HEADERS.findIndex((header, column) => !sameText(snapshot.headers[column], header));
  if (wrong >= 0) {
    const address = cellAddress(wrong, PRICES_HEADER_ROW);
    const found = isEmptyCell(snapshot.headers[wrong]) ? "is empty" : `holds ${describeCell(snapshot.headers[wrong])}`;
    problems.push(
      `The prices table's headers are not in A${PRICES_HEADER_ROW}:${PRICES_LAST_COLUMN}${PRICES_HEADER_ROW} (${address} should read "${PRICES_HEADERS[wrong]}" but ${found}); rows above the table may have been inserted or deleted. ${repairHint}`,
    );
  }
  if (snapshot.nameReference === null) {
    problems.push(`The name ${PRICES_DEFINED_NAME} is missing, so formulas that use it show #NAME?. Repair recreates it (it refers to ${PRICES_NAME_REFERENCE}).`);
  } else if (normalised(snapshot.nameReference) !== normalised(PRICES_NAME_REFERENCE)) {
    problems.push(
      `The name ${PRICES_DEFINED_NAME} refers to ${snapshot.nameReference.replace(/^=/, "")} instead of ${PRICES_NAME_REFERENCE}, so MODEL_PRICE may not read this table. Repair points it back.`,
    );
  }
  if (snapshot.tables !== undefined && !snapshot.tables.some((table) => table.name.toLowerCase() === PRICES_TABLE_NAME.toLowerCase())) {
    const others = snapshot.tables.map((table) => `"${table.name}"`).join(", ");
    problems.push(
      `The prices table is not named ${PRICES_TABLE_NAME}${others === "" ? " (this sheet has no table)" : ` (this sheet has ${others})`}. ${repairHint}`,
    );
  }
  const beyond = snapshot.rowBelowCapacity.some((cell) => !isEmptyCell(cell));
  const tableBottom = snapshot.tables
    ?.filter((table) => table.name.toLowerCase() === PRICES_TABLE_NAME.toLowerCase())
    .map((table) => parseRangeAddress(table.address)?.last.rowNumber ?? 0)[0];
  if (beyond || (tableBottom !== undefined && tableBottom > PRICES_LAST_ROW)) {
    problems.push(
      `The prices table goes past row ${PRICES_LAST_ROW}, but ${PRICES_DEFINED_NAME} covers only its first ${PRICES_CAPACITY} rows (to row ${PRICES_LAST_ROW}); MODEL_PRICE does not see the rows below. Delete old rows, or keep the extra prices in a table of your own.`,
    );
  }
  return problems;
}

/** Judges a snapshot: missing, ready, or damaged (the sheet itself needs Repair), with every row read. */
export function analysePrices(snapshot: PricesSnapshot): PricesState {
  if (!snapshot.sheetExists) {
    return { status: "missing" };
  }
  const problems = sheetProblems(snapshot);
  return { status: problems.length > 0 ? "damaged" : "ready", rows: readPriceRows(snapshot), problems };
}

// ---------------------------------------------------------------------------------------------
// Layout and writes

function layoutCell(columnIndex: number, rowNumber: number, input: string | number): SheetCell {
  return { address: cellAddress(columnIndex, rowNumber), columnIndex, rowNumber, input, numberFormat: "General" };
}

/** The cells a set-up writes and a repair rewrites: title, note and the table's headers (never a row). */
export function pricesLayoutCells(): SheetCell[] {
  return [
    layoutCell(0, 1, PRICES_SHEET_TITLE),
    layoutCell(0, 2, PRICES_SHEET_NOTE),
    ...PRICES_HEADERS.map((header, column) => layoutCell(column, PRICES_HEADER_ROW, header)),
  ];
}

/**
 * A row's cells as they are entered, A to K: text kept as text (literalText), the date as its
 * Excel serial (the column has a date format), an unpublished price as an empty cell ("").
 *
 * @example priceRowInputs(row)[2] // 45818 for a row effective from 2025-06-10
 */
export function priceRowInputs(row: ModelPriceRow): (string | number)[] {
  const serial = excelSerialOfIsoDate(row.effectiveFrom);
  if (serial === undefined) {
    throw malformed(`${row.model}: the date '${row.effectiveFrom}' is not a date written YYYY-MM-DD.`);
  }
  const cells: (string | number)[] = new Array<string | number>(PRICES_COLUMN_COUNT).fill("");
  cells[COLUMN.model] = literalText(row.model);
  cells[COLUMN.provider] = literalText(row.provider);
  cells[COLUMN.effective_from] = serial;
  for (const field of PRICE_FIELDS) {
    const price = row.usdPerMillionTokens[field];
    if (price != null) cells[COLUMN[field]] = price;
  }
  cells[COLUMN.source] = literalText(row.source);
  cells[COLUMN.note] = literalText(row.note);
  return cells;
}

/** A row of the sheet that holds the same model and date as a row being added, with other prices. */
export interface PriceRowConflict {
  readonly row: ModelPriceRow;
  /** The sheet row it would replace. */
  readonly rowNumber: number;
  /** The prices there now, as read. */
  readonly existing: PriceSheetRow;
}

/** What adding rows does: which are written where, and which are left as they are. */
export interface PriceRowsPlan {
  /** Each row to write: its sheet row and its cells (A to K). */
  readonly writes: readonly { readonly rowNumber: number; readonly inputs: readonly (string | number)[] }[];
  /** Rows appended below the table. */
  readonly added: readonly ModelPriceRow[];
  /** Rows already in the table with the same prices: nothing to write. */
  readonly unchanged: readonly ModelPriceRow[];
  /** Rows whose model and date are in the table with other prices: written only when replacing was asked for. */
  readonly conflicts: readonly PriceRowConflict[];
  /** Conflicting rows written over (replaceConflicts). */
  readonly replaced: readonly PriceRowConflict[];
}

function samePrices(row: ModelPriceRow, existing: PriceSheetRow): boolean {
  return (
    PRICE_FIELDS.every((field) => (row.usdPerMillionTokens[field] ?? null) === (existing.usdPerMillionTokens[field] ?? null)) &&
    existing.problems.length === 0
  );
}

/**
 * Plans adding `rows` to the table: a row whose model (ignoring case) and date are not in the
 * table is appended after the last filled row; one that is there with the same prices is left
 * alone; one that is there with other prices is a conflict, written over only with
 * `replaceConflicts` (the user said so), never otherwise. Throws, writing nothing, when the rows
 * would pass the table's capacity or a row is not a dated row with a model.
 */
export function planPriceRows(
  snapshot: Pick<PricesSnapshot, "rows">,
  rows: readonly ModelPriceRow[],
  options: { readonly replaceConflicts?: boolean } = {},
): PriceRowsPlan {
  const existing = readPriceRows(snapshot);
  let nextRow = PRICES_FIRST_ROW + snapshot.rows.length;
  const writes: { rowNumber: number; inputs: (string | number)[] }[] = [];
  const added: ModelPriceRow[] = [];
  const unchanged: ModelPriceRow[] = [];
  const conflicts: PriceRowConflict[] = [];
  const replaced: PriceRowConflict[] = [];
  const planned = new Set<string>();
  for (const row of rows) {
    if (row.model.trim() === "") throw malformed("A price row needs a model id.");
    const inputs = priceRowInputs(row);
    const serial = inputs[COLUMN.effective_from];
    const key = `${row.model.trim().toLowerCase()}\u0000${serial}`;
    if (planned.has(key)) continue; // the same row twice in one request
    planned.add(key);
    const match = existing.find((other) => other.model.toLowerCase() === row.model.trim().toLowerCase() && other.effectiveFromSerial === serial);
    if (match === undefined) {
      writes.push({ rowNumber: nextRow++, inputs });
      added.push(row);
    } else if (samePrices(row, match)) {
      unchanged.push(row);
    } else {
      const conflict = { row, rowNumber: match.rowNumber, existing: match };
      conflicts.push(conflict);
      if (options.replaceConflicts === true) {
        writes.push({ rowNumber: match.rowNumber, inputs });
        replaced.push(conflict);
      }
    }
  }
  if (nextRow - 1 > PRICES_LAST_ROW) {
    throw malformed(
      `Adding ${added.length} rows would pass row ${PRICES_LAST_ROW}, the last of the ${PRICES_CAPACITY} rows ${PRICES_DEFINED_NAME} covers; delete rows you no longer use, then add again.`,
    );
  }
  return { writes, added, unchanged, conflicts, replaced };
}

/** Thrown by hosts asked to add rows to a prices sheet that needs Repair first. */
export function damagedPricesSheet(problems: readonly string[]): Error {
  return malformed(`The "${PRICES_SHEET_NAME}" sheet needs Repair before rows are added: ${problems[0] ?? ""}`);
}

/** Whether AICOST_PRICES needs creating or pointing back. */
export function pricesNameNeedsPointing(reference: string | null): boolean {
  return reference === null || normalised(reference) !== normalised(PRICES_NAME_REFERENCE);
}
