// 重点和难点 in the demo (issue 20): the office marks two indicator tasks and the leading group one, and two
// rectification items are reported, dispatched and marked (one of them past its due date), so that `npm start` shows
// the badges on the boards, the 重点难点 filter and the dashboard's panel. Each mark is an Update with a fixed id and
// each item a workflow under a fixed id: seeding again adds nothing (a refused or duplicate step is skipped).
import type { Client } from '@temporalio/client';
import { indicatorTaskWorkflowId, performActionUpdate } from '../../workflows/indicator-task/indicator-task.messages';
import { itemActionUpdate, RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { KeyFlagCommand } from '../../workflows/shared/key-flag';
import { DEMO_USERS } from './demo-organisation';

const DAY = 86_400_000;

function actor(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** The demo tasks marked, by indicator and unit (A1 外滩社区 is also overdue and held to account). */
export const DEMO_KEY_TASKS: { indicatorCode: string; unitCode: string; by: string; command: KeyFlagCommand }[] = [
  { indicatorCode: 'A1', unitCode: 'WTSQ', by: 'leader', command: { action: 'SET_KEY_FLAG', kind: 'BOTH', reason: '背街小巷环境反复，群众投诉集中，领导小组挂牌督办（演示数据）' } },
  { indicatorCode: 'A1', unitCode: 'ZHZF', by: 'office', command: { action: 'SET_KEY_FLAG', kind: 'KEY', reason: '牵头单位，迎检必查点位（演示数据）' } },
  { indicatorCode: 'A1', unitCode: 'BJSQ', by: 'office', command: { action: 'SET_KEY_FLAG', kind: 'DIFFICULT', reason: '滨江步道夜间占道经营反弹，需多部门联合整治（演示数据）' } },
];

/** The demo items reported, dispatched and marked: where, what, to whom, due in how many days (negative: overdue). */
export const DEMO_KEY_ITEMS: { key: string; unitCode: string; address: string; description: string; dueInDays: number; command: KeyFlagCommand }[] = [
  {
    key: 'demo-key-item-1',
    unitCode: 'WTSQ',
    address: '外滩社区 中山东路 18 弄',
    description: '老旧小区楼道堆物，消防通道被占（演示数据）',
    dueInDays: -3,
    command: { action: 'SET_KEY_FLAG', kind: 'DIFFICULT', reason: '产权复杂，需物业、消防与社区协调（演示数据）' },
  },
  {
    key: 'demo-key-item-2',
    unitCode: 'BJSQ',
    address: '滨江社区 滨江步道北段',
    description: '公益广告牌破损褪色（演示数据）',
    dueInDays: 10,
    command: { action: 'SET_KEY_FLAG', kind: 'KEY', reason: '迎检路线必经点位（演示数据）' },
  },
];

/** Marks the demo tasks and starts, dispatches and marks the demo items of `campaignId`. */
export async function seedDemoKeyFlags(client: Client, taskQueue: string, campaignId: string, log: (line: string) => void, now = Date.now()): Promise<void> {
  const office = actor('office');
  for (const t of DEMO_KEY_TASKS) {
    const taskId = indicatorTaskWorkflowId(campaignId, t.indicatorCode, t.unitCode);
    await client.workflow
      .getHandle(taskId)
      .executeUpdate(performActionUpdate, { args: [{ actor: actor(t.by), command: t.command }], updateId: `demo-key-flag:${taskId}` })
      .catch((err: unknown) => log(`演示重点难点：${taskId} 未标记 / skipped: ${String(err)}`));
  }
  for (const i of DEMO_KEY_ITEMS) {
    const itemId = rectificationItemWorkflowId(campaignId, i.key);
    const input: RectificationItemInput = {
      itemId,
      campaignId,
      source: 'SUPERVISION',
      area: 'CITY_APPEARANCE',
      location: { address: i.address, latitude: null, longitude: null },
      description: i.description,
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: null,
      reportedBy: office,
      dispatch: { unitCode: i.unitCode, dueAt: new Date(now + i.dueInDays * DAY).toISOString(), note: '督查发现，派单整改（演示数据）' },
    };
    await client.workflow
      .start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' })
      .catch((err: unknown) => log(`演示重点难点：${itemId} 已存在 / exists: ${String(err)}`));
    await client.workflow
      .getHandle(itemId)
      .executeUpdate(itemActionUpdate, { args: [{ actor: office, command: i.command }], updateId: `demo-key-flag:${itemId}` })
      .catch((err: unknown) => log(`演示重点难点：${itemId} 未标记 / skipped: ${String(err)}`));
  }
}
