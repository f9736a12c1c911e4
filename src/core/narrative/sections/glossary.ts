/** 名词解释: the standard terms, the 项 the unit used with their explanation, the user's own terms. */
import { Block, chineseNumber, fill, ph } from '../doc';
import { GLOSSARY, GLOSSARY_EXTRA, GLOSSARY_SUBJECT, SUBJECT_EXPLANATIONS } from '../patterns';
import { Writer } from './writer';

export function glossary(w: Writer): Block[] {
  const level = w.p.text('财政级次') ?? '本级';
  const blocks: Block[] = [];
  let n = 0;
  const used = usedSubjects(w);
  for (const g of GLOSSARY) {
    if (g.when === 'subjects') {
      if (used.length === 0) continue;
      n++;
      blocks.push(w.para([{ text: `（${chineseNumber(n)}）${g.term}：` }]));
      used.forEach((code, i) => {
        const itemName = w.codeName(code);
        const expl = SUBJECT_EXPLANATIONS[typeof itemName === 'string' ? itemName : ''];
        blocks.push(
          w.para(
            fill(GLOSSARY_SUBJECT, {
              序号: String(i + 1),
              类名: w.codeName(code.slice(0, 3)),
              款名: w.codeName(code.slice(0, 5)),
              项名: itemName,
              说明: expl ?? ph(`科目${code}的说明（参考当年《政府收支分类科目》）`),
            }),
          ),
        );
      });
      continue;
    }
    n++;
    blocks.push(w.para([{ text: `（${chineseNumber(n)}）${g.term}：${g.text.replace('{级次}', level)}` }]));
  }
  for (const i of w.p.indices('名词解释')) {
    const term = w.p.text(`名词解释.${i}.名词`);
    if (!term) continue;
    n++;
    blocks.push(w.para([{ text: `（${chineseNumber(n)}）` }, ...fill(GLOSSARY_EXTRA, { 名词: term, 解释: w.p.text(`名词解释.${i}.解释`) ?? ph(`“${term}”的解释`) })]));
  }
  return blocks;
}

/** 7-digit codes with figures in 05 (or 03 when 05 is absent), in table order. */
function usedSubjects(w: Writer): string[] {
  for (const t of ['决算05', '决算03']) {
    if (!w.f.has(t)) continue;
    return w.f
      .codedRows(t, 7)
      .filter((r) => Object.values(r.cells).some((cell) => !cell.figure.value.isZero()))
      .map((r) => r.key);
  }
  return [];
}
