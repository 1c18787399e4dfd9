// The load of a fault test: indicator tasks driven through their 9-action lifecycle via GraphQL, C at a time, by
// clients that behave as a careful client must when the system fails under it. A failed attempt (network error,
// HTTP 5xx, a coded UNAVAILABLE or internal error, no answer in time) is retried with backoff, on the next API when
// there are several. Retries can never apply a step twice, in one of two ways:
// - with expectedVersion (the version the client saw): as an attempt that failed may still have been applied, the
//   client first reads the card, and a card already at the step's version means the step is done; a retry refused
//   as CONFLICT or ILLEGAL_TRANSITION after such an attempt waits for the card to show the step;
// - with an Idempotency-Key (one per step, the same on every retry): the retry is simply sent again, and must be
//   answered with the step's outcome; a refusal of it fails the load.
// Anything else — a refusal of a first attempt, an unexpected answer, a step not done by the deadline — fails it.
import { randomUUID } from 'node:crypto';
import { STEPS, login, stepInput, stepMutation, type BenchTask, type Step } from '../../../bench/support/lifecycle';

/** Codes that mean "try again later": the system could not do it now. */
const RETRYABLE_CODES = new Set(['UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);
/** Codes a retry gets when an earlier attempt of the same step was applied after all. */
const ALREADY_MOVED_CODES = new Set(['CONFLICT', 'ILLEGAL_TRANSITION']);
const ATTEMPT_TIMEOUT_MS = 60_000;

/** What one failed attempt looked like, as the client saw it. */
export interface FailedAttempt {
  at: number;
  api: string;
  what: string;
  kind: 'network' | 'timeout' | 'http' | 'graphql';
  httpStatus: number | null;
  code: string | null;
  message: string;
  ms: number;
  /** The raw body, to check that no server insides (a stack trace) reached the client. */
  body: string;
}

export interface Answer<T> {
  ok: boolean;
  data: T | null;
  failure: FailedAttempt | null;
}

export interface LoadOptions {
  /** The APIs' base URLs; a client moves on to the next one after a network failure. */
  apis: () => readonly string[];
  tasks: readonly BenchTask[];
  concurrency: number;
  /** The whole load must be done by then (ms since the epoch). */
  deadline: number;
  /** Send the `Idempotency-Key` header (one key per step, the same on every retry) instead of expectedVersion. */
  idempotencyKeys?: boolean;
  /** Only the first so many steps of the lifecycle (all by default). */
  steps?: number;
  /** Throws when the load cannot succeed any more (a process died): checked before every attempt. */
  check?: () => void;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GraphQL request; any failure comes back as a FailedAttempt, never as an exception. */
export async function graphql<T>(api: string, who: string, query: string, variables: Record<string, unknown>, what: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const started = Date.now();
  const failed = (kind: FailedAttempt['kind'], httpStatus: number | null, code: string | null, message: string, body = ''): Answer<T> => ({
    ok: false,
    data: null,
    failure: { at: started, api, what, kind, httpStatus, code, message, ms: Date.now() - started, body },
  });
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': who, ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (err) {
    const timedOut = (err as Error)?.name === 'TimeoutError';
    return failed(timedOut ? 'timeout' : 'network', null, null, String((err as Error)?.cause ?? err));
  }
  let body: { data?: Record<string, T> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return failed('http', res.status, null, `HTTP ${res.status}, not JSON`, text);
  }
  const error = body.errors?.[0];
  if (error) return failed(res.status >= 500 ? 'http' : 'graphql', res.status, error.extensions?.code ?? null, error.message, text);
  if (!res.ok || !body.data) return failed('http', res.status, null, `HTTP ${res.status}`, text);
  return { ok: true, data: Object.values(body.data)[0] ?? null, failure: null };
}

export class LifecycleLoad {
  /** Steps done (applied once, whether the answer reached the client or a later read showed it). */
  done = 0;
  readonly total: number;
  private readonly steps: number;
  /** Every failed attempt, in order. */
  readonly failures: FailedAttempt[] = [];
  /** Steps found applied after a failed attempt (recognised as done rather than sent again). */
  recognised = 0;
  /** Steps answered with their outcome on a retry after a failed attempt. */
  answeredOnRetry = 0;
  retries = 0;
  /** Requests sent and not yet answered, per API. */
  private readonly pending = new Map<string, number>();
  private failure: unknown = null;
  /** No lane starts a step once this fraction of all steps is done (see holdAt). */
  private holdFraction = Infinity;

  constructor(private readonly options: LoadOptions) {
    this.steps = options.steps ?? STEPS.length;
    this.total = options.tasks.length * this.steps;
  }

  /** Drives every task through its lifecycle; rejects on the first task that cannot be driven. */
  async run(): Promise<void> {
    let next = 0;
    const lane = async (laneIndex: number) => {
      let api = laneIndex;
      while (this.failure === null && next < this.options.tasks.length) {
        const task = this.options.tasks[next++];
        for (let i = 0; i < this.steps && this.failure === null; i++) {
          try {
            await this.held();
            api = await this.step(task, i, api);
          } catch (err) {
            this.failure ??= err;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, this.options.tasks.length) }, (_, i) => lane(i)));
    if (this.failure !== null) throw this.failure;
  }

  /** Starts run() in the background; its rejection is marked handled until the test awaits the promise returned. */
  start(): Promise<void> {
    const running = this.run();
    running.catch(() => undefined);
    return running;
  }

  /**
   * Lanes start no new step once `fraction` of all steps are done, until release() (steps under way go on). A
   * scenario that kills a process at 30% and again at 60% holds at, say, 50% while the first one's replacement
   * starts: however slowly it starts on a loaded machine, the load has not finished before the second kill.
   */
  holdAt(fraction: number): void {
    this.holdFraction = fraction;
  }

  release(): void {
    this.holdFraction = Infinity;
  }

  private async held(): Promise<void> {
    while (this.failure === null && this.done >= this.holdFraction * this.total) await sleep(20);
  }

  /** Resolves once `fraction` of all steps are done (or the load failed or ended). */
  async progress(fraction: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.done < fraction * this.total) {
      if (this.failure !== null) throw this.failure;
      if (Date.now() > deadline) throw new Error(`load stuck at ${this.done}/${this.total} steps`);
      await sleep(20);
    }
  }

  /** How many requests to `api` are waiting for their answer now. */
  inFlight(api: string): number {
    return this.pending.get(api) ?? 0;
  }

  private async send<T>(api: string, who: string, query: string, variables: Record<string, unknown>, what: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    this.pending.set(api, this.inFlight(api) + 1);
    try {
      return await graphql<T>(api, who, query, variables, what, headers);
    } finally {
      this.pending.set(api, this.inFlight(api) - 1);
    }
  }

  private api(index: number): string {
    const apis = this.options.apis();
    return apis[index % apis.length];
  }

  /** One step of one task, until it is done; returns the API index the lane should go on with. */
  private async step(task: BenchTask, index: number, apiIndex: number): Promise<number> {
    const step: Step = STEPS[index];
    const version = index + 2;
    const what = `${step.mutation} on ${task.taskId}`;
    const input = stepInput(step, task);
    const key = randomUUID();
    const headers: Record<string, string> = this.options.idempotencyKeys ? { 'idempotency-key': key } : {};
    const variables = { input: this.options.idempotencyKeys ? input : { ...input, expectedVersion: version - 1 } };
    let uncertain = false;
    let lastFailure: FailedAttempt | null = null;
    for (let attempt = 0; ; attempt++) {
      this.options.check?.();
      if (Date.now() > this.options.deadline) {
        throw new Error(`${what}: not done by the deadline after ${attempt} attempts; last failure: ${JSON.stringify(lastFailure)}`);
      }
      if (attempt > 0) {
        this.retries += 1;
        await sleep(Math.min(3_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
      }
      const api = this.api(apiIndex);
      if (uncertain && !this.options.idempotencyKeys) {
        // An earlier attempt may have been applied: look before sending it again.
        const card = await this.send<{ stage: string; version: number }>(api, 'office', 'query($id: String!) { indicatorTask(id: $id) { stage version } }', { id: task.taskId }, `read ${task.taskId}`);
        if (card.failure) {
          this.failures.push(card.failure);
          if (card.failure.kind === 'network' || card.failure.kind === 'timeout') apiIndex += 1;
          continue;
        }
        if (card.data!.version >= version) {
          this.recognised += 1;
          this.done += 1;
          return apiIndex;
        }
      }
      const answer = await this.send<{ stage: string; version: number }>(api, login(step.who, task), stepMutation(step), variables, what, headers);
      if (answer.ok) {
        const card = answer.data!;
        if (card.stage !== step.stage || card.version !== version) {
          throw new Error(`${what}: expected stage ${step.stage} version ${version}, got ${JSON.stringify(card)}`);
        }
        if (uncertain) this.answeredOnRetry += 1;
        this.done += 1;
        return apiIndex;
      }
      const failure = answer.failure!;
      this.failures.push(failure);
      lastFailure = failure;
      if (failure.kind === 'graphql' && failure.code !== null && ALREADY_MOVED_CODES.has(failure.code)) {
        if (!uncertain) throw new Error(`${what}: refused on its first attempt: ${failure.code} ${failure.message}`);
        if (this.options.idempotencyKeys) throw new Error(`${what}: a retry with the same Idempotency-Key was refused instead of answered: ${failure.code} ${failure.message}`);
        continue;
      }
      if (failure.kind === 'graphql' && !(failure.code !== null && RETRYABLE_CODES.has(failure.code))) {
        throw new Error(`${what}: refused: ${failure.code} ${failure.message}`);
      }
      uncertain = true;
      if (failure.kind === 'network' || failure.kind === 'timeout') apiIndex += 1;
    }
  }
}
