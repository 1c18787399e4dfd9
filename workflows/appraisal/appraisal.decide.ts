// What 评议 allows, as pure functions: only the leading group grades a unit or rates a working group; the first time
// without a reason, every revision with one. Which units exist is the API's check (the organisation is not the
// workflow's); here the words, the sizes and the rule. Linear in the size of the command.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Decision } from '../shared/decision.types';
import { textWithin } from '../self-evaluation/self-evaluation.decide';
import type { AppraisalEvent } from './appraisal.events';
import { APPRAISAL_ACTIONS, APPRAISAL_ROLES, GRADES, GROUP_RATINGS, MAX_COMMENT_CHARS, MAX_REASON_CHARS, MAX_UNIT_CODE_CHARS, WORKING_GROUPS, type AppraisalActionRequest, type AppraisalState } from './appraisal.types';

function badInput(field: string, message: string): Decision<AppraisalEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

/** The revision's reason: none the first time, required afterwards. */
function reasonFor(revising: boolean, reason: unknown): { ok: true; reason: string | null } | { ok: false; message: string } {
  if (!revising) return { ok: true, reason: null };
  if (typeof reason !== 'string' || !textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '') return { ok: false, message: `已评定过，修改须填写原因（不超过${MAX_REASON_CHARS}字）` };
  return { ok: true, reason: reason.trim() };
}

export function decideAppraisal(state: AppraisalState, request: AppraisalActionRequest): Decision<AppraisalEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(APPRAISAL_ACTIONS as readonly string[]).includes(command.action)) return badInput('action', '未知的操作');
  if (!APPRAISAL_ROLES.includes(actor.role)) return { ok: false, rejection: { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权评议（仅限领导小组）` } };
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `评议已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  if (!textWithin(command.comment, MAX_COMMENT_CHARS)) return badInput('comment', `评语不能超过${MAX_COMMENT_CHARS}字`);
  const comment = command.comment.trim();
  if (command.action === 'GRADE_UNIT') {
    if (typeof command.unitCode !== 'string' || command.unitCode === '' || command.unitCode.length > MAX_UNIT_CODE_CHARS) return badInput('unitCode', '单位编码不正确');
    if (!(GRADES as readonly unknown[]).includes(command.grade)) return badInput('grade', '请选择评议等次（优秀、良好、合格、不合格）');
    const reason = reasonFor(state.grades.some((g) => g.unitCode === command.unitCode), command.reason);
    if (!reason.ok) return badInput('reason', reason.message);
    return { ok: true, events: [{ type: 'UnitGraded', data: { campaignId: state.campaignId, unitCode: command.unitCode, grade: command.grade, comment, reason: reason.reason } }] };
  }
  if (!(WORKING_GROUPS as readonly unknown[]).includes(command.group)) return badInput('group', '未知的工作组');
  if (!(GROUP_RATINGS as readonly unknown[]).includes(command.rating)) return badInput('rating', '请选择达标或未达标');
  const reason = reasonFor(state.ratings.some((r) => r.group === command.group), command.reason);
  if (!reason.ok) return badInput('reason', reason.message);
  return { ok: true, events: [{ type: 'WorkingGroupRated', data: { campaignId: state.campaignId, group: command.group, rating: command.rating, comment, reason: reason.reason } }] };
}
