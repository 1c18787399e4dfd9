// Inspection rounds in the demo (issue 20): a closed 模拟测评 whose scores moved the tasks they cover — 滨江社区's I4
// passed into 巩固提升, 便民服务中心's H3 failed into 整改 with its item, 东湖村's I4 still in self-check reported as
// 未计入 with the task's reason — and a 每月督查 in progress with a 窗口服务规范化检查 of 便民服务中心, two failed
// points as items dispatched to it. Real workflows under fixed ids and Update ids: seeding again adds nothing.
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Db } from '../platform/database/database';
import { InspectionRoundRepository } from '../inspection-round/inspection-round.repository';
import { roundScoresCommand } from '../inspection-round/round-scores';
import { DEFAULT_WINDOW_CHECKLIST } from '../inspection-round/window-checklist';
import { campaignItemPolicy } from '../rectification-item/item-policy';
import { indicatorTaskWorkflowId, performActionUpdate } from '../../workflows/indicator-task/indicator-task.messages';
import type { IndicatorTaskCommand } from '../../workflows/indicator-task/indicator-task.types';
import { INSPECTION_ROUND_WORKFLOW_TYPE, inspectionRoundWorkflowId, roundActionUpdate } from '../../workflows/inspection-round/inspection-round.messages';
import type { InspectionRoundInput, RoundCommand, WindowCheckResult } from '../../workflows/inspection-round/inspection-round.types';
import { RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

async function start(client: Client, taskQueue: string, type: string, workflowId: string, args: unknown): Promise<void> {
  try {
    await client.workflow.start(type, { workflowId, taskQueue, args: [args], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`演示数据：等待${what}超时`);
}

/** Seeds both rounds; `log` hears about a step the rules refused (taken by an earlier seeding). */
export async function seedDemoInspectionRounds(db: Db, client: Client, taskQueue: string, campaignId: string, log: (line: string) => void, now = new Date()): Promise<void> {
  const rounds = new InspectionRoundRepository(db);
  const supervisor = actorOf('supervisor');
  const skip = (what: string) => (err: unknown) => log(`演示检查轮次：${what} 未执行 / skipped: ${String(err)}`);
  const act = (roundId: string, key: string, command: RoundCommand) =>
    client.workflow.getHandle(roundId).executeUpdate(roundActionUpdate, { args: [{ command, actor: supervisor }], updateId: `demo-round:${key}` });

  // The tasks the mock assessment finds in 模拟测评: their units ask for it, the supervision group agrees.
  const toMock: [string, string, string][] = [
    ['I4', 'BJSQ', 'bjsq.member'],
    ['H3', 'BMFW', 'bmfw.member'],
  ];
  for (const [indicator, unit, member] of toMock) {
    const handle = client.workflow.getHandle(indicatorTaskWorkflowId(campaignId, indicator, unit));
    const steps: [string, Actor, IndicatorTaskCommand][] = [
      ['submit', actorOf(member), { action: 'SUBMIT_SELF_CHECK', classification: 'UNKNOWN', note: '达标情况无把握，申请模拟测评（演示数据）' }],
      ['confirm', supervisor, { action: 'CONFIRM_SELF_CHECK', note: '同意纳入模拟测评（演示数据）' }],
    ];
    for (const [step, who, command] of steps) {
      await handle.executeUpdate(performActionUpdate, { args: [{ actor: who, command }], updateId: `demo-round-task:${indicator}:${unit}:${step}` }).catch(skip(command.action));
    }
  }
  const covered = ['I4', 'H3'];
  await until(async () => (await rounds.tasksOf(campaignId, covered)).filter((t) => t.stage === 'MOCK_ASSESSMENT').length >= 2, '任务进入模拟测评');

  const mockId = inspectionRoundWorkflowId(campaignId, 'demo-mock-assessment');
  const mock: InspectionRoundInput = { roundId: mockId, campaignId, kind: 'MOCK_ASSESSMENT', title: '本月模拟测评（演示）', plannedOn: now.toISOString().slice(0, 10), places: [], indicatorCodes: covered, plannedBy: supervisor };
  await start(client, taskQueue, INSPECTION_ROUND_WORKFLOW_TYPE, mockId, mock);
  await act(mockId, 'mock-start', { action: 'START_ROUND' }).catch(skip('START_ROUND'));
  const criteria = await rounds.criteriaOf(covered);
  const full = (indicator: string) => criteria.filter((c) => c.indicatorCode === indicator).map((c) => ({ criterionCode: c.code, score: c.points }));
  const half = (indicator: string) => criteria.filter((c) => c.indicatorCode === indicator).map((c) => ({ criterionCode: c.code, score: c.points / 2 }));
  const scored: [string, string, { criterionCode: string; score: number }[]][] = [
    ['BJSQ', 'I4', full('I4')],
    ['DHC', 'I4', full('I4')],
    ['BMFW', 'H3', half('H3')],
  ];
  for (const [unit, indicator, scores] of scored) {
    const command = await roundScoresCommand(rounds, { campaignId, indicatorCodes: covered }, scores, unit);
    await act(mockId, `mock-scores:${unit}:${indicator}`, command).catch(skip(`RECORD_SCORES ${unit}`));
  }
  await until(async () => ((await rounds.findById(mockId))?.taskAssessments ?? []).filter((a) => a.outcome !== 'APPLYING').length >= 3, '得分计入任务');
  await act(mockId, 'mock-close', { action: 'CLOSE_ROUND', note: '模拟测评结束（演示数据）' }).catch(skip('CLOSE_ROUND'));

  // A 每月督查 in progress with a window-service check of 便民服务中心: two points failed, each an item.
  const monthlyId = inspectionRoundWorkflowId(campaignId, 'demo-window-check');
  const monthly: InspectionRoundInput = { roundId: monthlyId, campaignId, kind: 'MONTHLY_SUPERVISION', title: '本月窗口服务督查（演示）', plannedOn: now.toISOString().slice(0, 10), places: ['街道便民服务中心'], indicatorCodes: [], plannedBy: supervisor };
  await start(client, taskQueue, INSPECTION_ROUND_WORKFLOW_TYPE, monthlyId, monthly);
  await act(monthlyId, 'window-start', { action: 'START_ROUND' }).catch(skip('START_ROUND'));
  const failures: Record<string, string> = { FWCN: '服务承诺公示牌被遮挡', PDDH: '上午高峰排队约25分钟' };
  const results: WindowCheckResult[] = [];
  for (const point of DEFAULT_WINDOW_CHECKLIST) {
    const note = failures[point.code];
    if (!note) {
      results.push({ ...point, passed: true, note: '', itemId: null, duplicate: false });
      continue;
    }
    const itemId = rectificationItemWorkflowId(campaignId, `demo-window-${point.code}`);
    const item: RectificationItemInput = {
      itemId,
      campaignId,
      source: 'SUPERVISION',
      area: 'SERVICE_WINDOWS',
      location: { address: `街道便民服务中心（${point.label}）`, latitude: null, longitude: null },
      description: `窗口服务规范化检查不合格：${point.label}。${note}`,
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: monthlyId,
      reportedBy: supervisor,
      policy: campaignItemPolicy(null),
      dispatch: { unitCode: 'BMFW', dueAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(), note: '' },
    };
    await start(client, taskQueue, RECTIFICATION_ITEM_WORKFLOW_TYPE, itemId, item);
    results.push({ ...point, passed: false, note, itemId, duplicate: false });
  }
  await act(monthlyId, 'window-check:BMFW', { action: 'RECORD_WINDOW_CHECK', unitCode: 'BMFW', unitName: '街道便民服务中心', checklistVersion: 0, results }).catch(skip('RECORD_WINDOW_CHECK'));
}
