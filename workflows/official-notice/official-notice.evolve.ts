// How a notice's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { OfficialNoticeEvent } from './official-notice.events';
import type { OfficialNoticeInput, OfficialNoticeState } from './official-notice.types';

export function initialNoticeState(noticeId: string, input: Partial<OfficialNoticeInput> = {}): OfficialNoticeState {
  return {
    noticeId,
    campaignId: input.campaignId ?? '',
    taskId: input.taskId ?? null,
    itemId: input.itemId ?? null,
    unitCode: input.unitCode ?? '',
    indicatorCode: input.indicatorCode ?? null,
    title: input.title ?? '',
    dueAt: input.dueAt ?? null,
    kind: input.kind ?? 'SUPERVISION',
    trigger: input.trigger ?? 'ON_DEMAND',
    level: input.level ?? null,
    note: input.note ?? '',
    sourceEventId: input.sourceEventId ?? null,
    state: 'PENDING',
    number: null,
    year: null,
    seq: null,
    issuedAt: null,
    issuedBy: null,
    ackDueAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    ackNote: null,
    escalationLevel: null,
    version: 0,
  };
}

export function evolveNotice(state: OfficialNoticeState, event: OfficialNoticeEvent, meta: EventMeta): OfficialNoticeState {
  const next: OfficialNoticeState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'NoticeIssued':
      return { ...next, ...event.data, state: 'ISSUED', issuedAt: meta.at, issuedBy: meta.actorId };
    case 'NoticeAcknowledged':
      return { ...next, state: 'ACKNOWLEDGED', acknowledgedAt: meta.at, acknowledgedBy: meta.actorId, ackNote: event.data.note };
    case 'NoticeAckEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}
