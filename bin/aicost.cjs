#!/usr/bin/env node
// The `aicost` command (package.json "bin"): runs the TypeScript CLI in src/cli through tsx, so
// `npx aicost ...` works right after `npm install`, with no build step (docs/DECISIONS.md).
"use strict";
const path = require("node:path");
require("tsx/cjs/api").register();
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTerminal: Boolean(process.stdout.isTTY),
});
