/**
 * The task pane: 校验并生成说明 (the one primary action), the findings, 清除标记, the .docx
 * download, inserting blank tables, and the settings kept in the workbook. Everything Excel is
 * behind `host` (src/excel/host.ts); everything about budgets is the engine (src/core).
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SEVERITY_LABEL } from '../src/core/findings';
import { tableTitle } from '../src/core/kinds';
import type { NarrativeDoc } from '../src/core/narrative';
import { FlatParams, flatParams, nestParams, paramsToXml, readParamsXml } from '../src/core/params-store';
import { SheetDraft } from '../src/core/templates/render';
import { DEFAULT_PANE_SETTINGS, HostError, PaneSettings, SpreadsheetHost } from '../src/excel/host';
import { CheckResult, CheckStep, NoTablesError, runCheck } from './check';
import { FindingsList } from './FindingsList';
import { InsertTables } from './InsertTables';
import { Settings } from './Settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px 14px 24px', maxWidth: '720px' },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  tabs: { display: 'flex', gap: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px' },
  summary: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '8px 10px', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

const TABS = [
  ['check', '校验'],
  ['insert', '插入表格'],
  ['settings', '设置'],
] as const;
type TabName = (typeof TABS)[number][0];

type Notice = { intent: 'error' | 'warning' | 'success' | 'info'; title?: string; text: string };

/** A failure as the user should read it. */
function describe(e: unknown): Notice {
  if (e instanceof NoTablesError) return { intent: 'warning', title: '没有可校验的表格', text: e.message };
  if (e instanceof HostError) return { intent: 'error', title: e.kind === 'tooLarge' ? '工作簿过大' : e.kind === 'busy' ? 'Excel 正忙' : '操作未完成', text: e.message };
  return { intent: 'error', title: '出错了', text: `内部错误：${e instanceof Error ? e.message : String(e)}。工作簿中的数据未被修改。` };
}

async function downloadDocx(narrative: NarrativeDoc, name: string): Promise<void> {
  // The docx code is a chunk of its own, fetched on this click only.
  const { narrativeDocx } = await import(/* webpackChunkName: "docx" */ '../src/docx/narrative');
  const { Packer, document: doc } = await narrativeDocx(narrative);
  const blob = await Packer.toBlob(doc);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export interface AppProps {
  host: SpreadsheetHost;
}

/** The whole pane; loaded right after the first render of the shell (index.tsx). */
export default function App({ host }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [tab, setTab] = React.useState<TabName>('check');
  const [busy, setBusy] = React.useState(false);
  const [step, setStep] = React.useState<CheckStep | undefined>();
  const [result, setResult] = React.useState<CheckResult | undefined>();
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [settings, setSettings] = React.useState<PaneSettings>(DEFAULT_PANE_SETTINGS);
  const [params, setParams] = React.useState<FlatParams>({});
  const [confirmSheets, setConfirmSheets] = React.useState<string[] | undefined>();

  React.useEffect(() => {
    performance.mark('pane-ready');
    void (async () => {
      try {
        setSettings(await host.loadSettings());
        const xml = await host.loadParamsXml();
        if (xml !== undefined) {
          const read = readParamsXml(xml);
          if ('problem' in read) setNotices([{ intent: 'warning', title: '说明参数无法读取', text: `工作簿中保存的说明参数${read.problem}。可在“设置”中重新填写并保存。` }]);
          else setParams(flatParams(read.json));
        }
      } catch (e) {
        setNotices([describe(e)]);
      }
    })();
  }, [host]);

  /** Runs one host action with the busy state and error messages. */
  const act = async (what: () => Promise<Notice[] | void>) => {
    if (busy) return;
    setBusy(true);
    setNotices([]);
    try {
      setNotices((await what()) ?? []);
    } catch (e) {
      setNotices([describe(e)]);
    } finally {
      setBusy(false);
      setStep(undefined);
    }
  };

  const check = () =>
    act(async () => {
      setResult(undefined);
      const r = await runCheck(host, settings, setStep);
      setResult(r);
      const out: Notice[] = [];
      if (r.paramsProblem) out.push({ intent: 'warning', title: '说明参数有问题', text: r.paramsProblem });
      if (r.unreadable.length) {
        const first = r.unreadable[0];
        out.push({ intent: 'warning', title: `${r.unreadable.length} 个单元格无法读取为金额`, text: `这些单元格未参与校验，例如 ${first.sheet}!${first.cells[0] ?? ''}：${first.message}` });
      }
      if (!host.supportsNotes() && settings.notes) out.push({ intent: 'info', text: '当前 Excel 版本不支持单元格批注，各条结果见“校验结果”工作表。' });
      return out;
    });

  const clear = (withSheets: boolean) =>
    act(async () => {
      setConfirmSheets(undefined);
      const counts = await host.clearMarks();
      const gone = withSheets ? await host.deleteResultSheets() : [];
      setResult(undefined);
      return [{ intent: 'success', text: `已清除 ${counts.rules} 条标记规则、${counts.notes} 条批注${gone.length ? `，并删除工作表 ${gone.join('、')}` : ''}。` }];
    });

  const askClear = () =>
    act(async () => {
      const sheets = await host.resultSheets();
      if (sheets.length) setConfirmSheets(sheets);
      else {
        const counts = await host.clearMarks();
        setResult(undefined);
        return [{ intent: 'success', text: `已清除 ${counts.rules} 条标记规则、${counts.notes} 条批注。` }];
      }
    });

  const insert = (drafts: SheetDraft[], at: PaneSettings['insertAt'], kind: string) =>
    act(async () => {
      const placed = await host.insertTables(drafts, at);
      const next = { ...settings, insertAt: at, templateKind: kind };
      setSettings(next);
      await host.saveSettings(next);
      return [{ intent: 'success', text: `已插入 ${placed.length} 张表：${placed.join('、')}。` }];
    });

  const saveSettings = (next: PaneSettings) =>
    act(async () => {
      setSettings(next);
      await host.saveSettings(next);
    });

  const saveParams = (next: FlatParams) =>
    act(async () => {
      const nested = nestParams(next);
      await host.saveParamsXml(Object.keys(nested).length ? paramsToXml(nested) : undefined);
      setParams(flatParams(nested));
      return [{ intent: 'success', text: '说明参数已保存到本工作簿。再次“校验并生成说明”即按新参数生成。' }];
    });

  const summary = result?.summary;
  return (
    <main className={s.root}>
      <header className={s.header}>
        <Text as="h1" size={500} weight="semibold">
          预算公开校验
        </Text>
        <Caption1>逐行、逐栏、按科目层级及表间勾稽校验公开表，区分错误与尾差，并生成情况说明。</Caption1>
      </header>
      <nav className={s.tabs} role="tablist" aria-label="功能">
        {TABS.map(([value, label]) => (
          // Buttons, not Fluent's ToggleButton, whose styles alone would cost the pane ~2 KB gzipped.
          <Button key={value} role="tab" aria-selected={tab === value} appearance={tab === value ? 'secondary' : 'subtle'} size="small" onClick={() => setTab(value)}>
            {label}
          </Button>
        ))}
      </nav>

      {confirmSheets && (
        <MessageBar intent="warning" layout="multiline" data-testid="clear-confirm">
          <MessageBarBody>
            <MessageBarTitle>清除标记</MessageBarTitle>
            将删除本加载项添加的条件格式和批注。是否同时删除加载项写入的工作表 {confirmSheets.join('、')}？您自己的内容不受影响。
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={() => clear(true)} data-testid="clear-with-sheets">
              同时删除工作表
            </Button>
            <Button size="small" onClick={() => clear(false)} data-testid="clear-marks-only">
              只清除标记
            </Button>
            <Button appearance="subtle" size="small" onClick={() => setConfirmSheets(undefined)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} data-testid={`notice-${n.intent}`}>
          <MessageBarBody>
            {n.title && <MessageBarTitle>{n.title}</MessageBarTitle>}
            {n.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {step && (
        <Field validationMessage={step.label} validationState="none" data-testid="progress">
          <ProgressBar value={step.progress} />
        </Field>
      )}

      {tab === 'check' && (
        <>
          <div className={s.actions}>
            <Button appearance="primary" disabled={busy} onClick={check} data-testid="check">
              校验并生成说明
            </Button>
            <Button disabled={busy} onClick={askClear} data-testid="clear">
              清除标记
            </Button>
            {result?.narrative && (
              <Button disabled={busy} onClick={() => act(async () => downloadDocx(result.narrative!, `${result.narrative!.title}.docx`))} data-testid="download">
                下载说明（.docx）
              </Button>
            )}
          </div>
          {result && summary && (
            <div className={s.summary} data-testid="summary" data-validate-ms={result.validateMs.toFixed(2)} data-total-ms={result.totalMs.toFixed(2)}>
              <Text weight="semibold">
                识别到 {result.tables.length} 张表：{SEVERITY_LABEL.error} {summary.error} 条，{SEVERITY_LABEL.rounding} {summary.rounding} 条，{SEVERITY_LABEL.warning} {summary.warning} 条
              </Text>
              <Caption1>{result.tables.map((t) => tableTitle(t.id)).join('、')}</Caption1>
              <Caption1>
                已标记 {result.marks.cells} 个单元格{result.marks.notes ? `，添加批注 ${result.marks.notes} 条` : ''}
                {result.marks.skippedNotes ? `（${result.marks.skippedNotes} 个单元格已有您的批注，未覆盖）` : ''}；已写入工作表 {result.sheets.join('、')}。
              </Caption1>
            </div>
          )}
          {result && <FindingsList findings={result.findings} onSelect={(sheet, cells) => void act(() => host.selectCells(sheet, cells))} />}
        </>
      )}
      {tab === 'insert' && <InsertTables settings={settings} busy={busy} onInsert={insert} />}
      {tab === 'settings' && <Settings settings={settings} notesSupported={host.supportsNotes()} params={params} busy={busy} onSaveSettings={saveSettings} onSaveParams={saveParams} />}

    </main>
  );
}
