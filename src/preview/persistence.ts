import { cellPosition } from "../sheet/addresses";
import type { PanePreferences } from "../sheet/port";
import { parsePreferences } from "../sheet/preferences";
import { STORED_WORKBOOK_VERSION, type StoredCellContent, type StoredChart, type StoredSheet, type StoredWorkbook } from "./document";

/**
 * Reading and writing the preview workbook in localStorage. Whatever is stored is checked before
 * use: a page that cannot read its stored state starts from the sample and says why, instead of
 * showing a blank page or a half-built workbook.
 */

/** The localStorage key of the preview workbook. */
export const STORAGE_KEY = "aicost.preview.workbook";

/** The outcome of reading stored state. */
export type StoredState =
  | { readonly kind: "none" }
  | { readonly kind: "ok"; readonly workbook: StoredWorkbook }
  | { readonly kind: "unreadable"; readonly reason: string };

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cellContent(value: unknown, where: string): StoredCellContent {
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
    return value;
  }
  return fail(`${where} holds ${value === null ? "null" : typeof value}, not a number, text or formula`);
}

function sheet(value: unknown, index: number): StoredSheet {
  if (!isRecord(value)) {
    return fail(`sheet ${index + 1} is not an object`);
  }
  const { name, cells, formats } = value;
  if (typeof name !== "string" || name.trim() === "" || name.length > 31) {
    return fail(`sheet ${index + 1} has no valid name`);
  }
  if (!isRecord(cells) || !isRecord(formats)) {
    return fail(`sheet "${name}" has no cells or formats`);
  }
  const checkedCells: Record<string, StoredCellContent> = {};
  for (const [address, content] of Object.entries(cells)) {
    if (cellPosition(address) === null) {
      fail(`sheet "${name}" has a cell at "${address}", which is not an address such as B4`);
    }
    checkedCells[address] = cellContent(content, `${name}!${address}`);
  }
  const checkedFormats: Record<string, string> = {};
  for (const [address, format] of Object.entries(formats)) {
    if (cellPosition(address) === null || typeof format !== "string") {
      fail(`sheet "${name}" has a bad number format at "${address}"`);
    }
    checkedFormats[address] = format;
  }
  return { name, cells: checkedCells, formats: checkedFormats };
}

/**
 * The pane's preferences in stored data, field by field, as Excel's settings are read: a field
 * missing or out of range takes its default. Preferences are the pane's, not the workbook's, so
 * they never make a stored workbook unreadable (which would open the sample instead).
 */
function preferences(value: unknown): PanePreferences {
  return parsePreferences(value);
}

function isRange(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const [first, last, extra] = value.split(":");
  return extra === undefined && cellPosition(first) !== null && (last === undefined || cellPosition(last) !== null);
}

function chart(value: unknown, index: number, sheetNames: ReadonlySet<string>): StoredChart {
  if (!isRecord(value)) {
    return fail(`chart ${index + 1} is not an object`);
  }
  const { sheetName, blockRange, seriesRange, categoryRange, topLeft } = value;
  if (typeof sheetName !== "string" || !sheetNames.has(sheetName.toLowerCase())) {
    return fail(`chart ${index + 1} belongs to no sheet of the workbook`);
  }
  if (!isRange(blockRange) || !isRange(seriesRange) || !isRange(categoryRange) || typeof topLeft !== "string" || cellPosition(topLeft) === null) {
    return fail(`chart ${index + 1} has a range or a position that is not an address such as F3:J41`);
  }
  return { sheetName, blockRange, seriesRange, categoryRange, topLeft };
}

/**
 * Checks stored data and returns it as a workbook, or the reason it cannot be used.
 *
 * @example parseStoredWorkbook("{") // { kind: "unreadable", reason: "it is not valid JSON" }
 */
export function parseStoredWorkbook(text: string | null): StoredState {
  if (text === null) {
    return { kind: "none" };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: "unreadable", reason: "it is not valid JSON" };
  }
  try {
    if (!isRecord(data)) {
      fail("it is not a workbook object");
    }
    if (data.version !== STORED_WORKBOOK_VERSION) {
      fail(`it was saved in format version ${JSON.stringify(data.version ?? null)}; this preview reads version ${STORED_WORKBOOK_VERSION}`);
    }
    if (!Array.isArray(data.sheets) || data.sheets.length === 0) {
      fail("it has no sheets");
    }
    const sheets = data.sheets.map(sheet);
    const sheetNames = new Set(sheets.map((each) => each.name.toLowerCase()));
    if (sheetNames.size !== sheets.length) {
      fail("two sheets have the same name");
    }
    if (!Array.isArray(data.names)) {
      fail("it has no list of defined names");
    }
    const names = data.names.map((entry, index) => {
      if (!isRecord(entry) || typeof entry.name !== "string" || typeof entry.expression !== "string" || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(entry.name)) {
        return fail(`defined name ${index + 1} is malformed`);
      }
      return { name: entry.name, expression: entry.expression };
    });
    const activeSheet = typeof data.activeSheet === "string" && sheetNames.has(data.activeSheet.toLowerCase()) ? data.activeSheet : sheets[0].name;
    if (data.charts !== undefined && !Array.isArray(data.charts)) {
      fail("its list of charts is not a list");
    }
    const charts = data.charts === undefined ? undefined : data.charts.map((entry, index) => chart(entry, index, sheetNames));
    const base: StoredWorkbook = { version: STORED_WORKBOOK_VERSION, sheets, names, preferences: preferences(data.preferences), activeSheet };
    const workbook: StoredWorkbook = charts === undefined ? base : { ...base, charts };
    return { kind: "ok", workbook };
  } catch (thrown) {
    if (thrown instanceof Invalid) {
      return { kind: "unreadable", reason: thrown.message };
    }
    throw thrown;
  }
}

/** The minimal storage the preview needs; window.localStorage in the page. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Reads the stored workbook; storage that throws (disabled, private mode) counts as unreadable. */
export function loadStoredWorkbook(storage: KeyValueStorage): StoredState {
  try {
    return parseStoredWorkbook(storage.getItem(STORAGE_KEY));
  } catch (thrown) {
    return { kind: "unreadable", reason: `the browser's storage could not be read (${String(thrown)})` };
  }
}

/** Whether a storage error is the browser's "storage full" (QuotaExceededError; legacy code 22, Firefox's NS_ERROR_DOM_QUOTA_REACHED). */
function isStorageFull(thrown: unknown): boolean {
  if (typeof thrown !== "object" || thrown === null) return false;
  const { name, code } = thrown as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

/** Saves the workbook; returns an error message in words when the browser refuses (storage full or disabled). */
export function saveStoredWorkbook(storage: KeyValueStorage, workbook: StoredWorkbook): string | null {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(workbook));
    return null;
  } catch (thrown) {
    if (isStorageFull(thrown)) {
      return "This browser's storage for the preview is full, so your latest changes are not saved: they stay on screen until you reload. Download the workbook as .xlsx to keep it, or clear this site's stored data to make room.";
    }
    return `The workbook could not be saved in this browser: ${String(thrown)}`;
  }
}
