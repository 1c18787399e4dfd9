// The SQL of the periodic cleanup: deletes, in bounded batches, rows that are past their keeping period, while
// holding a cluster-wide advisory lock so that only one API instance cleans at a time.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';

/** How long each kind of row is kept. */
export interface RetentionPeriods {
  accessDenialsDays: number;
  signInAttemptsDays: number;
  /** After a session expired or was revoked. */
  sessionsDays: number;
  idempotencyKeyHours: number;
  /** Sign-in delays of a login and address nobody tried for this long are forgotten anyway (auth.repository.ts). */
  throttleSeconds: number;
}

export type RetentionCounts = Record<'access_denials' | 'sign_in_attempts' | 'sign_in_throttle' | 'auth_sessions' | 'idempotency_keys', number>;

/** Arbitrary but fixed: the advisory lock every API instance tries before cleaning. */
const CLEANUP_LOCK = 0x63770e14;

@Injectable()
export class RetentionRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /**
   * Deletes what is past its period, `batchSize` rows per statement and at most `maxBatches` statements per table
   * (the next run goes on), on one connection holding the cleanup lock. Null when another instance holds it.
   */
  async clean(periods: RetentionPeriods, batchSize: number, maxBatches: number): Promise<RetentionCounts | null> {
    return this.db.connection().execute(async (conn) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${CLEANUP_LOCK}) as locked`.execute(conn);
      if (!rows[0].locked) return null;
      try {
        const expired: Record<keyof RetentionCounts, RawBuilder<unknown>> = {
          access_denials: sql`occurred_at < now() - make_interval(days => ${periods.accessDenialsDays})`,
          sign_in_attempts: sql`at < now() - make_interval(days => ${periods.signInAttemptsDays})`,
          sign_in_throttle: sql`last_attempt_at < now() - make_interval(secs => ${periods.throttleSeconds})`,
          auth_sessions: sql`(expires_at < now() - make_interval(days => ${periods.sessionsDays}) or revoked_at < now() - make_interval(days => ${periods.sessionsDays}))`,
          idempotency_keys: sql`created_at < now() - make_interval(hours => ${periods.idempotencyKeyHours})`,
        };
        const counts = {} as RetentionCounts;
        for (const table of Object.keys(expired) as (keyof RetentionCounts)[]) {
          counts[table] = 0;
          for (let batch = 0; batch < maxBatches; batch += 1) {
            const result = await sql`
              delete from ${sql.table(table)} where ctid = any(array(select ctid from ${sql.table(table)} where ${expired[table]} limit ${batchSize}))`.execute(conn);
            const deleted = Number(result.numAffectedRows ?? 0);
            counts[table] += deleted;
            if (deleted < batchSize) break;
          }
        }
        return counts;
      } finally {
        await sql`select pg_advisory_unlock(${CLEANUP_LOCK})`.execute(conn);
      }
    });
  }
}
