/**
 * The pane's Prices view (issue 10): search the bundled catalog by model or provider, see each
 * price with its date and source, add rows to the workbook's "AICOST Prices" table, insert a
 * price at the selected cell (a MODEL_PRICE formula over AICOST_PRICES, or the value), and check
 * the table against the catalog for newer prices. It talks only to the port; nothing here writes
 * over a user's cell or row without asking first.
 */
import { bundledPriceCatalog } from "../core/bundledCatalog";
import type { ModelPriceRow } from "../core/priceCatalog";
import { catalogDateSerial, PRICE_TYPES, type ModelPriceHistory, type PriceType } from "../core/priceLookup";
import type { PriceRowConflict, PriceRowsResult, PricesState, WorkbookPort } from "../sheet/port";
import { PRICES_SHEET_NAME } from "../sheet/pricesLayout";
import { button, element, textField, type TextField } from "./dom";
import {
  catalogDateText,
  catalogPrice,
  MAX_SEARCH_RESULTS,
  modelPriceFormula,
  newerCatalogPrices,
  plainRow,
  PRICE_TYPE_LABELS,
  pricesText,
  provenanceText,
  searchCatalog,
  type NewerPrices,
} from "./pricesState";
import { errorMessage, formatUsd } from "./state";

export type ReportKind = "info" | "success" | "error";

/** How the view tells the pane's status line what happened. */
export type Report = (kind: ReportKind, text: string) => void;

function rowSummary(rows: readonly ModelPriceRow[]): string {
  return rows.map((row) => `${row.model} from ${row.effectiveFrom}`).join(", ");
}

/** What an Add did, in one sentence for the status line. */
export function addedMessage(result: PriceRowsResult): string {
  const parts: string[] = [];
  if (result.added.length > 0) parts.push(`Added ${rowSummary(result.added)} to the ${PRICES_SHEET_NAME} sheet${result.createdSheet ? " (created it)" : ""}.`);
  if (result.replaced.length > 0) parts.push(`Replaced ${result.replaced.map((conflict) => `row ${conflict.rowNumber} (${conflict.row.model})`).join(", ")}.`);
  if (result.unchanged.length > 0) parts.push(`Already there with the same prices: ${rowSummary(result.unchanged)}.`);
  if (parts.length === 0 && result.conflicts.length === 0) parts.push("Nothing to add.");
  return parts.join(" ");
}

export class PricesView {
  readonly root: HTMLElement;
  private readonly search: TextField;
  private readonly results: HTMLUListElement;
  private readonly resultsNote: HTMLParagraphElement;
  private readonly workbookNote: HTMLParagraphElement;
  private readonly addButton: HTMLButtonElement;
  private readonly conflictArea: HTMLDivElement;
  private readonly priceType: HTMLSelectElement;
  private readonly insertMode: HTMLSelectElement;
  private readonly insertButton: HTMLButtonElement;
  private readonly insertArea: HTMLDivElement;
  private readonly newerArea: HTMLDivElement;
  private readonly checked = new Set<string>();
  private state: PricesState = { status: "missing" };
  private shown: ModelPriceHistory[] = [];

  constructor(
    private readonly port: WorkbookPort,
    private readonly ids: string,
    private readonly report: Report,
  ) {
    const catalog = bundledPriceCatalog();
    const heading = element("h2", { id: `${ids}-prices-heading` }, "Model prices");
    this.workbookNote = element("p", { class: "aicost-hint" });
    this.search = textField(`${ids}-prices-search`, "Search models or providers", `${catalog.models.length} models; e.g. "gpt-4o", "haiku" or "anthropic".`, "text");
    this.search.input.setAttribute("enterkeyhint", "search");
    this.search.input.setAttribute("aria-controls", `${ids}-prices-results`);
    this.results = element("ul", { id: `${ids}-prices-results`, class: "aicost-price-list", "aria-label": "Catalog prices" });
    this.resultsNote = element("p", { class: "aicost-hint", "aria-live": "polite" }); // not role=status: the pane has one status line
    this.addButton = button("Add to workbook", "primary");
    this.conflictArea = element("div");

    const typeId = `${ids}-prices-type`;
    this.priceType = element("select", { id: typeId });
    for (const type of PRICE_TYPES) this.priceType.append(element("option", { value: type }, PRICE_TYPE_LABELS[type]));
    const modeId = `${ids}-prices-mode`;
    this.insertMode = element(
      "select",
      { id: modeId, "aria-describedby": `${modeId}-hint` },
      element("option", { value: "formula" }, "Formula: MODEL_PRICE over AICOST_PRICES"),
      element("option", { value: "value" }, "Value: the catalog's number"),
    );
    this.insertButton = button("Insert at selected cell");
    this.insertArea = element("div");
    this.newerArea = element("div");
    const checkButton = button("Check for newer prices");

    this.root = element(
      "section",
      { "aria-labelledby": heading.id, "data-testid": "aicost-prices" },
      heading,
      element(
        "p",
        { class: "aicost-hint" },
        `List prices in USD per million tokens from AICOST's catalog (newest price ${catalogDateText(catalogDateSerial(catalog))}), each dated and sourced. A workbook keeps the prices it uses on the ${PRICES_SHEET_NAME} sheet, where you can edit them and add your own.`,
      ),
      this.workbookNote,
      this.search.root,
      this.results,
      this.resultsNote,
      element("div", { class: "aicost-actions" }, this.addButton),
      this.conflictArea,
      element(
        "fieldset",
        { class: "aicost-insert-price" },
        element("legend", {}, "Insert a price"),
        element("div", { class: "aicost-field" }, element("label", { for: typeId }, "Price type"), this.priceType),
        element(
          "div",
          { class: "aicost-field" },
          element("label", { for: modeId }, "Insert as"),
          this.insertMode,
          element(
            "span",
            { id: `${modeId}-hint`, class: "aicost-hint" },
            "A formula follows the workbook's table (the model's row is added first when it is not there); a value stays as typed.",
          ),
        ),
        element("p", { class: "aicost-hint" }, "Tick one model above, select a cell in the sheet, then insert."),
        element("div", { class: "aicost-actions" }, this.insertButton),
        this.insertArea,
      ),
      element("div", { class: "aicost-actions" }, checkButton),
      this.newerArea,
    );

    this.search.input.addEventListener("input", () => this.renderResults());
    this.addButton.addEventListener("click", () => void this.addChecked());
    this.insertButton.addEventListener("click", () => void this.insert(false));
    checkButton.addEventListener("click", () => void this.checkNewer());
    this.renderResults();
  }

  /** Re-reads the prices sheet. */
  async refresh(): Promise<void> {
    try {
      this.state = await this.port.readPrices();
    } catch (error) {
      this.report("error", errorMessage(`read the ${PRICES_SHEET_NAME} sheet`, error));
      return;
    }
    this.renderWorkbookNote();
  }

  private renderWorkbookNote(): void {
    const state = this.state;
    if (state.status === "missing") {
      this.workbookNote.textContent = `This workbook has no ${PRICES_SHEET_NAME} sheet yet: Add to workbook creates it.`;
      return;
    }
    const withProblems = state.rows.filter((row) => row.problems.length > 0).length;
    this.workbookNote.textContent =
      `The ${PRICES_SHEET_NAME} sheet holds ${state.rows.length} price row${state.rows.length === 1 ? "" : "s"}` +
      (withProblems > 0 ? `, ${withProblems} with a problem to fix in the sheet (${state.rows.find((row) => row.problems.length > 0)?.problems[0] ?? ""})` : "") +
      (state.status === "damaged" ? `. It needs Repair: ${state.problems[0]}` : ".");
    if (state.status === "damaged") {
      const repair = button("Repair the Prices sheet");
      repair.addEventListener("click", () => void this.repair());
      this.workbookNote.append(" ", repair);
    }
  }

  private async repair(): Promise<void> {
    try {
      await this.port.setUpPrices();
      await this.refresh();
      this.report("success", `Repaired the ${PRICES_SHEET_NAME} sheet; every row was kept.`);
    } catch (error) {
      this.report("error", errorMessage(`repair the ${PRICES_SHEET_NAME} sheet`, error));
    }
  }

  private renderResults(): void {
    const catalog = bundledPriceCatalog();
    const query = this.search.input.value;
    this.shown = searchCatalog(catalog, query, catalog.models.length);
    const visible = this.shown.slice(0, MAX_SEARCH_RESULTS);
    this.results.replaceChildren(
      ...visible.map((history, index) => {
        const row = history.rows[history.rows.length - 1];
        const id = `${this.ids}-price-${index}`;
        const box = element("input", { type: "checkbox", id, value: history.model, "aria-describedby": `${id}-detail` });
        box.checked = this.checked.has(history.model);
        box.addEventListener("change", () => {
          if (box.checked) this.checked.add(history.model);
          else this.checked.delete(history.model);
        });
        const earlier = history.rows.length > 1 ? ` (${history.rows.length - 1} earlier price${history.rows.length > 2 ? "s" : ""} in the catalog)` : "";
        return element(
          "li",
          { class: "aicost-radio", "data-model": history.model },
          box,
          element("label", { for: id }, `${history.model} · ${history.provider}`),
          element("span", { id: `${id}-detail`, class: "aicost-hint" }, `${pricesText(row.usdPerMillionTokens)}; ${provenanceText(row)}${earlier}`),
        );
      }),
    );
    this.resultsNote.textContent =
      query.trim() === ""
        ? ""
        : this.shown.length === 0
          ? `No model or provider matches "${query.trim()}".`
          : this.shown.length > visible.length
            ? `Showing ${visible.length} of ${this.shown.length} matches; type more to narrow them.`
            : `${this.shown.length} match${this.shown.length === 1 ? "" : "es"}.`;
  }

  /** The newest catalog row of each ticked model, in catalog order. */
  private checkedRows(): ModelPriceRow[] {
    return bundledPriceCatalog()
      .models.filter((history) => this.checked.has(history.model))
      .map((history) => plainRow(history.rows[history.rows.length - 1]));
  }

  private async addChecked(): Promise<void> {
    const rows = this.checkedRows();
    if (rows.length === 0) {
      this.report("error", "Tick the models to add first: search, then tick each one.");
      return;
    }
    await this.addRows(rows);
  }

  private async addRows(rows: readonly ModelPriceRow[], replaceConflicts = false): Promise<PriceRowsResult | null> {
    this.conflictArea.replaceChildren();
    try {
      const result = await this.port.addPriceRows(rows, { replaceConflicts });
      await this.refresh();
      this.report("success", addedMessage(result));
      if (!replaceConflicts && result.conflicts.length > 0) this.renderConflicts(result.conflicts);
      return result;
    } catch (error) {
      this.report("error", errorMessage(`add prices to the ${PRICES_SHEET_NAME} sheet`, error));
      return null;
    }
  }

  /** Rows whose model and date are in the table with other prices: kept unless the user says Replace. */
  private renderConflicts(conflicts: readonly PriceRowConflict[]): void {
    const replace = button("Replace these rows");
    const keep = button("Keep the workbook's");
    replace.addEventListener("click", () => void this.addRows(conflicts.map((conflict) => conflict.row), true));
    keep.addEventListener("click", () => {
      this.conflictArea.replaceChildren();
      this.report("info", "Kept the workbook's rows as they are.");
    });
    this.conflictArea.replaceChildren(
      element(
        "div",
        { class: "aicost-notice", "data-kind": "warning", role: "alert" },
        element("p", {}, "These rows are already in the workbook with other prices, and were left as they are:"),
        element(
          "ul",
          {},
          ...conflicts.map((conflict) =>
            element("li", {}, `Row ${conflict.rowNumber}, ${conflict.row.model} from ${conflict.row.effectiveFrom}: the workbook has ${pricesText(conflict.existing.usdPerMillionTokens)}; the catalog ${pricesText(conflict.row.usdPerMillionTokens)}.`),
          ),
        ),
        element("div", { class: "aicost-actions" }, replace, keep),
      ),
    );
    replace.focus();
  }

  private async insert(overwrite: boolean): Promise<void> {
    this.insertArea.replaceChildren();
    const models = [...this.checked];
    if (models.length !== 1) {
      this.report("error", models.length === 0 ? "Tick the model whose price to insert." : `Tick only one model to insert its price (${models.length} are ticked).`);
      return;
    }
    const model = models[0];
    const priceType = this.priceType.value as PriceType;
    const catalog = bundledPriceCatalog();
    const price = catalogPrice(catalog, model, priceType);
    if (!price.ok) {
      this.report("error", `Could not insert: ${price.message}`);
      return;
    }
    const asFormula = this.insertMode.value === "formula";
    try {
      if (asFormula && !overwrite) {
        const inTable = this.state.status !== "missing" && this.state.rows.some((row) => row.model.toLowerCase() === model.toLowerCase());
        if (!inTable) {
          const added = await this.addRows(this.checkedRows());
          if (added === null) return;
        }
      }
      const input = asFormula ? modelPriceFormula(model, priceType) : price.usd;
      const result = await this.port.insertAtSelection(input, { overwrite });
      if (!result.inserted) {
        const replace = button("Replace it");
        const cancel = button("Cancel");
        replace.addEventListener("click", () => void this.insert(true));
        cancel.addEventListener("click", () => {
          this.insertArea.replaceChildren();
          this.report("info", `Left ${result.address} as it was.`);
        });
        this.insertArea.replaceChildren(
          element(
            "div",
            { class: "aicost-notice", "data-kind": "warning", role: "alert" },
            element("p", {}, `${result.address} already holds ${result.existing}. Replace it with ${asFormula ? "the formula" : formatUsd(price.usd)}?`),
            element("div", { class: "aicost-actions" }, replace, cancel),
          ),
        );
        replace.focus();
        return;
      }
      this.report(
        "success",
        asFormula
          ? `Inserted ${input} in ${result.address}: ${formatUsd(price.usd)} per million tokens today, following the ${PRICES_SHEET_NAME} sheet.`
          : `Inserted ${formatUsd(price.usd)} (${PRICE_TYPE_LABELS[priceType].toLowerCase()}, ${model}) in ${result.address} as a value.`,
      );
    } catch (error) {
      this.report("error", errorMessage("insert the price", error));
    }
  }

  private async checkNewer(): Promise<void> {
    this.newerArea.replaceChildren();
    await this.refresh();
    const state = this.state;
    if (state.status === "missing") {
      this.report("info", `This workbook has no ${PRICES_SHEET_NAME} sheet yet; there is nothing to compare.`);
      return;
    }
    const offers = newerCatalogPrices(bundledPriceCatalog(), state.rows);
    if (offers.length === 0) {
      this.report("success", `The ${PRICES_SHEET_NAME} sheet has the catalog's newest price for each of its models.`);
      return;
    }
    this.report("info", `The catalog has newer prices for ${offers.length} model${offers.length === 1 ? "" : "s"} of the workbook; nothing was changed.`);
    this.renderOffers(offers);
  }

  /** Newer catalog rows, each ticked by default; adding them appends dated rows and changes none. */
  private renderOffers(offers: readonly NewerPrices[]): void {
    const boxes: { box: HTMLInputElement; row: ModelPriceRow }[] = [];
    const items = offers.flatMap((offer) =>
      offer.newer.map((row) => {
        const id = `${this.ids}-newer-${boxes.length}`;
        const box = element("input", { type: "checkbox", id, checked: true });
        box.checked = true;
        boxes.push({ box, row });
        return element(
          "li",
          { class: "aicost-radio" },
          box,
          element("label", { for: id }, `${row.model} from ${row.effectiveFrom}`),
          element(
            "span",
            { class: "aicost-hint" },
            `${pricesText(row.usdPerMillionTokens)}; the workbook's newest is from ${offer.newestInWorkbook.effectiveFrom} (row ${offer.newestInWorkbook.rowNumber}): ${pricesText(offer.newestInWorkbook.usdPerMillionTokens)}.`,
          ),
        );
      }),
    );
    const add = button("Add the ticked rows", "primary");
    add.addEventListener("click", async () => {
      const rows = boxes.filter((entry) => entry.box.checked).map((entry) => entry.row);
      if (rows.length === 0) {
        this.report("error", "Tick the newer rows to add.");
        return;
      }
      if ((await this.addRows(rows)) !== null) this.newerArea.replaceChildren();
    });
    this.newerArea.replaceChildren(
      element(
        "div",
        { class: "aicost-notice" },
        element("p", {}, "Newer catalog prices. Adding them appends dated rows; the workbook's rows stay as they are, and MODEL_PRICE uses a new row from its date on."),
        element("ul", { class: "aicost-price-list" }, ...items),
        element("div", { class: "aicost-actions" }, add),
      ),
    );
  }
}
