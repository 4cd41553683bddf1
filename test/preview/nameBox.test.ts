import { resolveNameBox, type NameBoxWorkbook } from "../../src/preview/nameBox";

const workbook: NameBoxWorkbook = {
  sheetNames: ["AI support assistant", "AICOST Assumptions", "Try it"],
  names: [
    { name: "AICOST_SCENARIO", expression: "='AICOST Assumptions'!$A$7:$C$7" },
    { name: "Volumes", expression: "='AI support assistant'!$B$17:$B$52" },
    { name: "Rate", expression: "=0.5" },
  ],
};

describe("the Name Box", () => {
  test.each([
    ["L58", { sheetName: null, top: 57, left: 11, bottom: 57, right: 11 }],
    ["$B$4", { sheetName: null, top: 3, left: 1, bottom: 3, right: 1 }],
    ["D5:B2", { sheetName: null, top: 1, left: 1, bottom: 4, right: 3 }],
    ["'AICOST Assumptions'!B4", { sheetName: "AICOST Assumptions", top: 3, left: 1, bottom: 3, right: 1 }],
    ["'aicost assumptions'!A10:D12", { sheetName: "AICOST Assumptions", top: 9, left: 0, bottom: 11, right: 3 }],
  ])("%p selects %o", (typed, target) => {
    expect(resolveNameBox(typed, workbook)).toEqual({ kind: "target", target });
  });

  test.each(["AICOST_SCENARIO", "aicost_scenario", "  Aicost_Scenario "])("the defined name %p selects A7:C7 of the assumptions sheet, in any case", (typed) => {
    expect(resolveNameBox(typed, workbook)).toEqual({
      kind: "target",
      target: { sheetName: "AICOST Assumptions", top: 6, left: 0, bottom: 6, right: 2, name: "AICOST_SCENARIO" },
    });
  });

  test("a name for a column of cells selects that column", () => {
    expect(resolveNameBox("volumes", workbook)).toEqual({ kind: "target", target: { sheetName: "AI support assistant", top: 16, left: 1, bottom: 51, right: 1, name: "Volumes" } });
  });

  test.each([
    ["NO_SUCH_NAME", /"NO_SUCH_NAME" is neither a cell address nor a defined name of this workbook\. Type an address such as L58 or 'AICOST Assumptions'!B4, or a defined name: AICOST_SCENARIO, Volumes, Rate\./],
    ["not a cell", /"not a cell" is neither a cell address nor a defined name/],
    ["'Gone'!A1", /There is no sheet named "Gone"/],
    ["Rate", /Rate is a defined name for =0\.5, not a range of cells on a sheet, so there is nothing to select/],
    ["", /The Name Box is empty/],
    ["A0", /is neither a cell address/],
  ])("%p is refused with a message", (typed, message) => {
    const resolution = resolveNameBox(typed, workbook);
    expect(resolution.kind).toBe("unknown");
    expect(resolution.kind === "unknown" && resolution.message).toMatch(message);
  });

  test("without defined names, the hint names none", () => {
    const resolution = resolveNameBox("x", { sheetNames: ["S"], names: [] });
    expect(resolution.kind === "unknown" && resolution.message).toMatch(/or 'AICOST Assumptions'!B4\.$/);
  });
});
