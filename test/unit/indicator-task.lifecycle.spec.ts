// The pure lifecycle rules of an indicator task: who may do what in which stage (`allowedActions`, `check`),
// what an accepted action records (`decide`) and how events move the state (`evolve`), deadlines included.
// The expectations below are written out by hand from the glossary, never derived from the module's own rule
// table; dates are written out as ISO instants rather than computed.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import { INDICATOR_TASK_ACTIONS, type ActionRequest, type IndicatorTaskAction, type IndicatorTaskCommand, CLASSIFICATIONS, DEFAULT_TASK_POLICY, PACKAGE_MATERIAL, REVIEW_KINDS, STAGES, type Classification, type IndicatorTaskState, type ArchiveMaterialState, type ReviewKind, type Stage, type TaskPolicy, type CriterionScore } from '../../workflows/indicator-task/indicator-task.types';
import { allowedActions, allowedSideActions, decide } from '../../workflows/indicator-task/indicator-task.decide';
import { archiveOf, stageAfterClassification, unitOwesWork } from '../../workflows/indicator-task/indicator-task.rules';
import { assertNever } from '../../workflows/shared/assert-never';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type {
  Decision,
  EventMeta,
  Rejection,
  RejectionCode,
} from '../../workflows/shared/decision.types';
import { nextTimer, timerEvent, type Timer } from '../../workflows/indicator-task/indicator-task.schedule';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';

// ---------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------

const OWN_UNIT = 'WTSQ';
const LEAD_UNIT = 'XCB';
const OTHER_UNIT = 'BJSQ';

const ACTOR_KINDS = [
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
type ActorKind = (typeof ACTOR_KINDS)[number];

const ACTORS: Record<ActorKind, Actor> = {
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
const { LEADER, OFFICE, SUPERVISOR, ARCHIVIST, OWN_UNIT_HEAD, OWN_UNIT_MEMBER, OTHER_UNIT_MEMBER } = ACTORS;
const SUPERVISOR_2: Actor = { userId: 'user:supervisor2', displayName: '赵督查', role: 'SUPERVISOR', unitCode: null };
const ARCHIVIST_2: Actor = { userId: 'user:archivist2', displayName: '周档案', role: 'ARCHIVIST', unitCode: null };
const EVERYONE: readonly Actor[] = [...ACTOR_KINDS.map((k) => ACTORS[k]), SUPERVISOR_2, ARCHIVIST_2];

/** The task's due date (完成时限): 2027-01-31 23:59:59 in Shanghai. */
const DUE = '2027-01-31T15:59:59.000Z';
/** When the task is created in the whole-life tests. */
const CREATED_AT = '2026-11-01T00:00:00.000Z';
/** When the stage of a `stateOf` task began. */
const ENTERED = '2026-11-20T00:00:00.000Z';
/** Workflow time for the decide tests: well before the due date. */
const NOW = '2026-12-01T00:00:00.000Z';

const TASK_INPUT = {
  taskId: 'indicator-task:demo-2027:A1:WTSQ',
  campaignId: 'demo-2027',
  indicatorCode: 'A1',
  unitCode: OWN_UNIT,
  leadUnitCode: LEAD_UNIT,
  dueAt: DUE,
};
const { taskId: _taskId, ...CREATION_FACTS } = TASK_INPUT;

/** A campaign with its own rules of time and an archive deadline. */
const CUSTOM_POLICY: TaskPolicy = {
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
const PLAN = { plan: '主干道新增公益广告20处', deadline: '2027-01-15T15:59:59.000Z' };
/** An extension the unit's member asked for. */
const EXTENSION = { requestedDueAt: '2027-02-28T15:59:59.000Z', reason: '广告牌制作周期长', requestedBy: OWN_UNIT_MEMBER.userId };

/** A task as it looks after some history: version 5, due at DUE, unless told otherwise. */
function stateOf(overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return { ...initialState(TASK_INPUT), stageEnteredAt: ENTERED, version: 5, ...overrides };
}

/** A task waiting for the given review, handed in by the given person. */
function awaiting(stage: Stage, review: ReviewKind, submittedBy: string, overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return stateOf({ stage, awaitingReview: review, submittedBy, classification: 'NOT_MET', ...overrides });
}

function meta(actor: Actor, at: string = NOW): EventMeta {
  return { actorId: actor.userId, at };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Two materials an indicator requires, from the catalog. */
const M1 = { code: 'A1-M1', name: '公益广告点位台账' };
const M2 = { code: 'A1-M2', name: '现场照片' };

/** A task archiving M1 and M2, each MISSING unless told otherwise; the review follows from the materials. */
function archivingWith(changes: Record<string, Partial<ArchiveMaterialState>>, overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
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
function material(m: { code: string; name: string }, changes: Partial<ArchiveMaterialState> = {}): ArchiveMaterialState {
  return { code: m.code, name: m.name, status: 'MISSING', file: null, note: '', submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, returnReason: null, ...changes };
}

/** A file in the file store. */
const FILE = { sha256: 'a'.repeat(64), name: '照片.jpg', size: 1024, mimeType: 'image/jpeg' };

/** The code of a material the unit still owes (the first), or of the package when the task is not archiving. */
function owed(state: IndicatorTaskState): string {
  return archiveOf(state).find((m) => m.status === 'MISSING' || m.status === 'RETURNED')?.code ?? PACKAGE_MATERIAL.code;
}

/** The code of a material awaiting the archivist (the first), or of the package. */
function handedIn(state: IndicatorTaskState): string {
  return archiveOf(state).find((m) => m.status === 'SUBMITTED')?.code ?? PACKAGE_MATERIAL.code;
}

/**
 * A command for `action` whose input is valid in `state` at `now`, so that only the rules decide; null when no
 * valid input exists (a rectification plan once the time for it has run out).
 */
function validCommand(action: IndicatorTaskAction, state: IndicatorTaskState = stateOf(), now: string = NOW): IndicatorTaskCommand | null {
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
    default:
      return assertNever(action);
  }
}

/** `validCommand` where the test knows valid input exists. */
function valid(action: IndicatorTaskAction, state?: IndicatorTaskState, now?: string): IndicatorTaskCommand {
  const command = validCommand(action, state, now);
  if (command === null) throw new Error(`no valid input for ${action}`);
  return command;
}

function rejectionOf(decision: Decision<IndicatorTaskEvent>): Rejection {
  if (decision.ok) throw new Error(`expected a rejection, got events ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

function eventsOf(decision: Decision<IndicatorTaskEvent>): IndicatorTaskEvent[] {
  if (!decision.ok) throw new Error(`expected events, got rejection ${JSON.stringify(decision.rejection)}`);
  return decision.events;
}

/** Lets a test hand `decide` what a careless or hostile client might send. */
function untyped(command: Record<string, unknown> | null): IndicatorTaskCommand {
  return command as unknown as IndicatorTaskCommand;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** Freezes a state so that any mutation by the code under test throws (modules run in strict mode). */
function frozen(state: IndicatorTaskState): IndicatorTaskState {
  return Object.freeze({ ...state });
}

// ---------------------------------------------------------------------------------------------------------
// allowedActions: the full matrix
// ---------------------------------------------------------------------------------------------------------

type ReviewKey = ReviewKind | 'NONE';
type Situation = `${Stage}/${ReviewKey}`;

/** The state dimensions besides stage and review that decide what is offered. */
interface Extras {
  /** An extension request (by a member of the task's unit) is waiting for a supervisor. */
  extension: boolean;
  /** The unit has handed in a rectification plan. */
  plan: boolean;
  /** The stage has a due date. */
  due: boolean;
}

type Expected = Partial<Record<ActorKind, IndicatorTaskAction[]>>;

/** What the unit may ask for: more time, when the stage has a deadline and nothing is asked yet. */
const askForTime = ({ extension, due }: Extras): IndicatorTaskAction[] => (!extension && due ? ['REQUEST_EXTENSION'] : []);
/** What a supervisor may do with a pending request for more time. */
const answerForTime = ({ extension }: Extras): IndicatorTaskAction[] => (extension ? ['APPROVE_EXTENSION', 'REFUSE_EXTENSION'] : []);
const ownUnit = (actions: IndicatorTaskAction[]): Expected => ({ OWN_UNIT_HEAD: actions, OWN_UNIT_MEMBER: actions });
/** Only the pending extension can be dealt with, by a supervisor. */
const onlyExtension = (x: Extras): Expected => ({ SUPERVISOR: answerForTime(x) });

/**
 * Who may do what, written out per (stage, review awaited) and the extras. Unlisted situations and unlisted
 * people may do nothing. Lists are in the order the API presents them (INDICATOR_TASK_ACTIONS order).
 */
const EXPECTED_ACTIONS: Partial<Record<Situation, (x: Extras) => Expected>> = {
  'SELF_CHECK/NONE': (x) => ({ ...ownUnit(['SUBMIT_SELF_CHECK', ...askForTime(x)]), SUPERVISOR: answerForTime(x) }),
  'SELF_CHECK/SELF_CHECK_REVIEW': (x) => ({ SUPERVISOR: ['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK', ...answerForTime(x)] }),
  'SELF_CHECK/RECTIFICATION_REVIEW': onlyExtension,
  'SELF_CHECK/ARCHIVE_REVIEW': onlyExtension,
  'RECTIFICATION/NONE': (x) => ({
    ...ownUnit([
      'SUBMIT_RECTIFICATION_PLAN',
      'REPORT_RECTIFICATION_PROGRESS',
      // Completion can be handed in only against a plan.
      ...(x.plan ? (['SUBMIT_RECTIFICATION'] as const) : []),
      ...askForTime(x),
    ]),
    SUPERVISOR: answerForTime(x),
  }),
  'RECTIFICATION/SELF_CHECK_REVIEW': onlyExtension,
  'RECTIFICATION/RECTIFICATION_REVIEW': (x) => ({ SUPERVISOR: ['APPROVE_RECTIFICATION', 'RETURN_RECTIFICATION', ...answerForTime(x)] }),
  'RECTIFICATION/ARCHIVE_REVIEW': onlyExtension,
  // Supervisors run the mock assessment; there is no unit deadline to extend.
  'MOCK_ASSESSMENT/NONE': () => ({ SUPERVISOR: ['RECORD_MOCK_ASSESSMENT'] }),
  'CONSOLIDATION/NONE': () => ({ OFFICE: ['START_ARCHIVING'], SUPERVISOR: ['RECORD_RECHECK', 'START_ARCHIVING'] }),
  'ARCHIVING/NONE': (x) => ({ ...ownUnit(['SUBMIT_ARCHIVE_MATERIAL', ...askForTime(x)]), SUPERVISOR: answerForTime(x) }),
  'ARCHIVING/SELF_CHECK_REVIEW': onlyExtension,
  'ARCHIVING/RECTIFICATION_REVIEW': onlyExtension,
  'ARCHIVING/ARCHIVE_REVIEW': (x) => ({ ARCHIVIST: ['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL'], SUPERVISOR: answerForTime(x) }),
};

const SITUATIONS: [Stage, ReviewKind | null][] = STAGES.flatMap((stage) =>
  [null, ...REVIEW_KINDS].map((review): [Stage, ReviewKind | null] => [stage, review]),
);

const EXTRAS: Extras[] = [false, true].flatMap((extension) =>
  [false, true].flatMap((plan) => [false, true].map((due) => ({ extension, plan, due }))),
);

/** A task in the given situation; whoever handed work in or asked for time is a member of the task's unit. */
function situationState(stage: Stage, review: ReviewKind | null, { extension, plan, due }: Extras): IndicatorTaskState {
  return stateOf({
    stage,
    awaitingReview: review,
    submittedBy: review ? OWN_UNIT_MEMBER.userId : null,
    pendingExtension: extension ? EXTENSION : null,
    rectificationPlan: plan ? PLAN : null,
    stageDueAt: due ? DUE : null,
  });
}

const extrasLabel = ({ extension, plan, due }: Extras) =>
  `${extension ? 'an extension pending' : 'no extension pending'}, ${plan ? 'a plan' : 'no plan'}, ${due ? 'a stage deadline' : 'no stage deadline'}`;

describe('allowedActions', () => {
  it('covers every stage, every kind of review and every combination of extras', () => {
    expect(SITUATIONS).toHaveLength(STAGES.length * (REVIEW_KINDS.length + 1));
    expect(SITUATIONS).toHaveLength(24);
    expect(EXTRAS).toHaveLength(8);
  });

  it.each(SITUATIONS.flatMap(([stage, review]) => EXTRAS.map((x) => [stage, review ?? 'no review', extrasLabel(x), review, x] as const)))(
    'in stage %s awaiting %s with %s lists exactly the expected actions for every role',
    (stage, _review, _extras, review, x) => {
      const state = situationState(stage, review, x);
      const expectedForSituation = EXPECTED_ACTIONS[`${stage}/${review ?? 'NONE'}`]?.(x) ?? {};
      const expected = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, expectedForSituation[kind] ?? []]));
      const actual = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, allowedActions(state, ACTORS[kind])]));
      expect(actual).toEqual(expected);
    },
  );

  it('gives nobody anything to do on an archived task', () => {
    const state = stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null });
    for (const actor of EVERYONE) expect(allowedActions(state, actor)).toEqual([]);
  });

  it.each<[Stage, ReviewKind, string, Actor]>([
    ['SELF_CHECK', 'SELF_CHECK_REVIEW', 'supervisor', SUPERVISOR],
    ['RECTIFICATION', 'RECTIFICATION_REVIEW', 'supervisor', SUPERVISOR],
    ['ARCHIVING', 'ARCHIVE_REVIEW', 'archivist', ARCHIVIST],
  ])('in %s awaiting %s hides the review from the %s who submitted it', (stage, review, _who, reviewer) => {
    const state = awaiting(stage, review, reviewer.userId);
    expect(allowedActions(state, reviewer)).toEqual([]);
  });

  it.each<[Stage, ReviewKind, Actor, IndicatorTaskAction[]]>([
    ['SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR_2, ['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK']],
    ['RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR_2, ['APPROVE_RECTIFICATION', 'RETURN_RECTIFICATION']],
    ['ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST_2, ['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']],
  ])('in %s awaiting %s still offers the review to a colleague of the submitter', (stage, review, colleague, expected) => {
    const submitter = colleague.role === 'SUPERVISOR' ? SUPERVISOR : ARCHIVIST;
    expect(allowedActions(awaiting(stage, review, submitter.userId), colleague)).toEqual(expected);
  });

  it.each<Stage>(['SELF_CHECK', 'RECTIFICATION', 'ARCHIVING'])(
    'in %s hides the decision on an extension from the supervisor who asked for it, not from a colleague',
    (stage) => {
      const state = stateOf({ stage, pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
      expect(allowedActions(state, SUPERVISOR)).toEqual([]);
      expect(allowedActions(state, SUPERVISOR_2)).toEqual(['APPROVE_EXTENSION', 'REFUSE_EXTENSION']);
    },
  );

  it('keeps the two separations apart: handing in a self-check does not bar a supervisor from deciding on an extension', () => {
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { pendingExtension: EXTENSION });
    expect(allowedActions(state, SUPERVISOR)).toEqual(['APPROVE_EXTENSION', 'REFUSE_EXTENSION']);
  });

  it('keeps the two separations apart: asking for time does not bar a supervisor from reviewing the unit’s self-check', () => {
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    expect(allowedActions(state, SUPERVISOR)).toEqual(['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// decide: accepted actions
// ---------------------------------------------------------------------------------------------------------

interface AcceptedCase {
  name: string;
  state: IndicatorTaskState;
  actor: Actor;
  command: IndicatorTaskCommand;
  event: IndicatorTaskEvent;
  /** Workflow time; NOW unless told. */
  now?: string;
}

const RECTIFYING = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' });
const CONSOLIDATING = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });

const ACCEPTED: AcceptedCase[] = [
  {
    name: 'ADD_COMMENT records the trimmed text, from the lead unit too',
    state: stateOf(),
    actor: { userId: 'u-lead', displayName: '牵头单位', role: 'UNIT_MEMBER', unitCode: LEAD_UNIT },
    command: { action: 'ADD_COMMENT', text: '  请于周五前补齐照片 ' },
    event: { type: 'CommentAdded', data: { text: '请于周五前补齐照片' } },
  },
  {
    name: 'ATTACH_EVIDENCE records the file by its hash, with the stage it was attached in',
    state: stateOf({ stage: 'RECTIFICATION' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'ATTACH_EVIDENCE', file: { sha256: 'b'.repeat(64), name: ' 整改后.jpg ', size: 2048, mimeType: 'image/jpeg' }, note: '东侧' },
    event: { type: 'EvidenceAttached', data: { sha256: 'b'.repeat(64), name: '整改后.jpg', size: 2048, mimeType: 'image/jpeg', stage: 'RECTIFICATION', note: '东侧' } },
  },
  {
    name: 'SUBMIT_SELF_CHECK records the classification and the trimmed note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'RELAPSE_PRONE', note: '  楼道堆物反复出现 \n' },
    event: { type: 'SelfCheckSubmitted', data: { classification: 'RELAPSE_PRONE', note: '楼道堆物反复出现' } },
  },
  {
    name: 'CONFIRM_SELF_CHECK confirms the submitted classification with an empty default note',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK' },
    event: { type: 'SelfCheckConfirmed', data: { classification: 'UNKNOWN', note: '' } },
  },
  {
    name: 'CONFIRM_SELF_CHECK trims a given note',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK', note: ' 属实 ' },
    event: { type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '属实' } },
  },
  {
    name: 'RETURN_SELF_CHECK records the trimmed reason',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_SELF_CHECK', reason: '\t照片不全  ' },
    event: { type: 'SelfCheckReturned', data: { reason: '照片不全' } },
  },
  {
    name: 'REPORT_RECTIFICATION_PROGRESS records the trimmed note',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: ' 已新增公益广告12处 ' },
    event: { type: 'RectificationProgressReported', data: { note: '已新增公益广告12处' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION against a plan records the trimmed note',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION', note: ' 整改完毕 ' },
    event: { type: 'RectificationSubmitted', data: { note: '整改完毕' } },
  },
  {
    name: 'APPROVE_RECTIFICATION defaults the note to an empty string',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_RECTIFICATION' },
    event: { type: 'RectificationApproved', data: { note: '' } },
  },
  {
    name: 'APPROVE_RECTIFICATION trims a given note',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_RECTIFICATION', note: ' 现场复核通过 ' },
    event: { type: 'RectificationApproved', data: { note: '现场复核通过' } },
  },
  {
    name: 'RETURN_RECTIFICATION records the trimmed reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_RECTIFICATION', reason: ' 仍有占道经营 ' },
    event: { type: 'RectificationReturned', data: { reason: '仍有占道经营' } },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT sums the criteria, fails below the pass rate and lists the criteria that lost points',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: {
      action: 'RECORD_MOCK_ASSESSMENT',
      scores: [
        { criterionCode: 'A1-1', points: 3, score: 3 },
        { criterionCode: 'A1-2', points: 2, score: 0.5 },
      ],
    },
    event: {
      type: 'MockAssessmentRecorded',
      data: {
        scores: [
          { criterionCode: 'A1-1', points: 3, score: 3 },
          { criterionCode: 'A1-2', points: 2, score: 0.5 },
        ],
        score: 3.5,
        maxScore: 5,
        scoreRate: 70,
        passed: false,
        failedCriteria: ['A1-2'],
        note: '',
      },
    },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT passes at exactly the pass rate, still listing deductions, and trims the note',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 10, score: 9 }], note: ' 扣一分 ' },
    event: {
      type: 'MockAssessmentRecorded',
      data: { scores: [{ criterionCode: 'A1-1', points: 10, score: 9 }], score: 9, maxScore: 10, scoreRate: 90, passed: true, failedCriteria: ['A1-1'], note: '扣一分' },
    },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT accepts a score of zero',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 0 }] },
    event: {
      type: 'MockAssessmentRecorded',
      data: { scores: [{ criterionCode: 'A1-1', points: 3, score: 0 }], score: 0, maxScore: 3, scoreRate: 0, passed: false, failedCriteria: ['A1-1'], note: '' },
    },
  },
  {
    name: 'START_ARCHIVING by the office defaults the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: OFFICE,
    command: { action: 'START_ARCHIVING' },
    // Without a list (older clients, and the histories they recorded) the archive is one package.
    event: { type: 'ArchivingStarted', data: { note: '', materials: [{ code: 'PACKAGE', name: '档案材料（整套）' }] } },
  },
  {
    name: 'START_ARCHIVING records the materials the catalog requires, names trimmed',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: OFFICE,
    command: { action: 'START_ARCHIVING', materials: [M1, { ...M2, name: ' 现场照片 ' }] },
    event: { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } },
  },
  {
    name: 'START_ARCHIVING by a supervisor trims the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: { action: 'START_ARCHIVING', note: ' 巩固期满 ', materials: [M1] },
    event: { type: 'ArchivingStarted', data: { note: '巩固期满', materials: [M1] } },
  },
  {
    name: 'SUBMIT_ARCHIVE_MATERIAL records the material, its file and the trimmed note',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: { ...FILE, name: ' 照片.jpg ' }, note: ' 台账三册 ' },
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: M2.code, file: FILE, note: '台账三册' } },
  },
  {
    name: 'SUBMIT_ARCHIVE_MATERIAL hands a returned material in again',
    state: archivingWith({ [M1.code]: { status: 'RETURNED' } }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: M1.code, file: FILE, note: '' } },
  },
  {
    name: 'ACCEPT_ARCHIVE_MATERIAL defaults the note',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code },
    event: { type: 'ArchiveMaterialAccepted', data: { materialCode: M1.code, note: '' } },
  },
  {
    name: 'RETURN_ARCHIVE_MATERIAL records the trimmed reason',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: ' 缺签字页 ' },
    event: { type: 'ArchiveMaterialReturned', data: { materialCode: M1.code, reason: '缺签字页' } },
  },
  {
    name: 'the legacy SUBMIT_ARCHIVE (recorded histories) hands in the package without a file',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE', note: ' 台账三册 ' }),
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: 'PACKAGE', file: null, note: '台账三册' } },
  },
  {
    name: 'the legacy ACCEPT_ARCHIVE accepts the package',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: untyped({ action: 'ACCEPT_ARCHIVE' }),
    event: { type: 'ArchiveMaterialAccepted', data: { materialCode: 'PACKAGE', note: '' } },
  },
  {
    name: 'the legacy RETURN_ARCHIVE returns the package',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: untyped({ action: 'RETURN_ARCHIVE', reason: ' 缺签字页 ' }),
    event: { type: 'ArchiveMaterialReturned', data: { materialCode: 'PACKAGE', reason: '缺签字页' } },
  },
  {
    name: 'REASSIGN records the new unit, the previous one and the trimmed reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: ` ${OTHER_UNIT} `, reason: ' 职责调整 ' },
    event: { type: 'TaskReassigned', data: { unitCode: OTHER_UNIT, previousUnitCode: OWN_UNIT, reason: '职责调整' } },
  },
  // Rectification plans
  {
    name: 'SUBMIT_RECTIFICATION_PLAN trims the plan and records the deadline as a UTC instant',
    state: RECTIFYING,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '  分三批完成 \n', deadline: '2027-01-15T23:59:59+08:00' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '分三批完成', deadline: '2027-01-15T15:59:59.000Z' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN by the unit head accepts a deadline exactly at the task’s due date',
    state: RECTIFYING,
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: DUE },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: DUE } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN accepts a deadline one millisecond after now',
    state: RECTIFYING,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: '2026-12-01T00:00:00.001Z' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: '2026-12-01T00:00:00.001Z' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN revises a plan up to the task’s due date even when the first plan set an earlier one',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '调整后的方案', deadline: DUE },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '调整后的方案', deadline: DUE } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN accepts a deadline up to an extended stage deadline past the task’s due date',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', stageDueAt: '2027-02-28T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: '2027-02-28T15:59:59.000Z' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: '2027-02-28T15:59:59.000Z' } },
  },
  // Re-checks
  {
    name: 'RECORD_RECHECK records a pass with an empty default note',
    state: { ...CONSOLIDATING, recheckDue: true },
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: true },
    event: { type: 'RecheckRecorded', data: { passed: true, note: '' } },
  },
  {
    name: 'RECORD_RECHECK records a pass at any time, not only when a re-check is due, and trims the note',
    state: CONSOLIDATING,
    actor: SUPERVISOR_2,
    command: { action: 'RECORD_RECHECK', passed: true, note: ' 抽查良好 ' },
    event: { type: 'RecheckRecorded', data: { passed: true, note: '抽查良好' } },
  },
  {
    name: 'RECORD_RECHECK records a failure with the trimmed problem found',
    state: { ...CONSOLIDATING, classification: 'RELAPSE_PRONE', recheckDue: true },
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: ' 楼道堆物再次出现 ' },
    event: { type: 'RecheckRecorded', data: { passed: false, note: '楼道堆物再次出现' } },
  },
  // Extensions
  {
    name: 'REQUEST_EXTENSION in self-check records the requested date as a UTC instant and the trimmed reason',
    state: stateOf({ stageDueAt: '2026-12-04T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-20T12:00:00+08:00', reason: ' 负责人出差 ' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2026-12-20T04:00:00.000Z', reason: '负责人出差' } },
  },
  {
    name: 'REQUEST_EXTENSION in rectification may ask for a date past the task’s due date',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: EXTENSION.reason },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: EXTENSION.reason } },
  },
  {
    name: 'REQUEST_EXTENSION in archiving asks past the archive deadline',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', policy: CUSTOM_POLICY, stageDueAt: '2027-06-30T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-07-15T15:59:59.000Z', reason: '档案装订中' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2027-07-15T15:59:59.000Z', reason: '档案装订中' } },
  },
  {
    name: 'REQUEST_EXTENSION accepts a date one millisecond after the stage deadline',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-01-31T16:00:00.000Z', reason: '理由' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2027-01-31T16:00:00.000Z', reason: '理由' } },
  },
  {
    name: 'REQUEST_EXTENSION after the deadline has passed asks for a date after now',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z', escalationLevel: 'SUPERVISE' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-01T00:00:00.001Z', reason: '理由' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2026-12-01T00:00:00.001Z', reason: '理由' } },
  },
  {
    name: 'APPROVE_EXTENSION grants the requested date with an empty default note',
    state: stateOf({ pendingExtension: EXTENSION }),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } },
  },
  {
    name: 'APPROVE_EXTENSION while the unit’s work awaits review trims the note',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { rectificationPlan: PLAN, pendingExtension: EXTENSION }),
    actor: SUPERVISOR_2,
    command: { action: 'APPROVE_EXTENSION', note: ' 同意 ' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '同意' } },
  },
  {
    name: 'APPROVE_EXTENSION in archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', pendingExtension: { ...EXTENSION, requestedBy: OWN_UNIT_HEAD.userId } }),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } },
  },
  {
    name: 'REFUSE_EXTENSION records the trimmed reason',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: EXTENSION }),
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: ' 时间足够 ' },
    event: { type: 'ExtensionRefused', data: { reason: '时间足够' } },
  },
];

describe('decide: accepted actions', () => {
  it('has a case for every action', () => {
    // Plus the three whole-package commands of recorded histories, decided as the package material's review.
    expect(new Set(ACCEPTED.map((c) => c.command.action))).toEqual(new Set([...INDICATOR_TASK_ACTIONS, 'SUBMIT_ARCHIVE', 'ACCEPT_ARCHIVE', 'RETURN_ARCHIVE']));
  });

  it.each(ACCEPTED.map((c) => [c.name, c] as const))('%s', (_name, { state, actor, command, event, now }) => {
    expect(decide(frozen(state), { command, actor }, now ?? NOW)).toEqual({ ok: true, events: [event] });
  });

  it('accepts a note of exactly 2000 characters', () => {
    const note = '记'.repeat(2000);
    const events = eventsOf(decide(stateOf(), { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note } }, NOW));
    expect(events).toEqual([{ type: 'SelfCheckSubmitted', data: { classification: 'MET', note } }]);
  });

  it('accepts a rectification plan of exactly 2000 characters', () => {
    const plan = '划'.repeat(2000);
    const events = eventsOf(decide(RECTIFYING, { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan, deadline: PLAN.deadline } }, NOW));
    expect(events).toEqual([{ type: 'RectificationPlanSubmitted', data: { plan, deadline: PLAN.deadline } }]);
  });

  it('lets a unit head submit archive material the same way as a member', () => {
    const command: IndicatorTaskCommand = { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE };
    const events = eventsOf(decide(archivingWith({}), { actor: OWN_UNIT_HEAD, command }, NOW));
    expect(events.map((e) => e.type)).toEqual(['ArchiveMaterialSubmitted']);
  });

  it('does not depend on the time for actions without dates', () => {
    const state = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN });
    for (const now of ['2020-01-01T00:00:00.000Z', NOW, '2030-01-01T00:00:00.000Z']) {
      expect(decide(state, { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '完成' } }, now).ok).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// decide: rejections
// ---------------------------------------------------------------------------------------------------------

interface RejectedCase {
  name: string;
  state: IndicatorTaskState;
  actor: Actor;
  command: IndicatorTaskCommand;
  code: RejectionCode;
  field?: string;
  /** The exact message, where the test pins it. */
  message?: string;
  /** Workflow time; NOW unless told. */
  now?: string;
}

const TOO_LONG = 'x'.repeat(2001);
const SELF_CHECK_REVIEW = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId);
const RECTIFICATION = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' });
const RECTIFICATION_PLANNED = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN });
const CONSOLIDATION = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });
const EXTENSION_PENDING = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: EXTENSION });
const MOCK = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
const ARCHIVE_REVIEW = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' });

const REJECTED: RejectedCase[] = [
  // Wrong moment
  {
    name: 'submitting a self-check during rectification',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'submitting a self-check again while the first awaits review',
    state: SELF_CHECK_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'confirming a self-check when nothing was submitted',
    state: stateOf(),
    actor: SUPERVISOR,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'approving a rectification that awaits a different kind of review',
    state: stateOf({ stage: 'RECTIFICATION', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }),
    actor: SUPERVISOR,
    command: valid('APPROVE_RECTIFICATION'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'reporting progress while the rectification awaits review',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_HEAD.userId),
    actor: OWN_UNIT_MEMBER,
    command: valid('REPORT_RECTIFICATION_PROGRESS'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'recording a mock assessment in consolidation',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: valid('RECORD_MOCK_ASSESSMENT'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'starting archiving during self-check',
    state: stateOf(),
    actor: OFFICE,
    command: valid('START_ARCHIVING'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'accepting an archive on an archived task',
    state: stateOf({ stage: 'ARCHIVED', classification: 'MET' }),
    actor: ARCHIVIST,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'ILLEGAL_TRANSITION',
  },
  // Wrong person
  {
    name: 'the leading group submitting a self-check',
    state: stateOf(),
    actor: LEADER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the office confirming a self-check',
    state: SELF_CHECK_REVIEW,
    actor: OFFICE,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a unit member recording a mock assessment',
    state: MOCK,
    actor: OWN_UNIT_MEMBER,
    command: valid('RECORD_MOCK_ASSESSMENT'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor accepting an archive',
    state: ARCHIVE_REVIEW,
    actor: SUPERVISOR,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the archivist starting archiving',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: ARCHIVIST,
    command: valid('START_ARCHIVING'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting a self-check',
    state: stateOf(),
    actor: OTHER_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the head of the lead unit submitting the responsible unit’s rectification',
    state: RECTIFICATION,
    actor: ACTORS.LEAD_UNIT_HEAD,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting an archive',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OTHER_UNIT_MEMBER,
    command: valid('SUBMIT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  // Separation of duties: the one who handed the work in never decides on it, whatever their role.
  {
    name: 'a supervisor confirming a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('RETURN_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor approving a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('APPROVE_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('RETURN_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist accepting an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist returning an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: valid('RETURN_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  // Bad input
  {
    name: 'a self-check with an empty note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with a whitespace-only note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: ' \n\t　' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with a note over 2000 characters',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check without a note at all',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'MET' }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with an unknown classification',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'GOOD', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'classification',
  },
  {
    name: 'a self-check with a lower-case classification',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'met', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'classification',
  },
  {
    name: 'returning a self-check with an empty reason',
    state: SELF_CHECK_REVIEW,
    actor: SUPERVISOR,
    command: { action: 'RETURN_SELF_CHECK', reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'returning a rectification with a whitespace-only reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_RECTIFICATION', reason: '   ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'returning an archive with a reason over 2000 characters',
    state: ARCHIVE_REVIEW,
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'reporting rectification progress with an empty note',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'submitting a rectification with a whitespace-only note',
    state: RECTIFICATION_PLANNED,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION', note: '  ' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'handing in the package the legacy way (no file) with an empty note',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE', note: '' }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'handing in a material without a file',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, note: '台账' }),
    code: 'BAD_USER_INPUT',
    field: 'file',
  },
  {
    name: 'handing in a material with a file that is not in the store',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: { ...FILE, sha256: 'not-a-hash' } },
    code: 'BAD_USER_INPUT',
    field: 'file',
  },
  {
    name: 'handing in a material the indicator does not require',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: 'A1-M9', file: FILE },
    code: 'BAD_USER_INPUT',
    field: 'materialCode',
  },
  {
    name: 'handing in a material that awaits the archivist already',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'handing in a material that was accepted',
    state: archivingWith({ [M1.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'accepting a material that was not handed in, while another was',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'returning a material that was accepted, while another awaits',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId }, [M2.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M2.code, reason: '重审' },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'returning a material without a reason',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: ' ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'reassigning without saying to which unit',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: ' ', reason: '职责调整' },
    code: 'BAD_USER_INPUT',
    field: 'unitCode',
  },
  {
    name: 'reassigning to the unit that has the task already',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: OWN_UNIT, reason: '职责调整' },
    code: 'BAD_USER_INPUT',
    field: 'unitCode',
  },
  {
    name: 'reassigning without a reason',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: OTHER_UNIT, reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'confirming a self-check with an optional note over 2000 characters',
    state: SELF_CHECK_REVIEW,
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'accepting an archive with a note that is not text',
    state: ARCHIVE_REVIEW,
    actor: ARCHIVIST,
    command: untyped({ action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', note: 42 }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  ...(
    [
      ['without any scores', []],
      ['scoring one criterion twice', [{ criterionCode: 'A1-1', points: 3, score: 1 }, { criterionCode: 'A1-1', points: 3, score: 2 }]],
      ['with a criterion without a code', [{ criterionCode: '', points: 3, score: 1 }]],
      ['with a criterion worth no points', [{ criterionCode: 'A1-1', points: 0, score: 0 }]],
      ['scored below zero', [{ criterionCode: 'A1-1', points: 3, score: -0.5 }]],
      ['scored above the points of its criterion', [{ criterionCode: 'A1-1', points: 3, score: 3.01 }]],
      ['scored NaN', [{ criterionCode: 'A1-1', points: 3, score: Number.NaN }]],
      ['scored Infinity', [{ criterionCode: 'A1-1', points: 3, score: Number.POSITIVE_INFINITY }]],
    ] as [string, CriterionScore[]][]
  ).map(
    ([what, scores]): RejectedCase => ({
      name: `a mock assessment ${what}`,
      state: MOCK,
      actor: SUPERVISOR,
      command: { action: 'RECORD_MOCK_ASSESSMENT', scores },
      code: 'BAD_USER_INPUT',
      field: 'scores',
    }),
  ),
  {
    name: 'a mock assessment whose scores are not a list',
    state: MOCK,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_MOCK_ASSESSMENT', scores: '80' }),
    code: 'BAD_USER_INPUT',
    field: 'scores',
  },
  {
    name: 'a mock assessment with an over-long note',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }], note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'an unknown action',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'DELETE_TASK' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'an action named like an Object.prototype member',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'toString' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'a command without an action',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'no command at all',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped(null),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  // Rectification plans
  {
    name: 'a rectification plan during self-check',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「自查自评」阶段，不能执行「提交整改方案」（仅限「整改」阶段）',
  },
  {
    name: 'a rectification plan while the rectification awaits review',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { rectificationPlan: PLAN }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（整改完成待审核），审核前不能执行「提交整改方案」',
  },
  {
    name: 'a supervisor submitting the unit’s rectification plan',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「提交整改方案」',
  },
  {
    name: 'a member of another unit submitting a rectification plan',
    state: RECTIFICATION,
    actor: OTHER_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「提交整改方案」',
  },
  {
    name: 'a rectification plan without a deadline',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan }),
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan whose deadline is not a date',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '下周五' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan whose deadline is a number, not text',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: Date.parse(PLAN.deadline) }),
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan due exactly now',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: NOW },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  {
    name: 'a rectification plan due in the past',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2026-11-30T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  {
    name: 'a rectification plan due one millisecond after the task’s due date',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-01-31T16:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-01-31）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan due after an extended stage deadline',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', stageDueAt: '2027-02-28T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-03-01T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-02-28）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan once the due date has passed: only an extension helps',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'URGE' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-02-10T00:00:00.000Z' },
    now: '2027-02-05T00:00:00.000Z',
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-01-31）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan with an empty plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '', deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan with a whitespace-only plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: ' \n\t　', deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan without a plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', deadline: PLAN.deadline }),
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan over 2000 characters',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: TOO_LONG, deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '整改方案不能超过2000字',
  },
  {
    name: 'a rectification plan with both a past deadline and an empty plan: the deadline is named first',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '', deadline: '2026-11-30T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  // Completion needs a plan
  {
    name: 'completing a rectification before any plan was handed in',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'ILLEGAL_TRANSITION',
    message: '请先提交整改方案（含整改期限），再提交整改完成',
  },
  {
    name: 'completing a rectification without a plan and with an empty note: the missing plan is named, not the note',
    state: RECTIFICATION,
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION', note: '' },
    code: 'ILLEGAL_TRANSITION',
    message: '请先提交整改方案（含整改期限），再提交整改完成',
  },
  {
    name: 'a supervisor completing a rectification without a plan: the person is refused first',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「提交整改完成」',
  },
  // Re-checks
  {
    name: 'a re-check during rectification',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「整改」阶段，不能执行「录入复查结果」（仅限「巩固」阶段）',
  },
  {
    name: 'a re-check during archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「归档」阶段，不能执行「录入复查结果」（仅限「巩固」阶段）',
  },
  {
    name: 'a re-check while something awaits review',
    state: { ...CONSOLIDATION, awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（自查结果待审核），审核前不能执行「录入复查结果」',
  },
  {
    name: 'the office recording a re-check',
    state: CONSOLIDATION,
    actor: OFFICE,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「录入复查结果」',
  },
  {
    name: 'the leading group recording a re-check',
    state: CONSOLIDATION,
    actor: LEADER,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「领导小组」无权执行「录入复查结果」',
  },
  {
    name: 'the archivist recording a re-check',
    state: CONSOLIDATION,
    actor: ARCHIVIST,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「档案组」无权执行「录入复查结果」',
  },
  {
    name: 'the unit re-checking itself',
    state: CONSOLIDATION,
    actor: OWN_UNIT_HEAD,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「单位负责人」无权执行「录入复查结果」',
  },
  {
    name: 'a re-check whose "passed" is not a boolean',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: 'yes', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a re-check whose "passed" is null',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: null, note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a re-check without "passed"',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a failed re-check without a note',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '请填写复查发现的问题',
  },
  {
    name: 'a failed re-check with a whitespace-only note',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: '  \n' },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '请填写复查发现的问题',
  },
  {
    name: 'a failed re-check with a note over 2000 characters',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查发现的问题不能超过2000字',
  },
  {
    name: 'a passed re-check with a note over 2000 characters',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: true, note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查说明不能超过2000字',
  },
  {
    name: 'a passed re-check with a note that is not text',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: true, note: 7 }),
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查说明格式不正确',
  },
  // Asking for more time
  {
    name: 'asking for more time during the mock assessment',
    state: MOCK,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「模拟测评」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time in consolidation',
    state: CONSOLIDATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「巩固」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time on an archived task',
    state: stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null }),
    actor: OWN_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「已归档」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time while the self-check awaits review',
    state: SELF_CHECK_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（自查结果待审核），审核前不能执行「申请延期」',
  },
  {
    name: 'asking for more time while the archive awaits acceptance',
    state: ARCHIVE_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（档案材料待验收），审核前不能执行「申请延期」',
  },
  {
    name: 'asking for more time again while the first request is pending',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION', EXTENSION_PENDING),
    code: 'ILLEGAL_TRANSITION',
    message: '已有延期申请在等待审批，不能重复申请',
  },
  {
    name: 'the unit head asking for more time while a member’s request is pending',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION', EXTENSION_PENDING),
    code: 'ILLEGAL_TRANSITION',
    message: '已有延期申请在等待审批，不能重复申请',
  },
  {
    name: 'asking for more time in a stage without a deadline',
    state: stateOf({ stageDueAt: null }),
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '当前阶段没有完成时限，无需申请延期',
  },
  {
    name: 'a supervisor asking for more time for the unit',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「申请延期」',
  },
  {
    name: 'the office asking for more time',
    state: stateOf(),
    actor: OFFICE,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「申请延期」',
  },
  {
    name: 'the head of another unit asking for more time',
    state: stateOf(),
    actor: ACTORS.OTHER_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「申请延期」',
  },
  {
    name: 'the head of the lead unit asking for more time for the responsible unit',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: ACTORS.LEAD_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「申请延期」',
  },
  {
    name: 'asking for more time without a date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'REQUEST_EXTENSION', reason: '理由' }),
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time with an empty date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time with a date that is not a date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '月底', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time up to exactly the current deadline',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: DUE, reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现有时限（2027-01-31）',
  },
  {
    name: 'asking for "more" time before the current deadline, named by its Shanghai date',
    // 2026-12-03 16:30 UTC is already 2026-12-04 in Shanghai.
    state: stateOf({ stageDueAt: '2026-12-03T16:30:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-02T00:00:00.000Z', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现有时限（2026-12-04）',
  },
  {
    name: 'asking, after the deadline has passed, for a date that has passed too',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-11-28T00:00:00.000Z', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现在',
  },
  {
    name: 'asking, after the deadline has passed, for exactly now',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: NOW, reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现在',
  },
  {
    name: 'asking for more time with an empty reason',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写延期理由',
  },
  {
    name: 'asking for more time without a reason',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt }),
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写延期理由',
  },
  {
    name: 'asking for more time with a reason over 2000 characters',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '延期理由不能超过2000字',
  },
  // Deciding on more time
  {
    name: 'approving an extension nobody asked for',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '没有待审批的延期申请，不能执行「批准延期」',
  },
  {
    name: 'refusing an extension nobody asked for',
    state: stateOf(),
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '没有待审批的延期申请，不能执行「不予延期」',
  },
  {
    name: 'approving an extension in the mock assessment',
    state: { ...MOCK, pendingExtension: EXTENSION },
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「模拟测评」阶段，不能执行「批准延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'refusing an extension in consolidation',
    state: { ...CONSOLIDATION, pendingExtension: EXTENSION },
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「巩固」阶段，不能执行「不予延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'the office approving an extension',
    state: EXTENSION_PENDING,
    actor: OFFICE,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「批准延期」',
  },
  {
    name: 'the leading group approving an extension',
    state: EXTENSION_PENDING,
    actor: LEADER,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「领导小组」无权执行「批准延期」',
  },
  {
    name: 'the unit head approving a member’s request for more time',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_HEAD,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「单位负责人」无权执行「批准延期」',
  },
  {
    name: 'the archivist approving more time for archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', pendingExtension: EXTENSION }),
    actor: ARCHIVIST,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「档案组」无权执行「批准延期」',
  },
  {
    name: 'a unit member refusing an extension',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_MEMBER,
    command: valid('REFUSE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「责任单位成员」无权执行「不予延期」',
  },
  // Separation of duties for extensions: whoever asked for the time never grants or refuses it.
  {
    name: 'a supervisor approving an extension they asked for themselves',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } }),
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（批准延期）',
  },
  {
    name: 'a supervisor refusing an extension they asked for themselves',
    state: stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } }),
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（不予延期）',
  },
  {
    name: 'a supervisor approving their own extension request while a colleague’s submission awaits review',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR_2.userId } }),
    actor: SUPERVISOR_2,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（批准延期）',
  },
  {
    name: 'approving an extension with a note over 2000 characters',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '说明不能超过2000字',
  },
  {
    name: 'approving an extension with a note that is not text',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: untyped({ action: 'APPROVE_EXTENSION', note: true }),
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '说明格式不正确',
  },
  {
    name: 'refusing an extension with an empty reason',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: ' ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写不予延期的理由',
  },
  {
    name: 'refusing an extension without a reason',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: untyped({ action: 'REFUSE_EXTENSION' }),
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写不予延期的理由',
  },
  {
    name: 'refusing an extension with a reason over 2000 characters',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '不予延期的理由不能超过2000字',
  },
];

describe('decide: rejections', () => {
  it.each(REJECTED.map((c) => [c.name, c] as const))('refuses %s', (_name, { state, actor, command, code, field, message, now }) => {
    const rejection = rejectionOf(decide(frozen(state), { command, actor }, now ?? NOW));
    expect(rejection.code).toBe(code);
    expect(rejection.field).toBe(field);
    expect(rejection.message).toMatch(CHINESE);
    if (message !== undefined) expect(rejection.message).toBe(message);
  });

  it('pins the message of every refusal of the new actions', () => {
    const newActions: IndicatorTaskAction[] = ['SUBMIT_RECTIFICATION_PLAN', 'RECORD_RECHECK', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REFUSE_EXTENSION'];
    const unpinned = REJECTED.filter((c) => c.command !== null && newActions.includes(c.command.action) && c.message === undefined).map((c) => c.name);
    expect(unpinned).toEqual([]);
  });

  it('lets another supervisor confirm what the first supervisor submitted', () => {
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { classification: 'MET' });
    expect(decide(state, { actor: SUPERVISOR_2, command: { action: 'CONFIRM_SELF_CHECK' } }, NOW)).toEqual({
      ok: true,
      events: [{ type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '' } }],
    });
  });

  it.each<[IndicatorTaskAction, IndicatorTaskEvent]>([
    ['APPROVE_EXTENSION', { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }],
    ['REFUSE_EXTENSION', { type: 'ExtensionRefused', data: { reason: '时间足够' } }],
  ])('lets another supervisor %s what the first supervisor asked for', (action, event) => {
    const state = stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    expect(decide(state, { actor: SUPERVISOR_2, command: valid(action) }, NOW)).toEqual({ ok: true, events: [event] });
  });

  it('judges separation of duties for extensions by the requester, not by who handed the work in', () => {
    // The supervisor handed the self-check in (a test construct); the extension was asked for by the unit.
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { pendingExtension: EXTENSION });
    expect(decide(state, { actor: SUPERVISOR, command: valid('APPROVE_EXTENSION') }, NOW).ok).toBe(true);
    expect(rejectionOf(decide(state, { actor: SUPERVISOR, command: valid('CONFIRM_SELF_CHECK') }, NOW)).code).toBe('FORBIDDEN');
  });

  it('judges separation of duties by user id, not by display name', () => {
    const namesake: Actor = { ...SUPERVISOR_2, displayName: SUPERVISOR.displayName };
    const state = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId);
    expect(decide(state, { actor: namesake, command: valid('APPROVE_RECTIFICATION') }, NOW).ok).toBe(true);
    const asked = stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    expect(decide(asked, { actor: namesake, command: valid('APPROVE_EXTENSION') }, NOW).ok).toBe(true);
  });

  it('checks the person before the input: a forbidden actor learns nothing about the form', () => {
    const rejection = rejectionOf(decide(stateOf(), { actor: LEADER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '' } }, NOW));
    expect(rejection.code).toBe('FORBIDDEN');
    const extension = rejectionOf(decide(stateOf(), { actor: SUPERVISOR, command: { action: 'REQUEST_EXTENSION', requestedDueAt: 'x', reason: '' } }, NOW));
    expect(extension.code).toBe('FORBIDDEN');
  });

  it('names the role and the action in a role refusal', () => {
    const rejection = rejectionOf(decide(SELF_CHECK_REVIEW, { actor: OFFICE, command: valid('CONFIRM_SELF_CHECK') }, NOW));
    expect(rejection.message).toContain('创建办');
    expect(rejection.message).toContain('确认自查结果');
  });

  it('judges a rectification plan’s deadline against the time it is given, not a clock', () => {
    const command: IndicatorTaskCommand = { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: PLAN.deadline };
    expect(decide(RECTIFICATION, { actor: OWN_UNIT_MEMBER, command }, '2027-01-15T15:59:58.999Z').ok).toBe(true);
    expect(rejectionOf(decide(RECTIFICATION, { actor: OWN_UNIT_MEMBER, command }, '2027-01-15T15:59:59.000Z')).message).toBe('整改期限须晚于现在');
  });

  it('judges a requested extension against the time it is given, not a clock', () => {
    const state = stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' });
    const command: IndicatorTaskCommand = { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-10T00:00:00.000Z', reason: '理由' };
    expect(decide(state, { actor: OWN_UNIT_MEMBER, command }, '2026-12-09T23:59:59.999Z').ok).toBe(true);
    expect(rejectionOf(decide(state, { actor: OWN_UNIT_MEMBER, command }, '2026-12-10T00:00:00.000Z')).message).toBe('申请延至的日期须晚于现在');
  });
});

describe('decide: optimistic concurrency', () => {
  /** Whether `text` mentions `n` as a whole number. */
  const mentions = (text: string, n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(text);

  it('refuses with CONFLICT when the caller saw an older version, naming both versions', () => {
    const state = stateOf({ version: 12 });
    const rejection = rejectionOf(decide(state, { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 7 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
    expect(mentions(rejection.message, 7)).toBe(true);
    expect(mentions(rejection.message, 12)).toBe(true);
    expect(rejection.message).toMatch(CHINESE);
  });

  it('treats an expected version of 0 as a real version, not as "none"', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 0 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it('refuses with CONFLICT when the caller claims a newer version than the task has', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), expectedVersion: 4 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it('refuses a stale extension decision with CONFLICT before looking at anything else', () => {
    const state = stateOf({ version: 9, pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    const rejection = rejectionOf(decide(state, { actor: SUPERVISOR, command: valid('APPROVE_EXTENSION'), expectedVersion: 8 }, NOW));
    expect(rejection.code).toBe('CONFLICT');
  });

  it.each<[string, Partial<ActionRequest>]>([
    ['null', { expectedVersion: null }],
    ['undefined', { expectedVersion: undefined }],
    ['absent', {}],
    ['equal to the current version', { expectedVersion: 12 }],
  ])('accepts the action when the expected version is %s', (_label, extra) => {
    const decision = decide(stateOf({ version: 12 }), { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK'), ...extra }, NOW);
    expect(decision.ok).toBe(true);
  });
});

describe('decide: every refusal speaks Chinese', () => {
  // Every action for every person in every situation, with valid input: whatever is refused explains itself in Chinese.
  const sweep = SITUATIONS.flatMap(([stage, review]) =>
    EXTRAS.flatMap((x) => EVERYONE.flatMap((actor) => INDICATOR_TASK_ACTIONS.map((action) => ({ stage, review, x, actor, action })))),
  );

  it('produces a Chinese message for every refused (situation, person, action)', () => {
    const notChinese: string[] = [];
    let refused = 0;
    for (const { stage, review, x, actor, action } of sweep) {
      const state = { ...situationState(stage, review, x), submittedBy: review ? SUPERVISOR.userId : null };
      const decision = decide(state, { actor, command: valid(action, state) }, NOW);
      if (decision.ok) continue;
      refused++;
      if (!CHINESE.test(decision.rejection.message)) notChinese.push(`${stage}/${review}/${extrasLabel(x)}/${actor.userId}/${action}: ${decision.rejection.message}`);
    }
    expect(refused).toBeGreaterThan(sweep.length / 2);
    expect(notChinese).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------------------

describe('stageAfterClassification', () => {
  it.each<[Classification, Stage]>([
    ['MET', 'CONSOLIDATION'],
    ['RELAPSE_PRONE', 'CONSOLIDATION'],
    ['NOT_MET', 'RECTIFICATION'],
    ['UNKNOWN', 'MOCK_ASSESSMENT'],
  ])('sends %s to %s', (classification, stage) => {
    expect(stageAfterClassification(classification)).toBe(stage);
  });
});

/** When the events of the evolve tests happen. */
const AT = '2026-12-10T08:00:00.000Z';

describe('evolve', () => {
  it('starts a new task in self-check at version 0 with nothing awaited, under the default policy', () => {
    expect(initialState(TASK_INPUT)).toEqual({
      ...TASK_INPUT,
      stage: 'SELF_CHECK',
      classification: null,
      awaitingReview: null,
      submittedBy: null,
      policy: DEFAULT_TASK_POLICY,
      // Placeholders: IndicatorTaskCreated enters self-check and sets both.
      stageEnteredAt: expect.any(String),
      stageDueAt: expect.any(String),
      escalationLevel: null,
      pendingExtension: null,
      rectificationPlan: null,
      nextRecheckAt: null,
      recheckDue: false,
      failedCriteria: [],
      relapseCount: 0,
      archive: null,
      version: 0,
    });
  });

  it('keeps the policy it is given', () => {
    expect(initialState({ ...TASK_INPUT, policy: CUSTOM_POLICY }).policy).toEqual(CUSTOM_POLICY);
  });

  it('records the creation facts on IndicatorTaskCreated and enters self-check', () => {
    // As the projection folds a stream: from a blank state.
    const blank = initialState({ ...TASK_INPUT, campaignId: '', indicatorCode: '', unitCode: '', leadUnitCode: '', dueAt: '' });
    const data = { campaignId: 'demo-2027', indicatorCode: 'C2', unitCode: 'HWS', leadUnitCode: 'HWS', dueAt: '2027-03-31T15:59:59.000Z', policy: DEFAULT_TASK_POLICY };
    expect(evolve(blank, { type: 'IndicatorTaskCreated', data }, meta(OFFICE, CREATED_AT))).toEqual({
      ...blank,
      ...data,
      stage: 'SELF_CHECK',
      stageEnteredAt: CREATED_AT,
      // 14 days of self-check, well before the task's due date.
      stageDueAt: '2026-11-15T00:00:00.000Z',
      version: 1,
    });
  });

  it('takes the policy from the creation event, not from the state it folds onto', () => {
    const after = evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: CUSTOM_POLICY } }, meta(OFFICE, CREATED_AT));
    expect(after.policy).toEqual(CUSTOM_POLICY);
    expect(after.stageDueAt).toBe('2026-11-11T00:00:00.000Z');
  });

  it.each<[string, string]>([
    ['2027-01-25T00:00:00.000Z', DUE],
    // Exactly 14 days before the due date: both are the same instant.
    ['2027-01-17T15:59:59.000Z', DUE],
    ['2027-01-17T15:59:58.999Z', '2027-01-31T15:59:58.999Z'],
  ])('gives a task created at %s a self-check due at %s: never past the task’s own due date', (at, expected) => {
    const after = evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: DEFAULT_TASK_POLICY } }, meta(OFFICE, at));
    expect(after.stageDueAt).toBe(expected);
    expect(after.stageEnteredAt).toBe(at);
  });

  it.each<[Classification, Stage, string | null, string | null]>([
    ['MET', 'CONSOLIDATION', null, '2027-01-09T08:00:00.000Z'],
    ['RELAPSE_PRONE', 'CONSOLIDATION', null, '2026-12-17T08:00:00.000Z'],
    ['NOT_MET', 'RECTIFICATION', DUE, null],
    ['UNKNOWN', 'MOCK_ASSESSMENT', '2026-12-24T08:00:00.000Z', null],
  ])('moves a confirmed %s self-check to %s, clears the review and what belonged to self-check', (classification, stage, stageDueAt, nextRecheckAt) => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, {
      classification,
      version: 3,
      escalationLevel: 'REMINDER',
      pendingExtension: EXTENSION,
    });
    const after = evolve(frozen(before), { type: 'SelfCheckConfirmed', data: { classification, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage,
      classification,
      awaitingReview: null,
      submittedBy: null,
      stageEnteredAt: AT,
      stageDueAt,
      escalationLevel: null,
      pendingExtension: null,
      nextRecheckAt,
      version: 4,
    });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['SelfCheckSubmitted', { type: 'SelfCheckSubmitted', data: { classification: 'UNKNOWN', note: 'n' } }, 'SELF_CHECK', 'SELF_CHECK_REVIEW'],
    ['RectificationSubmitted', { type: 'RectificationSubmitted', data: { note: 'n' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
  ])('on %s in %s waits for %s and remembers who submitted, keeping the deadline and the ladder', (_type, event, stage, review) => {
    const before = stateOf({ stage, classification: 'NOT_MET', version: 8, escalationLevel: 'URGE', rectificationPlan: stage === 'RECTIFICATION' ? PLAN : null });
    const after = evolve(frozen(before), event, meta(OWN_UNIT_HEAD));
    expect(after.stage).toBe(stage);
    expect(after.awaitingReview).toBe(review);
    expect(after.submittedBy).toBe(OWN_UNIT_HEAD.userId);
    expect(after.version).toBe(9);
    expect({ stageDueAt: after.stageDueAt, escalationLevel: after.escalationLevel, stageEnteredAt: after.stageEnteredAt }).toEqual({
      stageDueAt: before.stageDueAt,
      escalationLevel: 'URGE',
      stageEnteredAt: ENTERED,
    });
  });

  it('takes the submitted classification on SelfCheckSubmitted', () => {
    const after = evolve(stateOf({ classification: 'NOT_MET' }), { type: 'SelfCheckSubmitted', data: { classification: 'RELAPSE_PRONE', note: 'n' } }, meta(OWN_UNIT_MEMBER));
    expect(after.classification).toBe('RELAPSE_PRONE');
  });

  it('on SelfCheckReturned clears the proposed classification, the awaited review and the submitter, and nothing else', () => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { version: 4, escalationLevel: 'URGE' });
    const after = evolve(frozen(before), { type: 'SelfCheckReturned', data: { reason: 'r' } }, meta(SUPERVISOR));
    expect(after).toEqual({ ...before, classification: null, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['RectificationReturned', { type: 'RectificationReturned', data: { reason: 'r' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
  ])('on %s stays in %s and clears the awaited review and the submitter, keeping plan, deadline and ladder', (_type, event, stage, review) => {
    const before = awaiting(stage, review, OWN_UNIT_MEMBER.userId, {
      version: 4,
      escalationLevel: 'SUPERVISE',
      rectificationPlan: stage === 'RECTIFICATION' ? PLAN : null,
      stageDueAt: stage === 'RECTIFICATION' ? PLAN.deadline : DUE,
    });
    const after = evolve(frozen(before), event, meta(SUPERVISOR));
    expect(after).toEqual({ ...before, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it('records rectification progress without changing anything but the version', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', version: 6, rectificationPlan: PLAN, escalationLevel: 'REMINDER' });
    expect(evolve(frozen(before), { type: 'RectificationProgressReported', data: { note: 'n' } }, meta(OWN_UNIT_MEMBER))).toEqual({ ...before, version: 7 });
  });

  it.each<[Classification | null, Classification, string]>([
    ['RELAPSE_PRONE', 'RELAPSE_PRONE', '2026-12-17T08:00:00.000Z'],
    ['NOT_MET', 'MET', '2027-01-09T08:00:00.000Z'],
    ['UNKNOWN', 'MET', '2027-01-09T08:00:00.000Z'],
    ['MET', 'MET', '2027-01-09T08:00:00.000Z'],
    [null, 'MET', '2027-01-09T08:00:00.000Z'],
  ])('on an approved rectification of a %s task moves to consolidation as %s, re-checked first at %s', (classification, expected, nextRecheckAt) => {
    const before = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, {
      classification,
      rectificationPlan: PLAN,
      stageDueAt: PLAN.deadline,
      escalationLevel: 'REMINDER',
    });
    const after = evolve(frozen(before), { type: 'RectificationApproved', data: { note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage: 'CONSOLIDATION',
      classification: expected,
      awaitingReview: null,
      submittedBy: null,
      stageEnteredAt: AT,
      stageDueAt: null,
      escalationLevel: null,
      rectificationPlan: null,
      nextRecheckAt,
      version: 6,
    });
  });

  it.each<[boolean, Stage, Classification, string | null, string | null]>([
    [true, 'CONSOLIDATION', 'MET', null, '2027-01-09T08:00:00.000Z'],
    [false, 'RECTIFICATION', 'NOT_MET', DUE, null],
  ])('on a mock assessment with passed=%s moves to %s as %s', (passed, stage, classification, stageDueAt, nextRecheckAt) => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN', stageDueAt: '2026-12-04T00:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'MockAssessmentRecorded', data: { scores: [], score: passed ? 91 : 40, maxScore: 100, scoreRate: passed ? 91 : 40, passed, failedCriteria: passed ? [] : ['A1-1'], note: '' } }, meta(SUPERVISOR, AT));
    const failedCriteria = passed ? [] : ['A1-1'];
    expect(after).toEqual({ ...before, stage, classification, stageEnteredAt: AT, stageDueAt, nextRecheckAt, failedCriteria, version: 6 });
  });

  it('lets "passed" decide a mock assessment in evolve, not the score (the score decided in decide)', () => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
    const after = evolve(before, { type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 99 }], score: 99, maxScore: 100, scoreRate: 99, passed: false, failedCriteria: [], note: '' } }, meta(SUPERVISOR));
    expect(after.stage).toBe('RECTIFICATION');
  });

  it('moves a consolidated task to archiving on ArchivingStarted and ends its re-checks', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE', stageDueAt: null, nextRecheckAt: '2026-12-12T00:00:00.000Z', recheckDue: true });
    expect(evolve(frozen(before), { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } }, meta(OFFICE, AT))).toEqual({
      ...before,
      stage: 'ARCHIVING',
      stageEnteredAt: AT,
      stageDueAt: DUE,
      nextRecheckAt: null,
      recheckDue: false,
      archive: [material(M1), material(M2)],
      version: 6,
    });
  });

  it('gives an archive started without a list (older streams) the one package to hand in', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null });
    expect(evolve(frozen(before), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT)).archive).toEqual([material(PACKAGE_MATERIAL)]);
  });

  it('folds the whole-package events of older streams as the package material: handed in, returned, accepted', () => {
    const start = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, version: 5 }), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT));
    const submitted = evolve(frozen(start), { type: 'ArchiveSubmitted', data: { note: '台账' } }, meta(OWN_UNIT_HEAD, AT));
    expect(submitted).toMatchObject({ stage: 'ARCHIVING', awaitingReview: 'ARCHIVE_REVIEW', version: 7 });
    expect(submitted.archive).toEqual([material(PACKAGE_MATERIAL, { status: 'SUBMITTED', note: '台账', submittedBy: OWN_UNIT_HEAD.userId, submittedAt: AT })]);
    const returned = evolve(frozen(submitted), { type: 'ArchiveReturned', data: { reason: '缺签字' } }, meta(ARCHIVIST, AT));
    expect(returned).toMatchObject({ stage: 'ARCHIVING', awaitingReview: null, version: 8 });
    expect(returned.archive?.[0]).toMatchObject({ status: 'RETURNED', returnReason: '缺签字', reviewedBy: ARCHIVIST.userId });
    const again = evolve(frozen(returned), { type: 'ArchiveSubmitted', data: { note: '已签字' } }, meta(OWN_UNIT_MEMBER, AT));
    const accepted = evolve(frozen(again), { type: 'ArchiveAccepted', data: { note: '' } }, meta(ARCHIVIST_2, AT));
    expect(accepted).toMatchObject({ stage: 'ARCHIVED', awaitingReview: null, submittedBy: null, stageDueAt: null, escalationLevel: null, version: 10 });
    expect(accepted.archive?.[0]).toMatchObject({ status: 'ACCEPTED', returnReason: null, reviewedBy: ARCHIVIST_2.userId, submittedBy: OWN_UNIT_MEMBER.userId });
  });

  it('reads a state carried over from before per-material review (no archive) as one package, handed in when awaited', () => {
    const carried = (overrides: Partial<IndicatorTaskState>) => {
      const { archive: _none, ...rest } = stateOf({ stage: 'ARCHIVING', classification: 'MET', ...overrides });
      return rest as IndicatorTaskState;
    };
    expect(archiveOf(carried({}))).toEqual([material(PACKAGE_MATERIAL)]);
    expect(archiveOf(carried({ awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }))).toEqual([
      material(PACKAGE_MATERIAL, { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId }),
    ]);
    expect(allowedActions(carried({ awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }), ARCHIVIST)).toEqual([
      'ACCEPT_ARCHIVE_MATERIAL',
      'RETURN_ARCHIVE_MATERIAL',
    ]);
  });

  it('on TaskReassigned changes the unit and nothing else: stage, deadline, ladder and the review awaited stay', () => {
    const before = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { escalationLevel: 'URGE', rectificationPlan: PLAN, version: 7 });
    const after = evolve(frozen(before), { type: 'TaskReassigned', data: { unitCode: OTHER_UNIT, previousUnitCode: OWN_UNIT, reason: '职责调整' } }, meta(OFFICE, AT));
    expect(after).toEqual({ ...before, unitCode: OTHER_UNIT, version: 8 });
  });

  it('increments the version by exactly one per event', () => {
    const events: [IndicatorTaskEvent, Actor][] = [
      [{ type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: DEFAULT_TASK_POLICY } }, SYSTEM_ACTOR],
      [{ type: 'ExtensionRequested', data: { requestedDueAt: '2026-11-30T00:00:00.000Z', reason: 'r' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionRefused', data: { reason: 'r' } }, SUPERVISOR],
      [{ type: 'DeadlineEscalated', data: { level: 'REMINDER', stage: 'SELF_CHECK', stageDueAt: '2026-11-15T00:00:00.000Z', notify: ['UNIT_MEMBER', 'UNIT_HEAD'] } }, SYSTEM_ACTOR],
      [{ type: 'SelfCheckSubmitted', data: { classification: 'NOT_MET', note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'SelfCheckConfirmed', data: { classification: 'NOT_MET', note: '' } }, SUPERVISOR],
      [{ type: 'RectificationPlanSubmitted', data: PLAN }, OWN_UNIT_MEMBER],
      [{ type: 'RectificationProgressReported', data: { note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: 'r' } }, OWN_UNIT_MEMBER],
      [{ type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, SUPERVISOR],
      [{ type: 'RectificationSubmitted', data: { note: 'n' } }, OWN_UNIT_MEMBER],
      [{ type: 'RectificationApproved', data: { note: '' } }, SUPERVISOR],
      [{ type: 'RecheckDue', data: { dueAt: '2027-01-01T00:00:00.000Z' } }, SYSTEM_ACTOR],
      [{ type: 'RecheckRecorded', data: { passed: true, note: '' } }, SUPERVISOR],
    ];
    const versions: number[] = [];
    events.reduce((state, [event, actor], i) => {
      const next = evolve(state, event, meta(actor, plus(CREATED_AT, i * HOUR)));
      versions.push(next.version);
      return next;
    }, initialState(TASK_INPUT));
    expect(versions).toEqual(events.map((_e, i) => i + 1));
  });
});

describe('evolve: deadlines on entering each stage', () => {
  interface Entry {
    name: string;
    before: Partial<IndicatorTaskState>;
    event: (policy: TaskPolicy) => IndicatorTaskEvent;
    stage: Stage;
    classification: Classification | null;
    /** The stage's due date under the default and under the custom policy. */
    due: { DEFAULT: string | null; CUSTOM: string | null };
    nextRecheck: { DEFAULT: string | null; CUSTOM: string | null };
  }

  const event = (e: IndicatorTaskEvent) => () => e;
  const MET_RECHECK = { DEFAULT: '2027-01-09T08:00:00.000Z', CUSTOM: '2026-12-24T08:00:00.000Z' };
  const RELAPSE_RECHECK = { DEFAULT: '2026-12-17T08:00:00.000Z', CUSTOM: '2026-12-13T08:00:00.000Z' };
  const NONE = { DEFAULT: null, CUSTOM: null };
  const TASK_DUE = { DEFAULT: DUE, CUSTOM: DUE };

  const ENTRIES: Entry[] = [
    {
      name: 'IndicatorTaskCreated → SELF_CHECK',
      before: { classification: null },
      event: (policy) => ({ type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy } }),
      stage: 'SELF_CHECK',
      classification: null,
      due: { DEFAULT: '2026-12-24T08:00:00.000Z', CUSTOM: '2026-12-20T08:00:00.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(NOT_MET) → RECTIFICATION',
      before: { stage: 'SELF_CHECK', classification: 'NOT_MET', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'NOT_MET', note: '' } }),
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(UNKNOWN) → MOCK_ASSESSMENT',
      before: { stage: 'SELF_CHECK', classification: 'UNKNOWN', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'UNKNOWN', note: '' } }),
      stage: 'MOCK_ASSESSMENT',
      classification: 'UNKNOWN',
      due: { DEFAULT: '2026-12-24T08:00:00.000Z', CUSTOM: '2026-12-31T08:00:00.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'SelfCheckConfirmed(MET) → CONSOLIDATION',
      before: { stage: 'SELF_CHECK', classification: 'MET', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'SelfCheckConfirmed(RELAPSE_PRONE) → CONSOLIDATION',
      before: { stage: 'SELF_CHECK', classification: 'RELAPSE_PRONE', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'SelfCheckConfirmed', data: { classification: 'RELAPSE_PRONE', note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      due: NONE,
      nextRecheck: RELAPSE_RECHECK,
    },
    {
      name: 'RectificationApproved(NOT_MET) → CONSOLIDATION',
      before: { stage: 'RECTIFICATION', classification: 'NOT_MET', awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'RectificationApproved', data: { note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'RectificationApproved(RELAPSE_PRONE) → CONSOLIDATION',
      before: { stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE', awaitingReview: 'RECTIFICATION_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'RectificationApproved', data: { note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      due: NONE,
      nextRecheck: RELAPSE_RECHECK,
    },
    {
      name: 'MockAssessmentRecorded(passed) → CONSOLIDATION',
      before: { stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      event: event({ type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 90 }], score: 90, maxScore: 100, scoreRate: 90, passed: true, failedCriteria: [], note: '' } }),
      stage: 'CONSOLIDATION',
      classification: 'MET',
      due: NONE,
      nextRecheck: MET_RECHECK,
    },
    {
      name: 'MockAssessmentRecorded(failed) → RECTIFICATION',
      before: { stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      event: event({ type: 'MockAssessmentRecorded', data: { scores: [{ criterionCode: 'A1-1', points: 100, score: 50 }], score: 50, maxScore: 100, scoreRate: 50, passed: false, failedCriteria: ['A1-1'], note: '' } }),
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'RecheckRecorded(failed) → RECTIFICATION',
      before: { stage: 'CONSOLIDATION', classification: 'MET' },
      event: event({ type: 'RecheckRecorded', data: { passed: false, note: '反弹' } }),
      stage: 'RECTIFICATION',
      classification: 'RELAPSE_PRONE',
      due: TASK_DUE,
      nextRecheck: NONE,
    },
    {
      name: 'ArchivingStarted → ARCHIVING',
      before: { stage: 'CONSOLIDATION', classification: 'MET' },
      event: event({ type: 'ArchivingStarted', data: { note: '' } }),
      stage: 'ARCHIVING',
      classification: 'MET',
      due: { DEFAULT: DUE, CUSTOM: '2027-06-30T15:59:59.000Z' },
      nextRecheck: NONE,
    },
    {
      name: 'ArchiveAccepted → ARCHIVED',
      before: { stage: 'ARCHIVING', classification: 'MET', awaitingReview: 'ARCHIVE_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
      event: event({ type: 'ArchiveAccepted', data: { note: '' } }),
      stage: 'ARCHIVED',
      classification: 'MET',
      due: NONE,
      nextRecheck: NONE,
    },
  ];

  /** What a previous stage may leave behind: all of it belongs to that stage and is cleared on entering the next. */
  const LEFTOVERS: Partial<IndicatorTaskState> = {
    stageEnteredAt: ENTERED,
    stageDueAt: '2026-12-05T00:00:00.000Z',
    escalationLevel: 'INTERVIEW',
    pendingExtension: EXTENSION,
    rectificationPlan: PLAN,
    nextRecheckAt: '2026-12-05T00:00:00.000Z',
    recheckDue: true,
  };

  it('enters every stage', () => {
    expect(new Set(ENTRIES.map((e) => e.stage))).toEqual(new Set(STAGES));
  });

  it.each(ENTRIES.flatMap((entry) => (['DEFAULT', 'CUSTOM'] as const).map((which) => [entry.name, which, entry] as const)))(
    '%s under the %s policy sets the stage’s dates and clears what belonged to the stage before',
    (_name, which, { before, event: eventFor, stage, classification, due, nextRecheck }) => {
      const policy = which === 'DEFAULT' ? DEFAULT_TASK_POLICY : CUSTOM_POLICY;
      const state = frozen(stateOf({ ...LEFTOVERS, policy, ...before }));
      const after = evolve(state, eventFor(policy), meta(SUPERVISOR, AT));
      expect({
        stage: after.stage,
        classification: after.classification,
        policy: after.policy,
        stageEnteredAt: after.stageEnteredAt,
        stageDueAt: after.stageDueAt,
        nextRecheckAt: after.nextRecheckAt,
        recheckDue: after.recheckDue,
        escalationLevel: after.escalationLevel,
        pendingExtension: after.pendingExtension,
        rectificationPlan: after.rectificationPlan,
        awaitingReview: after.awaitingReview,
        submittedBy: after.submittedBy,
      }).toEqual({
        stage,
        classification,
        policy,
        stageEnteredAt: AT,
        stageDueAt: due[which],
        nextRecheckAt: nextRecheck[which],
        recheckDue: false,
        escalationLevel: null,
        pendingExtension: null,
        rectificationPlan: null,
        awaitingReview: null,
        submittedBy: null,
      });
    },
  );

  it('gives archiving the campaign’s archive deadline even when it is earlier than the task’s due date', () => {
    const policy: TaskPolicy = { ...DEFAULT_TASK_POLICY, archiveDueAt: '2026-12-31T15:59:59.000Z' };
    const after = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', policy }), { type: 'ArchivingStarted', data: { note: '' } }, meta(OFFICE, AT));
    expect(after.stageDueAt).toBe('2026-12-31T15:59:59.000Z');
  });
});

describe('evolve: plans, extensions, re-checks and escalation', () => {
  it('on RectificationPlanSubmitted keeps the plan, makes its deadline the stage’s and starts the ladder again', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'INTERVIEW', version: 7 });
    const after = evolve(frozen(before), { type: 'RectificationPlanSubmitted', data: PLAN }, meta(OWN_UNIT_MEMBER, AT));
    expect(after).toEqual({ ...before, rectificationPlan: PLAN, stageDueAt: PLAN.deadline, escalationLevel: null, version: 8 });
  });

  it('on a revised RectificationPlanSubmitted replaces the earlier plan and its deadline', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline, escalationLevel: 'REMINDER' });
    const revised = { plan: '调整后的方案', deadline: DUE };
    const after = evolve(frozen(before), { type: 'RectificationPlanSubmitted', data: revised }, meta(OWN_UNIT_HEAD, AT));
    expect(after).toEqual({ ...before, rectificationPlan: revised, stageDueAt: DUE, escalationLevel: null, version: 6 });
  });

  it('on ExtensionRequested remembers the request and who made it, leaving the deadline and the ladder alone', () => {
    const before = stateOf({ escalationLevel: 'URGE', version: 2 });
    const after = evolve(frozen(before), { type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: '理由' } }, meta(OWN_UNIT_HEAD, AT));
    expect(after).toEqual({
      ...before,
      pendingExtension: { requestedDueAt: EXTENSION.requestedDueAt, reason: '理由', requestedBy: OWN_UNIT_HEAD.userId },
      version: 3,
    });
  });

  it('on ExtensionApproved moves the stage deadline, clears the request and starts the ladder again', () => {
    const before = stateOf({
      stage: 'RECTIFICATION',
      classification: 'NOT_MET',
      rectificationPlan: PLAN,
      stageDueAt: PLAN.deadline,
      escalationLevel: 'SUPERVISE',
      pendingExtension: EXTENSION,
    });
    const after = evolve(frozen(before), { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, stageDueAt: EXTENSION.requestedDueAt, escalationLevel: null, version: 6 });
  });

  it('on ExtensionApproved while work awaits review keeps the review', () => {
    const before = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { pendingExtension: EXTENSION });
    const after = evolve(frozen(before), { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, stageDueAt: EXTENSION.requestedDueAt, version: 6 });
  });

  it('on ExtensionRefused clears only the request: the deadline and the ladder stay where they were', () => {
    const before = stateOf({ stage: 'ARCHIVING', classification: 'MET', escalationLevel: 'INTERVIEW', pendingExtension: EXTENSION });
    const after = evolve(frozen(before), { type: 'ExtensionRefused', data: { reason: 'r' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({ ...before, pendingExtension: null, version: 6 });
  });

  it('on RecheckDue marks the re-check as due and changes nothing else', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'RecheckDue', data: { dueAt: '2026-12-20T00:00:00.000Z' } }, meta(SYSTEM_ACTOR, '2026-12-20T00:00:00.000Z'));
    expect(after).toEqual({ ...before, recheckDue: true, version: 6 });
  });

  it.each<[Classification, 'DEFAULT' | 'CUSTOM', string]>([
    ['MET', 'DEFAULT', '2027-01-21T09:30:00.000Z'],
    ['RELAPSE_PRONE', 'DEFAULT', '2026-12-29T09:30:00.000Z'],
    ['MET', 'CUSTOM', '2027-01-05T09:30:00.000Z'],
    ['RELAPSE_PRONE', 'CUSTOM', '2026-12-25T09:30:00.000Z'],
  ])('on a passed re-check of a %s task under the %s policy schedules the next one from the re-check: %s', (classification, which, next) => {
    const policy = which === 'DEFAULT' ? DEFAULT_TASK_POLICY : CUSTOM_POLICY;
    const before = stateOf({ stage: 'CONSOLIDATION', classification, policy, stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', recheckDue: true });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: true, note: '' } }, meta(SUPERVISOR, '2026-12-22T09:30:00.000Z'));
    expect(after).toEqual({ ...before, recheckDue: false, nextRecheckAt: next, version: 6 });
  });

  it('on a passed spot check before the re-check is due reschedules from the spot check', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2027-01-09T08:00:00.000Z' });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: true, note: '抽查' } }, meta(SUPERVISOR, '2026-12-15T00:00:00.000Z'));
    expect(after).toEqual({ ...before, nextRecheckAt: '2027-01-14T00:00:00.000Z', version: 6 });
  });

  it('on a failed re-check records a relapse: back to rectification, relapse-prone, one more relapse', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', recheckDue: true, relapseCount: 0 });
    const after = evolve(frozen(before), { type: 'RecheckRecorded', data: { passed: false, note: '反弹' } }, meta(SUPERVISOR, AT));
    expect(after).toEqual({
      ...before,
      stage: 'RECTIFICATION',
      classification: 'RELAPSE_PRONE',
      relapseCount: 1,
      stageEnteredAt: AT,
      stageDueAt: DUE,
      nextRecheckAt: null,
      recheckDue: false,
      version: 6,
    });
  });

  it('counts every relapse and keeps a relapsed task on weekly re-checks after its rectification', () => {
    const relapse: IndicatorTaskEvent = { type: 'RecheckRecorded', data: { passed: false, note: '反弹' } };
    let state = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z', relapseCount: 2 });
    state = evolve(state, relapse, meta(SUPERVISOR, '2026-12-01T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationPlanSubmitted', data: PLAN }, meta(OWN_UNIT_MEMBER, '2026-12-02T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationSubmitted', data: { note: 'n' } }, meta(OWN_UNIT_MEMBER, '2026-12-03T00:00:00.000Z'));
    state = evolve(state, { type: 'RectificationApproved', data: { note: '' } }, meta(SUPERVISOR, '2026-12-04T00:00:00.000Z'));
    expect({ stage: state.stage, classification: state.classification, relapseCount: state.relapseCount, nextRecheckAt: state.nextRecheckAt }).toEqual({
      stage: 'CONSOLIDATION',
      classification: 'RELAPSE_PRONE',
      relapseCount: 3,
      nextRecheckAt: '2026-12-11T00:00:00.000Z',
    });
  });

  it.each<EscalationLevel>(['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'])(
    'on DeadlineEscalated(%s) records the step taken and changes nothing else',
    (level) => {
      const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline });
      const event: IndicatorTaskEvent = { type: 'DeadlineEscalated', data: { level, stage: 'RECTIFICATION', stageDueAt: PLAN.deadline, notify: ['LEADER'] } };
      expect(evolve(frozen(before), event, meta(SYSTEM_ACTOR, AT))).toEqual({ ...before, escalationLevel: level, version: 6 });
    },
  );
});

// ---------------------------------------------------------------------------------------------------------
// decide → evolve over whole lives of a task, with time passing and the workflow's timers firing
// ---------------------------------------------------------------------------------------------------------

/**
 * `allowedActions` offers an action exactly when `decide` accepts it with valid input at `now`. Where no valid
 * input exists (a plan once the time for it has run out), an offered action may only be refused for its input.
 */
function expectCheckAndDecideAgree(state: IndicatorTaskState, now: string): void {
  const disagreements: string[] = [];
  for (const actor of EVERYONE) {
    const offered = [...allowedActions(state, actor), ...allowedSideActions(state, actor)];
    for (const action of INDICATOR_TASK_ACTIONS) {
      const command = validCommand(action, state, now);
      const decision = decide(state, { actor, command: command ?? { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: DUE }, expectedVersion: state.version }, now);
      const passedTheRules = decision.ok || (command === null && decision.rejection.code === 'BAD_USER_INPUT');
      if (command === null && decision.ok) disagreements.push(`${action}: accepted although no valid input was expected`);
      if (passedTheRules !== offered.includes(action)) {
        disagreements.push(
          `${state.stage}/${state.awaitingReview}/ext=${state.pendingExtension !== null}/plan=${state.rectificationPlan !== null}: ` +
            `${actor.userId} ${action} offered=${offered.includes(action)} accepted=${decision.ok}`,
        );
      }
    }
  }
  expect(disagreements).toEqual([]);
}

/** What holds of every state a task can reach. */
function expectInvariants(state: IndicatorTaskState, now: string): void {
  const unitStage = state.stage === 'SELF_CHECK' || state.stage === 'RECTIFICATION' || state.stage === 'ARCHIVING';
  expect({
    // A task waits for a review exactly when someone handed something in: in archiving, a material.
    reviewHasSubmitter:
      state.stage === 'ARCHIVING'
        ? (state.awaitingReview === 'ARCHIVE_REVIEW') === archiveOf(state).some((m) => m.status === 'SUBMITTED' && m.submittedBy !== null)
        : state.awaitingReview === null
          ? state.submittedBy === null
          : state.submittedBy !== null,
    // Archived with every material accepted; archiving with at least one not.
    archiveComplete:
      state.stage === 'ARCHIVED'
        ? (state.archive ?? []).every((m) => m.status === 'ACCEPTED')
        : state.stage !== 'ARCHIVING' || archiveOf(state).some((m) => m.status !== 'ACCEPTED'),
    // Consolidation and the archived task have no deadline; every other stage has one.
    deadlineWhereDue: (state.stageDueAt === null) === (state.stage === 'CONSOLIDATION' || state.stage === 'ARCHIVED'),
    // Re-checks belong to consolidation only.
    recheckOnlyInConsolidation: (state.nextRecheckAt !== null) === (state.stage === 'CONSOLIDATION'),
    recheckDueOnlyInConsolidation: !state.recheckDue || state.stage === 'CONSOLIDATION',
    // Plans belong to rectification; extensions and escalation to the stages where the unit owes work.
    planOnlyInRectification: state.rectificationPlan === null || state.stage === 'RECTIFICATION',
    extensionOnlyInUnitStages: state.pendingExtension === null || unitStage,
    escalationOnlyInUnitStages: state.escalationLevel === null || unitStage,
    stageBeganInThePast: Date.parse(state.stageEnteredAt) <= Date.parse(now),
  }).toEqual({
    reviewHasSubmitter: true,
    archiveComplete: true,
    deadlineWhereDue: true,
    recheckOnlyInConsolidation: true,
    recheckDueOnlyInConsolidation: true,
    planOnlyInRectification: true,
    extensionOnlyInUnitStages: true,
    escalationOnlyInUnitStages: true,
    stageBeganInThePast: true,
  });
}

function created(at: string = CREATED_AT): IndicatorTaskState {
  return evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data: { ...CREATION_FACTS, policy: DEFAULT_TASK_POLICY } }, meta(OFFICE, at));
}

/** Fires a timer as the workflow does: at its time (or now, if that has passed), recorded by the system. */
function fire(state: IndicatorTaskState, timer: Timer, now: string): { state: IndicatorTaskState; now: string } {
  const at = Date.parse(timer.at) > Date.parse(now) ? timer.at : now;
  const event = timerEvent(state, timer);
  if (event.type === 'DeadlineEscalated') expect(event.data.stage).toBe(state.stage);
  return { state: evolve(state, event, { actorId: SYSTEM_ACTOR.userId, at }), now: at };
}

type Step =
  | { actor: Actor; command: IndicatorTaskCommand; stage: Stage; classification: Classification | null }
  /** Time passes until the next timer, which fires. */
  | { timer: EscalationLevel | 'RECHECK_DUE'; stage: Stage; classification: Classification | null };

/** Plays the steps through decide and evolve, as the workflow does, a day apart, checking every intermediate state. */
function play(steps: Step[]): IndicatorTaskState {
  let now = CREATED_AT;
  let state = created(now);
  expect(state.version).toBe(1);
  for (const [i, step] of steps.entries()) {
    expectCheckAndDecideAgree(state, now);
    expectInvariants(state, now);
    let next: IndicatorTaskState;
    if ('timer' in step) {
      const timer = nextTimer(state, now);
      expect({ step: i, timer: timer && (timer.kind === 'ESCALATE' ? timer.level : timer.kind) }).toEqual({ step: i, timer: step.timer });
      if (timer === null) throw new Error('unreachable');
      ({ state: next, now } = fire(state, timer, now));
    } else {
      now = plus(now, DAY);
      const offered = [...allowedActions(state, step.actor), ...allowedSideActions(state, step.actor)];
      expect({ step: i, offered: offered.includes(step.command.action) }).toEqual({ step: i, offered: true });
      const events = eventsOf(decide(state, { actor: step.actor, command: step.command, expectedVersion: state.version }, now));
      expect(events).toHaveLength(1);
      next = evolve(state, events[0], meta(step.actor, now));
    }
    expect(next.version).toBe(state.version + 1);
    expect({ step: i, stage: next.stage, classification: next.classification }).toEqual({ step: i, stage: step.stage, classification: step.classification });
    state = next;
  }
  expectCheckAndDecideAgree(state, now);
  expectInvariants(state, now);
  return state;
}

const archiveSteps = (classification: Classification, starter: Actor): Step[] => [
  { actor: starter, command: { action: 'START_ARCHIVING', materials: [M1, M2] }, stage: 'ARCHIVING', classification },
  { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '台账' }, stage: 'ARCHIVING', classification },
  // The archivist reviews the first while the unit hands in the second.
  { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code, note: '验收' }, stage: 'ARCHIVING', classification },
  { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: FILE }, stage: 'ARCHIVING', classification },
  { actor: ARCHIVIST_2, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code }, stage: 'ARCHIVED', classification },
];

const planStep = (actor: Actor, classification: Classification): Step => ({
  actor,
  command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '分批整改', deadline: '2027-01-20T15:59:59.000Z' },
  stage: 'RECTIFICATION',
  classification,
});

const LIVES: [string, Step[]][] = [
  [
    'not met: returned at every review, then rectified and archived',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '缺广告' }, stage: 'SELF_CHECK', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'RETURN_SELF_CHECK', reason: '缺照片' }, stage: 'SELF_CHECK', classification: null },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '补照片' }, stage: 'SELF_CHECK', classification: 'NOT_MET' },
      { actor: SUPERVISOR_2, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      planStep(OWN_UNIT_MEMBER, 'NOT_MET'),
      { actor: OWN_UNIT_MEMBER, command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '完成一半' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '完成' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'RETURN_RECTIFICATION', reason: '仍缺两处' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_RECTIFICATION', note: '补齐' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION', classification: 'MET' },
      // The office reassigns the task on the way; the new unit finishes it.
      { actor: OFFICE, command: { action: 'REASSIGN', unitCode: OTHER_UNIT, reason: '职责调整' }, stage: 'CONSOLIDATION', classification: 'MET' },
      { actor: OFFICE, command: { action: 'START_ARCHIVING' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: OTHER_UNIT_MEMBER, command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', file: FILE, note: '台账' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: ARCHIVIST, command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', reason: '缺签字' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: ACTORS.OTHER_UNIT_HEAD, command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', file: FILE, note: '已签字' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: ARCHIVIST_2, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE' }, stage: 'ARCHIVED', classification: 'MET' },
    ],
  ],
  [
    'unknown: the mock assessment fails, the unit rectifies',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '不确定' }, stage: 'SELF_CHECK', classification: 'UNKNOWN' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      { actor: SUPERVISOR, command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 1.8 }] }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      planStep(OWN_UNIT_HEAD, 'NOT_MET'),
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '完成' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION', classification: 'MET' },
      ...archiveSteps('MET', SUPERVISOR),
    ],
  ],
  [
    'unknown: the mock assessment passes',
    [
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '不确定' }, stage: 'SELF_CHECK', classification: 'UNKNOWN' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      { actor: SUPERVISOR_2, command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }] }, stage: 'CONSOLIDATION', classification: 'MET' },
      ...archiveSteps('MET', OFFICE),
    ],
  ],
  [
    'met: straight to consolidation',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '达标' }, stage: 'SELF_CHECK', classification: 'MET' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK', note: '属实' }, stage: 'CONSOLIDATION', classification: 'MET' },
      ...archiveSteps('MET', OFFICE),
    ],
  ],
  [
    'relapse-prone: consolidated and archived as relapse-prone',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'RELAPSE_PRONE', note: '易反弹' }, stage: 'SELF_CHECK', classification: 'RELAPSE_PRONE' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      ...archiveSteps('RELAPSE_PRONE', SUPERVISOR),
    ],
  ],
  [
    'relapse-prone: more time refused then granted, reminded, re-checked, relapsed, rectified and archived',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-11-30T15:59:59.000Z', reason: '人手不足' }, stage: 'SELF_CHECK', classification: null },
      { actor: SUPERVISOR, command: { action: 'REFUSE_EXTENSION', reason: '时间足够' }, stage: 'SELF_CHECK', classification: null },
      // Self-check is due 2026-11-15 00:00Z: the reminder comes 72 hours before.
      { timer: 'REMINDER', stage: 'SELF_CHECK', classification: null },
      { actor: OWN_UNIT_HEAD, command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-11-25T15:59:59.000Z', reason: '负责人出差' }, stage: 'SELF_CHECK', classification: null },
      { actor: SUPERVISOR_2, command: { action: 'APPROVE_EXTENSION', note: '同意' }, stage: 'SELF_CHECK', classification: null },
      // The ladder starts again from the new deadline.
      { timer: 'REMINDER', stage: 'SELF_CHECK', classification: null },
      { timer: 'URGE', stage: 'SELF_CHECK', classification: null },
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'RELAPSE_PRONE', note: '楼道堆物' }, stage: 'SELF_CHECK', classification: 'RELAPSE_PRONE' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      { timer: 'RECHECK_DUE', stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      { actor: SUPERVISOR, command: { action: 'RECORD_RECHECK', passed: true }, stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      { timer: 'RECHECK_DUE', stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      { actor: SUPERVISOR_2, command: { action: 'RECORD_RECHECK', passed: false, note: '楼道堆物再次出现' }, stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE' },
      planStep(OWN_UNIT_MEMBER, 'RELAPSE_PRONE'),
      { actor: OWN_UNIT_MEMBER, command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '清理完毕一半' }, stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE' },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_RECTIFICATION', note: '清理完毕' }, stage: 'RECTIFICATION', classification: 'RELAPSE_PRONE' },
      { actor: SUPERVISOR, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' },
      ...archiveSteps('RELAPSE_PRONE', OFFICE),
    ],
  ],
];

describe('a whole life of a task (decide → evolve)', () => {
  it.each(LIVES)('%s ends ARCHIVED with check and decide agreeing at every step', (_name, steps) => {
    const end = play(steps);
    expect(end.stage).toBe('ARCHIVED');
    expect(end.awaitingReview).toBeNull();
    expect(end.submittedBy).toBeNull();
    // One event for creation plus one per step.
    expect(end.version).toBe(steps.length + 1);
    expect(end.relapseCount).toBe(steps.filter((s) => 'command' in s && s.command.action === 'RECORD_RECHECK' && !s.command.passed).length);
    for (const actor of EVERYONE) expect(allowedActions(end, actor)).toEqual([]);
    expect(nextTimer(end, '2030-01-01T00:00:00.000Z')).toBeNull();
  });

  /** A small deterministic pseudo-random generator, so that failures reproduce. */
  function lcg(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  function randomCommand(action: IndicatorTaskAction, state: IndicatorTaskState, now: string, random: () => number): IndicatorTaskCommand | null {
    if (action === 'SUBMIT_SELF_CHECK') return { action, classification: CLASSIFICATIONS[Math.floor(random() * CLASSIFICATIONS.length)], note: '说明' };
    if (action === 'RECORD_MOCK_ASSESSMENT') return { action, scores: [{ criterionCode: 'A1-1', points: 4, score: random() < 0.5 ? 4 : Math.round(random() * 30) / 10 }] };
    if (action === 'RECORD_RECHECK') return random() < 0.7 ? { action, passed: true } : { action, passed: false, note: '反弹' };
    // Archives of one package (an indicator that lists no materials) and of several.
    if (action === 'START_ARCHIVING') return random() < 0.5 ? { action } : { action, materials: [M1, M2] };
    // The archivist reviews whichever material awaits; now and then returns it.
    if (action === 'ACCEPT_ARCHIVE_MATERIAL' && random() < 0.3) return { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: handedIn(state), reason: '缺签字' };
    return validCommand(action, state, now);
  }

  const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233];

  /**
   * Lets people act at random, hours or days apart, and time run on to the next timer now and then, as the
   * workflow does. `inspect` sees every state the task passes through. Returns the end and what was taken.
   */
  function randomWalk(seed: number, inspect: (state: IndicatorTaskState, now: string) => void): { end: IndicatorTaskState; now: string; taken: Set<string> } {
    const random = lcg(seed);
    const taken = new Set<string>();
    let now = CREATED_AT;
    let state = created(now);
    for (let step = 0; step < 400 && state.stage !== 'ARCHIVED'; step++) {
      inspect(state, now);
      const timer = nextTimer(state, now);
      if (timer !== null && random() < 0.3) {
        const before = state.version;
        ({ state, now } = fire(state, timer, now));
        expect(state.version).toBe(before + 1);
        taken.add(timer.kind === 'ESCALATE' ? timer.level : timer.kind);
        continue;
      }
      now = plus(now, Math.floor(random() * 4 * DAY));
      const moves = EVERYONE.flatMap((actor) =>
        // Comments and evidence now and then: they never move the task, so too many would keep it from ending.
        [...allowedActions(state, actor), ...(random() < 0.05 ? allowedSideActions(state, actor) : [])].flatMap((action) => {
          const command = randomCommand(action, state, now, random);
          return command === null ? [] : [{ actor, command }];
        }),
      );
      expect(moves.length).toBeGreaterThan(0);
      const { actor, command } = moves[Math.floor(random() * moves.length)];
      const events = eventsOf(decide(state, { actor, command, expectedVersion: state.version }, now));
      expect(events).toHaveLength(1);
      const next = evolve(state, events[0], meta(actor, now));
      expect(next.version).toBe(state.version + 1);
      taken.add(command.action);
      state = next;
    }
    inspect(state, now);
    return { end: state, now, taken };
  }

  it.each(SEEDS)('random walk with seed %i keeps its invariants and reaches ARCHIVED', (seed) => {
    const { end } = randomWalk(seed, (state, now) => {
      expectCheckAndDecideAgree(state, now);
      expectInvariants(state, now);
    });
    expect(end.stage).toBe('ARCHIVED');
  });

  it('the random walks between them take every action and every kind of timer', () => {
    const taken = new Set<string>();
    for (const seed of SEEDS) for (const t of randomWalk(seed, () => undefined).taken) taken.add(t);
    expect([...taken].sort()).toEqual([...INDICATOR_TASK_ACTIONS, 'REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY', 'RECHECK_DUE'].sort());
  });
});

// ---------------------------------------------------------------------------------------------------------
// Archiving material by material, and reassignment
// ---------------------------------------------------------------------------------------------------------

describe('archiving material by material', () => {
  const SUBMITTED_BY_MEMBER = { status: 'SUBMITTED' as const, submittedBy: OWN_UNIT_MEMBER.userId, file: FILE };

  it('while one material awaits the archivist, the unit hands in the other and may ask for time for it', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER });
    expect(state.awaitingReview).toBe('ARCHIVE_REVIEW');
    expect(allowedActions(state, OWN_UNIT_MEMBER)).toEqual(['SUBMIT_ARCHIVE_MATERIAL', 'REQUEST_EXTENSION']);
    expect(allowedActions(state, ARCHIVIST)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    expect(allowedActions(state, SUPERVISOR)).toEqual([]);
  });

  it('once everything is handed in, the unit owes nothing: no more submissions, no extension, no escalation', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER, [M2.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_HEAD.userId } });
    expect(allowedActions(state, OWN_UNIT_MEMBER)).toEqual([]);
    expect(unitOwesWork(state)).toBe(false);
    expect(nextTimer({ ...state, escalationLevel: 'URGE' }, plus(DUE, DAY))).toBeNull();
  });

  it('while a material is still missing, the escalation ladder runs even though another awaits review', () => {
    const state = archivingWith({ [M1.code]: SUBMITTED_BY_MEMBER }, { escalationLevel: 'URGE' });
    expect(unitOwesWork(state)).toBe(true);
    expect(nextTimer(state, plus(DUE, DAY))).toEqual({ kind: 'ESCALATE', level: 'SUPERVISE', at: plus(DUE, 72 * HOUR) });
  });

  it('a returned material is owed again: the unit hands it in again, with the reason shown on it', () => {
    const state = archivingWith({ [M1.code]: { status: 'RETURNED', returnReason: '缺签字', submittedBy: OWN_UNIT_MEMBER.userId }, [M2.code]: SUBMITTED_BY_MEMBER });
    expect(unitOwesWork(state)).toBe(true);
    expect(allowedActions(state, OWN_UNIT_HEAD)).toEqual(['SUBMIT_ARCHIVE_MATERIAL', 'REQUEST_EXTENSION']);
  });

  it('walks two materials to ARCHIVED: submitted, one returned and handed in again, both accepted; the record stays', () => {
    let state = evolve(stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null }), { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } }, meta(OFFICE, AT));
    const act = (actor: Actor, command: IndicatorTaskCommand) => {
      const events = eventsOf(decide(state, { actor, command }, NOW));
      state = evolve(state, events[0], meta(actor, NOW));
      return state;
    };
    act(OWN_UNIT_MEMBER, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '台账一册' });
    expect(state).toMatchObject({ stage: 'ARCHIVING', awaitingReview: 'ARCHIVE_REVIEW', submittedBy: null });
    act(ARCHIVIST, { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: '缺签字页' });
    expect(state).toMatchObject({ stage: 'ARCHIVING', awaitingReview: null });
    act(OWN_UNIT_HEAD, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: FILE });
    act(OWN_UNIT_MEMBER, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE, note: '已补签字' });
    act(ARCHIVIST, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code });
    expect(state.stage).toBe('ARCHIVING');
    act(ARCHIVIST_2, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code, note: '齐全' });
    expect(state).toMatchObject({ stage: 'ARCHIVED', awaitingReview: null, stageDueAt: null });
    expect(state.archive).toEqual([
      material(M1, { status: 'ACCEPTED', file: FILE, note: '已补签字', submittedBy: OWN_UNIT_MEMBER.userId, submittedAt: NOW, reviewedBy: ARCHIVIST.userId, reviewedAt: NOW }),
      material(M2, { status: 'ACCEPTED', file: FILE, submittedBy: OWN_UNIT_HEAD.userId, submittedAt: NOW, reviewedBy: ARCHIVIST_2.userId, reviewedAt: NOW }),
    ]);
  });

  it('never lets an archivist accept a material they handed in themselves, but a colleague may', () => {
    const state = archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: ARCHIVIST.userId } });
    expect(allowedActions(state, ARCHIVIST)).toEqual([]);
    expect(rejectionOf(decide(state, { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code } }, NOW)).code).toBe('FORBIDDEN');
    expect(allowedActions(state, ARCHIVIST_2)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    // With another material awaiting that someone else handed in, the archivist may review that one only.
    const both = archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: ARCHIVIST.userId }, [M2.code]: SUBMITTED_BY_MEMBER });
    expect(allowedActions(both, ARCHIVIST)).toEqual(['ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
    expect(rejectionOf(decide(both, { actor: ARCHIVIST, command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: 'r' } }, NOW)).code).toBe('FORBIDDEN');
    expect(eventsOf(decide(both, { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code } }, NOW))).toHaveLength(1);
  });

  it('refuses a list of materials that is empty, has blank names or repeats a code', () => {
    const state = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null });
    for (const materials of [[], [{ code: 'A1-M1', name: ' ' }], [M1, M1], [{ code: '', name: 'x' }]]) {
      const rejection = rejectionOf(decide(state, { actor: OFFICE, command: { action: 'START_ARCHIVING', materials } }, NOW));
      expect({ code: rejection.code, field: rejection.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'materials' });
    }
  });
});

describe('reassignment', () => {
  it.each(['SELF_CHECK', 'RECTIFICATION', 'MOCK_ASSESSMENT', 'CONSOLIDATION', 'ARCHIVING'] as const)('is the office’s alone in %s', (stage) => {
    const state = stateOf({ stage, classification: stage === 'SELF_CHECK' ? null : 'NOT_MET' });
    for (const actor of EVERYONE) expect({ who: actor.userId, may: allowedSideActions(state, actor).includes('REASSIGN') }).toEqual({ who: actor.userId, may: actor.role === 'OFFICE' });
  });

  it('is closed once the task is archived', () => {
    const rejection = rejectionOf(decide(stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null }), { actor: OFFICE, command: valid('REASSIGN') }, NOW));
    expect(rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('hands the work to the new unit: the old one can no longer act, the new one can', () => {
    const before = stateOf({ stage: 'SELF_CHECK' });
    const events = eventsOf(decide(before, { actor: OFFICE, command: { action: 'REASSIGN', unitCode: OTHER_UNIT, reason: '职责调整' } }, NOW));
    const after = evolve(before, events[0], meta(OFFICE));
    expect(allowedActions(after, OWN_UNIT_MEMBER)).toEqual([]);
    expect(allowedActions(after, OTHER_UNIT_MEMBER)).toEqual(['SUBMIT_SELF_CHECK', 'REQUEST_EXTENSION']);
    expect(rejectionOf(decide(after, { actor: OWN_UNIT_MEMBER, command: valid('SUBMIT_SELF_CHECK') }, NOW)).code).toBe('FORBIDDEN');
  });
});
