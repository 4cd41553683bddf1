import { CHART_TITLE, DROPDOWN_SOURCE, ExcelWorkbook } from "../../src/workbook/excelWorkbook";
import { PRICE_FORMAT } from "../../src/sheet/projectionBlock";
import { DEFAULT_PREFERENCES } from "../../src/sheet/port";
import { problems, ready } from "../contract/workbookPort.contract";
import { FakeExcel } from "./fakeExcel";

const SHEET = "AICOST Assumptions";

function setUp(): { excel: FakeExcel; workbook: ExcelWorkbook } {
  const excel = new FakeExcel();
  return { excel, workbook: new ExcelWorkbook(excel.run, excel.settings) };
}

async function setUpWorkbook(): Promise<{ excel: FakeExcel; workbook: ExcelWorkbook }> {
  const fixture = setUp();
  await fixture.workbook.setUpAssumptions();
  fixture.excel.writes = [];
  fixture.excel.syncCount = 0;
  return fixture;
}

const allProblems = problems;

describe("ExcelWorkbook set-up", () => {
  it("reports a workbook without the sheet as missing", async () => {
    const { workbook } = setUp();
    expect(await workbook.readAssumptions()).toEqual({ status: "missing" });
  });

  it("creates the sheet, its cells, the table, the dropdown and the name on an empty workbook", async () => {
    const { excel, workbook } = setUp();
    await workbook.setUpAssumptions();
    expect(excel.sheets.has(SHEET)).toBe(true);
    expect(excel.value(SHEET, "A4")).toBe("Active scenario");
    expect(excel.value(SHEET, "B4")).toBe("baseline");
    expect(excel.formula(SHEET, "B7")).toBe("=INDEX($B$11:$B$110,MATCH($B$4,$A$11:$A$110,0))");
    expect(["A13", "B13", "C13"].map((address) => excel.value(SHEET, address))).toEqual(["aggressive", 0.025, 0.001]);
    expect(excel.sheets.get(SHEET)?.tables).toEqual([{ name: "AICOST_Scenarios", address: "A10:F13" }]);
    expect(excel.names.get("AICOST_SCENARIO")).toBe("='AICOST Assumptions'!$A$7:$C$7");
    expect(excel.sheets.get(SHEET)?.validation.get("B4")).toEqual({
      rule: { list: { inCellDropDown: true, source: '=INDIRECT("AICOST_Scenarios[Scenario]")' } },
      errorAlert: expect.objectContaining({ showAlert: true, style: "Stop" }),
    });
    expect(DROPDOWN_SOURCE).toBe('=INDIRECT("AICOST_Scenarios[Scenario]")');
    expect(excel.names.get("AICOST_START_MONTH")).toBe("='AICOST Assumptions'!$E$4");
    expect(excel.names.get("AICOST_FY_START")).toBe("='AICOST Assumptions'!$E$5");
    // Layout written in five rectangles (A1:A2, A4:E4 with the start month, D5:E5, A6:C7,
    // A10:F13), not cell by cell, and the band block in four of its own, never across G.
    const formulaWrites = excel.writes.filter((write) => write.property === "formulas").map((write) => write.address);
    expect(formulaWrites).toEqual(["A1:A2", "A4:E4", "D5:E5", "A6:C7", "A10:F13", "H1:H1", "H3:H3", "H4:L6", "H7:I10"]);
    expect(excel.syncCount).toBe(2); // look up, then one batch of writes
    const state = ready(await workbook.readAssumptions());
    expect(state.status).toBe("ready");
    expect(state.scenarios.map((scenario) => scenario.name)).toEqual(["pessimistic", "baseline", "aggressive"]);
  });

  it("changes nothing on a second set-up and keeps the user's edits and rows", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "rate card" });
    excel.type(SHEET, "B12", 0.15); // the user tunes baseline by typing, and says so in its note
    excel.type(SHEET, "F12", "our own view");
    excel.type(SHEET, "B4", "team plan");
    excel.writes = [];
    await workbook.setUpAssumptions();
    expect(excel.writes).toEqual([]);
    const state = ready(await workbook.readAssumptions());
    expect(state.status).toBe("ready");
    expect(state.activeScenarioName).toBe("team plan");
    expect(state.scenarios[1].annualPriceMultiplier).toBe(0.15);
    expect(state.scenarios[3]).toMatchObject({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, isPreset: false });
  });

  it("puts back only a lost dropdown on an otherwise healthy sheet", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.sheets.get(SHEET)?.validation.delete("B4");
    await workbook.setUpAssumptions();
    expect(excel.writes.map((write) => `${write.address} ${write.property}`)).toEqual([
      "B4 dataValidation.clear",
      "B4 dataValidation.rule",
      "B4 dataValidation.errorAlert",
    ]);
  });

  it("says where the scenarios went when their sheet was renamed, instead of clashing with the table", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.renameSheet(SHEET, "My scenarios");
    await expect(workbook.setUpAssumptions()).rejects.toThrow('The AICOST scenarios are on the sheet "My scenarios"; rename that sheet back to "AICOST Assumptions"');
    expect(excel.writes).toEqual([]);
  });
});

describe("ExcelWorkbook damaged sheets and repair", () => {
  it("reports a deleted preset row and restores it on repair, keeping custom rows", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" });
    for (const column of ["A", "B", "C", "D", "E", "F"]) {
      excel.type(SHEET, `${column}12`, ""); // the user cleared the baseline row
    }
    const damaged = await workbook.readAssumptions();
    expect(damaged.status).toBe("damaged");
    expect(allProblems(damaged)).toContainEqual(expect.stringMatching(/preset "baseline" is missing/));
    expect(allProblems(damaged)).toContainEqual(expect.stringMatching(/B4 \(Active scenario\) names "baseline", which is not in the scenarios table/));

    await workbook.setUpAssumptions();
    const repaired = ready(await workbook.readAssumptions());
    expect(repaired.status).toBe("ready");
    expect(repaired.scenarios.map((scenario) => scenario.name)).toEqual(["pessimistic", "baseline", "aggressive", "team plan"]);
    expect(excel.sheets.get(SHEET)?.tables).toEqual([{ name: "AICOST_Scenarios", address: "A10:F14" }]);
    // The table had five rows (one empty); the repaired one has four, so row 15 was emptied.
    expect(excel.value(SHEET, "A15")).toBe("");
  });

  it("reports text in a number cell by its address and restores the preset's value on repair", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.type(SHEET, "B13", "ten");
    expect(allProblems(await workbook.readAssumptions())).toEqual([
      'B13 holds the text "ten"; enter a number above 0 such as 0.1 (0.1 = ten times cheaper per year).',
    ]);
    await workbook.setUpAssumptions();
    expect(excel.value(SHEET, "B13")).toBe(0.025);
    expect((await workbook.readAssumptions()).status).toBe("ready");
  });

  it("reports a renamed table and gives it its name back on repair", async () => {
    const { excel, workbook } = await setUpWorkbook();
    const table = excel.sheets.get(SHEET)?.tables[0];
    if (table === undefined) throw new Error("no table");
    table.name = "Table7";
    expect(allProblems(await workbook.readAssumptions())).toEqual([
      expect.stringMatching(/scenarios table is not named AICOST_Scenarios \(this sheet has "Table7"\); it may have been renamed/),
    ]);
    await workbook.setUpAssumptions();
    expect(excel.sheets.get(SHEET)?.tables).toEqual([{ name: "AICOST_Scenarios", address: "A10:F13" }]);
    expect(excel.writes.filter((write) => write.property === "convertToRange").map((write) => write.value)).toEqual(["Table7"]);
  });

  it("reports a deleted or redirected AICOST_SCENARIO name and points it back on repair", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.names.delete("AICOST_SCENARIO");
    expect(allProblems(await workbook.readAssumptions())).toEqual([expect.stringMatching(/name AICOST_SCENARIO is missing/)]);
    await workbook.setUpAssumptions();
    expect(excel.names.get("AICOST_SCENARIO")).toBe("='AICOST Assumptions'!$A$7:$C$7");

    excel.names.set("AICOST_SCENARIO", "=Sheet1!$A$1:$C$1");
    expect(allProblems(await workbook.readAssumptions())).toEqual([expect.stringMatching(/refers to Sheet1!\$A\$1:\$C\$1 instead of/)]);
    excel.writes = [];
    await workbook.setUpAssumptions();
    expect(excel.writes).toContainEqual({ sheet: "", address: "AICOST_SCENARIO", property: "formula", value: "='AICOST Assumptions'!$A$7:$C$7" });
    expect((await workbook.readAssumptions()).status).toBe("ready");
  });

  it("restores overwritten active-row formulas and keeps the chosen scenario", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.type(SHEET, "B4", "aggressive");
    excel.type(SHEET, "C7", 0.5);
    expect(allProblems(await workbook.readAssumptions())).toEqual([expect.stringMatching(/^C7 no longer holds its formula/)]);
    await workbook.setUpAssumptions();
    expect(excel.formula(SHEET, "C7")).toBe("=INDEX($C$11:$C$110,MATCH($B$4,$A$11:$A$110,0))");
    expect(excel.value(SHEET, "B4")).toBe("aggressive");
  });

  it("repairs a sheet whose rows moved up when a row above the table was deleted, keeping custom rows", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.addScenario({ name: "team plan", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" });
    const sheet = excel.sheets.get(SHEET);
    if (sheet === undefined) throw new Error("no sheet");
    // What Excel does when row 5 is deleted: everything below moves up one row, the table and the
    // name follow, and the formulas' references shift (not modelled: the fake keeps their text).
    sheet.cells = new Map([...sheet.cells].map(([address, cell]) => {
      const column = address.replace(/\d+/, "");
      const row = Number(address.replace(/^[A-Z]+/, ""));
      return [row > 5 ? `${column}${row - 1}` : address, cell];
    }));
    sheet.tables[0].address = "A9:F13";
    excel.names.set("AICOST_SCENARIO", "='AICOST Assumptions'!$A$6:$C$6");
    const problems = allProblems(await workbook.readAssumptions());
    expect(problems).toContainEqual(expect.stringMatching(/headers are not in A10:F10 \(A10 should read "Scenario" but holds the text "pessimistic"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/covers A9:F13 instead of starting at A10/));

    await workbook.setUpAssumptions();
    const repaired = ready(await workbook.readAssumptions());
    expect(repaired.status).toBe("ready");
    // pessimistic sat on row 10 after the shift, where the headers go back: it is restored from the preset.
    expect(repaired.scenarios.map((scenario) => scenario.name)).toEqual(["pessimistic", "baseline", "aggressive", "team plan"]);
    expect(excel.value(SHEET, "A9")).toBe(""); // the old header row, left behind, is cleared
    expect(excel.value(SHEET, "A5")).toBe("");
  });

  it("says where the scenarios table is, and writes nothing, when it lives on another sheet", async () => {
    // The user renamed the sheet, then added an empty "AICOST Assumptions": the table name is
    // taken in the workbook, so re-creating the table here would fail half-way (Table.name).
    const { excel, workbook } = await setUpWorkbook();
    excel.renameSheet(SHEET, "Old scenarios");
    excel.addSheet(SHEET);
    expect((await workbook.readAssumptions()).status).toBe("damaged");
    await expect(workbook.setUpAssumptions()).rejects.toThrow('The AICOST scenarios table is on the sheet "Old scenarios"');
    expect(excel.writes).toEqual([]);
  });

  it("sets up again after the sheet was deleted, re-pointing the name that Excel turned into #REF!", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.deleteSheet(SHEET);
    expect(excel.names.get("AICOST_SCENARIO")).toBe("=#REF!");
    expect(await workbook.readAssumptions()).toEqual({ status: "missing" });
    await workbook.setUpAssumptions();
    expect(excel.names.get("AICOST_SCENARIO")).toBe("='AICOST Assumptions'!$A$7:$C$7");
    expect((await workbook.readAssumptions()).status).toBe("ready");
  });
});

// Refusals of bad changes and rows, and what each write touches, are in the WorkbookPort contract
// (test/contract/), which runs on this implementation too; here: what is Excel's own.
describe("ExcelWorkbook writes", () => {
  it("switches scenario by writing B4 and nothing else", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.setActiveScenario("aggressive");
    expect(excel.writes).toEqual([{ sheet: SHEET, address: "B4", property: "values", value: [["aggressive"]] }]);
    expect(ready(await workbook.readAssumptions()).activeScenarioName).toBe("aggressive");
  });

  it("refuses to switch without the sheet or without a name", async () => {
    const { excel, workbook } = setUp();
    await expect(workbook.setActiveScenario("baseline")).rejects.toThrow(/sheet is missing; choose Set up workbook/);
    await expect(workbook.setActiveScenario(" ")).rejects.toThrow(/Pick a scenario by its name/);
    expect(excel.writes).toEqual([]);
  });

  it("writes only the changed cells of the scenario's row: its parameters and, for a preset, the note they call for", async () => {
    const { excel, workbook } = await setUpWorkbook();
    const edited = (preset: string, source: string) => `Edited from ${preset}: ${source}; these values are not the source's.`;
    await workbook.updateScenario("aggressive", { floorShare: 0.002 });
    expect(excel.writes).toEqual([
      { sheet: SHEET, address: "C13", property: "values", value: [[0.002]] },
      { sheet: SHEET, address: "F13", property: "values", value: [[edited("aggressive", "Epoch AI 40x")]] },
    ]);
    excel.writes = [];
    await workbook.updateScenario("Baseline", { annualPriceMultiplier: 0.2, floorShare: 0.05 });
    expect(excel.writes).toEqual([
      { sheet: SHEET, address: "B12:C12", property: "values", value: [[0.2, 0.05]] },
      { sheet: SHEET, address: "F12", property: "values", value: [[edited("baseline", "a16z 10x")]] },
    ]);
    excel.writes = [];
    await workbook.updateScenario("pessimistic", { annualPriceMultiplier: 0.4 });
    expect(excel.writes.map((write) => [write.address, write.value])).toEqual([
      ["B11", [[0.4]]],
      ["F11", [[edited("pessimistic", "Gartner 2x")]]],
    ]);
    excel.writes = [];
    await workbook.updateScenario("pessimistic", { annualPriceMultiplier: 0.45 }); // the note is right already
    expect(excel.writes.map((write) => write.address)).toEqual(["B11"]);
  });

  it("refuses a change to a scenario that is not in the table", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await expect(workbook.updateScenario("optimistic", { floorShare: 0.1 })).rejects.toThrow('There is no scenario named "optimistic"');
    expect(excel.writes).toEqual([]);
  });

  it("appends a custom scenario as a table row", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.addScenario({ name: "2027 deal", annualPriceMultiplier: 0.3, floorShare: 0.1, note: "=not a formula" });
    expect(excel.writes).toEqual([{ sheet: SHEET, address: "A10:F13", property: "rows.add", value: [["2027 deal", 0.3, 0.1, '=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")', '=IF(ISNUMBER(C14),C14,"")', "'=not a formula"]] }]);
    expect(excel.sheets.get(SHEET)?.tables[0].address).toBe("A10:F14");
    expect(excel.value(SHEET, "F14")).toBe("=not a formula");
    expect(excel.sheets.get(SHEET)?.cells.get("E14")?.numberFormat).toBe("0.0#%"); // the table carries its formats down
    expect(ready(await workbook.readAssumptions()).scenarios[3]).toMatchObject({ name: "2027 deal", note: "=not a formula", problems: [] });
  });

  it("keeps as text what Excel would read as a formula, a number or a date", async () => {
    // Range.values reads a leading "+" or "-" as a formula, and "10%" or "Jan 2027" as numbers
    // (Office.js reference, Excel.Range.values); the fake rejects a formula that does not parse.
    const { excel, workbook } = await setUpWorkbook();
    await workbook.addScenario({ name: "Jan 2027", annualPriceMultiplier: 0.3, floorShare: 0.1, note: "-10% if the deal closes" });
    expect(excel.value(SHEET, "A14")).toBe("Jan 2027");
    expect(excel.value(SHEET, "F14")).toBe("-10% if the deal closes");
    await workbook.setActiveScenario("Jan 2027");
    expect(excel.value(SHEET, "B4")).toBe("Jan 2027");
    const state = ready(await workbook.readAssumptions());
    expect(state.status).toBe("ready");
    expect(state.scenarios[3]).toMatchObject({ name: "Jan 2027", note: "-10% if the deal closes", problems: [] });
  });

  it("appends below the last row when the table object is gone", async () => {
    const { excel, workbook } = await setUpWorkbook();
    const sheet = excel.sheets.get(SHEET);
    if (sheet === undefined) throw new Error("no sheet");
    sheet.tables = [];
    await workbook.addScenario({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "" });
    expect(excel.writes.map((write) => [write.address, write.property])).toEqual([
      ["A14:F14", "formulas"],
      ["A14:F14", "numberFormat"],
    ]);
    expect(excel.formula(SHEET, "D14")).toBe('=IF(ISNUMBER(B14),IF(B14>0,1/B14,""),"")');
  });
});

describe("ExcelWorkbook events", () => {
  it("calls the listener when the assumptions sheet changes, and stops after unsubscribing", async () => {
    const { excel, workbook } = await setUpWorkbook();
    const listener = jest.fn();
    const unsubscribe = await workbook.onAssumptionsChanged(listener);
    await excel.fireSheetChanged(SHEET);
    expect(listener).toHaveBeenCalledTimes(1);
    await excel.fireSheetChanged("Sheet1"); // another sheet: no handler there
    expect(listener).toHaveBeenCalledTimes(1);
    expect(excel.handlerCount).toBe(3); // the sheet's onChanged, worksheets' onAdded and onDeleted
    await unsubscribe();
    expect(excel.handlerCount).toBe(0);
    await excel.fireSheetChanged(SHEET);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("notices the sheet being set up after subscribing, and then follows its changes", async () => {
    const { excel, workbook } = setUp();
    const listener = jest.fn();
    const unsubscribe = await workbook.onAssumptionsChanged(listener);
    expect(excel.handlerCount).toBe(2);
    await workbook.setUpAssumptions();
    await excel.fireSheetAdded();
    expect(listener).toHaveBeenCalledTimes(1);
    await excel.fireSheetChanged(SHEET);
    expect(listener).toHaveBeenCalledTimes(2);
    await excel.fireSheetDeleted(); // another sheet was deleted: the handler stays
    expect(listener).toHaveBeenCalledTimes(3);
    excel.deleteSheet(SHEET);
    await excel.fireSheetDeleted();
    expect(listener).toHaveBeenCalledTimes(4);
    await workbook.setUpAssumptions();
    await excel.fireSheetAdded(); // set up again: exactly one handler on the new sheet
    await excel.fireSheetChanged(SHEET);
    expect(listener).toHaveBeenCalledTimes(6);
    expect(excel.sheetChangedHandlers.get(SHEET)?.size).toBe(1);
    await unsubscribe();
    expect(excel.handlerCount).toBe(0);
  });

  it("follows a sheet set up again after the old one was renamed away, and lets go of the old one", async () => {
    // An onChanged handler belongs to the worksheet, not its name: it goes with a renamed sheet.
    const { excel, workbook } = await setUpWorkbook();
    const listener = jest.fn();
    const unsubscribe = await workbook.onAssumptionsChanged(listener);
    excel.renameSheet(SHEET, "Old scenarios");
    await excel.fireSheetChanged("Old scenarios");
    expect(listener).toHaveBeenCalledTimes(1); // still the assumptions until a new sheet takes the name
    excel.sheets.get("Old scenarios")?.tables.splice(0); // the user removed the old table
    await workbook.setUpAssumptions();
    await excel.fireSheetAdded();
    expect(listener).toHaveBeenCalledTimes(2);
    await excel.fireSheetChanged(SHEET);
    expect(listener).toHaveBeenCalledTimes(3);
    await excel.fireSheetChanged("Old scenarios");
    expect(listener).toHaveBeenCalledTimes(3); // the old sheet's handler was removed
    await unsubscribe();
    expect(excel.handlerCount).toBe(0);
  });

  it("removes handlers only on the context they were added with, as Excel does", async () => {
    // The fake's own check: remove() in a new batch silently leaves the handler in place.
    const { excel } = setUp();
    const registration = await excel.run(async (context) => {
      const added = context.workbook.onSelectionChanged.add(async () => undefined);
      await context.sync();
      return added;
    });
    await excel.run(async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(excel.handlerCount).toBe(1);
    await excel.run(async (context) => {
      registration.remove();
      await context.sync();
    }, registration.context);
    expect(excel.handlerCount).toBe(0);
  });

  it("calls the selection listener on a selection change, and stops after unsubscribing", async () => {
    const { excel, workbook } = setUp();
    const listener = jest.fn();
    const unsubscribe = await workbook.onSelectionChanged(listener);
    await excel.fireSelectionChanged();
    expect(listener).toHaveBeenCalledTimes(1);
    await unsubscribe();
    await excel.fireSelectionChanged();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(excel.handlerCount).toBe(0);
  });
});

describe("ExcelWorkbook selection and projection", () => {
  it.each([
    [12.5, 12.5],
    [0, null],
    [-3, null],
    ["ten", null],
    ["", null],
  ])("reads the selected cell %p as %p", async (input, expected) => {
    const { excel, workbook } = setUp();
    excel.activeCellAddress = "C3";
    if (input !== "") excel.type("Sheet1", "C3", input);
    expect(await workbook.readSelectedNumber()).toBe(expected);
  });

  it("writes the projection block in one batch and adds a log-scale line chart beside it", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.activeCellAddress = "B2";
    const inserted = await workbook.insertProjection({ horizonMonths: 3, baseValueUsd: 10 });
    expect(inserted).toEqual({ address: "Sheet1!B2:H9", chartInserted: true });
    const blockWrites = excel.writes.filter((write) => write.property === "formulas" || write.property === "numberFormat");
    // One assignment of each over the whole block (the fake records them in its own order).
    expect(blockWrites.map((write) => `${write.sheet}!${write.address} ${write.property}`).sort()).toEqual(["Sheet1!B2:H9 formulas", "Sheet1!B2:H9 numberFormat"]);
    expect(excel.value("Sheet1", "C2")).toBe(10);
    expect(excel.formula("Sheet1", "F5")).toBe("=AICOST.PROJECT_PRICE($C$2,$C5,'AICOST Assumptions'!$A$12:$C$12)");
    expect(excel.formula("Sheet1", "H6")).toBe("=AICOST.PROJECT_PRICE($C$2,$C6,AICOST_SCENARIO)");
    expect(excel.sheets.get("Sheet1")?.cells.get("G6")?.numberFormat).toBe(PRICE_FORMAT);
    expect(excel.sheets.get("Sheet1")?.cells.get("B4")?.numberFormat).toBe("mmm yyyy");
    expect(excel.sheets.get("Sheet1")?.charts).toEqual([
      {
        type: "Line",
        source: "E3:H6",
        seriesBy: "Columns",
        categoryNames: "C4:C6",
        position: "J2",
        properties: { "title.text": CHART_TITLE, "axes.valueAxis.scaleType": "Logarithmic" },
      },
    ]);
    expect(excel.sheets.get(SHEET)?.cells.get("B4")?.value).toBe("baseline"); // the assumptions are untouched
  });

  it("keeps a linear axis for a zero base price, which a log scale cannot show", async () => {
    const { excel, workbook } = await setUpWorkbook();
    await workbook.insertProjection({ horizonMonths: 2, baseValueUsd: 0 });
    expect(excel.sheets.get("Sheet1")?.charts[0].properties["axes.valueAxis.scaleType"]).toBeUndefined();
  });

  it("keeps the chart, with a linear axis, on a host that rejects the log scale", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.rejectsLogScale = true;
    excel.activeCellAddress = "B2";
    expect(await workbook.insertProjection({ horizonMonths: 3, baseValueUsd: 10 })).toEqual({ address: "Sheet1!B2:H9", chartInserted: true });
    const chart = excel.sheets.get("Sheet1")?.charts[0];
    expect(chart).toMatchObject({ type: "Line", categoryNames: "C4:C6", position: "J2", properties: { "title.text": CHART_TITLE } });
    expect(chart?.properties["axes.valueAxis.scaleType"]).toBeUndefined();
  });

  it("refuses to write over data, and says which range it needs", async () => {
    const { excel, workbook } = await setUpWorkbook();
    excel.activeCellAddress = "B2";
    excel.type("Sheet1", "D6", "keep me");
    await expect(workbook.insertProjection({ horizonMonths: 3, baseValueUsd: 10 })).rejects.toThrow(/needs Sheet1!B2:H9 to be empty/);
    expect(excel.writes).toEqual([]);
    expect(excel.value("Sheet1", "D6")).toBe("keep me");
  });

  it("refuses to insert without the assumptions sheet or with a bad horizon", async () => {
    const { excel, workbook } = setUp();
    await expect(workbook.insertProjection({ horizonMonths: 3, baseValueUsd: 10 })).rejects.toThrow(/sheet is missing/);
    await workbook.setUpAssumptions();
    excel.writes = [];
    await expect(workbook.insertProjection({ horizonMonths: 0, baseValueUsd: 10 })).rejects.toThrow(/horizon must be a whole number/);
    expect(excel.writes).toEqual([]);
  });
});

describe("ExcelWorkbook preferences", () => {
  it("gives the defaults when nothing is stored", async () => {
    const { workbook } = setUp();
    expect(await workbook.loadPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it("round-trips preferences through the document's settings and saves them", async () => {
    const { excel, workbook } = setUp();
    await workbook.savePreferences({ referencePriceUsd: 2.5, horizonMonths: 24 });
    expect(excel.settingsStore.get("aicost.preferences")).toEqual({ referencePriceUsd: 2.5, horizonMonths: 24 });
    expect(excel.settingsSaves).toBe(1);
    expect(await new ExcelWorkbook(excel.run, excel.settings).loadPreferences()).toEqual({ referencePriceUsd: 2.5, horizonMonths: 24 });
  });

  it.each<[unknown]>([
    ["not an object"],
    [["array"]],
    [{ referencePriceUsd: -1, horizonMonths: 24 }],
    [{ referencePriceUsd: "ten", horizonMonths: 0 }],
    [{ referencePriceUsd: 5, horizonMonths: 12.5 }],
  ])("falls back to defaults, field by field, for bad stored data %p", async (stored) => {
    const { excel, workbook } = setUp();
    excel.settingsStore.set("aicost.preferences", stored);
    const preferences = await workbook.loadPreferences();
    const storedObject = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
    expect(preferences.referencePriceUsd).toBe(storedObject.referencePriceUsd === 5 ? 5 : null);
    expect(preferences.horizonMonths).toBe(storedObject.horizonMonths === 24 ? 24 : 36);
  });

  it("refuses to store bad preferences", async () => {
    const { excel, workbook } = setUp();
    await expect(workbook.savePreferences({ referencePriceUsd: 0, horizonMonths: 36 })).rejects.toThrow(/reference price must be a number of dollars above 0/);
    await expect(workbook.savePreferences({ referencePriceUsd: null, horizonMonths: 5000 })).rejects.toThrow(/horizon must be a whole number of months from 1 to 1200/);
    expect(excel.settingsSaves).toBe(0);
  });
});

describe("ExcelWorkbook sensitivity (issue 11)", () => {
  it("forces a calculation only where the workbook is in manual mode", async () => {
    const { excel, workbook } = setUp();
    await workbook.sensitivityWorkbook().recalculate();
    expect(excel.calculateCount).toBe(0); // automatic: Excel recalculated on the write
    excel.calculationMode = "Manual";
    await workbook.sensitivityWorkbook().recalculate();
    expect(excel.calculateCount).toBe(1);
    expect(excel.writes.filter((write) => write.property === "application.calculate").map((write) => write.value)).toEqual(["Recalculate"]);
  });

  it("without Range.getDirectPrecedents (ExcelApi 1.12) it finds no inputs: the user selects them", async () => {
    const excel = new FakeExcel();
    excel.type("Sheet1", "B1", 3);
    excel.type("Sheet1", "B2", "=B1*2");
    expect(await new ExcelWorkbook(excel.run, excel.settings, null, false).findInputCells("Sheet1!B2")).toBeNull();
    expect(await new ExcelWorkbook(excel.run, excel.settings).findInputCells("Sheet1!B2")).toEqual([{ address: "Sheet1!B1", label: "Sheet1!B1", value: 3 }]);
  });

  it("a formula that reads nothing of the model (a catalog price over AICOST_PRICES, a typed sum) is itself an input, the prices sheet left out", async () => {
    const excel = new FakeExcel();
    excel.type("AICOST Prices", "D5", 3);
    excel.type("Sheet1", "B1", "=AICOST.MODEL_PRICE(\"gpt-4o\", \"input\", , 'AICOST Prices'!A4:K6)");
    (excel.sheets.get("Sheet1")!.cells.get("B1") as { value: unknown }).value = 3; // the value Excel computed
    excel.type("Sheet1", "B3", 4);
    excel.type("Sheet1", "B5", "=B1*B3");
    expect(await new ExcelWorkbook(excel.run, excel.settings).findInputCells("Sheet1!B5")).toEqual([
      { address: "Sheet1!B1", label: "Sheet1!B1", value: 3 },
      { address: "Sheet1!B3", label: "Sheet1!B3", value: 4 },
    ]);
  });

  it("a formula without references (Excel's ItemNotFound) has no inputs", async () => {
    const excel = new FakeExcel();
    excel.type("Sheet1", "B2", "=1+2");
    expect(await new ExcelWorkbook(excel.run, excel.settings).findInputCells("Sheet1!B2")).toEqual([]);
  });
});
