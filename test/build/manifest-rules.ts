import { execFileSync } from "node:child_process";
import { join } from "node:path";

const RULES = join(__dirname, "..", "..", "scripts", "manifest-rules.mjs");

/** One manifest to check: its text, and where its icons must exist (default: the repo's assets/). */
export interface ManifestCase {
  readonly xmlText: string;
  readonly assetsDir?: string;
}

/**
 * Runs scripts/manifest-rules.mjs's checkManifest on every case in one Node process: it is an ES
 * module shared with validate-manifest.mjs, and Jest (CommonJS here) cannot import it without
 * experimental flags. Returns each case's problems.
 */
export function checkManifests(cases: readonly ManifestCase[]): string[][] {
  const script = `
    import { readFileSync } from "node:fs";
    import { checkManifest } from ${JSON.stringify(RULES)};
    const cases = JSON.parse(readFileSync(0, "utf8"));
    process.stdout.write(JSON.stringify(cases.map((c) => checkManifest(c.xmlText, c.assetsDir ? { assetsDir: c.assetsDir } : {}))));
  `;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(output) as string[][];
}
