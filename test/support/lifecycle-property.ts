// One decided request of a lifecycle property test (test/unit/*.decide-evolve.property.spec.ts): spoil the plausible
// command as the step says, ask the lifecycle's decide function, prove it did not throw or touch the state it was
// given, fold what it accepted, and check that a refusal carries a code and a Chinese message.
import fc from 'fast-check';
import type { EventMeta } from '../../workflows/shared/decision.types';
import { ROLES, type Actor, type Role } from '../../workflows/shared/actor.types';

const CHINESE = /[\u4e00-\u9fff]/;

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** What a step does to the request besides its command: garbage in it, and the version it expects. */
export interface RequestShape {
  r: number;
  garbage: { key: number; value: unknown; whole: boolean } | null;
  version: 'none' | 'right' | 'wrong';
}

type Decision<E> = { ok: true; events: E[] } | { ok: false; rejection: { code: string; message: string } };

export interface Decided<S, R, E> {
  pre: S;
  post: S;
  request: R;
  /** The command's action, or a name for garbage that has none (never calling its toString). */
  action: string;
  accepted: boolean;
  events: E[];
}

export function decideStep<S extends { version: number }, A, R, E>(
  lifecycle: {
    name: string;
    decide: (state: S, request: R, now: string) => Decision<E>;
    evolve: (state: S, event: E, meta: { actorId: string; at: string }) => S;
  },
  state: S,
  actor: A & { userId: string },
  plausibleCommand: Record<string, unknown>,
  step: RequestShape,
  now: string,
  record: (event: E, meta: { actorId: string; at: string }) => void,
): Decided<S, R, E> {
  let command: unknown = plausibleCommand;
  if (step.garbage) {
    if (step.garbage.whole) command = step.garbage.value;
    else {
      const keys = Object.keys(plausibleCommand);
      plausibleCommand[keys[step.garbage.key % keys.length]] = step.garbage.value;
    }
  }
  const expectedVersion = step.version === 'none' ? undefined : step.version === 'right' ? state.version : state.version + 1 + (step.r % 3);
  const request = { command, actor, expectedVersion } as R;
  const pre = deepFreeze(state);
  const snapshot = JSON.stringify(pre);
  let decision: Decision<E>;
  try {
    decision = lifecycle.decide(pre, request, now);
  } catch (error) {
    throw new Error(`${lifecycle.name} threw on ${JSON.stringify({ command, actor, expectedVersion })}: ${String(error)}`, { cause: error });
  }
  expect(JSON.stringify(pre)).toBe(snapshot);
  let post = pre;
  if (decision.ok) {
    const meta = { actorId: actor.userId, at: now };
    for (const event of decision.events) {
      post = lifecycle.evolve(post, event, meta);
      record(event, meta);
    }
  } else {
    expect(decision.rejection.code).toMatch(/^(ILLEGAL_TRANSITION|FORBIDDEN|BAD_USER_INPUT|CONFLICT)$/);
    expect(decision.rejection.message).toMatch(CHINESE);
  }
  const raw = command && typeof command === 'object' ? (command as { action?: unknown }).action : command;
  const action = typeof raw === 'string' ? raw : Object.prototype.toString.call(raw);
  return { pre, post, request, action, accepted: decision.ok, events: decision.ok ? decision.events : [] };
}

// ---------------------------------------------------------------------------------------------------------
// What both lifecycle property specs generate and assert alike.

/** Few user ids, so that the same person turns up under several roles (a person whose role changed). */
export function actorArb(unitCodes: readonly string[]): fc.Arbitrary<Actor> {
  return fc
    .record({ user: fc.integer({ min: 1, max: 4 }), role: fc.constantFrom(...ROLES), unit: fc.constantFrom<string | null>(...unitCodes, null) })
    .map(({ user, role, unit }) => ({ userId: `user:${user}`, displayName: `用户${user}`, role, unitCode: unit }));
}

/** Everyone who might act: each role under two user ids; unit roles in each unit. */
export function everyone(unitCodes: readonly string[], unitRoles: readonly Role[]): Actor[] {
  return ROLES.flatMap((role) =>
    (unitRoles.includes(role) ? unitCodes : [null]).flatMap((unitCode) => [1, 2].map((u) => ({ userId: `user:${u}`, displayName: `用户${u}`, role, unitCode }))),
  );
}

/** The step's request shape: mostly no garbage; otherwise one field (or the whole command) replaced by it; and the version it expects. */
export function requestShapeArb(garbageArb: fc.Arbitrary<unknown>): fc.Arbitrary<Omit<RequestShape, 'r'>> {
  return fc.record({
    garbage: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ key: fc.nat(), value: garbageArb, whole: fc.integer({ min: 0, max: 3 }).map((n) => n === 0) }) },
    ),
    version: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'right' as const, 'right' as const, 'wrong' as const),
  });
}

interface LifecycleRun<S, E> {
  state: S;
  log: { event: E; meta: EventMeta }[];
}

/** Decide never throws (decideStep checks the refusals and the untouched state); a refusal records nothing, an acceptance grows the version by its events. */
export function itDecidesSafely<S extends { version: number }, E, Step>(
  decideName: string,
  stepsArb: fc.Arbitrary<Step[]>,
  run: (steps: Step[], observe?: (o: Pick<Decided<S, unknown, E>, 'pre' | 'post' | 'accepted' | 'events'>) => void) => LifecycleRun<S, E>,
  numRuns: number,
): void {
  it(`${decideName} never throws; refusals carry a code and a Chinese message; nothing mutates the state it is given`, () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps);
      }),
      { numRuns },
    );
  });

  it('a refusal records nothing and leaves the state; an acceptance grows the version by exactly its events', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        run(steps, ({ pre, post, accepted, events }) => {
          if (!accepted) {
            expect(events).toEqual([]);
            expect(post).toBe(pre);
          } else {
            expect(events.length).toBeGreaterThan(0);
            expect(post.version).toBe(pre.version + events.length);
          }
        });
      }),
      { numRuns },
    );
  });
}

/** Replaying the recorded events from `initial` gives the fold's state, and running the same steps again records the same. */
export function itReplays<S extends { version: number }, E, Step>(
  decideName: string,
  stepsArb: fc.Arbitrary<Step[]>,
  run: (steps: Step[]) => LifecycleRun<S, E>,
  evolve: (state: S, event: E, meta: EventMeta) => S,
  initial: S,
  numRuns: number,
): void {
  it(`replaying the recorded events from the start gives the same state as the fold (and ${decideName} is deterministic)`, () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const first = run(steps);
        const replayed = first.log.reduce((s, { event, meta }) => evolve(s, event, meta), initial);
        expect(replayed).toEqual(first.state);
        expect(replayed.version).toBe(first.log.length);
        const second = run(steps);
        expect(second.log).toEqual(first.log);
        expect(second.state).toEqual(first.state);
      }),
      { numRuns },
    );
  });
}
