// How a report's events change its state, as a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { UnitReportEvent } from './unit-report.events';
import type { UnitReportState, UnitReportSubject } from './unit-report.types';

export function initialUnitReportState(reportId: string, subject: Partial<UnitReportSubject> = {}): UnitReportState {
  return {
    reportId,
    campaignId: subject.campaignId ?? '',
    unitCode: subject.unitCode ?? '',
    month: subject.month ?? '',
    dueAt: subject.dueAt ?? '',
    dueDay: subject.dueDay ?? 0,
    state: 'OPEN',
    content: null,
    submittedAt: null,
    submittedBy: null,
    submissions: 0,
    late: false,
    returnReason: null,
    acceptedAt: null,
    acceptedBy: null,
    acceptNote: null,
    escalationLevel: null,
    version: 0,
  };
}

export function evolveUnitReport(state: UnitReportState, event: UnitReportEvent, meta: EventMeta): UnitReportState {
  const next: UnitReportState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'UnitReportOpened':
      return { ...next, ...event.data, state: 'OPEN' };
    case 'UnitReportSubmitted': {
      const { progress, problems, nextSteps, attachments } = event.data;
      // Late is decided by the first hand-in: a resubmission after a return does not make it late.
      const late = state.submissions === 0 ? Date.parse(meta.at) > Date.parse(state.dueAt) : state.late;
      return { ...next, state: 'SUBMITTED', content: { progress, problems, nextSteps, attachments }, submittedAt: meta.at, submittedBy: meta.actorId, submissions: state.submissions + 1, late };
    }
    case 'UnitReportReturned':
      return { ...next, state: 'RETURNED', returnReason: event.data.reason };
    case 'UnitReportAccepted':
      return { ...next, state: 'ACCEPTED', acceptedAt: meta.at, acceptedBy: meta.actorId, acceptNote: event.data.note };
    case 'UnitReportEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}
