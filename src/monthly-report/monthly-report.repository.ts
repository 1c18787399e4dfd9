// The only place SQL about monthly reports lives: the facts a report is built from (the board's cards, the
// rectification items, the month's escalation and re-check events, the campaign's clock) and the stored reports.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { stateFromCardRow } from '../platform/projections/indicator-task-card.projection';
import { AREA_LABELS } from '../catalog/catalog.types';
import { monthBounds } from '../../workflows/campaign/campaign.calendar';
import { campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import type { CadenceResult } from '../../workflows/campaign/campaign.types';
import { stateFromCampaignRow } from '../campaign-clock/campaign-state.projection';
import type { MonthlyReportContent, ReportEvent, ReportFacts } from './monthly-report.builder';

/** Events of the month that a report counts. */
const TASK_EVENT_TYPES = ['DeadlineEscalated', 'RecheckRecorded'];
const ITEM_EVENT_TYPES = ['DeadlineEscalated', 'ItemRecheckRecorded'];

export interface StoredMonthlyReport {
  campaignId: string;
  month: string;
  generatedAt: Date;
  content: MonthlyReportContent;
  workflowId: string | null;
}

@Injectable()
export class MonthlyReportRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** Everything a report of `month` needs, read now; null when the campaign does not exist. */
  async facts(campaignId: string, month: string, cadence: CadenceResult | null, now: Date = new Date()): Promise<ReportFacts | null> {
    return readReportFacts(this.db, campaignId, month, cadence, now);
  }

  async save(report: StoredMonthlyReport): Promise<void> {
    await saveMonthlyReport(this.db, report);
  }

  async find(campaignId: string, month: string): Promise<StoredMonthlyReport | null> {
    const row = await this.db.selectFrom('monthly_reports').selectAll().where('campaign_id', '=', campaignId).where('month', '=', month).executeTakeFirst();
    return row ? { campaignId: row.campaign_id, month: row.month, generatedAt: row.generated_at, content: row.content as unknown as MonthlyReportContent, workflowId: row.workflow_id } : null;
  }

  /** The campaign's reports, newest month first, without their content. */
  async list(campaignId: string): Promise<{ month: string; generatedAt: Date }[]> {
    const rows = await this.db.selectFrom('monthly_reports').select(['month', 'generated_at']).where('campaign_id', '=', campaignId).orderBy('month', 'desc').execute();
    return rows.map((r) => ({ month: r.month, generatedAt: r.generated_at }));
  }
}

export async function saveMonthlyReport(db: Db, report: StoredMonthlyReport): Promise<void> {
  await db
    .insertInto('monthly_reports')
    .values({
      campaign_id: report.campaignId,
      month: report.month,
      generated_at: report.generatedAt,
      content: JSON.stringify(report.content),
      workflow_id: report.workflowId,
    })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'month']).doUpdateSet((eb) => ({
        generated_at: eb.ref('excluded.generated_at'),
        content: eb.ref('excluded.content'),
        workflow_id: eb.ref('excluded.workflow_id'),
      })),
    )
    .execute();
}

export async function readReportFacts(db: Db, campaignId: string, month: string, cadence: CadenceResult | null, now: Date): Promise<ReportFacts | null> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['id', 'name', 'time_zone', (eb) => eb.cast<string>('inspection_date', 'text').as('inspection_date')])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) return null;
  const period = monthBounds(month, campaign.time_zone);

  const clockRow = await db.selectFrom('campaign_states').select('state').where('stream_id', '=', campaignWorkflowId(campaignId)).executeTakeFirst();

  const cardRows = await db
    .selectFrom('indicator_task_cards as c')
    .leftJoin('indicators as i', 'i.code', 'c.indicator_code')
    .leftJoin('assessment_items as ai', 'ai.code', 'i.item_code')
    .leftJoin('units as u', 'u.code', 'c.unit_code')
    .select(['c.task_id', 'c.indicator_code', 'c.unit_code', 'c.state', 'i.name as indicator_name', 'i.item_code', 'ai.name as item_name', 'u.name as unit_name'])
    .where('c.campaign_id', '=', campaignId)
    .orderBy('c.task_id')
    .execute();

  const units = await db.selectFrom('units').select(['code', 'name']).orderBy('code').execute();

  const itemRows = await db
    .selectFrom('rectification_item_cards')
    .select(['item_id', 'state', 'area', 'unit_code', 'due_at', 'escalation_level', 'relapse_count'])
    .where('campaign_id', '=', campaignId)
    .orderBy('item_id')
    .execute();

  // The month's events of this campaign's tasks (found through their cards) and items (through theirs).
  const { rows: eventRows } = await sql<{ stream_id: string; kind: 'TASK' | 'ITEM'; type: string; data: Record<string, unknown>; occurred_at: Date }>`
    select e.stream_id, 'TASK' as kind, e.type, e.data, e.occurred_at
      from events e join indicator_task_cards c on c.task_id = e.stream_id
     where c.campaign_id = ${campaignId} and e.type = any(${TASK_EVENT_TYPES})
       and e.occurred_at >= ${period.from} and e.occurred_at < ${period.to}
    union all
    select e.stream_id, 'ITEM' as kind, e.type, e.data, e.occurred_at
      from events e join rectification_item_cards r on r.item_id = e.stream_id
     where r.campaign_id = ${campaignId} and e.type = any(${ITEM_EVENT_TYPES})
       and e.occurred_at >= ${period.from} and e.occurred_at < ${period.to}
     order by occurred_at, stream_id`.execute(db);

  const events: ReportEvent[] = eventRows.map((r) => ({ streamId: r.stream_id, kind: r.kind, type: r.type, data: r.data, occurredAt: new Date(r.occurred_at).toISOString() }));

  return {
    campaign: { id: campaign.id, name: campaign.name, inspectionDate: campaign.inspection_date, timeZone: campaign.time_zone },
    month,
    period,
    generatedAt: now.toISOString(),
    clock: clockRow ? stateFromCampaignRow(clockRow) : null,
    cadence,
    cards: cardRows.map((r) => ({
      taskId: r.task_id,
      indicatorCode: r.indicator_code,
      indicatorName: r.indicator_name ?? r.indicator_code,
      itemCode: r.item_code ?? r.indicator_code.charAt(0),
      itemName: r.item_name ?? r.item_code ?? '',
      unitCode: r.unit_code,
      unitName: r.unit_name ?? r.unit_code,
      state: stateFromCardRow(r),
    })),
    units,
    items: itemRows.map((r) => ({
      itemId: r.item_id,
      state: r.state,
      area: r.area,
      unitCode: r.unit_code,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      escalationLevel: r.escalation_level,
      relapseCount: r.relapse_count,
    })),
    events,
    areaLabels: AREA_LABELS,
  };
}
