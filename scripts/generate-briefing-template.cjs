// Writes the default template of briefings and circulars (issue 19) to templates/briefing/BRIEFING.docx with the
// `docx` library (a devDependency: the file is committed, the running service only fills it with docxtemplater).
// Run again after changing the layout: `node scripts/generate-briefing-template.cjs`. The placeholders are the
// ones src/briefing/briefing-document.ts fills (BRIEFING_PLACEHOLDERS).
const fs = require('node:fs');
const path = require('node:path');
const { AlignmentType, Document, Packer, Paragraph, TextRun } = require('docx');

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const RED = 'C00000';

const p = (text, options = {}) =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: 120, line: 360 },
    indent: options.indent ? { firstLine: 480 } : undefined,
    children: [new TextRun({ text, font: options.font ?? FONT, size: options.size ?? 28, bold: options.bold, color: options.color })],
  });

const template = new Document({
  creator: '创文工作流引擎',
  title: '工作简报／督查通报模板',
  sections: [
    {
      children: [
        p('{kindTitle}', { align: AlignmentType.CENTER, font: TITLE_FONT, size: 56, bold: true, color: RED }),
        p('{number}', { align: AlignmentType.CENTER }),
        p('{issuer}　　　　{publishedDate}', { align: AlignmentType.CENTER, size: 24 }),
        p('————————————————————————————', { align: AlignmentType.CENTER, color: RED }),
        p('{title}', { align: AlignmentType.CENTER, font: TITLE_FONT, size: 36, bold: true }),
        p('{#sections}'),
        p('{heading}', { bold: true, font: TITLE_FONT }),
        p('{body}', { indent: true }),
        p('{/sections}'),
        p('{#hasUnits}'),
        p('点名单位（请于{ackDueDate}前签收）：{units}', { bold: true }),
        p('{/hasUnits}'),
        p('{#hasAttachments}'),
        p('附件：{attachments}', { size: 24 }),
        p('{/hasAttachments}'),
        p(''),
        p('报：区创建办、街道创建工作领导小组', { size: 24 }),
        p('送：街道各科室、各社区、各责任单位', { size: 24 }),
      ],
    },
  ],
});

async function main() {
  const dir = path.resolve(__dirname, '../templates/briefing');
  fs.mkdirSync(dir, { recursive: true });
  const buffer = await Packer.toBuffer(template);
  fs.writeFileSync(path.join(dir, 'BRIEFING.docx'), buffer);
  console.log(`wrote templates/briefing/BRIEFING.docx (${buffer.length} bytes)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
