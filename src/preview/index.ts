import { saveFile } from "./download";
import { mountTaskpane, type TaskpaneHandle } from "../taskpane/app";
import { PreviewDocument } from "./document";
import { Grid } from "./grid";
import { loadStoredWorkbook, saveStoredWorkbook, type KeyValueStorage } from "./persistence";
import { ProjectionCharts } from "./projectionChart";
import { localeConventions } from "./locale";
import { PreviewWorkbook } from "./previewWorkbook";
import { createSampleDocument } from "./sample";
import { resizeSpills } from "./spillSize";
import { recordedPort, UndoHistory } from "./undo";

/**
 * The preview page (npm start): the sample workbook in a grid on HyperFormula, the real task
 * pane beside it on a PreviewWorkbook, saved to localStorage after every change.
 */

/** How long the page waits after a change before saving; a reload or a closed tab saves at once. */
const SAVE_DELAY_MS = 250;

function required<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The preview page is missing #${id}.`);
  }
  return element as T;
}

class PreviewPage {
  private readonly storage: KeyValueStorage | null;
  private readonly notice = required<HTMLElement>("notice");
  private readonly noticeAction = required<HTMLButtonElement>("notice-action");
  private noticeActionRun: (() => void) | null = null;
  private readonly pane = required<HTMLElement>("pane");
  private workbookDocument!: PreviewDocument;
  private grid!: Grid;
  private charts!: ProjectionCharts;
  /** Each open document's undo history: Reset sample's Undo brings a workbook back with its history. */
  private readonly histories = new WeakMap<PreviewDocument, UndoHistory>();
  private readonly undoButton = required<HTMLButtonElement>("undo");
  private readonly redoButton = required<HTMLButtonElement>("redo");
  private readonly historyStatus = required<HTMLElement>("history-status");
  private stopHistoryButtons: (() => void) | null = null;
  private taskpane: TaskpaneHandle | null = null;
  private unsubscribeSave: (() => void) | null = null;
  private saveTimer: number | null = null;

  constructor() {
    this.storage = safeLocalStorage();
  }

  async start(): Promise<void> {
    const opened = await this.openStoredOrSample();
    this.workbookDocument = opened.workbookDocument;
    this.grid = new Grid(opened.workbookDocument, {
      scroller: required("grid"),
      nameBox: required<HTMLInputElement>("name-box"),
      formulaBar: required<HTMLInputElement>("formula-bar"),
      tabs: required("tabs"),
      cellMessage: required("cell-message"),
    }, {
      onMessage: (message) => this.showNotice(message, "warning"),
      record: (label, action) => this.history.record(label, action),
      conventions: localeConventions(navigator.language),
    });
    this.charts = new ProjectionCharts(this.grid, opened.workbookDocument, { record: (label, action) => this.history.record(label, action) });
    if (opened.notice) {
      this.showNotice(opened.notice, "warning");
    }
    await this.connect(opened.workbookDocument);
    required<HTMLButtonElement>("notice-dismiss").addEventListener("click", () => (this.notice.hidden = true));
    this.noticeAction.addEventListener("click", () => {
      const run = this.noticeActionRun;
      this.noticeActionRun = null;
      this.noticeAction.hidden = true;
      run?.();
    });
    required<HTMLButtonElement>("reset-sample").addEventListener("click", () => void this.resetSample());
    this.undoButton.addEventListener("click", () => this.undoOrRedo("undo"));
    this.redoButton.addEventListener("click", () => this.undoOrRedo("redo"));
    document.addEventListener("keydown", (event) => this.onHistoryKey(event));
    required<HTMLButtonElement>("download-xlsx").addEventListener("click", () => void this.download());
    required<HTMLButtonElement>("download-share-safe").addEventListener("click", () => void this.downloadShareSafe());
    window.addEventListener("pagehide", () => this.saveNow());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") this.saveNow();
    });
    document.body.dataset.ready = "true";
    // For npm run bench: time from navigation to a usable page (grid and pane rendered).
    performance.mark("aicost-preview-ready");
  }

  /** The stored workbook, or the sample with a notice saying why the stored one was not used. */
  private async openStoredOrSample(): Promise<{ workbookDocument: PreviewDocument; notice?: string }> {
    if (this.storage === null) {
      return { workbookDocument: await createSampleDocument(), notice: "This browser does not allow the preview to save: changes last until the page is closed." };
    }
    const stored = loadStoredWorkbook(this.storage);
    if (stored.kind === "ok") {
      try {
        return { workbookDocument: PreviewDocument.fromStored(stored.workbook) };
      } catch (thrown) {
        return { workbookDocument: await createSampleDocument(), notice: unreadableNotice(thrown instanceof Error ? thrown.message : String(thrown)) };
      }
    }
    const sample = await createSampleDocument();
    return stored.kind === "none" ? { workbookDocument: sample } : { workbookDocument: sample, notice: unreadableNotice(stored.reason) };
  }

  /** The open document's undo history. */
  private get history(): UndoHistory {
    return this.historyOf(this.workbookDocument);
  }

  private historyOf(workbookDocument: PreviewDocument): UndoHistory {
    let history = this.histories.get(workbookDocument);
    if (!history) {
      // Spills sized from cells settle before the history starts: opening is not a step.
      resizeSpills(workbookDocument.hf);
      history = new UndoHistory(workbookDocument);
      this.histories.set(workbookDocument, history);
    }
    return history;
  }

  /** Mounts the task pane on a PreviewWorkbook over `workbookDocument`, and saves its changes. */
  private async connect(workbookDocument: PreviewDocument): Promise<void> {
    this.unsubscribeSave?.();
    this.unsubscribeSave = workbookDocument.onChange(() => this.scheduleSave());
    const history = this.historyOf(workbookDocument);
    this.stopHistoryButtons?.();
    this.stopHistoryButtons = history.onChange(() => this.showHistory(history));
    this.showHistory(history);
    const port = recordedPort(new PreviewWorkbook(workbookDocument, this.grid, { showChart: (request) => this.charts.show(request), saveFile }), history);
    await this.taskpane?.destroy();
    this.taskpane = await mountTaskpane(this.pane, port, { connection: "preview" });
    this.saveNow();
  }

  /** The Undo and Redo buttons say what they would undo or redo, and are off when there is nothing. */
  private showHistory(history: UndoHistory): void {
    for (const [button, label, keys] of [
      [this.undoButton, history.undoLabel, "Ctrl+Z"],
      [this.redoButton, history.redoLabel, "Ctrl+Y"],
    ] as const) {
      button.disabled = label === null;
      button.title = label === null ? `Nothing to ${button.id} (${keys})` : `${button.id === "undo" ? "Undo" : "Redo"} ${label} (${keys})`;
    }
  }

  private undoOrRedo(direction: "undo" | "redo"): void {
    const outcome = direction === "undo" ? this.history.undo() : this.history.redo();
    if (outcome.done) {
      this.grid.repaint();
      this.historyStatus.textContent = `${direction === "undo" ? "Undid" : "Redid"} ${outcome.label}.`;
    } else {
      this.showNotice(outcome.reason, "warning");
    }
  }

  /** Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (Cmd on a Mac), except in a text field, which keeps its own undo. */
  private onHistoryKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const direction = key === "z" ? (event.shiftKey ? "redo" : "undo") : key === "y" && !event.shiftKey ? "redo" : null;
    if (direction === null || isTextField(event.target)) return;
    event.preventDefault();
    this.undoOrRedo(direction);
  }

  /** Opens a fresh sample; the notice offers Undo, which brings the discarded workbook back. */
  private async resetSample(): Promise<void> {
    const previous = this.workbookDocument;
    await this.show(await createSampleDocument());
    this.showNotice("The sample workbook was restored.", "info", {
      label: "Undo",
      run: () => {
        void this.show(previous).then(() => this.showNotice("Your workbook is back.", "info"));
      },
    });
  }

  private async show(workbookDocument: PreviewDocument): Promise<void> {
    this.workbookDocument = workbookDocument;
    this.grid.setDocument(workbookDocument);
    this.charts.setDocument(workbookDocument);
    await this.connect(workbookDocument);
  }

  private async download(): Promise<void> {
    try {
      const { exportXlsx } = await import(/* webpackChunkName: "xlsx-export" */ "./xlsxExport");
      saveFile(await exportXlsx(this.workbookDocument), "aicost-preview.xlsx");
    } catch (thrown) {
      this.showNotice(`The .xlsx file could not be made: ${thrown instanceof Error ? thrown.message : String(thrown)}`, "warning");
    }
  }

  /** The share-safe copy: built-in formulas only, for people without the add-in; the notice says what changed. */
  private async downloadShareSafe(): Promise<void> {
    try {
      const { exportShareSafeXlsx } = await import(/* webpackChunkName: "xlsx-export" */ "./xlsxExport");
      const { bytes, report } = await exportShareSafeXlsx(this.workbookDocument);
      saveFile(bytes, "aicost-preview-share-safe.xlsx");
      const frozen = report.frozen.length === 0
        ? "none frozen"
        : `${report.frozen.length} frozen to their cached values: ${report.frozen.map((item) => `${item.sheet}!${item.cell} (${item.reason})`).join("; ")}`;
      this.showNotice(`Share-safe copy downloaded: ${report.rewrittenFormulas} AICOST formulas rewritten to built-in functions, ${frozen}.`, report.frozen.length === 0 ? "info" : "warning");
    } catch (thrown) {
      this.showNotice(`The share-safe copy could not be made: ${thrown instanceof Error ? thrown.message : String(thrown)}`, "warning");
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = window.setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  private saveNow(): void {
    if (this.saveTimer !== null) {
      window.clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.storage === null) return;
    const problem = saveStoredWorkbook(this.storage, this.workbookDocument.toStored());
    if (problem !== null) {
      this.showNotice(problem, "warning");
    }
  }

  /** Shows a message above the grid, with an optional action button (e.g. Undo) that works once. */
  private showNotice(message: string, tone: "info" | "warning", action?: { label: string; run: () => void }): void {
    this.notice.hidden = false;
    this.notice.dataset.tone = tone;
    this.notice.querySelector(".notice-text")!.textContent = message;
    this.noticeActionRun = action?.run ?? null;
    this.noticeAction.hidden = action === undefined;
    this.noticeAction.textContent = action?.label ?? "";
  }
}

/** A field whose own undo Ctrl+Z must keep: a text input, a text area, editable content. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
}

function unreadableNotice(reason: string): string {
  return `The workbook saved in this browser could not be read (${reason}), so the sample workbook was opened instead.`;
}

function safeLocalStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    storage.getItem("aicost.preview.probe");
    return storage;
  } catch {
    return null;
  }
}

void new PreviewPage().start().catch((thrown: unknown) => {
  const notice = document.getElementById("notice");
  if (notice) {
    notice.hidden = false;
    notice.dataset.tone = "warning";
    notice.textContent = `The preview could not start: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
  console.error(thrown);
});
