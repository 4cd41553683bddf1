import fc from "fast-check";
import {
  DEFAULT_RELATIVE_SWING,
  defaultScenarioRanges,
  relativeRange,
  runSensitivitySweep,
  SweepRestoreError,
  tornado,
  type SensitivityInput,
  type SensitivityMeasurement,
  type SensitivityWorkbook,
  type SweepCellValue,
} from "../../src/core";
import { aggressive, pessimistic } from "./presets";

const outOfRangeWith = (message: RegExp) => expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(message) });
const malformedWith = (message: RegExp) => expect.objectContaining({ code: "malformed", message: expect.stringMatching(message) });

describe("tornado", () => {
  const measurement = (label: string, outputAtLow: number, outputAtHigh: number): SensitivityMeasurement => ({
    address: label,
    label,
    lowValue: 1,
    highValue: 2,
    outputAtLow,
    outputAtHigh,
  });

  it("sorts by swing |high - low|, largest first, ties in input order, and keeps the base", () => {
    const result = tornado(100, [
      measurement("small", 99, 101), //   swing 2
      measurement("falls", 130, 80), //   swing 50: the output falls as the input rises
      measurement("tie a", 90, 110), //   swing 20
      measurement("tie b", 110, 90), //   swing 20
      measurement("flat", 100, 100), //   swing 0
    ]);
    expect(result.baseOutput).toBe(100);
    expect(result.rows.map((row) => [row.label, row.swing])).toEqual([
      ["falls", 50],
      ["tie a", 20],
      ["tie b", 20],
      ["small", 2],
      ["flat", 0],
    ]);
  });

  it("is empty for no measurements", () => {
    expect(tornado(5, [])).toEqual({ baseOutput: 5, rows: [] });
  });

  it.each([
    [Number.NaN, measurement("x", 1, 2), /The base output must be a finite number; got NaN/],
    [1, measurement("x", Infinity, 2), /x: outputAtLow must be a finite number; got Infinity/],
    [1, { ...measurement("x", 1, 2), highValue: Number.NaN }, /x: highValue must be a finite number; got NaN/],
  ])("rejects a number that is not finite (base %p)", (base, row, message) => {
    expect(() => tornado(base, [row])).toThrow(outOfRangeWith(message));
  });

  it("property: a permutation of its input, sorted by swing, each swing |outputAtHigh - outputAtLow|", () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { maxLength: 40 }), finite, (outputs, base) => {
        const measurements = outputs.map(([low, high], index) => measurement(`input ${index}`, low, high));
        const { rows } = tornado(base, measurements);
        const sameInputs = [...rows.map((row) => row.label)].sort().join() === measurements.map((m) => m.label).sort().join();
        const sorted = rows.every((row, index) => index === 0 || rows[index - 1].swing >= row.swing);
        const swings = rows.every((row) => row.swing === Math.abs(row.outputAtHigh - row.outputAtLow));
        return sameInputs && sorted && swings;
      }),
    );
  });
});

describe("default ranges", () => {
  it("are 20% either side of a number, low <= high also for a negative one", () => {
    expect(DEFAULT_RELATIVE_SWING).toBe(0.2);
    expect(relativeRange(3).lowValue).toBeCloseTo(2.4, 15); // 3 - 0.2 * 3
    expect(relativeRange(3).highValue).toBeCloseTo(3.6, 15); // 3 + 0.2 * 3
    expect(relativeRange(-10)).toEqual({ lowValue: -12, highValue: -8 }); // -10 -+ 0.2 * 10
    expect(relativeRange(0)).toEqual({ lowValue: 0, highValue: 0 });
    expect(relativeRange(50, 0.5)).toEqual({ lowValue: 25, highValue: 75 });
  });

  it("clamp to bounds, e.g. a share to 0-1", () => {
    const share = relativeRange(0.9, 0.2, { min: 0, max: 1 });
    expect(share.lowValue).toBeCloseTo(0.72, 15); // 0.9 - 0.18
    expect(share.highValue).toBe(1); //               0.9 + 0.18 = 1.08, clamped
    expect(relativeRange(-0.1, 0.5, { min: 0 })).toEqual({ lowValue: 0, highValue: 0 }); // -0.15 and -0.05, clamped
  });

  it.each<[number, number, { min?: number; max?: number }, RegExp]>([
    [Number.NaN, 0.2, {}, /The input's value must be a finite number; got NaN/],
    [1, -0.2, {}, /The relative swing must be 0 or more .*got -0\.2/],
    [1, Infinity, {}, /The relative swing must be 0 or more/],
    [1, 0.2, { min: 1, max: 0 }, /min <= max; got 1 and 0/],
  ])("rejects value %p, swing %p, bounds %p", (value, swing, bounds, message) => {
    expect(() => relativeRange(value, swing, bounds)).toThrow(outOfRangeWith(message));
  });

  it("for the scenario's m and f come from the aggressive (low) and pessimistic (high) presets", () => {
    expect(defaultScenarioRanges()).toEqual({
      annualPriceMultiplier: { lowValue: aggressive.annualPriceMultiplier, highValue: pessimistic.annualPriceMultiplier }, // 0.025, 0.5
      floorShare: { lowValue: aggressive.floorShare, highValue: pessimistic.floorShare }, // 0.001, 0.25
    });
  });
});

/** A cell as the fake holds it: a formula (evaluated by the fake's model) or a constant. */
type FakeContent = { readonly formula: string } | { readonly constant: SweepCellValue };

type FaultMode = "before" | "after";

/**
 * An in-memory workbook in manual calculation mode: formula values change only on recalculate.
 * Every call is a step; `faultAt` makes step k throw once, `failFrom` makes every step from k on
 * throw. A fault "before" throws without doing the step, "after" does it and then throws (a write
 * that reached the workbook but whose round trip failed).
 */
class FakeWorkbook implements SensitivityWorkbook<FakeContent> {
  readonly contents = new Map<string, FakeContent>();
  readonly values = new Map<string, SweepCellValue>();
  steps = 0;
  faultAt: number | null = null;
  failFrom: number | null = null;
  faultMode: FaultMode = "before";
  recalculations = 0;

  /** `evaluate` turns a formula into a value; `formulaOrder` is the order a recalculation follows. */
  constructor(
    cells: Record<string, FakeContent>,
    private readonly evaluate: (formula: string, get: (address: string) => number, recalculation: number) => SweepCellValue,
    private readonly formulaOrder: readonly string[],
  ) {
    for (const [address, content] of Object.entries(cells)) this.contents.set(address, content);
    for (const [address, content] of this.contents) if ("constant" in content) this.values.set(address, content.constant);
    this.computeFormulas();
  }

  async readContent(address: string): Promise<FakeContent> {
    return this.step("readContent", () => structuredClone(this.contents.get(address) ?? { constant: null }));
  }

  async writeContent(address: string, content: FakeContent): Promise<void> {
    this.step("writeContent", () => {
      this.contents.set(address, structuredClone(content));
      if ("constant" in content) this.values.set(address, content.constant);
    });
  }

  async writeNumber(address: string, value: number): Promise<void> {
    this.step("writeNumber", () => {
      this.contents.set(address, { constant: value });
      this.values.set(address, value);
    });
  }

  async recalculate(): Promise<void> {
    this.step("recalculate", () => this.computeFormulas());
  }

  async readValue(address: string): Promise<SweepCellValue> {
    return this.step("readValue", () => this.values.get(address) ?? null);
  }

  snapshot(): { contents: Record<string, FakeContent>; values: Record<string, SweepCellValue> } {
    return { contents: Object.fromEntries(structuredClone([...this.contents])), values: Object.fromEntries(this.values) };
  }

  private computeFormulas(): void {
    this.recalculations++;
    const get = (address: string): number => {
      const value = this.values.get(address);
      return typeof value === "number" ? value : Number.NaN;
    };
    for (const address of this.formulaOrder) {
      const content = this.contents.get(address);
      if (content !== undefined && "formula" in content) this.values.set(address, this.evaluate(content.formula, get, this.recalculations));
    }
  }

  private step<T>(name: string, operation: () => T): T {
    this.steps++;
    const failing = this.steps === this.faultAt || (this.failFrom !== null && this.steps >= this.failFrom);
    const fault = new Error(`injected fault at step ${this.steps} (${name})`);
    if (failing && this.faultMode === "before") throw fault;
    const result = operation();
    if (failing) throw fault;
    return result;
  }
}

/**
 * The sample's cost model in miniature: total = tickets * (input tokens * ((1 - c) * input price
 * + c * cached price) + output tokens * output price) / 1e6. Tickets is itself a formula, to prove
 * formulas come back; a text note sits among the cells and must survive too.
 */
function sampleModel(options: { volatile?: boolean; output?: (total: number) => SweepCellValue } = {}): FakeWorkbook {
  return new FakeWorkbook(
    {
      B5: { formula: "=10000*2" },
      B7: { constant: 6000 },
      B8: { constant: 800 },
      B9: { constant: 3 },
      B10: { constant: 15 },
      B11: { constant: 0.5 },
      B12: { constant: 0.3 },
      C9: { constant: "claude-sonnet-4 list price, 2025-05-14" },
      F1: { formula: "=B5*(B7*((1-B11)*B9+B11*B12)+B8*B10)/1e6" },
    },
    (formula, get, recalculation) => {
      if (formula === "=10000*2") return 10000 * 2;
      const total = (get("B5") * (get("B7") * ((1 - get("B11")) * get("B9") + get("B11") * get("B12")) + get("B8") * get("B10"))) / 1e6;
      const value = options.volatile ? total + recalculation * 1e-3 : total;
      return options.output ? options.output(value) : value;
    },
    ["B5", "F1"],
  );
}

function withDefaultRange(address: string, label: string, base: number): SensitivityInput {
  return { address, label, ...relativeRange(base) };
}

const sampleInputs: SensitivityInput[] = [
  withDefaultRange("B5", "Tickets per month", 20000),
  withDefaultRange("B7", "Input tokens per ticket", 6000),
  withDefaultRange("B8", "Output tokens per ticket", 800),
  withDefaultRange("B9", "Input price", 3),
  withDefaultRange("B10", "Output price", 15),
  withDefaultRange("B11", "Cached share", 0.5),
  withDefaultRange("B12", "Cached input price", 0.3),
];

describe("runSensitivitySweep on the sample model", () => {
  it("gives the tornado a hand calculation gives, and leaves every cell as it was", async () => {
    // Base: per ticket (6000 * (0.5 * 3 + 0.5 * 0.3) + 800 * 15) / 1e6 = (9900 + 12000) / 1e6 = 0.0219; * 20000 = 438.
    // Tickets 16000 / 24000: 0.0219 * 16000 = 350.4, * 24000 = 525.6, swing 175.2.
    // Output tokens 640 / 960: 20000 * (0.0099 + 0.0096) = 390, 20000 * (0.0099 + 0.0144) = 486, swing 96.
    // Output price 12 / 18: the same 390 / 486, swing 96 (a tie: input order kept).
    // Input tokens 4800 / 7200: 20000 * (4800 * 1.65 / 1e6 + 0.012) = 398.4, (7200 * 1.65e-6 + 0.012) * 20000 = 477.6, swing 79.2.
    // Input price 2.4 / 3.6: 20000 * (6000 * (1.2 + 0.15) / 1e6 + 0.012) = 402, (6000 * 1.95e-6 + 0.012) * 20000 = 474, swing 72.
    // Cached share 0.4 / 0.6: 20000 * (6000 * (1.8 + 0.12) / 1e6 + 0.012) = 470.4, (6000 * 1.38e-6 + 0.012) * 20000 = 405.6, swing 64.8.
    // Cached price 0.24 / 0.36: 20000 * (6000 * 1.62e-6 + 0.012) = 434.4, (6000 * 1.68e-6 + 0.012) * 20000 = 441.6, swing 7.2.
    const workbook = sampleModel();
    const before = workbook.snapshot();
    const progress: Array<[number, number]> = [];
    const result = await runSensitivitySweep(workbook, "F1", sampleInputs, { onProgress: (done, total) => progress.push([done, total]) });

    expect(result.baseOutput).toBeCloseTo(438, 10);
    const expected: Array<[string, number, number, number]> = [
      ["Tickets per month", 350.4, 525.6, 175.2],
      ["Output tokens per ticket", 390, 486, 96],
      ["Output price", 390, 486, 96],
      ["Input tokens per ticket", 398.4, 477.6, 79.2],
      ["Input price", 402, 474, 72],
      ["Cached share", 470.4, 405.6, 64.8],
      ["Cached input price", 434.4, 441.6, 7.2],
    ];
    expect(result.rows.map((row) => row.label)).toEqual(expected.map(([label]) => label));
    result.rows.forEach((row, index) => {
      const [, atLow, atHigh, swing] = expected[index];
      expect(row.outputAtLow).toBeCloseTo(atLow, 9);
      expect(row.outputAtHigh).toBeCloseTo(atHigh, 9);
      expect(row.swing).toBeCloseTo(swing, 9);
    });
    expect(result.rows[0]).toMatchObject({ address: "B5", lowValue: 16000, highValue: 24000 });
    expect(result.warnings).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((done) => [done, 7]));
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.contents.get("B5")).toEqual({ formula: "=10000*2" });
  });

  it("recalculates before every read (the fake is in manual mode) and once more after putting the inputs back", async () => {
    const workbook = sampleModel();
    const recalculationsBefore = workbook.recalculations;
    await runSensitivitySweep(workbook, "F1", sampleInputs.slice(0, 2));
    // 1 for the base, 2 per input, 1 after the restore
    expect(workbook.recalculations - recalculationsBefore).toBe(1 + 2 * 2 + 1);
  });

  it("recalculates before reading the base: a manual-mode workbook may show a stale output", async () => {
    const workbook = sampleModel();
    workbook.contents.set("B9", { constant: 6 }); // typed in manual mode: F1 still shows 438
    workbook.values.set("B9", 6);
    const contentsBefore = workbook.snapshot().contents;
    const result = await runSensitivitySweep(workbook, "F1", sampleInputs.slice(0, 1));
    // per ticket (6000 * (0.5 * 6 + 0.5 * 0.3) + 800 * 15) / 1e6 = (18900 + 12000) / 1e6 = 0.0309; * 20000 = 618
    expect(result.baseOutput).toBeCloseTo(618, 10);
    expect(result.warnings).toEqual([]);
    expect(workbook.snapshot().contents).toEqual(contentsBefore);
  });

  it("warns when the output does not come back to its base value (a volatile function)", async () => {
    const workbook = sampleModel({ volatile: true });
    const result = await runSensitivitySweep(workbook, "F1", sampleInputs.slice(0, 1));
    expect(result.warnings).toEqual([expect.stringMatching(/The output F1 shows 438\.0\d+ after the sweep put every input back, not 438\.0\d+ as before: the model may use a volatile function/)]);
  });

  it("refuses an output that is not a number, naming what it shows and when, and restores", async () => {
    const workbook = sampleModel({ output: (total) => (total > 500 ? "#NUM!" : total) });
    const before = workbook.snapshot();
    await expect(runSensitivitySweep(workbook, "F1", sampleInputs.slice(0, 1))).rejects.toEqual(
      malformedWith(/^The output cell F1 shows #NUM! with Tickets per month at 24000; a sensitivity needs a number there\. Check the model, or try a narrower range for that input\.$/),
    );
    expect(workbook.snapshot()).toEqual(before);
  });

  it("refuses an output that is text or empty before changing anything", async () => {
    for (const [output, shows] of [["total", /the text "total"/], [null, /nothing \(an empty cell\)/]] as const) {
      const workbook = sampleModel({ output: () => output });
      const before = workbook.snapshot();
      await expect(runSensitivitySweep(workbook, "F1", sampleInputs)).rejects.toEqual(malformedWith(new RegExp(`F1 shows ${shows.source} before any change; a sensitivity needs a number there\\. Pick an output cell that holds a number\\.$`)));
      expect(workbook.snapshot()).toEqual(before);
    }
  });

  it.each<[string, string, SensitivityInput[], RegExp, "malformed" | "outOfRange"]>([
    ["no inputs", "F1", [], /at least one input cell/, "malformed"],
    ["an input twice", "F1", [sampleInputs[0], sampleInputs[0]], /The input B5 \(Tickets per month\) is listed twice/, "malformed"],
    ["the output as an input", "B5", [sampleInputs[0]], /The output cell B5 is also listed as an input/, "malformed"],
    ["a low value that is not finite", "F1", [{ ...sampleInputs[1], lowValue: Number.NaN }], /The low value of Input tokens per ticket must be a finite number/, "outOfRange"],
    ["a high value that is not finite", "F1", [{ ...sampleInputs[1], highValue: Infinity }], /The high value of Input tokens per ticket must be a finite number/, "outOfRange"],
  ])("rejects %s without touching the workbook", async (_case, output, inputs, message, code) => {
    const workbook = sampleModel();
    await expect(runSensitivitySweep(workbook, output, inputs)).rejects.toEqual(expect.objectContaining({ code, message: expect.stringMatching(message) }));
    expect(workbook.steps).toBe(0);
  });

  it("restores everything when the progress callback throws", async () => {
    const workbook = sampleModel();
    const before = workbook.snapshot();
    const onProgress = (done: number) => {
      if (done === 3) throw new Error("pane closed");
    };
    await expect(runSensitivitySweep(workbook, "F1", sampleInputs, { onProgress })).rejects.toThrow("pane closed");
    expect(workbook.snapshot()).toEqual(before);
  });
});

describe("runSensitivitySweep under fault injection", () => {
  async function cleanRun(): Promise<{ steps: number; rows: unknown }> {
    const workbook = sampleModel();
    const result = await runSensitivitySweep(workbook, "F1", sampleInputs);
    return { steps: workbook.steps, rows: result.rows };
  }

  it.each<FaultMode>(["before", "after"])(
    "a fault at step k, for every k, leaves every value and formula as it was (fault %s the step)",
    async (mode) => {
      const clean = await cleanRun();
      // 7 contents read; a recalculation and a read for the base; per input 2 writes, 2 recalculations,
      // 2 reads and its restore; then the finally path's recalculation and the read that checks the base
      expect(clean.steps).toBe(7 + 2 + 7 * 7 + 1 + 1);
      let absorbed = 0;
      for (let k = 1; k <= clean.steps; k++) {
        const workbook = sampleModel();
        const before = workbook.snapshot();
        workbook.faultAt = k;
        workbook.faultMode = mode;
        const outcome = await runSensitivitySweep(workbook, "F1", sampleInputs).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ("error" in outcome) {
          // the injected fault itself comes out, not a restore error: one retry put everything back
          expect(outcome.error).not.toBeInstanceOf(SweepRestoreError);
          expect((outcome.error as Error).message).toMatch(new RegExp(`^injected fault at step ${k} `));
        } else {
          // a fault in the finally path's recalculation is absorbed by its retry; the result is the clean one
          absorbed++;
          expect(outcome.result.rows).toEqual(clean.rows);
        }
        expect({ k, ...workbook.snapshot() }).toEqual({ k, ...before });
      }
      expect(absorbed).toBe(1);
    },
  );

  it.each<FaultMode>(["before", "after"])(
    "when every step from k on fails, every cell not put back is listed in SweepRestoreError with its original content (fault %s the step)",
    async (mode) => {
      const clean = await cleanRun();
      let restoreErrors = 0;
      for (let k = 1; k <= clean.steps; k++) {
        const workbook = sampleModel();
        const before = workbook.snapshot();
        workbook.failFrom = k;
        workbook.faultMode = mode;
        const error = await runSensitivitySweep(workbook, "F1", sampleInputs).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(Error);
        const after = workbook.snapshot();
        const changed = Object.keys(before.contents).filter((address) => JSON.stringify(after.contents[address]) !== JSON.stringify(before.contents[address]));
        if (error instanceof SweepRestoreError) {
          restoreErrors++;
          // listed: the input on trial when the failures began (its write may or may not have landed)
          expect(error.cells).toHaveLength(1);
          expect(error.cells.map((cell) => cell.address)).toEqual(expect.arrayContaining(changed));
          for (const cell of error.cells) expect(cell.originalContent).toEqual(before.contents[cell.address]);
          expect(error.cause).toEqual(expect.objectContaining({ message: expect.stringMatching(/^injected fault at step/) }));
          expect(error.message).toMatch(/^The sensitivity sweep could not write back the original content of cell B\d+\. It is kept: write it back before saving\.$/);
        } else {
          expect({ k, changed }).toEqual({ k, changed: [] });
        }
      }
      // a failure that starts while an input holds a trial value leaves it for the user to put back
      expect(restoreErrors).toBeGreaterThan(0);
    },
  );
});
