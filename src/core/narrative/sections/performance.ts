/** 十三 预算绩效: the 自评 figures and texts the user gives; the share of 项目支出 from 公开05. */
import { Block, fill, ph } from '../doc';
import { HEADINGS, S13 } from '../patterns';
import { Writer, paragraphs } from './writer';

export function performance(w: Writer): Block[] {
  const p = w.p;
  const text = (path: string, what: string): Block[] => {
    const t = p.text(path);
    return t ? paragraphs(t).map((x) => w.para([{ text: x }])) : [w.para([ph(`${what}（参数“${path}”）`)])];
  };
  const blocks: Block[] = [w.h2(1, HEADINGS.十三一)];
  if (p.text('绩效.管理工作开展情况')) blocks.push(...text('绩效.管理工作开展情况', ''));
  else {
    const funds = p.amount('绩效.自评项目资金');
    const proj = w.f.get('一般公共预算项目支出');
    const cnt = p.num('绩效.自评项目数');
    blocks.push(
      w.para(
        fill(S13.overall, {
          年度: w.year,
          项目数: cnt !== undefined ? String(cnt) : ph('自评项目个数（参数“绩效.自评项目数”）'),
          资金: funds ? w.amt(funds) : ph('自评项目资金（参数“绩效.自评项目资金”）'),
          占比: funds && proj && !proj.value.isZero() ? fill(S13.overallShare, { 占比: w.share(funds, proj, w.s.shareDecimals) }) : '',
        }),
      ),
    );
  }
  blocks.push(w.h2(2, HEADINGS.十三二), ...text('绩效.部门整体自评结果', '部门整体支出绩效自评结果'));
  blocks.push(w.h2(3, HEADINGS.十三三));
  const idx = p.indices('绩效.项目');
  if (idx.length === 0) blocks.push(w.para([ph('项目支出绩效自评结果（参数“绩效.项目.1.名称”等）')]));
  idx.forEach((n, i) => {
    const b = p.amount(`绩效.项目.${n}.全年预算数`);
    const a = p.amount(`绩效.项目.${n}.执行数`);
    const summary = p.text(`绩效.项目.${n}.自评综述`);
    const [firstPara, ...rest] = summary ? paragraphs(summary) : [''];
    blocks.push(
      w.para(
        fill(S13.project, {
          序号: String(i + 1),
          名称: p.text(`绩效.项目.${n}.名称`) ?? ph(`项目名称（参数“绩效.项目.${n}.名称”）`),
          预算: b ? w.amt(b) : ph(`绩效.项目.${n}.全年预算数`),
          执行: a ? w.amt(a) : ph(`绩效.项目.${n}.执行数`),
          完成: a && b ? w.rateClause(a, b, S13) : '',
          综述: summary ? firstPara : ph(`项目绩效自评综述（参数“绩效.项目.${n}.自评综述”）`),
        }),
      ),
    );
    for (const t of rest) blocks.push(w.para([{ text: t }]));
  });
  blocks.push(w.h2(4, HEADINGS.十三四), ...text('绩效.结果应用', '绩效自评结果应用情况'));
  return blocks;
}
