// Chinese labels of briefings, and their numbers: 创文简报〔2027〕第5期 (工作简报), 督查通报〔2027〕第2期 (督查通报).
// Each kind is numbered on its own, from 1 every calendar year (Asia/Shanghai).
import type { BriefingEventType } from './briefing.events';
import type { BriefingAckLevel, BriefingKind, BriefingState } from './briefing.types';

export const BRIEFING_KIND_LABELS: Record<BriefingKind, string> = { WORK_BRIEFING: '工作简报', SUPERVISION_CIRCULAR: '督查通报' };
export const BRIEFING_NUMBER_PREFIXES: Record<BriefingKind, string> = { WORK_BRIEFING: '创文简报', SUPERVISION_CIRCULAR: '督查通报' };
export const BRIEFING_STATE_LABELS: Record<BriefingState, string> = { DRAFT: '草稿', SUBMITTED: '待审批', APPROVED: '已批准待印发', PUBLISHED: '已印发' };
export const BRIEFING_ACK_LEVEL_LABELS: Record<BriefingAckLevel, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办' };
export const BRIEFING_EVENT_LABELS: Record<BriefingEventType, string> = {
  BriefingDrafted: '起草',
  BriefingDraftUpdated: '修改草稿',
  BriefingSubmitted: '提交审批',
  BriefingApproved: '领导批准',
  BriefingReturned: '退回修改',
  BriefingPublished: '印发',
  BriefingAcknowledged: '签收',
  BriefingAckEscalated: '逾期未签收',
};
export const BRIEFING_ISSUER = '创建全国文明城市工作办公室';

/** 创文简报〔2027〕第5期. */
export function briefingNumber(kind: BriefingKind, year: number, seq: number): string {
  return `${BRIEFING_NUMBER_PREFIXES[kind]}〔${year}〕第${seq}期`;
}
