import { missingRequirementSets, officeReadyInExcel, officeThemeIsDark, type IsSetSupported } from "../../src/workbook/officeHost";

/** A fake host that supports ExcelApi up to `highest` (e.g. "1.7"), as isSetSupported answers. */
function hostUpTo(highest: string): IsSetSupported {
  const [major, minor] = highest.split(".").map(Number);
  return (name, minVersion = "1.1") => {
    const [wantMajor, wantMinor] = minVersion.split(".").map(Number);
    return name === "ExcelApi" && (wantMajor < major || (wantMajor === major && wantMinor <= minor));
  };
}

describe("missingRequirementSets", () => {
  it("is empty on a host with ExcelApi 1.8 or later", () => {
    expect(missingRequirementSets(hostUpTo("1.8"))).toEqual([]);
    expect(missingRequirementSets(hostUpTo("1.17"))).toEqual([]);
  });

  it("names the dropdown when only ExcelApi 1.8 is missing", () => {
    expect(missingRequirementSets(hostUpTo("1.7"))).toEqual(["ExcelApi 1.8 (needed for the scenario dropdown in the Active scenario cell)"]);
  });

  it("lists every missing set, newest first, on an old host", () => {
    const lines = missingRequirementSets(hostUpTo("1.3"));
    expect(lines.map((line) => line.split(" (")[0])).toEqual(["ExcelApi 1.8", "ExcelApi 1.7", "ExcelApi 1.4"]);
    expect(lines[1]).toMatch(/following changes to the assumptions/);
  });

  it("lists all five when the host supports none (or is not Excel)", () => {
    expect(missingRequirementSets(() => false)).toHaveLength(5);
  });

  it("asks about the ExcelApi set by name and version", () => {
    const asked: string[] = [];
    missingRequirementSets((name, version) => {
      asked.push(`${name} ${version}`);
      return true;
    });
    expect(asked).toEqual(["ExcelApi 1.8", "ExcelApi 1.7", "ExcelApi 1.4", "ExcelApi 1.2", "ExcelApi 1.1"]);
  });

  it("reports everything missing when no Office global exists (outside Office)", () => {
    expect(missingRequirementSets()).toHaveLength(5);
  });
});

describe("officeThemeIsDark", () => {
  it.each([
    ["#FFFFFF", false], // Office's white theme
    ["#e6e6e6", false], // colorful/light grey
    ["#262626", true], // dark grey
    ["#000000", true], // black
    ["#444", true], // short form, dark
    ["#ccc", false],
  ])("background %s -> dark %p", (bodyBackgroundColor, dark) => {
    expect(officeThemeIsDark({ bodyBackgroundColor })).toBe(dark);
  });

  it("is null when the host gives no theme or a colour it cannot read", () => {
    expect(officeThemeIsDark({})).toBeNull();
    expect(officeThemeIsDark({ bodyBackgroundColor: "dark" })).toBeNull();
    expect(officeThemeIsDark()).toBeNull(); // no Office global in Jest's node environment
  });
});

describe("officeReadyInExcel", () => {
  const globals = globalThis as { Office?: unknown };

  afterEach(() => {
    delete globals.Office;
  });

  function fakeOffice(host: string | null): void {
    // Only what officeReadyInExcel reads: onReady's promise and the HostType enum.
    globals.Office = { onReady: () => Promise.resolve({ host, platform: null }), HostType: { Excel: "Excel", Word: "Word" } };
  }

  it("is true when Office.js reports the Excel host", async () => {
    fakeOffice("Excel");
    await expect(officeReadyInExcel()).resolves.toBe(true);
  });

  it("is false in a plain browser (host null) and in another Office host", async () => {
    fakeOffice(null);
    await expect(officeReadyInExcel()).resolves.toBe(false);
    fakeOffice("Word");
    await expect(officeReadyInExcel()).resolves.toBe(false);
  });
});
