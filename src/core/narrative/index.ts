/**
 * 决算情况说明: generate it from the tables (generate.ts and sections/, wording in patterns.ts),
 * render it (markdown.ts; the .docx writer lives in src/cli/narrative.ts), and check an existing
 * one against the tables or on its own (check.ts: text.ts reads, claims.ts interprets, judge.ts
 * and consistency.ts judge through reconcile.ts, format.ts words the findings; vocabulary.ts and
 * subjects.ts hold the words). Params format: params.ts, documented in docs/narrative-params.md.
 */
export { generateNarrative } from './generate';
export { renderMarkdown, renderText, markdownToText } from './markdown';
export { checkNarrative, analyzeNarrative } from './check';
export type { NarrativeAnalysis, NarrativeStats } from './check';
export type { NarrativeClaim } from './claims';
export { segment, readText, normalizeText } from './text';
export type { Sentence, SectionId } from './text';
export { NarrativeParams, PARAM_FIELDS, DEFAULT_SETTINGS, paramsFromJson, paramsFromSheet, paramsFromEntries, fieldOf, paramsSheetRows } from './params';
export type { ParamField, ParamProblem, ParamsResult, NarrativeSettings } from './params';
export type { NarrativeDoc, Block, Inline } from './doc';
export { inlineText, placeholderText } from './doc';
