// Indicator-task rules: decide → evolve over whole lives of a task, with the workflow's timers firing.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import {
  INDICATOR_TASK_ACTIONS,
  type IndicatorTaskAction,
  type IndicatorTaskCommand,
  CLASSIFICATIONS,
  DEFAULT_TASK_POLICY,
  type Classification,
  type IndicatorTaskState,
  type Stage,
} from '../../workflows/indicator-task/indicator-task.types';
import { allowedActions, allowedSideActions, allowedAccountabilityActions, decide } from '../../workflows/indicator-task/indicator-task.decide';
import { archiveOf } from '../../workflows/indicator-task/indicator-task.rules';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import { nextTimer, timerEvent, type Timer } from '../../workflows/indicator-task/indicator-task.schedule';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import {
  OTHER_UNIT,
  ACTORS,
  SUPERVISOR_2,
  ARCHIVIST_2,
  EVERYONE,
  DUE,
  CREATED_AT,
  TASK_INPUT,
  meta,
  DAY,
  plus,
  M1,
  M2,
  FILE,
  handedIn,
  validCommand,
  eventsOf,
  OFFICE,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
  OTHER_UNIT_MEMBER,
  CREATION_FACTS,
} from '../support/indicator-task.fixtures';

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
    const offered = [...allowedActions(state, actor), ...allowedSideActions(state, actor), ...allowedAccountabilityActions(state, actor)];
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

  const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946, 17711, 28657];

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
        // 问责 steps whenever they are open: only at the top of the ladder, or while a proposal awaits a leader.
        [...allowedActions(state, actor), ...allowedAccountabilityActions(state, actor), ...(random() < 0.05 ? allowedSideActions(state, actor) : [])].flatMap((action) => {
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
