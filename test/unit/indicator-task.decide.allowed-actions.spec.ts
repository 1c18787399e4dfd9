// Indicator-task rules: who may do what in which stage: `allowedActions` over the full matrix, and every refusal in it in Chinese.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import {
  INDICATOR_TASK_ACTIONS,
  type IndicatorTaskAction,
  REVIEW_KINDS,
  STAGES,
  type IndicatorTaskState,
  type ReviewKind,
  type Stage,
} from '../../workflows/indicator-task/indicator-task.types';
import { allowedActions, decide } from '../../workflows/indicator-task/indicator-task.decide';
import type { Actor } from '../../workflows/shared/actor.types';
import {
  ACTOR_KINDS,
  type ActorKind,
  ACTORS,
  SUPERVISOR_2,
  ARCHIVIST_2,
  EVERYONE,
  NOW,
  EXTENSION,
  stateOf,
  awaiting,
  valid,
  CHINESE,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_MEMBER,
  PLAN,
  DUE,
} from '../support/indicator-task.fixtures';

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
