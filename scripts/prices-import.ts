/*
 * npm run prices:import -- FILE [options]: updates data/prices.csv from a LiteLLM price map that a
 * maintainer downloaded (model_prices_and_context_window.json from the BerriAI/litellm repository).
 * Prints what changed; writes the catalog only when something did, through a temporary file, so a
 * failure never leaves a half-written catalog. Exit status: 0 done, 1 bad input, 2 bad usage.
 */
import * as fs from "node:fs";
import { basename, join, resolve } from "node:path";
import { DomainError } from "../src/core/errors";
import { formatPriceCatalogCsv, parsePriceCatalogCsv } from "../src/core/priceCatalog";
import { formatImportReport, ImportError, planImport, readLiteLLMMap, readTrackingRules, writeFileAtomically } from "./litellm-import";

const root = resolve(__dirname, "..");

const usage = `Usage: npm run prices:import -- FILE [options]

Updates data/prices.csv from LiteLLM's price map FILE (model_prices_and_context_window.json).
A changed price becomes a new row dated today; nothing is deleted.

Options:
  --date YYYY-MM-DD   effective date of the new rows (default: today)
  --source TEXT       where FILE comes from, for the rows' source column
                      (default: "LiteLLM map FILE-NAME")
  --add ID            also add the model ID, which no rule of data/tracking.json covers (repeatable)
  --dry-run           print what would change; write nothing
  --catalog PATH      the catalog to update (default: data/prices.csv)
  --tracking PATH     the tracking rules (default: data/tracking.json)
  --help              show this text`;

class UsageError extends Error {}

interface Arguments {
  file: string;
  date?: string;
  source?: string;
  add: string[];
  dryRun: boolean;
  catalog: string;
  tracking: string;
}

function parseArguments(argv: readonly string[]): Arguments | "help" {
  const parsed: Partial<Arguments> & { add: string[]; dryRun: boolean } = { add: [], dryRun: false };
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next == null || next.startsWith("--")) throw new UsageError(`${argument} needs a value.`);
      return next;
    };
    switch (argument) {
      case "--help":
      case "-h":
        return "help";
      case "--date":
        parsed.date = value();
        break;
      case "--source":
        parsed.source = value();
        break;
      case "--add":
        parsed.add.push(value());
        break;
      case "--dry-run":
        parsed.dryRun = true;
        break;
      case "--catalog":
        parsed.catalog = value();
        break;
      case "--tracking":
        parsed.tracking = value();
        break;
      default:
        if (argument.startsWith("--")) throw new UsageError(`Unknown option ${argument}.`);
        files.push(argument);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "Give the LiteLLM price map to import." : `Give one price map; got ${files.length}: ${files.join(", ")}.`);
  return {
    ...parsed,
    file: files[0],
    catalog: parsed.catalog ?? join(root, "data", "prices.csv"),
    tracking: parsed.tracking ?? join(root, "data", "tracking.json"),
  };
}

function today(): string {
  const now = new Date();
  const twoDigits = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

function readText(path: string, what: string): string {
  try {
    return fs.readFileSync(path, "utf8");
  } catch (error) {
    throw new ImportError(`Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
}

function main(argv: readonly string[]): number {
  let options: Arguments | "help";
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === "help") {
    console.log(usage);
    return 0;
  }
  try {
    const map = readLiteLLMMap(readText(options.file, "the price map"), options.file);
    const tracking = readTrackingRules(readText(options.tracking, "the tracking rules"), options.tracking);
    const catalogText = readText(options.catalog, "the catalog");
    let rows;
    try {
      rows = parsePriceCatalogCsv(catalogText);
    } catch (error) {
      throw new ImportError(`${options.catalog}: ${(error as Error).message}`);
    }
    const effectiveFrom = options.date ?? today();
    const plan = planImport(rows, map, tracking, {
      effectiveFrom,
      sourceLabel: options.source ?? `LiteLLM map ${basename(options.file)}`,
      dateLabel: options.date == null ? "import date (the map does not date its prices)" : "given to the import",
      add: options.add,
    });
    console.log(formatImportReport(plan, effectiveFrom));
    const newRows = plan.rows.length - rows.length;
    if (newRows === 0) {
      console.log(`No new rows; ${options.catalog} is left as it was.`);
      return 0;
    }
    const text = formatPriceCatalogCsv(plan.rows);
    parsePriceCatalogCsv(text); // what is written must read back
    if (options.dryRun) {
      console.log(`Dry run: ${options.catalog} not written (it would get ${newRows} new rows, ${plan.rows.length} in all).`);
      return 0;
    }
    writeFileAtomically(options.catalog, text, fs, String(process.pid));
    console.log(`Wrote ${options.catalog}: ${rows.length} -> ${plan.rows.length} rows. Review the diff, then commit it.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError || error instanceof DomainError)) throw error;
    console.error(`prices:import: ${error.message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
