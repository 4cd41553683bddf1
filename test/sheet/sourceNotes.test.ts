/* The note rule (src/sheet/sourceNotes.ts) and where it acts: the sheet's check, the repair and
 * the cells a change writes (scenarioRowWrite), which both hosts write as they are. */
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import { analyseAssumptions, checkActiveScenarioName, rowWriteRuns, scenarioRowWrite } from "../../src/sheet/checks";
import { repairedRows } from "../../src/sheet/repair";
import { citesSourceForOtherValues, editedPresetNote, hasPresetValues, isAicostNote, noteAfterChange, presetNoteFor } from "../../src/sheet/sourceNotes";
import { editedSnapshot, healthySnapshot, teamPlan } from "./snapshotFixtures";

const [pessimistic, baseline, aggressive] = PRESET_SCENARIOS;

describe("the note of a preset's row", () => {
  it("says the row was edited, from which preset and what its source said", () => {
    expect(editedPresetNote(baseline)).toBe("Edited from baseline: a16z 10x; these values are not the source's.");
    expect(editedPresetNote(aggressive)).toBe("Edited from aggressive: Epoch AI 40x; these values are not the source's.");
  });

  it("is the source note exactly while the values are the preset's, 1/40 computed from 40x included", () => {
    expect(presetNoteFor(baseline, 0.1, 0.01)).toBe(baseline.sourceNote);
    expect(presetNoteFor(aggressive, 1 / 40, 0.1 / 100)).toBe(aggressive.sourceNote);
    expect(hasPresetValues(pessimistic, 0.5, 0.25)).toBe(true);
  });

  it.each([
    [1 / 3, 0.01],
    [0.1, 0.02],
    [0.1000001, 0.01],
    [null, 0.01],
  ])("is the edited note for m = %p, f = %p", (m, f) => {
    expect(presetNoteFor(baseline, m, f)).toBe(editedPresetNote(baseline));
  });

  it("treats the source note, the edited note and an empty note as AICOST's, and anything else as the user's", () => {
    expect([baseline.sourceNote, editedPresetNote(baseline), "", "  "].map((note) => isAicostNote(baseline, note))).toEqual([true, true, true, true]);
    expect(isAicostNote(baseline, "our negotiated rate")).toBe(false);
    expect(isAicostNote(baseline, aggressive.sourceNote)).toBe(false);
  });
});

describe("noteAfterChange (a change through the port)", () => {
  const row = (note: string, isPreset = true, name = "baseline") => ({ name, isPreset, note });

  it("tuning a preset away from its values replaces the source note by the edited note", () => {
    expect(noteAfterChange(row(baseline.sourceNote), 1 / 3, 0.01)).toBe(editedPresetNote(baseline));
  });

  it("tuning it back restores the source note", () => {
    expect(noteAfterChange(row(editedPresetNote(baseline)), 0.1, 0.01)).toBe(baseline.sourceNote);
  });

  it("leaves a note that is already right, a user's note and a custom row's note alone (null)", () => {
    expect(noteAfterChange(row(editedPresetNote(baseline)), 0.2, 0.01)).toBeNull();
    expect(noteAfterChange(row("our estimate"), 0.2, 0.01)).toBeNull();
    expect(noteAfterChange(row("", false, "team plan"), 0.2, 0.01)).toBeNull();
    expect(noteAfterChange(row(baseline.sourceNote, false), 0.2, 0.01)).toBeNull(); // a second "baseline" row is custom
  });
});

describe("the sheet's check", () => {
  it("flags a preset row tuned in the sheet whose note still cites the source, naming the cells and the remedy", () => {
    const state = analyseAssumptions(editedSnapshot({ B12: 0.333 }));
    expect(state.status).toBe("damaged");
    if (state.status === "missing") throw new Error("expected a sheet");
    expect(state.scenarios[1].problems).toEqual([
      `F12 still cites the source of the preset "baseline", but B12:C12 hold 0.333 and 0.01, not the preset's 0.1 and 0.01, so a reader would take them for the source's. Repair keeps the values and changes the note to "${editedPresetNote(baseline)}"; Reset to preset in the AICOST pane restores both.`,
    ]);
  });

  it("accepts the edited note beside edited values, a user's own note, and the source note beside the preset's values", () => {
    expect(analyseAssumptions(editedSnapshot({ B12: 0.333, F12: editedPresetNote(baseline) })).status).toBe("ready");
    expect(analyseAssumptions(editedSnapshot({ B12: 0.333, F12: "team view" })).status).toBe("ready");
    expect(analyseAssumptions(healthySnapshot()).status).toBe("ready");
    expect(citesSourceForOtherValues(baseline, baseline.sourceNote, 0.1, 0.01)).toBe(false);
  });

  it("says nothing of the note while a value is invalid (that value is reported instead)", () => {
    const state = analyseAssumptions(editedSnapshot({ B12: "ten" }));
    if (state.status === "missing") throw new Error("expected a sheet");
    expect(state.scenarios[1].problems).toEqual([expect.stringMatching(/^B12 holds the text "ten"/)]);
  });
});

describe("the repair", () => {
  it("keeps tuned values and gives their row the edited note; a user's note stays", () => {
    const repaired = repairedRows(editedSnapshot({ B12: 0.333, B13: 0.05, F13: "ours" }));
    expect(repaired[1]).toEqual({ name: "baseline", annualPriceMultiplier: 0.333, floorShare: 0.01, note: editedPresetNote(baseline) });
    expect(repaired[2]).toEqual({ name: "aggressive", annualPriceMultiplier: 0.05, floorShare: 0.001, note: "ours" });
  });

  it("gives a cleared note the note the values call for", () => {
    expect(repairedRows(editedSnapshot({ F11: "" }))[0].note).toBe(pessimistic.sourceNote);
    expect(repairedRows(editedSnapshot({ F11: "", C11: 0.3 }))[0].note).toBe(editedPresetNote(pessimistic));
  });
});

describe("scenarioRowWrite: the cells a change writes, in both hosts", () => {
  it("writes the parameters given and, for a preset's row with its source note, the edited note", () => {
    expect(scenarioRowWrite(healthySnapshot(), "baseline", { annualPriceMultiplier: 0.2 })).toEqual({
      rowNumber: 12,
      annualPriceMultiplier: 0.2,
      note: editedPresetNote(baseline),
    });
  });

  it("restores the source note when the values come back to the preset's", () => {
    const tuned = editedSnapshot({ B12: 0.2, F12: editedPresetNote(baseline) });
    expect(scenarioRowWrite(tuned, "Baseline", { annualPriceMultiplier: 0.1 })).toEqual({ rowNumber: 12, annualPriceMultiplier: 0.1, note: baseline.sourceNote });
  });

  it("writes a note given as given, and no note for a custom row or a note the user wrote", () => {
    expect(scenarioRowWrite(editedSnapshot({ F12: "mine" }), "baseline", { floorShare: 0.02, note: baseline.sourceNote })).toEqual({
      rowNumber: 12,
      floorShare: 0.02,
      note: baseline.sourceNote,
    });
    expect(scenarioRowWrite(editedSnapshot({ F12: "mine" }), "baseline", { floorShare: 0.02 })).toEqual({ rowNumber: 12, floorShare: 0.02 });
    expect(scenarioRowWrite(healthySnapshot([teamPlan]), "team plan", { floorShare: 0.02 })).toEqual({ rowNumber: 14, floorShare: 0.02 });
  });

  it.each([
    [{}, /Nothing to change/],
    [{ annualPriceMultiplier: 0 }, /annual price multiplier must be a number above 0/],
    [{ floorShare: 2 }, /floor share must be from 0 to 1/],
  ])("refuses %p", (changes, message) => {
    expect(() => scenarioRowWrite(healthySnapshot(), "baseline", changes)).toThrow(message);
  });

  it("finds the row as MATCH does: case aside, but not with spaces", () => {
    expect(() => scenarioRowWrite(healthySnapshot(), "baseline ", { floorShare: 0.02 })).toThrow(/no scenario named "baseline "/);
  });
});

describe("rowWriteRuns", () => {
  it.each([
    [{ rowNumber: 12, annualPriceMultiplier: 0.2, floorShare: 0.05 }, [{ address: "B12:C12", values: [0.2, 0.05] }]],
    [{ rowNumber: 12, annualPriceMultiplier: 0.2, note: "n" }, [{ address: "B12", values: [0.2] }, { address: "F12", values: ["n"] }]],
    [{ rowNumber: 13, floorShare: 0.05, note: "n" }, [{ address: "C13", values: [0.05] }, { address: "F13", values: ["n"] }]],
    [{ rowNumber: 11, annualPriceMultiplier: 0.2, floorShare: 0.05, note: "n" }, [{ address: "B11:C11", values: [0.2, 0.05] }, { address: "F11", values: ["n"] }]],
    [{ rowNumber: 11, note: "n" }, [{ address: "F11", values: ["n"] }]],
  ])("%p is written as %p", (write, runs) => {
    expect(rowWriteRuns(write)).toEqual(runs);
  });
});

describe("checkActiveScenarioName", () => {
  it("accepts a name of the table in any case, and refuses a blank one or one not in the table", () => {
    expect(checkActiveScenarioName(healthySnapshot(), "Aggressive")).toBe("Aggressive");
    expect(() => checkActiveScenarioName(healthySnapshot(), " ")).toThrow(/Pick a scenario by its name/);
    expect(() => checkActiveScenarioName(healthySnapshot(), "rosy")).toThrow(/no scenario named "rosy"/);
    expect(() => checkActiveScenarioName(healthySnapshot(), "baseline ")).toThrow(/no scenario named "baseline "/);
  });
});
