// The demo's archive library (issue 19): the office's 实施方案 and the minutes of its first 推进会, both accepted by
// the archivist (the 实施方案 tagged to A3, the minutes under 综合资料); 外滩社区's photos of a volunteer activity
// awaiting review; 滨江社区's briefing returned with a reason — so that 文书档案 → 档案库 shows every state and a
// package can be built at once. Tiny generated PDFs; fixed workflow ids: running it again adds nothing.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { FileStore } from '../platform/files/file-store';
import { ARCHIVE_LIBRARY_WORKFLOW_TYPE, libraryActionUpdate, libraryDocumentWorkflowId, librarySubmittedUpdate } from '../../workflows/archive-library/archive-library.messages';
import type { LibraryDocumentInput, LibraryKind, LibraryTag } from '../../workflows/archive-library/archive-library.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DEMO_CAMPAIGN, DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** A one-page PDF holding one line of ASCII text: enough to open, hash and package. */
export function tinyPdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface DemoDocument {
  key: string;
  title: string;
  kind: LibraryKind;
  fileName: string;
  text: string;
  by: string;
  tags: LibraryTag[];
  review: { action: 'ACCEPT' } | { action: 'RETURN'; reason: string } | null;
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  { key: 'demo-plan', title: '外滩街道创建全国文明城区工作实施方案', kind: 'PLAN', fileName: '创文工作实施方案.pdf', text: 'Implementation plan', by: 'office', tags: [{ kind: 'INDICATOR', code: 'A3' }], review: { action: 'ACCEPT' } },
  { key: 'demo-minutes', title: '第一次创文工作推进会会议纪要', kind: 'MINUTES', fileName: '第一次推进会会议纪要.pdf', text: 'Minutes of the first meeting', by: 'office', tags: [], review: { action: 'ACCEPT' } },
  { key: 'demo-photos', title: '外滩社区“文明实践周”志愿服务活动照片', kind: 'PHOTO', fileName: '志愿服务活动照片.pdf', text: 'Volunteer activity photos', by: 'wtsq.member', tags: [{ kind: 'INDICATOR', code: 'A3' }], review: null },
  {
    key: 'demo-briefing',
    title: '滨江社区创文工作简报（第1期）',
    kind: 'BRIEFING',
    fileName: '滨江社区创文简报第1期.pdf',
    text: 'Community briefing no. 1',
    by: 'bjsq.head',
    tags: [],
    review: { action: 'RETURN', reason: '缺少活动时间和参与人数，请补充后重新提交。' },
  },
];

/** Hands in the demo's library documents and reviews them; answers how many were started now. */
export async function seedDemoArchive(client: Client, taskQueue: string, files: FileStore): Promise<number> {
  let started = 0;
  for (const doc of DEMO_DOCUMENTS) {
    const by = actorOf(doc.by);
    const file = await files.put(doc.fileName, tinyPdf(doc.text));
    const input: LibraryDocumentInput = { campaignId: DEMO_CAMPAIGN.id, title: doc.title, kind: doc.kind, file, unitCode: by.unitCode, tags: doc.tags, source: null, submittedBy: by };
    const workflowId = libraryDocumentWorkflowId(doc.key);
    try {
      const handle = await client.workflow.start(ARCHIVE_LIBRARY_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
      await handle.executeUpdate(librarySubmittedUpdate);
      started += 1;
      if (doc.review) {
        const command = doc.review.action === 'ACCEPT' ? { action: 'ACCEPT' as const, note: '' } : { action: 'RETURN' as const, reason: doc.review.reason };
        await handle.executeUpdate(libraryActionUpdate, { args: [{ command, actor: actorOf('archivist') }] });
      }
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue; // seeded before: leave it as it is
      throw err;
    }
  }
  return started;
}
