import fc from "fast-check";
import type { AssumptionsState, ScenarioRow } from "../../src/sheet/port";
import {
  FALLBACK_REFERENCE_PRICE_USD,
  MAX_REFERENCE_PRICE_USD,
  chartSeries,
  chooseReferencePrice,
  connectionNotice,
  errorMessage,
  floorPercentText,
  formatUsd,
  insertedMessage,
  parseFloorPercent,
  parseHorizonMonths,
  parseReferencePrice,
  parseScenarioName,
  parseTimesCheaperPerYear,
  parameterSummary,
  presetFor,
  notANumber,
  readNumber,
  scenarioOptions,
  setupNotice,
  summaryMonths,
  timesCheaperText,
  type Parsed,
} from "../../src/taskpane/state";

function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got the message: ${parsed.message}`);
  return parsed.value;
}

function messageOf<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a message, got the value ${String(parsed.value)}`);
  return parsed.message;
}

function row(name: string, m: number | null, f: number | null, extra: Partial<ScenarioRow> = {}): ScenarioRow {
  return { name, annualPriceMultiplier: m, floorShare: f, note: "", isPreset: presetFor({ name, isPreset: true }) != null, problems: [], ...extra };
}

/** The three presets as set up, active = baseline. */
const presetRows = [row("pessimistic", 0.5, 0.25), row("baseline", 0.1, 0.01), row("aggressive", 0.025, 0.001)];
const readyState: AssumptionsState = { status: "ready", activeScenarioName: "baseline", problems: [], scenarios: presetRows };

describe("friendly units: x cheaper per year <-> m", () => {
  test.each([
    // m = 1 / x
    ["10", 0.1], // 1/10
    ["40", 0.025], // 1/40
    ["2", 0.5], // 1/2
    ["1", 1], // flat prices
    ["0.5", 2], // 1/0.5: prices double each year
    ["10x", 0.1],
    [" 10 × ", 0.1],
    ["1,000", 0.001], // 1/1000
  ])("%j cheaper per year is m = %p", (text, m) => {
    expect(valueOf(parseTimesCheaperPerYear(text))).toBeCloseTo(m, 15);
  });

  test.each([
    ["", /Enter how many times cheaper per year: a number from 0.1 to 1,000,000/],
    ["ten", /"ten" is not a number/],
    ["1e400", /is not a number/], // overflows to Infinity
    ["0", /0 is out of range.*from 0\.1 to 1,000,000/],
    ["-5", /-5 is out of range/],
    ["2000000", /2000000 is out of range.*to 1,000,000/],
    ["10%", /not a number/],
    // m = 1e6 would make a price of 1e600 after 100 years: "$∞" in the chart's table.
    ["0.000001", /0.000001 is out of range.*from 0\.1 to 1,000,000.*0\.1 = they rise tenfold/],
    ["0.0999", /0\.0999 is out of range/],
  ])("%j is refused with a message naming the allowed range", (text, message) => {
    expect(messageOf(parseTimesCheaperPerYear(text))).toMatch(message);
  });

  test("the bounds themselves are accepted: 0.1x (m = 10, prices rise tenfold) and 1,000,000x (m = 1e-6)", () => {
    expect(valueOf(parseTimesCheaperPerYear("0.1"))).toBe(10);
    expect(valueOf(parseTimesCheaperPerYear("1000000"))).toBe(1e-6);
  });

  test("every accepted input charts finite prices up to the longest horizon from the largest price (fast-check)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2e6, noNaN: true }), (timesCheaper) => {
        const parsed = parseTimesCheaperPerYear(String(timesCheaper));
        if (!parsed.ok) return;
        const [line] = chartSeries([{ name: "x", checked: true, isPreset: false, note: "", problems: [], scenario: { label: "x", annualPriceMultiplier: parsed.value, floorShare: 0 } }], MAX_REFERENCE_PRICE_USD, 1200);
        expect(line.usdPerMillionTokens.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    [0.1, "10"],
    [0.025, "40"], // 1/0.025 = 40
    [0.5, "2"],
    [0.3, "3.33333"], // 1/0.3 = 3.3333..., six significant digits
  ])("m = %p shows as %j", (m, text) => {
    expect(timesCheaperText(m)).toBe(text);
  });

  test("showing then parsing m gives m back to 6 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 9.99, noNaN: true }), (m) => {
        const back = valueOf(parseTimesCheaperPerYear(timesCheaperText(m)));
        expect(Math.abs(back - m) / m).toBeLessThan(1e-5);
      }),
    );
  });
});

describe("friendly units: floor, % of today's price <-> f", () => {
  test.each([
    ["1", 0.01], // 1/100
    ["1 %", 0.01],
    ["0.1", 0.001], // 0.1/100
    ["25%", 0.25],
    ["0", 0],
    ["100", 1],
  ])("%j is f = %p", (text, f) => {
    expect(valueOf(parseFloorPercent(text))).toBeCloseTo(f, 15);
  });

  test.each([
    ["", /from 0 to 100/],
    ["one", /"one" is not a number/],
    ["101", /101% is out of range.*from 0 to 100/],
    ["-1", /-1% is out of range/],
  ])("%j is refused with a message naming the allowed range", (text, message) => {
    expect(messageOf(parseFloorPercent(text))).toMatch(message);
  });

  test.each([
    [0.01, "1"],
    [0.001, "0.1"],
    [0.25, "25"],
    [0, "0"],
  ])("f = %p shows as %j", (f, text) => {
    expect(floorPercentText(f)).toBe(text);
  });

  test("any f from 0 to 1 survives showing and parsing", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        const back = valueOf(parseFloorPercent(floorPercentText(f)));
        expect(Math.abs(back - f)).toBeLessThanOrEqual(Math.max(f * 1e-5, 1e-300));
      }),
    );
  });
});

describe("readNumber", () => {
  test("reads back every finite number JavaScript writes", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      expect(readNumber(String(n))).toBe(n === 0 ? 0 : n);
    }));
  });

  test.each(["", "abc", "1.2.3", "1-2", "--1", "NaN", "Infinity", "0x10", "3,5", "1,50", "1,0000", "12,50.5", ",5"])("%j is not a number", (text) => {
    expect(readNumber(text)).toBeNull();
  });

  test.each([
    ["1,000", 1000],
    ["12,500.75", 12500.75],
    ["$1,200.50", 1200.5],
    ["1,234,567", 1234567],
    ["10 x", 10],
  ])("%j reads as %p: a comma between groups of three digits is a thousands separator", (text, expected) => {
    expect(readNumber(text, ["$", "x"])).toBe(expected);
  });

  test("says to type a point for a decimal comma", () => {
    expect(notANumber("3,5")).toBe('"3,5" uses a comma for decimals; type a point instead, e.g. 3.5.');
    expect(notANumber(" 12,25 % ")).toBe('"12,25 %" uses a comma for decimals; type a point instead, e.g. 12.25.');
    expect(notANumber("lots")).toBe('"lots" is not a number.');
  });
});

describe("reference price and horizon", () => {
  test("an empty reference price means: use the selected cell or $10", () => {
    expect(valueOf(parseReferencePrice("  "))).toBeNull();
  });

  test.each([
    ["$12.5", 12.5],
    ["10", 10],
    ["0.25 USD", 0.25],
  ])("%j is $%p", (text, usd) => {
    expect(valueOf(parseReferencePrice(text))).toBe(usd);
  });

  test.each([
    ["0", /\$0 is out of range.*above \$0/],
    ["-3", /out of range/],
    ["2000000", /up to \$1,000,000/],
    ["cheap", /"cheap" is not a number/],
  ])("reference price %j is refused", (text, message) => {
    expect(messageOf(parseReferencePrice(text))).toMatch(message);
  });

  test.each([
    ["36", 36],
    ["1", 1],
    ["1200", 1200],
  ])("horizon %j is %p months", (text, months) => {
    expect(valueOf(parseHorizonMonths(text))).toBe(months);
  });

  test.each([
    ["", /Enter the horizon: a whole number of months from 1 to 1200/],
    ["0", /0 is out of range/],
    ["12.5", /12.5 is not a whole number of months\. Enter a whole number of months from 1 to 1200/],
    ["1201", /1201 is out of range/],
    ["year", /"year" is not a number/],
  ])("horizon %j is refused", (text, message) => {
    expect(messageOf(parseHorizonMonths(text))).toMatch(message);
  });
});

describe("new scenario names", () => {
  test("a new name is trimmed and accepted", () => {
    expect(valueOf(parseScenarioName("  team estimate ", ["baseline"]))).toBe("team estimate");
  });

  test.each([
    ["", [], /Enter a name/],
    ["Baseline", ["pessimistic", "baseline"], /"baseline" already exists/],
    ["TEAM ", ["team"], /"team" already exists/],
    ["aggressive", [], /"aggressive" already exists/], // a preset, even when its row was deleted
    ["x".repeat(61), [], /61 characters; use at most 60/],
  ])("%j is refused", (text, existing, message) => {
    expect(messageOf(parseScenarioName(text, existing))).toMatch(message);
  });
});

describe("scenario radio options", () => {
  test("one option per table row, in order, the active one checked", () => {
    const options = scenarioOptions(readyState);
    expect(options.map((option) => [option.name, option.checked])).toEqual([
      ["pessimistic", false],
      ["baseline", true],
      ["aggressive", false],
    ]);
  });

  test("the active name matches ignoring case, as Excel's MATCH does", () => {
    const options = scenarioOptions({ ...readyState, status: "ready", activeScenarioName: "Aggressive" });
    expect(options.filter((option) => option.checked).map((option) => option.name)).toEqual(["aggressive"]);
  });

  test.each(["baseline ", " baseline", "base line"])(
    "an Active scenario cell of %j checks no radio: MATCH does not trim, so the workbook's formulas find no row either, and the sheet's check reports it",
    (activeScenarioName) => {
      const options = scenarioOptions({ ...readyState, status: "ready", activeScenarioName });
      expect(options.filter((option) => option.checked)).toEqual([]);
    },
  );

  test("with two rows of one name, only the first is checked: the row MATCH finds", () => {
    const state: AssumptionsState = { ...readyState, scenarios: [...presetRows, row("Baseline", 0.3, 0.1, { isPreset: false })] };
    expect(scenarioOptions(state).map((option) => option.checked)).toEqual([false, true, false, false]);
  });

  test("a preset row without a note shows the note its values call for: the source while they are the preset's, else that it was edited", () => {
    const [, baseline] = scenarioOptions(readyState);
    expect(baseline.note).toMatch(/a16z/);
    const tuned = scenarioOptions({ ...readyState, scenarios: [presetRows[0], row("baseline", 1 / 3, 0.01), presetRows[2]] });
    expect(tuned[1].note).toBe("Edited from baseline: a16z 10x; these values are not the source's.");
    const custom = scenarioOptions({ ...readyState, scenarios: [...presetRows, row("team", 0.2, 0.05, { isPreset: false })] });
    expect(custom[3].note).toBe("");
  });

  test("presets without a note in the table show their source note", () => {
    const [pessimistic] = scenarioOptions(readyState);
    expect(pessimistic.note).toMatch(/Gartner/);
    expect(pessimistic.isPreset).toBe(true);
  });

  test("a row with a bad parameter has no scenario and keeps its problems", () => {
    const state: AssumptionsState = {
      status: "damaged",
      activeScenarioName: "team",
      problems: [],
      scenarios: [row("team", null, 0.01, { problems: ["B14 holds text; enter a number above 0 such as 0.1"] }), row("wide", 0.5, 1.5)],
    };
    const options = scenarioOptions(state);
    expect(options.map((option) => option.scenario)).toEqual([null, null]); // m missing; f = 1.5 is above 1
    expect(options[0].problems).toEqual(["B14 holds text; enter a number above 0 such as 0.1"]);
  });

  test("a workbook without the sheet has no options", () => {
    expect(scenarioOptions({ status: "missing" })).toEqual([]);
  });
});

describe("the line under each radio", () => {
  test("says the parameters in friendly units", () => {
    const [pessimistic, baseline, aggressive] = scenarioOptions(readyState).map(parameterSummary);
    expect(pessimistic).toBe("2x cheaper per year, floor 25% of today's price"); // 1/0.5, 100 * 0.25
    expect(baseline).toBe("10x cheaper per year, floor 1% of today's price"); // 1/0.1, 100 * 0.01
    expect(aggressive).toBe("40x cheaper per year, floor 0.1% of today's price"); // 1/0.025, 100 * 0.001
  });

  test("says a broken row needs fixing", () => {
    const [broken] = scenarioOptions({ ...readyState, status: "damaged", scenarios: [row("team", null, 0)] });
    expect(parameterSummary(broken)).toMatch(/^Needs fixing in the AICOST Assumptions sheet/);
  });
});

describe("reference price choice", () => {
  test.each([
    [12, 3, { priceUsd: 12, source: "typed" }],
    [null, 3.5, { priceUsd: 3.5, source: "selection" }],
    [null, 0, { priceUsd: FALLBACK_REFERENCE_PRICE_USD, source: "default" }],
    [null, -2, { priceUsd: 10, source: "default" }],
    [null, null, { priceUsd: 10, source: "default" }],
  ])("typed %p, selected %p -> %p", (typed, selected, expected) => {
    expect(chooseReferencePrice(typed, selected)).toEqual(expected);
  });
});

describe("chart series", () => {
  const series = chartSeries(scenarioOptions(readyState), 10, 36);
  const at = (name: string, month: number): number | undefined =>
    series.find((line) => line.name === name)?.usdPerMillionTokens[month];

  test("one line per scenario, 37 points for 36 months, baseline active", () => {
    expect(series.map((line) => [line.name, line.active, line.usdPerMillionTokens.length])).toEqual([
      ["pessimistic", false, 37],
      ["baseline", true, 37],
      ["aggressive", false, 37],
    ]);
  });

  test.each([
    // P(t) = 10 * (f + (1 - f) * m^(t/12))
    ["pessimistic", 0, 10],
    ["pessimistic", 12, 6.25], // 10 * (0.25 + 0.75 * 0.5) = 10 * 0.625
    ["pessimistic", 36, 3.4375], // 10 * (0.25 + 0.75 * 0.125) = 10 * 0.34375
    ["baseline", 0, 10],
    ["baseline", 12, 1.09], // 10 * (0.01 + 0.99 * 0.1) = 10 * 0.109
    ["baseline", 36, 0.1099], // 10 * (0.01 + 0.99 * 0.001) = 10 * 0.01099
    ["aggressive", 0, 10],
    ["aggressive", 12, 0.25975], // 10 * (0.001 + 0.999 * 0.025) = 10 * 0.025975
    ["aggressive", 36, 0.01015609375], // 10 * (0.001 + 0.999 * 0.000015625) = 10 * 0.001015609375
  ])("%s at month %p is $%p", (name, month, usd) => {
    expect(at(name, month)).toBeCloseTo(usd, 12);
  });

  test("a value being typed replaces the row's for its line only", () => {
    const edited = chartSeries(
      scenarioOptions(readyState),
      10,
      12,
      new Map([["baseline", { label: "baseline", annualPriceMultiplier: 0.5, floorShare: 0 }]]),
    );
    expect(edited[1].usdPerMillionTokens[12]).toBeCloseTo(5, 12); // 10 * (0 + 1 * 0.5)
    expect(edited[0].usdPerMillionTokens[12]).toBeCloseTo(6.25, 12); // pessimistic unchanged
  });

  test("rows that need fixing are left out of the chart", () => {
    const state: AssumptionsState = { ...readyState, status: "damaged", scenarios: [...presetRows, row("broken", -1, 0)] };
    expect(chartSeries(scenarioOptions(state), 10, 12).map((line) => line.name)).toEqual(["pessimistic", "baseline", "aggressive"]);
  });

  test("every line starts at the reference price and never goes below its floor", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        (priceUsd, m, f, horizon) => {
          const [line] = chartSeries([{ name: "t", checked: true, isPreset: false, note: "", problems: [], scenario: { label: "t", annualPriceMultiplier: m, floorShare: f } }], priceUsd, horizon);
          expect(line.usdPerMillionTokens[0]).toBeCloseTo(priceUsd, 9);
          for (const usd of line.usdPerMillionTokens) {
            expect(Number.isFinite(usd)).toBe(true);
            expect(usd).toBeGreaterThanOrEqual(priceUsd * f * (1 - 1e-12));
          }
        },
      ),
    );
  });
});

describe("chart text alternative and formats", () => {
  test.each([
    [36, [0, 12, 24, 36]],
    [30, [0, 12, 24, 30]],
    [12, [0, 12]],
    [1, [0, 1]],
  ])("a %p-month horizon lists months %p", (horizon, months) => {
    expect(summaryMonths(horizon)).toEqual(months);
  });

  test.each([
    [10, "$10.00"],
    [1.09, "$1.09"],
    [1234.5, "$1,234.50"],
    [0.1099, "$0.11"], // 3 significant digits: 0.110
    [0.01015609375, "$0.0102"],
    [1e106, "$1.00e+106"], // huge, but never a wall of digits
    [Number.POSITIVE_INFINITY, "too large to show"], // never "$∞"
    [Number.NaN, "too large to show"],
  ])("$%p shows as %j", (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});

describe("messages", () => {
  test("a missing sheet offers set-up and says functions use the baseline", () => {
    const notice = setupNotice({ status: "missing" });
    expect(notice.kind).toBe("missing");
    expect(notice.kind === "missing" && notice.message).toMatch(/baseline scenario until you set it up/);
  });

  test("a sound sheet needs no notice", () => {
    expect(setupNotice(readyState)).toEqual({ kind: "none" });
  });

  test("a damaged sheet lists sheet problems, then each row's, naming the row", () => {
    const notice = setupNotice({
      status: "damaged",
      activeScenarioName: "baseline",
      problems: ["The name AICOST_SCENARIO is missing."],
      scenarios: [row("team", null, 0.01, { problems: ["B14 holds text; enter a number above 0 such as 0.1"] })],
    });
    expect(notice).toEqual({
      kind: "damaged",
      message: expect.stringMatching(/keeps your own scenarios/),
      problems: ["The name AICOST_SCENARIO is missing.", "team: B14 holds text; enter a number above 0 such as 0.1"],
    });
  });

  test("the connection notice says where changes go", () => {
    expect(connectionNotice("excel")).toBeNull();
    expect(connectionNotice("standalone")).toMatch(/^Not connected to Excel: changes go to an in-memory workbook/);
    expect(connectionNotice("preview")).toMatch(/^Preview workbook/);
  });

  test("the insert message says where the block went", () => {
    expect(insertedMessage("Sheet1!B2:F39", true)).toBe("Inserted the projection at Sheet1!B2:F39 with a line chart.");
    expect(insertedMessage("Sheet1!B2:F39", false)).toMatch(/no chart/);
  });

  test("errors are reported with the action that failed", () => {
    expect(errorMessage("switch to team", new Error("The sheet is protected."))).toBe("Could not switch to team: The sheet is protected.");
    expect(errorMessage("save", "busy")).toBe("Could not save: busy");
  });
});
