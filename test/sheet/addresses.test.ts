/* The one A1-address parser (src/sheet/addresses.ts): both hosts, the pane and the tests read
 * addresses with it. */
import fc from "fast-check";
import { cellAddress, cellPosition, columnIndex, columnLetters, parseCellAddress, parseRangeAddress, sheetPrefix } from "../../src/sheet/addresses";

describe("parseRangeAddress", () => {
  it.each([
    ["B4", { sheetName: null, first: { columnIndex: 1, rowNumber: 4 }, last: { columnIndex: 1, rowNumber: 4 }, isCell: true }],
    ["$B$4", { sheetName: null, first: { columnIndex: 1, rowNumber: 4 }, last: { columnIndex: 1, rowNumber: 4 }, isCell: true }],
    ["Sheet1!B2:D5", { sheetName: "Sheet1", first: { columnIndex: 1, rowNumber: 2 }, last: { columnIndex: 3, rowNumber: 5 }, isCell: false }],
    ["Sheet1!D5:B2", { sheetName: "Sheet1", first: { columnIndex: 1, rowNumber: 2 }, last: { columnIndex: 3, rowNumber: 5 }, isCell: false }],
    ["'AICOST Assumptions'!$A$7:$C$7", { sheetName: "AICOST Assumptions", first: { columnIndex: 0, rowNumber: 7 }, last: { columnIndex: 2, rowNumber: 7 }, isCell: false }],
    ["'Bob''s'!a1", { sheetName: "Bob's", first: { columnIndex: 0, rowNumber: 1 }, last: { columnIndex: 0, rowNumber: 1 }, isCell: true }],
    ["XFD1048576", { sheetName: null, first: { columnIndex: 16383, rowNumber: 1048576 }, last: { columnIndex: 16383, rowNumber: 1048576 }, isCell: true }],
  ])("reads %j", (text, expected) => {
    expect(parseRangeAddress(text)).toEqual(expected);
  });

  it.each(["", "B", "4", "B0", "XFE1", "A1048577", "A1:XFE2", "A1:B", "Sheet1!", "'unclosed!A1", "=A1", "A1 B2"])("refuses %j", (text) => {
    expect(parseRangeAddress(text)).toBeNull();
  });

  it("reads back what cellAddress and sheetPrefix write (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 1, max: 1048576 }), fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !/[!\\[\]*?:/]/.test(name)), (column, row, sheet) => {
        const location = parseCellAddress(`${sheetPrefix(sheet)}${cellAddress(column, row)}`);
        expect(location).toEqual({ sheetName: sheet, columnIndex: column, rowNumber: row });
        expect(columnIndex(columnLetters(column))).toBe(column);
      }),
    );
  });
});

describe("cellPosition", () => {
  it("gives a sheet-less cell's 0-based row and column, and null for anything else", () => {
    expect(cellPosition("B4")).toEqual({ row: 3, col: 1 });
    expect(cellPosition("$AA$10")).toEqual({ row: 9, col: 26 });
    expect(cellPosition("B4:B5")).toBeNull();
    expect(cellPosition("Sheet1!B4")).toBeNull();
    expect(cellPosition("four")).toBeNull();
  });
});
