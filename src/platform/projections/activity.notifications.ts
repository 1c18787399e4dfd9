// Who is told of what about activities (issue 20), in the inbox's words: an activity whose planned date has passed
// without 举办 recorded tells its organiser unit's head and members (提醒), then the office and the unit's head (催办).
// Pure; the events carry their campaign, title and organiser, so no stream context is needed.
import type { ActivityEvent } from '../../../workflows/activity/activity.events';
import { ACTIVITY_LEVEL_LABELS } from '../../../workflows/activity/activity.labels';
import type { Role } from '../../../workflows/shared/actor.types';

interface StoredActivityEvent {
  type: string;
  data: Record<string, unknown>;
}
interface ActivityDraft {
  kind: 'ESCALATION';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

export const ACTIVITY_NOTIFYING: ReadonlySet<string> = new Set(['ActivityEscalated']);

const UNIT_ROLES: readonly Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];

export function activityNotifications(event: StoredActivityEvent, unitName: (code: string) => string): ActivityDraft[] {
  const e = { type: event.type, data: event.data } as ActivityEvent;
  if (e.type !== 'ActivityEscalated') return [];
  const { campaignId, title, organiserUnitCode, level, plannedDate, notify } = e.data;
  const label = ACTIVITY_LEVEL_LABELS[level];
  return [
    {
      kind: 'ESCALATION',
      campaignId,
      taskId: null,
      itemId: null,
      urgent: level === 'URGE',
      title: `【${label}】活动「${title}」计划于 ${plannedDate} 举办，尚未登记举办情况`,
      text: `承办单位：${unitName(organiserUnitCode)}。请在「工作组 → 活动记录」中登记举办情况（实际日期、参加人数、照片、总结），或由创建办取消该活动。`,
      audience: { roles: notify.filter((r) => !UNIT_ROLES.includes(r)), unitCode: organiserUnitCode, unitRoles: notify.filter((r) => UNIT_ROLES.includes(r)) },
    },
  ];
}
