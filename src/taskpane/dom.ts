/** Small DOM helpers for the pane's components: build elements without innerHTML. */

type Attributes = Record<string, string | boolean | undefined>;

/**
 * Creates an element with attributes (true = present, false/undefined = absent) and children.
 *
 * @example element("button", { type: "button" }, "Repair")
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, attributeValue] of Object.entries(attributes)) {
    if (attributeValue === true) created.setAttribute(name, "");
    else if (typeof attributeValue === "string") created.setAttribute(name, attributeValue);
  }
  created.append(...children);
  return created;
}

/** A labelled text input with a hint and an inline error, wired for screen readers. */
export interface TextField {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  readonly hint: HTMLSpanElement;
  /** Shows `message` under the input and marks it invalid; null clears both. */
  setError(message: string | null): void;
}

/** Builds a {@link TextField}; `id` must be unique in the page. */
export function textField(id: string, label: string, hintText: string, inputMode: "decimal" | "numeric" | "text"): TextField {
  const input = element("input", {
    id,
    type: "text",
    inputmode: inputMode,
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": `${id}-hint ${id}-error`,
  });
  const hint = element("span", { id: `${id}-hint`, class: "aicost-hint" }, hintText);
  const error = element("span", { id: `${id}-error`, class: "aicost-error" });
  const root = element("div", { class: "aicost-field" }, element("label", { for: id }, label), input, hint, error);
  return {
    root,
    input,
    hint,
    setError(message) {
      error.textContent = message ?? "";
      if (message == null) input.removeAttribute("aria-invalid");
      else input.setAttribute("aria-invalid", "true");
    },
  };
}

/** A native button styled as a Fluent 2 button; "primary" is the brand-coloured one. */
export function button(label: string, appearance: "primary" | "secondary" = "secondary"): HTMLButtonElement {
  return element("button", { type: "button", "data-appearance": appearance }, label);
}
