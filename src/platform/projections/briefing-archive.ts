// A published briefing is kept in the archive library (issue 19): its BriefingPublished writes, in the append's
// transaction, one workflow-outbox row that starts the library's system document for it — already accepted, source
// `briefing:<id>`, its PDF as the file. The workflow id is the source's hash (as ArchiveLibraryService.
// registerSystemDocument makes it), so a retried append, a rebuild or a second registration never keeps it twice.
import { createHash } from 'node:crypto';
import type { StoredEvent } from '../event-store/event-store.types';
import type { OutboxWorkflow } from '../outbox/workflow-outbox.repository';
import type { BriefingEvent } from '../../../workflows/briefing/briefing.events';
import { ARCHIVE_LIBRARY_WORKFLOW_TYPE, systemDocumentWorkflowId } from '../../../workflows/archive-library/archive-library.messages';
import { MAX_LIBRARY_TITLE_CHARS, type LibraryDocumentInput } from '../../../workflows/archive-library/archive-library.types';
import { SYSTEM_ACTOR } from '../../../workflows/shared/actor.types';

type Published = Extract<BriefingEvent, { type: 'BriefingPublished' }>['data'];

/** The source a briefing's library document is registered under. */
export function briefingArchiveSource(briefingId: string): string {
  return `briefing:${briefingId}`;
}

/** The library documents that published briefings start (none for other events). */
export function briefingsToArchive(events: readonly StoredEvent[]): OutboxWorkflow[] {
  return events.flatMap((event) => {
    if (event.type !== 'BriefingPublished') return [];
    const d = event.data as unknown as Published;
    const source = briefingArchiveSource(event.streamId);
    const input: LibraryDocumentInput = {
      campaignId: d.campaignId,
      title: [...`${d.number} ${d.title}`].slice(0, MAX_LIBRARY_TITLE_CHARS).join(''),
      kind: 'BRIEFING',
      file: { sha256: d.pdfFileId, name: d.pdfName, size: d.pdfSize ?? 0, mimeType: 'application/pdf' },
      unitCode: null,
      tags: [],
      source,
      submittedBy: SYSTEM_ACTOR,
    };
    const key = createHash('sha256').update(source).digest('hex').slice(0, 32);
    return [{ workflowId: systemDocumentWorkflowId(key), workflowType: ARCHIVE_LIBRARY_WORKFLOW_TYPE, args: [input], sourceEventId: event.eventId }];
  });
}
