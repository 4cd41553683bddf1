#!/usr/bin/env node
// Offline manifest checks: well-formed XML (xmllint when the machine has it) and the structure
// AICOST depends on, checked by test/manifest.test.ts's own rules. Microsoft's full validation
// (npm run validate) posts the manifest to a Microsoft service and needs the internet.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { checkManifest } from "./manifest-rules.mjs";

const file = process.argv[2] ?? "manifest.xml";
let xmllint = true;
try {
  execFileSync("xmllint", ["--noout", file], { stdio: "inherit" });
} catch (error) {
  if (error.code === "ENOENT") {
    xmllint = false;
  } else {
    console.error(`${file} is not well-formed XML.`);
    process.exit(1);
  }
}
const problems = checkManifest(readFileSync(file, "utf8"));
if (problems.length > 0) {
  console.error(`${file} has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`${file}: ${xmllint ? "well-formed (xmllint), " : "xmllint not installed, well-formedness not checked; "}structure OK.`);
