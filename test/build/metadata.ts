import { join } from "node:path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS helper, shared with webpack.config.js
const { withAicostOptions } = require("../../scripts/functions-metadata.cjs") as { withAicostOptions: (json: string) => string };

/** functions.json's top level as AICOST ships it: the generator's fields and AICOST's options. */
export type AicostFunctionsMetadata = ICustomFunctionsMetadata & { readonly allowErrorForDataTypeAny?: boolean };

export const ROOT = join(__dirname, "..", "..");

/**
 * functions.json as the build makes it: custom-functions-metadata-plugin calls this same generate
 * API on src/functions/functions.ts, and the build adds AICOST's options (withAicostOptions).
 * Rejects if the JSDoc has errors, as the build fails then.
 */
export async function generateFunctionsJson(): Promise<AicostFunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata([join(ROOT, "src", "functions", "functions.ts")], false);
  if (result.errors.length > 0) {
    throw new Error(`functions.ts has JSDoc errors:\n${result.errors.join("\n")}`);
  }
  return JSON.parse(withAicostOptions(result.metadataJson)) as AicostFunctionsMetadata;
}
