import { parseCellAddress } from "../sheet/addresses";

/**
 * What the Name Box accepts, as Excel's does: a cell or a range address, with or without a sheet
 * ("L58", "B2:D5", "'AICOST Assumptions'!B4"), or a defined name in any case ("AICOST_SCENARIO",
 * "aicost_scenario"), which selects the range it refers to on its sheet. Pure: the workbook's
 * sheet names and defined names in, the range to select (or a message saying why none) out.
 */

/** A range to select: 0-based, inclusive; `sheetName` null for the sheet on screen. */
export interface NameBoxTarget {
  readonly sheetName: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The defined name typed, as the workbook spells it, when the target came from one. */
  readonly name?: string;
}

export type NameBoxResolution =
  | { readonly kind: "target"; readonly target: NameBoxTarget }
  | { readonly kind: "unknown"; readonly message: string };

export interface NameBoxWorkbook {
  readonly sheetNames: readonly string[];
  readonly names: readonly { readonly name: string; readonly expression: string }[];
}

/** "A1", "$A$1:$C$7", "Sheet1!B2:D5" or "'My sheet'!B4" as a range; null when it is not one. */
function parseRange(text: string, sheetNames: readonly string[]): { target: NameBoxTarget } | { unknownSheet: string } | null {
  const trimmed = text.trim();
  const bang = trimmed.lastIndexOf("!");
  const sheetPart = bang < 0 ? "" : trimmed.slice(0, bang + 1);
  const [first, last, extra] = trimmed.slice(bang + 1).split(":");
  if (extra !== undefined) return null;
  const start = parseCellAddress(`${sheetPart}${first}`);
  const end = last === undefined ? start : parseCellAddress(last);
  if (start === null || end === null || (last !== undefined && end.sheetName !== null)) return null;
  let sheetName: string | null = null;
  if (start.sheetName !== null) {
    const found = sheetNames.find((name) => name.toLowerCase() === start.sheetName?.toLowerCase());
    if (found === undefined) return { unknownSheet: start.sheetName };
    sheetName = found;
  }
  return {
    target: {
      sheetName,
      top: Math.min(start.rowNumber, end.rowNumber) - 1,
      left: Math.min(start.columnIndex, end.columnIndex),
      bottom: Math.max(start.rowNumber, end.rowNumber) - 1,
      right: Math.max(start.columnIndex, end.columnIndex),
    },
  };
}

/**
 * Resolves what was typed in the Name Box.
 *
 * @example resolveNameBox("aicost_scenario", workbook) // { kind: "target", target: { sheetName: "AICOST Assumptions", top: 6, left: 0, bottom: 6, right: 2, name: "AICOST_SCENARIO" } }
 * @example resolveNameBox("L58", workbook) // { kind: "target", target: { sheetName: null, top: 57, left: 11, bottom: 57, right: 11 } }
 */
export function resolveNameBox(text: string, workbook: NameBoxWorkbook): NameBoxResolution {
  const typed = text.trim();
  const hint = (): string => {
    const names = workbook.names.map((each) => each.name).slice(0, 5);
    return `Type an address such as L58 or 'AICOST Assumptions'!B4${names.length > 0 ? `, or a defined name: ${names.join(", ")}` : ""}.`;
  };
  if (typed === "") {
    return { kind: "unknown", message: `The Name Box is empty. ${hint()}` };
  }
  const range = parseRange(typed, workbook.sheetNames);
  if (range !== null) {
    return "target" in range ? { kind: "target", target: range.target } : { kind: "unknown", message: `There is no sheet named "${range.unknownSheet}" in this workbook. ${hint()}` };
  }
  const defined = workbook.names.find((each) => each.name.toLowerCase() === typed.toLowerCase());
  if (defined === undefined) {
    return { kind: "unknown", message: `"${typed}" is neither a cell address nor a defined name of this workbook. ${hint()}` };
  }
  const referred = parseRange(defined.expression.replace(/^=/, ""), workbook.sheetNames);
  if (referred === null || !("target" in referred)) {
    return { kind: "unknown", message: `${defined.name} is a defined name for ${defined.expression}, not a range of cells on a sheet, so there is nothing to select.` };
  }
  return { kind: "target", target: { ...referred.target, name: defined.name } };
}
