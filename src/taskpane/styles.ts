/**
 * The pane's look: Fluent 2 (Office's design language) from Fluent's own design tokens, applied to
 * native HTML controls. Every rule is scoped under `.aicost-pane`, and the tokens are custom
 * properties of that element, so the pane never restyles the page that hosts it.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/tokens";
import type { ThemeName } from "../ui/chartStyle";

export type { ThemeName };

/** The theme's tokens as CSS custom properties (`--colorNeutralBackground1: #ffffff;`). */
export function themeDeclarations(theme: ThemeName): string {
  const tokens: Theme = theme === "dark" ? webDarkTheme : webLightTheme;
  return Object.entries(tokens)
    .map(([token, tokenValue]) => `--${token}:${String(tokenValue)};`)
    .join("");
}

/** The pane's stylesheet; the theme tokens are added per theme by {@link paneStyleSheet}. */
const rules = String.raw`
.aicost-pane {
  box-sizing: border-box;
  min-width: 0;
  max-width: 100%;
  padding: var(--spacingVerticalM) var(--spacingHorizontalM);
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
  color-scheme: light;
}
.aicost-pane[data-theme="dark"] { color-scheme: dark; }
.aicost-pane *, .aicost-pane *::before, .aicost-pane *::after { box-sizing: inherit; }
.aicost-pane h1 { font-size: var(--fontSizeBase500); line-height: var(--lineHeightBase500); font-weight: var(--fontWeightSemibold); margin: 0 0 var(--spacingVerticalS); }
.aicost-pane h2 { font-size: var(--fontSizeBase400); line-height: var(--lineHeightBase400); font-weight: var(--fontWeightSemibold); margin: 0 0 var(--spacingVerticalS); }
.aicost-pane section { margin: 0 0 var(--spacingVerticalXL); }
.aicost-pane p { margin: 0 0 var(--spacingVerticalS); }
.aicost-pane .aicost-hint { color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); }
.aicost-pane .aicost-notice {
  padding: var(--spacingVerticalS) var(--spacingHorizontalM);
  border-radius: var(--borderRadiusMedium);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  background: var(--colorNeutralBackground3);
  margin-bottom: var(--spacingVerticalM);
}
.aicost-pane .aicost-notice[data-kind="warning"] { background: var(--colorStatusWarningBackground1); border-color: var(--colorStatusWarningBorder1); }
.aicost-pane .aicost-notice ul { margin: var(--spacingVerticalXS) 0 var(--spacingVerticalS); padding-left: var(--spacingHorizontalXL); }
.aicost-pane .aicost-status { margin-bottom: var(--spacingVerticalM); }
/* Kept rendered while empty (zero height), so screen readers announce what is put in it. */
.aicost-pane .aicost-status:empty { margin: 0; }
.aicost-pane .aicost-status[data-kind="error"] { color: var(--colorPaletteRedForeground1); }
.aicost-pane .aicost-status[data-kind="success"] { color: var(--colorPaletteGreenForeground1); }
.aicost-pane .aicost-share-status[data-kind="error"] { color: var(--colorPaletteRedForeground1); }
.aicost-pane .aicost-share-status[data-kind="success"] { color: var(--colorPaletteGreenForeground1); }
.aicost-pane .aicost-share-status[data-kind="warning"] { color: var(--colorPaletteDarkOrangeForeground1); }
.aicost-pane .aicost-share-frozen { width: 100%; border-collapse: collapse; font-size: var(--fontSizeBase200); margin-top: var(--spacingVerticalS); }
.aicost-pane .aicost-share-frozen caption { text-align: left; font-weight: var(--fontWeightSemibold); }
.aicost-pane .aicost-share-frozen th, .aicost-pane .aicost-share-frozen td { text-align: left; vertical-align: top; padding: var(--spacingVerticalXXS) var(--spacingHorizontalXS); border-bottom: var(--strokeWidthThin) solid var(--colorNeutralStroke2); }
.aicost-pane .aicost-share-frozen code { word-break: break-all; }

.aicost-pane fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.aicost-pane legend { padding: 0; font-size: var(--fontSizeBase400); font-weight: var(--fontWeightSemibold); margin-bottom: var(--spacingVerticalS); }
.aicost-pane .aicost-radio { display: grid; grid-template-columns: auto 1fr; column-gap: var(--spacingHorizontalS); align-items: start; padding: var(--spacingVerticalXS) 0; }
.aicost-pane .aicost-radio .aicost-hint { grid-column: 2; }
.aicost-pane input[type="radio"] {
  appearance: none;
  margin: 2px 0 0;
  width: 16px;
  height: 16px;
  border-radius: var(--borderRadiusCircular);
  border: var(--strokeWidthThin) solid var(--colorNeutralStrokeAccessible);
  background: var(--colorNeutralBackground1);
  display: inline-grid;
  place-content: center;
  cursor: pointer;
}
.aicost-pane input[type="radio"]::before { content: ""; width: 10px; height: 10px; border-radius: var(--borderRadiusCircular); background: transparent; }
.aicost-pane input[type="radio"]:checked { border-color: var(--colorCompoundBrandStroke); }
.aicost-pane input[type="radio"]:checked::before { background: var(--colorCompoundBrandForeground1); }
.aicost-pane input[type="radio"]:hover { border-color: var(--colorNeutralStrokeAccessibleHover); }
.aicost-pane .aicost-radio label { cursor: pointer; font-weight: var(--fontWeightRegular); }
.aicost-pane .aicost-radio[data-invalid] .aicost-hint { color: var(--colorPaletteRedForeground1); }

/* The hidden attribute wins over the layout rules below (a hidden field must not show). */
.aicost-pane [hidden] { display: none !important; }
.aicost-pane .aicost-field { display: flex; flex-direction: column; gap: var(--spacingVerticalXXS); margin-bottom: var(--spacingVerticalM); }
.aicost-pane .aicost-field label { font-weight: var(--fontWeightSemibold); }
.aicost-pane .aicost-own-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--spacingHorizontalS); margin-bottom: var(--spacingVerticalS); }
.aicost-pane .aicost-own-row > .aicost-field, .aicost-pane .aicost-own-question { flex: 1 1 100%; margin: 0; }
.aicost-pane .aicost-own-name { overflow-wrap: anywhere; min-width: 0; }
.aicost-pane .aicost-check { display: flex; align-items: center; gap: var(--spacingHorizontalS); margin-bottom: var(--spacingVerticalM); }
.aicost-pane .aicost-row { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalM); }
.aicost-pane .aicost-row > .aicost-field { flex: 1 1 200px; min-width: 0; }
.aicost-pane input[type="text"], .aicost-pane select {
  font: inherit;
  width: 100%;
  min-height: 32px;
  padding: 0 var(--spacingHorizontalS);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
  border-radius: var(--borderRadiusMedium);
}
/* Stretched by their flex column rather than width: 100%, which Chromium resolved wider than the
   field inside a details element (an input overflowed the 320 px pane). */
.aicost-pane .aicost-field > input, .aicost-pane .aicost-field > select { width: auto; min-width: 0; align-self: stretch; }
.aicost-pane select:focus { outline: none; border-bottom: var(--strokeWidthThick) solid var(--colorCompoundBrandStroke); }
.aicost-pane input[type="text"]:hover { border-color: var(--colorNeutralStroke1Hover); border-bottom-color: var(--colorNeutralStrokeAccessibleHover); }
.aicost-pane input[type="text"]:focus { outline: none; border-bottom: var(--strokeWidthThick) solid var(--colorCompoundBrandStroke); }
.aicost-pane input[type="text"][aria-invalid="true"] { border-color: var(--colorPaletteRedBorder2); }
.aicost-pane .aicost-error { color: var(--colorPaletteRedForeground1); font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); }
.aicost-pane .aicost-error:empty { display: none; }

.aicost-pane button {
  font: inherit;
  font-weight: var(--fontWeightSemibold);
  min-height: 32px;
  padding: 0 var(--spacingHorizontalM);
  border-radius: var(--borderRadiusMedium);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  background: var(--colorNeutralBackground1);
  color: var(--colorNeutralForeground1);
  cursor: pointer;
}
.aicost-pane button:hover { background: var(--colorNeutralBackground1Hover); border-color: var(--colorNeutralStroke1Hover); }
.aicost-pane button:active { background: var(--colorNeutralBackground1Pressed); }
.aicost-pane button[data-appearance="primary"] { background: var(--colorBrandBackground); color: var(--colorNeutralForegroundOnBrand); border-color: transparent; }
.aicost-pane button[data-appearance="primary"]:hover { background: var(--colorBrandBackgroundHover); }
.aicost-pane button[data-appearance="primary"]:active { background: var(--colorBrandBackgroundPressed); }
.aicost-pane button:disabled { background: var(--colorNeutralBackgroundDisabled); color: var(--colorNeutralForegroundDisabled); border-color: var(--colorNeutralStrokeDisabled); cursor: not-allowed; }
.aicost-pane .aicost-actions { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); margin-top: var(--spacingVerticalS); }

.aicost-pane :focus-visible { outline: var(--strokeWidthThick) solid var(--colorStrokeFocus2); outline-offset: 2px; }
.aicost-pane details > summary { cursor: pointer; font-weight: var(--fontWeightSemibold); margin-bottom: var(--spacingVerticalS); }
.aicost-pane .aicost-chart { position: relative; height: 260px; margin-bottom: var(--spacingVerticalS); }
.aicost-pane input[type="checkbox"] { accent-color: var(--colorCompoundBrandBackground); width: 16px; height: 16px; margin: 2px 0 0; cursor: pointer; }
.aicost-pane select {
  font: inherit;
  min-height: 32px;
  padding: 0 var(--spacingHorizontalS);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
  border-radius: var(--borderRadiusMedium);
}
.aicost-pane .aicost-price-list { list-style: none; margin: 0 0 var(--spacingVerticalS); padding: 0; }
.aicost-pane .aicost-price-list label, .aicost-pane .aicost-price-list .aicost-hint { overflow-wrap: anywhere; }
.aicost-pane .aicost-insert-price { margin-top: var(--spacingVerticalM); }
.aicost-pane .aicost-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
`;

/** The full stylesheet for one theme: the scoped rules plus the tokens on the pane's root. */
export function paneStyleSheet(): string {
  return (
    `.aicost-pane[data-theme="light"]{${themeDeclarations("light")}}` +
    `.aicost-pane[data-theme="dark"]{${themeDeclarations("dark")}}` +
    rules
  );
}
