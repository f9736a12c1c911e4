/**
 * The findings as the pane lists them: grouped by table, counts per severity, a filter by
 * severity, the likely cause first. Clicking a finding selects its cells; clicking the cause
 * selects that cell. All text is rendered as React text nodes (cell text may contain markup).
 */
import * as React from 'react';
import { Badge, Button, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, SEVERITY_LABEL, Severity } from '../src/core/findings';
import { splitCellRef } from '../src/core/marks';
import { tableOrder, tableTitle } from '../src/core/kinds';

const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', rounding: 'warning', warning: 'informative' };
const SEVERITIES: Severity[] = ['error', 'rounding', 'warning'];

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: '12px' },
  groupTitle: { fontWeight: tokens.fontWeightSemibold },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    textAlign: 'left',
    backgroundColor: tokens.colorNeutralBackground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  message: { wordBreak: 'break-word' },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect(sheet: string, cells: string[]): void;
}

/** The cells of a finding on one sheet, grouped by sheet: what a click selects. */
function cellsBySheet(refs: readonly string[], sheet: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of refs) {
    const c = splitCellRef(r, sheet);
    if (c) out.set(c.sheet, [...(out.get(c.sheet) ?? []), c.cell]);
  }
  return out;
}

export function FindingsList({ findings, onSelect }: FindingsListProps): React.JSX.Element {
  const s = useStyles();
  const [shown, setShown] = React.useState<Set<Severity>>(new Set(SEVERITIES));
  const counts = Object.fromEntries(SEVERITIES.map((v) => [v, findings.filter((f) => f.severity === v).length])) as Record<Severity, number>;
  const visible = findings.filter((f) => shown.has(f.severity));
  const groups = new Map<string, Finding[]>();
  for (const f of visible) groups.set(f.table, [...(groups.get(f.table) ?? []), f]);
  const ordered = [...groups.entries()].sort((a, b) => tableOrder(a[0]) - tableOrder(b[0]));
  const toggle = (v: Severity) => setShown((old) => new Set(old.has(v) ? [...old].filter((x) => x !== v) : [...old, v]));

  const select = (f: Finding, refs: readonly string[]) => {
    const bySheet = cellsBySheet(refs, f.sheet);
    const [sheet, cells] = bySheet.has(f.sheet) ? [f.sheet, bySheet.get(f.sheet)!] : ([...bySheet.entries()][0] ?? [f.sheet, []]);
    if (sheet) onSelect(sheet, cells);
  };

  return (
    <section aria-label="校验结果" data-testid="findings">
      <div className={s.bar} role="group" aria-label="按级别筛选">
        {SEVERITIES.map((v) => (
          // A Button with aria-pressed, not Fluent's ToggleButton (see App.tsx).
          <Button
            key={v}
            size="small"
            appearance={shown.has(v) ? 'secondary' : 'subtle'}
            aria-pressed={shown.has(v)}
            onClick={() => toggle(v)}
            data-testid={`filter-${v}`}
          >
            {SEVERITY_LABEL[v]} <Badge appearance="filled" color={COLORS[v]} size="small" style={{ marginLeft: 4 }} data-testid={`count-${v}`}>{counts[v]}</Badge>
          </Button>
        ))}
      </div>
      {findings.length === 0 && <Text>没有发现问题：所有勾稽关系均成立。</Text>}
      {findings.length > 0 && visible.length === 0 && <Text>所选级别没有结果。</Text>}
      {ordered.map(([table, list]) => (
        <div key={table} className={s.group} data-testid="finding-group">
          <Text className={s.groupTitle}>
            {tableTitle(table)}（{list.length} 条）
          </Text>
          {list.map((f, i) => (
            <div
              key={i}
              className={s.item}
              role="button"
              tabIndex={0}
              data-testid="finding"
              data-finding={JSON.stringify(f)}
              onClick={() => select(f, f.cells)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && select(f, f.cells)}
            >
              <div className={s.head}>
                <Badge appearance="tint" color={COLORS[f.severity]} size="small">
                  {SEVERITY_LABEL[f.severity]}
                </Badge>
                {f.cause && (
                  <Link
                    as="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      select(f, [f.cause!]);
                    }}
                  >
                    可能的原因：{f.cause}
                  </Link>
                )}
                {f.cells.length > 0 && <Caption1>{f.sheet ? `${f.sheet}!` : ''}{f.cells.join('、')}</Caption1>}
              </div>
              <Text className={s.message}>{f.message}</Text>
            </div>
          ))}
        </div>
      ))}
      {visible.length > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setShown(new Set(SEVERITIES))} style={{ marginTop: 8 }} disabled={shown.size === SEVERITIES.length}>
          显示全部级别
        </Button>
      )}
    </section>
  );
}
