// What 总结评议 adds to a unit's performance assessment (issue 20, 五(五)): the leading group's 评议 grade and the unit's
// self-evaluation record over the campaign's rounds due by the end of the period (or answered by then) (submitted on time, late, missing).
// Shown beside the score, not in it: the score's rules (performance-score.ts) stay as they are, because a grade is
// the leading group's judgement of the whole work, itself informed by the score, and counting it back into the score
// would count the same work twice. Pure.
import { GRADE_LABELS } from '../../workflows/self-evaluation/self-evaluation.labels';
import type { Grade, SelfEvaluationState } from '../../workflows/self-evaluation/self-evaluation.types';
import type { AppraisalState } from '../../workflows/appraisal/appraisal.types';

export interface UnitReviewRecord {
  appraisal: { grade: Grade; gradeLabel: string; comment: string } | null;
  selfEvaluation: { rounds: number; onTime: number; late: number; missing: number; label: string };
}

/** The record of `unitCode` at `to` (ms): rounds that asked it and were due by then or already answered; a form first submitted after the due time is late. */
export function unitReviewRecord(unitCode: string, rounds: readonly SelfEvaluationState[], appraisal: AppraisalState | null, to: number): UnitReviewRecord {
  let asked = 0;
  let onTime = 0;
  let late = 0;
  for (const round of rounds) {
    if (!round.units.some((u) => u.unitCode === unitCode)) continue;
    const form = round.forms.find((f) => f.unitCode === unitCode);
    const handedIn = form !== undefined && form.submittedAt !== null && Date.parse(form.submittedAt) <= to;
    // A round not yet due counts once its form is in (on time); until then it is owed, not missing.
    if (Date.parse(round.dueAt) > to && !handedIn) continue;
    asked++;
    if (!handedIn) continue;
    if (form.late) late++;
    else onTime++;
  }
  const missing = asked - onTime - late;
  const grade = appraisal?.grades.find((g) => g.unitCode === unitCode) ?? null;
  return {
    appraisal: grade ? { grade: grade.grade, gradeLabel: GRADE_LABELS[grade.grade], comment: grade.comment } : null,
    selfEvaluation: { rounds: asked, onTime, late, missing, label: asked === 0 ? '无应报' : `应报 ${asked} 次：按时 ${onTime}，逾期 ${late}，未报 ${missing}` },
  };
}
