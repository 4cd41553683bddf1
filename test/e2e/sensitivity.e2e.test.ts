import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openWatchedPage, useBrowserSession, type WatchedPage } from "./support/browser";
import { ROOT, SCREENSHOTS, updateDocsImage } from "./support/paths";

/**
 * The sensitivity view on the preview's sample model, in headless Chromium: the output is the
 * total cost over 36 months under the active scenario (G53); the tornado lists the sample's
 * inputs and the scenario's m and f; its largest bar is the one the hand calculation below names;
 * and afterwards every cell of every sheet, formula and value, is as before (two .xlsx downloads,
 * compared cell by cell). The uncertainty band on the assumptions sheet is pictured for the docs.
 *
 * By hand, from the sample's inputs (not from src code): cost today(t) = 20,000 * 1.04^t *
 * (6,000 * (0.5 * 3 + 0.5 * 0.3) + 800 * 15) / 1e6 = 20,000 * 1.04^t * 0.0219, the total is the
 * sum over t = 0..35 of cost today(t) * (f + (1 - f) * m^(t/12)). Baseline m = 0.1, f = 0.01.
 * m from 0.025 to 0.5 moves it from about 2,183 to 11,835 (a swing of 9,652); the next, f from
 * 0.001 to 0.25, about 7,696; tickets (16,000 to 24,000), 40% of the base, 1,356.
 */
function total(m: number, f: number, tickets = 20_000): number {
  let sum = 0;
  for (let t = 0; t < 36; t++) sum += tickets * 1.04 ** t * 0.0219 * (f + (1 - f) * m ** (t / 12));
  return sum;
}

const session = useBrowserSession();
beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

let watched: WatchedPage;
afterEach(async () => {
  expect(watched.externalRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
  await watched.page.context().close();
});

async function openPreview(): Promise<Page> {
  watched = await openWatchedPage(session.browser, session.baseUrl, { width: 1280, height: 900 });
  await watched.page.locator("body[data-ready=true]").waitFor();
  await watched.page.getByRole("radio", { name: "baseline" }).waitFor();
  return watched.page;
}

async function goTo(page: Page, address: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(address);
  await nameBox.press("Enter");
  await page.locator(`#grid td[data-address="${address.replace(/^.*!/, "")}"].selected`).waitFor();
}

/** Every cell of every sheet of the downloaded .xlsx: its formula and its (cached) value. */
async function dump(page: Page, name: string): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
  const path = join(ROOT, "test-results", `sensitivity-${name}.xlsx`);
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells: Record<string, unknown> = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[`${sheet.name}!${cell.address}`] = JSON.stringify({ value: cell.value, format: cell.numFmt });
      }),
    );
  }
  return cells;
}

test("the tornado of the sample's total cost: its inputs, m the largest bar as by hand, and every cell as before", async () => {
  const page = await openPreview();
  const before = await dump(page, "before");
  expect(Object.keys(before).length).toBeGreaterThan(300);
  await goTo(page, "G53");
  const view = page.getByTestId("sensitivity-view");
  await view.getByRole("button", { name: "Use selected cell as output" }).click();
  await view.getByTestId("sensitivity-status").filter({ hasText: /Found 9 input cells, and the active scenario's m and f/ }).waitFor();
  const legends = await view.locator("[data-testid=sensitivity-inputs] legend").allTextContents();
  expect(legends).toEqual([
    "Tickets per month today (now 20000)",
    "Monthly growth in tickets (now 0.04)",
    "Input tokens per ticket (now 6000)",
    "Output tokens per ticket (now 800)",
    "Input price, USD / M tokens (now 3)",
    "Output price, USD / M tokens (now 15)",
    "Cached share of input tokens (now 0.5)",
    "Cached input price, USD / M tokens (now 0.3)",
    "'AI support assistant'!A17 (now 0)",
    "baseline: annual price multiplier m (now 0.1)",
    "baseline: floor share f (now 0.01)",
  ]);
  await view.getByRole("button", { name: "Run" }).click();
  await view.getByTestId("sensitivity-status").filter({ hasText: /^Done; every input is back as it was/ }).waitFor();
  const rows = view.locator("[data-testid=tornado-table] tbody tr");
  expect(await rows.count()).toBe(11);
  const swing = async (index: number): Promise<number> => Number(await rows.nth(index).getAttribute("data-swing"));
  expect(await rows.nth(0).locator("th").textContent()).toBe("baseline: annual price multiplier m");
  expect(await swing(0)).toBeCloseTo(total(0.5, 0.01) - total(0.025, 0.01), 6); // 9,652.05
  expect(await rows.nth(1).locator("th").textContent()).toBe("baseline: floor share f");
  expect(await swing(1)).toBeCloseTo(total(0.1, 0.25) - total(0.1, 0.001), 6); // 7,695.87
  expect(await rows.nth(2).locator("th").textContent()).toBe("Tickets per month today");
  expect(await swing(2)).toBeCloseTo(total(0.1, 0.01, 24_000) - total(0.1, 0.01, 16_000), 6); // 1,356.02
  const painted = await view.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    const { data } = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index] > 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(1000);
  const path = join(SCREENSHOTS, "preview-tornado.png");
  await view.getByTestId("sensitivity-result").locator("canvas").scrollIntoViewIfNeeded();
  await view.getByTestId("sensitivity-result").locator("canvas").screenshot({ path });
  updateDocsImage(path, "tornado.png");
  expect(await dump(page, "after")).toEqual(before);
});

test("the uncertainty band on the assumptions sheet, in words and with its sources", async () => {
  const page = await openPreview();
  await page.getByRole("tab", { name: "AICOST Assumptions" }).click();
  await page.locator('#grid table[aria-label="Sheet AICOST Assumptions"]').waitFor();
  await goTo(page, "J6");
  expect(await page.locator('#grid td[data-address="J6"]').textContent()).toBe("17.5x cheaper per year");
  await goTo(page, "H1");
  const path = join(SCREENSHOTS, "preview-band.png");
  await page.locator("#grid").screenshot({ path });
  updateDocsImage(path, "band.png");
});
