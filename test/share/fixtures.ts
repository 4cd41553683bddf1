/**
 * An .xlsx package laid out as Excel 365 saves a workbook that uses AICOST, for the rewriter's
 * tests. The Excel-saved workbook linked from OfficeDev/office-js#6611 could not be downloaded on
 * this machine (GitHub attachments are out of reach), so its structure is reproduced from what
 * the thread and Office's own issues describe and from the Open XML conventions (ECMA-376 Part 1,
 * [MS-XLSX] for dynamic arrays, [MS-OWEXML] for web extensions):
 *
 * - custom function calls stored as `_xldudf_AICOST_NAME(...)`, usually as dynamic-array
 *   formulas (`<c cm="1"><f t="array" ref="...">`, cm pointing into xl/metadata.xml's XLDAPR
 *   cell metadata), even a one-cell call; a call typed while the add-in was not loaded stays
 *   `AICOST.NAME(...)` with a cached `#NAME?`;
 * - shared formulas (a master with `t="shared" ref si` and followers `<f t="shared" si/>`),
 *   legacy array formulas (`t="array"` without cm), shared strings and inline strings;
 * - the add-in attached through xl/webextensions/webextension1.xml (its id, and a
 *   customFunctionIdList of the `_xldudf_` ids) and taskpanes.xml, related from the package root;
 * - sheets whose order in workbook.xml differs from their part names, relationship ids out of
 *   order, a chart, a drawing, an image, comments, a table, data validation, a conditional
 *   format, custom XML, document properties and a calculation chain.
 *
 * Cached values are what AICOST computes (src/functions/aicost.ts) under the given scenario.
 */
import { zipSync, type Zippable } from "fflate";
import * as aicost from "../../src/functions/aicost";
import { ExcelError } from "../../src/functions/values";
import { METADATA_XML, TASKPANES_RELS, webExtensionXml } from "../../src/preview/excelPackage";
import { findPreset, PRESET_SCENARIOS } from "../../src/core/scenario";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface FixtureOptions {
  /** The Active scenario cell's text. */
  readonly activeScenario?: string;
  /** Adds a second add-in's task pane beside AICOST's. */
  readonly otherAddin?: boolean;
}

/** The values AICOST gives the fixture's formulas, by sheet and cell, under the active scenario. */
export type Expected = Record<string, number | string>;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function valueXml(value: unknown): { type: string; v: string } {
  if (value instanceof ExcelError) return { type: ' t="e"', v: value.code };
  if (typeof value === "string") return { type: ' t="str"', v: escape(value) };
  return { type: "", v: String(value) };
}

/** A 1x1 or spilled AICOST result's top-left value. */
function first(result: unknown): unknown {
  return Array.isArray(result) ? result[0][0] : result;
}

export interface Fixture {
  readonly files: Record<string, string | Uint8Array>;
  readonly bytes: Uint8Array;
  /** AICOST's values of the Model sheet's formula cells ("B5" ...), to compare a recalculation with. */
  readonly expected: Expected;
  /** Parts the conversion has no reason to change. */
  readonly untouchedParts: readonly string[];
}

export function excelSavedWorkbook(options: FixtureOptions = {}): Fixture {
  const active = options.activeScenario ?? "baseline";
  const scenario = findPreset(active)!;
  const activeCells = [[scenario.label, scenario.annualPriceMultiplier, scenario.floorShare]];
  const price = 10;
  const growth = 3;
  const months = [0, 6, 12, 24, 36];
  const volumesIn = [1e6, 2e6, 3e6, 4e6, 5e6];
  const volumesOut = [1e5, 2e5, 3e5, 4e5, 5e5];
  const expected: Expected = {};

  const sharedStrings = ["Active scenario", active, "Label", "Annual price multiplier", "Floor share", "Scenario", "Note", ...PRESET_SCENARIOS.map((preset) => preset.label), "Months", "Notes for the board"];
  const s = (text: string) => sharedStrings.indexOf(text);

  // AICOST Assumptions (sheet1.xml): the active row pulled from the table by INDEX/MATCH.
  const tableRows = PRESET_SCENARIOS.map((preset, index) => {
    const row = 11 + index;
    return `<row r="${row}"><c r="A${row}" t="s"><v>${s(preset.label)}</v></c><c r="B${row}"><v>${preset.annualPriceMultiplier}</v></c><c r="C${row}"><v>${preset.floorShare}</v></c></row>`;
  }).join("");
  const lookups = ["A", "B", "C"].map((column, index) => {
    const cached = valueXml(activeCells[0][index]);
    return `<c r="${column}7"${cached.type}><f>INDEX($${column}$11:$${column}$110,MATCH($B$4,$A$11:$A$110,0))</f><v>${cached.v}</v></c>`;
  }).join("");
  const assumptionsSheet =
    XML_HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A4:D13"/><sheetData>` +
    `<row r="4"><c r="A4" t="s"><v>${s("Active scenario")}</v></c><c r="B4" t="s"><v>${s(active)}</v></c></row>` +
    `<row r="6"><c r="A6" t="s"><v>${s("Label")}</v></c><c r="B6" t="s"><v>${s("Annual price multiplier")}</v></c><c r="C6" t="s"><v>${s("Floor share")}</v></c></row>` +
    `<row r="7">${lookups}</row>` +
    `<row r="10"><c r="A10" t="s"><v>${s("Scenario")}</v></c><c r="B10" t="s"><v>${s("Annual price multiplier")}</v></c><c r="C10" t="s"><v>${s("Floor share")}</v></c><c r="D10" t="s"><v>${s("Note")}</v></c></row>` +
    tableRows +
    `</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="B4"><formula1>INDIRECT("AICOST_Scenarios[Scenario]")</formula1></dataValidation></dataValidations>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;

  // Model (sheet2.xml).
  const rows: string[] = [];
  rows.push(`<row r="1"><c r="A1" t="inlineStr"><is><t>Price today</t></is></c><c r="B1"><v>${price}</v></c></row>`);
  rows.push(`<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Volume growth </t></is></c><c r="B2"><v>${growth}</v></c></row>`);
  rows.push(`<row r="3"><c r="A3" t="s"><v>${s("Months")}</v></c></row>`);
  const curve = aicost.PRICE_CURVE(price, 4, "aggressive") as number[][];
  const costCurve = aicost.COST_CURVE(volumesIn.map((v) => [v]), volumesOut.map((v) => [v]), 2, 8, [["baseline", 0.1, 0.01]]) as number[][];
  months.forEach((month, index) => {
    const row = 5 + index;
    const cells: string[] = [`<c r="A${row}"><v>${month}</v></c>`];
    const projected = aicost.PROJECT_PRICE(price, month, activeCells) as number;
    expected[`B${row}`] = projected;
    cells.push(index === 0
      ? `<c r="B${row}" s="1"><f t="shared" ref="B5:B9" si="0">_xldudf_AICOST_PROJECT_PRICE($B$1,A5,AICOST_SCENARIO)</f><v>${projected}</v></c>`
      : `<c r="B${row}" s="1"><f t="shared" si="0"/><v>${projected}</v></c>`);
    cells.push(index === 0 ? `<c r="C${row}"><f t="shared" ref="C5:C9" si="1">A5*2</f><v>0</v></c>` : `<c r="C${row}"><f t="shared" si="1"/><v>${month * 2}</v></c>`);
    const cost = first(aicost.PROJECT_COST(aicost.INFER_COST(1e6, 2e5, 3, 15), month, activeCells, growth)) as number;
    expected[`D${row}`] = cost;
    cells.push(`<c r="D${row}" cm="1"><f t="array" ref="D${row}">_xldudf_AICOST_PROJECT_COST(_xldudf_AICOST_INFER_COST(1000000,200000,3,15),A${row},AICOST_SCENARIO,$B$2)</f><v>${cost}</v></c>`);
    expected[`E${row}`] = curve[index][0];
    cells.push(index === 0
      ? `<c r="E${row}" cm="1"><f t="array" ref="E5:E9">_xldudf_AICOST_PRICE_CURVE($B$1,4,"aggressive")</f><v>${curve[0][0]}</v></c>`
      : `<c r="E${row}"><v>${curve[index][0]}</v></c>`);
    expected[`F${row}`] = costCurve[index][0];
    cells.push(index === 0
      ? `<c r="F${row}"><f t="array" ref="F5:F9">_xldudf_AICOST_COST_CURVE(G5:G9,H5:H9,2,8,'AICOST Assumptions'!$A$12:$C$12)</f><v>${costCurve[0][0]}</v></c>`
      : `<c r="F${row}"><v>${costCurve[index][0]}</v></c>`);
    cells.push(`<c r="G${row}"><v>${volumesIn[index]}</v></c><c r="H${row}"><v>${volumesOut[index]}</v></c>`);
    rows.push(`<row r="${row}">${cells.join("")}</row>`);
  });
  const pessimistic = aicost.PROJECT_PRICE(price, 12, "pessimistic") as number;
  expected.B11 = pessimistic;
  rows.push(`<row r="11"><c r="B11" t="e"><f>AICOST.PROJECT_PRICE(B1,12,"pessimistic")</f><v>#NAME?</v></c></row>`);
  const nested = Math.round((aicost.PROJECT_PRICE(price, 24, activeCells) as number) * 100) / 100 + months.reduce((sum, month) => sum + month, 0);
  expected.B12 = nested;
  rows.push(`<row r="12"><c r="B12"><f>ROUND(_xldudf_AICOST_PROJECT_PRICE(B1,24,AICOST_SCENARIO),2)+SUM(A:A)</f><v>${nested}</v></c></row>`);
  rows.push(`<row r="13"><c r="B13"><f>_xldudf_AICOST_MODEL_PRICE("gpt-4o","input")</f><v>2.5</v></c></row>`);
  rows.push(`<row r="14"><c r="B14"><f>_xldudf_AICOST_PROJECT_PRICE(B1,12,IF(B2&gt;2,"aggressive","baseline"))</f><v>0.25975</v></c></row>`);
  rows.push(`<row r="15"><c r="B15" t="str"><f>_xldudf_AICOST_MODELS()</f><v>gpt-4o &amp; co</v></c></row>`);
  rows.push(`<row r="16"><c r="B16" t="str"><f>_xldudf_AICOST_CATALOG_DATE()</f></c></row>`);
  const named = aicost.PROJECT_PRICE(price, 12, activeCells) as number;
  expected.B17 = named * 2;
  rows.push(`<row r="17"><c r="B17"><f>NextYearPrice*2</f><v>${named * 2}</v></c></row>`);
  const modelSheet =
    XML_HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="A1:H17"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<conditionalFormatting sqref="B5:B9"><cfRule type="expression" dxfId="0" priority="1"><formula>_xldudf_AICOST_PROJECT_PRICE($B$1,12)&gt;B5</formula></cfRule></conditionalFormatting>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId2"/><legacyDrawing r:id="rId4"/></worksheet>`;

  const notesSheet = XML_HEAD + `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>${s("Notes for the board")}</v></c></row></sheetData></worksheet>`;

  const webExtensionIds = ["CATALOG_DATE", "COST_CURVE", "INFER_COST", "MODELS", "MODEL_PRICE", "PRICE_CURVE", "PROJECT_COST", "PROJECT_PRICE"];
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>' +
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' +
      (options.otherAddin ? '<Override PartName="/xl/webextensions/webextension2.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' : "") +
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
    "_rels/.rels":
      XML_HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>' +
      "</Relationships>",
    "docProps/core.xml": XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Finance</dc:creator></cp:coreProperties>',
    "docProps/app.xml": XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    "xl/workbook.xml":
      XML_HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="28018"/><workbookPr defaultThemeVersion="202300"/>` +
      '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews>' +
      '<sheets><sheet name="Model" sheetId="2" r:id="rId3"/><sheet name="AICOST Assumptions" sheetId="1" r:id="rId1"/><sheet name="Notes &amp; sources" sheetId="3" r:id="rId9"/></sheets>' +
      "<definedNames>" +
      "<definedName name=\"AICOST_SCENARIO\">'AICOST Assumptions'!$A$7:$C$7</definedName>" +
      '<definedName name="Growth" localSheetId="0">Model!$B$2</definedName>' +
      '<definedName name="NextYearPrice">_xldudf_AICOST_PROJECT_PRICE(Model!$B$1,12,AICOST_SCENARIO)</definedName>' +
      '</definedNames><calcPr calcId="191029"/></workbook>',
    "xl/_rels/workbook.xml.rels":
      XML_HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>' +
      '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>' +
      '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>' +
      '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/>' +
      '<Relationship Id="rId12" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>' +
      "</Relationships>",
    "xl/worksheets/sheet1.xml": assumptionsSheet,
    "xl/worksheets/sheet2.xml": modelSheet,
    "xl/worksheets/sheet3.xml": notesSheet,
    "xl/worksheets/_rels/sheet1.xml.rels": XML_HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/worksheets/_rels/sheet2.xml.rels":
      XML_HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>` +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>' +
      '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>',
    "xl/tables/table1.xml": XML_HEAD + `<table xmlns="${MAIN}" id="1" name="AICOST_Scenarios" displayName="AICOST_Scenarios" ref="A10:D13" totalsRowShown="0"><autoFilter ref="A10:D13"/><tableColumns count="4"><tableColumn id="1" name="Scenario"/><tableColumn id="2" name="Annual price multiplier"/><tableColumn id="3" name="Floor share"/><tableColumn id="4" name="Note"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    "xl/drawings/drawing1.xml": XML_HEAD + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    "xl/drawings/_rels/drawing1.xml.rels": XML_HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>`,
    "xl/charts/chart1.xml": XML_HEAD + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:lineChart><c:grouping val="standard"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Model!$B$5:$B$9</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:lineChart></c:plotArea></c:chart></c:chartSpace>',
    "xl/drawings/vmlDrawing1.vml": '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025" type="#_x0000_t202"/></xml>',
    "xl/comments1.xml": XML_HEAD + `<comments xmlns="${MAIN}"><authors><author>Finance</author></authors><commentList><comment ref="B5" authorId="0"><text><t>Uses =AICOST.PROJECT_PRICE; ask before editing.</t></text></comment></commentList></comments>`,
    "xl/media/image1.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252]),
    "xl/theme/theme1.xml": XML_HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1></a:clrScheme></a:themeElements></a:theme>',
    "xl/styles.xml": XML_HEAD + `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Aptos Narrow"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`,
    "xl/sharedStrings.xml": XML_HEAD + `<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((text) => `<si><t>${escape(text)}</t></si>`).join("")}</sst>`,
    "xl/calcChain.xml": XML_HEAD + `<calcChain xmlns="${MAIN}"><c r="B5" i="2"/><c r="B13" i="2"/><c r="A7" i="1"/></calcChain>`,
    "xl/metadata.xml": METADATA_XML,
    "xl/webextensions/taskpanes.xml":
      XML_HEAD +
      '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
      '<wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane>' +
      (options.otherAddin ? '<wetp:taskpane dockstate="right" visibility="1" width="350" row="5"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></wetp:taskpane>' : "") +
      "</wetp:taskpanes>",
    "xl/webextensions/_rels/taskpanes.xml.rels": options.otherAddin
      ? TASKPANES_RELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension2.xml"/></Relationships>')
      : TASKPANES_RELS,
    "xl/webextensions/webextension1.xml": webExtensionXml(webExtensionIds),
    "customXml/item1.xml": '<?xml version="1.0" standalone="no"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APASixthEditionOfficeOnline.xsl"/>',
    "customXml/itemProps1.xml": XML_HEAD + '<ds:datastoreItem ds:itemID="{6E3A1B0C-2D4F-4A8B-9C7D-0E1F2A3B4C5D}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
    "customXml/_rels/item1.xml.rels": XML_HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  };
  if (options.otherAddin) {
    files["xl/webextensions/webextension2.xml"] = XML_HEAD + '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}"><we:reference id="wa104379955" version="1.0.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>';
  }
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = [typeof content === "string" ? new TextEncoder().encode(content) : content, { level: 6 }];
  const untouchedParts = [
    "docProps/core.xml", "docProps/app.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml",
    "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/_rels/sheet2.xml.rels", "xl/tables/table1.xml", "xl/drawings/drawing1.xml",
    "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", "xl/drawings/vmlDrawing1.vml", "xl/comments1.xml", "xl/media/image1.png",
    "xl/theme/theme1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/metadata.xml", "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels",
  ];
  return { files, bytes: zipSync(zippable), expected, untouchedParts };
}

/** A package of the given parts, stored as given (for bad-input fixtures). */
export function packageOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return zipSync(zippable);
}
