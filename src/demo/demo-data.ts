// Demo data on first start with an empty database: the illustrative catalog, the invented organisation, one
// campaign, and an indicator-task workflow for every (indicator, responsible unit). Re-running is harmless:
// reference rows are inserted once, workflow ids are business keys, and a marker says when it is complete.
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/database/database';
import { readDemoCatalog, seedDemoCatalog, type DemoCatalogRow } from './demo-catalog';
import { demoPasswordHash } from '../auth/passwords';
import { ensureCampaignClock } from '../campaign-clock/campaign-clock.starter';
import { startIndicatorTasks, type NewIndicatorTask } from '../indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from './demo-organisation';
import { DemoDataRepository } from './demo-data.repository';
import { seedDemoNotices } from './demo-notices';
import { seedDemoUnitReports } from './demo-unit-reports';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoSelfEvaluation } from './demo-self-evaluation';
import { seedDemoSpecialDrives } from './demo-special-drives';
import { seedDemoLocalReports } from './demo-local-reports';
import { seedDemoFunding } from './demo-funding';
import { seedDemoActivities } from './demo-activities';
import { seedDemoPublicity } from './demo-publicity';
import { seedDemoMobilization } from './demo-mobilization';
import { seedDemoBriefings } from './demo-briefings';
import { seedDemoArchive } from './demo-archive';
import type { FileStore } from '../platform/files/file-store';
import { seedDemoAccountability, withOverdueTasks } from './demo-accountability';
import { seedDemoInspectionRounds } from './demo-inspection-rounds';
import { seedDemoKeyFlags } from './demo-key-flags';
import { seedDemoCadence } from './demo-cadence';
import { seedDemoLeadMeetings } from './demo-lead-meetings';

const MARKER = 'demo_data';
const SYSTEM_ACTOR = { userId: 'system', displayName: '系统（演示数据）', role: 'OFFICE' as const, unitCode: null };

/** Units whose tasks the demo starts with a 责任人 named (their member), to show one on the board; the rest have none yet. */
const DEMO_NAMED_UNITS: ReadonlySet<string> = new Set(['WTSQ', 'BJSQ']);

/** The 责任人 the demo names for a unit's tasks: the unit's member, for the units above. */
function demoResponsiblePerson(unitCode: string): { login: string; name: string } | null {
  if (!DEMO_NAMED_UNITS.has(unitCode)) return null;
  const member = DEMO_USERS.find((u) => u.unitCode === unitCode && u.role === 'UNIT_MEMBER');
  return member ? { login: member.login, name: member.displayName } : null;
}

export function demoTasks(catalog: DemoCatalogRow[] = readDemoCatalog()): NewIndicatorTask[] {
  return catalog.flatMap((row) => {
    const { lead, units } = demoAssignment(row.code, row.area);
    return units.map((unitCode) => {
      const person = demoResponsiblePerson(unitCode);
      return {
        campaignId: DEMO_CAMPAIGN.id,
        indicatorCode: row.code,
        unitCode,
        leadUnitCode: lead,
        dueAt: demoDueAt(row.code),
        createdBy: SYSTEM_ACTOR,
        ...(person ? { responsiblePerson: person } : {}),
      };
    });
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
  await new DemoDataRepository(db).insertReferenceRows(DEMO_UNITS, DEMO_USERS, passwordHash, campaign);
}

/**
 * The demo office's 工作日调整, shown under 时限规则: 1 January is a statutory holiday every year, entered before the
 * State Council publishes the year's arrangement, which the holiday package then does not hold yet. The demo
 * campaign counts calendar days, so its deadlines do not change.
 */
export const DEMO_WORKING_DAY_OVERRIDES = [{ date: '2027-01-01', workday: false, note: '元旦（2027 年放假安排公布前先行录入）' }];

/**
 * Seeds the demo unless it is complete already or the database holds a real campaign.
 * Returns the number of workflows started now, or null when nothing was to be done.
 */
export async function seedDemoData(db: Db, client: Client, taskQueue: string, log: (line: string) => void, files?: FileStore): Promise<number | null> {
  const demo = new DemoDataRepository(db);
  if (await demo.hasSetting(MARKER)) return null;
  if (await demo.hasCampaignOtherThan(DEMO_CAMPAIGN.id)) return null;
  log('正在写入演示数据 / seeding demo data…');
  const catalog = readDemoCatalog();
  // Two tasks due weeks ago, to show 问责 decisions (demo-accountability.ts).
  const { tasks, overdue } = withOverdueTasks(demoTasks(catalog), Date.now());
  await insertDemoReferenceData(db, catalog);
  // The demo breakdown counts as imported: importing it again as a file changes nothing.
  await demo.insertAssignments(
    tasks.map((t) => ({ campaignId: t.campaignId, indicatorCode: t.indicatorCode, unitCode: t.unitCode, leadUnitCode: t.leadUnitCode, dueAt: t.dueAt, taskId: indicatorTaskWorkflowId(t.campaignId, t.indicatorCode, t.unitCode) })),
  );
  const started = await startIndicatorTasks(client, taskQueue, tasks);
  await ensureCampaignClock(client, taskQueue, DEMO_CAMPAIGN);
  // Official notices to show on a card: one awaiting 签收, one acknowledged.
  await seedDemoNotices(client, taskQueue, tasks, catalog);
  // Units' monthly reports: this month's with a mix of states, last month's with two still owed.
  await seedDemoUnitReports(db, client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone);
  // 问卷调查: three closed rounds with rising rates (the dashboard's trend) and this month's open one (demo-surveys.ts).
  await seedDemoSurveys(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone);
  // 经费保障: this year's budget lines, allocations and spendings, one awaiting the leader's approval (demo-funding.ts).
  const wtsqTask = tasks.find((t) => t.unitCode === 'WTSQ');
  await seedDemoFunding(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone, wtsqTask ? indicatorTaskWorkflowId(wtsqTask.campaignId, wtsqTask.indicatorCode, wtsqTask.unitCode) : null);
  // 动员部署: the street's 实施方案 with the units' responses in every state (demo-mobilization.ts).
  await seedDemoMobilization(client, taskQueue);
  await demo.insertWorkingDayOverrides(DEMO_WORKING_DAY_OVERRIDES);
  await seedDemoAccountability(client, overdue, log);
  // 检查轮次: a 模拟测评 whose scores moved the tasks they cover, a 窗口服务规范化检查 with its items (issue 20).
  await seedDemoInspectionRounds(db, client, taskQueue, DEMO_CAMPAIGN.id, log);
  // 重点和难点: three tasks and two dispatched items marked, one item overdue (demo-key-flags.ts).
  await seedDemoKeyFlags(client, taskQueue, DEMO_CAMPAIGN.id, log);
  // The demo month's coordination meeting and the leading group's hearing of the units' reports (demo-cadence.ts).
  await seedDemoCadence(client, DEMO_CAMPAIGN, log);
  // 文书档案 → 简报通报: two published 工作简报, a 督查通报 one named unit acknowledged, a draft awaiting approval.
  await seedDemoBriefings(client, taskQueue, DEMO_CAMPAIGN.id);
  // The archive library (档案库): documents in every state of review; only where the file store is at hand.
  if (files) await seedDemoArchive(client, taskQueue, files);
  // 工作组 → 专项整治: the plan's six drives with items in their areas, 集贸市场's summary awaiting the leading group.
  await seedDemoSpecialDrives(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone);
  // 工作组 → 活动记录: two held activities (with photos), one cancelled, one overdue, one ahead (demo-activities.ts).
  await seedDemoActivities(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone, files);
  // 工作组 → 宣传台账: a dozen carriers and actions across channels and communities, one corrected, one voided.
  await seedDemoPublicity(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone, files);
  // 工作组 → 总结评议: this quarter's self-evaluation (submitted, returned and missing forms) and the 评议 (demo-self-evaluation.ts).
  const unitTasks = (unitCode: string) => tasks.filter((t) => t.unitCode === unitCode).map((t) => indicatorTaskWorkflowId(t.campaignId, t.indicatorCode, t.unitCode));
  await seedDemoSelfEvaluation(client, taskQueue, DEMO_CAMPAIGN.id, DEMO_CAMPAIGN.timeZone, unitTasks);
  // 属地上报: three problems communities and a village reported in their own area, one already dispatched (demo-local-reports.ts).
  await seedDemoLocalReports(client, taskQueue, DEMO_CAMPAIGN.id);
  // 工作组 → 牵头协调: 环卫所 convened 外滩社区 and 东湖村; an item dispatched to 东湖村, a comment on 外滩社区's task.
  await seedDemoLeadMeetings(client, taskQueue, DEMO_CAMPAIGN, tasks, log);
  await demo.insertSetting(MARKER, { campaignId: DEMO_CAMPAIGN.id, seededAt: new Date().toISOString() });
  return started;
}
