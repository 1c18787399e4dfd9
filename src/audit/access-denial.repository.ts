// The table of denied attempts: written one request at a time, read newest first by id.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../app/app.tokens';
import type { Db } from '../database/database';

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

@Injectable()
export class AccessDenialRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** Writes the records in one statement; the login is read from `users` as it is now. */
  async insert(records: AccessDenialRecord[]): Promise<void> {
    if (records.length === 0) return;
    const ids = [...new Set(records.map((r) => r.userId).filter((id): id is string => id !== null))];
    const logins = new Map<string, string>();
    if (ids.length > 0) {
      for (const row of await this.db.selectFrom('users').select(['id', 'login']).where('id', 'in', ids).execute()) logins.set(row.id, row.login);
    }
    await this.db
      .insertInto('access_denials')
      .values(
        records.map((r) => ({
          user_id: r.userId,
          login: r.userId === null ? null : (logins.get(r.userId) ?? null),
          role: r.role,
          unit_code: r.unitCode,
          operation_type: r.operationType,
          operation_name: r.operationName,
          path: r.path,
          code: r.code,
          message: r.message,
          ip: r.ip,
          request_id: r.requestId,
        })),
      )
      .execute();
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
