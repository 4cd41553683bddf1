/**
 * LibreOffice Calc, headless, as an independent spreadsheet engine: opens .xlsx files, recalculates
 * every formula on load (a throw-away profile sets OOXMLRecalcMode to "always") and writes each
 * sheet as CSV at full precision. One soffice run converts every file given.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync, type Zippable } from "fflate";

export function sofficePath(): string | null {
  for (const candidate of [process.env.SOFFICE_PATH, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

const recalculateOnLoad = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Each sheet of each file as rows of CSV fields, by file name, then sheet name. */
export type Recalculated = Map<string, Map<string, string[][]>>;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (character !== "\r") field += character;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

export function recalculate(files: Readonly<Record<string, Uint8Array>>, sheetNames: Readonly<Record<string, readonly string[]>>): Recalculated {
  const soffice = sofficePath();
  if (soffice === null) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const directory = mkdtempSync(join(tmpdir(), "aicost-lo-"));
  try {
    mkdirSync(join(directory, "profile", "user"), { recursive: true });
    writeFileSync(join(directory, "profile", "user", "registrymodifications.xcu"), recalculateOnLoad);
    const inputs = Object.entries(files).map(([name, bytes]) => {
      const path = join(directory, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    execFileSync(soffice, [
      `-env:UserInstallation=file://${join(directory, "profile")}`,
      "--headless", "--norestore", "--nolockcheck",
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir", join(directory, "out"),
      ...inputs,
    ], { stdio: "ignore", timeout: 120_000 });
    const result: Recalculated = new Map();
    const written = readdirSync(join(directory, "out"));
    for (const name of Object.keys(files)) {
      const sheets = new Map<string, string[][]>();
      for (const sheet of sheetNames[name] ?? []) {
        const file = `${name}-${sheet}.csv`;
        if (!written.includes(file)) throw new Error(`LibreOffice wrote no ${file} (it wrote ${written.join(", ")})`);
        sheets.set(sheet, parseCsv(readFileSync(join(directory, "out", file), "utf8")));
      }
      result.set(name, sheets);
    }
    return result;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The field at an A1 address ("" when the sheet ends before it). */
export function fieldAt(rows: string[][], row: number, col: number): string {
  return rows[row]?.[col] ?? "";
}

/**
 * The package with one cell of one sheet set to a text (an inline string), as a recipient picking
 * another scenario from the dropdown does.
 */
export function withCellText(bytes: Uint8Array, sheetPart: string, reference: string, value: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files[sheetPart]);
  const pattern = new RegExp(`<c r="${reference}"[^>]*?(?:/>|>.*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`${sheetPart} has no cell ${reference}`);
  files[sheetPart] = new TextEncoder().encode(xml.replace(pattern, `<c r="${reference}" t="inlineStr"><is><t>${value}</t></is></c>`));
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = content;
  return zipSync(zippable);
}

/** Reads a CSV field as LibreOffice wrote it: a number, or its text (errors as #NAME?, Err:502, ...). */
export function readField(field: string): number | string {
  return field !== "" && Number.isFinite(Number(field)) ? Number(field) : field;
}

export function isErrorField(field: string): boolean {
  return /^(#[A-Z/0!?]+|Err:\d+)$/.test(field);
}
