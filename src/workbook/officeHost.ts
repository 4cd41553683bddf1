/**
 * What the task pane needs to know about the Office host before it starts: which Excel API
 * requirement sets are missing, and whether Office shows a dark theme. These and
 * excelWorkbook.ts are the only places that touch `Office.*`. It also says when Office.js is
 * ready and whether the page is inside Excel.
 */

/**
 * Waits for Office.js to initialise and tells whether the page runs inside Excel: false in a
 * plain browser, where `Office.onReady` reports no host.
 */
export async function officeReadyInExcel(): Promise<boolean> {
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

/** Asks the host whether it supports a requirement set, as `Office.context.requirements.isSetSupported` does. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/**
 * The ExcelApi sets the add-in calls into, the newest first, and what each is needed for. The
 * version is the highest that any call in src/workbook/excelWorkbook.ts needs (from the
 * "[Api set: ...]" notes of the Office.js reference):
 * - 1.8: `Range.dataValidation` (the dropdown on B4), `Application.calculationMode` (a sensitivity
 *   sweep forces a calculation in manual mode, `Application.calculate` being 1.1);
 * - optional, 1.12: `Range.getDirectPrecedents` (see {@link tracesPrecedents});
 * - 1.7: `Worksheet.onChanged`, `WorksheetCollection.onAdded/onDeleted`, `Workbook.getActiveCell`,
 *   `NamedItem.formula` (read and set), `ChartAxis.scaleType` and `ChartAxis.setCategoryNames`;
 * - 1.4: `getItemOrNullObject` on worksheets (by name or id), tables and names,
 *   `NamedItemCollection.add`;
 * - 1.3: `TableCollection.add` given a Range (1.1 took only an address string);
 * - 1.2: `Workbook.onSelectionChanged`, `RangeFormat.columnWidth`, `Table.convertToRange`,
 *   `Table.worksheet`;
 * - 1.1: `TableRowCollection.add` of one row, `Table.name`, `ChartCollection.add`, `Chart.setPosition`,
 *   `Range.values/formulas/numberFormat/clear`, `Workbook.worksheets.getActiveWorksheet`.
 * `Office.context.document.settings` (the pane's preferences) is in the common Settings set,
 * which every Excel host has.
 */
export const REQUIRED_EXCEL_API_SETS: readonly { readonly version: string; readonly neededFor: string }[] = [
  { version: "1.8", neededFor: "the scenario dropdown in the Active scenario cell" },
  { version: "1.7", neededFor: "following changes to the assumptions, reading the selected cell, and the projection chart's log scale" },
  { version: "1.4", neededFor: "finding the assumptions sheet, its table and the AICOST_SCENARIO name" },
  { version: "1.2", neededFor: "following the selected cell and setting column widths" },
  { version: "1.1", neededFor: "tables, charts and cell ranges" },
];

/**
 * Whether the host can trace precedents (`Range.getDirectPrecedents`, ExcelApi 1.12), which the
 * sensitivity view uses to find an output's inputs; without it the user selects them.
 */
export function tracesPrecedents(isSetSupported: IsSetSupported = hostIsSetSupported()): boolean {
  return isSetSupported("ExcelApi", "1.12");
}

function hostIsSetSupported(): IsSetSupported {
  if (typeof Office === "undefined" || Office.context?.requirements == null) {
    return () => false;
  }
  const requirements = Office.context.requirements;
  return (name, minVersion) => requirements.isSetSupported(name, minVersion);
}

/**
 * One line in plain words for each ExcelApi requirement set the add-in needs and the host lacks;
 * empty when the host has them all.
 *
 * @example missingRequirementSets(() => false)[0] // "ExcelApi 1.8 (needed for the scenario dropdown in the Active scenario cell)"
 */
export function missingRequirementSets(isSetSupported: IsSetSupported = hostIsSetSupported()): string[] {
  return REQUIRED_EXCEL_API_SETS.filter(({ version }) => !isSetSupported("ExcelApi", version)).map(
    ({ version, neededFor }) => `ExcelApi ${version} (needed for ${neededFor})`,
  );
}

/** The colours of Office's theme that tell light from dark, as `Office.context.officeTheme` gives them. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance of a "#rrggbb" or "#rgb" colour, 0 (black) to 1 (white); null if it is not one. */
function luminance(colour: string): number | null {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim())?.[1];
  if (hex === undefined) {
    return null;
  }
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  const channel = (offset: number): number => {
    const srgb = parseInt(full.slice(offset, offset + 2), 16) / 255;
    return srgb <= 0.03928 ? srgb / 12.92 : Math.pow((srgb + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function hostTheme(): OfficeThemeColours | undefined {
  try {
    return typeof Office === "undefined" ? undefined : (Office.context?.officeTheme ?? undefined);
  } catch {
    return undefined; // some hosts throw for officeTheme where the API is unsupported
  }
}

/**
 * True when Office shows a dark theme (its body background is dark), false for a light one,
 * null when the host does not say (outside Office, or a host without officeTheme).
 *
 * @example officeThemeIsDark({ bodyBackgroundColor: "#262626" }) // true
 */
export function officeThemeIsDark(theme: OfficeThemeColours | undefined = hostTheme()): boolean | null {
  const background = theme?.bodyBackgroundColor;
  if (background == null) {
    return null;
  }
  const backgroundLuminance = luminance(background);
  // 0.18 is where white and black text have equal contrast (sqrt(1.05 * 0.05) - 0.05).
  return backgroundLuminance === null ? null : backgroundLuminance < 0.18;
}
