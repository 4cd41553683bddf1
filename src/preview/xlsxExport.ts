import ExcelJS from "exceljs";
import type { CellValue } from "hyperformula";
import {
  ASSUMPTIONS_SHEET_NAME,
  ACTIVE_SCENARIO_CELL,
  ACTIVE_SCENARIO_DROPDOWN_ALERT,
  NOTE_COLUMN_INDEX,
  SCENARIOS_TABLE_NAME,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_HEADERS,
  TABLE_LAST_ROW,
} from "../sheet/layout";
import { AICOST_NAMESPACE } from "../core/namespace";
import { PRICES_FIRST_ROW, PRICES_HEADER_ROW, PRICES_HEADERS, PRICES_LAST_ROW, PRICES_SHEET_NAME, PRICES_TABLE_NAME } from "../sheet/pricesLayout";
import { toA1, type CellPosition, type PreviewDocument } from "./document";
import { asExcelSaves } from "./excelPackage";

/**
 * "Download .xlsx": the preview workbook as a real Excel file, written with ExcelJS (loaded only
 * when the user asks for a download, never part of the add-in). Formulas keep their cached
 * values and number formats; the assumptions sheet gets a real table named AICOST_Scenarios and
 * the dropdown on B4; workbook-scoped names such as AICOST_SCENARIO become defined names.
 *
 * Excel stores a call to an Office add-in's custom function in the file as `_xldudf_` followed by
 * the namespace and the function id joined by "_" (`AICOST.PROJECT_PRICE(...)` is written
 * `_xldudf_AICOST_PROJECT_PRICE(...)`), and maps it back to the function once the add-in's
 * metadata is loaded; see docs/PREVIEW.md. The export writes that form.
 */

const FILE_PREFIX = `_xldudf_${AICOST_NAMESPACE}_`;

/** Rewrites text outside string literals and quoted sheet names. */
function outsideQuotes(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/**
 * A preview formula as Excel stores it in a file: no leading "=", AICOST calls in `_xldudf_` form.
 *
 * @example toFileFormula("=AICOST.PROJECT_PRICE(B1, 12, AICOST_SCENARIO)") // "_xldudf_AICOST_PROJECT_PRICE(B1, 12, AICOST_SCENARIO)"
 */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return outsideQuotes(body, (code) => code.replace(new RegExp(`\\b${AICOST_NAMESPACE}\\.([A-Z_]+)\\s*\\(`, "gi"), (_match, id: string) => `${FILE_PREFIX}${id.toUpperCase()}(`));
}

/**
 * A formula read from a file as the preview (and Excel's formula bar) writes it.
 *
 * @example fromFileFormula("_xldudf_AICOST_PROJECT_PRICE(B1, 12)") // "=AICOST.PROJECT_PRICE(B1, 12)"
 */
export function fromFileFormula(formula: string): string {
  return `=${outsideQuotes(formula, (code) => code.replace(new RegExp(`\\b${FILE_PREFIX}([A-Z_]+)\\s*\\(`, "gi"), (_match, id: string) => `${AICOST_NAMESPACE}.${id}(`))}`;
}

type CachedResult = number | string | boolean | ExcelJS.CellErrorValue;
const fileErrors = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

function cachedResult(value: CellValue): CachedResult | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === "object") {
    // #SPILL!, #CYCLE! and HyperFormula's own codes have no cached form in older files.
    return { error: (fileErrors.has(value.value) ? value.value : "#VALUE!") as ExcelJS.CellErrorValue["error"] };
  }
  return value;
}

/** The rectangle a spilled formula covers, from its anchor: the array cells right of and below it. */
function spillRange(workbookDocument: PreviewDocument, anchor: CellPosition): string {
  const { hf } = workbookDocument;
  const continues = (row: number, col: number) =>
    hf.isCellPartOfArray({ sheet: anchor.sheet, row, col }) && hf.getCellFormula({ sheet: anchor.sheet, row, col }) === undefined;
  let lastRow = anchor.row;
  while (continues(lastRow + 1, anchor.col)) lastRow++;
  let lastCol = anchor.col;
  while (continues(anchor.row, lastCol + 1)) lastCol++;
  return `${toA1(anchor.row, anchor.col)}:${toA1(lastRow, lastCol)}`;
}

function writeSheet(workbookDocument: PreviewDocument, sheet: number, worksheet: ExcelJS.Worksheet): void {
  const { hf } = workbookDocument;
  const { width, height } = hf.getSheetDimensions(sheet);
  const longest = new Array<number>(width).fill(8);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const position = { sheet, row, col };
      const value = hf.getCellValue(position);
      const formula = hf.getCellFormula(position);
      const cell = worksheet.getCell(toA1(row, col));
      if (formula !== undefined) {
        const result = cachedResult(value);
        const spills = hf.isCellPartOfArray(position) && spillRange(workbookDocument, position);
        cell.value = spills && spills.split(":")[0] !== spills.split(":")[1]
          ? ({ formula: toFileFormula(formula), result, shareType: "array", ref: spills } as ExcelJS.CellFormulaValue)
          : { formula: toFileFormula(formula), result };
      } else if (value !== null && typeof value !== "object") {
        cell.value = value;
      } else if (value !== null) {
        cell.value = cachedResult(value) as ExcelJS.CellErrorValue;
      }
      const format = workbookDocument.formatAt(position);
      if (format !== undefined) {
        cell.numFmt = format;
      }
      if (typeof value === "string" && hf.getCellValue({ sheet, row, col: col + 1 }) !== null) {
        longest[col] = Math.max(longest[col], Math.min(value.length, 50));
      } else if (typeof value === "number") {
        longest[col] = Math.max(longest[col], 14);
      }
    }
  }
  longest.forEach((characters, index) => {
    worksheet.getColumn(index + 1).width = characters + 2;
  });
}

/** Adds the scenarios table over the assumptions sheet's rows, and the dropdown on B4. */
function addScenariosTable(workbookDocument: PreviewDocument, sheet: number, worksheet: ExcelJS.Worksheet): void {
  const { hf } = workbookDocument;
  const rows: ExcelJS.CellValue[][] = [];
  const columns = TABLE_HEADERS.map((_header, col) => col);
  for (let row = TABLE_FIRST_ROW - 1; row < TABLE_LAST_ROW; row++) {
    const values = columns.map((col) => hf.getCellValue({ sheet, row, col }));
    if ([values[0], values[1], values[2], values[NOTE_COLUMN_INDEX]].every((cell) => cell === null || cell === "")) break;
    rows.push(
      values.map((value, col): ExcelJS.CellValue => {
        // The readings are formulas over m and f, and stay formulas in the file.
        const formula = hf.getCellFormula({ sheet, row, col });
        if (formula !== undefined) return { formula: toFileFormula(formula), result: cachedResult(value) } as ExcelJS.CellFormulaValue;
        return typeof value === "object" && value !== null ? value.value : value;
      }),
    );
  }
  if (rows.length === 0) {
    return;
  }
  // addTable rewrites the cells, so their number formats are put back after it.
  const formats = rows.map((_row, index) => columns.map((col) => worksheet.getCell(toA1(TABLE_FIRST_ROW - 1 + index, col)).numFmt));
  worksheet.addTable({
    name: SCENARIOS_TABLE_NAME,
    ref: `A${TABLE_HEADER_ROW}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: TABLE_HEADERS.map((name) => ({ name, filterButton: true })),
    rows,
  });
  formats.forEach((rowFormats, index) => {
    rowFormats.forEach((format, col) => {
      if (format) worksheet.getCell(toA1(TABLE_FIRST_ROW - 1 + index, col)).numFmt = format;
    });
  });
  worksheet.getCell(ACTIVE_SCENARIO_CELL).dataValidation = {
    type: "list",
    allowBlank: false,
    showErrorMessage: true,
    errorTitle: ACTIVE_SCENARIO_DROPDOWN_ALERT.title,
    error: ACTIVE_SCENARIO_DROPDOWN_ALERT.message,
    formulae: [`INDIRECT("${SCENARIOS_TABLE_NAME}[${TABLE_HEADERS[0]}]")`],
  };
}

/**
 * Adds the prices table AICOST_Prices over the prices sheet's header and rows (issue 10), as the
 * Excel implementation makes it; the name AICOST_PRICES is exported with the other names.
 */
function addPricesTable(workbookDocument: PreviewDocument, sheet: number, worksheet: ExcelJS.Worksheet): void {
  const { hf } = workbookDocument;
  const columns = PRICES_HEADERS.map((_header, col) => col);
  const rows: (string | number | boolean | null)[][] = [];
  for (let row = PRICES_FIRST_ROW - 1; row < PRICES_LAST_ROW; row++) {
    rows.push(columns.map((col) => {
      const cell = hf.getCellValue({ sheet, row, col });
      return typeof cell === "object" && cell !== null ? cell.value : cell;
    }));
  }
  while (rows.length > 1 && rows[rows.length - 1].every((cell) => cell === null || cell === "")) rows.pop();
  const formats = rows.map((_row, index) => columns.map((col) => worksheet.getCell(toA1(PRICES_FIRST_ROW - 1 + index, col)).numFmt));
  worksheet.addTable({
    name: PRICES_TABLE_NAME,
    ref: `A${PRICES_HEADER_ROW}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: PRICES_HEADERS.map((name) => ({ name, filterButton: true })),
    rows,
  });
  formats.forEach((rowFormats, index) =>
    rowFormats.forEach((format, col) => {
      if (format) worksheet.getCell(toA1(PRICES_FIRST_ROW - 1 + index, col)).numFmt = format;
    }),
  );
}

/**
 * The whole preview workbook as the bytes of an .xlsx file, with AICOST calls stored as Excel
 * stores them (dynamic-array metadata, the add-in's web extension part; see excelPackage.ts).
 */
export async function exportXlsx(workbookDocument: PreviewDocument): Promise<Uint8Array<ArrayBufferLike>> {
  const { hf } = workbookDocument;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "AICOST preview";
  workbook.created = new Date();
  for (const name of hf.getSheetNames()) {
    const sheet = workbookDocument.sheetId(name) as number;
    const worksheet = workbook.addWorksheet(name);
    writeSheet(workbookDocument, sheet, worksheet);
    if (name === ASSUMPTIONS_SHEET_NAME) {
      addScenariosTable(workbookDocument, sheet, worksheet);
    }
    if (name === PRICES_SHEET_NAME) {
      addPricesTable(workbookDocument, sheet, worksheet);
    }
  }
  for (const name of hf.listNamedExpressions()) {
    const expression = String(hf.getNamedExpressionFormula(name) ?? "").replace(/^=/, "");
    workbook.definedNames.add(expression, name);
  }
  const active = workbook.worksheets.findIndex((worksheet) => worksheet.name === workbookDocument.activeSheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  return asExcelSaves(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The share-safe copy of the preview workbook, for "Download share-safe .xlsx". */
export async function exportShareSafeXlsx(workbookDocument: PreviewDocument) {
  const { shareSafeWorkbook } = await import("../share/package");
  return shareSafeWorkbook(await exportXlsx(workbookDocument));
}
