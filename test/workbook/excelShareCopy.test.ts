/**
 * ExcelWorkbook's Share-safe copy calls on the fake Excel: the workbook's file read through
 * Document.getFileAsync slice by slice and always closed, Excel.createWorkbook given the copy as
 * base64, and hosts without those APIs told so in words that point to the command line.
 */
import { FILE_SLICE_BYTES, ExcelWorkbook } from "../../src/workbook/excelWorkbook";
import { FakeExcel } from "./fakeExcel";

function setUpExcel(): { excel: FakeExcel; port: ExcelWorkbook } {
  const excel = new FakeExcel();
  excel.type("Sheet1", "A1", 3);
  excel.type("Sheet1", "B2", "=AICOST.PROJECT_PRICE(A1,12)");
  return { excel, port: new ExcelWorkbook(excel.run, excel.settings, excel.files) };
}

describe("ExcelWorkbook: the workbook's file and a new workbook", () => {
  test("reads every slice in order, asking for Office's largest slice, and closes the file", async () => {
    const { excel, port } = setUpExcel();
    excel.sliceBytes = 100; // a host that hands out 100-byte slices: the file comes in many
    const expected = excel.fileBytes();
    expect(expected.length).toBeGreaterThan(500);
    const bytes = await port.readWorkbookFile();
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
    expect(excel.sliceSizesAsked).toEqual([FILE_SLICE_BYTES]);
    expect([excel.openFiles, excel.closedFiles]).toEqual([0, 1]);
  });

  test("a slice that fails rejects with which slice it was, and the file is closed all the same", async () => {
    const { excel, port } = setUpExcel();
    excel.sliceBytes = 100;
    excel.failSliceAt = 2;
    await expect(port.readWorkbookFile()).rejects.toThrow(/Excel could not give slice 3 of \d+ of the workbook's file: Slice 2 could not be read\.$/);
    expect([excel.openFiles, excel.closedFiles]).toEqual([0, 1]);
  });

  test("closing each file keeps Office's limit of two open files from ever being reached", async () => {
    const { excel, port } = setUpExcel();
    for (let read = 0; read < 3; read++) await port.readWorkbookFile();
    expect(excel.closedFiles).toBe(3);
  });

  test("openAsNewWorkbook gives Excel.createWorkbook the bytes as base64, a large file included", async () => {
    const { excel, port } = setUpExcel();
    const bytes = new Uint8Array(200_000).map((_value, index) => (index * 7919) % 256);
    await expect(port.openAsNewWorkbook(bytes, "ignored.xlsx")).resolves.toEqual({ delivery: "new-workbook" });
    expect(excel.createdWorkbooks).toHaveLength(1);
    expect(Buffer.from(excel.createdWorkbooks[0], "base64").equals(Buffer.from(bytes))).toBe(true);
  });

  test("without Document.getFileAsync the pane is told so, pointed to the command line, and nothing is called", async () => {
    const { excel } = setUpExcel();
    excel.hasGetFileAsync = false;
    const port = new ExcelWorkbook(excel.run, excel.settings, excel.files);
    const support = port.workbookFileSupport();
    expect(support).toEqual({ available: false, reason: expect.stringMatching(/does not let add-ins read the workbook's file \(Document\.getFileAsync\)\. .*npx aicost share IN\.xlsx OUT\.xlsx/) });
    await expect(port.readWorkbookFile()).rejects.toThrow(/Document\.getFileAsync/);
    expect(excel.sliceSizesAsked).toEqual([]);
  });

  test("below ExcelApi 1.8 there is no Excel.createWorkbook: refused in words, nothing read or created", async () => {
    const { excel, port } = setUpExcel();
    excel.excelApiVersion = 1.7;
    expect(port.workbookFileSupport()).toEqual({ available: false, reason: expect.stringMatching(/cannot open a new workbook from an add-in \(Excel\.createWorkbook needs ExcelApi 1\.8\).*npx aicost share/) });
    await expect(port.openAsNewWorkbook(new Uint8Array([1]), "x.xlsx")).rejects.toThrow(/ExcelApi 1\.8/);
    await expect(port.readWorkbookFile()).rejects.toThrow(/ExcelApi 1\.8/);
    expect([excel.sliceSizesAsked, excel.createdWorkbooks]).toEqual([[], []]);
  });

  test("a port built without Office's file calls says the copy is not available", () => {
    const excel = new FakeExcel();
    expect(new ExcelWorkbook(excel.run, excel.settings).workbookFileSupport()).toMatchObject({ available: false });
  });

  test("getFileAsync failing (two files already open elsewhere) rejects with Excel's reason", async () => {
    const { excel, port } = setUpExcel();
    excel.openFiles = 2; // as if another add-in held two files open
    await expect(port.readWorkbookFile()).rejects.toThrow("Excel could not give the workbook's file: Two documents are already open in memory (File.closeAsync was not called).");
  });
});
