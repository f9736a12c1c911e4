/**
 * The BUDGET functions by name with the shape of their parameters: `budget eval` calls them
 * from here, and `functions/functions.ts` declares the same bodies to Excel.
 * tests/functions-metadata.test.ts checks this table against the built functions.json, so the
 * two cannot drift apart.
 */
import * as F from './budget';

export interface ParamSpec {
  name: string;
  optional?: boolean;
  /** A range argument (`any[][]` in functions.json): a single value is passed as a 1×1 range. */
  range?: boolean;
}

export interface FunctionSpec {
  name: string;
  fn: (...args: any[]) => unknown;
  params: readonly ParamSpec[];
}

const p = (name: string, extra: Omit<ParamSpec, 'name'> = {}): ParamSpec => ({ name, ...extra });
const opt = (name: string): ParamSpec => ({ name, optional: true });
const range = (name: string): ParamSpec => ({ name, range: true });

const SPECS: readonly FunctionSpec[] = [
  { name: 'EXECRATE', fn: F.EXECRATE, params: [p('actual'), p('budget'), opt('digits')] },
  { name: 'EXECSCORE', fn: F.EXECSCORE, params: [p('actual'), p('budget'), opt('weight'), opt('rateDigits')] },
  { name: 'INDICATORSCORE', fn: F.INDICATORSCORE, params: [p('target'), p('actual'), p('weight'), opt('fraction')] },
  { name: 'QUALSCORE', fn: F.QUALSCORE, params: [p('level'), p('weight'), opt('fraction')] },
  { name: 'GRADE', fn: F.GRADE, params: [p('score')] },
  { name: 'SHARE', fn: F.SHARE, params: [p('part'), p('total'), opt('digits')] },
  { name: 'CHANGE', fn: F.CHANGE, params: [p('current'), p('prior'), opt('unit'), opt('digits')] },
  { name: 'WANYUAN', fn: F.WANYUAN, params: [p('yuan'), opt('digits')] },
  { name: 'ROLLUP', fn: F.ROLLUP, params: [range('codes'), range('amounts'), p('prefix')] },
  { name: 'SUBJECTNAME', fn: F.SUBJECTNAME, params: [p('code'), opt('scheme')] },
  { name: 'SUBJECTLEVEL', fn: F.SUBJECTLEVEL, params: [p('code'), opt('scheme')] },
  { name: 'CHECK', fn: F.CHECK, params: [p('total'), range('parts')] },
  { name: 'AMOUNT', fn: F.AMOUNT, params: [p('value')] },
];

/** Namespace of the functions in Excel (manifest.xml declares the same). */
export const NAMESPACE = 'BUDGET';

export const BUDGET_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.name, s]));
