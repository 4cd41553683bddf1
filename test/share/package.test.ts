import { unzipSync, zipSync } from "fflate";
import { DOMParser } from "@xmldom/xmldom";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, shareSafeWorkbook, ShareInputError } from "../../src/share/package";
import { reportCsv, reportSummary } from "../../src/share/report";
import { excelSavedWorkbook, packageOf } from "./fixtures";

const decoder = new TextDecoder();
const text = (files: Record<string, Uint8Array>, name: string) => decoder.decode(files[name]);

function wellFormed(xml: string, name: string): void {
  const errors: string[] = [];
  new DOMParser({ onError: (level, message) => { if (level !== "warning") errors.push(`${name}: ${message}`); } }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
}

/** The <c> element of a cell, as the part holds it. */
function cellXml(sheetXml: string, reference: string): string {
  const match = new RegExp(`<c r="${reference}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  if (!match) throw new Error(`no cell ${reference}`);
  return match[0];
}

describe("the share-safe copy of an Excel-saved workbook", () => {
  const fixture = excelSavedWorkbook();
  const { bytes, report } = shareSafeWorkbook(fixture.bytes);
  const output = unzipSync(bytes);
  const input = unzipSync(fixture.bytes);
  const model = text(output, "xl/worksheets/sheet2.xml");

  test("every part it has no reason to change is byte for byte the same, in the same order", () => {
    for (const name of fixture.untouchedParts) {
      expect([name, Buffer.from(output[name]).equals(Buffer.from(input[name]))]).toEqual([name, true]);
    }
    const kept = Object.keys(input).filter((name) => !report.removedParts.includes(name) && name !== "xl/webextensions/_rels/taskpanes.xml.rels");
    expect(Object.keys(output)).toEqual(kept);
  });

  test("no AICOST call is left anywhere, and every XML part is well-formed", () => {
    for (const [name, content] of Object.entries(output)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = decoder.decode(content);
      if (name !== "xl/comments1.xml") expect([name, /_xldudf_AICOST/i.test(xml)]).toEqual([name, false]);
      wellFormed(xml, name);
    }
    expect(model).not.toMatch(/AICOST\.PROJECT/);
  });

  test("a shared formula's master is rewritten and its followers keep following it", () => {
    expect(cellXml(model, "B5")).toMatch(/^<c r="B5" s="1"><f t="shared" ref="B5:B9" si="0">IF\(OR\(\$B\$1&lt;0,A5&lt;0,A5&gt;1200,INDEX\(AICOST_SCENARIO,1,2\)&lt;=0/);
    expect(cellXml(model, "B7")).toBe(cellXml(text(input, "xl/worksheets/sheet2.xml"), "B7"));
    expect(cellXml(model, "C5")).toBe('<c r="C5"><f t="shared" ref="C5:C9" si="1">A5*2</f><v>0</v></c>');
  });

  test("dynamic-array and legacy array formulas keep their cm, t and ref, and their cached values", () => {
    expect(cellXml(model, "D5")).toMatch(/^<c r="D5" cm="1"><f t="array" ref="D5">IF\(/);
    expect(cellXml(model, "E5")).toMatch(/^<c r="E5" cm="1"><f t="array" ref="E5:E9">IF\(\$B\$1&lt;0,#NUM!,IF\(ISNUMBER\(\$B\$1\),\$B\$1\*\(0\.001\+0\.999\*0\.025\^\(\{0;1;2;3;4\}\/12\)\),#VALUE!\)\)<\/f><v>10<\/v><\/c>$/);
    expect(cellXml(model, "E6")).toBe(cellXml(text(input, "xl/worksheets/sheet2.xml"), "E6"));
    expect(cellXml(model, "F5")).toMatch(/^<c r="F5"><f t="array" ref="F5:F9">IF\(OR\(G5:G9&lt;0/);
  });

  test("AICOST.NAME typed without the add-in, calls inside other functions and defined names are rewritten", () => {
    expect(cellXml(model, "B11")).toBe('<c r="B11" t="e"><f>IF(B1&lt;0,#NUM!,IF(ISNUMBER(B1),B1*(0.25+0.75*0.5^(12/12)),#VALUE!))</f><v>#NAME?</v></c>');
    expect(cellXml(model, "B12")).toMatch(/^<c r="B12"><f>ROUND\(IF\(.*\),2\)\+SUM\(A:A\)<\/f>/);
    const workbook = text(output, "xl/workbook.xml");
    expect(workbook).toContain('<definedName name="NextYearPrice">IF(OR(Model!$B$1&lt;0,');
    expect(workbook).toContain("<definedName name=\"AICOST_SCENARIO\">'AICOST Assumptions'!$A$7:$C$7</definedName>");
    expect(workbook).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    expect(text(output, "xl/worksheets/sheet2.xml")).toContain("<formula>IF(");
  });

  test("what cannot be made native is frozen to its cached value, and every frozen cell is reported", () => {
    expect(cellXml(model, "B13")).toBe('<c r="B13"><v>2.5</v></c>');
    expect(cellXml(model, "B14")).toBe('<c r="B14"><v>0.25975</v></c>');
    expect(cellXml(model, "B15")).toBe('<c r="B15" t="inlineStr"><is><t xml:space="preserve">gpt-4o &amp; co</t></is></c>');
    expect(cellXml(model, "B16")).toBe('<c r="B16"></c>');
    expect(report.frozen).toEqual([
      { sheet: "Model", cell: "B13", formula: '=_xldudf_AICOST_MODEL_PRICE("gpt-4o","input")', reason: "MODEL_PRICE without a price_table reads the add-in's catalog, which a shared workbook does not have", result: "its cached value 2.5" },
      { sheet: "Model", cell: "B14", formula: '=_xldudf_AICOST_PROJECT_PRICE(B1,12,IF(B2>2,"aggressive","baseline"))', reason: "the scenario is an expression, not a preset name, a range or a name of one", result: "its cached value 0.25975" },
      { sheet: "Model", cell: "B15", formula: "=_xldudf_AICOST_MODELS()", reason: "AICOST.MODELS has no closed form of built-in functions", result: 'its cached text "gpt-4o & co"' },
      { sheet: "Model", cell: "B16", formula: "=_xldudf_AICOST_CATALOG_DATE()", reason: "AICOST.CATALOG_DATE has no closed form of built-in functions", result: "no cached value: the cell is now empty" },
    ]);
    // B5 master + 4 followers, D5:D9, E5, F5, B11, B12, the conditional format and the name.
    expect(report.rewrittenFormulas).toBe(5 + 5 + 1 + 1 + 1 + 1 + 1 + 1);
    expect(report.changedSheets).toEqual(["Model"]);
    expect(reportCsv(report).split("\r\n")[2]).toBe('Model,B14,"=_xldudf_AICOST_PROJECT_PRICE(B1,12,IF(B2>2,""aggressive"",""baseline""))",the scenario is an expression, not a preset name, a range or a name of one,its cached value 0.25975'.replace("the scenario is an expression, not a preset name, a range or a name of one", '"the scenario is an expression, not a preset name, a range or a name of one"'));
    expect(reportSummary(report)[1]).toBe("4 frozen to their cached values (they will not recalculate):");
  });

  test("the add-in's web extension and task pane go, with their relationships and content types; a stale calculation chain too", () => {
    expect([...report.removedParts].sort()).toEqual(["xl/calcChain.xml", "xl/webextensions/taskpanes.xml", "xl/webextensions/webextension1.xml"]);
    expect(Object.keys(output).filter((name) => name.startsWith("xl/webextensions/"))).toEqual([]);
    const contentTypes = text(output, "[Content_Types].xml");
    expect(contentTypes).not.toMatch(/webextension|calcChain/);
    expect(contentTypes).toContain('<Override PartName="/xl/metadata.xml"');
    expect(text(output, "_rels/.rels")).not.toContain("webextension");
    expect(text(output, "_rels/.rels")).toContain('Target="xl/workbook.xml"');
    expect(text(output, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(output, "xl/_rels/workbook.xml.rels")).toContain("sheetMetadata");
  });

  test("another add-in's task pane stays; only AICOST's goes", () => {
    const withOther = excelSavedWorkbook({ otherAddin: true });
    const result = shareSafeWorkbook(withOther.bytes);
    const files = unzipSync(result.bytes);
    expect(Object.keys(files).filter((name) => name.startsWith("xl/webextensions/")).sort()).toEqual([
      "xl/webextensions/_rels/taskpanes.xml.rels", "xl/webextensions/taskpanes.xml", "xl/webextensions/webextension2.xml",
    ]);
    expect(text(files, "xl/webextensions/taskpanes.xml")).not.toContain('r:id="rId1"');
    expect(text(files, "xl/webextensions/taskpanes.xml")).toContain('r:id="rId2"');
    expect(text(files, "xl/webextensions/_rels/taskpanes.xml.rels")).not.toContain("webextension1.xml");
    expect(text(files, "_rels/.rels")).toContain("webextensiontaskpanes");
  });

  test("converting the copy again changes nothing but the recalculation flag it already has", () => {
    const again = shareSafeWorkbook(bytes);
    const files = unzipSync(again.bytes);
    expect(again.report.rewrittenFormulas).toBe(0);
    expect(again.report.frozen).toEqual([]);
    for (const name of Object.keys(output)) expect([name, Buffer.from(files[name]).equals(Buffer.from(output[name]))]).toEqual([name, true]);
  });

  test("the input bytes are not modified", () => {
    const copy = excelSavedWorkbook();
    const before = Buffer.from(copy.bytes);
    shareSafeWorkbook(copy.bytes);
    expect(Buffer.from(copy.bytes).equals(before)).toBe(true);
  });
});

describe("bad input is refused with a message naming what it is", () => {
  const refused = (bytes: Uint8Array, message: RegExp, options = {}) => {
    expect(() => shareSafeWorkbook(bytes, options)).toThrow(ShareInputError);
    expect(() => shareSafeWorkbook(bytes, options)).toThrow(message);
  };
  const ole = (extra: number[] = []) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0), ...extra]);
  const utf16 = (word: string) => Array.from(word).flatMap((character) => [character.charCodeAt(0), 0]);

  test.each([
    ["an empty file", new Uint8Array(), /empty/],
    ["a text file", new TextEncoder().encode("month,cost\n1,2\n"), /not a zip/],
    ["an XML Spreadsheet 2003", new TextEncoder().encode('<?xml version="1.0"?><Workbook/>'), /XML Spreadsheet 2003/],
    ["an .xls (OLE compound file)", ole(), /Excel 97-2003 workbook \(\.xls\)/],
    ["an encrypted workbook", ole(utf16("EncryptionInfo")), /password-protected \(encrypted\)/],
    ["an .xlsb", packageOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": new Uint8Array([1, 2]) }), /\.xlsb/],
    ["an .ods", packageOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }), /OpenDocument file \(\.ods\)/],
    ["a zip that is no Office package", packageOf({ "readme.txt": "hello" }), /not an Office package/],
    ["a Word document", packageOf({ "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', "word/document.xml": "<w:document/>" }), /a Word document/],
    ["a damaged zip", excelSavedWorkbook().bytes.slice(0, 2000), /cannot be read/],
  ])("%s", (_what, bytes, message) => refused(bytes as Uint8Array, message));

  test("a package larger than the cap uncompressed is refused as a possible zip bomb, before it is inflated", () => {
    const bomb = zipSync({ "[Content_Types].xml": [new Uint8Array(3 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(10_000);
    refused(bomb, /more than 2 MB uncompressed.*zip bomb/, { maxUncompressedBytes: 2 * 1024 * 1024 });
    expect(DEFAULT_MAX_UNCOMPRESSED_BYTES).toBe(512 * 1024 * 1024);
  });

  test("XML with a DTD or an entity is refused, never resolved", () => {
    const fixture = excelSavedWorkbook();
    const files = { ...fixture.files };
    files["xl/worksheets/sheet2.xml"] = (files["xl/worksheets/sheet2.xml"] as string).replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY lol "lol">]><worksheet');
    refused(packageOf(files), /sheet2\.xml has a document type declaration/);
  });

  test.each([
    ["a lowercase doctype in a part nothing else reads", "xl/theme/theme1.xml", "<!doctype a>"],
    ["an entity declaration alone, in a .rels part", "_rels/.rels", '<!ENTITY x "y">'],
  ])("%s is refused too", (_case, part, declaration) => {
    const files = { ...excelSavedWorkbook().files };
    files[part] = (files[part] as string).replace("?>", `?>${declaration}`);
    refused(packageOf(files), new RegExp(`${part.replace(/[.[\]]/g, "\\$&")} has a document type declaration`));
  });

  test("comments and CDATA sections, which also start with <!, are not declarations", () => {
    const files = { ...excelSavedWorkbook().files };
    files["xl/theme/theme1.xml"] = (files["xl/theme/theme1.xml"] as string).replace("?>", "?><!-- DOCTYPE in a comment --><!-- -->");
    expect(shareSafeWorkbook(packageOf(files)).report.rewrittenFormulas).toBeGreaterThan(0);
  });

  test("malformed XML in a part the rewriter reads is refused", () => {
    const files = { ...excelSavedWorkbook().files };
    files["xl/worksheets/sheet2.xml"] = (files["xl/worksheets/sheet2.xml"] as string).replace("</sheetData>", "</sheetDta>");
    refused(packageOf(files), /sheet2\.xml is not well-formed XML/);
  });

  test("a native form over whole ranges becomes an array formula of its cell; a shared one is frozen; a name's range is read column by column", () => {
    const files = { ...excelSavedWorkbook().files };
    const cells =
      '<row r="30"><c r="B30"><f>_xldudf_AICOST_FIT_MULTIPLIER(A5:A9,B5:B9,"n")</f><v>5</v></c>' +
      '<c r="C30"><f t="shared" ref="C30:C31" si="7">_xldudf_AICOST_FIT_MULTIPLIER(A5:A9,B5:B9)</f><v>0.1</v></c>' +
      '<c r="D30"><f>_xldudf_AICOST_MODEL_PRICE("gpt-4o","output",,AICOST_SCENARIO)</f><v>10</v></c></row>' +
      '<row r="31"><c r="C31"><f t="shared" si="7"/><v>0.2</v></c></row>';
    files["xl/worksheets/sheet2.xml"] = (files["xl/worksheets/sheet2.xml"] as string).replace("</sheetData>", `${cells}</sheetData>`);
    const { bytes, report } = shareSafeWorkbook(packageOf(files));
    const sheet = text(unzipSync(bytes), "xl/worksheets/sheet2.xml");
    expect(cellXml(sheet, "B30")).toMatch(/^<c r="B30"><f t="array" ref="B30">IF\(SUM\(LEN\(A5:A9\),LEN\(B5:B9\)\)&lt;0,NA\(\),/);
    // AICOST_SCENARIO is 'AICOST Assumptions'!$A$7:$C$7: its first column holds the ids, its third the dates.
    expect(cellXml(sheet, "D30")).toMatch(/^<c r="D30"><f t="array" ref="D30">IF\(SUM\(LEN\('AICOST Assumptions'!\$A\$7:\$C\$7\)\)&lt;0/);
    expect(cellXml(sheet, "D30")).toContain("TRIM('AICOST Assumptions'!$A$7:$A$7)");
    expect(cellXml(sheet, "D30")).toContain("'AICOST Assumptions'!$C$7:$C$7");
    const shared = report.frozen.filter((entry) => entry.cell === "C30" || entry.cell === "C31");
    expect(shared.map((entry) => [entry.cell, entry.reason])).toEqual([
      ["C30", "it is a shared formula, and its native form must be an array formula of its own"],
      ["C31", "it is a shared formula, and its native form must be an array formula of its own"],
    ]);
    expect(cellXml(sheet, "C31")).toBe('<c r="C31"><v>0.2</v></c>');
  });

  test("a formula the parser cannot read is reported and its cell frozen", () => {
    const files = { ...excelSavedWorkbook().files };
    files["xl/worksheets/sheet2.xml"] = (files["xl/worksheets/sheet2.xml"] as string).replace("_xldudf_AICOST_MODEL_PRICE(&quot;gpt-4o&quot;,&quot;input&quot;)", "_xldudf_AICOST_PROJECT_PRICE(B1,,,(");
    files["xl/worksheets/sheet2.xml"] = (files["xl/worksheets/sheet2.xml"] as string).replace('_xldudf_AICOST_MODEL_PRICE("gpt-4o","input")', "_xldudf_AICOST_PROJECT_PRICE(B1,((12)");
    const { report } = shareSafeWorkbook(packageOf(files));
    expect(report.frozen[0]).toMatchObject({ cell: "B13", formula: "=_xldudf_AICOST_PROJECT_PRICE(B1,((12)", result: "its cached value 2.5" });
    expect(report.frozen[0].reason).toMatch(/^the formula parser cannot read it/);
  });
});
