import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../..");
/** Where the end-to-end tests build the preview. */
export const E2E_DIST = join(ROOT, "test-results", "e2e-dist");
/** Where the end-to-end tests save screenshots. */
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
