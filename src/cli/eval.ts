/**
 * `budget eval "=BUDGET.EXECRATE(2964.05,3001.01)"`: evaluates ONE call of a BUDGET function
 * outside Excel, with the function bodies the add-in registers (src/core/functions/registry.ts). The formula
 * is read by a small hand-written tokenizer and parser — never by eval — that knows what a
 * single call can hold: numbers (`-1.5`, `1E3`, `35.1%`), strings ("…" with "" for a quote),
 * TRUE/FALSE, empty arguments, and array constants as Excel writes them (`{1,2;3,4}`,
 * `{"201";"20101"}`: `,` between columns, `;` between rows).
 *
 * Output is the value as Excel would show it (numbers plain, text as is), exit 0; an Excel
 * error value and its message (`#DIV/0! 除数为零：预算数为0`), exit 1; a formula that cannot be
 * read, exit 2.
 */
import Decimal from 'decimal.js';
import { errorValueOf } from '../core/functions/errors';
import { BUDGET_FUNCTIONS, NAMESPACE } from '../core/functions/registry';

export interface EvalResult {
  exitCode: number;
  output: string;
}

type Scalar = number | string | boolean | null;
/** An argument: a constant, an array constant (rows of cells), or left out. */
type Arg = Scalar | Scalar[][] | undefined;

type Token =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'name'; v: string; pos: number }
  | { t: 'punct'; v: string; pos: number }
  | { t: 'end'; pos: number };

class FormulaError extends Error {}

const PUNCT = new Set(['(', ')', ',', ';', '{', '}', '%', '-', '+', '=']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new FormulaError(`第${i + 1}个字符起的文字缺少结尾的引号`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s, pos: i });
      i = j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (PUNCT.has(ch)) {
      out.push({ t: 'punct', v: ch, pos: i });
      i++;
      continue;
    }
    throw new FormulaError(`第${i + 1}个字符“${ch}”无法识别`);
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

interface Call {
  name: string;
  args: Arg[];
}

/** Parses `=NAMESPACE.NAME(arg, …)`; the leading `=` may be left out. */
function parseCall(src: string): Call {
  const toks = tokenize(src);
  let k = 0;
  const peek = (): Token => toks[k];
  const isPunct = (v: string): boolean => {
    const t = peek();
    return t.t === 'punct' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isPunct(v)) throw new FormulaError(`第${peek().pos + 1}个字符处应为“${v}”`);
    k++;
  };
  if (isPunct('=')) k++;
  const head = peek();
  if (head.t !== 'name') throw new FormulaError('公式应以函数名开头，如 =BUDGET.EXECRATE(…)');
  k++;
  expect('(');

  const scalar = (inArray: boolean): Scalar => {
    let sign = 1;
    let signed = false;
    while (isPunct('-') || isPunct('+')) {
      if ((peek() as { v: string }).v === '-') sign = -sign;
      signed = true;
      k++;
    }
    const t = peek();
    if (t.t === 'num') {
      k++;
      let v = sign * t.v;
      if (!inArray) {
        while (isPunct('%')) {
          k++;
          v = new Decimal(v).div(100).toNumber();
        }
      }
      return v;
    }
    if (signed) throw new FormulaError(`第${t.pos + 1}个字符处的正负号后应为数字`);
    if (t.t === 'str') {
      k++;
      return t.v;
    }
    if (t.t === 'name' && /^(TRUE|FALSE)$/i.test(t.v)) {
      k++;
      return t.v.toUpperCase() === 'TRUE';
    }
    if (t.t === 'name') throw new FormulaError(`不支持引用或嵌套函数“${t.v}”：eval 只计算一个函数调用，区域请写成数组常量，如 {"201";"20101"}`);
    throw new FormulaError(`第${t.pos + 1}个字符处缺少参数值`);
  };

  const arrayConst = (): Scalar[][] => {
    expect('{');
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(scalar(true));
      if (isPunct(',')) {
        k++;
        continue;
      }
      if (isPunct(';')) {
        k++;
        rows.push([]);
        continue;
      }
      expect('}');
      break;
    }
    if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaError('数组常量各行的列数应相同');
    return rows;
  };

  const args: Arg[] = [];
  if (isPunct(')')) {
    k++;
  } else {
    for (;;) {
      if (isPunct(',') || isPunct(')')) args.push(undefined);
      else if (isPunct('{')) args.push(arrayConst());
      else args.push(scalar(false));
      if (isPunct(',')) {
        k++;
        continue;
      }
      expect(')');
      break;
    }
  }
  if (peek().t !== 'end') throw new FormulaError(`第${peek().pos + 1}个字符起有多余内容：eval 只计算一个函数调用`);
  return { name: head.v, args };
}

/** A value as Excel's General format shows it (numbers plain, never exponent form below 1e21). */
function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return new Decimal(v).toFixed();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Evaluates one BUDGET formula; see the module comment for output and exit codes. */
export function runEval(expression: string): EvalResult {
  let call: Call;
  try {
    call = parseCall(expression.trim());
  } catch (e) {
    if (e instanceof FormulaError) return { exitCode: 2, output: `公式无法解析：${e.message}` };
    throw e;
  }
  const [ns, fname, ...rest] = call.name.toUpperCase().split('.');
  const spec = fname !== undefined && rest.length === 0 && ns === NAMESPACE ? BUDGET_FUNCTIONS.get(fname) : undefined;
  if (!spec) {
    const known = [...BUDGET_FUNCTIONS.keys()].map((n) => `${NAMESPACE}.${n}`).join('、');
    return { exitCode: 1, output: `#NAME? 未知函数 ${call.name}；可用的函数：${known}` };
  }
  const required = spec.params.filter((p) => !p.optional).length;
  if (call.args.length > spec.params.length) {
    return { exitCode: 2, output: `公式无法解析：${NAMESPACE}.${spec.name} 最多有${spec.params.length}个参数，公式给了${call.args.length}个` };
  }
  for (let i = 0; i < required; i++) {
    if (i >= call.args.length) {
      return { exitCode: 2, output: `公式无法解析：${NAMESPACE}.${spec.name} 至少需要${required}个参数（${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')}）` };
    }
  }
  // As Excel does: a range parameter receives a single value as a 1×1 range; a left-out
  // argument is undefined for an optional parameter and a blank cell for a required one.
  const args = spec.params.slice(0, Math.max(call.args.length, required)).map((p, i) => {
    const a = call.args[i];
    if (a === undefined) return p.optional ? undefined : p.range ? [[null]] : null;
    if (p.range && !Array.isArray(a)) return [[a]];
    return a;
  });
  try {
    const value = spec.fn(...args);
    if (typeof value === 'number' && !Number.isFinite(value)) return { exitCode: 1, output: '#NUM! 结果不是有效数值' };
    return { exitCode: 0, output: display(value) };
  } catch (e) {
    const { code, message } = errorValueOf(e);
    return { exitCode: 1, output: `${code} ${message}`.trim() };
  }
}
