/**
 * Excel error values inside Excel: the shared runtime provides `CustomFunctions.Error`; in
 * Node (jest) it does not exist, and the engine's PlainExcelError with the same `code` and
 * `message` is thrown instead. Which error an input problem becomes is the engine's
 * (src/core/functions/errors.ts); this file only builds the host's object.
 */
import { ExcelErrorCode, ExcelErrorLike, PlainExcelError, errorValueOf, isExcelError } from '../src/core/functions/errors';

export { PlainExcelError, isExcelError };
export type { ExcelErrorCode, ExcelErrorLike };

/** The `CustomFunctions.ErrorCode` member of each error value. */
const ERROR_CODE_NAMES: Record<ExcelErrorCode, string> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
};

interface CustomFunctionsGlobal {
  Error: new (code: unknown, message?: string) => ExcelErrorLike;
  ErrorCode: Record<string, unknown>;
}

function runtime(): CustomFunctionsGlobal | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<CustomFunctionsGlobal> }).CustomFunctions;
  if (cf && typeof cf.Error === 'function' && cf.ErrorCode && typeof cf.ErrorCode === 'object') return cf as CustomFunctionsGlobal;
  return undefined;
}

/** An Excel error value to throw from a custom function. */
export function excelError(code: ExcelErrorCode, message: string): ExcelErrorLike {
  const cf = runtime();
  const member = cf?.ErrorCode[ERROR_CODE_NAMES[code]];
  if (cf && member !== undefined) return new cf.Error(member, message);
  return new PlainExcelError(code, message);
}

/** Runs a function body and turns every failure into an Excel error value. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isExcelError(e)) throw e;
    const { code, message } = errorValueOf(e);
    throw excelError(code as ExcelErrorCode, message);
  }
}
