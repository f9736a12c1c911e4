/**
 * Inputs of the 情况说明 that the tables do not hold (DOMAIN §8): unit name, year, last
 * year's figures, 年初预算, counts, 机关运行经费, 政府采购, 国有资产, 绩效 and the reasons.
 *
 * One vocabulary of Chinese key paths serves both sources:
 * - a JSON file: nested objects, `{"上年": {"收支总计": "0"}}` ≡ path `上年.收支总计`;
 *   lists are arrays, `{"重点项目": [{"名称": …}]}` ≡ `重点项目.1.名称`;
 * - a `参数` sheet in the workbook: one row per path, column A the path, column B the value.
 *
 * `PARAM_FIELDS` is the whole format (docs/narrative-params.md documents it; a test keeps the
 * two in step). Unknown keys are errors, so a typo never silently leaves a placeholder.
 * Pure TypeScript: no Node, no Excel.
 */
import { D, Figure, parseAmount, parseAmountText } from '../money';
import { EQUIPMENT_LIMITS, SANGONG_ITEMS, SangongKey, VEHICLE_KINDS } from '../codes/disclosure';
import { CellValue, GridCell, Sheet, cellAddress, cellText, isCellError } from '../grid';

export type ParamType = 'text' | 'amount' | 'count' | 'year' | 'decimals';

export interface ParamField {
  /** Key path; `{code}` stands for a 功能分类 code (3/5/7 digits), `{n}` for a list index from 1. */
  path: string;
  type: ParamType;
  /** What it means, in the words of the docs. */
  desc: string;
}

const AMT = 'amount' as const;
const TXT = 'text' as const;
const CNT = 'count' as const;

/** 三公 items as the params name them (no parentheses, so a path stays a plain word). */
const SANGONG_KEYS: readonly SangongKey[] = SANGONG_ITEMS.map((i) => i.key);

/** Every parameter the 说明 uses. */
export const PARAM_FIELDS: readonly ParamField[] = [
  { path: '单位名称', type: TXT, desc: '部门（单位）全称，如“武汉市蔡甸区城市运行管理中心”' },
  { path: '年度', type: 'year', desc: '决算年度，如 2024；缺省时取表格标题中的年度' },
  { path: '财政级次', type: TXT, desc: '名词解释中“指XX财政……拨付的资金”的财政级次，如“区级”；缺省为“本级”' },

  { path: '设置.金额小数位', type: 'decimals', desc: '说明中金额（万元）的小数位，缺省 2' },
  { path: '设置.结构占比小数位', type: 'decimals', desc: '二、三、五（一）中“占本年收入/支出”的百分比小数位，缺省 1' },
  { path: '设置.类占比小数位', type: 'decimals', desc: '五（二）各类支出占比的小数位，缺省同“结构占比小数位”' },
  { path: '设置.增减率小数位', type: 'decimals', desc: '“增长/下降 X%”的小数位，缺省 1' },
  { path: '设置.完成率小数位', type: 'decimals', desc: '“完成年初（全年）预算的 X%”的小数位，缺省 1' },

  { path: '上年.收支总计', type: AMT, desc: '上年度收、支总计（公开01表 第30行）' },
  { path: '上年.本年收入合计', type: AMT, desc: '上年度本年收入合计（公开01表 第27行）' },
  { path: '上年.本年支出合计', type: AMT, desc: '上年度本年支出合计（公开01表 第57行）' },
  { path: '上年.财政拨款收支总计', type: AMT, desc: '上年度财政拨款收、支总计（公开04表 第32行）' },
  { path: '上年.一般公共预算财政拨款收入', type: AMT, desc: '上年度一般公共预算财政拨款收入（公开04表 第1行）' },
  { path: '上年.政府性基金预算财政拨款收入', type: AMT, desc: '上年度政府性基金预算财政拨款收入（公开04表 第2行）' },
  { path: '上年.国有资本经营预算财政拨款收入', type: AMT, desc: '上年度国有资本经营预算财政拨款收入（公开04表 第3行）' },
  { path: '上年.一般公共预算财政拨款支出', type: AMT, desc: '上年度一般公共预算财政拨款支出（公开05表 合计）' },
  { path: '上年.政府性基金预算财政拨款支出', type: AMT, desc: '上年度政府性基金预算财政拨款支出（公开07表 合计 本年支出）' },
  { path: '上年.国有资本经营预算财政拨款支出', type: AMT, desc: '上年度国有资本经营预算财政拨款支出（公开08表 合计）' },
  ...SANGONG_KEYS.map((k) => ({ path: `上年.三公经费.${k}`, type: AMT, desc: `上年度“三公”经费${k === '合计' ? '合计' : k.replace('境', '（境）')}决算数` })),
  { path: '上年.机关运行经费', type: AMT, desc: '上年度机关运行经费支出' },

  { path: '年初预算.一般公共预算财政拨款支出', type: AMT, desc: '一般公共预算财政拨款支出年初预算（合计）' },
  { path: '年初预算.科目.{code}', type: AMT, desc: '某一功能分类科目（类 3 位 / 款 5 位 / 项 7 位）的一般公共预算财政拨款年初预算，如 `年初预算.科目.2010350`' },
  { path: '年初预算.机关运行经费', type: AMT, desc: '机关运行经费年初预算' },
  ...SANGONG_KEYS.map((k) => ({ path: `年初预算.三公经费.${k}`, type: AMT, desc: `“三公”经费${k === '合计' ? '合计' : k.replace('境', '（境）')}年初预算（公开09表的预算数是全年预算，两者可以不同）` })),
  { path: '全年预算.一般公共预算财政拨款支出', type: AMT, desc: '一般公共预算财政拨款支出全年预算（调整后；说明写“完成全年预算的x%”时用）' },
  { path: '全年预算.科目.{code}', type: AMT, desc: '某一功能分类科目的全年预算（调整后），如 `全年预算.科目.2010350`' },

  { path: '原因.收支总计', type: TXT, desc: '一、收、支总计增减的主要原因' },
  { path: '原因.收入', type: TXT, desc: '二、本年收入合计增减的主要原因（缺省用“原因.收支总计”）' },
  { path: '原因.支出', type: TXT, desc: '三、本年支出合计增减的主要原因（缺省用“原因.收支总计”）' },
  { path: '原因.财政拨款', type: TXT, desc: '四、财政拨款收、支总计增减的主要原因' },
  { path: '原因.一般公共预算财政拨款支出', type: TXT, desc: '五（一）一般公共预算财政拨款支出增减的主要原因' },
  { path: '原因.科目.{code}', type: TXT, desc: '五（三）某一项级科目决算数与年初预算数差异的主要原因，如 `原因.科目.2010350`' },
  { path: '原因.政府性基金', type: TXT, desc: '七、政府性基金预算财政拨款支出增减的主要原因，或无此项支出的原因' },
  { path: '原因.国有资本经营', type: TXT, desc: '八、国有资本经营预算财政拨款支出增减的主要原因，或无此项支出的原因' },
  ...SANGONG_KEYS.filter((k) => k !== '公务用车购置费' && k !== '公务用车运行维护费').map((k) => ({
    path: `原因.三公经费.${k}`,
    type: TXT,
    desc: `九、“三公”经费${k === '合计' ? '总体' : k.replace('境', '（境）')}决算数与预算数、上年数差异的主要原因（为零时说明为何没有支出）`,
  })),
  { path: '原因.机关运行经费', type: TXT, desc: '十、机关运行经费增减的主要原因' },

  { path: '用途.类.{code}', type: TXT, desc: '五（二）某一类支出“主要用于……”的内容，如 `用途.类.201`' },
  { path: '用途.公务用车运行维护费', type: TXT, desc: '九、公务用车运行维护费“主要用于……”的内容' },
  { path: '用途.公务接待费', type: TXT, desc: '九、公务接待费“主要用于……”的内容' },

  { path: '重点项目.{n}.名称', type: TXT, desc: '五（三）项目支出主要用于的项目名称' },
  { path: '重点项目.{n}.金额', type: AMT, desc: '该项目支出金额（万元）' },
  { path: '重点项目.{n}.成效', type: TXT, desc: '该项目的主要成效' },

  { path: '三公经费.出国团组数', type: CNT, desc: '全年因公出国（境）团组个数' },
  { path: '三公经费.出国人次', type: CNT, desc: '全年因公出国（境）累计人次' },
  { path: '三公经费.购置车辆数', type: CNT, desc: '本年度购置（更新）公务用车辆数' },
  { path: '三公经费.公务用车保有量', type: CNT, desc: '年末开支财政拨款的公务用车保有量（辆）' },
  { path: '三公经费.外宾接待费', type: AMT, desc: '公务接待费中外宾接待支出（万元）' },
  { path: '三公经费.外宾接待团组数', type: CNT, desc: '外宾接待团组个数' },
  { path: '三公经费.外宾接待人次', type: CNT, desc: '外宾接待人次' },
  { path: '三公经费.国内接待费', type: AMT, desc: '公务接待费中国内公务接待支出（万元）' },
  { path: '三公经费.国内接待团组数', type: CNT, desc: '国内公务接待团组个数' },
  { path: '三公经费.国内接待人次', type: CNT, desc: '国内公务接待人次（不包括陪同人员）' },

  { path: '机关运行经费.金额', type: AMT, desc: '十、本年度机关运行经费支出（万元）' },
  { path: '机关运行经费.说明', type: TXT, desc: '十、整段替换的说明文字（例如事业单位无机关运行经费时）；填写后不再生成标准句' },

  { path: '政府采购.总额', type: AMT, desc: '十一、政府采购支出总额（万元）' },
  { path: '政府采购.货物', type: AMT, desc: '政府采购货物支出' },
  { path: '政府采购.工程', type: AMT, desc: '政府采购工程支出' },
  { path: '政府采购.服务', type: AMT, desc: '政府采购服务支出' },
  { path: '政府采购.中小企业合同金额', type: AMT, desc: '授予中小企业合同金额' },
  { path: '政府采购.小微企业合同金额', type: AMT, desc: '其中授予小微企业合同金额' },
  { path: '政府采购.货物中小企业合同金额', type: AMT, desc: '货物采购授予中小企业合同金额' },
  { path: '政府采购.工程中小企业合同金额', type: AMT, desc: '工程采购授予中小企业合同金额' },
  { path: '政府采购.服务中小企业合同金额', type: AMT, desc: '服务采购授予中小企业合同金额' },

  { path: '国有资产.车辆总数', type: CNT, desc: '十二、年末共有车辆（辆）' },
  ...VEHICLE_KINDS.map((k) => ({ path: `国有资产.车辆.${k}`, type: CNT, desc: `其中${k}` })),
  { path: '国有资产.其他用车说明', type: TXT, desc: '其他用车主要是什么车，如“办公用车”' },
  ...EQUIPMENT_LIMITS.map((k) => ({ path: `国有资产.${k}`, type: CNT, desc: `${k.replace(/(\d+)万元/, ' $1 万元')}（台、套）${k === '单位价值100万元以上设备' ? '，不分通用/专用时填写' : ''}` })),
  { path: '绩效.管理工作开展情况', type: TXT, desc: '十三（一）预算绩效管理工作开展情况（整段文字，可省略，省略时按下面的数字生成标准句）' },
  { path: '绩效.自评项目数', type: CNT, desc: '开展绩效自评的项目个数' },
  { path: '绩效.自评项目资金', type: AMT, desc: '自评项目涉及资金（万元）；说明中的占比按公开05表项目支出合计自动计算' },
  { path: '绩效.部门整体自评结果', type: TXT, desc: '十三（二）部门整体支出绩效自评结果（整段文字）' },
  { path: '绩效.项目.{n}.名称', type: TXT, desc: '十三（三）项目名称' },
  { path: '绩效.项目.{n}.全年预算数', type: AMT, desc: '项目全年预算数（万元）' },
  { path: '绩效.项目.{n}.执行数', type: AMT, desc: '项目执行数（万元）' },
  { path: '绩效.项目.{n}.自评综述', type: TXT, desc: '项目绩效自评综述（整段文字）' },
  { path: '绩效.结果应用', type: TXT, desc: '十三（四）绩效自评结果应用情况' },

  { path: '名词解释.{n}.名词', type: TXT, desc: '补充的名词（追加在标准名词解释之后）' },
  { path: '名词解释.{n}.解释', type: TXT, desc: '该名词的解释' },
];

export interface NarrativeSettings {
  amountDecimals: number;
  shareDecimals: number;
  classShareDecimals: number;
  changeDecimals: number;
  rateDecimals: number;
}

export const DEFAULT_SETTINGS: NarrativeSettings = {
  amountDecimals: 2,
  shareDecimals: 1,
  classShareDecimals: 1,
  changeDecimals: 1,
  rateDecimals: 1,
};

export type ParamValue =
  | { type: 'text'; text: string }
  | { type: 'amount'; figure: Figure }
  | { type: 'count' | 'year' | 'decimals'; n: number };

/** One problem in a params source, with where it is (`参数!B7` or a JSON key path). */
export interface ParamProblem {
  path: string;
  where: string;
  message: string;
}

/** Validated parameters: values by key path, plus the settings with their defaults applied. */
export class NarrativeParams {
  readonly settings: NarrativeSettings;

  constructor(readonly values: ReadonlyMap<string, ParamValue> = new Map()) {
    const d = (p: string, dflt: number): number => this.num(p) ?? dflt;
    const share = d('设置.结构占比小数位', DEFAULT_SETTINGS.shareDecimals);
    this.settings = {
      amountDecimals: d('设置.金额小数位', DEFAULT_SETTINGS.amountDecimals),
      shareDecimals: share,
      classShareDecimals: d('设置.类占比小数位', share),
      changeDecimals: d('设置.增减率小数位', DEFAULT_SETTINGS.changeDecimals),
      rateDecimals: d('设置.完成率小数位', DEFAULT_SETTINGS.rateDecimals),
    };
  }

  has(path: string): boolean {
    return this.values.has(path);
  }

  text(path: string): string | undefined {
    const v = this.values.get(path);
    return v?.type === 'text' ? v.text : undefined;
  }

  amount(path: string): Figure | undefined {
    const v = this.values.get(path);
    return v?.type === 'amount' ? v.figure : undefined;
  }

  num(path: string): number | undefined {
    const v = this.values.get(path);
    return v && (v.type === 'count' || v.type === 'year' || v.type === 'decimals') ? v.n : undefined;
  }

  /** Indices present under a list prefix such as `重点项目` (sorted). */
  indices(prefix: string): number[] {
    const out = new Set<number>();
    const re = new RegExp(`^${escapeRe(prefix)}\\.(\\d+)\\.`);
    for (const k of this.values.keys()) {
      const m = re.exec(k);
      if (m) out.add(Number(m[1]));
    }
    return [...out].sort((a, b) => a - b);
  }

  /** Codes present under a map prefix such as `年初预算.科目`. */
  codes(prefix: string): string[] {
    const out: string[] = [];
    for (const k of this.values.keys()) if (k.startsWith(prefix + '.')) out.push(k.slice(prefix.length + 1));
    return out.sort();
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledField {
  field: ParamField;
  re: RegExp;
}

const COMPILED: CompiledField[] = PARAM_FIELDS.map((field) => ({
  field,
  re: new RegExp(
    '^' +
      escapeRe(field.path)
        .replace(escapeRe('{code}'), '(\\d{3}|\\d{5}|\\d{7})')
        .replace(escapeRe('{n}'), '([1-9]\\d{0,2})') +
      '$',
  ),
}));

/** The schema entry a key path belongs to, if any. */
export function fieldOf(path: string): ParamField | undefined {
  return COMPILED.find((c) => c.re.test(path))?.field;
}

/** Normalises a key as people type it: full-width dots and spaces, `因公出国(境)费` spelling. */
export function normalizeParamPath(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[。．・·]/g, '.')
    .replace(/[（(]境[)）]/g, '境')
    .replace(/[（]/g, '（')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** Parses one raw value for a field; a string message when it cannot be used. */
export function parseParamValue(field: ParamField, raw: unknown, cell?: GridCell): ParamValue | string {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return '值为空';
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return '应为文字';
      const text = String(raw).replace(/\r\n?/g, '\n').trim();
      if (text.length > 20000) return '文字过长（超过 20000 字）';
      return { type: 'text', text };
    }
    case 'amount': {
      let parsed;
      if (cell && typeof raw === 'number') parsed = parseAmount(cell);
      else if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return '不是有效金额';
        parsed = parseAmountText(String(raw));
      } else if (typeof raw === 'string') parsed = parseAmountText(raw);
      else return '应为金额（万元），如 "174.25"';
      if (parsed.kind === 'invalid') return `${parsed.reason}（应为金额，单位万元）`;
      if (parsed.kind === 'blank') return { type: 'amount', figure: { value: new D(0), decimals: 2 } };
      if (parsed.unit === '元') return '金额请以万元填写（不要写“元”）';
      // Like a 万元 table cell, `150` stands for 150.00: the convention is two decimals.
      return { type: 'amount', figure: { value: parsed.figure.value, decimals: Math.max(parsed.figure.decimals, 2) } };
    }
    case 'count':
    case 'year':
    case 'decimals': {
      const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.normalize('NFKC').trim().replace(/(个|辆|台|套|台（套）|人次|人|年|位)$/, '') : '';
      if (!/^\d+$/.test(s)) return field.type === 'year' ? '应为四位年度，如 2024' : '应为非负整数';
      const n = Number(s);
      if (field.type === 'year' && (n < 1990 || n > 2100)) return '应为四位年度，如 2024';
      if (field.type === 'decimals' && n > 4) return '小数位应为 0–4';
      if (n > 1e9) return '数值过大';
      return { type: field.type, n };
    }
  }
}

export interface ParamsResult {
  params: NarrativeParams;
  problems: ParamProblem[];
}

/** Entries (path, value, where) → validated params; every problem is collected, none thrown. */
export function paramsFromEntries(entries: Iterable<{ path: string; value: unknown; where: string; keyWhere?: string; cell?: GridCell }>): ParamsResult {
  const values = new Map<string, ParamValue>();
  const problems: ParamProblem[] = [];
  const seenAt = new Map<string, string>();
  for (const e of entries) {
    const path = normalizeParamPath(e.path);
    if (path === '' || path.startsWith('_') || path.startsWith('//') || path.startsWith('#')) continue;
    const field = fieldOf(path);
    if (!field) {
      problems.push({ path, where: e.keyWhere ?? e.where, message: `未知参数“${path}”${suggest(path)}` });
      continue;
    }
    if (seenAt.has(path)) {
      problems.push({ path, where: e.where, message: `参数“${path}”重复（已在 ${seenAt.get(path)} 填写）` });
      continue;
    }
    const v = parseParamValue(field, e.value, e.cell);
    if (typeof v === 'string') {
      if (v === '值为空') continue; // an empty row of the sheet template: simply not given
      problems.push({ path, where: e.where, message: `参数“${path}”：${v}` });
      continue;
    }
    seenAt.set(path, e.where);
    values.set(path, v);
  }
  return { params: new NarrativeParams(values), problems };
}

function suggest(path: string): string {
  const head = path.split('.')[0];
  const same = PARAM_FIELDS.filter((f) => f.path.split('.')[0] === head).map((f) => f.path);
  if (same.length === 0) return '（可用参数见 docs/narrative-params.md）';
  return `（“${head}”下可用：${same.slice(0, 6).join('、')}${same.length > 6 ? ' 等' : ''}）`;
}

/** Flattens a parsed JSON object into key paths; arrays index from 1. */
export function flattenJson(obj: unknown, prefix = '', out: { path: string; value: unknown; where: string }[] = [], depth = 0): { path: string; value: unknown; where: string }[] {
  if (depth > 8) {
    out.push({ path: prefix, value: obj, where: prefix });
    return out;
  }
  if (Array.isArray(obj)) {
    obj.forEach((v, i) => flattenJson(v, prefix ? `${prefix}.${i + 1}` : String(i + 1), out, depth + 1));
  } else if (obj !== null && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const nk = normalizeParamPath(k);
      if (nk.startsWith('_') || nk.startsWith('//') || nk === '$schema') continue;
      flattenJson(v, prefix ? `${prefix}.${nk}` : nk, out, depth + 1);
    }
  } else {
    out.push({ path: prefix, value: obj, where: prefix });
  }
  return out;
}

/** Validates a parsed JSON value as params. */
export function paramsFromJson(json: unknown): ParamsResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { params: new NarrativeParams(), problems: [{ path: '', where: '', message: '参数文件的最外层应为一个对象 { … }' }] };
  }
  return paramsFromEntries(flattenJson(json));
}

/**
 * Reads a `参数` sheet: each row whose first non-empty cell is a known key path (or a comment)
 * gives the value in the next non-empty cell to its right. A header row (参数/值/说明) and
 * rows starting with `#` are skipped.
 */
export function paramsFromSheet(sheet: Sheet): ParamsResult {
  const entries: { path: string; value: unknown; where: string; keyWhere: string; cell?: GridCell }[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    let c = 0;
    while (c < row.length && cellText(row[c]).trim() === '') c++;
    if (c >= row.length) return;
    const key = normalizeParamPath(cellText(row[c]));
    if (/^(参数|参数名|键|路径|项目)$/.test(key) || key.startsWith('#') || key.startsWith('_') || key.startsWith('//')) return;
    const v = c + 1;
    const cell = row[v];
    const value: CellValue | undefined = cell?.value;
    if (value !== undefined && value !== null && isCellError(value)) {
      entries.push({ path: key, value: `#${value.error}`, where: `${sheet.name}!${cellAddress(r, v)}`, keyWhere: `${sheet.name}!${cellAddress(r, c)}` });
      return;
    }
    entries.push({ path: key, value: value ?? null, where: `${sheet.name}!${cellAddress(r, v)}`, keyWhere: `${sheet.name}!${cellAddress(r, c)}`, cell });
  });
  return paramsFromEntries(entries);
}

/**
 * Rows of a blank `参数` sheet (header, then one row per parameter with its meaning), for the
 * 决算 template: list paths are shown with index 1 and code paths with an example code.
 */
export function paramsSheetRows(): string[][] {
  const rows: string[][] = [['参数', '值', '说明']];
  for (const f of PARAM_FIELDS) {
    const path = f.path.replace('{n}', '1').replace('{code}', f.path.startsWith('用途.类') ? '201' : '2010350');
    rows.push([path, '', f.desc.replace(/`/g, '')]);
  }
  return rows;
}
