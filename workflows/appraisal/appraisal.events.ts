// Domain events of a campaign's 评议.
import type { GroupRating, Grade, WorkingGroup } from './appraisal.types';

export type AppraisalEvent =
  | { type: 'AppraisalOpened'; data: { campaignId: string } }
  /** A unit's grade; `reason` is why a grade given before was revised (null the first time). */
  | { type: 'UnitGraded'; data: { campaignId: string; unitCode: string; grade: Grade; comment: string; reason: string | null } }
  | { type: 'WorkingGroupRated'; data: { campaignId: string; group: WorkingGroup; rating: GroupRating; comment: string; reason: string | null } };

export type AppraisalEventType = AppraisalEvent['type'];
