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
  // Uncertainty bands (issue 11): label, m_p10, m_p50, m_p90, f; or the four numbers.
  Z1: "team band", AA1: 0.05, AB1: 0.1, AC1: 0.3, AD1: 0.02,
  Z2: 0.05, AA2: 0.1, AB2: 0.3, AC2: 0.02,
  Z3: "swapped", AA3: 0.2, AB3: 0.1, AC3: 0.3, AD3: 0.01,
  /* Z4:AD4 blank: a band row that was cleared */
  Z5: "err", AA5: 0.05, AB5: "=1/0", AC5: 0.3, AD5: 0.02,
  Z6: "text m", AA6: 0.05, AB6: "ten", AC6: 0.3, AD6: 0.02,
  Z7: 3, AA7: 0.05, AB7: 0.1, AC7: 0.3, AD7: 0.02,
  Z8: "flat", AA8: 0.05, AB8: 0.1, AC8: 0.3, AD8: 1,
  Z9: "col band", Z10: 0.01, Z11: 0.057, Z12: 0.5, Z13: 0,
  AA10: 0.75, AA11: 0, AA12: 1, AA13: 0.1,
  // FIT_MULTIPLIER (issue 10): dates in AF, prices in AG; a pair with an empty cell is skipped.
  AF1: 44999, AG1: 37.5, AF2: 45170, AG2: 20, /* AF3 blank */ AG3: 15, AF4: 45300, AG4: 10, AF5: 45400, /* AG5 blank */
  AF6: "2024-06-01", AG6: 3, AF7: 45600, AG7: 1,
  AH1: 37.5, AH2: 20, AH3: 15, AH4: 0, AH5: 5, AH6: 3, AH7: 1, // a price of 0
  AI1: 37.5, AI2: "n/a", AI3: 15, AI4: 10, AI5: 5, AI6: 3, AI7: 1, // text where a price is
  AJ1: 37.5, AJ2: "=1/0", AJ3: 15, AJ4: 10, AJ5: 5, AJ6: 3, AJ7: 1, // an error
  AK1: 45000, AK2: 45000, AK3: 45000, AL1: 5, AL2: 5, AL3: 5, AL4: 5, AL5: 5, AL6: 5, AL7: 5, // one date; flat prices
  AM1: 44999, AM2: "2024-02-30", AM3: 45300, // a text that is no date
  // A prices table in the AICOST Prices sheet's layout (AN1:AX12, header row first).
  AN1: "Model", AO1: "Provider", AP1: "Effective from", AQ1: "Input", AR1: "Output", AS1: "Cached input", AT1: "Source", AU1: "Cache write", AV1: "Batch input", AW1: "Batch output", AX1: "Note",
  AN2: "gpt-4o", AO2: "OpenAI", AP2: 45000, AQ2: 5, AR2: 15, AS2: 2.5, AT2: "list",
  AN3: "GPT-4o", AO3: "OpenAI", AP3: 45500, AQ3: 2.5, AR3: 10, AS3: 1.25, AT3: "list", AV3: 1.25, AW3: 5,
  AN4: "gemini/gemini-2.5-pro", AO4: "Google", AP4: 45700, AQ4: 1.25, AR4: 10, AT4: "list",
  AN5: "o3", AO5: "OpenAI", AP5: 45700, AQ5: 10, AR5: 40, AS5: 2.5, AT5: "list",
  AN6: "o3", AO6: "OpenAI", AP6: 45818.75, AQ6: 2, AR6: 8, AS6: 0.5, AT6: "price cut",
  AN7: "embed-x", AO7: "Us", AP7: 45000, AQ7: 0.1, AT7: "contract",
  AN8: "groq/x-1", AO8: "Groq", AP8: 45000, AQ8: 0.2, AR8: 0.4, AT8: "list",
  AN9: "together_ai/x-1", AO9: "Together AI", AP9: 45000, AQ9: 0.3, AR9: 0.6, AT9: "list",
  AN10: "amazon.nova-pro-v1:0", AO10: "Amazon Bedrock", AP10: 45600, AQ10: 0.8, AR10: 3.2, AT10: "list",
  AN11: " our-llm ", AO11: "Us", AP11: 45600, AQ11: 0, AR11: 0, AT11: "in house",
  /* AN12:AX12 blank: a row that was cleared */
  // The same layout without its header row, and tables with a fault in one model's rows.
  AN20: "gpt-4o", AO20: "OpenAI", AP20: 45000, AQ20: 5, AR20: 15,
  AN21: "gpt-4o", AO21: "OpenAI", AP21: 45500, AQ21: 2.5, AR21: 10,
  AN23: "Model", AO23: "Provider", AP23: "Effective from", AQ23: "Input", AR23: "Output", AS23: "Cached input", AT23: "Source",
  AN24: "neg", AO24: "Us", AP24: 45000, AQ24: -1, AR24: 2, AT24: "typo",
  AN26: "Model", AO26: "Provider", AP26: "Effective from", AQ26: "Input", AR26: "Output", AS26: "Cached input", AT26: "Source",
  AN27: "dup", AO27: "Us", AP27: 45000, AQ27: 1, AR27: 2, AN28: "dup", AO28: "Us", AP28: 45000, AQ28: 3, AR28: 4,
  AN30: "Model", AO30: "Provider", AP30: "Effective from", AQ30: "Input", AR30: "Output", AS30: "Cached input", AT30: "Source",
  AN31: "undated", AO31: "Us", AQ31: 1, AR31: 2,
  AN33: "Model", AO33: "Provider", AP33: "Effective from", AQ33: "Input", AR33: "Output", AS33: "Cached input", AT33: "Source",
  AN34: "text-price", AO34: "Us", AP34: 45000, AQ34: "1 USD", AR34: 2,
  // Arguments in cells.
  AZ1: "gpt-4o", AZ2: " GPT-4O ", AZ3: "gemini-2.5-pro", AZ4: 5, /* AZ5 blank */ AZ6: "gpt4o", AZ7: 45400, /* AZ8 blank */ AZ9: "soon", AZ10: "=NA()",
};

/** Workbook-scoped names besides AICOST_SCENARIO. */
export const INPUT_NAMES: Readonly<Record<string, string>> = {
  TEAM_ROW: `=${q}$D$1:$F$1`,
  TEAM_BAND: `=${q}$Z$1:$AD$1`,
  TEAM_COLUMN: `=${q}$H$1:$H$3`,
  PRICE_CELL: `=${q}$A$1`,
  SCENARIO_CELL: `=${q}$B$1`,
  TEAM_PRICES: `=${q}$AN$1:$AX$12`,
};

export interface CorpusCase {
  /** The original formula, as a user types it (with "="). */
  readonly formula: string;
  /**
   * Set where the native formula's error code is knowingly different from AICOST's (both are
   * errors): the reason, as docs/SHARING.md lists it.
   */
  readonly codeMayDiffer?: string;
  /**
   * A wider relative tolerance for HyperFormula, with the reason: its TINV is good to about 1e-8
   * (TINV(0.1, 3) = 2.3533634196 there, 2.3533634348 in fact). LibreOffice holds these cases to 1e-9.
   */
  readonly hyperFormulaTolerance?: number;
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
  const studentT = (formula: string) => cases.push({ formula, hyperFormulaTolerance: 1e-7 });

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

  // BLENDED_PRICE (issue 10): (3 x 30 + 60) / 4 = 37.5 by default.
  for (const formula of [
    "=AICOST.BLENDED_PRICE(30, 60)",
    "=AICOST.BLENDED_PRICE(30, 60, 0.5)",
    "=AICOST.BLENDED_PRICE(30, 60, 0)",
    "=AICOST.BLENDED_PRICE(30, 60, 1)",
    `=AICOST.BLENDED_PRICE(${q}A15, ${q}A17, ${q}A13)`,
    `=AICOST.BLENDED_PRICE(${q}A15, ${q}A17)`,
    `=AICOST.BLENDED_PRICE(${q}A15, ${q}A17, ${q}A14)`,
    "=AICOST.BLENDED_PRICE(-1, 60)",
    "=AICOST.BLENDED_PRICE(30, -1)",
    "=AICOST.BLENDED_PRICE(30, 60, 1.5)",
    `=AICOST.BLENDED_PRICE(${q}A4, 60)`,
    `=AICOST.BLENDED_PRICE(${q}A7, 60)`,
    `=AICOST.BLENDED_PRICE(${q}A3, 60)`,
    `=AICOST.BLENDED_PRICE(30, 60, ${q}A5)`,
    `=AICOST.PROJECT_PRICE(AICOST.BLENDED_PRICE(${q}A15, ${q}A17), 12, AICOST_SCENARIO)`,
  ]) add(formula);

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

  // PRICE_QUANTILE and COST_QUANTILE (issue 11): the stated percentiles are the band's own m
  // (10 * (0.01 + 0.99 * 0.2) = 2.08 at P90 a year out on the default band); between them
  // NORM.S.INV; every band form, probabilities from cells (AA10: 0.75, AA11: 0, AA12: 1, AA13: 0.1).
  const bands = ["", "TEAM_BAND", `${q}Z1:AD1`, `${q}$Z$2:$AC$2`, `${q}Z9:Z13`, "{\"b\",0.02,0.05,0.2,0.01}", "{0.02,0.05,0.2,0.01}", `${q}Z8:AD8`];
  for (const band of bands) {
    for (const probability of ["0.1", "0.5", "0.9", "0.25", "0.75", `${q}AA10`, `${q}AA13`, "0.001"]) {
      add(`=AICOST.PRICE_QUANTILE(10, 12, ${probability}${band === "" ? "" : `, ${band}`})`);
    }
    add(`=AICOST.COST_QUANTILE(1000, 24, 0.8${band === "" ? "" : `, ${band}`}, 3)`);
    add(`=AICOST.COST_QUANTILE(${q}A1, ${q}A8, 0.3, ${band}, )`);
  }
  for (const formula of [
    `=AICOST.PRICE_QUANTILE(${q}A1, ${q}A8, 0.6, ${q}Z1:AD1)`,
    `=AICOST.PRICE_QUANTILE(10, 1200, 0.999)`,
    `=AICOST.PRICE_QUANTILE(10, 0, 0.3)`,
    "=AICOST.PRICE_QUANTILE(10, 12, 0)",
    "=AICOST.PRICE_QUANTILE(10, 12, 1)",
    "=AICOST.PRICE_QUANTILE(10, 12, -0.5)",
    `=AICOST.PRICE_QUANTILE(10, 12, ${q}AA11)`,
    `=AICOST.PRICE_QUANTILE(10, 12, ${q}AA12)`,
    `=AICOST.PRICE_QUANTILE(10, 12, ${q}A7)`,
    `=AICOST.PRICE_QUANTILE(-1, 12, 0.5)`,
    `=AICOST.PRICE_QUANTILE(10, 1201, 0.5)`,
    '=AICOST.PRICE_QUANTILE(10, 12, 0.5, "baseline")',
    "=AICOST.PRICE_QUANTILE(10, 12, 0.5, 0.1)",
    `=AICOST.PRICE_QUANTILE(10, 12, 0.5, ${q}Z3:AD3)`,
    `=AICOST.PRICE_QUANTILE(10, 12, 0.3, ${q}Z5:AD5)`,
    `=AICOST.PRICE_QUANTILE(10, 12, 0.3, ${q}Z7:AD7)`,
    `=AICOST.PRICE_QUANTILE(10, 12, 0.3, ${q}Z1:AD2)`,
    "=AICOST.PRICE_QUANTILE(10, 12, 0.5, {0.2,0.1,0.3,0.01})",
    `=AICOST.COST_QUANTILE(1000, 12, 0.5, , 0)`,
    `=AICOST.COST_QUANTILE(1000, 12, 0.5, , ${q}A5)`,
    `=AICOST.PROJECT_COST(AICOST.PRICE_QUANTILE(3, 12, 0.9), 12)`,
  ]) add(formula);
  const textAboveNumbers = "text compared with a number sorts above it, so a bound's test is true: #NUM! where AICOST says #VALUE!";
  add(`=AICOST.PRICE_QUANTILE(10, 12, ${q}A4)`, textAboveNumbers);
  add(`=AICOST.PRICE_QUANTILE(10, 12, 0.3, ${q}Z6:AD6)`, textAboveNumbers);
  // PRICE_BAND (issue 11): months + 1 rows of P10, P50, P90; at month 12 on the default band
  // 10 * (0.01 + 0.99 * {0.02, 0.057, 0.2}) = {0.298, 0.6643, 2.08}.
  for (const band of bands) add(`=AICOST.PRICE_BAND(10, 12${band === "" ? "" : `, ${band}`})`);
  for (const formula of [
    "=AICOST.PRICE_BAND(10, 0)",
    `=AICOST.PRICE_BAND(${q}A1, 24, TEAM_BAND)`,
    "=AICOST.PRICE_BAND(10, 2.5)",
    "=AICOST.PRICE_BAND(-10, 3)",
    `=AICOST.PRICE_BAND(10, 3, ${q}Z3:AD3)`,
    `=AICOST.PRICE_BAND(10, 3, ${q}Z5:AD5)`,
    '=AICOST.PRICE_BAND(10, 3, "baseline")',
  ]) add(formula);
  add(`=AICOST.PRICE_QUANTILE(10, 12, 0.3, ${q}Z4:AD4)`, "a blank band row is #NUM! (its empty m reads as 0) where AICOST says #VALUE!");
  // FIT_MULTIPLIER (issue 10): every statistic over dates and prices with blank pairs and a text date.
  const statistics = ["", '"multiplier"', '"m"', '"times_cheaper"', '"r2"', '"n"', '"halving_months"', '"Halving months"', '"low"', '"high"', '""'];
  for (const statistic of statistics) {
    const formula = `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}$AG$1:$AG$7${statistic === "" ? "" : `, ${statistic}`})`;
    if (statistic === '"low"' || statistic === '"high"') studentT(formula);
    else add(formula);
  }
  for (const formula of [
    // The brief's $37.5 -> $0.25 in 21 months of 365.25/12 days: m = (0.25/37.5)^(12/21) = 0.0571.
    "=AICOST.FIT_MULTIPLIER({44999;45638.1875}, {37.5;0.25})",
    '=AICOST.FIT_MULTIPLIER({44999;45638.1875}, {37.5;0.25}, "times_cheaper")',
    '=AICOST.FIT_MULTIPLIER({44999;45638.1875}, {37.5;0.25}, "low")',
    "=AICOST.FIT_MULTIPLIER({44999;45638.1875}, {37.5;0})",
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AH1:AH7)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AI1:AI7)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AJ1:AJ7)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG6)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG7, "slope")`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG7, 5)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF2, ${q}AG1:AG2, "high")`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF2, ${q}AG1:AG2, "r2")`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1, ${q}AG1)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF4:AF5, ${q}AG4:AG5)`,
    `=AICOST.FIT_MULTIPLIER(${q}AK1:AK3, ${q}AG1:AG3)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AL1:AL7)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AL1:AL7, "r2")`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AL1:AL7, "halving_months")`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AL1:AL7, "low")`,
    `=AICOST.FIT_MULTIPLIER(${q}AM1:AM3, ${q}AG1:AG3)`,
    `=AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG7, #N/A)`,
    `=ROUND(AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG7, "times_cheaper"), 1)`,
    `=AICOST.PROJECT_PRICE(10, 12, {"fitted", 0.3, 0}) * AICOST.FIT_MULTIPLIER(${q}AF1:AF7, ${q}AG1:AG7, "n")`,
  ]) add(formula);
  // MODEL_PRICE over a price_table (issue 10): a dated lookup in the table's own cells.
  const table = `${q}$AN$1:$AX$12`;
  for (const [model, type, date] of [
    ['"gpt-4o"', "", ""], ['"gpt-4o"', '"output"', ""], ['"gpt-4o"', '"input"', "45200"], ['"gpt-4o"', '"input"', "45499.9"], ['"gpt-4o"', '"input"', "44000"],
    ['"GPT-4o "', '"cached_input"', ""], ['"gpt-4o"', '"Cached input"', ""], ['"gpt-4o"', '"blended"', ""], ['"gpt-4o"', '"blended"', "45200"], ['"gpt-4o"', '"batch_input"', ""],
    ['"gpt-4o"', '"batch-output"', ""], ['"gpt-4o"', '"batch_input"', "45200"], ['"gpt-4o"', '"cache_write"', ""], ['"gpt-4o"', '""', ""], ['"gpt-4o"', '"retail"', ""],
    ['"gemini-2.5-pro"', "", ""], ['"gemini/gemini-2.5-pro"', '"output"', ""], ['"openai/gpt-4o"', "", ""], ['"OpenAI/gpt-4o"', '"output"', "45200"],
    ['"anthropic/gpt-4o"', "", ""], ['"x-1"', "", ""], ['"groq/x-1"', "", ""], ['"bedrock/amazon.nova-pro-v1:0"', '"output"', ""], ['"mistral/amazon.nova-pro-v1:0"', "", ""],
    ['"our-llm"', "", ""], ['"embed-x"', '"output"', ""], ['"embed-x"', '"blended"', ""], ['"nope"', "", ""], ['"gpt4o"', "", ""], ['""', "", ""], ['" "', "", ""], ["5", "", ""], ["#N/A", "", ""],
    ['"o3"', "", "45817"], ['"o3"', "", "45818"], ['"o3"', "", "45818.2"], ['"o3"', "", "45819"], ['"o3"', "", "-1"], ['"o3"', "", "3000000"], ['"o3"', "", "#DIV/0!"],
    [`${q}AZ1`, "", ""], [`${q}AZ2`, '"output"', ""], [`${q}AZ3`, "", ""], [`${q}AZ4`, "", ""], [`${q}AZ5`, "", ""], [`${q}AZ6`, "", ""], [`${q}AZ10`, "", ""],
    ['"gpt-4o"', "", `${q}AZ7`], ['"gpt-4o"', "", `${q}AZ8`], ['"gpt-4o"', "", `${q}AZ9`], ['"gpt-4o"', "", `${q}AZ10`], [`${q}AZ1&""`, "", ""], [`TRIM(${q}AZ2)`, '"output"', ""],
  ] as const) {
    add(`=AICOST.MODEL_PRICE(${model}, ${type}, ${date}, ${table})`);
  }
  for (const formula of [
    '=AICOST.MODEL_PRICE("gpt-4o", "output", 45600, TEAM_PRICES)',
    `=AICOST.MODEL_PRICE("gpt-4o", , , ${q}AN2:AX11)`,
    `=AICOST.MODEL_PRICE("gpt-4o", "input", 45200, ${q}AN20:AR21)`,
    `=AICOST.MODEL_PRICE("gpt-4o", "batch_input", , ${q}AN20:AR21)`,
    `=AICOST.MODEL_PRICE("gpt-4o", "input", , ${q}AN1:AP12)`,
    `=AICOST.MODEL_PRICE("neg", , , ${q}AN23:AT24)`,
    `=AICOST.MODEL_PRICE("dup", , , ${q}AN26:AT28)`,
    `=AICOST.MODEL_PRICE("undated", , , ${q}AN30:AT31)`,
    `=AICOST.MODEL_PRICE("text-price", , , ${q}AN33:AT34)`,
    `=AICOST.MODEL_PRICE("gpt-4o", , , ${q}AJ1:AJ7)`,
    `=AICOST.INFER_COST(1000000, 200000, AICOST.MODEL_PRICE("gpt-4o", , , TEAM_PRICES), AICOST.MODEL_PRICE("gpt-4o", "output", , TEAM_PRICES))`,
    `=AICOST.PROJECT_PRICE(AICOST.MODEL_PRICE("o3", "blended", , TEAM_PRICES), 12, AICOST_SCENARIO)`,
  ]) add(formula);
  return cases;
}

/** Cases on the Cases sheet itself, filled down: each row reads its own row's price and month. */
export const FILLED_DOWN_ROWS = 12;
export function filledDownFormula(row: number): string {
  return `=AICOST.PROJECT_PRICE($C${row}, D${row}, AICOST_SCENARIO)`;
}
