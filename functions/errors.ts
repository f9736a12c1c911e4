/**
 * Excel error values with a Chinese message. In Excel the shared runtime provides
 * `CustomFunctions.Error`; in Node (`budget eval`, jest) it does not exist, and an equivalent
 * plain object with the same `code` and `message` is thrown instead. Nothing else differs.
 */
import { isInputProblem, ProblemKind } from '../src/core/scoring/problem';

export type ExcelErrorCode = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!';

/** The `CustomFunctions.ErrorCode` member of each error value. */
const ERROR_CODE_NAMES: Record<ExcelErrorCode, string> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
};

/** Which Excel error each kind of input problem becomes. */
export const PROBLEM_ERRORS: Record<ProblemKind, ExcelErrorCode> = {
  invalid: '#VALUE!',
  missing: '#N/A',
  notFound: '#N/A',
  divByZero: '#DIV/0!',
  outOfRange: '#NUM!',
};

/** What `CustomFunctions.Error` looks like: the error value and its message. */
export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** Stand-in for `CustomFunctions.Error` outside Excel. */
export class PlainExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExcelError';
  }
}

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

const CODES = new Set<string>(Object.keys(ERROR_CODE_NAMES).concat(['#NULL!', '#NAME?', '#REF!', '#BUSY!', '#CALC!', '#SPILL!', '#GETTING_DATA', '#CONNECT!', '#FIELD!', '#BLOCKED!']));

/** Whether a value is an Excel error value (thrown by a function, or passed in from an error cell). */
export function isExcelError(e: unknown): e is ExcelErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as ExcelErrorLike).code === 'string' && CODES.has((e as ExcelErrorLike).code);
}

/** Maps anything a function body throws to an Excel error value; never lets a JS exception out. */
export function toExcelError(e: unknown): ExcelErrorLike {
  if (isExcelError(e)) return e;
  if (isInputProblem(e)) return excelError(PROBLEM_ERRORS[e.kind], e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError('#VALUE!', `内部错误：${detail}`);
}

/** Runs a function body and turns every failure into an Excel error value. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}
