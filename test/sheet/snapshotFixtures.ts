import { type ScenarioTableRow, type SheetCell } from "../../src/sheet/sheetCells";
import { type AssumptionsSnapshot } from "../../src/sheet/snapshot";
import { assumptionsSheetCells } from "../../src/sheet/sheetCells";
import { MISSING_SNAPSHOT, snapshotFromGrid } from "../../src/sheet/snapshot";
import { bandSheetCells } from "../../src/sheet/bandLayout";
import { bandSnapshotFromGrid, type BandSnapshot } from "../../src/sheet/bandSheet";
import { cellAddress } from "../../src/sheet/addresses";
import type { CalendarDate } from "../../src/core/calendar";

/** The day the fixtures are set up on: 2026-12-03, so the default start month is 2027-01-01 (serial 46388). */
export const FIXTURE_TODAY: CalendarDate = { year: 2026, month: 12, day: 3 };

/**
 * Test fixtures: snapshots of the assumptions sheet as a host would read them back after writing
 * cells, so the analysis can be tested on healthy sheets and on deliberately damaged copies.
 */

/** What a spreadsheet shows for a typed input: "'"-prefixed text loses its prefix. */
function typedValue(input: string | number): string | number {
  return typeof input === "string" && input.startsWith("'") ? input.slice(1) : input;
}

/** A cell map (address -> typed input) of the cells a set-up writes. */
export function cellMap(cells: readonly SheetCell[]): Map<string, string | number> {
  return new Map(cells.map((cell) => [cell.address, cell.input]));
}

/**
 * The snapshot of a sheet holding exactly `cells`, as a host without tables (the preview) reads
 * it: through snapshotFromGrid, with a formula cell's value standing for its result.
 */
export function snapshotOf(cells: ReadonlyMap<string, string | number>, overrides: Partial<AssumptionsSnapshot> = {}): AssumptionsSnapshot {
  const value = (address: string): unknown => {
    const input = cells.get(address);
    return input === undefined ? "" : typedValue(input);
  };
  const columns = ["A", "B", "C", "D", "E", "F"];
  const grid = Array.from({ length: 110 }, (_row, index) => columns.map((column) => value(`${column}${index + 1}`)));
  return {
    ...snapshotFromGrid({
      values: grid,
      formulas: grid,
      scenarioNameReference: "='AICOST Assumptions'!$A$7:$C$7",
      calendarNameReferences: { startMonth: "='AICOST Assumptions'!$E$4", fiscalYearStart: "='AICOST Assumptions'!$E$5" },
      band: bandSnapshotOf(value),
    }),
    ...overrides,
  };
}

/** The band block of a sheet holding the cells `value` gives (H1:M10), its name in place. */
function bandSnapshotOf(value: (address: string) => unknown): BandSnapshot {
  const grid = Array.from({ length: 10 }, (_row, row) => Array.from({ length: 6 }, (_cell, column) => value(cellAddress(7 + column, row + 1))));
  return bandSnapshotFromGrid({ values: grid, formulas: grid, nameReference: "='AICOST Assumptions'!$H$5:$L$5" });
}

/** A freshly set-up sheet, optionally with custom rows, as the preview reads it. */
export function healthySnapshot(customRows: readonly ScenarioTableRow[] = [], overrides: Partial<AssumptionsSnapshot> = {}): AssumptionsSnapshot {
  return snapshotOf(setUpCells(customRows), overrides);
}

/** Every cell a first set-up writes: the scenarios' layout and the band block. */
export function setUpCells(customRows: readonly ScenarioTableRow[] = []): Map<string, string | number> {
  return cellMap([...assumptionsSheetCells(customRows, FIXTURE_TODAY), ...bandSheetCells()]);
}

/** A set-up sheet with some cells replaced ("" clears a cell). */
export function editedSnapshot(
  edits: Record<string, string | number>,
  customRows: readonly ScenarioTableRow[] = [],
  overrides: Partial<AssumptionsSnapshot> = {},
): AssumptionsSnapshot {
  const cells = setUpCells(customRows);
  for (const [address, input] of Object.entries(edits)) {
    cells.set(address, input);
  }
  return snapshotOf(cells, overrides);
}

export const teamPlan: ScenarioTableRow = {
  name: "team plan",
  annualPriceMultiplier: 0.2,
  floorShare: 0.05,
  note: "negotiated rate card",
};

/** The snapshot of a workbook without the assumptions sheet. */
export const missingSnapshot: AssumptionsSnapshot = MISSING_SNAPSHOT;
