// Who is told of what about 专项整治 drives (issue 20), in the inbox's words: each step of the ladder tells the lead
// unit's head (催办 its people too, 督办 the office and the leading group as well), a closing summary handed in asks the
// leading group to approve it, a return tells the lead unit's head why. Pure; the events carry their campaign, area
// and lead unit, so no stream context is needed.
import type { SpecialDriveEvent } from '../../../workflows/special-drive/special-drive.events';
import { DRIVE_LEVEL_LABELS } from '../../../workflows/special-drive/special-drive.labels';
import { SPECIAL_DRIVE_STREAM_PREFIX } from '../../../workflows/special-drive/special-drive.messages';
import { DRIVE_REVIEW_ROLES } from '../../../workflows/special-drive/special-drive.types';
import { ITEM_AREA_LABELS } from '../../../workflows/rectification-item/rectification-item.labels';
import type { Role } from '../../../workflows/shared/actor.types';
import { shanghaiDate } from '../../../workflows/shared/time';

/** The event as stored, and what it tells: the shapes of notification-rules.ts, which imports this file. */
interface StoredDriveEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
}
interface DriveNotificationDraft {
  kind: 'ESCALATION' | 'APPROVAL_REQUEST' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

const NOTIFYING: ReadonlySet<string> = new Set(['SpecialDriveSummarySubmitted', 'SpecialDriveSummaryReturned', 'SpecialDriveEscalated']);
const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];

export function isSpecialDriveNotifying(event: Pick<StoredDriveEvent, 'streamId' | 'type'>): boolean {
  return event.streamId.startsWith(SPECIAL_DRIVE_STREAM_PREFIX) && NOTIFYING.has(event.type);
}

export function specialDriveNotifications(event: StoredDriveEvent, unitName: (code: string) => string): DriveNotificationDraft[] {
  if (!isSpecialDriveNotifying(event)) return [];
  const e = { type: event.type, data: event.data } as SpecialDriveEvent;
  if (e.type === 'SpecialDriveLaunched' || e.type === 'SpecialDriveAmended') return [];
  const { campaignId, area, leadUnitCode } = e.data;
  const subject = `${ITEM_AREA_LABELS[area]}专项整治`;
  const unit = unitName(leadUnitCode);
  const base = { campaignId, taskId: null, itemId: null };
  switch (e.type) {
    case 'SpecialDriveEscalated': {
      const label = DRIVE_LEVEL_LABELS[e.data.level];
      const when = e.data.level === 'REMINDER' ? `将于 ${shanghaiDate(new Date(Date.parse(e.data.dueAt) - 1).toISOString())} 结束` : '已到期，总结尚未报送';
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: e.data.level === 'SUPERVISE',
          title: `【${label}】${subject}${when}`,
          text: `${unit}牵头的${subject}须在期限内报送总结，请在「工作组 → 专项整治」中填写并报送。`,
          audience: { roles: e.data.notify.filter((r) => !UNIT_ROLES.includes(r)), unitCode: leadUnitCode, unitRoles: e.data.notify.filter((r) => UNIT_ROLES.includes(r)) },
        },
      ];
    }
    case 'SpecialDriveSummarySubmitted':
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          urgent: false,
          title: `【待审定】${unit}${e.data.resubmission ? '重新' : ''}报送${subject}总结`,
          text: `总结：${[...e.data.text].slice(0, 80).join('')}${[...e.data.text].length > 80 ? '…' : ''}`,
          audience: { roles: [...DRIVE_REVIEW_ROLES], unitCode: null, unitRoles: [] },
        },
      ];
    case 'SpecialDriveSummaryReturned':
      return [
        {
          ...base,
          kind: 'RETURNED',
          urgent: false,
          title: `【退回】${subject}总结被退回修改`,
          text: `退回理由：${e.data.reason}。请修改后重新报送。`,
          audience: { roles: [], unitCode: leadUnitCode, unitRoles: ['UNIT_HEAD'] },
        },
      ];
    default:
      return [];
  }
}
