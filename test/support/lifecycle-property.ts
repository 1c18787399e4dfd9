// One decided request of a lifecycle property test (test/unit/*.decide-evolve.property.spec.ts): spoil the plausible
// command as the step says, ask the lifecycle's decide function, prove it did not throw or touch the state it was
// given, fold what it accepted, and check that a refusal carries a code and a Chinese message.
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
