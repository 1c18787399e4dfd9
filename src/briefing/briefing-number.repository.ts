// The register of briefing numbers (issue 19): a briefing takes the next number of its kind and year once; asked
// again (a retried or replayed activity) it gets the same one. Numbers are taken under a lock per kind and year, so
// they have no gaps and are never given twice; the register is not a projection and nothing rebuilds or clears it.
import { sql } from 'kysely';
import type { Db } from '../platform/database/database';
import { briefingNumber } from '../../workflows/briefing/briefing.labels';
import type { BriefingKind } from '../../workflows/briefing/briefing.types';

export interface AllocatedBriefingNumber {
  seq: number;
  number: string;
}

export class BriefingNumberRepository {
  constructor(private readonly db: Db) {}

  async allocate(briefingId: string, kind: BriefingKind, year: number): Promise<AllocatedBriefingNumber> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`briefing-number:${kind}:${year}`}, 0))`.execute(trx);
      const given = await trx.selectFrom('briefing_numbers').select(['seq', 'number']).where('briefing_id', '=', briefingId).executeTakeFirst();
      if (given) return given;
      const { last } = await trx
        .selectFrom('briefing_numbers')
        .select(sql<number>`coalesce(max(seq), 0)::int`.as('last'))
        .where('kind', '=', kind)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const seq = last + 1;
      const number = briefingNumber(kind, year, seq);
      await trx.insertInto('briefing_numbers').values({ kind, year, seq, briefing_id: briefingId, number }).execute();
      return { seq, number };
    });
  }

  /** The names of units (for the PDF the worker renders), by code. */
  async unitNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((u) => [u.code, u.name]));
  }
}
