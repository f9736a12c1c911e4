/**
 * Where a workbook keeps its 说明 parameters (docs/narrative-params.md): one custom XML part
 * (customXml/item*.xml in the file, `workbook.customXmlParts` in Office.js) whose root is
 *
 *   <budgetParams xmlns="urn:budget-addin:params:1">{ …the same JSON as `--params`… }</budgetParams>
 *
 * The task pane writes it; the pane and the CLI read it, so whoever opens the file next gets the
 * parameters. Pure string functions: the text is escaped for XML on writing, and reading takes
 * what Excel may do to a part on saving (an XML declaration, CDATA, entity references) while
 * refusing anything else with a message that says what is wrong.
 */
import { Workbook } from './grid';
import { NarrativeParams, ParamsResult, flattenJson, paramsFromJson, paramsFromSheet } from './narrative/params';

export const PARAMS_NAMESPACE = 'urn:budget-addin:params:1';
export const PARAMS_ROOT = 'budgetParams';
/** A real parameter set is a few KB; anything much larger is not ours. */
export const MAX_PARAMS_XML = 2 * 1024 * 1024;

/** Flat parameters as the pane edits them: key path → the value as typed. */
export type FlatParams = Record<string, string>;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The custom XML part for a parameter object (nested, as a `--params` file holds it). */
export function paramsToXml(json: Record<string, unknown>): string {
  // JSON.stringify escapes control characters and lone surrogates, so the text is valid XML 1.0.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${PARAMS_ROOT} xmlns="${PARAMS_NAMESPACE}">${escapeXml(JSON.stringify(json, null, 1))}</${PARAMS_ROOT}>`;
}

const ROOT_OPEN = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${PARAMS_ROOT}\\b([^>]*)>`);

/** Whether a custom XML part is the parameters part (by its root element and namespace). */
export function isParamsXml(xml: string): boolean {
  const m = ROOT_OPEN.exec(xml.slice(0, 4096));
  if (!m) return false;
  const attr = m[1] ? `xmlns:${m[1]}` : 'xmlns';
  const ns = new RegExp(`\\s${attr.replace(/[.]/g, '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(m[2]);
  return ns?.[2] === PARAMS_NAMESPACE;
}

/** The parameters part among a workbook's custom XML parts, if any (the first one wins). */
export function findParamsXml(parts: readonly string[] | undefined): string | undefined {
  return parts?.find(isParamsXml);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string | undefined {
  // A bare `&` is not well-formed XML; neither is an entity XML does not predefine.
  if (/&(?!(?:#x[0-9A-Fa-f]{1,6}|#\d{1,7}|[A-Za-z]+);)/.test(text)) return undefined;
  let bad = false;
  const out = text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|[A-Za-z]+);/g, (all, ref: string) => {
    const code = ref[0] !== '#' ? undefined : ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const value = code === undefined ? ENTITIES[ref] : code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    if (value === undefined) bad = true;
    return value ?? all;
  });
  return bad ? undefined : out;
}

/** The parameter JSON a parameters part holds, or why it cannot be read (Chinese). */
export function readParamsXml(xml: string): { json: unknown } | { problem: string } {
  if (xml.length > MAX_PARAMS_XML) return { problem: `内容过大（${(xml.length / 1048576).toFixed(1)} MB）` };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { problem: '含有 DOCTYPE/实体声明，出于安全不予读取' };
  const open = ROOT_OPEN.exec(xml);
  if (!open || !isParamsXml(xml)) return { problem: `不是说明参数（根元素应为 ${PARAMS_ROOT}，命名空间 ${PARAMS_NAMESPACE}）` };
  const qname = open[1] ? `${open[1]}:${PARAMS_ROOT}` : PARAMS_ROOT;
  if (open[0].endsWith('/>')) return { json: {} };
  const start = open.index + open[0].length;
  const end = xml.lastIndexOf(`</${qname}`);
  if (end < start) return { problem: `缺少结束标记 </${qname}>` };
  if (/\S/.test(xml.slice(end).replace(new RegExp(`^</${qname}\\s*>`), '').replace(/<!--[\s\S]*?-->/g, ''))) return { problem: '结束标记之后还有内容' };
  // Text, CDATA sections and comments only: the part holds no child elements.
  let text = '';
  const body = xml.slice(start, end);
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[3]) return { problem: '根元素中不应有子元素' };
    if (m[1] !== undefined) text += m[1];
    else if (m[2] !== undefined) {
      const t = unescapeXml(m[2]);
      if (t === undefined) return { problem: '含有无法识别的字符引用（&…;）' };
      text += t;
    }
  }
  if (text.trim() === '') return { json: {} };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (e) {
    return { problem: `其中的 JSON 无法解析（${e instanceof Error ? e.message.slice(0, 80) : String(e)}）` };
  }
}

/** Flat key paths → the nested object a `--params` file holds (list indices become arrays). */
export function nestParams(flat: FlatParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    if (value.trim() === '') continue;
    const parts = path.split('.');
    let node = root;
    parts.slice(0, -1).forEach((p) => {
      const next = node[p];
      node = (node[p] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
    });
    node[parts[parts.length - 1]] = value;
  }
  return arraysFor(root) as Record<string, unknown>;
}

/** An object keyed 1…n becomes an array (重点项目.1.名称 → 重点项目[0].名称), recursively. */
function arraysFor(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  for (const k of keys) o[k] = arraysFor(o[k]);
  const isList = keys.length > 0 && keys.every((k) => /^[1-9]\d*$/.test(k)) && keys.map(Number).sort((a, b) => a - b).every((n, i) => n === i + 1);
  return isList ? keys.map(Number).sort((a, b) => a - b).map((n) => o[String(n)]) : o;
}

/** A nested parameter object → flat key paths with their values as text (for editing). */
export function flatParams(json: unknown): FlatParams {
  const out: FlatParams = {};
  for (const e of flattenJson(json)) if (e.path !== '' && e.value !== null && e.value !== undefined && typeof e.value !== 'object') out[e.path] = String(e.value);
  return out;
}

export interface WorkbookParams extends ParamsResult {
  /** Where they came from, for messages: 工作簿 X 中保存的说明参数 / 工作簿 X 的“参数”工作表. */
  source: string;
}

/**
 * The parameters a workbook carries: its parameters part (saved by the pane), else its `参数`
 * sheet; undefined when it has neither. Problems are returned, not thrown.
 */
export function paramsFromWorkbook(wb: Workbook): WorkbookParams | undefined {
  const xml = findParamsXml(wb.customXml);
  if (xml !== undefined) {
    const source = `工作簿 ${wb.name} 中保存的说明参数`;
    const read = readParamsXml(xml);
    if ('problem' in read) return { params: new NarrativeParams(), problems: [{ path: '', where: '', message: `无法读取：${read.problem}` }], source };
    return { ...paramsFromJson(read.json), source };
  }
  const sheet = wb.sheets.find((s) => s.name.normalize('NFKC').trim() === '参数');
  if (sheet) return { ...paramsFromSheet(sheet), source: `${wb.name} 的“参数”工作表` };
  return undefined;
}
