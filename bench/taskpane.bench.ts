/* The task pane's bundle budget: builds the production add-in, finds the scripts taskpane.html
 * loads at start (office.js comes from Microsoft's CDN and is excluded), and prints each one's
 * gzipped size and the total against the 150 KB budget, PASS/FAIL.
 *
 * It also says what each dependency adds, from the build's source maps: every byte of the
 * minified scripts is attributed to the source file it came from, grouped by package, and each
 * group's bytes are gzipped on their own. Group figures are estimates (gzip compresses across
 * groups too), so they do not add up exactly to the total.
 *
 *   npm run bench                     builds into test-results/bench-addin
 *   tsx bench/taskpane.bench.ts --skip-build   reuses that build
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP_BYTES = 150 * 1024;
const root = resolve(__dirname, "..");
const outputPath = join(root, "test-results", "bench-addin");

function build(): number {
  const started = performance.now();
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "outputPath=test-results/bench-addin", "--env", "productionUrl=https://bench.aicost.invalid/"],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  return performance.now() - started;
}

/** The src of every script tag in taskpane.html, in order. */
function scriptSources(html: string): string[] {
  // html-webpack-plugin minifies the page, so attribute values may be unquoted.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((match) => match[1] ?? match[2] ?? match[3]);
}

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one source-map VLQ field list ("AAAA,SAAS") into its numbers. */
function decodeVlq(segment: string): number[] {
  const numbers: number[] = [];
  let accumulated = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = base64Digits.indexOf(character);
    accumulated += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      numbers.push(accumulated & 1 ? -(accumulated >>> 1) : accumulated >>> 1);
      accumulated = 0;
      shift = 0;
    }
  }
  return numbers;
}

/** Which dependency a source path belongs to. */
function groupOf(source: string | undefined): string {
  if (source == null) return "webpack runtime and glue";
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (packageMatch) return packageMatch[1];
  const ourMatch = /src\/(\w+)\//.exec(source);
  if (ourMatch) return `src/${ourMatch[1]}`;
  return "webpack runtime and glue";
}

/** The minified code of a script split by dependency, using its source map. */
function codeByGroup(code: string, map: { sources: string[]; mappings: string }): Map<string, string> {
  const groups = new Map<string, string[]>();
  const lines = code.split("\n");
  const mappingLines = map.mappings.split(";");
  let sourceIndex = 0;
  lines.forEach((line, lineIndex) => {
    const segments = (mappingLines[lineIndex] ?? "").split(",").filter(Boolean);
    let column = 0;
    const starts: { column: number; group: string }[] = [{ column: 0, group: groupOf(undefined) }];
    for (const segment of segments) {
      const fields = decodeVlq(segment);
      column += fields[0];
      if (fields.length >= 4) sourceIndex += fields[1];
      starts.push({ column, group: fields.length >= 4 ? groupOf(map.sources[sourceIndex]) : groupOf(undefined) });
    }
    starts.forEach((start, index) => {
      const end = starts[index + 1]?.column ?? line.length;
      if (end <= start.column) return;
      const parts = groups.get(start.group) ?? [];
      parts.push(line.slice(start.column, end));
      groups.set(start.group, parts);
    });
  });
  return new Map([...groups].map(([group, parts]) => [group, parts.join("")]));
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): void {
  const skipBuild = process.argv.includes("--skip-build") && existsSync(join(outputPath, "taskpane.html"));
  if (!skipBuild) {
    console.log(`production add-in build: ${(build() / 1000).toFixed(1)} s`);
  }
  const html = readFileSync(join(outputPath, "taskpane.html"), "utf8");
  const sources = scriptSources(html);
  const rows: string[][] = [];
  const byGroup = new Map<string, string>();
  let totalGzip = 0;
  for (const source of sources) {
    if (/^https?:\/\//.test(source)) {
      rows.push([source, "-", "-", "excluded (Microsoft's CDN)"]);
      continue;
    }
    const code = readFileSync(join(outputPath, source), "utf8");
    const gzipBytes = gzipSync(code).length;
    totalGzip += gzipBytes;
    rows.push([source, kilobytes(Buffer.byteLength(code)), kilobytes(gzipBytes), ""]);
    const mapPath = join(outputPath, `${source}.map`);
    if (existsSync(mapPath)) {
      for (const [group, groupCode] of codeByGroup(code, JSON.parse(readFileSync(mapPath, "utf8")))) {
        byGroup.set(group, (byGroup.get(group) ?? "") + groupCode);
      }
    }
  }

  console.log("\nInitial scripts of taskpane.html (gzip level 6, as web servers send them):");
  console.table(rows.map(([script, minified, gzipped, note]) => ({ script, minified, gzipped, note })));
  console.log("\nWhat each part adds (minified bytes from the source maps, each part gzipped alone):");
  console.table(
    [...byGroup]
      .map(([group, groupCode]) => ({ part: group, minified: Buffer.byteLength(groupCode), gzipped: gzipSync(groupCode).length }))
      .sort((left, right) => right.gzipped - left.gzipped)
      .map(({ part, minified, gzipped }) => ({ part, minified: kilobytes(minified), gzipped: kilobytes(gzipped) })),
  );
  const pass = totalGzip <= BUDGET_GZIP_BYTES;
  console.log(
    `\nTask pane initial JavaScript: ${kilobytes(totalGzip)} gzipped; budget ${kilobytes(BUDGET_GZIP_BYTES)}: ${pass ? "PASS" : "FAIL"}`,
  );
  if (!pass) process.exitCode = 1;

  // Scripts the page does not load at start: the Share-safe copy's rewriter (src/share, fflate,
  // saxes, @borgar/fx), fetched when its button is first used.
  const lazy = readdirSync(outputPath).filter((name) => name.endsWith(".js") && !sources.includes(name) && name !== "functions.js");
  const lazyGzip = lazy.reduce((sum, name) => sum + gzipSync(readFileSync(join(outputPath, name), "utf8")).length, 0);
  console.log(`Loaded when used (the Share-safe copy's rewriter, ${lazy.length} scripts): ${kilobytes(lazyGzip)} gzipped, outside the initial budget.`);
}

main();
