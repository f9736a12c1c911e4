/**
 * Generates the 决算情况说明 (sections 一 … 十三 and 名词解释) from recognised tables and the
 * params (DOMAIN §8). Every figure comes from a table cell (facts.ts) or a parameter; a
 * missing input becomes a visible placeholder, never an invented figure or reason.
 * Wording lives in patterns.ts.
 */
import Decimal from 'decimal.js';
import { D, Figure, ZERO, formatAmount, roundHalfUp } from '../money';
import { subjectName } from '../codes';
import { TableRow, TableSet } from '../model';
import { describeChange, sharesOf } from '../phrases';
import { FACT_CELLS, Facts, FactName, sangongCell, tableLabel } from './facts';
import { SANGONG_ITEMS, SangongItem } from '../codes/disclosure';
import { Block, Inline, NarrativeDoc, SlotValue, chineseNumber, fill, joinInline, merge, ph } from './doc';
import { NarrativeParams } from './params';
import { CHANGE, GLOSSARY, GLOSSARY_EXTRA, GLOSSARY_SUBJECT, HEADINGS, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12, S13, SUBJECT_EXPLANATIONS } from './patterns';

/** Name as published: full-width parentheses, no stray spaces. */
export function publishName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^[一二三四五六七八九十]+、/, '');
}

interface ChangeSpec {
  /** Subject as written in the sentence, e.g. 收、支总计. */
  subject: string;
  current: Figure | undefined;
  priorPath: string;
  noun: '收支' | '收入' | '支出';
  pair?: boolean;
  /** Reason parameters, first given wins; `false`: this sentence needs no reason clause. */
  reasons: string[] | false;
  reasonWhat?: string;
}

type ChangeKind = 'increase' | 'decrease' | 'flat' | 'new' | 'unknown';

class Generator {
  readonly f: Facts;
  readonly s: NarrativeParams['settings'];
  readonly year: SlotValue;
  readonly prior: SlotValue;
  readonly yearNumber?: number;
  readonly unit: SlotValue;

  constructor(
    tables: TableSet,
    readonly p: NarrativeParams,
  ) {
    this.f = new Facts(tables);
    this.s = p.settings;
    const y = p.num('年度') ?? tables.tables.find((t) => t.year !== undefined)?.year;
    this.yearNumber = y;
    this.year = y !== undefined ? String(y) : ph('决算年度（参数“年度”）');
    this.prior = y !== undefined ? String(y - 1) : ph('上一年度（参数“年度”）');
    this.unit = p.text('单位名称') ?? ph('单位名称（参数“单位名称”）');
  }

  amt(v: Figure | Decimal): string {
    return formatAmount(D.isDecimal(v) ? (v as Decimal) : (v as Figure).value, this.s.amountDecimals);
  }

  /** The figure of a fact as text, or a placeholder saying which table was not recognised. */
  factText(name: FactName): SlotValue {
    const v = this.f.get(name);
    if (v) return this.amt(v);
    const tables = [...new Set(FACT_CELLS[name].map((a) => tableLabel(a.table)))].join('或');
    return ph(`${name}（未识别到${tables}，请核对表格）`);
  }

  pct(v: Decimal, decimals: number): string {
    return v.toFixed(decimals);
  }

  share(part: Figure, total: Figure, decimals: number): string {
    return this.pct(sharesOf([part.value], total.value, decimals)[0], decimals);
  }

  reason(paths: string[], what: string): SlotValue {
    for (const path of paths) {
      const t = this.p.text(path);
      if (t) return stripEndPunct(t);
    }
    return ph(`${what}（参数“${paths[0]}”）`);
  }

  /** 与上年相比… sentence; returns the inline parts and the kind of change. */
  change(c: ChangeSpec): { parts: Inline[]; kind: ChangeKind } {
    if (!c.current) return { parts: [], kind: 'unknown' };
    const prior = this.p.amount(c.priorPath);
    const base = { 上年: this.prior, 主语: c.subject, 各: c.pair ? '各' : '' };
    const reasonClause = (): Inline[] =>
      c.reasons === false ? fill(CHANGE.end, {}) : fill(CHANGE.reason, { 原因: this.reason(c.reasons, c.reasonWhat ?? `${c.subject}增减的主要原因`) });
    if (!prior) {
      const tail = fill(CHANGE.unknown, { 占位: ph(`上年${c.subject}决算数（参数“${c.priorPath}”），填写后自动计算增减额和增减率`) });
      return { parts: merge([...fill(CHANGE.sentence, { ...base, 变化: tail }), ...reasonClause()]), kind: 'unknown' };
    }
    const ch = describeChange(c.current.value, prior.value, { amountDecimals: this.s.amountDecimals, percentDecimals: this.s.changeDecimals });
    let tail: Inline[];
    switch (ch.kind) {
      case 'flat':
        tail = fill(CHANGE.flat, {});
        return { parts: merge([...fill(CHANGE.sentence, { ...base, 各: '', 变化: tail }), ...fill(CHANGE.end, {})]), kind: 'flat' };
      case 'new':
        tail = fill(c.current.value.isNeg() ? CHANGE.newDecrease : CHANGE.new, { 金额: this.amt(ch.amount), 上年: this.prior, 收支: c.noun });
        break;
      case 'increase':
        tail = fill(CHANGE.increase, { 金额: this.amt(ch.amount), 百分比: ch.percent!.toFixed(this.s.changeDecimals) });
        break;
      case 'decrease':
        tail = fill(CHANGE.decrease, { 金额: this.amt(ch.amount), 百分比: ch.percent!.toFixed(this.s.changeDecimals) });
        break;
    }
    return { parts: merge([...fill(CHANGE.sentence, { ...base, 变化: tail }), ...reasonClause()]), kind: ch.kind };
  }

  para(...parts: Inline[][]): Block {
    return { kind: 'para', parts: merge(parts.flat()) };
  }

  // 一 收入支出决算总体情况
  s1(): Block[] {
    const inc = this.f.get('收入总计');
    const exp = this.f.get('支出总计');
    const first =
      inc && exp && !inc.value.eq(exp.value)
        ? fill(S1.totalDiffer, { 年度: this.year, 收入总计: this.amt(inc), 支出总计: this.amt(exp) })
        : fill(S1.total, { 年度: this.year, 总计: inc ? this.amt(inc) : this.factText('收入总计') });
    const out: Inline[][] = [first];
    const extrasIn: [FactName, string][] = [
      ['使用非财政拨款结余', '使用非财政拨款结余'],
      ['年初结转和结余', '年初结转和结余'],
    ];
    const extrasOut: [FactName, string][] = [
      ['结余分配', '结余分配'],
      ['年末结转和结余', '年末结转和结余'],
    ];
    const nz = (n: FactName): boolean => !!this.f.get(n) && !this.f.get(n)!.value.isZero();
    if ([...extrasIn, ...extrasOut].some(([n]) => nz(n))) {
      const part = (list: [FactName, string][]): Inline[] =>
        merge(list.filter(([n]) => nz(n)).flatMap(([n, label]) => fill(S1.part, { 名称: label, 金额: this.amt(this.f.get(n)!) })));
      out.push(
        fill(S1.composition, {
          本年收入合计: this.factText('本年收入合计'),
          其他收入项: part(extrasIn),
          本年支出合计: this.factText('本年支出合计'),
          其他支出项: part(extrasOut),
        }),
      );
    }
    out.push(this.change({ subject: S1.subject, current: inc, priorPath: '上年.收支总计', noun: '收支', pair: true, reasons: ['原因.收支总计'] }).parts);
    return [this.para(...out)];
  }

  /** 二 / 三: a total, its change, and its parts with shares. */
  private structure(kind: '收入' | '支出'): Block[] {
    const W = kind === '收入' ? S2 : S3;
    const totalName: FactName = kind === '收入' ? '本年收入合计' : '本年支出合计';
    const total = this.f.get(totalName);
    const parts: { name: FactName; always: boolean }[] =
      kind === '收入'
        ? [
            { name: '财政拨款收入', always: true },
            { name: '上级补助收入', always: false },
            { name: '事业收入', always: false },
            { name: '经营收入', always: false },
            { name: '附属单位上缴收入', always: false },
            { name: '其他收入', always: false },
          ]
        : [
            { name: '基本支出', always: true },
            { name: '项目支出', always: true },
            { name: '上缴上级支出', always: false },
            { name: '经营支出', always: false },
            { name: '对附属单位补助支出', always: false },
          ];
    const first = fill(W.total, { 年度: this.year, 金额: total ? this.amt(total) : this.factText(totalName) });
    const change = this.change({
      subject: W.subject,
      current: total,
      priorPath: `上年.${totalName}`,
      noun: kind,
      reasons: [kind === '收入' ? '原因.收入' : '原因.支出', '原因.收支总计'],
    }).parts;
    const out: Inline[][] = [first, change];
    if (total && total.value.isZero()) {
      out.push(fill(W.none, { 年度: this.year }));
      return [this.para(...out)];
    }
    const figs = parts.map((p) => ({ ...p, fig: this.f.get(p.name) }));
    if (total && figs.every((x) => x.fig)) {
      const shown = figs.filter((x) => x.always || !x.fig!.value.isZero());
      const allValues = figs.map((x) => x.fig!.value);
      const shares = sharesOf(allValues, total.value, this.s.shareDecimals);
      const items = shown.map((x) =>
        fill(W.part, { 名称: x.name, 金额: this.amt(x.fig!), 占比: this.pct(shares[figs.indexOf(x)], this.s.shareDecimals) }),
      );
      out.push(merge([{ text: W.partsIntro }, ...joinInline(items, W.partSep), { text: W.partsEnd }]));
    } else {
      out.push([{ text: W.partsIntro }, ph(`${kind}构成（未识别到${kind === '收入' ? '公开02表' : '公开03表'}）`), { text: W.partsEnd }]);
    }
    return [this.para(...out)];
  }

  s2(): Block[] {
    return this.structure('收入');
  }

  s3(): Block[] {
    return this.structure('支出');
  }

  // 四 财政拨款收入支出决算总体情况
  s4(): Block[] {
    const inc = this.f.get('财政拨款收入总计');
    const exp = this.f.get('财政拨款支出总计');
    const out: Inline[][] = [];
    out.push(
      inc && exp && !inc.value.eq(exp.value)
        ? fill(S4.totalDiffer, { 年度: this.year, 收入总计: this.amt(inc), 支出总计: this.amt(exp) })
        : fill(S4.total, { 年度: this.year, 总计: inc ? this.amt(inc) : this.factText('财政拨款收入总计') }),
    );
    out.push(
      this.change({ subject: S4.subject, current: inc, priorPath: '上年.财政拨款收支总计', noun: '收支', pair: true, reasons: ['原因.财政拨款'] }).parts,
    );
    const funds: [FactName, string][] = [
      ['一般公共预算财政拨款收入', '上年.一般公共预算财政拨款收入'],
      ['政府性基金预算财政拨款收入', '上年.政府性基金预算财政拨款收入'],
      ['国有资本经营预算财政拨款收入', '上年.国有资本经营预算财政拨款收入'],
    ];
    funds.forEach(([name, priorPath], i) => {
      const v = this.f.get(name);
      if (!v) return;
      const prior = this.p.amount(priorPath);
      if (i > 0 && v.value.isZero() && (!prior || prior.value.isZero())) return;
      out.push(fill(S4.fundIncome, { 年度: this.year, 名称: name, 金额: this.amt(v) }));
      if (prior || i === 0) out.push(this.change({ subject: name, current: v, priorPath, noun: '收入', reasons: false }).parts);
    });
    const b = this.f.get('年初财政拨款结转和结余');
    const e = this.f.get('年末财政拨款结转和结余');
    if ((b && !b.value.isZero()) || (e && !e.value.isZero())) {
      out.push(fill(S4.carry, { 年初: this.factText('年初财政拨款结转和结余'), 年末: this.factText('年末财政拨款结转和结余') }));
    }
    return [this.para(...out)];
  }

  /** Name of a code from the code tables (05, then 03, 02), or a placeholder. */
  codeName(code: string): SlotValue {
    for (const t of ['决算05', '决算03', '决算02', '决算07', '决算08']) {
      const r = this.f.tables.row(t, code);
      if (r && r.name.trim()) return publishName(r.name);
    }
    const official = subjectName(code, 'functional');
    return official ? publishName(official) : ph(`科目${code}的名称`);
  }

  // 五 一般公共预算财政拨款支出
  s5(): Block[] {
    const blocks: Block[] = [];
    const total = this.f.get('一般公共预算财政拨款支出');
    const yearTotal = this.f.get('本年支出合计');
    const totalText = total ? this.amt(total) : this.factText('一般公共预算财政拨款支出');
    // (一) 总体
    blocks.push(this.h2(1, HEADINGS.五一));
    const first =
      total && yearTotal && !yearTotal.value.isZero()
        ? fill(S5.overall, { 年度: this.year, 金额: totalText, 占比: this.share(total, yearTotal, this.s.shareDecimals) })
        : fill(S5.overallNoShare, { 年度: this.year, 金额: totalText });
    blocks.push(
      this.para(
        first,
        this.change({ subject: S5.subject, current: total, priorPath: '上年.一般公共预算财政拨款支出', noun: '支出', reasons: ['原因.一般公共预算财政拨款支出'] }).parts,
      ),
    );
    // (二) 结构
    blocks.push(this.h2(2, HEADINGS.五二));
    const classes = this.f.codedRows('决算05', 3).filter((r) => !fig(r, '1').value.isZero());
    if (total && classes.length > 0) {
      blocks.push(this.para(fill(S5.structureIntro, { 年度: this.year, 金额: totalText })));
      const allClasses = this.f.codedRows('决算05', 3);
      const shares = sharesOf(
        allClasses.map((r) => fig(r, '1').value),
        total.value,
        this.s.classShareDecimals,
      );
      classes.forEach((r, i) => {
        const name = publishName(r.name);
        blocks.push(
          this.para(
            fill(S5.structureItem, {
              序号: String(i + 1),
              类名: name,
              金额: this.amt(fig(r, '1')),
              占比: this.pct(shares[allClasses.indexOf(r)], this.s.classShareDecimals),
              用途: this.reason([`用途.类.${r.key}`], `${name}主要用于哪些方面`),
            }),
          ),
        );
      });
    } else if (total) {
      blocks.push(this.para(fill(S5.structureNone, { 年度: this.year })));
    } else {
      blocks.push(this.para([ph('一般公共预算财政拨款支出结构（未识别到公开05表）')]));
    }
    // (三) 具体
    blocks.push(this.h2(3, HEADINGS.五三));
    const budget = this.p.amount('年初预算.一般公共预算财政拨款支出');
    blocks.push(
      this.para(
        fill(S5.detailTotal, {
          年度: this.year,
          预算: budget ? this.amt(budget) : ph('一般公共预算财政拨款支出年初预算（参数“年初预算.一般公共预算财政拨款支出”）'),
          决算: totalText,
          完成: this.rateClause(total, budget, S5),
        }),
        fill(S5.detailSplit, { 基本: this.factText('一般公共预算基本支出'), 项目: this.factText('一般公共预算项目支出') }),
        this.projects(),
      ),
    );
    blocks.push(...this.items());
    return blocks;
  }

  rateClause(actual: Figure | undefined, budget: Figure | undefined, W: { rate: string; rateNoBudget: string; rateNone: string }): Inline[] {
    if (!actual || !budget) return fill(W.rateNone, {});
    const b = roundHalfUp(budget.value, this.s.amountDecimals);
    if (b.isZero()) return actual.value.isZero() ? fill(W.rateNone, {}) : fill(W.rateNoBudget, {});
    const rate = roundHalfUp(actual.value.div(budget.value).mul(100), this.s.rateDecimals);
    return fill(W.rate, { 完成率: rate.toFixed(this.s.rateDecimals) });
  }

  projects(): Inline[] {
    const idx = this.p.indices('重点项目');
    if (idx.length === 0) return [];
    const items = idx.map((n) => {
      const name = this.p.text(`重点项目.${n}.名称`) ?? ph(`第${n}个重点项目名称（参数“重点项目.${n}.名称”）`);
      const a = this.p.amount(`重点项目.${n}.金额`);
      const eff = this.p.text(`重点项目.${n}.成效`);
      return fill(S5.project, {
        名称: name,
        金额: a ? this.amt(a) : ph(`重点项目.${n}.金额`),
        成效: eff ? fill(S5.projectEffect, { 成效: stripEndPunct(eff) }) : '',
      });
    });
    return merge([{ text: S5.projectsIntro }, ...joinInline(items, S5.projectSep), { text: S5.projectsEnd }]);
  }

  /** 五（三）: one paragraph per 项, grouped by 类. */
  items(): Block[] {
    const rows = this.f.codedRows('决算05', 7);
    const codes = new Set<string>(rows.filter((r) => !fig(r, '1').value.isZero()).map((r) => r.key));
    for (const c of this.p.codes('年初预算.科目')) if (c.length === 7) codes.add(c);
    const byClass = new Map<string, string[]>();
    const order = [...codes].sort((a, b) => orderOf(rows, a) - orderOf(rows, b) || a.localeCompare(b));
    for (const c of order) {
      const k = c.slice(0, 3);
      if (!byClass.has(k)) byClass.set(k, []);
      byClass.get(k)!.push(c);
    }
    const blocks: Block[] = [];
    let ci = 0;
    for (const [cls, list] of byClass) {
      ci++;
      const clsName = this.codeName(cls);
      blocks.push(this.para(fill(S5.classHeading, { 序号: String(ci), 类名: clsName })));
      list.forEach((code, i) => {
        const actual = this.f.tables.has('决算05') ? this.f.tables.figure('决算05', code, '1') : undefined;
        const budget = this.p.amount(`年初预算.科目.${code}`);
        const itemName = this.codeName(code);
        const label = typeof itemName === 'string' ? itemName : code;
        let compare: Inline[];
        if (!actual) compare = [];
        else if (!budget) compare = fill(S5.unknown, { 原因: this.reason([`原因.科目.${code}`], `${label}决算数与年初预算数差异的原因`) });
        else {
          const a = roundHalfUp(actual.value, this.s.amountDecimals);
          const b = roundHalfUp(budget.value, this.s.amountDecimals);
          const cmp = a.comparedTo(b);
          compare =
            cmp === 0
              ? fill(S5.equal, {})
              : fill(cmp > 0 ? S5.more : S5.less, {
                  原因: this.reason([`原因.科目.${code}`], `${label}决算数${cmp > 0 ? '大于' : '小于'}年初预算数的主要原因`),
                });
        }
        blocks.push(
          this.para(
            fill(S5.item, {
              序号: String(i + 1),
              类名: clsName,
              款名: this.codeName(code.slice(0, 5)),
              项名: itemName,
              预算: budget ? this.amt(budget) : ph(`${label}年初预算（参数“年初预算.科目.${code}”）`),
              决算: actual ? this.amt(actual) : ph('未识别到公开05表'),
              完成: this.rateClause(actual, budget, S5),
              比较: compare,
            }),
          ),
        );
      });
    }
    return blocks;
  }

  // 六 基本支出
  s6(): Block[] {
    const basic = this.f.get('一般公共预算基本支出');
    if (basic && basic.value.isZero() && this.f.allZero('决算06')) return [this.para(fill(S6.none, { 年度: this.year }))];
    const people = this.f.get('人员经费');
    const pub = this.f.get('公用经费');
    const names = this.economicNames();
    const part = (fg: Figure | undefined, list: string[], W: string, Wz: string, what: FactName): Inline[] => {
      if (!fg) return fill(Wz, { 金额: this.factText(what) });
      if (fg.value.isZero()) return fill(Wz, { 金额: this.amt(fg) });
      return fill(W, { 金额: this.amt(fg), 名目: list.length ? list.join(S6.nameSep) : ph(`${what}的主要款级科目`) });
    };
    return [
      this.para(
        fill(S6.total, { 年度: this.year, 金额: basic ? this.amt(basic) : this.factText('一般公共预算基本支出') }),
        part(people, names.personnel, S6.personnel, S6.zeroPersonnel, '人员经费'),
        part(pub, names.public, S6.public, S6.zeroPublic, '公用经费'),
      ),
    ];
  }

  /** Names of the 经济分类 款 used (non-zero) in 公开06, split into 人员经费 and 公用经费. */
  economicNames(): { personnel: string[]; public: string[] } {
    const t = this.f.tables.get('决算06');
    const personnel: string[] = [];
    const pub: string[] = [];
    if (!t) return { personnel, public: pub };
    const rows = t.rows.filter((r) => /^\d{3}(\d{2})?$/.test(r.key) && r.cells.amount && !r.cells.amount.figure.value.isZero());
    const classesWithItems = new Set(rows.filter((r) => r.key.length === 5).map((r) => r.key.slice(0, 3)));
    for (const r of rows) {
      if (r.key.length === 3 && classesWithItems.has(r.key)) continue;
      // A name cut short by its cell (机关事业单位基本养老保险缴) is completed from the official list.
      const official = subjectName(r.key, 'economic');
      const own = publishName(r.name);
      const name = official && publishName(official).startsWith(own) ? publishName(official) : own || (official ? publishName(official) : '');
      const list = r.key.startsWith('301') || r.key.startsWith('303') ? personnel : pub;
      if (name && !list.includes(name)) list.push(name);
    }
    return { personnel, public: pub };
  }

  /** 七 / 八. */
  private fund(kind: '七' | '八'): Block[] {
    const table = kind === '七' ? '决算07' : '决算08';
    const W = kind === '七' ? S7 : S8;
    const reasonPath = kind === '七' ? '原因.政府性基金' : '原因.国有资本经营';
    if (!this.f.has(table)) return [this.para([ph(`${W.subject}情况（未识别到${kind === '七' ? '公开07表' : '公开08表'}）`)])];
    const priorPath = kind === '七' ? '上年.政府性基金预算财政拨款支出' : '上年.国有资本经营预算财政拨款支出';
    const out: Inline[][] = [];
    const spent: FactName = kind === '七' ? '政府性基金本年支出' : '国有资本经营支出';
    if (this.f.allZero(table)) {
      out.push(fill(W.none, { 年度: this.year }));
      const prior = this.p.amount(priorPath);
      if (prior && !prior.value.isZero()) out.push(this.change({ subject: W.subject, current: this.f.get(spent), priorPath, noun: '支出', reasons: [reasonPath] }).parts);
      else if (this.p.text(reasonPath)) out.push(fill(W.noneReason, { 原因: this.reason([reasonPath], '') }));
      return [this.para(...out)];
    }
    if (kind === '七') {
      out.push(
        fill(S7.summary, {
          年度: this.year,
          年初: this.factText('政府性基金年初结转和结余'),
          收入: this.factText('政府性基金本年收入'),
          支出: this.factText('政府性基金本年支出'),
          年末: this.factText('政府性基金年末结转和结余'),
        }),
        fill(S7.split, { 基本: this.factText('政府性基金基本支出'), 项目: this.factText('政府性基金项目支出') }),
      );
    } else {
      out.push(
        fill(S8.summary, {
          年度: this.year,
          支出: this.factText('国有资本经营支出'),
          基本: this.factText('国有资本经营基本支出'),
          项目: this.factText('国有资本经营项目支出'),
        }),
      );
    }
    const col = kind === '七' ? '3' : '1';
    const classes = this.f.codedRows(table, 3).filter((r) => !fig(r, col).value.isZero());
    if (classes.length) {
      const items = classes.map((r) => fill(W.classItem, { 类名: publishName(r.name), 金额: this.amt(fig(r, col)) }));
      out.push(merge([{ text: W.classesIntro }, ...joinInline(items, W.classSep), { text: W.classesEnd }]));
    }
    out.push(this.change({ subject: W.subject, current: this.f.get(spent), priorPath, noun: '支出', reasons: [reasonPath] }).parts);
    return [this.para(...out)];
  }

  s7(): Block[] {
    return this.fund('七');
  }

  s8(): Block[] {
    return this.fund('八');
  }

  // 九 三公
  sangong(item: SangongItem, which: 'budget' | 'actual'): Figure | undefined {
    return this.f.at(sangongCell(item, which));
  }

  /** The deviation / zero reason sentence for one 三公 item. */
  sangongReason(item: SangongItem, budget: Figure, actual: Figure, change: ChangeKind, label: string): Inline[] {
    const reasonPath = `原因.三公经费.${item.key}`;
    const a = roundHalfUp(actual.value, this.s.amountDecimals);
    const b = roundHalfUp(budget.value, this.s.amountDecimals);
    if (a.isZero() && b.isZero()) {
      return fill(S9.zero, { 名称: label, 原因: this.reason([reasonPath], `未发生${label}支出的原因`) });
    }
    const devs: string[] = [];
    if (!a.eq(b)) devs.push(a.gt(b) ? S9.higher : S9.lower);
    if (change === 'increase' || change === 'new') devs.push(S9.changed.replace('{变化}', '增加'));
    if (change === 'decrease') devs.push(S9.changed.replace('{变化}', '减少'));
    if (devs.length === 0) return [];
    return fill(S9.deviation, { 偏差: devs.join(S9.deviationSep), 原因: this.reason([reasonPath], `${label}决算数${devs.join(S9.deviationSep)}的主要原因`) });
  }

  s9(): Block[] {
    if (!this.f.has('决算09')) return [this.para([ph('“三公”经费支出情况（未识别到公开09表）')])];
    const blocks: Block[] = [];
    const [total, abroad, vehicle, purchase, operation, reception] = SANGONG_ITEMS;
    blocks.push(this.h2(1, HEADINGS.九一));
    const tb = this.sangong(total, 'budget')!;
    const ta = this.sangong(total, 'actual')!;
    const tc = this.change({ subject: S9.subject, current: ta, priorPath: '上年.三公经费.合计', noun: '支出', reasons: false });
    blocks.push(
      this.para(
        fill(S9.overall, { 年度: this.year, 预算: this.amt(tb), 决算: this.amt(ta), 完成: this.rateClause(ta, tb, S9) }),
        tc.parts,
        this.sangongReason(total, tb, ta, tc.kind, '“三公”经费'),
      ),
    );
    blocks.push(this.h2(2, HEADINGS.九二));
    const itemPara = (n: number, item: SangongItem, extra: Inline[][]): Block => {
      const b = this.sangong(item, 'budget')!;
      const a = this.sangong(item, 'actual')!;
      const ch = this.change({ subject: item.name, current: a, priorPath: `上年.三公经费.${item.key}`, noun: '支出', reasons: false });
      return this.para(
        fill(S9.item, { 序号: String(n), 名称: item.name, 预算: this.amt(b), 决算: this.amt(a), 完成: this.rateClause(a, b, S9) }),
        ch.parts,
        this.sangongReason(item, b, a, ch.kind, item.name),
        ...extra,
      );
    };
    const count = (path: string, zeroIf: Figure, what: string): SlotValue => {
      const n = this.p.num(path);
      if (n !== undefined) return String(n);
      if (zeroIf.value.isZero()) return '0';
      return ph(`${what}（参数“${path}”）`);
    };
    const abroadActual = this.sangong(abroad, 'actual')!;
    blocks.push(
      itemPara(1, abroad, [
        fill(S9.abroadCounts, {
          团组: count('三公经费.出国团组数', abroadActual, '出国（境）团组数'),
          人次: count('三公经费.出国人次', abroadActual, '出国（境）人次'),
        }),
      ]),
    );
    const pa = this.sangong(purchase, 'actual')!;
    const oa = this.sangong(operation, 'actual')!;
    const usage = oa.value.isZero() ? '公务用车运行维护' : this.reason(['用途.公务用车运行维护费'], '公务用车运行维护费主要用于哪些方面');
    blocks.push(
      itemPara(2, vehicle, [
        [{ text: S9.vehicleIntro }],
        fill(S9.purchase, { 金额: this.amt(pa), 辆: count('三公经费.购置车辆数', pa, '本年度购置（更新）公务用车辆数') }),
        fill(S9.operation, {
          金额: this.amt(oa),
          用途: usage,
          年度: this.year,
          保有量: this.p.num('三公经费.公务用车保有量') !== undefined ? String(this.p.num('三公经费.公务用车保有量')) : ph('年末公务用车保有量（参数“三公经费.公务用车保有量”）'),
        }),
      ]),
    );
    const ra = this.sangong(reception, 'actual')!;
    const amountParam = (path: string, what: string): SlotValue => {
      const a = this.p.amount(path);
      if (a) return this.amt(a);
      if (ra.value.isZero()) return this.amt(ZERO);
      return ph(`${what}（参数“${path}”）`);
    };
    const recExtra: Inline[][] = [
      fill(S9.receptionForeign, {
        金额: amountParam('三公经费.外宾接待费', '外宾接待支出'),
        团组: count('三公经费.外宾接待团组数', ra, '外宾接待团组数'),
        人次: count('三公经费.外宾接待人次', ra, '外宾接待人次'),
      }),
      fill(S9.receptionDomestic, {
        金额: amountParam('三公经费.国内接待费', '国内公务接待支出'),
        团组: count('三公经费.国内接待团组数', ra, '国内公务接待团组数'),
        人次: count('三公经费.国内接待人次', ra, '国内公务接待人次'),
      }),
    ];
    const ru = this.p.text('用途.公务接待费');
    if (ru) recExtra.push(fill(S9.receptionUsage, { 用途: stripEndPunct(ru) }));
    blocks.push(itemPara(3, reception, recExtra));
    blocks.push(this.sangongTable());
    return blocks;
  }

  sangongTable(): Block {
    const rows = SANGONG_ITEMS.map((item) => {
      const b = this.sangong(item, 'budget')!;
      const a = this.sangong(item, 'actual')!;
      const prior = this.p.amount(`上年.三公经费.${item.key}`);
      const bz = roundHalfUp(b.value, this.s.amountDecimals).isZero();
      const rate = bz ? S9.tableNA : `${roundHalfUp(a.value.div(b.value).mul(100), this.s.rateDecimals).toFixed(this.s.rateDecimals)}%`;
      let priorText: string = S9.tableMissing;
      let diff: string = S9.tableMissing;
      let diffPct: string = S9.tableMissing;
      if (prior) {
        const ch = describeChange(a.value, prior.value, { amountDecimals: this.s.amountDecimals, percentDecimals: this.s.changeDecimals });
        priorText = this.amt(prior);
        const sign = ch.kind === 'decrease' ? '-' : ch.kind === 'flat' ? '' : '+';
        diff = `${sign}${this.amt(ch.amount)}`;
        diffPct = ch.percent ? `${sign}${ch.percent.toFixed(this.s.changeDecimals)}%` : ch.kind === 'flat' ? `${ZERO.toFixed(this.s.changeDecimals)}%` : S9.tableNA;
      }
      return [S9.tableNames[item.key], this.amt(b), this.amt(a), rate, priorText, diff, diffPct];
    });
    return { kind: 'table', caption: fill(S9.tableCaption, { 年度: typeof this.year === 'string' ? this.year : '' }).map((p) => ('text' in p ? p.text : '')).join(''), header: S9.tableHeader, rows };
  }

  // 十 机关运行经费
  s10(): Block[] {
    const text = this.p.text('机关运行经费.说明');
    if (text) return text.split(/\n+/).map((t) => this.para([{ text: t.trim() }]));
    const amount = this.p.amount('机关运行经费.金额');
    const what = '机关运行经费支出金额（参数“机关运行经费.金额”）';
    const budget = this.p.amount('年初预算.机关运行经费');
    const out: Inline[][] = [];
    if (amount && roundHalfUp(amount.value, this.s.amountDecimals).isZero()) {
      out.push(fill(S10.zero, { 年度: this.year, 单位: this.unit, 金额: this.amt(amount), 原因: this.reason(['原因.机关运行经费'], '机关运行经费为零的原因') }));
      const prior = this.p.amount('上年.机关运行经费');
      if (prior && !roundHalfUp(prior.value, this.s.amountDecimals).isZero()) {
        out.push(this.change({ subject: S10.subject, current: amount, priorPath: '上年.机关运行经费', noun: '支出', reasons: false }).parts);
      }
      return [this.para(...out)];
    }
    out.push(
      merge([
        ...fill(S10.amount, { 年度: this.year, 单位: this.unit, 金额: amount ? this.amt(amount) : ph(what) }),
        ...(budget ? fill(S10.budget, { 预算: this.amt(budget) }) : []),
        ...fill(S10.end, {}),
      ]),
    );
    if (amount) out.push(this.change({ subject: S10.subject, current: amount, priorPath: '上年.机关运行经费', noun: '支出', reasons: ['原因.机关运行经费'] }).parts);
    return [this.para(...out)];
  }

  // 十一 政府采购
  s11(): Block[] {
    const p = this.p;
    const total = p.amount('政府采购.总额');
    if (total && total.value.isZero()) return [this.para(fill(S11.none, { 年度: this.year, 单位: this.unit }))];
    const a = (path: string, what: string): SlotValue => {
      const v = p.amount(path);
      return v ? this.amt(v) : ph(`${what}（参数“${path}”）`);
    };
    const out: Inline[][] = [
      fill(S11.total, {
        年度: this.year,
        单位: this.unit,
        总额: a('政府采购.总额', '政府采购支出总额'),
        货物: a('政府采购.货物', '政府采购货物支出'),
        工程: a('政府采购.工程', '政府采购工程支出'),
        服务: a('政府采购.服务', '政府采购服务支出'),
      }),
    ];
    const sme = p.amount('政府采购.中小企业合同金额');
    const parts: Inline[] = [];
    parts.push(
      ...fill(S11.sme, {
        中小: a('政府采购.中小企业合同金额', '授予中小企业合同金额'),
        占比: total && sme && !total.value.isZero() ? this.share(sme, total, this.s.shareDecimals) : ph('授予中小企业合同金额占比（填写总额和中小企业合同金额后自动计算）'),
      }),
    );
    const small = p.amount('政府采购.小微企业合同金额');
    if (small && sme && !sme.value.isZero()) {
      parts.push(...fill(S11.small, { 小微: this.amt(small), 小微占比: this.share(small, sme, this.s.shareDecimals) }));
    }
    const kinds: [string, string][] = [
      ['货物', '政府采购.货物'],
      ['工程', '政府采购.工程'],
      ['服务', '政府采购.服务'],
    ];
    const kindParts: Inline[][] = [];
    for (const [k, path] of kinds) {
      const base = p.amount(path);
      const part = p.amount(`政府采购.${k}中小企业合同金额`);
      if (base && part && !base.value.isZero()) kindParts.push(fill(S11.kindShare, { 类别: k, 占比: this.share(part, base, this.s.shareDecimals) }));
    }
    if (kindParts.length) parts.push({ text: S11.kindSep }, ...joinInline(kindParts, S11.kindSep));
    parts.push({ text: S11.end });
    out.push(parts);
    return [this.para(...out)];
  }

  // 十二 国有资产
  s12(): Block[] {
    const p = this.p;
    const n = p.num('国有资产.车辆总数');
    const parts: Inline[] = [...fill(S12.vehicles, { 年度: this.year, 单位: this.unit, 车辆: n !== undefined ? String(n) : ph('年末车辆总数（参数“国有资产.车辆总数”）') })];
    const kinds = ['副部（省）级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'];
    const given = kinds.filter((k) => p.num(`国有资产.车辆.${k}`) !== undefined);
    if (given.length) {
      parts.push({ text: S12.kindsIntro }, ...joinInline(given.map((k) => fill(S12.kind, { 名称: k, 辆: String(p.num(`国有资产.车辆.${k}`)) })), S12.kindSep));
    }
    const other = p.text('国有资产.其他用车说明');
    if (other) parts.push(...fill(S12.otherUse, { 说明: stripEndPunct(other) }));
    const eq = ['单位价值50万元以上通用设备', '单位价值100万元以上专用设备', '单位价值100万元以上设备'].filter((k) => p.num(`国有资产.${k}`) !== undefined);
    parts.push({ text: S12.equipmentSep });
    if (eq.length) parts.push(...joinInline(eq.map((k) => fill(S12.equipment, { 名称: k, 台: String(p.num(`国有资产.${k}`)) })), S12.kindSep));
    else parts.push(...fill(S12.equipment, { 名称: '单位价值100万元以上设备', 台: ph('台（套）数（参数“国有资产.单位价值100万元以上设备”）') }));
    parts.push({ text: S12.end });
    return [this.para(parts)];
  }

  // 十三 绩效
  s13(): Block[] {
    const p = this.p;
    const blocks: Block[] = [];
    blocks.push(this.h2(1, HEADINGS.十三一));
    const mgmt = p.text('绩效.管理工作开展情况');
    if (mgmt) blocks.push(...paragraphs(mgmt).map((t) => this.para([{ text: t }])));
    else {
      const funds = p.amount('绩效.自评项目资金');
      const proj = this.f.get('一般公共预算项目支出');
      const cnt = p.num('绩效.自评项目数');
      blocks.push(
        this.para(
          fill(S13.overall, {
            年度: this.year,
            项目数: cnt !== undefined ? String(cnt) : ph('自评项目个数（参数“绩效.自评项目数”）'),
            资金: funds ? this.amt(funds) : ph('自评项目资金（参数“绩效.自评项目资金”）'),
            占比: funds && proj && !proj.value.isZero() ? fill(S13.overallShare, { 占比: this.share(funds, proj, this.s.shareDecimals) }) : '',
          }),
        ),
      );
    }
    blocks.push(this.h2(2, HEADINGS.十三二));
    const whole = p.text('绩效.部门整体自评结果');
    blocks.push(...(whole ? paragraphs(whole).map((t) => this.para([{ text: t }])) : [this.para([ph('部门整体支出绩效自评结果（参数“绩效.部门整体自评结果”）')])]));
    blocks.push(this.h2(3, HEADINGS.十三三));
    const idx = p.indices('绩效.项目');
    if (idx.length === 0) blocks.push(this.para([ph('项目支出绩效自评结果（参数“绩效.项目.1.名称”等）')]));
    idx.forEach((n, i) => {
      const b = p.amount(`绩效.项目.${n}.全年预算数`);
      const a = p.amount(`绩效.项目.${n}.执行数`);
      const summary = p.text(`绩效.项目.${n}.自评综述`);
      const [firstPara, ...rest] = summary ? paragraphs(summary) : [''];
      blocks.push(
        this.para(
          fill(S13.project, {
            序号: String(i + 1),
            名称: p.text(`绩效.项目.${n}.名称`) ?? ph(`项目名称（参数“绩效.项目.${n}.名称”）`),
            预算: b ? this.amt(b) : ph(`绩效.项目.${n}.全年预算数`),
            执行: a ? this.amt(a) : ph(`绩效.项目.${n}.执行数`),
            完成: a && b ? this.rateClause(a, b, S13) : '',
            综述: summary ? firstPara : ph(`项目绩效自评综述（参数“绩效.项目.${n}.自评综述”）`),
          }),
        ),
      );
      for (const t of rest) blocks.push(this.para([{ text: t }]));
    });
    blocks.push(this.h2(4, HEADINGS.十三四));
    const use = p.text('绩效.结果应用');
    blocks.push(...(use ? paragraphs(use).map((t) => this.para([{ text: t }])) : [this.para([ph('绩效自评结果应用情况（参数“绩效.结果应用”）')])]));
    return blocks;
  }

  glossary(): Block[] {
    const level = this.p.text('财政级次') ?? '本级';
    const blocks: Block[] = [];
    let n = 0;
    const used = this.usedSubjects();
    for (const g of GLOSSARY) {
      if (g.when === 'subjects') {
        if (used.length === 0) continue;
        n++;
        blocks.push(this.para([{ text: `（${chineseNumber(n)}）${g.term}：` }]));
        used.forEach((code, i) => {
          const itemName = this.codeName(code);
          const plain = typeof itemName === 'string' ? itemName : '';
          const expl = SUBJECT_EXPLANATIONS[plain];
          blocks.push(
            this.para(
              fill(GLOSSARY_SUBJECT, {
                序号: String(i + 1),
                类名: this.codeName(code.slice(0, 3)),
                款名: this.codeName(code.slice(0, 5)),
                项名: itemName,
                说明: expl ?? ph(`科目${code}的说明（参考当年《政府收支分类科目》）`),
              }),
            ),
          );
        });
        continue;
      }
      n++;
      blocks.push(this.para([{ text: `（${chineseNumber(n)}）${g.term}：${g.text.replace('{级次}', level)}` }]));
    }
    for (const i of this.p.indices('名词解释')) {
      const term = this.p.text(`名词解释.${i}.名词`);
      const text = this.p.text(`名词解释.${i}.解释`);
      if (!term) continue;
      n++;
      blocks.push(this.para([{ text: `（${chineseNumber(n)}）` }, ...fill(GLOSSARY_EXTRA, { 名词: term, 解释: text ?? ph(`“${term}”的解释`) })]));
    }
    return blocks;
  }

  /** 7-digit codes with figures in 05 (or 03 when 05 is absent), in table order. */
  usedSubjects(): string[] {
    for (const t of ['决算05', '决算03']) {
      if (!this.f.has(t)) continue;
      return this.f
        .codedRows(t, 7)
        .filter((r) => Object.values(r.cells).some((cell) => !cell.figure.value.isZero()))
        .map((r) => r.key);
    }
    return [];
  }

  h2(n: number, text: string): Block {
    return { kind: 'heading', level: 2, number: `（${chineseNumber(n)}）`, text };
  }

  generate(): NarrativeDoc {
    const sections: [keyof typeof HEADINGS, () => Block[]][] = [
      ['一', () => this.s1()],
      ['二', () => this.s2()],
      ['三', () => this.s3()],
      ['四', () => this.s4()],
      ['五', () => this.s5()],
      ['六', () => this.s6()],
      ['七', () => this.s7()],
      ['八', () => this.s8()],
      ['九', () => this.s9()],
      ['十', () => this.s10()],
      ['十一', () => this.s11()],
      ['十二', () => this.s12()],
      ['十三', () => this.s13()],
    ];
    const blocks: Block[] = [];
    sections.forEach(([key, gen], i) => {
      blocks.push({ kind: 'heading', level: 1, number: `${chineseNumber(i + 1)}、`, text: HEADINGS[key] });
      blocks.push(...gen());
    });
    blocks.push({ kind: 'heading', level: 1, text: HEADINGS.名词解释 });
    blocks.push(...this.glossary());
    const unitText = typeof this.unit === 'string' ? this.unit : '';
    const title = HEADINGS.title.replace('{单位}', unitText).replace('{年度}', typeof this.year === 'string' ? this.year : '');
    return { title, blocks };
  }
}

function fig(r: TableRow, col: string): Figure {
  return r.cells[col]?.figure ?? { value: ZERO, decimals: 0, blank: true };
}

function orderOf(rows: TableRow[], code: string): number {
  const i = rows.findIndex((r) => r.key === code);
  return i < 0 ? rows.length : i;
}

function stripEndPunct(s: string): string {
  return s.trim().replace(/[。．.；;，,\s]+$/u, '');
}

function paragraphs(s: string): string[] {
  return s
    .split(/\n+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Builds the 说明 document from the tables and params. */
export function generateNarrative(tables: TableSet, params: NarrativeParams = new NarrativeParams()): NarrativeDoc {
  return new Generator(tables, params).generate();
}
