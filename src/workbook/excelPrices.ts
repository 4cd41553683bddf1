import { malformed } from "../core/errors";
import type { ModelPriceRow } from "../core/priceCatalog";
import { parseCellAddress, parseRangeAddress } from "../sheet/addresses";
import type { PriceRowsResult, PricesState } from "../sheet/port";
import {
  PRICES_COLUMN_COUNT,
  PRICES_DATE_FORMAT,
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
} from "../sheet/pricesLayout";
import {
  analysePrices,
  damagedPricesSheet,
  planPriceRows,
  pricesNameNeedsPointing,
  pricesSnapshotFromGrid,
  PRICES_SNAPSHOT_RANGE,
  type PricesSnapshot,
} from "../sheet/pricesSheet";
import type { TableInfo } from "../sheet/snapshot";

/**
 * The "AICOST Prices" sheet on Office.js (issue 10), for ExcelWorkbook: each function takes the
 * request context, queues its reads and writes and syncs once per step, never in a loop. The
 * layout, the judgement and the plan of every write come from src/sheet/pricesSheet.ts, as in
 * the preview.
 */

/** Column widths in points: model, provider, date, six prices, source, note. */
const columnWidthsPoints: readonly [string, number][] = [
  ["A:A", 190],
  ["B:B", 100],
  ["C:C", 80],
  ["D:F", 62],
  ["G:G", 260],
  ["H:J", 62],
  ["K:K", 260],
];

interface PriceLookups {
  readonly sheet: Excel.Worksheet;
  readonly name: Excel.NamedItem;
  readonly table: Excel.Table;
}

function queueLookups(context: Excel.RequestContext): PriceLookups {
  const sheet = context.workbook.worksheets.getItemOrNullObject(PRICES_SHEET_NAME);
  const name = context.workbook.names.getItemOrNullObject(PRICES_DEFINED_NAME);
  const table = context.workbook.tables.getItemOrNullObject(PRICES_TABLE_NAME);
  sheet.load("name");
  name.load("formula");
  table.load("name");
  return { sheet, name, table };
}

interface PriceReads {
  readonly grid: Excel.Range;
  readonly tables: Excel.TableCollection;
  readonly tableRange: Excel.Range | null;
  readonly tableSheet: Excel.Worksheet | null;
}

function queueReads(lookups: PriceLookups): PriceReads {
  const grid = lookups.sheet.getRange(PRICES_SNAPSHOT_RANGE);
  grid.load("values");
  const tables = lookups.sheet.tables;
  tables.load("items/name");
  const tableRange = lookups.table.isNullObject ? null : lookups.table.getRange();
  tableRange?.load("address");
  const tableSheet = lookups.table.isNullObject ? null : lookups.table.worksheet;
  tableSheet?.load("name");
  return { grid, tables, tableRange, tableSheet };
}

/** The address without its sheet part: "'AICOST Prices'!A4:K9" -> "A4:K9". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

function snapshotOf(lookups: PriceLookups, reads: PriceReads): PricesSnapshot {
  const onThisSheet = reads.tableSheet !== null && reads.tableSheet.name === lookups.sheet.name;
  const tables: TableInfo[] = reads.tables.items.map((table) => ({
    name: table.name,
    address: table.name.toLowerCase() === PRICES_TABLE_NAME.toLowerCase() && onThisSheet && reads.tableRange !== null ? localAddress(reads.tableRange.address) : "",
  }));
  return pricesSnapshotFromGrid({
    values: reads.grid.values,
    nameReference: lookups.name.isNullObject ? null : String(lookups.name.formula),
    tables,
  });
}

function writeLayout(sheet: Excel.Worksheet): void {
  sheet.getRange("A1").values = [[PRICES_SHEET_TITLE]];
  sheet.getRange("A2").values = [[PRICES_SHEET_NOTE]];
  sheet.getRange(`A${PRICES_HEADER_ROW}:${PRICES_LAST_COLUMN}${PRICES_HEADER_ROW}`).values = [[...PRICES_HEADERS]];
}

function pointName(context: Excel.RequestContext, sheet: Excel.Worksheet, name: Excel.NamedItem): void {
  if (name.isNullObject) {
    context.workbook.names.add(
      PRICES_DEFINED_NAME,
      sheet.getRange(`A${PRICES_HEADER_ROW}:${PRICES_LAST_COLUMN}${PRICES_LAST_ROW}`),
      "AICOST's prices table (header and 500 rows): =AICOST.MODEL_PRICE(model, type, , AICOST_PRICES) reads only it.",
    );
  } else {
    name.formula = `=${PRICES_NAME_REFERENCE}`;
  }
}

/** A real table over the header and the rows (at least one row: an Excel table has one). */
function addTable(sheet: Excel.Worksheet, lastRow: number): Excel.Table {
  const table = sheet.tables.add(sheet.getRange(`A${PRICES_HEADER_ROW}:${PRICES_LAST_COLUMN}${Math.max(PRICES_FIRST_ROW, lastRow)}`), true);
  table.name = PRICES_TABLE_NAME;
  return table;
}

function lastFilledRow(snapshot: PricesSnapshot): number {
  return PRICES_FIRST_ROW + snapshot.rows.length - 1;
}

/** Queues a new prices sheet: layout, formats, widths, the table and the name. */
function queueNewSheet(context: Excel.RequestContext, lookups: PriceLookups): { sheet: Excel.Worksheet; table: Excel.Table } {
  const sheet = context.workbook.worksheets.add(PRICES_SHEET_NAME);
  writeLayout(sheet);
  sheet.getRange(`C${PRICES_FIRST_ROW}:C${PRICES_LAST_ROW}`).numberFormat = Array.from({ length: PRICES_LAST_ROW - PRICES_FIRST_ROW + 1 }, () => [PRICES_DATE_FORMAT]);
  for (const [columns, widthPoints] of columnWidthsPoints) {
    sheet.getRange(columns).format.columnWidth = widthPoints;
  }
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 14;
  sheet.getRange(`A${PRICES_HEADER_ROW}:${PRICES_LAST_COLUMN}${PRICES_HEADER_ROW}`).format.font.bold = true;
  const table = addTable(sheet, PRICES_FIRST_ROW);
  pointName(context, sheet, lookups.name);
  return { sheet, table };
}

function tableOnOtherSheet(lookups: PriceLookups, reads: PriceReads | null): string | null {
  if (lookups.table.isNullObject || reads?.tableSheet == null) return null;
  return reads.tableSheet.name === lookups.sheet.name ? null : reads.tableSheet.name;
}

/** Reads the prices sheet. */
export async function readExcelPrices(context: Excel.RequestContext): Promise<PricesState> {
  const lookups = queueLookups(context);
  await context.sync();
  if (lookups.sheet.isNullObject) {
    return { status: "missing" };
  }
  const reads = queueReads(lookups);
  await context.sync();
  return analysePrices(snapshotOf(lookups, reads));
}

/** Creates the prices sheet, or repairs its layout, name and table, keeping every row. */
export async function setUpExcelPrices(context: Excel.RequestContext): Promise<void> {
  const lookups = queueLookups(context);
  await context.sync();
  if (lookups.sheet.isNullObject) {
    if (!lookups.table.isNullObject) {
      const tableSheet = lookups.table.worksheet;
      tableSheet.load("name");
      await context.sync();
      throw malformed(`The AICOST prices table is on the sheet "${tableSheet.name}"; rename that sheet back to "${PRICES_SHEET_NAME}".`);
    }
    queueNewSheet(context, lookups);
    await context.sync();
    return;
  }
  const reads = queueReads(lookups);
  await context.sync();
  const snapshot = snapshotOf(lookups, reads);
  if (analysePrices(snapshot).status === "ready") {
    return;
  }
  const elsewhere = tableOnOtherSheet(lookups, reads);
  if (elsewhere !== null) {
    // Table names are unique in the workbook: re-creating it here would fail late in the batch.
    throw malformed(`The AICOST prices table is on the sheet "${elsewhere}"; rename that table, or delete this sheet and rename "${elsewhere}" to "${PRICES_SHEET_NAME}", then set up again.`);
  }
  const hasTable = !lookups.table.isNullObject;
  const tableRanges = hasTable
    ? []
    : reads.tables.items.map((table) => {
        const range = table.getRange();
        range.load("address");
        return { table, range };
      });
  await context.sync();
  // Another table over the layout (the prices table renamed, or a table a user made) becomes
  // plain cells, keeping its data, so AICOST_Prices can be made over the rows again.
  for (const { table, range } of tableRanges) {
    const topLeft = parseCellAddress(localAddress(range.address));
    if (topLeft !== null && topLeft.rowNumber <= PRICES_LAST_ROW && topLeft.columnIndex < PRICES_COLUMN_COUNT) {
      table.convertToRange();
    }
  }
  writeLayout(lookups.sheet);
  if (!hasTable) {
    addTable(lookups.sheet, lastFilledRow(snapshot));
  }
  if (pricesNameNeedsPointing(snapshot.nameReference)) {
    pointName(context, lookups.sheet, lookups.name);
  }
  await context.sync();
}

/** Appends (or, when asked, replaces) price rows, creating the sheet when it is missing. */
export async function addExcelPriceRows(
  context: Excel.RequestContext,
  rows: readonly ModelPriceRow[],
  options: { readonly replaceConflicts?: boolean },
): Promise<PriceRowsResult> {
  const lookups = queueLookups(context);
  await context.sync();
  let sheet = lookups.sheet;
  let table = lookups.table;
  let snapshot: PricesSnapshot;
  let tableBottom: number | null = null;
  const createdSheet = lookups.sheet.isNullObject;
  if (createdSheet) {
    if (!lookups.table.isNullObject) {
      throw malformed(`A table named ${PRICES_TABLE_NAME} exists on another sheet; rename that sheet back to "${PRICES_SHEET_NAME}".`);
    }
    snapshot = { sheetExists: true, title: null, headers: [], rows: [], rowBelowCapacity: [], nameReference: null };
  } else {
    const reads = queueReads(lookups);
    await context.sync();
    snapshot = snapshotOf(lookups, reads);
    const state = analysePrices(snapshot);
    if (state.status === "damaged") {
      throw damagedPricesSheet(state.problems);
    }
    tableBottom = reads.tableRange === null ? null : (parseRangeAddress(localAddress(reads.tableRange.address))?.last.rowNumber ?? null);
  }
  const plan = planPriceRows(snapshot, rows, options);
  if (createdSheet) {
    ({ sheet, table } = queueNewSheet(context, lookups));
    tableBottom = PRICES_FIRST_ROW; // the new table's one empty row
  }
  // Rows inside the table (or replacing one) are written in place; rows just below it are added
  // to it, so the table grows with them; AICOST_PRICES covers them either way.
  const below: (string | number)[][] = [];
  for (const write of plan.writes) {
    const inputs = [...write.inputs];
    if (tableBottom !== null && write.rowNumber === tableBottom + below.length + 1) {
      below.push(inputs);
    } else {
      sheet.getRange(`A${write.rowNumber}:${PRICES_LAST_COLUMN}${write.rowNumber}`).values = [inputs];
    }
  }
  if (below.length > 0) {
    table.rows.add(undefined, below);
  }
  await context.sync();
  return { createdSheet, added: plan.added, unchanged: plan.unchanged, conflicts: plan.conflicts, replaced: plan.replaced };
}
