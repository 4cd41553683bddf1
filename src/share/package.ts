/**
 * The share-safe copy of an .xlsx package: the same zip, every part copied byte for byte except
 * the few the conversion has a reason to change (the worksheets and names whose formulas call
 * AICOST, workbook.xml's calculation settings, the add-in's web extension and the parts that
 * list it). No workbook model in between: nothing is dropped because the rewriter does not know it.
 */
import { unzipSync } from "fflate";
import { parseA1Ref } from "@borgar/fx/xlsx";
import { columnIndex } from "../core/a1";
import { AICOST_NAMESPACE } from "../core/namespace";
import { rewriteFormula, type FormulaRewrite, type NameTarget, type RangeShape } from "./formula";
import { RelativeRewriteCache } from "./relativeCache";
import { zipParts, type RawDeflate } from "./zip";
import { reportCsv, type FrozenFormula, type ShareReport } from "./report";
import { applySplices, decodePart, encodePart, escapeText, scanElements, ShareInputError, withAttribute, type ElementSpan, type Splice } from "./xml";

export { ShareInputError } from "./xml";
export { reportCsv };

/** The add-in's id in manifest.xml: Excel names it in the web extension part of a saved workbook. */
export const AICOST_ADDIN_ID = "da2dd761-6921-454d-a789-9478f462fda6";

/** The most a package may hold uncompressed before it is refused (a zip bomb guard). */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

export interface ShareOptions {
  readonly maxUncompressedBytes?: number;
  /** How parts are compressed: fflate by default; the command line passes Node's native zlib. */
  readonly deflate?: RawDeflate;
  /** Called as formulas are rewritten: formulas done, formulas in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ShareResult {
  readonly bytes: Uint8Array;
  readonly report: ShareReport;
}

const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  webExtensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

const xldudfPattern = new RegExp(`_xldudf_${AICOST_NAMESPACE}_`, "i");

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name in the zip, resolved against the source part. */
  readonly target: string;
  readonly external: boolean;
  readonly span: ElementSpan;
}

/** The zip's parts by name, with case-insensitive look-up as OPC part names are. */
class Parts {
  readonly order: string[];
  private readonly bytes: Map<string, Uint8Array>;
  private readonly byLowerName = new Map<string, string>();
  readonly removed = new Set<string>();

  constructor(files: Record<string, Uint8Array>) {
    this.order = Object.keys(files);
    this.bytes = new Map(Object.entries(files));
    for (const name of this.order) this.byLowerName.set(name.toLowerCase(), name);
  }

  name(partName: string): string | undefined {
    return this.byLowerName.get(partName.replace(/^\//, "").toLowerCase());
  }

  has(partName: string): boolean {
    const name = this.name(partName);
    return name !== undefined && !this.removed.has(name);
  }

  /** Decoded texts, kept so a large worksheet is decoded once (and its rewrite not decoded again). */
  private readonly texts = new Map<string, string>();

  text(partName: string): string {
    const name = this.name(partName);
    if (name === undefined) throw new ShareInputError(`The package has no part ${partName}.`);
    let text = this.texts.get(name);
    if (text === undefined) {
      text = decodePart(this.bytes.get(name)!, name);
      this.texts.set(name, text);
    }
    return text;
  }

  /** The text of a part already decoded or written, without decoding one that was not. */
  decodedText(name: string): string | undefined {
    return this.texts.get(name);
  }

  setText(partName: string, text: string): void {
    const name = this.name(partName)!;
    this.bytes.set(name, encodePart(text));
    this.texts.set(name, text);
  }

  remove(partName: string): void {
    const name = this.name(partName);
    if (name !== undefined) this.removed.add(name);
  }

  raw(name: string): Uint8Array {
    return this.bytes.get(name)!;
  }
}

function directoryOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return slash === -1 ? "" : partName.slice(0, slash + 1);
}

function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

function resolveTarget(sourcePart: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : directoryOf(sourcePart) + target;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function relationshipsOf(parts: Parts, sourcePart: string): { part: string; relationships: Relationship[] } | null {
  const relsPart = sourcePart === "" ? "_rels/.rels" : relsPartOf(sourcePart);
  if (!parts.has(relsPart)) return null;
  const relationships: Relationship[] = [];
  scanElements(parts.text(relsPart), relsPart, new Set(["Relationship"]), (span) => {
    const { Id, Type, Target, TargetMode } = span.attributes;
    const external = TargetMode === "External";
    relationships.push({ id: Id, type: Type, target: external ? Target : resolveTarget(sourcePart, Target ?? ""), external, span });
  });
  return { part: relsPart, relationships };
}

/** Removes relationships by id from a .rels part, keeping everything else as written. */
function removeRelationships(parts: Parts, rels: { part: string; relationships: Relationship[] }, ids: ReadonlySet<string>): void {
  const splices = rels.relationships.filter((relationship) => ids.has(relationship.id)).map((relationship) => ({ start: relationship.span.start, end: relationship.span.end, text: "" }));
  if (splices.length > 0) parts.setText(rels.part, applySplices(parts.text(rels.part), splices));
}

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((character) => [character.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let index = 0; index + pattern.length <= limit; index++) {
    for (let offset = 0; offset < pattern.length; offset++) if (bytes[index + offset] !== pattern[offset]) continue outer;
    return true;
  }
  return false;
}

/** Says what a file that is not an .xlsx package is. */
function refuseNonZip(input: Uint8Array): never {
  if (oleSignature.every((byte, index) => input[index] === byte)) {
    if (containsUtf16(input, "EncryptionInfo")) {
      throw new ShareInputError("This is a password-protected (encrypted) workbook. Save a copy without a password (File > Info > Protect Workbook) and convert that.");
    }
    throw new ShareInputError("This is an Excel 97-2003 workbook (.xls) or another OLE compound file, not an .xlsx package. Save it as .xlsx first.");
  }
  const head = new TextDecoder("utf-8", { fatal: false }).decode(input.subarray(0, 200)).trimStart();
  if (head.startsWith("<?xml") || head.startsWith("<")) {
    throw new ShareInputError("This is an XML file (perhaps an XML Spreadsheet 2003), not an .xlsx package. Save it as .xlsx first.");
  }
  throw new ShareInputError(input.length === 0 ? "The file is empty." : "This is not an .xlsx file: an .xlsx workbook is a zip package, and this file is not a zip.");
}

function unzip(input: Uint8Array, maxBytes: number): Record<string, Uint8Array> {
  const isZip = input[0] === 0x50 && input[1] === 0x4b && (input[2] === 0x03 || input[2] === 0x05) && (input[3] === 0x04 || input[3] === 0x06);
  if (!isZip) refuseNonZip(input);
  let total = 0;
  const declared = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(input, {
      filter(file) {
        total += file.originalSize;
        if (total > maxBytes) {
          throw new ShareInputError(`The package holds more than ${Math.round(maxBytes / 1024 / 1024)} MB uncompressed; it is refused as a possible zip bomb.`);
        }
        declared.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (thrown) {
    if (thrown instanceof ShareInputError) throw thrown;
    throw new ShareInputError(`The zip package cannot be read (${thrown instanceof Error ? thrown.message : String(thrown)}); it may be damaged or encrypted.`);
  }
  for (const [name, bytes] of Object.entries(files)) {
    if (bytes.length !== declared.get(name)) throw new ShareInputError(`The zip entry ${name} does not hold the size it declares; the package is damaged.`);
  }
  return files;
}

/** A part's content type from [Content_Types].xml: its Override, else its extension's Default. */
function contentTypeOf(parts: Parts, partName: string): string {
  let type = "";
  const extension = partName.slice(partName.lastIndexOf(".") + 1).toLowerCase();
  scanElements(parts.text("[Content_Types].xml"), "[Content_Types].xml", new Set(["Override", "Default"]), (span) => {
    if (span.name === "Override" && (span.attributes.PartName ?? "").toLowerCase() === `/${partName}`.toLowerCase()) type = span.attributes.ContentType ?? "";
    else if (span.name === "Default" && type === "" && (span.attributes.Extension ?? "").toLowerCase() === extension) type = span.attributes.ContentType ?? "";
  });
  return type;
}

function identify(parts: Parts): void {
  if (parts.has("mimetype")) {
    const mimetype = new TextDecoder().decode(parts.raw(parts.name("mimetype")!)).trim();
    if (mimetype.includes("opendocument")) {
      throw new ShareInputError(`This is an OpenDocument file (${mimetype.endsWith("spreadsheet") ? ".ods" : mimetype}), not an .xlsx workbook. Save it as .xlsx first.`);
    }
  }
  if (parts.has("xl/workbook.bin")) {
    throw new ShareInputError("This is an Excel binary workbook (.xlsb), not an .xlsx package. Save it as .xlsx (Excel Workbook) first.");
  }
  if (!parts.has("[Content_Types].xml")) {
    throw new ShareInputError("This zip file is not an Office package (it has no [Content_Types].xml), so not an .xlsx workbook.");
  }
}

interface SheetInfo {
  readonly name: string;
  readonly part: string;
  readonly index: number;
}

interface DefinedName {
  readonly name: string;
  readonly sheetIndex: number | null;
  readonly formula: string;
  readonly span: ElementSpan;
}

function nameTarget(formula: string): NameTarget {
  const reference = formula.replace(/^=/, "").trim();
  const parsed = parseA1Ref(reference) as { range?: { top: number | null; left: number | null; bottom: number | null; right: number | null } } | null;
  const range = parsed?.range;
  if (!range || range.top === null || range.left === null || range.bottom === null || range.right === null) return { kind: "other" };
  return { kind: "range", shape: { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 }, reference };
}

const cellReferencePattern = /^([A-Za-z]{1,3})([0-9]{1,7})$/;

/** A cell's r attribute ("C12") as a 0-based row and column; null for anything else. */
function cellPosition(reference: string): { row: number; column: number } | null {
  const match = cellReferencePattern.exec(reference);
  return match ? { row: Number(match[2]) - 1, column: columnIndex(match[1]) } : null;
}

function shapeOfRef(ref: string | undefined): RangeShape | undefined {
  if (ref === undefined) return undefined;
  const target = nameTarget(ref);
  return target.kind === "range" ? target.shape : undefined;
}

function describeCached(cell: ElementSpan, value: ElementSpan | undefined): string {
  if (value === undefined) return "no cached value: the cell is now empty";
  const type = cell.attributes.t ?? "n";
  if (type === "e") return `its cached error ${value.text}`;
  if (type === "s") return "its cached text";
  if (type === "str" || type === "inlineStr") return `its cached text "${value.text}"`;
  if (type === "b") return `its cached value ${value.text === "1" ? "TRUE" : "FALSE"}`;
  return `its cached value ${value.text}`;
}

interface CellRecord {
  readonly cell: ElementSpan;
  formula?: ElementSpan;
  value?: ElementSpan;
}

/** Rewrites the formulas of one worksheet; returns the new text, or null when nothing changed. */
class SheetRewrite {
  readonly frozen: FrozenFormula[] = [];
  rewrittenFormulas = 0;
  rewrittenCalls = 0;

  constructor(
    private readonly sheet: SheetInfo,
    private readonly resolveName: (name: string) => NameTarget | undefined,
    private readonly progress: () => void,
  ) {}

  /** Formulas filled down or right are parsed once per sheet and array size (relativeCache.ts). */
  private readonly templates = new Map<string, RelativeRewriteCache>();

  private rewrite(formula: string, arrayShape: RangeShape | undefined, cellReference: string | undefined): FormulaRewrite {
    const shapeKey = arrayShape ? `${arrayShape.rows}x${arrayShape.columns}` : "";
    const position = cellReference === undefined ? null : cellPosition(cellReference);
    if (position === null) return rewriteFormula(formula, { resolveName: this.resolveName, arrayShape, fileFunctionNames: true });
    let cache = this.templates.get(shapeKey);
    if (cache === undefined) {
      cache = new RelativeRewriteCache((text) => rewriteFormula(text, { resolveName: this.resolveName, arrayShape, fileFunctionNames: true }));
      this.templates.set(shapeKey, cache);
    }
    return cache.rewriteAt(formula, position.row, position.column, "");
  }

  run(xml: string): string | null {
    const cells: CellRecord[] = [];
    const others: ElementSpan[] = [];
    let pending: CellRecord | null = null;
    scanElements(xml, this.sheet.part, new Set(["c", "f", "v", "formula", "formula1", "formula2"]), (span) => {
      const parent = span.parent;
      if (span.name === "f" || span.name === "v") {
        if (parent !== "c") return;
        pending ??= { cell: span };
        if (span.name === "f") pending.formula = span;
        else pending.value = span;
      } else if (span.name === "c") {
        if (pending && pending.formula) cells.push({ ...pending, cell: span });
        pending = null;
      } else if (xldudfPattern.test(span.text) || span.text.toUpperCase().includes(`${AICOST_NAMESPACE}.`)) {
        others.push(span);
      }
    });
    const splices: Splice[] = [];
    const masters = new Map<string, FormulaRewrite>();
    const followers: CellRecord[] = [];
    for (const record of cells) {
      const formula = record.formula!;
      const shared = formula.attributes.t === "shared";
      if (shared && formula.text === "") {
        followers.push(record);
        continue;
      }
      const arrayShape = formula.attributes.t === "array" ? shapeOfRef(formula.attributes.ref) : undefined;
      let result = this.rewrite(formula.text, arrayShape, record.cell.attributes.r);
      if (result.kind === "rewritten" && result.arrayEvaluation && shared) {
        result = { kind: "frozen", reason: "it is a shared formula, and its native form must be an array formula of its own" };
      }
      if (shared && formula.attributes.si !== undefined) masters.set(formula.attributes.si, result);
      this.apply(xml, record, result, formula.text, splices);
    }
    for (const record of followers) {
      const result = masters.get(record.formula!.attributes.si ?? "");
      if (result === undefined || result.kind === "unchanged") continue;
      const reference = record.cell.attributes.r ?? "?";
      if (result.kind === "rewritten") {
        this.rewrittenFormulas++;
        this.progress();
        continue;
      }
      this.freeze(xml, record, `(shared formula of ${reference})`, result.reason, splices);
    }
    for (const span of others) {
      const result = rewriteFormula(span.text, { resolveName: this.resolveName, fileFunctionNames: true });
      const what = span.name === "formula" ? "conditional format" : "data validation";
      if (result.kind === "rewritten") {
        this.rewrittenFormulas++;
        this.rewrittenCalls += result.calls;
        splices.push(textSplice(xml, span, result.formula));
      } else if (result.kind === "frozen") {
        this.frozen.push({ sheet: this.sheet.name, cell: what, formula: `=${span.text}`, reason: result.reason, result: "a formula has no cached value there: it is now #N/A" });
        splices.push(textSplice(xml, span, "NA()"));
      }
    }
    return splices.length === 0 ? null : applySplices(xml, splices);
  }

  private apply(xml: string, record: CellRecord, result: FormulaRewrite, formula: string, splices: Splice[]): void {
    if (result.kind === "unchanged") return;
    this.progress();
    if (result.kind === "rewritten") {
      this.rewrittenFormulas++;
      this.rewrittenCalls += result.calls;
      const formulaSpan = record.formula!;
      if (result.arrayEvaluation && formulaSpan.attributes.t === undefined && record.cell.attributes.r !== undefined) {
        // A formula over whole ranges is evaluated as one in every version as an array formula of its cell.
        const startTag = xml.slice(formulaSpan.start, formulaSpan.startTagEnd);
        splices.push({ start: formulaSpan.start, end: formulaSpan.startTagEnd, text: withAttribute(withAttribute(startTag, "t", "array"), "ref", record.cell.attributes.r) });
      }
      splices.push(textSplice(xml, formulaSpan, result.formula));
      return;
    }
    this.freeze(xml, record, `=${formula}`, result.reason, splices);
  }

  /** The cell keeps its cached value and loses its formula. */
  private freeze(xml: string, record: CellRecord, formula: string, reason: string, splices: Splice[]): void {
    const { cell, value } = record;
    const formulaSpan = record.formula!;
    this.frozen.push({ sheet: this.sheet.name, cell: cell.attributes.r ?? "?", formula, reason, result: describeCached(cell, value) });
    let startTag = xml.slice(cell.start, cell.startTagEnd);
    startTag = withAttribute(startTag, "cm", null);
    const type = cell.attributes.t;
    if (value === undefined && type !== undefined) startTag = withAttribute(startTag, "t", null);
    if (value !== undefined && type === "str") {
      // A formula's text result without the formula is an inline string (sharedStrings.xml stays as it was).
      startTag = withAttribute(startTag, "t", "inlineStr");
      splices.push({ start: value.start, end: value.end, text: `<is><t xml:space="preserve">${escapeText(value.text)}</t></is>` });
    }
    splices.push({ start: cell.start, end: cell.startTagEnd, text: startTag });
    splices.push({ start: formulaSpan.start, end: formulaSpan.end, text: "" });
  }
}

/** Replaces an element's text content, keeping its start and end tags as written. */
function textSplice(xml: string, span: ElementSpan, content: string): Splice {
  if (span.selfClosing) {
    const tag = xml.slice(span.start, span.end);
    return { start: span.start, end: span.end, text: `${tag.slice(0, -2).trimEnd()}>${escapeText(content)}</${span.qualifiedName}>` };
  }
  const endTag = xml.slice(xml.lastIndexOf("</", span.end - 1), span.end);
  return { start: span.startTagEnd, end: span.end - endTag.length, text: escapeText(content) };
}

/**
 * A share-safe copy of an .xlsx package: every AICOST call replaced by built-in formulas, calls
 * that cannot be made native frozen to their cached values and reported, the add-in's web
 * extension removed, and the workbook set to recalculate fully when it opens.
 *
 * Throws ShareInputError, with a message naming what the file is, for anything that is not an
 * .xlsx package (.xls, .xlsb, .ods, an encrypted file, not a zip), one too large uncompressed,
 * or XML with a DTD.
 *
 * @example const { bytes, report } = shareSafeWorkbook(readFileSync("model.xlsx")); // report.frozen lists what did not convert
 */
export function shareSafeWorkbook(input: Uint8Array, options: ShareOptions = {}): ShareResult {
  const parts = new Parts(unzip(input, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES));
  identify(parts);
  for (const name of parts.order) {
    if (/\.(xml|rels|vml)$/i.test(name) && declaresDoctypeOrEntity(parts.raw(name))) {
      throw new ShareInputError(`${name} has a document type declaration (DOCTYPE) or an entity; the rewriter refuses XML with DTDs or entities.`);
    }
  }
  const rootRels = relationshipsOf(parts, "");
  const workbookPart = rootRels?.relationships.find((relationship) => relationship.type === RELATIONSHIP_TYPES.officeDocument)?.target;
  if (workbookPart === undefined || !parts.has(workbookPart)) {
    throw new ShareInputError("This Office package has no workbook part, so it is not an .xlsx workbook (perhaps a Word or PowerPoint file).");
  }
  const mainType = contentTypeOf(parts, workbookPart);
  if (/wordprocessingml/i.test(mainType)) throw new ShareInputError("This is a Word document, not an .xlsx workbook.");
  if (/presentationml/i.test(mainType)) throw new ShareInputError("This is a PowerPoint presentation, not an .xlsx workbook.");
  if (/\.bin$/i.test(workbookPart) || /sheet\.binary/i.test(mainType)) {
    throw new ShareInputError("This is an Excel binary workbook (.xlsb), not an .xlsx package. Save it as .xlsx (Excel Workbook) first.");
  }
  const workbookRels = relationshipsOf(parts, workbookPart);
  const relationshipById = new Map((workbookRels?.relationships ?? []).map((relationship) => [relationship.id, relationship]));

  const workbookXml = parts.text(workbookPart);
  const sheets: SheetInfo[] = [];
  const names: DefinedName[] = [];
  const anchors = new Map<string, ElementSpan>();
  scanElements(workbookXml, workbookPart, new Set(["sheet", "definedName", "calcPr", "sheets", "functionGroups", "externalReferences", "definedNames"]), (span) => {
    if (span.name === "sheet") {
      const idAttribute = Object.keys(span.attributes).find((attribute) => attribute.endsWith(":id"));
      const relationship = idAttribute ? relationshipById.get(span.attributes[idAttribute]) : undefined;
      sheets.push({ name: span.attributes.name ?? "", part: relationship?.type === RELATIONSHIP_TYPES.worksheet ? relationship.target : "", index: sheets.length });
    } else if (span.name === "definedName") {
      const local = span.attributes.localSheetId;
      names.push({ name: span.attributes.name ?? "", sheetIndex: local === undefined ? null : Number(local), formula: span.text, span });
    } else {
      anchors.set(span.name, span);
    }
  });

  const resolverFor = (sheetIndex: number | null) => {
    const resolved = new Map<string, NameTarget | undefined>();
    return (name: string) => {
      const upper = name.toUpperCase();
      if (resolved.has(upper)) return resolved.get(upper);
      const match =
        names.find((defined) => defined.sheetIndex === sheetIndex && sheetIndex !== null && defined.name.toUpperCase() === upper) ??
        names.find((defined) => defined.sheetIndex === null && defined.name.toUpperCase() === upper);
      const target = match ? nameTarget(match.formula) : undefined;
      resolved.set(upper, target);
      return target;
    };
  };

  const frozen: FrozenFormula[] = [];
  const changedSheets: string[] = [];
  let rewrittenFormulas = 0;
  let rewrittenCalls = 0;
  const sheetTexts = sheets.filter((sheet) => sheet.part !== "" && parts.has(sheet.part)).map((sheet) => ({ sheet, xml: parts.text(sheet.part) }));
  const total = sheetTexts.reduce((sum, { xml }) => sum + countMatches(xml), 0);
  let done = 0;
  const progress = () => {
    done++;
    if (options.onProgress && (done % 1000 === 0 || done === total)) options.onProgress(Math.min(done, total), total);
  };
  for (const { sheet, xml } of sheetTexts) {
    const rewrite = new SheetRewrite(sheet, resolverFor(sheet.index), progress);
    const changed = rewrite.run(xml);
    if (changed !== null) {
      parts.setText(sheet.part, changed);
      changedSheets.push(sheet.name);
    }
    frozen.push(...rewrite.frozen);
    rewrittenFormulas += rewrite.rewrittenFormulas;
    rewrittenCalls += rewrite.rewrittenCalls;
  }

  // Defined names, and the workbook's calculation settings.
  const workbookSplices: Splice[] = [];
  for (const defined of names) {
    const result = rewriteFormula(defined.formula, { resolveName: resolverFor(defined.sheetIndex), fileFunctionNames: true });
    if (result.kind === "rewritten") {
      rewrittenFormulas++;
      rewrittenCalls += result.calls;
      workbookSplices.push(textSplice(workbookXml, defined.span, result.formula));
    } else if (result.kind === "frozen") {
      const scope = defined.sheetIndex === null ? "" : (sheets[defined.sheetIndex]?.name ?? "");
      frozen.push({ sheet: scope, cell: `name ${defined.name}`, formula: `=${defined.formula}`, reason: result.reason, result: "a name has no cached value: it is now #N/A" });
      workbookSplices.push(textSplice(workbookXml, defined.span, "NA()"));
    }
  }
  const calcPr = anchors.get("calcPr");
  if (calcPr) {
    const tag = workbookXml.slice(calcPr.start, calcPr.startTagEnd);
    workbookSplices.push({ start: calcPr.start, end: calcPr.startTagEnd, text: withAttribute(tag, "fullCalcOnLoad", "1") });
  } else {
    const after = ["definedNames", "externalReferences", "functionGroups", "sheets"].map((name) => anchors.get(name)).find((span) => span !== undefined);
    if (after) {
      const prefix = after.qualifiedName.includes(":") ? after.qualifiedName.slice(0, after.qualifiedName.indexOf(":") + 1) : "";
      workbookSplices.push({ start: after.end, end: after.end, text: `<${prefix}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  parts.setText(workbookPart, applySplices(workbookXml, workbookSplices));

  const removedParts: string[] = [];
  const contentTypeRemovals = new Set<string>();
  const removePart = (name: string) => {
    if (!parts.has(name)) return;
    parts.remove(name);
    removedParts.push(parts.name(name)!);
    contentTypeRemovals.add(`/${parts.name(name)!}`.toLowerCase());
    const ownRels = relsPartOf(parts.name(name)!);
    if (parts.has(ownRels)) parts.remove(ownRels);
  };

  // A frozen cell keeps no formula, so the calculation chain would list cells that have none.
  if (frozen.length > 0 && workbookRels) {
    const chain = workbookRels.relationships.filter((relationship) => relationship.type === RELATIONSHIP_TYPES.calcChain);
    chain.forEach((relationship) => removePart(relationship.target));
    removeRelationships(parts, workbookRels, new Set(chain.map((relationship) => relationship.id)));
  }

  removeAddinWebExtension(parts, rootRels!, removePart);

  if (contentTypeRemovals.size > 0) {
    const contentTypes = parts.text("[Content_Types].xml");
    const splices: Splice[] = [];
    scanElements(contentTypes, "[Content_Types].xml", new Set(["Override"]), (span) => {
      if (contentTypeRemovals.has((span.attributes.PartName ?? "").toLowerCase())) splices.push({ start: span.start, end: span.end, text: "" });
    });
    parts.setText("[Content_Types].xml", applySplices(contentTypes, splices));
  }

  for (const name of parts.order) {
    if (parts.removed.has(name) || !/\.(xml|rels)$/i.test(name) || /sharedStrings|comments|threadedComments/i.test(name)) continue;
    if (xldudfPattern.test(parts.decodedText(name) ?? new TextDecoder().decode(parts.raw(name)))) {
      throw new Error(`${name} still calls AICOST in a place the rewriter does not convert; nothing was written.`);
    }
  }

  const kept = parts.order.filter((name) => !parts.removed.has(name)).map((name) => [name, parts.raw(name)] as const);
  return {
    bytes: zipParts(kept, options.deflate),
    report: { rewrittenFormulas, rewrittenCalls, frozen, removedParts, changedSheets },
  };
}

const lessThan = 0x3c;
const exclamation = 0x21;

/**
 * Whether XML bytes hold `<!DOCTYPE` or `<!ENTITY` (any case), read from the bytes without
 * decoding the part: every `<!` is looked at, which comments and CDATA sections also start with.
 */
function declaresDoctypeOrEntity(bytes: Uint8Array): boolean {
  for (let index = bytes.indexOf(lessThan); index !== -1; index = bytes.indexOf(lessThan, index + 1)) {
    if (bytes[index + 1] !== exclamation) continue;
    const word = String.fromCharCode(...bytes.subarray(index + 2, index + 9)).toUpperCase();
    if (word.startsWith("DOCTYPE") || word.startsWith("ENTITY")) return true;
  }
  return false;
}

function countMatches(xml: string): number {
  let count = 0;
  const pattern = new RegExp(`${AICOST_NAMESPACE}`, "gi");
  while (pattern.exec(xml) !== null) count++;
  return count;
}

/**
 * Removes AICOST's web extension (the part naming the add-in and its custom function ids) and
 * its task pane entry; the task pane part goes when no other add-in's pane is left in it.
 */
function removeAddinWebExtension(parts: Parts, rootRels: { part: string; relationships: Relationship[] }, removePart: (name: string) => void): void {
  const taskpaneRelationships = rootRels.relationships.filter((relationship) => relationship.type === RELATIONSHIP_TYPES.webExtensionTaskpanes && parts.has(relationship.target));
  for (const taskpaneRelationship of taskpaneRelationships) {
    const taskpanesPart = taskpaneRelationship.target;
    const rels = relationshipsOf(parts, taskpanesPart);
    if (!rels) continue;
    const ours = rels.relationships.filter((relationship) => {
      if (relationship.type !== RELATIONSHIP_TYPES.webExtension || !parts.has(relationship.target)) return false;
      const xml = parts.text(relationship.target);
      return xml.toLowerCase().includes(AICOST_ADDIN_ID) || xldudfPattern.test(xml);
    });
    if (ours.length === 0) continue;
    const ourIds = new Set(ours.map((relationship) => relationship.id));
    const taskpanesXml = parts.text(taskpanesPart);
    const panes: { span: ElementSpan; ours: boolean }[] = [];
    const references: { id: string; end: number }[] = [];
    scanElements(taskpanesXml, taskpanesPart, new Set(["taskpane", "webextensionref"]), (span) => {
      if (span.name === "webextensionref") {
        const idAttribute = Object.keys(span.attributes).find((attribute) => attribute.endsWith(":id"));
        references.push({ id: idAttribute ? span.attributes[idAttribute] : "", end: span.end });
      } else {
        panes.push({ span, ours: references.some((reference) => reference.end <= span.end && reference.end > span.start && ourIds.has(reference.id)) });
      }
    });
    ours.forEach((relationship) => removePart(relationship.target));
    if (panes.every((pane) => pane.ours)) {
      removePart(taskpanesPart);
      removeRelationships(parts, rootRels, new Set([taskpaneRelationship.id]));
    } else {
      parts.setText(taskpanesPart, applySplices(taskpanesXml, panes.filter((pane) => pane.ours).map((pane) => ({ start: pane.span.start, end: pane.span.end, text: "" }))));
      removeRelationships(parts, rels, ourIds);
    }
  }
}
