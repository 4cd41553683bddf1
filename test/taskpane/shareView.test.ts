/**
 * @jest-environment jsdom
 */
/* The pane's Share-safe copy in jsdom, on the in-memory port: the workbook's file (the
 * Excel-saved fixture of test/share/fixtures.ts) rewritten in the pane, the copy handed to
 * openAsNewWorkbook, the report shown (rewritten count, frozen cells with sheet, cell, formula and
 * reason), nothing written to the open workbook; a host without the APIs says so and names the CLI. */
import "./textCodecs";
import { strFromU8, unzipSync } from "fflate";
import { shareSummary, SHARE_SAFE_FILE_NAME } from "../../src/taskpane/shareView";
import { excelSavedWorkbook } from "../share/fixtures";
import { FakeWorkbook } from "./fakeWorkbook";
import { buttonNamed, paneFixture, settle } from "./paneHarness";

jest.mock("../../src/taskpane/chart", () => ({
  PriceChart: class {
    update(): void {}
    destroy(): void {}
  },
}));

const pane = paneFixture();

async function mount(workbook: FakeWorkbook): Promise<void> {
  await pane.mount(workbook, { connection: "excel" });
}

const section = (): HTMLElement => pane.root().querySelector<HTMLElement>("[data-testid=share-section]")!;
const makeButton = (): HTMLButtonElement => buttonNamed(section(), "Make share-safe copy");
const shareStatus = (): string => section().querySelector("[data-testid=share-status]")?.textContent ?? "";

/** Clicks the button and waits for the copy (the rewriter loads and runs). */
async function makeCopy(): Promise<void> {
  makeButton().click();
  for (let attempt = 0; attempt < 100 && !/made|could not/.test(shareStatus()); attempt++) await settle(10);
}

describe("task pane: Share-safe copy", () => {
  test("rewrites the workbook's file, opens the copy, and lists what was rewritten and frozen; the workbook is not written", async () => {
    const workbook = new FakeWorkbook();
    workbook.fileBytes = excelSavedWorkbook().bytes;
    await mount(workbook);
    await makeCopy();
    // The fixture: 16 formulas the rewriter converts, 4 it freezes (test/share/package.test.ts).
    expect(shareStatus()).toBe(
      "Share-safe copy made: 16 AICOST formulas rewritten to built-in functions, 4 frozen to their cached values (listed below). The copy is open as a new workbook: save it under a name of your own. This workbook is unchanged.",
    );
    expect(section().querySelector("[data-testid=share-status]")?.getAttribute("data-kind")).toBe("warning");
    const rows = [...section().querySelectorAll("[data-testid=share-frozen] tbody tr")].map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(["Model", "B14", '=_xldudf_AICOST_PROJECT_PRICE(B1,12,IF(B2>2,"aggressive","baseline"))', "the scenario is an expression, not a preset name, a range or a name of one", "its cached value 0.25975"]);
    expect(workbook.opened).toHaveLength(1);
    expect(workbook.opened[0].fileName).toBe(SHARE_SAFE_FILE_NAME);
    const sheet = strFromU8(unzipSync(workbook.opened[0].bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet).not.toMatch(/_xldudf_AICOST/i);
    expect(workbook.writes()).toEqual([]);
    expect(makeButton().disabled).toBe(false);
  });

  test("a file with nothing to freeze says so, and shows no list", async () => {
    const workbook = new FakeWorkbook();
    const fixture = excelSavedWorkbook();
    const { shareSafeWorkbook } = await import("../../src/share/package");
    workbook.fileBytes = shareSafeWorkbook(fixture.bytes).bytes; // already share-safe: nothing calls AICOST
    await mount(workbook);
    await makeCopy();
    expect(shareStatus()).toMatch(/^Share-safe copy made: 0 AICOST formulas rewritten to built-in functions, nothing frozen\./);
    expect(section().querySelector<HTMLElement>("[data-testid=share-frozen]")?.hidden).toBe(true);
  });

  test("a file the rewriter refuses gives its reason, opens nothing and writes nothing", async () => {
    const workbook = new FakeWorkbook();
    workbook.fileBytes = new TextEncoder().encode("not a zip");
    await mount(workbook);
    await makeCopy();
    expect(shareStatus()).toBe("The share-safe copy could not be made: This is not an .xlsx file: an .xlsx workbook is a zip package, and this file is not a zip. Nothing was changed.");
    expect(section().querySelector("[data-testid=share-status]")?.getAttribute("data-kind")).toBe("error");
    expect([workbook.opened, workbook.writes()]).toEqual([[], []]);
  });

  test("a host that cannot read its file or open a workbook disables the button and says why, naming the CLI", async () => {
    const workbook = new FakeWorkbook();
    workbook.fileSupport = { available: false, reason: "This version of Excel cannot open a new workbook from an add-in (Excel.createWorkbook needs ExcelApi 1.8). Make the copy on a computer with Node.js instead: npx aicost share IN.xlsx OUT.xlsx (README, Sharing a workbook)." };
    await mount(workbook);
    expect(makeButton().disabled).toBe(true);
    expect(shareStatus()).toMatch(/ExcelApi 1\.8.*npx aicost share IN\.xlsx OUT\.xlsx/);
    expect(workbook.calls.some((call) => call.method === "readWorkbookFile")).toBe(false);
  });

  test("a failing read of the file is reported in words", async () => {
    const workbook = new FakeWorkbook();
    workbook.failNext.readWorkbookFile = "Excel could not give slice 2 of 3 of the workbook's file: timeout.";
    await mount(workbook);
    await makeCopy();
    expect(shareStatus()).toBe("The share-safe copy could not be made: Excel could not give slice 2 of 3 of the workbook's file: timeout. Nothing was changed.");
  });

  test("the summary counts in the singular and names a download in the preview", () => {
    expect(shareSummary({ rewrittenFormulas: 1, rewrittenCalls: 1, frozen: [{ sheet: "S", cell: "A1", formula: "=x", reason: "r", result: "v" }], removedParts: [], changedSheets: [] }, "download")).toBe(
      "Share-safe copy made: 1 AICOST formula rewritten to built-in functions, 1 frozen to its cached value (listed below). The copy was downloaded as a file. This workbook is unchanged.",
    );
  });
});
