/**
 * What the pane keeps in the workbook: its small settings in workbook.settings (one JSON value),
 * and the 说明 parameters as a custom XML part (core/params-store.ts), which the CLI reads too.
 */
import { PARAMS_NAMESPACE } from '../core/params-store';
import { DEFAULT_PANE_SETTINGS, PaneSettings } from './host';
import { ExcelApi, runBatch } from './office';

const SETTING = 'budget.pane';

export async function loadSettings(api: ExcelApi): Promise<PaneSettings> {
  return runBatch(api, '读取设置', async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTING).load('value');
    await context.sync();
    const stored = item.isNullObject ? undefined : (item.value as Partial<PaneSettings> | undefined);
    return { ...DEFAULT_PANE_SETTINGS, ...validSettings(stored) };
  });
}

/** Only fields of the right type: a value written by another version or by hand is ignored. */
function validSettings(v: unknown): Partial<PaneSettings> {
  if (typeof v !== 'object' || v === null) return {};
  const o = v as Record<string, unknown>;
  const out: Partial<PaneSettings> = {};
  if (typeof o.notes === 'boolean') out.notes = o.notes;
  if (typeof o.resultSheet === 'boolean') out.resultSheet = o.resultSheet;
  if (typeof o.templateKind === 'string') out.templateKind = o.templateKind;
  if (o.insertAt === 'sheets' || o.insertAt === 'selection') out.insertAt = o.insertAt;
  return out;
}

export async function saveSettings(api: ExcelApi, settings: PaneSettings): Promise<void> {
  return runBatch(api, '保存设置', async (context) => {
    context.workbook.settings.add(SETTING, { ...settings });
    await context.sync();
  });
}

export async function loadParamsXml(api: ExcelApi): Promise<string | undefined> {
  return runBatch(api, '读取说明参数', async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PARAMS_NAMESPACE).load('items/id');
    await context.sync();
    const xml = parts.items.map((p) => p.getXml());
    await context.sync();
    return xml[0]?.value;
  });
}

/** Replaces the parameters part (there is at most one); undefined removes it. */
export async function saveParamsXml(api: ExcelApi, xml: string | undefined): Promise<void> {
  return runBatch(api, '保存说明参数', async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PARAMS_NAMESPACE).load('items/id');
    await context.sync();
    for (const p of parts.items) p.delete();
    if (xml !== undefined) context.workbook.customXmlParts.add(xml);
    await context.sync();
  });
}
