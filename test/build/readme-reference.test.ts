/* The README's function reference agrees with the generated functions.json: every function and
 * no other, each signature in order with optional parameters in brackets, every description and
 * parameter description verbatim. Its examples are evaluated and must give the results it states. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ICustomFunctionsMetadata, IFunction } from "custom-functions-metadata";
import * as aicost from "../../src/functions/aicost";
import { ExcelError, type FunctionResult } from "../../src/functions/values";
import { generateFunctionsJson, ROOT } from "./metadata";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const START = "<!-- function-reference:start -->";
const END = "<!-- function-reference:end -->";

function referenceSection(): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md must hold the function reference between ${START} and ${END}`);
  }
  return readme.slice(start + START.length, end);
}

const section = referenceSection();
const headingPattern = /^### `AICOST\.([A-Z_]+)\((.*)\)`$/gm;

/** The text from a function's heading to the next heading. */
function subsection(id: string): string {
  const start = section.search(new RegExp(`^### \`AICOST\\.${id}\\(`, "m"));
  const next = section.indexOf("\n### ", start + 1);
  return section.slice(start, next < 0 ? undefined : next);
}

/* A small reader for the examples' Excel literals: numbers, "text", array constants ({a,b} is a
 * row, {a;b} a column) and omitted arguments. */
type Literal = number | string | null | Literal[][];

function parseArguments(text: string): Literal[] {
  let position = 0;
  const peek = (): string => text[position] ?? "";
  function value(): Literal {
    while (peek() === " ") position++;
    if (peek() === "{") {
      position++;
      const rows: Literal[][] = [[]];
      for (;;) {
        rows[rows.length - 1].push(value());
        const separator = text[position++];
        if (separator === "}") return rows;
        if (separator === ";") rows.push([]);
        else if (separator !== ",") throw new Error(`bad array constant in ${text}`);
      }
    }
    if (peek() === '"') {
      const close = text.indexOf('"', position + 1);
      const literal = text.slice(position + 1, close);
      position = close + 1;
      return literal;
    }
    const match = /^[^,;}]*/.exec(text.slice(position)) as RegExpExecArray;
    position += match[0].length;
    const token = match[0].trim();
    if (token === "") return null;
    const number = Number(token);
    if (!Number.isFinite(number)) throw new Error(`cannot read ${token} in ${text}`);
    return number;
  }
  const values: Literal[] = [];
  if (text.trim() === "") return values;
  for (;;) {
    values.push(value());
    if (position >= text.length) return values;
    if (text[position++] !== ",") throw new Error(`expected a comma in ${text} at ${position}`);
  }
}

/** Whether `actual` is `expected` as written, to the decimals written. */
function matchesWritten(actual: unknown, expected: Literal): boolean {
  if (typeof expected === "number") {
    const written = String(expected);
    const decimals = written.includes(".") ? written.split(".")[1].length : 0;
    return typeof actual === "number" && Math.abs(actual - expected) <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((row, r) => Array.isArray(actual[r]) && actual[r].length === row.length && row.every((cell, c) => matchesWritten(actual[r][c], cell)))
    );
  }
  return actual === expected;
}

const functionsById = aicost as unknown as Record<string, (...args: unknown[]) => FunctionResult>;
const examplePattern = /`=AICOST\.([A-Z_]+)\((.*?)\)` returns `([^`]+)`/g;
const examples = [...section.matchAll(examplePattern)].map((match) => ({ id: match[1], args: match[2], result: match[3] }));

let metadata: ICustomFunctionsMetadata;

beforeAll(async () => {
  metadata = await generateFunctionsJson();
});

describe("README function reference", () => {
  it("has a heading for every function in functions.json and no other", () => {
    const headed = [...section.matchAll(headingPattern)].map((match) => match[1]);
    expect(headed.sort()).toEqual(metadata.functions.map((definition) => definition.id).sort());
  });

  it("mentions no AICOST function that functions.json does not hold", () => {
    const ids = new Set(metadata.functions.map((definition) => definition.id));
    const mentioned = [...section.matchAll(/AICOST\.([A-Z_]+)/g)].map((match) => match[1]);
    expect(mentioned.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("states the error model: #VALUE!, #NUM! and #N/A", () => {
    expect(section).toMatch(/#VALUE!.*message/s);
    expect(section).toMatch(/#NUM!/);
    expect(section).toMatch(/#N\/A/);
  });

  it("agrees with functions.json for every function", () => {
    for (const definition of metadata.functions as IFunction[]) {
      const text = subsection(definition.id);
      const signature = definition.parameters.map((parameter) => (parameter.optional ? `[${parameter.name}]` : parameter.name)).join(", ");
      expect({ id: definition.id, heading: text.split("\n")[0] }).toEqual({ id: definition.id, heading: `### \`AICOST.${definition.id}(${signature})\`` });
      expect({ id: definition.id, hasDescription: text.includes(definition.description ?? "(none)") }).toEqual({ id: definition.id, hasDescription: true });
      for (const parameter of definition.parameters) {
        expect({ id: definition.id, row: text.includes(`| \`${parameter.name}\` | ${parameter.description} |`) }).toEqual({ id: definition.id, row: true });
      }
    }
  });

  it("gives every function at least one example", () => {
    const withExamples = new Set(examples.map((example) => example.id));
    expect(metadata.functions.map((definition) => definition.id).filter((id) => !withExamples.has(id))).toEqual([]);
  });

  it.each(examples.map((example) => [`=AICOST.${example.id}(${example.args})`, example] as const))("example %s gives the stated result", (_formula, example) => {
    const result = functionsById[example.id](...parseArguments(example.args));
    if (example.result.startsWith("#")) {
      expect(result).toBeInstanceOf(ExcelError);
      expect((result as ExcelError).code).toBe(example.result);
    } else {
      const expected = parseArguments(example.result)[0];
      expect({ result, matches: matchesWritten(result, expected) }).toEqual({ result, matches: true });
    }
  });
});
