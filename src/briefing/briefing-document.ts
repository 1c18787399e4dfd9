// The documents of a briefing (issue 19): the .docx from the committed template (templates/briefing/BRIEFING.docx,
// filled with docxtemplater) and the PDF drawn with pdfkit in the bundled Noto Sans SC (from
// @expo-google-fonts/noto-sans-sc: Chinese renders on any machine, no system fonts are used). Both come from the
// same data, built from the briefing's state and the units' names.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PDFDocument from 'pdfkit';
import PizZip from 'pizzip';
import { projectRoot } from '../platform/runtime/project-paths';
import { BRIEFING_ISSUER, BRIEFING_KIND_LABELS } from '../../workflows/briefing/briefing.labels';
import type { BriefingStateView } from '../../workflows/briefing/briefing.types';
import { shanghaiDate } from '../../workflows/shared/time';

/** What the template may say. */
export const BRIEFING_PLACEHOLDERS = {
  kindTitle: '类别（工作简报／督查通报）',
  number: '期号，如 创文简报〔2027〕第5期',
  issuer: '印发单位',
  publishedDate: '印发日期',
  title: '标题',
  sections: '正文各节（循环：{#sections}{heading}{body}{/sections}）',
  heading: '小标题（仅在 sections 循环内）',
  body: '正文（仅在 sections 循环内）',
  hasUnits: '是否点名单位（条件段）',
  units: '点名单位名称',
  ackDueDate: '签收期限',
  hasAttachments: '是否有附件（条件段）',
  attachments: '附件名称',
} as const;

export interface BriefingDocumentData {
  kindTitle: string;
  number: string;
  issuer: string;
  publishedDate: string;
  title: string;
  sections: { heading: string; body: string }[];
  hasUnits: boolean;
  units: string;
  ackDueDate: string;
  hasAttachments: boolean;
  attachments: string;
}

/** 2027年3月31日, in Asia/Shanghai. */
export function chineseDate(iso: string): string {
  const [y, m, d] = shanghaiDate(iso).split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

export function briefingDocumentData(s: BriefingStateView, unitName: (code: string) => string): BriefingDocumentData {
  const units = (s.acks.length > 0 ? s.acks.map((a) => a.unitCode) : s.namedUnits).map(unitName);
  return {
    kindTitle: BRIEFING_KIND_LABELS[s.kind],
    number: s.number ?? '（未印发）',
    issuer: BRIEFING_ISSUER,
    publishedDate: s.publishedAt ? chineseDate(s.publishedAt) : '',
    title: s.title,
    sections: s.sections.map((x) => ({ heading: x.heading, body: x.body })),
    hasUnits: units.length > 0,
    units: units.join('、'),
    ackDueDate: s.ackDueAt ? chineseDate(s.ackDueAt) : '',
    hasAttachments: s.attachments.length > 0,
    attachments: s.attachments.map((a, i) => `${i + 1}. ${a.name}`).join('；'),
  };
}

export function briefingFileName(s: BriefingStateView, extension: 'docx' | 'pdf'): string {
  const safe = s.title.replace(/[\\/:*?"<>|\r\n]/g, '_').slice(0, 60);
  return `${BRIEFING_KIND_LABELS[s.kind]}（${s.number ?? '草稿'}）${safe}.${extension}`;
}

let template: Buffer | null = null;
function defaultTemplate(): Buffer {
  template ??= fs.readFileSync(path.join(projectRoot(), 'templates', 'briefing', 'BRIEFING.docx'));
  return template;
}

export function renderBriefingDocx(data: BriefingDocumentData): Buffer {
  const doc = new Docxtemplater(new PizZip(defaultTemplate()), { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

let fonts: { regular: string; bold: string } | null = null;
/** The bundled font files (never a system font). */
export function briefingFonts(): { regular: string; bold: string } {
  if (!fonts) {
    const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fonts = { regular: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') };
  }
  return fonts;
}

/** The PDF, A4, the font subset embedded. Deterministic for the same data (fixed creation date). */
export function renderBriefingPdf(data: BriefingDocumentData, when: string | null): Promise<Buffer> {
  const { regular, bold } = briefingFonts();
  const created = when ? new Date(when) : new Date(0);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 80, right: 80 }, info: { Title: `${data.kindTitle} ${data.number} ${data.title}`, Creator: '创文工作流引擎', CreationDate: created, ModDate: created } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - 160;
  doc.font('bold').fontSize(30).fillColor('#c00000').text(data.kindTitle, { align: 'center', width });
  doc.moveDown(0.3).font('regular').fontSize(13).fillColor('black').text(data.number, { align: 'center', width });
  doc.moveDown(0.2).fontSize(11).text(`${data.issuer}${"\u3000".repeat(4)}${data.publishedDate}`, { align: 'center', width });
  const y = doc.y + 6;
  doc.moveTo(80, y).lineTo(80 + width, y).lineWidth(1.5).strokeColor('#c00000').stroke();
  doc.moveDown(1).font('bold').fontSize(17).fillColor('black').text(data.title, { align: 'center', width });
  doc.moveDown(0.8);
  for (const s of data.sections) {
    if (s.heading) doc.font('bold').fontSize(13).text(s.heading, { width }).moveDown(0.2);
    doc.font('regular').fontSize(12).text(s.body, { width, indent: 24, lineGap: 4, paragraphGap: 6 }).moveDown(0.5);
  }
  if (data.hasUnits) doc.moveDown(0.5).font('bold').fontSize(12).text(`点名单位（请于${data.ackDueDate}前签收）：${data.units}`, { width });
  if (data.hasAttachments) doc.moveDown(0.5).font('regular').fontSize(11).text(`附件：${data.attachments}`, { width });
  doc.moveDown(1.5).font('regular').fontSize(11).text('报：区创建办、街道创建工作领导小组', { width }).text('送：街道各科室、各社区、各责任单位', { width });
  doc.end();
  return done;
}
