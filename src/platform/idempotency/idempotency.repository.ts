// The only place SQL about idempotency keys lives: a person's key with the request it stood for, and whether an
// action's events (their causation id) are in its stream. idempotency.service.ts says what they mean.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../core/app.tokens';
import type { Db } from '../database/database';

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /**
   * Records the person's key for this request, or takes over the key when it is older than `ttlHours`; a live key
   * is left as it is. True when the key is now this request's.
   */
  async claimKey(userId: string, key: string, requestHash: string, streamId: string, ttlHours: number): Promise<boolean> {
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key, request_hash: requestHash, stream_id: streamId })
      .onConflict((oc) =>
        oc.columns(['user_id', 'key']).doUpdateSet({ request_hash: requestHash, stream_id: streamId, created_at: sql`now()` }).where(
          'idempotency_keys.created_at',
          '<',
          sql<Date>`now() - make_interval(hours => ${ttlHours})`,
        ),
      )
      .returning('request_hash')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** The hash of the request the person's key stands for, if the key is known. */
  async requestHash(userId: string, key: string): Promise<string | undefined> {
    const existing = await this.db.selectFrom('idempotency_keys').select('request_hash').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    return existing?.request_hash;
  }

  /** The stream the person's key was used on, if the key is known. */
  async streamOf(userId: string, key: string): Promise<string | undefined> {
    const known = await this.db.selectFrom('idempotency_keys').select('stream_id').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    return known?.stream_id;
  }

  /** Whether an event of `streamId` carries `causationId`. */
  async hasEventCausedBy(streamId: string, causationId: string): Promise<boolean> {
    const event = await this.db
      .selectFrom('events')
      .select('position')
      .where('stream_id', '=', streamId)
      .where(sql<string>`metadata->>'causationId'`, '=', causationId)
      .limit(1)
      .executeTakeFirst();
    return event !== undefined;
  }
}
