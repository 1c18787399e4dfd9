// Chinese labels of activities.
import type { ActivityEventType } from './activity.events';
import type { ActivityKind, ActivityLevel, ActivityStateName } from './activity.types';

export const ACTIVITY_STATE_LABELS: Record<ActivityStateName, string> = { PLANNED: '计划中', HELD: '已举办', CANCELLED: '已取消' };
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  CIVIC_EDUCATION: '市民教育',
  VOLUNTEER_SERVICE: '志愿服务',
  COUNTRYSIDE_OUTREACH: '文化科技卫生下乡',
  COLLECTION_EXHIBITION: '征集展出',
  OTHER: '其他',
};
export const ACTIVITY_LEVEL_LABELS: Record<ActivityLevel, string> = { REMINDER: '提醒', URGE: '催办' };
export const ACTIVITY_EVENT_LABELS: Record<ActivityEventType, string> = {
  ActivityPlanned: '制定活动计划',
  ActivityHeld: '登记举办',
  ActivityCancelled: '取消活动',
  ActivityEscalated: '举办情况催办',
};
