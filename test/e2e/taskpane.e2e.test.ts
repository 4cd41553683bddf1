import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openWatchedPage, useBrowserSession, type WatchedPage } from "./support/browser";
import { SCREENSHOTS, updateDocsImage } from "./support/paths";

/**
 * The built taskpane.html outside Office: office.js from the npm copy gives host null, so the
 * pane runs on the in-memory workbook. Every check reads what the pane re-read from that
 * workbook (the status line, the chart's data table), not just what a click changed.
 */
const session = useBrowserSession();

async function openPane(options: { colorScheme?: "light" | "dark" } = {}): Promise<WatchedPage> {
  const watched = await openWatchedPage(session.browser, `${session.baseUrl}taskpane.html`, { width: 320, height: 900, ...options });
  await watched.page.getByRole("radio", { name: "baseline" }).waitFor();
  return watched;
}

/** The value in the chart's data table (its text alternative) for one scenario and month. */
async function tableValue(page: Page, scenario: string, month: number): Promise<number> {
  const cell = page.locator(`[data-testid=aicost-taskpane] tr[data-scenario="${scenario}"] td[data-month="${month}"]`);
  return Number(await cell.getAttribute("data-value"));
}

async function waitForActive(page: Page, scenario: string): Promise<void> {
  await page
    .locator(`[data-testid=aicost-taskpane] tr[data-scenario="${scenario}"] th`)
    .filter({ hasText: `${scenario} (active)` })
    .waitFor({ state: "attached" });
}

async function canvasPaintedPixels(page: Page): Promise<number> {
  return page.locator("[data-testid=aicost-taskpane] canvas[aria-describedby$=\"-summary\"]:not([aria-describedby$=\"tornado-summary\"])").evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (context == null) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if (data[index] > 0) painted++;
    return painted;
  });
}

async function canvasImage(page: Page): Promise<string> {
  return page.locator("[data-testid=aicost-taskpane] canvas[aria-describedby$=\"-summary\"]:not([aria-describedby$=\"tornado-summary\"])").evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

function expectClean(watched: WatchedPage): void {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.externalRequests).toEqual([]);
}

test("outside Office the pane says it is not connected and lists the three presets, baseline active", async () => {
  const watched = await openPane();
  const { page } = watched;
  const pane = page.getByTestId("aicost-taskpane");
  await expect(pane.getByText(/Not connected to Excel/).count()).resolves.toBe(1);
  for (const name of ["pessimistic", "baseline", "aggressive"]) {
    await expect(page.getByRole("radio", { name }).count()).resolves.toBe(1);
  }
  await expect(page.getByRole("radio", { name: "baseline" }).isChecked()).resolves.toBe(true);
  await expect(page.getByRole("group", { name: "Active scenario" }).count()).resolves.toBe(1);
  await expect(pane.getByText(/floors are judgement, not measurement/).count()).resolves.toBe(1);
  expectClean(watched);
  await page.context().close();
});

test("the keyboard reaches the picker first, then the editor, with a visible focus ring", async () => {
  const watched = await openPane();
  const { page } = watched;
  await page.keyboard.press("Tab");
  const focused = (): Promise<{ value: string; label: string; outline: string; underline: string }> =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement;
      const label = active.labels?.[0]?.textContent ?? "";
      const style = getComputedStyle(active);
      return { value: active.value, label, outline: style.outlineStyle, underline: style.borderBottomWidth };
    });
  // Tab lands on the checked radio of the group.
  await expect(focused()).resolves.toMatchObject({ value: "baseline", label: "baseline", outline: "solid" });
  await page.keyboard.press("Tab");
  // Fluent 2 marks a focused text input with a thick brand underline instead of a ring.
  await expect(focused()).resolves.toMatchObject({ label: "x cheaper per year", underline: "2px" });
  await page.keyboard.press("Tab");
  await expect(focused()).resolves.toMatchObject({ label: "Floor, % of today's price" });
  expectClean(watched);
  await page.context().close();
});

test("switching scenario writes the workbook, with the mouse and with arrow keys", async () => {
  const watched = await openPane();
  const { page } = watched;
  await page.getByRole("radio", { name: "aggressive" }).check();
  await waitForActive(page, "aggressive");
  await expect(page.getByRole("status").textContent()).resolves.toMatch(/Active scenario: aggressive/);
  await expect(page.getByRole("heading", { name: "Tune aggressive" }).count()).resolves.toBe(1);
  await expect(page.getByRole("radio", { name: "aggressive" }).isChecked()).resolves.toBe(true);
  await expect(page.getByRole("radio", { name: "baseline" }).isChecked()).resolves.toBe(false);

  // Arrow keys move within the group and switch: aggressive -> (wraps to) pessimistic.
  await page.getByRole("radio", { name: "aggressive" }).focus();
  await page.keyboard.press("ArrowDown");
  await waitForActive(page, "pessimistic");
  await expect(page.getByRole("radio", { name: "pessimistic" }).isChecked()).resolves.toBe(true);
  const focusedValue = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
  expect(focusedValue).toBe("pessimistic"); // focus stays on the group after the re-render
  expectClean(watched);
  await page.context().close();
});

test("the chart renders, refuses an invalid parameter with a message and redraws for a valid one", async () => {
  const watched = await openPane();
  const { page } = watched;
  expect(await canvasPaintedPixels(page)).toBeGreaterThan(1000);

  await page.getByLabel("Today's price, USD per million tokens").fill("10");
  await page.getByRole("radio", { name: "aggressive" }).check();
  await waitForActive(page, "aggressive");
  // aggressive from $10 at month 12: 10 * (0.001 + 0.999 * 0.025) = 0.25975
  expect(await tableValue(page, "aggressive", 12)).toBeCloseTo(0.25975, 10);
  // The shaded band's edges, listed in the text alternative: 10 * (0.01 + 0.99 * 0.02) = 0.298 at
  // P10 and 10 * (0.01 + 0.99 * 0.2) = 2.08 at P90.
  const bandCell = (edge: string) => page.locator(`[data-testid=aicost-taskpane] tr[data-band="${edge}"] td[data-month="12"]`);
  expect(Number(await bandCell("p10").getAttribute("data-value"))).toBeCloseTo(0.298, 10);
  expect(Number(await bandCell("p90").getAttribute("data-value"))).toBeCloseTo(2.08, 10);
  await expect(page.getByRole("img", { name: /^Line chart/ }).getAttribute("aria-label")).resolves.toMatch(/uncertainty band from its P10 to its P90 shaded/);
  const before = await canvasImage(page);

  const editor = page.getByRole("region", { name: "Tune aggressive" });
  const timesCheaper = editor.getByLabel("x cheaper per year");
  await timesCheaper.fill("0");
  await expect(page.getByText(/0 is out of range\. Enter a number from 0\.1 to 1,000,000/).count()).resolves.toBe(1);
  await expect(timesCheaper.getAttribute("aria-invalid")).resolves.toBe("true");
  expect(await tableValue(page, "aggressive", 12)).toBeCloseTo(0.25975, 10); // nothing changed
  expect(await canvasImage(page)).toBe(before);

  await timesCheaper.fill("2");
  await editor.getByLabel("Floor, % of today's price").fill("1");
  await expect(timesCheaper.getAttribute("aria-invalid")).resolves.toBeNull();
  // m = 1/2, f = 1/100 from $10: month 12 = 10 * (0.01 + 0.99 * 0.5) = 5.05; month 36 = 10 * (0.01 + 0.99 * 0.125) = 1.3375
  expect(await tableValue(page, "aggressive", 12)).toBeCloseTo(5.05, 10);
  expect(await tableValue(page, "aggressive", 36)).toBeCloseTo(1.3375, 10);
  expect(await canvasImage(page)).not.toBe(before);

  // Once typing pauses the value is written to the table and read back.
  await page.getByRole("status").filter({ hasText: "Updated aggressive: 2x cheaper per year, floor 1%" }).waitFor();
  // The line under the radio is rendered from the re-read table row.
  const summaryId = await page.getByRole("radio", { name: "aggressive" }).getAttribute("aria-describedby");
  await expect(page.locator(`[id="${summaryId}"]`).textContent()).resolves.toBe("2x cheaper per year, floor 1% of today's price");

  await editor.getByRole("button", { name: "Reset to preset" }).click();
  await page.getByRole("status").filter({ hasText: "Reset aggressive to its preset" }).waitFor();
  await expect(timesCheaper.inputValue()).resolves.toBe("40");
  expect(await tableValue(page, "aggressive", 12)).toBeCloseTo(0.25975, 10);
  expectClean(watched);
  await page.context().close();
});

test("a custom scenario can be added, and becomes active when asked", async () => {
  const watched = await openPane();
  const { page } = watched;
  const form = page.locator("details");
  await form.getByText("Add a scenario of your own").click();
  await form.getByRole("button", { name: "Add scenario" }).click();
  await expect(page.getByText(/Enter a name for the scenario/).count()).resolves.toBe(1);

  await form.getByLabel("Name", { exact: true }).fill("Baseline");
  await form.getByLabel("x cheaper per year").fill("5");
  await form.getByLabel("Floor, % of today's price").fill("2");
  await form.getByRole("button", { name: "Add scenario" }).click();
  await expect(page.getByText(/"baseline" already exists/).count()).resolves.toBe(1);

  await form.getByLabel("Name", { exact: true }).fill("team estimate");
  await form.getByLabel("Make it the active scenario").check();
  await form.getByRole("button", { name: "Add scenario" }).click();
  await waitForActive(page, "team estimate");
  await expect(page.getByRole("radio", { name: "team estimate" }).isChecked()).resolves.toBe(true);
  // 5x cheaper per year (m = 0.2), floor 2% (f = 0.02): the ratio holds whatever the reference price.
  const month0 = await tableValue(page, "team estimate", 0);
  const month12 = await tableValue(page, "team estimate", 12);
  expect(month12 / month0).toBeCloseTo(0.02 + 0.98 * 0.2, 12); // f + (1 - f) * m = 0.216
  expectClean(watched);
  await page.context().close();
});

test("adding without the checkbox keeps the active scenario, Enter submits, a decimal comma is refused; then rename and delete with a question first", async () => {
  const watched = await openPane();
  const { page } = watched;
  const form = page.locator("details").filter({ hasText: "Add a scenario of your own" });
  await form.getByText("Add a scenario of your own").click();
  await form.getByLabel("Name", { exact: true }).fill("team");
  await form.getByLabel("x cheaper per year").fill("3,5");
  await form.getByLabel("Floor, % of today's price").fill("2");
  await form.getByLabel("Floor, % of today's price").press("Enter");
  await page.getByText('"3,5" uses a comma for decimals; type a point instead, e.g. 3.5.', { exact: false }).waitFor();
  await form.getByLabel("x cheaper per year").fill("3.5");
  await form.getByLabel("x cheaper per year").press("Enter");
  await page.getByRole("status").filter({ hasText: "Added team to the scenarios table; the active scenario is still baseline." }).waitFor();
  await expect(page.getByRole("radio", { name: "baseline" }).isChecked()).resolves.toBe(true);

  const own = page.locator("details").filter({ hasText: "Rename or delete your scenarios" });
  await own.getByText("Rename or delete your scenarios").click();
  await own.getByRole("button", { name: "Rename team" }).click();
  await own.getByLabel("New name for team").fill("team 2027");
  await own.getByLabel("New name for team").press("Enter");
  await page.getByRole("status").filter({ hasText: "Renamed team to team 2027." }).waitFor();
  await page.getByRole("radio", { name: "team 2027" }).check();
  await waitForActive(page, "team 2027");
  await own.getByRole("button", { name: "Delete team 2027" }).click();
  await own.getByRole("alert").filter({ hasText: "team 2027 is the active scenario. Delete it? Its row is removed from the table and baseline becomes the active scenario." }).waitFor();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, "taskpane-delete-question.png"), fullPage: true });
  await own.getByRole("button", { name: "Yes, delete team 2027" }).click();
  await page.getByRole("status").filter({ hasText: "Deleted team 2027 from the scenarios table; the active scenario is baseline." }).waitFor();
  await waitForActive(page, "baseline");
  expectClean(watched);
  await page.context().close();
});

test("insert projection reports where the block went", async () => {
  const watched = await openPane();
  const { page } = watched;
  await page.getByRole("button", { name: "Insert projection" }).click();
  await page.getByRole("status").filter({ hasText: /^Inserted the projection at / }).waitFor();
  expectClean(watched);
  await page.context().close();
});

describe.each(["light", "dark"] as const)("%s theme at 320 px", (colorScheme) => {
  test("has no axe-core violations, fits 320 px, and is saved as a screenshot", async () => {
    const watched = await openPane({ colorScheme });
    const { page } = watched;
    await expect(page.getByTestId("aicost-taskpane").getAttribute("data-theme")).resolves.toBe(colorScheme);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);

    await page.addScriptTag({ path: require.resolve("axe-core") });
    const violations = await page.evaluate(async () => {
      const results = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
      return results.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
    });
    expect(violations).toEqual([]);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `taskpane-${colorScheme}-320.png`);
    await page.screenshot({ path, fullPage: true });
    if (colorScheme === "light") {
      updateDocsImage(path, "taskpane.png");
    }
    // Every input and list fits the 320 px pane, with the folded forms open and cost mode chosen.
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    await page.getByLabel("Project", { exact: true }).selectOption("cost");
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-testid=aicost-taskpane] input, [data-testid=aicost-taskpane] select, [data-testid=aicost-taskpane] button")]
        .filter((control) => control.offsetParent !== null)
        .filter((control) => control.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || (control.tagName !== "BUTTON" && control.scrollWidth > control.clientWidth + 1))
        .map((control) => `${control.id || control.textContent}: right edge ${control.getBoundingClientRect().right} px`),
    );
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `taskpane-${colorScheme}-320-forms.png`), fullPage: true });
    expectClean(watched);
    await page.context().close();
  });
});
