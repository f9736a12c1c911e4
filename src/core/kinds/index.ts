/**
 * Document kinds as data (ARCHITECTURE "src/core/kinds"): each kind is a set of table templates
 * and the rules over them. Recognition, validation, the CLI and the pane iterate over KINDS;
 * none of them branches on a kind, so adding 预算 or 绩效 is adding an entry here.
 */
import { BUDGET_RULES } from '../rules/budget';
import { FINAL_ACCOUNT_RULES } from '../rules/final-account';
import { PERFORMANCE_RULES } from '../rules/performance';
import { RuleDef } from '../rules/types';
import { BUDGET } from '../templates/budget';
import { FINAL_ACCOUNT } from '../templates/final-account';
import { PERFORMANCE } from '../templates/performance';
import { TableTemplate, TemplateSet } from '../templates/types';

export interface DocumentKind {
  /** The short name users type and see: 决算, 预算, 绩效 (`budget template 决算`). */
  name: TemplateSet['kind'];
  /** What the document is called in full: 部门决算公开. */
  title: string;
  templates: TemplateSet;
  rules: readonly RuleDef[];
}

export const FINAL_ACCOUNT_KIND: DocumentKind = {
  name: '决算',
  title: '部门决算公开',
  templates: FINAL_ACCOUNT,
  rules: FINAL_ACCOUNT_RULES,
};

export const BUDGET_KIND: DocumentKind = {
  name: '预算',
  title: '部门预算公开',
  templates: BUDGET,
  rules: BUDGET_RULES,
};

export const PERFORMANCE_KIND: DocumentKind = {
  name: '绩效',
  title: '绩效自评',
  templates: PERFORMANCE,
  rules: PERFORMANCE_RULES,
};

/** Every kind the engine knows, in the order the pane offers them. */
export const KINDS: readonly DocumentKind[] = [FINAL_ACCOUNT_KIND, BUDGET_KIND, PERFORMANCE_KIND];

/** The kind called `name` (决算 / 预算 / 绩效), or undefined. */
export function findKind(name: string, kinds: readonly DocumentKind[] = KINDS): DocumentKind | undefined {
  const n = name.normalize('NFKC').trim();
  return kinds.find((k) => k.name === n || k.title === n);
}

export interface TemplateEntry {
  kind: DocumentKind;
  template: TableTemplate;
}

const templateIndexCache = new WeakMap<readonly DocumentKind[], Map<string, TemplateEntry>>();

/** Table id (决算01 …) → its template and kind, over the given kinds. */
export function templateIndex(kinds: readonly DocumentKind[] = KINDS): ReadonlyMap<string, TemplateEntry> {
  let idx = templateIndexCache.get(kinds);
  if (!idx) {
    idx = new Map();
    for (const kind of kinds) for (const template of kind.templates.tables) if (!idx.has(template.id)) idx.set(template.id, { kind, template });
    templateIndexCache.set(kinds, idx);
  }
  return idx;
}

/** How messages name a table: 公开01表; the id itself when no kind knows it. */
export function tableLabel(id: string, kinds: readonly DocumentKind[] = KINDS): string {
  const e = templateIndex(kinds).get(id);
  return e ? e.kind.templates.label(e.template) : id;
}

/** 公开01表 收入支出决算总表, for headings and lists. */
export function tableTitle(id: string, kinds: readonly DocumentKind[] = KINDS): string {
  const e = templateIndex(kinds).get(id);
  return e ? `${e.kind.templates.label(e.template)} ${e.template.name}` : id;
}

/** Publishing order of a table over all kinds (决算01 before 决算02 …); unknown ids last. */
export function tableOrder(id: string, kinds: readonly DocumentKind[] = KINDS): number {
  let i = 0;
  for (const key of templateIndex(kinds).keys()) {
    if (key === id) return i;
    i++;
  }
  return Number.MAX_SAFE_INTEGER;
}
