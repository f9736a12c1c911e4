/**
 * Generates the 决算情况说明 (sections 一 … 十三 and 名词解释) from recognised tables and the
 * params (DOMAIN §8). Every figure comes from a table cell (facts.ts) or a parameter; a missing
 * input becomes a visible placeholder, never an invented figure or reason. Each group of
 * sections has its module under sections/; the wording is in patterns.ts.
 */
import { TableSet } from '../model';
import { Block, NarrativeDoc, chineseNumber } from './doc';
import { NarrativeParams } from './params';
import { HEADINGS } from './patterns';
import { assets, procurement, runningCosts } from './sections/other';
import { basicSpending, generalBudget } from './sections/general-budget';
import { expense, income, appropriations, overall } from './sections/totals';
import { governmentFunds, stateCapital } from './sections/funds';
import { glossary } from './sections/glossary';
import { performance } from './sections/performance';
import { sangong } from './sections/sangong';
import { Writer } from './sections/writer';

/** The thirteen sections in order, each with the module that writes it. */
const SECTIONS: readonly [keyof typeof HEADINGS, (w: Writer) => Block[]][] = [
  ['一', overall],
  ['二', income],
  ['三', expense],
  ['四', appropriations],
  ['五', generalBudget],
  ['六', basicSpending],
  ['七', governmentFunds],
  ['八', stateCapital],
  ['九', sangong],
  ['十', runningCosts],
  ['十一', procurement],
  ['十二', assets],
  ['十三', performance],
];

/** Builds the 说明 document from the tables and params. */
export function generateNarrative(tables: TableSet, params: NarrativeParams = new NarrativeParams()): NarrativeDoc {
  const w = new Writer(tables, params);
  const blocks: Block[] = [];
  SECTIONS.forEach(([key, write], i) => {
    blocks.push({ kind: 'heading', level: 1, number: `${chineseNumber(i + 1)}、`, text: HEADINGS[key] });
    blocks.push(...write(w));
  });
  blocks.push({ kind: 'heading', level: 1, text: HEADINGS.名词解释 }, ...glossary(w));
  const unitText = typeof w.unit === 'string' ? w.unit : '';
  const title = HEADINGS.title.replace('{单位}', unitText).replace('{年度}', typeof w.year === 'string' ? w.year : '');
  return { title, blocks };
}
