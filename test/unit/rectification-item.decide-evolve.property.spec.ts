// Property-based tests of the rectification-item lifecycle (fast-check): random people of random roles and
// units send random requests, plausible or garbage, to an item, and its timers fire now and then; the requests
// are decided and folded, and the rules below must hold whatever happens. Seeds are random; a failure prints
// fast-check's seed and path, which replay it.
import fc from 'fast-check';
import { actorArb as anyActorArb, decideStep, everyone, itDecidesSafely, itReplays, requestShapeArb } from '../support/lifecycle-property';
import type { RectificationItemEvent } from '../../workflows/rectification-item/rectification-item.events';
import { ITEM_ACTIONS, type ItemAction, type ItemActionRequest, ITEM_SOURCES, ITEM_STATES, type RectificationItemState } from '../../workflows/rectification-item/rectification-item.types';
import { allowedItemActions, checkItem, decideItem, ITEM_SIDE_ACTIONS } from '../../workflows/rectification-item/rectification-item.decide';
import { evolveItem, initialItemState } from '../../workflows/rectification-item/rectification-item.evolve';
import type { EventMeta } from '../../workflows/shared/decision.types';
import { itemTimerEvent, nextItemTimer } from '../../workflows/rectification-item/rectification-item.schedule';
import type { Actor, Role } from '../../workflows/shared/actor.types';

const UNIT_CODES = ['WTSQ', 'BJSQ', 'XCB'] as const;
const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const REPORTED_AT = '2026-11-30T00:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PHOTO = { sha256: 'c'.repeat(64), name: '整改后.jpg', size: 100, mimeType: 'image/jpeg' };
const INITIAL: RectificationItemState = {
  ...initialItemState({ itemId: 'rectification-item:c:1', campaignId: 'c' }, REPORTED_AT),
  area: 'SANITATION',
  location: { address: '外滩路12号', latitude: null, longitude: null },
  description: '垃圾满溢',
  reportedBy: 'user:1',
};

/**
 * The item's moves, from the glossary (上报 → 派单 → 整改中 → 待复核 → 退回/已复核 → 巩固复查 → 销号) and the
 * issue's extras (a unit may ask to have a wrongly dispatched item taken back; a failed re-check reopens it),
 * each with the one action (or, for the re-check falling due, the timer) that makes it.
 */
const MOVES: Record<string, string> = {
  'REPORTED->DISPATCHED': 'DISPATCH',
  'DISPATCHED->RECTIFYING': 'START_RECTIFICATION',
  'RECTIFYING->SUBMITTED': 'SUBMIT_RECTIFICATION',
  'RETURNED->SUBMITTED': 'SUBMIT_RECTIFICATION',
  'SUBMITTED->VERIFIED': 'VERIFY',
  'SUBMITTED->RETURNED': 'RETURN',
  'VERIFIED->RECHECK': 'TIMER',
  'RECHECK->CLOSED': 'RECORD_RECHECK',
  'RECHECK->RECTIFYING': 'RECORD_RECHECK',
  'DISPATCHED->REPORTED': 'APPROVE_DISPATCH_RETURN',
  'RECTIFYING->REPORTED': 'APPROVE_DISPATCH_RETURN',
};

// ---------------------------------------------------------------------------------------------------------
// Generators

const actorArb = anyActorArb(UNIT_CODES);

const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('已清理完毕', '  整改中  ', '不是本单位辖区', 'ok') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\n', 'x'.repeat(2001), '😀'.repeat(2001), '😀'.repeat(2000)) },
);

const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -1, 0, 1e308, '', ' ', 'not-a-date', '+275760-09-13T00:00:00.001Z', [], {}, [null], [{}], true, '=CMD()'),
  fc.anything(),
);

interface ActStep {
  kind: 'act';
  guided: boolean;
  pick: number;
  actor: Actor;
  action: ItemAction;
  r: number;
  text: string;
  garbage: { key: number; value: unknown; whole: boolean } | null;
  version: 'none' | 'right' | 'wrong';
  advance: number;
}
interface TickStep {
  kind: 'tick';
  advance: number;
}
type Step = ActStep | TickStep;

const stepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.record({
            kind: fc.constant('act' as const),
            guided: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
            pick: fc.nat(),
            actor: actorArb,
            action: fc.constantFrom(...ITEM_ACTIONS),
            r: fc.nat(),
            text: textArb,
            advance: fc.integer({ min: 0, max: 2 * DAY }),
          }),
          requestShapeArb(garbageArb),
        )
        .map(([step, shape]): ActStep => ({ ...step, ...shape })),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), advance: fc.integer({ min: 0, max: 20 * DAY }) }) },
  ),
  { minLength: 1, maxLength: 50, size: 'max' },
);

function plausible(state: RectificationItemState, action: ItemAction, r: number, text: string, now: string): Record<string, unknown> {
  const at = Date.parse(now);
  switch (action) {
    case 'DISPATCH':
      return { action, unitCode: UNIT_CODES[r % UNIT_CODES.length], ...(r % 2 === 0 ? { dueAt: new Date(at + (1 + (r % 10)) * DAY).toISOString() } : {}), note: text };
    case 'START_RECTIFICATION':
    case 'VERIFY':
    case 'APPROVE_EXTENSION':
    case 'APPROVE_DISPATCH_RETURN':
      return r % 2 === 0 ? { action } : { action, note: text };
    case 'SUBMIT_RECTIFICATION':
      return { action, note: text, photos: Array.from({ length: r % 3 === 0 ? 0 : 1 + (r % 4) }, () => PHOTO) };
    case 'RETURN':
    case 'REFUSE_EXTENSION':
    case 'REQUEST_DISPATCH_RETURN':
    case 'REFUSE_DISPATCH_RETURN':
      return { action, reason: text };
    case 'RECORD_RECHECK':
      return { action, passed: r % 3 !== 0, note: text };
    case 'REQUEST_EXTENSION': {
      const from = Math.max(at, state.dueAt ? Date.parse(state.dueAt) : at);
      return { action, requestedDueAt: new Date(from + (1 + (r % 20)) * DAY).toISOString(), reason: text };
    }
    case 'REPORT_DUPLICATE':
      return {
        action,
        source: ITEM_SOURCES[r % ITEM_SOURCES.length],
        description: text,
        photos: r % 2 === 0 ? [] : [PHOTO],
        location: r % 3 === 0 ? { address: '外滩路12号', latitude: 31.24, longitude: 121.49 } : { address: '外滩路12号' },
      };
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return { action, unitCode: r % 5 === 0 ? UNIT_CODES[r % UNIT_CODES.length] : state.unitCode, login: ['li.si', 'zhang.san', ' ', 'x'.repeat(65)][r % 4], name: text };
  }
}

/** Everyone who might act: each role under two user ids; unit roles in each unit. */
const EVERYONE: Actor[] = everyone(UNIT_CODES, UNIT_ROLES);

// ---------------------------------------------------------------------------------------------------------
// The fold

interface Recorded {
  event: RectificationItemEvent;
  meta: EventMeta;
}
interface Observation {
  pre: RectificationItemState;
  post: RectificationItemState;
  request: ItemActionRequest;
  action: string;
  accepted: boolean;
  events: RectificationItemEvent[];
}

function run(steps: readonly Step[], observe: (o: Observation) => void = () => undefined, onTimer: (pre: RectificationItemState, post: RectificationItemState) => void = () => undefined) {
  let state = INITIAL;
  const log: Recorded[] = [];
  let now = Date.parse(REPORTED_AT);
  for (const step of steps) {
    now += step.advance;
    const nowIso = new Date(now).toISOString();
    if (step.kind === 'tick') {
      const timer = nextItemTimer(state, nowIso);
      if (timer) {
        now = Math.max(now, Date.parse(timer.at));
        const meta = { actorId: 'system', at: new Date(now).toISOString() };
        const event = itemTimerEvent(state, timer);
        const next = evolveItem(state, event, meta);
        expect(next.version).toBe(state.version + 1);
        onTimer(state, next);
        log.push({ event, meta });
        state = next;
      }
      continue;
    }
    let { actor, action } = step;
    if (step.guided) {
      const actions = [...new Set(EVERYONE.flatMap((a) => allowedItemActions(state, a)))];
      if (actions.length > 0) {
        action = actions[step.pick % actions.length];
        const actors = EVERYONE.filter((a) => allowedItemActions(state, a).includes(action));
        actor = actors[Math.floor(step.pick / actions.length) % actors.length];
      }
    }
    const decided = decideStep<RectificationItemState, Actor, ItemActionRequest, RectificationItemEvent>({ name: 'decideItem', decide: decideItem, evolve: evolveItem }, state, actor, plausible(state, action, step.r, step.text, nowIso), step, nowIso, (event, meta) =>
      log.push({ event, meta }),
    );
    observe(decided);
    const { post } = decided;
    state = post;
  }
  return { state, log };
}

const RUNS = 100;

describe('rectification-item lifecycle: properties over random histories', () => {
  itDecidesSafely('decideItem', stepsArb, run, RUNS);

  it('allowedItemActions is exactly what checkItem lets through (duplicates aside), and decideItem agrees with checkItem', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, ({ pre, request, action, accepted }) => {
          for (const actor of [...EVERYONE, request.actor]) {
            expect(allowedItemActions(pre, actor)).toEqual(ITEM_ACTIONS.filter((a) => !ITEM_SIDE_ACTIONS.includes(a) && checkItem(pre, actor, a) === null));
          }
          if (!(ITEM_ACTIONS as readonly string[]).includes(action)) return;
          if (accepted && !ITEM_SIDE_ACTIONS.includes(action as ItemAction)) expect(allowedItemActions(pre, request.actor)).toContain(action);
          if (request.expectedVersion == null || request.expectedVersion === pre.version) {
            const refused = checkItem(pre, request.actor, action as ItemAction);
            if (refused) expect(decideItem(pre, request, REPORTED_AT)).toEqual({ ok: false, rejection: refused });
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('a unit never acts on an item dispatched to another unit, and no one decides on what they asked for or handed in', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const asked: { submission?: string; extension?: string; dispatchReturn?: string } = {};
        run(steps, ({ pre, request, events, accepted }) => {
          if (!accepted) return;
          const { actor } = request;
          // A unit's own report of the same place (属地上报, a lead unit's decision) is the one thing a unit does to an
          // item not dispatched to it; the API holds it to the unit's own area or what it leads.
          const unitReport = request.command.action === 'REPORT_DUPLICATE' && ['LOCAL_REPORT', 'LEAD_UNIT_MEETING'].includes(request.command.source);
          if (UNIT_ROLES.includes(actor.role) && !unitReport) {
            expect(pre.unitCode).not.toBeNull();
            expect(actor.unitCode).toBe(pre.unitCode);
          }
          for (const event of events) {
            switch (event.type) {
              case 'ItemSubmitted':
                asked.submission = actor.userId;
                break;
              case 'ItemVerified':
              case 'ItemReturned':
                expect(actor.userId).not.toBe(asked.submission);
                break;
              case 'ItemExtensionRequested':
                asked.extension = actor.userId;
                break;
              case 'ItemExtensionApproved':
              case 'ItemExtensionRefused':
                expect(actor.userId).not.toBe(asked.extension);
                break;
              case 'ItemDispatchReturnRequested':
                asked.dispatchReturn = actor.userId;
                break;
              case 'ItemDispatchReturnApproved':
              case 'ItemDispatchReturnRefused':
                expect(actor.userId).not.toBe(asked.dispatchReturn);
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

  it('the state only moves along the lifecycle, by the action (or timer) that makes that move', () => {
    // Every state of the glossary is the end of some move, and every move starts from one of them.
    for (const move of Object.keys(MOVES)) for (const s of move.split('->')) expect(ITEM_STATES).toContain(s);
    const seen = new Set<string>();
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(
          steps,
          ({ pre, post, action }) => {
            if (pre.state === post.state) return;
            const move = `${pre.state}->${post.state}`;
            seen.add(move);
            expect(MOVES[move]).toBe(action);
          },
          (pre, post) => {
            if (pre.state === post.state) return;
            const move = `${pre.state}->${post.state}`;
            seen.add(move);
            expect(MOVES[move]).toBe('TIMER');
          },
        );
      }),
      { numRuns: RUNS },
    );
    // The generator gets far enough for the property to say something.
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  itReplays('decideItem', stepsArb, run, evolveItem, INITIAL, RUNS);
});
