/**
 * Checks a 绩效自评结果 text against its forms: the text is cut into parts at its titles (…绩效
 * 自评结果), each part is matched to a form — by the project's name, else by the 全年预算数 it
 * states — and its statements (PERFORMANCE_STATEMENTS) are judged against that form.
 */
import { FormTable, formTables } from '../../form-model';
import { TableSet } from '../../model';
import { fieldRefs, formName } from '../../checks/common';
import { D, Figure } from '../../money';
import { NUMBER, Statement, StatementCheck, TextPart, checkStatements, sentencesOf } from '../statements';
import { PERFORMANCE_STATEMENTS } from './patterns';

const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/(项目|工作)$/, '');

/** Parts of the text: each starts at a title naming a 自评结果 (or a 自评表). */
function parts(text: string): { title: string; sentences: string[] }[] {
  const out: { title: string; sentences: string[] }[] = [];
  for (const s of sentencesOf(text)) {
    if (/绩效自评(结果|报告)|自评结果/.test(s) && s.length < 60 && !/得分/.test(s)) out.push({ title: s, sentences: [] });
    else if (out.length) out[out.length - 1].sentences.push(s);
    else out.push({ title: '', sentences: [s] });
  }
  return out;
}

/** The form a part is about: 部门整体 by its title, a project by name, else by the 全年预算数 it states. */
function formOf(part: { title: string; sentences: string[] }, projects: FormTable[], department: FormTable | undefined): FormTable | undefined {
  if (/部门整体/.test(part.title)) return department;
  const subject = key(part.title.replace(/^\d{4}年度?/, '').replace(/(项目)?绩效自评(结果|报告).*$/, ''));
  const byName = projects.filter((f) => {
    const n = key(formName(f));
    return subject && (n.includes(subject) || subject.includes(n));
  });
  if (byName.length === 1) return byName[0];
  const budget = new RegExp(`(?:全年预算数|调整后预算数)[为]?${NUMBER}万元`);
  for (const s of part.sentences) {
    const m = budget.exec(s);
    if (!m) continue;
    const v = new D(m[1].replace(/[,，]/g, ''));
    const hits = [...projects, ...(department ? [department] : [])].filter((f) => f.form.exec?.C && f.form.exec.C.figure.value.eq(v));
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

function statementsFor(f: FormTable, clause: 'form' | 'basic' | 'project'): Statement[] {
  const out: Statement[] = [];
  for (const s of PERFORMANCE_STATEMENTS) {
    if (s.clause !== clause) continue;
    if (s.field === 'rate') {
      const C = f.form.exec?.C;
      const Dx = f.form.exec?.D;
      if (C && Dx && !C.invalid && !Dx.invalid) out.push({ pattern: s.pattern, what: s.what, derives: { n: Dx.figure, d: C.figure }, cell: f.form.exec?.rate ?? Dx });
      continue;
    }
    const [ref] = fieldRefs(f, s.field) ?? [];
    if (ref && !ref.invalid) out.push({ pattern: s.pattern, what: s.what, copies: ref.figure as Figure, cell: ref });
  }
  return out;
}

/** Findings (table 说明) of a 自评结果 text against the 绩效 forms, and how many figures were read. */
export function checkPerformanceNarrative(text: string, tables: TableSet): StatementCheck {
  const projects = formTables(tables, '绩效项目');
  const [department] = formTables(tables, '绩效整体');
  const todo: TextPart[] = [];
  for (const part of parts(text)) {
    const f = formOf(part, projects, department);
    if (!f) continue;
    // Clauses about 基本支出 / 项目支出 of a 部门整体 text state their own 年初, 调整后 and 决算数.
    const clauses = part.sentences.flatMap((s) => s.split(/(?=基本支出|项目支出)/));
    const of = (c: string) => (/^基本支出/.test(c) ? 'basic' : /^项目支出/.test(c) ? 'project' : 'form');
    for (const clause of ['form', 'basic', 'project'] as const) todo.push({ sentences: clauses.filter((c) => of(c) === clause), statements: statementsFor(f, clause) });
  }
  return checkStatements(todo, '说明.绩效');
}
