// Domain events of an official notice. Streams are named by the notice's workflow id (official-notice.messages.ts):
// `official-notice-{source event id}` for a notice of the ladder, `official-notice-office-{uuid}` for one on demand.
import type { Role } from '../shared/actor.types';
import type { EscalationLevel } from '../shared/escalation';
import type { NoticeAckLevel, NoticeKind, NoticeSubject, NoticeTrigger } from './official-notice.types';

export type OfficialNoticeEvent =
  | {
      type: 'NoticeIssued';
      data: NoticeSubject & {
        kind: NoticeKind;
        trigger: NoticeTrigger;
        level: EscalationLevel | null;
        note: string;
        sourceEventId: string | null;
        number: string;
        year: number;
        seq: number;
        ackDueAt: string;
      };
    }
  | { type: 'NoticeAcknowledged'; data: { note: string; unitCode: string } }
  /** Not acknowledged in time: 催签, then 督办; `notify` as for the ladder's DeadlineEscalated. */
  | { type: 'NoticeAckEscalated'; data: { level: NoticeAckLevel; ackDueAt: string; notify: Role[] } };

export type OfficialNoticeEventType = OfficialNoticeEvent['type'];
