// The office's working-day overrides in PostgreSQL: read whole (a few dozen rows a year), replaced whole.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { OverrideRow } from './working-day-overrides.parser';

export interface StoredOverride extends OverrideRow {
  importedBy: string;
  importedAt: Date;
}

/** Every override, by date (what the calendar and the addWorkingDays activity read). */
export async function loadOverrides(db: Db): Promise<StoredOverride[]> {
  const rows = await db
    .selectFrom('working_day_overrides')
    .select([(eb) => eb.cast<string>('day', 'text').as('day'), 'is_workday', 'note', 'imported_by', 'imported_at'])
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ date: r.day, workday: r.is_workday, note: r.note, importedBy: r.imported_by, importedAt: r.imported_at }));
}

@Injectable()
export class WorkingDaysRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  list(): Promise<StoredOverride[]> {
    return loadOverrides(this.db);
  }

  async loginOf(userId: string): Promise<string> {
    const user = await this.db.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirst();
    return user?.login ?? userId;
  }

  /**
   * Replaces the whole list in one transaction, under a lock so that two imports at once apply one after the
   * other; `decide` sees the current list and says whether to write.
   */
  async replacing<T>(decide: (current: StoredOverride[]) => { result: T; write: OverrideRow[] | null }, importedBy: string): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('working_day_overrides'))`.execute(trx);
      const { result, write } = decide(await loadOverrides(trx));
      if (write) {
        await trx.deleteFrom('working_day_overrides').execute();
        const at = new Date();
        // Chunks keep each statement's parameters far below PostgreSQL's limit.
        for (let i = 0; i < write.length; i += 500) {
          const chunk = write.slice(i, i + 500).map((o) => ({ day: o.date, is_workday: o.workday, note: o.note, imported_by: importedBy, imported_at: at }));
          await trx.insertInto('working_day_overrides').values(chunk).execute();
        }
      }
      return result;
    });
  }
}
