// Who the archive library tells (issue 19), read from the events alone (each carries its campaign, unit and title):
// a document handed in or resubmitted asks the archivists to review it; a returned one goes back to whoever hands
// it in — the unit's people for a unit's document, the office for the office's. System documents ask no one.
import type { ArchiveLibraryEvent } from '../../../workflows/archive-library/archive-library.events';
import { LIBRARY_KIND_LABELS } from '../../../workflows/archive-library/archive-library.labels';
import { ARCHIVE_DOCUMENT_STREAM_PREFIX } from '../../../workflows/archive-library/archive-library.messages';
import type { Role } from '../../../workflows/shared/actor.types';

/** A notification as notification-rules.ts drafts it (kept apart here: that file imports this one). */
export interface ArchiveNotificationDraft {
  kind: 'APPROVAL_REQUEST' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

const NOTIFYING: ReadonlySet<string> = new Set(['LibraryDocumentSubmitted', 'LibraryDocumentResubmitted', 'LibraryDocumentReturned']);

export function isArchiveNotifying(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith(ARCHIVE_DOCUMENT_STREAM_PREFIX) && NOTIFYING.has(event.type);
}

export function archiveNotifications(event: { type: string; data: Record<string, unknown> }, unitName: (code: string) => string): ArchiveNotificationDraft[] {
  const e = { type: event.type, data: event.data } as ArchiveLibraryEvent;
  const base = { taskId: null, itemId: null, urgent: false } as const;
  const toArchivists: ArchiveNotificationDraft['audience'] = { roles: ['ARCHIVIST'], unitCode: null, unitRoles: [] };
  switch (e.type) {
    case 'LibraryDocumentSubmitted':
      if (e.data.source !== null) return [];
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          campaignId: e.data.campaignId,
          title: `【待验收】档案资料「${e.data.title}」`,
          text: `${e.data.unitCode ? unitName(e.data.unitCode) : '创建办'}提交了${LIBRARY_KIND_LABELS[e.data.kind]}「${e.data.title}」，请在「文书档案 → 档案库」验收或退回。`,
          audience: toArchivists,
        },
      ];
    case 'LibraryDocumentResubmitted':
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          campaignId: e.data.campaignId,
          title: `【待验收】档案资料「${e.data.title}」（重新提交）`,
          text: `${e.data.unitCode ? unitName(e.data.unitCode) : '创建办'}重新提交了被退回的档案资料，请在「文书档案 → 档案库」验收。`,
          audience: toArchivists,
        },
      ];
    case 'LibraryDocumentReturned':
      return [
        {
          ...base,
          kind: 'RETURNED',
          campaignId: e.data.campaignId,
          title: `【退回】档案资料「${e.data.title}」`,
          text: `档案组退回了该资料，退回原因：${e.data.reason}。请修改后在「文书档案 → 档案库」重新提交。`,
          audience: e.data.unitCode ? { roles: [], unitCode: e.data.unitCode, unitRoles: ['UNIT_HEAD', 'UNIT_MEMBER'] } : { roles: ['OFFICE'], unitCode: null, unitRoles: [] },
        },
      ];
    default:
      return [];
  }
}
