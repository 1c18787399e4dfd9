// Who is told of what in a briefing's life (issue 19), as pure rules on the stored event alone (each notifying
// event carries its briefing's title, kind and number): a submission asks the leaders to approve; an approval or a
// return tells the office; publishing a circular asks each named unit's head to acknowledge it; 提醒/催办/督办 tell
// the units still pending, and from 督办 on the office and the supervisors with the list of those units.
import type { BriefingEvent } from '../../../workflows/briefing/briefing.events';
import { BRIEFING_ACK_LEVEL_LABELS, BRIEFING_KIND_LABELS } from '../../../workflows/briefing/briefing.labels';
import { BRIEFING_STREAM_PREFIX } from '../../../workflows/briefing/briefing.messages';
import type { Role } from '../../../workflows/shared/actor.types';
import { shanghaiDate } from '../../../workflows/shared/time';

/** The stored event, as notification-rules.ts's NotifiableEvent (declared here too: that file imports this one). */
interface NotifiableEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** A notification to write, assignable to notification-rules.ts's NotificationDraft. */
export interface BriefingNotificationDraft {
  kind: 'ESCALATION' | 'APPROVAL_REQUEST' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}
type NotificationDraft = BriefingNotificationDraft;

const NOTIFYING: ReadonlySet<string> = new Set(['BriefingSubmitted', 'BriefingApproved', 'BriefingReturned', 'BriefingPublished', 'BriefingAckEscalated']);
const UNIT_ROLES: ReadonlySet<Role> = new Set<Role>(['UNIT_HEAD', 'UNIT_MEMBER']);

export function isBriefingNotifying(event: Pick<NotifiableEvent, 'streamId' | 'type'>): boolean {
  return event.streamId.startsWith(BRIEFING_STREAM_PREFIX) && NOTIFYING.has(event.type);
}

/** The unit codes a briefing event names, so that their names are read with the event's notifications. */
export function briefingUnitCodes(event: Pick<NotifiableEvent, 'streamId' | 'data'>): string[] {
  if (!event.streamId.startsWith(BRIEFING_STREAM_PREFIX)) return [];
  const codes = event.data.namedUnits ?? event.data.unitCodes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

export function briefingNotifications(event: NotifiableEvent, unitName: (code: string) => string): NotificationDraft[] {
  if (!isBriefingNotifying(event)) return [];
  const e = { type: event.type, data: event.data } as BriefingEvent;
  if (!('campaignId' in e.data)) return [];
  const kind = BRIEFING_KIND_LABELS[e.data.kind];
  const base = { campaignId: e.data.campaignId, taskId: null, itemId: null };
  const toRoles = (roles: Role[]) => ({ roles, unitCode: null, unitRoles: [] as Role[] });
  switch (e.type) {
    case 'BriefingSubmitted':
      return [{ ...base, kind: 'APPROVAL_REQUEST', urgent: false, title: `【待审批】${kind}：${e.data.title}`, text: `创建办提交${kind}「${e.data.title}」，请领导审批（文书档案 → 简报通报）。`, audience: toRoles(['LEADER']) }];
    case 'BriefingApproved':
      return [{ ...base, kind: 'APPROVAL_REQUEST', urgent: false, title: `【已批准】${kind}：${e.data.title}`, text: `领导已批准，可以印发。${e.data.note ? `审批意见：${e.data.note}` : ''}`.trim(), audience: toRoles(['OFFICE']) }];
    case 'BriefingReturned':
      return [{ ...base, kind: 'RETURNED', urgent: false, title: `【退回】${kind}：${e.data.title}`, text: `退回理由：${e.data.reason}。请修改后重新提交。`, audience: toRoles(['OFFICE']) }];
    case 'BriefingPublished':
      return e.data.namedUnits.map((unitCode) => ({
        ...base,
        kind: 'ESCALATION' as const,
        urgent: false,
        title: `【待签收】${kind}（${e.data.number}）：${e.data.title}`,
        text: `创建办印发${kind}（${e.data.number}），点名${unitName(unitCode)}，请单位负责人${e.data.ackDueAt ? `于 ${shanghaiDate(e.data.ackDueAt)} 前` : ''}在「文书档案 → 简报通报」签收。`,
        audience: { roles: [], unitCode, unitRoles: ['UNIT_HEAD'] as Role[] },
      }));
    case 'BriefingAckEscalated': {
      const label = BRIEFING_ACK_LEVEL_LABELS[e.data.level];
      const what = `${kind}（${e.data.number}）`;
      const urgent = e.data.level === 'SUPERVISE';
      const unitRoles = e.data.notify.filter((r) => UNIT_ROLES.has(r));
      const drafts: NotificationDraft[] = e.data.unitCodes.map((unitCode) => ({
        ...base,
        kind: 'ESCALATION' as const,
        urgent,
        title: `【${label}】${what}：尚未签收`,
        text: `${unitName(unitCode)}被${what}「${e.data.title}」点名，签收期限为 ${shanghaiDate(e.data.ackDueAt)}，至今未签收，请单位负责人尽快签收。`,
        audience: { roles: [], unitCode, unitRoles },
      }));
      const roles = e.data.notify.filter((r) => !UNIT_ROLES.has(r));
      if (roles.length > 0 && e.data.unitCodes.length > 0) {
        drafts.push({
          ...base,
          kind: 'ESCALATION',
          urgent,
          title: `【${label}】${what}：${e.data.unitCodes.length}个单位未签收`,
          text: `未签收单位：${e.data.unitCodes.map(unitName).join('、')}。签收期限为 ${shanghaiDate(e.data.ackDueAt)}。`,
          audience: toRoles(roles),
        });
      }
      return drafts;
    }
    default:
      return [];
  }
}
