import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openWatchedPage, useBrowserSession, type WatchedPage } from "./support/browser";
import { ROOT, SCREENSHOTS, updateDocsImage } from "./support/paths";

/**
 * The preview workbook (the page at / of the preview build) in headless Chromium: the sample's
 * numbers, the task pane driving the grid and the grid driving the pane, formulas typed in the
 * formula bar, errors, persistence across reloads, recovery from unreadable stored state, and the
 * .xlsx download. Every test opens a fresh browser context, so localStorage starts empty.
 *
 * Expected numbers are worked out here from the sample's inputs, not by calling src code:
 *   tickets(t) = 20,000 * 1.04^t; input tokens = tickets * 6,000; output tokens = tickets * 800
 *   cost today(t) = (input * 0.5 * $3 + input * 0.5 * $0.30 + output * $15) / 1e6
 *   monthly cost = cost today(t) * (f + (1 - f) * m^(t/12))
 *   month 0: 60M * $3 / 1e6 = $180, 60M * $0.30 / 1e6 = $18, 16M * $15 / 1e6 = $240; total $438.
 */
const PRESETS = { pessimistic: [0.5, 0.25], baseline: [0.1, 0.01], aggressive: [0.025, 0.001] } as const;
type Parameters = readonly [m: number, f: number];

function costToday(month: number): number {
  const tickets = 20_000 * 1.04 ** month;
  return (tickets * 6_000 * 0.5 * 3 + tickets * 6_000 * 0.5 * 0.3 + tickets * 800 * 15) / 1e6;
}

function monthlyCost(month: number, [m, f]: Parameters): number {
  return costToday(month) * (f + (1 - f) * m ** (month / 12));
}

function totalCost(parameters: Parameters): number {
  let total = 0;
  for (let month = 0; month < 36; month++) total += monthlyCost(month, parameters);
  return total;
}

const session = useBrowserSession();

beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

const opened: WatchedPage[] = [];

afterEach(async () => {
  // Every page: nothing left localhost, nothing went to the console as an error.
  for (const watched of opened.splice(0)) {
    expect(watched.externalRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await watched.page.context().close();
  }
});

async function openPreview(options: { width?: number; height?: number; colorScheme?: "light" | "dark"; locale?: string } = {}): Promise<WatchedPage> {
  const watched = await openWatchedPage(session.browser, session.baseUrl, { width: 1280, height: 800, ...options });
  opened.push(watched);
  await ready(watched.page);
  return watched;
}

async function ready(page: Page): Promise<void> {
  await page.locator("body[data-ready=true]").waitFor();
  await page.getByRole("radio", { name: "baseline" }).waitFor();
}

function cell(page: Page, address: string) {
  return page.locator(`#grid td[data-address="${address}"]`);
}

/** Selects a cell through the Name Box, which also scrolls it into view. */
async function goTo(page: Page, address: string): Promise<void> {
  const nameBox = page.getByRole("textbox", { name: "Name Box" });
  await nameBox.fill(address);
  await nameBox.press("Enter");
  await cell(page, address.replace(/^.*!/, "")).and(page.locator(".selected")).waitFor();
}

async function numberAt(page: Page, address: string): Promise<number> {
  await goTo(page, address);
  return Number(await cell(page, address).getAttribute("data-value"));
}

/** Waits until a cell shows a number within 1e-9 relative of `expected`. */
async function expectCellNear(page: Page, address: string, expected: number): Promise<void> {
  await goTo(page, address);
  await page.waitForFunction(
    ([selector, want]) => {
      const value = Number(document.querySelector(selector)?.getAttribute("data-value"));
      return Math.abs(value - want) <= Math.abs(want) * 1e-9;
    },
    [`#grid td[data-address="${address}"]`, expected] as const,
    { timeout: 5_000 },
  ).catch(async () => {
    throw new Error(`${address} shows ${await cell(page, address).getAttribute("data-value")}, expected ${expected}`);
  });
}

async function typeFormula(page: Page, address: string, input: string): Promise<void> {
  await goTo(page, address);
  const bar = page.getByRole("textbox", { name: "Formula" });
  await bar.fill(input);
  await bar.press("Enter");
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.locator(`#grid table[aria-label="Sheet ${name}"]`).waitFor();
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The axe-core violations on the page, as "rule: [targets]" lines; `rules` limits the run to those rules. */
async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core") });
  return page.evaluate(async (only) => {
    type AxeResults = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, only ? { runOnly: { type: "rule", values: only } } : {});
    return results.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`);
  }, rules ?? null);
}

/** Presses `key` until `reached` holds in the page, at most `limit` times; returns the presses it took, or null. */
async function pressUntil(page: Page, key: string, reached: () => boolean, limit: number): Promise<number | null> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await page.evaluate(reached)) return presses;
  }
  return null;
}

/** Relative luminance (WCAG) of a computed CSS colour "rgb(r, g, b)". */
function luminance(cssColour: string): number {
  const [r, g, b] = (cssColour.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
    const linear = Number(channel) / 255;
    return linear <= 0.03928 ? linear / 12.92 : ((linear + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("the preview workbook", () => {
  test("opens the sample, whose numbers match the hand-worked costs", async () => {
    const { page } = await openPreview();
    await expect(cell(page, "A1").getAttribute("data-value")).resolves.toBe("AI support assistant: 36-month cost outlook");
    for (const column of ["D", "E", "F", "G"]) {
      await expectCellNear(page, `${column}17`, 438);
    }
    // Month 12 (row 29) and the 36-month totals (row 53), per scenario; G follows the active one, baseline.
    await expectCellNear(page, "D29", monthlyCost(12, PRESETS.pessimistic));
    await expectCellNear(page, "E29", monthlyCost(12, PRESETS.baseline));
    await expectCellNear(page, "F29", monthlyCost(12, PRESETS.aggressive));
    await expectCellNear(page, "D53", totalCost(PRESETS.pessimistic));
    await expectCellNear(page, "E53", totalCost(PRESETS.baseline));
    await expectCellNear(page, "F53", totalCost(PRESETS.aggressive));
    await expectCellNear(page, "G53", totalCost(PRESETS.baseline));
    // Each preset column's header is the name of the scenarios-table row it reads.
    for (const [address, name] of [["D16", "pessimistic"], ["E16", "baseline"], ["F16", "aggressive"]]) {
      await goTo(page, address);
      expect(await cell(page, address).getAttribute("data-value")).toBe(name);
    }
    expect(await page.getByRole("radio", { name: "baseline" }).isChecked()).toBe(true);
    // Currency format where the sample sets it: $438.00.
    await goTo(page, "G17");
    expect(await cell(page, "G17").textContent()).toBe("$438.00");
    await goTo(page, "A1");
    updateDocsImage(await screenshot(page, "preview-sample"), "preview.png");
  });

  test("switching to aggressive in the pane changes the dependent cells, and back", async () => {
    const { page } = await openPreview();
    await page.getByRole("radio", { name: "aggressive" }).check();
    await expectCellNear(page, "G29", monthlyCost(12, PRESETS.aggressive));
    await expectCellNear(page, "G53", totalCost(PRESETS.aggressive));
    await goTo(page, "B14");
    expect(await cell(page, "B14").getAttribute("data-value")).toBe("aggressive");
    // The preset columns do not move.
    await expectCellNear(page, "E53", totalCost(PRESETS.baseline));
    await screenshot(page, "preview-aggressive");
    await page.getByRole("radio", { name: "baseline" }).check();
    await expectCellNear(page, "G29", monthlyCost(12, PRESETS.baseline));
    await expectCellNear(page, "G53", totalCost(PRESETS.baseline));
  });

  test("editing a parameter in the pane updates the cells", async () => {
    const { page } = await openPreview();
    // baseline becomes 20x cheaper per year: m = 1/20 = 0.05, floor stays 1%.
    const field = page.getByTestId("aicost-taskpane").getByLabel("x cheaper per year").first();
    await field.fill("20");
    await expectCellNear(page, "E29", monthlyCost(12, [0.05, 0.01]));
    await expectCellNear(page, "G29", monthlyCost(12, [0.05, 0.01]));
    await showSheet(page, "AICOST Assumptions");
    await expectCellNear(page, "B12", 0.05);
  });

  test("editing the assumptions sheet in the grid updates the pane", async () => {
    const { page } = await openPreview();
    await showSheet(page, "AICOST Assumptions");
    await typeFormula(page, "B4", "pessimistic");
    await page.getByRole("radio", { name: "pessimistic", checked: true }).waitFor();
    // aggressive's m typed in B13: 0.05 is 20x cheaper per year.
    await typeFormula(page, "B13", "0.05");
    await page.getByTestId("aicost-taskpane").getByText(/20x cheaper per year/).first().waitFor();
    await screenshot(page, "preview-assumptions");
    await showSheet(page, "AI support assistant");
    await expectCellNear(page, "G29", monthlyCost(12, PRESETS.pessimistic));
    await expectCellNear(page, "F29", monthlyCost(12, [0.05, 0.001]));
  });

  test("damage typed into the assumptions sheet is reported in the pane, and Repair fixes it", async () => {
    const { page } = await openPreview();
    await showSheet(page, "AICOST Assumptions");
    await typeFormula(page, "B12", "ten");
    const pane = page.getByTestId("aicost-taskpane");
    await pane.getByText(/B12/).first().waitFor();
    // baseline, the active scenario, has text for m: the active column says so.
    await showSheet(page, "AI support assistant");
    await goTo(page, "G29");
    await expect(cell(page, "G29").getAttribute("data-value")).resolves.toBe("#VALUE!");
    expect(await cell(page, "G29").getAttribute("title")).toMatch(/annual price multiplier.*must be a number; got the text "ten"/);
    await page.getByRole("button", { name: "Repair" }).click();
    await page.getByRole("button", { name: "Repair" }).waitFor({ state: "detached" });
    await expectCellNear(page, "G29", monthlyCost(12, PRESETS.baseline));
    await showSheet(page, "AICOST Assumptions");
    await expectCellNear(page, "B12", 0.1);
  });

  test("a formula typed in the formula bar or in a cell computes, and spills", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    // aggressive at 12 months: 10 * (0.001 + 0.999 * 0.025) = 10 * 0.025975 = 0.25975
    await typeFormula(page, "D3", '=AICOST.PROJECT_PRICE(10, 12, "aggressive")');
    await expectCellNear(page, "D3", 0.25975);
    // Typed straight into the cell: $37.5 to $0.25 in 21 months is (0.25 / 37.5)^(12/21) per year.
    await goTo(page, "D4");
    await page.keyboard.type("=AICOST.ANNUAL_MULTIPLIER(37.5, 0.25, 21)");
    await page.keyboard.press("Enter");
    await expectCellNear(page, "D4", (0.25 / 37.5) ** (12 / 21));
    // Full precision, as JavaScript writes it: (1e-7 / 1)^(12 / 120) = 10^-0.7 = 0.19952623149688795,
    // not HyperFormula's default 10-digit rounding (0.1995262315).
    await typeFormula(page, "D5", "=AICOST.ANNUAL_MULTIPLIER(1,0.0000001,120)");
    await expect(cell(page, "D5").getAttribute("data-value")).resolves.toBe(String(Math.pow(0.0000001 / 1, 12 / 120)));
    expect(await cell(page, "D5").textContent()).toBe("0.199526231");
    // A spill: label, m, f across D6:F6.
    await typeFormula(page, "D6", '=AICOST.SCENARIO_PARAMS("pessimistic")');
    await expectCellNear(page, "E6", 0.5);
    await expectCellNear(page, "F6", 0.25);
    expect(await cell(page, "D6").getAttribute("data-value")).toBe("pessimistic");
    // The formula bar shows the selected cell's formula.
    await goTo(page, "D3");
    expect(await page.getByRole("textbox", { name: "Formula" }).inputValue()).toBe('=AICOST.PROJECT_PRICE(10, 12, "aggressive")');
  });

  test("bad input shows the right error, with its message on hover", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    await typeFormula(page, "D10", "=AICOST.PROJECT_PRICE(-1, 12)");
    await expect(cell(page, "D10").getAttribute("data-value")).resolves.toBe("#NUM!");
    expect(await cell(page, "D10").textContent()).toBe("#NUM!");
    await typeFormula(page, "D11", '=AICOST.PROJECT_PRICE(10, 12, "nosuch")');
    await expect(cell(page, "D11").getAttribute("data-value")).resolves.toBe("#VALUE!");
    expect(await cell(page, "D11").getAttribute("title")).toMatch(/Unknown scenario "nosuch"/);
    await cell(page, "D11").hover();
    await typeFormula(page, "D12", '=AICOST.MONTHS_TO_PRICE(10, 1, "pessimistic")');
    await expect(cell(page, "D12").getAttribute("data-value")).resolves.toBe("#N/A");
    expect(await cell(page, "D12").getAttribute("title")).not.toBe("");
    await typeFormula(page, "D13", "=AICOST.NO_SUCH_FUNCTION(1)");
    await expect(cell(page, "D13").getAttribute("data-value")).resolves.toBe("#NAME?");
    await screenshot(page, "preview-errors");
  });

  test("has no axe-core accessibility violations", async () => {
    const { page } = await openPreview();
    await page.addScriptTag({ path: require.resolve("axe-core") });
    expect(await axeViolations(page)).toEqual([]);
  });

  test("Tab leaves the grid for the sheet tabs and the task pane, and Shift+Tab comes back (no keyboard trap)", async () => {
    const { page } = await openPreview();
    await goTo(page, "B5");
    await page.locator("#grid").focus();
    // Forward: the sheet tabs first, then on to the pane's active-scenario radio.
    const toTabs = await pressUntil(page, "Tab", () => document.activeElement?.getAttribute("role") === "tab", 5);
    expect(toTabs).not.toBeNull();
    const toPane = await pressUntil(page, "Tab", () => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === "radio" && active.closest("#pane") !== null;
    }, 15);
    expect(toPane).not.toBeNull();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("baseline");
    // The selection did not move while Tab went by: Tab is not a grid move.
    expect(await page.getByRole("textbox", { name: "Name Box" }).inputValue()).toBe("B5");
    // Back: Shift+Tab returns to the grid, and on out of it to the formula bar.
    const toGrid = await pressUntil(page, "Shift+Tab", () => document.activeElement?.id === "grid", 25);
    expect(toGrid).not.toBeNull();
    const toFormulaBar = await pressUntil(page, "Shift+Tab", () => document.activeElement?.id === "formula-bar", 3);
    expect(toFormulaBar).not.toBeNull();
    // Arrow keys and Enter still move the selection inside the grid.
    await page.locator("#grid").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await cell(page, "C6").and(page.locator(".selected")).waitFor();
  });

  test("the page and the task pane have a favicon that loads", async () => {
    const { page } = await openPreview();
    for (const path of ["", "taskpane.html"]) {
      const html = await (await page.request.get(new URL(path, session.baseUrl).href)).text();
      const href = await page.evaluate((text) => new DOMParser().parseFromString(text, "text/html").querySelector("link[rel=icon]")?.getAttribute("href"), html);
      expect(href).toBeDefined();
      const icon = await page.request.get(new URL(href ?? "", new URL(path, session.baseUrl)).href);
      expect([path, icon.status(), icon.headers()["content-type"]]).toEqual([path, 200, "image/png"]);
    }
  });

  test("at 320 px wide nothing overflows sideways and every header button is on screen", async () => {
    const { page } = await openPreview({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ["Reset sample", "Download .xlsx"]) {
      const box = await page.getByRole("button", { name }).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 320).toBe(true);
    }
    // The pane sits below the grid, as wide as the page.
    const grid = await page.locator("#grid").boundingBox();
    const pane = await page.locator("#pane").boundingBox();
    expect(pane && grid && pane.y >= grid.y + grid.height && pane.width <= 320).toBe(true);
    await screenshot(page, "preview-320", true);
  });

  test("in dark mode the grid is dark too, with no contrast violations", async () => {
    const { page } = await openPreview({ colorScheme: "dark" });
    await expect(page.getByTestId("aicost-taskpane").getAttribute("data-theme")).resolves.toBe("dark");
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector("#grid td[data-address='A5']") as Element);
      return { text: style.color, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(luminance(colours.page)).toBeLessThan(0.05);
    expect(luminance(colours.text)).toBeGreaterThan(0.7);
    await showSheet(page, "Try it");
    await typeFormula(page, "D10", "=AICOST.PROJECT_PRICE(-1, 12)");
    await expect(cell(page, "D10").getAttribute("data-value")).resolves.toBe("#NUM!");
    expect(await axeViolations(page, ["color-contrast"])).toEqual([]);
    // Insert projection's chart card is dark too.
    await goTo(page, "F3");
    await page.getByRole("button", { name: "Insert projection" }).click();
    const chart = page.getByTestId("projection-chart");
    await chart.waitFor();
    expect(luminance(await chart.evaluate((element) => getComputedStyle(element).backgroundColor))).toBeLessThan(0.05);
    await screenshot(page, "preview-dark");
  });

  test("the Name Box selects a far cell and scrolls it into view", async () => {
    const { page } = await openPreview();
    await goTo(page, "L58");
    const box = await cell(page, "L58").boundingBox();
    const view = await page.locator("#grid").boundingBox();
    expect(box && view).toBeTruthy();
    if (!box || !view) return;
    expect(box.y).toBeGreaterThanOrEqual(view.y);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
    expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
    // Arrow keys move the selection from there.
    await page.keyboard.press("ArrowDown");
    await cell(page, "L59").and(page.locator(".selected")).waitFor();
    expect(await page.getByRole("textbox", { name: "Name Box" }).inputValue()).toBe("L59");
    // Something that is not an address is refused, with a notice, and the selection stays.
    const nameBox = page.getByRole("textbox", { name: "Name Box" });
    await nameBox.fill("not a cell");
    await nameBox.press("Enter");
    expect(await nameBox.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("preview-notice").textContent()).toMatch(/"not a cell" is neither a cell address nor a defined name/);
    await cell(page, "L59").and(page.locator(".selected")).waitFor();
    // The sheet tabs work from the keyboard too.
    await page.getByRole("tab", { name: "AI support assistant" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.locator('#grid table[aria-label="Sheet AICOST Assumptions"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("AICOST Assumptions");
  });

  test("Insert projection writes the block at the selected cell and shows its chart", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    await goTo(page, "F3");
    await page.getByRole("button", { name: "Insert projection" }).click();
    await page.getByTestId("projection-chart").waitFor();
    // Block at F3: base price in G3 (the pane's reference price), headers in row 4, month 0 in
    // row 5, so month 12 is row 17 (F the date, G the months from start, H the fiscal year).
    // Pessimistic in I: base * (0.25 + 0.75 * 0.5) = base * 0.625; the sample's fitted row in L:
    // base * (0.01 + 0.99 * 0.0237379029745444); the active column (M, baseline):
    // base * (0.01 + 0.99 * 0.1) = base * 0.109; N the variance against baseline, 0.
    // 36 months + 2 header rows + the average + 4 fiscal-year rows: F3:O45.
    const base = await numberAt(page, "G3");
    expect(base).toBeGreaterThan(0);
    await expectCellNear(page, "G17", 12);
    await expectCellNear(page, "I17", base * 0.625);
    await expectCellNear(page, "L17", base * (0.01 + 0.99 * 0.0237379029745444));
    await expectCellNear(page, "M17", base * 0.109);
    await expectCellNear(page, "N17", 0);
    expect(await page.getByTestId("aicost-taskpane").textContent()).toMatch(/F3:O45/);
    await screenshot(page, "preview-projection");
  });

  test("a reload keeps the workbook and the active scenario", async () => {
    const { page } = await openPreview();
    await page.getByRole("radio", { name: "aggressive" }).check();
    await expectCellNear(page, "G53", totalCost(PRESETS.aggressive));
    await typeFormula(page, "B9", "2.5");
    await page.reload();
    await ready(page);
    expect(await page.getByRole("radio", { name: "aggressive" }).isChecked()).toBe(true);
    await expectCellNear(page, "B9", 2.5);
    // Month 0 with a $2.50 input price: 60M * 2.5 + 60M * 0.3 + 16M * 15, over 1e6 = 150 + 18 + 240 = $408.
    await expectCellNear(page, "G17", 408);
    expect(await page.getByTestId("preview-notice").isVisible()).toBe(false);
  });

  test.each([
    ["bad JSON", "{not json", /not valid JSON/],
    ["a wrong version", JSON.stringify({ version: 99, sheets: [] }), /version 99/],
    ["a wrong shape", JSON.stringify({ version: 1, sheets: [{ name: "S", cells: { A1: { bad: true } }, formats: {} }], names: [], preferences: {}, activeSheet: "S" }), /S!A1 holds object/],
  ])("stored state with %s recovers to the sample with a notice", async (_name, stored, reason) => {
    const watched = await openPreview();
    const { page } = watched;
    // The page saves when it is left, so the bad state goes in as the next page starts, once.
    await page.context().addInitScript((text) => {
      if (sessionStorage.getItem("seeded") === null) {
        sessionStorage.setItem("seeded", "yes");
        localStorage.setItem("aicost.preview.workbook", text);
      }
    }, stored);
    await page.reload();
    await ready(page);
    const notice = page.getByTestId("preview-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/could not be read/);
    expect(await notice.textContent()).toMatch(reason);
    await expectCellNear(page, "G17", 438);
    await screenshot(page, "preview-recovered");
  });

  test("Reset sample restores the sample, and Undo brings the user's workbook back", async () => {
    const { page } = await openPreview();
    // B17, month 0's input tokens: tickets * 6,000.
    await typeFormula(page, "B5", "1000");
    await page.getByRole("radio", { name: "aggressive" }).check();
    await expectCellNear(page, "B17", 1000 * 6_000);
    await page.getByRole("button", { name: "Reset sample" }).click();
    await expectCellNear(page, "B17", 20_000 * 6_000);
    await page.getByRole("radio", { name: "baseline", checked: true }).waitFor();
    const notice = page.getByTestId("preview-notice");
    expect(await notice.textContent()).toMatch(/sample workbook was restored/);
    await notice.getByRole("button", { name: "Undo" }).click();
    await expectCellNear(page, "B17", 1000 * 6_000);
    await page.getByRole("radio", { name: "aggressive", checked: true }).waitFor();
    // Undo works once, and what it brought back is what is saved.
    expect(await notice.getByRole("button", { name: "Undo" }).isVisible()).toBe(false);
    await page.reload();
    await ready(page);
    await expectCellNear(page, "B17", 1000 * 6_000);
  });

  test("the downloaded .xlsx holds the same formulas, cached values and the defined name", async () => {
    const { page } = await openPreview();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .xlsx" }).click()]);
    const path = join(ROOT, "test-results", "preview-download.xlsx");
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["AI support assistant", "AICOST Assumptions", "Try it", "AICOST Prices"]);
    expect(workbook.definedNames.model).toEqual([
      { name: "AICOST_SCENARIO", ranges: ["'AICOST Assumptions'!$A$7:$C$7"] },
      { name: "AICOST_BAND", ranges: ["'AICOST Assumptions'!$H$5:$L$5"] },
      { name: "AICOST_START_MONTH", ranges: ["'AICOST Assumptions'!$E$4"] },
      { name: "AICOST_FY_START", ranges: ["'AICOST Assumptions'!$E$5"] },
      { name: "AICOST_PRICES", ranges: ["'AICOST Prices'!$A$4:$K$504"] },
    ]);
    const sheet = workbook.getWorksheet("AI support assistant") as ExcelJS.Worksheet;
    for (const address of ["G17", "D17", "B20", "G53"]) {
      await goTo(page, address);
      const shown = await page.getByRole("textbox", { name: "Formula" }).inputValue();
      const stored = sheet.getCell(address).value as ExcelJS.CellFormulaValue;
      // Excel keeps a custom function in the file as _xldudf_<NAMESPACE>_<ID>.
      expect(`=${stored.formula.replace(/_xldudf_AICOST_/g, "AICOST.")}`).toBe(shown);
      expect(stored.result).toBeCloseTo(Number(await cell(page, address).getAttribute("data-value")), 9);
    }
    const assumptions = workbook.getWorksheet("AICOST Assumptions") as ExcelJS.Worksheet;
    expect(assumptions.getTable("AICOST_Scenarios")).toBeTruthy();
    expect(assumptions.getCell("B4").value).toBe("baseline");
  });

  test("Download share-safe .xlsx saves the workbook with built-in formulas only, and says what it did", async () => {
    const { page } = await openPreview();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download share-safe .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("aicost-preview-share-safe.xlsx");
    const path = join(ROOT, "test-results", "preview-share-safe.xlsx");
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("AI support assistant") as ExcelJS.Worksheet;
    const g17 = sheet.getCell("G17").value as ExcelJS.CellFormulaValue;
    expect(g17.formula).not.toMatch(/AICOST\./i);
    expect(g17.formula).toContain("INDEX(AICOST_SCENARIO,1,2)");
    expect(g17.result).toBeCloseTo(Number(await cell(page, "G17").getAttribute("data-value")), 9);
    // The sample's prices (B9, B10, B12) are MODEL_PRICE over AICOST_PRICES: a native lookup in the prices sheet's cells.
    const b9 = sheet.getCell("B9").value as ExcelJS.CellFormulaValue;
    expect(b9.formula).not.toMatch(/AICOST\./i);
    expect(b9.formula).toContain("'AICOST Prices'!$C$4:$C$504");
    expect(b9.result).toBeCloseTo(Number(await cell(page, "B9").getAttribute("data-value")), 12);
    expect(await page.getByTestId("preview-notice").textContent()).toMatch(/^Share-safe copy downloaded: 46 AICOST formulas rewritten to built-in functions, none frozen\./);
  });

  test("the task pane's Share-safe copy rewrites the workbook's file in the pane, downloads the copy and reports what it did", async () => {
    const { page } = await openPreview();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Make share-safe copy" }).click()]);
    expect(download.suggestedFilename()).toBe("share-safe copy.xlsx");
    const path = join(ROOT, "test-results", "pane-share-safe.xlsx");
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("AI support assistant") as ExcelJS.Worksheet;
    const g17 = sheet.getCell("G17").value as ExcelJS.CellFormulaValue;
    expect(g17.formula).not.toMatch(/AICOST\./i);
    expect(g17.formula).toContain("INDEX(AICOST_SCENARIO,1,2)");
    expect(g17.result).toBeCloseTo(Number(await cell(page, "G17").getAttribute("data-value")), 9);
    const status = page.getByTestId("share-status");
    await status.filter({ hasText: "Share-safe copy made" }).waitFor();
    expect(await status.textContent()).toBe(
      "Share-safe copy made: 46 AICOST formulas rewritten to built-in functions, nothing frozen. The copy was downloaded as a file. This workbook is unchanged.",
    );
    // The open workbook still computes with AICOST: its G17 is the AICOST formula it was.
    await goTo(page, "G17");
    expect(await page.locator("#formula-bar").inputValue()).toMatch(/^=AICOST\./);
  });
});

/** Types into the cell at `address` as a user does (select, type, Enter). */
async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function shown(page: Page, address: string): Promise<{ text: string | null; value: string | null }> {
  await goTo(page, address);
  return { text: await cell(page, address).textContent(), value: await cell(page, address).getAttribute("data-value") };
}

function charts(page: Page) {
  return page.getByTestId("projection-chart");
}

function toolbarButton(page: Page, name: "Undo" | "Redo") {
  return page.locator("header").getByRole("button", { name, exact: true });
}

describe("the preview behaves like Excel", () => {
  test("typed numbers and dates become numbers with Excel's formats in en-US, and their dependents compute", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    const typed: [string, string, string, string][] = [
      // address, typed, data-value, shown
      ["D3", "25,000", "25000", "25,000"],
      ["D4", "$1,200.50", "1200.5", "$1,200.50"],
      ["D5", "(5)", "-5", "-5"],
      ["D6", "1.5E6", "1500000", "1.50E+06"],
      ["D7", "10%", "0.1", "10%"],
      ["D8", "-$3.5", "-3.5", "-$3.50"],
      // 2027-01-15 is serial 46402: 127 years * 365 + 31 leap days + Excel's 1900-02-29, + 14 days, + 1.
      ["D9", "2027-01-15", "46402", "1/15/2027"],
      ["D10", "'25", "25", "25"],
      ["D11", "3,5", "3,5", "3,5"],
    ];
    for (const [address, text] of typed) await typeInCell(page, address, text);
    for (const [address, , value, text] of typed) {
      expect([address, await shown(page, address)]).toEqual([address, { text, value }]);
    }
    expect(await cell(page, "D10").getAttribute("class")).toMatch(/\btext\b/);
    // The formula bar shows what gives the same content back, as Excel's does.
    await goTo(page, "D9");
    expect(await page.getByRole("textbox", { name: "Formula" }).inputValue()).toBe("1/15/2027");
    await goTo(page, "D7");
    expect(await page.getByRole("textbox", { name: "Formula" }).inputValue()).toBe("10%");
    // A dependent cost computes, not #VALUE!: 25,000 * 2.
    await typeInCell(page, "E3", "=D3*2");
    await expectCellNear(page, "E3", 50_000);
    // In the sample, 25,000 tickets a month scale month 0's $438 by 25,000 / 20,000: $547.50.
    await showSheet(page, "AI support assistant");
    await typeInCell(page, "B5", "25,000");
    await expectCellNear(page, "G17", 438 * 1.25);
    expect(await cell(page, "G17").textContent()).toBe("$547.50");
    // A cost must not read like a year: 2025 typed into the $ price cell shows $2,025.00.
    await typeInCell(page, "B9", "2025");
    expect((await shown(page, "B9")).text).toBe("$2,025.00");
    // A percentage cell takes 5 as 5%, as Excel's automatic percent entry does.
    await typeInCell(page, "B6", "5");
    expect(await shown(page, "B6")).toEqual({ text: "5.0%", value: "0.05" });
    await screenshot(page, "preview-number-entry");
  });

  test("in de-DE the same keys read as a German Excel reads them, and formats show German separators", async () => {
    const { page } = await openPreview({ locale: "de-DE" });
    // The sample's $ format with a decimal comma.
    await goTo(page, "G17");
    expect(await cell(page, "G17").textContent()).toBe("$438,00");
    await showSheet(page, "Try it");
    const typed: [string, string, string, string][] = [
      ["D3", "25.000", "25000", "25.000"],
      ["D4", "25,000", "25", "25"], // "," is the decimal separator
      ["D5", "1,5", "1.5", "1,5"],
      ["D6", "1.200,50 €", "1200.5", "1.200,50 €"],
      ["D7", "15.01.2027", "46402", "15.1.2027"],
      ["D8", "12,5%", "0.125", "12,50%"],
    ];
    for (const [address, text] of typed) await typeInCell(page, address, text);
    for (const [address, , value, text] of typed) {
      expect([address, await shown(page, address)]).toEqual([address, { text, value }]);
    }
    await goTo(page, "D5");
    expect(await page.getByRole("textbox", { name: "Formula" }).inputValue()).toBe("1,5");
    await screenshot(page, "preview-de-DE");
  });

  test("an error cell's message shows under the formula bar when the cell is selected, in a live region", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    await typeFormula(page, "D10", "=AICOST.PROJECT_PRICE(-1, 12)");
    const line = page.getByTestId("cell-message");
    await line.waitFor();
    expect(await line.getAttribute("role")).toBe("status");
    expect(await line.getAttribute("aria-live")).toBe("polite");
    expect(await line.textContent()).toMatch(/^D10: #NUM! .*price/);
    // By keyboard alone: move off the error and the line goes; move back and it returns.
    await page.keyboard.press("ArrowDown");
    await line.waitFor({ state: "hidden" });
    await page.keyboard.press("ArrowUp");
    await line.waitFor();
    await typeFormula(page, "D11", '=AICOST.PROJECT_PRICE(10, 12, "nosuch")');
    expect(await line.textContent()).toMatch(/^D11: #VALUE! Unknown scenario "nosuch"/);
    // The formula bar is described by the line, so a screen reader in the formula bar hears it too.
    expect(await page.getByRole("textbox", { name: "Formula" }).getAttribute("aria-describedby")).toBe("cell-message");
    await screenshot(page, "preview-error-message");
  });

  test("an inserted chart sits beside its table on its own sheet, never over data, can be deleted by keyboard, and is kept", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    // Data where the chart would go first (one column past the block F3:N45 is P3): R5.
    await typeInCell(page, "R5", "in the way");
    await goTo(page, "F3");
    await page.getByRole("button", { name: "Insert projection" }).click();
    await charts(page).waitFor();
    // Measured together, at one scroll position (the new chart was scrolled into view).
    const chartBox = await charts(page).boundingBox();
    const blockRight = await cell(page, "N3").boundingBox();
    const data = await cell(page, "R5").boundingBox();
    const formulaRow = await page.locator(".formula-row").boundingBox();
    expect(chartBox && blockRight && data && formulaRow).toBeTruthy();
    if (!chartBox || !blockRight || !data || !formulaRow) return;
    expect(chartBox.x).toBeGreaterThanOrEqual(data.x + data.width - 1); // right of R5, so clear of it
    expect(chartBox.x).toBeGreaterThan(blockRight.x + blockRight.width);
    expect(chartBox.y).toBeGreaterThanOrEqual(formulaRow.y + formulaRow.height);
    // The inserted table shows its formats: month 12 (row 17) as $ with cents, the month as a date.
    expect((await shown(page, "I17")).text).toMatch(/^\$\d+\.\d{2}/);
    expect((await shown(page, "F17")).text).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    await screenshot(page, "preview-chart-beside-table");
    // The chart and its Delete chart button pass axe too.
    expect(await axeViolations(page)).toEqual([]);
    // A second table's chart does not pile on the first.
    await goTo(page, "F50");
    await page.getByRole("button", { name: "Insert projection" }).click();
    await expect(charts(page).count()).resolves.toBe(2);
    const [first, second] = await Promise.all([charts(page).nth(0).boundingBox(), charts(page).nth(1).boundingBox()]);
    const apart = first && second && (first.y + first.height <= second.y || second.y + second.height <= first.y || first.x + first.width <= second.x || second.x + second.width <= first.x);
    expect(apart).toBe(true);
    // Charts belong to their sheet.
    await showSheet(page, "AI support assistant");
    await expect(charts(page).count()).resolves.toBe(0);
    await showSheet(page, "Try it");
    await expect(charts(page).count()).resolves.toBe(2);
    // Kept across a reload.
    await page.reload();
    await ready(page);
    await showSheet(page, "Try it");
    await expect(charts(page).count()).resolves.toBe(2);
    // Deleted from the keyboard; Ctrl+Z brings it back.
    const remove = charts(page).first().getByRole("button", { name: "Delete chart" });
    await remove.focus();
    await page.keyboard.press("Enter");
    await expect(charts(page).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("grid");
    await page.keyboard.press("Control+z");
    await expect(charts(page).count()).resolves.toBe(2);
  });

  test("the Name Box takes a defined name in any case and selects its range on its sheet", async () => {
    const { page } = await openPreview();
    const nameBox = page.getByRole("textbox", { name: "Name Box" });
    await nameBox.fill("aicost_scenario");
    await nameBox.press("Enter");
    await page.locator('#grid table[aria-label="Sheet AICOST Assumptions"]').waitFor();
    await cell(page, "A7").and(page.locator(".selected")).waitFor();
    for (const address of ["A7", "B7", "C7"]) {
      expect(await cell(page, address).getAttribute("class")).toMatch(/in-range|selected/);
    }
    expect(await cell(page, "D7").getAttribute("class")).not.toMatch(/in-range/);
    expect(await nameBox.inputValue()).toBe("AICOST_SCENARIO");
    await screenshot(page, "preview-name-box");
    // A range address works too; an unknown name is refused with a message that lists the names.
    await nameBox.fill("B11:C13");
    await nameBox.press("Enter");
    await cell(page, "C13").and(page.locator(".in-range")).waitFor();
    await nameBox.fill("NO_SUCH_NAME");
    await nameBox.press("Enter");
    expect(await nameBox.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("preview-notice").textContent()).toMatch(/"NO_SUCH_NAME" is neither a cell address nor a defined name.*AICOST_SCENARIO/);
    // Moving on clears the range.
    await page.locator("#grid").focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("#grid td.in-range").count()).resolves.toBe(0);
  });

  test("spilled functions size themselves: PRICE_CURVE with months in a cell, and the README's COST_CURVE with array constants", async () => {
    const { page } = await openPreview();
    await showSheet(page, "Try it");
    await typeInCell(page, "D3", "24");
    await typeFormula(page, "F3", "=AICOST.PRICE_CURVE(B3, D3, AICOST_SCENARIO)");
    // Month 24 in row 27: $3 * (0.01 + 0.99 * 0.1^2) = 3 * 0.0199 = 0.0597.
    await expectCellNear(page, "F27", 0.0597);
    expect((await shown(page, "F28")).value).toBe("");
    // 36 months: the spill grows to row 39, 3 * (0.01 + 0.99 * 0.001) = 3 * 0.01099 = 0.03297.
    await typeInCell(page, "D3", "36");
    await expectCellNear(page, "F39", 0.03297);
    // Undo shrinks it back.
    await page.keyboard.press("Control+z");
    await expectCellNear(page, "F27", 0.0597);
    expect((await shown(page, "F28")).value).toBe("");
    // README: (2,000,000 + 800,000) / 1,000,000 = 2.8 today, times 0.01 + 0.99 * 0.1^(k/12).
    await typeFormula(page, "H3", "=AICOST.COST_CURVE({1000000;1000000;1000000}, {100000;100000;100000}, 2, 8)");
    await expectCellNear(page, "H3", 2.8);
    await expectCellNear(page, "H4", 2.8 * (0.01 + 0.99 * 0.1 ** (1 / 12)));
    await expectCellNear(page, "H5", 2.8 * (0.01 + 0.99 * 0.1 ** (2 / 12)));
    // A form the engine cannot size says so at the cell.
    await typeFormula(page, "J3", "=AICOST.PRICE_CURVE(B3, D3*2)");
    await expect(cell(page, "J3").getAttribute("data-value")).resolves.toBe("#VALUE!");
    expect(await page.getByTestId("cell-message").textContent()).toMatch(/months must be a whole number or a single cell/);
  });

  test("undo and redo: Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z and the buttons, for cell edits and pane actions, 50 steps back, and the saved state follows", async () => {
    const { page } = await openPreview();
    await expect(toolbarButton(page, "Undo").isDisabled()).resolves.toBe(true);
    // A cell edit: B17 (month 0's input tokens) is tickets * 6,000.
    await typeInCell(page, "B5", "1000");
    await expectCellNear(page, "B17", 1000 * 6_000);
    expect(await toolbarButton(page, "Undo").getAttribute("title")).toMatch(/Undo Typing "1000" in B5/);
    await page.keyboard.press("Control+z");
    await expectCellNear(page, "B17", 20_000 * 6_000);
    await page.keyboard.press("Control+y");
    await expectCellNear(page, "B17", 1000 * 6_000);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+Shift+z");
    await expectCellNear(page, "B17", 1000 * 6_000);
    // A pane action: switching scenario, undone with the button.
    // Costs scale with tickets: 1,000 instead of 20,000 is 1/20 of the hand-worked totals.
    await page.getByRole("radio", { name: "aggressive" }).check();
    await expectCellNear(page, "G53", totalCost(PRESETS.aggressive) / 20);
    await toolbarButton(page, "Undo").click();
    await page.getByRole("radio", { name: "baseline", checked: true }).waitFor();
    await expectCellNear(page, "G53", totalCost(PRESETS.baseline) / 20);
    await toolbarButton(page, "Redo").click();
    await page.getByRole("radio", { name: "aggressive", checked: true }).waitFor();
    // Insert projection, undone: cells, formats and chart go.
    await showSheet(page, "Try it");
    await goTo(page, "F3");
    await page.getByRole("button", { name: "Insert projection" }).click();
    await charts(page).waitFor();
    await toolbarButton(page, "Undo").click();
    await expect(charts(page).count()).resolves.toBe(0);
    expect((await shown(page, "F17")).value).toBe("");
    // The saved state follows the undo: after a reload the projection is still gone.
    await page.reload();
    await ready(page);
    await showSheet(page, "Try it");
    expect((await shown(page, "F17")).value).toBe("");
    await expect(charts(page).count()).resolves.toBe(0);
    // At least the last 50 steps: 52 edits, 50 undone leave the second.
    for (let step = 1; step <= 52; step++) await typeFormula(page, "D2", String(step));
    await page.locator("#grid").focus();
    for (let undone = 0; undone < 50; undone++) await page.keyboard.press("Control+z");
    await expectCellNear(page, "D2", 2);
    // In a text field Ctrl+Z is the field's own.
    const bar = page.getByRole("textbox", { name: "Formula" });
    await bar.fill("typed");
    await bar.press("Control+z");
    await expectCellNear(page, "D2", 2);
    await screenshot(page, "preview-undo");
  });
});

describe("the budget calendar, the readings and the cost comparison", () => {
  /** Sum over months `from` to `to` of a scenario's price factor f + (1 - f) * m^(t/12), worked out here. */
  function factorSum([m, f]: Parameters, from: number, to: number): number {
    let sum = 0;
    for (let month = from; month <= to; month++) sum += f + (1 - f) * m ** (month / 12);
    return sum;
  }

  async function aprilFiscalYears(page: Page): Promise<void> {
    await showSheet(page, "AICOST Assumptions");
    await typeInCell(page, "E4", "1/1/2027"); // typed as a date, en-US
    await typeInCell(page, "E5", "4");
    await expectCellNear(page, "E4", 46388);
  }

  test("the assumptions sheet shows the readings beside m and f, and the calendar; the sample subtotals each fiscal year", async () => {
    const { page } = await openPreview();
    await showSheet(page, "AICOST Assumptions");
    expect((await shown(page, "D12")).text).toBe("10.0x");
    expect((await shown(page, "E12")).text).toBe("1.0%");
    expect((await shown(page, "E13")).text).toBe("0.1%");
    expect((await shown(page, "D10")).text).toBe("x cheaper per year");
    await aprilFiscalYears(page);
    expect((await shown(page, "E4")).text).toBe("Jan 2027");
    await showSheet(page, "AI support assistant");
    // April fiscal years from January 2027: FY2027 is months 0..2, FY2028 3..14, FY2029 15..26, FY2030 27..35.
    expect((await shown(page, "A56")).text).toBe("FY2027 total");
    expect((await shown(page, "I17")).text).toBe("Jan 2027");
    expect((await shown(page, "J20")).text).toBe("FY2028");
    const fiscalYears = [[0, 2], [3, 14], [15, 26], [27, 35]] as const;
    for (const [index, [from, to]] of fiscalYears.entries()) {
      let expected = 0;
      for (let month = from; month <= to; month++) expected += monthlyCost(month, PRESETS.baseline);
      await expectCellNear(page, `E${56 + index}`, expected);
      let pessimistic = 0;
      for (let month = from; month <= to; month++) pessimistic += monthlyCost(month, PRESETS.pessimistic);
      await expectCellNear(page, `D${56 + index}`, pessimistic);
    }
    await goTo(page, "A55");
    updateDocsImage(await screenshot(page, "preview-fiscal-years"), "preview-fiscal-years.png");
  });

  test("Insert projection compares the monthly cost of every scenario with a reference, by month, in total and by fiscal year", async () => {
    const { page } = await openPreview();
    await aprilFiscalYears(page);
    await showSheet(page, "Try it");
    await goTo(page, "F3");
    // In price mode the cost field is hidden (the hidden attribute wins over the field's flex layout).
    expect(await page.getByLabel("Monthly cost today, USD").isVisible()).toBe(false);
    await page.getByLabel("Project", { exact: true }).selectOption("cost");
    await page.getByLabel("Monthly cost today, USD").fill("12,500");
    await page.getByLabel("Compare the active scenario with").selectOption("pessimistic");
    await page.getByRole("button", { name: "Insert projection" }).click();
    await charts(page).waitFor();
    // F date, G months from start, H fiscal year, I:K the presets, L the sample's fitted row, M
    // active (baseline), N active - pessimistic, O the ratio less one. Months in rows 5..40, the
    // total in 41, fiscal years 42..45.
    expect(await page.getByTestId("aicost-taskpane").textContent()).toMatch(/F3:O45/);
    const baseline = 12_500 * factorSum(PRESETS.baseline, 0, 35);
    const pessimistic = 12_500 * factorSum(PRESETS.pessimistic, 0, 35);
    await expectCellNear(page, "M41", baseline);
    await expectCellNear(page, "I41", pessimistic);
    await expectCellNear(page, "N41", baseline - pessimistic);
    await expectCellNear(page, "O41", baseline / pessimistic - 1);
    await expectCellNear(page, "M42", 12_500 * factorSum(PRESETS.baseline, 0, 2)); // FY2027: Jan-Mar 2027
    await expectCellNear(page, "M43", 12_500 * factorSum(PRESETS.baseline, 3, 14)); // FY2028
    expect((await shown(page, "F42")).text).toBe("FY2027 total");
    expect((await shown(page, "F5")).text).toBe("Jan 2027");
    expect((await shown(page, "M41")).text).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect((await shown(page, "O41")).text).toMatch(/^-\d+\.\d%$/);
    await goTo(page, "A1");
    updateDocsImage(await screenshot(page, "preview-cost-comparison"), "preview-cost-comparison.png");
  });

  test("a full browser storage is said in words", async () => {
    const watched = await openWatchedPage(session.browser, session.baseUrl, { width: 1280, height: 800 });
    opened.push(watched);
    const { page } = watched;
    await page.context().addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.reload();
    await ready(page);
    await typeInCell(page, "B5", "30000");
    await page.getByTestId("preview-notice").filter({ hasText: "This browser's storage for the preview is full, so your latest changes are not saved" }).waitFor({ timeout: 5_000 });
  });
});
