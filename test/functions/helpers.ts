import { ExcelError, type ExcelErrorCode, type FunctionResult } from "../../src/functions/values";

/** Asserts that a function returned an Excel error of `code` whose message matches `message`. */
export function expectError(result: FunctionResult, code: ExcelErrorCode, message?: RegExp): void {
  expect(result).toBeInstanceOf(ExcelError);
  const error = result as ExcelError;
  expect(error.code).toBe(code);
  if (message) {
    expect(error.message).toMatch(message);
  }
}

/** Asserts that a function returned a number within 1e-9 relative of `expected`. */
export function expectNumber(result: FunctionResult, expected: number): void {
  expect(typeof result).toBe("number");
  const actual = result as number;
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-12));
}
