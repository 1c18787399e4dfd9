// The demo's funding ledger (经费保障, issue 20): this year's budget lines (the office's 宣传 and 环境卫生专项整治
// lines, 外滩社区's and 滨江社区's working funds), allocations to two special drives and to one of 外滩社区's indicator
// tasks, and spendings in every state — recorded below the threshold, approved by the leader, rejected with a reason,
// and 滨江社区's one still awaiting the leader's approval. Sent to the real ledger workflow: seeding again adds nothing.
import type { Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { fundingActionUpdate, fundingLedgerWorkflowId } from '../../workflows/funding/funding.messages';
import type { FundingCommand } from '../../workflows/funding/funding.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { startFundingLedger } from '../funding/funding.starter';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** Seeds the ledger of `campaignId`; answers how many actions were recorded (0 when seeded before). */
export async function seedDemoFunding(client: Client, taskQueue: string, campaignId: string, timeZone: string, wtsqTaskId: string | null, now = new Date()): Promise<number> {
  const office = actorOf('office');
  if (!(await startFundingLedger(client, taskQueue, { campaignId, openedBy: office }))) return 0;
  const year = Number(localDate(now, timeZone).slice(0, 4));
  const day = (d: number) => localDate(new Date(now.getTime() - d * 86_400_000), timeZone);
  const handle = client.workflow.getHandle(fundingLedgerWorkflowId(campaignId));
  const steps: [string, FundingCommand][] = [
    ['office', { action: 'SET_THRESHOLD', thresholdFen: 5_000_000 }],
    ['office', { action: 'ADD_LINE', lineId: 'line-demo-publicity', year, name: '创文宣传经费', amountFen: 80_000_000, unitCode: null, purpose: '公益广告、宣传栏、宣传品制作与投放' }],
    ['office', { action: 'ADD_LINE', lineId: 'line-demo-sanitation', year, name: '专项整治经费', amountFen: 150_000_000, unitCode: null, purpose: '环境卫生、集贸市场等专项整治' }],
    ['office', { action: 'ADD_LINE', lineId: 'line-demo-wtsq', year, name: '外滩社区创文工作经费', amountFen: 20_000_000, unitCode: 'WTSQ', purpose: '社区环境整治与志愿服务' }],
    ['office', { action: 'ADD_LINE', lineId: 'line-demo-bjsq', year, name: '滨江社区创文工作经费', amountFen: 15_000_000, unitCode: 'BJSQ', purpose: '滨江步道及周边整治' }],
    ['office', { action: 'ALLOCATE', allocationId: 'allocation-demo-sanitation', lineId: 'line-demo-sanitation', target: { kind: 'DRIVE', area: 'SANITATION' }, amountFen: 60_000_000, note: '背街小巷、垃圾分类' }],
    ['office', { action: 'ALLOCATE', allocationId: 'allocation-demo-markets', lineId: 'line-demo-sanitation', target: { kind: 'DRIVE', area: 'MARKETS' }, amountFen: 30_000_000, note: '农贸市场周边秩序' }],
    ...(wtsqTaskId ? ([['office', { action: 'ALLOCATE', allocationId: 'allocation-demo-task', lineId: 'line-demo-wtsq', target: { kind: 'TASK', taskId: wtsqTaskId }, amountFen: 5_000_000, note: '指标任务整改' }]] as [string, FundingCommand][]) : []),
    ['office', { action: 'RECORD_SPENDING', spendingId: 'spending-demo-ads', lineId: 'line-demo-publicity', allocationId: null, amountFen: 3_280_000, payee: '上海明远广告有限公司', spentOn: day(20), purpose: '公益广告画面设计与制作 40 幅', receipts: [] }],
    ['office', { action: 'RECORD_SPENDING', spendingId: 'spending-demo-bins', lineId: 'line-demo-sanitation', allocationId: 'allocation-demo-sanitation', amountFen: 12_800_000, payee: '上海洁城环保设备有限公司', spentOn: day(15), purpose: '垃圾分类投放亭 16 座', receipts: [] }],
    ['leader', { action: 'APPROVE_SPENDING', spendingId: 'spending-demo-bins', note: '同意，按合同分期支付。' }],
    ['office', { action: 'RECORD_SPENDING', spendingId: 'spending-demo-banners', lineId: 'line-demo-publicity', allocationId: null, amountFen: 5_800_000, payee: '上海某文化传播公司', spentOn: day(10), purpose: '大型户外宣传牌', receipts: [] }],
    ['leader', { action: 'REJECT_SPENDING', spendingId: 'spending-demo-banners', reason: '请补充三家比价材料后重新登记。' }],
    ['wtsq.head', { action: 'RECORD_SPENDING', spendingId: 'spending-demo-wtsq', lineId: 'line-demo-wtsq', allocationId: null, amountFen: 865_050, payee: '外滩物业服务中心', spentOn: day(7), purpose: '老旧小区楼道堆物清理', receipts: [] }],
    ['bjsq.member', { action: 'RECORD_SPENDING', spendingId: 'spending-demo-bjsq', lineId: 'line-demo-bjsq', allocationId: null, amountFen: 7_600_000, payee: '滨江街道综合执法协管队', spentOn: day(2), purpose: '夜间占道经营整治宣传与劝导', receipts: [] }],
  ];
  for (const [login, command] of steps) await handle.executeUpdate(fundingActionUpdate, { args: [{ command, actor: actorOf(login) }] });
  return steps.length;
}
