import { HyperFormula, type RawCellContent } from "hyperformula";
import { cellAddress, cellPosition } from "../sheet/addresses";
import { DEFAULT_PREFERENCES, type PanePreferences } from "../sheet/port";
import { registerAicostPlugin } from "./aicostPlugin";

/**
 * The preview's workbook document: a HyperFormula engine (the cells and their formulas), the
 * number formats HyperFormula does not keep, workbook-scoped names and the task pane's
 * preferences. It serialises to the plain {@link StoredWorkbook} kept in localStorage and
 * written to .xlsx.
 */

/** What one stored cell holds: a formula (text starting with "="), text, a number or a boolean. */
export type StoredCellContent = string | number | boolean;

export interface StoredSheet {
  readonly name: string;
  /** Non-empty cells by A1 address ("B4"); spilled cells are not stored, only their formula. */
  readonly cells: Readonly<Record<string, StoredCellContent>>;
  /** Number formats by A1 address, in Excel's format code ("$#,##0.00"). */
  readonly formats: Readonly<Record<string, string>>;
}

/**
 * A chart that Insert projection added beside its table: the sheet it belongs to, the ranges it
 * plots (without the sheet part) and the cell at its top-left corner.
 */
export interface StoredChart {
  readonly sheetName: string;
  /** The projection block, e.g. "F3:J41". */
  readonly blockRange: string;
  /** The price columns with their header row, e.g. "G4:J41". */
  readonly seriesRange: string;
  /** The months, e.g. "F5:F41". */
  readonly categoryRange: string;
  /** The cell under the chart's top-left corner, e.g. "L3". */
  readonly topLeft: string;
}

/** A change the engine's own undo history does not hold: a number format, or the list of charts. */
export type SideChange =
  | { readonly kind: "format"; readonly sheet: number; readonly address: string; readonly before: string | undefined; readonly after: string | undefined }
  | { readonly kind: "charts"; readonly before: readonly StoredChart[]; readonly after: readonly StoredChart[] };

/** The whole workbook as plain data (version 1). */
export interface StoredWorkbook {
  readonly version: 1;
  readonly sheets: readonly StoredSheet[];
  /** Workbook-scoped names, e.g. AICOST_SCENARIO -> ='AICOST Assumptions'!$A$7:$C$7. */
  readonly names: readonly { readonly name: string; readonly expression: string }[];
  readonly preferences: PanePreferences;
  /** The sheet shown when the workbook opens. */
  readonly activeSheet: string;
  /** Insert projection's charts; absent when there are none (and in workbooks saved before charts were kept). */
  readonly charts?: readonly StoredChart[];
}

export const STORED_WORKBOOK_VERSION = 1;

/** A 0-based cell position on one sheet. */
export interface CellPosition {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** "B4" for a 0-based row and column. */
export function toA1(row: number, col: number): string {
  return cellAddress(col, row + 1);
}

/**
 * HyperFormula's settings for the preview. smartRounding off: values come out as JavaScript
 * computed them (HyperFormula would otherwise round every result to 10 significant digits and
 * treat numbers within 1e-13 as equal), so data-value, the .xlsx cached values and Excel agree.
 */
export const PREVIEW_ENGINE_CONFIG = {
  licenseKey: "gpl-v3",
  smartRounding: false,
  // Excel's 1900 date system: serial 1 is 1900-01-01 and 60 is Excel's 1900-02-29, so DATE(),
  // typed dates and the grid's date formats agree with Excel for every serial.
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
} as const;

/**
 * How many engine operations HyperFormula keeps for undo: well above the preview's own history
 * (src/preview/undo.ts, 100 steps of a few operations each), so the history's steps never lose
 * their operations to HyperFormula's eviction.
 */
export const ENGINE_UNDO_LIMIT = 1000;

export class PreviewDocument {
  readonly hf: HyperFormula;
  private readonly formats = new Map<number, Map<string, string>>();
  private preferencesValue: PanePreferences = DEFAULT_PREFERENCES;
  private readonly listeners = new Set<() => void>();
  private readonly sideListeners = new Set<(change: SideChange) => void>();
  private chartList: readonly StoredChart[] = [];
  activeSheet: string;

  private constructor(hf: HyperFormula, activeSheet: string) {
    this.hf = hf;
    this.activeSheet = activeSheet;
    hf.on("valuesUpdated", () => this.changed());
    hf.on("sheetAdded", () => this.changed());
    hf.on("sheetRemoved", () => this.changed());
    hf.on("namedExpressionAdded", () => this.changed());
    hf.on("namedExpressionRemoved", () => this.changed());
  }

  /** An empty workbook with one sheet. */
  static empty(firstSheetName = "Sheet1"): PreviewDocument {
    return PreviewDocument.fromStored({
      version: STORED_WORKBOOK_VERSION,
      sheets: [{ name: firstSheetName, cells: {}, formats: {} }],
      names: [],
      preferences: DEFAULT_PREFERENCES,
      activeSheet: firstSheetName,
    });
  }

  /** Rebuilds a document from stored data (already validated by parseStoredWorkbook). */
  static fromStored(stored: StoredWorkbook): PreviewDocument {
    registerAicostPlugin();
    const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG, maxRows: 10_000, maxColumns: 200, undoLimit: ENGINE_UNDO_LIMIT });
    const workbookDocument = new PreviewDocument(hf, stored.activeSheet);
    hf.batch(() => {
      for (const sheet of stored.sheets) {
        hf.addSheet(sheet.name);
      }
      // Names before cells, so formulas that use them parse as names.
      for (const { name, expression } of stored.names) {
        hf.addNamedExpression(name, expression);
      }
      for (const sheet of stored.sheets) {
        const sheetId = hf.getSheetId(sheet.name) as number;
        hf.setSheetContent(sheetId, toRows(sheet.cells));
        workbookDocument.formats.set(sheetId, new Map(Object.entries(sheet.formats)));
      }
    });
    workbookDocument.preferencesValue = stored.preferences;
    workbookDocument.chartList = stored.charts ?? [];
    if (hf.getSheetId(stored.activeSheet) === undefined) {
      workbookDocument.activeSheet = stored.sheets[0]?.name ?? "";
    }
    return workbookDocument;
  }

  /** The workbook as plain data: formulas, not their spilled values. */
  toStored(): StoredWorkbook {
    const sheets = this.hf.getSheetNames().map((name) => {
      const sheetId = this.hf.getSheetId(name) as number;
      const cells: Record<string, StoredCellContent> = {};
      const { width, height } = this.hf.getSheetDimensions(sheetId);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const content = this.storedContent({ sheet: sheetId, row, col });
          if (content !== null) {
            cells[toA1(row, col)] = content;
          }
        }
      }
      return { name, cells, formats: Object.fromEntries(this.formats.get(sheetId) ?? []) };
    });
    const names = this.hf
      .listNamedExpressions()
      .map((name) => ({ name, expression: String(this.hf.getNamedExpressionFormula(name) ?? "") }));
    const stored = { version: STORED_WORKBOOK_VERSION, sheets, names, preferences: this.preferencesValue, activeSheet: this.activeSheet } as const;
    return this.chartList.length === 0 ? stored : { ...stored, charts: this.chartList };
  }

  /** What the user typed into a cell: its formula, or its value; null for empty and spilled cells. */
  storedContent(position: CellPosition): StoredCellContent | null {
    const formula = this.hf.getCellFormula(position);
    if (formula !== undefined) {
      return formula;
    }
    if (this.hf.isCellPartOfArray(position)) {
      return null;
    }
    const value = this.hf.getCellSerialized(position);
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }

  sheetId(name: string): number | undefined {
    return this.hf.getSheetId(name);
  }

  /** The Excel number format of a cell, or undefined for General. */
  formatAt(position: CellPosition): string | undefined {
    return this.formats.get(position.sheet)?.get(toA1(position.row, position.col));
  }

  setFormat(sheetId: number, address: string, format: string | undefined): void {
    let sheetFormats = this.formats.get(sheetId);
    if (!sheetFormats) {
      sheetFormats = new Map();
      this.formats.set(sheetId, sheetFormats);
    }
    const before = sheetFormats.get(address);
    if (format === undefined) {
      sheetFormats.delete(address);
    } else {
      sheetFormats.set(address, format);
    }
    if (before !== format) {
      this.sideChanged({ kind: "format", sheet: sheetId, address, before, after: format });
    }
    this.changed();
  }

  /** Insert projection's charts, on every sheet. */
  get charts(): readonly StoredChart[] {
    return this.chartList;
  }

  setCharts(charts: readonly StoredChart[]): void {
    const before = this.chartList;
    this.chartList = charts;
    this.sideChanged({ kind: "charts", before, after: charts });
    this.changed();
  }

  /** Calls `listener` with each change to formats or charts, which the engine's undo does not cover. */
  onSideChange(listener: (change: SideChange) => void): () => void {
    this.sideListeners.add(listener);
    return () => this.sideListeners.delete(listener);
  }

  /** Tells the listeners the document changed where the engine does not say so (an undo that changed formulas only). */
  notifyChanged(): void {
    this.changed();
  }

  private sideChanged(change: SideChange): void {
    for (const listener of this.sideListeners) {
      listener(change);
    }
  }

  get preferences(): PanePreferences {
    return this.preferencesValue;
  }

  set preferences(preferences: PanePreferences) {
    this.preferencesValue = preferences;
    this.changed();
  }

  /** Calls `listener` after any change to cells, sheets, names, formats or preferences. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

function toRows(cells: Readonly<Record<string, StoredCellContent>>): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const [address, content] of Object.entries(cells)) {
    const position = cellPosition(address);
    if (position === null) {
      continue;
    }
    const row = (rows[position.row] ??= []);
    row[position.col] = content;
  }
  // HyperFormula wants dense rows: fill the holes left by sparse addresses.
  for (let index = 0; index < rows.length; index++) {
    const row = (rows[index] ??= []);
    for (let col = 0; col < row.length; col++) {
      row[col] ??= null;
    }
  }
  return rows;
}
