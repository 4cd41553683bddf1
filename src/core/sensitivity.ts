import { malformed, outOfRange } from "./errors";
import { findPreset, type PresetScenario } from "./scenario";

/**
 * Sensitivity ("what moves the cost most?"): each input in turn is set to a low and a high value
 * while every other input stays as it is, the model recalculates, and the output is read. The
 * tornado lists the inputs by swing, |output at high - output at low|, largest first.
 */

/** One input of a sweep: a cell, what to call it, and the two values to try in it. */
export interface SensitivityInput {
  /** Where the input lives, as the workbook names it ("'AI support assistant'!B9"); opaque here. */
  readonly address: string;
  /** What a reader calls it: "Input price, USD / M tokens". */
  readonly label: string;
  readonly lowValue: number;
  readonly highValue: number;
}

/** An input with the output measured at its low and high values. */
export interface SensitivityMeasurement extends SensitivityInput {
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
}

/** One bar of the tornado. */
export interface TornadoRow extends SensitivityMeasurement {
  /** |outputAtHigh - outputAtLow|, in the output's unit. */
  readonly swing: number;
}

/** A tornado: its bars, largest swing first, around the output with every input as it was. */
export interface Tornado {
  /** The output with every input at its original value: where the chart draws its base line. */
  readonly baseOutput: number;
  readonly rows: readonly TornadoRow[];
}

/**
 * The tornado rows of a set of measurements, sorted by swing, largest first; inputs with equal
 * swings keep their order. Throws outOfRange when a number is not finite.
 *
 * @example tornado(438, [{ address: "B5", label: "Tickets", lowValue: 16000, highValue: 24000,
 *   outputAtLow: 350.4, outputAtHigh: 525.6 }]).rows[0].swing // 525.6 - 350.4 = 175.2
 */
export function tornado(baseOutput: number, measurements: readonly SensitivityMeasurement[]): Tornado {
  checkFinite(baseOutput, "The base output");
  const rows = measurements.map((measurement): TornadoRow => {
    for (const key of ["lowValue", "highValue", "outputAtLow", "outputAtHigh"] as const) {
      checkFinite(measurement[key], `${measurement.label}: ${key}`);
    }
    return { ...measurement, swing: Math.abs(measurement.outputAtHigh - measurement.outputAtLow) };
  });
  // Array.prototype.sort is stable (ES2019), so ties keep the inputs' order.
  rows.sort((a, b) => b.swing - a.swing);
  return { baseOutput, rows };
}

function checkFinite(amount: number, what: string): void {
  if (!Number.isFinite(amount)) {
    throw outOfRange(`${what} must be a finite number; got ${amount}.`);
  }
}

/** A low and a high value to try in one input. */
export interface InputRange {
  readonly lowValue: number;
  readonly highValue: number;
}

/** The default swing of an input: 20% either side of its value. */
export const DEFAULT_RELATIVE_SWING = 0.2;

/**
 * The default range of a numeric input: its value minus and plus `relativeSwing` of its size
 * (low <= high also for a negative value), clamped to `bounds` when given (a share to 0-1). An
 * input of 0 gets the range 0 to 0: a percentage of nothing is nothing, so the user types one.
 *
 * @example relativeRange(3) // { lowValue: 2.4, highValue: 3.6 }
 * @example relativeRange(0.9, 0.2, { min: 0, max: 1 }) // { lowValue: 0.72, highValue: 1 }
 */
export function relativeRange(
  baseValue: number,
  relativeSwing = DEFAULT_RELATIVE_SWING,
  bounds: { readonly min?: number; readonly max?: number } = {},
): InputRange {
  checkFinite(baseValue, "The input's value");
  if (!(relativeSwing >= 0 && Number.isFinite(relativeSwing))) {
    throw outOfRange(`The relative swing must be 0 or more (0.2 = 20% either side); got ${relativeSwing}.`);
  }
  const min = bounds.min ?? -Infinity;
  const max = bounds.max ?? Infinity;
  if (!(min <= max)) {
    throw outOfRange(`The bounds of a range must have min <= max; got ${min} and ${max}.`);
  }
  const step = relativeSwing * Math.abs(baseValue);
  return { lowValue: clamp(baseValue - step, min, max), highValue: clamp(baseValue + step, min, max) };
}

function clamp(amount: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, amount));
}

/**
 * The default ranges of the active scenario's m and f: low from the aggressive preset, high from
 * the pessimistic one (m 0.025 to 0.5, f 0.001 to 0.25). The presets are the project's stated
 * spread of plausible declines; 20% either side of m = 0.1 (0.08 to 0.12, 8x to 12x cheaper per
 * year) would understate it by far, and 20% of a 1% floor (0.8% to 1.2%) likewise, while the
 * floors are judgement, not measurement. Low m and low f mean lower prices, so lower cost.
 *
 * @example defaultScenarioRanges().annualPriceMultiplier // { lowValue: 0.025, highValue: 0.5 }
 */
export function defaultScenarioRanges(): { readonly annualPriceMultiplier: InputRange; readonly floorShare: InputRange } {
  const aggressive = findPreset("aggressive") as PresetScenario;
  const pessimistic = findPreset("pessimistic") as PresetScenario;
  return {
    annualPriceMultiplier: { lowValue: aggressive.annualPriceMultiplier, highValue: pessimistic.annualPriceMultiplier },
    floorShare: { lowValue: aggressive.floorShare, highValue: pessimistic.floorShare },
  };
}

/** A cell's value as a workbook reports it: an error shows as its text ("#NUM!"), an empty cell as null. */
export type SweepCellValue = number | string | boolean | null;

/**
 * What a sensitivity sweep needs of a workbook, and nothing more. Addresses are the workbook's
 * own (the sweep only passes them back). `Content` is whatever the host needs to put a cell back
 * exactly as it was (its formula, or its constant as typed); the sweep never looks inside it.
 *
 * A host may queue writes and the recalculation and send them in one round trip when a value is
 * read (Office.js: one `context.sync()` per `readValue`).
 */
export interface SensitivityWorkbook<Content> {
  /** The cell's content exactly as it is now: a formula or a constant. */
  readContent(address: string): Promise<Content>;
  /** Puts back content that readContent returned, exactly. */
  writeContent(address: string, content: Content): Promise<void>;
  /** Replaces the cell's content with a number. */
  writeNumber(address: string, value: number): Promise<void>;
  /** Recalculates the workbook, forcing a calculation where it is in manual mode. */
  recalculate(): Promise<void>;
  /** The cell's current value. */
  readValue(address: string): Promise<SweepCellValue>;
}

export interface SweepOptions {
  /** Called after each input, with how many are done and how many there are. */
  readonly onProgress?: (completedInputs: number, totalInputs: number) => void;
}

/** A tornado from a sweep, with anything the reader should know about how far to trust it. */
export interface SweepResult extends Tornado {
  /** In plain words; empty when there is nothing to say. */
  readonly warnings: readonly string[];
}

/** A cell the sweep changed and could not put back, with what it held before. */
export interface UnrestoredCell<Content> {
  readonly address: string;
  readonly originalContent: Content;
}

/**
 * The sweep could not write some cells' original contents back (or could not confirm that it
 * did). `cells` lists each one with its original content, so nothing is lost: the pane shows
 * them and offers to write them again.
 * `cause` is the failure that ended the sweep, if one did.
 */
export class SweepRestoreError<Content> extends Error {
  readonly cells: readonly UnrestoredCell<Content>[];

  constructor(cells: readonly UnrestoredCell<Content>[], cause: unknown) {
    const addresses = cells.map((cell) => cell.address).join(", ");
    super(
      cells.length === 1
        ? `The sensitivity sweep could not write back the original content of cell ${addresses}. It is kept: write it back before saving.`
        : `The sensitivity sweep could not write back the original contents of ${cells.length} cells: ${addresses}. They are kept: write them back before saving.`,
      { cause },
    );
    this.name = "SweepRestoreError";
    this.cells = cells;
  }
}

/** How many times a step of the restore is tried before the sweep gives up on it. */
const restoreAttempts = 2;

/** Relative change of the output, after restoring, beyond which the sweep warns. */
const baseDriftTolerance = 1e-9;

/**
 * Runs a one-at-a-time sensitivity sweep on a workbook: reads every input's content, then for
 * each input writes its low value, recalculates, reads the output, writes its high value,
 * recalculates, reads the output, and puts its original content back. Returns the tornado.
 *
 * Every cell it changed gets its original content (value or formula) back, also when a step
 * fails part way: in a finally path, each restore tried twice, then one recalculation. A cell
 * that still cannot be restored ends the sweep with a {@link SweepRestoreError} that lists it
 * with its original content. A sweep whose output does not return to its base value afterwards
 * (a volatile function such as RAND or NOW) carries a warning.
 *
 * Throws malformed for no inputs, an input listed twice, the output among the inputs, or an
 * output that is not a number; outOfRange for a low or high value that is not finite.
 *
 * @example await runSensitivitySweep(port, "Sheet1!F53", [{ address: "Sheet1!B9", label: "Input price",
 *   lowValue: 2.4, highValue: 3.6 }]) // { baseOutput, rows: [{ ..., swing }], warnings: [] }
 */
export async function runSensitivitySweep<Content>(
  workbook: SensitivityWorkbook<Content>,
  outputAddress: string,
  inputs: readonly SensitivityInput[],
  options: SweepOptions = {},
): Promise<SweepResult> {
  checkSweepInputs(outputAddress, inputs);
  // Read every original before changing anything: a failure here has nothing to undo.
  const originals = new Map<string, Content>();
  for (const input of inputs) {
    originals.set(input.address, await workbook.readContent(input.address));
  }

  const readOutput = async (when: string, whatToDo: string): Promise<number> => {
    const value = await workbook.readValue(outputAddress);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw malformed(`The output cell ${outputAddress} shows ${describeValue(value)} ${when}; a sensitivity needs a number there. ${whatToDo}`);
    }
    return value;
  };
  const narrower = "Check the model, or try a narrower range for that input.";

  // Cells written and not yet put back. An address goes in before its first write, so a write
  // that fails half done is still undone.
  const changed = new Set<string>();
  let wroteAny = false;
  let failure: { readonly error: unknown } | null = null;
  let baseOutput = Number.NaN;
  const measurements: SensitivityMeasurement[] = [];
  try {
    await workbook.recalculate();
    baseOutput = await readOutput("before any change", "Pick an output cell that holds a number.");
    for (const [index, input] of inputs.entries()) {
      changed.add(input.address);
      wroteAny = true;
      await workbook.writeNumber(input.address, input.lowValue);
      await workbook.recalculate();
      const outputAtLow = await readOutput(`with ${input.label} at ${input.lowValue}`, narrower);
      await workbook.writeNumber(input.address, input.highValue);
      await workbook.recalculate();
      const outputAtHigh = await readOutput(`with ${input.label} at ${input.highValue}`, narrower);
      await workbook.writeContent(input.address, originals.get(input.address) as Content);
      changed.delete(input.address);
      measurements.push({ ...input, outputAtLow, outputAtHigh });
      options.onProgress?.(index + 1, inputs.length);
    }
  } catch (error) {
    failure = { error };
    throw error;
  } finally {
    await restore(workbook, changed, originals, wroteAny, failure);
  }

  const warnings: string[] = [];
  const outputAfter = await workbook.readValue(outputAddress);
  if (typeof outputAfter !== "number" || !(Math.abs(outputAfter - baseOutput) <= baseDriftTolerance * Math.abs(baseOutput))) {
    warnings.push(
      `The output ${outputAddress} shows ${describeValue(outputAfter)} after the sweep put every input back, not ${baseOutput} as before: the model may use a volatile function (RAND, NOW, TODAY, OFFSET), so the bars may not be reliable.`,
    );
  }
  return { ...tornado(baseOutput, measurements), warnings };
}

/**
 * The finally path of a sweep: puts back every changed cell (each tried twice), then
 * recalculates so the workbook shows values of its restored inputs (manual mode included).
 * Throws SweepRestoreError when a cell could not be put back; a failed recalculation is thrown
 * only when nothing else failed, so the sweep's own error is never hidden.
 */
async function restore<Content>(
  workbook: SensitivityWorkbook<Content>,
  changed: ReadonlySet<string>,
  originals: ReadonlyMap<string, Content>,
  wroteAny: boolean,
  failure: { readonly error: unknown } | null,
): Promise<void> {
  const unrestored: UnrestoredCell<Content>[] = [];
  for (const address of changed) {
    const originalContent = originals.get(address) as Content;
    if (!(await attempt(() => workbook.writeContent(address, originalContent)))) {
      unrestored.push({ address, originalContent });
    }
  }
  if (unrestored.length > 0) {
    await attempt(() => workbook.recalculate());
    throw new SweepRestoreError(unrestored, failure?.error);
  }
  if (wroteAny) {
    let recalculationError: unknown = null;
    const recalculated = await attempt(() => workbook.recalculate(), (error) => (recalculationError = error));
    if (!recalculated && failure === null) {
      throw recalculationError;
    }
  }
}

/** Runs `step` up to {@link restoreAttempts} times; true once it succeeds. */
async function attempt(step: () => Promise<void>, onError?: (error: unknown) => void): Promise<boolean> {
  for (let tries = 0; tries < restoreAttempts; tries++) {
    try {
      await step();
      return true;
    } catch (error) {
      onError?.(error);
    }
  }
  return false;
}

function checkSweepInputs(outputAddress: string, inputs: readonly SensitivityInput[]): void {
  if (inputs.length === 0) {
    throw malformed("A sensitivity needs at least one input cell: pick the inputs the output depends on.");
  }
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.address)) {
      throw malformed(`The input ${input.address} (${input.label}) is listed twice; list each input cell once.`);
    }
    seen.add(input.address);
    if (input.address === outputAddress) {
      throw malformed(`The output cell ${outputAddress} is also listed as an input; pick an output that the inputs feed.`);
    }
    checkFinite(input.lowValue, `The low value of ${input.label}`);
    checkFinite(input.highValue, `The high value of ${input.label}`);
  }
}

function describeValue(value: SweepCellValue): string {
  if (value === null) return "nothing (an empty cell)";
  if (typeof value === "string") return value.startsWith("#") ? value : `the text "${value}"`;
  return String(value);
}
