// Who is told of what about units' monthly reports (issue 19), in the inbox's words: each step of the ladder tells the
// unit (and from 督办 the office), a hand-in asks the office to review it, a return tells the unit why. Pure; the
// events carry their campaign, unit and month, so no stream context is needed.
import type { UnitReportEvent } from '../../../workflows/unit-report/unit-report.events';
import { monthLabel, UNIT_REPORT_LEVEL_LABELS } from '../../../workflows/unit-report/unit-report.labels';
import { UNIT_REPORT_REVIEW_ROLES } from '../../../workflows/unit-report/unit-report.types';
import type { Role } from '../../../workflows/shared/actor.types';
import { shanghaiDate } from '../../../workflows/shared/time';

/** The event as stored, and what it tells: the shapes of notification-rules.ts, which imports this file. */
interface StoredUnitReportEvent {
  type: string;
  data: Record<string, unknown>;
}
interface UnitReportDraft {
  kind: 'ESCALATION' | 'APPROVAL_REQUEST' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

export const UNIT_REPORT_NOTIFYING: ReadonlySet<string> = new Set(['UnitReportSubmitted', 'UnitReportReturned', 'UnitReportEscalated']);

const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];

export function unitReportNotifications(event: StoredUnitReportEvent, unitName: (code: string) => string): UnitReportDraft[] {
  const e = { type: event.type, data: event.data } as UnitReportEvent;
  if (e.type === 'UnitReportOpened') return [];
  const { campaignId, unitCode, month } = e.data;
  const subject = `${monthLabel(month)}专题汇报`;
  const unit = unitName(unitCode);
  const base = { campaignId, taskId: null, itemId: null };
  switch (e.type) {
    case 'UnitReportEscalated': {
      const label = UNIT_REPORT_LEVEL_LABELS[e.data.level];
      const when = e.data.level === 'REMINDER' ? `将于 ${shanghaiDate(e.data.dueAt)} 到期` : '已逾期未报送';
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: e.data.level === 'SUPERVISE',
          title: `【${label}】${unit}${subject}${when}`,
          text: `${unit}的${subject}报送期限为 ${shanghaiDate(new Date(Date.parse(e.data.dueAt) - 1).toISOString())} 24 时，请在「文书档案 → 专题汇报」中填写并报送。`,
          audience: { roles: e.data.notify.filter((r) => !UNIT_ROLES.includes(r)), unitCode, unitRoles: e.data.notify.filter((r) => UNIT_ROLES.includes(r)) },
        },
      ];
    }
    case 'UnitReportSubmitted':
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          urgent: false,
          title: `【待审核】${unit}${e.data.resubmission ? '重新' : ''}报送${subject}`,
          text: `工作进展：${[...e.data.progress].slice(0, 80).join('')}${[...e.data.progress].length > 80 ? '…' : ''}`,
          audience: { roles: [...UNIT_REPORT_REVIEW_ROLES], unitCode: null, unitRoles: [] },
        },
      ];
    case 'UnitReportReturned':
      return [
        {
          ...base,
          kind: 'RETURNED',
          urgent: false,
          title: `【退回】${subject}被退回修改`,
          text: `退回理由：${e.data.reason}。请修改后重新报送。`,
          audience: { roles: [], unitCode, unitRoles: [...UNIT_ROLES] },
        },
      ];
    default:
      return [];
  }
}
