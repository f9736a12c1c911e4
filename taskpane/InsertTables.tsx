/**
 * Insert blank standard tables. The kinds and their tables are data (src/core/kinds): the pane
 * lists whatever KINDS holds, with no branch per kind. Tables are drafted by the same code as
 * `budget template` and written by the host.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Select, Text, makeStyles } from '@fluentui/react-components';
import { KINDS, findKind } from '../src/core/kinds';
import { renderTemplateSet } from '../src/core/templates/render';
import { PaneSettings } from '../src/excel/host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  list: { display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', gap: '8px' },
});

export interface InsertTablesProps {
  settings: PaneSettings;
  busy: boolean;
  onInsert(drafts: ReturnType<typeof renderTemplateSet>, at: PaneSettings['insertAt'], kind: string): void;
}

export function InsertTables({ settings, busy, onInsert }: InsertTablesProps): React.JSX.Element {
  const s = useStyles();
  const [kindName, setKindName] = React.useState(findKind(settings.templateKind)?.name ?? KINDS[0].name);
  const kind = findKind(kindName) ?? KINDS[0];
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(kind.templates.tables.map((t) => t.id)));
  const [at, setAt] = React.useState<PaneSettings['insertAt']>(settings.insertAt);
  const all = kind.templates.tables;

  const changeKind = (name: string) => {
    const k = findKind(name) ?? KINDS[0];
    setKindName(k.name);
    setChosen(new Set(k.templates.tables.map((t) => t.id)));
  };
  const toggle = (id: string, on: boolean) => setChosen((old) => new Set(on ? [...old, id] : [...old].filter((x) => x !== id)));
  const insert = () => {
    const drafts = renderTemplateSet(kind.templates, kind.rules).filter((d) => chosen.has(d.tableId));
    onInsert(drafts, at, kind.name);
  };

  return (
    <section className={s.root} aria-label="插入表格">
      <Text>插入与 budget template 相同的空白标准表：标题、表头、栏次、数字格式、边框、冻结表头和合计公式。</Text>
      <Field label="报表种类">
        <Select value={kind.name} onChange={(_, d) => changeKind(d.value)}>
          {KINDS.map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}（{k.title}）
            </option>
          ))}
        </Select>
      </Field>
      <Field label={`表格（已选 ${chosen.size} / ${all.length}）`}>
        <div className={s.list}>
          <Checkbox
            label="全部"
            checked={chosen.size === all.length ? true : chosen.size === 0 ? false : 'mixed'}
            onChange={(_, d) => setChosen(new Set(d.checked ? all.map((t) => t.id) : []))}
          />
          {all.map((t) => (
            <Checkbox key={t.id} label={`${kind.templates.label(t)} ${t.name}`} checked={chosen.has(t.id)} onChange={(_, d) => toggle(t.id, d.checked === true)} />
          ))}
        </div>
      </Field>
      <Field label="插入位置">
        <RadioGroup value={at} onChange={(_, d) => setAt(d.value as PaneSettings['insertAt'])}>
          <Radio value="sheets" label="每张表一个新工作表" />
          <Radio value="selection" label="从所选单元格起依次向下（不覆盖已有内容）" />
        </RadioGroup>
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || chosen.size === 0} onClick={insert} data-testid="insert">
          插入 {chosen.size} 张表
        </Button>
      </div>
    </section>
  );
}
