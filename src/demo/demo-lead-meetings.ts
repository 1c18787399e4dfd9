// The demo's 牵头单位召集 (issue 20): 环卫所, lead unit of the sanitation indicators, convenes 外滩社区 and 东湖村;
// one decision gives 东湖村 a problem to fix (an item dispatched to it, source LEAD_UNIT_MEETING), the other is a
// comment on 外滩社区's sanitation task. Recorded the way recordLeadUnitMeeting records them: the meeting on the
// campaign's clock held to what 环卫所 leads, the item under the key made from the meeting and the decision, the
// comment through the task's own action. Fixed ids and update ids: seeding again adds nothing.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { campaignActionUpdate, campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import type { CampaignCommand } from '../../workflows/campaign/campaign.types';
import { indicatorTaskWorkflowId, performActionUpdate } from '../../workflows/indicator-task/indicator-task.messages';
import { meetingDecisionItemKey, RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { campaignItemPolicy } from '../rectification-item/item-policy';
import { DEMO_USERS } from './demo-organisation';

const LEAD = 'HWS';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

export async function seedDemoLeadMeetings(
  client: Client,
  taskQueue: string,
  campaign: { id: string; timeZone: string },
  tasks: { campaignId: string; indicatorCode: string; unitCode: string; leadUnitCode: string }[],
  log: (line: string) => void,
  now = new Date(),
): Promise<void> {
  const led = tasks.filter((t) => t.leadUnitCode === LEAD);
  const wtsq = led.find((t) => t.unitCode === 'WTSQ');
  if (!wtsq || !led.some((t) => t.unitCode === 'DHC')) return log('演示牵头单位协调会：环卫所没有牵头外滩社区、东湖村的任务，跳过 / skipped');
  const head = actorOf('hws.head');
  const today = localDate(now.toISOString(), campaign.timeZone);
  const meetingId = `demo-lead-${LEAD}-${today.slice(0, 7)}`;
  const title = '环境卫生整治推进会（演示数据）';
  const wtsqTask = indicatorTaskWorkflowId(wtsq.campaignId, wtsq.indicatorCode, wtsq.unitCode);
  const command: CampaignCommand = {
    action: 'RECORD_LEAD_UNIT_MEETING',
    meetingId,
    convenerUnitCode: LEAD,
    date: today,
    title,
    attendees: ['环卫所 周所长', '外滩社区 王书记', '东湖村 李主任'],
    unitCodes: ['WTSQ', 'DHC'],
    minutes: '环卫所召集外滩社区、东湖村，研究背街小巷和村道垃圾收集点的清运频次与保洁台账（演示数据）',
    decisions: [
      { text: '东湖村村道两侧垃圾收集点改为每日清运，一周内落实', unitCode: 'DHC', dueDate: null },
      { text: '外滩社区保洁台账补充每日清运记录和照片', unitCode: null, dueDate: null, taskId: wtsqTask },
    ],
    scope: { taskIds: led.map((t) => indicatorTaskWorkflowId(t.campaignId, t.indicatorCode, t.unitCode)), unitCodes: [...new Set([LEAD, ...led.map((t) => t.unitCode)])] },
  };
  try {
    await client.workflow.getHandle(campaignWorkflowId(campaign.id)).executeUpdate(campaignActionUpdate, { args: [{ actor: head, command }], updateId: `demo-meeting:${campaign.id}:${meetingId}` });
  } catch (err) {
    return log(`演示牵头单位协调会：未记录 / skipped: ${String(err)}`);
  }
  const heading = `【牵头单位协调会「${title}」${today} 议定】`;
  const itemId = rectificationItemWorkflowId(campaign.id, meetingDecisionItemKey(meetingId, 0));
  const input: RectificationItemInput = {
    itemId,
    campaignId: campaign.id,
    source: 'LEAD_UNIT_MEETING',
    area: 'SANITATION',
    location: { address: '东湖村村道两侧垃圾收集点', latitude: null, longitude: null },
    description: `${heading}东湖村村道两侧垃圾收集点改为每日清运，一周内落实`,
    photos: [],
    indicatorTaskId: null,
    criterionCode: null,
    inspectionRoundId: null,
    reportingUnitCode: LEAD,
    reportedBy: head,
    policy: campaignItemPolicy(null),
    dispatch: { unitCode: 'DHC', dueAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(), note: '' },
  };
  await client.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' }).catch((err: unknown) => {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  });
  await client.workflow
    .getHandle(wtsqTask)
    .executeUpdate(performActionUpdate, { args: [{ actor: head, command: { action: 'ADD_COMMENT', text: `${heading}外滩社区保洁台账补充每日清运记录和照片` } }], updateId: `demo-lead-comment:${meetingId}` })
    .catch((err: unknown) => log(`演示牵头单位协调会：意见未记入 / comment skipped: ${String(err)}`));
}
