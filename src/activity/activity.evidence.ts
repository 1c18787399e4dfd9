// A held activity as one PDF for the archive library: its kind, organiser, dates, place, attendance, indicators and
// summary, then its photos (JPEG and PNG drawn on the page, others named), in the bundled Chinese font. Deterministic
// for the same activity (its recording time as the creation date).
import PDFDocument from 'pdfkit';
import { briefingFonts } from '../briefing/briefing-document';
import { ACTIVITY_KIND_LABELS } from '../../workflows/activity/activity.labels';
import type { ActivityState } from '../../workflows/activity/activity.types';

export interface EvidencePhoto {
  name: string;
  mimeType: string;
  content: Buffer | null;
}

export function renderActivityEvidencePdf(a: ActivityState, organiser: string, indicators: string[], photos: readonly EvidencePhoto[]): Promise<Buffer> {
  const { regular, bold } = briefingFonts();
  const created = a.recordedAt ? new Date(a.recordedAt) : new Date(0);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 70, right: 70 }, info: { Title: `活动记录 ${a.title}`, Creator: '创文工作流引擎', CreationDate: created, ModDate: created } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - 140;
  doc.font('bold').fontSize(18).text(`活动记录：${a.title}`, { align: 'center', width }).moveDown(0.8);
  const lines: [string, string][] = [
    ['活动类别', ACTIVITY_KIND_LABELS[a.kind]],
    ['承办单位', organiser],
    ['计划日期', a.plannedDate],
    ['举办日期', a.heldDate ?? ''],
    ['活动地点', a.place],
    ['参加人数', a.attendance === null ? '' : `${a.attendance} 人`],
    ['服务指标', indicators.join('；')],
  ];
  for (const [label, value] of lines) doc.font('bold').fontSize(11).text(`${label}：`, { continued: true, width }).font('regular').text(value, { width });
  doc.moveDown(0.8).font('bold').fontSize(13).text('活动总结', { width }).moveDown(0.3);
  doc.font('regular').fontSize(11).text(a.summary ?? '', { width, indent: 22, lineGap: 4 });
  if (photos.length > 0) {
    doc.moveDown(0.8).font('bold').fontSize(13).text(`活动照片（${photos.length} 张）`, { width });
    for (const p of photos) {
      const drawable = p.content !== null && (p.mimeType === 'image/jpeg' || p.mimeType === 'image/png');
      if (drawable) {
        try {
          doc.addPage();
          doc.image(p.content!, { fit: [width, doc.page.height - 180], align: 'center' });
          doc.moveDown(0.5).font('regular').fontSize(10).text(p.name, { align: 'center', width });
          continue;
        } catch {
          // An image pdfkit cannot read is named instead.
        }
      }
      doc.moveDown(0.3).font('regular').fontSize(10).text(`照片：${p.name}（原文件见活动记录）`, { width });
    }
  }
  doc.end();
  return done;
}
