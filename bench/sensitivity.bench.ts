/**
 * A 30-input tornado on the preview's sample model (npm run bench): the sample's eight inputs, the
 * active scenario's m and f, and the input-token volumes of months 0 to 19 (formula cells, put
 * back as formulas), swept against the total cost over 36 months (G53) through the preview's
 * port, as the pane runs it: 61 recalculations of the sample by HyperFormula, then the restore.
 * Time to result (the sweep's promise resolving, every cell back), median of several runs in
 * Node; the browser runs the same engine. Target: under 2 s, so the pane answers while the user
 * waits. Prints the median and PASS/FAIL.
 */
import { defaultScenarioRanges, relativeRange, runSensitivitySweep, type SensitivityInput } from "../src/core/sensitivity";
import { PreviewWorkbook, SimpleSelection } from "../src/preview/previewWorkbook";
import { createSampleDocument, SAMPLE_FIRST_MONTH_ROW, SAMPLE_SHEET_NAME, SAMPLE_TOTAL_ROW } from "../src/preview/sample";

const RUNS = 7;
const TARGET_MS = 2000;
const OUTPUT = `'${SAMPLE_SHEET_NAME}'!G${SAMPLE_TOTAL_ROW}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function thirtyInputs(port: PreviewWorkbook): Promise<SensitivityInput[]> {
  const constants = ((await port.findInputCells(OUTPUT)) ?? []).filter((cell) => typeof cell.value === "number" && cell.value !== 0);
  const scenario = await port.activeScenarioInputs();
  const ranges = defaultScenarioRanges();
  const volumes: SensitivityInput[] = [];
  for (let month = 0; month < 20; month++) {
    const address = `'${SAMPLE_SHEET_NAME}'!B${SAMPLE_FIRST_MONTH_ROW + month}`;
    const value = (await port.sensitivityWorkbook().readValue(address)) as number;
    volumes.push({ address, label: `Input tokens, month ${month}`, ...relativeRange(value) });
  }
  const inputs = [
    ...constants.map((cell) => ({ address: cell.address, label: cell.label, ...relativeRange(cell.value as number) })),
    { address: scenario!.annualPriceMultiplier.address, label: "m", ...ranges.annualPriceMultiplier },
    { address: scenario!.floorShare.address, label: "f", ...ranges.floorShare },
    ...volumes,
  ];
  if (inputs.length !== 30) throw new Error(`expected 30 inputs, got ${inputs.length}`);
  return inputs;
}

async function main(): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const workbookDocument = await createSampleDocument();
    const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
    const inputs = await thirtyInputs(port);
    const before = JSON.stringify(workbookDocument.toStored());
    const started = performance.now();
    const result = await runSensitivitySweep(port.sensitivityWorkbook(), OUTPUT, inputs);
    times.push(performance.now() - started);
    if (result.rows.length !== 30 || JSON.stringify(workbookDocument.toStored()) !== before) throw new Error("the sweep did not give 30 bars or did not restore the workbook");
  }
  const ms = median(times);
  console.log(`30-input tornado on the sample model (61 recalculations + restore): median ${ms.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); target < ${TARGET_MS} ms: ${ms < TARGET_MS ? "PASS" : "FAIL"}`);
  if (ms >= TARGET_MS) process.exitCode = 1;
}

void main();
