/** Table titles: which template a title cell names, in any spelling of year and number. */
import { DocumentKind, KINDS } from '../kinds';
import { TableTemplate } from '../templates/types';
import { compact } from './text';

export interface TitleMatch {
  template: TableTemplate;
  year?: number;
}

/** Strips year, 公开NN表 / 表N markers and brackets from a title; returns what names the table. */
function titleCore(text: string): { core: string; year?: number; number?: number } {
  let t = compact(text);
  let year: number | undefined;
  let number: number | undefined;
  const y = /^(\d{4})年度?/.exec(t);
  if (y) {
    year = Number(y[1]);
    t = t.slice(y[0].length);
  }
  const m1 = /\(?公开(\d{1,2})表\)?/.exec(t) ?? /\(表(\d{1,2})\)/.exec(t) ?? /^表(\d{1,2})/.exec(t);
  if (m1) {
    number = Number(m1[1]);
    t = t.replace(m1[0], '');
  }
  const y2 = /^(\d{4})年度?/.exec(t);
  if (y2 && year === undefined) {
    year = Number(y2[1]);
    t = t.slice(y2[0].length);
  }
  // Brackets around the whole title go; a bracket that belongs to the name (…支出表(分单位)) stays.
  return { core: /^\(.*\)$/.test(t) ? t.slice(1, -1) : t.replace(/^\(/, ''), year, number };
}

function buildTitleIndex(kinds: readonly DocumentKind[]): Map<string, TableTemplate> {
  const idx = new Map<string, TableTemplate>();
  for (const k of kinds) for (const t of k.templates.tables) for (const n of [t.name, ...(t.aliases ?? [])]) if (!idx.has(compact(n))) idx.set(compact(n), t);
  return idx;
}

const titleIndexCache = new WeakMap<readonly DocumentKind[], Map<string, TableTemplate>>();

/** Recognises a table title of any known kind in any spelling the seeds use; undefined for other text. */
export function matchTitle(text: string, kinds: readonly DocumentKind[] = KINDS): TitleMatch | undefined {
  if (text.length < 4 || text.length > 80 || !text.includes('表')) return undefined;
  let idx = titleIndexCache.get(kinds);
  if (!idx) titleIndexCache.set(kinds, (idx = buildTitleIndex(kinds)));
  const { core, year } = titleCore(text);
  const exact = idx.get(core);
  if (exact) return { template: exact, year };
  // A unit name before the title (XX单位收入支出决算总表): the longest name that ends the text.
  let best: TableTemplate | undefined;
  let bestLen = 0;
  for (const [name, t] of idx) {
    if (core.endsWith(name) && name.length > bestLen && core.length - name.length <= (t.titlePrefixMax ?? 20) && !/^(一|二|三|四|五|六|七|八|九|十)+、/.test(core)) {
      best = t;
      bestLen = name.length;
    }
  }
  // "收入支出决算总表" must not claim "财政拨款收入支出决算总表": only accept if no longer name fits.
  return best ? { template: best, year } : undefined;
}
