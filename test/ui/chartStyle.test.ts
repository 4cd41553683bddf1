/* What the pane's chart and the preview's projection chart share (src/ui/chartStyle.ts): both read
 * their line styles, colours and axes from here, so they agree on which line is emphasised. */
import { bandAreaStyle, CHART_LINE_COLOURS, lineColour, logTickLabel, monthTickStep, priceLineStyle } from "../../src/ui/chartStyle";

describe("bandAreaStyle", () => {
  it("shades the band translucently in both themes, its edges more opaque than its fill", () => {
    for (const theme of ["light", "dark"] as const) {
      const style = bandAreaStyle(theme);
      const alpha = (colour: string): number => Number(/,\s*([\d.]+)\)$/.exec(colour)?.[1]);
      expect(alpha(style.fill)).toBeLessThan(0.3);
      expect(alpha(style.edge)).toBeGreaterThan(alpha(style.fill));
    }
  });
});

describe("priceLineStyle", () => {
  it("draws the active scenario's line solid and thick, every other line thin and dashed", () => {
    expect(priceLineStyle(true)).toEqual({ borderWidth: 3.5, borderDash: [] });
    expect(priceLineStyle(false)).toEqual({ borderWidth: 1.5, borderDash: [5, 3] });
  });
});

describe("lineColour", () => {
  it("cycles through the theme's colours", () => {
    expect(lineColour("light", 0)).toBe(CHART_LINE_COLOURS.light[0]);
    expect(lineColour("dark", CHART_LINE_COLOURS.dark.length + 1)).toBe(CHART_LINE_COLOURS.dark[1]);
  });

  it("has as many colours in each theme, all different within a theme", () => {
    expect(CHART_LINE_COLOURS.light).toHaveLength(CHART_LINE_COLOURS.dark.length);
    for (const colours of Object.values(CHART_LINE_COLOURS)) {
      expect(new Set(colours).size).toBe(colours.length);
    }
  });
});

describe("axes", () => {
  it.each([
    [3, 1],
    [12, 3],
    [36, 12],
    [120, 12],
    [240, 120],
  ])("a month axis to %p ticks every %p months", (lastMonth, step) => {
    expect(monthTickStep(lastMonth)).toBe(step);
  });

  it.each([
    [1, "$1"],
    [2, "$2"],
    [5, "$5"],
    [0.05, "$0.05"],
    [3, ""],
    [0.3, ""],
    [200, "$200"],
  ])("labels %p on a log axis as %j (the 1, 2 and 5 of each decade)", (usd, label) => {
    expect(logTickLabel(usd)).toBe(label);
  });
});
