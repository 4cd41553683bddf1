import { DEFAULT_BAND, type Band } from "../core/band";
import { cellAddress } from "./addresses";
import { ASSUMPTIONS_SHEET_NAME } from "./layout";
import type { SheetCell } from "./sheetCells";
import { literalText } from "./textEntry";

/**
 * Where the uncertainty band lives on the assumptions sheet (columns H to M, owned by the band
 * and nothing else, so the scenarios' columns A to F can grow without meeting it), and every cell
 * a set-up or a repair writes there. Pure: no Office, no DOM.
 *
 *   H1        title; H3 what the band is and how to read it (row 2 is left empty: the
 *             scenarios' long note in A2 may run across it)
 *   H4:L4     headers: Band, m_p10, m_p50, m_p90, f
 *   H5:L5     the band's label and numbers (pale yellow inputs); AICOST_BAND refers to them
 *   H6:L6     "Reading" and one formula per number, in words a finance reader uses
 *             ("50x cheaper per year", "floor of 1% of today's price"), following edits
 *   H7:I10    for each number: its name, and its default with the source of that default
 *             (rows 7 to 10, above the scenarios' notes from row 11, which may run across H)
 *
 * The sources state the default they explain ("Default 0.02: ..."), so a number a team edits
 * never looks as if a published source backed it.
 */
export const BAND_DEFINED_NAME = "AICOST_BAND";

/** The first column of the block, H. */
export const BAND_FIRST_COLUMN_INDEX = 7;
/** The last column of the block, M (room for a wider source text). */
export const BAND_LAST_COLUMN_INDEX = 12;

export const BAND_TITLE_ROW = 1;
export const BAND_NOTE_ROW = 3;
export const BAND_HEADER_ROW = 4;
export const BAND_VALUES_ROW = 5;
export const BAND_READING_ROW = 6;
export const BAND_FIRST_SOURCE_ROW = 7;
/** The last row of the block: the f source row. */
export const BAND_LAST_ROW = BAND_FIRST_SOURCE_ROW + 3;

export const BAND_HEADERS = ["Band", "m_p10", "m_p50", "m_p90", "f"] as const;
export const BAND_READING_LABEL = "Reading";
export const BAND_TITLE = "Uncertainty band";
export const BAND_NOTE =
  "How sure is the decline? m_p10, m_p50 and m_p90 are the 10th, 50th and 90th percentiles of the annual price multiplier m: " +
  "a 1-in-10 chance that prices fall faster than m_p10, and 1 in 10 that they fall more slowly than m_p90. " +
  "PRICE_QUANTILE, COST_QUANTILE and PRICE_BAND read them through the name AICOST_BAND. Edit them for your own view; the floor f is judgement. " +
  "Below: where each default comes from (docs/BAND.md).";

/** `'AICOST Assumptions'!$H$5:$L$5`: what AICOST_BAND refers to. */
export const BAND_NAME_REFERENCE = `'${ASSUMPTIONS_SHEET_NAME}'!$H$${BAND_VALUES_ROW}:$L$${BAND_VALUES_ROW}`;

/** The band's cells on the values row: H5 (label), I5, J5, K5 (m_p10, m_p50, m_p90), L5 (f). */
export const BAND_VALUES_RANGE = `H${BAND_VALUES_ROW}:L${BAND_VALUES_ROW}`;

/** What a host reads to build the band's part of a snapshot: H1:M10. */
export const BAND_SNAPSHOT_RANGE = `H1:M${BAND_LAST_ROW}`;

/** The four numbers' cells on the values row, in band order, and their names on the sheet. */
export const BAND_NUMBER_CELLS = [
  { name: "m_p10", address: `I${BAND_VALUES_ROW}`, key: "annualPriceMultiplierP10" },
  { name: "m_p50", address: `J${BAND_VALUES_ROW}`, key: "annualPriceMultiplierP50" },
  { name: "m_p90", address: `K${BAND_VALUES_ROW}`, key: "annualPriceMultiplierP90" },
  { name: "f", address: `L${BAND_VALUES_ROW}`, key: "floorShare" },
] as const;

function multiplierReading(column: string): string {
  const cell = `${column}${BAND_VALUES_ROW}`;
  return `=IF(AND(ISNUMBER(${cell}),${cell}>0),ROUND(1/${cell},1)&"x cheaper per year","enter m above 0")`;
}

/**
 * The reading formulas of I6:L6: each multiplier as "times cheaper per year" (1/m, to one
 * decimal: 0.057 reads 17.5x) and the floor as a percentage of today's price. Native formulas, so
 * they follow a team's edits in Excel, in the preview and in any program that opens the file.
 */
export const BAND_READING_FORMULAS: readonly string[] = [
  multiplierReading("I"),
  multiplierReading("J"),
  multiplierReading("K"),
  `=IF(ISNUMBER(L${BAND_VALUES_ROW}),"floor of "&ROUND(L${BAND_VALUES_ROW}*100,2)&"% of today's price","enter f from 0 to 1")`,
];

/** The source rows: each number's name and its default with the evidence behind it. */
export function bandSourceLines(): readonly (readonly [string, string])[] {
  const notes = DEFAULT_BAND.sourceNotes;
  return BAND_NUMBER_CELLS.map(({ name, key }) => [name, `Default ${DEFAULT_BAND[key]}: ${notes[key]}`] as const);
}

function cell(columnIndex: number, rowNumber: number, input: string | number): SheetCell {
  return { address: cellAddress(columnIndex, rowNumber), columnIndex, rowNumber, input, numberFormat: "General" };
}

/**
 * Every cell of the band block for a given band: title, note, headers, the band's row (the one
 * AICOST_BAND names), the readings, and the sources of the default. Written by a set-up and by a
 * repair, in both hosts, as its own block (never merged with the scenarios' cells, so a host
 * writing rectangles never writes across columns E to G).
 *
 * @example bandSheetCells(DEFAULT_BAND).find((c) => c.address === "J5")?.input // 0.057
 */
export function bandSheetCells(band: Band = DEFAULT_BAND): SheetCell[] {
  const first = BAND_FIRST_COLUMN_INDEX;
  const cells: SheetCell[] = [cell(first, BAND_TITLE_ROW, BAND_TITLE), cell(first, BAND_NOTE_ROW, BAND_NOTE)];
  BAND_HEADERS.forEach((header, offset) => cells.push(cell(first + offset, BAND_HEADER_ROW, header)));
  cells.push(cell(first, BAND_VALUES_ROW, literalText(band.label)));
  BAND_NUMBER_CELLS.forEach(({ key }, offset) => cells.push(cell(first + 1 + offset, BAND_VALUES_ROW, band[key])));
  cells.push(cell(first, BAND_READING_ROW, BAND_READING_LABEL));
  BAND_READING_FORMULAS.forEach((formula, offset) => cells.push(cell(first + 1 + offset, BAND_READING_ROW, formula)));
  bandSourceLines().forEach(([name, source], offset) => {
    cells.push(cell(first, BAND_FIRST_SOURCE_ROW + offset, name), cell(first + 1, BAND_FIRST_SOURCE_ROW + offset, literalText(source)));
  });
  return cells;
}
