// The only place SQL about the campaign's clock lives: its projection row, its events, the archive facts the
// gate needs, and the units visits and meetings refer to.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { readStream } from '../platform/event-store/event-store.repository';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import type { ArchiveFacts, CampaignState, LeadScope } from '../../workflows/campaign/campaign.types';
import { stateFromCampaignRow } from './campaign-state.projection';

export interface UnitRef {
  code: string;
  name: string;
  kind: string;
}

/** A task a lead unit leads, as its meeting form offers it. */
export interface LedTask {
  taskId: string;
  indicatorCode: string;
  indicatorName: string;
  unitCode: string;
  stage: string;
}

/** What a lead unit's meeting may name: the tasks it leads and their responsible units (itself among them). */
export function leadScopeOf(unitCode: string, tasks: readonly LedTask[]): LeadScope {
  if (tasks.length === 0) return { taskIds: [], unitCodes: [] };
  return { taskIds: tasks.map((t) => t.taskId), unitCodes: [...new Set([unitCode, ...tasks.map((t) => t.unitCode)])] };
}

@Injectable()
export class CampaignClockRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The clock's projection row; null while the campaign's workflow has recorded nothing yet. */
  async clock(campaignId: string): Promise<CampaignState | null> {
    const row = await this.db.selectFrom('campaign_states').select('state').where('stream_id', '=', campaignWorkflowId(campaignId)).executeTakeFirst();
    return row ? stateFromCampaignRow(row) : null;
  }

  /** The archive as the board's cards have it: the facts the gate before the inspection decides on. */
  async archiveFacts(campaignId: string): Promise<ArchiveFacts> {
    const row = await this.db
      .selectFrom('indicator_task_cards')
      .select([sql<number>`count(*)::int`.as('tasks'), sql<number>`count(*) filter (where stage = 'ARCHIVED')::int`.as('archived')])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return { tasks: row.tasks, archived: row.archived };
  }

  /** Events of the campaign's stream, oldest first; only those of `types` when given. */
  async events(campaignId: string, types?: readonly string[]): Promise<HistoryEvent[]> {
    return readStream(this.db, campaignWorkflowId(campaignId), types);
  }

  /** The tasks of the campaign whose lead unit is `unitCode` (牵头单位), by indicator and unit. */
  async ledTasks(campaignId: string, unitCode: string): Promise<LedTask[]> {
    const rows = await this.db
      .selectFrom('indicator_task_cards as t')
      .innerJoin('indicators as i', 'i.code', 't.indicator_code')
      .select(['t.task_id', 't.indicator_code', 'i.name', 't.unit_code', 't.stage'])
      .where('t.campaign_id', '=', campaignId)
      .where('t.lead_unit_code', '=', unitCode)
      .orderBy(sql`t.indicator_code collate "C"`)
      .orderBy(sql`t.unit_code collate "C"`)
      .execute();
    return rows.map((r) => ({ taskId: r.task_id, indicatorCode: r.indicator_code, indicatorName: r.name, unitCode: r.unit_code, stage: r.stage }));
  }

  async units(codes: readonly string[]): Promise<Map<string, UnitRef>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.selectFrom('units').select(['code', 'name', 'kind']).where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }
}
