/**
 * A small evaluator for the formula forms `budget template` writes (src/core/templates/render.ts):
 * A1 references (with $), numbers, + and −, parentheses, SUM over lists and ranges, and
 * SUMPRODUCT over ranges with `--(LEN(range)=n)`. Exact decimals. Any other form throws, so a
 * template that starts writing something new fails its test instead of passing unevaluated.
 */
import Decimal from 'decimal.js';
import { GridCell, Sheet, cellAddress, parseAddress } from '../src/core/grid';

type Scalar = Decimal | string | boolean;
type Value = Scalar | Scalar[];

const TOKEN = /\s*(?:(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(\d+(?:\.\d+)?)|([A-Z]+)\(|([-+*(),=]))/y;

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly ref: (addr: string) => Scalar,
  ) {}

  parse(): Value {
    const v = this.expr();
    if (this.pos < this.text.length) this.fail();
    return v;
  }

  private fail(): never {
    throw new Error(`unsupported formula at ${this.pos}: ${this.text}`);
  }

  private peek(): RegExpExecArray | null {
    TOKEN.lastIndex = this.pos;
    return TOKEN.exec(this.text);
  }

  private take(): RegExpExecArray {
    const t = this.peek() ?? this.fail();
    this.pos = TOKEN.lastIndex;
    return t;
  }

  private expect(op: string): void {
    if (this.take()[4] !== op) this.fail();
  }

  /** comparison: sum [= sum] */
  private expr(): Value {
    const left = this.sum();
    if (this.peek()?.[4] !== '=') return left;
    this.take();
    const right = this.sum();
    return map2(left, right, (a, b) => (a instanceof Decimal && b instanceof Decimal ? a.eq(b) : String(a) === String(b)));
  }

  private sum(): Value {
    let v = this.unary();
    for (let t = this.peek(); t && (t[4] === '+' || t[4] === '-'); t = this.peek()) {
      this.take();
      const r = this.unary();
      v = map2(v, r, (a, b) => (t![4] === '+' ? num(a).plus(num(b)) : num(a).minus(num(b))));
    }
    return v;
  }

  private unary(): Value {
    const t = this.peek();
    if (t?.[4] === '-') {
      this.take();
      return map1(this.unary(), (a) => num(a).neg());
    }
    if (t?.[4] === '+') {
      this.take();
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.take();
    if (t[1]) return t[1].includes(':') ? this.range(t[1]) : this.ref(t[1].replace(/\$/g, ''));
    if (t[2]) return new Decimal(t[2]);
    if (t[4] === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t[3]) return this.call(t[3]);
    return this.fail();
  }

  private call(name: string): Value {
    const args: Value[] = [];
    if (this.peek()?.[4] !== ')') {
      args.push(this.expr());
      while (this.peek()?.[4] === ',') {
        this.take();
        args.push(this.expr());
      }
    }
    this.expect(')');
    switch (name) {
      case 'SUM':
        // SUM adds numbers; text and blanks in a range are skipped.
        return args.flat().reduce<Decimal>((s, a) => (a instanceof Decimal ? s.plus(a) : s), new Decimal(0));
      case 'SUMPRODUCT': {
        const arrays = args.map((a) => (Array.isArray(a) ? a : [a]));
        if (arrays.some((a) => a.length !== arrays[0].length)) this.fail();
        let s = new Decimal(0);
        for (let i = 0; i < arrays[0].length; i++) s = s.plus(arrays.reduce((p, a) => p.times(a[i] instanceof Decimal ? (a[i] as Decimal) : 0), new Decimal(1)));
        return s;
      }
      case 'LEN':
        return map1(args[0], (a) => new Decimal(a instanceof Decimal ? a.toString().length : typeof a === 'string' ? a.length : String(a).toUpperCase().length));
      default:
        return this.fail();
    }
  }

  private range(text: string): Scalar[] {
    const [a, b] = text.replace(/\$/g, '').split(':').map((x) => parseAddress(x)!);
    const out: Scalar[] = [];
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(this.ref(cellAddress(r, c)));
    return out;
  }
}

/** Arithmetic reads blank as 0 and TRUE/FALSE as 1/0 (the `--` of the templates). */
function num(a: Scalar): Decimal {
  if (a instanceof Decimal) return a;
  if (typeof a === 'boolean') return new Decimal(a ? 1 : 0);
  if (a === '') return new Decimal(0);
  throw new Error(`text “${a}” in arithmetic`);
}

function map1(v: Value, f: (a: Scalar) => Scalar): Value {
  return Array.isArray(v) ? v.map(f) : f(v);
}

function map2(x: Value, y: Value, f: (a: Scalar, b: Scalar) => Scalar): Value {
  if (Array.isArray(x) && Array.isArray(y)) return x.map((a, i) => f(a, y[i]));
  if (Array.isArray(x)) return x.map((a) => f(a, y as Scalar));
  if (Array.isArray(y)) return y.map((b) => f(x, b));
  return f(x, y);
}

function cellScalar(cell: GridCell | undefined): Scalar {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return new Decimal(String(v));
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  throw new Error(`error value ${v.error}`);
}

/**
 * Computes every formula of the sheet from the values around it (formulas over formulas in
 * dependency order) and stores each result as the cell's value. Returns the results by address.
 */
export function evaluateSheet(sheet: Sheet): Map<string, Decimal> {
  const results = new Map<string, Decimal>();
  const busy = new Set<string>();
  const valueAt = (addr: string): Scalar => {
    const p = parseAddress(addr)!;
    const cell = sheet.rows[p.row]?.[p.col];
    if (cell?.formula === undefined) return cellScalar(cell);
    const done = results.get(addr);
    if (done) return done;
    if (busy.has(addr)) throw new Error(`circular reference at ${sheet.name}!${addr}`);
    busy.add(addr);
    const v = new Parser(cell.formula, valueAt).parse();
    if (Array.isArray(v)) throw new Error(`${sheet.name}!${addr} gives an array`);
    const d = num(v);
    results.set(addr, d);
    cell.value = d.toNumber();
    return d;
  };
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell?.formula !== undefined) valueAt(cellAddress(r, c));
    }),
  );
  return results;
}
