import fc from "fast-check";
import { excelDay, excelSerialFromIsoDate, excelSerialOfIsoDate, FIRST_EXCEL_SERIAL, isoDateOfExcelSerial, LAST_EXCEL_SERIAL } from "../../src/core/excelDate";

describe("Excel date serials", () => {
  it.each([
    // 2023-01-01 is 44927 (Excel); + 31 (Jan) + 28 (Feb) + 13 = 44999
    ["2023-03-14", 44999],
    // 2024-01-01 = 44927 + 365 = 45292; 2025-01-01 = 45292 + 366 = 45658; + 31 + 28 + 31 + 30 + 31 + 9 = 45818
    ["2025-06-10", 45818],
    // 2026-01-01 = 45658 + 365 = 46023; + 243 days (Jan to Aug) = 46266
    ["2026-09-01", 46266],
    // the first day the days-since-1899-12-30 rule holds, and Excel's last day
    ["1900-03-01", 61],
    ["9999-12-31", 2958465],
  ])("%s is serial %d, and back", (iso, serial) => {
    expect(excelSerialOfIsoDate(iso)).toBe(serial);
    expect(isoDateOfExcelSerial(serial)).toBe(iso);
  });

  it.each(["2025-02-30", "2025-13-01", "2025-6-10", "20250610", "2025-06-10T00:00", " 2025-06-10", "", "1900-02-28", "1899-12-31"])(
    "'%s' is not a date it converts",
    (text) => {
      expect(excelSerialOfIsoDate(text)).toBeUndefined();
      expect(() => excelSerialFromIsoDate(text, "effective_from")).toThrow(expect.objectContaining({ code: "malformed", message: expect.stringMatching(/^effective_from must be a date written YYYY-MM-DD/) }));
    },
  );

  it("a leap day exists only in leap years", () => {
    expect(excelSerialOfIsoDate("2024-02-29")).toBe(45351); // 45292 + 31 + 28
    expect(excelSerialOfIsoDate("2025-02-29")).toBeUndefined();
  });

  it("drops a time of day", () => {
    expect(isoDateOfExcelSerial(45818.99)).toBe("2025-06-10");
    expect(excelDay(45818.5, "as_of_date")).toBe(45818);
  });

  it.each([60, 0, -1, 2958466, Number.NaN, Infinity])("refuses serial %p as out of range", (serial) => {
    expect(() => isoDateOfExcelSerial(serial)).toThrow(expect.objectContaining({ code: "outOfRange" }));
    expect(() => excelDay(serial, "as_of_date")).toThrow(expect.objectContaining({ code: "outOfRange", message: expect.stringMatching(/^as_of_date must be an Excel date/) }));
  });

  it("property: every serial in Excel's range survives the round trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_EXCEL_SERIAL, max: LAST_EXCEL_SERIAL }), (serial) => excelSerialOfIsoDate(isoDateOfExcelSerial(serial)) === serial),
    );
  });
});
