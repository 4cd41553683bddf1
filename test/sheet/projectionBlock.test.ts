import fc from "fast-check";
import { DomainError } from "../../src/core/errors";
import { projectionBlock, PRICE_FORMAT } from "../../src/sheet/projectionBlock";
import { columnLetters, columnIndex, parseCellAddress, sheetPrefix } from "../../src/sheet/addresses";

const presets = [
  { name: "pessimistic", rowNumber: 11 },
  { name: "baseline", rowNumber: 12 },
  { name: "aggressive", rowNumber: 13 },
];

describe("projectionBlock", () => {
  const block = projectionBlock({ horizonMonths: 3, basePriceUsd: 10, scenarios: presets, anchor: "Sheet1!B2" });

  it("lays out a 3-month block at Sheet1!B2 cell by cell (written out by hand)", () => {
    // Columns: B months, C/D/E the three presets, F the active scenario. Rows: 2 base price,
    // 3 headers, 4..7 months 0..3.
    const A = "'AICOST Assumptions'!";
    expect(block.inputs).toEqual([
      ["Base price, USD per million tokens", 10, "", "", ""],
      ["Month", `=${A}$A$11`, `=${A}$A$12`, `=${A}$A$13`, "Active scenario"],
      [
        0,
        `=AICOST.PROJECT_PRICE($C$2,$B$4,${A}$A$11:$C$11)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$4,${A}$A$12:$C$12)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$4,${A}$A$13:$C$13)`,
        "=AICOST.PROJECT_PRICE($C$2,$B$4,AICOST_SCENARIO)",
      ],
      [
        1,
        `=AICOST.PROJECT_PRICE($C$2,$B$5,${A}$A$11:$C$11)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$5,${A}$A$12:$C$12)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$5,${A}$A$13:$C$13)`,
        "=AICOST.PROJECT_PRICE($C$2,$B$5,AICOST_SCENARIO)",
      ],
      [
        2,
        `=AICOST.PROJECT_PRICE($C$2,$B$6,${A}$A$11:$C$11)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$6,${A}$A$12:$C$12)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$6,${A}$A$13:$C$13)`,
        "=AICOST.PROJECT_PRICE($C$2,$B$6,AICOST_SCENARIO)",
      ],
      [
        3,
        `=AICOST.PROJECT_PRICE($C$2,$B$7,${A}$A$11:$C$11)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$7,${A}$A$12:$C$12)`,
        `=AICOST.PROJECT_PRICE($C$2,$B$7,${A}$A$13:$C$13)`,
        "=AICOST.PROJECT_PRICE($C$2,$B$7,AICOST_SCENARIO)",
      ],
    ]);
  });

  it("gives the addresses of the block, its base cell and the chart's ranges", () => {
    expect(block).toMatchObject({
      sheetName: "Sheet1",
      rowCount: 6,
      columnCount: 5,
      rangeAddress: "B2:F7",
      address: "Sheet1!B2:F7",
      baseCellAddress: "C2",
      chartSeriesAddress: "C3:F7",
      chartCategoryAddress: "B4:B7",
    });
  });

  it("formats prices as currency and months as whole numbers", () => {
    expect(block.numberFormats[0]).toEqual(["General", PRICE_FORMAT, "General", "General", "General"]);
    expect(block.numberFormats[1]).toEqual(["General", "General", "General", "General", "General"]);
    expect(block.numberFormats[5]).toEqual(["0", PRICE_FORMAT, PRICE_FORMAT, PRICE_FORMAT, PRICE_FORMAT]);
    expect(PRICE_FORMAT).toMatch(/^\$/);
  });

  it("lists the same cells as the rectangle", () => {
    expect(block.cells).toHaveLength(2 + 5 + 4 * 5);
    for (const cell of block.cells) {
      expect(block.inputs[cell.rowOffset][cell.columnOffset]).toBe(cell.input);
    }
  });

  it("uses the anchor's own rows and columns: A1 without a sheet, one custom scenario", () => {
    const atA1 = projectionBlock({ horizonMonths: 1, basePriceUsd: 2.5, scenarios: [{ name: "team", rowNumber: 14 }], anchor: "A1" });
    expect(atA1.address).toBe("A1:C4");
    expect(atA1.sheetName).toBeNull();
    expect(atA1.inputs[3]).toEqual([1, "=AICOST.PROJECT_PRICE($B$1,$A$4,'AICOST Assumptions'!$A$14:$C$14)", "=AICOST.PROJECT_PRICE($B$1,$A$4,AICOST_SCENARIO)"]);
    expect(atA1.chartSeriesAddress).toBe("B2:C4");
    expect(atA1.chartCategoryAddress).toBe("A3:A4");
  });

  it("takes the top-left cell of a selected range and keeps a quoted sheet name quoted", () => {
    const quoted = projectionBlock({ horizonMonths: 2, basePriceUsd: 0, scenarios: presets.slice(0, 1), anchor: "'Q3 plan'!$Z$100:AB120" });
    expect(quoted.address).toBe("'Q3 plan'!Z100:AB104");
    expect(quoted.sheetName).toBe("Q3 plan");
    expect(quoted.inputs[2][1]).toBe("=AICOST.PROJECT_PRICE($AA$100,$Z$102,'AICOST Assumptions'!$A$11:$C$11)");
  });

  it.each([
    [{ horizonMonths: 0 }, /horizon must be a whole number of months from 1 to 1200; got 0/],
    [{ horizonMonths: 2.5 }, /got 2.5/],
    [{ horizonMonths: 1201 }, /got 1201/],
    [{ horizonMonths: Number.NaN }, /got NaN/],
    [{ basePriceUsd: -1 }, /base price must be a number of dollars, 0 or more; got -1/],
    [{ basePriceUsd: Number.POSITIVE_INFINITY }, /got Infinity/],
    [{ anchor: "not a cell" }, /"not a cell" is not a cell address; select a cell/],
    [{ anchor: "Sheet1!B1048570" }, /needs 39 rows and 5 columns from B1048570, which runs off the sheet/],
    [{ anchor: "XFC1" }, /runs off the sheet/],
  ])("refuses %p with a message", (override, message) => {
    const call = (): unknown => projectionBlock({ horizonMonths: 36, basePriceUsd: 10, scenarios: presets, anchor: "B2", ...override });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(message);
  });

  it("always has one month row per month plus two header rows, and a column per scenario plus two (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 5000 }), (months, scenarioCount, column, row) => {
        const scenarios = Array.from({ length: scenarioCount }, (_, index) => ({ name: `s${index}`, rowNumber: 11 + index }));
        const result = projectionBlock({ horizonMonths: months, basePriceUsd: 1, scenarios, anchor: `${columnLetters(column)}${row}` });
        expect(result.inputs).toHaveLength(months + 3);
        expect(result.inputs.every((cells) => cells.length === scenarioCount + 2)).toBe(true);
        expect(result.inputs.map((cells) => cells[0]).slice(2)).toEqual(Array.from({ length: months + 1 }, (_, month) => month));
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
