import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../app/app.tokens';
import type { Db } from '../database/database';

export interface CampaignView {
  id: string;
  name: string;
  inspectionDate: string;
  timeZone: string;
}

@Injectable()
export class CampaignRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async list(): Promise<CampaignView[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select(['id', 'name', 'time_zone', (eb) => eb.cast<string>('inspection_date', 'text').as('inspection_date')])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, inspectionDate: r.inspection_date, timeZone: r.time_zone }));
  }

  async find(id: string | null | undefined): Promise<CampaignView | null> {
    const all = await this.list();
    return (id ? all.find((c) => c.id === id) : all[0]) ?? null;
  }
}

/** Whole days from today (in the campaign's time zone) to the inspection date: the 倒计时. */
export function daysUntil(date: string, timeZone: string, now: Date = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
