// The register of notice numbers (issue 16): a notice takes the next number of its kind and year once; asked again
// (a retried or replayed activity) it gets the same one. Numbers are taken under a lock per kind and year, so they
// have no gaps and are never given twice; the register is not a projection and nothing rebuilds or clears it.
import { sql } from 'kysely';
import type { Db } from '../platform/database/database';
import { noticeNumber } from '../../workflows/official-notice/official-notice.labels';
import type { NoticeKind } from '../../workflows/official-notice/official-notice.types';

export interface AllocatedNumber {
  seq: number;
  number: string;
}

export class NoticeNumberRepository {
  constructor(private readonly db: Db) {}

  async allocate(noticeId: string, kind: NoticeKind, year: number): Promise<AllocatedNumber> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`official-notice-number:${kind}:${year}`}, 0))`.execute(trx);
      const given = await trx.selectFrom('official_notice_numbers').select(['seq', 'number']).where('notice_id', '=', noticeId).executeTakeFirst();
      if (given) return given;
      const { last } = await trx
        .selectFrom('official_notice_numbers')
        .select(sql<number>`coalesce(max(seq), 0)::int`.as('last'))
        .where('kind', '=', kind)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const seq = last + 1;
      const number = noticeNumber(kind, year, seq);
      await trx.insertInto('official_notice_numbers').values({ kind, year, seq, notice_id: noticeId, number }).execute();
      return { seq, number };
    });
  }
}
