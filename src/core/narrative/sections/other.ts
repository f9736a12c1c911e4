/** 十 机关运行经费 · 十一 政府采购 · 十二 国有资产占用: figures from the params only. */
import { EQUIPMENT_LIMITS, VEHICLE_KINDS } from '../../codes/disclosure';
import { roundHalfUp } from '../../money';
import { Block, Inline, SlotValue, fill, joinInline, merge, ph } from '../doc';
import { S10, S11, S12 } from '../patterns';
import { Writer, stripEndPunct } from './writer';

export function runningCosts(w: Writer): Block[] {
  const text = w.p.text('机关运行经费.说明');
  if (text) return text.split(/\n+/).map((t) => w.para([{ text: t.trim() }]));
  const amount = w.p.amount('机关运行经费.金额');
  const budget = w.p.amount('年初预算.机关运行经费');
  const out: Inline[][] = [];
  if (amount && roundHalfUp(amount.value, w.s.amountDecimals).isZero()) {
    out.push(fill(S10.zero, { 年度: w.year, 单位: w.unit, 金额: w.amt(amount), 原因: w.reason(['原因.机关运行经费'], '机关运行经费为零的原因') }));
    const prior = w.p.amount('上年.机关运行经费');
    if (prior && !roundHalfUp(prior.value, w.s.amountDecimals).isZero()) out.push(w.change({ subject: S10.subject, current: amount, priorPath: '上年.机关运行经费', noun: '支出', reasons: false }).parts);
    return [w.para(...out)];
  }
  out.push(
    merge([
      ...fill(S10.amount, { 年度: w.year, 单位: w.unit, 金额: amount ? w.amt(amount) : ph('机关运行经费支出金额（参数“机关运行经费.金额”）') }),
      ...(budget ? fill(S10.budget, { 预算: w.amt(budget) }) : []),
      ...fill(S10.end, {}),
    ]),
  );
  if (amount) out.push(w.change({ subject: S10.subject, current: amount, priorPath: '上年.机关运行经费', noun: '支出', reasons: ['原因.机关运行经费'] }).parts);
  return [w.para(...out)];
}

export function procurement(w: Writer): Block[] {
  const p = w.p;
  const total = p.amount('政府采购.总额');
  if (total && total.value.isZero()) return [w.para(fill(S11.none, { 年度: w.year, 单位: w.unit }))];
  const a = (path: string, what: string): SlotValue => {
    const v = p.amount(path);
    return v ? w.amt(v) : ph(`${what}（参数“${path}”）`);
  };
  const out: Inline[][] = [
    fill(S11.total, { 年度: w.year, 单位: w.unit, 总额: a('政府采购.总额', '政府采购支出总额'), 货物: a('政府采购.货物', '政府采购货物支出'), 工程: a('政府采购.工程', '政府采购工程支出'), 服务: a('政府采购.服务', '政府采购服务支出') }),
  ];
  const sme = p.amount('政府采购.中小企业合同金额');
  const parts: Inline[] = [
    ...fill(S11.sme, {
      中小: a('政府采购.中小企业合同金额', '授予中小企业合同金额'),
      占比: total && sme && !total.value.isZero() ? w.share(sme, total, w.s.shareDecimals) : ph('授予中小企业合同金额占比（填写总额和中小企业合同金额后自动计算）'),
    }),
  ];
  const small = p.amount('政府采购.小微企业合同金额');
  if (small && sme && !sme.value.isZero()) parts.push(...fill(S11.small, { 小微: w.amt(small), 小微占比: w.share(small, sme, w.s.shareDecimals) }));
  const kindParts: Inline[][] = [];
  for (const k of ['货物', '工程', '服务']) {
    const base = p.amount(`政府采购.${k}`);
    const part = p.amount(`政府采购.${k}中小企业合同金额`);
    if (base && part && !base.value.isZero()) kindParts.push(fill(S11.kindShare, { 类别: k, 占比: w.share(part, base, w.s.shareDecimals) }));
  }
  if (kindParts.length) parts.push({ text: S11.kindSep }, ...joinInline(kindParts, S11.kindSep));
  parts.push({ text: S11.end });
  out.push(parts);
  return [w.para(...out)];
}

export function assets(w: Writer): Block[] {
  const p = w.p;
  const n = p.num('国有资产.车辆总数');
  const parts: Inline[] = [...fill(S12.vehicles, { 年度: w.year, 单位: w.unit, 车辆: n !== undefined ? String(n) : ph('年末车辆总数（参数“国有资产.车辆总数”）') })];
  const given = VEHICLE_KINDS.filter((k) => p.num(`国有资产.车辆.${k}`) !== undefined);
  if (given.length) parts.push({ text: S12.kindsIntro }, ...joinInline(given.map((k) => fill(S12.kind, { 名称: k, 辆: String(p.num(`国有资产.车辆.${k}`)) })), S12.kindSep));
  const other = p.text('国有资产.其他用车说明');
  if (other) parts.push(...fill(S12.otherUse, { 说明: stripEndPunct(other) }));
  const eq = EQUIPMENT_LIMITS.filter((k) => p.num(`国有资产.${k}`) !== undefined);
  parts.push({ text: S12.equipmentSep });
  if (eq.length) parts.push(...joinInline(eq.map((k) => fill(S12.equipment, { 名称: k, 台: String(p.num(`国有资产.${k}`)) })), S12.kindSep));
  else parts.push(...fill(S12.equipment, { 名称: EQUIPMENT_LIMITS[2], 台: ph(`台（套）数（参数“国有资产.${EQUIPMENT_LIMITS[2]}”）`) }));
  parts.push({ text: S12.end });
  return [w.para(parts)];
}
