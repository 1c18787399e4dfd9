// Idempotency keys for lifecycle actions. A client that cannot tell whether its action arrived (the answer timed
// out, the API process died, the network dropped) sends it again with the same `Idempotency-Key` header, to this
// or another API instance, and the action takes effect once:
//
// - The key becomes the Temporal Update's id. Temporal runs an Update id once per workflow run: a retry while the
//   first is still in flight waits for it, a retry after it finished gets its outcome.
// - A workflow that has since completed (the last action archived the task) answers no more Updates; the event
//   store then says whether the action took effect: its events carry the Update id as their causation id.
// - The key is remembered per person with the request it stood for (operation, target, input), so that the same
//   key sent with a different request is refused (IDEMPOTENCY_KEY_REUSED) rather than answered with another
//   request's outcome. Keys are kept for KEY_TTL_HOURS; after that the same key starts a new request, and the
//   periodic cleanup (src/audit/retention.service.ts) deletes it.
//
// Requests without the header are unchanged: each is a new action.
import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { errorBody } from '../errors/http-limits';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** What a key may be: a UUID, or any printable token a client makes, 8 to 128 characters. */
const KEY_PATTERN = /^[A-Za-z0-9._:~+/=-]{8,128}$/;
export const KEY_TTL_HOURS = 24;

const storage = new AsyncLocalStorage<{ key: string }>();

/** The Idempotency-Key of the request being handled, or null. */
export function currentIdempotencyKey(): string | null {
  return storage.getStore()?.key ?? null;
}

/** Runs `fn` as a request that carries the idempotency key `key` (for tests and non-HTTP callers). */
export function withIdempotencyKey<T>(key: string, fn: () => T): T {
  return storage.run({ key }, fn);
}

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface HttpResponse {
  status(code: number): { json(body: unknown): void };
}

/** Express middleware for /graphql: a well-formed key travels with the request; a malformed one is refused. */
export function idempotencyKeyMiddleware(req: HttpRequest, res: HttpResponse, next: () => void): void {
  const given = req.headers[IDEMPOTENCY_KEY_HEADER];
  if (given === undefined) return next();
  if (typeof given !== 'string' || !KEY_PATTERN.test(given)) {
    res.status(400).json(errorBody('BAD_USER_INPUT', 'Idempotency-Key 格式不正确：应为 8 到 128 个字母、数字或 . _ : ~ + / = - 组成的字符串（例如一个 UUID），且只能有一个'));
    return;
  }
  withIdempotencyKey(given, next);
}

/** The same value, whatever the order its object keys were written in. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The Temporal Update id of a person's key: the same on every retry, to any API instance. */
const updateIdOf = (userId: string, key: string) => `idem-${sha256(`${userId}\n${key}`).slice(0, 40)}`;

export interface IdempotentAction {
  /** The id to send the Temporal Update with. */
  updateId: string;
  /** The action already took effect: its events are in the stream. */
  done: boolean;
}

@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  /**
   * For an action on `streamId` (the workflow's id, which is also its event stream's id), when the request carries
   * an Idempotency-Key: the Update id that makes a retry the same Update, and whether it already took effect.
   * Null when the request carries no key. Throws IDEMPOTENCY_KEY_REUSED when the key stood for another request.
   */
  async claim(userId: string, streamId: string, operation: string, input: unknown): Promise<IdempotentAction | null> {
    const key = currentIdempotencyKey();
    if (key === null) return null;
    const requestHash = sha256(canonical({ operation, streamId, input }));
    // An expired key is taken over by the new request; a live one is left as it is.
    if (!(await this.keys.claimKey(userId, key, requestHash, streamId, KEY_TTL_HOURS))) {
      const existing = await this.keys.requestHash(userId, key);
      if (existing !== undefined && existing !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个不同的操作；重试时请发送与第一次完全相同的请求，新的操作请使用新的 Idempotency-Key');
      }
    }
    const updateId = updateIdOf(userId, key);
    const done = await this.applied(streamId, updateId);
    return { updateId, done };
  }

  /**
   * Whether the request's key already took effect on `streamId`. A service asks before refusing an action by the
   * rules on the state it read: the retry of an action that took effect finds the state moved on by that very
   * action, and must get its outcome from claim() (or IDEMPOTENCY_KEY_REUSED there), not a refusal.
   */
  async tookEffect(userId: string, streamId: string): Promise<boolean> {
    const key = currentIdempotencyKey();
    if (key === null) return false;
    return (await this.keys.streamOf(userId, key)) === streamId && (await this.applied(streamId, updateIdOf(userId, key)));
  }

  private applied(streamId: string, updateId: string): Promise<boolean> {
    return this.keys.hasEventCausedBy(streamId, updateId);
  }
}
