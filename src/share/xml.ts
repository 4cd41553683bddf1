/**
 * XML parts of a package, read with saxes (a strict, streaming XML parser) for the positions of
 * the elements the rewriter changes, and edited by splicing text at those positions: every
 * character outside an edited element stays as it was. A part with a document type declaration
 * (and so possibly entities) is refused, never resolved.
 */
import { SaxesParser } from "saxes";

/** Bad input: the message names what is wrong; the CLI exits 1 and writes nothing. */
export class ShareInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareInputError";
  }
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** A part's text; refuses anything that is not UTF-8 (Excel writes UTF-8). */
export function decodePart(bytes: Uint8Array, partName: string): string {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new ShareInputError(`${partName} is UTF-16; the rewriter reads the UTF-8 parts Excel writes.`);
  }
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new ShareInputError(`${partName} is not valid UTF-8 text.`);
  }
}

export function encodePart(text: string): Uint8Array<ArrayBufferLike> {
  return utf8Encoder.encode(text);
}

/** An element found in a part: where its start tag and the whole element begin and end. */
export interface ElementSpan {
  /** The local name, without a namespace prefix. */
  readonly name: string;
  /** The name as written, prefix included ("x:sheet"). */
  readonly qualifiedName: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Offset of "<". */
  readonly start: number;
  /** Offset just after the start tag's ">". */
  readonly startTagEnd: number;
  /** Offset just after the end tag (or the self-closing start tag). */
  readonly end: number;
  readonly selfClosing: boolean;
  /** The element's text content (character data of its direct children), decoded. */
  readonly text: string;
  /** The local name of the enclosing element; "" at the root. */
  readonly parent: string;
}

/**
 * Parses `xml` and calls `visit` for each element whose local name is in `names`, when its end
 * tag is read. Throws ShareInputError on malformed XML or a DOCTYPE.
 */
export function scanElements(xml: string, partName: string, names: ReadonlySet<string>, visit: (span: ElementSpan) => void): void {
  const parser = new SaxesParser({ position: true });
  interface Open {
    name: string;
    qualifiedName: string;
    attributes: Record<string, string>;
    start: number;
    startTagEnd: number;
    text: string;
    wanted: boolean;
  }
  const stack: Open[] = [];
  let failure: Error | null = null;
  parser.on("doctype", () => {
    failure ??= new ShareInputError(`${partName} has a document type declaration (DOCTYPE); the rewriter refuses XML with DTDs or entities.`);
  });
  parser.on("error", (problem) => {
    failure ??= new ShareInputError(`${partName} is not well-formed XML: ${problem.message}`);
  });
  parser.on("opentagstart", (tag) => {
    const start = xml.lastIndexOf("<", parser.position - 1);
    stack.push({ name: localName(tag.name), qualifiedName: tag.name, attributes: {}, start, startTagEnd: -1, text: "", wanted: names.has(localName(tag.name)) });
  });
  parser.on("opentag", (tag) => {
    const open = stack[stack.length - 1];
    open.startTagEnd = parser.position;
    if (open.wanted) open.attributes = tag.attributes as Record<string, string>;
  });
  parser.on("text", (content) => {
    const open = stack[stack.length - 1];
    if (open?.wanted) open.text += content;
  });
  parser.on("cdata", (content) => {
    const open = stack[stack.length - 1];
    if (open?.wanted) open.text += content;
  });
  parser.on("closetag", (tag) => {
    const open = stack.pop()!;
    if (open.wanted) {
      visit({
        name: open.name,
        qualifiedName: open.qualifiedName,
        attributes: open.attributes,
        start: open.start,
        startTagEnd: open.startTagEnd,
        end: parser.position,
        selfClosing: tag.isSelfClosing,
        text: open.text,
        parent: stack.length === 0 ? "" : stack[stack.length - 1].name,
      });
    }
  });
  parser.write(xml).close();
  if (failure) throw failure;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A replacement of xml[start, end). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping splices; the text between them is kept exactly. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let position = 0;
  for (const splice of ordered) {
    if (splice.start < position) throw new Error("Overlapping edits of one XML part.");
    pieces.push(xml.slice(position, splice.start), splice.text);
    position = splice.end;
  }
  pieces.push(xml.slice(position));
  return pieces.join("");
}

/** Escapes text for element content. */
const textEscapes: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function escapeText(value: string): string {
  // One pass: the rewritten formulas of a large worksheet are many and full of "<".
  return value.replace(/[&<>]/g, (character) => textEscapes[character]);
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

/**
 * A start tag with one attribute set, removed (value null) or left alone, keeping every other
 * character of the tag as written.
 */
export function withAttribute(startTag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`(\\s)${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  const match = pattern.exec(startTag);
  if (match) {
    return value === null
      ? startTag.slice(0, match.index) + startTag.slice(match.index + match[0].length)
      : `${startTag.slice(0, match.index)}${match[1]}${name}="${escapeAttribute(value)}"${startTag.slice(match.index + match[0].length)}`;
  }
  if (value === null) return startTag;
  const close = startTag.endsWith("/>") ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, close)} ${name}="${escapeAttribute(value)}"${startTag.slice(close)}`;
}
