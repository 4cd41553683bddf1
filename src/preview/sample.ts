import { formulaName } from "../functions/parameters";
import { cellPosition } from "../sheet/addresses";
import { ASSUMPTIONS_SHEET_NAME } from "../sheet/layout";
import { bundledPriceCatalog, bundledPriceSeriesList } from "../core/bundledCatalog";
import { findModel } from "../core/priceLookup";
import { PRICES_DATE_FORMAT, PRICES_SHEET_NAME } from "../sheet/pricesLayout";
import { fitSeries, fittedNote, seriesLabel } from "../taskpane/fitState";
import { plainRow } from "../taskpane/pricesState";
import { PreviewDocument, type StoredCellContent } from "./document";
import { PreviewWorkbook, SimpleSelection } from "./previewWorkbook";

/**
 * The sample model the preview opens with: "AI support assistant, 36-month cost outlook". Every
 * assumption sits in a visible, labelled input cell; monthly token volumes grow; the monthly
 * cost is shown under each preset side by side (COST_CURVE over the month column, each reading
 * its row of the scenarios table) and under the active scenario (AICOST_SCENARIO).
 */

export const SAMPLE_SHEET_NAME = "AI support assistant";
export const SCRATCH_SHEET_NAME = "Try it";

/** Months in the outlook: month 0 (today) to month 35. */
export const SAMPLE_MONTHS = 36;
/** The first month's row, and the totals row. */
export const SAMPLE_FIRST_MONTH_ROW = 17;
export const SAMPLE_TOTAL_ROW = SAMPLE_FIRST_MONTH_ROW + SAMPLE_MONTHS;

/**
 * The sample's inputs. Prices: claude-sonnet-4-20250514's list price in the catalog (input $3,
 * output $15, cached input $0.30 per million tokens, from 2025-05-22), which the sample reads with
 * MODEL_PRICE from its own AICOST Prices sheet (see {@link addSamplePricesAndFit}); the numbers
 * here are what those formulas give.
 */
export const SAMPLE_INPUTS = {
  ticketsPerMonth: 20_000,
  monthlyGrowth: 0.04,
  inputTokensPerTicket: 6_000,
  outputTokensPerTicket: 800,
  inputUsdPerMillionTokens: 3,
  outputUsdPerMillionTokens: 15,
  cachedShare: 0.5,
  cachedInputUsdPerMillionTokens: 0.3,
} as const;

/** The model whose prices the sample uses, from the catalog. */
export const SAMPLE_MODEL = "claude-sonnet-4-20250514";

function samplePriceFormula(priceType: "input" | "output" | "cached_input"): string {
  return `=${formulaName("MODEL_PRICE")}("${SAMPLE_MODEL}", "${priceType}", , AICOST_PRICES)`;
}

const USD = "$#,##0.00";
const COUNT = "#,##0";
const PERCENT = "0.0%";

interface SampleCell {
  readonly address: string;
  readonly content: StoredCellContent;
  readonly format?: string;
}

function sampleCells(): SampleCell[] {
  const inputs = SAMPLE_INPUTS;
  const first = SAMPLE_FIRST_MONTH_ROW;
  const last = first + SAMPLE_MONTHS - 1;
  const cells: SampleCell[] = [
    { address: "A1", content: "AI support assistant: 36-month cost outlook" },
    { address: "A2", content: "Inputs are in column B (prices in USD per million tokens): change any of them and every month recalculates. Scenario parameters live on the AICOST Assumptions sheet; pick the active one in the task pane." },
    { address: "A4", content: "Inputs" },
    { address: "A5", content: "Tickets per month today" },
    { address: "B5", content: inputs.ticketsPerMonth, format: COUNT },
    { address: "A6", content: "Monthly growth in tickets" },
    { address: "B6", content: inputs.monthlyGrowth, format: PERCENT },
    { address: "A7", content: "Input tokens per ticket" },
    { address: "B7", content: inputs.inputTokensPerTicket, format: COUNT },
    { address: "A8", content: "Output tokens per ticket" },
    { address: "B8", content: inputs.outputTokensPerTicket, format: COUNT },
    { address: "A9", content: "Input price, USD / M tokens" },
    { address: "B9", content: samplePriceFormula("input"), format: USD },
    { address: "A10", content: "Output price, USD / M tokens" },
    { address: "B10", content: samplePriceFormula("output"), format: USD },
    { address: "A11", content: "Cached share of input tokens" },
    { address: "B11", content: inputs.cachedShare, format: PERCENT },
    { address: "A12", content: "Cached input price, USD / M tokens" },
    { address: "B12", content: samplePriceFormula("cached_input"), format: USD },
    { address: "A13", content: "Prices as of" },
    { address: "B13", content: `='${PRICES_SHEET_NAME}'!C5`, format: PRICES_DATE_FORMAT },
    { address: "C13", content: `${SAMPLE_MODEL} list price: MODEL_PRICE reads row 5 of the ${PRICES_SHEET_NAME} sheet (its source in column G); type a price over B9:B12 to use your own` },
    { address: "A14", content: "Active scenario" },
    { address: "B14", content: `='${ASSUMPTIONS_SHEET_NAME}'!B4` },
  ];
  cells.push({ address: `D${first - 2}`, content: "Monthly cost, USD, under each scenario" });
  const headers = ["Month", "Input tokens", "Output tokens"];
  headers.forEach((header, column) => cells.push({ address: `${String.fromCharCode(65 + column)}${first - 1}`, content: header }));
  cells.push({ address: `G${first - 1}`, content: "Active scenario" });
  // One COST_CURVE per preset: it spills the 36 monthly costs down from row `first`, reading a
  // row of the scenarios table (11 pessimistic, 12 baseline, 13 aggressive when set up). The
  // header is that row's name, so a sorted or renamed table never leaves a column mislabelled.
  const presetColumns: [column: string, tableRow: number][] = [["D", 11], ["E", 12], ["F", 13]];
  for (const [column, tableRow] of presetColumns) {
    cells.push({ address: `${column}${first - 1}`, content: `='${ASSUMPTIONS_SHEET_NAME}'!$A$${tableRow}` });
    cells.push({
      address: `${column}${first}`,
      content: `=${formulaName("COST_CURVE")}(B${first}:B${last}, C${first}:C${last}, $B$9, $B$10, '${ASSUMPTIONS_SHEET_NAME}'!$A$${tableRow}:$C$${tableRow}, 0, $B$11, $B$12)`,
      format: USD,
    });
  }
  for (let month = 0; month < SAMPLE_MONTHS; month++) {
    const row = first + month;
    cells.push(
      { address: `A${row}`, content: month === 0 ? 0 : `=A${row - 1}+1`, format: "0" },
      // Tickets grow by the monthly rate: tickets(t) = tickets today * (1 + growth)^t.
      { address: `B${row}`, content: `=$B$5*(1+$B$6)^A${row}*$B$7`, format: COUNT },
      { address: `C${row}`, content: `=$B$5*(1+$B$6)^A${row}*$B$8`, format: COUNT },
      {
        address: `G${row}`,
        content: `=${formulaName("PROJECT_COST")}(${formulaName("INFER_COST")}(B${row}, C${row}, $B$9, $B$10, $B$11, $B$12), A${row}, AICOST_SCENARIO)`,
        format: USD,
      },
    );
    if (month > 0) {
      // The spilled cells only carry a format: their values come from the COST_CURVE above.
      cells.push(...presetColumns.map(([column]) => ({ address: `${column}${row}`, content: "", format: USD })));
    }
  }
  cells.push({ address: `A${SAMPLE_TOTAL_ROW}`, content: "Total, 36 months" });
  for (const column of ["B", "C", "D", "E", "F", "G"]) {
    cells.push({ address: `${column}${SAMPLE_TOTAL_ROW}`, content: `=SUM(${column}${first}:${column}${last})`, format: column <= "C" ? COUNT : USD });
  }
  return cells;
}

/** The sheet row of the fiscal-year subtotals' header, two rows under the 36-month total. */
export const SAMPLE_FISCAL_YEAR_HEADER_ROW = SAMPLE_TOTAL_ROW + 2;
/** Fiscal-year rows: 36 months touch at most four fiscal years. */
export const SAMPLE_FISCAL_YEAR_ROWS = 4;

/**
 * The budget calendar of the sample (issue 9), kept apart from the model above: each month's date
 * (I, from AICOST_START_MONTH) and fiscal year (J, from AICOST_FY_START), and under the total one
 * subtotal row per fiscal year for every scenario column (D:F) and the active one (G), by SUMIFS
 * over the fiscal-year column, so the subtotals follow edits of the start month and the fiscal
 * year's first month. A row the 36 months do not reach shows blank.
 */
function fiscalYearCells(): SampleCell[] {
  const first = SAMPLE_FIRST_MONTH_ROW;
  const last = first + SAMPLE_MONTHS - 1;
  // The ranges run one row past the months, onto the total row (whose fiscal-year cell is empty,
  // so SUMIFS leaves it out): a range that is exactly a spilled COST_CURVE's makes HyperFormula
  // 2.x throw "Unknown array" once that spill turns into an error (a scenario row holding text).
  const years = `$J$${first}:$J$${last + 1}`;
  const cells: SampleCell[] = [
    { address: `I${first - 1}`, content: "Month starting" },
    { address: `J${first - 1}`, content: "Fiscal year" },
    { address: `A${SAMPLE_FISCAL_YEAR_HEADER_ROW}`, content: "By fiscal year (AICOST_FY_START on the assumptions sheet)" },
  ];
  for (let month = 0; month < SAMPLE_MONTHS; month++) {
    const row = first + month;
    cells.push(
      { address: `I${row}`, content: `=EDATE(AICOST_START_MONTH,A${row})`, format: "mmm yyyy" },
      { address: `J${row}`, content: `=YEAR(EDATE(I${row},MOD(13-AICOST_FY_START,12)))`, format: '"FY"0' },
    );
  }
  for (let index = 0; index < SAMPLE_FISCAL_YEAR_ROWS; index++) {
    const row = SAMPLE_FISCAL_YEAR_HEADER_ROW + 1 + index;
    const year = `$J$${first}+${index}`;
    cells.push(
      { address: `A${row}`, content: `=IF(${year}>$J$${last},"","FY"&(${year})&" total")` },
      { address: `B${row}`, content: `=IF($A${row}="","",COUNTIF(${years},${year}))`, format: '0" months"' },
      ...["D", "E", "F", "G"].map((column) => ({
        address: `${column}${row}`,
        content: `=IF($A${row}="","",SUMIFS(${column}$${first}:${column}$${last + 1},${years},${year}))`,
        format: USD,
      })),
    );
  }
  return cells;
}

const scratchCells: SampleCell[] = [
  { address: "A1", content: "Try the functions here: select a cell, type a formula in the formula bar and press Enter." },
  { address: "A3", content: "Price today, USD per million tokens" },
  { address: "B3", content: 3, format: USD },
  { address: "A4", content: "In 12 months, active scenario" },
  { address: "B4", content: `=${formulaName("PROJECT_PRICE")}(B3, 12, AICOST_SCENARIO)`, format: "$#,##0.00##" },
  { address: "A5", content: "Months until half today's price" },
  { address: "B5", content: `=${formulaName("MONTHS_TO_PRICE")}(B3, B3/2, AICOST_SCENARIO)`, format: "0.0" },
  { address: "A6", content: "Active scenario (label, m, f)" },
  { address: "B6", content: `=${formulaName("SCENARIO_PARAMS")}(AICOST_SCENARIO)` },
  { address: "A8", content: "Price curve, 12 months (spills)" },
  { address: "B8", content: `=${formulaName("PRICE_CURVE")}(B3, 12, AICOST_SCENARIO)` },
];

/**
 * A fresh copy of the sample workbook: the sample sheet, the AICOST Assumptions sheet set up as
 * the task pane's Set up does it, and a sheet to try formulas on.
 */
export async function createSampleDocument(): Promise<PreviewDocument> {
  const workbookDocument = PreviewDocument.empty(SAMPLE_SHEET_NAME);
  // The assumptions sheet first, so that AICOST_SCENARIO exists when the sample's formulas parse.
  await new PreviewWorkbook(workbookDocument, new SimpleSelection()).setUpAssumptions();
  const scratch = workbookDocument.hf.getSheetId(workbookDocument.hf.addSheet(SCRATCH_SHEET_NAME)) as number;
  // The prices sheet too, so that AICOST_PRICES exists when B9:B12 parse.
  await addSamplePricesAndFit(new PreviewWorkbook(workbookDocument, new SimpleSelection()));
  const sample = workbookDocument.sheetId(SAMPLE_SHEET_NAME) as number;
  workbookDocument.hf.batch(() => {
    for (const [sheet, cells] of [[sample, [...sampleCells(), ...fiscalYearCells()]], [scratch, scratchCells]] as const) {
      for (const cell of cells) {
        const position = { sheet, ...(cellPosition(cell.address) as { row: number; col: number }) };
        if (cell.content !== "") {
          workbookDocument.hf.setCellContents(position, cell.content);
        }
        if (cell.format !== undefined) {
          workbookDocument.setFormat(sheet, cell.address, cell.format);
        }
      }
    }
  });
  workbookDocument.activeSheet = SAMPLE_SHEET_NAME;
  return workbookDocument;
}

/**
 * The sample's part of issue 10: the AICOST Prices sheet holding the catalog's row for
 * {@link SAMPLE_MODEL} (which B9:B12 read with MODEL_PRICE over AICOST_PRICES), and a scenario
 * row fitted to the shipped GPT-4-level series, as the pane's Fit a scenario from data adds it:
 * m from the fit, a 1% floor (judgement: a fit does not measure one) and a note naming the data.
 */
async function addSamplePricesAndFit(workbook: PreviewWorkbook): Promise<void> {
  const history = findModel(bundledPriceCatalog(), SAMPLE_MODEL);
  await workbook.addPriceRows([plainRow(history.rows[history.rows.length - 1])]);
  const [series] = bundledPriceSeriesList();
  const fitted = fitSeries(series);
  if (!fitted.ok) {
    throw new Error(`The sample's series does not fit: ${fitted.message}`);
  }
  await workbook.addScenario({
    name: `fitted ${seriesLabel(series).split(",")[0]}`,
    annualPriceMultiplier: fitted.fitted.fit.annualPriceMultiplier,
    floorShare: SAMPLE_FITTED_FLOOR_SHARE,
    note: fittedNote(fitted.fitted),
  });
}

/** The floor of the sample's fitted scenario: 1% of today's price, the baseline's. */
export const SAMPLE_FITTED_FLOOR_SHARE = 0.01;
