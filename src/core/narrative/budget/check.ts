/**
 * Checks an existing 预算情况说明 against the 部门预算公开 tables: per section (by its heading),
 * the statements of its sentences — totals, parts and their shares, 类 and 项 amounts, 人员经费
 * and 公用经费, the 三公 items, projects, 政府采购 — each tied to the table cell it copies or
 * the figures it derives from.
 */
import Decimal from 'decimal.js';
import { ItemsTable, itemsTable } from '../../form-model';
import { TableSet } from '../../model';
import { Figure, ZERO } from '../../money';
import { B01, B04 } from '../../templates/budget';
import { normalizeName, subjectByName } from '../../codes';
import { Finding } from '../../findings';
import { Statement, StatementCheck, TextPart, amountAfter, checkStatements, sentencesOf, shareAfter } from '../statements';
import { INCOME_NAMES, PURCHASE_KINDS } from './patterns';

/** Words that open each section's heading (一、收支预算总体安排情况 …), in section order. */
const SECTION_WORDS = ['收支预算总体', '收入预算安排', '支出预算安排', '财政拨款收支', '一般公共预算支出安排', '基本支出安排', '三公', '政府性基金', '国有资本经营', '项目支出安排', '其他重要事项'];

function cellOf(t: TableSet, table: string, row: string, col: string) {
  const ref = t.cell(table, row, col);
  return ref ? { sheet: ref.sheet, address: ref.address } : undefined;
}

/** The statements each section of the text may make, from the tables present. */
function sectionStatements(t: TableSet): Statement[][] {
  const copy = (names: string[], table: string, row: string, col: string, what = names[0]): Statement[] => {
    if (!t.row(table, row)) return [];
    return names.map((n) => ({ pattern: amountAfter(n), what, copies: t.figure(table, row, col), cell: cellOf(t, table, row, col) }));
  };
  const share = (name: string, part: Figure, total: Figure, group?: string): Statement => ({ pattern: shareAfter(name), what: `${name}占比`, derives: { n: part, d: total }, group });
  const rows = (table: string, keep: (code: string) => boolean) => (t.get(table)?.rows ?? []).filter((r) => r.code && keep(r.code));
  const s: Statement[][] = SECTION_WORDS.map(() => []);

  // 一 · 二 · 三
  s[0].push(...copy(['收支总预算', '收支总计'], '预算01', `L${B01.incomeSum}`, '1'));
  const income = t.figure('预算01', `L${B01.incomeTotal}`, '1');
  s[1].push(...copy(['收入预算'], '预算01', `L${B01.incomeTotal}`, '1'));
  for (const [line, name] of INCOME_NAMES) {
    s[1].push(...copy([name], '预算01', `L${line}`, '1'));
    if (t.row('预算01', `L${line}`)) s[1].push(share(name, t.figure('预算01', `L${line}`, '1'), income, 'income'));
  }
  const spend = t.figure('预算03', '合计', '1');
  s[2].push(...copy(['支出预算'], '预算01', `L${B01.expenseTotal}`, '2'));
  for (const [name, col] of [['基本支出', '2'], ['项目支出', '3']] as const) {
    s[2].push(...copy([name], '预算03', '合计', col));
    if (t.row('预算03', '合计')) s[2].push(share(name, t.figure('预算03', '合计', col), spend, 'basic'));
  }
  for (const r of rows('预算03', (c) => c.length === 3)) {
    s[2].push(...copy([normalizeName(r.name)], '预算03', r.key, '1'), share(normalizeName(r.name), t.figure('预算03', r.key, '1'), spend, 'classes'));
  }
  // 四
  s[3].push(...copy(['财政拨款收支总预算'], '预算04', `L${B04.incomeSum}`, '1'));
  s[3].push(...copy(['一般公共预算财政拨款本年收入', '一般公共预算财政拨款收入'], '预算04', 'L2', '1'));
  for (const r of t.get('预算04')?.rows ?? []) if (r.code) s[3].push(...copy([normalizeName(r.name)], '预算04', r.key, '2'));
  // 五
  s[4].push(...copy(['一般公共预算支出预算', '一般公共预算支出'], '预算05', '合计', '1'));
  for (const [name, col] of [['基本支出', '2'], ['人员经费', '3'], ['公用经费', '4'], ['项目支出', '5']] as const) s[4].push(...copy([name], '预算05', '合计', col));
  for (const r of rows('预算05', (c) => c.length === 7)) s[4].push(...copy([normalizeName(r.name)], '预算05', r.key, '5'));
  // 六
  s[5].push(...copy(['一般公共预算基本支出'], '预算06', '合计', '1'));
  s[5].push(...copy(['人员经费'], '预算06', '合计', '2'), ...copy(['公用经费'], '预算06', '合计', '3'));
  for (const r of rows('预算06', (c) => c.length === 3)) s[5].push(...copy([normalizeName(r.name)], '预算06', r.key, '1'));
  // 七 三公
  s[6].push(...copy(['“三公”经费支出预算', '三公”经费支出预算', '三公经费支出预算', '“三公”经费'], '预算07', '合计', '1', '“三公”经费'));
  for (const [names, col] of [[['因公出国(境)经费', '因公出国(境)费'], '2'], [['公务用车购置及运行维护费', '公务用车购置及运行费'], '3'], [['公务用车购置费'], '4'], [['公务用车运行维护费', '公务用车运行费'], '5'], [['公务接待费'], '6']] as const) {
    s[6].push(...copy([...names], '预算07', '合计', col));
  }
  // 八 · 九
  s[7].push(...copy(['政府性基金预算安排的支出', '政府性基金预算支出'], '预算08', '合计', '1'));
  s[8].push(...copy(['国有资本经营预算安排的支出', '国有资本经营预算支出'], '预算09', '合计', '1'));
  // 十 projects
  s[9].push(...copy(['项目支出'], '预算10', '合计', '1'));
  const t10 = itemsTable(t, '预算10');
  t10?.rows.forEach((r, i) => {
    if (t10.details[i].kind === 'item') s[9].push(...copy([r.name], '预算10', r.key, '1'));
  });
  // 十一 政府采购
  s[10].push(...copy(['政府采购预算支出预算数合计', '政府采购预算'], '预算11', '合计', 'amount'));
  const t11 = itemsTable(t, '预算11');
  if (t11) for (const [prefix, name] of PURCHASE_KINDS) s[10].push({ pattern: amountAfter(name), what: name, copies: { value: purchases(t11, prefix), decimals: 2 } });
  s[10].push(...copy(['本年财政拨款'], '预算10', '合计', '1', '绩效目标涉及的项目支出'));
  return s;
}

function purchases(t: ItemsTable, prefix: string): Decimal {
  return t.rows.reduce((sum, r, i) => (t.details[i].kind === 'item' && (t.details[i].texts.item?.text ?? '').replace(/^\[/, '').startsWith(prefix) ? sum.plus(r.cells.amount?.figure.value ?? 0) : sum), ZERO);
}

/** The sentences of each section, found by their headings (一、收支预算总体安排情况 …). */
function sections(text: string): string[][] {
  const out: string[][] = SECTION_WORDS.map(() => []);
  let at = -1;
  for (const sentence of sentencesOf(text)) {
    const heading = /^[一二三四五六七八九十]+、/.test(sentence) ? SECTION_WORDS.findIndex((w) => sentence.includes(w)) : -1;
    if (heading >= 0 && heading >= at) {
      at = heading;
      out[at].push(sentence.replace(/^[一二三四五六七八九十]+、[^：:]*?(情况说明|情况)[：:]?/, ''));
      continue;
    }
    if (at >= 0) out[at].push(sentence);
  }
  return out;
}

/**
 * 提示: the uses the text gives for 公用经费 (主要用于：办公费、邮电费…) that are 经济分类 款 with
 * no 公用经费 in the 基本支出表 — a list copied from another year or unit.
 */
function publicUses(sentences: readonly string[], t: TableSet): Finding[] {
  const table = t.get('预算06');
  if (!table) return [];
  const budgeted = new Set(table.rows.filter((r) => r.code?.length === 5 && !r.cells['3']?.figure.value.isZero()).map((r) => r.code!));
  const out: Finding[] = [];
  // The uses may follow the 公用经费 amount in a sentence of their own.
  let about = '';
  for (const sentence of sentences) {
    if (/公用经费|人员经费|工资福利|对个人和家庭/.test(sentence)) about = /公用经费/.test(sentence) ? '公用' : '人员';
    const m = about === '公用' ? /主要用于[：:](.+?)等?$/.exec(sentence) : null;
    if (!m) continue;
    const named = m[1].split(/[、，,]/).map((x) => x.trim()).filter(Boolean);
    const absent = named.filter((n) => {
      const subject = subjectByName(n, 'economic');
      return subject?.level === '款' && /^3(02|10)/.test(subject.code) && !budgeted.has(subject.code);
    });
    if (!absent.length) continue;
    const total = t.cell('预算06', '合计', '3');
    out.push({
      severity: 'warning',
      rule: '说明.预算',
      table: '说明',
      sheet: total?.sheet ?? '',
      cells: total ? [total.address] : [],
      message: `说明“${sentence.length > 60 ? `${sentence.slice(0, 58)}…` : sentence}”：列为公用经费用途的${absent.map((a) => `“${a}”`).join('、')}在基本支出表中没有公用经费预算，请核实（可能沿用了其他年度或单位的文字）。`,
    });
  }
  return out;
}

/** Findings (table 说明) of a 预算情况说明 against the tables, and how many figures were read. */
export function checkBudgetNarrative(text: string, tables: TableSet): StatementCheck {
  const statements = sectionStatements(tables);
  const split = sections(text);
  const parts: TextPart[] = split.map((sentences, i) => ({ sentences, statements: statements[i] }));
  const r = checkStatements(parts, '说明.预算');
  return { findings: [...r.findings, ...publicUses(split[5], tables)], stats: r.stats };
}
