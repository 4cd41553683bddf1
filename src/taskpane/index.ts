/**
 * Entry of taskpane.html. In Excel the pane runs on the workbook through Office.js; outside Office
 * the preview build runs it on an in-memory workbook, and the production add-in says where to
 * open it instead (the import of the in-memory workbook is dropped from that build, so
 * HyperFormula never enters the add-in bundle).
 */
import { createExcelWorkbook } from "../workbook/excelWorkbook";
import { missingRequirementSets, officeReadyInExcel, officeThemeIsDark } from "../workbook/officeHost";
import { mountTaskpane } from "./app";

function themeFromOffice(): "light" | "dark" | null {
  const dark = officeThemeIsDark();
  return dark == null ? null : dark ? "dark" : "light";
}

function showMessage(root: HTMLElement, title: string, ...paragraphs: string[]): void {
  const heading = document.createElement("h1");
  heading.textContent = title;
  root.replaceChildren(
    heading,
    ...paragraphs.map((text) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      return paragraph;
    }),
  );
}

async function start(inExcel: boolean): Promise<void> {
  const root = document.getElementById("app");
  if (root == null) return;
  try {
    if (inExcel) {
      await mountTaskpane(root, createExcelWorkbook(), {
        connection: "excel",
        theme: themeFromOffice(),
        problems: missingRequirementSets(),
      });
    } else if (__AICOST_PREVIEW__) {
      const { createStandaloneWorkbook } = await import(/* webpackChunkName: "standalone" */ "../preview/standalone");
      await mountTaskpane(root, await createStandaloneWorkbook(), { connection: "standalone" });
    } else {
      showMessage(
        root,
        "AICOST",
        'This page is the AICOST task pane. Open it from Excel: Home tab, AICOST group, "AI cost scenarios".',
        "To try AICOST without Excel, run the preview from the project: npm start, then open http://localhost:3000/.",
      );
    }
  } catch (error) {
    showMessage(root, "AICOST could not start", error instanceof Error ? error.message : String(error));
  }
}

void officeReadyInExcel().then(start);
