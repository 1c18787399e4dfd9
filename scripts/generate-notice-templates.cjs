// Writes the default templates of official notices (issue 16) to templates/official-notice/<KIND>.docx with the
// `docx` library (a devDependency: the files are committed, the running service only fills them with docxtemplater).
// Run again after changing the wording: `node scripts/generate-notice-templates.cjs`. The placeholders are the ones
// src/official-notice/notice-document.ts fills (NOTICE_PLACEHOLDERS); an office's own template may use any of them.
const fs = require('node:fs');
const path = require('node:path');
const { AlignmentType, Document, Packer, Paragraph, TextRun } = require('docx');

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const BODY = {
  SUPERVISION:
    '经查，你单位承担的{subject}（测评指标：{indicator}），办理期限为{deadline}，目前仍未按期完成。根据创建工作时限管理规定，现予以督办（{step}）。请你单位主要负责人亲自过问，立即组织整改，于三个工作日内将办理情况书面报送创建办，并于{ackDueDate}前在创文工作看板签收本通知单。',
  RECTIFICATION:
    '经查，{subject}（测评内容：{indicator}）派你单位整改，整改期限为{deadline}，目前仍未整改到位。根据创建工作时限管理规定，现下达整改通知书（{step}）。请你单位立即整改，整改完成后拍照上传看板，并于{ackDueDate}前在创文工作看板签收本通知书。',
  INTERVIEW:
    '你单位承担的{subject}（测评指标/内容：{indicator}），办理期限为{deadline}，经提醒、催办、督办仍未完成。根据创建工作时限管理规定，创建办将约谈你单位主要负责人（{step}），请做好汇报准备，约谈时间另行通知。请于{ackDueDate}前在创文工作看板签收本通知书。',
};

const p = (text, options = {}) =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: 120, line: 360 },
    indent: options.indent ? { firstLine: 480 } : undefined,
    children: [new TextRun({ text, font: options.font ?? FONT, size: options.size ?? 28, bold: options.bold })],
  });

function template(kind) {
  return new Document({
    creator: '创文工作流引擎',
    title: '正式通知模板',
    sections: [
      {
        children: [
          p('{kindTitle}', { align: AlignmentType.CENTER, font: TITLE_FONT, size: 44, bold: true }),
          p('{number}', { align: AlignmentType.CENTER }),
          p(''),
          p('{unitName}：'),
          p(BODY[kind], { indent: true }),
          p('补充说明：{note}', { indent: true }),
          p('办理经过：', { bold: true }),
          p('{#history}'),
          p('{date}　{text}', { indent: true, size: 24 }),
          p('{/history}'),
          p(''),
          p('{issuer}', { align: AlignmentType.RIGHT }),
          p('{issuedDate}', { align: AlignmentType.RIGHT }),
          p('—————————— 签收回执 ——————————', { align: AlignmentType.CENTER, bold: true }),
          p('通知编号：{number}'),
          p('签收单位：{unitName}'),
          p('签收人：{acknowledgedBy}'),
          p('签收时间：{acknowledgedAt}'),
          p('签收期限：{ackDueDate}'),
          p('（由单位负责人在创文工作看板上签收；纸质件签字后交创建办存档。）', { size: 21 }),
        ],
      },
    ],
  });
}

async function main() {
  const dir = path.resolve(__dirname, '../templates/official-notice');
  fs.mkdirSync(dir, { recursive: true });
  for (const kind of Object.keys(BODY)) {
    const buffer = await Packer.toBuffer(template(kind));
    fs.writeFileSync(path.join(dir, `${kind}.docx`), buffer);
    console.log(`wrote templates/official-notice/${kind}.docx (${buffer.length} bytes)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
