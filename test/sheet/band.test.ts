/* The band block of the assumptions sheet (src/sheet/bandLayout.ts, bandSheet.ts): its cells, the
 * judgement of every way it can be wrong, and what a repair writes. The hosts' behaviour is in
 * the contract suite (test/contract), the readings' evaluation in the preview below. */
import { DEFAULT_BAND } from "../../src/core/band";
import { PreviewDocument } from "../../src/preview/document";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { bandSheetCells, BAND_NAME_REFERENCE } from "../../src/sheet/bandLayout";
import { analyseBand, checkBandRepair, MISSING_BAND_SNAPSHOT, repairedBand, type BandSnapshot } from "../../src/sheet/bandSheet";
import { analyseAssumptions } from "../../src/sheet/checks";
import { editedSnapshot, healthySnapshot } from "./snapshotFixtures";

function bandOf(edits: Record<string, string | number> = {}, nameReference?: string | null): BandSnapshot {
  const band = editedSnapshot(edits).band;
  return nameReference === undefined ? band : { ...band, nameReference };
}

describe("bandSheetCells", () => {
  it("writes the default band on H5:L5, where AICOST_BAND points, and nothing outside H1:M10, leaving row 2 and rows from 11 to the scenarios' long notes", () => {
    const cells = new Map(bandSheetCells().map((cell) => [cell.address, cell.input]));
    expect(["H4", "I4", "J4", "K4", "L4"].map((address) => cells.get(address))).toEqual(["Band", "m_p10", "m_p50", "m_p90", "f"]);
    expect(["H5", "I5", "J5", "K5", "L5"].map((address) => cells.get(address))).toEqual(["evidence", 0.02, 0.057, 0.2, 0.01]);
    expect(BAND_NAME_REFERENCE).toBe("'AICOST Assumptions'!$H$5:$L$5");
    for (const cell of bandSheetCells()) {
      expect(cell.columnIndex).toBeGreaterThanOrEqual(7); // H
      expect(cell.columnIndex).toBeLessThanOrEqual(12); // M
      expect(cell.rowNumber).toBeLessThanOrEqual(10);
    }
  });

  it("gives each number's default its source, stating the default it explains", () => {
    const cells = new Map(bandSheetCells().map((cell) => [cell.address, cell.input]));
    expect(cells.get("H7")).toBe("m_p10");
    expect(cells.get("I7")).toBe(`Default 0.02: ${DEFAULT_BAND.sourceNotes.annualPriceMultiplierP10}`);
    expect(cells.get("I8")).toMatch(/^Default 0.057: 17.5x cheaper per year: the product brief/);
    expect(cells.get("I9")).toMatch(/^Default 0.2: 5x cheaper per year: Gundlach et al/);
    expect(cells.get("I10")).toMatch(/^Default 0.01: Floor of 1% of today's price/);
    expect(cells.get("H3")).toMatch(/^How sure is the decline\?/);
  });

  it("reads in words a finance user understands, following edits (evaluated in the preview's engine)", async () => {
    const workbookDocument = PreviewDocument.empty("Sheet1");
    const port = new PreviewWorkbook(workbookDocument, new SimpleSelection());
    await port.setUpAssumptions();
    const { hf } = workbookDocument;
    const sheet = hf.getSheetId("AICOST Assumptions") as number;
    const reading = (col: number): unknown => hf.getCellValue({ sheet, row: 5, col });
    // 1 / 0.02 = 50; 1 / 0.057 = 17.54 -> 17.5; 1 / 0.2 = 5; 0.01 * 100 = 1%
    expect([8, 9, 10, 11].map(reading)).toEqual(["50x cheaper per year", "17.5x cheaper per year", "5x cheaper per year", "floor of 1% of today's price"]);
    hf.setCellContents({ sheet, row: 4, col: 9 }, 0.1);
    expect(reading(9)).toBe("10x cheaper per year");
    hf.setCellContents({ sheet, row: 4, col: 9 }, 0);
    expect(reading(9)).toBe("enter m above 0");
  });
});

describe("analyseBand", () => {
  it("reads a set-up block as the default band without problems", () => {
    expect(analyseBand(bandOf())).toEqual({
      band: { label: "evidence", annualPriceMultiplierP10: 0.02, annualPriceMultiplierP50: 0.057, annualPriceMultiplierP90: 0.2, floorShare: 0.01 },
      problems: [],
    });
  });

  it("an empty label is a band labelled custom, as the functions read it", () => {
    expect(analyseBand(bandOf({ H5: "" })).band?.label).toBe("custom");
  });

  it.each([
    [{ I5: "" }, /^I5 \(m_p10\) is empty; enter a number above 0 such as 0.02/],
    [{ J5: "fast" }, /^J5 \(m_p50\) holds the text "fast"; enter a number above 0 such as 0.057/],
    [{ K5: "'0.2" }, /^K5 \(m_p90\) holds the text "0.2" \(a number stored as text; retype it\)/],
    [{ K5: -1 }, /^K5 \(m_p90\) is -1, but a multiplier must be above 0/],
    [{ L5: 1.5 }, /^L5 \(f\) is 1.5, but the floor share must be from 0 to 1/],
    [{ H5: 3 }, /^H5 holds 3; the band's label must be text/],
    [{ I5: 0.1, J5: 0.05 }, /^I5 \(m_p10, 0.1\) is above J5 \(m_p50, 0.05\)/],
    [{ J5: 0.3 }, /^J5 \(m_p50, 0.3\) is above K5 \(m_p90, 0.2\)/],
    [{ J4: "median" }, /^J4 should read "m_p50" but holds the text "median"; the band block may have been moved/],
    [{ K6: "5x" }, /^K6 no longer holds its formula that put the band in words/],
  ])("%o: one problem naming the cell, and no band", (edits, message) => {
    const analysis = analyseBand(bandOf(edits));
    expect(analysis.problems).toEqual([expect.stringMatching(message)]);
    if (!("J4" in edits) && !("K6" in edits)) {
      expect(analysis.band).toBeNull();
    }
  });

  it("a missing or moved name is a problem saying what Repair does", () => {
    expect(analyseBand(bandOf({}, null)).problems).toEqual([expect.stringMatching(/^The name AICOST_BAND is missing, so formulas that use it show #NAME\?/)]);
    expect(analyseBand(bandOf({}, "='AICOST Assumptions'!$H$6:$L$6")).problems).toEqual([
      expect.stringMatching(/^The name AICOST_BAND refers to 'AICOST Assumptions'!\$H\$6:\$L\$6 instead of/),
    ]);
  });

  it("a workbook set up before the band gets one plain message, and the sheet is damaged", () => {
    expect(analyseBand(MISSING_BAND_SNAPSHOT).problems).toEqual([expect.stringMatching(/^This workbook was set up before AICOST had an uncertainty band.*Repair adds the default band/)]);
    const state = analyseAssumptions({ ...healthySnapshot(), band: MISSING_BAND_SNAPSHOT });
    expect(state.status).toBe("damaged");
  });

  it("and refuses to add the band over the user's cells, naming them", () => {
    const occupied = { ...MISSING_BAND_SNAPSHOT, filledCells: ["H3", "M10"] };
    expect(analyseBand(occupied).problems[0]).toMatch(/but H3, M10 hold cells of yours there: move them out of H1:M10/);
    expect(() => checkBandRepair(occupied)).toThrow(/H3, M10 hold cells of yours/);
    expect(() => checkBandRepair(MISSING_BAND_SNAPSHOT)).not.toThrow();
    expect(() => checkBandRepair(bandOf({ J5: "x" }))).not.toThrow(); // the block is AICOST's: repair rewrites it
  });
});

describe("repairedBand", () => {
  it("keeps every valid number and the label, restores invalid ones from the default band", () => {
    expect(repairedBand(bandOf({ H5: "team", I5: 0.03, J5: "x", K5: 0.3, L5: 2 }))).toEqual({
      label: "team",
      annualPriceMultiplierP10: 0.03,
      annualPriceMultiplierP50: 0.057,
      annualPriceMultiplierP90: 0.3,
      floorShare: 0.01,
    });
  });

  it("puts back the default multipliers when the kept ones are out of order, keeping f", () => {
    expect(repairedBand(bandOf({ I5: 0.1, J5: 0.05, L5: 0.02 }))).toMatchObject({ annualPriceMultiplierP10: 0.02, annualPriceMultiplierP50: 0.057, annualPriceMultiplierP90: 0.2, floorShare: 0.02 });
  });

  it("gives the default band to a workbook without one, and the default label for a number in H5", () => {
    expect(repairedBand(MISSING_BAND_SNAPSHOT)).toBe(DEFAULT_BAND);
    expect(repairedBand(bandOf({ H5: 7 })).label).toBe("evidence");
  });
});
