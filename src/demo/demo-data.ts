// Demo data on first start with an empty database: the illustrative catalog, the invented organisation, one
// campaign, and an indicator-task workflow for every (indicator, responsible unit). Re-running is harmless:
// reference rows are inserted once, workflow ids are business keys, and a marker says when it is complete.
import type { Client } from '@temporalio/client';
import type { Db } from '../database/database';
import { readDemoCatalog, seedDemoCatalog, type DemoCatalogRow } from './demo-catalog';
import { demoPasswordHash } from '../auth/passwords';
import { ensureCampaignClock } from '../campaign/campaign-clock.starter';
import { startIndicatorTasks, type NewIndicatorTask } from '../indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from './demo-organisation';

const MARKER = 'demo_data';
const SYSTEM_ACTOR = { userId: 'system', displayName: '系统（演示数据）', role: 'OFFICE' as const, unitCode: null };

export function demoTasks(catalog: DemoCatalogRow[] = readDemoCatalog()): NewIndicatorTask[] {
  return catalog.flatMap((row) => {
    const { lead, units } = demoAssignment(row.code, row.area);
    return units.map((unitCode) => ({
      campaignId: DEMO_CAMPAIGN.id,
      indicatorCode: row.code,
      unitCode,
      leadUnitCode: lead,
      dueAt: demoDueAt(row.code),
      createdBy: SYSTEM_ACTOR,
    }));
  });
}

/**
 * Inserts the demo's reference data: the catalog first, as version 1 through the catalog's own write path (its
 * own transaction, under the catalog import lock), then units, users and the campaign in one transaction.
 */
export async function insertDemoReferenceData(
  db: Db,
  catalog: DemoCatalogRow[] = readDemoCatalog(),
  campaign: typeof DEMO_CAMPAIGN = DEMO_CAMPAIGN,
): Promise<void> {
  await seedDemoCatalog(db, catalog);
  // Every demo user signs in with the documented demo password (README).
  const passwordHash = await demoPasswordHash();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('units').values(DEMO_UNITS.map((u) => ({ ...u }))).onConflict((oc) => oc.doNothing()).execute();
    await trx
      .insertInto('users')
      .values(DEMO_USERS.map((u) => ({ id: `user:${u.login}`, login: u.login, display_name: u.displayName, role: u.role, unit_code: u.unitCode, password_hash: passwordHash })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('campaigns')
      .values({ id: campaign.id, name: campaign.name, inspection_date: campaign.inspectionDate, time_zone: campaign.timeZone })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}

/**
 * Seeds the demo unless it is complete already or the database holds a real campaign.
 * Returns the number of workflows started now, or null when nothing was to be done.
 */
export async function seedDemoData(db: Db, client: Client, taskQueue: string, log: (line: string) => void): Promise<number | null> {
  const marker = await db.selectFrom('settings').select('key').where('key', '=', MARKER).executeTakeFirst();
  if (marker) return null;
  const others = await db.selectFrom('campaigns').select('id').where('id', '!=', DEMO_CAMPAIGN.id).executeTakeFirst();
  if (others) return null;
  log('正在写入演示数据 / seeding demo data…');
  const catalog = readDemoCatalog();
  const tasks = demoTasks(catalog);
  await insertDemoReferenceData(db, catalog);
  // The demo breakdown counts as imported: importing it again as a file changes nothing.
  await db
    .insertInto('task_assignments')
    .values(
      tasks.map((t) => ({
        campaign_id: t.campaignId,
        indicator_code: t.indicatorCode,
        unit_code: t.unitCode,
        lead_unit_code: t.leadUnitCode,
        due_at: t.dueAt,
        task_id: indicatorTaskWorkflowId(t.campaignId, t.indicatorCode, t.unitCode),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const started = await startIndicatorTasks(client, taskQueue, tasks);
  await ensureCampaignClock(client, taskQueue, DEMO_CAMPAIGN);
  await db
    .insertInto('settings')
    .values({ key: MARKER, value: JSON.stringify({ campaignId: DEMO_CAMPAIGN.id, seededAt: new Date().toISOString() }) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return started;
}
