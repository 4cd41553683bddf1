/**
 * A HyperFormula workbook for the equivalence tests: the AICOST Assumptions sheet as Set up writes
 * it (with one custom scenario), the corpus's input sheet and names, and two sheets for formulas:
 * "Orig" holds AICOST formulas (evaluated by the AICOST plugin), "Native" their share-safe
 * rewrites (built-in functions only). useArrayArithmetic makes it evaluate as Excel 365 does,
 * where AICOST formulas are dynamic arrays.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { registerAicostPlugin } from "../../src/preview/aicostPlugin";
import { PREVIEW_ENGINE_CONFIG } from "../../src/preview/document";
import { ASSUMPTIONS_SHEET_NAME, SCENARIO_NAME_DEFINED_NAME, SCENARIO_NAME_REFERENCE } from "../../src/sheet/layout";
import { assumptionsSheetCells } from "../../src/sheet/sheetCells";
import { cellPosition as parseA1 } from "../../src/sheet/addresses";
import { INPUT_CELLS, INPUT_NAMES, INPUT_SHEET } from "./corpus";
import type { NameTarget } from "../../src/share/formula";

registerAicostPlugin();

export const CUSTOM_SCENARIO = { name: "custom team", annualPriceMultiplier: 0.3, floorShare: 0.05, note: "a team's own row" };

export interface EquivalenceWorkbook {
  readonly hf: HyperFormula;
  readonly assumptions: number;
  readonly inputs: number;
  readonly original: number;
  readonly native: number;
}

function put(hf: HyperFormula, sheet: number, address: string, content: RawCellContent): void {
  const position = parseA1(address)!;
  hf.setCellContents({ sheet, ...position }, content);
}

export function equivalenceWorkbook(): EquivalenceWorkbook {
  const hf = HyperFormula.buildEmpty({ ...PREVIEW_ENGINE_CONFIG, useArrayArithmetic: true });
  const add = (name: string) => hf.getSheetId(hf.addSheet(name)) as number;
  const assumptions = add(ASSUMPTIONS_SHEET_NAME);
  const inputs = add(INPUT_SHEET);
  const original = add("Orig");
  const native = add("Native");
  hf.addNamedExpression(SCENARIO_NAME_DEFINED_NAME, `=${SCENARIO_NAME_REFERENCE}`);
  for (const [name, expression] of Object.entries(INPUT_NAMES)) hf.addNamedExpression(name, expression);
  hf.batch(() => {
    const custom = { name: CUSTOM_SCENARIO.name, annualPriceMultiplier: CUSTOM_SCENARIO.annualPriceMultiplier, floorShare: CUSTOM_SCENARIO.floorShare, note: CUSTOM_SCENARIO.note };
    for (const cell of assumptionsSheetCells([custom], { year: 2026, month: 12, day: 3 })) put(hf, assumptions, cell.address, cell.input);
    for (const [address, content] of Object.entries(INPUT_CELLS)) put(hf, inputs, address, content);
  });
  return { hf, assumptions, inputs, original, native };
}

/** What the rewriter needs to know of the names above. */
export function resolveCorpusName(name: string): NameTarget | undefined {
  const shapes: Record<string, NameTarget> = {
    AICOST_SCENARIO: { kind: "range", shape: { rows: 1, columns: 3 } },
    TEAM_ROW: { kind: "range", shape: { rows: 1, columns: 3 } },
    TEAM_COLUMN: { kind: "range", shape: { rows: 3, columns: 1 } },
    TEAM_BAND: { kind: "range", shape: { rows: 1, columns: 5 } },
    PRICE_CELL: { kind: "range", shape: { rows: 1, columns: 1 } },
    SCENARIO_CELL: { kind: "range", shape: { rows: 1, columns: 1 } },
    TEAM_PRICES: { kind: "range", shape: { rows: 12, columns: 11 }, reference: "'In Puts'!$AN$1:$AX$12" },
  };
  return shapes[name.toUpperCase()];
}

/** Sets the Active scenario cell (B4). */
export function activate(workbook: EquivalenceWorkbook, name: string): void {
  put(workbook.hf, workbook.assumptions, "B4", name);
}
