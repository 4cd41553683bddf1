import type { HyperFormula } from "hyperformula";
import type { WorkbookPort } from "../sheet/port";
import type { PreviewDocument, SideChange } from "./document";
import { resizeSpills, valueSizedSpillShapes, withSpillSizes, type SpillShape } from "./spillSize";

/**
 * Undo and redo for the preview workbook: cell edits in the grid and the task pane's actions (set
 * up, switch scenario, tune, add scenario, insert projection), at least the last
 * {@link UNDO_HISTORY_STEPS} steps.
 *
 * HyperFormula keeps an undo history of its own operations (cell contents, sheets added and
 * removed, named expressions), and undoes them faithfully, references into a removed sheet
 * included. It does not know what lives outside the engine: the number formats and the charts
 * (src/preview/document.ts's "side" state), the spill sizes the preview chooses
 * (src/preview/spillSize.ts), or that one user step (an Insert projection) may be several engine
 * operations. So a step here is: the engine operations it made (counted on HyperFormula's undo
 * stack, which 3.5 keeps in `_crudOperations.undoRedo`; see {@link engineHistory}), the format and
 * chart changes it made, and the spill sizes before and after. Undoing a step undoes its engine
 * operations with the sizes of before, then puts its formats and charts back; redo does the
 * reverse. Before either, the step's operations must be the ones on top of the engine's stack: if
 * anything changed the engine outside the history, undo says so and forgets the steps rather than
 * undoing the wrong thing. A step whose action throws is rolled back at once, so an action that
 * fails part way leaves the workbook as it was.
 *
 * Saving follows: every undo and redo tells the document's listeners (the page saves on them).
 * The history itself is not saved: a reload starts with none, as Excel does after reopening.
 */

/** How many steps the history keeps. */
export const UNDO_HISTORY_STEPS = 100;

interface EngineUndoRedo {
  readonly undoStack: readonly unknown[];
  readonly redoStack: readonly unknown[];
}

/**
 * HyperFormula's own undo and redo stacks. The package has no public way to count the operations
 * a call pushed, so the history reads the stacks (read only, never written) where HyperFormula
 * 3.5 keeps them, and fails loudly if they move in another version.
 */
export function engineHistory(hf: HyperFormula): EngineUndoRedo {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: Partial<EngineUndoRedo> } })._crudOperations?.undoRedo;
  if (!Array.isArray(undoRedo?.undoStack) || !Array.isArray(undoRedo?.redoStack)) {
    throw new Error("This HyperFormula keeps its undo history elsewhere than version 3.5 does: the preview's undo (src/preview/undo.ts) needs updating.");
  }
  return undoRedo as EngineUndoRedo;
}

interface Step {
  readonly label: string;
  /** The engine's undo entries the step pushed, oldest first (compared by identity). */
  readonly engineEntries: readonly unknown[];
  readonly sideChanges: readonly SideChange[];
  readonly spillsBefore: ReadonlyMap<string, SpillShape>;
  readonly spillsAfter: ReadonlyMap<string, SpillShape>;
}

interface Recording {
  readonly label: string;
  /** The engine's top undo entry when the step began; undefined for an empty stack. */
  readonly marker: unknown;
  readonly sideChanges: SideChange[];
  readonly spillsBefore: ReadonlyMap<string, SpillShape>;
  depth: number;
}

/** The outcome of an undo or a redo: what was undone or redone, or why nothing was. */
export type HistoryOutcome = { readonly done: true; readonly label: string } | { readonly done: false; readonly reason: string };

export class UndoHistory {
  readonly document: PreviewDocument;
  private readonly limit: number;
  private undoSteps: Step[] = [];
  private redoSteps: Step[] = [];
  private recording: Recording | null = null;
  private replaying = false;
  private readonly listeners = new Set<() => void>();
  private readonly stopListening: () => void;

  constructor(document: PreviewDocument, options: { limit?: number } = {}) {
    this.document = document;
    this.limit = options.limit ?? UNDO_HISTORY_STEPS;
    engineHistory(document.hf); // fail at once, not at the first undo, if the engine's history moved
    // Opening or building a workbook is not a step: what came before the history cannot be undone.
    document.hf.clearUndoStack();
    document.hf.clearRedoStack();
    this.stopListening = document.onSideChange((change) => {
      if (this.recording !== null && !this.replaying) {
        this.recording.sideChanges.push(change);
      }
    });
  }

  private get hf(): HyperFormula {
    return this.document.hf;
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** What Undo would undo, e.g. "Insert projection"; null when there is nothing. */
  get undoLabel(): string | null {
    return this.undoSteps.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.redoSteps.at(-1)?.label ?? null;
  }

  /** Calls `listener` whenever what can be undone or redone changes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `action` as one step of the history (a step within a step joins it). Throws what the
   * action throws, after rolling back what it had changed.
   *
   * @example history.record("Typing in B5", () => hf.setCellContents({ sheet, row: 4, col: 1 }, 25_000))
   */
  record<T>(label: string, action: () => T): T {
    const recording = this.begin(label);
    let result: T;
    try {
      result = action();
    } catch (thrown) {
      this.end(recording, true);
      throw thrown;
    }
    this.end(recording, false);
    return result;
  }

  /** {@link record} for an action that returns a promise (the WorkbookPort's methods). */
  async recordAsync<T>(label: string, action: () => Promise<T>): Promise<T> {
    const recording = this.begin(label);
    let result: T;
    try {
      result = await action();
    } catch (thrown) {
      this.end(recording, true);
      throw thrown;
    }
    this.end(recording, false);
    return result;
  }

  private begin(label: string): Recording {
    if (this.replaying) {
      throw new Error("The workbook cannot change while an undo or a redo is running.");
    }
    if (this.recording !== null) {
      this.recording.depth++;
      return this.recording;
    }
    const { undoStack } = engineHistory(this.hf);
    this.recording = {
      label,
      marker: undoStack.at(-1),
      sideChanges: [],
      spillsBefore: valueSizedSpillShapes(this.hf),
      depth: 1,
    };
    return this.recording;
  }

  private end(recording: Recording, failed: boolean): void {
    recording.depth--;
    if (recording.depth > 0) {
      return;
    }
    this.recording = null;
    if (!failed) {
      // A months cell the step changed resizes its PRICE_CURVE spills within the same step.
      resizeSpills(this.hf);
    }
    const step = this.stepOf(recording);
    if (step === null) {
      this.forget();
      return;
    }
    if (step.engineEntries.length === 0 && step.sideChanges.length === 0) {
      return;
    }
    if (failed) {
      this.replay(step, "undo");
      return;
    }
    this.undoSteps.push(step);
    if (this.undoSteps.length > this.limit) {
      this.undoSteps.splice(0, this.undoSteps.length - this.limit);
    }
    this.redoSteps = [];
    this.changed();
  }

  /** The step a recording made; null when its start can no longer be found on the engine's stack. */
  private stepOf(recording: Recording): Step | null {
    const { undoStack } = engineHistory(this.hf);
    const start = recording.marker === undefined ? 0 : undoStack.lastIndexOf(recording.marker) + 1;
    if (recording.marker !== undefined && start === 0) {
      return null;
    }
    return {
      label: recording.label,
      engineEntries: undoStack.slice(start),
      sideChanges: recording.sideChanges,
      spillsBefore: recording.spillsBefore,
      spillsAfter: valueSizedSpillShapes(this.hf),
    };
  }

  /** Undoes the last step. */
  undo(): HistoryOutcome {
    const step = this.undoSteps.at(-1);
    if (step === undefined) {
      return { done: false, reason: "There is nothing to undo." };
    }
    const { undoStack } = engineHistory(this.hf);
    if (!endsWith(undoStack, step.engineEntries)) {
      this.forget();
      return { done: false, reason: `"${step.label}" cannot be undone: the workbook was changed outside the undo history.` };
    }
    this.undoSteps.pop();
    this.replay(step, "undo");
    this.redoSteps.push(step);
    this.changed();
    return { done: true, label: step.label };
  }

  /** Redoes the last undone step. */
  redo(): HistoryOutcome {
    const step = this.redoSteps.at(-1);
    if (step === undefined) {
      return { done: false, reason: "There is nothing to redo." };
    }
    const { redoStack } = engineHistory(this.hf);
    if (!endsWith(redoStack, [...step.engineEntries].reverse())) {
      this.redoSteps = [];
      this.changed();
      return { done: false, reason: `"${step.label}" cannot be redone: the workbook was changed outside the undo history.` };
    }
    this.redoSteps.pop();
    this.replay(step, "redo");
    this.undoSteps.push(step);
    this.changed();
    return { done: true, label: step.label };
  }

  private replay(step: Step, direction: "undo" | "redo"): void {
    this.replaying = true;
    try {
      const spills = direction === "undo" ? step.spillsBefore : step.spillsAfter;
      withSpillSizes(this.hf, spills, () => {
        for (let count = 0; count < step.engineEntries.length; count++) {
          if (direction === "undo") this.hf.undo();
          else this.hf.redo();
        }
      });
      const changes = direction === "undo" ? [...step.sideChanges].reverse() : step.sideChanges;
      for (const change of changes) {
        if (change.kind === "format") {
          this.document.setFormat(change.sheet, change.address, direction === "undo" ? change.before : change.after);
        } else {
          this.document.setCharts(direction === "undo" ? change.before : change.after);
        }
      }
    } finally {
      this.replaying = false;
    }
    // The engine reports changed values, not formulas that changed to the same value: say it.
    this.document.notifyChanged();
  }

  /** Drops every step, e.g. when the engine changed outside the history. */
  forget(): void {
    this.undoSteps = [];
    this.redoSteps = [];
    this.changed();
  }

  destroy(): void {
    this.stopListening();
    this.listeners.clear();
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

function endsWith(stack: readonly unknown[], entries: readonly unknown[]): boolean {
  if (entries.length > stack.length) return false;
  const offset = stack.length - entries.length;
  return entries.every((entry, index) => stack[offset + index] === entry);
}

/**
 * The task pane's port with each of its actions recorded as one step of `history`: set up or
 * repair, switch scenario, tune, add scenario, insert projection, and the Prices view's writes.
 * Reads pass straight through.
 */
export function recordedPort(port: WorkbookPort, history: UndoHistory): WorkbookPort {
  return {
    host: port.host,
    readAssumptions: () => port.readAssumptions(),
    setUpAssumptions: () => history.recordAsync("Set up workbook", () => port.setUpAssumptions()),
    setActiveScenario: (name) => history.recordAsync(`Switch to ${name}`, () => port.setActiveScenario(name)),
    updateScenario: (name, changes) => history.recordAsync(`Tune ${name}`, () => port.updateScenario(name, changes)),
    addScenario: (row) => history.recordAsync(`Add scenario ${row.name}`, () => port.addScenario(row)),
    readSelectedNumber: () => port.readSelectedNumber(),
    onSelectionChanged: (listener) => port.onSelectionChanged(listener),
    insertProjection: (options) => history.recordAsync("Insert projection", () => port.insertProjection(options)),
    onAssumptionsChanged: (listener) => port.onAssumptionsChanged(listener),
    loadPreferences: () => port.loadPreferences(),
    savePreferences: (preferences) => port.savePreferences(preferences),
    // Prices (issue 10): each write is one step of the history.
    readPrices: () => port.readPrices(),
    setUpPrices: () => history.recordAsync("Set up prices", () => port.setUpPrices()),
    addPriceRows: (rows, options) => history.recordAsync(`Add ${rows.length === 1 ? `${rows[0].model}'s price` : `${rows.length} prices`}`, () => port.addPriceRows(rows, options)),
    insertAtSelection: (input, options) => history.recordAsync("Insert price", () => port.insertAtSelection(input, options)),
    readRange: (address) => port.readRange(address),
    // Sensitivity (issue 11). A sweep's trial writes go straight to the engine and are all put
    // back; they are not a step (and, being outside the history, make undo forget older steps,
    // as any change outside it does). Insert as table is a step.
    readSelectedCell: () => port.readSelectedCell(),
    findInputCells: (outputAddress) => port.findInputCells(outputAddress),
    activeScenarioInputs: () => port.activeScenarioInputs(),
    sensitivityWorkbook: () => port.sensitivityWorkbook(),
    insertSensitivityTable: (rows) => history.recordAsync("Insert sensitivity table", () => port.insertSensitivityTable(rows)),
    // Reading the file and opening a copy change nothing here: not steps of the history.
    workbookFileSupport: () => port.workbookFileSupport(),
    readWorkbookFile: () => port.readWorkbookFile(),
    openAsNewWorkbook: (bytes, fileName) => port.openAsNewWorkbook(bytes, fileName),
    renameScenario: (name, newName) => history.recordAsync(`Rename ${name}`, () => port.renameScenario(name, newName)),
    deleteScenario: (name) => history.recordAsync(`Delete scenario ${name}`, () => port.deleteScenario(name)),
  };
}
