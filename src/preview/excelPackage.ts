/**
 * Makes an .xlsx package hold AICOST calls the way Excel saves them, for the preview's ordinary
 * Download .xlsx (ExcelJS writes the cells; this adds what ExcelJS cannot write):
 *
 * - every formula that calls `_xldudf_AICOST_...` is a dynamic-array formula, `<c cm="1"><f
 *   t="array" ref="...">`, even a one-cell one, with `xl/metadata.xml` holding the XLDAPR
 *   dynamic-array property that `cm="1"` points at;
 * - the add-in is attached to the workbook: `xl/webextensions/webextension1.xml` names the add-in
 *   id from manifest.xml and lists the custom function ids the workbook uses, and
 *   `xl/webextensions/taskpanes.xml` (related from the package root) shows its task pane.
 *
 * That is the structure Excel 365 writes for a workbook with custom functions (docs/SHARING.md;
 * the workbook linked from OfficeDev/office-js#6611 could not be downloaded here, so the parts
 * follow its description and the Open XML conventions, as test/share/fixtures.ts does).
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { AICOST_NAMESPACE } from "../core/namespace";
import { AICOST_ADDIN_ID } from "../share/package";
import { applySplices, decodePart, encodePart, scanElements, withAttribute, type Splice } from "../share/xml";

const xldudfCall = new RegExp(`_xldudf_${AICOST_NAMESPACE}_([A-Z0-9_]+)\\s*\\(`, "gi");

export const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** The web extension part: the add-in's id and the custom function ids the workbook calls. */
export function webExtensionXml(functionIds: readonly string[]): string {
  const ids = functionIds.map((id) => `<we:customFunctionId>_xldudf_${AICOST_NAMESPACE}_${id}</we:customFunctionId>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{7E2A4C61-1B3D-4E8F-A0C2-5D6E7F8091A2}">' +
    `<we:reference id="${AICOST_ADDIN_ID}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
    "<we:alternateReferences/><we:properties/><we:bindings/>" +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="{D87F86FE-615C-45B5-9D79-34F1136793EB}"><we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>` +
    "</we:webextension>"
  );
}

export const TASKPANES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
  '<wetp:taskpane dockstate="right" visibility="0" width="350" row="4">' +
  '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  "</wetp:taskpane></wetp:taskpanes>";

export const TASKPANES_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>' +
  "</Relationships>";

function insertBefore(xml: string, closingTag: string, addition: string): string {
  const at = xml.lastIndexOf(closingTag);
  if (at === -1) throw new Error(`The part has no ${closingTag}.`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

/** Marks AICOST formulas as dynamic arrays; returns the function ids the sheet calls. */
function dynamicArrayCells(xml: string, partName: string, used: Set<string>): string {
  const splices: Splice[] = [];
  let formula: { start: number; startTagEnd: number; attributes: Readonly<Record<string, string>>; text: string } | null = null;
  scanElements(xml, partName, new Set(["c", "f"]), (span) => {
    if (span.name === "f") {
      formula = span;
      return;
    }
    const current = formula as typeof formula;
    formula = null;
    if (current === null || current.attributes.t === "shared") return;
    const calls = [...current.text.matchAll(xldudfCall)].map((match) => match[1].toUpperCase());
    if (calls.length === 0) return;
    calls.forEach((id) => used.add(id));
    splices.push({ start: span.start, end: span.startTagEnd, text: withAttribute(xml.slice(span.start, span.startTagEnd), "cm", "1") });
    if (current.attributes.t !== "array") {
      const tag = xml.slice(current.start, current.startTagEnd);
      const reference = span.attributes.r ?? "A1";
      splices.push({ start: current.start, end: current.startTagEnd, text: withAttribute(withAttribute(tag, "t", "array"), "ref", reference) });
    }
  });
  return splices.length === 0 ? xml : applySplices(xml, splices);
}

/**
 * The package with its AICOST formulas stored as Excel stores them, and the add-in attached.
 * A package without AICOST formulas comes back unchanged.
 *
 * @example asExcelSaves(await exportedBytes) // cells gain cm="1", xl/metadata.xml and xl/webextensions/ are added
 */
export function asExcelSaves(bytes: Uint8Array): Uint8Array<ArrayBufferLike> {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  const used = new Set<string>();
  for (const name of Object.keys(files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      files[name] = encodePart(dynamicArrayCells(decodePart(files[name], name), name, used));
    }
  }
  if (used.size === 0) return bytes;
  const text = (name: string) => decodePart(files[name], name);
  const contentTypes = insertBefore(
    text("[Content_Types].xml"),
    "</Types>",
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>' +
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>',
  );
  files["[Content_Types].xml"] = encodePart(contentTypes);
  files["xl/_rels/workbook.xml.rels"] = encodePart(
    insertBefore(text("xl/_rels/workbook.xml.rels"), "</Relationships>", '<Relationship Id="rIdAicostMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/>'),
  );
  files["_rels/.rels"] = encodePart(
    insertBefore(text("_rels/.rels"), "</Relationships>", '<Relationship Id="rIdAicostTaskpanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>'),
  );
  files["xl/metadata.xml"] = encodePart(METADATA_XML);
  files["xl/webextensions/taskpanes.xml"] = encodePart(TASKPANES_XML);
  files["xl/webextensions/_rels/taskpanes.xml.rels"] = encodePart(TASKPANES_RELS);
  files["xl/webextensions/webextension1.xml"] = encodePart(webExtensionXml([...used].sort()));
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = [content, { level: 6 }];
  return zipSync(zippable);
}
