// A mock-assessment round's scores as the round's RECORD_SCORES command (issue 20): each score's points from the
// catalog, each indicator's scores assigned to the unit whose task they are, and the tasks they touch with what a
// task's mock assessment needs. Shared by the API (InspectionRoundService.recordScores) and the demo.
import { DomainError } from '../platform/errors/domain-error';
import type { RoundScore, RoundTaskTarget } from '../../workflows/inspection-round/inspection-round.types';
import type { InspectionRoundRepository } from './inspection-round.repository';

const MAX_SCORES = 500;

/**
 * Each indicator's scores belong to the unit's task of it: `unitCode`'s (which must have one), else the indicator's
 * only task (several: the unit must be named), else none (the round's own score only). Coded errors name the input.
 */
export async function roundScoresCommand(
  repository: Pick<InspectionRoundRepository, 'criteriaOf' | 'tasksOf'>,
  round: { campaignId: string; indicatorCodes: string[] },
  scores: readonly { criterionCode: string; score: number }[],
  unitCode: string | null | undefined,
): Promise<{ action: 'RECORD_SCORES'; scores: RoundScore[]; targets: RoundTaskTarget[] }> {
  if (!Array.isArray(scores) || scores.length === 0) throw new DomainError('BAD_USER_INPUT', '请至少为一项测评内容评分', 'scores');
  if (scores.length > MAX_SCORES) throw new DomainError('BAD_USER_INPUT', `一次最多录入${MAX_SCORES}项得分`, 'scores');
  if (unitCode !== null && unitCode !== undefined && (typeof unitCode !== 'string' || unitCode.length > 64 || unitCode.trim() === '')) throw new DomainError('BAD_USER_INPUT', '单位编码不正确', 'unitCode');
  const criteria = await repository.criteriaOf(round.indicatorCodes);
  const known = new Map(criteria.map((c) => [c.code, c]));
  const unknown = scores.find((s) => typeof s.criterionCode !== 'string' || !known.has(s.criterionCode));
  if (unknown) throw new DomainError('BAD_USER_INPUT', `测评内容「${[...String(unknown.criterionCode)].slice(0, 64).join('')}」不在本轮测评的指标之内`, 'scores');
  const bad = scores.find((s) => typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > known.get(s.criterionCode)!.points);
  if (bad) throw new DomainError('BAD_USER_INPUT', `测评内容「${bad.criterionCode}」的得分须在0到${known.get(bad.criterionCode)!.points}分之间`, 'scores');

  // Whose task each touched indicator's scores are.
  const touched = [...new Set(scores.map((s) => known.get(s.criterionCode)!.indicatorCode))];
  const tasks = await repository.tasksOf(round.campaignId, touched);
  const unitOf = new Map<string, string | null>();
  const targets: RoundTaskTarget[] = [];
  for (const code of touched) {
    const ofIndicator = tasks.filter((t) => t.indicatorCode === code);
    let task: (typeof tasks)[number] | undefined;
    if (unitCode) {
      task = ofIndicator.find((t) => t.unitCode === unitCode.trim());
      if (!task) throw new DomainError('BAD_USER_INPUT', `单位「${[...unitCode].slice(0, 64).join('')}」没有指标${code}的任务`, 'unitCode');
    } else if (ofIndicator.length > 1) {
      throw new DomainError('BAD_USER_INPUT', `指标${code}有多个责任单位的任务（${ofIndicator.map((t) => t.unitName).join('、')}），请选择单位`, 'unitCode');
    } else {
      task = ofIndicator[0];
    }
    unitOf.set(code, task?.unitCode ?? null);
    if (!task) continue;
    const own = criteria.filter((c) => c.indicatorCode === code);
    targets.push({
      taskId: task.taskId,
      unitCode: task.unitCode,
      unitName: task.unitName,
      indicatorCode: code,
      criteria: own.map((c) => ({ code: c.code, points: c.points })),
      // What a failed assessment's rectification items need, as the task's own recordMockAssessment gives it.
      followUp: { area: task.area, address: `${task.unitName}（${code} ${task.indicatorName}）`, criteria: Object.fromEntries(own.map((c) => [c.code, c.content])) },
    });
  }
  return {
    action: 'RECORD_SCORES',
    scores: scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, points: known.get(s.criterionCode)!.points, unitCode: unitOf.get(known.get(s.criterionCode)!.indicatorCode) ?? null })),
    targets,
  };
}
