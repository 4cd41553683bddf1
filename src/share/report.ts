/**
 * What a share-safe conversion did: how many formulas became built-in formulas, and every cell
 * or name that could not, with the formula it had and why. Nothing is frozen silently.
 */

/** One formula that could not be made native. */
export interface FrozenFormula {
  /** The sheet's name, or "" for a defined name of the workbook. */
  readonly sheet: string;
  /** The cell ("B4"), or `name AICOST_X` for a defined name, `conditional format C1:C9`, ... */
  readonly cell: string;
  /** The formula as it was, with a leading "=". */
  readonly formula: string;
  /** Why it has no native form. */
  readonly reason: string;
  /** What the copy holds instead, in words ("its cached value 12.5", "no value: the cell is empty"). */
  readonly result: string;
}

export interface ShareReport {
  /** Formulas (cells, shared-formula cells, names) whose AICOST calls all became built-in formulas. */
  readonly rewrittenFormulas: number;
  /** AICOST calls replaced, nested ones counted. */
  readonly rewrittenCalls: number;
  readonly frozen: readonly FrozenFormula[];
  /** Package parts removed (the add-in's web extension, the calculation chain). */
  readonly removedParts: readonly string[];
  /** Sheets whose formulas changed. */
  readonly changedSheets: readonly string[];
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The report's frozen formulas as CSV (RFC 4180, a header row). Fields starting with = + - @ are
 * quoted, so a spreadsheet opening the file shows the formula as text and does not run it.
 *
 * @example reportCsv({ rewrittenFormulas: 0, rewrittenCalls: 0, frozen: [], removedParts: [], changedSheets: [] }) // "sheet,cell,formula,reason,result\r\n"
 */
export function reportCsv(report: ShareReport): string {
  const header = ["sheet", "cell", "formula", "reason", "result"];
  const rows = report.frozen.map((item) => [item.sheet, item.cell, item.formula, item.reason, item.result]);
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** A few lines a person reads after a conversion. */
export function reportSummary(report: ShareReport): string[] {
  const lines = [
    `${report.rewrittenFormulas} formula${report.rewrittenFormulas === 1 ? "" : "s"} rewritten to built-in functions (${report.rewrittenCalls} AICOST call${report.rewrittenCalls === 1 ? "" : "s"}).`,
  ];
  if (report.frozen.length === 0) {
    lines.push("0 frozen: every AICOST formula stays live.");
  } else {
    lines.push(`${report.frozen.length} frozen to their cached values (they will not recalculate):`);
    for (const item of report.frozen) {
      lines.push(`  ${item.sheet ? `${item.sheet}!` : ""}${item.cell}  ${item.formula}  -- ${item.reason}; ${item.result}`);
    }
  }
  if (report.removedParts.length > 0) {
    lines.push(`Removed: ${report.removedParts.join(", ")}.`);
  }
  return lines;
}
