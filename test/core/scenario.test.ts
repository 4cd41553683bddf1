import {
  DEFAULT_SCENARIO,
  DEFAULT_SCENARIO_NAME,
  DomainError,
  findPreset,
  isAnnualPriceMultiplier,
  isFloorShare,
  PRESET_SCENARIOS,
  sameScenarioName,
  scenarioNameKey,
  timesCheaperPerYear,
  validateScenario,
} from "../../src/core";
import fc from "fast-check";
import { aggressive, baseline, pessimistic } from "./presets";

describe("preset scenarios", () => {
  it("hold the issue's table: pessimistic 0.5/0.25, baseline 0.1/0.01, aggressive 0.025/0.001", () => {
    const asTable = PRESET_SCENARIOS.map(({ label, annualPriceMultiplier, floorShare }) => ({ label, annualPriceMultiplier, floorShare }));
    expect(asTable).toEqual([pessimistic, baseline, aggressive]);
  });

  it("each carry a source note that says the floor is a judgement", () => {
    for (const preset of PRESET_SCENARIOS) {
      expect(preset.sourceNote).toMatch(/judgement/);
    }
  });

  it("each summarise their source in a few words that the full note also names", () => {
    expect(PRESET_SCENARIOS.map((preset) => preset.sourceSummary)).toEqual(["Gartner 2x", "a16z 10x", "Epoch AI 40x"]);
    for (const preset of PRESET_SCENARIOS) {
      const [source, rate] = [preset.sourceSummary.replace(/ \d+x$/, ""), /(\d+x)$/.exec(preset.sourceSummary)?.[1] ?? "?"];
      expect(preset.sourceNote).toContain(source);
      expect(preset.sourceNote).toContain(`${rate} cheaper per year`);
    }
  });

  it("are frozen so no caller can change a preset for everyone", () => {
    expect(Object.isFrozen(PRESET_SCENARIOS)).toBe(true);
    expect(PRESET_SCENARIOS.every((preset) => Object.isFrozen(preset))).toBe(true);
  });

  it("default to baseline", () => {
    expect(DEFAULT_SCENARIO_NAME).toBe("baseline");
    expect(DEFAULT_SCENARIO.annualPriceMultiplier).toBe(0.1);
    expect(DEFAULT_SCENARIO.floorShare).toBe(0.01);
  });
});

describe("findPreset", () => {
  it.each([
    ["aggressive", 0.025],
    ["Aggressive", 0.025],
    ["PESSIMISTIC", 0.5],
    ["BaseLine", 0.1],
  ])("finds %j whatever its case, as MATCH does", (name, multiplier) => {
    expect(findPreset(name)?.annualPriceMultiplier).toBe(multiplier);
  });

  it.each(["", "base line", "optimistic", "toString", "__proto__", "  PESSIMISTIC ", "\tBaseLine\n", "baseline "])(
    "finds nothing for %j: MATCH does not trim, so neither does AICOST",
    (name) => {
      expect(findPreset(name)).toBeUndefined();
    },
  );
});

describe("the name rule (Excel's MATCH: case aside, exactly)", () => {
  it.each([
    ["baseline", "Baseline", true],
    ["Team Plan", "team plan", true],
    ["baseline ", "baseline", false],
    [" baseline", "baseline", false],
    ["team  plan", "team plan", false],
  ])("%j and %j are the same name: %p", (first, second, same) => {
    expect(sameScenarioName(first, second)).toBe(same);
    expect(scenarioNameKey(first) === scenarioNameKey(second)).toBe(same);
  });

  it("is symmetric and reflexive (fast-check)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        expect(sameScenarioName(first, first)).toBe(true);
        expect(sameScenarioName(first, second)).toBe(sameScenarioName(second, first));
      }),
    );
  });
});

describe("the scenario bounds (one check for functions, sheet and pane)", () => {
  it.each([
    [0.1, true],
    [1, true],
    [1e6, true],
    [Number.MIN_VALUE, true],
    [0, false],
    [-0.1, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ["0.1", false],
    [null, false],
  ])("m = %p is in its domain: %p", (value, inDomain) => {
    expect(isAnnualPriceMultiplier(value)).toBe(inDomain);
  });

  it.each([
    [0, true],
    [0.01, true],
    [1, true],
    [-0.01, false],
    [1.01, false],
    [Number.NaN, false],
    ["0.5", false],
    [undefined, false],
  ])("f = %p is in its domain: %p", (value, inDomain) => {
    expect(isFloorShare(value)).toBe(inDomain);
  });

  it("agrees with validateScenario for any m and f (fast-check)", () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (annualPriceMultiplier, floorShare) => {
        const valid = isAnnualPriceMultiplier(annualPriceMultiplier) && isFloorShare(floorShare);
        let accepted = true;
        try {
          validateScenario({ label: "x", annualPriceMultiplier, floorShare });
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(valid);
      }),
    );
  });
});

describe("validateScenario", () => {
  it("returns a scenario in its domain unchanged", () => {
    const scenario = { label: "flat", annualPriceMultiplier: 1, floorShare: 1 };
    expect(validateScenario(scenario)).toBe(scenario);
  });

  it.each([0, -0.1, Number.NaN, Number.POSITIVE_INFINITY])("rejects m = %p as out of range", (multiplier) => {
    expect(() => validateScenario({ label: "x", annualPriceMultiplier: multiplier, floorShare: 0 })).toThrow(
      expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/annual price multiplier must be a number above 0/) }),
    );
  });

  it.each([-0.01, 1.01, Number.NaN])("rejects f = %p as out of range", (floorShare) => {
    expect(() => validateScenario({ label: "x", annualPriceMultiplier: 0.5, floorShare })).toThrow(
      expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/floor share must be from 0 to 1/) }),
    );
  });

  it("throws DomainError instances", () => {
    expect(() => validateScenario({ label: "x", annualPriceMultiplier: 0, floorShare: 0 })).toThrow(DomainError);
  });
});

describe("timesCheaperPerYear", () => {
  it("is 1/m: 0.1 -> 10x, 0.025 -> 40x, 0.5 -> 2x", () => {
    expect(timesCheaperPerYear(0.1)).toBeCloseTo(10, 12);
    expect(timesCheaperPerYear(0.025)).toBeCloseTo(40, 12);
    expect(timesCheaperPerYear(0.5)).toBe(2);
  });
});
