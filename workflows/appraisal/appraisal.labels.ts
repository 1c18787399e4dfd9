// Chinese labels of 评议.
import type { AppraisalEventType } from './appraisal.events';
import type { GroupRating, WorkingGroup } from './appraisal.types';

export { GRADE_LABELS } from '../self-evaluation/self-evaluation.labels';
export const WORKING_GROUP_LABELS: Record<WorkingGroup, string> = {
  PLANNING: '统筹策划组',
  SUPERVISION: '督查检查组',
  PUBLICITY: '宣传组',
  ARCHIVES: '档案组',
  LOGISTICS: '保障组',
  ACTIVITIES: '活动组',
};
export const GROUP_RATING_LABELS: Record<GroupRating, string> = { MET: '达标', NOT_MET: '未达标' };
export const APPRAISAL_EVENT_LABELS: Record<AppraisalEventType, string> = { AppraisalOpened: '开始评议', UnitGraded: '单位评议', WorkingGroupRated: '工作组达标评定' };
