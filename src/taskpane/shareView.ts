/**
 * The task pane's "Share-safe copy": reads the open workbook's file through the port, rewrites
 * it with src/share (the same rewriter as `npx aicost share`, loaded only when the button is
 * used, so it stays out of the pane's first load), opens the result as a new workbook and shows
 * the report: how many formulas became built-in functions, and each frozen cell with its sheet,
 * cell, formula and reason. The open workbook is never changed. Where the host cannot give its
 * file or open a new workbook, the section says so and points to the command line.
 */
import type { WorkbookPort } from "../sheet/port";
import { button, element } from "./dom";

type ShareResult = ReturnType<typeof import("../share/package")["shareSafeWorkbook"]>;
type ShareReport = ShareResult["report"];

/** The name the preview downloads the copy under (Excel opens it unsaved, unnamed). */
export const SHARE_SAFE_FILE_NAME = "share-safe copy.xlsx";

/** The report in one sentence, for the status line. */
export function shareSummary(report: ShareReport, delivery: "new-workbook" | "download"): string {
  const rewritten = `${report.rewrittenFormulas} AICOST ${report.rewrittenFormulas === 1 ? "formula" : "formulas"} rewritten to built-in functions`;
  const frozen = report.frozen.length === 0 ? "nothing frozen" : `${report.frozen.length} frozen to ${report.frozen.length === 1 ? "its cached value" : "their cached values"} (listed below)`;
  const where =
    delivery === "new-workbook"
      ? "The copy is open as a new workbook: save it under a name of your own. This workbook is unchanged."
      : "The copy was downloaded as a file. This workbook is unchanged.";
  return `Share-safe copy made: ${rewritten}, ${frozen}. ${where}`;
}

/** The Share-safe copy section of the pane: a button, a status line, and the list of frozen cells. */
export class ShareView {
  readonly section: HTMLElement;
  private readonly makeButton: HTMLButtonElement;
  private readonly status: HTMLParagraphElement;
  private readonly frozenTable: HTMLTableElement;
  private busy = false;

  constructor(
    private readonly port: WorkbookPort,
    ids: string,
  ) {
    const heading = element("h2", { id: `${ids}-share-heading` }, "Share-safe copy");
    this.makeButton = button("Make share-safe copy");
    this.status = element("p", { class: "aicost-hint aicost-share-status", "aria-live": "polite", "data-testid": "share-status" });
    this.frozenTable = element("table", { class: "aicost-share-frozen", hidden: true, "data-testid": "share-frozen" });
    this.section = element(
      "section",
      { "aria-labelledby": heading.id, "data-testid": "share-section" },
      heading,
      element(
        "p",
        { class: "aicost-hint" },
        "For colleagues without AICOST: a copy of this workbook whose AICOST formulas are built-in functions, so its numbers stay live and the Active scenario still switches. This workbook is not changed.",
      ),
      element("div", { class: "aicost-actions" }, this.makeButton),
      this.status,
      this.frozenTable,
    );
    this.makeButton.addEventListener("click", () => void this.make());
    const support = port.workbookFileSupport();
    if (!support.available) {
      this.makeButton.disabled = true;
      this.status.dataset.kind = "warning";
      this.status.textContent = support.reason;
    }
  }

  /** Reads the file, rewrites it, opens the copy and shows the report; never writes to this workbook. */
  async make(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.makeButton.disabled = true;
    this.frozenTable.hidden = true;
    this.show("info", "Reading this workbook's file…");
    try {
      const bytes = await this.port.readWorkbookFile();
      this.show("info", "Rewriting the AICOST formulas…");
      const { shareSafeWorkbook } = await import(/* webpackChunkName: "share" */ "../share/package");
      const { bytes: copy, report } = shareSafeWorkbook(bytes);
      const opened = await this.port.openAsNewWorkbook(copy, SHARE_SAFE_FILE_NAME);
      this.show(report.frozen.length === 0 ? "success" : "warning", shareSummary(report, opened.delivery));
      this.showFrozen(report);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.show("error", `The share-safe copy could not be made: ${reason} Nothing was changed.`);
    } finally {
      this.busy = false;
      this.makeButton.disabled = false;
    }
  }

  private show(kind: "info" | "success" | "warning" | "error", text: string): void {
    this.status.dataset.kind = kind;
    this.status.textContent = text;
  }

  private showFrozen(report: ShareReport): void {
    if (report.frozen.length === 0) {
      this.frozenTable.replaceChildren();
      this.frozenTable.hidden = true;
      return;
    }
    const header = element("tr", {}, ...["Sheet", "Cell", "Formula", "Why", "The copy holds"].map((title) => element("th", { scope: "col" }, title)));
    const rows = report.frozen.map((frozen) =>
      element("tr", {}, element("td", {}, frozen.sheet), element("td", {}, frozen.cell), element("td", {}, element("code", {}, frozen.formula)), element("td", {}, frozen.reason), element("td", {}, frozen.result)),
    );
    this.frozenTable.replaceChildren(element("caption", {}, "Frozen: these cells keep their last value and no longer recalculate"), element("thead", {}, header), element("tbody", {}, ...rows));
    this.frozenTable.hidden = false;
  }
}
