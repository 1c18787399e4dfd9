// The demo's units' monthly reports (专题汇报, issue 19): this month's are open for every unit, with a mix a newcomer
// can click through — 外滩社区's accepted, 滨江社区's and 东湖村's awaiting the office, 环卫所's returned with a reason,
// the rest not yet handed in — and last month's for two units still owed past the due day (督办) and one handed in
// late and accepted. Started as real workflows under their business keys: seeding again adds nothing.
import type { Client } from '@temporalio/client';
import { monthOf, previousMonth } from '../../workflows/campaign/campaign.calendar';
import type { Actor } from '../../workflows/shared/actor.types';
import { unitReportActionUpdate, unitReportWorkflowId } from '../../workflows/unit-report/unit-report.messages';
import type { UnitReportCommand } from '../../workflows/unit-report/unit-report.types';
import type { Db } from '../platform/database/database';
import { UnitReportRepository } from '../unit-report/unit-report.repository';
import { openUnitReportMonth } from '../unit-report/unit-report.starter';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

function report(progress: string, problems: string, nextSteps: string): UnitReportCommand {
  return { action: 'SUBMIT', progress, problems, nextSteps, attachments: [] };
}

/** What each unit did this month: hand in (by whom), and the office's review. */
const THIS_MONTH: { unit: string; by: string; command: UnitReportCommand; review?: UnitReportCommand }[] = [
  {
    unit: 'WTSQ',
    by: 'wtsq.head',
    command: report('完成 12 条背街小巷环境整治，新设公益广告 30 处，志愿服务 46 场次。', '老旧小区楼道堆物反复，部分居民知晓率不高。', '下月开展楼道清理专项行动，入户宣传覆盖全部 8 个小区。'),
    review: { action: 'ACCEPT', note: '内容详实，予以采用。' },
  },
  { unit: 'BJSQ', by: 'bjsq.member', command: report('滨江步道垃圾分类督导点位全部设立，文明劝导 20 次。', '夜间占道经营仍有反弹。', '联合执法队每周夜查两次。') },
  { unit: 'DHC', by: 'dhc.head', command: report('村容村貌整治完成 80%，新建文化墙 3 处。', '村民参与度有待提高。', '开展“最美庭院”评选。') },
  {
    unit: 'HWS',
    by: 'hws.member',
    command: report('道路保洁按计划推进。', '无。', '继续做好保洁。'),
    review: { action: 'RETURN', reason: '工作进展过于笼统，请补充保洁里程、清运量等数据和存在问题。' },
  },
];

const LAST_MONTH_LATE = { unit: 'ZHZF', by: 'zhzf.head', command: report('上月查处占道经营 56 起，规范店招 18 处。', '执法力量不足。', '本月与市场监管所联合整治农贸市场周边。') };
const LAST_MONTH_OWED = ['NMSC', 'ZXXX'];

/** Seeds the reports; answers how many were opened now (0 when seeded before). */
export async function seedDemoUnitReports(db: Db, client: Client, taskQueue: string, campaignId: string, timeZone: string, now = new Date()): Promise<number> {
  const repository = new UnitReportRepository(db);
  const office = actorOf('office');
  const month = monthOf(now.toISOString(), timeZone);
  const last = previousMonth(month);
  const act = (unit: string, m: string, actor: Actor, command: UnitReportCommand) =>
    client.workflow.getHandle(unitReportWorkflowId(campaignId, unit, m)).executeUpdate(unitReportActionUpdate, { args: [{ command, actor }] });

  const opened = await openUnitReportMonth(client, taskQueue, repository, { campaignId, month, openedBy: office });
  if (!opened || opened.opened === 0) return 0;
  for (const { unit, by, command, review } of THIS_MONTH) {
    await act(unit, month, actorOf(by), command);
    if (review) await act(unit, month, office, review);
  }
  const lateOnes = await openUnitReportMonth(client, taskQueue, repository, { campaignId, month: last, openedBy: office, unitCodes: [LAST_MONTH_LATE.unit, ...LAST_MONTH_OWED] });
  await act(LAST_MONTH_LATE.unit, last, actorOf(LAST_MONTH_LATE.by), LAST_MONTH_LATE.command);
  await act(LAST_MONTH_LATE.unit, last, office, { action: 'ACCEPT', note: '逾期报送，已提醒按时报送。' });
  return opened.opened + (lateOnes?.opened ?? 0);
}
