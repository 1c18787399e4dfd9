// The indicator-task lifecycle as pure functions: which action is legal in which stage for which person
// (`check`, `allowedActions`), what an accepted command records (`decide`), and how events change the state
// (`evolve`). The workflow's update validators, the API's `allowedActions` and the board projection all use
// this one module; nothing else may encode the rules.
import type { IndicatorTaskEvent } from './indicator-task.events';
import { ACTION_LABELS, CLASSIFICATION_LABELS, REVIEW_KIND_LABELS, ROLE_LABELS, STAGE_LABELS } from './indicator-task.labels';
import {
  CLASSIFICATIONS,
  type Actor,
  type Classification,
  type IndicatorTaskInput,
  type IndicatorTaskState,
  type ReviewKind,
  type Role,
  type Stage,
} from './indicator-task.types';

export const INDICATOR_TASK_ACTIONS = [
  'SUBMIT_SELF_CHECK',
  'CONFIRM_SELF_CHECK',
  'RETURN_SELF_CHECK',
  'REPORT_RECTIFICATION_PROGRESS',
  'SUBMIT_RECTIFICATION',
  'APPROVE_RECTIFICATION',
  'RETURN_RECTIFICATION',
  'RECORD_MOCK_ASSESSMENT',
  'START_ARCHIVING',
  'SUBMIT_ARCHIVE',
  'ACCEPT_ARCHIVE',
  'RETURN_ARCHIVE',
] as const;
export type IndicatorTaskAction = (typeof INDICATOR_TASK_ACTIONS)[number];

export type IndicatorTaskCommand =
  | { action: 'SUBMIT_SELF_CHECK'; classification: Classification; note: string }
  | { action: 'CONFIRM_SELF_CHECK'; note?: string }
  | { action: 'RETURN_SELF_CHECK'; reason: string }
  | { action: 'REPORT_RECTIFICATION_PROGRESS'; note: string }
  | { action: 'SUBMIT_RECTIFICATION'; note: string }
  | { action: 'APPROVE_RECTIFICATION'; note?: string }
  | { action: 'RETURN_RECTIFICATION'; reason: string }
  | { action: 'RECORD_MOCK_ASSESSMENT'; score: number; passed: boolean; note?: string }
  | { action: 'START_ARCHIVING'; note?: string }
  | { action: 'SUBMIT_ARCHIVE'; note: string }
  | { action: 'ACCEPT_ARCHIVE'; note?: string }
  | { action: 'RETURN_ARCHIVE'; reason: string };

/** A command as it arrives at the workflow: who, what, and optionally the version the caller saw. */
export interface ActionRequest {
  command: IndicatorTaskCommand;
  actor: Actor;
  expectedVersion?: number | null;
  /** Ties the resulting events to the request that caused them (the API's request id). */
  correlationId?: string;
}

export type RejectionCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT';

export interface Rejection {
  code: RejectionCode;
  /** For people: Chinese. */
  message: string;
  /** The input field at fault, for form errors. */
  field?: string;
}

export type Decision = { ok: true; events: IndicatorTaskEvent[] } | { ok: false; rejection: Rejection };

const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const NOTE_MAX = 2000;

interface Rule {
  stage: Stage;
  roles: readonly Role[];
  /** Units act only on their own tasks. */
  ownUnitOnly: boolean;
  /** The review the task must be waiting for, or null when it must be waiting for none. */
  awaiting: ReviewKind | null;
  /** Approvals: the person who handed the work in may not decide on it. */
  notBySubmitter: boolean;
}

const RULES: Record<IndicatorTaskAction, Rule> = {
  SUBMIT_SELF_CHECK: { stage: 'SELF_CHECK', roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  CONFIRM_SELF_CHECK: { stage: 'SELF_CHECK', roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'SELF_CHECK_REVIEW', notBySubmitter: true },
  RETURN_SELF_CHECK: { stage: 'SELF_CHECK', roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'SELF_CHECK_REVIEW', notBySubmitter: true },
  REPORT_RECTIFICATION_PROGRESS: { stage: 'RECTIFICATION', roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  SUBMIT_RECTIFICATION: { stage: 'RECTIFICATION', roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  APPROVE_RECTIFICATION: { stage: 'RECTIFICATION', roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'RECTIFICATION_REVIEW', notBySubmitter: true },
  RETURN_RECTIFICATION: { stage: 'RECTIFICATION', roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: 'RECTIFICATION_REVIEW', notBySubmitter: true },
  RECORD_MOCK_ASSESSMENT: { stage: 'MOCK_ASSESSMENT', roles: ['SUPERVISOR'], ownUnitOnly: false, awaiting: null, notBySubmitter: false },
  START_ARCHIVING: { stage: 'CONSOLIDATION', roles: ['SUPERVISOR', 'OFFICE'], ownUnitOnly: false, awaiting: null, notBySubmitter: false },
  SUBMIT_ARCHIVE: { stage: 'ARCHIVING', roles: UNIT_ROLES, ownUnitOnly: true, awaiting: null, notBySubmitter: false },
  ACCEPT_ARCHIVE: { stage: 'ARCHIVING', roles: ['ARCHIVIST'], ownUnitOnly: false, awaiting: 'ARCHIVE_REVIEW', notBySubmitter: true },
  RETURN_ARCHIVE: { stage: 'ARCHIVING', roles: ['ARCHIVIST'], ownUnitOnly: false, awaiting: 'ARCHIVE_REVIEW', notBySubmitter: true },
};

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
  if (rule.ownUnitOnly && actor.unitCode !== state.unitCode) {
    return { code: 'FORBIDDEN', message: `只能处理本单位的任务，不能对其他单位的任务执行「${label}」` };
  }
  if (state.stage !== rule.stage) {
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `任务处于「${STAGE_LABELS[state.stage]}」阶段，不能执行「${label}」（仅限「${STAGE_LABELS[rule.stage]}」阶段）`,
    };
  }
  if (rule.awaiting === null && state.awaitingReview !== null) {
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `任务正在等待审核（${REVIEW_KIND_LABELS[state.awaitingReview]}），审核前不能执行「${label}」`,
    };
  }
  if (rule.awaiting !== null && state.awaitingReview !== rule.awaiting) {
    return { code: 'ILLEGAL_TRANSITION', message: `没有待审核的材料，不能执行「${label}」` };
  }
  if (rule.notBySubmitter && state.submittedBy === actor.userId) {
    return { code: 'FORBIDDEN', message: `提交人不能审核自己提交的材料（${label}）` };
  }
  return null;
}

export function allowedActions(state: IndicatorTaskState, actor: Actor): IndicatorTaskAction[] {
  return INDICATOR_TASK_ACTIONS.filter((action) => check(state, actor, action) === null);
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

function validateInput(command: IndicatorTaskCommand): Rejection | null {
  switch (command.action) {
    case 'SUBMIT_SELF_CHECK':
      if (!(CLASSIFICATIONS as readonly string[]).includes(command.classification)) {
        return { code: 'BAD_USER_INPUT', field: 'classification', message: '请选择达标情况（达标、未达标、未知可否达标、易反弹）' };
      }
      return required(command.note, 'note', '自查说明');
    case 'RETURN_SELF_CHECK':
    case 'RETURN_RECTIFICATION':
    case 'RETURN_ARCHIVE':
      return required(command.reason, 'reason', '退回原因');
    case 'REPORT_RECTIFICATION_PROGRESS':
      return required(command.note, 'note', '整改进展');
    case 'SUBMIT_RECTIFICATION':
      return required(command.note, 'note', '整改完成情况');
    case 'SUBMIT_ARCHIVE':
      return required(command.note, 'note', '档案材料说明');
    case 'RECORD_MOCK_ASSESSMENT':
      if (typeof command.score !== 'number' || !Number.isFinite(command.score) || command.score < 0 || command.score > 100) {
        return { code: 'BAD_USER_INPUT', field: 'score', message: '得分率须为0到100之间的数字' };
      }
      if (typeof command.passed !== 'boolean') {
        return { code: 'BAD_USER_INPUT', field: 'passed', message: '请选择模拟测评是否达标' };
      }
      return optional(command.note, 'note', '测评说明');
    case 'CONFIRM_SELF_CHECK':
    case 'APPROVE_RECTIFICATION':
    case 'START_ARCHIVING':
    case 'ACCEPT_ARCHIVE':
      return optional(command.note, 'note', '说明');
    default:
      return assertNever(command);
  }
}

function toEvent(state: IndicatorTaskState, command: IndicatorTaskCommand): IndicatorTaskEvent {
  switch (command.action) {
    case 'SUBMIT_SELF_CHECK':
      return { type: 'SelfCheckSubmitted', data: { classification: command.classification, note: command.note.trim() } };
    case 'CONFIRM_SELF_CHECK':
      // awaitingReview === SELF_CHECK_REVIEW guarantees a classification was submitted.
      return { type: 'SelfCheckConfirmed', data: { classification: state.classification ?? 'UNKNOWN', note: command.note?.trim() ?? '' } };
    case 'RETURN_SELF_CHECK':
      return { type: 'SelfCheckReturned', data: { reason: command.reason.trim() } };
    case 'REPORT_RECTIFICATION_PROGRESS':
      return { type: 'RectificationProgressReported', data: { note: command.note.trim() } };
    case 'SUBMIT_RECTIFICATION':
      return { type: 'RectificationSubmitted', data: { note: command.note.trim() } };
    case 'APPROVE_RECTIFICATION':
      return { type: 'RectificationApproved', data: { note: command.note?.trim() ?? '' } };
    case 'RETURN_RECTIFICATION':
      return { type: 'RectificationReturned', data: { reason: command.reason.trim() } };
    case 'RECORD_MOCK_ASSESSMENT':
      return { type: 'MockAssessmentRecorded', data: { score: command.score, passed: command.passed, note: command.note?.trim() ?? '' } };
    case 'START_ARCHIVING':
      return { type: 'ArchivingStarted', data: { note: command.note?.trim() ?? '' } };
    case 'SUBMIT_ARCHIVE':
      return { type: 'ArchiveSubmitted', data: { note: command.note.trim() } };
    case 'ACCEPT_ARCHIVE':
      return { type: 'ArchiveAccepted', data: { note: command.note?.trim() ?? '' } };
    case 'RETURN_ARCHIVE':
      return { type: 'ArchiveReturned', data: { reason: command.reason.trim() } };
    default:
      return assertNever(command);
  }
}

/** Decide what an action records, or why it is refused. Refusals record nothing. */
export function decide(state: IndicatorTaskState, request: ActionRequest): Decision {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !isIndicatorTaskAction(String(command.action))) {
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
  const refused = check(state, actor, command.action) ?? validateInput(command);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command)] };
}

/** The stage a confirmed classification leads to (工作重点 二). */
export function stageAfterClassification(classification: Classification): Stage {
  switch (classification) {
    case 'MET':
    case 'RELAPSE_PRONE':
      return 'CONSOLIDATION';
    case 'NOT_MET':
      return 'RECTIFICATION';
    case 'UNKNOWN':
      return 'MOCK_ASSESSMENT';
    default:
      return assertNever(classification);
  }
}

export function initialState(input: Omit<IndicatorTaskInput, 'createdBy'>): IndicatorTaskState {
  return {
    taskId: input.taskId,
    campaignId: input.campaignId,
    indicatorCode: input.indicatorCode,
    unitCode: input.unitCode,
    leadUnitCode: input.leadUnitCode,
    stage: 'SELF_CHECK',
    classification: null,
    awaitingReview: null,
    submittedBy: null,
    dueAt: input.dueAt,
    relapseCount: 0,
    version: 0,
  };
}

/** Apply one recorded event. `actorId` is the event's actor, from its metadata. */
export function evolve(state: IndicatorTaskState, event: IndicatorTaskEvent, actorId: string): IndicatorTaskState {
  const next: IndicatorTaskState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'IndicatorTaskCreated':
      return { ...next, ...event.data, stage: 'SELF_CHECK' };
    case 'SelfCheckSubmitted':
      return { ...next, classification: event.data.classification, awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: actorId };
    case 'SelfCheckConfirmed':
      return {
        ...next,
        classification: event.data.classification,
        stage: stageAfterClassification(event.data.classification),
        awaitingReview: null,
        submittedBy: null,
      };
    case 'SelfCheckReturned':
      // The returned classification was only proposed; the card shows none until the unit submits again.
      return { ...next, classification: null, awaitingReview: null, submittedBy: null };
    case 'RectificationReturned':
    case 'ArchiveReturned':
      return { ...next, awaitingReview: null, submittedBy: null };
    case 'RectificationProgressReported':
      return next;
    case 'RectificationSubmitted':
      return { ...next, awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: actorId };
    case 'RectificationApproved':
      return {
        ...next,
        stage: 'CONSOLIDATION',
        classification: state.classification === 'RELAPSE_PRONE' ? 'RELAPSE_PRONE' : 'MET',
        awaitingReview: null,
        submittedBy: null,
      };
    case 'MockAssessmentRecorded':
      return event.data.passed
        ? { ...next, stage: 'CONSOLIDATION', classification: 'MET' }
        : { ...next, stage: 'RECTIFICATION', classification: 'NOT_MET' };
    case 'ArchivingStarted':
      return { ...next, stage: 'ARCHIVING' };
    case 'ArchiveSubmitted':
      return { ...next, awaitingReview: 'ARCHIVE_REVIEW', submittedBy: actorId };
    case 'ArchiveAccepted':
      return { ...next, stage: 'ARCHIVED', awaitingReview: null, submittedBy: null };
    default:
      return assertNever(event);
  }
}

export function describeClassification(classification: Classification | null): string {
  return classification ? CLASSIFICATION_LABELS[classification] : '未分类';
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
