// The demo's 属地上报 (issue 20, 全民共创): problems the people of 外滩社区, 滨江社区 and 东湖村 reported in their own
// area, two waiting for the office to dispatch and one already dispatched to 环卫所. Started as real item workflows
// under fixed keys, as reportLocalProblem starts them: seeding again adds nothing.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { itemActionUpdate, RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { ItemArea, RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { campaignItemPolicy } from '../rectification-item/item-policy';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

interface DemoLocalReport {
  key: string;
  login: string;
  area: ItemArea;
  address: string;
  description: string;
  /** Dispatched by the office to this unit, due in a week. */
  dispatchTo: string | null;
}

export const DEMO_LOCAL_REPORTS: DemoLocalReport[] = [
  { key: 'demo-local-1', login: 'wtsq.member', area: 'SANITATION', address: '外滩社区幸福里 3 栋楼道口', description: '楼道口垃圾堆放多日无人清运，居民反映气味大（演示数据）', dispatchTo: 'HWS' },
  { key: 'demo-local-2', login: 'bjsq.head', area: 'CITY_APPEARANCE', address: '滨江社区滨江路 18 号围墙', description: '围墙上小广告成片，需集中清理（演示数据）', dispatchTo: null },
  { key: 'demo-local-3', login: 'dhc.member', area: 'TRAFFIC_ORDER', address: '东湖村村委会门口', description: '电动车、三轮车乱停乱放，占用消防通道（演示数据）', dispatchTo: null },
];

export async function seedDemoLocalReports(client: Client, taskQueue: string, campaignId: string, now = new Date()): Promise<void> {
  const office = actorOf('office');
  for (const r of DEMO_LOCAL_REPORTS) {
    const reporter = actorOf(r.login);
    const itemId = rectificationItemWorkflowId(campaignId, r.key);
    const input: RectificationItemInput = {
      itemId,
      campaignId,
      source: 'LOCAL_REPORT',
      area: r.area,
      location: { address: r.address, latitude: null, longitude: null },
      description: r.description,
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: null,
      reportingUnitCode: reporter.unitCode,
      reportedBy: reporter,
      policy: campaignItemPolicy(null),
      dispatch: null,
    };
    try {
      await client.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue;
      throw err;
    }
    if (r.dispatchTo) {
      const dueAt = new Date(now.getTime() + 7 * 86_400_000).toISOString();
      await client.workflow.getHandle(itemId).executeUpdate(itemActionUpdate, {
        updateId: `demo-local-dispatch:${itemId}`,
        args: [{ command: { action: 'DISPATCH', unitCode: r.dispatchTo, dueAt, note: '属地上报，请三日内清运（演示数据）' }, actor: office }],
      });
    }
  }
}
