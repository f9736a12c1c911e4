/**
 * A small in-memory Excel: the slice of the Office.js API the adapter (src/excel) uses, with
 * Office.js's batching rules enforced so tests catch what real Excel would refuse:
 *   - a property can be read only after load() and context.sync() (else PropertyNotLoaded);
 *   - writes and loads are queued and happen at sync(), in order;
 *   - every sync is counted with the bytes it carries; a sync over 5 MB, or a range read over
 *     5 M cells, is refused as Excel refuses it.
 * It runs in Node (jest) and, bundled, in the browser as the office.js stub of the e2e test.
 * Loaded from the engine's grid (any .xlsx through the CLI's reader), so the pane can be tried
 * on any workbook. Conditional formats are shown as Excel shows them: `effectiveFill` is what
 * the user sees in a cell.
 */
import { CellValue, Workbook, cellAddress, isCellError, parseAddress } from '../../src/core/grid';

export const LIMIT_BYTES = 5 * 1024 * 1024;
export const LIMIT_CELLS = 5_000_000;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface CellStyle {
  fill?: string;
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: Record<string, string>;
}

export interface FakeCell {
  v: number | string | boolean;
  t: 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
  f?: string;
  fmt: string;
  style: CellStyle;
  link?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface FakeCF {
  id: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  areas: Rect[];
}

export interface FakeSheet {
  id: string;
  name: string;
  rows: Map<number, Map<number, FakeCell>>;
  merges: Rect[];
  cfs: FakeCF[];
  frozenRows: number;
  colWidths: Map<number, number>;
}

export interface FakeNote {
  sheet: FakeSheet;
  row: number;
  col: number;
  content: string;
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const utf8 = new TextEncoder();
function bytesOf(v: unknown): number {
  return v === undefined ? 0 : utf8.encode(JSON.stringify(v)).length;
}

const EMPTY: FakeCell = { v: '', t: 'Empty', fmt: 'General', style: {} };

// ---------------------------------------------------------------------------------------------
// The workbook model

let nextId = 1;
const newId = (p: string) => `{${p}-${nextId++}}`;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  notes: FakeNote[] = [];
  parts: { id: string; xml: string }[] = [];
  settings = new Map<string, unknown>();
  activeSheet?: FakeSheet;
  selection?: { sheet: FakeSheet; areas: Rect[] };

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeError('InvalidArgument', `Invalid sheet name ${name}`);
    const s: FakeSheet = { id: newId('sheet'), name, rows: new Map(), merges: [], cfs: [], frozenRows: 0, colWidths: new Map() };
    this.sheets.push(s);
    return s;
  }

  sheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  cell(s: FakeSheet, r: number, c: number): FakeCell {
    return s.rows.get(r)?.get(c) ?? EMPTY;
  }

  /** The cell to write, created if needed. */
  own(s: FakeSheet, r: number, c: number): FakeCell {
    let row = s.rows.get(r);
    if (!row) s.rows.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { v: '', t: 'Empty', fmt: 'General', style: {} }));
    return cell;
  }

  used(s: FakeSheet, valuesOnly: boolean): Rect | undefined {
    let box: Rect | undefined;
    for (const [r, row] of s.rows) {
      for (const [c, cell] of row) {
        if (valuesOnly && cell.t === 'Empty' && !cell.f) continue;
        if (!valuesOnly && cell.t === 'Empty' && !cell.f && Object.keys(cell.style).length === 0 && cell.fmt === 'General') continue;
        box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
    }
    return box;
  }

  /** What the user sees as the cell's fill: the first of our/any matching conditional format, else its own. */
  effectiveFill(s: FakeSheet, r: number, c: number): string | undefined {
    const cf = s.cfs.find((x) => x.fill && x.areas.some((a) => inRect(a, r, c)));
    return cf?.fill ?? this.cell(s, r, c).style.fill;
  }

  /** Everything a user could see in the sheets' cells, for comparing before and after. */
  snapshot(sheetNames?: readonly string[]): string {
    const out: unknown[] = [];
    for (const s of this.sheets) {
      if (sheetNames && !sheetNames.includes(s.name)) continue;
      const cells: unknown[] = [];
      for (const [r, row] of [...s.rows].sort((a, b) => a[0] - b[0])) {
        for (const [c, cell] of [...row].sort((a, b) => a[0] - b[0])) cells.push([r, c, cell.v, cell.t, cell.f ?? null, cell.fmt, cell.style, this.effectiveFill(s, r, c) ?? null]);
      }
      const notes = this.notes.filter((n) => n.sheet === s).map((n) => [n.row, n.col, n.content]);
      out.push([s.name, cells, s.merges, s.cfs.map((x) => [x.type, x.formula, x.fill, x.areas]), notes, s.frozenRows]);
    }
    return JSON.stringify(out);
  }

  static fromGrid(wb: Workbook, customXml: readonly string[] = wb.customXml ?? []): FakeWorkbook {
    const fw = new FakeWorkbook();
    for (const sheet of wb.sheets) {
      const s = fw.addSheet(sheet.name);
      sheet.rows.forEach((row, r) =>
        row?.forEach((g, c) => {
          if (!g) return;
          const cell = fw.own(s, r, c);
          cell.fmt = g.numFmt ?? 'General';
          if (g.formula !== undefined) cell.f = `=${g.formula}`;
          setValue(cell, g.value, cell.fmt);
        }),
      );
      s.merges = (sheet.merges ?? []).map((m) => ({ r0: m.top, c0: m.left, r1: m.bottom, c1: m.right }));
    }
    fw.parts = customXml.map((xml) => ({ id: newId('part'), xml }));
    fw.activeSheet = fw.sheets[0];
    return fw;
  }
}

/** A grid value as Excel holds it (a date the reader turned into `2024-01-31` is a serial again). */
function setValue(cell: FakeCell, v: CellValue, fmt: string): void {
  // A formula without a cached result (a file saved without calculating) reads as Empty.
  if (v === null) Object.assign(cell, { v: '', t: 'Empty' });
  else if (v === '') Object.assign(cell, { v: '', t: cell.f ? 'String' : 'Empty' });
  else if (isCellError(v)) Object.assign(cell, { v: v.error, t: 'Error' });
  else if (typeof v === 'number') Object.assign(cell, { v, t: 'Double' });
  else if (typeof v === 'boolean') Object.assign(cell, { v, t: 'Boolean' });
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && /[dmy]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) Object.assign(cell, { v: Date.parse(v) / 86400000 + 25569, t: 'Double' });
  else Object.assign(cell, { v, t: 'String' });
}

function inRect(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

const WHOLE: Rect = { r0: 0, c0: 0, r1: 1048575, c1: 16383 };

/** `A1`, `$A$1:B2`, `A:C`, `3:5` → a rectangle. */
export function parseRect(address: string): Rect {
  const [a, b = a] = address.trim().replace(/\$/g, '').split(':');
  const col = /^[A-Z]{1,3}$/i;
  const row = /^\d+$/;
  if (col.test(a) && col.test(b)) {
    const p = parseAddress(`${a}1`)!;
    const q = parseAddress(`${b}1`)!;
    return { r0: 0, c0: p.col, r1: WHOLE.r1, c1: q.col };
  }
  if (row.test(a) && row.test(b)) return { r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: WHOLE.c1 };
  const p = parseAddress(a);
  const q = parseAddress(b);
  if (!p || !q) throw new FakeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** `'公开01表'!C7` → sheet name and address (no sheet: undefined). */
export function splitQualified(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { address };
  let sheet = address.slice(0, bang);
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1) };
}

function rectAddress(r: Rect): string {
  const a = cellAddress(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellAddress(r.r1, r.c1)}`;
}

// ---------------------------------------------------------------------------------------------
// Batching: the request context

interface Op {
  request: number;
  run: () => number;
}

export interface SyncRecord {
  bytes: number;
  ops: number;
}

export class FakeExcel {
  syncs: SyncRecord[] = [];
  /** Highest ExcelApi version the host claims (notes need 1.18). */
  apiVersion = 1.18;

  constructor(public wb: FakeWorkbook) {}

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && Number(version) <= this.apiVersion;
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  }

  get syncCount(): number {
    return this.syncs.length;
  }
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookP;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookP(this);
  }

  get wb(): FakeWorkbook {
    return this.excel.wb;
  }

  enqueue(run: () => number, request = 64): void {
    this.queue.push({ run, request });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const request = ops.reduce((n, o) => n + o.request, 0);
    const record: SyncRecord = { bytes: request, ops: ops.length };
    this.excel.syncs.push(record);
    await Promise.resolve();
    if (request > LIMIT_BYTES) throw new FakeError('RequestPayloadSizeLimitExceeded', `The request payload size (${request} bytes) has exceeded the limit of 5 MB.`);
    for (const op of ops) {
      record.bytes += op.run();
      if (record.bytes > LIMIT_BYTES) throw new FakeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit of 5 MB.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy objects

type LoadSpec = string | string[] | { select?: string } | undefined;

function paths(spec: LoadSpec): string[] {
  const s = typeof spec === 'string' ? spec : Array.isArray(spec) ? spec.join(',') : (spec?.select ?? '');
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

abstract class Obj<T> {
  protected loaded = new Map<string, unknown>();
  constructor(
    readonly context: FakeContext,
    protected readonly resolve: () => T,
  ) {}

  /** Scalar properties this object can load. */
  protected abstract props(t: NonNullable<T>): Record<string, () => unknown>;
  /** Navigation properties reachable in a load path (`areas/items/rowIndex`). */
  protected nav(_name: string): Obj<unknown> | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const ps = paths(spec);
    this.context.enqueue(() => this.doLoad(ps));
    return this;
  }

  doLoad(ps: string[]): number {
    const t = this.resolve();
    if (t === null) {
      this.loaded.set('isNullObject', true);
      return 8;
    }
    this.loaded.set('isNullObject', false);
    let bytes = 0;
    const groups = new Map<string, string[]>();
    for (const p of ps) {
      const [head, ...rest] = p.split('/');
      if (rest.length) groups.set(head, [...(groups.get(head) ?? []), rest.join('/')]);
      else if (head !== 'isNullObject') {
        const get = this.props(t as NonNullable<T>)[head];
        if (!get) throw new FakeError('PropertyNotLoaded', `Cannot load unknown property '${head}'.`);
        const v = get();
        this.loaded.set(head, v);
        bytes += bytesOf(v);
      }
    }
    for (const [head, rest] of groups) {
      const n = this.nav(head);
      if (!n) throw new FakeError('InvalidArgument', `Cannot load path '${head}/…'.`);
      bytes += n.doLoad(rest);
    }
    return bytes;
  }

  protected got<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new FakeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as V;
  }

  get isNullObject(): boolean {
    return this.got('isNullObject');
  }

  /** Queues a write; `value` counts toward the request's size. */
  protected write(value: unknown, apply: (t: NonNullable<T>) => void): void {
    this.context.enqueue(() => {
      const t = this.resolve();
      if (t === null) throw new FakeError('ItemNotFound', 'The requested resource does not exist (null object).');
      apply(t as NonNullable<T>);
      return 0;
    }, bytesOf(value) + 64);
  }

  protected target(): NonNullable<T> {
    const t = this.resolve();
    if (t === null) throw new FakeError('ItemNotFound', 'The requested resource does not exist (null object).');
    return t as NonNullable<T>;
  }
}

class Coll<T, P extends Obj<unknown>> extends Obj<T[]> {
  constructor(
    context: FakeContext,
    resolve: () => T[],
    private readonly make: (get: () => T) => P,
  ) {
    super(context, resolve);
  }

  protected props(): Record<string, () => unknown> {
    return {};
  }

  get items(): P[] {
    return this.got('items');
  }

  override doLoad(ps: string[]): number {
    const list = this.resolve();
    const sub = ps.filter((p) => p !== 'items').map((p) => p.replace(/^items\//, ''));
    const items = list.map((x) => this.make(() => x));
    let bytes = 0;
    for (const it of items) bytes += it.doLoad(sub);
    this.loaded.set('items', items);
    return bytes + 16;
  }
}

class ClientResult<V> {
  private done = false;
  private v?: V;
  constructor(context: FakeContext, compute: () => V) {
    context.enqueue(() => {
      this.v = compute();
      this.done = true;
      return bytesOf(this.v);
    });
  }
  get value(): V {
    if (!this.done) throw new FakeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as V;
  }
}

class WorkbookP {
  readonly worksheets: WorksheetsP;
  readonly notes: NotesP;
  readonly customXmlParts: PartsP;
  readonly settings: SettingsP;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new WorksheetsP(context);
    this.notes = new NotesP(context);
    this.customXmlParts = new PartsP(context);
    this.settings = new SettingsP(context);
  }
  getSelectedRange(): RangeP {
    const wb = this.context.wb;
    return new RangeP(this.context, () => {
      const sel = wb.selection ?? { sheet: wb.activeSheet ?? wb.sheets[0], areas: [{ r0: 0, c0: 0, r1: 0, c1: 0 }] };
      return { sheet: sel.sheet, rect: sel.areas[0] };
    });
  }
}

interface SheetRect {
  sheet: FakeSheet;
  rect: Rect;
}

class WorksheetsP extends Coll<FakeSheet, WorksheetP> {
  constructor(context: FakeContext) {
    super(context, () => context.wb.sheets, (get) => new WorksheetP(context, get));
  }
  getItem(key: string): WorksheetP {
    const wb = this.context.wb;
    return new WorksheetP(this.context, () => {
      const s = wb.sheet(key);
      if (!s) throw new FakeError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetP {
    const wb = this.context.wb;
    return new WorksheetP(this.context, () => wb.sheet(key) ?? null);
  }
  add(name: string): WorksheetP {
    let made: FakeSheet | undefined;
    this.context.enqueue(() => {
      made = this.context.wb.addSheet(name);
      return 0;
    }, bytesOf(name) + 64);
    return new WorksheetP(this.context, () => {
      if (!made) throw new FakeError('ItemNotFound', 'The worksheet was not added.');
      return made;
    });
  }
}

class WorksheetP extends Obj<FakeSheet | null> {
  protected props(s: FakeSheet): Record<string, () => unknown> {
    return { name: () => s.name, id: () => s.id, position: () => this.context.wb.sheets.indexOf(s) };
  }
  get name(): string {
    return this.got('name');
  }
  get id(): string {
    return this.got('id');
  }
  private sr(rect: () => Rect): () => SheetRect {
    return () => ({ sheet: this.target(), rect: rect() });
  }
  getRange(address?: string): RangeP {
    return new RangeP(this.context, this.sr(() => (address ? parseRect(address) : WHOLE)));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(this.context, this.sr(() => ({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 })));
  }
  getRanges(address: string): RangeAreasP {
    return new RangeAreasP(this.context, () => ({ sheet: this.target(), rects: address.split(',').map(parseRect) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeP {
    return new RangeP(this.context, () => {
      const s = this.target();
      const rect = this.context.wb.used(s, valuesOnly);
      return rect ? { sheet: s, rect } : null;
    });
  }
  activate(): void {
    this.write(null, (s) => {
      this.context.wb.activeSheet = s;
    });
  }
  delete(): void {
    this.write(null, (s) => {
      const wb = this.context.wb;
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.notes = wb.notes.filter((n) => n.sheet !== s);
      if (wb.activeSheet === s) wb.activeSheet = wb.sheets[0];
    });
  }
  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this.write(n, (s) => (s.frozenRows = n)),
      unfreeze: () => this.write(0, (s) => (s.frozenRows = 0)),
    };
  }
}

function cellsOf(sr: SheetRect): number {
  return (sr.rect.r1 - sr.rect.r0 + 1) * (sr.rect.c1 - sr.rect.c0 + 1);
}

function grid2<V>(sr: SheetRect, f: (c: FakeCell, r: number, col: number) => V): V[][] {
  if (cellsOf(sr) > LIMIT_CELLS) throw new FakeError('ResponsePayloadSizeLimitExceeded', `Reading ${cellsOf(sr)} cells exceeds the limit of 5,000,000 cells per range.`);
  const out: V[][] = [];
  for (let r = sr.rect.r0; r <= sr.rect.r1; r++) {
    const row: V[] = [];
    for (let c = sr.rect.c0; c <= sr.rect.c1; c++) row.push(f(sr.sheet.rows.get(r)?.get(c) ?? EMPTY, r, c));
    out.push(row);
  }
  return out;
}

function eachCell(wb: FakeWorkbook, sr: SheetRect, v: unknown[][] | undefined, f: (cell: FakeCell, value: unknown) => void): void {
  const rows = sr.rect.r1 - sr.rect.r0 + 1;
  const cols = sr.rect.c1 - sr.rect.c0 + 1;
  if (v && (v.length !== rows || v.some((r) => r.length !== cols))) throw new FakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rectAddress(sr.rect)}.`);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(wb.own(sr.sheet, sr.rect.r0 + r, sr.rect.c0 + c), v?.[r][c]);
}

/** A value typed into a cell: `=…` is a formula (evaluated only as far as tests need: not at all), `'…` is text. */
function typeIn(cell: FakeCell, value: unknown, asFormula: boolean): void {
  delete cell.f;
  if (typeof value === 'string' && asFormula && value.startsWith('=') && cell.fmt !== '@') {
    cell.f = value;
    Object.assign(cell, { v: 0, t: 'Double' });
  } else if (typeof value === 'string' && value.startsWith("'")) Object.assign(cell, { v: value.slice(1), t: 'String' });
  else if (value === '' || value === null || value === undefined) Object.assign(cell, { v: '', t: 'Empty' });
  else if (typeof value === 'number') Object.assign(cell, { v: value, t: 'Double' });
  else if (typeof value === 'boolean') Object.assign(cell, { v: value, t: 'Boolean' });
  else if (cell.fmt !== '@' && /^-?\d+(\.\d+)?$/.test(String(value))) Object.assign(cell, { v: Number(value), t: 'Double' });
  else Object.assign(cell, { v: String(value), t: 'String' });
}

class RangeP extends Obj<SheetRect | null> {
  protected props(sr: SheetRect): Record<string, () => unknown> {
    const { rect } = sr;
    return {
      address: () => `${sr.sheet.name}!${rectAddress(rect)}`,
      rowIndex: () => rect.r0,
      columnIndex: () => rect.c0,
      rowCount: () => rect.r1 - rect.r0 + 1,
      columnCount: () => rect.c1 - rect.c0 + 1,
      values: () => grid2(sr, (c) => c.v),
      valueTypes: () => grid2(sr, (c) => c.t),
      formulas: () => grid2(sr, (c) => c.f ?? c.v),
      numberFormat: () => grid2(sr, (c) => c.fmt),
    };
  }
  get address(): string {
    return this.got('address');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  get values(): unknown[][] {
    return this.got('values');
  }
  set values(v: unknown[][]) {
    this.write(v, (sr) => eachCell(this.context.wb, sr, v, (cell, x) => typeIn(cell, x, true)));
  }
  get valueTypes(): string[][] {
    return this.got('valueTypes');
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v, (sr) => eachCell(this.context.wb, sr, v, (cell, x) => typeIn(cell, x, true)));
  }
  get numberFormat(): string[][] {
    return this.got('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.write(v, (sr) => eachCell(this.context.wb, sr, v, (cell, x) => (cell.fmt = String(x))));
  }
  set hyperlink(link: FakeCell['link']) {
    this.write(link, (sr) => eachCell(this.context.wb, sr, undefined, (cell) => (cell.link = link)));
  }
  get worksheet(): WorksheetP {
    return new WorksheetP(this.context, () => this.target().sheet);
  }
  get format(): FormatP {
    return new FormatP(this.context, () => ({ sheet: this.target().sheet, rects: [this.target().rect] }));
  }
  get conditionalFormats(): CFsP {
    return new CFsP(this.context, () => ({ sheet: this.target().sheet, rects: [this.target().rect] }));
  }
  getEntireColumn(): RangeP {
    return new RangeP(this.context, () => ({ sheet: this.target().sheet, rect: { ...WHOLE, c0: this.target().rect.c0, c1: this.target().rect.c1 } }));
  }
  getMergedAreasOrNullObject(): RangeAreasP {
    return new RangeAreasP(this.context, () => {
      const sr = this.target();
      const rects = sr.sheet.merges.filter((m) => intersects(m, sr.rect));
      return rects.length ? { sheet: sr.sheet, rects } : null;
    });
  }
  merge(across = false): void {
    this.write(across, (sr) => {
      if (sr.sheet.merges.some((m) => intersects(m, sr.rect))) throw new FakeError('InvalidOperation', 'Cannot merge cells that overlap a merged area.');
      sr.sheet.merges.push({ ...sr.rect });
    });
  }
  clear(): void {
    this.write(null, (sr) => {
      for (const [r, row] of sr.sheet.rows) for (const c of [...row.keys()]) if (inRect(sr.rect, r, c)) row.delete(c);
      sr.sheet.merges = sr.sheet.merges.filter((m) => !intersects(m, sr.rect));
      sr.sheet.cfs = sr.sheet.cfs.filter((cf) => !cf.areas.some((a) => intersects(a, sr.rect)));
    });
  }
  select(): void {
    this.write(null, (sr) => {
      this.context.wb.selection = { sheet: sr.sheet, areas: [sr.rect] };
    });
  }
}

interface SheetRects {
  sheet: FakeSheet;
  rects: Rect[];
}

class RangeAreasP extends Obj<SheetRects | null> {
  protected props(sr: SheetRects): Record<string, () => unknown> {
    return { address: () => sr.rects.map((r) => `${sr.sheet.name}!${rectAddress(r)}`).join(','), areaCount: () => sr.rects.length };
  }
  protected override nav(name: string): Obj<unknown> | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
  private areasP?: Coll<SheetRect, RangeP>;
  /** A navigation property: the same object each time, as in Office.js. */
  get areas(): Coll<SheetRect, RangeP> {
    return (this.areasP ??= new Coll(
      this.context,
      () => this.target().rects.map((rect) => ({ sheet: this.target().sheet, rect })),
      (get) => new RangeP(this.context, get),
    ));
  }
  get format(): FormatP {
    return new FormatP(this.context, () => this.target());
  }
  get conditionalFormats(): CFsP {
    return new CFsP(this.context, () => this.target());
  }
  select(): void {
    this.write(null, (sr) => {
      this.context.wb.selection = { sheet: sr.sheet, areas: sr.rects };
      this.context.wb.activeSheet = sr.sheet;
    });
  }
}

/** Formats of every cell in some rectangles (whole columns: the column width only). */
class FormatP {
  constructor(
    private readonly context: FakeContext,
    private readonly resolve: () => SheetRects,
  ) {}
  private set(v: unknown, f: (s: CellStyle) => void): void {
    this.context.enqueue(() => {
      const { sheet, rects } = this.resolve();
      // Formatting whole columns cell by cell is not what the adapter should do (Excel would
      // accept it; the fake would crawl): say so.
      if (rects.some((r) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > 1_000_000)) throw new FakeError('InvalidArgument', 'fake Excel: cell formats over more than 1,000,000 cells');
      for (const r of rects) for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) f(this.context.wb.own(sheet, row, c).style);
      return 0;
    }, bytesOf(v) + 64);
  }
  set wrapText(v: boolean) {
    this.set(v, (s) => (s.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.set(v, (s) => (s.horizontal = v));
  }
  set verticalAlignment(v: string) {
    this.set(v, (s) => (s.vertical = v));
  }
  set columnWidth(v: number) {
    this.context.enqueue(() => {
      const { sheet, rects } = this.resolve();
      for (const r of rects) for (let c = r.c0; c <= r.c1; c++) sheet.colWidths.set(c, v);
      return 0;
    }, 64);
  }
  get font(): { name: string; size: number; bold: boolean; color: string } {
    const set = this.set.bind(this);
    return {
      set name(v: string) {
        set(v, (s) => (s.fontName = v));
      },
      set size(v: number) {
        set(v, (s) => (s.fontSize = v));
      },
      set bold(v: boolean) {
        set(v, (s) => (s.bold = v));
      },
      set color(v: string) {
        set(v, (s) => (s.fontColor = v));
      },
    } as { name: string; size: number; bold: boolean; color: string };
  }
  get fill(): { color: string } {
    const set = this.set.bind(this);
    return {
      set color(v: string) {
        set(v, (s) => (s.fill = v));
      },
    } as { color: string };
  }
  get borders(): { getItem(edge: string): { style: string } } {
    const set = this.set.bind(this);
    return {
      getItem: (edge: string) =>
        ({
          set style(v: string) {
            set(v, (s) => (s.borders = { ...s.borders, [edge]: v }));
          },
        }) as { style: string },
    };
  }
}

class CFsP extends Coll<FakeCF, CFP> {
  constructor(
    context: FakeContext,
    private readonly where: () => SheetRects,
  ) {
    super(
      context,
      () => {
        const { sheet, rects } = where();
        return sheet.cfs.filter((cf) => cf.areas.some((a) => rects.some((r) => intersects(a, r))));
      },
      (get) => new CFP(context, get, () => where().sheet),
    );
  }
  add(type: string): CFP {
    let made: FakeCF | undefined;
    let sheet: FakeSheet | undefined;
    this.context.enqueue(() => {
      const w = this.where();
      sheet = w.sheet;
      made = { id: newId('cf'), type, areas: w.rects.map((r) => ({ ...r })) };
      sheet.cfs.unshift(made);
      return 0;
    }, 64);
    return new CFP(
      this.context,
      () => made ?? null,
      () => sheet!,
    );
  }
}

class CFP extends Obj<FakeCF | null> {
  constructor(
    context: FakeContext,
    resolve: () => FakeCF | null,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, resolve);
  }
  protected props(cf: FakeCF): Record<string, () => unknown> {
    return { type: () => cf.type, id: () => cf.id };
  }
  get type(): string {
    return this.got('type');
  }
  get custom(): { rule: RuleP; format: { fill: { color: string }; font: { color: string } } } {
    const cf = () => {
      const t = this.target();
      if (t.type !== 'Custom') throw new FakeError('InvalidOperation', 'The conditional format is not of type Custom.');
      return t;
    };
    const ctx = this.context;
    const set = (v: string, f: (c: FakeCF) => void) => ctx.enqueue(() => (f(cf()), 0), bytesOf(v) + 64);
    return {
      rule: new RuleP(ctx, cf),
      format: {
        fill: {
          set color(v: string) {
            set(v, (c) => (c.fill = v));
          },
        } as { color: string },
        font: {
          set color(v: string) {
            set(v, (c) => (c.fontColor = v));
          },
        } as { color: string },
      },
    };
  }
  delete(): void {
    this.write(null, (cf) => {
      const s = this.sheet();
      s.cfs = s.cfs.filter((x) => x !== cf);
    });
  }
}

class RuleP extends Obj<FakeCF> {
  protected props(cf: FakeCF): Record<string, () => unknown> {
    return { formula: () => cf.formula ?? '' };
  }
  get formula(): string {
    return this.got('formula');
  }
  set formula(v: string) {
    this.write(v, (cf) => (cf.formula = v));
  }
}

class NotesP extends Coll<FakeNote, NoteP> {
  constructor(context: FakeContext) {
    super(context, () => context.wb.notes, (get) => new NoteP(context, get));
  }
  add(cellAddress: string, content: string): NoteP {
    let made: FakeNote | undefined;
    this.context.enqueue(() => {
      const wb = this.context.wb;
      if (!this.context.excel.isSetSupported('ExcelApi', '1.18')) throw new FakeError('ApiNotFound', 'The API you are trying to use could not be found (notes need ExcelApi 1.18).');
      const { sheet, address } = splitQualified(cellAddress);
      const s = sheet ? wb.sheet(sheet) : wb.activeSheet;
      if (!s) throw new FakeError('ItemNotFound', `No sheet for ${cellAddress}`);
      const r = parseRect(address);
      if (wb.notes.some((n) => n.sheet === s && n.row === r.r0 && n.col === r.c0)) throw new FakeError('InvalidArgument', `The cell ${cellAddress} already has a note.`);
      made = { sheet: s, row: r.r0, col: r.c0, content };
      wb.notes.push(made);
      return 0;
    }, bytesOf(content) + bytesOf(cellAddress) + 64);
    return new NoteP(this.context, () => made!);
  }
}

class NoteP extends Obj<FakeNote> {
  protected props(n: FakeNote): Record<string, () => unknown> {
    return { content: () => n.content };
  }
  get content(): string {
    return this.got('content');
  }
  getLocation(): RangeP {
    return new RangeP(this.context, () => {
      const n = this.target();
      return { sheet: n.sheet, rect: { r0: n.row, c0: n.col, r1: n.row, c1: n.col } };
    });
  }
  delete(): void {
    this.write(null, (n) => {
      this.context.wb.notes = this.context.wb.notes.filter((x) => x !== n);
    });
  }
}

interface Part {
  id: string;
  xml: string;
}

function namespaceOf(xml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?[\w.-]+\s[^>]*?xmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/.exec(xml.replace(/<\?xml[^>]*\?>/, ''));
  return m?.[1];
}

class PartsP extends Coll<Part, PartP> {
  constructor(context: FakeContext) {
    super(context, () => context.wb.parts, (get) => new PartP(context, get));
  }
  getByNamespace(ns: string): Coll<Part, PartP> {
    return new Coll(
      this.context,
      () => this.context.wb.parts.filter((p) => namespaceOf(p.xml) === ns),
      (get) => new PartP(this.context, get),
    );
  }
  add(xml: string): PartP {
    const part: Part = { id: newId('part'), xml };
    this.context.enqueue(() => {
      if (!namespaceOf(xml) && !/^\s*(<\?xml[^>]*\?>\s*)?</.test(xml)) throw new FakeError('InvalidArgument', 'The XML is not well-formed.');
      this.context.wb.parts.push(part);
      return 0;
    }, bytesOf(xml) + 64);
    return new PartP(this.context, () => part);
  }
}

class PartP extends Obj<Part> {
  protected props(p: Part): Record<string, () => unknown> {
    return { id: () => p.id, namespaceUri: () => namespaceOf(p.xml) ?? '' };
  }
  get id(): string {
    return this.got('id');
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.context, () => this.target().xml);
  }
  delete(): void {
    this.write(null, (p) => {
      this.context.wb.parts = this.context.wb.parts.filter((x) => x !== p);
    });
  }
}

class SettingsP {
  constructor(private readonly context: FakeContext) {}
  add(key: string, value: unknown): void {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.context.enqueue(() => (this.context.wb.settings.set(key, copy), 0), bytesOf(value) + 64);
  }
  getItemOrNullObject(key: string): SettingP {
    return new SettingP(this.context, () => (this.context.wb.settings.has(key) ? key : null));
  }
}

class SettingP extends Obj<string | null> {
  protected props(key: string): Record<string, () => unknown> {
    return { key: () => key, value: () => JSON.parse(JSON.stringify(this.context.wb.settings.get(key))) };
  }
  get value(): unknown {
    return this.got('value');
  }
  delete(): void {
    this.context.enqueue(() => {
      const key = this.resolve();
      if (key !== null) this.context.wb.settings.delete(key);
      return 0;
    });
  }
}
