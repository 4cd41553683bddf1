import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLOSED_FORMS } from "../../src/core/closedForms";
import { FUNCTION_IDS } from "../../src/functions/parameters";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

describe("the README says how each function is shared", () => {
  test.each(FUNCTION_IDS)("%s", (id) => {
    const start = readme.search(new RegExp(`^### \`AICOST\\.${id}\\(`, "m"));
    expect(start).toBeGreaterThan(-1);
    const next = readme.indexOf("\n### ", start + 1);
    const subsection = readme.slice(start, next === -1 ? undefined : next);
    const line = /\*\*Shared\*\* \(in a share-safe copy\): (native|frozen)/.exec(subsection);
    expect(line?.[1]).toBe(CLOSED_FORMS[id] ? "native" : "frozen");
  });

  test("has a Sharing a workbook section for finance teams", () => {
    expect(readme).toMatch(/^## Sharing a workbook$/m);
    expect(readme).toContain("npx aicost share model.xlsx model-shared.xlsx");
  });
});
