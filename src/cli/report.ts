/** The human report of `budget validate`: Chinese, grouped by likely cause, then by table. */
import { Finding, SEVERITY_LABEL, summarize } from '../core/findings';
import { RecognizedTable, TableLayout } from '../core/model';
import { AppliedCondition } from '../core/validate';
import { tableOrder, tableTitle } from '../core/kinds';

export interface ReportInput {
  file: string;
  tables: readonly RecognizedTable[];
  findings: readonly Finding[];
  /** Conditional rules that applied, said once each. */
  conditions?: readonly AppliedCondition[];
}

const ORDER = { error: 0, rounding: 1, warning: 2 } as const;


function line(f: Finding): string {
  // 说明 findings point into a table on some sheet: name the sheet with the cell.
  const first = f.cells[0] && f.table === '说明' && f.sheet && !f.cells[0].includes('!') ? `${f.sheet}!${f.cells[0]}` : f.cells[0];
  const cells = first ? `${first}  ` : '';
  return `  [${SEVERITY_LABEL[f.severity]}] ${cells}${f.message}`;
}

export function formatReport({ file, tables, findings, conditions = [] }: ReportInput): string {
  const out: string[] = [];
  out.push(`校验 ${file}：识别到 ${tables.length} 张表`);
  for (const t of tables) out.push(`  ${tableTitle(t.id)} — 工作表“${t.sheet}” ${t.range}${t.unit === '元' ? '（单位：元，已折算为万元校验）' : ''}`);
  for (const c of conditions) out.push(`  条件规则：${c.because}，因此核对“${c.label}”。`);
  const s = summarize(findings);
  out.push('');
  out.push(`结果：错误 ${s.error} 条，尾差 ${s.rounding} 条，提示 ${s.warning} 条`);
  if (!findings.length) {
    out.push('全部表内、表间勾稽关系一致。');
    return out.join('\n') + '\n';
  }
  const causes = new Map<string, Finding[]>();
  const rest: Finding[] = [];
  for (const f of findings) {
    if (f.cause) causes.set(f.cause, [...(causes.get(f.cause) ?? []), f]);
    else rest.push(f);
  }
  for (const [cell, list] of causes) {
    out.push('');
    out.push(`可能的原因：${cell}（修改这一个单元格可同时消除以下 ${list.length} 条）`);
    for (const f of list.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) out.push(line(f));
  }
  // By table, and by sheet within a table a workbook holds several of (one 项目自评表 per project).
  const byTable = new Map<string, Finding[]>();
  const key = (f: Finding) => `${f.table}\u0000${tables.filter((x) => x.id === f.table).length > 1 ? f.sheet : ''}`;
  for (const f of rest) byTable.set(key(f), [...(byTable.get(key(f)) ?? []), f]);
  for (const k of [...byTable.keys()].sort((a, b) => tableOrder(a.split('\u0000')[0]) - tableOrder(b.split('\u0000')[0]))) {
    const list = byTable.get(k)!;
    const [id, sheet] = k.split('\u0000');
    const t = tables.find((x) => x.id === id && (!sheet || x.sheet === sheet));
    out.push('');
    out.push(`${tableTitle(id)}${t ? `（工作表“${t.sheet}”）` : ''}`);
    for (const f of list.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) out.push(line(f));
  }
  return out.join('\n') + '\n';
}

/** `budget validate --layout`: how every table was read, so a user sees where a layout was not understood. */
export function formatLayout(file: string, tables: readonly RecognizedTable[]): string {
  const out: string[] = [`${file}：识别到 ${tables.length} 张表`];
  for (const t of tables) {
    out.push('');
    out.push(`${tableTitle(t.id)} — 工作表“${t.sheet}” ${t.range}${t.layout?.variant ? `（版式：${t.layout.variant}）` : ''}`);
    const l: TableLayout | undefined = t.layout;
    if (!l) continue;
    const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join('、') : '无');
    out.push(`  标题：${l.titleCell}  表头：${l.headerRows ? `第${l.headerRows}行` : '无'}  栏次行：${l.colNoRow ? `第${l.colNoRow}行` : '无'}  单位：${t.unit}`);
    out.push(`  项目名称列：${list(l.nameColumns)}  科目编码列：${list(l.codeColumns)}${l.lineColumns ? `  行次列：${list(l.lineColumns)}` : ''}`);
    for (const c of l.columns) out.push(`  ${c.column} 列 → ${/^\d+$/.test(c.key) ? `栏${c.key} ` : ''}${c.meaning}（表头“${c.header || '无'}”，按${c.via === 'header' ? '表头文字' : '栏次'}识别）`);
    out.push(`  数据行：${l.firstDataRow ? `第${l.firstDataRow}–${l.lastDataRow}行，${t.rows.length} 行已识别` : '无（空表）'}`);
    for (const u of l.unplaced) out.push(`  未能识别的${u.kind === 'row' ? '行' : '栏目'}：${u.cell}“${u.text}”`);
  }
  return out.join('\n') + '\n';
}
