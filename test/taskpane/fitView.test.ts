/**
 * @jest-environment jsdom
 */
/* "Fit a scenario from data" in the pane, on the FakeWorkbook: the shipped GPT-4-level series
 * and a range read through the port, the statistics shown, the row added with a note naming the
 * data, and bad input (an unreadable range, too few points, a bad name or floor) writing nothing. */
import { FakeWorkbook } from "./fakeWorkbook";
import { buttonNamed, byLabel, paneFixture, settle } from "./paneHarness";

jest.mock("../../src/taskpane/chart", () => ({ PriceChart: class { update(): void {} destroy(): void {} } }));
jest.mock("../../src/taskpane/fitChart", () => ({ FitChart: class { update(): void {} destroy(): void {} } }));

const pane = paneFixture();
const root = (): HTMLElement => pane.root();

async function mount(workbook: FakeWorkbook): Promise<HTMLElement> {
  await pane.mount(workbook);
  return root().querySelector('[data-testid="aicost-fit"]') as HTMLElement;
}

async function click(view: HTMLElement, text: string): Promise<void> {
  buttonNamed(view, text).click();
  await settle();
  await settle();
}

const status = (): string => root().querySelector(".aicost-status")?.textContent ?? "";

test("fits the shipped GPT-4-level series (m = 0.0237, 42x, r2 0.76, n 6) and adds it as a scenario whose note names the data", async () => {
  const workbook = new FakeWorkbook();
  const view = await mount(workbook);
  await click(view, "Fit");
  const result = view.querySelector('[data-testid="aicost-fit-result"]') as HTMLElement;
  expect(result.hidden).toBe(false);
  // docs/PRICES.md: m = 0.0237 (42.1x), 90% interval 4.4x to 403x, r2 0.76, halving 2.2 months
  expect(result.textContent).toContain("m = 0.0237: 42.1x cheaper per year");
  expect(result.textContent).toContain("90% interval: 4.40x to 403x cheaper per year");
  expect(result.textContent).toContain("r2 = 0.76, n = 6");
  expect(result.textContent).toContain("prices halve every 2.2 months");
  expect(result.querySelectorAll("tbody tr")).toHaveLength(6);
  byLabel<HTMLInputElement>(view, "Scenario name").value = "gpqa fit";
  await click(view, "Add as scenario");
  const [call] = workbook.writes();
  expect(call.method).toBe("addScenario");
  const row = call.args[0] as { name: string; annualPriceMultiplier: number; floorShare: number; note: string };
  expect(row.name).toBe("gpqa fit");
  expect(row.annualPriceMultiplier).toBeCloseTo(0.0237379029745444, 12);
  expect(row.floorShare).toBe(0.01);
  expect(row.note).toBe("fitted: GPQA Diamond series, Epoch AI, n=6, r2=0.76, 2023-03..2024-12; the floor is judgement, not fitted.");
});

test("fits a range read through the port, skipping its header row: the brief's $37.5 -> $0.25 in 21 months gives 17.5x", async () => {
  const workbook = new FakeWorkbook();
  workbook.ranges["A1:B3"] = [["Date", "Price"], [44999, 37.5], [44999 + 639.1875, 0.25]];
  const view = await mount(workbook);
  const source = byLabel<HTMLSelectElement>(view, "Data");
  source.value = "range";
  source.dispatchEvent(new Event("change"));
  expect(byLabel<HTMLInputElement>(view, "Range of dates and prices").closest(".aicost-field")?.hasAttribute("hidden")).toBe(false);
  byLabel<HTMLInputElement>(view, "Range of dates and prices").value = "A1:B3";
  await click(view, "Fit");
  // (0.25 / 37.5)^(12/21) = 0.0571, 1/m = 17.5
  expect(view.textContent).toContain("m = 0.0571: 17.5x cheaper per year");
  expect(view.textContent).toContain("90% interval: none from two points");
  await click(view, "Add as scenario");
  expect((workbook.writes()[0].args[0] as { note: string }).note).toBe("fitted: Sheet1!A1:B3, n=2, r2=1.00, 2023-03..2024-12; the floor is judgement, not fitted.");
});

test.each<[string, unknown[][] | undefined, RegExp]>([
  ["an address the workbook cannot read", undefined, /^Could not read nowhere: /],
  ["one dated price", [[44999, 37.5]], /^Could not fit: A fit needs at least 2 dated prices; got 1/],
  ["a price of 0", [[44999, 37.5], [45100, 0]], /^Could not fit: prices must be above 0/],
  ["three columns", [[44999, 37.5, 1], [45100, 2, 1], [45200, 1, 1]], /^Could not fit: Sheet1!nowhere must be two columns/],
  ["prices where the dates should be", [[37.5, 44999], [0.25, 45638]], /^Could not fit: 37.5 is not an Excel date/],
])("a range with %s is refused and nothing is written", async (_case, values, message) => {
  const workbook = new FakeWorkbook();
  if (values !== undefined) workbook.ranges.nowhere = values;
  const view = await mount(workbook);
  const source = byLabel<HTMLSelectElement>(view, "Data");
  source.value = "range";
  byLabel<HTMLInputElement>(view, "Range of dates and prices").value = "nowhere";
  await click(view, "Fit");
  expect(status()).toMatch(message);
  expect(workbook.writes()).toEqual([]);
});

test("a name already in the table or a floor out of range is refused at the field, and nothing is added", async () => {
  const workbook = new FakeWorkbook();
  const view = await mount(workbook);
  await click(view, "Fit");
  byLabel<HTMLInputElement>(view, "Scenario name").value = "Baseline";
  await click(view, "Add as scenario");
  expect(view.textContent).toMatch(/already/);
  byLabel<HTMLInputElement>(view, "Scenario name").value = "new fit";
  byLabel<HTMLInputElement>(view, "Floor, % of today's price").value = "150";
  await click(view, "Add as scenario");
  expect(workbook.writes()).toEqual([]);
  expect(byLabel<HTMLInputElement>(view, "Floor, % of today's price").getAttribute("aria-invalid")).toBe("true");
});
