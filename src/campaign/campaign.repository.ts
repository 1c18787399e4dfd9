import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { DomainError } from '../platform/errors/domain-error';
import { withDefaults } from '../../workflows/indicator-task/indicator-task.policy';
import type { TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';

export interface CampaignView {
  id: string;
  name: string;
  inspectionDate: string;
  timeZone: string;
  policy: TaskPolicy;
}

@Injectable()
export class CampaignRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async list(): Promise<CampaignView[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select(['id', 'name', 'time_zone', 'policy', (eb) => eb.cast<string>('inspection_date', 'text').as('inspection_date')])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      inspectionDate: r.inspection_date,
      timeZone: r.time_zone,
      policy: shownPolicy(r.policy as Partial<TaskPolicy> | null),
    }));
  }

  /** Every campaign with what its clock needs (campaign-clock.starter.ts), by id. */
  async clockCampaigns(): Promise<{ id: string; timeZone: string; inspectionDate: string }[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select(['id', 'time_zone', (eb) => eb.cast<string>('inspection_date', 'text').as('inspection_date')])
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, timeZone: row.time_zone, inspectionDate: row.inspection_date }));
  }

  async updatePolicy(campaignId: string, policy: TaskPolicy): Promise<void> {
    await savePolicy(this.db, campaignId, policy);
  }

  /** The campaign's policy as stored (JSON, null when never set), undefined when there is no such campaign. */
  async storedPolicy(campaignId: string): Promise<unknown> {
    const row = await this.db.selectFrom('campaigns').select('policy').where('id', '=', campaignId).executeTakeFirst();
    return row?.policy;
  }

  async find(id: string | null | undefined): Promise<CampaignView | null> {
    const all = await this.list();
    return (id ? all.find((c) => c.id === id) : all[0]) ?? null;
  }

  /** The campaign `id`, or without one the newest; NOT_FOUND, in one wording for every caller, when there is none. */
  async require(id: string | null | undefined): Promise<CampaignView> {
    const campaign = await this.find(id);
    if (!campaign) throw new DomainError('NOT_FOUND', id ? `创文活动「${id}」不存在` : '还没有创文活动', 'campaignId');
    return campaign;
  }
}

export async function savePolicy(db: Db, campaignId: string, policy: TaskPolicy): Promise<void> {
  await db.updateTable('campaigns').set({ policy: JSON.stringify(policy) }).where('id', '=', campaignId).execute();
}

/** The policy as the API shows it: a policy from before working days counts calendar days. */
function shownPolicy(stored: Partial<TaskPolicy> | null): TaskPolicy {
  const policy = withDefaults(stored);
  return { ...policy, dayCounting: policy.dayCounting ?? 'CALENDAR' };
}

/** The rules of time new tasks of the campaign start with. */
export async function campaignPolicy(db: Db, campaignId: string): Promise<TaskPolicy> {
  const row = await db.selectFrom('campaigns').select('policy').where('id', '=', campaignId).executeTakeFirst();
  return withDefaults(row?.policy as Partial<TaskPolicy> | null | undefined);
}

/** Whole days from today (in the campaign's time zone) to the inspection date: the 倒计时. */
export function daysUntil(date: string, timeZone: string, now: Date = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
