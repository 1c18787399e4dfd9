// What an indicator task allows and records, as pure functions: which action is legal in which stage for which
// person (`check`, `allowedActions`) and what an accepted command records (`decide`). The workflow's update
// validators, the API's `allowedActions` and the board all use these; how the events then change the state is
// indicator-task.evolve.ts. Time comes in as an argument, never from a clock.
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_ROLES,
  accountabilityEvent,
  checkAccountability,
  isAccountabilityAction,
  validateAccountability,
  type AccountabilityAction,
  type LadderPosition,
} from '../shared/accountability';
import type { Actor, Role } from '../shared/actor.types';
import { validResponsiblePerson } from '../shared/responsible-person';
import { allowedKeyFlagActions, checkKeyFlag, isKeyFlagCommand, keyFlagEvent, validateKeyFlag, type KeyFlagAction } from '../shared/key-flag';
import { ROLE_LABELS } from '../shared/actor.labels';
import { assertNever } from '../shared/assert-never';
import type { Decision, Rejection } from '../shared/decision.types';
import { instant, later, shanghaiDate } from '../shared/time';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { ACTION_LABELS, REVIEW_KIND_LABELS, STAGE_LABELS } from './indicator-task.labels';
import { archiveOf, UNIT_DEADLINE_STAGES, unitOwesWork } from './indicator-task.rules';
import {
  CLASSIFICATIONS,
  DEFAULT_TASK_POLICY,
  INDICATOR_TASK_ACTIONS,
  PACKAGE_MATERIAL,
  type ActionRequest,
  type ArchiveMaterialState,
  type CriterionScore,
  type EvidenceFile,
  type IndicatorTaskAction,
  type IndicatorTaskCommand,
  type IndicatorTaskState,
  type ReviewKind,
  type Stage,
  type TaskPolicy,
} from './indicator-task.types';

/**
 * Commands that workflows recorded before per-material archive review: decided as the same review of the one
 * package material, so that their histories replay. The API no longer sends them.
 */
type LegacyCommand = { action: 'SUBMIT_ARCHIVE'; note: string } | { action: 'ACCEPT_ARCHIVE'; note?: string } | { action: 'RETURN_ARCHIVE'; reason: string };

function upgrade(command: IndicatorTaskCommand | LegacyCommand): IndicatorTaskCommand {
  switch (command.action) {
    case 'SUBMIT_ARCHIVE':
      return { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: PACKAGE_MATERIAL.code, file: null, note: command.note };
    case 'ACCEPT_ARCHIVE':
      return { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: PACKAGE_MATERIAL.code, note: command.note };
    case 'RETURN_ARCHIVE':
      return { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: PACKAGE_MATERIAL.code, reason: command.reason };
    default:
      return command;
  }
}

const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const NOTE_MAX = 2000;
const OPEN_STAGES: readonly Stage[] = ['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING'];
const ALL_ROLES: readonly Role[] = ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'];

interface Rule {
  stages: readonly Stage[];
  roles: readonly Role[];
  /** Units act only on their own tasks ('OWN'), or also on the tasks they lead ('OWN_OR_LEAD'). */
  ownUnitOnly: boolean | 'OWN_OR_LEAD';
  /** The review the task must be waiting for, null when it must be waiting for none, 'ANY' when it does not matter. */
  awaiting: ReviewKind | null | 'ANY';
  /** Whether an extension request must be pending ('PENDING') or not ('NONE'); undefined when it does not matter. */
  extension?: 'PENDING' | 'NONE';
  /** Approvals: the person who handed the work in (or asked for the extension) may not decide on it. */
  notBySubmitter: boolean;
}

const RULES: Record<IndicatorTaskAction, Rule> = {
  SUBMIT_SELF_CHECK: { stages: ['SELF_CHECK'], roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  CONFIRM_SELF_CHECK: { stages: ['SELF_CHECK'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'SELF_CHECK_REVIEW', notBySubmitter: true },
  RETURN_SELF_CHECK: { stages: ['SELF_CHECK'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'SELF_CHECK_REVIEW', notBySubmitter: true },
  SUBMIT_RECTIFICATION_PLAN: { stages: ['RECTIFICATION'], roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  REPORT_RECTIFICATION_PROGRESS: { stages: ['RECTIFICATION'], roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  SUBMIT_RECTIFICATION: { stages: ['RECTIFICATION'], roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  APPROVE_RECTIFICATION: { stages: ['RECTIFICATION'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'RECTIFICATION_REVIEW', notBySubmitter: true },
  RETURN_RECTIFICATION: { stages: ['RECTIFICATION'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'RECTIFICATION_REVIEW', notBySubmitter: true },
  RECORD_MOCK_ASSESSMENT: { stages: ['MOCK_ASSESSMENT'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: null, notBySubmitter: false },
  RECORD_RECHECK: { stages: ['CONSOLIDATION'], roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: null, notBySubmitter: false },
  START_ARCHIVING: { stages: ['CONSOLIDATION'], roles: ['SUPERVISOR', 'OFFICE'], ownUnitOnly: false, awaiting: null, notBySubmitter: false },
  // Materials are handed in and reviewed one by one: the unit goes on with the others while some are reviewed.
  SUBMIT_ARCHIVE_MATERIAL: { stages: ['ARCHIVING'], roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  ACCEPT_ARCHIVE_MATERIAL: { stages: ['ARCHIVING'], roles: ['ARCHIVIST'], ownUnitOnly: false, awaiting: 'ARCHIVE_REVIEW', notBySubmitter: false },
  RETURN_ARCHIVE_MATERIAL: { stages: ['ARCHIVING'], roles: ['ARCHIVIST'], ownUnitOnly: false, awaiting: 'ARCHIVE_REVIEW', notBySubmitter: false },
  REQUEST_EXTENSION: { stages: UNIT_DEADLINE_STAGES, roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, extension: 'NONE', notBySubmitter: false },
  APPROVE_EXTENSION: { stages: UNIT_DEADLINE_STAGES, roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'ANY', extension: 'PENDING', notBySubmitter: true },
  REFUSE_EXTENSION: { stages: UNIT_DEADLINE_STAGES, roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'ANY', extension: 'PENDING', notBySubmitter: true },
  ADD_COMMENT: { stages: OPEN_STAGES, roles: ALL_ROLES, ownUnitOnly: 'OWN_OR_LEAD', awaiting: 'ANY', notBySubmitter: false },
  ATTACH_EVIDENCE: { stages: OPEN_STAGES, roles: [...UNIT_ROLES, 'SUPERVISOR', 'ARCHIVIST'], ownUnitOnly: true, awaiting: 'ANY', notBySubmitter: false },
  REASSIGN: { stages: OPEN_STAGES, roles: ['OFFICE'], ownUnitOnly: false, awaiting: 'ANY', notBySubmitter: false },
  // The unit head names the 责任人 within the unit (the office too); the API checks the person is of the unit.
  ASSIGN_RESPONSIBLE_PERSON: { stages: OPEN_STAGES, roles: ['UNIT_HEAD', 'OFFICE'], ownUnitOnly: true, awaiting: 'ANY', notBySubmitter: false },
  // 问责: whether the ladder has reached it, and who proposed what, is checkAccountability's question.
  PROPOSE_ACCOUNTABILITY: { stages: OPEN_STAGES, roles: ACCOUNTABILITY_ROLES.PROPOSE_ACCOUNTABILITY, ownUnitOnly: false, awaiting: 'ANY', notBySubmitter: false },
  APPROVE_ACCOUNTABILITY: { stages: OPEN_STAGES, roles: ACCOUNTABILITY_ROLES.APPROVE_ACCOUNTABILITY, ownUnitOnly: false, awaiting: 'ANY', notBySubmitter: false },
  RETURN_ACCOUNTABILITY: { stages: OPEN_STAGES, roles: ACCOUNTABILITY_ROLES.RETURN_ACCOUNTABILITY, ownUnitOnly: false, awaiting: 'ANY', notBySubmitter: false },
};

/** Where the task stands on the ladder of its current stage's deadline. */
export function ladderPosition(state: IndicatorTaskState): LadderPosition {
  return { unitCode: state.unitCode, escalationLevel: state.escalationLevel, deadline: state.stageDueAt };
}

/** The roles that may take an action at all (whether they may take it now is `check`'s question). */
export function taskActionRoles(action: IndicatorTaskAction): readonly Role[] {
  return RULES[action].roles;
}

export function isIndicatorTaskAction(value: string): value is IndicatorTaskAction {
  return (INDICATOR_TASK_ACTIONS as readonly string[]).includes(value);
}

/** Whether `actor` may take `action` on a task in `state`, regardless of the input they give. */
export function check(state: IndicatorTaskState, actor: Actor, action: IndicatorTaskAction): Rejection | null {
  const rule = RULES[action];
  const label = ACTION_LABELS[action];
  if (!rule.roles.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  }
  const unitActor = UNIT_ROLES.includes(actor.role);
  const ownUnit = actor.unitCode === state.unitCode || (rule.ownUnitOnly === 'OWN_OR_LEAD' && actor.unitCode === state.leadUnitCode);
  if (rule.ownUnitOnly && unitActor && !ownUnit) {
    return { code: 'FORBIDDEN', message: `只能处理本单位的任务，不能对其他单位的任务执行「${label}」` };
  }
  if (!rule.stages.includes(state.stage)) {
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `任务处于「${STAGE_LABELS[state.stage]}」阶段，不能执行「${label}」（仅限「${rule.stages.map((s) => STAGE_LABELS[s]).join('、')}」阶段）`,
    };
  }
  if (isAccountabilityAction(action)) return checkAccountability(state.accountability, ladderPosition(state), actor, action, '任务');
  // In archiving, materials under review do not stop the unit handing in the others, or asking for time for them.
  const goesOnBesideReview =
    state.awaitingReview === 'ARCHIVE_REVIEW' && (action === 'SUBMIT_ARCHIVE_MATERIAL' || (action === 'REQUEST_EXTENSION' && unitOwesWork(state)));
  if (rule.awaiting === null && state.awaitingReview !== null && !goesOnBesideReview) {
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `任务正在等待审核（${REVIEW_KIND_LABELS[state.awaitingReview]}），审核前不能执行「${label}」`,
    };
  }
  if (rule.awaiting !== null && rule.awaiting !== 'ANY' && state.awaitingReview !== rule.awaiting) {
    return { code: 'ILLEGAL_TRANSITION', message: `没有待审核的材料，不能执行「${label}」` };
  }
  if (rule.extension === 'NONE' && state.pendingExtension !== null) {
    return { code: 'ILLEGAL_TRANSITION', message: '已有延期申请在等待审批，不能重复申请' };
  }
  if (rule.extension === 'PENDING' && state.pendingExtension === null) {
    return { code: 'ILLEGAL_TRANSITION', message: `没有待审批的延期申请，不能执行「${label}」` };
  }
  if (action === 'REQUEST_EXTENSION' && state.stageDueAt === null) {
    return { code: 'ILLEGAL_TRANSITION', message: '当前阶段没有完成时限，无需申请延期' };
  }
  if (action === 'SUBMIT_RECTIFICATION' && state.rectificationPlan === null) {
    return { code: 'ILLEGAL_TRANSITION', message: '请先提交整改方案（含整改期限），再提交整改完成' };
  }
  if (action === 'SUBMIT_ARCHIVE_MATERIAL' && !archiveOf(state).some((m) => m.status === 'MISSING' || m.status === 'RETURNED')) {
    return { code: 'ILLEGAL_TRANSITION', message: '所需档案材料都已提交，请等待档案组验收' };
  }
  if ((action === 'ACCEPT_ARCHIVE_MATERIAL' || action === 'RETURN_ARCHIVE_MATERIAL') && !archiveOf(state).some((m) => m.status === 'SUBMITTED' && m.submittedBy !== actor.userId)) {
    return { code: 'FORBIDDEN', message: `提交人不能验收自己提交的档案材料（${label}）` };
  }
  if (rule.notBySubmitter) {
    const submitter = rule.extension === 'PENDING' ? state.pendingExtension?.requestedBy : state.submittedBy;
    if (submitter === actor.userId) return { code: 'FORBIDDEN', message: `提交人不能审批自己提交的事项（${label}）` };
  }
  return null;
}

/** Actions that add to a card without moving it; offered beside the lifecycle, not as its next steps. */
export const SIDE_ACTIONS: readonly IndicatorTaskAction[] = ['ADD_COMMENT', 'ATTACH_EVIDENCE', 'REASSIGN', 'ASSIGN_RESPONSIBLE_PERSON'];

/** The lifecycle moves `actor` may make now: the board's buttons and drag targets (问责 steps are offered apart). */
export function allowedActions(state: IndicatorTaskState, actor: Actor): IndicatorTaskAction[] {
  return INDICATOR_TASK_ACTIONS.filter((action) => !SIDE_ACTIONS.includes(action) && !isAccountabilityAction(action) && check(state, actor, action) === null);
}

/** The 问责 steps `actor` may take now: the card drawer's form for the office, approve/return for a leader. */
export function allowedAccountabilityActions(state: IndicatorTaskState, actor: Actor): AccountabilityAction[] {
  return ACCOUNTABILITY_ACTIONS.filter((action) => check(state, actor, action) === null);
}

/** Whether `actor` may mark the task 重点/难点 or clear the mark now (the office and the leading group, until archived). */
export function checkTaskKeyFlag(state: IndicatorTaskState, actor: Actor, action: KeyFlagAction): Rejection | null {
  return checkKeyFlag(state.keyFlag, actor, action, state.stage === 'ARCHIVED', '任务');
}

/** The 重点/难点 steps `actor` may take on the task now. */
export function allowedTaskKeyFlagActions(state: IndicatorTaskState, actor: Actor): KeyFlagAction[] {
  return allowedKeyFlagActions(state.keyFlag, actor, state.stage === 'ARCHIVED');
}

/** Whether `actor` may comment on, attach evidence to, or reassign the task now. */
export function allowedSideActions(state: IndicatorTaskState, actor: Actor): IndicatorTaskAction[] {
  return SIDE_ACTIONS.filter((action) => check(state, actor, action) === null);
}

function required(text: string | undefined, field: string, what: string): Rejection | null {
  if (typeof text !== 'string' || text.trim() === '') {
    return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  }
  return optional(text, field, what);
}

function optional(text: string | undefined, field: string, what: string): Rejection | null {
  if (text !== undefined && typeof text !== 'string') {
    return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  }
  // Counted as people count characters (code points), after trimming, as it will be stored.
  if (text !== undefined && [...text.trim()].length > NOTE_MAX) {
    return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${NOTE_MAX}字` };
  }
  return null;
}

const MATERIAL_STATUS_WORDS: Record<ArchiveMaterialState['status'], string> = {
  MISSING: '还未提交',
  SUBMITTED: '正在等待验收',
  ACCEPTED: '已验收通过',
  RETURNED: '已退回，等待重新提交',
};

function validFile(file: EvidenceFile | null | undefined, message: string): Rejection | null {
  if (!file || typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256) || typeof file.size !== 'number' || file.size <= 0) {
    return { code: 'BAD_USER_INPUT', field: 'file', message };
  }
  return required(file.name, 'fileName', '文件名');
}

function materialOf(state: IndicatorTaskState, code: unknown): ArchiveMaterialState | undefined {
  return typeof code === 'string' ? archiveOf(state).find((m) => m.code === code) : undefined;
}

function notRequired(code: unknown): Rejection {
  return { code: 'BAD_USER_INPUT', field: 'materialCode', message: `「${String(code)}」不是本任务归档所需的档案材料` };
}

function validateInput(state: IndicatorTaskState, command: IndicatorTaskCommand, now: string, actorId: string): Rejection | null {
  switch (command.action) {
    case 'SUBMIT_SELF_CHECK':
      if (!(CLASSIFICATIONS as readonly string[]).includes(command.classification)) {
        return { code: 'BAD_USER_INPUT', field: 'classification', message: '请选择达标情况（达标、未达标、未知可否达标、易反弹）' };
      }
      return required(command.note, 'note', '自查说明');
    case 'RETURN_SELF_CHECK':
    case 'RETURN_RECTIFICATION':
      return required(command.reason, 'reason', '退回原因');
    case 'REFUSE_EXTENSION':
      return required(command.reason, 'reason', '不予延期的理由');
    case 'ADD_COMMENT':
      return required(command.text, 'text', '意见内容');
    case 'PROPOSE_ACCOUNTABILITY':
    case 'APPROVE_ACCOUNTABILITY':
    case 'RETURN_ACCOUNTABILITY':
      return validateAccountability(command);
    case 'ATTACH_EVIDENCE':
      return validFile(command.file, '佐证材料文件无效') ?? optional(command.note, 'note', '材料说明');
    case 'SUBMIT_ARCHIVE_MATERIAL': {
      const material = materialOf(state, command.materialCode);
      if (!material) return notRequired(command.materialCode);
      if (material.status === 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', field: 'materialCode', message: `档案材料「${material.name}」已提交，正在等待验收` };
      if (material.status === 'ACCEPTED') return { code: 'ILLEGAL_TRANSITION', field: 'materialCode', message: `档案材料「${material.name}」已验收通过，无需再交` };
      // Whole-package archives recorded before per-material review carry no file; every new material must.
      if (command.file !== null || material.code !== PACKAGE_MATERIAL.code) {
        const bad = validFile(command.file, `请为档案材料「${material.name}」上传文件`);
        if (bad) return bad;
      }
      return command.file === null ? required(command.note, 'note', '档案材料说明') : optional(command.note, 'note', '材料说明');
    }
    case 'ACCEPT_ARCHIVE_MATERIAL':
    case 'RETURN_ARCHIVE_MATERIAL': {
      const material = materialOf(state, command.materialCode);
      if (!material) return notRequired(command.materialCode);
      if (material.status !== 'SUBMITTED') {
        return { code: 'ILLEGAL_TRANSITION', field: 'materialCode', message: `档案材料「${material.name}」${MATERIAL_STATUS_WORDS[material.status]}，不能执行「${ACTION_LABELS[command.action]}」` };
      }
      if (material.submittedBy === actorId) return { code: 'FORBIDDEN', message: `提交人不能验收自己提交的档案材料「${material.name}」` };
      return command.action === 'ACCEPT_ARCHIVE_MATERIAL' ? optional(command.note, 'note', '说明') : required(command.reason, 'reason', '退回原因');
    }
    case 'REASSIGN':
      if (typeof command.unitCode !== 'string' || command.unitCode.trim() === '') {
        return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '请选择改派到的责任单位' };
      }
      if (command.unitCode.trim() === state.unitCode) {
        return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '任务已由该单位负责，无需改派' };
      }
      return required(command.reason, 'reason', '改派原因');
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return validResponsiblePerson(command, state.unitCode, state.responsiblePerson?.login ?? null, '任务');
    case 'SUBMIT_RECTIFICATION_PLAN': {
      const deadline = instant(command.deadline);
      if (deadline === null) return { code: 'BAD_USER_INPUT', field: 'deadline', message: '请填写整改期限' };
      if (deadline <= Date.parse(now)) return { code: 'BAD_USER_INPUT', field: 'deadline', message: '整改期限须晚于现在' };
      const limit = Math.max(Date.parse(state.dueAt), state.stageDueAt ? Date.parse(state.stageDueAt) : 0);
      if (deadline > limit) {
        return {
          code: 'BAD_USER_INPUT',
          field: 'deadline',
          message: `整改期限不能晚于完成时限（${shanghaiDate(new Date(limit).toISOString())}）；如需更多时间，请申请延期`,
        };
      }
      return required(command.plan, 'plan', '整改方案');
    }
    case 'REQUEST_EXTENSION': {
      const requested = instant(command.requestedDueAt);
      if (requested === null) return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: '请填写申请延至的日期' };
      if (state.stageDueAt !== null && requested <= Date.parse(state.stageDueAt)) {
        return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: `申请延至的日期须晚于现有时限（${shanghaiDate(state.stageDueAt)}）` };
      }
      if (requested <= Date.parse(now)) return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: '申请延至的日期须晚于现在' };
      return required(command.reason, 'reason', '延期理由');
    }
    case 'REPORT_RECTIFICATION_PROGRESS':
      return required(command.note, 'note', '整改进展');
    case 'SUBMIT_RECTIFICATION':
      if (typeof command.openItems === 'number' && command.openItems > 0) {
        return { code: 'ILLEGAL_TRANSITION', message: `还有${command.openItems}个关联的整改问题未复核通过，整改完成后才能提交` };
      }
      return required(command.note, 'note', '整改完成情况');
    case 'RECORD_MOCK_ASSESSMENT': {
      const scores = command.scores;
      if (!Array.isArray(scores) || scores.length === 0) {
        return { code: 'BAD_USER_INPUT', field: 'scores', message: '请为每一项测评内容评分' };
      }
      const seen = new Set<string>();
      for (const s of scores) {
        if (!s || typeof s.criterionCode !== 'string' || s.criterionCode === '' || seen.has(s.criterionCode)) {
          return { code: 'BAD_USER_INPUT', field: 'scores', message: '每一项测评内容只能评分一次' };
        }
        seen.add(s.criterionCode);
        if (typeof s.points !== 'number' || !Number.isFinite(s.points) || s.points <= 0) {
          return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的分值无效` };
        }
        if (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > s.points) {
          return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的得分须在0到${s.points}分之间` };
        }
      }
      if (command.source !== undefined) {
        const src = command.source;
        if (!src || typeof src.roundId !== 'string' || src.roundId === '' || src.roundId.length > 300 || typeof src.roundTitle !== 'string' || [...src.roundTitle].length > 100) {
          return { code: 'BAD_USER_INPUT', field: 'source', message: '检查轮次信息不正确' };
        }
        if ((state.mockAssessmentRounds ?? []).includes(src.roundId)) {
          return { code: 'CONFLICT', field: 'source', message: `检查轮次「${src.roundTitle}」的得分已计入本任务的模拟测评` };
        }
      }
      return optional(command.note, 'note', '测评说明');
    }
    case 'RECORD_RECHECK':
      if (typeof command.passed !== 'boolean') {
        return { code: 'BAD_USER_INPUT', field: 'passed', message: '请选择复查是否合格' };
      }
      return command.passed ? optional(command.note, 'note', '复查说明') : required(command.note, 'note', '复查发现的问题');
    case 'APPROVE_EXTENSION':
      if (state.pendingExtension && Date.parse(state.pendingExtension.requestedDueAt) <= Date.parse(now)) {
        return {
          code: 'ILLEGAL_TRANSITION',
          message: `申请延至的日期（${shanghaiDate(state.pendingExtension.requestedDueAt)}）已过，请不予延期，由单位重新申请`,
        };
      }
      return optional(command.note, 'note', '说明');
    case 'CONFIRM_SELF_CHECK':
    case 'APPROVE_RECTIFICATION':
      return optional(command.note, 'note', '说明');
    case 'START_ARCHIVING': {
      const materials = command.materials;
      if (materials !== undefined) {
        const codes = Array.isArray(materials) ? materials.map((m) => m?.code) : [];
        const names = Array.isArray(materials) ? materials.map((m) => m?.name) : [];
        if (
          !Array.isArray(materials) ||
          materials.length === 0 ||
          codes.some((c) => typeof c !== 'string' || c === '') ||
          names.some((n) => typeof n !== 'string' || n.trim() === '') ||
          new Set(codes).size !== codes.length
        ) {
          return { code: 'BAD_USER_INPUT', field: 'materials', message: '归档所需的档案材料清单无效' };
        }
      }
      return optional(command.note, 'note', '说明');
    }
    default:
      return assertNever(command);
  }
}

function toEvent(state: IndicatorTaskState, command: IndicatorTaskCommand): IndicatorTaskEvent {
  const note = (text: string | undefined) => text?.trim() ?? '';
  switch (command.action) {
    case 'SUBMIT_SELF_CHECK':
      return { type: 'SelfCheckSubmitted', data: { classification: command.classification, note: command.note.trim() } };
    case 'CONFIRM_SELF_CHECK':
      // awaitingReview === SELF_CHECK_REVIEW guarantees a classification was submitted.
      return { type: 'SelfCheckConfirmed', data: { classification: state.classification ?? 'UNKNOWN', note: note(command.note) } };
    case 'RETURN_SELF_CHECK':
      return { type: 'SelfCheckReturned', data: { reason: command.reason.trim() } };
    case 'SUBMIT_RECTIFICATION_PLAN':
      return { type: 'RectificationPlanSubmitted', data: { plan: command.plan.trim(), deadline: new Date(command.deadline).toISOString() } };
    case 'REPORT_RECTIFICATION_PROGRESS':
      return { type: 'RectificationProgressReported', data: { note: command.note.trim() } };
    case 'SUBMIT_RECTIFICATION':
      return { type: 'RectificationSubmitted', data: { note: command.note.trim() } };
    case 'APPROVE_RECTIFICATION':
      return { type: 'RectificationApproved', data: { note: note(command.note) } };
    case 'RETURN_RECTIFICATION':
      return { type: 'RectificationReturned', data: { reason: command.reason.trim() } };
    case 'RECORD_MOCK_ASSESSMENT':
      return {
        type: 'MockAssessmentRecorded',
        data: {
          ...scoreMockAssessment(command.scores, state.policy),
          note: note(command.note),
          ...(command.source ? { roundId: command.source.roundId, roundTitle: command.source.roundTitle } : {}),
        },
      };
    case 'RECORD_RECHECK':
      return { type: 'RecheckRecorded', data: { passed: command.passed, note: note(command.note) } };
    case 'START_ARCHIVING':
      return {
        type: 'ArchivingStarted',
        data: { note: note(command.note), materials: (command.materials ?? [PACKAGE_MATERIAL]).map((m) => ({ code: m.code, name: m.name.trim() })) },
      };
    case 'SUBMIT_ARCHIVE_MATERIAL': {
      const file = command.file ? { sha256: command.file.sha256, name: command.file.name.trim(), size: command.file.size, mimeType: command.file.mimeType } : null;
      return { type: 'ArchiveMaterialSubmitted', data: { materialCode: command.materialCode, file, note: note(command.note) } };
    }
    case 'ACCEPT_ARCHIVE_MATERIAL':
      return { type: 'ArchiveMaterialAccepted', data: { materialCode: command.materialCode, note: note(command.note) } };
    case 'RETURN_ARCHIVE_MATERIAL':
      return { type: 'ArchiveMaterialReturned', data: { materialCode: command.materialCode, reason: command.reason.trim() } };
    case 'REASSIGN':
      return { type: 'TaskReassigned', data: { unitCode: command.unitCode.trim(), previousUnitCode: state.unitCode, reason: command.reason.trim() } };
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return {
        type: 'ResponsiblePersonAssigned',
        data: { login: command.login.trim(), name: command.name.trim(), previousLogin: state.responsiblePerson?.login ?? null },
      };
    case 'REQUEST_EXTENSION':
      return { type: 'ExtensionRequested', data: { requestedDueAt: new Date(command.requestedDueAt).toISOString(), reason: command.reason.trim() } };
    case 'APPROVE_EXTENSION': {
      // check() guarantees a pending request. An approval never moves a deadline earlier (a plan may have
      // moved it past the requested date meanwhile).
      const requested = state.pendingExtension?.requestedDueAt ?? state.dueAt;
      return { type: 'ExtensionApproved', data: { dueAt: state.stageDueAt ? later(requested, state.stageDueAt) : requested, note: note(command.note) } };
    }
    case 'REFUSE_EXTENSION':
      return { type: 'ExtensionRefused', data: { reason: command.reason.trim() } };
    case 'ADD_COMMENT':
      return { type: 'CommentAdded', data: { text: command.text.trim() } };
    case 'PROPOSE_ACCOUNTABILITY':
    case 'APPROVE_ACCOUNTABILITY':
    case 'RETURN_ACCOUNTABILITY':
      return accountabilityEvent(command, ladderPosition(state));
    case 'ATTACH_EVIDENCE':
      return {
        type: 'EvidenceAttached',
        data: { sha256: command.file.sha256, name: command.file.name.trim(), size: command.file.size, mimeType: command.file.mimeType, stage: state.stage, note: note(command.note) },
      };
    default:
      return assertNever(command);
  }
}

/**
 * The score decides: the indicator is met when the points scored reach the campaign's pass rate of the points
 * possible. Criteria that lost points are recorded as failed either way, for the rectification that follows.
 */
export function scoreMockAssessment(scores: readonly CriterionScore[], policy: TaskPolicy) {
  const score = round2(scores.reduce((sum, s) => sum + s.score, 0));
  const maxScore = round2(scores.reduce((sum, s) => sum + s.points, 0));
  const scoreRate = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  const passRate = policy.mockPassRate ?? DEFAULT_TASK_POLICY.mockPassRate;
  return {
    scores: scores.map((s) => ({ criterionCode: s.criterionCode, points: s.points, score: s.score })),
    score,
    maxScore,
    scoreRate,
    passed: maxScore > 0 && score / maxScore >= passRate,
    failedCriteria: scores.filter((s) => s.score < s.points).map((s) => s.criterionCode),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Decide what an action records, or why it is refused. Refusals record nothing. `now` is workflow time. */
export function decide(state: IndicatorTaskState, request: ActionRequest, now: string): Decision<IndicatorTaskEvent> {
  const { actor, expectedVersion } = request;
  const raw = request.command;
  // The 重点/难点 mark is decided apart from the lifecycle (../shared/key-flag.ts), after the same version check.
  if (isKeyFlagCommand(raw)) {
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
      return { ok: false, rejection: { code: 'CONFLICT', message: `任务已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
    }
    const rejected = checkTaskKeyFlag(state, actor, raw.action) ?? validateKeyFlag(state.keyFlag, raw);
    return rejected ? { ok: false, rejection: rejected } : { ok: true, events: [keyFlagEvent(state.keyFlag, raw)] };
  }
  const command = raw && typeof raw === 'object' ? upgrade(raw) : raw;
  if (!command || typeof command !== 'object' || typeof command.action !== 'string' || !isIndicatorTaskAction(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return {
      ok: false,
      rejection: {
        code: 'CONFLICT',
        message: `任务已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试`,
      },
    };
  }
  const refused = check(state, actor, command.action) ?? validateInput(state, command, now, actor.userId);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command)] };
}
