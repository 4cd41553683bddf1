/**
 * @jest-environment jsdom
 */
/* The pane's Prices view on the in-memory FakeWorkbook: search, Add to workbook (never over a
 * user's row without asking), Insert at the selected cell (formula or value, never over a filled
 * cell without asking), Check for newer prices (offers rows, changes none), and bad input. */
import { priceRowInputs } from "../../src/sheet/pricesSheet";
import type { ModelPriceRow } from "../../src/core/priceCatalog";
import { FakeWorkbook } from "./fakeWorkbook";
import { buttonNamed, byLabel, paneFixture, settle } from "./paneHarness";

jest.mock("../../src/taskpane/chart", () => ({
  PriceChart: class {
    update(): void {}
    destroy(): void {}
  },
}));

const pane = paneFixture();
const root = (): HTMLElement => pane.root();

async function mount(workbook: FakeWorkbook): Promise<HTMLElement> {
  await pane.mount(workbook);
  return root().querySelector('[data-testid="aicost-prices"]') as HTMLElement;
}

async function search(view: HTMLElement, query: string): Promise<void> {
  const input = byLabel<HTMLInputElement>(view, "Search models or providers");
  input.value = query;
  input.dispatchEvent(new Event("input"));
  await settle();
}

function tick(view: HTMLElement, model: string): void {
  const box = view.querySelector<HTMLInputElement>(`li[data-model="${model}"] input[type=checkbox]`);
  if (box == null) throw new Error(`no result ${model}`);
  box.checked = !box.checked;
  box.dispatchEvent(new Event("change"));
}

async function click(button: HTMLButtonElement): Promise<void> {
  button.click();
  await settle();
  await settle();
}

function status(): string {
  return root().querySelector(".aicost-status")?.textContent ?? "";
}

// data/prices.csv: o3 launched at $10 / $40 (2025-04-16) and was cut to $2 / $8 (2025-06-10).
const o3Launch: ModelPriceRow = { model: "o3", provider: "OpenAI", effectiveFrom: "2025-04-16", usdPerMillionTokens: { input: 10, output: 40, cached_input: 2.5 }, source: "launch", note: "" };

describe("the Prices view", () => {
  test("searches the catalog by model or provider and shows each price with its date and source", async () => {
    const view = await mount(new FakeWorkbook());
    await search(view, "o3");
    const o3 = view.querySelector('li[data-model="o3"]') as HTMLElement;
    expect(o3.textContent).toMatch(/o3 · OpenAI/);
    expect(o3.textContent).toMatch(/input \$2\.00 · output \$8\.00 · cached input \$0\.5 per million tokens; from 2025-06-10; price: LiteLLM map/);
    expect(o3.textContent).toMatch(/1 earlier price in the catalog/);
    await search(view, "anthropic haiku");
    const models = [...view.querySelectorAll("li[data-model]")].map((each) => each.getAttribute("data-model"));
    expect(models.length).toBeGreaterThan(1);
    expect(models.every((model) => /haiku/.test(model ?? ""))).toBe(true);
    await search(view, "zzz-nothing");
    expect(view.querySelectorAll("li[data-model]")).toHaveLength(0);
    expect(view.textContent).toContain('No model or provider matches "zzz-nothing".');
  });

  test("Add to workbook writes the ticked models' newest rows, creating the sheet; with nothing ticked it says what to do", async () => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    expect(view.textContent).toContain("This workbook has no AICOST Prices sheet yet");
    await click(buttonNamed(view, "Add to workbook"));
    expect(status()).toMatch(/^Tick the models to add first/);
    expect(workbook.writes()).toEqual([]);
    await search(view, "o3");
    tick(view, "o3");
    await click(buttonNamed(view, "Add to workbook"));
    const [call] = workbook.writes();
    expect(call.method).toBe("addPriceRows");
    expect(call.args[0]).toEqual([expect.objectContaining({ model: "o3", effectiveFrom: "2025-06-10", usdPerMillionTokens: { input: 2, output: 8, cached_input: 0.5 } })]);
    expect(status()).toBe("Added o3 from 2025-06-10 to the AICOST Prices sheet (created it).");
    expect(view.textContent).toContain("The AICOST Prices sheet holds 1 price row.");
  });

  test("a row already in the workbook with other prices is kept, listed, and replaced only when the user says so", async () => {
    const workbook = new FakeWorkbook();
    workbook.priceCells = [priceRowInputs({ ...o3Launch, effectiveFrom: "2025-06-10", usdPerMillionTokens: { input: 1.8, output: 7 } }).map((cell) => (cell === "" ? null : cell))];
    const view = await mount(workbook);
    await search(view, "o3");
    tick(view, "o3");
    await click(buttonNamed(view, "Add to workbook"));
    expect(view.textContent).toMatch(/Row 5, o3 from 2025-06-10: the workbook has input \$1\.80 · output \$7\.00 per million tokens; the catalog input \$2\.00/);
    expect(workbook.priceCells?.[0][3]).toBe(1.8);
    expect(document.activeElement?.textContent).toBe("Replace these rows");
    await click(buttonNamed(view, "Replace these rows"));
    expect(workbook.writes().at(-1)).toMatchObject({ method: "addPriceRows", args: [[expect.objectContaining({ model: "o3" })], { replaceConflicts: true }] });
    expect(workbook.priceCells?.[0][3]).toBe(2);
    expect(status()).toMatch(/Replaced row 5 \(o3\)/);
  });

  test("Insert as a formula adds the model's row when it is missing, then enters MODEL_PRICE over AICOST_PRICES", async () => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    await search(view, "o3");
    tick(view, "o3");
    byLabel<HTMLSelectElement>(view, "Price type").value = "output";
    await click(buttonNamed(view, "Insert at selected cell"));
    expect(workbook.writes().map((call) => call.method)).toEqual(["addPriceRows", "insertAtSelection"]);
    expect(workbook.selectedContent).toBe('=AICOST.MODEL_PRICE("o3","output",,AICOST_PRICES)');
    expect(status()).toMatch(/in Sheet1!B2: \$8\.00 per million tokens today, following the AICOST Prices sheet/);
    // a second insert finds the row in the table and adds nothing
    workbook.selectedContent = null;
    await click(buttonNamed(view, "Insert at selected cell"));
    expect(workbook.writes().map((call) => call.method)).toEqual(["addPriceRows", "insertAtSelection", "insertAtSelection"]);
  });

  test("Insert as a value never writes over a filled cell without asking", async () => {
    const workbook = new FakeWorkbook();
    workbook.selectedContent = 12;
    const view = await mount(workbook);
    await search(view, "gpt-4-0314");
    tick(view, "gpt-4-0314");
    byLabel<HTMLSelectElement>(view, "Price type").value = "blended";
    byLabel<HTMLSelectElement>(view, "Insert as").value = "value";
    await click(buttonNamed(view, "Insert at selected cell"));
    expect(workbook.selectedContent).toBe(12);
    expect(view.textContent).toContain("Sheet1!B2 already holds 12. Replace it with $37.50?"); // (3 x 30 + 60) / 4
    await click(buttonNamed(view, "Cancel"));
    expect(workbook.selectedContent).toBe(12);
    await click(buttonNamed(view, "Insert at selected cell"));
    await click(buttonNamed(view, "Replace it"));
    expect(workbook.selectedContent).toBe(37.5);
    expect(workbook.writes().at(-1)).toMatchObject({ method: "insertAtSelection", args: [37.5, { overwrite: true }] });
  });

  test.each<[string, string[], string, RegExp]>([
    ["no model ticked", [], "input", /^Tick the model whose price to insert/],
    ["two models ticked", ["o3", "o3-mini"], "input", /^Tick only one model to insert its price \(2 are ticked\)/],
    ["a price the model does not have", ["gpt-4-0314"], "cached_input", /^Could not insert: gpt-4-0314 has no cached_input price in the catalog/],
  ])("Insert refuses %s and writes nothing", async (_case, models, priceType, message) => {
    const workbook = new FakeWorkbook();
    const view = await mount(workbook);
    for (const model of models) {
      await search(view, model);
      tick(view, model);
    }
    byLabel<HTMLSelectElement>(view, "Price type").value = priceType;
    await click(buttonNamed(view, "Insert at selected cell"));
    expect(status()).toMatch(message);
    expect(workbook.writes()).toEqual([]);
  });

  test("Check for newer prices offers the catalog's later rows and changes no row by itself", async () => {
    const workbook = new FakeWorkbook();
    workbook.priceCells = [
      priceRowInputs(o3Launch).map((cell) => (cell === "" ? null : cell)),
      ["our-llm", "Us", 45658, 1, 2, null, "contract", null, null, null, null],
    ];
    const view = await mount(workbook);
    await click(buttonNamed(view, "Check for newer prices"));
    expect(status()).toBe("The catalog has newer prices for 1 model of the workbook; nothing was changed.");
    expect(workbook.writes()).toEqual([]);
    expect(view.textContent).toMatch(/o3 from 2025-06-10.*the workbook's newest is from 2025-04-16 \(row 5\): input \$10\.00/);
    await click(buttonNamed(view, "Add the ticked rows"));
    expect(workbook.writes()).toEqual([{ method: "addPriceRows", args: [[expect.objectContaining({ model: "o3", effectiveFrom: "2025-06-10" })], { replaceConflicts: false }] }]);
    expect(workbook.priceCells?.[0][3]).toBe(10); // the launch row is still there
    expect(workbook.priceCells?.[2][3]).toBe(2);
    await click(buttonNamed(view, "Check for newer prices"));
    expect(status()).toBe("The AICOST Prices sheet has the catalog's newest price for each of its models.");
  });

  test("a row typed with a problem is reported with the cell to fix; a failing port is reported, not thrown", async () => {
    const workbook = new FakeWorkbook();
    workbook.priceCells = [["our-llm", "Us", "soon", 1, null, null, null, null, null, null, null]];
    const view = await mount(workbook);
    expect(view.textContent).toMatch(/1 with a problem to fix in the sheet \(C5 holds the text "soon"/);
    await search(view, "o3");
    tick(view, "o3");
    workbook.failNext.addPriceRows = "the workbook is read-only";
    await click(buttonNamed(view, "Add to workbook"));
    expect(status()).toBe("Could not add prices to the AICOST Prices sheet: the workbook is read-only");
  });
});
