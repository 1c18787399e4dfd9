// The demo's 总结评议 (issue 20, 五(五)): this quarter's self-evaluation round, due in three days, over 外滩社区, 滨江社区,
// 东湖村 and the sub-district: 外滩社区's form submitted, 滨江社区's returned by the office with a reason, 东湖村's
// still missing, the sub-district's filled by the office; and the leading group's 评议 (两个单位的等次, one revised with
// its reason) and four working groups rated. Real workflows under fixed keys: seeding again adds nothing.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { appraisalActionUpdate, appraisalWorkflowId } from '../../workflows/appraisal/appraisal.messages';
import type { AppraisalCommand } from '../../workflows/appraisal/appraisal.types';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { selfEvaluationActionUpdate } from '../../workflows/self-evaluation/self-evaluation.messages';
import { SUBDISTRICT_CODE, type SelfEvaluationCommand, type SelfStatus } from '../../workflows/self-evaluation/self-evaluation.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { addMs, DAY } from '../../workflows/shared/time';
import { startAppraisal, startSelfEvaluationRound } from '../self-evaluation/self-evaluation.starter';
import { DEMO_USERS } from './demo-organisation';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

const UNITS = ['WTSQ', 'BJSQ', 'DHC'];
const STATUSES: SelfStatus[] = ['MET', 'NOT_MET', 'UNKNOWN'];

/** Seeds the round and the 评议; answers how many workflows were started now (0 when seeded before). */
export async function seedDemoSelfEvaluation(client: Client, taskQueue: string, campaignId: string, timeZone: string, taskIds: (unitCode: string) => string[], now = new Date()): Promise<number> {
  const office = actorOf('office');
  const day = (daysBefore: number) => localDate(addMs(now.toISOString(), -daysBefore * DAY), timeZone);
  let started = 0;
  const units = [{ unitCode: SUBDISTRICT_CODE, taskIds: [] as string[] }, ...UNITS.map((unitCode) => ({ unitCode, taskIds: taskIds(unitCode) }))];
  const form = (unitCode: string, achievements: string, shortcomings: string, nextSteps: string): SelfEvaluationCommand => ({
    action: 'SUBMIT',
    unitCode,
    items: units.find((u) => u.unitCode === unitCode)!.taskIds.map((taskId, i) => ({ taskId, status: STATUSES[i % STATUSES.length], note: i % 3 === 1 ? '正在整改，预计月底完成' : '' })),
    achievements,
    shortcomings,
    nextSteps,
    selfGrade: 'GOOD',
  });
  try {
    const id = await startSelfEvaluationRound(client, taskQueue, 'demo-quarter', {
      campaignId,
      title: '本季度创建工作自查自评',
      periodStart: day(80),
      periodEnd: day(-10),
      dueAt: addMs(now.toISOString(), 3 * DAY),
      units,
      openedBy: office,
    });
    started += 1;
    const handle = client.workflow.getHandle(id);
    const act = (actor: Actor, command: SelfEvaluationCommand) => handle.executeUpdate(selfEvaluationActionUpdate, { args: [{ command, actor }] });
    await act(actorOf('wtsq.head'), form('WTSQ', '背街小巷环境明显改善，志愿服务常态化开展。', '公益广告更新不及时。', '每周巡查公益广告，月底前全部更新。'));
    await act(actorOf('bjsq.member'), form('BJSQ', '农贸市场秩序好转。', '无。', '继续巩固。'));
    await act(office, { action: 'RETURN', unitCode: 'BJSQ', reason: '存在不足不能写“无”，请对照未达标的指标如实填写。' });
    await act(office, form(SUBDISTRICT_CODE, '全街道指标任务推进有序，问卷知晓率超过 90%。', '个别村居进度滞后，档案整理不够规范。', '开展迎检冲刺，逐项销号。'));
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }

  const leader = actorOf('leader');
  if (await startAppraisal(client, taskQueue, { campaignId, openedBy: leader })) {
    started += 1;
    const handle = client.workflow.getHandle(appraisalWorkflowId(campaignId));
    const commands: AppraisalCommand[] = [
      { action: 'GRADE_UNIT', unitCode: 'WTSQ', grade: 'EXCELLENT', comment: '任务完成好，自评实事求是。' },
      { action: 'GRADE_UNIT', unitCode: 'BJSQ', grade: 'PASS', comment: '整改进度偏慢。' },
      { action: 'GRADE_UNIT', unitCode: 'BJSQ', grade: 'GOOD', comment: '农贸市场整治成效明显。', reason: '总结会上复核了农贸市场整治成效。' },
      { action: 'RATE_GROUP', group: 'SUPERVISION', rating: 'MET', comment: '督查到位，问题闭环。' },
      { action: 'RATE_GROUP', group: 'PUBLICITY', rating: 'MET', comment: '宣传氛围浓厚。' },
      { action: 'RATE_GROUP', group: 'ARCHIVES', rating: 'NOT_MET', comment: '部分指标档案尚未归档。' },
      { action: 'RATE_GROUP', group: 'LOGISTICS', rating: 'MET', comment: '经费保障及时。' },
    ];
    for (const command of commands) await handle.executeUpdate(appraisalActionUpdate, { args: [{ command, actor: leader }] });
  }
  return started;
}
