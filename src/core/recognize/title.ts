/**
 * Table titles: which template a title cell names. A title names a table by its WHOLE name
 * (or an alias, or a variant's name), with a year, a table number and a department name
 * around it — never by its ending alone: 国有资本经营预算财政拨款收入支出决算表 is not 支出决算表.
 */
import { DocumentKind, KINDS } from '../kinds';
import { TableTemplate } from '../templates/types';
import { compact } from './text';

export interface TitleMatch {
  template: TableTemplate;
  year?: number;
  /** Set when the title names a variant of the table (see TableVariant). */
  variant?: string;
}

/**
 * Words of table names: a department name before a title never holds them (财政局 and
 * 项目管理中心 are departments; 财政拨款… and …项目 before 支出决算表 are other tables).
 */
const TABLE_WORDS = /预算|决算|拨款|收入|支出|基金|资本经营|经费|三公|明细|总表|绩效|(项目|基本|采购)$/;

/** Strips year, 公开NN表 / 表N markers and brackets from a title; returns what names the table. */
function titleCore(text: string): { core: string; year?: number } {
  let t = compact(text);
  let year: number | undefined;
  const y = /(\d{4})年度?/.exec(t);
  if (y) {
    year = Number(y[1]);
    t = t.replace(y[0], '');
  }
  t = t
    .replace(/\(?公开\d{1,2}表\)?/, '')
    .replace(/\((附)?表[\d一二三四五六七八九十]{1,3}(-\d{1,2})?\)/, '')
    .replace(/^(附)?表[\d一二三四五六七八九十]{1,3}(-\d{1,2})?[:：.、]?/, '')
    .replace(/^\d{1,2}[.、]/, '')
    .replace(/\((汇总|本级|部门|单位|部门汇总|单位汇总)\)$/, '')
    .replace(/\(\)/g, ''); // (2022年度) once its year is taken
  // Brackets around the whole title go; a bracket that belongs to the name (…支出表(分单位)) stays.
  return { core: /^\(.*\)$/.test(t) ? t.slice(1, -1) : t.replace(/^\(/, ''), year };
}

interface TitleEntry {
  template: TableTemplate;
  variant?: string;
}

function buildTitleIndex(kinds: readonly DocumentKind[]): Map<string, TitleEntry> {
  const idx = new Map<string, TitleEntry>();
  const add = (name: string, e: TitleEntry) => {
    const key = compact(name);
    if (!idx.has(key)) idx.set(key, e);
  };
  for (const k of kinds) {
    for (const t of k.templates.tables) {
      for (const n of [t.name, ...(t.aliases ?? [])]) add(n, { template: t });
      if (t.layout === 'codes') for (const v of t.variants ?? []) for (const n of [v.name, ...(v.aliases ?? [])]) add(n, { template: t, variant: v.name });
    }
  }
  return idx;
}

const titleIndexCache = new WeakMap<readonly DocumentKind[], Map<string, TitleEntry>>();

/** Recognises a table title of any known kind; undefined for any other text. */
export function matchTitle(text: string, kinds: readonly DocumentKind[] = KINDS): TitleMatch | undefined {
  if (text.length < 4 || text.length > 80 || !text.includes('表')) return undefined;
  let idx = titleIndexCache.get(kinds);
  if (!idx) titleIndexCache.set(kinds, (idx = buildTitleIndex(kinds)));
  const { core, year } = titleCore(text);
  const exact = idx.get(core);
  if (exact) return { ...exact, year };
  // A department before the title (XX区教育局收入支出决算总表): the rest must be a whole name,
  // and the department part must not hold table words (else it is another table's title) —
  // except before a form's title, where a project name may well hold them (履职工作经费项目…).
  // The longest name that fits wins (部门整体绩效自评表 over 绩效自评表).
  let best: TitleEntry | undefined;
  let bestLen = 0;
  for (const [name, e] of idx) {
    if (core.length > name.length && core.endsWith(name) && name.length > bestLen) {
      const prefix = core.slice(0, core.length - name.length);
      const max = e.template.titlePrefixMax;
      const fits = max !== undefined ? prefix.length <= max : prefix.length <= 30 && !TABLE_WORDS.test(prefix);
      if (fits && !/^[一二三四五六七八九十]+、/.test(prefix)) {
        best = e;
        bestLen = name.length;
      }
    }
  }
  return best && { ...best, year };
}
