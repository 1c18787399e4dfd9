// Domain events of a briefing. The stream is named by the briefing's workflow id (`briefing-{uuid}`). The events that
// notify carry what their notifications say (title, kind, number, units), so the inbox rules need no context.
import type { Role } from '../shared/actor.types';
import type { BriefingAckLevel, BriefingDraft, BriefingKind } from './briefing.types';

/** What every notifying event repeats of its briefing. */
export interface BriefingHeader {
  campaignId: string;
  kind: BriefingKind;
  title: string;
}

export type BriefingEvent =
  | { type: 'BriefingDrafted'; data: BriefingDraft & { campaignId: string; kind: BriefingKind } }
  | { type: 'BriefingDraftUpdated'; data: BriefingDraft }
  | { type: 'BriefingSubmitted'; data: BriefingHeader }
  | { type: 'BriefingApproved'; data: BriefingHeader & { note: string } }
  | { type: 'BriefingReturned'; data: BriefingHeader & { reason: string } }
  | {
      type: 'BriefingPublished';
      data: BriefingHeader & {
        number: string;
        year: number;
        seq: number;
        /** SHA-256 of the PDF in the file store: the archive library takes it from here. */
        pdfFileId: string;
        pdfName: string;
        /** The PDF's size in bytes (absent in events recorded before the archive library took the PDFs). */
        pdfSize?: number;
        namedUnits: string[];
        ackDueAt: string | null;
      };
    }
  | { type: 'BriefingAcknowledged'; data: { unitCode: string; note: string } }
  /** Named units that have not acknowledged a circular: 提醒, 催办, then 督办; `notify` says who is told. */
  | { type: 'BriefingAckEscalated'; data: BriefingHeader & { number: string; level: BriefingAckLevel; ackDueAt: string; unitCodes: string[]; notify: Role[] } };

export type BriefingEventType = BriefingEvent['type'];
