// The demo's official notices (issue 16): the office has issued two to 外滩社区 (WTSQ) on its A4 task (市民创建知晓率), a
// 督办通知单 still awaiting 签收 and a 整改通知书 that its head has acknowledged, so the card shows both states and the
// .docx can be downloaded at once. Started as real notice workflows under fixed ids: running it again adds nothing.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { noticeActionUpdate, noticeIssuedUpdate, officeNoticeWorkflowId, OFFICIAL_NOTICE_WORKFLOW_TYPE } from '../../workflows/official-notice/official-notice.messages';
import type { NoticeKind, OfficialNoticeInput } from '../../workflows/official-notice/official-notice.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { DemoCatalogRow } from './demo-catalog';
import { DEMO_USERS } from './demo-organisation';
import type { NewIndicatorTask } from '../indicator-task/indicator-task.starter';

const UNIT = 'WTSQ';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

export interface DemoNotice {
  key: string;
  kind: NoticeKind;
  note: string;
  acknowledged: boolean;
}

export const DEMO_NOTICES: DemoNotice[] = [
  { key: 'demo-1', kind: 'SUPERVISION', note: '请于三个工作日内报送整改情况。', acknowledged: false },
  { key: 'demo-2', kind: 'RECTIFICATION', note: '请对照测评标准逐项整改。', acknowledged: true },
];

/** Issues the demo's notices on the first task of 外滩社区 (and acknowledges the second); answers how many are issued. */
export async function seedDemoNotices(client: Client, taskQueue: string, tasks: NewIndicatorTask[], catalog: DemoCatalogRow[]): Promise<number> {
  const task = tasks.find((t) => t.unitCode === UNIT && t.indicatorCode === 'A4') ?? tasks.find((t) => t.unitCode === UNIT);
  if (!task) return 0;
  const indicator = catalog.find((r) => r.code === task.indicatorCode);
  const office = actorOf('office');
  for (const notice of DEMO_NOTICES) {
    const input: OfficialNoticeInput = {
      campaignId: task.campaignId,
      taskId: indicatorTaskWorkflowId(task.campaignId, task.indicatorCode, task.unitCode),
      itemId: null,
      unitCode: task.unitCode,
      indicatorCode: task.indicatorCode,
      title: `测评指标 ${task.indicatorCode}${indicator ? ` ${indicator.indicator}` : ''}`,
      dueAt: task.dueAt,
      kind: notice.kind,
      trigger: 'ON_DEMAND',
      level: null,
      note: notice.note,
      sourceEventId: null,
      issuedBy: office,
    };
    const handle = client.workflow.getHandle(officeNoticeWorkflowId(notice.key));
    try {
      await client.workflow.start(OFFICIAL_NOTICE_WORKFLOW_TYPE, { workflowId: handle.workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue; // seeded before: leave it as it is
      throw err;
    }
    await handle.executeUpdate(noticeIssuedUpdate);
    if (notice.acknowledged) {
      await handle.executeUpdate(noticeActionUpdate, { args: [{ command: { action: 'ACKNOWLEDGE', note: '已收到，正在整改。' }, actor: actorOf(`${UNIT.toLowerCase()}.head`) }] });
    }
  }
  return DEMO_NOTICES.length;
}
