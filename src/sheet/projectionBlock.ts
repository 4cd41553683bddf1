import { malformed, outOfRange } from "../core/errors";
import { MAX_MONTHS_AHEAD } from "../core/projection";
import { absoluteAddress, cellAddress, LAST_COLUMN_INDEX, LAST_ROW_NUMBER, parseCellAddress, sheetPrefix } from "./addresses";
import { AICOST_NAMESPACE } from "../core/namespace";
import { ASSUMPTIONS_SHEET_NAME, SCENARIO_NAME_DEFINED_NAME } from "./layout";

/**
 * The cells of a projection block that "Insert projection" writes at the selected cell, shared by
 * both hosts. Pure: no Office, no DOM.
 *
 * Layout from the anchor (here B2, three scenarios, horizon 3):
 *
 *        B                                    C                    D ...   F
 *   2    Base price, USD per million tokens   10 (the input)
 *   3    Month                                ='AICOST Assumptions'!$A$11  ...  Active scenario
 *   4    0                                    =AICOST.PROJECT_PRICE($C$2,$B$4,'AICOST Assumptions'!$A$11:$C$11) ... =AICOST.PROJECT_PRICE($C$2,$B$4,AICOST_SCENARIO)
 *   ...
 *   7    3
 *
 * Each scenario column reads its own row of the scenarios table (label, m, f), so editing the
 * table flows through; its header is a formula too, so renaming the scenario does. The last
 * column follows the active scenario through AICOST_SCENARIO.
 */

/** A scenario the block gets a column for, and its row in the scenarios table. */
export interface BlockScenario {
  readonly name: string;
  /** The 1-based row of the scenario on the assumptions sheet. */
  readonly rowNumber: number;
}

/** One cell of the block, relative to the anchor. */
export interface BlockCell {
  readonly rowOffset: number;
  readonly columnOffset: number;
  /** A number, a formula starting with "=", or text as it must be typed. */
  readonly input: string | number;
  readonly numberFormat: string;
}

export interface ProjectionBlock {
  /** The anchor's sheet, or null when the anchor had no sheet part. */
  readonly sheetName: string | null;
  readonly cells: readonly BlockCell[];
  readonly rowCount: number;
  readonly columnCount: number;
  /** The whole block as one rectangle, row by row, "" where a cell stays empty: one batched write. */
  readonly inputs: readonly (readonly (string | number)[])[];
  readonly numberFormats: readonly (readonly string[])[];
  /** The block's range without the sheet part, e.g. "B2:F7". */
  readonly rangeAddress: string;
  /** The block's range with the sheet part when known, e.g. "Sheet1!B2:F7". */
  readonly address: string;
  /** The base-price input cell, e.g. "C2". */
  readonly baseCellAddress: string;
  /** What a line chart plots, without the sheet part: the price columns with their header row, e.g. "C3:F7". */
  readonly chartSeriesAddress: string;
  /** The months, the chart's categories, without the sheet part, e.g. "B4:B7". */
  readonly chartCategoryAddress: string;
}

export const BASE_PRICE_LABEL = "Base price, USD per million tokens";
export const MONTH_HEADER = "Month";
export const ACTIVE_COLUMN_HEADER = "Active scenario";
/** Prices: cents always, and up to four decimals for prices well below a dollar. */
export const PRICE_FORMAT = "$#,##0.00##";
export const MONTH_FORMAT = "0";
const GENERAL = "General";

/** The function each price cell calls, by the namespace the add-in registers. */
const projectPrice = `${AICOST_NAMESPACE}.PROJECT_PRICE`;

/** Rows above the first month: the base-price row and the header row. */
const headerRows = 2;

/**
 * The cells of a projection block at `anchor` (e.g. "Sheet1!B2", the selected cell).
 * Throws a DomainError with a message for a horizon that is not a whole number from 1 to
 * MAX_MONTHS_AHEAD,
 * a negative or non-finite price, an anchor that is not a cell address, or a block that would
 * run off the sheet.
 *
 * @example projectionBlock({ horizonMonths: 3, basePriceUsd: 10, scenarios: [], anchor: "Sheet1!B2" }).address // "Sheet1!B2:C7"
 */
export function projectionBlock(options: {
  readonly horizonMonths: number;
  readonly basePriceUsd: number;
  readonly scenarios: readonly BlockScenario[];
  readonly anchor: string;
}): ProjectionBlock {
  const { horizonMonths, basePriceUsd, scenarios, anchor } = options;
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > MAX_MONTHS_AHEAD) {
    throw outOfRange(`The horizon must be a whole number of months from 1 to ${MAX_MONTHS_AHEAD}; got ${horizonMonths}.`);
  }
  if (!(basePriceUsd >= 0) || !Number.isFinite(basePriceUsd)) {
    throw outOfRange(`The base price must be a number of dollars, 0 or more; got ${basePriceUsd}.`);
  }
  const location = parseCellAddress(anchor);
  if (location === null) {
    throw malformed(`"${anchor}" is not a cell address; select a cell such as B2 and try again.`);
  }
  const { columnIndex: left, rowNumber: top, sheetName } = location;
  const rowCount = headerRows + horizonMonths + 1;
  const columnCount = scenarios.length + 2;
  const bottom = top + rowCount - 1;
  const right = left + columnCount - 1;
  if (bottom > LAST_ROW_NUMBER || right > LAST_COLUMN_INDEX) {
    throw outOfRange(
      `A ${horizonMonths}-month projection needs ${rowCount} rows and ${columnCount} columns from ${cellAddress(left, top)}, which runs off the sheet; select a cell further up or to the left.`,
    );
  }

  const cells: BlockCell[] = [];
  const put = (rowOffset: number, columnOffset: number, input: string | number, numberFormat = GENERAL): void => {
    cells.push({ rowOffset, columnOffset, input, numberFormat });
  };
  const baseCell = absoluteAddress(left + 1, top);
  const assumptions = sheetPrefix(ASSUMPTIONS_SHEET_NAME);

  put(0, 0, BASE_PRICE_LABEL);
  put(0, 1, basePriceUsd, PRICE_FORMAT);
  put(1, 0, MONTH_HEADER);
  scenarios.forEach((scenario, index) => put(1, index + 1, `=${assumptions}$A$${scenario.rowNumber}`));
  put(1, columnCount - 1, ACTIVE_COLUMN_HEADER);
  for (let month = 0; month <= horizonMonths; month++) {
    const rowOffset = headerRows + month;
    const monthCell = absoluteAddress(left, top + rowOffset);
    put(rowOffset, 0, month, MONTH_FORMAT);
    scenarios.forEach((scenario, index) => {
      const scenarioRange = `${assumptions}$A$${scenario.rowNumber}:$C$${scenario.rowNumber}`;
      put(rowOffset, index + 1, `=${projectPrice}(${baseCell},${monthCell},${scenarioRange})`, PRICE_FORMAT);
    });
    put(rowOffset, columnCount - 1, `=${projectPrice}(${baseCell},${monthCell},${SCENARIO_NAME_DEFINED_NAME})`, PRICE_FORMAT);
  }

  const inputs = Array.from({ length: rowCount }, () => new Array<string | number>(columnCount).fill(""));
  const numberFormats = Array.from({ length: rowCount }, () => new Array<string>(columnCount).fill(GENERAL));
  for (const cell of cells) {
    inputs[cell.rowOffset][cell.columnOffset] = cell.input;
    numberFormats[cell.rowOffset][cell.columnOffset] = cell.numberFormat;
  }
  const rangeAddress = `${cellAddress(left, top)}:${cellAddress(right, bottom)}`;
  return {
    sheetName,
    cells,
    rowCount,
    columnCount,
    inputs,
    numberFormats,
    rangeAddress,
    address: sheetName === null ? rangeAddress : `${sheetPrefix(sheetName)}${rangeAddress}`,
    baseCellAddress: cellAddress(left + 1, top),
    chartSeriesAddress: `${cellAddress(left + 1, top + 1)}:${cellAddress(right, bottom)}`,
    chartCategoryAddress: `${cellAddress(left, top + headerRows)}:${cellAddress(left, bottom)}`,
  };
}

/**
 * Throws unless every cell of the block's target rectangle is empty (null, undefined or "", as
 * hosts read an empty cell): Insert projection never writes over a user's cells, in either host.
 * `targetValues` are the rectangle's values, row by row, spilled values included.
 */
export function checkBlockTargetEmpty(block: ProjectionBlock, targetValues: readonly (readonly unknown[])[]): void {
  const filled = targetValues.some((cells) => cells.some((value) => value !== null && value !== undefined && value !== ""));
  if (filled) {
    throw malformed(
      `The projection needs ${block.address} to be empty, and some of its cells hold data; select an empty cell with room to its right and below.`,
    );
  }
}
