import { join } from "node:path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";

export const ROOT = join(__dirname, "..", "..");

/**
 * functions.json as the build makes it: custom-functions-metadata-plugin calls this same generate
 * API on src/functions/functions.ts. Rejects if the JSDoc has errors, as the build fails then.
 */
export async function generateFunctionsJson(): Promise<ICustomFunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata([join(ROOT, "src", "functions", "functions.ts")], false);
  if (result.errors.length > 0) {
    throw new Error(`functions.ts has JSDoc errors:\n${result.errors.join("\n")}`);
  }
  return JSON.parse(result.metadataJson) as ICustomFunctionsMetadata;
}
