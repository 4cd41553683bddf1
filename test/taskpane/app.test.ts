/**
 * @jest-environment jsdom
 */
import { PRESET_SCENARIOS } from "../../src/core/scenario";
import type { TaskpaneHandle, TaskpaneOptions } from "../../src/taskpane/app";
import { FakeWorkbook } from "./fakeWorkbook";
import { paneFixture, settle } from "./paneHarness";

// jsdom has no canvas; drawing is checked in the browser (test/e2e/taskpane.e2e.test.ts). Here
// the chart's data is read from its text alternative, which the pane renders from the same series.
jest.mock("../../src/taskpane/chart", () => ({
  PriceChart: class {
    update(): void {}
    destroy(): void {}
  },
}));

/** Lets the pane's write delay (350 ms) run. */
const afterWriteDelay = (): Promise<void> => settle(450);

const fixture = paneFixture();
let root: HTMLElement;
beforeEach(() => {
  root = fixture.root();
});

function mount(workbook: FakeWorkbook, options: Partial<TaskpaneOptions> = {}): Promise<TaskpaneHandle> {
  return fixture.mount(workbook, options);
}

function radios(): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>("input[type=radio]")];
}

function radio(name: string): HTMLInputElement {
  const found = radios().find((each) => each.value === name);
  if (found == null) throw new Error(`no radio ${name}`);
  return found;
}

function labelled(text: string, scope: ParentNode = root): HTMLInputElement {
  const label = [...scope.querySelectorAll("label")].find((each) => each.textContent === text);
  const input = label && root.querySelector<HTMLInputElement>(`[id="${label.htmlFor}"]`);
  if (input == null) throw new Error(`no input labelled ${text}`);
  return input;
}

function buttonNamed(text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll("button")].find((each) => each.textContent === text);
  if (found == null) throw new Error(`no button ${text}`);
  return found;
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function choose(input: HTMLInputElement): void {
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

function errorFor(input: HTMLInputElement): string {
  return root.querySelector(`[id="${input.id}-error"]`)?.textContent ?? "";
}

function status(): string {
  return root.querySelector("[role=status]")?.textContent ?? "";
}

/** The chart's data table value for a scenario and month. */
function tableValue(scenario: string, month: number): number {
  const cell = root.querySelector(`tr[data-scenario="${scenario}"] td[data-month="${month}"]`);
  return Number(cell?.getAttribute("data-value"));
}

const editorSection = (): HTMLElement => root.querySelector("h2[id$=editor-heading]")?.parentElement as HTMLElement;
const addForm = (): HTMLElement => root.querySelector("details") as HTMLElement;

describe("the scenario picker", () => {
  test("one radio per table row, named by the scenario, the workbook's active one checked", async () => {
    await mount(new FakeWorkbook());
    expect(radios().map((each) => [each.value, each.checked])).toEqual([
      ["pessimistic", false],
      ["baseline", true],
      ["aggressive", false],
    ]);
    // Each radio's label is its name; a fieldset legend names the group.
    expect(radios().map((each) => root.querySelector(`label[for="${each.id}"]`)?.textContent)).toEqual(["pessimistic", "baseline", "aggressive"]);
    expect(root.querySelector("fieldset legend")?.textContent).toBe("Active scenario");
    expect(new Set(radios().map((each) => each.name)).size).toBe(1); // one group: arrow keys move within it
  });

  test("choosing a scenario writes the Active scenario cell and nothing else", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    choose(radio("aggressive"));
    await settle();
    expect(workbook.writes()).toEqual([{ method: "setActiveScenario", args: ["aggressive"] }]);
    expect(status()).toBe("Active scenario: aggressive. AICOST formulas that use AICOST_SCENARIO recalculate.");
    expect(root.querySelector("tr[data-scenario=aggressive] th")?.textContent).toBe("aggressive (active)");
    expect(editorSection().querySelector("h2")?.textContent).toBe("Tune aggressive");
  });

  test("a switch made elsewhere (a co-author, the dropdown) is followed", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    workbook.changeElsewhere((book) => (book.activeScenarioName = "pessimistic"));
    await settle();
    expect(radio("pessimistic").checked).toBe(true);
    expect(radio("baseline").checked).toBe(false);
    expect(workbook.writes()).toEqual([]);
  });

  test("custom rows are options too, and a broken row says it needs fixing", async () => {
    const workbook = new FakeWorkbook();
    workbook.rows.push({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "ours", isPreset: false, problems: [] });
    workbook.rows.push({ name: "draft", annualPriceMultiplier: null, floorShare: 0.05, note: "", isPreset: false, problems: ["B15 holds text; enter a number above 0 such as 0.1"] });
    await mount(workbook);
    expect(radios().map((each) => each.value)).toEqual(["pessimistic", "baseline", "aggressive", "team", "draft"]);
    const describedBy = (name: string): string => root.querySelector(`[id="${radio(name).getAttribute("aria-describedby")}"]`)?.textContent ?? "";
    expect(describedBy("team")).toBe("5x cheaper per year, floor 5% of today's price"); // 1/0.2, 100 * 0.05
    expect(describedBy("draft")).toMatch(/^Needs fixing/);
    expect(root.querySelector("tr[data-scenario=draft]")).toBeNull(); // left out of the chart
  });

  test("a failed switch is reported in the status line", async () => {
    const workbook = new FakeWorkbook();
    workbook.failNext.setActiveScenario = "The sheet is protected.";
    await mount(workbook);
    choose(radio("aggressive"));
    await settle();
    expect(status()).toBe("Could not switch to aggressive: The sheet is protected.");
    expect(root.querySelector("[role=status]")?.getAttribute("data-kind")).toBe("error");
  });
});

describe("the parameter editor", () => {
  test("shows the active scenario in friendly units", async () => {
    await mount(new FakeWorkbook());
    expect(labelled("x cheaper per year", editorSection()).value).toBe("10"); // 1/0.1
    expect(labelled("Floor, % of today's price", editorSection()).value).toBe("1"); // 100 * 0.01
    expect(editorSection().textContent).toMatch(/a16z/); // the preset's source note
  });

  test("refuses \"0.000001 x cheaper per year\" (m = 1e6) with a message, and the chart's table never shows $∞", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const timesCheaper = labelled("x cheaper per year", editorSection());
    type(timesCheaper, "0.000001");
    await afterWriteDelay();
    expect(errorFor(timesCheaper)).toMatch(/^0.000001 is out of range\. Enter a number from 0.1 to 1,000,000/);
    expect(workbook.writes()).toEqual([]);
    expect(document.body.textContent).not.toMatch(/∞|NaN/);
  });

  test("an invalid value shows what is wrong and the allowed range, and writes nothing", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const timesCheaper = labelled("x cheaper per year", editorSection());
    type(timesCheaper, "0");
    await afterWriteDelay();
    expect(errorFor(timesCheaper)).toBe("0 is out of range. Enter a number from 0.1 to 1,000,000: 1 = flat prices, 0.5 = prices double each year, 0.1 = they rise tenfold.");
    expect(timesCheaper.getAttribute("aria-invalid")).toBe("true");
    expect(timesCheaper.getAttribute("aria-describedby")).toContain(`${timesCheaper.id}-error`);
    expect(workbook.writes()).toEqual([]);

    const floor = labelled("Floor, % of today's price", editorSection());
    type(timesCheaper, "10");
    type(floor, "150");
    await afterWriteDelay();
    expect(errorFor(timesCheaper)).toBe("");
    expect(timesCheaper.hasAttribute("aria-invalid")).toBe(false);
    expect(errorFor(floor)).toBe("150% is out of range. Enter a percentage from 0 to 100.");
    expect(workbook.writes()).toEqual([]);
  });

  test("a valid value redraws the chart at once and is written when typing pauses", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    type(labelled("Today's price, USD per million tokens"), "10");
    const timesCheaper = labelled("x cheaper per year", editorSection());
    type(timesCheaper, "2");
    // Before any write: baseline with m = 1/2, f = 0.01 from $10 at month 12 = 10 * (0.01 + 0.99 * 0.5) = 5.05
    expect(tableValue("baseline", 12)).toBeCloseTo(5.05, 10);
    expect(workbook.writes().filter((call) => call.method === "updateScenario")).toEqual([]);
    await afterWriteDelay();
    expect(workbook.writes().filter((call) => call.method === "updateScenario")).toEqual([
      { method: "updateScenario", args: ["baseline", { annualPriceMultiplier: 0.5, floorShare: 0.01 }] },
    ]);
    expect(workbook.rows[1].annualPriceMultiplier).toBe(0.5);
    expect(status()).toBe("Updated baseline: 2x cheaper per year, floor 1% of today's price.");
  });

  test("Reset to preset restores the preset's values, for presets only", async () => {
    const workbook = new FakeWorkbook();
    workbook.rows[2].annualPriceMultiplier = 0.3;
    workbook.rows.push({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "", isPreset: false, problems: [] });
    workbook.activeScenarioName = "aggressive";
    await mount(workbook);
    expect(labelled("x cheaper per year", editorSection()).value).toBe("3.33333"); // 1/0.3
    buttonNamed("Reset to preset").click();
    await settle();
    // Values and the source note together (the note rule: Reset restores both).
    expect(workbook.writes()).toEqual([
      { method: "updateScenario", args: ["aggressive", { annualPriceMultiplier: 0.025, floorShare: 0.001, note: PRESET_SCENARIOS[2].sourceNote }] },
    ]);
    expect(labelled("x cheaper per year", editorSection()).value).toBe("40");
    expect(labelled("Floor, % of today's price", editorSection()).value).toBe("0.1");

    choose(radio("team"));
    await settle();
    expect(buttonNamed("Reset to preset").hidden).toBe(true);
  });

  test("a table edit made elsewhere refills the editor", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    workbook.changeElsewhere((book) => (book.rows[1].floorShare = 0.05));
    await settle();
    expect(labelled("Floor, % of today's price", editorSection()).value).toBe("5");
    expect(tableValue("baseline", 12)).toBeCloseTo(10 * (0.05 + 0.95 * 0.1), 10); // reference $10: 1.45
  });
});

describe("adding a scenario", () => {
  test("validates every field, then appends the row and, when asked, makes it active", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const form = addForm();
    buttonNamed("Add scenario").click();
    await settle();
    expect(errorFor(labelled("Name", form))).toBe("Enter a name for the scenario, e.g. team estimate.");
    expect(errorFor(labelled("x cheaper per year", form))).toMatch(/^Enter how many times cheaper per year/);
    expect(workbook.writes()).toEqual([]);

    type(labelled("Name", form), "BASELINE");
    type(labelled("x cheaper per year", form), "5");
    type(labelled("Floor, % of today's price", form), "2");
    buttonNamed("Add scenario").click();
    await settle();
    expect(errorFor(labelled("Name", form))).toBe('A scenario called "baseline" already exists. Choose another name.');
    expect(workbook.writes()).toEqual([]);

    type(labelled("Name", form), " team ");
    labelled("Make it the active scenario", form).click();
    buttonNamed("Add scenario").click();
    await settle();
    expect(workbook.writes()).toEqual([
      { method: "addScenario", args: [{ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.02, note: "Custom scenario added from the AICOST task pane." }] },
      { method: "setActiveScenario", args: ["team"] },
    ]);
    expect(radio("team").checked).toBe(true);
    expect(labelled("Name", form).value).toBe("");
    expect(labelled("Make it the active scenario", form).checked).toBe(false);
  });

  test("adds a scenario without making it active unless asked, and Enter in a field submits the form", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const form = addForm();
    type(labelled("Name", form), "team");
    type(labelled("x cheaper per year", form), "5");
    type(labelled("Floor, % of today's price", form), "2");
    labelled("Floor, % of today's price", form).dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    expect(workbook.writes()).toEqual([
      { method: "addScenario", args: [{ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.02, note: "Custom scenario added from the AICOST task pane." }] },
    ]);
    expect(radio("baseline").checked).toBe(true);
    expect(status()).toBe("Added team to the scenarios table; the active scenario is still baseline.");
  });

  test.each([
    ["x cheaper per year", "3,5", '"3,5" uses a comma for decimals; type a point instead, e.g. 3.5. Enter a number from 0.1 to 1,000,000, e.g. 10 for ten times cheaper per year.'],
    ["Floor, % of today's price", "0,5", '"0,5" uses a comma for decimals; type a point instead, e.g. 0.5. Enter a percentage from 0 to 100, e.g. 1 for 1% of today\'s price.'],
  ])("%s of %p is refused with a message, never read as a number ten times larger", async (label, typed, message) => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const form = addForm();
    type(labelled("Name", form), "team");
    type(labelled("x cheaper per year", form), "5");
    type(labelled("Floor, % of today's price", form), "2");
    type(labelled(label, form), typed);
    buttonNamed("Add scenario").click();
    await settle();
    expect(errorFor(labelled(label, form))).toBe(message);
    expect(workbook.writes()).toEqual([]);
  });
});

describe("renaming and deleting your own scenarios", () => {
  const ownSection = (): HTMLElement => [...root.querySelectorAll("details")].find((details) => details.querySelector("summary")?.textContent === "Rename or delete your scenarios") as HTMLElement;
  const ariaButton = (label: string): HTMLButtonElement => root.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement;
  function withTeam(active = false): FakeWorkbook {
    const workbook = new FakeWorkbook();
    workbook.rows.push({ name: "team", annualPriceMultiplier: 0.2, floorShare: 0.05, note: "", isPreset: false, problems: [] });
    if (active) workbook.activeScenarioName = "team";
    return workbook;
  }

  test("lists only your own scenarios and says why presets cannot be renamed or deleted", async () => {
    await mount(withTeam());
    const rows = [...ownSection().querySelectorAll<HTMLElement>("[data-scenario]")].map((row) => row.dataset.scenario);
    expect(rows).toEqual(["team"]);
    expect(ownSection().textContent).toMatch(/presets \(pessimistic, baseline, aggressive\) cannot be renamed or deleted/);
  });

  test("renames after checking the new name, with Enter or Save", async () => {
    const workbook = withTeam();
    await mount(workbook);
    ariaButton("Rename team").click();
    const field = labelled("New name for team");
    type(field, "Baseline");
    buttonNamed("Save name").click();
    await settle();
    expect(errorFor(labelled("New name for team"))).toBe('A scenario called "baseline" already exists. Choose another name.');
    expect(workbook.writes()).toEqual([]);
    type(labelled("New name for team"), "team 2027");
    labelled("New name for team").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    expect(workbook.writes()).toEqual([{ method: "renameScenario", args: ["team", "team 2027"] }]);
    expect(status()).toBe("Renamed team to team 2027.");
    expect(radios().map((each) => each.value)).toContain("team 2027");
  });

  test("asks before deleting, and Keep it writes nothing", async () => {
    const workbook = withTeam();
    await mount(workbook);
    ariaButton("Delete team").click();
    expect(ownSection().querySelector("[role=alert]")?.textContent).toBe("Delete team? Its row is removed from the table; formulas that read that row show #REF!.");
    buttonNamed("Keep it").click();
    expect(workbook.writes()).toEqual([]);
    ariaButton("Delete team").click();
    buttonNamed("Yes, delete team").click();
    await settle();
    expect(workbook.writes()).toEqual([{ method: "deleteScenario", args: ["team"] }]);
    expect(status()).toBe("Deleted team from the scenarios table; the active scenario is baseline.");
  });

  test("deleting the active scenario says first that baseline becomes active", async () => {
    const workbook = withTeam(true);
    await mount(workbook);
    ariaButton("Delete team").click();
    expect(ownSection().querySelector("[role=alert]")?.textContent).toBe(
      "team is the active scenario. Delete it? Its row is removed from the table and baseline becomes the active scenario.",
    );
    buttonNamed("Yes, delete team").click();
    await settle();
    expect(radio("baseline").checked).toBe(true);
  });
});

describe("the chart's reference price and horizon", () => {
  test("defaults to the selected cell's positive number, follows the selection, else $10", async () => {
    const workbook = new FakeWorkbook();
    workbook.selectedNumber = 3;
    await mount(workbook);
    expect(tableValue("baseline", 0)).toBe(3);
    // 3 * (0.01 + 0.99 * 0.001) = 3 * 0.01099 at month 36
    expect(tableValue("baseline", 36)).toBeCloseTo(0.03297, 12);
    expect(root.textContent).toContain("Using the selected cell: $3.00.");

    workbook.selectElsewhere(-4);
    await settle();
    expect(tableValue("baseline", 0)).toBe(10);
    expect(root.textContent).toContain("Using $10.00. Select a cell with a price, or type one.");
  });

  test("a typed price and horizon redraw the chart and persist in the document's settings", async () => {
    const workbook = new FakeWorkbook();
    workbook.selectedNumber = 3;
    await mount(workbook);
    type(labelled("Today's price, USD per million tokens"), "$12");
    type(labelled("Horizon, months"), "24");
    expect(tableValue("pessimistic", 0)).toBe(12);
    expect(tableValue("pessimistic", 24)).toBeCloseTo(12 * (0.25 + 0.75 * 0.25), 12); // 12 * 0.4375 = 5.25
    expect(root.querySelector("tr[data-scenario=pessimistic] td[data-month='36']")).toBeNull();
    await afterWriteDelay();
    expect(workbook.writes()).toEqual([{ method: "savePreferences", args: [{ referencePriceUsd: 12, horizonMonths: 24 }] }]);
  });

  test("saved preferences are loaded, and invalid ones are refused without saving", async () => {
    const workbook = new FakeWorkbook();
    workbook.preferences = { referencePriceUsd: 20, horizonMonths: 12 };
    await mount(workbook);
    expect(labelled("Today's price, USD per million tokens").value).toBe("20");
    expect(labelled("Horizon, months").value).toBe("12");
    expect(tableValue("baseline", 12)).toBeCloseTo(20 * 0.109, 12);
    const horizon = labelled("Horizon, months");
    type(horizon, "0");
    await afterWriteDelay();
    expect(errorFor(horizon)).toBe("0 is out of range. Enter a whole number of months from 1 to 1200.");
    expect(workbook.writes()).toEqual([]);
  });
});

describe("the uncertainty band on the chart (issue 11)", () => {
  function bandValue(edge: "p10" | "p90", month: number): number {
    return Number(root.querySelector(`tr[data-band="${edge}"] td[data-month="${month}"]`)?.getAttribute("data-value"));
  }

  test("the text alternative lists the band's P10 and P90 at the chart's price, and the chart says it is shaded", async () => {
    const workbook = new FakeWorkbook();
    workbook.preferences = { referencePriceUsd: 10, horizonMonths: 12 };
    await mount(workbook);
    // 10 * (0.01 + 0.99 * 0.02) = 0.298 and 10 * (0.01 + 0.99 * 0.2) = 2.08, around baseline's 10 * 0.109 = 1.09
    expect(bandValue("p10", 12)).toBeCloseTo(0.298, 12);
    expect(bandValue("p90", 12)).toBeCloseTo(2.08, 12);
    expect(tableValue("baseline", 12)).toBeCloseTo(1.09, 12);
    expect(root.querySelector("tr[data-band=p90] th")?.textContent).toBe("Band P90 (evidence)");
    expect(root.querySelector("canvas")?.getAttribute("aria-label")).toMatch(/with the uncertainty band from its P10 to its P90 shaded/);
  });

  test("follows the band's edits in the workbook, and shows none without a valid band", async () => {
    const workbook = new FakeWorkbook();
    workbook.preferences = { referencePriceUsd: 10, horizonMonths: 12 };
    workbook.band = { label: "team", annualPriceMultiplierP10: 0.05, annualPriceMultiplierP50: 0.1, annualPriceMultiplierP90: 0.3, floorShare: 0.02 };
    await mount(workbook);
    // 10 * (0.02 + 0.98 * 0.3) = 3.14
    expect(bandValue("p90", 12)).toBeCloseTo(3.14, 12);
    await fixture.unmount();
    root.replaceChildren();
    const withoutBand = new FakeWorkbook();
    withoutBand.band = null;
    await mount(withoutBand);
    expect(root.querySelector("tr[data-band]")).toBeNull();
    expect(root.querySelector("canvas")?.getAttribute("aria-label")).not.toMatch(/band/);
  });
});

describe("set-up, repair and insert", () => {
  test("a workbook without the sheet offers Set up, which creates it", async () => {
    const workbook = new FakeWorkbook({ sheetExists: false });
    await mount(workbook);
    expect(root.textContent).toContain("This workbook has no AICOST Assumptions sheet yet.");
    expect(radios()).toEqual([]);
    expect(buttonNamed("Insert projection").closest("section")?.hidden).toBe(true);
    // The chart still shows the presets as formulas would use them, baseline active.
    expect(root.querySelector("tr[data-scenario=baseline] th")?.textContent).toBe("baseline (active)");

    buttonNamed("Set up workbook").click();
    await settle();
    expect(workbook.writes()).toEqual([{ method: "setUpAssumptions", args: [] }]);
    expect(radios().map((each) => each.value)).toEqual(["pessimistic", "baseline", "aggressive"]);
    expect(status()).toBe("Set up the AICOST Assumptions sheet with the three preset scenarios.");
    expect(root.textContent).not.toContain("Set up workbook");
  });

  test("a damaged sheet lists its problems in plain words; Repair keeps custom rows", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheetProblems = ["The name AICOST_SCENARIO is missing; Repair adds it."];
    workbook.rows.splice(0, 1); // pessimistic deleted
    workbook.rows.push({ name: "team", annualPriceMultiplier: null, floorShare: 0.05, note: "", isPreset: false, problems: ["B14 holds text; enter a number above 0 such as 0.1"] });
    await mount(workbook);
    const items = [...root.querySelectorAll("section[aria-label='Workbook set-up'] li")].map((item) => item.textContent);
    expect(items).toEqual(["The name AICOST_SCENARIO is missing; Repair adds it.", "team: B14 holds text; enter a number above 0 such as 0.1"]);

    buttonNamed("Repair").click();
    await settle();
    expect(workbook.writes()).toEqual([{ method: "setUpAssumptions", args: [] }]);
    expect(radios().map((each) => each.value)).toEqual(["pessimistic", "baseline", "aggressive", "team"]);
    // The user's invalid value is kept, so the notice stays, and the status says so instead of "Repaired".
    const remaining = [...root.querySelectorAll("section[aria-label='Workbook set-up'] li")].map((item) => item.textContent);
    expect(remaining).toEqual(["team: B14 holds text; enter a number above 0 such as 0.1"]);
    expect(status()).toBe("Repaired what a repair can fix and kept your own scenarios; one problem is left for you to fix, listed above.");
  });

  test("a repair that leaves nothing to fix says Repaired, and the notice goes", async () => {
    const workbook = new FakeWorkbook();
    workbook.sheetProblems = ["The name AICOST_SCENARIO is missing; Repair adds it."];
    await mount(workbook);
    buttonNamed("Repair").click();
    await settle();
    expect(root.querySelector<HTMLElement>("section[aria-label='Workbook set-up']")?.hidden).toBe(true);
    expect(status()).toBe("Repaired the AICOST Assumptions sheet; your own scenarios were kept.");
  });

  test("Insert projection sends the horizon and reference price and says where the block went", async () => {
    const workbook = new FakeWorkbook();
    workbook.selectedNumber = 3;
    await mount(workbook);
    buttonNamed("Insert projection").click();
    await settle();
    expect(workbook.writes()).toEqual([{ method: "insertProjection", args: [{ mode: "price", horizonMonths: 36, baseValueUsd: 3, referenceScenarioName: "baseline", bandPercentiles: false }] }]);
    expect(status()).toBe("Inserted the projection at Sheet1!B2:F39 with a line chart.");
  });

  test("Insert projection in cost mode sends the monthly cost and the reference chosen, or none", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const mode = root.querySelector<HTMLSelectElement>("select[id$=insert-mode]") as HTMLSelectElement;
    const reference = root.querySelector<HTMLSelectElement>("select[id$=insert-reference]") as HTMLSelectElement;
    expect([...reference.options].map((option) => option.textContent)).toEqual(["No comparison", "pessimistic", "baseline", "aggressive"]);
    mode.value = "cost";
    mode.dispatchEvent(new Event("change"));
    const cost = root.querySelector<HTMLInputElement>("input[id$=insert-cost]") as HTMLInputElement;
    expect(cost.closest<HTMLElement>(".aicost-field")?.hidden).toBe(false);
    cost.value = "$12,500";
    reference.value = "aggressive";
    buttonNamed("Insert projection").click();
    await settle();
    expect(workbook.writes()).toEqual([{ method: "insertProjection", args: [{ mode: "cost", horizonMonths: 36, baseValueUsd: 12500, referenceScenarioName: "aggressive", bandPercentiles: false }] }]);
    reference.value = "";
    buttonNamed("Insert projection").click();
    await settle();
    expect(workbook.writes()[1]).toEqual({ method: "insertProjection", args: [{ mode: "cost", horizonMonths: 36, baseValueUsd: 12500, referenceScenarioName: null, bandPercentiles: false }] });
    // The band's columns, asked for by their checkbox (its label names AICOST_BAND).
    const band = root.querySelector<HTMLInputElement>("input[id$=insert-band]") as HTMLInputElement;
    expect(root.querySelector(`label[for="${band.id}"]`)?.textContent).toMatch(/P10, P50 and P90 .*AICOST_BAND/);
    band.checked = true;
    buttonNamed("Insert projection").click();
    await settle();
    expect(workbook.writes()[2]).toEqual({ method: "insertProjection", args: [{ mode: "cost", horizonMonths: 36, baseValueUsd: 12500, referenceScenarioName: null, bandPercentiles: true }] });
  });

  test.each([
    ["", /^Enter today's monthly cost in USD/],
    ["lots", /^"lots" is not a number/],
    ["-5", /^\$-5 is out of range/],
  ])("a monthly cost of %p is refused with a message under the field, and nothing is inserted", async (typed, message) => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    const mode = root.querySelector<HTMLSelectElement>("select[id$=insert-mode]") as HTMLSelectElement;
    mode.value = "cost";
    mode.dispatchEvent(new Event("change"));
    const cost = root.querySelector<HTMLInputElement>("input[id$=insert-cost]") as HTMLInputElement;
    cost.value = typed;
    buttonNamed("Insert projection").click();
    await settle();
    expect(workbook.writes()).toEqual([]);
    expect(cost.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${cost.id}-error`)?.textContent).toMatch(message);
  });

  test("a failed insert is reported and the button works again", async () => {
    const workbook = new FakeWorkbook();
    workbook.failNext.insertProjection = "The selected range is protected.";
    await mount(workbook);
    buttonNamed("Insert projection").click();
    await settle();
    expect(status()).toBe("Could not insert the projection: The selected range is protected.");
    expect(buttonNamed("Insert projection").disabled).toBe(false);
  });
});

describe("connection, theme, problems and clean-up", () => {
  test.each([
    ["standalone", /^Not connected to Excel/],
    ["preview", /^Preview workbook/],
  ] as const)("connection %s shows its notice", async (connection, notice) => {
    await mount(new FakeWorkbook(), { connection });
    expect(root.querySelector(".aicost-notice")?.textContent).toMatch(notice);
  });

  test("in Excel there is no connection notice, and missing requirement sets are listed", async () => {
    await mount(new FakeWorkbook(), { connection: "excel", problems: ["ExcelApi 1.8 (needed for the scenario dropdown)"] });
    expect(root.textContent).not.toMatch(/Not connected|Preview workbook/);
    expect([...root.querySelectorAll(".aicost-notice li")].map((item) => item.textContent)).toEqual(["ExcelApi 1.8 (needed for the scenario dropdown)"]);
    expect(status()).toBe("This version of Excel lacks: ExcelApi 1.8 (needed for the scenario dropdown).");
  });

  test.each([
    ["dark", "dark"],
    ["light", "light"],
    [null, "light"], // no Office theme and no prefers-color-scheme support in jsdom
  ] as const)("theme %p renders as %s with its Fluent tokens", async (theme, rendered) => {
    await mount(new FakeWorkbook(), { theme });
    const paneRoot = root.querySelector<HTMLElement>("[data-testid=aicost-taskpane]");
    expect(paneRoot?.dataset.theme).toBe(rendered);
    const css = document.getElementById("aicost-taskpane-styles")?.textContent ?? "";
    expect(css).toContain(`.aicost-pane[data-theme="${rendered}"]{--`);
    // Every rule is scoped to the pane, so a host page keeps its own styles.
    const selectors = css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\{[^}]*\}/g, "\n").split("\n").map((line) => line.trim()).filter(Boolean);
    expect(selectors.filter((selector) => !selector.split(",").every((part) => part.trim().startsWith(".aicost-pane")))).toEqual([]);
  });

  test("destroy unsubscribes from the workbook and removes the pane and its styles", async () => {
    const workbook = new FakeWorkbook();
    await mount(workbook);
    expect(workbook.assumptionListeners.size).toBe(1);
    expect(workbook.selectionListeners.size).toBe(1);
    await fixture.unmount(); // the handle's destroy()
    expect(workbook.assumptionListeners.size).toBe(0);
    expect(workbook.selectionListeners.size).toBe(0);
    expect(root.children.length).toBe(0);
    expect(document.getElementById("aicost-taskpane-styles")).toBeNull();
  });

  test("refresh re-reads the workbook", async () => {
    const workbook = new FakeWorkbook();
    const handle = await mount(workbook);
    workbook.activeScenarioName = "aggressive"; // no event fired
    await handle.refresh();
    expect(radio("aggressive").checked).toBe(true);
  });
});
