// ESLint: typescript-eslint's recommended rules, the Office add-in rules on the code that calls
// Office.js, and the layer rules of docs/ARCHITECTURE.md, so nobody has to remember them.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officeAddinRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const hostGlobals = ["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "localStorage"].map(
  (name) => ({ name, message: "src/core is pure: no Office, DOM or host globals." }),
);

const hyperformulaInAddin = {
  group: ["hyperformula", "hyperformula/*"],
  message: "HyperFormula (GPLv3) stays out of the production add-in bundle.",
};

const officeGlobals = ["Office", "Excel", "OfficeExtension"].map((name) => ({
  name,
  message: "Office.js belongs in src/workbook, the only layer that touches it.",
}));

/** Dynamic imports in production code: only the pane's entry may load the preview's standalone workbook. */
const dynamicImportMessage = "Production code imports dynamically only ../preview/standalone, from the pane's entry, behind __AICOST_PREVIEW__.";
const dynamicImportRule = { selector: "ImportExpression", message: dynamicImportMessage };
const excelRunRule = {
  selector: "MemberExpression[object.name='Excel'][property.name='run']",
  message: "The task pane talks to a WorkbookPort, never to Excel.run.",
};

/**
 * A layer of docs/DECISIONS.md: files under `files` may import, of ours, only the listed
 * folders of src (and their own folder); never HyperFormula. `ignores` leaves out an entry point
 * that has a rule of its own.
 */
function layer(files, allowed, message, ignores = []) {
  const allow = allowed.flatMap((folder) => [`!../${folder}`, `!../${folder}/*`, `!../${folder}/**`]);
  return {
    files: [files],
    ignores,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../*", "../**", ...allow], message }, hyperformulaInAddin] }],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/workbook/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinRules,
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...hostGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // The one exception: the price catalog's data files, compiled into the bundle (docs/DECISIONS.md).
            { regex: "^\\.\\./(?!\\.\\./data/(?:prices\\.csv|series\\.json)$)", message: "src/core imports nothing of ours outside src/core (but the data files data/prices.csv and data/series.json)." },
            { group: ["@microsoft/*", "@fluentui/*", "chart.js", "chart.js/*", "hyperformula", "exceljs", "office-*"], message: "src/core is pure: no Office, UI or spreadsheet libraries." },
          ],
        },
      ],
    },
  },
  layer("src/functions/**/*.ts", ["core"], "src/functions depends on src/core only."),
  layer("src/sheet/**/*.ts", ["core"], "src/sheet is the pure model of AICOST's sheets: it depends on src/core only."),
  layer("src/share/**/*.ts", ["core", "functions"], "src/share depends on src/core and the functions' parameter tables only."),
  layer("src/workbook/**/*.ts", ["core", "sheet"], "src/workbook (the Office.js implementation) depends on src/sheet and src/core only."),
  layer("src/ui/**/*.ts", ["core"], "src/ui holds UI pieces shared by the pane and the preview: it depends on src/core only."),
  layer("src/taskpane/**/*.ts", ["core", "sheet", "ui"], "The task pane talks to the WorkbookPort (src/sheet/port.ts), never to an implementation of it.", ["src/taskpane/index.ts"]),
  layer("src/cli/**/*.ts", ["core", "functions", "share"], "The command line depends on src/share (and what it builds on) only."),
  {
    // The pane's entry wires the Excel implementation in; the in-memory workbook comes in only
    // through the one dynamic import that production builds compile away (test/build checks the
    // bundle), never a static one.
    files: ["src/taskpane/index.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*", "!../core", "!../core/*", "!../sheet", "!../sheet/*", "!../ui", "!../ui/*", "!../workbook", "!../workbook/*"], message: "The pane's entry wires src/workbook and, through its one guarded dynamic import, ../preview/standalone only." }, hyperformulaInAddin] },
      ],
    },
  },
  {
    // no-restricted-imports does not see import(): production code may import dynamically only
    // the preview's guarded entry, from the pane's entry (the preview itself loads what it likes).
    files: ["src/**/*.ts"],
    ignores: ["src/preview/**", "src/taskpane/**"],
    rules: { "no-restricted-syntax": ["error", dynamicImportRule] },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/workbook/**", "src/preview/**", "src/taskpane/index.ts"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", excelRunRule, dynamicImportRule],
    },
  },
  {
    // The Share-safe copy loads the rewriter when it is used, keeping it out of the pane's first
    // load; that is its one dynamic import (static imports of src/share stay refused by the layer).
    files: ["src/taskpane/shareView.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        excelRunRule,
        { selector: "ImportExpression:not([source.value='../share/package'])", message: "The Share-safe copy imports dynamically only ../share/package." },
      ],
    },
  },
  {
    files: ["src/taskpane/index.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        excelRunRule,
        { selector: "ImportExpression:not([source.value='../preview/standalone'])", message: dynamicImportMessage },
      ],
    },
  },
);
