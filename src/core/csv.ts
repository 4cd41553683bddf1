import { malformed } from "./errors";

/*
 * RFC 4180 CSV, the format of the price catalog: fields separated by commas, a field that holds a
 * comma, a double quote or a line break is quoted and its quotes doubled. A reader and a writer of
 * about forty lines each; the catalog's file is small and well formed, so a library would add more
 * than it saves.
 */

/**
 * Reads CSV text into rows of fields. Accepts LF or CRLF line ends, a final line end or none, and a
 * byte-order mark. A quote that is never closed, or text after a closing quote, is malformed.
 *
 * @example parseCsv('a,"b, c"\n1,2\n') // [["a", "b, c"], ["1", "2"]]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let atFieldStart = true;
  const endField = () => {
    row.push(field);
    field = "";
    atFieldStart = true;
  };
  while (position < text.length) {
    const character = text[position];
    if (atFieldStart && character === '"') {
      const quoteLine = line;
      position++;
      for (;;) {
        if (position >= text.length) throw malformed(`CSV line ${quoteLine}: a quoted field is never closed.`);
        const inner = text[position];
        if (inner === '"') {
          if (text[position + 1] === '"') {
            field += '"';
            position += 2;
            continue;
          }
          position++;
          break;
        }
        if (inner === "\n") line++;
        field += inner;
        position++;
      }
      const next = text[position];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        throw malformed(`CSV line ${line}: text after a closing quote; a quote inside a field must be doubled.`);
      }
      atFieldStart = false;
      continue;
    }
    if (character === ",") {
      endField();
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[position + 1] === "\n") position++;
      endField();
      rows.push(row);
      row = [];
      line++;
    } else {
      if (character === '"') throw malformed(`CSV line ${line}: a quote inside an unquoted field; quote the field and double the quote.`);
      field += character;
      atFieldStart = false;
    }
    position++;
  }
  if (!atFieldStart || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Writes rows of fields as CSV with LF line ends and a final line end, quoting only the fields
 * that need it.
 *
 * @example formatCsv([["a", "b, c"], ["1", ""]]) // 'a,"b, c"\n1,\n'
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(",") + "\n").join("");
}
