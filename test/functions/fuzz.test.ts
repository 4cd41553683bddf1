/* Fuzz: every AICOST function, given arbitrary arguments of any kind Excel or a buggy host could
 * pass, returns a finite number, a 2-D array of finite numbers, text and Excel errors, or an Excel
 * error. It never throws, never returns NaN or Infinity anywhere, and never hits the
 * "internal error" path (which would mean a bug escaped the domain checks). */
import fc from "fast-check";
import * as aicost from "../../src/functions/aicost";
import { ExcelError, type FunctionResult } from "../../src/functions/values";

const excelError = fc.constantFrom(
  new ExcelError("#VALUE!", "an upstream cell holds an error"),
  new ExcelError("#NUM!", "an upstream cell holds an error"),
  new ExcelError("#N/A", "an upstream cell holds an error"),
);

const number = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, ±0, subnormals and ±MAX_VALUE
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: -5, max: 1300 }),
  fc.constantFrom(0, -0, 1, 12, 1200, 1201, 1e308, -1e308, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity),
);

const text = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "aggressive", " Baseline ", "PESSIMISTIC", "rosy", "1e400", "-3", "0x10", "Infinity", "NaN", "1,5"),
  number.map((value) => String(value)), // numeric text
);

const scalar = fc.oneof(number, text, fc.boolean(), fc.constant(null), fc.constant(undefined), excelError);

/** 2-D arrays of any shape: empty, single cells, rows, columns, blocks, ragged. */
const range = fc.oneof(
  fc.array(fc.array(scalar, { maxLength: 5 }), { maxLength: 5 }),
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 40 }), // columns
  fc.array(scalar, { minLength: 1, maxLength: 40 }).map((row) => [row]), // rows
  fc.tuple(fc.option(text), number, number).map(([label, m, f]) => [label === null ? [m, f] : [label, m, f]]), // scenario rows
  fc.tuple(fc.option(text), number, number, number, number).map(([label, ...cells]) => [label === null ? cells : [label, ...cells]]), // band rows
);

/** Arguments that are neither scalars nor ranges: flat arrays, objects, nested junk. */
const junk = fc.oneof(fc.array(scalar, { maxLength: 4 }), fc.object(), fc.constant([[[1]]]), fc.constant({ length: 2 }));

const argument = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 3, arbitrary: range }, { weight: 1, arbitrary: junk });

/** Non-negative finite numbers spread over every magnitude, from subnormal to near overflow. */
const magnitude = fc
  .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -323, max: 307 }))
  .map(([mantissa, exponent]) => mantissa * Math.pow(10, exponent));

/** Mostly arguments in their domain, so the fuzz reaches the arithmetic and its overflows. */
const plausibleArgument = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(magnitude, fc.integer({ min: 0, max: 1200 }), fc.double({ min: 0, max: 1, noNaN: true })) },
  { weight: 2, arbitrary: fc.constantFrom("aggressive", "baseline", "pessimistic", null, "") },
  { weight: 2, arbitrary: fc.tuple(magnitude, fc.double({ min: 0, max: 1, noNaN: true })).map(([m, f]) => [["fuzz", m, f]]) },
  { weight: 2, arbitrary: fc.array(magnitude, { minLength: 1, maxLength: 12 }).map((cells) => cells.map((cell) => [cell])) },
  // band rows: m_p10 <= m_p50 <= m_p90 of any magnitude, so the quantiles reach their overflows
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(magnitude, { minLength: 3, maxLength: 3 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([multipliers, f]) => [["fuzz", ...[...multipliers].sort((a, b) => a - b), f]]),
  },
  { weight: 1, arbitrary: argument },
);

function isAllowedCell(cell: unknown): boolean {
  return (typeof cell === "number" && Number.isFinite(cell)) || typeof cell === "string" || cell instanceof ExcelError;
}

function isAllowedResult(result: FunctionResult): boolean {
  if (Array.isArray(result)) {
    return result.every((row) => Array.isArray(row) && row.every(isAllowedCell));
  }
  return (typeof result === "number" && Number.isFinite(result)) || result instanceof ExcelError;
}

const functionsByArity: ReadonlyArray<[string, (...args: unknown[]) => FunctionResult, number]> = [
  ["INFER_COST", aicost.INFER_COST as (...args: unknown[]) => FunctionResult, 6],
  ["PROJECT_PRICE", aicost.PROJECT_PRICE as (...args: unknown[]) => FunctionResult, 3],
  ["PROJECT_COST", aicost.PROJECT_COST as (...args: unknown[]) => FunctionResult, 4],
  ["PRICE_CURVE", aicost.PRICE_CURVE as (...args: unknown[]) => FunctionResult, 3],
  ["COST_CURVE", aicost.COST_CURVE as (...args: unknown[]) => FunctionResult, 8],
  ["ANNUAL_MULTIPLIER", aicost.ANNUAL_MULTIPLIER as (...args: unknown[]) => FunctionResult, 3],
  ["MONTHS_TO_PRICE", aicost.MONTHS_TO_PRICE as (...args: unknown[]) => FunctionResult, 3],
  ["SCENARIO_PARAMS", aicost.SCENARIO_PARAMS as (...args: unknown[]) => FunctionResult, 1],
  ["MODEL_PRICE", aicost.MODEL_PRICE as (...args: unknown[]) => FunctionResult, 4],
  ["MODELS", aicost.MODELS as (...args: unknown[]) => FunctionResult, 2],
  ["CATALOG_DATE", aicost.CATALOG_DATE as (...args: unknown[]) => FunctionResult, 0],
  ["BLENDED_PRICE", aicost.BLENDED_PRICE as (...args: unknown[]) => FunctionResult, 3],
  ["FIT_MULTIPLIER", aicost.FIT_MULTIPLIER as (...args: unknown[]) => FunctionResult, 3],
  ["PRICE_QUANTILE", aicost.PRICE_QUANTILE as (...args: unknown[]) => FunctionResult, 4],
  ["COST_QUANTILE", aicost.COST_QUANTILE as (...args: unknown[]) => FunctionResult, 5],
  ["PRICE_BAND", aicost.PRICE_BAND as (...args: unknown[]) => FunctionResult, 3],
];

/** Arguments the price functions take when used as meant: ids, price types, providers, dates, price tables, dated prices. */
const priceText = fc.constantFrom(
  "gpt-4o", "o3", "OpenAI/GPT-4o", "gpt4o", "claude-sonnet-4-20250514", "our-llm", "blended", "input", "output", "cached_input",
  "batch_output", "cache_write", "retail", "OpenAI", "Anthropic", "amazon", "times_cheaper", "r2", "n", "low", "high", "halving_months", "",
);
const priceDate = fc.oneof(fc.integer({ min: 44000, max: 47000 }), fc.double({ min: -10, max: 3e6, noNaN: true }), fc.constantFrom(45817, 45818, 61, 60));
const priceTableRow = fc.tuple(
  fc.oneof(priceText, scalar),
  fc.oneof(fc.constantFrom("Us", "OpenAI", ""), scalar),
  fc.oneof(priceDate, fc.constantFrom("2025-06-10", "2025-02-30"), scalar),
  fc.oneof(magnitude, fc.constant(null), scalar),
  fc.oneof(magnitude, fc.constant(null)),
  fc.oneof(magnitude, fc.constant(null)),
  fc.oneof(fc.constant("contract"), scalar),
);
const priceTable = fc.array(priceTableRow, { minLength: 1, maxLength: 6 }).map((rows) => rows.map((row) => [...row] as unknown[]));
const datedPrices = fc.array(fc.tuple(fc.oneof(priceDate, scalar), fc.oneof(magnitude, scalar)), { minLength: 0, maxLength: 8 });
const plausiblePriceArgument = fc.oneof(
  { weight: 4, arbitrary: priceText },
  { weight: 3, arbitrary: priceDate },
  { weight: 2, arbitrary: priceTable },
  { weight: 2, arbitrary: datedPrices.map((pairs) => pairs.map(([date]) => [date])) },
  { weight: 2, arbitrary: datedPrices.map((pairs) => pairs.map(([, price]) => [price])) },
  { weight: 1, arbitrary: magnitude },
  { weight: 1, arbitrary: argument },
);

describe("fuzz: arbitrary arguments never escape as anything but a cell value or an Excel error", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it.each(functionsByArity)("%s", (name, run, arity) => {
    const anyArguments = fc.array(argument, { minLength: 0, maxLength: arity });
    const plausible = ["MODEL_PRICE", "MODELS", "FIT_MULTIPLIER"].includes(name) ? plausiblePriceArgument : plausibleArgument;
    const mostlyValidArguments = fc.array(plausible, { minLength: arity, maxLength: arity });
    fc.assert(
      fc.property(fc.oneof(anyArguments, mostlyValidArguments), (args) => {
        let result: FunctionResult;
        try {
          result = run(...args);
        } catch (thrown) {
          throw new Error(`threw ${String(thrown)}`);
        }
        if (!isAllowedResult(result)) {
          throw new Error(`returned ${JSON.stringify(result)}`);
        }
        if (result instanceof ExcelError && result.code !== "#NUM!") {
          // #VALUE! and #N/A carry a message that says what to fix
          expect(result.message.length).toBeGreaterThan(10);
        }
        expect(consoleError).not.toHaveBeenCalled();
      }),
      { numRuns: 2000 },
    );
  });

  it("numeric arguments in range give numbers: a sanity check that the fuzz reaches the arithmetic", () => {
    const reached = fc.sample(
      fc.tuple(fc.double({ min: 0, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 1200 })).map(([price, months]) =>
        aicost.PROJECT_PRICE(price, months, "aggressive"),
      ),
      200,
    );
    expect(reached.every((result) => typeof result === "number" && Number.isFinite(result))).toBe(true);
  });

  it("the price arguments reach the lookups and the fit: some calls give numbers", () => {
    const lookups = fc.sample(fc.tuple(priceText, priceText, priceDate).map(([model, type, date]) => aicost.MODEL_PRICE(model, type, date)), 500);
    expect(lookups.some((result) => typeof result === "number")).toBe(true);
    const fits = fc.sample(datedPrices.map((pairs) => aicost.FIT_MULTIPLIER(pairs.map(([date]) => [date]), pairs.map(([, price]) => [price]))), 500);
    expect(fits.some((result) => typeof result === "number")).toBe(true);
  });
});
