import type { Page } from "playwright-core";
import { openWatchedPage, useBrowserSession, type WatchedPage } from "./support/browser";

/**
 * The pane's Prices view in the preview, in headless Chromium: search the catalog, add a row to
 * the workbook (the "AICOST Prices" sheet appears with the row and a real date), insert a
 * MODEL_PRICE formula over AICOST_PRICES that shows the catalog's number, edit the table and see
 * the formula follow, and refuse to write over a filled cell until confirmed.
 *
 * Expected numbers from data/prices.csv: o3 is $2 input / $8 output per million tokens from
 * 2025-06-10. The sample already holds the Prices sheet with claude-sonnet-4-20250514 in row 5 and
 * a fitted scenario in row 14, so o3 lands in row 6 and a new fitted row in row 15.
 */
const session = useBrowserSession();
const opened: WatchedPage[] = [];

afterEach(async () => {
  for (const watched of opened.splice(0)) {
    expect(watched.externalRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await watched.page.context().close();
  }
});

async function openPreview(): Promise<Page> {
  const watched = await openWatchedPage(session.browser, session.baseUrl, { width: 1280, height: 900 });
  opened.push(watched);
  await watched.page.locator("body[data-ready=true]").waitFor();
  await watched.page.getByRole("radio", { name: "baseline" }).waitFor();
  return watched.page;
}

function cell(page: Page, address: string) {
  return page.locator(`#grid td[data-address="${address}"]`);
}

async function goTo(page: Page, address: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(address);
  await nameBox.press("Enter");
  await cell(page, address.replace(/^.*!/, "")).and(page.locator(".selected")).waitFor();
}

function status(page: Page) {
  return page.locator(".aicost-status");
}

test("search, Add to workbook, Insert a MODEL_PRICE formula that shows the catalog's price and follows the table", async () => {
  const page = await openPreview();
  const prices = page.getByTestId("aicost-prices");
  await prices.getByRole("textbox", { name: "Search models or providers" }).fill("o3");
  const o3 = prices.getByRole("checkbox", { name: "o3 · OpenAI", exact: true });
  await o3.check();
  await prices.getByRole("button", { name: "Add to workbook" }).click();
  await status(page).filter({ hasText: "Added o3 from 2025-06-10 to the AICOST Prices sheet." }).waitFor();

  await goTo(page, "'AICOST Prices'!A6");
  await expectText(page, "A5", "claude-sonnet-4-20250514");
  await expectText(page, "A6", "o3");
  await expectText(page, "C6", "2025-06-10");
  await expect(cell(page, "C6").getAttribute("data-value")).resolves.toBe("45818");

  await goTo(page, "'Try it'!H2");
  await prices.getByLabel("Price type").selectOption("output");
  await prices.getByRole("button", { name: "Insert at selected cell" }).click();
  await status(page).filter({ hasText: "Sheet1" }).or(status(page).filter({ hasText: "$8.00 per million tokens today" })).first().waitFor();
  await page.waitForFunction(() => document.querySelector('#grid td[data-address="H2"]')?.getAttribute("data-value") === "8");
  await expect(page.getByRole("textbox", { name: "Formula" }).inputValue()).resolves.toBe('=AICOST.MODEL_PRICE("o3","output",,AICOST_PRICES)');

  // A negotiated price typed in the table: the formula follows it.
  await goTo(page, "'AICOST Prices'!E6");
  const bar = page.getByRole("textbox", { name: "Formula" });
  await bar.fill("6.5");
  await bar.press("Enter");
  await goTo(page, "'Try it'!H2");
  await page.waitForFunction(() => document.querySelector('#grid td[data-address="H2"]')?.getAttribute("data-value") === "6.5");

  // The filled cell is not overwritten until the user confirms.
  await prices.getByLabel("Insert as").selectOption("value");
  await prices.getByRole("button", { name: "Insert at selected cell" }).click();
  await prices.getByText(/H2 already holds =AICOST\.MODEL_PRICE/).waitFor();
  await expect(cell(page, "H2").getAttribute("data-value")).resolves.toBe("6.5");
  await prices.getByRole("button", { name: "Replace it" }).click();
  await page.waitForFunction(() => document.querySelector('#grid td[data-address="H2"]')?.getAttribute("data-value") === "8");
});

test("Check for newer prices compares the table with the catalog and offers rows, changing none", async () => {
  const page = await openPreview();
  const prices = page.getByTestId("aicost-prices");
  await prices.getByRole("textbox", { name: "Search models or providers" }).fill("o3");
  await prices.getByRole("checkbox", { name: "o3 · OpenAI", exact: true }).check();
  await prices.getByRole("button", { name: "Add to workbook" }).click();
  await status(page).filter({ hasText: "Added o3" }).waitFor();
  // Date the row back to the launch: the catalog's 2025-06-10 row is then newer.
  await goTo(page, "'AICOST Prices'!C6");
  const bar = page.getByRole("textbox", { name: "Formula" });
  await bar.fill("45763");
  await bar.press("Enter");
  await prices.getByRole("button", { name: "Check for newer prices" }).click();
  await status(page).filter({ hasText: "The catalog has newer prices for 1 model of the workbook; nothing was changed." }).waitFor();
  await expect(cell(page, "C6").getAttribute("data-value")).resolves.toBe("45763");
  await prices.getByRole("button", { name: "Add the ticked rows" }).click();
  await status(page).filter({ hasText: "Added o3 from 2025-06-10" }).waitFor();
  await goTo(page, "'AICOST Prices'!C7");
  await expectText(page, "C7", "2025-06-10");
  await expect(cell(page, "C6").getAttribute("data-value")).resolves.toBe("45763");
});

async function expectText(page: Page, address: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, want]) => document.querySelector(selector)?.textContent === want,
    [`#grid td[data-address="${address}"]`, text] as const,
    { timeout: 5_000 },
  ).catch(async () => {
    throw new Error(`${address} shows ${await cell(page, address).textContent()}, expected ${text}`);
  });
}

test("Fit a scenario from data: the GPT-4-level series fits 42x per year, drawn on a log chart, and becomes a scenario row", async () => {
  const page = await openPreview();
  const fit = page.getByTestId("aicost-fit");
  await fit.getByRole("button", { name: "Fit", exact: true }).click();
  await fit.getByText("m = 0.0237: 42.1x cheaper per year").waitFor();
  // the chart drew something: its canvas holds non-transparent pixels
  const drawn = await fit.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    const { data } = context?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: new Uint8ClampedArray() };
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index] > 0) painted++;
    return painted;
  });
  expect(drawn).toBeGreaterThan(500);
  await fit.getByLabel("Scenario name").fill("gpqa fit");
  await fit.getByRole("button", { name: "Add as scenario" }).click();
  await page.getByRole("radio", { name: "gpqa fit" }).waitFor();
  await goTo(page, "'AICOST Assumptions'!F15");
  await expectText(page, "A15", "gpqa fit");
  await page.waitForFunction(() => /^fitted: GPQA Diamond series, Epoch AI, n=6, r2=0\.76, 2023-03\.\.2024-12/.test(document.querySelector('#grid td[data-address="F15"]')?.textContent ?? ""));
});
