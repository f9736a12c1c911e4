/**
 * Minimal .xlsx packages written part by part, for tests and benchmarks: a grid as a workbook
 * the way Excel stores it (shared strings, one amount style), or hand-written sheet XML for
 * hostile and malformed files. Not used by the product.
 */
import { constants, deflateRawSync } from 'zlib';
import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync } from 'fflate';
import { GridCell, Sheet, cellAddress } from '../src/core/grid';

export interface PackageSpec {
  /** Sheets in order: name and the whole worksheet XML. */
  sheets: { name: string; xml: string }[];
  sharedStrings?: readonly string[];
  /** styles.xml; default: style 1 is `#,##0.00`. */
  styles?: string;
  /** Any further parts (customXml/item1.xml …) or replacements, by part name. */
  extra?: Record<string, string | Uint8Array | RawDeflate>;
  /** Deflate level (0 stores); default 6. */
  level?: 0 | 1 | 6 | 9;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const AMOUNT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A worksheet around the given `<sheetData>` content and optional trailing parts (mergeCells …). */
export function worksheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a package as a zip. */
export function xlsxBytes(spec: PackageSpec): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const files: Record<string, Uint8Array | RawDeflate> = {};
  const sheetRels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const n = spec.sheets.length;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const overrides = [
    ['/xl/workbook.xml', `${ct}.sheet.main+xml`],
    ['/xl/styles.xml', `${ct}.styles+xml`],
    ['/xl/sharedStrings.xml', `${ct}.sharedStrings+xml`],
    ...spec.sheets.map((_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, `${ct}.worksheet+xml`]),
  ];
  files['[Content_Types].xml'] = enc(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join('')}</Types>`,
  );
  files['_rels/.rels'] = enc(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = enc(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${spec.sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = enc(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${sheetRels.join('')}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = enc(spec.styles ?? AMOUNT_STYLES);
  const sst = spec.sharedStrings ?? [];
  files['xl/sharedStrings.xml'] = enc(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`,
  );
  spec.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = enc(s.xml)));
  for (const [name, data] of Object.entries(spec.extra ?? {})) files[name] = typeof data === 'string' ? enc(data) : data;
  return zipFiles(files, spec.level ?? 6);
}

/** An existing package with some parts replaced: new text, a raw stream, or an edit of the XML. */
export function patchXlsx(bytes: Uint8Array, patches: Record<string, string | Uint8Array | RawDeflate | ((xml: string) => string)>, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array | RawDeflate> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) files[name] = data;
  for (const [name, p] of Object.entries(patches)) {
    files[name] = typeof p === 'function' ? strToU8(p(strFromU8(files[name] as Uint8Array))) : typeof p === 'string' ? strToU8(p) : p;
  }
  return zipFiles(files, level);
}

/** A part given as an already deflated stream and the decompressed size to declare (may lie). */
export interface RawDeflate {
  deflated: Uint8Array;
  declaredSize: number;
}

function isRaw(x: Uint8Array | RawDeflate): x is RawDeflate {
  return 'deflated' in x;
}

/** An entry whose data is pushed already deflated, declaring a size of our choosing. */
class RawDeflateEntry extends ZipPassThrough {
  constructor(
    name: string,
    private readonly declared: number,
  ) {
    super(name);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    // The writer reads size and CRC when the stream completes; the CRC is unknown without
    // inflating, and readers of Office files do not check it first.
    this.size = this.declared;
    this.crc = 0;
    this.ondata(null, chunk, final);
  }
}

/** Entries in order as a zip (fflate's streaming writer; raw streams pass through as they are). */
export function zipFiles(files: Record<string, Uint8Array | RawDeflate>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const mtime = new Date('2024-01-01T00:00:00Z');
  for (const [name, data] of Object.entries(files)) {
    if (isRaw(data)) {
      const entry = new RawDeflateEntry(name, data.declaredSize);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(data.deflated, true);
    } else {
      const entry = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(data, true);
    }
  }
  zip.end();
  return Buffer.concat(out);
}

/**
 * A deflate stream that inflates to `head`, then about `megabytes` MiB of `pattern` repeated,
 * then `tail`: one compressed MiB repeated (a zip bomb, built without ever holding its output).
 */
export function deflateBomb(head: string, pattern: string, megabytes: number, tail = ''): RawDeflate {
  // The MiB is compressed on its own and flushed to a byte boundary without ending the stream
  // (zlib's sync flush), so it can follow itself; head and tail go in stored blocks.
  const unit = pattern.repeat(Math.ceil((1 << 20) / pattern.length));
  const block = deflateRawSync(unit, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const deflated = Buffer.concat([storedBlock(strToU8(head), false), ...Array<Buffer>(megabytes).fill(block), storedBlock(strToU8(tail), true)]);
  return { deflated, declaredSize: head.length + unit.length * megabytes + tail.length };
}

/** A deflate stored block (at most 65,535 bytes): header byte, length, its complement, the data. */
function storedBlock(data: Uint8Array, final: boolean): Buffer {
  const n = data.length;
  return Buffer.concat([Buffer.from([final ? 1 : 0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), data]);
}

/** Shared strings as Excel keeps them: each distinct text once. */
export class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function cellXml(cell: GridCell, addr: string, sst: SharedStrings): string {
  const v = cell.value;
  const style = cell.numFmt ? ' s="1"' : '';
  const f = cell.formula !== undefined ? `<f>${escapeXml(cell.formula)}</f>` : '';
  if (v === null) return f ? `<c r="${addr}"${style}>${f}</c>` : '';
  if (typeof v === 'number') return `<c r="${addr}"${style}>${f}<v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${addr}" t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'object') return `<c r="${addr}" t="e">${f}<v>${escapeXml(v.error)}</v></c>`;
  if (f) return `<c r="${addr}" t="str">${f}<v>${escapeXml(v)}</v></c>`;
  return `<c r="${addr}" t="s"><v>${sst.add(v)}</v></c>`;
}

/** A grid sheet as worksheet XML (strings shared, numbers with a format get the amount style). */
export function gridSheetXml(sheet: Sheet, sst: SharedStrings): string {
  const rows: string[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const cells = row.map((c, i) => (c ? cellXml(c, cellAddress(r, i), sst) : '')).join('');
    if (cells) rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join('')}</mergeCells>`
    : '';
  return worksheetXml(rows.join(''), merges);
}

/** Grid sheets as an .xlsx file's bytes. */
export function gridXlsx(sheets: readonly Sheet[], extra?: PackageSpec['extra']): Uint8Array {
  const sst = new SharedStrings();
  const parts = sheets.map((s) => ({ name: s.name, xml: gridSheetXml(s, sst) }));
  return xlsxBytes({ sheets: parts, sharedStrings: sst.list, extra });
}
