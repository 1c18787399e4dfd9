// 问责 decisions in the demo (issue 16): two tasks of 外滩社区 whose due date lies weeks in the past, so their ladder
// climbs to 问责 as soon as they start; the office then proposes a decision on both and a leader approves the
// first, so `npm start` shows an approved decision and one awaiting approval. Each step is an Update with a fixed id,
// and a step the rules refuse (already taken by an earlier start) is skipped: seeding again is harmless.
import type { Client } from '@temporalio/client';
import { indicatorTaskWorkflowId, performActionUpdate, stateQuery } from '../../workflows/indicator-task/indicator-task.messages';
import type { IndicatorTaskCommand } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { NewIndicatorTask } from '../indicator-task/indicator-task.starter';
import { DEMO_USERS } from './demo-organisation';

const DAY = 86_400_000;
/** The unit whose tasks are held to account in the demo. */
export const DEMO_ACCOUNTABILITY_UNIT = 'WTSQ';
/** Past due by this much, the ladder (问责 two weeks after the deadline by default) has reached the top at once. */
const PAST_DUE_DAYS = 20;

function actor(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** The demo's tasks with the first two of the unit due weeks ago; and which two they are. */
export function withOverdueTasks(tasks: readonly NewIndicatorTask[], now: number): { tasks: NewIndicatorTask[]; overdue: string[] } {
  const chosen = tasks.filter((t) => t.unitCode === DEMO_ACCOUNTABILITY_UNIT).slice(0, 2);
  const dueAt = new Date(now - PAST_DUE_DAYS * DAY).toISOString();
  return {
    tasks: tasks.map((t) => (chosen.includes(t) ? { ...t, dueAt } : t)),
    overdue: chosen.map((t) => indicatorTaskWorkflowId(t.campaignId, t.indicatorCode, t.unitCode)),
  };
}

/** Waits for the ladder to reach 问责, then proposes on both tasks and approves on the first. */
export async function seedDemoAccountability(client: Client, taskIds: readonly string[], log: (line: string) => void): Promise<void> {
  const office = actor('office');
  const leader = actor('leader');
  const head = DEMO_USERS.find((u) => u.unitCode === DEMO_ACCOUNTABILITY_UNIT && u.role === 'UNIT_HEAD')!;
  const proposals: IndicatorTaskCommand[] = [
    { action: 'PROPOSE_ACCOUNTABILITY', unit: true, persons: [{ login: head.login, displayName: head.displayName }], form: 'CRITICISM_NOTICE', formNote: '', reason: '自查自评逾期两周以上未提交，经催办、督办、约谈仍未整改（演示数据）' },
    { action: 'PROPOSE_ACCOUNTABILITY', unit: false, persons: [{ login: head.login, displayName: head.displayName }], form: 'ADMONITION', formNote: '', reason: '自查自评逾期未交，单位负责人约谈后仍未落实（演示数据）' },
  ];
  for (const [i, taskId] of taskIds.entries()) {
    const handle = client.workflow.getHandle(taskId);
    let level: string | null = null;
    for (let tries = 0; tries < 60 && level !== 'ACCOUNTABILITY'; tries++) {
      level = (await handle.query(stateQuery)).escalationLevel;
      if (level !== 'ACCOUNTABILITY') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (level !== 'ACCOUNTABILITY') {
      log(`演示问责：${taskId} 尚未到问责步骤，跳过 / not at accountability yet, skipped`);
      continue;
    }
    const steps: [string, Actor, IndicatorTaskCommand][] = [[`demo-accountability-propose:${taskId}`, office, proposals[i]]];
    if (i === 0) steps.push([`demo-accountability-approve:${taskId}`, leader, { action: 'APPROVE_ACCOUNTABILITY', note: '同意，予以通报批评（演示数据）' }]);
    for (const [updateId, who, command] of steps) {
      await handle.executeUpdate(performActionUpdate, { args: [{ actor: who, command }], updateId }).catch((err: unknown) => {
        // Taken already by an earlier start: the rules refuse it again, and nothing is written.
        log(`演示问责：${command.action} 未执行 / skipped: ${String(err)}`);
      });
    }
  }
}
