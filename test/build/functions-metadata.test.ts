/* The generated functions.json: exactly the ids of the issues (eight, then issue 10's five price functions and issue 11's three band functions), each parameter named as in the
 * issue with a description (Excel's tooltip), the right optional flags, and ranges as matrices. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import { FUNCTION_IDS, FUNCTION_SPECS, functionSpec, type ParameterKind } from "../../src/functions/parameters";
import * as aicost from "../../src/functions/aicost";
import * as entryPoints from "../../src/functions/functions";
import { generateFunctionsJson, ROOT, type AicostFunctionsMetadata } from "./metadata";

interface ExpectedParameter {
  readonly name: string;
  readonly optional: boolean;
  /** A range (2-D array) rather than a single value. */
  readonly range: boolean;
  /** A single value's declared type: number, or string for text (a model id, a price type). */
  readonly scalarType: "number" | "string";
}

const required = (name: string, range = false): ExpectedParameter => ({ name, optional: false, range, scalarType: "number" });
const optional = (name: string, range = false): ExpectedParameter => ({ name, optional: true, range, scalarType: "number" });
const text = (parameter: ExpectedParameter): ExpectedParameter => ({ ...parameter, scalarType: "string" });
const scenario = optional("scenario", true);

/** The signatures, typed in again. `spills` = the result is a 2-D array. */
const expectedFunctions: Record<string, { parameters: ExpectedParameter[]; spills: boolean }> = {
  INFER_COST: {
    parameters: [required("input_tokens"), required("output_tokens"), required("input_price"), required("output_price"), optional("cached_share"), optional("cached_input_price")],
    spills: false,
  },
  PROJECT_PRICE: { parameters: [required("price"), required("months_ahead"), scenario], spills: false },
  PROJECT_COST: { parameters: [required("cost_today"), required("months_ahead"), scenario, optional("annual_volume_multiplier")], spills: false },
  PRICE_CURVE: { parameters: [required("price"), required("months"), scenario], spills: true },
  COST_CURVE: {
    parameters: [
      required("input_tokens", true),
      required("output_tokens", true),
      required("input_price"),
      required("output_price"),
      scenario,
      optional("start_month"),
      optional("cached_share"),
      optional("cached_input_price"),
    ],
    spills: true,
  },
  ANNUAL_MULTIPLIER: { parameters: [required("start_price"), required("end_price"), required("months")], spills: false },
  MONTHS_TO_PRICE: { parameters: [required("price"), required("target_price"), scenario], spills: false },
  SCENARIO_PARAMS: { parameters: [scenario], spills: true },
  MODEL_PRICE: { parameters: [text(required("model")), text(optional("price_type")), optional("as_of_date"), optional("price_table", true)], spills: false },
  MODELS: { parameters: [text(optional("provider")), optional("as_of_date")], spills: true },
  CATALOG_DATE: { parameters: [], spills: false },
  BLENDED_PRICE: { parameters: [required("input_price"), required("output_price"), optional("input_share")], spills: false },
  FIT_MULTIPLIER: { parameters: [required("dates", true), required("prices", true), text(optional("statistic"))], spills: false },
  // Issue 11: the uncertainty band.
  PRICE_QUANTILE: { parameters: [required("price"), required("months_ahead"), required("probability"), optional("band", true)], spills: false },
  COST_QUANTILE: {
    parameters: [required("cost_today"), required("months_ahead"), required("probability"), optional("band", true), optional("annual_volume_multiplier")],
    spills: false,
  },
  PRICE_BAND: { parameters: [required("price"), required("months"), optional("band", true)], spills: true },
};

let metadata: AicostFunctionsMetadata;

beforeAll(async () => {
  metadata = await generateFunctionsJson();
});

function findFunction(id: string): IFunction {
  const found = metadata.functions.find((candidate) => candidate.id === id);
  if (!found) {
    throw new Error(`functions.json has no ${id}`);
  }
  return found;
}

describe("generated functions.json", () => {
  it("holds exactly the ids of the issues, no more", () => {
    expect(metadata.functions.map((definition) => definition.id).sort()).toEqual(Object.keys(expectedFunctions).sort());
  });

  it("names each function as its id, so Excel shows AICOST.<ID>", () => {
    for (const definition of metadata.functions) {
      expect(definition.name).toBe(definition.id);
    }
  });

  describe.each(Object.entries(expectedFunctions))("%s", (id, expected) => {
    it("has a one-sentence description", () => {
      const { description } = findFunction(id);
      expect(description).toMatch(/^[A-Z].*\.$/);
      expect(description).not.toMatch(/\.\s+[A-Z]/); // a second sentence
    });

    it("has its parameters, in order, named as in the issue", () => {
      expect(findFunction(id).parameters.map((parameter) => parameter.name)).toEqual(expected.parameters.map((parameter) => parameter.name));
    });

    it("describes every parameter", () => {
      for (const parameter of findFunction(id).parameters) {
        expect(`${parameter.name}: ${parameter.description ?? ""}`).toMatch(/^\w+: \S.{9,}/);
      }
    });

    it("marks exactly the bracketed parameters optional", () => {
      expect(findFunction(id).parameters.map((parameter) => parameter.optional === true)).toEqual(expected.parameters.map((parameter) => parameter.optional));
    });

    it("takes ranges as matrices and single values as scalars, never as repeating parameters", () => {
      for (const [index, parameter] of findFunction(id).parameters.entries()) {
        expect(parameter.dimensionality === "matrix").toBe(expected.parameters[index].range);
        expect(parameter.repeating).toBeFalsy();
        expect(parameter.type).toBe(expected.parameters[index].range ? "any" : expected.parameters[index].scalarType);
      }
    });

    it(expected.spills ? "spills a matrix" : "returns a single number", () => {
      const { result } = findFunction(id);
      if (expected.spills) {
        expect(result?.dimensionality).toBe("matrix");
      } else {
        expect(result?.type).toBe("number");
        expect(result?.dimensionality ?? "scalar").toBe("scalar");
      }
    });

    it("is neither volatile nor streaming: it recalculates only when its arguments change", () => {
      const { options } = findFunction(id);
      expect(options?.volatile ?? false).toBe(false);
      expect(options?.stream ?? false).toBe(false);
    });
  });
});

describe("the parameter tables (src/functions/parameters.ts) and functions.json agree", () => {
  /** How each kind of parameter must be declared in JSDoc, so Excel passes what the runner reads. */
  const declaration: Record<ParameterKind, { type: string; dimensionality: "scalar" | "matrix" }> = {
    number: { type: "number", dimensionality: "scalar" },
    date: { type: "number", dimensionality: "scalar" },
    text: { type: "string", dimensionality: "scalar" },
    scenario: { type: "any", dimensionality: "matrix" },
    vector: { type: "any", dimensionality: "matrix" },
    table: { type: "any", dimensionality: "matrix" },
    band: { type: "any", dimensionality: "matrix" },
  };

  it("lists the same functions in the same order", () => {
    expect(metadata.functions.map((definition) => definition.id)).toEqual(FUNCTION_IDS);
    expect(Object.keys(FUNCTION_SPECS)).toEqual(FUNCTION_IDS);
  });

  it.each(FUNCTION_IDS)("%s: the same parameter names, order, optional flags and declared types", (id) => {
    const spec = functionSpec(id);
    const { parameters, result } = findFunction(id);
    expect(parameters.map((parameter) => parameter.name)).toEqual(spec.parameters.map((parameter) => parameter.name));
    expect(parameters.map((parameter) => parameter.optional === true)).toEqual(spec.parameters.map((parameter) => parameter.optional));
    expect(parameters.map((parameter) => ({ type: parameter.type, dimensionality: parameter.dimensionality ?? "scalar" }))).toEqual(
      spec.parameters.map((parameter) => declaration[parameter.kind]),
    );
    expect(result?.dimensionality ?? "scalar").toBe(spec.result === "cell" ? "scalar" : "matrix");
  });

  it.each(FUNCTION_IDS)("%s: every number parameter's description states the bounds of its domain", (id) => {
    const described = new Map(findFunction(id).parameters.map((parameter) => [parameter.name, parameter.description ?? ""]));
    for (const parameter of functionSpec(id).parameters) {
      const description = described.get(parameter.name) ?? "";
      if (parameter.domain?.max !== undefined) {
        expect(description).toContain(String(parameter.domain.max));
      }
      if (parameter.domain?.min === 0) {
        expect(description).toMatch(parameter.domain.minExclusive === true ? /above 0/ : /0 or more|from 0|0 to/);
      }
    }
  });

  it.each(FUNCTION_IDS)("%s: has a host-independent function and an Excel entry point", (id) => {
    expect(typeof aicost[id]).toBe("function");
    expect(typeof entryPoints[id]).toBe("function");
    expect(entryPoints[id].length).toBe(functionSpec(id).parameters.length);
  });

  it("lets Excel pass errors in ranges and any arguments to the functions (allowErrorForDataTypeAny)", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });
});

describe("bad JSDoc", () => {
  it("is reported as an error by the generator the build uses, so the webpack plugin fails the build", async () => {
    const directory = join(ROOT, "test-results", "functions-metadata-test");
    mkdirSync(directory, { recursive: true });
    const badFixture = join(directory, "bad-unsupported-type.ts");
    writeFileSync(badFixture, "/**\n * Bad.\n * @customfunction BAD_FN\n * @param value A value.\n */\nexport function badFn(value: Map<string, number>): number {\n  return value.size;\n}\n");
    const result = await generateCustomFunctionsMetadata([badFixture], false);
    expect(result.errors.join("\n")).toMatch(/does not support type "Map"/);
  });
});
