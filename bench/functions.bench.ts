/* Evaluations per second of the AICOST functions through their Excel-facing path (aicost.ts: the
 * parameter-table runner's argument reading, checks, error mapping and result check), each beside
 * an inline JavaScript expression of the same arithmetic. Every argument form a scenario arrives
 * in is measured: a preset's name as text, Excel's [["text"]] (a literal text to an any[][]
 * parameter), a range row (how AICOST_SCENARIO arrives, the common case) and a range column; and
 * COST_CURVE over 36 months. Target: each within 2x of inline arithmetic.
 *
 * The machine is shared, so one run is noisy: the benchmark runs ROUNDS rounds, each measuring
 * every pair one after the other (tinybench's median sample time per task), and reports the
 * median over the rounds of each rate and of each pair's ratio. Each task call runs a batch of
 * evaluations over varying months, so the timer's own overhead does not swamp a ~100 ns function;
 * a sink keeps the JIT from dropping the work. */
import { Bench } from "tinybench";
import { COST_CURVE, PROJECT_PRICE } from "../src/functions/aicost";

const BATCH = 1000;
const CURVES_PER_BATCH = 100;
const ROUNDS = 7;
const TARGET_RATIO = 2;
const monthsInYear = 12;

let sink = 0;
function consume(result: unknown): void {
  sink += typeof result === "number" ? result : Array.isArray(result) ? result.length : 1;
}

// Inputs as Excel passes them.
const presetText = "aggressive";
const presetRange = [["aggressive"]];
const scenarioRow = [["team", 0.2, 0.05]];
const scenarioColumn = [["team"], [0.2], [0.05]];
const monthsInCurve = 36;
const inputTokens = Array.from({ length: monthsInCurve }, (_, month) => [2e6 * (1 + month / 12)]);
const outputTokens = inputTokens.map(([tokens]) => [tokens / 4]);

interface Pair {
  readonly name: string;
  readonly evaluationsPerCall: number;
  readonly measured: () => void;
  readonly inline: () => void;
}

const presetInline = (): void => {
  for (let i = 0; i < BATCH; i++) consume(37.5 * (0.001 + 0.999 * Math.pow(0.025, (i % 48) / monthsInYear)));
};
const rangeInline = (): void => {
  for (let i = 0; i < BATCH; i++) consume(37.5 * (0.05 + 0.95 * Math.pow(0.2, (i % 48) / monthsInYear)));
};

const pairs: readonly Pair[] = [
  {
    name: "PROJECT_PRICE preset text",
    evaluationsPerCall: BATCH,
    measured: () => {
      for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, presetText));
    },
    inline: presetInline,
  },
  {
    name: 'PROJECT_PRICE preset [["text"]]',
    evaluationsPerCall: BATCH,
    measured: () => {
      for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, presetRange));
    },
    inline: presetInline,
  },
  {
    name: "PROJECT_PRICE range row",
    evaluationsPerCall: BATCH,
    measured: () => {
      for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, scenarioRow));
    },
    inline: rangeInline,
  },
  {
    name: "PROJECT_PRICE range column",
    evaluationsPerCall: BATCH,
    measured: () => {
      for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, scenarioColumn));
    },
    inline: rangeInline,
  },
  {
    name: "COST_CURVE 36 months",
    evaluationsPerCall: CURVES_PER_BATCH,
    measured: () => {
      for (let i = 0; i < CURVES_PER_BATCH; i++) consume(COST_CURVE(inputTokens, outputTokens, 3, 15, presetText, i % 12, 0.5, 0.3));
    },
    inline: () => {
      for (let i = 0; i < CURVES_PER_BATCH; i++) {
        const startMonth = i % 12;
        const curve = new Array<number[]>(monthsInCurve);
        for (let month = 0; month < monthsInCurve; month++) {
          const input = inputTokens[month][0];
          const costToday = (0.5 * input * 3 + 0.5 * input * 0.3 + outputTokens[month][0] * 15) / 1e6;
          curve[month] = [costToday * (0.001 + 0.999 * Math.pow(0.025, (startMonth + month) / monthsInYear))];
        }
        consume(curve);
      }
    },
  },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Evaluations per second of `run`, from tinybench's median sample time. */
async function rate(name: string, run: () => void, evaluationsPerCall: number): Promise<number> {
  const bench = new Bench({ name, time: 150, warmupTime: 50 });
  bench.add(name, run);
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== "completed") {
    throw new Error(`${name}: ${result.state}`);
  }
  return (evaluationsPerCall * 1000) / result.latency.p50;
}

async function main(): Promise<void> {
  const measuredRates = new Map<string, number[]>();
  const inlineRates = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const pair of pairs) {
      const measured = await rate(pair.name, pair.measured, pair.evaluationsPerCall);
      const inline = await rate(`inline: ${pair.name}`, pair.inline, pair.evaluationsPerCall);
      measuredRates.set(pair.name, [...(measuredRates.get(pair.name) ?? []), measured]);
      inlineRates.set(pair.name, [...(inlineRates.get(pair.name) ?? []), inline]);
      ratios.set(pair.name, [...(ratios.get(pair.name) ?? []), inline / measured]);
    }
  }
  const rows = pairs.map((pair) => {
    const pairRatios = ratios.get(pair.name) ?? [];
    return {
      function: pair.name,
      "evaluations/s": Math.round(median(measuredRates.get(pair.name) ?? [])).toLocaleString("en-US"),
      "inline evaluations/s": Math.round(median(inlineRates.get(pair.name) ?? [])).toLocaleString("en-US"),
      "inline / function, median": Number(median(pairRatios).toFixed(2)),
      "range over rounds": `${Math.min(...pairRatios).toFixed(2)}-${Math.max(...pairRatios).toFixed(2)}`,
    };
  });
  console.log(`AICOST functions against inline arithmetic: medians of ${ROUNDS} rounds`);
  console.table(rows);
  for (const row of rows) {
    const ratio = row["inline / function, median"];
    console.log(`${ratio <= TARGET_RATIO ? "PASS" : "FAIL"}: ${row.function} is ${ratio}x slower than inline (target: within ${TARGET_RATIO}x)`);
  }
  if (sink === 42) console.log(""); // the sink must be read, or its writes could be dropped
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
