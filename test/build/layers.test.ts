/* The import directions of docs/DECISIONS.md, held by the lint config (eslint.config.mjs): each
 * case lints a one-line file at a path inside a layer and expects the config to refuse, or to
 * allow, the import. core imports nothing of ours; functions -> core; sheet -> core; workbook ->
 * sheet + core; ui -> core; taskpane -> port + sheet + core + ui; preview -> anything, and no
 * production module imports the preview except the task pane's entry, through its one guarded
 * dynamic import of ../preview/standalone ("dynamic" cases lint an import() instead). */
import { execFileSync } from "node:child_process";
import { ROOT } from "./metadata";

const refused: [string, string][] = [
  ["src/core/x.ts", "../functions/values"],
  ["src/core/x.ts", "../sheet/port"],
  ["src/core/x.ts", "chart.js"],
  ["src/functions/x.ts", "../sheet/port"],
  ["src/functions/x.ts", "../preview/aicostPlugin"],
  ["src/functions/x.ts", "hyperformula"],
  ["src/sheet/x.ts", "../functions/parameters"],
  ["src/sheet/x.ts", "../workbook/excelWorkbook"],
  ["src/workbook/x.ts", "../taskpane/app"],
  ["src/workbook/x.ts", "../preview/previewWorkbook"],
  ["src/ui/x.ts", "../taskpane/styles"],
  ["src/taskpane/x.ts", "../workbook/excelWorkbook"],
  ["src/taskpane/x.ts", "../preview/previewWorkbook"],
  ["src/taskpane/x.ts", "../functions/aicost"],
  ["src/taskpane/index.ts", "../preview/previewWorkbook"],
  ["src/taskpane/index.ts", "../preview/standalone"], // statically: it would bundle HyperFormula
  ["src/taskpane/index.ts", "hyperformula"],
  ["dynamic src/functions/x.ts", "../preview/standalone"],
  ["dynamic src/taskpane/app.ts", "../preview/standalone"],
  ["dynamic src/taskpane/index.ts", "../preview/previewWorkbook"],
  ["dynamic src/workbook/x.ts", "../core/scenario"],
  ["src/taskpane/shareView.ts", "../share/package"], // statically: it would enter the pane's first load
  ["dynamic src/taskpane/app.ts", "../share/package"],
  ["dynamic src/taskpane/shareView.ts", "../functions/aicost"],
];

const allowed: [string, string][] = [
  ["src/core/x.ts", "./scenario"],
  ["src/functions/x.ts", "../core/scenario"],
  ["src/sheet/x.ts", "../core/scenario"],
  ["src/workbook/x.ts", "../sheet/port"],
  ["src/workbook/x.ts", "../core/errors"],
  ["src/ui/x.ts", "../core/scenario"],
  ["src/taskpane/x.ts", "../sheet/port"],
  ["src/taskpane/x.ts", "../ui/chartStyle"],
  ["src/taskpane/x.ts", "../core/projection"],
  ["src/taskpane/index.ts", "../workbook/excelWorkbook"],
  ["dynamic src/taskpane/index.ts", "../preview/standalone"], // the one guarded entry
  ["dynamic src/taskpane/shareView.ts", "../share/package"], // the rewriter, loaded when used
  ["dynamic src/preview/x.ts", "./xlsxExport"],
  ["src/preview/x.ts", "../functions/aicost"],
  ["src/preview/x.ts", "../taskpane/app"],
  ["src/preview/x.ts", "hyperformula"],
];

// ESLint loads its flat config with a dynamic import, which Jest's module sandbox refuses, so the
// cases are linted in one Node process of their own.
const lintScript = `
import { ESLint } from "eslint";
const cases = JSON.parse(await new Promise((resolve) => { let text = ""; process.stdin.on("data", (chunk) => (text += chunk)); process.stdin.on("end", () => resolve(text)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const [target, source] of cases) {
  const dynamic = target.startsWith("dynamic ");
  const file = dynamic ? target.slice("dynamic ".length) : target;
  const code = dynamic
    ? 'export async function load() { return import("' + source + '"); }\\n'
    : 'import * as imported from "' + source + '";\\nexport const used = imported;\\n';
  const [result] = await eslint.lintText(code, { filePath: process.cwd() + "/" + file });
  results.push(result.messages.filter((message) => ["no-restricted-imports", "no-restricted-syntax"].includes(message.ruleId)).map((message) => message.message));
}
process.stdout.write(JSON.stringify(results));
`;

let errorsByCase: Map<string, string[]>;

beforeAll(() => {
  const cases = [...refused, ...allowed];
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", lintScript], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  const results = JSON.parse(output) as string[][];
  errorsByCase = new Map(cases.map(([file, source], index) => [`${file} ${source}`, results[index]]));
}, 60_000);

describe("the lint config holds the layers", () => {
  it.each(refused)("%s may not import %s", (file, source) => {
    expect(errorsByCase.get(`${file} ${source}`)).not.toEqual([]);
  });

  it.each(allowed)("%s may import %s", (file, source) => {
    expect(errorsByCase.get(`${file} ${source}`)).toEqual([]);
  });
});
