/**
 * Rewrites a column of formulas filled down (or a row filled right) by rewriting one of them.
 * Excel stores each cell's formula in A1 notation, so `PROJECT_PRICE(B2,A2,...)` in C2 and
 * `PROJECT_PRICE(B3,A3,...)` in C3 are different texts; relative to their cells (R1C1's view)
 * they are the same formula. The rewriter's decisions depend on a reference only through its
 * shape, which moving a formula does not change, and it copies every reference into its output
 * as written, so the rewrite of the moved formula is the rewrite of the first one with its
 * references moved the same way. This cache keys each formula by its tokens with references
 * made relative to the cell, rewrites (parses) the first of each key, and fills in the others
 * from a template of the output. A reference the template cannot move (a structured reference,
 * a name, anything its reading of A1 does not recognise) is part of the key as written, so a
 * formula that differs there is a miss, never a wrong fill.
 */
import { tokenize } from "@borgar/fx/xlsx";
import { A1_CELL_OR_RANGE, A1_SHEET_PREFIX, columnIndex, columnLetters, LAST_COLUMN_INDEX, LAST_ROW_NUMBER } from "../core/a1";
import type { FormulaRewrite } from "./formula";

/** One end of a reference: a row and a column, each absolute ($) or an offset from the cell. */
interface Corner {
  readonly column: { readonly absolute: boolean; readonly value: number } | null;
  readonly row: { readonly absolute: boolean; readonly value: number } | null;
}

/** A reference token as parts that move with the cell: sheet prefix, one or two corners. */
interface MovableReference {
  readonly prefix: string;
  readonly corners: readonly Corner[];
}

type TemplatePiece = string | MovableReference;

type Entry =
  | { readonly kind: "unchanged" }
  | { readonly kind: "rewritten"; readonly calls: number; readonly arrayEvaluation?: boolean; readonly template: readonly TemplatePiece[] };

const columnsPattern = new RegExp(`^${A1_SHEET_PREFIX}(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})$`);
const rowsPattern = new RegExp(`^${A1_SHEET_PREFIX}(\\$?)([0-9]{1,7}):(\\$?)([0-9]{1,7})$`);

function part(absolute: string, value: number, origin: number): { absolute: boolean; value: number } {
  return absolute === "$" ? { absolute: true, value } : { absolute: false, value: value - origin };
}

function cellCorner(columnAbsolute: string, letters: string, rowAbsolute: string, digits: string, row: number, column: number): Corner {
  return { column: part(columnAbsolute, columnIndex(letters), column), row: part(rowAbsolute, Number(digits) - 1, row) };
}

/** A reference token read relative to the cell (0-based row and column), or null when it is not plain A1. */
function movable(text: string, row: number, column: number): MovableReference | null {
  let match = A1_CELL_OR_RANGE.exec(text);
  if (match) {
    const corners = [cellCorner(match[2], match[3], match[4], match[5], row, column)];
    if (match[7] !== undefined) corners.push(cellCorner(match[6], match[7], match[8], match[9], row, column));
    return { prefix: match[1] ?? "", corners };
  }
  match = columnsPattern.exec(text);
  if (match) {
    return {
      prefix: match[1] ?? "",
      corners: [
        { column: part(match[2], columnIndex(match[3]), column), row: null },
        { column: part(match[4], columnIndex(match[5]), column), row: null },
      ],
    };
  }
  match = rowsPattern.exec(text);
  if (match) {
    return {
      prefix: match[1] ?? "",
      corners: [
        { column: null, row: part(match[2], Number(match[3]) - 1, row) },
        { column: null, row: part(match[4], Number(match[5]) - 1, row) },
      ],
    };
  }
  return null;
}

function sideKey(value: { readonly absolute: boolean; readonly value: number } | null): string {
  return value === null ? "" : `${value.absolute ? "$" : "~"}${value.value}`;
}

function keyOf(reference: MovableReference): string {
  let key = reference.prefix;
  for (const corner of reference.corners) key += `:C${sideKey(corner.column)}R${sideKey(corner.row)}`;
  return key;
}

/** The A1 text of a moved reference, for the cell at (row, column); null when it leaves the grid. */
function render(reference: MovableReference, row: number, column: number): string | null {
  let text = reference.prefix;
  for (let index = 0; index < reference.corners.length; index++) {
    const corner = reference.corners[index];
    if (index > 0) text += ":";
    if (corner.column !== null) {
      const value = corner.column.absolute ? corner.column.value : corner.column.value + column;
      if (value < 0 || value > LAST_COLUMN_INDEX) return null;
      text += (corner.column.absolute ? "$" : "") + columnLetters(value);
    }
    if (corner.row !== null) {
      const value = corner.row.absolute ? corner.row.value : corner.row.value + row;
      if (value < 0 || value >= LAST_ROW_NUMBER) return null;
      text += `${corner.row.absolute ? "$" : ""}${value + 1}`;
    }
  }
  return text;
}

function isReference(type: string): boolean {
  return type === "range" || type === "range_beam";
}

/** The formula's key relative to its cell, or null when the lexer cannot read it. */
function relativeKey(formula: string, row: number, column: number): string | null {
  let tokens: { type: string; value: string }[];
  try {
    tokens = tokenize(formula, { withLocation: false }) as { type: string; value: string }[];
  } catch {
    return null;
  }
  let key = "";
  for (const token of tokens) {
    const reference = isReference(token.type) ? movable(token.value, row, column) : null;
    key += reference === null ? `\u0001${token.type}\u0002${token.value}` : `\u0001@\u0002${keyOf(reference)}`;
  }
  return key;
}

/** The output of a rewrite as text pieces and references that move with the cell. */
function templateOf(output: string, row: number, column: number): TemplatePiece[] | null {
  let tokens: { type: string; value: string }[];
  try {
    tokens = tokenize(output, { withLocation: false }) as { type: string; value: string }[];
  } catch {
    return null;
  }
  const pieces: TemplatePiece[] = [];
  let pending = "";
  for (const token of tokens) {
    const reference = isReference(token.type) ? movable(token.value, row, column) : null;
    if (reference === null) {
      pending += token.value;
      continue;
    }
    if (pending !== "") pieces.push(pending);
    pending = "";
    pieces.push(reference);
  }
  if (pending !== "") pieces.push(pending);
  // The template must give back the output it was made from, or it is not used.
  return fill(pieces, row, column) === output ? pieces : null;
}

function fill(template: readonly TemplatePiece[], row: number, column: number): string | null {
  let text = "";
  for (const piece of template) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    const rendered = render(piece, row, column);
    if (rendered === null) return null;
    text += rendered;
  }
  return text;
}

/**
 * Rewrites formulas through a cache of templates relative to their cells; `rewrite` does the
 * real work (parse and rewrite) for the first formula of each key. Frozen results are not
 * cached: their reason may quote a reference as that cell wrote it.
 *
 * @example new RelativeRewriteCache(rewrite).rewriteAt("_xldudf_AICOST_PROJECT_PRICE(B3,A3)", 2, 2, "")
 *   // the rewrite of C2's formula with B2, A2 moved to B3, A3, without a second parse
 */
export class RelativeRewriteCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rewrite: (formula: string) => FormulaRewrite) {}

  /** The rewrite of `formula` in the cell at 0-based (row, column); `context` keys what else the rewrite depends on. */
  rewriteAt(formula: string, row: number, column: number, context: string): FormulaRewrite {
    const relative = relativeKey(formula, row, column);
    if (relative === null) return this.rewrite(formula);
    const key = `${context}\u0000${relative}`;
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (entry.kind === "unchanged") return entry;
      const filled = fill(entry.template, row, column);
      if (filled !== null) return { kind: "rewritten", formula: filled, calls: entry.calls, ...(entry.arrayEvaluation && { arrayEvaluation: true }) };
      return this.rewrite(formula);
    }
    const result = this.rewrite(formula);
    if (result.kind === "unchanged") {
      this.entries.set(key, result);
    } else if (result.kind === "rewritten") {
      const template = templateOf(result.formula, row, column);
      if (template !== null) this.entries.set(key, { kind: "rewritten", calls: result.calls, arrayEvaluation: result.arrayEvaluation, template });
    }
    return result;
  }
}
