import { DEFAULT_SCENARIO_NAME } from "../core/scenario";
import { button, element, textField } from "./dom";
import { parseScenarioName, type ScenarioOption } from "./state";

/**
 * "Rename or delete your scenarios": the team's own rows of the table, each with Rename and Delete.
 * Presets are not listed, and the view says why. A deletion always asks first (Excel has no undo
 * for an add-in's writes); for the active scenario the question says what becomes active. The
 * pane (app.ts) runs the workbook calls and reports them in its status line.
 */

export interface OwnScenarioActions {
  rename(name: string, newName: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export class OwnScenariosView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly ids: string;
  private options: readonly ScenarioOption[] = [];
  /** The row showing its rename field or its delete question; kept across re-renders. */
  private open: { readonly name: string; readonly kind: "rename" | "delete" } | null = null;

  constructor(ids: string, private readonly actions: OwnScenarioActions) {
    this.ids = ids;
    this.list = element("div", { class: "aicost-own-list" });
    this.root = element(
      "section",
      {},
      element(
        "details",
        {},
        element("summary", {}, "Rename or delete your scenarios"),
        element("p", { class: "aicost-hint" }, `The presets (pessimistic, ${DEFAULT_SCENARIO_NAME}, aggressive) cannot be renamed or deleted, so formulas that name them keep working; tune them or add your own.`),
        this.list,
      ),
    );
  }

  render(options: readonly ScenarioOption[]): void {
    this.options = options;
    const own = options.filter((option) => !option.isPreset);
    if (this.open !== null && !own.some((option) => option.name === this.open?.name)) this.open = null;
    if (own.length === 0) {
      this.list.replaceChildren(element("p", { class: "aicost-hint" }, "You have no scenarios of your own yet."));
      return;
    }
    this.list.replaceChildren(...own.map((option, index) => this.row(option, index)));
  }

  private row(option: ScenarioOption, index: number): HTMLElement {
    const name = option.name;
    const rename = button("Rename");
    const remove = button("Delete");
    rename.setAttribute("aria-label", `Rename ${name}`);
    remove.setAttribute("aria-label", `Delete ${name}`);
    rename.addEventListener("click", () => this.openRow(name, "rename"));
    remove.addEventListener("click", () => this.openRow(name, "delete"));
    const line = element("div", { class: "aicost-own-row", "data-scenario": name }, element("span", { class: "aicost-own-name" }, option.checked ? `${name} (active)` : name), element("div", { class: "aicost-actions" }, rename, remove));
    if (this.open?.name !== name) return line;
    if (this.open.kind === "rename") {
      const field = textField(`${this.ids}-rename-${index}`, `New name for ${name}`, "A name not already in the table.", "text");
      field.input.value = name;
      const save = button("Save name", "primary");
      const cancel = button("Cancel");
      const submit = async (): Promise<void> => {
        const others = this.options.map((each) => each.name).filter((each) => each !== name);
        const parsed = parseScenarioName(field.input.value, others);
        field.setError(parsed.ok ? null : parsed.message);
        if (!parsed.ok) {
          field.input.focus();
          return;
        }
        this.open = null;
        await this.actions.rename(name, parsed.value);
      };
      save.addEventListener("click", () => void submit());
      field.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          void submit();
        } else if (event.key === "Escape") {
          this.close();
        }
      });
      cancel.addEventListener("click", () => this.close());
      line.append(field.root, element("div", { class: "aicost-actions" }, save, cancel));
      queueMicrotask(() => field.input.focus());
      return line;
    }
    const question = option.checked
      ? `${name} is the active scenario. Delete it? Its row is removed from the table and ${DEFAULT_SCENARIO_NAME} becomes the active scenario.`
      : `Delete ${name}? Its row is removed from the table; formulas that read that row show #REF!.`;
    const confirm = button(`Yes, delete ${name}`, "primary");
    const cancel = button("Keep it");
    confirm.addEventListener("click", () => {
      this.open = null;
      void this.actions.delete(name);
    });
    cancel.addEventListener("click", () => this.close());
    line.append(element("p", { class: "aicost-own-question", role: "alert" }, question), element("div", { class: "aicost-actions" }, confirm, cancel));
    queueMicrotask(() => cancel.focus());
    return line;
  }

  private openRow(name: string, kind: "rename" | "delete"): void {
    this.open = { name, kind };
    this.render(this.options);
  }

  private close(): void {
    this.open = null;
    this.render(this.options);
  }
}
