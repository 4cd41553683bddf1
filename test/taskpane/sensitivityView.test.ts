/**
 * @jest-environment jsdom
 */
/* The sensitivity view in the pane, on the pane tests' in-memory workbook: its model's output is
 * tickets x price (100 x 3 = 300). Drawing is checked in the browser; here the tornado's data is
 * read from its text alternative. */
import { defaultRange, formatAmount } from "../../src/taskpane/sensitivityView";
import { FakeWorkbook } from "./fakeWorkbook";
import { buttonNamed, paneFixture, settle } from "./paneHarness";

jest.mock("../../src/taskpane/chart", () => ({ PriceChart: class { update(): void {} destroy(): void {} } }));
const tornadoCharts: unknown[] = [];
jest.mock("../../src/taskpane/tornadoChart", () => ({
  TornadoChart: class {
    constructor(_canvas: unknown, tornado: unknown) {
      tornadoCharts.push(tornado);
    }
    update(): void {}
    destroy(): void {}
  },
}));

const pane = paneFixture();
beforeEach(() => {
  tornadoCharts.length = 0;
});

async function mount(workbook: FakeWorkbook): Promise<HTMLElement> {
  await pane.mount(workbook);
  return pane.root().querySelector("[data-testid=sensitivity-view]") as HTMLElement;
}

function click(view: HTMLElement, label: string): void {
  buttonNamed(view, label).click();
}

const text = (view: HTMLElement, id: string): string => view.querySelector(`[data-testid=${id}]`)?.textContent ?? "";

describe("defaultRange", () => {
  it("is 20% either side of a number, a share kept within 0 to 1, m and f from the presets", () => {
    expect(defaultRange({ address: "S!B1", label: "x", value: 3 }, "other")).toEqual({ lowValue: 2.4, highValue: expect.closeTo(3.6, 12) });
    expect(defaultRange({ address: "S!B1", label: "x", value: 0.9 }, "other")).toEqual({ lowValue: expect.closeTo(0.72, 12), highValue: 1 });
    expect(defaultRange({ address: "S!B1", label: "m", value: 0.1 }, "m")).toEqual({ lowValue: 0.025, highValue: 0.5 });
    expect(defaultRange({ address: "S!B1", label: "f", value: 0.01 }, "f")).toEqual({ lowValue: 0.001, highValue: 0.25 });
  });

  it("formats amounts with at most two decimals", () => {
    expect(formatAmount(1234.5678)).toBe("1,234.57");
  });
});

describe("the sensitivity view", () => {
  test("uses the selected cell as output, lists its inputs with default ranges, runs, and puts every cell back", async () => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    const modelBefore = new Map(workbook.model);
    click(view, "Use selected cell as output");
    await settle();
    expect(text(view, "sensitivity-output")).toBe("Output: Cost (Model!B3), now 300.");
    expect([...view.querySelectorAll("[data-testid=sensitivity-inputs] legend")].map((legend) => legend.textContent)).toEqual(["Tickets (now 100)", "Price (now 3)"]);
    const lows = [...view.querySelectorAll<HTMLInputElement>("[data-testid=sensitivity-inputs] input")].map((input) => input.value);
    expect(lows).toEqual(["80", "120", "2.4", "3.6"]);
    click(view, "Run");
    await settle();
    await settle();
    // tickets 80..120 at 3: 240..360, swing 120; price 2.4..3.6 x 100: 240..360, swing 120 (a tie keeps the order)
    const rows = [...view.querySelectorAll("[data-testid=tornado-table] tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Tickets", "80", "120", "240", "360", "120"],
      ["Price", "2.4", "3.6", "240", "360", "120"],
    ]);
    expect(text(view, "sensitivity-status")).toMatch(/^Done; every input is back as it was\. Tickets moves the output most/);
    expect(tornadoCharts).toHaveLength(1);
    expect(workbook.model).toEqual(modelBefore);
  });

  test("an edited range is used; an invalid one disables Run and says what to enter", async () => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    click(view, "Use selected cell as output");
    await settle();
    const [low] = [...view.querySelectorAll<HTMLInputElement>("[data-testid=sensitivity-inputs] input")];
    low.value = "lots";
    low.dispatchEvent(new Event("input"));
    const run = [...view.querySelectorAll("button")].find((each) => each.textContent === "Run") as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(view.textContent).toContain("Enter a number.");
    low.value = "50";
    low.dispatchEvent(new Event("input"));
    expect(run.disabled).toBe(false);
    run.click();
    await settle();
    await settle();
    const first = view.querySelector("[data-testid=tornado-table] tbody tr");
    // tickets 50..120 at 3: 150..360, swing 210, now the largest
    expect([...(first?.children ?? [])].map((cell) => cell.textContent)).toEqual(["Tickets", "50", "120", "150", "360", "210"]);
  });

  test("where the host cannot trace precedents, the user adds inputs by selecting them", async () => {
    const workbook = new FakeWorkbook();
    workbook.tracesPrecedents = false;
    const view = await mount(workbook);
    click(view, "Use selected cell as output");
    await settle();
    expect(text(view, "sensitivity-status")).toMatch(/cannot find the cells a formula depends on: select each input cell/);
    workbook.selectedCellAddress = "Model!B2";
    click(view, "Add selected cell as input");
    await settle();
    expect([...view.querySelectorAll("[data-testid=sensitivity-inputs] legend")].map((legend) => legend.textContent)).toEqual(["Price (now 3)"]);
    click(view, "Add selected cell as input");
    await settle();
    expect(text(view, "sensitivity-status")).toBe("Model!B2 is already listed.");
  });

  test("refuses an output that holds no number, and a failing sweep says every input is back", async () => {
    const workbook = new FakeWorkbook();
    workbook.selectedCellAddress = null;
    const view = await mount(workbook);
    click(view, "Use selected cell as output");
    await settle();
    expect(text(view, "sensitivity-status")).toBe("Select the output cell first.");
    workbook.selectedCellAddress = "Model!B3";
    click(view, "Use selected cell as output");
    await settle();
    workbook.outputOf = () => Number.NaN;
    click(view, "Run");
    await settle();
    await settle();
    expect(text(view, "sensitivity-status")).toMatch(/^Could not run the sensitivity: .*Every input is back as it was\.$/);
    expect(workbook.model.get("Model!B1")).toBe(100);
  });

  test("Insert as table hands the tornado's rows to the workbook and reports where they went", async () => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    click(view, "Use selected cell as output");
    await settle();
    click(view, "Run");
    await settle();
    await settle();
    click(view, "Insert as table");
    await settle();
    expect(workbook.inserted[0].map((row) => row.label)).toEqual(["Tickets", "Price"]);
    expect(text(view, "sensitivity-status")).toBe("Inserted the sensitivity table at Model!D1:I3.");
  });
});
