// The table of denied attempts: at most one row per request, read newest first by id.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';

export interface AccessDenialRecord {
  userId: string | null;
  role: string | null;
  unitCode: string | null;
  operationType: string | null;
  operationName: string | null;
  path: string | null;
  code: string;
  message: string;
  ip: string | null;
  requestId: string | null;
}

/** Unidentified refusals written one by one per address, kind and minute; the rest are counted in one row. */
export const ANONYMOUS_ROWS_PER_MINUTE = 10;

@Injectable()
export class AccessDenialRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /**
   * Writes one request's refusal; the login is read from `users` as it is now. A refusal of a caller nobody could
   * identify is written on its own only while its address has had fewer than `anonymousPerMinute` such rows of the
   * same kind (query, mutation, subscription, http) this minute; beyond that it only adds one to that minute's
   * summary row, so that a flood of unauthenticated requests writes a bounded number of rows.
   */
  async insert(record: AccessDenialRecord, anonymousPerMinute = ANONYMOUS_ROWS_PER_MINUTE): Promise<void> {
    const row = {
      user_id: record.userId,
      role: record.role,
      unit_code: record.unitCode,
      operation_type: record.operationType,
      operation_name: record.operationName,
      path: record.path,
      code: record.code,
      message: record.message,
      ip: record.ip,
      request_id: record.requestId,
    };
    if (record.userId !== null) {
      const user = await this.db.selectFrom('users').select('login').where('id', '=', record.userId).executeTakeFirst();
      await this.db.insertInto('access_denials').values({ ...row, login: user?.login ?? null }).execute();
      return;
    }
    const ip = record.ip ?? 'unknown';
    await this.db.transaction().execute(async (trx) => {
      // One writer per address at a time, on every API instance: the count below cannot be raced past.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`access-denials\n${ip}`}, 0))`.execute(trx);
      const minute = sql<string>`floor(extract(epoch from now()) / 60)::bigint`;
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from access_denials
        where user_id is null and ip = ${ip} and operation_type is not distinct from ${record.operationType} and anonymous_minute is null
          and occurred_at >= to_timestamp(${minute} * 60)`.execute(trx);
      if (rows[0].n < anonymousPerMinute) {
        await trx.insertInto('access_denials').values({ ...row, ip, login: null }).execute();
        return;
      }
      await sql`
        insert into access_denials (user_id, login, role, unit_code, operation_type, operation_name, path, code, message, ip, request_id, anonymous_minute, repeats)
        values (null, null, null, null, ${record.operationType}, ${record.operationName}, ${record.path}, ${record.code}, ${record.message}, ${ip}, ${record.requestId}, ${minute}, 1)
        on conflict (ip, coalesce(operation_type, ''), anonymous_minute) where anonymous_minute is not null
        do update set repeats = access_denials.repeats + 1`.execute(trx);
    });
  }

  /** Up to `limit` records older than `before` (an id) and not older than `since`, newest first. */
  /** A page of the record, newest first, with the name of the service account for its refusals. */
  async page(limit: number, before: string | null, since: Date | null) {
    let query = this.db
      .selectFrom('access_denials as d')
      .leftJoin('service_accounts as s', (join) => join.on(sql`'service:' || s.id::text`, '=', sql.ref('d.user_id')))
      .selectAll('d')
      .select('s.name as service_account')
      .orderBy('d.id', 'desc')
      .limit(limit);
    if (before !== null) query = query.where('d.id', '<', before);
    if (since !== null) query = query.where('d.occurred_at', '>=', since);
    return query.execute();
  }
}
