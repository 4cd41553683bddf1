import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BAND_Z90, DEFAULT_BAND, priceQuantile } from "../../src/core";
import { independentNormalCdf } from "./independentNormal";

/** docs/BAND.md's tables say what the code computes: each is recomputed here. */
const bandDoc = readFileSync(join(__dirname, "..", "..", "docs", "BAND.md"), "utf8");

/** The body rows of the first Markdown table after `heading`, as trimmed cells. */
function tableAfter(heading: string): string[][] {
  const start = bandDoc.indexOf(heading);
  if (start < 0) throw new Error(`docs/BAND.md has no "${heading}"`);
  const lines = bandDoc.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split("|").map((cell) => cell.trim()));
  }
  return rows;
}

const number = (text: string): number => Number(text.replace(/,/g, ""));

describe("docs/BAND.md", () => {
  it("states the default band's numbers", () => {
    const rows = tableAfter("## The default band");
    expect(rows.map(([name, m]) => [name, number(m)])).toEqual([
      ["m_p10", DEFAULT_BAND.annualPriceMultiplierP10],
      ["m_p50", DEFAULT_BAND.annualPriceMultiplierP50],
      ["m_p90", DEFAULT_BAND.annualPriceMultiplierP90],
      ["f", DEFAULT_BAND.floorShare],
    ]);
  });

  it("gives the share of today's price at P10, P50 and P90 to the digits shown", () => {
    const rows = tableAfter("### What it means for a price");
    expect(rows.length).toBe(4);
    for (const [months, ...shares] of rows) {
      [0.1, 0.5, 0.9].forEach((q, column) => {
        const shown = shares[column];
        const lastDigit = Math.pow(10, -(shown.split(".")[1] ?? "").length);
        expect(Math.abs(priceQuantile(1, number(months), q, DEFAULT_BAND) - number(shown))).toBeLessThanOrEqual(lastDigit / 2);
      });
    }
  });

  it("places each scenario at the percentile it states (the band's CDF, computed independently)", () => {
    const { annualPriceMultiplierP10: p10, annualPriceMultiplierP50: p50, annualPriceMultiplierP90: p90 } = DEFAULT_BAND;
    const rows = tableAfter("### Where the scenarios fall in the band");
    expect(rows.length).toBe(5);
    for (const [name, m, percentile] of rows) {
      const lnRatio = Math.log(number(m) / p50);
      const spread = lnRatio < 0 ? Math.log(p50 / p10) : Math.log(p90 / p50);
      const cdfPercent = 100 * independentNormalCdf((BAND_Z90 * lnRatio) / spread);
      const shown = number(percentile.replace("about P", ""));
      const lastDigit = Math.pow(10, -(percentile.split(".")[1] ?? "").length);
      // the m column is rounded to the digits shown (0.052 for Stanford's 0.0523), so allow one more step
      expect({ name, off: Math.abs(cdfPercent - shown) <= lastDigit }).toEqual({ name, off: true });
    }
  });

  it("works the tornado example out right: the sample cost with each input at its low and high value", () => {
    const base = { tickets: 20000, inputTokens: 6000, outputTokens: 800, inputPrice: 3, outputPrice: 15, cachedShare: 0.5, cachedPrice: 0.3 };
    type Inputs = typeof base;
    const cost = (x: Inputs) => (x.tickets * (x.inputTokens * ((1 - x.cachedShare) * x.inputPrice + x.cachedShare * x.cachedPrice) + x.outputTokens * x.outputPrice)) / 1e6;
    const keys: Record<string, keyof Inputs> = {
      tickets: "tickets",
      "output tokens per ticket": "outputTokens",
      "output price": "outputPrice",
      "input tokens per ticket": "inputTokens",
      "input price": "inputPrice",
      "cached share": "cachedShare",
      "cached input price": "cachedPrice",
    };
    expect(cost(base)).toBeCloseTo(438, 10);
    const rows = tableAfter("**An example**");
    expect(rows.map(([input]) => input)).toEqual(Object.keys(keys));
    let previousSwing = Infinity;
    for (const [input, low, high, atLow, atHigh, swing] of rows) {
      const key = keys[input];
      expect(number(low)).toBeCloseTo(base[key] * 0.8, 10);
      expect(number(high)).toBeCloseTo(base[key] * 1.2, 10);
      expect(cost({ ...base, [key]: number(low) })).toBeCloseTo(number(atLow), 9);
      expect(cost({ ...base, [key]: number(high) })).toBeCloseTo(number(atHigh), 9);
      expect(Math.abs(number(atHigh) - number(atLow))).toBeCloseTo(number(swing), 9);
      expect(number(swing)).toBeLessThanOrEqual(previousSwing);
      previousSwing = number(swing);
    }
  });
});
