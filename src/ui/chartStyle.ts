/**
 * What the two price charts share, so they read alike: the task pane's chart of the scenarios
 * (src/taskpane/chart.ts) and the chart the preview draws for an inserted projection
 * (src/preview/projectionChart.ts). Line colours per theme, which line is emphasised and how,
 * the axes' titles, ticks and ink, and the pane's shading of the uncertainty band. Plain data: no
 * DOM, no Office.
 */

export type ThemeName = "light" | "dark";

/** The chart's line colours per theme (Fluent's shared data colours, checked against each background). */
export const CHART_LINE_COLOURS: Readonly<Record<ThemeName, readonly string[]>> = {
  light: ["#c50f1f", "#0f6cbd", "#107c10", "#8764b8", "#ca5010", "#038387", "#5c2e91", "#986f0b"],
  dark: ["#f1707b", "#479ef5", "#54b054", "#b196d9", "#f4a266", "#58d3db", "#c5a3e8", "#f2d95c"],
};

/** Axis and legend text, and grid lines, per theme, where no theme tokens are at hand. */
export const CHART_INK: Readonly<Record<ThemeName, { readonly text: string; readonly grid: string }>> = {
  light: { text: "#616161", grid: "rgba(0, 0, 0, 0.1)" },
  dark: { text: "#d6d6d6", grid: "rgba(255, 255, 255, 0.14)" },
};

/** The colour of the n-th line (0-based), cycling through the theme's colours. */
export function lineColour(theme: ThemeName, index: number): string {
  const colours = CHART_LINE_COLOURS[theme];
  return colours[index % colours.length];
}

/**
 * How a price line is drawn: the active scenario's line solid and thick, every other line thin
 * and dashed. Both charts use this, so the emphasised line is the same kind of line in each.
 *
 * @example priceLineStyle(true) // { borderWidth: 3.5, borderDash: [] }
 */
export function priceLineStyle(active: boolean): { readonly borderWidth: number; readonly borderDash: number[] } {
  return active ? { borderWidth: 3.5, borderDash: [] } : { borderWidth: 1.5, borderDash: [5, 3] };
}

export const MONTH_AXIS_TITLE = "Months from today";
export const PRICE_AXIS_TITLE = "USD per M tokens (log scale)";

/**
 * The month axis's tick step: whole years, or for short horizons quarters or months, so the
 * ticks never crowd the last month.
 *
 * @example monthTickStep(36) // 12
 */
export function monthTickStep(lastMonth: number): number {
  return lastMonth > 120 ? 120 : lastMonth > 24 ? 12 : lastMonth > 6 ? 3 : 1;
}

/**
 * A log axis's tick label: only the 1, 2 and 5 of each decade are labelled, so the axis stays
 * readable in a narrow pane.
 *
 * @example logTickLabel(0.5) // "$0.5"
 * @example logTickLabel(0.3) // ""
 */
export function logTickLabel(usd: number): string {
  const leadingDigit = Math.round(usd / Math.pow(10, Math.floor(Math.log10(usd) + 1e-9)));
  return [1, 2, 5].includes(leadingDigit) ? `$${Number(usd.toPrecision(3))}` : "";
}

/**
 * The shading of the uncertainty band (P10 to P90) in the pane's chart: a translucent fill of the
 * theme's neutral ink between two hairline edges, so the scenario lines stay readable on top.
 *
 * Neutral grey rather than a line colour, so it never reads as one of the scenarios.
 *
 * @example bandAreaStyle("light").fill // "rgba(97, 97, 97, 0.16)"
 */
export function bandAreaStyle(theme: ThemeName): { readonly fill: string; readonly edge: string; readonly edgeWidth: number } {
  return theme === "light"
    ? { fill: "rgba(97, 97, 97, 0.16)", edge: "rgba(97, 97, 97, 0.5)", edgeWidth: 1 }
    : { fill: "rgba(214, 214, 214, 0.2)", edge: "rgba(214, 214, 214, 0.55)", edgeWidth: 1 };
}
