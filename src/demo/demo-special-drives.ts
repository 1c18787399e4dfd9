// The demo's 专项整治 drives (issue 20, plan 四(三)): the plan's six areas, each led by the unit that answers for it,
// running from two weeks ago to six weeks ahead, with a few rectification items found in their areas (which belong
// to the drives by their area and report time, with no second entry) and 集贸市场's closing summary handed in by the
// 市场监管所's head, awaiting the leading group. Started as real workflows under their business keys: seeding again
// adds nothing.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { RECTIFICATION_ITEM_WORKFLOW_TYPE, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import { DEFAULT_ITEM_POLICY, type ItemArea, type RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { SPECIAL_DRIVE_WORKFLOW_TYPE, specialDriveActionUpdate, specialDriveWorkflowId } from '../../workflows/special-drive/special-drive.messages';
import type { DrivePlan, SpecialDriveInput } from '../../workflows/special-drive/special-drive.types';
import { DEMO_USERS } from './demo-organisation';

const DAY = 86_400_000;

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** The six drives of the plan: lead unit, participants and goals. */
export const DEMO_DRIVES: { area: ItemArea; plan: Omit<DrivePlan, 'startDate' | 'endDate'> }[] = [
  { area: 'TRAFFIC_ORDER', plan: { leadUnitCode: 'PAB', participatingUnitCodes: ['ZHZF', 'WTSQ', 'BJSQ'], goals: '主次干道机动车、非机动车停放有序，无占道经营，斑马线礼让率达到 95% 以上。' } },
  { area: 'CITY_APPEARANCE', plan: { leadUnitCode: 'ZHZF', participatingUnitCodes: ['WTSQ', 'BJSQ', 'DHC'], goals: '店招店牌规范设置，无乱涂乱画、乱贴乱挂，背街小巷立面整洁。' } },
  { area: 'PUBLIC_SECURITY', plan: { leadUnitCode: 'PAB', participatingUnitCodes: ['WTSQ', 'BJSQ', 'DHC', 'ZXXX'], goals: '重点部位视频监控全覆盖，校园周边治安秩序良好，群众安全感测评达标。' } },
  { area: 'SANITATION', plan: { leadUnitCode: 'HWS', participatingUnitCodes: ['WTSQ', 'BJSQ', 'DHC'], goals: '垃圾日产日清，公厕保洁达标，卫生死角全部清零。' } },
  { area: 'MARKETS', plan: { leadUnitCode: 'SCJG', participatingUnitCodes: ['NMSC', 'ZHZF'], goals: '农贸市场划行归市，场内外环境整洁，公益广告与价格公示规范。' } },
  { area: 'SERVICE_WINDOWS', plan: { leadUnitCode: 'BMFW', participatingUnitCodes: ['DZB'], goals: '窗口单位文明用语、一次性告知、无障碍设施全部落实，群众满意率 95% 以上。' } },
];

/** Problems found in the drives' areas, dispatched to their units. */
const DEMO_DRIVE_ITEMS: { key: string; area: ItemArea; address: string; description: string; unitCode: string }[] = [
  { key: 'demo-drive-traffic-1', area: 'TRAFFIC_ORDER', address: '中山东一路与南京路交叉口', description: '非机动车占用盲道乱停放', unitCode: 'WTSQ' },
  { key: 'demo-drive-appearance-1', area: 'CITY_APPEARANCE', address: '滨江路 88 号沿街商铺', description: '店招破损，墙面小广告', unitCode: 'BJSQ' },
  { key: 'demo-drive-sanitation-1', area: 'SANITATION', address: '外滩路公厕', description: '公厕保洁不到位，地面积水', unitCode: 'HWS' },
  { key: 'demo-drive-sanitation-2', area: 'SANITATION', address: '滨江步道 3 号入口', description: '垃圾桶满溢，周边散落垃圾', unitCode: 'BJSQ' },
  { key: 'demo-drive-markets-1', area: 'MARKETS', address: '外滩农贸市场东门', description: '门口占道经营，菜叶垃圾未及时清扫', unitCode: 'NMSC' },
  { key: 'demo-drive-windows-1', area: 'SERVICE_WINDOWS', address: '街道便民服务中心', description: '无障碍通道被杂物堵塞', unitCode: 'BMFW' },
];

const MARKETS_SUMMARY =
  '专项整治期间，市场监管所会同执法队对外滩农贸市场开展联合检查 12 次，规范划行归市 3 个区域，清理场外占道经营 26 处，新设公益广告 18 块、价格公示牌 40 块。下一步将落实市场长效保洁和每周巡查。';

async function started(start: () => Promise<unknown>): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

/** Seeds the drives and their items; answers how many drives were launched now (0 when seeded before). */
export async function seedDemoSpecialDrives(client: Client, taskQueue: string, campaignId: string, timeZone: string, now = new Date()): Promise<number> {
  const supervisor = actorOf('supervisor');
  const office = actorOf('office');
  const startDate = localDate(now.getTime() - 14 * DAY, timeZone);
  const endDate = localDate(now.getTime() + 42 * DAY, timeZone);
  let launched = 0;
  for (const { area, plan } of DEMO_DRIVES) {
    const input: SpecialDriveInput = { campaignId, area, timeZone, plan: { ...plan, startDate, endDate }, launchedBy: office };
    const workflowId = specialDriveWorkflowId(campaignId, area);
    if (await started(() => client.workflow.start(SPECIAL_DRIVE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }))) launched++;
  }
  if (launched === 0) return 0;
  for (const item of DEMO_DRIVE_ITEMS) {
    const itemId = rectificationItemWorkflowId(campaignId, item.key);
    const input: RectificationItemInput = {
      itemId,
      campaignId,
      source: 'SUPERVISION',
      area: item.area,
      location: { address: item.address, latitude: null, longitude: null },
      description: item.description,
      photos: [],
      indicatorTaskId: null,
      criterionCode: null,
      inspectionRoundId: null,
      reportedBy: supervisor,
      policy: DEFAULT_ITEM_POLICY,
      dispatch: { unitCode: item.unitCode, dueAt: new Date(now.getTime() + DEFAULT_ITEM_POLICY.rectificationDays * DAY).toISOString(), note: '专项整治督查发现，请按时整改' },
    };
    await started(() => client.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, { workflowId: itemId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }));
  }
  // 集贸市场: the lead unit's head has handed in the closing summary; the leading group has yet to approve it.
  await client.workflow
    .getHandle(specialDriveWorkflowId(campaignId, 'MARKETS'))
    .executeUpdate(specialDriveActionUpdate, { args: [{ command: { action: 'SUBMIT_SUMMARY', text: MARKETS_SUMMARY, attachments: [] }, actor: actorOf('scjg.head') }] });
  return launched;
}
