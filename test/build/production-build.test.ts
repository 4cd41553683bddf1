/* The production add-in build: every URL rewritten to the configured production URL, office.js
 * from Microsoft's CDN, no preview and no HyperFormula (GPLv3) in what gets deployed. Builds once
 * into test-results/, never into dist/ (which others may be using). */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { checkManifests } from "./manifest-rules";
import { ROOT } from "./metadata";

const PRODUCTION_URL = "https://cdn.example.org/aicost/";
const OUTPUT = join(ROOT, "test-results", "production-build-test");

let buildSeconds: number;
let files: string[];

function read(file: string): string {
  return readFileSync(join(OUTPUT, file), "utf8");
}

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(OUTPUT, path)];
  });
}

beforeAll(() => {
  rmSync(OUTPUT, { recursive: true, force: true });
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--env", `outputPath=${OUTPUT}`, "--env", `productionUrl=${PRODUCTION_URL}`],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`The production build failed:\n${`${stdout ?? ""}\n${stderr ?? ""}`.trim().split("\n").slice(-40).join("\n")}`);
  }
  buildSeconds = (performance.now() - started) / 1000;
  console.log(`production build: ${buildSeconds.toFixed(1)} s`);
  files = listFiles(OUTPUT);
}, 180_000);

describe("production build", () => {
  it("writes the add-in: manifest, task pane, functions script and generated functions.json", () => {
    expect(files).toEqual(expect.arrayContaining(["manifest.xml", "taskpane.html", "taskpane.js", "functions.js", "functions.json"]));
  });

  it("leaves no localhost in manifest.xml", () => {
    expect(read("manifest.xml")).not.toMatch(/localhost/i);
  });

  it("points every URL of the manifest at the configured production URL", () => {
    const manifest = read("manifest.xml");
    const urlValues = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((match) => match[1]);
    const appDomains = [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((match) => match[1]);
    expect(urlValues.length).toBeGreaterThanOrEqual(10);
    for (const url of urlValues) {
      expect(url.startsWith(PRODUCTION_URL)).toBe(true);
    }
    for (const domain of appDomains) {
      expect(PRODUCTION_URL.startsWith(domain)).toBe(true);
    }
  });

  it("keeps the manifest's structure: the offline manifest rules pass on the production copy", () => {
    const [problems] = checkManifests([{ xmlText: read("manifest.xml") }]);
    expect(problems).toEqual([]);
  });

  it("has no preview page, preview chunk or npm copy of office.js", () => {
    expect(files).not.toContain("index.html");
    expect(files.filter((file) => /preview/i.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith("office-js"))).toEqual([]);
  });

  it("bundles no HyperFormula code (GPLv3)", () => {
    for (const file of files.filter((name) => name.endsWith(".js"))) {
      const code = read(file);
      expect({ file, hyperFormula: /HyperFormula/.test(code), licenceKeyCheck: code.includes("gpl-v3"), licenceError: code.includes("#LIC!") }).toEqual({
        file,
        hyperFormula: false,
        licenceKeyCheck: false,
        licenceError: false,
      });
    }
  });

  it("loads office.js from Microsoft's CDN in taskpane.html", () => {
    const page = read("taskpane.html");
    // the minifier drops the quotes around attribute values
    expect(page).toMatch(/<script[^>]+src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["' >]/);
    expect(page).not.toMatch(/src=["']?[^"' >]*office-js\/office\.js/);
  });

  it("registers every function in functions.js", () => {
    const code = read("functions.js");
    for (const id of ["INFER_COST", "PROJECT_PRICE", "PROJECT_COST", "PRICE_CURVE", "COST_CURVE", "ANNUAL_MULTIPLIER", "MONTHS_TO_PRICE", "SCENARIO_PARAMS", "PRICE_QUANTILE", "COST_QUANTILE", "PRICE_BAND"]) {
      expect(code).toContain(`CustomFunctions.associate("${id}"`);
    }
  });

  it("serves a file for every URL of the manifest under the production URL", () => {
    const manifest = read("manifest.xml");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((match) => match[1]);
    const missing = urls
      .filter((url) => url.startsWith(PRODUCTION_URL))
      .map((url) => url.slice(PRODUCTION_URL.length).split(/[?#]/)[0])
      .filter((path) => !files.includes(path));
    expect(missing).toEqual([]);
  });
});
