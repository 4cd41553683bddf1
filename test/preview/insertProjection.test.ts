/* Insert projection evaluated in the preview's engine: dates from the start month, fiscal years
 * from AICOST_FY_START, totals, fiscal-year subtotals and the variance, with golden values worked
 * out by hand from P(t) = P0 * (f + (1 - f) * m^(t/12)). */
import { PreviewDocument } from "../../src/preview/document";
import { PreviewWorkbook, SimpleSelection } from "../../src/preview/previewWorkbook";
import { ASSUMPTIONS_SHEET_NAME } from "../../src/sheet/layout";

async function costBlock() {
  const document = PreviewDocument.empty("Sheet1");
  const selection = new SimpleSelection({ sheetName: "Sheet1", row: 1, col: 1 }); // B2
  const workbook = new PreviewWorkbook(document, selection, { today: () => ({ year: 2026, month: 12, day: 3 }) });
  await workbook.setUpAssumptions();
  const assumptions = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
  document.hf.setCellContents({ sheet: assumptions, row: 4, col: 4 }, 4); // E5: fiscal years from April
  const inserted = await workbook.insertProjection({ mode: "cost", horizonMonths: 12, baseValueUsd: 1000, referenceScenarioName: "pessimistic" });
  const sheet = document.sheetId("Sheet1") as number;
  const at = (address: string) => {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    return document.hf.getCellValue({ sheet, row, col });
  };
  return { document, workbook, inserted, at, sheet, assumptions };
}

describe("Insert projection with the band's P10, P50 and P90 columns", () => {
  it("adds them after the others, each a quantile of the default band (AICOST_BAND), summed like the scenarios", async () => {
    const document = PreviewDocument.empty("Sheet1");
    const workbook = new PreviewWorkbook(document, new SimpleSelection({ sheetName: "Sheet1", row: 1, col: 1 }), { today: () => ({ year: 2026, month: 12, day: 3 }) });
    await workbook.setUpAssumptions();
    const inserted = await workbook.insertProjection({ mode: "price", horizonMonths: 13, baseValueUsd: 10, bandPercentiles: true });
    // Columns: B..D lead, E..G the presets, H active, I..K P10, P50, P90; rows 4..16 months 0..12.
    expect(inserted.address.startsWith("Sheet1!B2:K")).toBe(true);
    const sheet = document.sheetId("Sheet1") as number;
    const at = (address: string) => document.hf.getCellValue({ sheet, row: Number(address.slice(1)) - 1, col: address.charCodeAt(0) - 65 });
    expect([at("I3"), at("J3"), at("K3")]).toEqual(["P10 (band)", "P50 (band)", "P90 (band)"]);
    expect(document.hf.getCellFormula({ sheet, row: 15, col: 10 })).toBe("=AICOST.PRICE_QUANTILE($C$2,$C16,0.9,AICOST_BAND)");
    // Month 12 on the default band (m_p10 0.02, m_p50 0.057, m_p90 0.2, f 0.01):
    // 10 * (0.01 + 0.99 * {0.02, 0.057, 0.2}) = 0.298, 0.6643, 2.08; month 0 is today's 10.
    expect(at("I16")).toBeCloseTo(0.298, 12);
    expect(at("J16")).toBeCloseTo(0.6643, 12);
    expect(at("K16")).toBeCloseTo(2.08, 12);
    expect([at("I4"), at("J4"), at("K4")]).toEqual([10, 10, 10]);
    // The average row (17) averages each band column as it does the scenarios.
    const p90 = Array.from({ length: 13 }, (_month, month) => 10 * (0.01 + 0.99 * 0.2 ** (month / 12)));
    expect(at("K17")).toBeCloseTo(p90.reduce((sum, price) => sum + price, 0) / 13, 10);
    // Editing AICOST_BAND's m_p90 (K5 on the assumptions sheet) flows through: 10 * (0.01 + 0.99 * 0.3) = 3.07.
    const assumptions = document.sheetId(ASSUMPTIONS_SHEET_NAME) as number;
    document.hf.setCellContents({ sheet: assumptions, row: 4, col: 10 }, 0.3);
    expect(at("K16")).toBeCloseTo(3.07, 12);
  });
});

describe("Insert projection in the preview", () => {
  // Columns: B month, C months from start, D fiscal year, E pessimistic, F baseline, G aggressive,
  // H active (baseline), I active - pessimistic, J active vs pessimistic %. Rows 4..15 the months,
  // 16 the total, 17..18 the fiscal years.
  it("labels months as dates from the start month and names fiscal years by the year they end", async () => {
    const { inserted, at, document, sheet } = await costBlock();
    expect(inserted.address).toBe("Sheet1!B2:J18");
    expect(at("B4")).toBe(46388); // 2027-01-01, the month after 2026-12-03
    expect(at("B7")).toBe(46478); // 2027-04-01 = 46388 + 31 + 28 + 31
    expect(document.formatAt({ sheet, row: 3, col: 1 })).toBe("mmm yyyy");
    // An April start: Jan-Mar 2027 are in FY2027, Apr 2027 on in FY2028.
    expect([at("D4"), at("D6"), at("D7"), at("D15")]).toEqual([2027, 2027, 2028, 2028]);
    expect([at("B17"), at("C17"), at("B18"), at("C18")]).toEqual(["FY2027 total", 3, "FY2028 total", 9]);
  });

  it("totals the horizon, subtotals each fiscal year and compares with the reference", async () => {
    const { at } = await costBlock();
    // Baseline (m = 0.1, f = 0.01), r = 0.1^(1/12) = 0.825404185:
    // 12 months: 1000 * (12 * 0.01 + 0.99 * (1 - 0.1) / (1 - r)) = 1000 * (0.12 + 0.99 * 5.15476274) = 5223.2151
    // FY2027 (t = 0..2): 1000 * (0.03 + 0.99 * (1 + 0.825404185 + 0.681292069)) = 2511.6293
    // FY2028 (t = 3..11): 5223.2151 - 2511.6293 = 2711.5858
    expect(at("H16")).toBeCloseTo(5223.2151, 3);
    expect(at("H17")).toBeCloseTo(2511.6293, 3);
    expect(at("H18")).toBeCloseTo(2711.5858, 3);
    expect(at("F16")).toBeCloseTo(5223.2151, 3);
    // Pessimistic (m = 0.5, f = 0.25): 1000 * (12 * 0.25 + 0.75 * (1 - 0.5) / (1 - 0.5^(1/12)))
    // = 1000 * (3 + 0.375 / 0.0561257) = 1000 * (3 + 6.68143) = 9681.43
    expect(at("E16")).toBeCloseTo(9681.4327, 3);
    // Variance: 5223.2151 - 9681.4327 = -4458.2176, and 5223.2151 / 9681.4327 - 1 = -46.05%.
    expect(at("I16")).toBeCloseTo(-4458.2176, 3);
    expect(at("J16")).toBeCloseTo(-0.460492, 5);
    // Month 0 of each scenario is today's cost; the variance is 0 there.
    expect([at("E4"), at("H4"), at("I4"), at("J4")]).toEqual([1000, 1000, 0, 0]);
  });

  it("follows edits of the start month and of the fiscal year's first month", async () => {
    const { at, document, assumptions } = await costBlock();
    document.hf.setCellContents({ sheet: assumptions, row: 3, col: 4 }, 46569); // E4: 2027-07-01
    document.hf.setCellContents({ sheet: assumptions, row: 4, col: 4 }, 1); // E5: calendar years
    // Jul-Dec 2027 (6 months) in FY2027, Jan-Jun 2028 (6) in FY2028.
    expect([at("B4"), at("D4"), at("D10"), at("D15")]).toEqual([46569, 2027, 2028, 2028]);
    expect([at("B17"), at("C17"), at("B18"), at("C18")]).toEqual(["FY2027 total", 6, "FY2028 total", 6]);
    document.hf.setCellContents({ sheet: assumptions, row: 4, col: 4 }, 7); // July: one fiscal year, FY2028
    expect([at("B17"), at("C17"), at("B18"), at("H18")]).toEqual(["FY2028 total", 12, "", ""]);
    expect(at("H17")).toBeCloseTo(5223.2151, 3);
  });

  it("formats costs as currency, the variance in signed percent and fiscal years as FY2027", async () => {
    const { document, sheet } = await costBlock();
    expect(document.formatAt({ sheet, row: 15, col: 7 })).toBe("$#,##0.00");
    expect(document.formatAt({ sheet, row: 15, col: 9 })).toBe("+0.0%;-0.0%;0.0%");
    expect(document.formatAt({ sheet, row: 16, col: 3 })).toBe('"FY"0');
  });
});
