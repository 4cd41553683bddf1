/**
 * The `aicost` command line: `aicost share INPUT.xlsx OUTPUT.xlsx` writes a share-safe copy of a
 * workbook. Exit codes: 0 done, 1 bad input (nothing written), 2 usage.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { deflateRawSync } from "node:zlib";
import { shareSafeWorkbook, ShareInputError } from "../share/package";
import { reportCsv, reportSummary } from "../share/report";

/** Node's zlib deflates natively, several times faster than fflate on a large worksheet. */
export const nodeDeflate = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: 6 });

export const EXIT_DONE = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export const HELP = `aicost: tools for workbooks that use the AICOST Excel add-in.

Usage:
  aicost share INPUT.xlsx OUTPUT.xlsx [--report FILE.csv] [--dry-run] [--force]
  aicost --help

share    Writes a share-safe copy of INPUT.xlsx to OUTPUT.xlsx: every AICOST formula replaced by
         an equivalent formula of built-in functions (Excel 2016 and later, LibreOffice Calc,
         Google Sheets), so people without the add-in get live, correct numbers and the Active
         scenario dropdown still switches scenarios. Nothing else in the file changes. A formula
         that cannot be made native keeps its cached value (it is "frozen") and is listed.
         The input is never modified; the output is written to a temporary file and renamed,
         so a failure leaves no partial file.

Options:
  --report FILE.csv   also write the list of frozen formulas (sheet, cell, formula, reason, result)
  --dry-run           convert and report, but write nothing
  --force             replace OUTPUT.xlsx if it exists
  -h, --help          show this help

Exit codes: 0 done, 1 bad input (not an .xlsx, unreadable, output equal to input; nothing
written), 2 usage (wrong arguments).
`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal: a progress bar is drawn on large workbooks. */
  readonly stdoutIsTerminal: boolean;
}

interface ShareCommand {
  readonly input: string;
  readonly output: string;
  readonly report: string | null;
  readonly dryRun: boolean;
  readonly force: boolean;
}

class UsageError extends Error {}

function parseShareArguments(args: readonly string[]): ShareCommand {
  const positional: string[] = [];
  let report: string | null = null;
  let dryRun = false;
  let force = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    if (argument === "--report") {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) throw new UsageError("--report needs a file name, e.g. --report frozen.csv");
      report = value;
    } else if (argument.startsWith("--report=")) {
      report = argument.slice("--report=".length);
    } else if (argument === "--dry-run") {
      dryRun = true;
    } else if (argument === "--force") {
      force = true;
    } else if (argument.startsWith("-") && argument !== "-") {
      throw new UsageError(`Unknown option ${argument}.`);
    } else {
      positional.push(argument);
    }
  }
  if (positional.length !== 2) {
    throw new UsageError(`share takes an input and an output file; got ${positional.length === 0 ? "none" : positional.join(" ")}.`);
  }
  return { input: positional[0], output: positional[1], report, dryRun, force };
}

/** The same file, by path or by identity (a hard link, a symbolic link). */
function sameFile(input: string, output: string): boolean {
  const inputPath = realpathSync(input);
  if (resolve(output) === inputPath || resolve(output) === resolve(input)) return true;
  if (!existsSync(output)) return false;
  if (realpathSync(output) === inputPath) return true;
  const [a, b] = [statSync(input), statSync(output)];
  return a.ino === b.ino && a.dev === b.dev;
}

/** Writes `bytes` to a temporary file beside `path`, then renames it into place. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.aicost-${process.pid}.tmp`);
  try {
    const descriptor = openSync(temporary, "wx");
    try {
      writeSync(descriptor, bytes);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (thrown) {
    rmSync(temporary, { force: true });
    throw thrown;
  }
}

function progressBar(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stdoutIsTerminal) return undefined;
  const width = 30;
  return (done, total) => {
    if (total < 5000) return;
    const filled = Math.round((done / total) * width);
    io.stdout(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} formulas${done === total ? "\n" : ""}`);
  };
}

function share(command: ShareCommand, io: CliIo): number {
  if (!existsSync(command.input)) {
    io.stderr(`aicost: ${command.input} does not exist.\n`);
    return EXIT_BAD_INPUT;
  }
  if (sameFile(command.input, command.output) || (command.report !== null && sameFile(command.input, command.report))) {
    io.stderr(`aicost: the output must be a new file, not the input ${command.input}: the input is never modified.\n`);
    return EXIT_BAD_INPUT;
  }
  if (!command.dryRun && !command.force && existsSync(command.output)) {
    io.stderr(`aicost: ${command.output} already exists; choose another name, or add --force to replace it.\n`);
    return EXIT_BAD_INPUT;
  }
  const started = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(command.input);
  } catch (thrown) {
    io.stderr(`aicost: cannot read ${command.input}: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
    return EXIT_BAD_INPUT;
  }
  let result;
  try {
    result = shareSafeWorkbook(bytes, { onProgress: progressBar(io), deflate: nodeDeflate });
  } catch (thrown) {
    if (thrown instanceof ShareInputError) {
      io.stderr(`aicost: ${command.input}: ${thrown.message}\nNothing was written.\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`aicost: ${command.input} could not be converted: ${thrown instanceof Error ? thrown.message : String(thrown)}\nNothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const seconds = (performance.now() - started) / 1000;
  if (!command.dryRun) {
    try {
      writeAtomically(command.output, result.bytes);
      if (command.report !== null) writeAtomically(command.report, new TextEncoder().encode(reportCsv(result.report)));
    } catch (thrown) {
      io.stderr(`aicost: cannot write ${command.output}: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const lines = reportSummary(result.report);
  lines.push(command.dryRun ? `Dry run: nothing written (${seconds.toFixed(2)} s).` : `Wrote ${command.output}${command.report ? ` and ${command.report}` : ""} in ${seconds.toFixed(2)} s.`);
  io.stdout(lines.join("\n") + "\n");
  return EXIT_DONE;
}

/**
 * Runs the command line with `args` (without node and the script) and returns the exit code.
 *
 * @example main(["share", "model.xlsx", "model-shared.xlsx"], io) // 0, having written model-shared.xlsx
 */
export function main(args: readonly string[], io: CliIo): number {
  const [command, ...rest] = args;
  if (command === "--help" || command === "-h" || command === "help" || (command === "share" && (rest.includes("--help") || rest.includes("-h")))) {
    io.stdout(HELP);
    return EXIT_DONE;
  }
  try {
    if (command === "share") return share(parseShareArguments(rest), io);
    throw new UsageError(command === undefined ? "Say what to do: aicost share INPUT.xlsx OUTPUT.xlsx" : `Unknown command ${command}.`);
  } catch (thrown) {
    if (thrown instanceof UsageError) {
      io.stderr(`aicost: ${thrown.message}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    throw thrown;
  }
}
