// Property-based tests of the indicator-task lifecycle (fast-check): random people of random roles and units
// send random requests, plausible or garbage, to a task, and the timers fire now and then; the requests are
// decided and folded. Whatever happens, the rules below must hold. Seeds are random; a failure prints
// fast-check's seed and path, which replay it (`fc.assert(..., { seed, path })`).
import fc from 'fast-check';
import { isAccountabilityAction } from '../../workflows/shared/accountability';
import { actorArb as anyActorArb, decideStep, everyone, itDecidesSafely, itReplays, requestShapeArb } from '../support/lifecycle-property';
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import { INDICATOR_TASK_ACTIONS, type ActionRequest, type IndicatorTaskAction, CLASSIFICATIONS, type IndicatorTaskState, type Stage } from '../../workflows/indicator-task/indicator-task.types';
import {
  SIDE_ACTIONS,
  allowedAccountabilityActions,
  allowedActions,
  allowedSideActions,
  check,
  decide,
} from '../../workflows/indicator-task/indicator-task.decide';
import { archiveOf, stageAfterClassification } from '../../workflows/indicator-task/indicator-task.rules';
import { evolve, initialState } from '../../workflows/indicator-task/indicator-task.evolve';
import type { EventMeta } from '../../workflows/shared/decision.types';
import { nextTimer, timerEvent } from '../../workflows/indicator-task/indicator-task.schedule';
import type { Actor, Role } from '../../workflows/shared/actor.types';

const OWN_UNIT = 'WTSQ';
const LEAD_UNIT = 'XCB';
const OTHER_UNIT = 'BJSQ';
const UNIT_CODES = [OWN_UNIT, LEAD_UNIT, OTHER_UNIT] as const;
const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const CREATED_AT = '2026-11-01T00:00:00.000Z';
const DUE = '2027-01-31T15:59:59.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TASK_INPUT = { taskId: 'indicator-task:demo-2027:A1:WTSQ', campaignId: 'demo-2027', indicatorCode: 'A1', unitCode: OWN_UNIT, leadUnitCode: LEAD_UNIT, dueAt: DUE };
const FILE = { sha256: 'a'.repeat(64), name: '台账.pdf', size: 1024, mimeType: 'application/pdf' };

/**
 * The stage moves the lifecycle allows, from the glossary's stages: a confirmed self-check goes where
 * `stageAfterClassification` sends it; an approved rectification goes to consolidation; a mock assessment to
 * consolidation (passed) or rectification (failed); consolidation to rectification (a failed re-check) or to
 * archiving; archiving to archived once every material is accepted.
 */
const ALLOWED_MOVES = new Set<string>([
  ...CLASSIFICATIONS.map((c) => `SELF_CHECK->${stageAfterClassification(c)}`),
  'RECTIFICATION->CONSOLIDATION',
  'MOCK_ASSESSMENT->CONSOLIDATION',
  'MOCK_ASSESSMENT->RECTIFICATION',
  'CONSOLIDATION->RECTIFICATION',
  'CONSOLIDATION->ARCHIVING',
  'ARCHIVING->ARCHIVED',
]);
/** The action that makes each move (besides the self-check's, which `stageAfterClassification` decides). */
const MOVED_BY: Record<string, readonly IndicatorTaskAction[]> = {
  'RECTIFICATION->CONSOLIDATION': ['APPROVE_RECTIFICATION'],
  'MOCK_ASSESSMENT->CONSOLIDATION': ['RECORD_MOCK_ASSESSMENT'],
  'MOCK_ASSESSMENT->RECTIFICATION': ['RECORD_MOCK_ASSESSMENT'],
  'CONSOLIDATION->RECTIFICATION': ['RECORD_RECHECK'],
  'CONSOLIDATION->ARCHIVING': ['START_ARCHIVING'],
  'ARCHIVING->ARCHIVED': ['ACCEPT_ARCHIVE_MATERIAL'],
};

// ---------------------------------------------------------------------------------------------------------
// Generators

const actorArb = anyActorArb(UNIT_CODES);

/** Text a person might type, and text that must be refused: empty, blank, too long (in code points). */
const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('已按要求完成', '  整改中，详见附件  ', '未达标：公益广告不足', 'ok') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\n\t', 'x'.repeat(2001), '😀'.repeat(2001), '😀'.repeat(2000), '字'.repeat(2000)) },
);

/** Values that do not belong in any field. */
const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -1, 0, 1e308, '', ' ', 'not-a-date', '2027-02-30', '+275760-09-13T00:00:00.001Z', [], {}, true, '=CMD()'),
  fc.anything(),
);

interface ActStep {
  kind: 'act';
  /** Guided steps pick among the moves someone may make now, so that runs get far into the lifecycle. */
  guided: boolean;
  pick: number;
  actor: Actor;
  action: IndicatorTaskAction | 'SUBMIT_ARCHIVE' | 'ACCEPT_ARCHIVE' | 'RETURN_ARCHIVE';
  r: number;
  text: string;
  /** Replace one field of the plausible command (or the whole command) with garbage. */
  garbage: { key: number; value: unknown; whole: boolean } | null;
  version: 'none' | 'right' | 'wrong';
  advance: number;
}
interface TickStep {
  kind: 'tick';
  advance: number;
}
type Step = ActStep | TickStep;

const actStepArb: fc.Arbitrary<ActStep> = fc
  .tuple(
    fc.record({
      kind: fc.constant('act' as const),
      guided: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      pick: fc.nat(),
      actor: actorArb,
      action: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...INDICATOR_TASK_ACTIONS) }, { weight: 1, arbitrary: fc.constantFrom('SUBMIT_ARCHIVE' as const, 'ACCEPT_ARCHIVE' as const, 'RETURN_ARCHIVE' as const) }),
      r: fc.nat(),
      text: textArb,
      advance: fc.integer({ min: 0, max: 3 * DAY }),
    }),
    requestShapeArb(garbageArb),
  )
  .map(([step, shape]) => ({ ...step, ...shape }));
const tickStepArb: fc.Arbitrary<TickStep> = fc.record({ kind: fc.constant('tick' as const), advance: fc.integer({ min: 0, max: 10 * DAY }) });
const stepsArb = fc.array(fc.oneof({ weight: 8, arbitrary: actStepArb }, { weight: 1, arbitrary: tickStepArb }), { minLength: 1, maxLength: 50, size: 'max' });

/** A command someone might send for `action` now: mostly within the rules' bounds, computed from the state. */
function plausible(state: IndicatorTaskState, action: ActStep['action'], r: number, text: string, now: string): Record<string, unknown> {
  const at = Date.parse(now);
  const archive = archiveOf(state);
  const material = (statuses: string[]) => {
    const fitting = archive.filter((m) => statuses.includes(m.status));
    const list = fitting.length > 0 ? fitting : archive;
    return list.length > 0 ? list[r % list.length].code : 'M1';
  };
  switch (action) {
    case 'SUBMIT_SELF_CHECK':
      return { action, classification: CLASSIFICATIONS[r % CLASSIFICATIONS.length], note: text };
    case 'SUBMIT_RECTIFICATION_PLAN': {
      const limit = Math.max(Date.parse(state.dueAt), state.stageDueAt ? Date.parse(state.stageDueAt) : 0);
      const span = Math.max(1, limit - at - HOUR);
      return { action, plan: text, deadline: new Date(at + HOUR + (r % span)).toISOString() };
    }
    case 'REPORT_RECTIFICATION_PROGRESS':
      return { action, note: text };
    case 'SUBMIT_RECTIFICATION':
      return { action, note: text, ...(r % 4 === 0 ? { openItems: r % 3 } : {}) };
    case 'CONFIRM_SELF_CHECK':
    case 'APPROVE_RECTIFICATION':
    case 'APPROVE_EXTENSION':
      return r % 2 === 0 ? { action } : { action, note: text };
    case 'RETURN_SELF_CHECK':
    case 'RETURN_RECTIFICATION':
    case 'REFUSE_EXTENSION':
      return { action, reason: text };
    case 'RECORD_MOCK_ASSESSMENT': {
      const n = 1 + (r % 3);
      const pass = r % 5 < 3;
      return {
        action,
        scores: Array.from({ length: n }, (_, i) => ({ criterionCode: `A1-${i + 1}`, points: 1 + i, score: pass ? 1 + i : ((r >> i) % 2) * 0.5 })),
        note: text,
      };
    }
    case 'RECORD_RECHECK':
      return { action, passed: r % 3 !== 0, note: text };
    case 'START_ARCHIVING':
      return r % 3 === 0
        ? { action }
        : { action, note: text, materials: [{ code: 'M1', name: '工作台账' }, { code: 'M2', name: '照片' }, { code: 'M3', name: '会议记录' }].slice(0, 1 + (r % 3)) };
    case 'SUBMIT_ARCHIVE_MATERIAL':
      return { action, materialCode: material(['MISSING', 'RETURNED']), file: FILE, note: text };
    case 'ACCEPT_ARCHIVE_MATERIAL':
      return { action, materialCode: material(['SUBMITTED']), note: text };
    case 'RETURN_ARCHIVE_MATERIAL':
      return { action, materialCode: material(['SUBMITTED']), reason: text };
    case 'REQUEST_EXTENSION': {
      const from = Math.max(at, state.stageDueAt ? Date.parse(state.stageDueAt) : at);
      return { action, requestedDueAt: new Date(from + (1 + (r % 30)) * DAY).toISOString(), reason: text };
    }
    case 'ADD_COMMENT':
      return { action, text };
    case 'ATTACH_EVIDENCE':
      return { action, file: { ...FILE, name: r % 7 === 0 ? ' ' : FILE.name }, note: text };
    case 'REASSIGN':
      return { action, unitCode: UNIT_CODES[r % UNIT_CODES.length], reason: text };
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return { action, unitCode: r % 5 === 0 ? UNIT_CODES[r % UNIT_CODES.length] : state.unitCode, login: ['li.si', 'zhang.san', ' ', 'x'.repeat(65)][r % 4], name: text };
    case 'SUBMIT_ARCHIVE':
      return { action, note: text };
    case 'ACCEPT_ARCHIVE':
      return { action, note: text };
    case 'RETURN_ARCHIVE':
      return { action, reason: text };
    case 'PROPOSE_ACCOUNTABILITY':
      return { action, unit: r % 3 !== 0, persons: r % 2 === 0 ? [{ login: 'wtsq.head', displayName: '外滩社区负责人' }] : [], form: 'CRITICISM_NOTICE', formNote: '', reason: text };
    case 'APPROVE_ACCOUNTABILITY':
      return r % 2 === 0 ? { action } : { action, note: text };
    case 'RETURN_ACCOUNTABILITY':
      return { action, reason: text };
  }
}

/** Everyone who might act, for the allowedActions comparison. */
const EVERYONE: Actor[] = everyone(UNIT_CODES, UNIT_ROLES);

// ---------------------------------------------------------------------------------------------------------
// The fold

interface Recorded {
  event: IndicatorTaskEvent;
  meta: EventMeta;
}

interface Observation {
  pre: IndicatorTaskState;
  post: IndicatorTaskState;
  request: ActionRequest;
  action: string;
  accepted: boolean;
  events: IndicatorTaskEvent[];
}

function created(): { state: IndicatorTaskState; log: Recorded[] } {
  const { taskId: _taskId, ...facts } = TASK_INPUT;
  const event: IndicatorTaskEvent = { type: 'IndicatorTaskCreated', data: { ...facts, policy: initialState(TASK_INPUT).policy } };
  const meta = { actorId: 'user:office', at: CREATED_AT };
  return { state: evolve(initialState(TASK_INPUT), event, meta), log: [{ event, meta }] };
}

/** Decide and fold every step, calling `observe` on each decided request. */
function run(steps: readonly Step[], observe: (o: Observation) => void = () => undefined) {
  const start = created();
  const { log } = start;
  let { state } = start;
  let now = Date.parse(CREATED_AT);
  for (const step of steps) {
    now += step.advance;
    const nowIso = new Date(now).toISOString();
    if (step.kind === 'tick') {
      const timer = nextTimer(state, nowIso);
      if (timer) {
        now = Math.max(now, Date.parse(timer.at));
        const meta = { actorId: 'system', at: new Date(now).toISOString() };
        const event = timerEvent(state, timer);
        const next = evolve(state, event, meta);
        expect(next.stage).toBe(state.stage);
        expect(next.version).toBe(state.version + 1);
        log.push({ event, meta });
        state = next;
      }
      continue;
    }
    let actor = step.actor;
    let action = step.action;
    if (step.guided) {
      // Mostly lifecycle moves; now and then a comment, evidence or a reassignment.
      const side = step.pick % 6 === 0;
      const offered = (a: Actor) => (side ? allowedSideActions(state, a) : allowedActions(state, a));
      const actions = [...new Set(EVERYONE.flatMap(offered))];
      if (actions.length > 0) {
        action = actions[step.pick % actions.length];
        const actors = EVERYONE.filter((a) => offered(a).includes(action as IndicatorTaskAction));
        actor = actors[Math.floor(step.pick / actions.length) % actors.length];
      }
    }
    const decided = decideStep<IndicatorTaskState, Actor, ActionRequest, IndicatorTaskEvent>({ name: 'decide', decide, evolve }, state, actor, plausible(state, action, step.r, step.text, nowIso), step, nowIso, (event, meta) =>
      log.push({ event, meta }),
    );
    observe(decided);
    const { post } = decided;
    state = post;
  }
  return { state, log };
}

const RUNS = 100;

describe('indicator-task lifecycle: properties over random histories', () => {
  itDecidesSafely('decide', stepsArb, run, RUNS);

  it('allowedActions and allowedSideActions are exactly the actions check() lets through, and decide agrees with check', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, ({ pre, request, action, accepted }) => {
          for (const actor of [...EVERYONE, request.actor]) {
            const permitted = INDICATOR_TASK_ACTIONS.filter((a) => check(pre, actor, a) === null);
            expect(allowedActions(pre, actor)).toEqual(permitted.filter((a) => !SIDE_ACTIONS.includes(a) && !isAccountabilityAction(a)));
            expect(allowedSideActions(pre, actor)).toEqual(permitted.filter((a) => SIDE_ACTIONS.includes(a)));
            expect(allowedAccountabilityActions(pre, actor)).toEqual(permitted.filter(isAccountabilityAction));
          }
          if (accepted && (INDICATOR_TASK_ACTIONS as readonly string[]).includes(action)) {
            const a = action as IndicatorTaskAction;
            const offered = SIDE_ACTIONS.includes(a)
              ? allowedSideActions(pre, request.actor)
              : isAccountabilityAction(a)
                ? allowedAccountabilityActions(pre, request.actor)
                : allowedActions(pre, request.actor);
            expect(offered).toContain(a);
          }
          // A move check() refuses is refused by decide with the same reason (unless the version is stale first).
          if ((INDICATOR_TASK_ACTIONS as readonly string[]).includes(action) && (request.expectedVersion == null || request.expectedVersion === pre.version)) {
            const refused = check(pre, request.actor, action as IndicatorTaskAction);
            if (refused) {
              const decision = decide(pre, request, new Date(Date.parse(CREATED_AT)).toISOString());
              expect(decision).toEqual({ ok: false, rejection: refused });
            }
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it("a unit never succeeds on another unit's task (comments by the lead unit aside), and no one approves what they handed in", () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        // Who handed in what, tracked from the accepted events themselves, not from the state.
        const handedIn: { selfCheck?: string; rectification?: string; extension?: string; materials: Map<string, string> } = { materials: new Map() };
        run(steps, ({ pre, request, events, accepted, action }) => {
          if (!accepted) return;
          const { actor } = request;
          if (UNIT_ROLES.includes(actor.role)) {
            const ownOrLead = actor.unitCode === pre.unitCode || (action === 'ADD_COMMENT' && actor.unitCode === pre.leadUnitCode);
            expect(ownOrLead).toBe(true);
          }
          for (const event of events) {
            switch (event.type) {
              case 'SelfCheckSubmitted':
                handedIn.selfCheck = actor.userId;
                break;
              case 'SelfCheckConfirmed':
              case 'SelfCheckReturned':
                expect(actor.userId).not.toBe(handedIn.selfCheck);
                break;
              case 'RectificationSubmitted':
                handedIn.rectification = actor.userId;
                break;
              case 'RectificationApproved':
              case 'RectificationReturned':
                expect(actor.userId).not.toBe(handedIn.rectification);
                break;
              case 'ExtensionRequested':
                handedIn.extension = actor.userId;
                break;
              case 'ExtensionApproved':
              case 'ExtensionRefused':
                expect(actor.userId).not.toBe(handedIn.extension);
                break;
              case 'ArchiveMaterialSubmitted':
                handedIn.materials.set(event.data.materialCode, actor.userId);
                break;
              case 'ArchiveMaterialAccepted':
              case 'ArchiveMaterialReturned':
                expect(actor.userId).not.toBe(handedIn.materials.get(event.data.materialCode));
                break;
              default:
                break;
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('the stage only moves along the lifecycle, by the action that makes that move', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, ({ pre, post, action }) => {
          if (pre.stage === post.stage) return;
          const move = `${pre.stage}->${post.stage}`;
          seen.add(move);
          expect(ALLOWED_MOVES).toContain(move);
          if (pre.stage === 'SELF_CHECK') {
            expect(action).toBe('CONFIRM_SELF_CHECK');
            expect(post.stage).toBe(stageAfterClassification(pre.classification as (typeof CLASSIFICATIONS)[number]));
          } else {
            // The legacy whole-package commands replay as the per-material ones.
            expect(MOVED_BY[move]).toContain(action === 'ACCEPT_ARCHIVE' ? 'ACCEPT_ARCHIVE_MATERIAL' : action);
          }
        });
      }),
      { numRuns: RUNS },
    );
    // The generator reaches the far end of the lifecycle, or the property above says little.
    const stagesReached = new Set<Stage>([...seen].map((m) => m.split('->')[1] as Stage));
    expect(stagesReached.size).toBeGreaterThanOrEqual(4);
  });

  itReplays('decide', stepsArb, run, evolve, initialState(TASK_INPUT), RUNS);
});
