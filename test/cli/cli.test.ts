import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { EXIT_BAD_INPUT, EXIT_DONE, EXIT_USAGE, HELP, main, type CliIo } from "../../src/cli/main";
import { excelSavedWorkbook } from "../share/fixtures";

function io(terminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const handle: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTerminal: terminal };
  return { handle, stdout: () => out.join(""), stderr: () => err.join("") };
}

function workspace(): { directory: string; input: string } {
  const directory = mkdtempSync(join(tmpdir(), "aicost-cli-"));
  const input = join(directory, "model.xlsx");
  writeFileSync(input, excelSavedWorkbook().bytes);
  return { directory, input };
}

describe("aicost share", () => {
  test("writes the copy, prints what it did, and leaves the input as it was", () => {
    const { directory, input } = workspace();
    const before = readFileSync(input);
    const output = join(directory, "shared.xlsx");
    const run = io();
    expect(main(["share", input, output], run.handle)).toBe(EXIT_DONE);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(Object.keys(unzipSync(readFileSync(output)))).toContain("xl/workbook.xml");
    expect(run.stdout()).toMatch(/^16 formulas rewritten to built-in functions \(\d+ AICOST calls\)\.\n4 frozen to their cached values/);
    expect(run.stdout()).toContain("Model!B14");
    expect(run.stdout()).toMatch(/Wrote .*shared\.xlsx in \d+\.\d\d s\./);
    expect(readdirSync(directory).sort()).toEqual(["model.xlsx", "shared.xlsx"]);
  });

  test("--report writes the frozen formulas as CSV; --dry-run writes nothing", () => {
    const { directory, input } = workspace();
    const output = join(directory, "shared.xlsx");
    const report = join(directory, "frozen.csv");
    expect(main(["share", input, output, "--report", report], io().handle)).toBe(EXIT_DONE);
    expect(readFileSync(report, "utf8").split("\r\n")[0]).toBe("sheet,cell,formula,reason,result");
    const dry = join(directory, "dry.xlsx");
    const run = io();
    expect(main(["share", input, dry, "--dry-run", "--report", join(directory, "dry.csv")], run.handle)).toBe(EXIT_DONE);
    expect(existsSync(dry)).toBe(false);
    expect(existsSync(join(directory, "dry.csv"))).toBe(false);
    expect(run.stdout()).toContain("Dry run: nothing written");
  });

  test("refuses the input as output (also through a symbolic link) and an existing output without --force", () => {
    const { directory, input } = workspace();
    const run = io();
    expect(main(["share", input, input], run.handle)).toBe(EXIT_BAD_INPUT);
    expect(run.stderr()).toMatch(/the output must be a new file/);
    const link = join(directory, "link.xlsx");
    symlinkSync(input, link);
    expect(main(["share", input, link, "--force"], io().handle)).toBe(EXIT_BAD_INPUT);
    const output = join(directory, "shared.xlsx");
    writeFileSync(output, "keep me");
    const existing = io();
    expect(main(["share", input, output], existing.handle)).toBe(EXIT_BAD_INPUT);
    expect(existing.stderr()).toMatch(/already exists.*--force/);
    expect(readFileSync(output, "utf8")).toBe("keep me");
    expect(main(["share", input, output, "--force"], io().handle)).toBe(EXIT_DONE);
  });

  test("bad input exits 1 with a message naming what the file is, and writes nothing", () => {
    const { directory } = workspace();
    const notXlsx = join(directory, "notes.xlsx");
    writeFileSync(notXlsx, "month,cost\n");
    const run = io();
    const output = join(directory, "out.xlsx");
    expect(main(["share", notXlsx, output], run.handle)).toBe(EXIT_BAD_INPUT);
    expect(run.stderr()).toMatch(/not an \.xlsx file.*\nNothing was written\./s);
    expect(existsSync(output)).toBe(false);
    expect(main(["share", join(directory, "missing.xlsx"), output], io().handle)).toBe(EXIT_BAD_INPUT);
    // A directory that does not exist: the write fails and no temporary file is left behind.
    expect(main(["share", join(directory, "model.xlsx"), join(directory, "no", "such", "out.xlsx")], io().handle)).toBe(EXIT_BAD_INPUT);
    expect(readdirSync(directory).sort()).toEqual(["model.xlsx", "notes.xlsx"]);
  });

  test("usage errors exit 2 and print the help; --help exits 0", () => {
    for (const args of [[], ["share"], ["share", "a.xlsx"], ["share", "a", "b", "c"], ["frobnicate"], ["share", "a", "b", "--bogus"], ["share", "a", "b", "--report"]]) {
      const run = io();
      expect([args, main(args, run.handle)]).toEqual([args, EXIT_USAGE]);
      expect(run.stderr()).toContain("Usage:");
    }
    const help = io();
    expect(main(["--help"], help.handle)).toBe(EXIT_DONE);
    expect(help.stdout()).toBe(HELP);
    expect(HELP).toMatch(/Exit codes: 0 done, 1 bad input.*2 usage/s);
  });

  test("the bin works from the project root as `npx aicost`", () => {
    const root = join(__dirname, "..", "..");
    const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(packageJson.bin).toEqual({ aicost: "bin/aicost.cjs" });
    const help = execFileSync(process.execPath, [join(root, "bin", "aicost.cjs"), "--help"], { cwd: root, encoding: "utf8" });
    expect(help).toBe(HELP);
    const usage = spawnSync(process.execPath, [join(root, "bin", "aicost.cjs")], { cwd: root, encoding: "utf8" });
    expect(usage.status).toBe(EXIT_USAGE);
  });
});
