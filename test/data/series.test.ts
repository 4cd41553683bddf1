/* data/series.json: the GPT-4-level series is what its stated method gives, point by point. */
import { bundledPriceSeries, bundledPriceSeriesList, validatePriceSeries, type PriceSeries } from "../../src/core";

const series = bundledPriceSeries("gpt4-level-gpqa-diamond") as PriceSeries;

describe("the GPT-4-level series", () => {
  it("names its benchmark, threshold, unit, method and source", () => {
    expect(series).toBeDefined();
    expect(series.benchmark).toBe("GPQA Diamond");
    expect(series.threshold).toMatch(/33%/);
    expect(series.unit).toMatch(/blended 3 input : 1 output/);
    expect(series.source).toMatch(/epoch-research\/llm-benchmark-efficiency@34b9233/);
  });

  it("starts at GPT-4's launch, $37.5 blended, and every point has a date and a source", () => {
    expect(series.points[0]).toMatchObject({ date: "2023-03-14", model: "GPT-4-0314", usdPerMillionTokens: 37.5, score: 33 });
    for (const point of series.points) {
      expect(point.source).toMatch(/Epoch AI/);
      expect(point.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it("follows its method: each point scores at least 33% and is cheaper than every point before it", () => {
    series.points.forEach((point, index) => {
      expect(point.score).toBeGreaterThanOrEqual(33);
      if (index > 0) {
        expect(point.usdPerMillionTokens).toBeLessThan(series.points[index - 1].usdPerMillionTokens);
        expect(point.date > series.points[index - 1].date).toBe(true);
      }
    });
  });

  it("is Epoch AI's own selection: the six models of its GPQA Diamond, GPT-4-0314 result", () => {
    expect(series.points.map((point) => point.model)).toEqual(["GPT-4-0314", "GPT-4 Turbo", "Mistral-Large-2024-02", "Claude-3-Haiku", "Gemini-1.5-Flash-2024-05", "Phi 4"]);
  });

  it("is the only series for now, and checked", () => {
    expect(bundledPriceSeriesList()).toHaveLength(1);
  });
});

describe("validatePriceSeries", () => {
  const good = () => JSON.parse(JSON.stringify(series)) as PriceSeries & { points: PriceSeries["points"][number][] };

  it.each([
    ["a missing title", (entry: ReturnType<typeof good>) => Object.assign(entry, { title: "" }), /title is missing/],
    ["one point", (entry: ReturnType<typeof good>) => Object.assign(entry, { points: entry.points.slice(0, 1) }), /needs at least 2 points/],
    ["a bad date", (entry: ReturnType<typeof good>) => Object.assign(entry.points[1], { date: "2023-11" }) && entry, /point 2: '2023-11' is not a YYYY-MM-DD date/],
    ["points out of order", (entry: ReturnType<typeof good>) => Object.assign(entry, { points: [...entry.points].reverse() }), /points must be in date order/],
    ["a zero price", (entry: ReturnType<typeof good>) => Object.assign(entry.points[2], { usdPerMillionTokens: 0 }) && entry, /point 3: the price must be above 0/],
    ["a point without a source", (entry: ReturnType<typeof good>) => Object.assign(entry.points[0], { source: " " }) && entry, /point 1: no source/],
  ])("refuses %s", (_what, spoil, message) => {
    expect(() => validatePriceSeries([spoil(good())])).toThrow(expect.objectContaining({ code: "malformed", message: expect.stringMatching(message) }));
  });
});
