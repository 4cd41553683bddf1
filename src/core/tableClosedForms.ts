/**
 * The closed forms of the two functions that read ranges of cells: FIT_MULTIPLIER (a least-squares
 * fit over dates and prices) and MODEL_PRICE over a workbook's prices table (a dated lookup). Both
 * compute over whole ranges, with IF on arrays, so the rewriter writes them as array formulas
 * (`arrayEvaluation`): Excel 2016 evaluates them as Ctrl+Shift+Enter would, Excel 365, LibreOffice
 * and Google Sheets as well. They use no function newer than Excel 2007: no MAXIFS, XLOOKUP, LET.
 *
 * As in closedForms.ts, where AICOST returns an error the formula returns one too. Each formula
 * starts with `IF(SUM(LEN(range...))<0, ...)`, a test that never holds but is the first error in
 * the ranges when they hold one, as AICOST passes a range's error on. Where a native formula
 * cannot tell the faults AICOST tells apart, docs/SHARING.md says so.
 */
import { DEFAULT_INPUT_SHARE } from "./blend";
import type { ClosedForm, NumberOperand, Operand, TableOperand } from "./closedForms";
import { FIRST_EXCEL_SERIAL, LAST_EXCEL_SERIAL } from "./excelDate";
import {
  add,
  array,
  call,
  compare,
  concatenate,
  divide,
  error,
  multiply,
  negate,
  num,
  subtract,
  text,
  type FormulaErrorCode,
  type FormulaExpression,
} from "./formulaExpression";
import { NotNative } from "./notNative";
import { bareModelId, MODEL_ID_PREFIXES, MODEL_LIST_HEADER, parsePriceType, type PriceType } from "./priceLookup";
import { CONFIDENCE_LEVEL, DAYS_PER_YEAR, parseFitStatistic, type FitStatistic } from "./priceTrend";

const monthsInYear = 12;

function operandAt<K extends Operand["kind"]>(operands: readonly Operand[], index: number, kind: K): Extract<Operand, { kind: K }> | null {
  const operand = operands[index];
  return operand !== undefined && operand.kind === kind ? (operand as Extract<Operand, { kind: K }>) : null;
}

/** The first error operand's code, in argument order. */
function firstStaticError(operands: readonly Operand[]): FormulaErrorCode | null {
  for (const operand of operands) if (operand.kind === "error") return operand.code;
  return null;
}

/** `IF(SUM(LEN(a),LEN(b)...)<0, #N/A, body)`: the ranges' first error passes through, else body. */
function afterRangeErrors(ranges: readonly FormulaExpression[], body: FormulaExpression): FormulaExpression {
  const lengths = call("SUM", ...ranges.map((range) => call("LEN", range)));
  return call("IF", compare("<", lengths, num(0)), error("#N/A"), body);
}

/** Nested IFs: the first condition that holds gives its error, else the value. */
function firstFault(faults: readonly (readonly [FormulaExpression, FormulaErrorCode])[], value: FormulaExpression): FormulaExpression {
  return faults.reduceRight<FormulaExpression>((inner, [condition, code]) => call("IF", condition, error(code), inner), value);
}

/** `--x`: TRUE/FALSE as 1/0, which SUM and MATCH need (SUM skips logical values in an array). */
function numeric(condition: FormulaExpression): FormulaExpression {
  return negate(negate(condition));
}

/** A cell is blank to AICOST when it is empty or only spaces: `LEN(TRIM(x))=0`. */
function filled(range: FormulaExpression): FormulaExpression {
  return compare(">", call("LEN", call("TRIM", range)), num(0));
}

/** `(a)+(b)>0` over arrays: OR element by element (OR itself folds an array into one value). */
function anyOf(...conditions: FormulaExpression[]): FormulaExpression {
  return compare(">", conditions.reduce((sum, condition) => add(sum, numeric(condition))), num(0));
}

/**
 * A `YYYY-MM-DD` text as its Excel date, read as excelSerialOfIsoDate reads it: the value, and
 * whether the text is such a date (ten characters, dashes in place, a day the month has, from
 * 1900-03-01). Both work element by element over a range.
 */
function isoDate(cell: FormulaExpression): { value: FormulaExpression; valid: FormulaExpression } {
  const trimmed = call("TRIM", cell);
  const part = (start: number, length: number) => negate(negate(call("MID", trimmed, num(start), num(length))));
  const value = call("DATE", part(1, 4), part(6, 2), part(9, 2));
  const checks = [
    compare("=", call("LEN", trimmed), num(10)),
    compare("=", call("MID", trimmed, num(5), num(1)), text("-")),
    compare("=", call("MID", trimmed, num(8), num(1)), text("-")),
    compare("=", call("MONTH", value), part(6, 2)),
    compare("=", call("DAY", value), part(9, 2)),
    compare(">=", value, num(FIRST_EXCEL_SERIAL)),
  ];
  return { value, valid: call("IFERROR", checks.reduce((product, check) => multiply(product, check)), num(0)) };
}

/* ---- FIT_MULTIPLIER ------------------------------------------------------------------------ */

/**
 * fitPriceTrend and fitStatisticValue in priceTrend.ts with built-in functions. The pairs used are
 * those with both cells filled (`U`); the others become "" in both arrays, which SLOPE, RSQ, STEYX
 * and DEVSQ skip pair by pair, as LINEST would not:
 *
 *   X = IF(U, date, ""), Y = IF(U, LN(price), ""), b = SLOPE(Y, X)
 *   m = EXP(365.25*b); r2 = RSQ(Y, X); n = SUM(U); halving = LN(2)/(-b)/(365.25/12)
 *   low/high = EXP(365.25*(b -/+ TINV(0.1, n-2) * STEYX(Y, X)/SQRT(DEVSQ(X))))
 *
 * A multiplier or bound too small for a number (EXP underflows to 0, where AICOST says #NUM!) is
 * written `1/(1/value)`, an error there (#DIV/0!).
 */
export const FIT_MULTIPLIER: ClosedForm = {
  arrayEvaluation: true,
  build(operands) {
    const dates = operandAt(operands, 0, "table");
    const prices = operandAt(operands, 1, "table");
    const statisticOperand = operands[2];
    const staticError = firstStaticError(operands.slice(0, 2));
    if (staticError !== null) return error(staticError);
    if (dates === null || prices === null) throw new NotNative("FIT_MULTIPLIER's dates and prices are not ranges");
    const ranges = [dates.expression, prices.expression];
    let statistic: FitStatistic;
    if (statisticOperand === undefined || statisticOperand.kind === "omitted") statistic = "multiplier";
    else if (statisticOperand.kind === "error") return afterRangeErrors(ranges, error(statisticOperand.code));
    else if (statisticOperand.kind === "text" && statisticOperand.literal !== undefined) {
      try {
        statistic = parseFitStatistic(statisticOperand.literal);
      } catch {
        return afterRangeErrors(ranges, error("#VALUE!"));
      }
    } else throw new NotNative("FIT_MULTIPLIER's statistic is not a text written in the formula");
    if (dates.rows !== prices.rows || dates.columns !== prices.columns) return afterRangeErrors(ranges, error("#VALUE!"));

    const d = dates.expression;
    const p = prices.expression;
    const used = multiply(filled(d), filled(p));
    const iso = isoDate(d);
    const dateValue = call("IF", call("ISTEXT", d), iso.value, d);
    const x = call("IF", used, dateValue, text(""));
    const y = call("IF", used, call("LN", p), text(""));
    const count = call("SUM", numeric(used));
    const slope = call("SLOPE", y, x);
    const sum = (condition: FormulaExpression) => call("SUM", multiply(used, condition));
    const badDate = compare(">", sum(add(numeric(call("ISLOGICAL", d)), multiply(call("ISTEXT", d), subtract(num(1), iso.valid)))), num(0));
    const badPrice = compare(">", sum(add(numeric(call("ISTEXT", p)), numeric(call("ISLOGICAL", p)))), num(0));
    const nonPositive = compare(">", sum(compare("<=", p, num(0))), num(0));
    const faults: [FormulaExpression, FormulaErrorCode][] = [
      [badDate, "#VALUE!"],
      [badPrice, "#VALUE!"],
      [nonPositive, "#NUM!"],
      [compare("<", count, num(2)), "#N/A"],
      [compare("=", call("DEVSQ", x), num(0)), "#N/A"],
    ];
    const representable = (value: FormulaExpression) => divide(num(1), divide(num(1), value));
    const multiplierOf = (slopePerDay: FormulaExpression) => call("EXP", multiply(num(DAYS_PER_YEAR), slopePerDay));
    let value: FormulaExpression;
    switch (statistic) {
      case "multiplier":
        value = representable(multiplierOf(slope));
        break;
      case "times_cheaper":
        value = representable(multiplierOf(negate(slope)));
        break;
      case "n":
        value = count;
        break;
      case "r2":
        faults.push([compare("=", call("DEVSQ", y), num(0)), "#N/A"]);
        value = call("RSQ", y, x);
        break;
      case "halving_months":
        faults.push([compare("=", call("DEVSQ", y), num(0)), "#N/A"]);
        value = divide(divide(call("LN", num(2)), negate(slope)), num(DAYS_PER_YEAR / monthsInYear));
        break;
      case "low":
      case "high": {
        faults.push([compare("<", count, num(3)), "#N/A"]);
        const standardError = divide(call("STEYX", y, x), call("SQRT", call("DEVSQ", x)));
        const spread = multiply(call("TINV", num(1 - CONFIDENCE_LEVEL), subtract(count, num(2))), standardError);
        value = representable(multiplierOf(statistic === "low" ? subtract(slope, spread) : add(slope, spread)));
        break;
      }
    }
    return afterRangeErrors(ranges, firstFault(faults, value));
  },
};

/* ---- MODEL_PRICE over a price_table ------------------------------------------------------- */

/** The prices table's columns (1-based), in the order the AICOST Prices sheet writes them. */
const COLUMN = { model: 1, provider: 2, effectiveFrom: 3, input: 4, output: 5, cached_input: 6, cache_write: 8, batch_input: 9, batch_output: 10 } as const;
const FIREWORKS_MODEL_PATH = "accounts/fireworks/models/";

/** The column's header as the table writes it ("Effective from"). */
function headerOf(column: number): string {
  return MODEL_LIST_HEADER[column - 1];
}

/**
 * findModel's second step as rows: those whose id, without a recognised provider prefix, is the
 * wanted bare id `bare` (an expression): the id itself or `prefix/bare` for each prefix.
 */
function bareIdRows(ids: FormulaExpression, bare: FormulaExpression | string): FormulaExpression {
  const prefixes = [...Object.keys(MODEL_ID_PREFIXES).map((prefix) => `${prefix}/`), `fireworks_ai/${FIREWORKS_MODEL_PATH}`];
  const candidates =
    typeof bare === "string"
      ? array("row", [...new Set([bare, ...prefixes.map((prefix) => prefix + bare)])])
      : concatenate(array("row", ["", ...prefixes]), bare);
  return call("ISNUMBER", call("MATCH", ids, candidates, num(0)));
}

/** providerMatches in priceLookup.ts over a column: the same name, or one that starts with it and a space. */
function providerRows(providers: FormulaExpression, provider: string): FormulaExpression {
  const trimmed = call("TRIM", providers);
  return anyOf(compare("=", trimmed, text(provider)), compare("=", call("LEFT", trimmed, num(provider.length + 1)), text(`${provider} `)));
}

/** The price of a column as AICOST reads it, element by element: empty #N/A, not a number #VALUE!, below 0 #NUM!. */
function priceColumn(table: TableOperand, column: number): FormulaExpression {
  if (column > table.columns) return error("#N/A");
  const cells = table.column!(column);
  return call(
    "IF",
    filled(cells),
    call("IF", call("ISNUMBER", cells), call("IF", compare("<", cells, num(0)), error("#NUM!"), cells), error("#VALUE!")),
    error("#N/A"),
  );
}

/**
 * modelPrice in priceLookup.ts over a table in the prices sheet's layout (its header row
 * optional), with built-in functions:
 *
 *   rows of the model M: the ids equal to the model's (case and spaces aside), or, when there is
 *     none, those with the same id without a provider prefix (`gemini-2.5-pro` finds
 *     `gemini/gemini-2.5-pro`; `openai/gpt-4o` finds `gpt-4o` of OpenAI); two models that way is
 *     #N/A, as AICOST calls it ambiguous
 *   s = IF(M, date when it is on or before as_of_date); r = MATCH(MAX(s), s, 0)
 *   price = INDEX(price column, r), its empty cell #N/A
 *
 * The model may come from a cell; price_type must be written in the formula (its column is
 * chosen when the formula is built), and price_table must be a range or a name of one.
 */
export const MODEL_PRICE: ClosedForm = {
  arrayEvaluation: true,
  resultAtLeast: 0,
  build(operands) {
    const model = operands[0];
    const typeOperand = operands[1];
    const asOf = operands[2];
    const table = operandAt(operands, 3, "table");
    if (operands[3]?.kind === "omitted") {
      throw new NotNative("MODEL_PRICE without a price_table reads the add-in's catalog, which a shared workbook does not have");
    }
    const staticError = firstStaticError([model, typeOperand, asOf, operands[3]]);
    if (staticError !== null) return error(staticError);
    if (model.kind !== "text") throw new NotNative("MODEL_PRICE's model is not a text");
    if (table === null || table.column === undefined || table.cell === undefined) {
      throw new NotNative("MODEL_PRICE's price_table is not a range of cells or a name of one");
    }
    let priceType: PriceType | null;
    if (typeOperand.kind === "omitted") priceType = "input";
    else if (typeOperand.kind === "text" && typeOperand.literal !== undefined) {
      try {
        priceType = parsePriceType(typeOperand.literal);
      } catch {
        priceType = null;
      }
    } else throw new NotNative("MODEL_PRICE's price_type is not a text written in the formula");
    const date = asOf.kind === "number" ? asOf : null;
    if (asOf.kind !== "omitted" && date === null) throw new NotNative("MODEL_PRICE's as_of_date is not a number");

    // Checks on the arguments, in AICOST's order: the model, the date, then the table.
    const argumentFaults: [FormulaExpression, FormulaErrorCode][] = [];
    if (model.literal === undefined) {
      argumentFaults.push([call("NOT", compare("=", call("T", model.expression), model.expression)), "#VALUE!"]);
    }
    if (date !== null) argumentFaults.push(...dateFaults(date));
    const headerRow = table.cell(1, 1);
    const hasHeader = compare("=", call("TRIM", call("T", headerRow)), text("Model"));
    const needed = [COLUMN.effectiveFrom, COLUMN.input, ...(priceType === null ? [] : columnsOf(priceType))];
    const query = model.literal !== undefined ? model.literal.trim().toLowerCase() : null;
    const prefix = query === null ? undefined : prefixProvider(query);
    if (prefix !== undefined) needed.push(COLUMN.provider);
    const headerChecks = [...new Set(needed)]
      .filter((column) => column <= table.columns)
      .map((column) => compare("=", call("TRIM", call("T", table.cell!(1, column))), text(headerOf(column))));
    const missingColumn = [COLUMN.effectiveFrom, COLUMN.input].some((column) => column > table.columns);
    const tableFaults: [FormulaExpression, FormulaErrorCode][] = [];
    if (missingColumn) tableFaults.push([hasHeader, "#VALUE!"]);
    if (headerChecks.length > 0) {
      tableFaults.push([call("IF", hasHeader, call("NOT", headerChecks.length === 1 ? headerChecks[0] : call("AND", ...headerChecks)), call("FALSE")), "#VALUE!"]);
    }
    if (priceType === null || query === "") {
      return afterRangeErrors([table.expression], firstFault([...argumentFaults, ...tableFaults], error("#VALUE!")));
    }
    if (model.literal === undefined) tableFaults.push([compare("=", call("TRIM", model.expression), text("")), "#VALUE!"]);
    if (table.columns < COLUMN.effectiveFrom) {
      return afterRangeErrors([table.expression], firstFault([...argumentFaults, ...tableFaults], error("#N/A")));
    }

    const ids = call("TRIM", table.column(COLUMN.model));
    const wanted = query !== null ? text(query) : call("TRIM", model.expression);
    const exact = compare("=", ids, wanted);
    let bare: FormulaExpression;
    if (query === null) bare = bareIdRows(ids, call("TRIM", model.expression));
    else {
      bare = bareIdRows(ids, bareModelId(query));
      if (prefix !== undefined) bare = multiply(bare, table.columns >= COLUMN.provider ? providerRows(table.column(COLUMN.provider), prefix) : num(0));
    }
    const anyExact = compare(">", call("SUM", numeric(exact)), num(0));
    const rows = call("IF", anyExact, exact, bare);
    // No exact id and rows of two ids the bare way: ambiguous. No row at all: MATCH's #N/A, unknown.
    const firstBare = call("INDEX", ids, call("MATCH", num(1), numeric(bare), num(0)));
    const ambiguous = call("IF", anyExact, call("FALSE"), compare(">", call("SUM", multiply(bare, compare("<>", ids, firstBare))), num(0)));

    const dates = table.column(COLUMN.effectiveFrom);
    const day = call("INT", negate(negate(dates)));
    const onOrBefore = date === null ? day : call("IF", compare("<=", day, call("INT", date.expression)), day);
    const dated = call("IF", rows, call("IF", anyOf(call("ISLOGICAL", dates), call("NOT", filled(dates))), error("#VALUE!"), onOrBefore));
    const newest = call("MAX", dated);
    const position = call("MATCH", newest, dated, num(0));
    const prices =
      priceType === "blended"
        ? add(multiply(num(DEFAULT_INPUT_SHARE), priceColumn(table, COLUMN.input)), multiply(subtract(num(1), num(DEFAULT_INPUT_SHARE)), priceColumn(table, COLUMN.output)))
        : priceColumn(table, COLUMN[priceType]);
    const price = prices.kind === "error" ? prices : call("INDEX", prices, position);
    const lookupFaults: [FormulaExpression, FormulaErrorCode][] = [
      [ambiguous, "#N/A"],
      [compare(">", call("SUM", numeric(compare("=", dated, newest))), num(1)), "#VALUE!"],
    ];
    return afterRangeErrors([table.expression], firstFault([...argumentFaults, ...tableFaults, ...lookupFaults], price));
  },
};

/** The price columns a type reads. */
function columnsOf(priceType: PriceType): number[] {
  return priceType === "blended" ? [COLUMN.input, COLUMN.output] : [COLUMN[priceType]];
}

/** The provider a query's recognised prefix names (`openai/gpt-4o`: OpenAI), if it has one. */
function prefixProvider(query: string): string | undefined {
  const slash = query.indexOf("/");
  return slash > 0 && Object.hasOwn(MODEL_ID_PREFIXES, query.slice(0, slash)) ? MODEL_ID_PREFIXES[query.slice(0, slash)] : undefined;
}

/** excelDay's checks on as_of_date: a number (an empty cell is the newest row), a day from 1900-03-01 to 9999-12-31. */
function dateFaults(date: NumberOperand): [FormulaExpression, FormulaErrorCode][] {
  if (date.literal !== undefined) {
    const day = Math.floor(date.literal);
    return day >= FIRST_EXCEL_SERIAL && day <= LAST_EXCEL_SERIAL ? [] : [[call("TRUE"), "#NUM!"]];
  }
  // Text or TRUE/FALSE first (a comparison would call text larger than any number); an error in
  // the cell passes through the comparisons.
  const value = date.expression;
  return [
    [call("OR", call("ISTEXT", value), call("ISLOGICAL", value)), "#VALUE!"],
    [call("OR", compare("<", value, num(FIRST_EXCEL_SERIAL)), compare(">=", value, num(LAST_EXCEL_SERIAL + 1))), "#NUM!"],
  ];
}
