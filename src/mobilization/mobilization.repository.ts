// All of mobilization's SQL for the API: the documents' and responses' projections, and the units they name.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { MobilizationDocState, MobilizationResponseState } from '../../workflows/mobilization/mobilization.types';

@Injectable()
export class MobilizationRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async document(documentId: string): Promise<MobilizationDocState | null> {
    const row = await this.db.selectFrom('mobilization_documents').select('state_json').where('document_id', '=', documentId).executeTakeFirst();
    return row ? (row.state_json as unknown as MobilizationDocState) : null;
  }

  /** Newest first; `unitCode` keeps those issued to that unit. */
  async documents(campaignId: string, unitCode: string | null, limit: number): Promise<MobilizationDocState[]> {
    let query = this.db.selectFrom('mobilization_documents').select('state_json').where('campaign_id', '=', campaignId);
    if (unitCode !== null) query = query.where(sql<boolean>`unit_codes @> array[${unitCode}]::text[]`);
    const rows = await query.orderBy('issued_at', 'desc').orderBy('document_id', 'desc').limit(limit).execute();
    return rows.map((r) => r.state_json as unknown as MobilizationDocState);
  }

  async response(responseId: string): Promise<MobilizationResponseState | null> {
    const row = await this.db.selectFrom('mobilization_responses').select('state_json').where('response_id', '=', responseId).executeTakeFirst();
    return row ? (row.state_json as unknown as MobilizationResponseState) : null;
  }

  /** The responses of these documents, by document, in unit order; `unitCode` keeps that unit's only. */
  async responses(documentIds: readonly string[], unitCode: string | null): Promise<Map<string, MobilizationResponseState[]>> {
    const found = new Map<string, MobilizationResponseState[]>(documentIds.map((id) => [id, []]));
    if (documentIds.length === 0) return found;
    let query = this.db.selectFrom('mobilization_responses').select(['document_id', 'state_json']).where('document_id', 'in', [...documentIds]);
    if (unitCode !== null) query = query.where('unit_code', '=', unitCode);
    const rows = await query.orderBy('unit_code').execute();
    for (const row of rows) found.get(row.document_id)?.push(row.state_json as unknown as MobilizationResponseState);
    return found;
  }

  /** Every unit's code, in order: "all units". */
  async allUnitCodes(): Promise<string[]> {
    return (await this.db.selectFrom('units').select('code').orderBy('code').execute()).map((r) => r.code);
  }

  async existingUnits(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    return new Set((await this.db.selectFrom('units').select('code').where('code', 'in', [...codes]).execute()).map((r) => r.code));
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string; kind: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }
}
