/* npm run prices:import end to end: the script run as a maintainer runs it, on copies of fixture
 * catalogs in a temporary folder. Bad input exits non-zero with a message and never changes the
 * catalog; a good import writes it once, leaving no temporary file. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "litellm");
const tsxCli = require.resolve("tsx/cli");

let folder: string;
let catalogPath: string;

function runImport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [tsxCli, join(root, "scripts", "prices-import.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const withFixtures = (...args: string[]) => [...args, "--catalog", catalogPath, "--tracking", join(fixtures, "small-tracking.json")];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aicost-prices-import-"));
  catalogPath = join(folder, "prices.csv");
  copyFileSync(join(fixtures, "small-catalog.csv"), catalogPath);
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("npm run prices:import", () => {
  it("adds a dated row per changed price and per new model, prints them, and leaves no temporary file; a second run changes nothing", () => {
    const before = readFileSync(catalogPath, "utf8");
    const first = runImport(...withFixtures(join(fixtures, "map-changed.json"), "--date", "2026-12-03", "--source", "BerriAI/litellm@test"));
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Changed prices (new rows from 2026-12-03):\n  gpt-x: input 2 -> 1.5, cached_input (none) -> 0.15");
    expect(first.stdout).toContain("New models (rows from 2026-12-03):\n  gpt-6 (OpenAI)");
    expect(first.stdout).toContain(`Wrote ${catalogPath}: 6 -> 8 rows.`);
    const after = readFileSync(catalogPath, "utf8");
    // every old line is still there; two lines are new
    for (const line of before.trim().split("\n")) expect(after).toContain(line);
    expect(after.trim().split("\n")).toHaveLength(before.trim().split("\n").length + 2);
    expect(after).toContain("gpt-x,OpenAI,2026-12-03,1.5,8,0.15,,,,price: BerriAI/litellm@test; date: given to the import,\n");
    expect(readdirSync(folder)).toEqual(["prices.csv"]);

    const second = runImport(...withFixtures(join(fixtures, "map-changed.json"), "--date", "2026-12-03"));
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`No new rows; ${catalogPath} is left as it was.`);
    expect(readFileSync(catalogPath, "utf8")).toBe(after);
  });

  it("writes nothing on a dry run", () => {
    const before = readFileSync(catalogPath, "utf8");
    const run = runImport(...withFixtures(join(fixtures, "map-changed.json"), "--date", "2026-12-03", "--dry-run"));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Dry run: ${catalogPath} not written (it would get 2 new rows, 8 in all).`);
    expect(readFileSync(catalogPath, "utf8")).toBe(before);
  });

  it.each([
    ["not-json.txt", /^prices:import: .*not-json.txt is not JSON/],
    ["wrong-shape-array.json", /^prices:import: .*wrong-shape-array.json is JSON but not a price map/],
    ["no-such-file.json", /^prices:import: Cannot read the price map .*no-such-file.json/],
  ])("exits 1 on %s and leaves the catalog as it was", (name, message) => {
    const before = readFileSync(catalogPath, "utf8");
    const run = runImport(...withFixtures(join(fixtures, name)));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(readFileSync(catalogPath, "utf8")).toBe(before);
    expect(readdirSync(folder)).toEqual(["prices.csv"]);
  });

  it("exits 1 on a catalog it cannot read, naming the line", () => {
    writeFileSync(catalogPath, readFileSync(catalogPath, "utf8") + "gpt-y,OpenAI,2025-13-01,1,2,,,,,s,\n");
    const run = runImport(...withFixtures(join(fixtures, "map-changed.json"), "--add", "no-such-model"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^prices:import: .*prices.csv: Catalog line 8 \(gpt-y\): effective_from must be a date/);
  });

  it("exits 2 with the usage on bad arguments, and 0 on --help", () => {
    const noFile = runImport();
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^Give the LiteLLM price map to import\.\n\nUsage: npm run prices:import -- FILE/);
    const badOption = runImport("map.json", "--frobnicate");
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/^Unknown option --frobnicate\./);
    const missingValue = runImport("map.json", "--date");
    expect(missingValue.status).toBe(2);
    expect(missingValue.stderr).toMatch(/^--date needs a value\./);
    const twoFiles = runImport("a.json", "b.json");
    expect(twoFiles.status).toBe(2);
    expect(twoFiles.stderr).toMatch(/^Give one price map; got 2: a.json, b.json\./);
    const help = runImport("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run prices:import -- FILE/);
  });
});
