/**
 * The WorkbookPort contract: one suite that every implementation of the port must pass, run from
 * test/contract/excelWorkbook.contract.test.ts (ExcelWorkbook on the fake Excel) and
 * test/contract/previewWorkbook.contract.test.ts (the preview's HyperFormula workbook). The task
 * pane relies on exactly what it states, so the two hosts cannot drift apart unnoticed.
 *
 * A host takes part through a {@link PortHarness}: the port, and what a user does to the workbook
 * around it (typing, selecting, deleting a sheet, a document whose stored preferences are bad).
 * To extend it: add a case below in the `describe` of the port method it is about (a new method
 * gets a `describe` of its own), using only the harness; a case a host cannot pass is a drift to
 * fix in that host, not a case to leave out.
 */
import { excelSerialFromDate, firstDayOfNextMonth } from "../../src/core/calendar";
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import { localToday } from "../../src/sheet/calendarCells";
import { ASSUMPTIONS_SHEET_NAME } from "../../src/sheet/layout";
import { DEFAULT_PREFERENCES, type AssumptionsState, type WorkbookPort } from "../../src/sheet/port";
import { editedPresetNote } from "../../src/sheet/sourceNotes";
import { DEFAULT_BAND } from "../../src/core/band";
import { bandSheetCells } from "../../src/sheet/bandLayout";
import { runSensitivitySweep, type SensitivityInput, type SensitivityWorkbook } from "../../src/core/sensitivity";
import { unzipSync, strFromU8 } from "fflate";
import { shareSafeWorkbook } from "../../src/share/package";

export interface PortHarness {
  readonly port: WorkbookPort;
  /** The host's name as the port reports it. */
  readonly host: WorkbookPort["host"];
  /** Types into a cell as a user would (text as typed: a leading "'" keeps it text); the host's change events fire. */
  type(sheet: string, address: string, input: string | number): Promise<void>;
  /** What a cell holds as entered: its formula, else its value; null when empty. */
  content(sheet: string, address: string): unknown;
  /** Every non-empty cell of every sheet ("Sheet1!B2" -> content), for "nothing else changed" checks. */
  contents(): Record<string, unknown>;
  /** Selects a cell as a click would; selection listeners fire. */
  select(sheet: string, address: string): Promise<void>;
  /** Deletes a sheet as a user would; the host's events fire. */
  deleteSheet(name: string): Promise<void>;
  /** Deletes a workbook-scoped defined name, as Name Manager would. */
  deleteName(name: string): Promise<void>;
  /** What a workbook-scoped defined name refers to ("='AICOST Assumptions'!$E$4"), or null. */
  nameReference(name: string): Promise<string | null>;
  /** A port on the same workbook reopened with `stored` as its stored pane preferences (as a damaged document would hold them). */
  reopenWithStoredPreferences(stored: unknown): Promise<WorkbookPort>;
  /** Lets pending notifications run. */
  settle(): Promise<void>;
  /** Deletes a workbook-scoped name as a user would in the Name Manager (issue 11: a workbook set up before AICOST_BAND). */
  deleteName(name: string): Promise<void>;
  /** Whether the host computes formulas (the fake Excel does not: a formula cell reads as its text). */
  readonly calculates: boolean;
  /** The files openAsNewWorkbook handed over (Excel: the workbooks it created; the preview: its downloads). */
  openedFiles(): Uint8Array[];
}

export type HarnessFactory = () => Promise<PortHarness>;

const SHEET = ASSUMPTIONS_SHEET_NAME;
const [pessimistic, baseline, aggressive] = PRESET_SCENARIOS;

/** The state of an existing sheet; fails the test for a missing one. */
export function ready(state: AssumptionsState): Exclude<AssumptionsState, { status: "missing" }> {
  if (state.status === "missing") {
    throw new Error("expected the assumptions sheet");
  }
  return state;
}

/** Every problem of a state, the sheet's and each row's. */
export function problems(state: AssumptionsState): string[] {
  const sheet = ready(state);
  return [...sheet.problems, ...sheet.scenarios.flatMap((scenario) => scenario.problems)];
}

/** The cells whose content differs between two `contents()` readings. */
function changedCells(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((address) => before[address] !== after[address]).sort();
}

/** Runs the WorkbookPort contract against one implementation. */
export function describeWorkbookPortContract(name: string, makeHarness: HarnessFactory): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    let harness: PortHarness;
    let port: WorkbookPort;

    beforeEach(async () => {
      harness = await makeHarness();
      port = harness.port;
    });

    async function setUp(): Promise<void> {
      await port.setUpAssumptions();
      await harness.settle();
    }

    /** Expects `run` to reject with `message`, and to have written nothing. */
    async function expectRefused(run: () => Promise<unknown>, message: RegExp): Promise<void> {
      const before = harness.contents();
      await expect(run()).rejects.toThrow(message);
      expect(changedCells(before, harness.contents())).toEqual([]);
    }

    test("host says which implementation it is", () => {
      expect(port.host).toBe(harness.host);
    });

    describe("readAssumptions", () => {
      test("reports a workbook without the sheet as missing", async () => {
        expect(await port.readAssumptions()).toEqual({ status: "missing" });
      });

      test("reads a set-up sheet as ready: the three presets with their values and source notes, baseline active", async () => {
        await setUp();
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.activeScenarioName).toBe("baseline");
        expect(state.scenarios.map(({ name, annualPriceMultiplier, floorShare, note, isPreset }) => ({ name, annualPriceMultiplier, floorShare, note, isPreset }))).toEqual(
          PRESET_SCENARIOS.map((preset) => ({ name: preset.label, annualPriceMultiplier: preset.annualPriceMultiplier, floorShare: preset.floorShare, note: preset.sourceNote, isPreset: true })),
        );
      });

      test("reports an Active scenario cell of \"baseline \" as naming no row: MATCH does not trim, and neither does the check", async () => {
        await setUp();
        await harness.type(SHEET, "B4", "baseline ");
        const state = await port.readAssumptions();
        expect(state.status).toBe("damaged");
        expect(problems(state)).toContainEqual(expect.stringMatching(/^B4 \(Active scenario\) names "baseline ", which is not in the scenarios table/));
      });

      test("reports a preset tuned in the sheet whose note still cites its source", async () => {
        await setUp();
        await harness.type(SHEET, "B12", 0.333);
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^F12 still cites the source of the preset "baseline", but B12:C12 hold 0.333 and 0.01/)]);
      });
    });

    describe("setUpAssumptions", () => {
      test("lays out the sheet: the active name, the active row's formulas, the table with the presets", async () => {
        await setUp();
        expect(harness.content(SHEET, "B4")).toBe("baseline");
        expect(harness.content(SHEET, "B7")).toBe("=INDEX($B$11:$B$110,MATCH($B$4,$A$11:$A$110,0))");
        expect(["A12", "B12", "C12", "D12", "E12", "F12"].map((address) => harness.content(SHEET, address))).toEqual([
          "baseline",
          0.1,
          0.01,
          '=IF(ISNUMBER(B12),IF(B12>0,1/B12,""),"")',
          '=IF(ISNUMBER(C12),C12,"")',
          baseline.sourceNote,
        ]);
      });

      test("is idempotent: a second set-up changes no cell", async () => {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        const before = harness.contents();
        await setUp();
        expect(changedCells(before, harness.contents())).toEqual([]);
      });

      test("repairs a damaged sheet: restores a preset's invalid value, keeps a custom row and the active scenario", async () => {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        await port.setActiveScenario("team plan");
        await harness.type(SHEET, "B13", "ten");
        expect((await port.readAssumptions()).status).toBe("damaged");
        await setUp();
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(harness.content(SHEET, "B13")).toBe(0.025);
        expect(["A14", "B14", "C14", "F14"].map((address) => harness.content(SHEET, address))).toEqual(["team plan", 0.2, 0.05, "ours"]);
        expect(state.activeScenarioName).toBe("team plan");
      });

      test("writes the calendar in D4:E5: the first day of next month and a fiscal year from January, each with its name", async () => {
        await setUp();
        const nextMonth = excelSerialFromDate(firstDayOfNextMonth(localToday()));
        expect(["D4", "E4", "D5", "E5"].map((address) => harness.content(SHEET, address))).toEqual(["Start month", nextMonth, "Fiscal year starts in month (1-12)", 1]);
        expect(await harness.nameReference("AICOST_START_MONTH")).toBe("='AICOST Assumptions'!$E$4");
        expect(await harness.nameReference("AICOST_FY_START")).toBe("='AICOST Assumptions'!$E$5");
      });

      test("reads a sheet set up before the calendar as needing repair, in one plain message, and the repair adds the calendar keeping the scenarios", async () => {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        for (const address of ["D4", "E4", "D5", "E5"]) {
          await harness.type(SHEET, address, "");
        }
        await harness.deleteName("AICOST_START_MONTH");
        await harness.deleteName("AICOST_FY_START");
        const state = await port.readAssumptions();
        expect(state.status).toBe("damaged");
        expect(problems(state)).toEqual([expect.stringMatching(/^This sheet was set up before AICOST had a calendar: the start month \(E4\) and the fiscal year's first month \(E5\) are missing/)]);
        await setUp();
        expect((await port.readAssumptions()).status).toBe("ready");
        expect(harness.content(SHEET, "E4")).toBe(excelSerialFromDate(firstDayOfNextMonth(localToday())));
        expect(harness.content(SHEET, "E5")).toBe(1);
        expect(await harness.nameReference("AICOST_FY_START")).toBe("='AICOST Assumptions'!$E$5");
        expect(harness.content(SHEET, "A14")).toBe("team plan");
      });

      test("judges the calendar's values, and a repair keeps a user's valid start month and restores an invalid fiscal-year start", async () => {
        await setUp();
        await harness.type(SHEET, "E4", 46478); // 2027-04-01
        await harness.type(SHEET, "E5", 13);
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^E5 \(Fiscal year starts in month \(1-12\)\) holds 13; enter the month the fiscal year starts in, 1 \(January\) to 12 \(December\)/)]);
        await setUp();
        expect(["E4", "E5"].map((address) => harness.content(SHEET, address))).toEqual([46478, 1]);
        await harness.type(SHEET, "E4", "soon");
        await harness.type(SHEET, "E5", 7);
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^E4 \(Start month\) holds the text "soon", not a date/)]);
        await setUp();
        expect(["E4", "E5"].map((address) => harness.content(SHEET, address))).toEqual([excelSerialFromDate(firstDayOfNextMonth(localToday())), 7]);
      });

      test("converts a table set up before the readings (Note in D) to the readings in D:E and the notes in F, keeping every note", async () => {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        for (let row = 10; row <= 14; row++) {
          await harness.type(SHEET, `D${row}`, row === 10 ? "Note" : row === 14 ? "ours" : PRESET_SCENARIOS[row - 11].sourceNote);
          await harness.type(SHEET, `E${row}`, "");
          await harness.type(SHEET, `F${row}`, "");
        }
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^The scenarios table has the columns of an earlier AICOST \(Note in D10\)/)]);
        await setUp();
        expect((await port.readAssumptions()).status).toBe("ready");
        expect(["D14", "F14", "F12"].map((address) => harness.content(SHEET, address))).toEqual(['=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")', "ours", baseline.sourceNote]);
      });

      test("reports a reading overwritten by a number, and the repair puts its formula back", async () => {
        await setUp();
        await harness.type(SHEET, "D12", 20);
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^D12 no longer holds its formula over m and f/)]);
        await setUp();
        expect(harness.content(SHEET, "D12")).toBe('=IF(ISNUMBER(B12),IF(B12>0,1/B12,""),"")');
      });

      test("repairs a preset tuned in the sheet by giving it the edited note, keeping the value", async () => {
        await setUp();
        await harness.type(SHEET, "B12", 0.333);
        await setUp();
        expect(["B12", "F12"].map((address) => harness.content(SHEET, address))).toEqual([0.333, editedPresetNote(baseline)]);
        expect((await port.readAssumptions()).status).toBe("ready");
      });
    });

    // Issue 11: the uncertainty band block (H1:M10) and the name AICOST_BAND.
    describe("the band block (setUpAssumptions and readAssumptions)", () => {
      const bandAddresses = bandSheetCells().map((cell) => cell.address);
      const defaultValues = {
        label: DEFAULT_BAND.label,
        annualPriceMultiplierP10: DEFAULT_BAND.annualPriceMultiplierP10,
        annualPriceMultiplierP50: DEFAULT_BAND.annualPriceMultiplierP50,
        annualPriceMultiplierP90: DEFAULT_BAND.annualPriceMultiplierP90,
        floorShare: DEFAULT_BAND.floorShare,
      };

      /** A workbook set up before the band existed: the block's cells empty, the name gone. */
      async function oldWorkbook(): Promise<void> {
        await setUp();
        for (const address of bandAddresses) {
          await harness.type(SHEET, address, "");
        }
        await harness.deleteName("AICOST_BAND");
      }

      test("set-up writes the default band with its readings and sources, and readAssumptions gives it", async () => {
        await setUp();
        expect(["H5", "I5", "J5", "K5", "L5"].map((address) => harness.content(SHEET, address))).toEqual(["evidence", 0.02, 0.057, 0.2, 0.01]);
        expect(harness.content(SHEET, "I6")).toBe('=IF(AND(ISNUMBER(I5),I5>0),ROUND(1/I5,1)&"x cheaper per year","enter m above 0")');
        expect(harness.content(SHEET, "I7")).toMatch(/^Default 0.02: 50x cheaper per year: the median of Epoch AI's fitted rates/);
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.band).toEqual(defaultValues);
      });

      test("reads a team's valid edit to the band as ready, with the edited band", async () => {
        await setUp();
        await harness.type(SHEET, "J5", 0.08);
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.band).toEqual({ ...defaultValues, annualPriceMultiplierP50: 0.08 });
      });

      test("reports an invalid number by its cell, and repair restores it keeping the valid edits", async () => {
        await setUp();
        await harness.type(SHEET, "H5", "team view");
        await harness.type(SHEET, "J5", 0.08);
        await harness.type(SHEET, "K5", "slow");
        const damaged = ready(await port.readAssumptions());
        expect(damaged.status).toBe("damaged");
        expect(damaged.band).toBeNull();
        expect(problems(damaged)).toEqual([expect.stringMatching(/^K5 \(m_p90\) holds the text "slow"; enter a number above 0 such as 0.2/)]);
        await setUp();
        expect(["H5", "I5", "J5", "K5", "L5"].map((address) => harness.content(SHEET, address))).toEqual(["team view", 0.02, 0.08, 0.2, 0.01]);
        expect(ready(await port.readAssumptions()).status).toBe("ready");
      });

      test("reports percentiles out of order, and repair puts back the default multipliers", async () => {
        await setUp();
        await harness.type(SHEET, "I5", 0.1);
        await harness.type(SHEET, "J5", 0.05);
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/^I5 \(m_p10, 0.1\) is above J5 \(m_p50, 0.05\)/)]);
        await setUp();
        expect(["I5", "J5", "K5"].map((address) => harness.content(SHEET, address))).toEqual([0.02, 0.057, 0.2]);
      });

      test("a workbook set up before the band needs repair, with a plain message; repair adds the band and changes nothing else", async () => {
        await oldWorkbook();
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("damaged");
        expect(state.band).toBeNull();
        expect(problems(state)).toEqual([expect.stringMatching(/^This workbook was set up before AICOST had an uncertainty band: .* Repair adds the default band/)]);
        const before = harness.contents();
        await setUp();
        const changed = changedCells(before, harness.contents());
        expect(changed.length).toBe(bandAddresses.length);
        expect(changed.every((address) => /!([H-M])\d+$/.test(address))).toBe(true);
        const repaired = ready(await port.readAssumptions());
        expect(repaired.status).toBe("ready");
        expect(repaired.band).toEqual(defaultValues);
      });

      test("repair refuses to add the band over a user's cells in H1:M10, and writes nothing", async () => {
        await oldWorkbook();
        await harness.type(SHEET, "M3", "our own note");
        expect(problems(await port.readAssumptions())).toEqual([expect.stringMatching(/but M3 holds a cell of yours there: move it out of H1:M10/)]);
        await expectRefused(() => port.setUpAssumptions(), /M3 holds a cell of yours there/);
      });
    });

    describe("setActiveScenario", () => {
      test("writes the Active scenario cell and nothing else", async () => {
        await setUp();
        const before = harness.contents();
        await port.setActiveScenario("aggressive");
        expect(changedCells(before, harness.contents())).toEqual([`${SHEET}!B4`]);
        expect(ready(await port.readAssumptions()).activeScenarioName).toBe("aggressive");
      });

      test("keeps a name that looks like a number as text", async () => {
        await setUp();
        await port.addScenario({ name: "2027", annualPriceMultiplier: 0.3, floorShare: 0.1, note: "" });
        await port.setActiveScenario("2027");
        expect(harness.content(SHEET, "B4")).toBe("2027");
        expect((await port.readAssumptions()).status).toBe("ready");
      });

      test.each(["", "   "])("refuses the blank name %j and writes nothing", async (blank) => {
        await setUp();
        await expectRefused(() => port.setActiveScenario(blank), /Pick a scenario by its name/);
      });

      test("refuses a name that is not in the table, so B4 never names a row the formulas cannot find", async () => {
        await setUp();
        await expectRefused(() => port.setActiveScenario("optimistic"), /no scenario named "optimistic"/);
        await expectRefused(() => port.setActiveScenario("baseline "), /no scenario named "baseline "/);
      });

      test("refuses without the assumptions sheet", async () => {
        await expectRefused(() => port.setActiveScenario("baseline"), /sheet is missing; choose Set up workbook/);
      });
    });

    describe("updateScenario", () => {
      test("tuning a preset writes its parameters and the edited note, and nothing else", async () => {
        await setUp();
        const before = harness.contents();
        await port.updateScenario("Baseline", { annualPriceMultiplier: 1 / 3 });
        expect(changedCells(before, harness.contents())).toEqual([`${SHEET}!B12`, `${SHEET}!F12`]);
        expect(["B12", "C12", "F12"].map((address) => harness.content(SHEET, address))).toEqual([1 / 3, 0.01, editedPresetNote(baseline)]);
        expect((await port.readAssumptions()).status).toBe("ready");
      });

      test("Reset to preset (the preset's values and source note) restores both", async () => {
        await setUp();
        await port.updateScenario("aggressive", { floorShare: 0.01 });
        expect(harness.content(SHEET, "F13")).toBe(editedPresetNote(aggressive));
        await port.updateScenario("aggressive", { annualPriceMultiplier: 0.025, floorShare: 0.001, note: aggressive.sourceNote });
        expect(["B13", "C13", "F13"].map((address) => harness.content(SHEET, address))).toEqual([0.025, 0.001, aggressive.sourceNote]);
      });

      test("leaves a note the user wrote, and a custom row's note, as they are", async () => {
        await setUp();
        await harness.type(SHEET, "F11", "our view of the market");
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        const before = harness.contents();
        await port.updateScenario("pessimistic", { floorShare: 0.3 });
        await port.updateScenario("team plan", { annualPriceMultiplier: 0.25, floorShare: 0.04 });
        expect(changedCells(before, harness.contents())).toEqual([`${SHEET}!B14`, `${SHEET}!C11`, `${SHEET}!C14`]);
        expect(harness.content(SHEET, "F11")).toBe("our view of the market");
      });

      test.each([
        [{ annualPriceMultiplier: 0 }, /annual price multiplier must be a number above 0/],
        [{ annualPriceMultiplier: Number.POSITIVE_INFINITY }, /annual price multiplier must be a number above 0/],
        [{ floorShare: 1.5 }, /floor share must be from 0 to 1/],
        [{}, /Nothing to change/],
      ])("refuses the change %p and writes nothing", async (changes, message) => {
        await setUp();
        await expectRefused(() => port.updateScenario("baseline", changes), message);
      });

      test("refuses a scenario that is not in the table, and one without the sheet", async () => {
        await expectRefused(() => port.updateScenario("baseline", { floorShare: 0.1 }), /sheet is missing/);
        await setUp();
        await expectRefused(() => port.updateScenario("optimistic", { floorShare: 0.1 }), /no scenario named "optimistic"/);
      });
    });

    describe("addScenario", () => {
      test("appends a row to the table, keeping text that a spreadsheet would read as something else as text", async () => {
        await setUp();
        const before = harness.contents();
        await port.addScenario({ name: "Jan 2027", annualPriceMultiplier: 0.3, floorShare: 0.1, note: "-10% if the deal closes" });
        expect(changedCells(before, harness.contents())).toEqual(["A14", "B14", "C14", "D14", "E14", "F14"].map((address) => `${SHEET}!${address}`));
        expect(harness.content(SHEET, "D14")).toBe('=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")');
        expect(["A14", "B14", "C14", "F14"].map((address) => harness.content(SHEET, address))).toEqual(["Jan 2027", 0.3, 0.1, "-10% if the deal closes"]);
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.scenarios[3]).toMatchObject({ name: "Jan 2027", note: "-10% if the deal closes", isPreset: false, problems: [] });
      });

      test.each([
        [{ name: "Baseline" }, /A scenario named "Baseline" already exists/],
        [{ name: "" }, /Give the scenario a name/],
        [{ name: " padded" }, /Remove the spaces/],
        [{ annualPriceMultiplier: -1 }, /annual price multiplier must be a number above 0/],
        [{ floorShare: 2 }, /floor share must be from 0 to 1/],
      ])("refuses %p and writes nothing", async (override, message) => {
        await setUp();
        await expectRefused(() => port.addScenario({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "", ...override }), message);
      });

      test("refuses without the sheet", async () => {
        await expectRefused(() => port.addScenario({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" }), /sheet is missing/);
      });
    });

    describe("renameScenario and deleteScenario (the team's own scenarios)", () => {
      async function twoOwnRows(): Promise<void> {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours" });
        await port.addScenario({ name: "stretch", annualPriceMultiplier: 0.05, floorShare: 0.02, note: "theirs" });
      }

      test("a rename writes the name cell and nothing else; the active scenario's rename also writes B4", async () => {
        await twoOwnRows();
        let before = harness.contents();
        await port.renameScenario("team plan", "team plan 2027");
        expect(changedCells(before, harness.contents())).toEqual([`${SHEET}!A14`]);
        await port.setActiveScenario("stretch");
        before = harness.contents();
        await port.renameScenario("Stretch", "stretch goal");
        expect(changedCells(before, harness.contents())).toEqual([`${SHEET}!A15`, `${SHEET}!B4`]);
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.activeScenarioName).toBe("stretch goal");
      });

      test("refuses to rename a preset, to a name in use or with spaces, and writes nothing", async () => {
        await twoOwnRows();
        await expectRefused(() => port.renameScenario("baseline", "base"), /"baseline" is a preset: presets cannot be renamed/);
        await expectRefused(() => port.renameScenario("team plan", "STRETCH"), /A scenario named "STRETCH" already exists/);
        await expectRefused(() => port.renameScenario("team plan", " x"), /Remove the spaces/);
        await expectRefused(() => port.renameScenario("team plan", ""), /Give "team plan" a new name/);
        await expectRefused(() => port.renameScenario("optimistic", "x"), /no scenario named "optimistic"/);
      });

      test("a deletion removes the row, moves the rows below up with their readings, and leaves the sheet ready", async () => {
        await twoOwnRows();
        await port.deleteScenario("team plan");
        expect(["A14", "B14", "C14", "D14", "F14"].map((address) => harness.content(SHEET, address))).toEqual([
          "stretch",
          0.05,
          0.02,
          '=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")',
          "theirs",
        ]);
        expect(harness.content(SHEET, "A15")).toBeNull();
        const state = ready(await port.readAssumptions());
        expect(state.status).toBe("ready");
        expect(state.scenarios.map((scenario) => scenario.name)).toEqual(["pessimistic", "baseline", "aggressive", "stretch"]);
        expect(state.activeScenarioName).toBe("baseline");
      });

      test("deleting the active scenario makes baseline active", async () => {
        await twoOwnRows();
        await port.setActiveScenario("stretch");
        await port.deleteScenario("stretch");
        const state = ready(await port.readAssumptions());
        expect(state.activeScenarioName).toBe("baseline");
        expect(state.status).toBe("ready");
      });

      test("refuses to delete a preset or a name not in the table, and writes nothing", async () => {
        await twoOwnRows();
        await expectRefused(() => port.deleteScenario("aggressive"), /"aggressive" is a preset: presets cannot be deleted/);
        await expectRefused(() => port.deleteScenario("optimistic"), /no scenario named "optimistic"/);
      });
    });

    describe("readSelectedNumber and onSelectionChanged", () => {
      test.each<[string | number | null, number | null]>([
        [12.5, 12.5],
        [0, null],
        [-3, null],
        ["ten", null],
        [null, null],
      ])("reads a selected cell holding %p as %p", async (input, expected) => {
        if (input !== null) await harness.type("Sheet1", "C3", input);
        await harness.select("Sheet1", "C3");
        expect(await port.readSelectedNumber()).toBe(expected);
      });

      test("calls the listener when the selection moves, and not after unsubscribing", async () => {
        const listener = jest.fn();
        const unsubscribe = await port.onSelectionChanged(listener);
        await harness.select("Sheet1", "B2");
        expect(listener).toHaveBeenCalledTimes(1);
        await unsubscribe();
        await harness.select("Sheet1", "B3");
        expect(listener).toHaveBeenCalledTimes(1);
      });
    });

    describe("insertProjection", () => {
      test("writes the block at the selected cell, a price column per scenario and one for the active scenario", async () => {
        await setUp();
        await harness.select("Sheet1", "B2");
        const inserted = await port.insertProjection({ horizonMonths: 3, baseValueUsd: 10 });
        // B month, C months from start, D fiscal year, E:G the presets, H active; rows 2 input,
        // 3 headers, 4:6 months, 7 average, 8:9 fiscal years.
        expect(inserted).toEqual({ address: "Sheet1!B2:H9", chartInserted: true });
        expect(harness.content("Sheet1", "C2")).toBe(10);
        expect(harness.content("Sheet1", "C6")).toBe(2);
        expect(harness.content("Sheet1", "B4")).toBe("=EDATE(AICOST_START_MONTH,$C4)");
        expect(harness.content("Sheet1", "F3")).toBe("='AICOST Assumptions'!$A$12");
        expect(harness.content("Sheet1", "F5")).toBe("=AICOST.PROJECT_PRICE($C$2,$C5,'AICOST Assumptions'!$A$12:$C$12)");
        expect(harness.content("Sheet1", "H6")).toBe("=AICOST.PROJECT_PRICE($C$2,$C6,AICOST_SCENARIO)");
        expect(Object.keys(harness.contents()).filter((address) => address.startsWith("Sheet1!"))).toHaveLength(2 + 7 + 3 * 7 + 6 + 2 * 7);
      });

      test("in cost mode includes the team's own scenario, and compares the active scenario with the chosen reference", async () => {
        await setUp();
        await port.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" });
        await harness.select("Sheet1", "B2");
        const inserted = await port.insertProjection({ mode: "cost", horizonMonths: 12, baseValueUsd: 1000, referenceScenarioName: "Team Plan" });
        // E:H the four scenarios, I active, J and K the variance; 2 + 12 + 1 + 2 rows.
        expect(inserted.address).toBe("Sheet1!B2:K18");
        expect(harness.content("Sheet1", "C2")).toBe(1000);
        expect(harness.content("Sheet1", "H3")).toBe("='AICOST Assumptions'!$A$14");
        expect(harness.content("Sheet1", "H4")).toBe("=AICOST.PROJECT_COST($C$2,$C4,'AICOST Assumptions'!$A$14:$C$14)");
        expect(harness.content("Sheet1", "J4")).toBe("=I4-H4");
        expect(harness.content("Sheet1", "I16")).toBe("=SUM(I$4:I$15)");
      });

      test("refuses a reference scenario that is not in the table, and writes nothing", async () => {
        await setUp();
        await harness.select("Sheet1", "B2");
        await expectRefused(() => port.insertProjection({ mode: "cost", horizonMonths: 3, baseValueUsd: 10, referenceScenarioName: "optimistic" }), /no scenario named "optimistic" to compare with/);
      });

      test("refuses to write over a cell that holds data, names the range it needs, and writes nothing", async () => {
        await setUp();
        await harness.type("Sheet1", "D6", "keep me");
        await harness.select("Sheet1", "B2");
        await expectRefused(() => port.insertProjection({ horizonMonths: 3, baseValueUsd: 10 }), /needs Sheet1!B2:H9 to be empty, and some of its cells hold data/);
        expect(harness.content("Sheet1", "D6")).toBe("keep me");
      });

      test("refuses without the assumptions sheet, and for a horizon that is not a whole number from 1 to 1200", async () => {
        await harness.select("Sheet1", "B2");
        await expectRefused(() => port.insertProjection({ horizonMonths: 3, baseValueUsd: 10 }), /sheet is missing/);
        await setUp();
        await expectRefused(() => port.insertProjection({ horizonMonths: 0, baseValueUsd: 10 }), /horizon must be a whole number of months from 1 to 1200/);
        await expectRefused(() => port.insertProjection({ horizonMonths: 1201, baseValueUsd: 10 }), /horizon must be a whole number/);
      });
    });

    describe("onAssumptionsChanged", () => {
      test("calls the listener after a change typed on the assumptions sheet, not elsewhere, and not after unsubscribing", async () => {
        await setUp();
        const listener = jest.fn();
        const unsubscribe = await port.onAssumptionsChanged(listener);
        await harness.type(SHEET, "B12", 0.2);
        expect(listener).toHaveBeenCalledTimes(1);
        await harness.type("Sheet1", "A1", 42);
        expect(listener).toHaveBeenCalledTimes(1);
        await unsubscribe();
        await harness.type(SHEET, "B12", 0.3);
        expect(listener).toHaveBeenCalledTimes(1);
      });

      test("calls the listener when the assumptions sheet is deleted", async () => {
        await setUp();
        const listener = jest.fn();
        const unsubscribe = await port.onAssumptionsChanged(listener);
        await harness.deleteSheet(SHEET);
        expect(listener).toHaveBeenCalled();
        expect(await port.readAssumptions()).toEqual({ status: "missing" });
        await unsubscribe();
      });
    });

    // Issue 11: the sensitivity view's methods.
    describe("sensitivity: inputs, sweep, restore, table", () => {
      /** A small model on Sheet1: cost = tickets x price + fee, with a formula input and a labelled output. */
      async function model(): Promise<void> {
        const cells: [string, string | number][] = [
          ["A1", "Tickets"], ["B1", 100],
          ["A2", "Price"], ["B2", 3],
          ["C1", 5],
          ["A3", "Cost"], ["B3", "=B1*B2+C1"],
          ["A4", "Half the tickets"], ["B4", "=B1/2"],
          ["A5", "Base output"], ["B5", 42],
        ];
        for (const [address, input] of cells) await harness.type("Sheet1", address, input);
      }
      const inputs: SensitivityInput[] = [
        { address: "Sheet1!B1", label: "Tickets", lowValue: 80, highValue: 120 },
        { address: "Sheet1!B2", label: "Price", lowValue: 2.4, highValue: 3.6 },
        { address: "Sheet1!B4", label: "Half the tickets (a formula)", lowValue: 40, highValue: 60 },
      ];

      test("the selected cell, sheet-qualified, labelled by the text to its left", async () => {
        await model();
        await harness.select("Sheet1", "B3");
        expect(await port.readSelectedCell()).toEqual({ address: "Sheet1!B3", label: "Cost", value: harness.calculates ? 305 : "=B1*B2+C1" });
      });

      test("finds the number constants an output depends on, through formulas, in row and column order", async () => {
        await model();
        await harness.type("Sheet1", "B6", "=B3+B4");
        const found = await port.findInputCells("Sheet1!B6");
        expect(found).toEqual([
          { address: "Sheet1!B1", label: "Tickets", value: 100 },
          { address: "Sheet1!C1", label: "Sheet1!C1", value: 5 },
          { address: "Sheet1!B2", label: "Price", value: 3 },
        ]);
      });

      test("leaves the assumptions sheet out of the walk, and gives the active scenario's m and f instead", async () => {
        await setUp();
        await harness.type("Sheet1", "B2", 3);
        await harness.type("Sheet1", "B7", "=AICOST.PROJECT_PRICE(B2, 12, AICOST_SCENARIO)");
        expect(await port.findInputCells("Sheet1!B7")).toEqual([{ address: "Sheet1!B2", label: "Sheet1!B2", value: 3 }]);
        expect(await port.activeScenarioInputs()).toEqual({
          annualPriceMultiplier: { address: "'AICOST Assumptions'!B12", label: "baseline: annual price multiplier m", value: 0.1 },
          floorShare: { address: "'AICOST Assumptions'!C12", label: "baseline: floor share f", value: 0.01 },
        });
      });

      test("a sweep measures each input and puts every cell back, value and formula", async () => {
        await model();
        const before = harness.contents();
        if (harness.calculates) {
          const result = await runSensitivitySweep(port.sensitivityWorkbook(), "Sheet1!B3", inputs.slice(0, 2));
          // tickets 80..120 at $3 + 5: 245..365, swing 120; price 2.4..3.6 x 100 + 5: 245..365, swing 120
          expect(result.baseOutput).toBe(305);
          expect(result.rows.map((row) => [row.label, row.outputAtLow, row.outputAtHigh])).toEqual([
            ["Tickets", 245, 365],
            ["Price", expect.closeTo(245, 9), expect.closeTo(365, 9)],
          ]);
        } else {
          await runSensitivitySweep(port.sensitivityWorkbook(), "Sheet1!B5", inputs);
        }
        expect(changedCells(before, harness.contents())).toEqual([]);
      });

      /** The port's sweep workbook failing at its `failAt`-th call, before or after the call took effect. */
      function failing(workbook: SensitivityWorkbook<unknown>, failAt: number, after: boolean): { workbook: SensitivityWorkbook<unknown>; calls: () => number } {
        let calls = 0;
        const wrap =
          <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
          async (...args: A): Promise<R> => {
            calls++;
            if (calls === failAt && !after) throw new Error(`injected failure before call ${failAt}`);
            const result = await method(...args);
            if (calls === failAt && after) throw new Error(`injected failure after call ${failAt}`);
            return result;
          };
        return {
          workbook: {
            readContent: wrap(workbook.readContent),
            writeContent: wrap(workbook.writeContent),
            writeNumber: wrap(workbook.writeNumber),
            recalculate: wrap(workbook.recalculate),
            readValue: wrap(workbook.readValue),
          },
          calls: () => calls,
        };
      }

      test("fault injection: a failure at any step, before or after it takes effect, leaves every cell of the workbook as it was", async () => {
        await model();
        const before = harness.contents();
        const output = "Sheet1!B5"; // a number in every host, so the sweep runs to the end in the fake Excel too
        const counted = failing(port.sensitivityWorkbook(), 0, false);
        await runSensitivitySweep(counted.workbook, output, inputs);
        const steps = counted.calls();
        expect(steps).toBeGreaterThan(20);
        for (let failAt = 1; failAt <= steps; failAt++) {
          for (const after of [false, true]) {
            const { workbook } = failing(port.sensitivityWorkbook(), failAt, after);
            await runSensitivitySweep(workbook, output, inputs).catch(() => undefined);
            expect({ failAt, after, changed: changedCells(before, harness.contents()) }).toEqual({ failAt, after, changed: [] });
          }
        }
      }, 120_000);

      test("inserts the tornado as a table at the selected cell, and refuses filled cells", async () => {
        await model();
        await harness.select("Sheet1", "D1");
        const rows = [{ address: "Sheet1!B1", label: "Tickets", lowValue: 80, highValue: 120, outputAtLow: 245, outputAtHigh: 365, swing: 120 }];
        expect(await port.insertSensitivityTable(rows)).toBe("Sheet1!D1:I2");
        expect(["D1", "I1", "D2", "E2", "F2", "G2", "H2", "I2"].map((address) => harness.content("Sheet1", address))).toEqual(["Input", "Swing", "Tickets", 80, 120, 245, 365, 120]);
        await harness.select("Sheet1", "A1");
        await expectRefused(() => port.insertSensitivityTable(rows), /needs Sheet1!A1:F2 to be empty/);
      });
    });

    describe("loadPreferences and savePreferences", () => {
      test("give the defaults when nothing is stored", async () => {
        expect(await port.loadPreferences()).toEqual(DEFAULT_PREFERENCES);
      });

      test("round-trip", async () => {
        await port.savePreferences({ referencePriceUsd: 2.5, horizonMonths: 24 });
        expect(await port.loadPreferences()).toEqual({ referencePriceUsd: 2.5, horizonMonths: 24 });
      });

      test.each([
        [{ referencePriceUsd: 0, horizonMonths: 36 }, /reference price must be a number of dollars above 0/],
        [{ referencePriceUsd: null, horizonMonths: 5000 }, /horizon must be a whole number of months from 1 to 1200/],
        [{ referencePriceUsd: null, horizonMonths: 12.5 }, /horizon must be a whole number/],
      ])("refuse to store %p, keeping what was stored", async (bad, message) => {
        await port.savePreferences({ referencePriceUsd: 4, horizonMonths: 12 });
        await expect(port.savePreferences(bad)).rejects.toThrow(message);
        expect(await port.loadPreferences()).toEqual({ referencePriceUsd: 4, horizonMonths: 12 });
      });

      test.each<[unknown, { referencePriceUsd: number | null; horizonMonths: number }]>([
        ["not an object", DEFAULT_PREFERENCES],
        [{ referencePriceUsd: -1, horizonMonths: 24 }, { referencePriceUsd: null, horizonMonths: 24 }],
        [{ referencePriceUsd: 5, horizonMonths: 5000 }, { referencePriceUsd: 5, horizonMonths: 36 }],
      ])("read bad stored data %p field by field, falling back to the defaults, and keep the workbook", async (stored, expected) => {
        await setUp();
        const reopened = await harness.reopenWithStoredPreferences(stored);
        expect(await reopened.loadPreferences()).toEqual(expected);
        expect((await reopened.readAssumptions()).status).toBe("ready");
      });
    });

    describe("workbookFileSupport, readWorkbookFile and openAsNewWorkbook (the Share-safe copy)", () => {
      const formula = "=AICOST.PROJECT_PRICE(10,12,AICOST_SCENARIO)";

      test("say the copy can be made on this host", () => {
        expect(port.workbookFileSupport()).toEqual({ available: true });
      });

      test("readWorkbookFile gives the workbook as an .xlsx package, its sheets and names in it, and changes nothing", async () => {
        await setUp();
        await harness.type("Sheet1", "B2", formula);
        const before = harness.contents();
        const files = unzipSync(await port.readWorkbookFile());
        const workbookXml = strFromU8(files["xl/workbook.xml"]);
        expect(workbookXml).toContain(`name="${SHEET}"`);
        expect(workbookXml).toContain('name="Sheet1"');
        expect(workbookXml).toMatch(/<definedName[^>]*name="AICOST_SCENARIO"/);
        expect(harness.contents()).toEqual(before);
      });

      test("the file's AICOST formula is rewritten by the share-safe rewriter, nothing frozen", async () => {
        await setUp();
        await harness.type("Sheet1", "B2", formula);
        const { report } = shareSafeWorkbook(await port.readWorkbookFile());
        expect(report.rewrittenFormulas).toBe(1);
        expect(report.frozen).toEqual([]);
      });

      test("openAsNewWorkbook hands the bytes over as a new workbook (a download in the preview) and changes nothing", async () => {
        await setUp();
        const before = harness.contents();
        const bytes = await port.readWorkbookFile();
        const opened = await port.openAsNewWorkbook(bytes, "copy.xlsx");
        expect(opened).toEqual({ delivery: harness.host === "excel" ? "new-workbook" : "download" });
        expect(harness.openedFiles()).toEqual([bytes]);
        expect(harness.contents()).toEqual(before);
      });
    });

    test("the presets' order and names are the table's: pessimistic, baseline, aggressive", async () => {
      await setUp();
      expect(["A11", "A12", "A13"].map((address) => harness.content(SHEET, address))).toEqual([pessimistic.label, baseline.label, aggressive.label]);
    });
  });
}
