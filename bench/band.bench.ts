/* Throughput of the band's maths in core: the normal quantile, the price quantile at any
 * probability and at a stated percentile, the 36-month P10/P50/P90 curve, each beside
 * projectPrice (one scenario projection, what PROJECT_PRICE runs) in the same run. Target: a
 * price quantile at an arbitrary probability costs at most 3x a projectPrice.
 *
 * Also the sensitivity sweep's own overhead on an in-memory workbook (30 inputs, each recalculation
 * one multiplication): what the orchestration adds before the host's recalculation time.
 *
 * Each task call runs a batch, so tinybench's per-call timer overhead does not swamp a ~50 ns
 * function; a sink keeps the JIT from dropping the work. */
import { Bench } from "tinybench";
import {
  DEFAULT_BAND,
  DEFAULT_SCENARIO,
  normalQuantile,
  priceBandCurve,
  priceQuantile,
  projectPrice,
  runSensitivitySweep,
  type SensitivityInput,
  type SensitivityWorkbook,
  type SweepCellValue,
} from "../src/core";

const BATCH = 1000;
const TARGET_RATIO = 3;
const SWEEP_INPUTS = 30;

let sink = 0;
function consume(result: number | readonly unknown[]): void {
  sink += typeof result === "number" ? result : result.length;
}

// Probabilities that avoid 0.1, 0.5 and 0.9, spread over (0, 1) and into the tails.
const probabilities = Array.from({ length: BATCH }, (_, i) => (i + 0.37) / (BATCH + 1));
const tailProbabilities = Array.from({ length: BATCH }, (_, i) => Math.pow(10, -3 - (12 * i) / BATCH));

/** A workbook whose output is the product of its inputs; contents are numbers. */
class ProductWorkbook implements SensitivityWorkbook<number> {
  private readonly cells = new Map<string, number>();
  private output = 0;

  constructor(inputCount: number) {
    for (let i = 0; i < inputCount; i++) this.cells.set(`B${i + 1}`, 1 + i / 100);
  }

  async readContent(address: string): Promise<number> {
    return this.cells.get(address) as number;
  }
  async writeContent(address: string, content: number): Promise<void> {
    this.cells.set(address, content);
  }
  async writeNumber(address: string, value: number): Promise<void> {
    this.cells.set(address, value);
  }
  async recalculate(): Promise<void> {
    let product = 1;
    for (const value of this.cells.values()) product *= value;
    this.output = product;
  }
  async readValue(): Promise<SweepCellValue> {
    return this.output;
  }
}

const sweepWorkbook = new ProductWorkbook(SWEEP_INPUTS);
const sweepInputs: SensitivityInput[] = Array.from({ length: SWEEP_INPUTS }, (_, i) => ({
  address: `B${i + 1}`,
  label: `input ${i + 1}`,
  lowValue: 0.8 * (1 + i / 100),
  highValue: 1.2 * (1 + i / 100),
}));

const bench = new Bench({ name: "AICOST band maths", time: 700, warmupTime: 200 });

bench
  .add("normalQuantile, central and near tails", () => {
    for (let i = 0; i < BATCH; i++) consume(normalQuantile(probabilities[i]));
  })
  .add("normalQuantile, tails 1e-3 to 1e-15", () => {
    for (let i = 0; i < BATCH; i++) consume(normalQuantile(tailProbabilities[i]));
  })
  .add("priceQuantile, any probability", () => {
    for (let i = 0; i < BATCH; i++) consume(priceQuantile(37.5, i % 48, probabilities[i], DEFAULT_BAND));
  })
  .add("priceQuantile, q = 0.9", () => {
    for (let i = 0; i < BATCH; i++) consume(priceQuantile(37.5, i % 48, 0.9, DEFAULT_BAND));
  })
  .add("projectPrice, baseline", () => {
    for (let i = 0; i < BATCH; i++) consume(projectPrice(37.5, i % 48, DEFAULT_SCENARIO));
  })
  .add("priceBandCurve, 36 months", () => {
    for (let i = 0; i < BATCH / 10; i++) consume(priceBandCurve(37.5 + i, 36, DEFAULT_BAND));
  })
  .add("sensitivity sweep, 30 inputs, in memory", async () => {
    const result = await runSensitivitySweep(sweepWorkbook, "OUT", sweepInputs);
    consume(result.rows);
  });

function evaluationsPerCall(name: string): number {
  if (name.startsWith("priceBandCurve")) return BATCH / 10;
  if (name.startsWith("sensitivity")) return 1;
  return BATCH;
}

async function main(): Promise<void> {
  await bench.run();
  const perSecond = new Map<string, number>();
  const rows = bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== "completed") {
      throw new Error(`${task.name}: ${result.state}`);
    }
    const rate = (evaluationsPerCall(task.name) * 1000) / result.period;
    perSecond.set(task.name, rate);
    return {
      task: task.name,
      "calls/s": Math.round(rate).toLocaleString("en-US"),
      "time per call": formatSeconds(1 / rate),
    };
  });
  console.table(rows);
  const ratio = (perSecond.get("projectPrice, baseline") as number) / (perSecond.get("priceQuantile, any probability") as number);
  const verdict = ratio <= TARGET_RATIO ? "PASS" : "FAIL";
  console.log(`${verdict}: priceQuantile at any probability costs ${ratio.toFixed(2)}x a projectPrice (target: at most ${TARGET_RATIO}x)`);
  if (sink === 42) console.log(""); // the sink must be read, or its writes could be dropped
}

function formatSeconds(seconds: number): string {
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`;
  if (seconds >= 1e-6) return `${(seconds * 1e6).toFixed(2)} µs`;
  return `${(seconds * 1e9).toFixed(1)} ns`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
