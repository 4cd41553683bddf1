import { DEFAULT_BAND, type Band } from "../core/band";
import { cellAddress } from "./addresses";
import {
  BAND_DEFINED_NAME,
  BAND_FIRST_COLUMN_INDEX,
  BAND_HEADER_ROW,
  BAND_HEADERS,
  BAND_LAST_COLUMN_INDEX,
  BAND_LAST_ROW,
  BAND_NAME_REFERENCE,
  BAND_NUMBER_CELLS,
  BAND_READING_FORMULAS,
  BAND_READING_ROW,
  BAND_VALUES_ROW,
} from "./bandLayout";
import { malformed } from "../core/errors";
import { describeCell, isEmptyCell, sameText } from "./snapshot";

/**
 * The band block as a host reads it back (H4:L6 and the name AICOST_BAND), what is wrong with it
 * in words that name the cell to fix, and what a repair writes. Pure: no Office, no DOM.
 */

/** The band block's raw contents, before any judgement. Cell values are what the host gives. */
export interface BandSnapshot {
  /** H4:L4. */
  readonly headers: readonly unknown[];
  /** H5:L5: label, m_p10, m_p50, m_p90, f. */
  readonly values: readonly unknown[];
  /** I6:L6 as formulas (a value where a cell holds no formula). */
  readonly readingFormulas: readonly unknown[];
  /** What the workbook-scoped name AICOST_BAND refers to, or null if it does not exist. */
  readonly nameReference: string | null;
  /** The addresses of the filled cells of H1:M10, the block's area ("H3", ...). */
  readonly filledCells: readonly string[];
}

/** The band block of a workbook without it (a sheet set up before the band existed, or no sheet). */
export const MISSING_BAND_SNAPSHOT: BandSnapshot = { headers: [], values: [], readingFormulas: [], nameReference: null, filledCells: [] };

/**
 * Builds the band's snapshot from the values and formulas of BAND_SNAPSHOT_RANGE (H1:M10, as 2-D
 * arrays whose first column is H) and the name's reference.
 */
export function bandSnapshotFromGrid(grid: {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly nameReference: string | null;
}): BandSnapshot {
  const row = (rows: readonly (readonly unknown[])[], rowNumber: number): readonly unknown[] => rows[rowNumber - 1] ?? [];
  const filledCells: string[] = [];
  grid.formulas.slice(0, BAND_LAST_ROW).forEach((cells, rowIndex) =>
    cells.slice(0, BAND_LAST_COLUMN_INDEX - BAND_FIRST_COLUMN_INDEX + 1).forEach((cell, columnOffset) => {
      if (!isEmptyCell(cell)) {
        filledCells.push(cellAddress(BAND_FIRST_COLUMN_INDEX + columnOffset, rowIndex + 1));
      }
    }),
  );
  return {
    headers: row(grid.values, BAND_HEADER_ROW).slice(0, 5),
    values: row(grid.values, BAND_VALUES_ROW).slice(0, 5),
    readingFormulas: row(grid.formulas, BAND_READING_ROW).slice(1, 5),
    nameReference: grid.nameReference,
    filledCells,
  };
}

/** The band a snapshot holds when it is valid, and every problem with the block. */
export interface BandAnalysis {
  /** The band AICOST_BAND gives formulas; null when the block is missing or a number is invalid. */
  readonly band: Band | null;
  readonly problems: readonly string[];
}

const numberHelp: Readonly<Record<(typeof BAND_NUMBER_CELLS)[number]["name"], string>> = {
  m_p10: "enter a number above 0 such as 0.02 (0.02 = fifty times cheaper per year, the fast-decline end)",
  m_p50: "enter a number above 0 such as 0.057 (0.057 = 17.5 times cheaper per year, the median)",
  m_p90: "enter a number above 0 such as 0.2 (0.2 = five times cheaper per year, the slow-decline end)",
  f: "enter a number from 0 to 1 such as 0.01 (0.01 = a floor of 1% of today's price)",
};

const repairHint = "Repair puts the band block back and keeps the numbers you typed that are valid.";

function normalisedFormula(value: unknown): string {
  return (typeof value === "string" ? value : String(value ?? "")).replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
}

/** Whether the block was never written: a workbook set up before AICOST had a band. */
function isAbsent(snapshot: BandSnapshot): boolean {
  return snapshot.nameReference === null && [...snapshot.headers, ...snapshot.values, ...snapshot.readingFormulas].every(isEmptyCell);
}

function numberProblem(value: unknown, address: string, name: (typeof BAND_NUMBER_CELLS)[number]["name"]): string | null {
  const help = numberHelp[name];
  if (isEmptyCell(value)) {
    return `${address} (${name}) is empty; ${help}.`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const hint = typeof value === "string" && Number.isFinite(Number(value.trim())) ? " (a number stored as text; retype it)" : "";
    return `${address} (${name}) holds ${describeCell(value)}${hint}; ${help}.`;
  }
  if (name === "f" ? !(value >= 0 && value <= 1) : !(value > 0)) {
    return `${address} (${name}) is ${value}, but ${name === "f" ? "the floor share must be from 0 to 1" : "a multiplier must be above 0"}; ${help}.`;
  }
  return null;
}

function numberAt(snapshot: BandSnapshot, offset: number): number | null {
  const value = snapshot.values[offset + 1];
  return numberProblem(value, "", BAND_NUMBER_CELLS[offset].name) === null ? (value as number) : null;
}

function orderProblem(numbers: readonly (number | null)[]): string | null {
  const [p10, p50, p90] = numbers;
  const defaults = `${DEFAULT_BAND.annualPriceMultiplierP10}, ${DEFAULT_BAND.annualPriceMultiplierP50} and ${DEFAULT_BAND.annualPriceMultiplierP90}`;
  const fix = `Swap them if they were typed the wrong way round; Repair puts back the default multipliers (${defaults}).`;
  if (p10 !== null && p50 !== null && p10 > p50) {
    return `I${BAND_VALUES_ROW} (m_p10, ${p10}) is above J${BAND_VALUES_ROW} (m_p50, ${p50}): m_p10 is the fast-decline end, the lowest multiplier. ${fix}`;
  }
  if (p50 !== null && p90 !== null && p50 > p90) {
    return `J${BAND_VALUES_ROW} (m_p50, ${p50}) is above K${BAND_VALUES_ROW} (m_p90, ${p90}): m_p90 is the slow-decline end, the highest multiplier. ${fix}`;
  }
  if (p10 !== null && p90 !== null && p10 > p90) {
    return `I${BAND_VALUES_ROW} (m_p10, ${p10}) is above K${BAND_VALUES_ROW} (m_p90, ${p90}): the percentiles must rise from m_p10 to m_p90. ${fix}`;
  }
  return null;
}

/**
 * Judges the band block: the band it holds when valid, and each problem in words that name the
 * cell to fix. A workbook set up before AICOST had a band gets one plain message instead of a
 * list of missing cells.
 *
 * @example analyseBand(MISSING_BAND_SNAPSHOT).problems[0] // "This workbook was set up before AICOST had an uncertainty band: ..."
 */
export function analyseBand(snapshot: BandSnapshot): BandAnalysis {
  if (isAbsent(snapshot)) {
    const occupied = occupiedProblem(snapshot);
    return {
      band: null,
      problems: [
        `This workbook was set up before AICOST had an uncertainty band: the band block (H4:L6) and the name ${BAND_DEFINED_NAME} are missing, so formulas that use ${BAND_DEFINED_NAME} show #NAME?. ` +
          (occupied ??
            `Repair adds the default band (m_p10 ${DEFAULT_BAND.annualPriceMultiplierP10}, m_p50 ${DEFAULT_BAND.annualPriceMultiplierP50}, m_p90 ${DEFAULT_BAND.annualPriceMultiplierP90}, f ${DEFAULT_BAND.floorShare}, each with its source) in H1:M${BAND_LAST_ROW} and keeps everything else.`),
      ],
    };
  }
  const problems: string[] = [];
  const wrongHeader = BAND_HEADERS.findIndex((header, offset) => !sameText(snapshot.headers[offset], header));
  if (wrongHeader >= 0) {
    const found = snapshot.headers[wrongHeader];
    problems.push(
      `${cellAddress(BAND_FIRST_COLUMN_INDEX + wrongHeader, BAND_HEADER_ROW)} should read "${BAND_HEADERS[wrongHeader]}" but ${isEmptyCell(found) ? "is empty" : `holds ${describeCell(found)}`}; the band block may have been moved. ${repairHint}`,
    );
  }
  const label = snapshot.values[0];
  if (!isEmptyCell(label) && typeof label !== "string") {
    problems.push(`H${BAND_VALUES_ROW} holds ${describeCell(label)}; the band's label must be text such as "${DEFAULT_BAND.label}", or empty. ${repairHint}`);
  }
  BAND_NUMBER_CELLS.forEach(({ name, address }, offset) => {
    const problem = numberProblem(snapshot.values[offset + 1], address, name);
    if (problem !== null) {
      problems.push(problem);
    }
  });
  const numbers = BAND_NUMBER_CELLS.map((_cell, offset) => numberAt(snapshot, offset));
  const order = orderProblem(numbers);
  if (order !== null) {
    problems.push(order);
  }
  const overwritten = BAND_READING_FORMULAS.flatMap((formula, offset) =>
    normalisedFormula(snapshot.readingFormulas[offset]) === normalisedFormula(formula) ? [] : [cellAddress(BAND_FIRST_COLUMN_INDEX + 1 + offset, BAND_READING_ROW)],
  );
  if (overwritten.length > 0) {
    problems.push(
      `${overwritten.join(", ")} no longer ${overwritten.length === 1 ? "holds its formula" : "hold their formulas"} that put the band in words ("17.5x cheaper per year"). Repair restores them.`,
    );
  }
  if (snapshot.nameReference === null) {
    problems.push(`The name ${BAND_DEFINED_NAME} is missing, so formulas that use it show #NAME?. Repair recreates it (it refers to ${BAND_NAME_REFERENCE}).`);
  } else if (normalisedFormula(snapshot.nameReference) !== normalisedFormula(BAND_NAME_REFERENCE)) {
    problems.push(
      `The name ${BAND_DEFINED_NAME} refers to ${snapshot.nameReference.replace(/^=/, "")} instead of ${BAND_NAME_REFERENCE}, so formulas that use it do not read the band. Repair points it back.`,
    );
  }
  const [p10, p50, p90, floorShare] = numbers;
  const valid = p10 !== null && p50 !== null && p90 !== null && floorShare !== null && order === null && (isEmptyCell(label) || typeof label === "string");
  return {
    band: valid
      ? {
          label: (typeof label === "string" ? label.trim() : "") || "custom",
          annualPriceMultiplierP10: p10,
          annualPriceMultiplierP50: p50,
          annualPriceMultiplierP90: p90,
          floorShare,
        }
      : null,
    problems,
  };
}

/**
 * The band a repair writes: the label when it is text or empty (else the default's), each number the user
 * typed when it is valid, else the default band's; if the three multipliers kept are then out of
 * order, the default band's three multipliers (the message said so before the repair).
 *
 * @example repairedBand({ ...snapshot, values: ["team", 0.03, "x", 0.3, 0.02] }) // team, 0.03, 0.057, 0.3, 0.02
 */
export function repairedBand(snapshot: BandSnapshot): Band {
  if (isAbsent(snapshot)) {
    return DEFAULT_BAND;
  }
  const label = snapshot.values[0];
  const kept = BAND_NUMBER_CELLS.map(({ key }, offset) => numberAt(snapshot, offset) ?? DEFAULT_BAND[key]);
  const inOrder = orderProblem(kept) === null;
  return {
    label: typeof label === "string" ? label : isEmptyCell(label) ? "" : DEFAULT_BAND.label,
    annualPriceMultiplierP10: inOrder ? kept[0] : DEFAULT_BAND.annualPriceMultiplierP10,
    annualPriceMultiplierP50: inOrder ? kept[1] : DEFAULT_BAND.annualPriceMultiplierP50,
    annualPriceMultiplierP90: inOrder ? kept[2] : DEFAULT_BAND.annualPriceMultiplierP90,
    floorShare: kept[3],
  };
}

/** Why a repair cannot add the band: the block's area holds cells of the user's. */
function occupiedProblem(snapshot: BandSnapshot): string | null {
  const cells = snapshot.filledCells;
  if (cells.length === 0) {
    return null;
  }
  const listed = cells.length > 6 ? `${cells.slice(0, 6).join(", ")} and ${cells.length - 6} more` : cells.join(", ");
  return `Repair would add the band in H1:M${BAND_LAST_ROW}, but ${listed} ${cells.length === 1 ? "holds a cell" : "hold cells"} of yours there: move ${cells.length === 1 ? "it" : "them"} out of H1:M${BAND_LAST_ROW}, then repair again (Repair never overwrites them).`;
}

/**
 * Throws malformed, before a host writes anything, when a repair would add the band over cells of
 * the user's (a workbook set up before the band, with its own cells in H1:M10).
 */
export function checkBandRepair(snapshot: BandSnapshot): void {
  const occupied = isAbsent(snapshot) ? occupiedProblem(snapshot) : null;
  if (occupied !== null) {
    throw malformed(occupied);
  }
}
