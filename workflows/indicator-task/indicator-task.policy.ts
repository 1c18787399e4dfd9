// Checks a campaign's rules of time before they reach any task: every number in range, the ladder in order.
import { DAY_COUNTINGS } from '../shared/day-counting';
import { DEFAULT_TASK_POLICY, type TaskPolicy } from './indicator-task.types';

export interface PolicyProblem {
  field: string;
  message: string;
}

/** Problems of a proposed policy (Chinese messages, by field); empty when it is sound. */
export function validatePolicy(p: TaskPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const whole = (field: string, value: number, min: number, max: number, what: string) => {
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, message: `${what}须为 ${min} 到 ${max} 之间的整数` });
  };
  whole('selfCheckDays', p.selfCheckDays, 1, 365, '自查期限（天）');
  whole('rectificationDays', p.rectificationDays, 1, 365, '反弹后整改期限（天）');
  whole('mockAssessmentDays', p.mockAssessmentDays, 1, 365, '模拟测评期限（天）');
  whole('reminderBeforeHours', p.reminderBeforeHours, 0, 720, '到期前提醒（小时）');
  whole('recheckDays.relapseProne', p.recheckDays.relapseProne, 1, 365, '易反弹指标复查间隔（天）');
  whole('recheckDays.other', p.recheckDays.other, 1, 365, '其他指标复查间隔（天）');
  const ladder = [p.escalationAfterHours.URGE, p.escalationAfterHours.SUPERVISE, p.escalationAfterHours.INTERVIEW, p.escalationAfterHours.ACCOUNTABILITY];
  ladder.forEach((hours, i) => whole(`escalationAfterHours.${['URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'][i]}`, hours, 0, 8760, '逾期后督办时间（小时）'));
  if (ladder.some((hours, i) => i > 0 && hours <= ladder[i - 1])) {
    problems.push({ field: 'escalationAfterHours', message: '催办、督办、约谈、问责须按时间先后递增' });
  }
  if (!(p.mockPassRate >= 0.5 && p.mockPassRate <= 1)) problems.push({ field: 'mockPassRate', message: '模拟测评达标得分率须在 50% 到 100% 之间' });
  if (p.dayCounting !== undefined && !DAY_COUNTINGS.includes(p.dayCounting)) problems.push({ field: 'dayCounting', message: '天数计算方式须为日历日或工作日' });
  if (p.archiveDueAt !== null && Number.isNaN(Date.parse(p.archiveDueAt))) problems.push({ field: 'archiveDueAt', message: '归档时限格式不正确' });
  return problems;
}

/** A stored policy filled up with today's defaults for anything an older version did not have. */
export function withDefaults(stored: Partial<TaskPolicy> | null | undefined): TaskPolicy {
  return {
    ...DEFAULT_TASK_POLICY,
    ...(stored ?? {}),
    escalationAfterHours: { ...DEFAULT_TASK_POLICY.escalationAfterHours, ...(stored?.escalationAfterHours ?? {}) },
    recheckDays: { ...DEFAULT_TASK_POLICY.recheckDays, ...(stored?.recheckDays ?? {}) },
  };
}
