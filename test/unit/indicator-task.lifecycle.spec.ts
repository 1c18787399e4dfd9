// The pure lifecycle rules of an indicator task: who may do what in which stage (`allowedActions`, `check`),
// what an accepted action records (`decide`) and how events move the state (`evolve`). The expectations below
// are written out by hand from the glossary, never derived from the module's own rule table.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import {
  INDICATOR_TASK_ACTIONS,
  allowedActions,
  assertNever,
  decide,
  evolve,
  initialState,
  stageAfterClassification,
  type ActionRequest,
  type Decision,
  type IndicatorTaskAction,
  type IndicatorTaskCommand,
  type Rejection,
  type RejectionCode,
} from '../../workflows/indicator-task/indicator-task.lifecycle';
import {
  CLASSIFICATIONS,
  REVIEW_KINDS,
  STAGES,
  type Actor,
  type Classification,
  type IndicatorTaskState,
  type ReviewKind,
  type Stage,
} from '../../workflows/indicator-task/indicator-task.types';

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

const TASK_INPUT = {
  taskId: 'indicator-task:demo-2027:A1:WTSQ',
  campaignId: 'demo-2027',
  indicatorCode: 'A1',
  unitCode: OWN_UNIT,
  leadUnitCode: LEAD_UNIT,
  dueAt: '2027-01-31T15:59:59.000Z',
};

/** A task as it looks after some history: version 5 unless told otherwise. */
function stateOf(overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return { ...initialState(TASK_INPUT), version: 5, ...overrides };
}

/** A task waiting for the given review, handed in by the given person. */
function awaiting(stage: Stage, review: ReviewKind, submittedBy: string, overrides: Partial<IndicatorTaskState> = {}): IndicatorTaskState {
  return stateOf({ stage, awaitingReview: review, submittedBy, classification: 'NOT_MET', ...overrides });
}

/** A command for `action` whose input is valid, so that only the rules decide. */
function validCommand(action: IndicatorTaskAction): IndicatorTaskCommand {
  switch (action) {
    case 'SUBMIT_SELF_CHECK':
      return { action, classification: 'NOT_MET', note: '主干道公益广告不足' };
    case 'CONFIRM_SELF_CHECK':
    case 'APPROVE_RECTIFICATION':
    case 'START_ARCHIVING':
    case 'ACCEPT_ARCHIVE':
      return { action };
    case 'RETURN_SELF_CHECK':
    case 'RETURN_RECTIFICATION':
    case 'RETURN_ARCHIVE':
      return { action, reason: '材料不全' };
    case 'REPORT_RECTIFICATION_PROGRESS':
    case 'SUBMIT_RECTIFICATION':
    case 'SUBMIT_ARCHIVE':
      return { action, note: '已完成' };
    case 'RECORD_MOCK_ASSESSMENT':
      return { action, score: 80, passed: true };
    default:
      return assertNever(action);
  }
}

function rejectionOf(decision: Decision): Rejection {
  if (decision.ok) throw new Error(`expected a rejection, got events ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

function eventsOf(decision: Decision): IndicatorTaskEvent[] {
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

/**
 * Who may do what, written out per (stage, review awaited). Unlisted situations and unlisted people may do
 * nothing. Lists are in the order the API presents them (INDICATOR_TASK_ACTIONS order).
 */
const EXPECTED_ACTIONS: Partial<Record<Situation, Partial<Record<ActorKind, IndicatorTaskAction[]>>>> = {
  'SELF_CHECK/NONE': {
    OWN_UNIT_HEAD: ['SUBMIT_SELF_CHECK'],
    OWN_UNIT_MEMBER: ['SUBMIT_SELF_CHECK'],
  },
  'SELF_CHECK/SELF_CHECK_REVIEW': {
    SUPERVISOR: ['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK'],
  },
  'RECTIFICATION/NONE': {
    OWN_UNIT_HEAD: ['REPORT_RECTIFICATION_PROGRESS', 'SUBMIT_RECTIFICATION'],
    OWN_UNIT_MEMBER: ['REPORT_RECTIFICATION_PROGRESS', 'SUBMIT_RECTIFICATION'],
  },
  'RECTIFICATION/RECTIFICATION_REVIEW': {
    SUPERVISOR: ['APPROVE_RECTIFICATION', 'RETURN_RECTIFICATION'],
  },
  'MOCK_ASSESSMENT/NONE': {
    SUPERVISOR: ['RECORD_MOCK_ASSESSMENT'],
  },
  'CONSOLIDATION/NONE': {
    OFFICE: ['START_ARCHIVING'],
    SUPERVISOR: ['START_ARCHIVING'],
  },
  'ARCHIVING/NONE': {
    OWN_UNIT_HEAD: ['SUBMIT_ARCHIVE'],
    OWN_UNIT_MEMBER: ['SUBMIT_ARCHIVE'],
  },
  'ARCHIVING/ARCHIVE_REVIEW': {
    ARCHIVIST: ['ACCEPT_ARCHIVE', 'RETURN_ARCHIVE'],
  },
};

const SITUATIONS: [Stage, ReviewKind | null][] = STAGES.flatMap((stage) =>
  [null, ...REVIEW_KINDS].map((review): [Stage, ReviewKind | null] => [stage, review]),
);

describe('allowedActions', () => {
  it('covers every stage and every kind of review', () => {
    expect(SITUATIONS).toHaveLength(STAGES.length * (REVIEW_KINDS.length + 1));
    expect(SITUATIONS).toHaveLength(24);
  });

  it.each(SITUATIONS.map(([stage, review]) => [stage, review ?? 'no review', review] as const))(
    'in stage %s awaiting %s lists exactly the expected actions for every role',
    (stage, _label, review) => {
      // Whoever handed the work in is a member of the task's unit, as in real life.
      const state = stateOf({ stage, awaitingReview: review, submittedBy: review ? OWN_UNIT_MEMBER.userId : null });
      const expectedForSituation = EXPECTED_ACTIONS[`${stage}/${review ?? 'NONE'}`] ?? {};
      const expected = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, expectedForSituation[kind] ?? []]));
      const actual = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, allowedActions(state, ACTORS[kind])]));
      expect(actual).toEqual(expected);
    },
  );

  it('gives nobody anything to do on an archived task', () => {
    const state = stateOf({ stage: 'ARCHIVED', classification: 'MET' });
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
    ['ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST_2, ['ACCEPT_ARCHIVE', 'RETURN_ARCHIVE']],
  ])('in %s awaiting %s still offers the review to a colleague of the submitter', (stage, review, colleague, expected) => {
    const submitter = colleague.role === 'SUPERVISOR' ? SUPERVISOR : ARCHIVIST;
    expect(allowedActions(awaiting(stage, review, submitter.userId), colleague)).toEqual(expected);
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
}

const ACCEPTED: AcceptedCase[] = [
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
    name: 'SUBMIT_RECTIFICATION records the trimmed note',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' }),
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
    name: 'RECORD_MOCK_ASSESSMENT records score and result with an empty default note',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: 72.5, passed: false },
    event: { type: 'MockAssessmentRecorded', data: { score: 72.5, passed: false, note: '' } },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT accepts the boundary scores and trims the note',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: 100, passed: true, note: ' 满分 ' },
    event: { type: 'MockAssessmentRecorded', data: { score: 100, passed: true, note: '满分' } },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT accepts a score of zero',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: 0, passed: false },
    event: { type: 'MockAssessmentRecorded', data: { score: 0, passed: false, note: '' } },
  },
  {
    name: 'START_ARCHIVING by the office defaults the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: OFFICE,
    command: { action: 'START_ARCHIVING' },
    event: { type: 'ArchivingStarted', data: { note: '' } },
  },
  {
    name: 'START_ARCHIVING by a supervisor trims the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: { action: 'START_ARCHIVING', note: ' 巩固期满 ' },
    event: { type: 'ArchivingStarted', data: { note: '巩固期满' } },
  },
  {
    name: 'SUBMIT_ARCHIVE records the trimmed note',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE', note: ' 台账三册 ' },
    event: { type: 'ArchiveSubmitted', data: { note: '台账三册' } },
  },
  {
    name: 'ACCEPT_ARCHIVE defaults the note',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: { action: 'ACCEPT_ARCHIVE' },
    event: { type: 'ArchiveAccepted', data: { note: '' } },
  },
  {
    name: 'RETURN_ARCHIVE records the trimmed reason',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE', reason: ' 缺签字页 ' },
    event: { type: 'ArchiveReturned', data: { reason: '缺签字页' } },
  },
];

describe('decide: accepted actions', () => {
  it('has a case for every action', () => {
    expect(new Set(ACCEPTED.map((c) => c.command.action))).toEqual(new Set(INDICATOR_TASK_ACTIONS));
  });

  it.each(ACCEPTED.map((c) => [c.name, c] as const))('%s', (_name, { state, actor, command, event }) => {
    expect(decide(frozen(state), { command, actor })).toEqual({ ok: true, events: [event] });
  });

  it('accepts a note of exactly 2000 characters', () => {
    const note = '记'.repeat(2000);
    const events = eventsOf(decide(stateOf(), { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note } }));
    expect(events).toEqual([{ type: 'SelfCheckSubmitted', data: { classification: 'MET', note } }]);
  });

  it('lets a unit head submit archive material the same way as a member', () => {
    const events = eventsOf(decide(stateOf({ stage: 'ARCHIVING' }), { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_ARCHIVE', note: '材料' } }));
    expect(events.map((e) => e.type)).toEqual(['ArchiveSubmitted']);
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
}

const TOO_LONG = 'x'.repeat(2001);
const SELF_CHECK_REVIEW = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId);
const RECTIFICATION = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' });
const MOCK = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
const ARCHIVE_REVIEW = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' });

const REJECTED: RejectedCase[] = [
  // Wrong moment
  {
    name: 'submitting a self-check during rectification',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: validCommand('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'submitting a self-check again while the first awaits review',
    state: SELF_CHECK_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: validCommand('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'confirming a self-check when nothing was submitted',
    state: stateOf(),
    actor: SUPERVISOR,
    command: validCommand('CONFIRM_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'approving a rectification that awaits a different kind of review',
    state: stateOf({ stage: 'RECTIFICATION', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }),
    actor: SUPERVISOR,
    command: validCommand('APPROVE_RECTIFICATION'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'reporting progress while the rectification awaits review',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_HEAD.userId),
    actor: OWN_UNIT_MEMBER,
    command: validCommand('REPORT_RECTIFICATION_PROGRESS'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'recording a mock assessment in consolidation',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: validCommand('RECORD_MOCK_ASSESSMENT'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'starting archiving during self-check',
    state: stateOf(),
    actor: OFFICE,
    command: validCommand('START_ARCHIVING'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'accepting an archive on an archived task',
    state: stateOf({ stage: 'ARCHIVED', classification: 'MET' }),
    actor: ARCHIVIST,
    command: validCommand('ACCEPT_ARCHIVE'),
    code: 'ILLEGAL_TRANSITION',
  },
  // Wrong person
  {
    name: 'the leading group submitting a self-check',
    state: stateOf(),
    actor: LEADER,
    command: validCommand('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the office confirming a self-check',
    state: SELF_CHECK_REVIEW,
    actor: OFFICE,
    command: validCommand('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a unit member recording a mock assessment',
    state: MOCK,
    actor: OWN_UNIT_MEMBER,
    command: validCommand('RECORD_MOCK_ASSESSMENT'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor accepting an archive',
    state: ARCHIVE_REVIEW,
    actor: SUPERVISOR,
    command: validCommand('ACCEPT_ARCHIVE'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the archivist starting archiving',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: ARCHIVIST,
    command: validCommand('START_ARCHIVING'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting a self-check',
    state: stateOf(),
    actor: OTHER_UNIT_MEMBER,
    command: validCommand('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the head of the lead unit submitting the responsible unit’s rectification',
    state: RECTIFICATION,
    actor: ACTORS.LEAD_UNIT_HEAD,
    command: validCommand('SUBMIT_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting an archive',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OTHER_UNIT_MEMBER,
    command: validCommand('SUBMIT_ARCHIVE'),
    code: 'FORBIDDEN',
  },
  // Separation of duties: the one who handed the work in never decides on it, whatever their role.
  {
    name: 'a supervisor confirming a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: validCommand('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: validCommand('RETURN_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor approving a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: validCommand('APPROVE_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: validCommand('RETURN_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist accepting an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: validCommand('ACCEPT_ARCHIVE'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist returning an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: validCommand('RETURN_ARCHIVE'),
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
    command: { action: 'RETURN_ARCHIVE', reason: TOO_LONG },
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
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION', note: '  ' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'submitting an archive with an empty note',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE', note: '' },
    code: 'BAD_USER_INPUT',
    field: 'note',
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
    command: untyped({ action: 'ACCEPT_ARCHIVE', note: 42 }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a mock assessment scored below 0',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: -0.5, passed: false },
    code: 'BAD_USER_INPUT',
    field: 'score',
  },
  {
    name: 'a mock assessment scored above 100',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: 100.01, passed: true },
    code: 'BAD_USER_INPUT',
    field: 'score',
  },
  {
    name: 'a mock assessment scored NaN',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: Number.NaN, passed: true },
    code: 'BAD_USER_INPUT',
    field: 'score',
  },
  {
    name: 'a mock assessment scored Infinity',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: Number.POSITIVE_INFINITY, passed: true },
    code: 'BAD_USER_INPUT',
    field: 'score',
  },
  {
    name: 'a mock assessment whose score is a string',
    state: MOCK,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_MOCK_ASSESSMENT', score: '80', passed: true }),
    code: 'BAD_USER_INPUT',
    field: 'score',
  },
  {
    name: 'a mock assessment whose "passed" is not a boolean',
    state: MOCK,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_MOCK_ASSESSMENT', score: 80, passed: 'yes' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
  },
  {
    name: 'a mock assessment without "passed"',
    state: MOCK,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_MOCK_ASSESSMENT', score: 80 }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
  },
  {
    name: 'a mock assessment with an over-long note',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', score: 80, passed: true, note: TOO_LONG },
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
];

describe('decide: rejections', () => {
  it.each(REJECTED.map((c) => [c.name, c] as const))('refuses %s', (_name, { state, actor, command, code, field }) => {
    const rejection = rejectionOf(decide(frozen(state), { command, actor }));
    expect(rejection.code).toBe(code);
    expect(rejection.field).toBe(field);
    expect(rejection.message).toMatch(CHINESE);
  });

  it('lets another supervisor confirm what the first supervisor submitted', () => {
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { classification: 'MET' });
    expect(decide(state, { actor: SUPERVISOR_2, command: { action: 'CONFIRM_SELF_CHECK' } })).toEqual({
      ok: true,
      events: [{ type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '' } }],
    });
  });

  it('judges separation of duties by user id, not by display name', () => {
    const namesake: Actor = { ...SUPERVISOR_2, displayName: SUPERVISOR.displayName };
    const state = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId);
    expect(decide(state, { actor: namesake, command: validCommand('APPROVE_RECTIFICATION') }).ok).toBe(true);
  });

  it('checks the person before the input: a forbidden actor learns nothing about the form', () => {
    const rejection = rejectionOf(decide(stateOf(), { actor: LEADER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '' } }));
    expect(rejection.code).toBe('FORBIDDEN');
  });

  it('names the role and the action in a role refusal', () => {
    const rejection = rejectionOf(decide(SELF_CHECK_REVIEW, { actor: OFFICE, command: validCommand('CONFIRM_SELF_CHECK') }));
    expect(rejection.message).toContain('创建办');
    expect(rejection.message).toContain('确认自查结果');
  });
});

describe('decide: optimistic concurrency', () => {
  /** Whether `text` mentions `n` as a whole number. */
  const mentions = (text: string, n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(text);

  it('refuses with CONFLICT when the caller saw an older version, naming both versions', () => {
    const state = stateOf({ version: 12 });
    const rejection = rejectionOf(decide(state, { actor: OWN_UNIT_MEMBER, command: validCommand('SUBMIT_SELF_CHECK'), expectedVersion: 7 }));
    expect(rejection.code).toBe('CONFLICT');
    expect(mentions(rejection.message, 7)).toBe(true);
    expect(mentions(rejection.message, 12)).toBe(true);
    expect(rejection.message).toMatch(CHINESE);
  });

  it('treats an expected version of 0 as a real version, not as "none"', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: validCommand('SUBMIT_SELF_CHECK'), expectedVersion: 0 }));
    expect(rejection.code).toBe('CONFLICT');
  });

  it('refuses with CONFLICT when the caller claims a newer version than the task has', () => {
    const rejection = rejectionOf(decide(stateOf({ version: 3 }), { actor: OWN_UNIT_MEMBER, command: validCommand('SUBMIT_SELF_CHECK'), expectedVersion: 4 }));
    expect(rejection.code).toBe('CONFLICT');
  });

  it.each<[string, Partial<ActionRequest>]>([
    ['null', { expectedVersion: null }],
    ['undefined', { expectedVersion: undefined }],
    ['absent', {}],
    ['equal to the current version', { expectedVersion: 12 }],
  ])('accepts the action when the expected version is %s', (_label, extra) => {
    const decision = decide(stateOf({ version: 12 }), { actor: OWN_UNIT_MEMBER, command: validCommand('SUBMIT_SELF_CHECK'), ...extra });
    expect(decision.ok).toBe(true);
  });
});

describe('decide: every refusal speaks Chinese', () => {
  // Every action for every person in every situation, with valid input: whatever is refused explains itself in Chinese.
  const sweep = SITUATIONS.flatMap(([stage, review]) =>
    EVERYONE.flatMap((actor) => INDICATOR_TASK_ACTIONS.map((action) => ({ stage, review, actor, action }))),
  );

  it('produces a Chinese message for every refused (situation, person, action)', () => {
    const notChinese: string[] = [];
    let refused = 0;
    for (const { stage, review, actor, action } of sweep) {
      const state = stateOf({ stage, awaitingReview: review, submittedBy: review ? SUPERVISOR.userId : null });
      const decision = decide(state, { actor, command: validCommand(action) });
      if (decision.ok) continue;
      refused++;
      if (!CHINESE.test(decision.rejection.message)) notChinese.push(`${stage}/${review}/${actor.userId}/${action}: ${decision.rejection.message}`);
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

describe('evolve', () => {
  it('starts a new task in self-check at version 0 with nothing awaited', () => {
    expect(initialState(TASK_INPUT)).toEqual({
      ...TASK_INPUT,
      stage: 'SELF_CHECK',
      classification: null,
      awaitingReview: null,
      submittedBy: null,
      relapseCount: 0,
      version: 0,
    });
  });

  it('records the creation facts on IndicatorTaskCreated', () => {
    const blank = initialState({ ...TASK_INPUT, campaignId: '', indicatorCode: '', unitCode: '', leadUnitCode: '', dueAt: '' });
    const data = { campaignId: 'demo-2027', indicatorCode: 'C2', unitCode: 'HWS', leadUnitCode: 'HWS', dueAt: '2027-03-31T15:59:59.000Z' };
    expect(evolve(blank, { type: 'IndicatorTaskCreated', data }, 'system')).toEqual({ ...blank, ...data, stage: 'SELF_CHECK', version: 1 });
  });

  it.each<[Classification, Stage]>([
    ['MET', 'CONSOLIDATION'],
    ['RELAPSE_PRONE', 'CONSOLIDATION'],
    ['NOT_MET', 'RECTIFICATION'],
    ['UNKNOWN', 'MOCK_ASSESSMENT'],
  ])('moves a confirmed %s self-check to %s and clears the review', (classification, stage) => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { classification, version: 3 });
    const after = evolve(frozen(before), { type: 'SelfCheckConfirmed', data: { classification, note: '' } }, SUPERVISOR.userId);
    expect(after).toEqual({ ...before, stage, classification, awaitingReview: null, submittedBy: null, version: 4 });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['SelfCheckSubmitted', { type: 'SelfCheckSubmitted', data: { classification: 'UNKNOWN', note: 'n' } }, 'SELF_CHECK', 'SELF_CHECK_REVIEW'],
    ['RectificationSubmitted', { type: 'RectificationSubmitted', data: { note: 'n' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
    ['ArchiveSubmitted', { type: 'ArchiveSubmitted', data: { note: 'n' } }, 'ARCHIVING', 'ARCHIVE_REVIEW'],
  ])('on %s in %s waits for %s and remembers who submitted', (_type, event, stage, review) => {
    const before = stateOf({ stage, classification: 'NOT_MET', version: 8 });
    const after = evolve(frozen(before), event, OWN_UNIT_HEAD.userId);
    expect(after.stage).toBe(stage);
    expect(after.awaitingReview).toBe(review);
    expect(after.submittedBy).toBe(OWN_UNIT_HEAD.userId);
    expect(after.version).toBe(9);
  });

  it('takes the submitted classification on SelfCheckSubmitted', () => {
    const after = evolve(stateOf({ classification: 'NOT_MET' }), { type: 'SelfCheckSubmitted', data: { classification: 'RELAPSE_PRONE', note: 'n' } }, 'u');
    expect(after.classification).toBe('RELAPSE_PRONE');
  });

  it('on SelfCheckReturned clears the proposed classification, the awaited review and the submitter', () => {
    const before = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { version: 4 });
    const after = evolve(frozen(before), { type: 'SelfCheckReturned', data: { reason: 'r' } }, SUPERVISOR.userId);
    expect(after).toEqual({ ...before, classification: null, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it.each<[string, IndicatorTaskEvent, Stage, ReviewKind]>([
    ['RectificationReturned', { type: 'RectificationReturned', data: { reason: 'r' } }, 'RECTIFICATION', 'RECTIFICATION_REVIEW'],
    ['ArchiveReturned', { type: 'ArchiveReturned', data: { reason: 'r' } }, 'ARCHIVING', 'ARCHIVE_REVIEW'],
  ])('on %s stays in %s and clears the awaited review and the submitter', (_type, event, stage, review) => {
    const before = awaiting(stage, review, OWN_UNIT_MEMBER.userId, { version: 4 });
    const after = evolve(frozen(before), event, SUPERVISOR.userId);
    expect(after).toEqual({ ...before, awaitingReview: null, submittedBy: null, version: 5 });
  });

  it('records rectification progress without changing anything but the version', () => {
    const before = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', version: 6 });
    expect(evolve(frozen(before), { type: 'RectificationProgressReported', data: { note: 'n' } }, OWN_UNIT_MEMBER.userId)).toEqual({ ...before, version: 7 });
  });

  it.each<[Classification | null, Classification]>([
    ['RELAPSE_PRONE', 'RELAPSE_PRONE'],
    ['NOT_MET', 'MET'],
    ['UNKNOWN', 'MET'],
    ['MET', 'MET'],
    [null, 'MET'],
  ])('on an approved rectification of a %s task moves to consolidation as %s', (classification, expected) => {
    const before = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { classification });
    const after = evolve(frozen(before), { type: 'RectificationApproved', data: { note: '' } }, SUPERVISOR.userId);
    expect(after).toEqual({ ...before, stage: 'CONSOLIDATION', classification: expected, awaitingReview: null, submittedBy: null, version: 6 });
  });

  it.each<[boolean, Stage, Classification]>([
    [true, 'CONSOLIDATION', 'MET'],
    [false, 'RECTIFICATION', 'NOT_MET'],
  ])('on a mock assessment with passed=%s moves to %s as %s', (passed, stage, classification) => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
    const after = evolve(frozen(before), { type: 'MockAssessmentRecorded', data: { score: passed ? 91 : 40, passed, note: '' } }, SUPERVISOR.userId);
    expect(after).toEqual({ ...before, stage, classification, version: 6 });
  });

  it('lets "passed" decide a mock assessment, not the score', () => {
    const before = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
    const after = evolve(before, { type: 'MockAssessmentRecorded', data: { score: 99, passed: false, note: '' } }, SUPERVISOR.userId);
    expect(after.stage).toBe('RECTIFICATION');
  });

  it('moves a consolidated task to archiving on ArchivingStarted', () => {
    const before = stateOf({ stage: 'CONSOLIDATION', classification: 'RELAPSE_PRONE' });
    expect(evolve(frozen(before), { type: 'ArchivingStarted', data: { note: '' } }, OFFICE.userId)).toEqual({ ...before, stage: 'ARCHIVING', version: 6 });
  });

  it('archives the task on ArchiveAccepted and clears the review', () => {
    const before = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' });
    expect(evolve(frozen(before), { type: 'ArchiveAccepted', data: { note: '' } }, ARCHIVIST.userId)).toEqual({
      ...before,
      stage: 'ARCHIVED',
      awaitingReview: null,
      submittedBy: null,
      version: 6,
    });
  });

  it('increments the version by exactly one per event', () => {
    const events: [IndicatorTaskEvent, string][] = [
      [{ type: 'IndicatorTaskCreated', data: { ...TASK_INPUT } }, 'system'],
      [{ type: 'SelfCheckSubmitted', data: { classification: 'NOT_MET', note: 'n' } }, OWN_UNIT_MEMBER.userId],
      [{ type: 'SelfCheckConfirmed', data: { classification: 'NOT_MET', note: '' } }, SUPERVISOR.userId],
      [{ type: 'RectificationProgressReported', data: { note: 'n' } }, OWN_UNIT_MEMBER.userId],
      [{ type: 'RectificationProgressReported', data: { note: 'n' } }, OWN_UNIT_MEMBER.userId],
      [{ type: 'RectificationSubmitted', data: { note: 'n' } }, OWN_UNIT_MEMBER.userId],
    ];
    const versions: number[] = [];
    events.reduce((state, [event, actorId]) => {
      const next = evolve(state, event, actorId);
      versions.push(next.version);
      return next;
    }, initialState(TASK_INPUT));
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// decide → evolve over whole lives of a task
// ---------------------------------------------------------------------------------------------------------

/** `allowedActions` offers an action exactly when `decide` accepts it with valid input. */
function expectCheckAndDecideAgree(state: IndicatorTaskState): void {
  const disagreements: string[] = [];
  for (const actor of EVERYONE) {
    const offered = allowedActions(state, actor);
    for (const action of INDICATOR_TASK_ACTIONS) {
      const accepted = decide(state, { actor, command: validCommand(action), expectedVersion: state.version }).ok;
      if (accepted !== offered.includes(action)) {
        disagreements.push(`${state.stage}/${state.awaitingReview}: ${actor.userId} ${action} offered=${offered.includes(action)} accepted=${accepted}`);
      }
    }
  }
  expect(disagreements).toEqual([]);
}

interface Step {
  actor: Actor;
  command: IndicatorTaskCommand;
  /** Where the task stands afterwards. */
  stage: Stage;
  classification: Classification | null;
}

function created(): IndicatorTaskState {
  const { taskId: _taskId, ...data } = TASK_INPUT;
  return evolve(initialState(TASK_INPUT), { type: 'IndicatorTaskCreated', data }, OFFICE.userId);
}

/** Plays the steps through decide and evolve, as the workflow does, checking every intermediate state. */
function play(steps: Step[]): IndicatorTaskState {
  let state = created();
  expect(state.version).toBe(1);
  for (const [i, step] of steps.entries()) {
    expectCheckAndDecideAgree(state);
    expect({ step: i, offered: allowedActions(state, step.actor).includes(step.command.action) }).toEqual({ step: i, offered: true });
    const events = eventsOf(decide(state, { actor: step.actor, command: step.command, expectedVersion: state.version }));
    expect(events).toHaveLength(1);
    const next = evolve(state, events[0], step.actor.userId);
    expect(next.version).toBe(state.version + 1);
    expect({ step: i, stage: next.stage, classification: next.classification }).toEqual({
      step: i,
      stage: step.stage,
      classification: step.classification,
    });
    state = next;
  }
  expectCheckAndDecideAgree(state);
  return state;
}

const archiveSteps = (classification: Classification, starter: Actor): Step[] => [
  { actor: starter, command: { action: 'START_ARCHIVING' }, stage: 'ARCHIVING', classification },
  { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_ARCHIVE', note: '台账' }, stage: 'ARCHIVING', classification },
  { actor: ARCHIVIST, command: { action: 'ACCEPT_ARCHIVE', note: '验收' }, stage: 'ARCHIVED', classification },
];

const LIVES: [string, Step[]][] = [
  [
    'not met: returned at every review, then rectified and archived',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '缺广告' }, stage: 'SELF_CHECK', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'RETURN_SELF_CHECK', reason: '缺照片' }, stage: 'SELF_CHECK', classification: null },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '补照片' }, stage: 'SELF_CHECK', classification: 'NOT_MET' },
      { actor: SUPERVISOR_2, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: OWN_UNIT_MEMBER, command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '完成一半' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '完成' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'RETURN_RECTIFICATION', reason: '仍缺两处' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_RECTIFICATION', note: '补齐' }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
      { actor: SUPERVISOR, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION', classification: 'MET' },
      { actor: OFFICE, command: { action: 'START_ARCHIVING' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_ARCHIVE', note: '台账' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: ARCHIVIST, command: { action: 'RETURN_ARCHIVE', reason: '缺签字' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: OWN_UNIT_HEAD, command: { action: 'SUBMIT_ARCHIVE', note: '已签字' }, stage: 'ARCHIVING', classification: 'MET' },
      { actor: ARCHIVIST_2, command: { action: 'ACCEPT_ARCHIVE' }, stage: 'ARCHIVED', classification: 'MET' },
    ],
  ],
  [
    'unknown: the mock assessment fails, the unit rectifies',
    [
      { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '不确定' }, stage: 'SELF_CHECK', classification: 'UNKNOWN' },
      { actor: SUPERVISOR, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' },
      { actor: SUPERVISOR, command: { action: 'RECORD_MOCK_ASSESSMENT', score: 61, passed: false }, stage: 'RECTIFICATION', classification: 'NOT_MET' },
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
      { actor: SUPERVISOR_2, command: { action: 'RECORD_MOCK_ASSESSMENT', score: 93, passed: true }, stage: 'CONSOLIDATION', classification: 'MET' },
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
];

describe('a whole life of a task (decide → evolve)', () => {
  it.each(LIVES)('%s ends ARCHIVED with check and decide agreeing at every step', (_name, steps) => {
    const end = play(steps);
    expect(end.stage).toBe('ARCHIVED');
    expect(end.awaitingReview).toBeNull();
    expect(end.submittedBy).toBeNull();
    // One event for creation plus one per step.
    expect(end.version).toBe(steps.length + 1);
    for (const actor of EVERYONE) expect(allowedActions(end, actor)).toEqual([]);
  });

  /** A small deterministic pseudo-random generator, so that failures reproduce. */
  function lcg(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  function randomCommand(action: IndicatorTaskAction, random: () => number): IndicatorTaskCommand {
    if (action === 'SUBMIT_SELF_CHECK') return { action, classification: CLASSIFICATIONS[Math.floor(random() * CLASSIFICATIONS.length)], note: '说明' };
    if (action === 'RECORD_MOCK_ASSESSMENT') return { action, score: Math.round(random() * 100), passed: random() < 0.5 };
    return validCommand(action);
  }

  it.each([1, 2, 3, 5, 8, 13, 21, 34, 55, 89])('random walk with seed %i keeps its invariants and reaches ARCHIVED', (seed) => {
    const random = lcg(seed);
    let state = created();
    for (let step = 0; step < 300 && state.stage !== 'ARCHIVED'; step++) {
      expectCheckAndDecideAgree(state);
      // A task waits for a review exactly when someone handed something in.
      expect(state.awaitingReview === null).toBe(state.submittedBy === null);
      const moves = EVERYONE.flatMap((actor) => allowedActions(state, actor).map((action) => ({ actor, action })));
      expect(moves.length).toBeGreaterThan(0);
      const { actor, action } = moves[Math.floor(random() * moves.length)];
      const events = eventsOf(decide(state, { actor, command: randomCommand(action, random), expectedVersion: state.version }));
      const next = evolve(state, events[0], actor.userId);
      expect(next.version).toBe(state.version + 1);
      state = next;
    }
    expect(state.stage).toBe('ARCHIVED');
    expectCheckAndDecideAgree(state);
  });
});
