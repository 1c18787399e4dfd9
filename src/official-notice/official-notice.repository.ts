// All of the official notices' SQL for the API: the notices projection, the templates the office uploaded, and what a
// notice's document says of its task or item (the cards, names, the stream's events).
import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { OfficialNoticesTable } from '../platform/database/database.types';
import type { NoticeKind, OfficialNoticeState } from '../../workflows/official-notice/official-notice.types';

export interface NoticeView {
  id: string;
  campaignId: string;
  unitCode: string;
  state: OfficialNoticeState;
}

function toView(row: Pick<Selectable<OfficialNoticesTable>, 'notice_id' | 'campaign_id' | 'unit_code' | 'state_json'>): NoticeView {
  return { id: row.notice_id, campaignId: row.campaign_id, unitCode: row.unit_code, state: row.state_json as unknown as OfficialNoticeState };
}

const COLUMNS = ['notice_id', 'campaign_id', 'unit_code', 'state_json'] as const;

/** What a notice needs to know of its task or item. */
export interface NoticeSubjectRow {
  id: string;
  campaignId: string;
  unitCode: string | null;
  indicatorCode: string | null;
  description: string | null;
  dueAt: Date | null;
}

@Injectable()
export class OfficialNoticeRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async find(noticeId: string): Promise<NoticeView | null> {
    const row = await this.db.selectFrom('official_notices').select(COLUMNS).where('notice_id', '=', noticeId).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** The notices of these tasks or items (by stream id), oldest first. */
  async bySubjects(column: 'task_id' | 'item_id', ids: readonly string[]): Promise<Map<string, NoticeView[]>> {
    const found = new Map<string, NoticeView[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return found;
    const rows = await this.db.selectFrom('official_notices').select([...COLUMNS, column]).where(column, 'in', [...ids]).orderBy('issued_at').orderBy('notice_id').execute();
    for (const row of rows) found.get(row[column] as string)?.push(toView(row));
    return found;
  }

  async list(filter: { campaignId: string; unitCode: string | null; unacknowledgedOnly: boolean; limit: number }): Promise<NoticeView[]> {
    let query = this.db.selectFrom('official_notices').select(COLUMNS).where('campaign_id', '=', filter.campaignId);
    if (filter.unitCode !== null) query = query.where('unit_code', '=', filter.unitCode);
    if (filter.unacknowledgedOnly) query = query.where('state', '=', 'ISSUED');
    const rows = await query.orderBy('issued_at', 'desc').orderBy('notice_id', 'desc').limit(filter.limit).execute();
    return rows.map(toView);
  }

  async task(taskId: string): Promise<NoticeSubjectRow | null> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['task_id', 'campaign_id', 'unit_code', 'indicator_code', 'stage_due_at', 'due_at']).where('task_id', '=', taskId).executeTakeFirst();
    return row ? { id: row.task_id, campaignId: row.campaign_id, unitCode: row.unit_code, indicatorCode: row.indicator_code, description: null, dueAt: row.stage_due_at ?? row.due_at } : null;
  }

  async item(itemId: string): Promise<NoticeSubjectRow | null> {
    const row = await this.db.selectFrom('rectification_item_cards').select(['item_id', 'campaign_id', 'unit_code', 'criterion_code', 'due_at', 'state_json']).where('item_id', '=', itemId).executeTakeFirst();
    if (!row) return null;
    const description = typeof row.state_json.description === 'string' ? row.state_json.description : '';
    return { id: row.item_id, campaignId: row.campaign_id, unitCode: row.unit_code, indicatorCode: row.criterion_code, description, dueAt: row.due_at };
  }

  async indicatorName(code: string): Promise<string | null> {
    return (await this.db.selectFrom('indicators').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null;
  }

  async units(codes: readonly string[]): Promise<Map<string, { code: string; name: string }>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** The last `limit` events of a stream, oldest first: the history a notice summarises. */
  async lastEvents(streamId: string, limit: number): Promise<{ type: string; data: Record<string, unknown>; occurredAt: Date }[]> {
    const rows = await this.db.selectFrom('events').select(['type', 'data', 'occurred_at']).where('stream_id', '=', streamId).orderBy('stream_version', 'desc').limit(limit).execute();
    return rows.reverse().map((r) => ({ type: r.type, data: r.data, occurredAt: r.occurred_at }));
  }

  async template(kind: NoticeKind): Promise<{ fileName: string; content: Buffer; uploadedAt: Date } | null> {
    const row = await this.db.selectFrom('official_notice_templates').select(['file_name', 'content', 'uploaded_at']).where('kind', '=', kind).executeTakeFirst();
    return row ? { fileName: row.file_name, content: row.content, uploadedAt: row.uploaded_at } : null;
  }

  async templates(): Promise<Map<string, { fileName: string; uploadedAt: Date }>> {
    const rows = await this.db.selectFrom('official_notice_templates').select(['kind', 'file_name', 'uploaded_at']).execute();
    return new Map(rows.map((r) => [r.kind, { fileName: r.file_name, uploadedAt: r.uploaded_at }]));
  }

  async saveTemplate(kind: NoticeKind, fileName: string, content: Buffer, uploadedBy: string): Promise<void> {
    await this.db
      .insertInto('official_notice_templates')
      .values({ kind, file_name: fileName, content, uploaded_by: uploadedBy, uploaded_at: new Date() })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ file_name: fileName, content, uploaded_by: uploadedBy, uploaded_at: new Date() }))
      .execute();
  }

  async deleteTemplate(kind: NoticeKind): Promise<void> {
    await this.db.deleteFrom('official_notice_templates').where('kind', '=', kind).execute();
  }
}
