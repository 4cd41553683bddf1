import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionArgument, ImplementedFunctions } from "hyperformula";
import * as aicost from "../functions/aicost";
import { AICOST_NAMESPACE, FUNCTION_IDS, FUNCTION_SPECS, formulaName, functionSpec, type FunctionId } from "../functions/parameters";
import { ExcelError, type ExcelErrorCode, type FunctionResult, type ResultCell } from "../functions/values";
import { spillSizeAtEntry, spillSizeAtEvaluation, spillSizeHelp, type SizingEngine } from "./spillSize";

/**
 * The AICOST custom functions as a HyperFormula function plugin, under their Excel names
 * (`AICOST.PROJECT_PRICE`, ...), built from the functions' parameter tables (parameters.ts):
 * every function there is registered, with its arity and, for one that spills, its result size.
 * Each call converts HyperFormula's arguments into what Excel passes to a custom function
 * (numbers, text, booleans, `null` when omitted, 2-D arrays for ranges, error values as values)
 * and calls the very same function in src/functions/aicost.ts, so the function set, not the
 * engine, decides what an error in an argument gives: the same as in Excel.
 */

export { AICOST_NAMESPACE, formulaName };

/** The function ids, in the order of functions.ts: the parameter tables' order. */
export const AICOST_FUNCTION_IDS: readonly FunctionId[] = FUNCTION_IDS;

/** HyperFormula's error types as Excel writes them. */
const codeByErrorType: Readonly<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};

/** HyperFormula has no #NULL! (it has no range intersection); such an error shows as its generic one. */
const errorTypeByCode: Readonly<Record<ExcelErrorCode, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NULL!": ErrorType.ERROR,
};

/** An error cell as the function set receives it, keeping the engine's own error to hand back. */
class EngineError {
  readonly code: string;
  readonly message: string;
  constructor(readonly cellError: CellError) {
    this.code = codeByErrorType[cellError.type];
    this.message = cellError.message ?? "";
  }
}

/** The parts of a HyperFormula formula tree the plugin reads. */
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly args?: readonly AstNode[];
}
interface ProcedureCall extends AstNode {
  readonly args: readonly AstNode[];
}

/** One cell as Excel passes it: rich numbers (currency, dates) as plain numbers, empty as null. */
function toExcelCell(cell: unknown): unknown {
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") {
    return cell;
  }
  if (cell instanceof CellError) {
    return new EngineError(cell);
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
  if (!(cell instanceof ExcelError)) {
    return cell;
  }
  // An error that came in through an argument goes out as the engine's own error, message and all.
  return cell.source instanceof EngineError ? cell.source.cellError : new CellError(errorTypeByCode[cell.code], cell.message);
}

function spills(id: FunctionId): boolean {
  return functionSpec(id).result !== "cell";
}

function argumentsMetadata(id: FunctionId): FunctionArgument[] {
  return functionSpec(id).parameters.map((parameter) =>
    parameter.optional ? { argumentType: FunctionArgumentType.ANY, optionalArg: true } : { argumentType: FunctionArgumentType.ANY },
  );
}

function implementedFunctions(): ImplementedFunctions {
  const functions: ImplementedFunctions = {};
  for (const id of FUNCTION_IDS) {
    functions[formulaName(id)] = {
      method: id,
      parameters: argumentsMetadata(id),
      ...(spills(id) ? { sizeOfResultArrayMethod: `${id}_size` } : {}),
    };
  }
  return functions;
}

/* The engine hands plugin methods its internal formula tree and evaluation state, whose types the
 * package does not export: the plugin reads the few fields it needs through AstNode and passes the
 * state back to the engine untouched (hence the `as never` casts). */
/** The HyperFormula plugin: one method per function id (added below), all running through {@link AicostPlugin.callAicost}. */
export class AicostPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions();

  /** The size a spilling call's result is given when its formula is entered: see spillSize.ts. */
  resultSize(id: FunctionId, ast: ProcedureCall, state: unknown): ArraySize {
    return spillSizeAtEntry(id, ast, state, this.sizingEngine(state));
  }

  private sizingEngine(state: unknown): SizingEngine {
    return { graph: this.dependencyGraph, arraySizeForAst: (node) => this.arraySizeForAst(node as never, state as never) };
  }

  protected callAicost(id: FunctionId, ast: ProcedureCall, state: unknown) {
    const metadata = this.metadata(formulaName(id));
    // The arguments are evaluated here rather than through runFunction, which would answer an
    // error argument itself: the function set decides, as it does in Excel.
    const evaluated = this.evaluateArguments(ast.args as never, state as never, metadata);
    if (!this.isNumberOfArgumentValuesValid(this.buildMetadataForEachArgumentValue(evaluated.length, metadata), evaluated.length)) {
      return new CellError(ErrorType.NA, `${formulaName(id)} takes ${describeArity(id)}; got ${evaluated.length}.`);
    }
    const expected = spills(id) ? spillSizeAtEvaluation(id, ast, state, this.sizingEngine(state)) : ArraySize.scalar();
    const compute = aicost[id] as (...args: unknown[]) => FunctionResult;
    const result = compute(...evaluated.map(([value]) => toExcelArgument(value)));
    return this.toEngineResult(id, ast, result, expected);
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
      return new CellError(ErrorType.VALUE, spillSizeHelp(id, ast));
    }
    return SimpleRangeValue.onlyValues(result.map((row) => row.map(toCellValue)));
  }
}

function describeArity(id: FunctionId): string {
  const parameters = FUNCTION_SPECS[id].parameters as readonly { readonly optional: boolean }[];
  const required = parameters.filter((parameter) => !parameter.optional).length;
  return required === parameters.length ? `${required} arguments` : `${required} to ${parameters.length} arguments`;
}

// One method per function id, and one result-size method per spilling function, as HyperFormula
// looks them up by the names in implementedFunctions.
for (const id of FUNCTION_IDS) {
  Object.defineProperty(AicostPlugin.prototype, id, {
    value(this: AicostPlugin, ast: ProcedureCall, state: unknown) {
      return this.callAicost(id, ast, state);
    },
  });
  if (spills(id)) {
    Object.defineProperty(AicostPlugin.prototype, `${id}_size`, {
      value(this: AicostPlugin, ast: ProcedureCall, state: unknown) {
        return this.resultSize(id, ast, state);
      },
    });
  }
}

/** Function name translations: the Excel names, in the engine's default language. */
function translations(): Record<string, Record<string, string>> {
  return { enGB: Object.fromEntries(FUNCTION_IDS.map((id) => [formulaName(id), formulaName(id)])) };
}

/** Registers the AICOST plugin with HyperFormula once; safe to call many times. */
export function registerAicostPlugin(): void {
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes(formulaName("PROJECT_PRICE"))) {
    return;
  }
  HyperFormula.registerFunctionPlugin(AicostPlugin, translations());
}
