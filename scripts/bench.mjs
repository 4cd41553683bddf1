#!/usr/bin/env node
// npm run bench: runs every bench/*.bench.ts with tsx, one at a time in name order, each in its
// own Node process so one benchmark's JIT state and garbage do not disturb the next.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(root, "bench");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();

if (files.length === 0) {
  console.error("No bench/*.bench.ts files to run.");
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  // data/prices.csv is imported as text, as webpack bundles it (scripts/register-text-modules.cjs).
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${join(root, "scripts", "register-text-modules.cjs")}`].filter(Boolean).join(" ");
  const run = spawnSync(process.execPath, [tsxCli, join(benchDir, file)], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  if (run.status !== 0) {
    failed++;
    console.error(`${file} exited with ${run.status ?? run.signal}.`);
  }
}
process.exit(failed > 0 ? 1 : 0);
