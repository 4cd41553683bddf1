import { MODEL_LIST_HEADER } from "../core/priceLookup";

/**
 * Where AICOST keeps the model prices a workbook uses (issue 10). Both hosts lay the sheet out
 * from these constants.
 *
 * Sheet "AICOST Prices", created on demand (the first Add to workbook, or Set up prices):
 *   A1        title; A2 what the sheet is, that MODEL_PRICE(..., AICOST_PRICES) reads only it
 *   A4:K4     the table's headers: Model, Provider, Effective from, Input, Output, Cached input,
 *             Source, Cache write, Batch input, Batch output, Note (MODELS' listing's columns)
 *   A5:K504   its rows: one model's prices from a date on, USD per million tokens
 *
 * The defined name AICOST_PRICES refers to the fixed range A4:K504, header included, rather than
 * to the table (AICOST_Prices[#All]): HyperFormula (the preview) has no tables and LibreOffice
 * reads structured references only in its own files, while a plain range reads the same
 * everywhere, and MODEL_PRICE skips its empty rows. In Excel the rows are also a real table named
 * AICOST_Prices (filters, banding, rows typed under it join it). The cost is a capacity of 500
 * rows, which the check reports when a table grows past it, as the scenarios table does.
 */
export const PRICES_SHEET_NAME = "AICOST Prices";
export const PRICES_DEFINED_NAME = "AICOST_PRICES";
export const PRICES_TABLE_NAME = "AICOST_Prices";

export const PRICES_HEADER_ROW = 4;
export const PRICES_FIRST_ROW = 5;
/** How many price rows AICOST_PRICES covers: rows 5 to 504. */
export const PRICES_CAPACITY = 500;
export const PRICES_LAST_ROW = PRICES_FIRST_ROW + PRICES_CAPACITY - 1;

/** The table's headers, in order: the first seven are the issue's, the others optional columns. */
export const PRICES_HEADERS: readonly string[] = MODEL_LIST_HEADER;
export const PRICES_COLUMN_COUNT = PRICES_HEADERS.length;
/** "K": the table's last column. */
export const PRICES_LAST_COLUMN = String.fromCharCode("A".charCodeAt(0) + PRICES_COLUMN_COUNT - 1);

/** `'AICOST Prices'!$A$4:$K$504`: what AICOST_PRICES refers to. */
export const PRICES_NAME_REFERENCE = `'${PRICES_SHEET_NAME}'!$A$${PRICES_HEADER_ROW}:$${PRICES_LAST_COLUMN}$${PRICES_LAST_ROW}`;

export const PRICES_SHEET_TITLE = "AICOST prices";
export const PRICES_SHEET_NOTE =
  "Model prices in USD per million tokens, each from its effective date, with its source. " +
  "=AICOST.MODEL_PRICE(model, type, , AICOST_PRICES) reads only this table, so the workbook's numbers depend on these cells. " +
  "Edit rows or add your own (negotiated prices, private models); AICOST never changes a row by itself.";

/** The Effective from column's date format (Excel's invariant code). */
export const PRICES_DATE_FORMAT = "yyyy-mm-dd";
