// 评议 (plan 五(五), issue 20): at the 总结评议 stage the leading group grades each unit (优秀 / 良好 / 合格 / 不合格,
// with a comment) and rates each working group 达标 or 未达标 (with a comment). Once per unit or group, revisable only
// with a reason; every grade, rating and revision is an event. One workflow per campaign (`appraisal:{campaign}`),
// started by the first grade and running as long as the campaign, continuing as new before its history is long.
import type { Actor, Role } from '../shared/actor.types';
import { GRADES, type Grade } from '../self-evaluation/self-evaluation.types';

export { GRADES, type Grade };

/** The office's working groups, the glossary's identifiers. */
export const WORKING_GROUPS = ['PLANNING', 'SUPERVISION', 'PUBLICITY', 'ARCHIVES', 'LOGISTICS', 'ACTIVITIES'] as const;
export type WorkingGroup = (typeof WORKING_GROUPS)[number];

/** A working group's 达标 rating. */
export const GROUP_RATINGS = ['MET', 'NOT_MET'] as const;
export type GroupRating = (typeof GROUP_RATINGS)[number];

export const MAX_COMMENT_CHARS = 500;
export const MAX_REASON_CHARS = 500;
export const MAX_UNIT_CODE_CHARS = 50;

export interface UnitGrade {
  unitCode: string;
  grade: Grade;
  comment: string;
  gradedAt: string;
  gradedBy: string;
  /** How many times it was revised. */
  revisions: number;
  lastReason: string | null;
}

export interface GroupRatingRecord {
  group: WorkingGroup;
  rating: GroupRating;
  comment: string;
  ratedAt: string;
  ratedBy: string;
  revisions: number;
  lastReason: string | null;
}

export interface AppraisalInput {
  campaignId: string;
  openedBy: Actor;
  historyLimit?: number;
  resume?: { state: AppraisalState };
}

export interface AppraisalState {
  appraisalId: string;
  campaignId: string;
  grades: UnitGrade[];
  ratings: GroupRatingRecord[];
  version: number;
}

export const APPRAISAL_ACTIONS = ['GRADE_UNIT', 'RATE_GROUP'] as const;
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];

export type AppraisalCommand =
  | { action: 'GRADE_UNIT'; unitCode: string; grade: Grade; comment: string; reason?: string | null }
  | { action: 'RATE_GROUP'; group: WorkingGroup; rating: GroupRating; comment: string; reason?: string | null };

export interface AppraisalActionRequest {
  command: AppraisalCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Only the leading group grades and rates; everyone with reports access reads. */
export const APPRAISAL_ROLES: readonly Role[] = ['LEADER'];
