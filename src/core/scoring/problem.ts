/**
 * Why an input cannot be used. The engine says what is wrong in Chinese and what kind of
 * problem it is; a front door maps the kind to its own vocabulary (Excel error values in
 * the BUDGET functions: invalid → #VALUE!, missing/notFound → #N/A, divByZero → #DIV/0!,
 * outOfRange → #NUM!).
 */
export type ProblemKind = 'invalid' | 'missing' | 'notFound' | 'divByZero' | 'outOfRange';

export class InputProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'InputProblem';
  }
}

export function isInputProblem(e: unknown): e is InputProblem {
  return e instanceof InputProblem || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'InputProblem' && 'kind' in e);
}

export function invalid(message: string): InputProblem {
  return new InputProblem('invalid', message);
}

export function missing(message: string): InputProblem {
  return new InputProblem('missing', message);
}

export function outOfRange(message: string): InputProblem {
  return new InputProblem('outOfRange', message);
}

export function divByZero(message: string): InputProblem {
  return new InputProblem('divByZero', message);
}

export function notFound(message: string): InputProblem {
  return new InputProblem('notFound', message);
}

/** Quotes cell text in a message, shortened so a long cell does not drown the message. */
export function quote(text: string): string {
  const t = text.length > 30 ? text.slice(0, 30) + '…' : text;
  return `“${t}”`;
}
