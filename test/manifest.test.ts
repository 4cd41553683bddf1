/* The manifest's structure: the shared-runtime wiring, the fixed id and namespace, resources,
 * https and icons. The rules live in scripts/manifest-rules.mjs (npm run validate:offline runs
 * them too); this test runs them on the real manifest and on one broken copy per rule. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifests } from "./build/manifest-rules";

const ROOT = join(__dirname, "..");
const manifestXml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Applies one edit to the real manifest, failing loudly if the edit no longer matches it. */
function broken(find: string | RegExp, replacement: string): string {
  const edited = manifestXml.replace(find, replacement);
  if (edited === manifestXml) {
    throw new Error(`bad fixture: ${String(find)} is not in manifest.xml any more`);
  }
  return edited;
}

/** One deliberately broken copy of the manifest per rule, and the problem it must raise. */
const badFixtures: ReadonlyArray<[string, () => string, RegExp]> = [
  ["bad-not-well-formed", () => broken("</OfficeApp>", "</OfficeAp>"), /not well-formed XML/],
  ["bad-unclosed-element", () => broken("<Hosts>\n    <Host Name=\"Workbook\" />", "<Hosts>\n    <Host Name=\"Workbook\">"), /not well-formed XML/],
  ["bad-wrong-root", () => broken(/<OfficeApp xmlns="[^"]+"/, '<OfficeApp xmlns="urn:not-office"'), /root element must be OfficeApp/],
  ["bad-id", () => broken("<Id>da2dd761-6921-454d-a789-9478f462fda6</Id>", "<Id>00000000-0000-0000-0000-000000000000</Id>"), /<Id> must be exactly da2dd761-6921-454d-a789-9478f462fda6.*got 00000000/],
  ["bad-no-shared-runtime-set", () => broken('<Set Name="SharedRuntime" MinVersion="1.1" />', '<Set Name="ExcelApi" MinVersion="1.1" />'), /must contain <Set Name="SharedRuntime" MinVersion="1.1" \/>/],
  ["bad-shared-runtime-version", () => broken('<Set Name="SharedRuntime" MinVersion="1.1" />', '<Set Name="SharedRuntime" MinVersion="1.0" />'), /SharedRuntime requirement must have MinVersion="1.1"; got "1.0"/],
  ["bad-short-lifetime", () => broken('lifetime="long"', 'lifetime="short"'), /<Runtime> must have lifetime="long".*got "short"/],
  ["bad-two-runtimes", () => broken('<Runtime resid="Taskpane.Url" lifetime="long" />', '<Runtime resid="Taskpane.Url" lifetime="long" /><Runtime resid="Functions.Script.Url" lifetime="long" />'), /exactly one <Runtime>.*declares 2/],
  ["bad-no-runtime", () => broken(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""), /exactly one <Runtime>.*declares 0/],
  ["bad-page-not-shared", () => broken(/<Page>\s*<SourceLocation resid="Taskpane.Url" \/>/, '<Page><SourceLocation resid="Functions.Script.Url" />'), /<Page> must load the shared runtime: its resid "Functions.Script.Url" differs from the <Runtime> resid "Taskpane.Url"/],
  ["bad-button-not-shared", () => broken(/(<TaskpaneId>AicostTaskpane<\/TaskpaneId>\s*)<SourceLocation resid="Taskpane.Url" \/>/, '$1<SourceLocation resid="GetStarted.LearnMoreUrl" />'), /task pane button must open the shared runtime: its SourceLocation resid "GetStarted.LearnMoreUrl" differs/],
  ["bad-no-taskpane-button", () => broken('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">'), /no ribbon button that opens the task pane/],
  ["bad-no-script", () => broken(/<Script>[\s\S]*?<\/Script>/, ""), /needs <Script><SourceLocation resid="..."\/><\/Script>/],
  ["bad-no-page", () => broken(/<Page>[\s\S]*?<\/Page>/, ""), /needs <Page><SourceLocation resid="..."\/><\/Page>/],
  ["bad-no-metadata", () => broken(/<Metadata>[\s\S]*?<\/Metadata>/, ""), /needs <Metadata><SourceLocation resid="..."\/><\/Metadata>/],
  ["bad-no-namespace", () => broken('<Namespace resid="Functions.Namespace" />', ""), /needs <Namespace resid="..."\/>/],
  ["bad-no-custom-functions", () => broken('<ExtensionPoint xsi:type="CustomFunctions">', '<ExtensionPoint xsi:type="Other">'), /exactly one <ExtensionPoint xsi:type="CustomFunctions">; it has 0/],
  ["bad-namespace-value", () => broken('<bt:String id="Functions.Namespace" DefaultValue="AICOST" />', '<bt:String id="Functions.Namespace" DefaultValue="AICOST2" />'), /namespace \(resid "Functions.Namespace"\) must be "AICOST".*got "AICOST2"/],
  ["bad-undefined-resid", () => broken('<Label resid="AicostGroup.Label" />', '<Label resid="Missing.Label" />'), /resid "Missing.Label" is referenced but not defined in <Resources>/],
  ["bad-http-url", () => broken('<bt:Url id="Functions.Script.Url" DefaultValue="https://', '<bt:Url id="Functions.Script.Url" DefaultValue="http://'), /resource "Functions.Script.Url" must be an https:\/\/ URL; got "http:\/\/localhost:3000\/functions.js"/],
  ["bad-http-app-domain", () => broken("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>http://localhost:3000</AppDomain>"), /<AppDomain> must be an https:\/\/ URL/],
  ["bad-missing-icon", () => broken('id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-999.png"'), /resource "Icon.80x80" points at assets\/icon-999.png, which does not exist/],
  ["bad-icon-outside-assets", () => broken('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />', '<IconUrl DefaultValue="https://localhost:3000/icon-32.png" />'), /<IconUrl> must point into assets\//],
];

let realManifestProblems: string[];
let wrongAssetsDirProblems: string[];
let badFixtureProblems: Map<string, string[]>;

beforeAll(() => {
  const results = checkManifests([
    { xmlText: manifestXml },
    { xmlText: manifestXml, assetsDir: join(ROOT, "test") },
    ...badFixtures.map(([, fixture]) => ({ xmlText: fixture() })),
  ]);
  [realManifestProblems, wrongAssetsDirProblems] = results;
  badFixtureProblems = new Map(badFixtures.map(([name], index) => [name, results[index + 2]]));
});

describe("manifest.xml", () => {
  it("passes every rule", () => {
    expect(realManifestProblems).toEqual([]);
  });

  it("wires one long-lived shared runtime to the functions page and the task pane button", () => {
    // Read independently of the rules: the three resids are the same URL resource.
    const runtime = manifestXml.match(/<Runtime resid="([^"]+)" lifetime="long"/)?.[1];
    const page = manifestXml.match(/<Page>\s*<SourceLocation resid="([^"]+)"/)?.[1];
    const button = manifestXml.match(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/)?.[1];
    expect(runtime).toBe("Taskpane.Url");
    expect(page).toBe(runtime);
    expect(button).toBe(runtime);
    expect(manifestXml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1" \/>/);
  });
});

describe.each(badFixtures)("bad fixture %s", (name, _fixture, expected) => {
  it("raises the problem of its rule", () => {
    const problems = badFixtureProblems.get(name) ?? [];
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
  });
});

describe("the icon rule", () => {
  it("looks for icons in the assets directory it is given", () => {
    expect(wrongAssetsDirProblems.filter((problem) => /which does not exist/.test(problem)).length).toBeGreaterThanOrEqual(4);
  });
});
