import {
  DEFAULT_SCENARIO,
  DEFAULT_SCENARIO_NAME,
  DomainError,
  findPreset,
  PRESET_SCENARIOS,
  timesCheaperPerYear,
  validateScenario,
} from "../../src/core";
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
    ["  PESSIMISTIC ", 0.5],
    ["\tBaseLine\n", 0.1],
  ])("finds %j whatever its case and surrounding spaces", (name, multiplier) => {
    expect(findPreset(name)?.annualPriceMultiplier).toBe(multiplier);
  });

  it.each(["", "base line", "optimistic", "toString", "__proto__"])("finds nothing for %j", (name) => {
    expect(findPreset(name)).toBeUndefined();
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
