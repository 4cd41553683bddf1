/* Evaluations per second of the AICOST functions through their Excel-facing path (aicost.ts:
 * argument parsing, checks, error mapping), each beside an inline JavaScript expression of the
 * same arithmetic in the same run. Target: PROJECT_PRICE with a preset name within 3x of inline.
 *
 * Each task call runs a batch of evaluations over varying months, so tinybench's per-call timer
 * overhead does not swamp a ~100 ns function; a sink keeps the JIT from dropping the work. */
import { Bench } from "tinybench";
import { COST_CURVE, PROJECT_PRICE } from "../src/functions/aicost";

const BATCH = 1000;
const TARGET_RATIO = 3;
const monthsInYear = 12;

let sink = 0;
function consume(result: unknown): void {
  sink += typeof result === "number" ? result : Array.isArray(result) ? result.length : 1;
}

// Inputs as Excel passes them: a literal text to an any[][] parameter arrives as [["aggressive"]].
const presetText = "aggressive";
const presetRange = [["aggressive"]];
const scenarioRow = [["team", 0.2, 0.05]];
const monthsInCurve = 36;
const inputTokens = Array.from({ length: monthsInCurve }, (_, month) => [2e6 * (1 + month / 12)]);
const outputTokens = inputTokens.map(([tokens]) => [tokens / 4]);

const bench = new Bench({ name: "AICOST functions", time: 700, warmupTime: 200 });

bench
  .add("PROJECT_PRICE preset text", () => {
    for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, presetText));
  })
  .add("PROJECT_PRICE preset [[text]]", () => {
    for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, presetRange));
  })
  .add("inline: preset arithmetic", () => {
    for (let i = 0; i < BATCH; i++) consume(37.5 * (0.001 + 0.999 * Math.pow(0.025, (i % 48) / monthsInYear)));
  })
  .add("PROJECT_PRICE range row", () => {
    for (let i = 0; i < BATCH; i++) consume(PROJECT_PRICE(37.5, i % 48, scenarioRow));
  })
  .add("inline: range arithmetic", () => {
    for (let i = 0; i < BATCH; i++) consume(37.5 * (0.05 + 0.95 * Math.pow(0.2, (i % 48) / monthsInYear)));
  })
  .add("COST_CURVE 36 months", () => {
    for (let i = 0; i < BATCH / 10; i++) consume(COST_CURVE(inputTokens, outputTokens, 3, 15, presetText, i % 12, 0.5, 0.3));
  })
  .add("inline: 36-month cost arithmetic", () => {
    for (let i = 0; i < BATCH / 10; i++) {
      const startMonth = i % 12;
      const curve = new Array<number[]>(monthsInCurve);
      for (let month = 0; month < monthsInCurve; month++) {
        const input = inputTokens[month][0];
        const costToday = (0.5 * input * 3 + 0.5 * input * 0.3 + outputTokens[month][0] * 15) / 1e6;
        curve[month] = [costToday * (0.001 + 0.999 * Math.pow(0.025, (startMonth + month) / monthsInYear))];
      }
      consume(curve);
    }
  });

const evaluationsPerCall: Record<string, number> = {};
for (const task of bench.tasks) {
  evaluationsPerCall[task.name] = task.name.includes("36") ? BATCH / 10 : BATCH;
}

async function main(): Promise<void> {
  await bench.run();
  const evaluationsPerSecond = new Map<string, number>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== "completed") {
      throw new Error(`${task.name}: ${result.state}`);
    }
    evaluationsPerSecond.set(task.name, (evaluationsPerCall[task.name] * 1000) / result.period);
  }
  const pairs: Array<[string, string]> = [
    ["PROJECT_PRICE preset text", "inline: preset arithmetic"],
    ["PROJECT_PRICE preset [[text]]", "inline: preset arithmetic"],
    ["PROJECT_PRICE range row", "inline: range arithmetic"],
    ["COST_CURVE 36 months", "inline: 36-month cost arithmetic"],
  ];
  const rows = pairs.map(([measured, inline]) => {
    const measuredRate = evaluationsPerSecond.get(measured) as number;
    const inlineRate = evaluationsPerSecond.get(inline) as number;
    return {
      function: measured,
      "evaluations/s": Math.round(measuredRate).toLocaleString("en-US"),
      "inline evaluations/s": Math.round(inlineRate).toLocaleString("en-US"),
      "inline / function": Number((inlineRate / measuredRate).toFixed(2)),
    };
  });
  console.table(rows);
  for (const row of rows.slice(0, 2)) {
    const verdict = row["inline / function"] <= TARGET_RATIO ? "PASS" : "FAIL";
    console.log(`${verdict}: ${row.function} is ${row["inline / function"]}x slower than inline (target: within ${TARGET_RATIO}x)`);
  }
  if (sink === 42) console.log(""); // the sink must be read, or its writes could be dropped
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
