/**
 * The equivalence corpus: AICOST formulas in every argument form, with the input cells they read.
 * test/share/equivalence.test.ts evaluates each original with the AICOST plugin and its rewrite
 * with built-in functions only, both in HyperFormula; test/share/libreoffice.test.ts recomputes
 * the share-safe file in LibreOffice Calc.
 */

export const INPUT_SHEET = "In Puts";
const q = `'${INPUT_SHEET}'!`;

/** The input sheet, by A1 address. A formula starts with "=". */
export const INPUT_CELLS: Readonly<Record<string, string | number>> = {
  A1: 10, A2: 0, A3: -1, A4: "abc", /* A5 blank */ A6: "=1=1", A7: "=1/0", A8: 12, A9: 1200, A10: 1201, A11: 6.5,
  A13: 0.5, A14: 1.5, A15: 3, A16: 0.3, A17: 37.5, A18: 0.25, A19: 21, A20: 2000000, A21: 500000,
  B1: "aggressive", B2: "Pessimistic", B3: "BASELINE", /* B4 blank */ B5: "optimistic", B6: 7, B7: "=NA()", B8: " Pessimistic ",
  // Scenario rows: label, m, f; or m, f.
  D1: "team", E1: 0.2, F1: 0.05,
  D2: 0.3, E2: 0.1,
  /* D3 blank label */ E3: 0.5, F3: 0,
  D4: "flat", E4: 1, F4: 1,
  D5: "zero floor", E5: 0.05, F5: 0,
  D6: "bad m", E6: 0, F6: 0.1,
  D7: "bad f", E7: 0.1, F7: 1.5,
  D8: "neg f", E8: 0.1, F8: -0.1,
  D9: "text m", E9: "ten", F9: 0.1,
  D10: 5, E10: 0.1, F10: 0.01,
  D11: "err", E11: "=1/0", F11: 0.1,
  D12: "=NA()", E12: 0.1, F12: 0.01,
  D13: "rising", E13: 1.5, F13: 0,
  D14: "err f", E14: 0.1, F14: "=1/0",
  /* D15:F15 blank: a scenario row that was cleared */
  // Column scenarios.
  H1: "col team", H2: 0.25, H3: 0.02,
  I1: 0.4, I2: 0.2,
  /* X1:X3 blank: a scenario column that was cleared */
  // Monthly volumes, columns and rows.
  J1: 1000000, J2: 2000000, /* J3 blank */ J4: 4000000, J5: 5000000, J6: 6000000,
  K1: 100000, K2: 200000, K3: 300000, K4: 400000, K5: 500000, K6: 600000,
  L1: 1, L2: 2, L3: "many", L4: 4, L5: 5, L6: 6,
  Q1: 1000000, Q2: "=NA()", Q3: 3000000, Q4: "=1/0", Q5: 5000000, Q6: 6000000,
  M1: 1000000, N1: 1500000, O1: 2000000, P1: 2500000,
  M2: 100000, N2: 150000, O2: 200000, P2: 250000,
  M3: 1, N3: -5, O3: 3, P3: 4,
  // A column of plain numbers for whole-column references.
  S1: 1, S2: 2, S3: 3,
};

/** Workbook-scoped names besides AICOST_SCENARIO. */
export const INPUT_NAMES: Readonly<Record<string, string>> = {
  TEAM_ROW: `=${q}$D$1:$F$1`,
  TEAM_COLUMN: `=${q}$H$1:$H$3`,
  PRICE_CELL: `=${q}$A$1`,
  SCENARIO_CELL: `=${q}$B$1`,
};

export interface CorpusCase {
  /** The original formula, as a user types it (with "="). */
  readonly formula: string;
  /**
   * Set where the native formula's error code is knowingly different from AICOST's (both are
   * errors): the reason, as docs/SHARING.md lists it.
   */
  readonly codeMayDiffer?: string;
}

const scenarios: { text: string; codeMayDiffer?: string }[] = [
  { text: "" }, // omitted
  { text: '"aggressive"' },
  { text: '"Pessimistic"' },
  { text: '"BASELINE"' },
  { text: '""' },
  { text: "AICOST_SCENARIO" },
  { text: `${q}D1:F1` },
  { text: `${q}$D$2:$E$2` },
  { text: `${q}D3:F3` },
  { text: `${q}D4:F4` },
  { text: `${q}D5:F5` },
  { text: `${q}D13:F13` },
  { text: `${q}H1:H3` },
  { text: `${q}I1:I2` },
  { text: `${q}B1` },
  { text: `${q}$B$2` },
  { text: `${q}B3` },
  { text: `${q}B4` },
  { text: "TEAM_ROW" },
  { text: "TEAM_COLUMN" },
  { text: "SCENARIO_CELL" },
  { text: '{"team",0.2,0.05}' },
  { text: "{0.3,0.1}" },
  { text: "{0.3;0.1}" },
  { text: "'AICOST Assumptions'!$A$13:$C$13" },
];

/** Scenario arguments that are errors in AICOST, and the native formula's differences. */
const badScenarios: { text: string; codeMayDiffer?: string }[] = [
  { text: '"optimistic"' },
  { text: '" Pessimistic "' }, // names match as MATCH does: case aside, exactly
  { text: '"  "' },
  { text: `${q}B8`, codeMayDiffer: "a name with spaces around it in a cell is #N/A (MATCH finds nothing) where AICOST says #VALUE!" },
  { text: `${q}D15:F15`, codeMayDiffer: "a blank scenario row is #NUM! (its empty m reads as 0) where AICOST says #VALUE!" },
  { text: `${q}$D$15:$E$15`, codeMayDiffer: "a blank scenario row is #NUM! (its empty m reads as 0) where AICOST says #VALUE!" },
  { text: `${q}X1:X3`, codeMayDiffer: "a blank scenario column is #NUM! (its empty m reads as 0) where AICOST says #VALUE!" },
  { text: `${q}D12:F12` },
  { text: `${q}D14:F14` },
  { text: `${q}B5`, codeMayDiffer: "an unknown name in a cell is #N/A (MATCH finds nothing) where AICOST says #VALUE!" },
  { text: `${q}B6`, codeMayDiffer: "a number in a scenario cell is #N/A (MATCH finds nothing) where AICOST says #VALUE!" },
  { text: `${q}B7` },
  { text: `${q}D6:F6` },
  { text: `${q}D7:F7` },
  { text: `${q}D8:F8` },
  { text: `${q}D9:F9` },
  { text: `${q}D10:F10` },
  { text: `${q}D11:F11` },
  { text: `${q}D1:E2` },
  { text: '{"x",0,0.1}' },
  { text: "7" },
  { text: "#N/A" },
];

const withScenario = (head: string, scenario: string) => (scenario === "" ? `${head})` : `${head}, ${scenario})`);

/** Every case, in a fixed order. */
export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (formula: string, codeMayDiffer?: string) => cases.push(codeMayDiffer ? { formula, codeMayDiffer } : { formula });

  // PROJECT_PRICE: price and month forms under every scenario form.
  const prices = ["10", `${q}A1`, `${q}$A$2`, `${q}A1*2`, "PRICE_CELL"];
  const months = ["12", "0", "1200", `${q}A8`, `${q}A11`];
  prices.forEach((price, priceIndex) =>
    months.forEach((month, monthIndex) =>
      scenarios.forEach((scenario, scenarioIndex) => {
        // The full cross product for the first price; a stride through it for the others.
        if (priceIndex === 0 || (scenarioIndex + monthIndex + priceIndex) % 3 === 0) {
          add(withScenario(`=AICOST.PROJECT_PRICE(${price}, ${month}`, scenario.text));
        }
      }),
    ),
  );
  for (const scenario of badScenarios) add(withScenario(`=AICOST.PROJECT_PRICE(${q}A1, 12`, scenario.text), scenario.codeMayDiffer);
  for (const [price, reason] of [
    [`${q}A3`, undefined], ["-1", undefined], [`${q}A4`, undefined], [`${q}A5`, undefined], [`${q}A6`, undefined], [`${q}A7`, undefined], ['"abc"', undefined], ["#DIV/0!", undefined],
  ] as const) {
    add(`=AICOST.PROJECT_PRICE(${price}, 12, AICOST_SCENARIO)`, reason);
  }
  for (const [month, reason] of [
    [`${q}A10`, undefined], ["1201", undefined], ["-1", undefined], [`${q}A3`, undefined],
    [`${q}A4`, "text in a cell read by months_ahead, which has an upper bound, is #NUM! (text compares above every number) where AICOST says #VALUE!"],
    [`${q}A5`, undefined], [`${q}A7`, undefined], [`${q}A9`, undefined],
  ] as const) {
    add(`=AICOST.PROJECT_PRICE(10, ${month})`, reason);
  }
  const tooFew = "too few arguments: HyperFormula says #N/A, Excel does not accept the formula; the native formula is #VALUE!";
  add("=AICOST.PROJECT_PRICE(10)", tooFew);
  add("=AICOST.PROJECT_PRICE()", tooFew);

  // PROJECT_COST, with volume growth.
  const volumes = ["", "3", `${q}A15`, "1", "0.5"];
  for (const scenario of scenarios.filter((_scenario, index) => index % 2 === 0)) {
    for (const volume of volumes) {
      const scenarioText = scenario.text === "" && volume !== "" ? "" : scenario.text;
      add(volume === "" ? withScenario(`=AICOST.PROJECT_COST(1000, 12`, scenarioText) : `=AICOST.PROJECT_COST(1000, 18, ${scenarioText}, ${volume})`);
    }
  }
  for (const volume of ["0", "-1", `${q}A2`, `${q}A4`, `${q}A5`]) add(`=AICOST.PROJECT_COST(${q}A1, 12, AICOST_SCENARIO, ${volume})`);
  add(`=AICOST.PROJECT_COST(-5, 12)`);
  add(`=AICOST.PROJECT_COST(${q}A1, 1200, "baseline", 3)`);

  // INFER_COST.
  for (const formula of [
    "=AICOST.INFER_COST(2000000, 500000, 3, 15)",
    "=AICOST.INFER_COST(1000000, 200000, 3, 15, 0.6, 0.3)",
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, ${q}A13, ${q}A16)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, ${q}A13)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, 0)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, 1, 0)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, , 0.5)`,
    '=AICOST.INFER_COST("2000000", 500000, 3, 15)',
    "=AICOST.INFER_COST(0, 0, 0, 0)",
    "=AICOST.INFER_COST(-1, 0, 3, 15)",
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A3, 15)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, ${q}A14)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, 1.5)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A5, 15)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A7, 15)`,
    `=AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A4, 15)`,
  ]) add(formula);
  add("=AICOST.INFER_COST(1, 2, 3)", "too few arguments: HyperFormula says #N/A, Excel does not accept the formula; the native formula is #VALUE!");

  // ANNUAL_MULTIPLIER.
  for (const formula of [
    "=AICOST.ANNUAL_MULTIPLIER(37.5, 0.25, 21)",
    `=AICOST.ANNUAL_MULTIPLIER(${q}A17, ${q}A18, ${q}A19)`,
    `=AICOST.ANNUAL_MULTIPLIER(${q}A17, ${q}A17, 12)`,
    "=AICOST.ANNUAL_MULTIPLIER(1, 2, 6)",
    "=AICOST.ANNUAL_MULTIPLIER(0, 1, 12)",
    "=AICOST.ANNUAL_MULTIPLIER(1, -1, 12)",
    "=AICOST.ANNUAL_MULTIPLIER(1, 2, 0)",
    `=AICOST.ANNUAL_MULTIPLIER(${q}A2, 1, 12)`,
    `=AICOST.ANNUAL_MULTIPLIER(${q}A4, 1, 12)`,
  ]) add(formula);
  add(`=AICOST.ANNUAL_MULTIPLIER(${q}A5, 1, 12)`, "an empty cell read by a parameter that must be above 0 reads as 0, so #NUM!, where AICOST says #VALUE! (required)");

  // MONTHS_TO_PRICE.
  for (const scenario of scenarios.filter((_scenario, index) => index % 3 === 0)) {
    add(withScenario("=AICOST.MONTHS_TO_PRICE(10, 1.09", scenario.text));
    add(withScenario(`=AICOST.MONTHS_TO_PRICE(${q}A1, ${q}A1/2`, scenario.text));
  }
  for (const formula of [
    '=AICOST.MONTHS_TO_PRICE(100, 10, "pessimistic")',
    "=AICOST.MONTHS_TO_PRICE(10, 10)",
    "=AICOST.MONTHS_TO_PRICE(10, 20)",
    "=AICOST.MONTHS_TO_PRICE(0, 0)",
    `=AICOST.MONTHS_TO_PRICE(10, 1, ${q}D4:F4)`,
    `=AICOST.MONTHS_TO_PRICE(10, 1, ${q}D13:F13)`,
    `=AICOST.MONTHS_TO_PRICE(10, 1, ${q}D5:F5)`,
    `=AICOST.MONTHS_TO_PRICE(10, 0.0001, "aggressive")`,
    "=AICOST.MONTHS_TO_PRICE(-1, 1)",
    "=AICOST.MONTHS_TO_PRICE(10, -1)",
    `=AICOST.MONTHS_TO_PRICE(${q}A1, ${q}A5)`,
  ]) add(formula);

  // Spilled functions.
  for (const scenario of scenarios.filter((_scenario, index) => index % 2 === 1)) {
    add(withScenario("=AICOST.PRICE_CURVE(8, 3", scenario.text));
    add(withScenario("=AICOST.SCENARIO_PARAMS(", scenario.text).replace("(, ", "("));
  }
  add("=AICOST.SCENARIO_PARAMS()");
  for (const scenario of badScenarios.slice(0, 6)) add(`=AICOST.SCENARIO_PARAMS(${scenario.text})`, scenario.codeMayDiffer);
  for (const formula of [
    "=AICOST.PRICE_CURVE(8, 0)",
    `=AICOST.PRICE_CURVE(${q}A1, 12, AICOST_SCENARIO)`,
    "=AICOST.PRICE_CURVE(8, 1200)",
    "=AICOST.PRICE_CURVE(8, 2.5)",
    "=AICOST.PRICE_CURVE(-8, 3)",
    `=AICOST.PRICE_CURVE(${q}A4, 3)`,
    `=AICOST.PRICE_CURVE(8, 3, ${q}D7:F7)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8, AICOST_SCENARIO)`,
    `=AICOST.COST_CURVE(${q}$J$1:$J$6, ${q}K1:K6, ${q}A1, ${q}A15, "pessimistic", 6, ${q}A13, ${q}A16)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8, ${q}D1:F1, 0, 0.5)`,
    `=AICOST.COST_CURVE(${q}M1:P1, ${q}M2:P2, 2, 8, TEAM_ROW, 12)`,
    `=AICOST.COST_CURVE(${q}M1:P1, ${q}M2:P2, 2, 8, ${q}B2)`,
    // (Array constants as volumes are checked against aicost.ts in closedForms.test.ts: the preview
    // needs COST_CURVE's volumes as a range to know the size of its result.)
    `=AICOST.COST_CURVE(${q}M1:N1, ${q}M2:N2, 2, 8, "aggressive", 1197)`,
    `=AICOST.COST_CURVE(${q}M1:N1, ${q}M2:N2, 2, 8, "aggressive", 1199)`,
    `=AICOST.COST_CURVE(${q}M1:P1, ${q}M2:P2, 2, 8, "aggressive", ${q}A5, ${q}A5, ${q}A5)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K5, 2, 8)`,
    `=AICOST.COST_CURVE(${q}J1:J4, ${q}M2:P2, 2, 8)`,
    `=AICOST.COST_CURVE(${q}L1:L6, ${q}K1:K6, 2, 8)`,
    `=AICOST.COST_CURVE(${q}M3:P3, ${q}M2:P2, 2, 8)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, -2, 8)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8, ${q}D6:F6)`,
    // Error values inside the volume ranges: the first passes through, the copy is an error too.
    `=AICOST.COST_CURVE(${q}Q1:Q6, ${q}K1:K6, 2, 8)`,
    `=AICOST.COST_CURVE(${q}J1:J6, ${q}Q1:Q6, 2, 8)`,
    `=AICOST.COST_CURVE(${q}Q1:Q6, ${q}K1:K6, 2, 8, ${q}D12:F12)`,
    `=AICOST.COST_CURVE(${q}J1:K6, ${q}K1:K6, 2, 8)`,
    "=AICOST.COST_CURVE(1000000, 100000, 2, 8, \"baseline\", 3)",
  ]) add(formula);

  add(`=AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8, ${q}D15:F15)`, "a blank scenario row is #NUM! (its empty m reads as 0) where AICOST says #VALUE!");

  // Nested calls, calls inside other functions, whole-column references around them.
  for (const formula of [
    `=AICOST.PROJECT_COST(AICOST.INFER_COST(${q}A20, ${q}A21, ${q}A1, ${q}A15, ${q}A13, ${q}A16), 12, AICOST_SCENARIO)`,
    `=AICOST.PROJECT_COST(AICOST.INFER_COST(${q}A20, ${q}A21, 3, 15), ${q}A8, ${q}B1, 2)`,
    "=AICOST.PROJECT_PRICE(AICOST.PROJECT_PRICE(10, 12), 12)",
    "=AICOST.PROJECT_PRICE(10, AICOST.MONTHS_TO_PRICE(10, 5))",
    '=AICOST.PROJECT_PRICE(10, AICOST.MONTHS_TO_PRICE(10, 1, "pessimistic"))',
    "=1+AICOST.PROJECT_PRICE(10, 12)*2",
    "=-AICOST.PROJECT_PRICE(10, 12)^2",
    "=ROUND(AICOST.PROJECT_PRICE(10, 12, AICOST_SCENARIO), 2)",
    `=IF(${q}A1>5, AICOST.PROJECT_PRICE(${q}A1, 12), 0)`,
    "=SUM(AICOST.PRICE_CURVE(10, 12, AICOST_SCENARIO))",
    `=SUM(AICOST.COST_CURVE(${q}J1:J6, ${q}K1:K6, 2, 8))`,
    `=AICOST.PROJECT_PRICE(10, 12)+SUM(${q}S:S)`,
    `=AICOST.PROJECT_PRICE(SUM(${q}S:S), 12, "aggressive")`,
    `=AICOST.PROJECT_PRICE(MAX(${q}A1, 20), 12)`,
    `=AICOST.PROJECT_PRICE(INDEX(${q}A1:A3, 1), 12)`,
    `=AICOST.PROJECT_PRICE(${q}A1, 12)&" per million"`,
    "=AICOST.PROJECT_PRICE(AICOST.PROJECT_PRICE(-1, 12), 12)",
    `=AICOST.ANNUAL_MULTIPLIER(10, AICOST.PROJECT_PRICE(10, 12, ${q}D1:F1), 12)`,
    `=AICOST.INFER_COST(1000000, 1000000, AICOST.PROJECT_PRICE(3, 12), AICOST.PROJECT_PRICE(15, 12))`,
    `=AICOST.PROJECT_PRICE(( ${q}A1 + 1 ), 12)`,
  ]) add(formula);
  return cases;
}

/** Cases on the Cases sheet itself, filled down: each row reads its own row's price and month. */
export const FILLED_DOWN_ROWS = 12;
export function filledDownFormula(row: number): string {
  return `=AICOST.PROJECT_PRICE($C${row}, D${row}, AICOST_SCENARIO)`;
}
