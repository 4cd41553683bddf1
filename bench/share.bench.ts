/* Share-safe conversion: formulas rewritten per second (distinct formulas, so no cache helps),
 * and a workbook with 100,000 AICOST formulas (a column filled down, each cell its own dynamic
 * array as Excel saves them) converted end to end (unzip, parse, rewrite, splice, zip) as the
 * command line does it (Node's zlib deflates), beside the time merely to unzip and re-zip the
 * same file; then the same conversion with fflate deflating, as the task pane and the preview
 * do it in a browser. Target (the command line): under 5 s and under 1 GB of memory (peak RSS). */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { nodeDeflate } from "../src/cli/main";
import { rewriteFormula } from "../src/share/formula";
import { shareSafeWorkbook } from "../src/share/package";
import { fflateDeflate } from "../src/share/zip";
import { excelSavedWorkbook } from "../test/share/fixtures";

const FORMULAS = 100_000;
const TARGET_SECONDS = 5;
const TARGET_BYTES = 1024 * 1024 * 1024;
const names = (name: string) => (name.toUpperCase() === "AICOST_SCENARIO" ? { kind: "range" as const, shape: { rows: 1, columns: 3 } } : undefined);

function formulasPerSecond(): number {
  const count = 20_000;
  const started = performance.now();
  for (let row = 1; row <= count; row++) {
    rewriteFormula(`_xldudf_AICOST_PROJECT_COST(_xldudf_AICOST_INFER_COST(B${row},C${row},$B$9,$B$10,$B$11,$B$12),A${row},AICOST_SCENARIO)`, { resolveName: names });
  }
  return count / ((performance.now() - started) / 1000);
}

/** The fixture with a sheet of FORMULAS dynamic-array AICOST cells, each with its own references. */
function bigWorkbook(): Uint8Array {
  const fixture = excelSavedWorkbook();
  const rows: string[] = [];
  for (let row = 1; row <= FORMULAS; row++) {
    rows.push(`<row r="${row}"><c r="A${row}"><v>${row % 37}</v></c><c r="B${row}"><v>${10 + (row % 7)}</v></c><c r="C${row}" cm="1"><f t="array" ref="C${row}">_xldudf_AICOST_PROJECT_PRICE(B${row},A${row},AICOST_SCENARIO)</f><v>1.09</v></c></row>`);
  }
  const files = { ...fixture.files };
  files["xl/worksheets/sheet3.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = [typeof content === "string" ? new TextEncoder().encode(content) : content, { level: 6 }];
  return zipSync(zippable);
}

const rate = formulasPerSecond();
console.log(`rewriteFormula: ${Math.round(rate).toLocaleString("en-US")} formulas per second (PROJECT_COST of INFER_COST, distinct references)`);

const input = bigWorkbook();
console.log(`workbook: ${FORMULAS.toLocaleString("en-US")} AICOST formulas, ${(input.length / 1024 / 1024).toFixed(1)} MB zipped`);

let started = performance.now();
const files = unzipSync(input);
const rezip: Zippable = {};
for (const [name, content] of Object.entries(files)) rezip[name] = [content, { level: 6 }];
zipSync(rezip);
const rezipSeconds = (performance.now() - started) / 1000;
console.log(`unzip + re-zip only: ${rezipSeconds.toFixed(2)} s`);

started = performance.now();
const { bytes, report } = shareSafeWorkbook(input, { deflate: nodeDeflate });
const seconds = (performance.now() - started) / 1000;
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`share-safe conversion (command line, zlib): ${seconds.toFixed(2)} s, ${report.rewrittenFormulas.toLocaleString("en-US")} rewritten, ${report.frozen.length} frozen, output ${(bytes.length / 1024 / 1024).toFixed(1)} MB, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);

started = performance.now();
const inBrowser = shareSafeWorkbook(input, { deflate: fflateDeflate });
console.log(`share-safe conversion (pane and preview, fflate): ${((performance.now() - started) / 1000).toFixed(2)} s, output ${(inBrowser.bytes.length / 1024 / 1024).toFixed(1)} MB`);

const pass = seconds < TARGET_SECONDS && peak < TARGET_BYTES && report.rewrittenFormulas >= FORMULAS;
console.log(`${pass ? "PASS" : "FAIL"}: target under ${TARGET_SECONDS} s and under 1 GB (command line)`);
if (!pass) process.exitCode = 1;
