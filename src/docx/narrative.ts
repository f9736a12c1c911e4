/**
 * The generated 说明 as a Word document laid out as a finance office publishes it. Shared by
 * `budget narrative --out x.docx` and the task pane's download; the docx package is imported
 * only when a document is made (in the pane: on the click, as its own chunk).
 */
import { NarrativeDoc, isPlaceholder, placeholderText } from '../core/narrative/doc';

const FONT_BODY = '仿宋_GB2312';
const FONT_BODY_FALLBACK = '仿宋';
const FONT_HEADING = '黑体';
const FONT_SUB = '楷体_GB2312';
const FONT_TITLE = '方正小标宋简体';
const PT = 2; // docx sizes are half-points

/**
 * The 说明 as a docx Document (GB/T 9704 公文 layout: 三号仿宋 body, 黑体 一级标题, 楷体 二级标题),
 * with the docx module's Packer: the CLI packs it to a Buffer, the pane to a Blob.
 */
export async function narrativeDocx(doc: NarrativeDoc): Promise<{ Packer: typeof import('docx').Packer; document: import('docx').Document }> {
  const d = await import('docx');
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, AlignmentType, HeadingLevel, Footer, PageNumber, BorderStyle, LineRuleType, HighlightColor, VerticalAlign } = d;
  const font = (east: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: east, cs: east });
  const lineExact = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const body = (parts: Extract<NarrativeDoc['blocks'][number], { kind: 'para' }>['parts']): InstanceType<typeof Paragraph> =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 640 },
      spacing: lineExact,
      children: parts.map((p) =>
        isPlaceholder(p)
          ? new TextRun({ text: placeholderText(p.placeholder), highlight: HighlightColor.YELLOW })
          : new TextRun({ text: p.text }),
      ),
    });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: doc.title, font: font(FONT_TITLE), size: 22 * PT })],
    }),
  );
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      children.push(
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          indent: { firstLine: 640 },
          spacing: lineExact,
          keepNext: true,
          children: [new TextRun({ text: `${b.number ?? ''}${b.text}` })],
        }),
      );
    } else if (b.kind === 'para') {
      children.push(body(b.parts));
    } else {
      const cellPara = (text: string, i: number, header: boolean) =>
        new Paragraph({
          alignment: header || i === 0 ? (header ? AlignmentType.CENTER : AlignmentType.LEFT) : AlignmentType.RIGHT,
          spacing: { before: 40, after: 40 },
          children: [new TextRun({ text, bold: header, font: font(header ? FONT_HEADING : FONT_BODY), size: 12 * PT })],
        });
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const widths = [2700, 1100, 1100, 1000, 1100, 1200, 1100];
      const row = (cells: readonly string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          children: cells.map(
            (t, i) =>
              new TableCell({
                borders,
                verticalAlign: VerticalAlign.CENTER,
                width: { size: widths[i] ?? 1100, type: WidthType.DXA },
                children: [cellPara(t, i, header)],
              }),
          ),
        });
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 120 },
          keepNext: true,
          children: [new TextRun({ text: b.caption, font: font(FONT_HEADING), size: 14 * PT })],
        }),
      );
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: widths.slice(0, b.header.length),
          rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
        }),
      );
      children.push(new Paragraph({ spacing: lineExact, children: [] }));
    }
  }
  const document = new Document({
    title: doc.title,
    creator: 'budget-addin',
    description: '由部门决算公开表自动生成的决算情况说明；黄色底纹为待填写内容。',
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONT_BODY, cs: FONT_BODY_FALLBACK }, size: 16 * PT, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
      // 一级标题黑体, 二级标题楷体, both 三号 like the body.
      paragraphStyles: [FONT_HEADING, FONT_SUB].map((east, level) => ({
        id: `Heading${level + 1}`,
        name: `Heading ${level + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: font(east), size: 16 * PT, bold: false, color: '000000' },
        paragraph: { spacing: lineExact, outlineLevel: level },
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, footer: 992 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 14 * PT })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return { Packer, document };
}
