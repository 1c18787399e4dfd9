// What an open round waits for: 提醒 a day before the forms are due, 催办 when they are due, 督办 three days after,
// telling the units still owing a form and the office, and at 督办 the leading group too (notification rules in
// self-evaluation.notifications.ts). A closed round waits for nothing. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { SelfEvaluationEvent } from './self-evaluation.events';
import { missingForms } from './self-evaluation.evolve';
import { DEFAULT_SELF_EVALUATION_LADDER, SELF_EVALUATION_LEVELS, type SelfEvaluationLadder, type SelfEvaluationLevel, type SelfEvaluationState } from './self-evaluation.types';

export interface SelfEvaluationTimer {
  level: SelfEvaluationLevel;
  at: string;
}

export const SELF_EVALUATION_NOTIFY: Record<SelfEvaluationLevel, Role[]> = { REMINDER: ['OFFICE'], URGE: ['OFFICE'], SUPERVISE: ['OFFICE', 'LEADER'] };

export function selfEvaluationStepAt(level: SelfEvaluationLevel, dueAt: string, ladder: SelfEvaluationLadder = DEFAULT_SELF_EVALUATION_LADDER): string {
  if (level === 'REMINDER') return addMs(dueAt, -ladder.reminderBeforeHours * HOUR);
  if (level === 'URGE') return dueAt;
  return addMs(dueAt, ladder.superviseAfterHours * HOUR);
}

/** The next step of an open round with forms missing, or null. `now`: a 提醒 after the due time says nothing. */
export function nextSelfEvaluationTimer(state: SelfEvaluationState, now: string, ladder: SelfEvaluationLadder = DEFAULT_SELF_EVALUATION_LADDER): SelfEvaluationTimer | null {
  if (state.state !== 'OPEN' || state.dueAt === '' || missingForms(state).length === 0) return null;
  const from = state.escalationLevel === null ? -1 : SELF_EVALUATION_LEVELS.indexOf(state.escalationLevel);
  for (const level of SELF_EVALUATION_LEVELS.slice(from + 1)) {
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.dueAt)) continue;
    return { level, at: selfEvaluationStepAt(level, state.dueAt, ladder) };
  }
  return null;
}

export function selfEvaluationTimerEvent(state: SelfEvaluationState, timer: SelfEvaluationTimer): SelfEvaluationEvent {
  return {
    type: 'SelfEvaluationEscalated',
    data: { campaignId: state.campaignId, title: state.title, level: timer.level, dueAt: state.dueAt, missing: missingForms(state), notify: SELF_EVALUATION_NOTIFY[timer.level] },
  };
}
