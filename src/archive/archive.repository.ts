// All of the archive's SQL: the library documents and packages (projections), and what a package is built from —
// the catalog, units, people, the campaign's task cards with their archive materials, the accepted documents.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { LibraryDocumentState, LibraryState } from '../../workflows/archive-library/archive-library.types';
import type { ArchivePackageState } from '../../workflows/archive-package/archive-package.types';
import type { ArchiveMaterialState } from '../../workflows/indicator-task/indicator-task.types';

export interface DocumentView {
  id: string;
  campaignId: string;
  unitCode: string | null;
  state: LibraryDocumentState;
}

export interface PackageView {
  id: string;
  campaignId: string;
  state: ArchivePackageState;
}

/** A task of the campaign as the package needs it. */
export interface PackageTaskRow {
  taskId: string;
  indicatorCode: string;
  unitCode: string;
  stage: string;
  archive: ArchiveMaterialState[] | null;
}

@Injectable()
export class ArchiveRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async document(id: string): Promise<DocumentView | null> {
    const row = await this.db.selectFrom('archive_documents').select(['document_id', 'campaign_id', 'unit_code', 'state_json']).where('document_id', '=', id).executeTakeFirst();
    return row ? { id: row.document_id, campaignId: row.campaign_id, unitCode: row.unit_code, state: row.state_json as unknown as LibraryDocumentState } : null;
  }

  async documentBySource(source: string): Promise<DocumentView | null> {
    const row = await this.db.selectFrom('archive_documents').select(['document_id', 'campaign_id', 'unit_code', 'state_json']).where('source', '=', source).executeTakeFirst();
    return row ? { id: row.document_id, campaignId: row.campaign_id, unitCode: row.unit_code, state: row.state_json as unknown as LibraryDocumentState } : null;
  }

  /** The campaign's documents, newest first; `unitCode` set: that unit's only. */
  async documents(filter: { campaignId: string; unitCode: string | null; state: LibraryState | null; limit: number }): Promise<DocumentView[]> {
    let query = this.db.selectFrom('archive_documents').select(['document_id', 'campaign_id', 'unit_code', 'state_json']).where('campaign_id', '=', filter.campaignId);
    if (filter.unitCode !== null) query = query.where('unit_code', '=', filter.unitCode);
    if (filter.state !== null) query = query.where('state', '=', filter.state);
    const rows = await query.orderBy('submitted_at', 'desc').orderBy('document_id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({ id: row.document_id, campaignId: row.campaign_id, unitCode: row.unit_code, state: row.state_json as unknown as LibraryDocumentState }));
  }

  /** Every accepted document of the campaign, in the order they were handed in. */
  async acceptedDocuments(campaignId: string): Promise<LibraryDocumentState[]> {
    const rows = await this.db.selectFrom('archive_documents').select('state_json').where('campaign_id', '=', campaignId).where('state', '=', 'ACCEPTED').orderBy('submitted_at').orderBy('document_id').execute();
    return rows.map((r) => r.state_json as unknown as LibraryDocumentState);
  }

  async package(id: string): Promise<PackageView | null> {
    const row = await this.db.selectFrom('archive_packages').select(['package_id', 'campaign_id', 'state_json']).where('package_id', '=', id).executeTakeFirst();
    return row ? { id: row.package_id, campaignId: row.campaign_id, state: row.state_json as unknown as ArchivePackageState } : null;
  }

  async packages(campaignId: string, limit: number): Promise<PackageView[]> {
    const rows = await this.db.selectFrom('archive_packages').select(['package_id', 'campaign_id', 'state_json']).where('campaign_id', '=', campaignId).orderBy('requested_at', 'desc').orderBy('package_id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ id: row.package_id, campaignId: row.campaign_id, state: row.state_json as unknown as ArchivePackageState }));
  }

  async campaignName(campaignId: string): Promise<string | null> {
    const row = await this.db.selectFrom('campaigns').select('name').where('id', '=', campaignId).executeTakeFirst();
    return row?.name ?? null;
  }

  /** The catalog's 测评项目 and 指标 with these codes (either kind). */
  async catalogCodes(codes: readonly string[]): Promise<{ items: Map<string, string>; indicators: Map<string, { name: string; itemCode: string }> }> {
    if (codes.length === 0) return { items: new Map(), indicators: new Map() };
    const [items, indicators] = await Promise.all([
      this.db.selectFrom('assessment_items').select(['code', 'name']).where('code', 'in', [...codes]).execute(),
      this.db.selectFrom('indicators').select(['code', 'name', 'item_code']).where('code', 'in', [...codes]).execute(),
    ]);
    return { items: new Map(items.map((i) => [i.code, i.name])), indicators: new Map(indicators.map((i) => [i.code, { name: i.name, itemCode: i.item_code }])) };
  }

  /** The whole catalog: 测评项目, 指标, and the materials each 指标 requires. */
  async catalog(): Promise<{ items: Map<string, string>; indicators: Map<string, { name: string; itemCode: string }>; materials: Map<string, string[]> }> {
    const [items, indicators, materials] = await Promise.all([
      this.db.selectFrom('assessment_items').select(['code', 'name']).execute(),
      this.db.selectFrom('indicators').select(['code', 'name', 'item_code']).execute(),
      this.db.selectFrom('archive_materials').select(['indicator_code', 'name']).orderBy('indicator_code').orderBy('position').execute(),
    ]);
    const byIndicator = new Map<string, string[]>();
    for (const m of materials) byIndicator.set(m.indicator_code, [...(byIndicator.get(m.indicator_code) ?? []), m.name]);
    return { items: new Map(items.map((i) => [i.code, i.name])), indicators: new Map(indicators.map((i) => [i.code, { name: i.name, itemCode: i.item_code }])), materials: byIndicator };
  }

  async units(codes?: readonly string[]): Promise<Map<string, string>> {
    if (codes && codes.length === 0) return new Map();
    let query = this.db.selectFrom('units').select(['code', 'name']);
    if (codes) query = query.where('code', 'in', [...codes]);
    return new Map((await query.execute()).map((u) => [u.code, u.name]));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((u) => [u.id, u.display_name]));
  }

  /** The campaign's tasks with their archive, by indicator and unit. */
  async tasks(campaignId: string): Promise<PackageTaskRow[]> {
    const rows = await this.db
      .selectFrom('indicator_task_cards')
      .select(['task_id', 'indicator_code', 'unit_code', 'stage', 'state'])
      .where('campaign_id', '=', campaignId)
      .orderBy('indicator_code')
      .orderBy('unit_code')
      .orderBy('task_id')
      .execute();
    return rows.map((r) => ({
      taskId: r.task_id,
      indicatorCode: r.indicator_code,
      unitCode: r.unit_code,
      stage: r.stage,
      archive: ((r.state as { archive?: ArchiveMaterialState[] | null }).archive ?? null),
    }));
  }
}
