/**
 * Excel error values as the engine knows them: a code (`#DIV/0!`) and a Chinese message. The
 * BUDGET function bodies throw InputProblems (scoring/problem.ts); this module names the Excel
 * error each becomes. `functions/` turns them into `CustomFunctions.Error` inside Excel;
 * `budget eval` prints them. Outside Excel a PlainExcelError carries the same code and message.
 */
import { isInputProblem, ProblemKind } from '../scoring/problem';

export type ExcelErrorCode = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!';

/** Which Excel error each kind of input problem becomes. */
export const PROBLEM_ERRORS: Record<ProblemKind, ExcelErrorCode> = {
  invalid: '#VALUE!',
  missing: '#N/A',
  notFound: '#N/A',
  divByZero: '#DIV/0!',
  outOfRange: '#NUM!',
};

/** What an Excel error value looks like (`CustomFunctions.Error` has the same shape). */
export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** An Excel error value outside Excel. */
export class PlainExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExcelError';
  }
}

/** Every error value a cell can hold, so an error passed in from a cell is recognised. */
const CODES = new Set<string>(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#NULL!', '#NAME?', '#REF!', '#BUSY!', '#CALC!', '#SPILL!', '#GETTING_DATA', '#CONNECT!', '#FIELD!', '#BLOCKED!']);

/** Whether a value is an Excel error value (thrown by a function, or passed in from an error cell). */
export function isExcelError(e: unknown): e is ExcelErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as ExcelErrorLike).code === 'string' && CODES.has((e as ExcelErrorLike).code);
}

/** The error value (code and message) anything a function body throws stands for; never a JS exception. */
export function errorValueOf(e: unknown): { code: string; message: string } {
  if (isExcelError(e)) return { code: e.code, message: e.message ?? '' };
  if (isInputProblem(e)) return { code: PROBLEM_ERRORS[e.kind], message: e.message };
  return { code: '#VALUE!', message: `内部错误：${e instanceof Error ? e.message : String(e)}` };
}
