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

async function openPreview(options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {}): Promise<WatchedPage> {
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
    expect(await page.getByTestId("preview-notice").textContent()).toMatch(/"not a cell" is not a cell/);
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
    // row 5, so month 12 is row 17. Pessimistic in G: base * (0.25 + 0.75 * 0.5) = base * 0.625;
    // the active column (J, baseline): base * (0.01 + 0.99 * 0.1) = base * 0.109.
    const base = await numberAt(page, "G3");
    expect(base).toBeGreaterThan(0);
    await expectCellNear(page, "F17", 12);
    await expectCellNear(page, "G17", base * 0.625);
    await expectCellNear(page, "J17", base * 0.109);
    expect(await page.getByTestId("aicost-taskpane").textContent()).toMatch(/F3:J41/);
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
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["AI support assistant", "AICOST Assumptions", "Try it"]);
    expect(workbook.definedNames.model).toEqual([{ name: "AICOST_SCENARIO", ranges: ["'AICOST Assumptions'!$A$7:$C$7"] }]);
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
    expect(await page.getByTestId("preview-notice").textContent()).toMatch(/Share-safe copy downloaded: 43 AICOST formulas rewritten to built-in functions, none frozen/);
  });
});
