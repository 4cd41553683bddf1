import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");
/** Where the end-to-end tests build the preview. */
export const E2E_DIST = join(ROOT, "test-results", "e2e-dist");
/** Where the end-to-end tests save screenshots. */
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

/**
 * Copies a screenshot to docs/images for the README, only when AICOST_UPDATE_DOCS_IMAGES=1, so an
 * ordinary test run leaves the work tree as it found it.
 */
export function updateDocsImage(screenshotPath: string, imageName: string): void {
  if (process.env.AICOST_UPDATE_DOCS_IMAGES === "1") {
    mkdirSync(join(ROOT, "docs", "images"), { recursive: true });
    copyFileSync(screenshotPath, join(ROOT, "docs", "images", imageName));
  }
}
