import { findPreset, type PresetScenario } from "../core/scenario";

/**
 * The note column of a preset's row, and when it must change. A preset's row starts with the
 * preset's source note ("10x cheaper per year (a16z LLMflation 2024; ...)"). Once its values are
 * tuned away from the preset's, that note would cite a source for numbers the source never gave,
 * so the note says the row was edited and what it was edited from. Pure: no Office, no DOM.
 *
 * The note cell is the user's too, so the rule touches only AICOST's own notes:
 * - a change through the port (the pane tuning a preset) rewrites a preset row's note when it is
 *   one of AICOST's (the source note, the edited note, or empty): the source note while the values
 *   are the preset's, the edited note once they are not; a note the user typed stays;
 * - the sheet's check flags a preset row whose values differ from the preset's while its note is
 *   still the source note (typed in the sheet, a co-author, an older workbook), and a repair gives
 *   it the edited note, keeping the values;
 * - Reset to preset restores the values and the source note.
 */

/**
 * The note of a preset's row once its values are no longer the preset's.
 *
 * @example editedPresetNote(baseline) // "Edited from baseline: a16z 10x; these values are not the source's."
 */
export function editedPresetNote(preset: PresetScenario): string {
  return `Edited from ${preset.label}: ${preset.sourceSummary}; these values are not the source's.`;
}

function sameValue(value: number | null, presetValue: number): boolean {
  return value !== null && Math.abs(value - presetValue) <= 1e-12 * Math.max(Math.abs(presetValue), Number.MIN_VALUE);
}

/**
 * Whether m and f are the preset's own values (to 1e-12 relative, so 1/40 typed as "40x" counts).
 *
 * @example hasPresetValues(baseline, 0.1, 0.01) // true
 */
export function hasPresetValues(preset: PresetScenario, annualPriceMultiplier: number | null, floorShare: number | null): boolean {
  return sameValue(annualPriceMultiplier, preset.annualPriceMultiplier) && sameValue(floorShare, preset.floorShare);
}

/** Whether a note is AICOST's for this preset (its source note, its edited note) or empty: one the rule may rewrite. */
export function isAicostNote(preset: PresetScenario, note: string): boolean {
  const trimmed = note.trim();
  return trimmed === "" || trimmed === preset.sourceNote || trimmed === editedPresetNote(preset);
}

/**
 * The note a preset's row should carry for its values: the source note while they are the
 * preset's, else the edited note.
 *
 * @example presetNoteFor(baseline, 0.2, 0.01) // "Edited from baseline: a16z 10x; these values are not the source's."
 */
export function presetNoteFor(preset: PresetScenario, annualPriceMultiplier: number | null, floorShare: number | null): string {
  return hasPresetValues(preset, annualPriceMultiplier, floorShare) ? preset.sourceNote : editedPresetNote(preset);
}

/**
 * The note to write after the values of a row changed through the port, or null to leave the
 * note cell as it is: a custom row, a note the user typed, or a note that is already right.
 * `isPreset` is the analysis's word on the row (the first row with a preset's name).
 *
 * @example noteAfterChange({ name: "baseline", isPreset: true, note: baseline.sourceNote }, 0.2, 0.01) // the edited note
 */
export function noteAfterChange(
  row: { readonly name: string; readonly isPreset: boolean; readonly note: string },
  annualPriceMultiplier: number | null,
  floorShare: number | null,
): string | null {
  const preset = row.isPreset ? findPreset(row.name) : undefined;
  if (preset === undefined || !isAicostNote(preset, row.note)) {
    return null;
  }
  const note = presetNoteFor(preset, annualPriceMultiplier, floorShare);
  return note === row.note ? null : note;
}

/**
 * Whether a preset's row cites its source for values the source did not give: its note is the
 * preset's source note, and its (valid) values are not the preset's.
 */
export function citesSourceForOtherValues(
  preset: PresetScenario,
  note: string,
  annualPriceMultiplier: number | null,
  floorShare: number | null,
): boolean {
  return note.trim() === preset.sourceNote && annualPriceMultiplier !== null && floorShare !== null && !hasPresetValues(preset, annualPriceMultiplier, floorShare);
}
