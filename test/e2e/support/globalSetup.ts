import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { E2E_DIST } from "./paths";

/** Builds the preview (minified, localhost URLs) once for all end-to-end tests. */
export default function globalSetup(): void {
  if (process.env.AICOST_E2E_SKIP_BUILD && existsSync(E2E_DIST)) {
    return;
  }
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "preview", "--env", `outputPath=${E2E_DIST}`],
    { stdio: "inherit" },
  );
}
