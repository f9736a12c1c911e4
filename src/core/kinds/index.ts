/**
 * Document kinds as data (ARCHITECTURE "src/core/kinds"): each kind is a set of table templates
 * and the rules over them. Recognition, validation, the CLI and the pane iterate over KINDS;
 * none of them branches on a kind, so adding 预算 or 绩效 is adding an entry here.
 */
import { Finding } from '../findings';
import { TableSet } from '../model';
import type { NarrativeStats } from '../narrative/check';
import type { NarrativeDoc } from '../narrative/doc';
import type { NarrativeParams } from '../narrative/params';
import { BUDGET_RULES } from '../rules/budget';
import { FINAL_ACCOUNT_RULES } from '../rules/final-account';
import { PERFORMANCE_RULES } from '../rules/performance';
import { RuleDef } from '../rules/types';
import { BUDGET } from '../templates/budget';
import { FINAL_ACCOUNT } from '../templates/final-account';
import { PERFORMANCE } from '../templates/performance';
import { TableTemplate, TemplateSet } from '../templates/types';

/** The text a kind publishes with its tables: written from them, and checked against them. */
export interface NarrativeKind {
  /** What the text is called: 决算情况说明, 预算情况说明, 绩效自评结果. */
  title: string;
  /**
   * The writer of the text from the tables, loaded on first use (validation alone never needs
   * it, so neither `budget validate` nor the pane's first render pays for it).
   */
  loadGenerator(): Promise<NarrativeGenerator>;
  /**
   * The checker of an existing text against the tables (findings with table 说明, and what was
   * read), loaded on first use: the pane writes texts but never checks one, so it does not ship it.
   */
  loadChecker(): Promise<NarrativeChecker>;
  /** Sentences it reads, for the message when a text holds none. */
  example: string;
}

export type NarrativeGenerator = (tables: TableSet, params: NarrativeParams) => NarrativeDoc;

export type NarrativeChecker = (text: string, tables: TableSet, params: NarrativeParams) => { findings: Finding[]; stats: NarrativeStats };

export interface DocumentKind {
  /** The short name users type and see: 决算, 预算, 绩效 (`budget template 决算`). */
  name: TemplateSet['kind'];
  /** What the document is called in full: 部门决算公开. */
  title: string;
  templates: TemplateSet;
  rules: readonly RuleDef[];
  narrative?: NarrativeKind;
}

export const FINAL_ACCOUNT_KIND: DocumentKind = {
  name: '决算',
  title: '部门决算公开',
  templates: FINAL_ACCOUNT,
  rules: FINAL_ACCOUNT_RULES,
  narrative: {
    title: '决算情况说明',
    loadGenerator: () => import(/* webpackChunkName: "text-write", webpackPrefetch: true */ '../narrative/generate').then((m): NarrativeGenerator => m.generateNarrative),
    loadChecker: () =>
      import(/* webpackChunkName: "text-check" */ '../narrative/check').then(({ analyzeNarrative }): NarrativeChecker => (text, tables, params) => {
        const a = analyzeNarrative(text, tables, params);
        return { findings: a.findings, stats: a.stats };
      }),
    example: '“收、支总计均为…万元”“基本支出…万元，占…%”',
  },
};

export const BUDGET_KIND: DocumentKind = {
  name: '预算',
  title: '部门预算公开',
  templates: BUDGET,
  rules: BUDGET_RULES,
  narrative: {
    title: '预算情况说明',
    loadGenerator: () => import(/* webpackChunkName: "text-write-budget", webpackPrefetch: true */ '../narrative/budget/generate').then((m): NarrativeGenerator => m.generateBudgetNarrative),
    loadChecker: () => import(/* webpackChunkName: "text-check-budget" */ '../narrative/budget/check').then(({ checkBudgetNarrative }): NarrativeChecker => (text, tables) => checkBudgetNarrative(text, tables)),
    example: '“收支总预算…万元”“基本支出…万元，占…%”',
  },
};

export const PERFORMANCE_KIND: DocumentKind = {
  name: '绩效',
  title: '绩效自评',
  templates: PERFORMANCE,
  rules: PERFORMANCE_RULES,
  narrative: {
    title: '绩效自评结果',
    loadGenerator: () => import(/* webpackChunkName: "text-write-performance", webpackPrefetch: true */ '../narrative/performance/generate').then((m): NarrativeGenerator => m.generatePerformanceNarrative),
    loadChecker: () => import(/* webpackChunkName: "text-check-performance" */ '../narrative/performance/check').then(({ checkPerformanceNarrative }): NarrativeChecker => (text, tables) => checkPerformanceNarrative(text, tables)),
    example: '“自评得分…分”“全年预算数…万元，实际执行数…万元，执行率…%”',
  },
};

/** Every kind the engine knows, in the order the pane offers them. */
export const KINDS: readonly DocumentKind[] = [FINAL_ACCOUNT_KIND, BUDGET_KIND, PERFORMANCE_KIND];

/** The kind whose text a workbook's tables call for: the one with a 说明 and most recognised tables. */
export function narrativeKindOf(tables: TableSet, kinds: readonly DocumentKind[] = KINDS): DocumentKind | undefined {
  let best: DocumentKind | undefined;
  let most = 0;
  for (const k of kinds) {
    if (!k.narrative) continue;
    const n = tables.tables.filter((t) => k.templates.tables.some((x) => x.id === t.id)).length;
    if (n > most) {
      best = k;
      most = n;
    }
  }
  return best;
}

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
