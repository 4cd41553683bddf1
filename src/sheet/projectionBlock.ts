import { MONTH_LABEL_FORMAT } from "../core/calendar";
import { malformed, notFound, outOfRange } from "../core/errors";
import { AICOST_NAMESPACE } from "../core/namespace";
import { MAX_MONTHS_AHEAD } from "../core/projection";
import { absoluteAddress, cellAddress, columnLetters, LAST_COLUMN_INDEX, LAST_ROW_NUMBER, parseCellAddress, sheetPrefix } from "./addresses";
import { BAND_DEFINED_NAME } from "./bandLayout";
import { ASSUMPTIONS_SHEET_NAME, FISCAL_YEAR_START_DEFINED_NAME, SCENARIO_NAME_DEFINED_NAME, START_MONTH_DEFINED_NAME } from "./layout";
import type { ProjectionMode, ProjectionRequest } from "./port";
import { locateScenarios, matchKey, type TableRowsSnapshot } from "./snapshot";

/**
 * The cells of a projection block that "Insert projection" writes at the selected cell, shared by
 * both hosts. Pure: no Office, no DOM.
 *
 * Layout from the anchor (here B2, cost mode, three scenarios, reference baseline, horizon 3):
 *
 *        B                         C                    D             E ... G           H                  I                        J
 *   2    Monthly cost today, USD   1000 (the input)
 *   3    Month                     Months from start    Fiscal year   =A11 ... =A13     Active scenario    ="Active - "&A12         ="Active vs "&A12&", %"
 *   4    =EDATE(AICOST_START_MONTH,$C4)   0   =YEAR(EDATE($B4,MOD(13-AICOST_FY_START,12)))   =AICOST.PROJECT_COST($C$2,$C4,'AICOST Assumptions'!$A$11:$C$11) ... =AICOST.PROJECT_COST($C$2,$C4,AICOST_SCENARIO)   =H4-F4   =IF(F4=0,"",H4/F4-1)
 *   5..6 (months 1 and 2)
 *   7    Total, 3 months           =COUNT(C$4:C$6)                    =SUM(E$4:E$6) ... =SUM(H$4:H$6)   =H7-F7   =IF(F7=0,"",H7/F7-1)
 *   8-9  =IF(...,"","FY"&($D$4+k)&" total"), its months (COUNTIF), its year, a SUMIFS over the
 *        months of that fiscal year per column: one row per fiscal year the months can touch,
 *        blank when they touch fewer
 *
 * Every scenario column reads its own row of the scenarios table (label, m, f), so editing the
 * table flows through; its header is a formula too, so renaming the scenario does. The active
 * column follows AICOST_SCENARIO. Months are dates from AICOST_START_MONTH (EDATE) and fiscal years
 * are computed from each date and AICOST_FY_START, so the labels and the subtotals follow edits of
 * the start month and the fiscal year's first month. Fiscal years are named by the year they end:
 * adding MOD(13 - start, 12) months to a date lands in the calendar year its fiscal year ends in
 * (an April start: April 2027 + 9 months = January 2028, FY2028; March 2027 + 9 = December 2027,
 * FY2027; a January start adds 0).
 *
 * In price mode the summary rows are averages (a sum of prices per million tokens means nothing);
 * in cost mode, totals. The variance columns compare the active scenario with the reference.
 *
 * With band percentiles, three more columns follow: P10, P50 and P90 of the uncertainty band
 * (`=AICOST.PRICE_QUANTILE($C$2,$C4,0.1,AICOST_BAND)`, COST_QUANTILE in cost mode). Their totals
 * and subtotals are sums like the others, and a sum of P90s is the P90 of the sum: every month's
 * value rises with the band's m, so the months move together and the q-quantile of their total is
 * the total at m's q-quantile (docs/BAND.md).
 */

export type { ProjectionMode };

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
  readonly mode: ProjectionMode;
  readonly cells: readonly BlockCell[];
  readonly rowCount: number;
  readonly columnCount: number;
  /** The whole block as one rectangle, row by row, "" where a cell stays empty: one batched write. */
  readonly inputs: readonly (readonly (string | number)[])[];
  readonly numberFormats: readonly (readonly string[])[];
  /** The block's range without the sheet part, e.g. "B2:J9". */
  readonly rangeAddress: string;
  /** The block's range with the sheet part when known, e.g. "Sheet1!B2:J9". */
  readonly address: string;
  /** The input cell (base price or cost today), e.g. "C2". */
  readonly baseCellAddress: string;
  /** What a line chart plots, without the sheet part: the scenario and active columns with their header row, e.g. "E3:H6". */
  readonly chartSeriesAddress: string;
  /** The chart's categories, without the sheet part: the months from start, e.g. "C4:C6". */
  readonly chartCategoryAddress: string;
}

export const BASE_PRICE_LABEL = "Base price, USD per million tokens";
export const COST_TODAY_LABEL = "Monthly cost today, USD";
export const MONTH_HEADER = "Month";
export const MONTHS_FROM_START_HEADER = "Months from start";
export const FISCAL_YEAR_HEADER = "Fiscal year";
export const ACTIVE_COLUMN_HEADER = "Active scenario";
/** Prices: cents always, and up to four decimals for prices well below a dollar. */
export const PRICE_FORMAT = "$#,##0.00##";
/** Costs: dollars and cents. */
export const COST_FORMAT = "$#,##0.00";
export const MONTH_FORMAT = "0";
export const DATE_FORMAT = MONTH_LABEL_FORMAT;
export const FISCAL_YEAR_FORMAT = '"FY"0';
/** A variance in percent, signed: "+12.5%", "-3.0%". */
export const VARIANCE_PERCENT_FORMAT = "+0.0%;-0.0%;0.0%";
const GENERAL = "General";

/** Rows above the first month: the input row and the header row. */
const headerRows = 2;
/** Columns before the first scenario: month, months from start, fiscal year. */
const leadColumns = 3;

/**
 * How many fiscal-year rows a block of `horizonMonths` months gets: as many fiscal years as the
 * months can touch wherever they start (one more than whole years when they do not line up).
 *
 * @example fiscalYearRowCount(36) // 4: 36 months from May touch FY..+3 (8 + 12 + 12 + 4 months)
 * @example fiscalYearRowCount(12) // 2
 */
export function fiscalYearRowCount(horizonMonths: number): number {
  return Math.floor((horizonMonths - 1) / 12) + 2;
}

/**
 * The reference scenario a variance is taken against, found by MATCH's rule among the block's
 * scenarios; null for none. Throws notFound for a name that is not in the table.
 */
export function findReferenceScenario(scenarios: readonly BlockScenario[], name: string | null | undefined): BlockScenario | null {
  if (name == null || name.trim() === "") {
    return null;
  }
  const found = scenarios.find((scenario) => matchKey(scenario.name) === matchKey(name));
  if (found === undefined) {
    throw notFound(`There is no scenario named "${name}" to compare with; pick one of the scenarios table's names.`);
  }
  return found;
}

/**
 * The cells of a projection block at `anchor` (e.g. "Sheet1!B2", the selected cell).
 * Throws a DomainError with a message for a horizon that is not a whole number from 1 to
 * MAX_MONTHS_AHEAD, a negative or non-finite base value, an anchor that is not a cell address, or
 * a block that would run off the sheet.
 *
 * @example projectionBlock({ mode: "cost", horizonMonths: 3, baseValueUsd: 1000, scenarios: [], reference: null, anchor: "Sheet1!B2" }).address // "Sheet1!B2:E9"
 */
export function projectionBlock(options: {
  readonly mode?: ProjectionMode;
  readonly horizonMonths: number;
  /** Price mode: today's price, USD per million tokens. Cost mode: the monthly cost today, USD. */
  readonly baseValueUsd: number;
  readonly scenarios: readonly BlockScenario[];
  /** The scenario the active one is compared with; null for no variance columns. */
  readonly reference?: BlockScenario | null;
  /** Adds P10, P50 and P90 columns of AICOST_BAND after the others. */
  readonly bandPercentiles?: boolean;
  readonly anchor: string;
}): ProjectionBlock {
  const { horizonMonths, baseValueUsd, scenarios, anchor } = options;
  const mode = options.mode ?? "price";
  const reference = options.reference ?? null;
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > MAX_MONTHS_AHEAD) {
    throw outOfRange(`The horizon must be a whole number of months from 1 to ${MAX_MONTHS_AHEAD}; got ${horizonMonths}.`);
  }
  if (!(baseValueUsd >= 0) || !Number.isFinite(baseValueUsd)) {
    const what = mode === "cost" ? "monthly cost today" : "base price";
    throw outOfRange(`The ${what} must be a number of dollars, 0 or more; got ${baseValueUsd}.`);
  }
  const location = parseCellAddress(anchor);
  if (location === null) {
    throw malformed(`"${anchor}" is not a cell address; select a cell such as B2 and try again.`);
  }
  const { columnIndex: left, rowNumber: top, sheetName } = location;
  const fiscalRows = fiscalYearRowCount(horizonMonths);
  const rowCount = headerRows + horizonMonths + 1 + fiscalRows;
  const activeOffset = leadColumns + scenarios.length;
  const varianceOffset = activeOffset + 1;
  const bandOffset = activeOffset + 1 + (reference === null ? 0 : 2);
  const bandProbabilities = options.bandPercentiles ? BAND_PERCENTILES : [];
  const columnCount = bandOffset + bandProbabilities.length;
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
  const valueFormat = mode === "cost" ? COST_FORMAT : PRICE_FORMAT;
  const projectFunction = `${AICOST_NAMESPACE}.${mode === "cost" ? "PROJECT_COST" : "PROJECT_PRICE"}`;
  const baseCell = absoluteAddress(left + 1, top);
  const assumptions = sheetPrefix(ASSUMPTIONS_SHEET_NAME);
  const firstMonthRow = top + headerRows;
  const lastMonthRow = firstMonthRow + horizonMonths - 1;
  const totalRow = lastMonthRow + 1;
  const column = (offset: number): string => columnLetters(left + offset);
  /** A column's months, e.g. "E$4:E$6" (the row fixed, so the range reads the same from every summary row). */
  const monthsOf = (offset: number): string => `${column(offset)}$${firstMonthRow}:${column(offset)}$${lastMonthRow}`;
  const fiscalYears = `$${column(2)}$${firstMonthRow}:$${column(2)}$${lastMonthRow}`;
  const bandOffsets = bandProbabilities.map((_percentile, index) => bandOffset + index);
  const valueOffsets = [...scenarios.map((_scenario, index) => leadColumns + index), activeOffset, ...bandOffsets];
  const quantileFunction = `${AICOST_NAMESPACE}.${mode === "cost" ? "COST_QUANTILE" : "PRICE_QUANTILE"}`;
  const referenceOffset = reference === null ? null : leadColumns + scenarios.indexOf(reference);

  put(0, 0, mode === "cost" ? COST_TODAY_LABEL : BASE_PRICE_LABEL);
  put(0, 1, baseValueUsd, valueFormat);
  put(1, 0, MONTH_HEADER);
  put(1, 1, MONTHS_FROM_START_HEADER);
  put(1, 2, FISCAL_YEAR_HEADER);
  scenarios.forEach((scenario, index) => put(1, leadColumns + index, `=${assumptions}$A$${scenario.rowNumber}`));
  put(1, activeOffset, ACTIVE_COLUMN_HEADER);
  if (reference !== null) {
    const name = `${assumptions}$A$${reference.rowNumber}`;
    put(1, varianceOffset, `="Active - "&${name}`);
    put(1, varianceOffset + 1, `="Active vs "&${name}&", %"`);
  }
  bandProbabilities.forEach(({ header }, index) => put(1, bandOffset + index, header));

  /** The two variance cells of a row: the difference and the ratio less one, blank against 0. */
  const variance = (rowOffset: number, rowNumber: number, blankWhen?: string): void => {
    if (referenceOffset === null) {
      return;
    }
    const active = `${column(activeOffset)}${rowNumber}`;
    const against = `${column(referenceOffset)}${rowNumber}`;
    const blank = blankWhen === undefined ? `${against}=0` : `OR(${blankWhen},${against}=0)`;
    put(rowOffset, varianceOffset, blankWhen === undefined ? `=${active}-${against}` : `=IF(${blankWhen},"",${active}-${against})`, valueFormat);
    put(rowOffset, varianceOffset + 1, `=IF(${blank},"",${active}/${against}-1)`, VARIANCE_PERCENT_FORMAT);
  };

  for (let month = 0; month < horizonMonths; month++) {
    const rowOffset = headerRows + month;
    const rowNumber = top + rowOffset;
    const monthsCell = `$${column(1)}${rowNumber}`;
    put(rowOffset, 0, `=EDATE(${START_MONTH_DEFINED_NAME},${monthsCell})`, DATE_FORMAT);
    put(rowOffset, 1, month, MONTH_FORMAT);
    put(rowOffset, 2, `=YEAR(EDATE($${column(0)}${rowNumber},MOD(13-${FISCAL_YEAR_START_DEFINED_NAME},12)))`, FISCAL_YEAR_FORMAT);
    scenarios.forEach((scenario, index) => {
      const scenarioRange = `${assumptions}$A$${scenario.rowNumber}:$C$${scenario.rowNumber}`;
      put(rowOffset, leadColumns + index, `=${projectFunction}(${baseCell},${monthsCell},${scenarioRange})`, valueFormat);
    });
    put(rowOffset, activeOffset, `=${projectFunction}(${baseCell},${monthsCell},${SCENARIO_NAME_DEFINED_NAME})`, valueFormat);
    variance(rowOffset, rowNumber);
    bandProbabilities.forEach(({ probability }, index) =>
      put(rowOffset, bandOffset + index, `=${quantileFunction}(${baseCell},${monthsCell},${probability},${BAND_DEFINED_NAME})`, valueFormat),
    );
  }

  const summary = mode === "cost" ? { whole: "SUM", byYear: "SUMIFS", word: "total" } : { whole: "AVERAGE", byYear: "AVERAGEIFS", word: "average" };
  const totalOffset = headerRows + horizonMonths;
  put(totalOffset, 0, mode === "cost" ? `Total, ${horizonMonths} months` : `Average, ${horizonMonths} months`);
  put(totalOffset, 1, `=COUNT(${monthsOf(1)})`, MONTH_FORMAT);
  for (const offset of valueOffsets) {
    put(totalOffset, offset, `=${summary.whole}(${monthsOf(offset)})`, valueFormat);
  }
  variance(totalOffset, totalRow);

  const firstYear = `$${column(2)}$${firstMonthRow}`;
  const lastYear = `$${column(2)}$${lastMonthRow}`;
  for (let index = 0; index < fiscalRows; index++) {
    const rowOffset = totalOffset + 1 + index;
    const rowNumber = top + rowOffset;
    const year = `${firstYear}+${index}`;
    const past = `${year}>${lastYear}`;
    const yearCell = `$${column(2)}${rowNumber}`;
    const none = `${yearCell}=""`;
    put(rowOffset, 0, `=IF(${past},"","FY"&(${year})&" ${summary.word}")`);
    put(rowOffset, 1, `=IF(${none},"",COUNTIF(${fiscalYears},${yearCell}))`, MONTH_FORMAT);
    put(rowOffset, 2, `=IF(${past},"",${year})`, FISCAL_YEAR_FORMAT);
    for (const offset of valueOffsets) {
      put(rowOffset, offset, `=IF(${none},"",${summary.byYear}(${monthsOf(offset)},${fiscalYears},${yearCell}))`, valueFormat);
    }
    variance(rowOffset, rowNumber, none);
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
    mode,
    cells,
    rowCount,
    columnCount,
    inputs,
    numberFormats,
    rangeAddress,
    address: sheetName === null ? rangeAddress : `${sheetPrefix(sheetName)}${rangeAddress}`,
    baseCellAddress: cellAddress(left + 1, top),
    chartSeriesAddress: `${cellAddress(left + leadColumns, top + 1)}:${cellAddress(left + activeOffset, lastMonthRow)}`,
    chartCategoryAddress: `${cellAddress(left + 1, firstMonthRow)}:${cellAddress(left + 1, lastMonthRow)}`,
  };
}

/** The band's columns: header and probability. */
const BAND_PERCENTILES = [
  { header: "P10 (band)", probability: 0.1 },
  { header: "P50 (band)", probability: 0.5 },
  { header: "P90 (band)", probability: 0.9 },
] as const;

/**
 * The block a request asks for at `anchor`, over the table's scenarios in `snapshot` (each named
 * row, the team's own included), both hosts' one way from a request to the cells. Throws a
 * DomainError as {@link projectionBlock} does, and notFound for a reference that is not in the table.
 */
export function projectionBlockFor(request: ProjectionRequest, snapshot: TableRowsSnapshot, anchor: string): ProjectionBlock {
  const scenarios = locateScenarios(snapshot).map(({ name, rowNumber }) => ({ name, rowNumber }));
  return projectionBlock({
    mode: request.mode ?? "price",
    horizonMonths: request.horizonMonths,
    baseValueUsd: request.baseValueUsd,
    scenarios,
    reference: findReferenceScenario(scenarios, request.referenceScenarioName),
    bandPercentiles: request.bandPercentiles === true,
    anchor,
  });
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
