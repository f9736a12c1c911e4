/**
 * Settings kept in the workbook: the pane's own (notes, 校验结果 sheet) in workbook.settings, and
 * the 说明 parameters (docs/narrative-params.md) in a custom XML part that `budget validate` /
 * `budget narrative` read too. The parameter form is drawn from PARAM_FIELDS: one input per
 * field, and for the fields of a code or a list index (年初预算.科目.{code}, 重点项目.{n}.名称)
 * rows the user adds. Values are checked with the CLI's validation before they are saved.
 */
import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Switch, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PARAM_FIELDS, ParamField, paramsFromJson } from '../src/core/narrative';
import { FlatParams, nestParams } from '../src/core/params-store';
import { PaneSettings } from '../src/excel/host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '6px 10px' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: '4px 0' },
  fields: { display: 'flex', flexDirection: 'column', gap: '8px', paddingBottom: '8px' },
  row: { display: 'flex', gap: '6px', alignItems: 'flex-end' },
});

const GROUP_NAMES: Record<string, string> = { '': '基本信息', 设置: '设置（小数位）' };
const isPattern = (f: ParamField) => /\{(code|n)\}/.test(f.path);
const patternRe = (f: ParamField) => new RegExp(`^${f.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{code\\}', '(\\d{3}|\\d{5}|\\d{7})').replace('\\{n\\}', '([1-9]\\d{0,2})')}$`);

/** Fields grouped by their first path segment (single-segment paths are 基本信息). */
function groups(): [string, ParamField[]][] {
  const out = new Map<string, ParamField[]>();
  for (const f of PARAM_FIELDS) {
    const head = f.path.includes('.') ? f.path.split('.')[0] : '';
    out.set(head, [...(out.get(head) ?? []), f]);
  }
  return [...out.entries()];
}

export interface SettingsProps {
  settings: PaneSettings;
  notesSupported: boolean;
  params: FlatParams;
  busy: boolean;
  onSaveSettings(s: PaneSettings): void;
  onSaveParams(p: FlatParams): void;
}

export function Settings({ settings, notesSupported, params, busy, onSaveSettings, onSaveParams }: SettingsProps): React.JSX.Element {
  const s = useStyles();
  const [draft, setDraft] = React.useState<FlatParams>(params);
  const [problems, setProblems] = React.useState<string[]>([]);
  const [newKey, setNewKey] = React.useState<Record<string, string>>({});
  React.useEffect(() => setDraft(params), [params]);

  const set = (path: string, value: string) => setDraft((d) => ({ ...d, [path]: value }));
  const remove = (path: string) =>
    setDraft((d) => {
      const { [path]: _gone, ...rest } = d;
      return rest;
    });
  const save = () => {
    const { problems: found } = paramsFromJson(nestParams(draft));
    setProblems(found.map((p) => (p.where && !p.message.includes(p.where) ? `${p.where}：${p.message}` : p.message)));
    if (found.length === 0) onSaveParams(draft);
  };
  const input = (f: ParamField, path: string, label: string) => {
    const value = draft[path] ?? '';
    const long = f.type === 'text' && !/名称|级次|名词$/.test(path);
    return (
      <div key={path} className={s.row}>
        <Field label={label} hint={f.desc} style={{ flex: 1 }}>
          {long ? <Textarea value={value} resize="vertical" onChange={(_, d) => set(path, d.value)} /> : <Input value={value} inputMode={f.type === 'text' ? 'text' : 'decimal'} onChange={(_, d) => set(path, d.value)} />}
        </Field>
        {isPattern(f) && (
          <Button size="small" appearance="subtle" aria-label={`删除 ${path}`} onClick={() => remove(path)}>
            删除
          </Button>
        )}
      </div>
    );
  };

  return (
    <section className={s.root} aria-label="设置">
      <Text weight="semibold">校验</Text>
      <Switch
        label={notesSupported ? '在标记的单元格上添加批注（【预算校验】开头）' : '在标记的单元格上添加批注（当前 Excel 版本不支持，结果见“校验结果”工作表）'}
        checked={settings.notes && notesSupported}
        disabled={!notesSupported || busy}
        onChange={(_, d) => onSaveSettings({ ...settings, notes: d.checked })}
      />
      <Switch label="写入“校验结果”工作表（含指向单元格的链接）" checked={settings.resultSheet} disabled={busy} onChange={(_, d) => onSaveSettings({ ...settings, resultSheet: d.checked })} />

      <Text weight="semibold">说明参数</Text>
      <Text size={200}>表格中没有的内容：单位名称、年度、上年数、年初预算、原因等。保存在本工作簿中，下次打开或用命令行 budget 处理此文件时同样生效。金额单位为万元。</Text>
      {groups().map(([head, fields]) => (
        <details key={head} className={s.group} open={head === ''}>
          <summary className={s.summary}>{GROUP_NAMES[head] ?? head}</summary>
          <div className={s.fields}>
            {fields.map((f) => {
              if (!isPattern(f)) return input(f, f.path, f.path.split('.').slice(1).join('.') || f.path);
              const re = patternRe(f);
              const present = Object.keys(draft).filter((k) => re.test(k)).sort();
              const what = f.path.includes('{code}') ? '科目编码' : '序号';
              return (
                <div key={f.path} className={s.fields}>
                  {present.map((p) => input(f, p, p))}
                  <div className={s.row}>
                    <Field label={`添加 ${f.path}（填${what}）`} style={{ flex: 1 }}>
                      <Input value={newKey[f.path] ?? ''} onChange={(_, d) => setNewKey((k) => ({ ...k, [f.path]: d.value.trim() }))} />
                    </Field>
                    <Button
                      size="small"
                      disabled={!re.test(f.path.replace(/\{code\}|\{n\}/, newKey[f.path] ?? ''))}
                      onClick={() => {
                        set(f.path.replace(/\{code\}|\{n\}/, newKey[f.path] ?? ''), '');
                        setNewKey((k) => ({ ...k, [f.path]: '' }));
                      }}
                    >
                      添加
                    </Button>
                  </div>
                </div>
              );
            })}
          </div>
        </details>
      ))}
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>参数有 {problems.length} 处问题，未保存：{problems.slice(0, 5).join('；')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button appearance="primary" disabled={busy} onClick={save} data-testid="save-params">
          保存说明参数
        </Button>
      </div>
    </section>
  );
}
