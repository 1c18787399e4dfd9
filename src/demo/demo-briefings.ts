// The demo's briefings and circulars (issue 19): two published 工作简报, one published 督查通报 naming 外滩社区 (which
// has acknowledged it) and 滨江社区 (which has not), and a 工作简报 submitted and awaiting a leader's approval, so that
// 文书档案 → 简报通报 shows every state at once. Started as real briefing workflows under fixed ids: running it again
// adds nothing.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { briefingActionUpdate, briefingDraftedUpdate, briefingWorkflowId, BRIEFING_WORKFLOW_TYPE } from '../../workflows/briefing/briefing.messages';
import type { BriefingCommand, BriefingInput, BriefingKind, BriefingSection } from '../../workflows/briefing/briefing.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

export interface DemoBriefing {
  key: string;
  kind: BriefingKind;
  title: string;
  sections: BriefingSection[];
  namedUnits: string[];
  /** How far it goes: submitted only, or published (and then acknowledged by these units). */
  upTo: 'SUBMITTED' | 'PUBLISHED';
  acknowledgedBy: string[];
}

export const DEMO_BRIEFINGS: DemoBriefing[] = [
  {
    key: 'demo-briefing-1',
    kind: 'WORK_BRIEFING',
    title: '外滩街道创文工作动员部署情况',
    sections: [
      { heading: '一、召开动员大会', body: '街道召开创建全国文明城区动员大会，街道党工委书记作动员讲话，各科室、社区、驻区单位负责人参加会议。' },
      { heading: '二、建立工作机制', body: '成立创建工作领导小组及创建办，建立周例会、月通报和督查督办制度，测评指标任务已分解到 12 个责任单位。' },
      { heading: '三、下步工作', body: '各责任单位要在本月底前完成自查，建立台账，对照测评体系逐项整改。' },
    ],
    namedUnits: [],
    upTo: 'PUBLISHED',
    acknowledgedBy: [],
  },
  {
    key: 'demo-briefing-2',
    kind: 'WORK_BRIEFING',
    title: '创文自查整改阶段进展情况',
    sections: [
      { heading: '一、总体进展', body: '截至目前，测评指标任务已完成自查的占 78%，达标 41 项；整改问题共 26 个，已销号 15 个。' },
      { heading: '二、红黑榜', body: '红榜：外滩社区、街道便民服务中心、街道中心小学。黑榜：外滩农贸市场有限公司。' },
      { heading: '三、下步工作', body: '对逾期任务实行提醒、催办、督办，确保整改到位。' },
    ],
    namedUnits: [],
    upTo: 'PUBLISHED',
    acknowledgedBy: [],
  },
  {
    key: 'demo-circular-1',
    kind: 'SUPERVISION_CIRCULAR',
    title: '关于背街小巷环境卫生专项督查情况的通报',
    sections: [
      { heading: '一、督查情况', body: '督查检查组对辖区 36 条背街小巷进行了暗访，发现垃圾堆放、乱张贴、非机动车乱停放等问题 19 处。' },
      { heading: '二、存在问题', body: '外滩社区中山东一路沿线垃圾桶满溢；滨江社区滨江路 12 弄乱张贴小广告较多。' },
      { heading: '三、整改要求', body: '请被点名单位于收到通报后三个工作日内完成整改，在创文工作看板上传整改前后照片，并签收本通报。' },
    ],
    namedUnits: ['WTSQ', 'BJSQ'],
    upTo: 'PUBLISHED',
    acknowledgedBy: ['wtsq.head'],
  },
  {
    key: 'demo-briefing-3',
    kind: 'WORK_BRIEFING',
    title: '迎检冲刺阶段工作安排',
    sections: [
      { heading: '一、时间安排', body: '距测评还有不到半年，请各单位对照测评体系查漏补缺。' },
      { heading: '二、工作要求', body: '各单位主要负责人要亲自过问，每周报送进展情况。' },
    ],
    namedUnits: [],
    upTo: 'SUBMITTED',
    acknowledgedBy: [],
  },
];

/** Starts the demo's briefings and takes each as far as it goes; answers how many there are. */
export async function seedDemoBriefings(client: Client, taskQueue: string, campaignId: string): Promise<number> {
  const office = actorOf('office');
  const leader = actorOf('leader');
  for (const b of DEMO_BRIEFINGS) {
    const input: BriefingInput = { campaignId, kind: b.kind, draft: { title: b.title, sections: b.sections, attachments: [], namedUnits: b.namedUnits, ackDays: 3 }, createdBy: office };
    const handle = client.workflow.getHandle(briefingWorkflowId(b.key));
    try {
      await client.workflow.start(BRIEFING_WORKFLOW_TYPE, { workflowId: handle.workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue; // seeded before: leave it as it is
      throw err;
    }
    await handle.executeUpdate(briefingDraftedUpdate);
    const act = (actor: Actor, command: BriefingCommand) => handle.executeUpdate(briefingActionUpdate, { args: [{ command, actor }] });
    await act(office, { action: 'SUBMIT' });
    if (b.upTo === 'SUBMITTED') continue;
    await act(leader, { action: 'APPROVE', note: '同意印发。' });
    await act(office, { action: 'PUBLISH' });
    for (const login of b.acknowledgedBy) await act(actorOf(login), { action: 'ACKNOWLEDGE', note: '已收到，立即组织整改。' });
  }
  return DEMO_BRIEFINGS.length;
}
