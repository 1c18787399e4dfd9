// The demo's survey rounds (问卷调查, issue 20): three closed rounds over the demo's communities, a month apart, whose
// 知晓率、支持率、参与率 and 满意度 rise from round to round (the dashboard's trend), and this month's round open with
// 外滩社区's results entered and 滨江社区's still owed. Started as real workflows under fixed keys: seeding again adds
// nothing.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import type { Actor } from '../../workflows/shared/actor.types';
import { addMs, DAY, HOUR } from '../../workflows/shared/time';
import { surveyRoundActionUpdate } from '../../workflows/survey-round/survey-round.messages';
import { ENTRY_GRACE_HOURS, type SurveyCounts, type SurveyMethod } from '../../workflows/survey-round/survey-round.types';
import { startSurveyRound } from '../survey/survey.starter';
import { DEMO_USERS } from './demo-organisation';

function office(): Actor {
  const user = DEMO_USERS.find((u) => u.login === 'office')!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

interface DemoRound {
  key: string;
  title: string;
  method: SurveyMethod;
  /** Days before today of the first and the last day. */
  from: number;
  to: number;
  results: Record<string, SurveyCounts>;
  closeNote: string | null;
}

const c = (sample: number, aware: number, supporting: number, participating: number, satisfied: number): SurveyCounts => ({ sample, aware, supporting, participating, satisfied });

export const DEMO_SURVEY_ROUNDS: DemoRound[] = [
  {
    key: 'demo-1',
    title: '第一轮群众满意度问卷调查',
    method: 'IN_PERSON',
    from: 95,
    to: 88,
    results: { WTSQ: c(200, 150, 160, 90, 140), BJSQ: c(180, 126, 135, 72, 117) },
    closeNote: '首轮基线调查，参与率偏低。',
  },
  {
    key: 'demo-2',
    title: '第二轮群众满意度问卷调查',
    method: 'INTERCEPT',
    from: 65,
    to: 58,
    results: { WTSQ: c(210, 176, 181, 118, 162), BJSQ: c(190, 150, 155, 95, 139) },
    closeNote: '入户宣传后知晓率明显提升。',
  },
  {
    key: 'demo-3',
    title: '第三轮群众满意度问卷调查',
    method: 'ONLINE',
    from: 35,
    to: 28,
    results: { WTSQ: c(220, 203, 204, 143, 191), BJSQ: c(200, 181, 184, 124, 172) },
    closeNote: '知晓率、支持率均超过 90%。',
  },
  { key: 'demo-4', title: '第四轮群众满意度问卷调查', method: 'IN_PERSON', from: 3, to: -7, results: { WTSQ: c(150, 141, 142, 105, 134) }, closeNote: null },
];

/** Seeds the rounds; answers how many were started now (0 when seeded before). */
export async function seedDemoSurveys(client: Client, taskQueue: string, campaignId: string, timeZone: string, now = new Date()): Promise<number> {
  const actor = office();
  const day = (daysBefore: number) => localDate(addMs(now.toISOString(), -daysBefore * DAY), timeZone);
  let started = 0;
  for (const round of DEMO_SURVEY_ROUNDS) {
    const endDate = day(round.to);
    let id: string;
    try {
      id = await startSurveyRound(client, taskQueue, round.key, {
        campaignId,
        title: round.title,
        method: round.method,
        startDate: day(round.from),
        endDate,
        unitCodes: ['WTSQ', 'BJSQ'],
        // Past rounds are entered now, with the grace the API gives them; the open one is due at its end.
        dueAt: round.to > 0 ? addMs(now.toISOString(), ENTRY_GRACE_HOURS * HOUR) : addMs(now.toISOString(), (-round.to + 1) * DAY),
        plannedBy: actor,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue;
      throw err;
    }
    started += 1;
    const handle = client.workflow.getHandle(id);
    for (const [unitCode, counts] of Object.entries(round.results)) {
      await handle.executeUpdate(surveyRoundActionUpdate, { args: [{ command: { action: 'RECORD_RESULTS', unitCode, ...counts }, actor }] });
    }
    if (round.closeNote !== null) await handle.executeUpdate(surveyRoundActionUpdate, { args: [{ command: { action: 'CLOSE', note: round.closeNote }, actor }] });
  }
  return started;
}
