/**
 * The subjects each section of a 说明 talks about: the fixed ones of vocabulary.ts, plus those
 * that come from the tables (类 rows of 公开05/07/08, 经济科目 of 公开06), from the 分类科目
 * lists when there are no tables (check-text), from the 三公 items and from the params
 * (重点项目 names). A subject knows the table cell, parameter, prior-year and budget figure it
 * is judged against; the matcher finds its terms in a sentence.
 */
import { ECONOMIC_CLASSES, FUNCTIONAL_CLASSES, functionalClassByName, lookupSubject, subjectByName, subjectName } from '../codes';
import { SANGONG_ITEMS } from '../codes/disclosure';
import { TableSet } from '../model';
import { FactName, Facts, FactSpec, sangongCell, tableLabel } from './facts';
import { NarrativeParams } from './params';
import { normalizeText } from './text';
import { ITEM_TABLES, SANGONG_SHARE, SANGONG_TERMS, STATIC_SUBJECTS, SectionId, ShareDef } from './vocabulary';

export interface Subject {
  id: string;
  name: string;
  terms: readonly string[];
  /** Table cells an amount must match (收、支总计: both totals); empty without tables. */
  specs: readonly FactSpec[];
  /** Cells offices write under this name although they are another line (a wording 提示). */
  loose?: readonly FactSpec[];
  /** Parameter giving the figure when no table holds it. */
  param?: string;
  prior?: string;
  budget?: { initial?: string; full?: string; table?: FactSpec };
  shares?: readonly ShareDef[];
  count?: boolean;
  /** 公开06 basic-expenditure item the (三公) figure may not be below. */
  economic?: string;
  /** A pair stated together, 收、支总计各是 X、Y: the subjects of X and of Y. */
  pair?: readonly [string, string];
  /**
   * An economic class named inside 基本支出 or 项目支出 (工资福利支出716052.51元，占基本支出81.25%):
   * the subject it is, by the spending it is part of.
   */
  within?: Readonly<Record<'一般公共预算基本支出' | '一般公共预算项目支出', Subject>>;
}

export interface SectionLexicon {
  subjects: Subject[];
  byTerm: Map<string, Subject>;
  re?: RegExp;
}

const PAIRS: Record<string, [string, string]> = {
  收支总计: ['收入总计', '支出总计'],
  财政拨款收支总计: ['财政拨款收入总计', '财政拨款支出总计'],
};

const GENERAL_DEN = /^(一般公共预算)?(财政拨款)?(支出)?(合计|总额|总计)?$/;

/** Subjects by section, built once per check from the tables (if any), the codes and the params. */
export class Lexicon {
  private cache = new Map<SectionId, SectionLexicon>();
  private byId = new Map<string, Subject>();
  readonly f?: Facts;

  constructor(
    readonly tables: TableSet | undefined,
    readonly p: NarrativeParams,
  ) {
    this.f = tables ? new Facts(tables) : undefined;
  }

  /** A subject by id, whatever section defined it (pairs, share denominators). */
  subject(id: string): Subject | undefined {
    if (!this.byId.size) for (const s of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', 'none'] as SectionId[]) this.section(s);
    return this.byId.get(id);
  }

  section(section: SectionId): SectionLexicon {
    const hit = this.cache.get(section);
    if (hit) return hit;
    const subjects: Subject[] = STATIC_SUBJECTS.filter((s) => s.sections.includes(section)).map((s) => this.fromDef(s));
    if (section === '五') subjects.push(...this.classSubjects('决算05', '1', true), ...this.projectSubjects(), ...this.economicClassSubjects());
    if (section === '六') subjects.push(...this.economicSubjects());
    if (section === '七' && this.f) subjects.push(...this.classSubjects('决算07', '3', false));
    if (section === '八' && this.f) subjects.push(...this.classSubjects('决算08', '1', false));
    if (section === '九' || section === 'none') subjects.push(...this.sangongSubjects());
    if (section === '十三') subjects.push(...this.performanceSubjects());
    const byTerm = new Map<string, Subject>();
    for (const s of subjects) {
      for (const t of s.terms) if (!byTerm.has(t)) byTerm.set(t, s);
      for (const v of [s, ...Object.values(s.within ?? {})]) if (!this.byId.has(v.id)) this.byId.set(v.id, v);
    }
    const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length);
    const lex = { subjects, byTerm, re: terms.length ? new RegExp(terms.map(escapeRe).join('|'), 'g') : undefined };
    this.cache.set(section, lex);
    return lex;
  }

  private fromDef(d: (typeof STATIC_SUBJECTS)[number]): Subject {
    const specsOf = (names: readonly FactName[] | undefined): FactSpec[] => (this.f ? (names ?? []).map((n) => this.f!.spec(n)).filter((x): x is FactSpec => !!x) : []);
    const specs = specsOf(d.facts);
    return { id: d.id, name: d.terms[0], terms: d.terms, specs, loose: specsOf(d.loose), param: d.param, prior: d.prior, budget: d.budget, shares: d.shares, count: d.count, pair: PAIRS[d.id] };
  }

  /** 类 of a code table (05/07/08); without tables, every 类 of the 分类科目 (section 五 only). */
  private classSubjects(table: string, col: string, general: boolean): Subject[] {
    const rows = this.f?.has(table) ? this.f.codedRows(table, 3) : undefined;
    const classes = rows ? rows.map((r) => ({ code: r.key, names: [r.name, subjectName(r.key, 'functional')] })) : FUNCTIONAL_CLASSES.map((c) => ({ code: c.code, names: [c.name, ...(c.aliases ?? [])] }));
    const ids = classes.map((c) => `类:${table}:${c.code}`);
    return classes.map((c, i) => {
      const names = new Set<string>();
      for (const n of [...c.names, ...(lookupSubject(c.code, 'functional')?.aliases ?? [])]) {
        if (!n) continue;
        const k = normalizeText(n).replace(/^[一二三四五六七八九十]+、/, '');
        if (k.length < 2) continue;
        names.add(k);
        const base = k.replace(/支出$/, '');
        names.add(`${base}(类)`);
        if (base !== k) names.add(`${base}类`);
      }
      const spec = rows ? cellSpec(table, c.code, col, rows[i].name) : undefined;
      return {
        id: ids[i],
        name: normalizeText(c.names[0] ?? c.code),
        terms: [...names],
        specs: spec ? [spec] : [],
        budget: general ? { initial: `年初预算.科目.${c.code}`, full: `全年预算.科目.${c.code}` } : undefined,
        shares: general ? [{ re: GENERAL_DEN, den: '一般公共预算财政拨款支出', group: rows ? ids : undefined }] : undefined,
      };
    });
  }

  private economicSubjects(): Subject[] {
    const t = this.tables?.get('决算06');
    if (!t) return [];
    const out: Subject[] = [];
    for (const r of t.rows) {
      if (!/^\d{3}(\d{2})?$/.test(r.key) || !r.cells.amount) continue;
      const names = new Set<string>();
      for (const n of [r.name, subjectName(r.key, 'economic')]) {
        const k = n ? normalizeText(n) : '';
        if (k.length >= 2) names.add(k);
      }
      out.push({ id: `经济:${r.key}`, name: normalizeText(r.name), terms: [...names], specs: [cellSpec('决算06', r.key, 'amount', r.name)] });
    }
    return out;
  }

  /**
   * 工资福利支出, 商品和服务支出 … named in 五 as parts of 基本支出 or 项目支出. Part of 基本支出 they
   * are 公开06 rows; part of 项目支出 no table splits them (their shares and changes are judged
   * on the text's own figures). Naming one also ends the 基本支出 / 项目支出 the sentence was about.
   */
  private economicClassSubjects(): Subject[] {
    const parents = ['一般公共预算基本支出', '一般公共预算项目支出'] as const;
    const dens = { 一般公共预算基本支出: /^(一般公共预算)?(财政拨款)?基本支出(预算)?(合计|总额)?$/, 一般公共预算项目支出: /^(一般公共预算)?(财政拨款)?项目支出(预算)?(合计|总额)?$/ };
    const idOf = (code: string, parent: string) => `经济:${code}@${parent}`;
    return ECONOMIC_CLASSES.filter((c) => c.code !== '399').map((c) => {
      const terms = [normalizeText(c.name)];
      const variant = (parent: (typeof parents)[number]): Subject => ({
        id: idOf(c.code, parent),
        name: `${normalizeText(c.name)}（${parent.replace('一般公共预算', '')}）`,
        terms,
        specs: parent === '一般公共预算基本支出' && this.tables?.cell('决算06', c.code, 'amount') ? [cellSpec('决算06', c.code, 'amount', c.name)] : [],
        shares: [{ re: dens[parent], den: parent, group: ECONOMIC_CLASSES.filter((x) => x.code !== '399').map((x) => idOf(x.code, parent)) }],
      });
      const within = { 一般公共预算基本支出: variant('一般公共预算基本支出'), 一般公共预算项目支出: variant('一般公共预算项目支出') };
      return { ...within.一般公共预算基本支出, within };
    });
  }

  private sangongSubjects(): Subject[] {
    const has09 = !!this.f?.has('决算09');
    return SANGONG_ITEMS.map((item) => ({
      id: `三公:${item.key}`,
      name: item.name,
      terms: SANGONG_TERMS[item.key],
      specs: has09 ? [sangongCell(item, 'actual')] : [],
      budget: { table: has09 ? sangongCell(item, 'budget') : undefined, initial: `年初预算.三公经费.${item.key}` },
      prior: `上年.三公经费.${item.key}`,
      shares: item.key === '合计' ? undefined : [SANGONG_SHARE],
      economic: item.economic,
    }));
  }

  /** 重点项目 named in the params: “项目名称 X万元” in 五（三）. */
  private projectSubjects(): Subject[] {
    return this.p.indices('重点项目').flatMap((n) => {
      const name = this.p.text(`重点项目.${n}.名称`);
      const k = name ? normalizeText(name) : '';
      return k.length >= 2 ? [{ id: `项目:${n}`, name: k, terms: [k], specs: [], param: `重点项目.${n}.金额` }] : [];
    });
  }

  /** 绩效 projects named in the params: “项目全年预算数为X万元，执行数为Y万元” in 十三（三）. */
  private performanceSubjects(): Subject[] {
    return this.p.indices('绩效.项目').flatMap((n) => {
      const name = this.p.text(`绩效.项目.${n}.名称`);
      const k = name ? normalizeText(name).replace(/项目$/, '') : '';
      const path = `绩效.项目.${n}`;
      return k.length >= 2 ? [{ id: `绩效项目:${n}`, name: k, terms: [k], specs: [], param: `${path}.执行数`, budget: { full: `${path}.全年预算数` } }] : [];
    });
  }

  /**
   * …（类）…（款）…（项） → the subject of that 项: the code found by name along the hierarchy
   * (older names of a renamed 款 included), then its row when there are tables — in 公开05, or in
   * the fund's own table where the 说明 describes 政府性基金 (七: 公开07 本年支出) or 国有资本经营
   * (八: 公开08 本年支出) spending.
   */
  item(cls: string, kuan: string, xiang: string, section: SectionId = '五'): Subject {
    const { table, col } = ITEM_TABLES[section] ?? ITEM_TABLES.五!;
    const name = `${normalizeText(cls)}(类)${normalizeText(kuan)}(款)${normalizeText(xiang)}(项)`;
    const code = this.itemCode(cls, kuan, xiang, table);
    const base = { name, terms: [] as string[] };
    if (!code) return { ...base, id: `项:?${normalizeText(cls + kuan + xiang)}`, specs: [] };
    const budget = { initial: `年初预算.科目.${code}`, full: `全年预算.科目.${code}` };
    if (!this.f) return { ...base, id: `项:${code}`, specs: [], budget };
    if (!this.f.has(table)) return { ...base, id: `项:${code}`, specs: [], budget };
    const row = this.tables!.row(table, code);
    if (!row) return { ...base, id: `项:?${code}`, specs: [] };
    return { ...base, id: `项:${code}`, specs: [cellSpec(table, code, col, row.name)], budget };
  }

  private itemCode(cls: string, kuan: string, xiang: string, table: string): string | undefined {
    const clsKey = normalizeText(cls).replace(/^.*[、.]/, '');
    const rows = this.f?.codedRows(table) ?? [];
    // By the 分类科目 names (and older names), then by the table's own row names (OCR-damaged names).
    const classCodes = new Set<string>();
    const official = functionalClassByName(clsKey) ?? functionalClassByName(clsKey.replace(/支出$/, '') + '支出');
    if (official) classCodes.add(official.code);
    for (const r of rows) if (r.key.length === 3 && nameKey(clsKey).endsWith(nameKey(r.name))) classCodes.add(r.key);
    for (const c of classCodes) {
      const k = subjectByName(kuan, 'functional', c) ?? subjectByName(kuan + '支出', 'functional', c);
      const kuanCodes = new Set<string>(k && k.code.length === 5 ? [k.code] : []);
      for (const r of rows) if (r.key.length === 5 && r.key.startsWith(c) && nameKey(r.name) === nameKey(kuan)) kuanCodes.add(r.key);
      for (const kc of kuanCodes) {
        const x = subjectByName(xiang, 'functional', kc);
        if (x && x.code.length === 7) return x.code;
        const row = rows.find((r) => r.key.length === 7 && r.key.startsWith(kc) && nameKey(r.name) === nameKey(xiang));
        if (row) return row.key;
      }
    }
    return undefined;
  }
}

function nameKey(s: string): string {
  return normalizeText(s).replace(/支出$/, '');
}

export function cellSpec(table: string, row: string, col: string, name: string): FactSpec {
  return { table, row, col, label: `${tableLabel(table)} ${row} ${normalizeText(name)}` };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
