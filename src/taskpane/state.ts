/**
 * The task pane's view logic without a browser: parsing and validating what a user types in
 * friendly units, the radio list, the chart's series and the messages the pane shows. Plain data
 * in, plain data out, so every rule here is tested without a DOM or a workbook.
 */
import { MAX_MONTHS_AHEAD, priceFactor } from "../core/projection";
import { findPreset, isAnnualPriceMultiplier, isFloorShare, sameScenarioName, type PresetScenario, type Scenario } from "../core/scenario";
import type { AssumptionsState, ScenarioRow } from "../sheet/port";
import { presetNoteFor } from "../sheet/sourceNotes";

/** The chart's reference price when neither the user nor the selected cell gives one. */
export const FALLBACK_REFERENCE_PRICE_USD = 10;
/** The largest "x cheaper per year" the editor accepts: beyond it m underflows to nonsense. */
export const MAX_TIMES_CHEAPER_PER_YEAR = 1_000_000;
/**
 * The smallest "x cheaper per year" the editor accepts: 0.1, prices rising tenfold a year. Below
 * it m grows without bound ("0.000001x" is m = 1e6, and a price of 1e600 after 100 years), which
 * no forecast means and no chart can show.
 */
export const MIN_TIMES_CHEAPER_PER_YEAR = 0.1;
/** The largest reference price the pane accepts, USD per million tokens. */
export const MAX_REFERENCE_PRICE_USD = 1_000_000;
/** The longest scenario name the pane accepts. */
export const MAX_SCENARIO_NAME_LENGTH = 60;

/** The outcome of parsing one input: a value, or a message saying what is wrong and what is allowed. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}

/**
 * Reads a number as people type it: spaces, thousands separators and a unit sign around it are
 * ignored ("1,000", "10x", "1 %", "$10"). A comma counts only as a thousands separator, between
 * groups of three digits ("12,500"): "3,5" is a decimal comma, and reading it as 35 would be a
 * silent wrong number, so it is not a number here (see {@link notANumber}). Returns null when the
 * text is not one number.
 */
export function readNumber(text: string, unitSigns: readonly string[] = []): number | null {
  const spaced = text.trim().replace(/\s/g, "");
  if (spaced.includes(",") && !/^[^,]*?\d{1,3}(,\d{3})+(\.\d*)?[^,\d]*$/.test(spaced)) {
    return null;
  }
  let cleaned = spaced.replace(/,/g, "");
  for (const sign of unitSigns) {
    if (cleaned.toLowerCase().startsWith(sign)) cleaned = cleaned.slice(sign.length);
    if (cleaned.toLowerCase().endsWith(sign)) cleaned = cleaned.slice(0, cleaned.length - sign.length);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    return null;
  }
  const parsed = Number(cleaned);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * The start of the message for text that is not a number: for a decimal comma ("3,5") it says to
 * type a point, since the pane reads numbers the same way in every locale.
 *
 * @example notANumber("3,5") // '"3,5" uses a comma for decimals; type a point instead, e.g. 3.5.'
 */
export function notANumber(text: string): string {
  const typed = text.trim();
  const decimalComma = /^[^\d,]*(\d+),(\d+)[^\d,]*$/.exec(typed.replace(/\s/g, ""));
  return decimalComma !== null ? `"${typed}" uses a comma for decimals; type a point instead, e.g. ${decimalComma[1]}.${decimalComma[2]}.` : `"${typed}" is not a number.`;
}

/** Shows a number with at most 6 significant digits and no trailing zeros: 1/0.025 -> "40". */
export function formatFriendly(amount: number): string {
  return String(Number(amount.toPrecision(6)));
}

const timesCheaperRange = `a number from ${MIN_TIMES_CHEAPER_PER_YEAR} to ${MAX_TIMES_CHEAPER_PER_YEAR.toLocaleString("en-US")}`;

/**
 * Parses "x cheaper per year" into the annual price multiplier m = 1/x.
 *
 * @example parseTimesCheaperPerYear("10") // { ok: true, value: 0.1 }
 */
export function parseTimesCheaperPerYear(text: string): Parsed<number> {
  if (text.trim() === "") {
    return fail(`Enter how many times cheaper per year: ${timesCheaperRange} (1 = flat prices).`);
  }
  const timesCheaper = readNumber(text, ["x", "×"]);
  if (timesCheaper == null) {
    return fail(`${notANumber(text)} Enter ${timesCheaperRange}, e.g. 10 for ten times cheaper per year.`);
  }
  if (!(timesCheaper >= MIN_TIMES_CHEAPER_PER_YEAR) || timesCheaper > MAX_TIMES_CHEAPER_PER_YEAR) {
    return fail(
      `${formatFriendly(timesCheaper)} is out of range. Enter ${timesCheaperRange}: 1 = flat prices, 0.5 = prices double each year, 0.1 = they rise tenfold.`,
    );
  }
  return { ok: true, value: 1 / timesCheaper };
}

/**
 * Parses "floor, % of today's price" into the floor share f = percent / 100.
 *
 * @example parseFloorPercent("1 %") // { ok: true, value: 0.01 }
 */
export function parseFloorPercent(text: string): Parsed<number> {
  if (text.trim() === "") {
    return fail("Enter the floor as a percentage of today's price, from 0 to 100.");
  }
  const percent = readNumber(text, ["%"]);
  if (percent == null) {
    return fail(`${notANumber(text)} Enter a percentage from 0 to 100, e.g. 1 for 1% of today's price.`);
  }
  if (!(percent >= 0 && percent <= 100)) {
    return fail(`${formatFriendly(percent)}% is out of range. Enter a percentage from 0 to 100.`);
  }
  return { ok: true, value: percent / 100 };
}

/** The friendly form of m: "x cheaper per year" = 1/m. */
export function timesCheaperText(annualPriceMultiplier: number): string {
  return formatFriendly(1 / annualPriceMultiplier);
}

/** The friendly form of f: "% of today's price" = 100 f. */
export function floorPercentText(floorShare: number): string {
  return formatFriendly(floorShare * 100);
}

/**
 * Parses the chart's reference price in USD per million tokens. Empty text means "use the default".
 *
 * @example parseReferencePrice("$12.5") // { ok: true, value: 12.5 }
 */
export function parseReferencePrice(text: string): Parsed<number | null> {
  if (text.trim() === "") {
    return { ok: true, value: null };
  }
  const priceUsd = readNumber(text, ["$", "usd"]);
  const range = `a price above $0 and up to $${MAX_REFERENCE_PRICE_USD.toLocaleString("en-US")} per million tokens`;
  if (priceUsd == null) {
    return fail(`${notANumber(text)} Enter ${range}, or leave it empty to use the selected cell.`);
  }
  if (!(priceUsd > 0) || priceUsd > MAX_REFERENCE_PRICE_USD) {
    return fail(`$${formatFriendly(priceUsd)} is out of range. Enter ${range}.`);
  }
  return { ok: true, value: priceUsd };
}

/**
 * Parses the horizon: a whole number of months from 1 to {@link MAX_MONTHS_AHEAD}.
 *
 * @example parseHorizonMonths("36") // { ok: true, value: 36 }
 */
export function parseHorizonMonths(text: string): Parsed<number> {
  const range = `a whole number of months from 1 to ${MAX_MONTHS_AHEAD}`;
  const months = readNumber(text);
  if (months == null) {
    return fail(text.trim() === "" ? `Enter the horizon: ${range}.` : `${notANumber(text)} Enter ${range}.`);
  }
  if (!Number.isInteger(months)) {
    return fail(`${formatFriendly(months)} is not a whole number of months. Enter ${range}.`);
  }
  if (months < 1 || months > MAX_MONTHS_AHEAD) {
    return fail(`${formatFriendly(months)} is out of range. Enter ${range}.`);
  }
  return { ok: true, value: months };
}

/**
 * Checks a new scenario's name: not empty, not too long, not already in the table (names are
 * compared by core's one rule, as the workbook's MATCH compares them: case aside, exactly). The
 * text typed is trimmed: the name written has no spaces around it.
 */
export function parseScenarioName(text: string, existingNames: readonly string[]): Parsed<string> {
  const name = text.trim();
  if (name === "") {
    return fail("Enter a name for the scenario, e.g. team estimate.");
  }
  if (name.length > MAX_SCENARIO_NAME_LENGTH) {
    return fail(`The name has ${name.length} characters; use at most ${MAX_SCENARIO_NAME_LENGTH}.`);
  }
  const taken = existingNames.find((existing) => sameScenarioName(existing, name));
  if (taken != null || findPreset(name) != null) {
    return fail(`A scenario called "${taken ?? name}" already exists. Choose another name.`);
  }
  return { ok: true, value: name };
}

/** One option of the scenario radio group. */
export interface ScenarioOption {
  readonly name: string;
  readonly checked: boolean;
  readonly isPreset: boolean;
  /** The note of the row; for a preset's row without one, the note its values call for (its source, or that it was edited). */
  readonly note: string;
  /** The row's parameters when both are valid; null when the row needs fixing in the sheet. */
  readonly scenario: Scenario | null;
  readonly problems: readonly string[];
}

/** The row as a core Scenario when its parameters are within their domains (core's one check); otherwise null. */
export function rowScenario(row: ScenarioRow): Scenario | null {
  const { annualPriceMultiplier, floorShare } = row;
  if (!isAnnualPriceMultiplier(annualPriceMultiplier) || !isFloorShare(floorShare)) return null;
  return { label: row.name, annualPriceMultiplier, floorShare };
}

function displayedNote(row: ScenarioRow): string {
  const preset = row.isPreset ? findPreset(row.name) : undefined;
  return row.note || (preset == null ? "" : presetNoteFor(preset, row.annualPriceMultiplier, row.floorShare));
}

/**
 * The radio group's options, in table order; the checked one is the row the workbook's Active
 * scenario cell names under core's name rule (MATCH's: case aside, exactly), the first such row,
 * as the workbook's INDEX/MATCH finds it. A B4 of "baseline " checks nothing, as its formulas find nothing.
 */
export function scenarioOptions(assumptions: AssumptionsState): ScenarioOption[] {
  if (assumptions.status === "missing") {
    return [];
  }
  const activeIndex = assumptions.scenarios.findIndex((row) => sameScenarioName(row.name, assumptions.activeScenarioName));
  return assumptions.scenarios.map((row, index) => ({
    name: row.name,
    checked: index === activeIndex,
    isPreset: row.isPreset,
    note: displayedNote(row),
    scenario: rowScenario(row),
    problems: row.problems,
  }));
}

/**
 * The line under a scenario's radio: its parameters in friendly units, or that it needs fixing.
 *
 * @example parameterSummary(baselineOption) // "10x cheaper per year, floor 1% of today's price"
 */
export function parameterSummary(option: ScenarioOption): string {
  if (option.scenario == null) {
    return "Needs fixing in the AICOST Assumptions sheet; left out of the chart.";
  }
  const { annualPriceMultiplier, floorShare } = option.scenario;
  return `${timesCheaperText(annualPriceMultiplier)}x cheaper per year, floor ${floorPercentText(floorShare)}% of today's price`;
}

/** The preset whose values "Reset to preset" restores, or undefined for a custom scenario. */
export function presetFor(option: Pick<ScenarioOption, "name" | "isPreset">): PresetScenario | undefined {
  return option.isPreset ? findPreset(option.name) : undefined;
}

/** Where the chart's reference price comes from, for the label beside it. */
export type ReferenceSource = "typed" | "selection" | "default";

/**
 * The chart's reference price: the one the user typed, else the selected cell's positive number,
 * else $10.
 */
export function chooseReferencePrice(
  typedPriceUsd: number | null,
  selectedNumber: number | null,
): { readonly priceUsd: number; readonly source: ReferenceSource } {
  if (typedPriceUsd != null) {
    return { priceUsd: typedPriceUsd, source: "typed" };
  }
  if (selectedNumber != null && selectedNumber > 0 && Number.isFinite(selectedNumber)) {
    return { priceUsd: selectedNumber, source: "selection" };
  }
  return { priceUsd: FALLBACK_REFERENCE_PRICE_USD, source: "default" };
}

/** One line of the chart. */
export interface ChartSeries {
  readonly name: string;
  readonly active: boolean;
  /** Projected USD per million tokens for months 0..horizon. */
  readonly usdPerMillionTokens: readonly number[];
}

/**
 * The chart's lines: one per scenario with valid parameters, the active one flagged. `overrides`
 * holds parameters being edited but not yet written, so the chart redraws as the user types.
 */
export function chartSeries(
  options: readonly ScenarioOption[],
  referencePriceUsd: number,
  horizonMonths: number,
  overrides: ReadonlyMap<string, Scenario> = new Map(),
): ChartSeries[] {
  const series: ChartSeries[] = [];
  for (const option of options) {
    const scenario = overrides.get(option.name) ?? option.scenario;
    if (scenario == null) continue;
    const prices = new Array<number>(horizonMonths + 1);
    for (let month = 0; month <= horizonMonths; month++) {
      prices[month] = referencePriceUsd * priceFactor(scenario, month);
    }
    series.push({ name: option.name, active: option.checked, usdPerMillionTokens: prices });
  }
  return series;
}

/** The months the chart's text alternative lists: every 12 months, and the horizon itself. */
export function summaryMonths(horizonMonths: number): number[] {
  const months: number[] = [];
  for (let month = 0; month < horizonMonths; month += 12) months.push(month);
  months.push(horizonMonths);
  return months;
}

/**
 * Formats USD per million tokens for the pane: cents above $1, more significant digits below,
 * since projected prices fall to fractions of a cent.
 */
export function formatUsd(usdPerMillionTokens: number): string {
  if (!Number.isFinite(usdPerMillionTokens)) {
    return "too large to show"; // never "$∞" or "$NaN"
  }
  if (usdPerMillionTokens >= 1e9) {
    return `$${usdPerMillionTokens.toExponential(2)}`;
  }
  if (usdPerMillionTokens >= 1) {
    return `$${usdPerMillionTokens.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  return `$${Number(usdPerMillionTokens.toPrecision(3))}`;
}

/** What the set-up area says: nothing when the sheet is fine, an offer to set up, or a repair report. */
export type SetupNotice =
  | { readonly kind: "none" }
  | { readonly kind: "missing"; readonly message: string }
  | { readonly kind: "damaged"; readonly message: string; readonly problems: readonly string[] };

/** The set-up notice for an assumptions state, listing every sheet and row problem in plain words. */
export function setupNotice(assumptions: AssumptionsState): SetupNotice {
  if (assumptions.status === "missing") {
    return {
      kind: "missing",
      message:
        "This workbook has no AICOST Assumptions sheet yet. AICOST formulas use the baseline scenario until you set it up.",
    };
  }
  const problems = [
    ...assumptions.problems,
    ...assumptions.scenarios.flatMap((row) => row.problems.map((problem) => `${row.name || "A row"}: ${problem}`)),
  ];
  if (assumptions.status === "ready" && problems.length === 0) {
    return { kind: "none" };
  }
  return {
    kind: "damaged",
    message: "The AICOST Assumptions sheet needs attention. Repair restores what is missing and keeps your own scenarios.",
    problems,
  };
}

/** The line that says where the pane's changes go. */
export function connectionNotice(connection: "excel" | "preview" | "standalone"): string | null {
  switch (connection) {
    case "excel":
      return null;
    case "preview":
      return "Preview workbook: changes go to the workbook on this page, not to Excel.";
    case "standalone":
      return "Not connected to Excel: changes go to an in-memory workbook in this page and are lost when you close it.";
  }
}

/** The status line after an insert, e.g. "Inserted the projection at Sheet1!B2:F39 with a line chart." */
export function insertedMessage(address: string, chartInserted: boolean): string {
  return `Inserted the projection at ${address}${chartInserted ? " with a line chart" : " (no chart: this workbook cannot hold one)"}.`;
}

/** The message for an error thrown by the workbook, said plainly. */
export function errorMessage(action: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not ${action}: ${detail}`;
}
