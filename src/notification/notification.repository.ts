// All of the inbox's SQL: a person's notifications, newest first, by keyset; the unread count; marking read.
// Every query is bounded by the recipient's login, so no one reads or marks another person's rows.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { NotificationsTable } from '../platform/database/database.types';
import { afterSql, orderedBy, sortValuesSql } from '../platform/database/keyset';
import type { Ordering, SortValue } from '../platform/graphql/cursor';

export type NotificationRow = Selectable<NotificationsTable>;

/** Newest first; served by the index notifications_inbox (migration 0022). */
export const INBOX_ORDERING: Ordering = {
  name: 'notifications/NEWEST',
  direction: 'desc',
  keys: [
    { sql: 'created_at', type: 'timestamptz' },
    { sql: 'id', type: 'text' },
  ],
};

@Injectable()
export class NotificationRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The login of a person, or null when there is no such person (a service account, a removed user). */
  async loginOf(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirst();
    return row?.login ?? null;
  }

  async page(login: string, unreadOnly: boolean, position: readonly SortValue[] | null, limit: number) {
    let query = this.db.selectFrom('notifications').selectAll().select(sortValuesSql(INBOX_ORDERING).as('sort_values')).where('recipient_login', '=', login);
    if (unreadOnly) query = query.where('read_at', 'is', null);
    if (position !== null) query = query.where(afterSql(INBOX_ORDERING, position));
    return orderedBy(query, INBOX_ORDERING).limit(limit).execute();
  }

  async unreadCount(login: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('recipient_login', '=', login)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async findForRecipient(id: string, login: string): Promise<NotificationRow | null> {
    const row = await this.db.selectFrom('notifications').selectAll().where('id', '=', id).where('recipient_login', '=', login).executeTakeFirst();
    return row ?? null;
  }

  /** Marks the person's unread ones among `ids` (all when `ids` is null) read; how many were. */
  async markRead(login: string, ids: readonly string[] | null): Promise<number> {
    if (ids !== null && ids.length === 0) return 0;
    let query = this.db.updateTable('notifications').set({ read_at: sql`now()` }).where('recipient_login', '=', login).where('read_at', 'is', null);
    if (ids !== null) query = query.where('id', 'in', [...ids]);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
