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

const gplInAddin = {
  group: ["hyperformula", "hyperformula/*", "**/preview/**", "../preview", "../preview/*"],
  message: "HyperFormula (GPLv3) and the preview stay out of the production add-in bundle.",
};

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
            { group: ["../*", "../**"], message: "src/core imports nothing of ours outside src/core." },
            { group: ["@microsoft/*", "@fluentui/*", "chart.js", "chart.js/*", "hyperformula", "exceljs", "office-*"], message: "src/core is pure: no Office, UI or spreadsheet libraries." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../workbook*", "../workbook/*", "../taskpane*", "../taskpane/*"], message: "functions depend on core only." }, gplInAddin] },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../taskpane*", "../taskpane/*", "../functions*", "../functions/*"], message: "workbook depends on core only." }, gplInAddin] },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "The task pane talks to a WorkbookPort, never to Excel.run." },
      ],
    },
  },
);
