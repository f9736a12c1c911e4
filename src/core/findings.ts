/** What validation reports: one finding per broken relation, in the JSON contract's shape. */

export type Severity = 'error' | 'rounding' | 'warning';

/** Chinese names of the severities as the reports show them (DOMAIN §3). */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  rounding: '尾差',
  warning: '提示',
};

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. `决算01.本年收入合计` or `表间.01-03.本年支出合计`. */
  rule: string;
  /** Table id (`决算01` …), `表间` for cross-table rules is not used: the first table is named. */
  table: string;
  sheet: string;
  /** Cells involved, the stated figure first. */
  cells: string[];
  /** Plain Chinese: what is wrong, with the figures. */
  message: string;
  /** Decimal strings. */
  expected?: string;
  actual?: string;
  /** The likely culprit cell when one cell explains several findings, as `表2!E18`. */
  cause?: string;
}

export interface FindingSummary {
  error: number;
  rounding: number;
  warning: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const s: FindingSummary = { error: 0, rounding: 0, warning: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
