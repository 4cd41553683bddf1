import fc from "fast-check";
import { analyseAssumptions } from "../../src/sheet/checks";
import { repairedActiveScenarioName, repairedRows, repairedSheetCells, rowsToClear } from "../../src/sheet/repair";
import { bandSheetCells } from "../../src/sheet/bandLayout";
import { repairedBand } from "../../src/sheet/bandSheet";
import { assumptionsSheetCells, layoutCells, type ScenarioTableRow } from "../../src/sheet/sheetCells";
import { findScenarioRow, locateScenarios, type AssumptionsSnapshot } from "../../src/sheet/snapshot";
import { literalText } from "../../src/sheet/textEntry";
import type { AssumptionsState } from "../../src/sheet/port";
import { cellMap, editedSnapshot, FIXTURE_TODAY, healthySnapshot, missingSnapshot, snapshotOf, teamPlan } from "./snapshotFixtures";

function problemsOf(state: AssumptionsState): string[] {
  if (state.status === "missing") {
    throw new Error("expected a sheet");
  }
  return [...state.problems, ...state.scenarios.flatMap((scenario) => scenario.problems)];
}

function expectDamaged(snapshot: AssumptionsSnapshot, ...fragments: RegExp[]): string[] {
  const state = analyseAssumptions(snapshot);
  expect(state.status).toBe("damaged");
  const problems = problemsOf(state);
  for (const fragment of fragments) {
    expect(problems.some((problem) => fragment.test(problem))).toBe(true);
  }
  return problems;
}

describe("assumptionsSheetCells", () => {
  const cells = cellMap(assumptionsSheetCells([], FIXTURE_TODAY));

  it("writes the title, the judgement note, the active scenario and the active row's formulas", () => {
    expect(cells.get("A1")).toBe("AICOST assumptions");
    expect(String(cells.get("A2"))).toMatch(/floors are judgement, not measurement/);
    expect(cells.get("A4")).toBe("Active scenario");
    expect(cells.get("B4")).toBe("baseline");
    expect([cells.get("A6"), cells.get("B6"), cells.get("C6")]).toEqual(["Label", "Annual price multiplier", "Floor share"]);
    // Written out by hand from the layout: rows 11..110, the active name in B4.
    expect(cells.get("A7")).toBe("=INDEX($A$11:$A$110,MATCH($B$4,$A$11:$A$110,0))");
    expect(cells.get("B7")).toBe("=INDEX($B$11:$B$110,MATCH($B$4,$A$11:$A$110,0))");
    expect(cells.get("C7")).toBe("=INDEX($C$11:$C$110,MATCH($B$4,$A$11:$A$110,0))");
  });

  it("writes the table headers and the three presets with their values and sources (DOMAIN.md)", () => {
    expect(["A10", "B10", "C10", "D10", "E10", "F10"].map((address) => cells.get(address))).toEqual([
      "Scenario",
      "Annual price multiplier",
      "Floor share",
      "x cheaper per year",
      "Floor, % of today's price",
      "Note",
    ]);
    expect(["A11", "B11", "C11"].map((address) => cells.get(address))).toEqual(["pessimistic", 0.5, 0.25]);
    expect(["A12", "B12", "C12"].map((address) => cells.get(address))).toEqual(["baseline", 0.1, 0.01]);
    expect(["A13", "B13", "C13"].map((address) => cells.get(address))).toEqual(["aggressive", 0.025, 0.001]);
    expect(String(cells.get("F11"))).toMatch(/Gartner/);
    expect(String(cells.get("F12"))).toMatch(/a16z/);
    expect(String(cells.get("F13"))).toMatch(/Epoch AI/);
    // The readings, written out by hand: 1/m and f, blank while m or f is not a number.
    expect(cells.get("D12")).toBe('=IF(ISNUMBER(B12),IF(B12>0,1/B12,""),"")');
    expect(cells.get("E12")).toBe('=IF(ISNUMBER(C12),C12,"")');
    expect(cells.has("A14")).toBe(false);
  });

  it("appends custom rows after the presets, keeping text that looks like a number as text", () => {
    const custom = cellMap(assumptionsSheetCells([teamPlan, { name: "2027", annualPriceMultiplier: 0.3, floorShare: 0, note: "" }], FIXTURE_TODAY));
    expect(["A14", "B14", "C14", "F14"].map((address) => custom.get(address))).toEqual(["team plan", 0.2, 0.05, "negotiated rate card"]);
    expect(custom.get("D15")).toBe('=IF(ISNUMBER(B15),IF(B15>0,1/B15,""),"")');
    expect(custom.get("A15")).toBe("'2027");
    expect(custom.get("C15")).toBe(0);
  });

  it("gives every cell a unique address and a number format", () => {
    const all = assumptionsSheetCells([teamPlan], FIXTURE_TODAY);
    expect(new Set(all.map((cell) => cell.address)).size).toBe(all.length);
    expect(all.every((cell) => cell.numberFormat.length > 0)).toBe(true);
  });
});

describe("literalText", () => {
  it.each([
    ["team plan", "team plan"],
    ["2025", "'2025"],
    [" 0.5 ", "' 0.5 "],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["TRUE", "'TRUE"],
    ["'quoted", "''quoted"],
    ["", ""],
    // Range.values reads a leading "+" or "-" as a formula too (Office.js reference, Excel.Range.values).
    ["-10% if the deal closes", "'-10% if the deal closes"],
    ["+ rate card", "'+ rate card"],
    ["@risk", "'@risk"],
    // Numbers, dates and times in disguise, which Excel converts as it would typed input.
    ["10%", "'10%"],
    ["$5", "'$5"],
    ["(5)", "'(5)"],
    ["1,000", "'1,000"],
    ["2027-01-15", "'2027-01-15"],
    ["1/2", "'1/2"],
    ["12:30", "'12:30"],
    ["Jan 2027", "'Jan 2027"],
    ["15 March", "'15 March"],
    // Text Excel keeps as it is.
    ["2027 deal", "2027 deal"],
    ["decline", "decline"],
    ["May plan", "May plan"],
    ["baseline - 10x per year", "baseline - 10x per year"],
  ])("%j is entered as %j", (text, expected) => {
    expect(literalText(text)).toBe(expected);
  });
});

describe("analyseAssumptions", () => {
  it("reports a workbook without the sheet as missing", () => {
    expect(analyseAssumptions(missingSnapshot)).toEqual({ status: "missing" });
  });

  it("reads a freshly set-up sheet as ready, with the three presets and baseline active", () => {
    const state = analyseAssumptions(healthySnapshot());
    expect(state).toEqual({
      status: "ready",
      activeScenarioName: "baseline",
      problems: [],
      band: { label: "evidence", annualPriceMultiplierP10: 0.02, annualPriceMultiplierP50: 0.057, annualPriceMultiplierP90: 0.2, floorShare: 0.01 },
      scenarios: [
        { name: "pessimistic", annualPriceMultiplier: 0.5, floorShare: 0.25, note: expect.stringMatching(/Gartner/), isPreset: true, problems: [] },
        { name: "baseline", annualPriceMultiplier: 0.1, floorShare: 0.01, note: expect.stringMatching(/a16z/), isPreset: true, problems: [] },
        { name: "aggressive", annualPriceMultiplier: 0.025, floorShare: 0.001, note: expect.stringMatching(/Epoch/), isPreset: true, problems: [] },
      ],
    });
  });

  it("reads custom rows and a custom active scenario", () => {
    const state = analyseAssumptions(editedSnapshot({ B4: "team plan" }, [teamPlan]));
    expect(state.status).toBe("ready");
    if (state.status !== "missing") {
      expect(state.activeScenarioName).toBe("team plan");
      expect(state.scenarios[3]).toEqual({ ...teamPlan, isPreset: false, problems: [] });
    }
  });

  it("accepts a healthy Excel snapshot whose table sits at A10:F13", () => {
    const state = analyseAssumptions(healthySnapshot([], { tables: [{ name: "AICOST_Scenarios", address: "A10:F13" }] }));
    expect(state.status).toBe("ready");
  });

  it("accepts valid edits and ignores the case of the active name, as MATCH does", () => {
    expect(analyseAssumptions(editedSnapshot({ B12: 0.2, C12: 0, F12: "our own estimate", B4: "Baseline" })).status).toBe("ready");
  });

  it.each(["baseline ", " baseline"])("reports an Active scenario cell of %j: MATCH does not trim, so its formulas find no row", (name) => {
    expectDamaged(editedSnapshot({ B4: name }), new RegExp(`^B4 \\(Active scenario\\) names "${name}", which is not in the scenarios table`));
  });

  it("reports a deleted preset row and names the preset", () => {
    const cells = cellMap(assumptionsSheetCells([], FIXTURE_TODAY));
    for (const column of ["A", "B", "C", "D", "E", "F"]) {
      cells.set(`${column}13`, "");
    }
    expectDamaged(snapshotOf(cells), /preset "aggressive" is missing.*Repair adds it back/);
  });

  it("reports text in a number cell with the cell to fix and an example", () => {
    const problems = expectDamaged(editedSnapshot({ B12: "ten" }), /^B12 holds the text "ten"; enter a number above 0 such as 0.1/);
    expect(problems).toHaveLength(1);
  });

  it("says when a number is stored as text", () => {
    // The fixture keeps the string "0.2" as a string, as Excel does for a number typed into a Text cell.
    expectDamaged(editedSnapshot({ C11: "0.2" }), /C11 holds the text "0.2" \(a number stored as text; retype it\)/);
  });

  it("reports an empty parameter cell", () => {
    expectDamaged(editedSnapshot({ C13: "" }), /^C13 is empty; enter a number from 0 to 1 such as 0.01/);
  });

  it.each([
    [0, /B14 is 0, but the annual price multiplier must be above 0/],
    [-0.5, /B14 is -0.5, but the annual price multiplier must be above 0/],
  ])("reports m = %p", (multiplier, message) => {
    expectDamaged(healthySnapshot([{ ...teamPlan, annualPriceMultiplier: multiplier }]), message);
  });

  it.each([
    [1.5, /C14 is 1.5, but the floor share must be from 0 to 1/],
    [-0.01, /C14 is -0.01, but the floor share must be from 0 to 1/],
  ])("reports a floor of %p", (floorShare, message) => {
    expectDamaged(healthySnapshot([{ ...teamPlan, floorShare }]), message);
  });

  it("accepts the edges of the domains: f = 0, f = 1 and a rising price m > 1", () => {
    const state = analyseAssumptions(healthySnapshot([
      { ...teamPlan, floorShare: 0 },
      { name: "flat", annualPriceMultiplier: 1, floorShare: 1, note: "" },
      { name: "rising", annualPriceMultiplier: 1.2, floorShare: 0.5, note: "" },
    ]));
    expect(state.status).toBe("ready");
  });

  it("reports an error value in a number cell", () => {
    expectDamaged(editedSnapshot({ B11: "#REF!" }), /B11 holds the error #REF!/);
    const withObjectError = healthySnapshot([], {
      tableRows: healthySnapshot().tableRows.map((row, index) => (index === 1 ? [row[0], { type: "DIV_BY_ZERO", value: "#DIV/0!" }, row[2], row[3]] : row)),
    });
    expectDamaged(withObjectError, /B12 holds the error #DIV\/0!/);
  });

  it("reports duplicate names, ignoring case as MATCH does", () => {
    expectDamaged(healthySnapshot([{ ...teamPlan, name: "Baseline" }]), /A14 repeats the name "Baseline" of A12; formulas only ever find the first/);
    const state = analyseAssumptions(healthySnapshot([teamPlan, teamPlan]));
    expect(problemsOf(state)).toEqual([expect.stringMatching(/A15 repeats the name "team plan" of A14/)]);
  });

  it("marks a second row with a preset's name as not a preset", () => {
    const state = analyseAssumptions(healthySnapshot([{ ...teamPlan, name: "baseline" }]));
    if (state.status === "missing") throw new Error("expected a sheet");
    expect(state.scenarios.map((scenario) => scenario.isPreset)).toEqual([true, true, true, false]);
  });

  it("reports a row with values but no name", () => {
    expectDamaged(healthySnapshot([{ ...teamPlan, name: "" }]), /Row 14 has values but no scenario name in A14; type a name or clear the row/);
  });

  it("reports a name with surrounding spaces and a name that is a number", () => {
    expectDamaged(healthySnapshot([{ ...teamPlan, name: " team " }]), /A14's name " team " starts or ends with spaces/);
    const numericName = healthySnapshot([], {
      tableRows: [...healthySnapshot().tableRows, [2027, 0.3, 0.1, ""]],
    });
    expectDamaged(numericName, /A14 holds 2027; a scenario name must be text/);
  });

  it("skips empty rows inside the table without complaint", () => {
    const rows = healthySnapshot().tableRows;
    const withGap = healthySnapshot([], { tableRows: [...rows, ["", "", "", ""], ["team plan", 0.2, 0.05, ""]] });
    const state = analyseAssumptions(withGap);
    expect(state.status).toBe("ready");
    expect(findScenarioRow(withGap, "team plan")).toBe(15);
  });

  it("reports an empty Active scenario cell", () => {
    expectDamaged(editedSnapshot({ B4: "" }), /^B4 \(Active scenario\) is empty; pick a scenario from its dropdown, e.g. baseline/);
  });

  it("reports an active scenario that is not in the table and lists the choices", () => {
    expectDamaged(
      editedSnapshot({ B4: "optimistic" }, [teamPlan]),
      /^B4 \(Active scenario\) names "optimistic", which is not in the scenarios table; pick one of: pessimistic, baseline, aggressive, team plan\.$/,
    );
  });

  it("reports overwritten active-row formulas by cell", () => {
    expectDamaged(editedSnapshot({ B7: 0.2 }), /^B7 no longer holds its formula/);
    expectDamaged(editedSnapshot({ A7: "baseline", C7: 0.01 }), /^A7, C7 no longer hold their formulas/);
  });

  it("accepts the active-row formulas with other spacing or case, as Excel may return them", () => {
    const state = analyseAssumptions(editedSnapshot({ A7: "=index($A$11:$A$110, MATCH($B$4, $A$11:$A$110, 0))" }));
    expect(state.status).toBe("ready");
  });

  it("reports a missing AICOST_SCENARIO name", () => {
    expectDamaged(healthySnapshot([], { scenarioNameReference: null }), /name AICOST_SCENARIO is missing, so formulas that use it show #NAME\?/);
  });

  it("reports AICOST_SCENARIO pointing elsewhere", () => {
    expectDamaged(
      healthySnapshot([], { scenarioNameReference: "=Sheet1!$A$1:$C$1" }),
      /AICOST_SCENARIO refers to Sheet1!\$A\$1:\$C\$1 instead of 'AICOST Assumptions'!\$A\$7:\$C\$7/,
    );
    expectDamaged(healthySnapshot([], { scenarioNameReference: "=#REF!" }), /refers to #REF!/);
  });

  it("reports moved headers (a row deleted above the table)", () => {
    const cells = cellMap(assumptionsSheetCells([], FIXTURE_TODAY));
    // Deleting row 5 moves everything from row 6 up by one.
    const shifted = new Map<string, string | number>();
    for (const [address, input] of cells) {
      const row = Number(address.slice(1));
      shifted.set(row > 5 ? `${address[0]}${row - 1}` : address, input);
    }
    expectDamaged(snapshotOf(shifted), /headers are not in A10:F10 \(A10 should read "Scenario" but holds the text "pessimistic"\)/, /A6 should read "Label"/);
  });

  it("reports a renamed or missing Excel table, and a table that no longer starts at A10", () => {
    expectDamaged(healthySnapshot([], { tables: [{ name: "Table1", address: "A10:F13" }] }), /not named AICOST_Scenarios \(this sheet has "Table1"\); it may have been renamed/);
    expectDamaged(healthySnapshot([], { tables: [] }), /table AICOST_Scenarios is missing from this sheet/);
    expectDamaged(healthySnapshot([], { tables: [{ name: "AICOST_Scenarios", address: "A11:F14" }] }), /covers A11:F14 instead of starting at A10/);
    expectDamaged(healthySnapshot([], { tables: [{ name: "AICOST_Scenarios", address: "A10:D13" }] }), /covers A10:D13 instead of starting at A10 with 6 columns \(A to F\)/);
  });

  it("reports rows beyond the lookup's capacity", () => {
    const many: ScenarioTableRow[] = Array.from({ length: 98 }, (_, index) => ({ ...teamPlan, name: `s${index}` }));
    // 3 presets + 98 custom rows = 101 rows: the last is on row 111.
    const snapshot = healthySnapshot([], {
      tableRows: [...healthySnapshot().tableRows, ...many.map((row) => [row.name, row.annualPriceMultiplier, row.floorShare, row.note])],
    });
    expectDamaged(snapshot, /^Row 111 is below row 110: only the first 100 scenarios/);
  });

  it("ignores a stray copy of the headers in the rows (a row inserted above the table)", () => {
    const snapshot = healthySnapshot([], { tableRows: [["Scenario", "Annual price multiplier", "Floor share", "Note"], ...healthySnapshot().tableRows] });
    expect(locateScenarios(snapshot).map((scenario) => scenario.rowNumber)).toEqual([12, 13, 14]);
  });

  it("never throws and always says which status it found, whatever the cells hold (property)", () => {
    const cell = fc.oneof(fc.constant(null), fc.constant(""), fc.string(), fc.double(), fc.boolean(), fc.constant("#N/A"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 12 }), cell, (rows, active) => {
        const state = analyseAssumptions(healthySnapshot([], { tableRows: rows, activeScenarioName: active }));
        expect(["ready", "damaged"]).toContain(state.status);
        if (state.status === "ready") {
          expect(state.scenarios.every((scenario) => scenario.problems.length === 0)).toBe(true);
        }
      }),
    );
  });
});

describe("repairedRows", () => {
  it("restores a deleted preset, keeps custom rows and puts presets first", () => {
    const rows = healthySnapshot([teamPlan]).tableRows.filter((row) => row[0] !== "baseline");
    const repaired = repairedRows(healthySnapshot([], { tableRows: rows }));
    expect(repaired.map((row) => row.name)).toEqual(["pessimistic", "baseline", "aggressive", "team plan"]);
    expect(repaired[1]).toMatchObject({ annualPriceMultiplier: 0.1, floorShare: 0.01 });
    expect(repaired[3]).toEqual(teamPlan);
  });

  it("keeps valid edits to a preset and restores invalid ones value by value", () => {
    const repaired = repairedRows(editedSnapshot({ B11: 0.6, C11: "lots", B13: -1, F13: "" }));
    expect(repaired[0]).toMatchObject({ name: "pessimistic", annualPriceMultiplier: 0.6, floorShare: 0.25 });
    expect(repaired[2]).toMatchObject({ name: "aggressive", annualPriceMultiplier: 0.025, floorShare: 0.001 });
    expect(repaired[2].note).toMatch(/Epoch/);
    // pessimistic keeps its edited m, so its note no longer cites the source for it
    expect(repaired[0].note).toBe("Edited from pessimistic: Gartner 2x; these values are not the source's.");
  });

  it("treats a row whose name is a preset's only once trimmed as a custom row (MATCH would not find it), and restores the preset", () => {
    const snapshot = healthySnapshot([], {
      tableRows: healthySnapshot().tableRows.map((row) => (row[0] === "baseline" ? [" baseline", 0.2, 0.02, "ours"] : row)),
    });
    expect(repairedRows(snapshot).map((row) => [row.name, row.annualPriceMultiplier])).toEqual([
      ["pessimistic", 0.5],
      ["baseline", 0.1],
      ["aggressive", 0.025],
      [" baseline", 0.2],
    ]);
  });

  it("keeps a custom row's invalid values as the user typed them", () => {
    const repaired = repairedRows(healthySnapshot([{ ...teamPlan, annualPriceMultiplier: "ten" }]));
    expect(repaired[3]).toEqual({ ...teamPlan, annualPriceMultiplier: "ten" });
  });

  it("keeps a second row with a preset's name as a custom row, and drops empty rows", () => {
    const snapshot = healthySnapshot([], {
      tableRows: [...healthySnapshot().tableRows, ["", "", "", ""], ["Baseline", 0.3, 0.1, "copy"]],
    });
    expect(repairedRows(snapshot).map((row) => row.name)).toEqual(["pessimistic", "baseline", "aggressive", "Baseline"]);
  });

  it("gives the three presets for a missing sheet", () => {
    expect(repairedRows(missingSnapshot).map((row) => row.name)).toEqual(["pessimistic", "baseline", "aggressive"]);
  });

  it("repairs a sheet to ready when only its structure was damaged (property: custom rows survive)", () => {
    const customRow = fc.record({
      name: fc.stringMatching(/^[a-z][a-z ]{0,10}[a-z]$/).filter((name) => !["pessimistic", "baseline", "aggressive"].includes(name)),
      annualPriceMultiplier: fc.double({ min: 0.001, max: 2, noNaN: true }),
      floorShare: fc.double({ min: 0, max: 1, noNaN: true }),
      note: fc.string({ maxLength: 10 }).filter((note) => literalText(note) === note),
    });
    fc.assert(
      fc.property(fc.uniqueArray(customRow, { selector: (row) => row.name, maxLength: 5 }), (customRows) => {
        const damaged = editedSnapshot({ A7: "", B4: "nowhere", A10: "" }, customRows, { scenarioNameReference: null });
        expect(analyseAssumptions(damaged).status).toBe("damaged");
        const repaired = snapshotOf(cellMap([...repairedSheetCells(damaged, FIXTURE_TODAY), ...bandSheetCells(repairedBand(damaged.band))]));
        const state = analyseAssumptions(repaired);
        expect(state.status).toBe("ready");
        if (state.status !== "missing") {
          expect(state.scenarios.slice(3).map(({ name, annualPriceMultiplier, floorShare, note }) => ({ name, annualPriceMultiplier, floorShare, note }))).toEqual(customRows);
          expect(state.activeScenarioName).toBe("baseline");
        }
      }),
    );
  });
});

describe("repair helpers", () => {
  it("keeps the active scenario when it still exists, in the table's spelling", () => {
    const snapshot = editedSnapshot({ B4: "TEAM PLAN" }, [teamPlan]);
    expect(repairedActiveScenarioName(snapshot, repairedRows(snapshot))).toBe("team plan");
    expect(repairedActiveScenarioName(editedSnapshot({ B4: "" }), repairedRows(healthySnapshot()))).toBe("baseline");
  });

  it("says which old rows a shorter table leaves behind", () => {
    const snapshot = healthySnapshot([], { tableRows: [...healthySnapshot().tableRows, ["", "", "", ""], ["x", 0.5, 0.1, ""]] });
    // Old rows 11..15; the repaired table of 4 rows ends on row 14, so row 15 must be cleared.
    expect(rowsToClear(snapshot, 15)).toEqual({ firstRow: 15, lastRow: 15 });
    expect(rowsToClear(healthySnapshot(), 14)).toBeNull();
  });

  it("lays out any rows with any active name", () => {
    const cells = cellMap(layoutCells([teamPlan], "team plan", { startMonthSerial: 46388, fiscalYearStartMonth: 1 }));
    expect(cells.get("B4")).toBe("team plan");
    expect(cells.get("A11")).toBe("team plan");
    expect(cells.has("A12")).toBe(false);
  });
});
