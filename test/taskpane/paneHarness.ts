/**
 * What the task pane's jsdom tests share: a root element per test with the pane mounted in it and
 * destroyed after, waiting for the pane's queued work, and finding controls by their visible
 * labels. Each test file still mocks the canvas charts itself (jest.mock is hoisted per file).
 */
import { mountTaskpane, type TaskpaneHandle, type TaskpaneOptions } from "../../src/taskpane/app";
import type { FakeWorkbook } from "./fakeWorkbook";

/** Lets queued promise callbacks run, and then `milliseconds` more (the pane's write delay is 350 ms). */
export const settle = (milliseconds = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface PaneFixture {
  /** The element the pane is mounted in, new for each test. */
  readonly root: () => HTMLElement;
  /** Mounts the pane on the workbook (preview connection unless told) and waits for its first render. */
  readonly mount: (workbook: FakeWorkbook, options?: Partial<TaskpaneOptions>) => Promise<TaskpaneHandle>;
  /** Destroys the mounted pane now (a test that mounts a second one). */
  readonly unmount: () => Promise<void>;
}

/** Registers beforeEach/afterEach for a fresh root per test and the pane's teardown; call at a file's top level. */
export function paneFixture(): PaneFixture {
  let root: HTMLElement | null = null;
  let pane: TaskpaneHandle | null = null;
  beforeEach(() => {
    root = document.createElement("div");
    document.body.append(root);
  });
  const unmount = async (): Promise<void> => {
    await pane?.destroy();
    pane = null;
  };
  afterEach(async () => {
    await unmount();
    root?.remove();
  });
  return {
    unmount,
    root: () => root!,
    async mount(workbook, options = {}) {
      pane = await mountTaskpane(root!, workbook, { connection: "preview", ...options });
      await settle();
      return pane;
    },
  };
}

/** The control a label names, within `scope`. */
export function byLabel<T extends HTMLElement>(scope: ParentNode, text: string): T {
  const label = [...scope.querySelectorAll("label")].find((each) => each.textContent === text);
  const found = label && scope.querySelector<T>(`[id="${label.htmlFor}"]`);
  if (found == null) throw new Error(`nothing labelled ${text}`);
  return found;
}

/** The button with this text, within `scope`. */
export function buttonNamed(scope: ParentNode, text: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll("button")].find((each) => each.textContent === text);
  if (found == null) throw new Error(`no button ${text}`);
  return found;
}
