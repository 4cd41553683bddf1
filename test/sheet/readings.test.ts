import { analyseAssumptions, checkNewScenario, rowWriteRuns, scenarioRowWrite } from "../../src/sheet/checks";
import { readingFormulas } from "../../src/sheet/layout";
import { repairedRows, repairedSheetCells } from "../../src/sheet/repair";
import { assumptionsSheetCells } from "../../src/sheet/sheetCells";
import type { AssumptionsState } from "../../src/sheet/port";
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import { bandSheetCells } from "../../src/sheet/bandLayout";
import { repairedBand } from "../../src/sheet/bandSheet";
import { cellMap, editedSnapshot, FIXTURE_TODAY, snapshotOf, teamPlan } from "./snapshotFixtures";

function allProblems(state: AssumptionsState): string[] {
  if (state.status === "missing") throw new Error("expected a sheet");
  return [...state.problems, ...state.scenarios.flatMap((scenario) => scenario.problems)];
}

/** A sheet as an earlier AICOST laid it out: the table A10:D.. with the note in D, nothing in E:F (the band block in H:M as set up). */
function preReadingsSnapshot() {
  const cells = cellMap([...assumptionsSheetCells([teamPlan], FIXTURE_TODAY), ...bandSheetCells()]);
  for (let row = 10; row <= 14; row++) {
    cells.set(`D${row}`, cells.get(`F${row}`) ?? "");
    cells.delete(`E${row}`);
    cells.delete(`F${row}`);
  }
  return snapshotOf(cells);
}

describe("the readings beside m and f", () => {
  it("are formulas over the row's own m and f", () => {
    expect(readingFormulas(11)).toEqual(['=IF(ISNUMBER(B11),IF(B11>0,1/B11,""),"")', '=IF(ISNUMBER(C11),C11,"")']);
    const cells = assumptionsSheetCells([], FIXTURE_TODAY);
    const d13 = cells.find((cell) => cell.address === "D13");
    const e13 = cells.find((cell) => cell.address === "E13");
    // Formats: 1/0.025 = 40 shows "40.0x"; f = 0.001 shows "0.1%".
    expect(d13).toMatchObject({ input: '=IF(ISNUMBER(B13),IF(B13>0,1/B13,""),"")', numberFormat: '0.0"x"' });
    expect(e13).toMatchObject({ input: '=IF(ISNUMBER(C13),C13,"")', numberFormat: "0.0#%" });
  });

  it("reports a reading overwritten with a value, naming the cells, and a repair writes the formulas again", () => {
    const damaged = editedSnapshot({ D12: 20, E12: 0.05 });
    expect(allProblems(analyseAssumptions(damaged))).toEqual([
      expect.stringMatching(/^D12 and E12 no longer hold their formulas over m and f \("x cheaper per year" = 1\/m, "Floor, % of today's price" = f\), so they may not show this row's values; edit m and f in B and C\. Repair restores the formulas\.$/),
    ]);
    const repaired = cellMap(repairedSheetCells(damaged, FIXTURE_TODAY));
    expect([repaired.get("D12"), repaired.get("E12")]).toEqual(readingFormulas(12));
  });
});

describe("a table set up before the readings (Note in D)", () => {
  it("reads the notes from D and says so in one message, without a second one about the table's width", () => {
    const snapshot = preReadingsSnapshot();
    expect(snapshot.noteColumnIndex).toBe(3);
    expect(snapshot.tableRows[3]).toEqual(["team plan", 0.2, 0.05, "negotiated rate card"]);
    const withTable = { ...snapshot, tables: [{ name: "AICOST_Scenarios", address: "A10:D14" }] };
    expect(allProblems(analyseAssumptions(withTable))).toEqual([
      `The scenarios table has the columns of an earlier AICOST (Note in D10). Repair adds the readings "x cheaper per year" and "Floor, % of today's price" after m and f, moves each note to column F and keeps every row.`,
    ]);
  });

  it("is repaired with every note moved to F and the readings in D:E", () => {
    const snapshot = preReadingsSnapshot();
    expect(repairedRows(snapshot).map((row) => row.note)).toEqual([...PRESET_SCENARIOS.map((preset) => preset.sourceNote), "negotiated rate card"]);
    const cells = cellMap([...repairedSheetCells(snapshot, FIXTURE_TODAY), ...bandSheetCells(repairedBand(snapshot.band))]);
    expect(["D10", "E10", "F10"].map((address) => cells.get(address))).toEqual(["x cheaper per year", "Floor, % of today's price", "Note"]);
    expect([cells.get("D14"), cells.get("F14")]).toEqual([readingFormulas(14)[0], "negotiated rate card"]);
    expect(analyseAssumptions(snapshotOf(cells)).status).toBe("ready");
  });

  it("takes a change's note in D until it is repaired, and refuses a new row", () => {
    const snapshot = preReadingsSnapshot();
    const write = scenarioRowWrite(snapshot, "baseline", { annualPriceMultiplier: 0.2 });
    expect(rowWriteRuns(write).map((run) => run.address)).toEqual(["B12", "D12"]);
    expect(() => checkNewScenario(snapshot, { name: "new", annualPriceMultiplier: 0.5, floorShare: 0, note: "" })).toThrow(
      /columns of an earlier AICOST; choose Repair in the AICOST pane first/,
    );
  });
});
