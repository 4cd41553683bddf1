/* The help page the manifest links to (SupportUrl, Get Started) names every function the add-in
 * registers, so it cannot fall behind functions.json. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateFunctionsJson, ROOT } from "./metadata";

describe("help.html", () => {
  const page = readFileSync(join(ROOT, "src", "help.html"), "utf8");

  it("lists every function of the generated functions.json in its table, in the same order", async () => {
    const { functions } = await generateFunctionsJson();
    const listed = [...page.matchAll(/<tr><td><code>([A-Z_]+)<\/code><\/td>/g)].map((match) => match[1]);
    expect(listed).toEqual(functions.map((each) => each.id));
  });

  it("loads no script and nothing from another host", () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="https?:/i);
  });
});
