// The only place SQL of the demo seeding lives: its units, users and campaign in one transaction, the breakdown it
// counts as imported, and the marker that says the seeding is complete. Each row is inserted once.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import { taskAssignmentRow, type TaskAssignment } from '../task-breakdown/task-breakdown.repository';
import type { DemoUser } from './demo-organisation';

@Injectable()
export class DemoDataRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The units, the users (each with `passwordHash`) and the campaign, in one transaction; rows already there stay. */
  async insertReferenceRows(
    units: readonly { code: string; name: string; kind: string }[],
    users: readonly DemoUser[],
    passwordHash: string,
    campaign: { id: string; name: string; inspectionDate: string; timeZone: string },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('units').values(units.map((u) => ({ ...u }))).onConflict((oc) => oc.doNothing()).execute();
      await trx
        .insertInto('users')
        .values(users.map((u) => ({ id: `user:${u.login}`, login: u.login, display_name: u.displayName, role: u.role, unit_code: u.unitCode, password_hash: passwordHash })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .insertInto('campaigns')
        .values({ id: campaign.id, name: campaign.name, inspection_date: campaign.inspectionDate, time_zone: campaign.timeZone })
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
  }

  /** Whether the setting `key` exists. */
  async hasSetting(key: string): Promise<boolean> {
    const marker = await this.db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
    return marker !== undefined;
  }

  /** Whether the database holds a campaign other than `campaignId`. */
  async hasCampaignOtherThan(campaignId: string): Promise<boolean> {
    const others = await this.db.selectFrom('campaigns').select('id').where('id', '!=', campaignId).executeTakeFirst();
    return others !== undefined;
  }

  /** The breakdown rows of the tasks; rows already there stay. */
  async insertAssignments(assignments: readonly TaskAssignment[]): Promise<void> {
    await this.db
      .insertInto('task_assignments')
      .values(assignments.map(taskAssignmentRow))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Writes the setting `key` unless it exists. */
  async insertSetting(key: string, value: unknown): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** The demo office's working-day overrides (工作日调整), unless the office has any already. */
  async insertWorkingDayOverrides(overrides: readonly { date: string; workday: boolean; note: string }[]): Promise<void> {
    const any = await this.db.selectFrom('working_day_overrides').select('day').limit(1).executeTakeFirst();
    if (any || overrides.length === 0) return;
    const at = new Date();
    await this.db
      .insertInto('working_day_overrides')
      .values(overrides.map((o) => ({ day: o.date, is_workday: o.workday, note: o.note, imported_by: 'office', imported_at: at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
