import type { CalendarDate } from "../core/calendar";
import { DEFAULT_SCENARIO_NAME, findPreset, PRESET_SCENARIOS } from "../core/scenario";
import { repairedCalendar } from "./calendarCells";
import { checkParameter } from "./checks";
import { layoutCells, type ScenarioTableRow, type SheetCell } from "./sheetCells";
import { asText, isEmptyCell, matchKey, nonEmptyRows, rowOf, type AssumptionsSnapshot, type TableRowsSnapshot } from "./snapshot";
import { isAicostNote, presetNoteFor } from "./sourceNotes";

/**
 * Repairing the assumptions sheet: which rows a repair keeps and every cell it writes, shared by
 * both hosts. Pure: no Office, no DOM.
 */

function rawParameter(value: unknown): number | string | null {
  if (typeof value === "number") {
    return value;
  }
  return isEmptyCell(value) ? null : asText(value);
}

/**
 * The table rows a repair writes: the three presets first (a user's valid edits to a preset's
 * values and a note they wrote kept; a missing or invalid value restored from the preset; an
 * AICOST note, or none, made right for the values by the note rule of sourceNotes.ts), then every
 * custom row in table order, exactly as it stands (even when a value in it is invalid: it is the
 * user's data, and the analysis keeps telling them which cell to fix). Empty rows and stray
 * copies of the headers are dropped; a second row with a preset's name, or a name that is a
 * preset's only once its spaces are trimmed (MATCH would not find it), is kept as a custom row.
 */
export function repairedRows(snapshot: AssumptionsSnapshot): ScenarioTableRow[] {
  const rows = snapshot.sheetExists ? nonEmptyRows(snapshot) : [];
  const presetRowsByName = new Map<string, readonly unknown[]>();
  const customRows: ScenarioTableRow[] = [];
  for (const { cells } of rows) {
    const name = asText(cells[0]);
    const preset = typeof cells[0] === "string" ? findPreset(name) : undefined;
    if (preset !== undefined && !presetRowsByName.has(preset.label)) {
      presetRowsByName.set(preset.label, cells);
      continue;
    }
    customRows.push({
      name,
      annualPriceMultiplier: rawParameter(cells[1]),
      floorShare: rawParameter(cells[2]),
      note: asText(cells[3]),
    });
  }
  const presets = PRESET_SCENARIOS.map((preset): ScenarioTableRow => {
    const cells = presetRowsByName.get(preset.label);
    if (cells === undefined) {
      return { name: preset.label, annualPriceMultiplier: preset.annualPriceMultiplier, floorShare: preset.floorShare, note: preset.sourceNote };
    }
    const multiplier = checkParameter(cells[1], "", "multiplier");
    const floor = checkParameter(cells[2], "", "floor");
    const annualPriceMultiplier = multiplier.problem === null ? (multiplier.value as number) : preset.annualPriceMultiplier;
    const floorShare = floor.problem === null ? (floor.value as number) : preset.floorShare;
    const note = asText(cells[3]);
    return {
      name: preset.label,
      annualPriceMultiplier,
      floorShare,
      note: isAicostNote(preset, note) ? presetNoteFor(preset, annualPriceMultiplier, floorShare) : note,
    };
  });
  return [...presets, ...customRows];
}

/**
 * The active scenario a repair keeps: B4's name when a repaired row has it, else baseline.
 */
export function repairedActiveScenarioName(snapshot: AssumptionsSnapshot, rows: readonly ScenarioTableRow[]): string {
  const name = asText(snapshot.activeScenarioName);
  const row = rows.find((candidate) => candidate.name !== "" && matchKey(candidate.name) === matchKey(name));
  return row?.name ?? DEFAULT_SCENARIO_NAME;
}

/**
 * Every cell a repair on `today` writes: the full layout over the repaired rows, the active
 * scenario kept where it still exists, the calendar's valid values kept (a missing or invalid one
 * gets its default: the first day of the month after `today`, a fiscal year from January). Rows
 * of the old table below the new last row are for the host to clear (see {@link rowsToClear}).
 */
export function repairedSheetCells(snapshot: AssumptionsSnapshot, today: CalendarDate): SheetCell[] {
  const rows = repairedRows(snapshot);
  return layoutCells(rows, repairedActiveScenarioName(snapshot, rows), repairedCalendar(snapshot, today));
}

/** Sheet rows from `fromRow` to the snapshot's last table row, which a repair empties. */
export function rowsToClear(snapshot: TableRowsSnapshot, fromRow: number): { readonly firstRow: number; readonly lastRow: number } | null {
  const lastRow = rowOf(snapshot) + snapshot.tableRows.length - 1;
  return lastRow >= fromRow ? { firstRow: fromRow, lastRow } : null;
}
