// Fixtures of the indicator-task specs (test/unit/indicator-task.*.spec.ts): the people, the dates, states in
// each stage, a valid command for every action, and small helpers to read a decision.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import {
  type IndicatorTaskAction,
  type IndicatorTaskCommand,
  PACKAGE_MATERIAL,
  type IndicatorTaskState,
  type ArchiveMaterialState,
  type ReviewKind,
  type Stage,
  type TaskPolicy,
} from '../../workflows/indicator-task/indicator-task.types';
import { archiveOf } from '../../workflows/indicator-task/indicator-task.rules';
import { assertNever } from '../../workflows/shared/assert-never';
import { initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type { Decision, EventMeta, Rejection } from '../../workflows/shared/decision.types';
import type { Actor } from '../../workflows/shared/actor.types';

export const OWN_UNIT = 'WTSQ';
export const LEAD_UNIT = 'XCB';
export const OTHER_UNIT = 'BJSQ';

export const ACTOR_KINDS = [
  'LEADER',
  'OFFICE',
  'SUPERVISOR',
  'ARCHIVIST',
  'OWN_UNIT_HEAD',
  'OWN_UNIT_MEMBER',
  'OTHER_UNIT_HEAD',
  'OTHER_UNIT_MEMBER',
  'LEAD_UNIT_HEAD',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTORS: Record<ActorKind, Actor> = {
  LEADER: { userId: 'user:leader', displayName: '王组长', role: 'LEADER', unitCode: null },
  OFFICE: { userId: 'user:office', displayName: '张霞', role: 'OFFICE', unitCode: null },
  SUPERVISOR: { userId: 'user:supervisor', displayName: '李督查', role: 'SUPERVISOR', unitCode: null },
  ARCHIVIST: { userId: 'user:archivist', displayName: '陈档案', role: 'ARCHIVIST', unitCode: null },
  OWN_UNIT_HEAD: { userId: 'user:wtsq.head', displayName: '外滩社区负责人', role: 'UNIT_HEAD', unitCode: OWN_UNIT },
  OWN_UNIT_MEMBER: { userId: 'user:wtsq.member', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: OWN_UNIT },
  OTHER_UNIT_HEAD: { userId: 'user:bjsq.head', displayName: '滨江社区负责人', role: 'UNIT_HEAD', unitCode: OTHER_UNIT },
  OTHER_UNIT_MEMBER: { userId: 'user:bjsq.member', displayName: '滨江社区工作人员', role: 'UNIT_MEMBER', unitCode: OTHER_UNIT },
  // The lead unit coordinates but does not do the responsible unit's work.
  LEAD_UNIT_HEAD: { userId: 'user:xcb.head', displayName: '宣传统战办负责人', role: 'UNIT_HEAD', unitCode: LEAD_UNIT },
};
export const { LEADER, OFFICE, SUPERVISOR, ARCHIVIST, OWN_UNIT_HEAD, OWN_UNIT_MEMBER, OTHER_UNIT_MEMBER } = ACTORS;
export const SUPERVISOR_2: Actor = { userId: 'user:supervisor2', displayName: '赵督查', role: 'SUPERVISOR', unitCode: null };
export const ARCHIVIST_2: Actor = { userId: 'user:archivist2', displayName: '周档案', role: 'ARCHIVIST', unitCode: null };
export const EVERYONE: readonly Actor[] = [...ACTOR_KINDS.map((k) => ACTORS[k]), SUPERVISOR_2, ARCHIVIST_2];

/** The task's due date (完成时限): 2027-01-31 23:59:59 in Shanghai. */
export const DUE = '2027-01-31T15:59:59.000Z';
/** When the task is created in the whole-life tests. */
export const CREATED_AT = '2026-11-01T00:00:00.000Z';
/** When the stage of a `stateOf` task began. */
export const ENTERED = '2026-11-20T00:00:00.000Z';
/** Workflow time for the decide tests: well before the due date. */
export const NOW = '2026-12-01T00:00:00.000Z';

export const TASK_INPUT = {
  taskId: 'indicator-task:demo-2027:A1:WTSQ',
  campaignId: 'demo-2027',
  indicatorCode: 'A1',
  unitCode: OWN_UNIT,
  leadUnitCode: LEAD_UNIT,
  dueAt: DUE,
};
export const { taskId: _taskId, ...CREATION_FACTS } = TASK_INPUT;

/** A campaign with its own rules of time and an archive deadline. */
export const CUSTOM_POLICY: TaskPolicy = {
  selfCheckDays: 10,
  rectificationDays: 5,
  mockAssessmentDays: 21,
  mockPassRate: 0.85,
  reminderBeforeHours: 24,
  escalationAfterHours: { URGE: 24, SUPERVISE: 48, INTERVIEW: 96, ACCOUNTABILITY: 192 },
  recheckDays: { relapseProne: 3, other: 14 },
  archiveDueAt: '2027-06-30T15:59:59.000Z',
};

/** A rectification plan, due before the task's due date. */
export const PLAN = { plan: '主干道新增公益广告20处', deadline: '2027-01-15T15:59:59.000Z' };
/** An extension the unit's member asked for. */
export const EXTENSION = { requestedDueAt: '2027-02-28T15:59:59.000Z', reason: '广告牌制作周期长', requestedBy: OWN_UNIT_MEMBER.userId };

/** A task as it looks after some history: version 5, due at DUE, unless told otherwise. */
export function stateOf(overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return { ...initialState(TASK_INPUT), stageEnteredAt: ENTERED, version: 5, ...overrides };
}

/** A task waiting for the given review, handed in by the given person. */
export function awaiting(stage: Stage, review: ReviewKind, submittedBy: string, overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return stateOf({ stage, awaitingReview: review, submittedBy, classification: 'NOT_MET', ...overrides });
}

export function meta(actor: Actor, at: string = NOW): EventMeta {
  return { actorId: actor.userId, at };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Two materials an indicator requires, from the catalog. */
export const M1 = { code: 'A1-M1', name: '公益广告点位台账' };
export const M2 = { code: 'A1-M2', name: '现场照片' };

/** A task archiving M1 and M2, each MISSING unless told otherwise; the review follows from the materials. */
export function archivingWith(changes: Record<string, Partial<ArchiveMaterialState>>, overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  const archive = [M1, M2].map(
    (m): ArchiveMaterialState => ({
      code: m.code,
      name: m.name,
      status: 'MISSING',
      file: null,
      note: '',
      submittedBy: null,
      submittedAt: null,
      reviewedBy: null,
      reviewedAt: null,
      returnReason: null,
      ...changes[m.code],
    }),
  );
  const review = archive.some((m) => m.status === 'SUBMITTED') ? 'ARCHIVE_REVIEW' : null;
  return stateOf({ stage: 'ARCHIVING', classification: 'MET', stageDueAt: DUE, archive, awaitingReview: review, ...overrides });
}

/** A material as archiving starts: nothing handed in. */
export function material(m: { code: string; name: string }, changes: Partial<ArchiveMaterialState> = {}): ArchiveMaterialState {
  return { code: m.code, name: m.name, status: 'MISSING', file: null, note: '', submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, returnReason: null, ...changes };
}

/** A file in the file store. */
export const FILE = { sha256: 'a'.repeat(64), name: '照片.jpg', size: 1024, mimeType: 'image/jpeg' };

/** The code of a material the unit still owes (the first), or of the package when the task is not archiving. */
export function owed(state: IndicatorTaskState): string {
  return archiveOf(state).find((m) => m.status === 'MISSING' || m.status === 'RETURNED')?.code ?? PACKAGE_MATERIAL.code;
}

/** The code of a material awaiting the archivist (the first), or of the package. */
export function handedIn(state: IndicatorTaskState): string {
  return archiveOf(state).find((m) => m.status === 'SUBMITTED')?.code ?? PACKAGE_MATERIAL.code;
}

/**
 * A command for `action` whose input is valid in `state` at `now`, so that only the rules decide; null when no
 * valid input exists (a rectification plan once the time for it has run out).
 */
export function validCommand(action: IndicatorTaskAction, state: IndicatorTaskState = stateOf(), now: string = NOW): IndicatorTaskCommand | null {
  switch (action) {
    case 'SUBMIT_SELF_CHECK':
      return { action, classification: 'NOT_MET', note: '主干道公益广告不足' };
    case 'CONFIRM_SELF_CHECK':
    case 'APPROVE_RECTIFICATION':
    case 'START_ARCHIVING':
    case 'APPROVE_EXTENSION':
      return { action };
    case 'ACCEPT_ARCHIVE_MATERIAL':
      return { action, materialCode: handedIn(state) };
    case 'RETURN_ARCHIVE_MATERIAL':
      return { action, materialCode: handedIn(state), reason: '材料不全' };
    case 'RETURN_SELF_CHECK':
    case 'RETURN_RECTIFICATION':
      return { action, reason: '材料不全' };
    case 'REFUSE_EXTENSION':
      return { action, reason: '时间足够' };
    case 'REPORT_RECTIFICATION_PROGRESS':
    case 'SUBMIT_RECTIFICATION':
      return { action, note: '已完成' };
    case 'SUBMIT_ARCHIVE_MATERIAL':
      return { action, materialCode: owed(state), file: FILE, note: '已完成' };
    case 'RECORD_MOCK_ASSESSMENT':
      return { action, scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }] };
    case 'RECORD_RECHECK':
      return { action, passed: true };
    case 'SUBMIT_RECTIFICATION_PLAN': {
      // After now, and no later than the later of the task's and the stage's due dates.
      const limit = Math.max(Date.parse(state.dueAt), state.stageDueAt === null ? 0 : Date.parse(state.stageDueAt));
      const from = Date.parse(now);
      if (limit - from < 2) return null;
      return { action, plan: '分三批完成', deadline: new Date(from + Math.floor((limit - from) / 2)).toISOString() };
    }
    case 'REQUEST_EXTENSION': {
      // After the stage's due date and after now.
      const from = Math.max(Date.parse(now), state.stageDueAt === null ? 0 : Date.parse(state.stageDueAt));
      return { action, requestedDueAt: new Date(from + 30 * DAY).toISOString(), reason: '人手不足' };
    }
    case 'ADD_COMMENT':
      return { action, text: '请抓紧' };
    case 'ATTACH_EVIDENCE':
      return { action, file: FILE };
    case 'REASSIGN':
      return { action, unitCode: state.unitCode === OTHER_UNIT ? OWN_UNIT : OTHER_UNIT, reason: '职责调整' };
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return { action, unitCode: state.unitCode, login: state.responsiblePerson?.login === 'li.si' ? 'zhang.san' : 'li.si', name: '李四' };
    case 'PROPOSE_ACCOUNTABILITY':
      return { action, unit: true, persons: [], form: 'CRITICISM_NOTICE', formNote: '', reason: '逾期未整改' };
    case 'APPROVE_ACCOUNTABILITY':
      return { action };
    case 'RETURN_ACCOUNTABILITY':
      return { action, reason: '证据不足' };
    default:
      return assertNever(action);
  }
}

/** `validCommand` where the test knows valid input exists. */
export function valid(action: IndicatorTaskAction, state?: IndicatorTaskState, now?: string): IndicatorTaskCommand {
  const command = validCommand(action, state, now);
  if (command === null) throw new Error(`no valid input for ${action}`);
  return command;
}

export function rejectionOf(decision: Decision<IndicatorTaskEvent>): Rejection {
  if (decision.ok) throw new Error(`expected a rejection, got events ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

export function eventsOf(decision: Decision<IndicatorTaskEvent>): IndicatorTaskEvent[] {
  if (!decision.ok) throw new Error(`expected events, got rejection ${JSON.stringify(decision.rejection)}`);
  return decision.events;
}

/** Lets a test hand `decide` what a careless or hostile client might send. */
export function untyped(command: Record<string, unknown> | null): IndicatorTaskCommand {
  return command as unknown as IndicatorTaskCommand;
}

export const CHINESE = /[\u4e00-\u9fff]/;

/** Freezes a state so that any mutation by the code under test throws (modules run in strict mode). */
export function frozen(state: IndicatorTaskState): IndicatorTaskState {
  return Object.freeze({ ...state });
}

/** When the events of the evolve tests happen. */
export const AT = '2026-12-10T08:00:00.000Z';
