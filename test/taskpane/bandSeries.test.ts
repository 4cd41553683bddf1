/* The band the pane's chart shades (src/taskpane/bandSeries.ts): the P10 and P90 curves of
 * AICOST_BAND at the chart's reference price, worked out by hand. */
import { bandEdgeNames, bandSeries, stateBand } from "../../src/taskpane/bandSeries";
import type { BandValues } from "../../src/sheet/port";

const evidence: BandValues = { label: "evidence", annualPriceMultiplierP10: 0.02, annualPriceMultiplierP50: 0.057, annualPriceMultiplierP90: 0.2, floorShare: 0.01 };

describe("bandSeries", () => {
  it("gives the P10 and P90 prices for months 0..horizon", () => {
    const band = bandSeries(evidence, 10, 12);
    expect(band?.p10UsdPerMillionTokens).toHaveLength(13);
    expect(band?.p10UsdPerMillionTokens[0]).toBe(10);
    // 10 * (0.01 + 0.99 * 0.02) = 0.298 and 10 * (0.01 + 0.99 * 0.2) = 2.08
    expect(band?.p10UsdPerMillionTokens[12]).toBeCloseTo(0.298, 12);
    expect(band?.p90UsdPerMillionTokens[12]).toBeCloseTo(2.08, 12);
    // month 24 at P90: 10 * (0.01 + 0.99 * 0.04) = 0.496
    expect(bandSeries(evidence, 10, 24)?.p90UsdPerMillionTokens[24]).toBeCloseTo(0.496, 12);
  });

  it("is null without a band, or when a curve leaves the range of numbers", () => {
    expect(bandSeries(null, 10, 12)).toBeNull();
    expect(bandSeries({ ...evidence, annualPriceMultiplierP90: 1e10 }, 1e300, 1200)).toBeNull();
  });

  it("names the edges by the band's label", () => {
    expect(bandEdgeNames(bandSeries(evidence, 10, 1)!)).toEqual({ p10: "Band P10 (evidence)", p90: "Band P90 (evidence)" });
  });
});

describe("stateBand", () => {
  it("reads the band of a state, null for a missing sheet or a state without one", () => {
    expect(stateBand({ status: "missing" })).toBeNull();
    expect(stateBand({ status: "ready", scenarios: [], activeScenarioName: "baseline", problems: [] })).toBeNull();
    expect(stateBand({ status: "damaged", scenarios: [], activeScenarioName: "baseline", problems: ["x"], band: evidence })).toBe(evidence);
  });
});
