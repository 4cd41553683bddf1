import fc from "fast-check";
import { DomainError } from "../../src/core/errors";
import {
  COST_FORMAT,
  findReferenceScenario,
  fiscalYearRowCount,
  projectionBlock,
  PRICE_FORMAT,
  VARIANCE_PERCENT_FORMAT,
} from "../../src/sheet/projectionBlock";
import { columnLetters, columnIndex, parseCellAddress, sheetPrefix } from "../../src/sheet/addresses";

const presets = [
  { name: "pessimistic", rowNumber: 11 },
  { name: "baseline", rowNumber: 12 },
  { name: "aggressive", rowNumber: 13 },
];

describe("projectionBlock", () => {
  const A = "'AICOST Assumptions'!";
  const block = projectionBlock({ horizonMonths: 3, baseValueUsd: 10, scenarios: presets, anchor: "Sheet1!B2" });

  it("lays out a 3-month price block at Sheet1!B2 cell by cell (written out by hand)", () => {
    // Columns: B month (a date), C months from start, D fiscal year, E/F/G the three presets,
    // H the active scenario. Rows: 2 base price, 3 headers, 4..6 months 0..2, 7 the average,
    // 8..9 one row per fiscal year three months can touch.
    const month = (row: number) => [
      `=EDATE(AICOST_START_MONTH,$C${row})`,
      row - 4,
      `=YEAR(EDATE($B${row},MOD(13-AICOST_FY_START,12)))`,
      `=AICOST.PROJECT_PRICE($C$2,$C${row},${A}$A$11:$C$11)`,
      `=AICOST.PROJECT_PRICE($C$2,$C${row},${A}$A$12:$C$12)`,
      `=AICOST.PROJECT_PRICE($C$2,$C${row},${A}$A$13:$C$13)`,
      `=AICOST.PROJECT_PRICE($C$2,$C${row},AICOST_SCENARIO)`,
    ];
    const fiscal = (row: number, k: number) => [
      `=IF($D$4+${k}>$D$6,"","FY"&($D$4+${k})&" average")`,
      `=IF($D${row}="","",COUNTIF($D$4:$D$6,$D${row}))`,
      `=IF($D$4+${k}>$D$6,"",$D$4+${k})`,
      ...["E", "F", "G", "H"].map((c) => `=IF($D${row}="","",AVERAGEIFS(${c}$4:${c}$6,$D$4:$D$6,$D${row}))`),
    ];
    expect(block.inputs).toEqual([
      ["Base price, USD per million tokens", 10, "", "", "", "", ""],
      ["Month", "Months from start", "Fiscal year", `=${A}$A$11`, `=${A}$A$12`, `=${A}$A$13`, "Active scenario"],
      month(4),
      month(5),
      month(6),
      ["Average, 3 months", "=COUNT(C$4:C$6)", "", "=AVERAGE(E$4:E$6)", "=AVERAGE(F$4:F$6)", "=AVERAGE(G$4:G$6)", "=AVERAGE(H$4:H$6)"],
      fiscal(8, 0),
      fiscal(9, 1),
    ]);
  });

  it("gives the addresses of the block, its base cell and the chart's ranges", () => {
    expect(block).toMatchObject({
      sheetName: "Sheet1",
      mode: "price",
      rowCount: 8,
      columnCount: 7,
      rangeAddress: "B2:H9",
      address: "Sheet1!B2:H9",
      baseCellAddress: "C2",
      chartSeriesAddress: "E3:H6",
      chartCategoryAddress: "C4:C6",
    });
  });

  it("formats prices as currency, months as dates and fiscal years as FY2027", () => {
    expect(block.numberFormats[0]).toEqual(["General", PRICE_FORMAT, "General", "General", "General", "General", "General"]);
    expect(block.numberFormats[2]).toEqual(["mmm yyyy", "0", '"FY"0', PRICE_FORMAT, PRICE_FORMAT, PRICE_FORMAT, PRICE_FORMAT]);
    expect(block.numberFormats[7][2]).toBe('"FY"0');
    expect(PRICE_FORMAT).toMatch(/^\$/);
  });

  it("lists the same cells as the rectangle", () => {
    for (const cell of block.cells) {
      expect(block.inputs[cell.rowOffset][cell.columnOffset]).toBe(cell.input);
    }
    expect(block.cells.length).toBe(2 + 7 + 3 * 7 + 6 + 2 * 7);
  });

  it("in cost mode projects PROJECT_COST, totals and sums by fiscal year, and compares the active scenario with the reference", () => {
    const cost = projectionBlock({ mode: "cost", horizonMonths: 3, baseValueUsd: 1000, scenarios: presets, reference: presets[1], anchor: "B2" });
    expect(cost.inputs[0].slice(0, 2)).toEqual(["Monthly cost today, USD", 1000]);
    expect(cost.inputs[1].slice(7)).toEqual([`="Active - "&${A}$A$12`, `="Active vs "&${A}$A$12&", %"`]);
    // Row 4: the active column is H, the reference (baseline) F.
    expect(cost.inputs[2].slice(3)).toEqual([
      `=AICOST.PROJECT_COST($C$2,$C4,${A}$A$11:$C$11)`,
      `=AICOST.PROJECT_COST($C$2,$C4,${A}$A$12:$C$12)`,
      `=AICOST.PROJECT_COST($C$2,$C4,${A}$A$13:$C$13)`,
      "=AICOST.PROJECT_COST($C$2,$C4,AICOST_SCENARIO)",
      "=H4-F4",
      '=IF(F4=0,"",H4/F4-1)',
    ]);
    expect(cost.inputs[5]).toEqual(["Total, 3 months", "=COUNT(C$4:C$6)", "", "=SUM(E$4:E$6)", "=SUM(F$4:F$6)", "=SUM(G$4:G$6)", "=SUM(H$4:H$6)", "=H7-F7", '=IF(F7=0,"",H7/F7-1)']);
    expect(cost.inputs[6][0]).toBe('=IF($D$4+0>$D$6,"","FY"&($D$4+0)&" total")');
    expect(cost.inputs[6].slice(6)).toEqual([
      '=IF($D8="","",SUMIFS(H$4:H$6,$D$4:$D$6,$D8))',
      '=IF($D8="","",H8-F8)',
      '=IF(OR($D8="",F8=0),"",H8/F8-1)',
    ]);
    expect(cost.numberFormats[2].slice(3)).toEqual([COST_FORMAT, COST_FORMAT, COST_FORMAT, COST_FORMAT, COST_FORMAT, VARIANCE_PERCENT_FORMAT]);
    expect(cost.address).toBe("B2:J9");
  });

  it("finds the reference by MATCH's rule, and refuses a name that is not in the table", () => {
    expect(findReferenceScenario(presets, "Baseline")).toBe(presets[1]);
    expect(findReferenceScenario(presets, null)).toBeNull();
    expect(findReferenceScenario(presets, "")).toBeNull();
    expect(() => findReferenceScenario(presets, "optimistic")).toThrow(/no scenario named "optimistic" to compare with/);
  });

  it("gives as many fiscal-year rows as the months can touch", () => {
    // 12 months from May touch two fiscal years (8 + 4 months); 36 from May touch four
    // (8 + 12 + 12 + 4); 13 months, even aligned, touch two.
    expect([1, 12, 13, 24, 36, 37].map(fiscalYearRowCount)).toEqual([2, 2, 3, 3, 4, 5]);
  });

  it("uses the anchor's own rows and columns: A1 without a sheet, one custom scenario", () => {
    const atA1 = projectionBlock({ horizonMonths: 1, baseValueUsd: 2.5, scenarios: [{ name: "team", rowNumber: 14 }], anchor: "A1" });
    expect(atA1.address).toBe("A1:E6");
    expect(atA1.sheetName).toBeNull();
    expect(atA1.inputs[2].slice(3)).toEqual(["=AICOST.PROJECT_PRICE($B$1,$B3,'AICOST Assumptions'!$A$14:$C$14)", "=AICOST.PROJECT_PRICE($B$1,$B3,AICOST_SCENARIO)"]);
    expect(atA1.chartSeriesAddress).toBe("D2:E3");
    expect(atA1.chartCategoryAddress).toBe("B3:B3");
  });

  it("takes the top-left cell of a selected range and keeps a quoted sheet name quoted", () => {
    const quoted = projectionBlock({ horizonMonths: 2, baseValueUsd: 0, scenarios: presets.slice(0, 1), anchor: "'Q3 plan'!$Z$100:AB120" });
    expect(quoted.address).toBe("'Q3 plan'!Z100:AD106");
    expect(quoted.sheetName).toBe("Q3 plan");
    expect(quoted.inputs[2][3]).toBe("=AICOST.PROJECT_PRICE($AA$100,$AA102,'AICOST Assumptions'!$A$11:$C$11)");
  });

  it.each([
    [{ horizonMonths: 0 }, /horizon must be a whole number of months from 1 to 1200; got 0/],
    [{ horizonMonths: 2.5 }, /got 2.5/],
    [{ horizonMonths: 1201 }, /got 1201/],
    [{ horizonMonths: Number.NaN }, /got NaN/],
    [{ baseValueUsd: -1 }, /base price must be a number of dollars, 0 or more; got -1/],
    [{ baseValueUsd: -1, mode: "cost" as const }, /monthly cost today must be a number of dollars, 0 or more; got -1/],
    [{ baseValueUsd: Number.POSITIVE_INFINITY }, /got Infinity/],
    [{ anchor: "not a cell" }, /"not a cell" is not a cell address; select a cell/],
    [{ anchor: "Sheet1!B1048570" }, /needs 43 rows and 7 columns from B1048570, which runs off the sheet/],
    [{ anchor: "XFC1" }, /runs off the sheet/],
  ])("refuses %p with a message", (override, message) => {
    const call = (): unknown => projectionBlock({ horizonMonths: 36, baseValueUsd: 10, scenarios: presets, anchor: "B2", ...override });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(message);
  });

  it("always has a row per month, the headers, a summary row and the fiscal-year rows, and a column per scenario plus four (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (months, scenarioCount, column, row, withReference) => {
        const scenarios = Array.from({ length: scenarioCount }, (_, index) => ({ name: `s${index}`, rowNumber: 11 + index }));
        const reference = withReference && scenarioCount > 0 ? scenarios[0] : null;
        const result = projectionBlock({ horizonMonths: months, baseValueUsd: 1, scenarios, reference, anchor: `${columnLetters(column)}${row}` });
        expect(result.inputs).toHaveLength(2 + months + 1 + fiscalYearRowCount(months));
        expect(result.inputs.every((cells) => cells.length === scenarioCount + 4 + (reference === null ? 0 : 2))).toBe(true);
        expect(result.inputs.map((cells) => cells[1]).slice(2, 2 + months)).toEqual(Array.from({ length: months }, (_, month) => month));
        expect(parseCellAddress(result.rangeAddress)).toEqual({ sheetName: null, columnIndex: column, rowNumber: row });
      }),
    );
  });
});

describe("addresses", () => {
  it("converts column letters both ways", () => {
    expect(["A", "Z", "AA", "AZ", "BA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 51, 52, 16383]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (index) => columnIndex(columnLetters(index)) === index));
  });

  it("quotes sheet names that need it", () => {
    expect(sheetPrefix("Sheet1")).toBe("Sheet1!");
    expect(sheetPrefix("AICOST Assumptions")).toBe("'AICOST Assumptions'!");
    expect(sheetPrefix("Bob's plan")).toBe("'Bob''s plan'!");
    expect(sheetPrefix("AB12")).toBe("'AB12'!"); // a sheet named like a cell must be quoted
  });

  it("parses addresses and rejects what is not one", () => {
    expect(parseCellAddress("'Bob''s plan'!C3")).toEqual({ sheetName: "Bob's plan", columnIndex: 2, rowNumber: 3 });
    expect(parseCellAddress("Sheet1!$B$2")).toEqual({ sheetName: "Sheet1", columnIndex: 1, rowNumber: 2 });
    expect(parseCellAddress("B0")).toBeNull();
    expect(parseCellAddress("XFE1")).toBeNull();
    expect(parseCellAddress("Sheet1!")).toBeNull();
  });
});
