import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionArgument, ImplementedFunctions } from "hyperformula";
import * as aicost from "../functions/aicost";
import { ExcelError, type ExcelErrorCode, type FunctionResult, type ResultCell } from "../functions/values";
import { spillSizeAtEntry, spillSizeAtEvaluation, spillSizeHelp, type SizingEngine } from "./spillSize";

/**
 * The AICOST custom functions as a HyperFormula function plugin, under their Excel names
 * (`AICOST.PROJECT_PRICE`, ...). Each function converts HyperFormula's arguments into what Excel
 * passes to a custom function (numbers, text, booleans, `null` when omitted, 2-D arrays for
 * ranges) and calls the very same function in src/functions/aicost.ts.
 */

/** The namespace Excel shows before every function id. */
export const AICOST_NAMESPACE = "AICOST";

type FunctionId = keyof typeof aicost;

/** Each function id with its number of required and optional parameters, as in functions.ts. */
const SIGNATURES: Readonly<Record<FunctionId, readonly [required: number, optional: number]>> = {
  INFER_COST: [4, 2],
  PROJECT_PRICE: [2, 1],
  PROJECT_COST: [2, 2],
  PRICE_CURVE: [2, 1],
  COST_CURVE: [4, 4],
  ANNUAL_MULTIPLIER: [3, 0],
  MONTHS_TO_PRICE: [2, 1],
  SCENARIO_PARAMS: [0, 1],
};

/** The eight function ids, in the order of functions.ts. */
export const AICOST_FUNCTION_IDS = Object.keys(SIGNATURES) as FunctionId[];

/** The name a formula uses: `AICOST.PROJECT_PRICE`. */
export function formulaName(id: FunctionId): string {
  return `${AICOST_NAMESPACE}.${id}`;
}

const errorTypeByCode: Readonly<Record<ExcelErrorCode, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

const codeByErrorType: Partial<Record<ErrorType, ExcelErrorCode>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
};

/** The parts of a HyperFormula formula tree the plugin reads. */
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly args?: readonly AstNode[];
}
interface ProcedureCall extends AstNode {
  readonly args: readonly AstNode[];
}

/** Thrown while converting arguments: an error HyperFormula propagates unchanged (#DIV/0!, #REF!, ...). */
class Propagate {
  constructor(readonly error: CellError) {}
}

/** One cell as Excel passes it: rich numbers (currency, dates) as plain numbers, empty as null. */
function toExcelCell(cell: unknown): unknown {
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") {
    return cell;
  }
  if (cell instanceof CellError) {
    const code = codeByErrorType[cell.type];
    if (code === undefined) {
      throw new Propagate(cell);
    }
    return new ExcelError(code, cell.message ?? "");
  }
  if (typeof cell === "object" && cell !== null && "val" in cell) {
    return (cell as { val: unknown }).val; // HyperFormula's typed numbers (currency, percent, date)
  }
  return null; // EmptyValue, or an omitted argument
}

/** An argument as Excel passes it: a range as a 2-D array (even 1x1), a scalar as itself. */
function toExcelArgument(argument: unknown): unknown {
  if (argument instanceof SimpleRangeValue) {
    return argument.rawData().map((row) => row.map(toExcelCell));
  }
  return toExcelCell(argument);
}

function toCellValue(cell: ResultCell): number | string | CellError {
  return cell instanceof ExcelError ? new CellError(errorTypeByCode[cell.code], cell.message) : cell;
}

function argumentsMetadata(id: FunctionId): FunctionArgument[] {
  const [required, optional] = SIGNATURES[id];
  return [
    ...Array.from({ length: required }, () => ({ argumentType: FunctionArgumentType.ANY })),
    ...Array.from({ length: optional }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
  ];
}

function implementedFunctions(): ImplementedFunctions {
  const functions: ImplementedFunctions = {};
  for (const id of AICOST_FUNCTION_IDS) {
    functions[formulaName(id)] = {
      method: id,
      parameters: argumentsMetadata(id),
      ...(id === "PRICE_CURVE" || id === "COST_CURVE" || id === "SCENARIO_PARAMS" ? { sizeOfResultArrayMethod: `${id}_size` } : {}),
    };
  }
  return functions;
}

/* The engine hands plugin methods its internal formula tree and evaluation state, whose types the
 * package does not export: the plugin reads the few fields it needs through AstNode and passes the
 * state back to the engine untouched (hence the `as never` casts). */
/** The HyperFormula plugin: one method per function, all running through {@link AicostPlugin.callAicost}. */
export class AicostPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions();

  INFER_COST(ast: ProcedureCall, state: unknown) {
    return this.callAicost("INFER_COST", ast, state);
  }
  PROJECT_PRICE(ast: ProcedureCall, state: unknown) {
    return this.callAicost("PROJECT_PRICE", ast, state);
  }
  PROJECT_COST(ast: ProcedureCall, state: unknown) {
    return this.callAicost("PROJECT_COST", ast, state);
  }
  PRICE_CURVE(ast: ProcedureCall, state: unknown) {
    return this.callAicost("PRICE_CURVE", ast, state);
  }
  COST_CURVE(ast: ProcedureCall, state: unknown) {
    return this.callAicost("COST_CURVE", ast, state);
  }
  ANNUAL_MULTIPLIER(ast: ProcedureCall, state: unknown) {
    return this.callAicost("ANNUAL_MULTIPLIER", ast, state);
  }
  MONTHS_TO_PRICE(ast: ProcedureCall, state: unknown) {
    return this.callAicost("MONTHS_TO_PRICE", ast, state);
  }
  SCENARIO_PARAMS(ast: ProcedureCall, state: unknown) {
    return this.callAicost("SCENARIO_PARAMS", ast, state);
  }

  /** Sizes of the spilled results, known when the formula is entered: see spillSize.ts. */
  PRICE_CURVE_size(ast: ProcedureCall, state: unknown): ArraySize {
    return spillSizeAtEntry("PRICE_CURVE", ast, state, this.sizingEngine(state));
  }
  COST_CURVE_size(ast: ProcedureCall, state: unknown): ArraySize {
    return spillSizeAtEntry("COST_CURVE", ast, state, this.sizingEngine(state));
  }
  SCENARIO_PARAMS_size(ast: ProcedureCall, state: unknown): ArraySize {
    return spillSizeAtEntry("SCENARIO_PARAMS", ast, state, this.sizingEngine(state));
  }

  private sizingEngine(state: unknown): SizingEngine {
    return { graph: this.dependencyGraph, arraySizeForAst: (node) => this.arraySizeForAst(node as never, state as never) };
  }

  protected callAicost(id: FunctionId, ast: ProcedureCall, state: unknown) {
    const metadata = this.metadata(formulaName(id));
    const spilling = metadata.sizeOfResultArrayMethod ? (id as "PRICE_CURVE" | "COST_CURVE" | "SCENARIO_PARAMS") : null;
    const expected = spilling ? spillSizeAtEvaluation(spilling, ast, state, this.sizingEngine(state)) : ArraySize.scalar();
    return this.runFunction(ast.args as never, state as never, metadata, (...engineArguments: unknown[]) => {
      let excelArguments: unknown[];
      try {
        excelArguments = engineArguments.map(toExcelArgument);
      } catch (thrown) {
        if (thrown instanceof Propagate) {
          return thrown.error;
        }
        throw thrown;
      }
      const compute = aicost[id] as (...args: unknown[]) => FunctionResult;
      return this.toEngineResult(id, ast, compute(...excelArguments), expected);
    });
  }

  private toEngineResult(id: FunctionId, ast: ProcedureCall, result: FunctionResult, expected: ArraySize) {
    if (!Array.isArray(result)) {
      return toCellValue(result);
    }
    const height = result.length;
    const width = result[0]?.length ?? 0;
    if (height === 1 && width === 1 && expected.width === 1 && expected.height === 1) {
      return toCellValue(result[0][0]);
    }
    if (height !== expected.height || width !== expected.width) {
      return new CellError(ErrorType.VALUE, spillSizeHelp(id as "PRICE_CURVE" | "COST_CURVE" | "SCENARIO_PARAMS", ast));
    }
    return SimpleRangeValue.onlyValues(result.map((row) => row.map(toCellValue)));
  }
}

/** Function name translations: the Excel names, in the engine's default language. */
function translations(): Record<string, Record<string, string>> {
  return { enGB: Object.fromEntries(AICOST_FUNCTION_IDS.map((id) => [formulaName(id), formulaName(id)])) };
}

/** Registers the AICOST plugin with HyperFormula once; safe to call many times. */
export function registerAicostPlugin(): void {
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes(formulaName("PROJECT_PRICE"))) {
    return;
  }
  HyperFormula.registerFunctionPlugin(AicostPlugin, translations());
}
