// Chinese labels of inspection rounds: what people see on the board, in messages and in exports.
import type { RoundAction, RoundState, RoundTaskOutcome } from './inspection-round.types';

export const ROUND_STATE_LABELS: Record<RoundState, string> = { PLANNED: '计划中', IN_PROGRESS: '进行中', CLOSED: '已结束' };
export const ROUND_ACTION_LABELS: Record<RoundAction, string> = {
  START_ROUND: '开始检查',
  RECORD_FINDING: '记录发现的问题',
  RECORD_SCORES: '录入测评得分',
  RECORD_WINDOW_CHECK: '窗口服务规范化检查',
  CLOSE_ROUND: '结束检查',
};
/** What became of a task a mock assessment's scores cover (issue 20). */
export const ROUND_TASK_OUTCOME_LABELS: Record<RoundTaskOutcome, string> = {
  INCOMPLETE: '待录完',
  APPLYING: '计入中',
  APPLIED: '已计入任务',
  NOT_APPLICABLE: '未计入任务',
};
