// What an open round waits for: 提醒 a day before its results are due, 催办 when they are due, 督办 three days after,
// telling the office and at 督办 the leading group too (notification rules in survey-round.notifications.ts). A closed
// round waits for nothing. Pure.
import type { Role } from '../shared/actor.types';
import { addMs, HOUR } from '../shared/time';
import type { SurveyRoundEvent } from './survey-round.events';
import { missingCommunities } from './survey-round.evolve';
import { DEFAULT_SURVEY_LADDER, SURVEY_LEVELS, type SurveyLadder, type SurveyLevel, type SurveyRoundState } from './survey-round.types';

export interface SurveyTimer {
  level: SurveyLevel;
  at: string;
}

export const SURVEY_NOTIFY: Record<SurveyLevel, Role[]> = { REMINDER: ['OFFICE'], URGE: ['OFFICE'], SUPERVISE: ['OFFICE', 'LEADER'] };

export function surveyStepAt(level: SurveyLevel, dueAt: string, ladder: SurveyLadder = DEFAULT_SURVEY_LADDER): string {
  if (level === 'REMINDER') return addMs(dueAt, -ladder.reminderBeforeHours * HOUR);
  if (level === 'URGE') return dueAt;
  return addMs(dueAt, ladder.superviseAfterHours * HOUR);
}

/** The next step of an open round, or null. `now`: a 提醒 after the due time says nothing. */
export function nextSurveyTimer(state: SurveyRoundState, now: string, ladder: SurveyLadder = DEFAULT_SURVEY_LADDER): SurveyTimer | null {
  if (state.state !== 'OPEN' || state.dueAt === '') return null;
  const from = state.escalationLevel === null ? -1 : SURVEY_LEVELS.indexOf(state.escalationLevel);
  for (const level of SURVEY_LEVELS.slice(from + 1)) {
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(state.dueAt)) continue;
    return { level, at: surveyStepAt(level, state.dueAt, ladder) };
  }
  return null;
}

export function surveyTimerEvent(state: SurveyRoundState, timer: SurveyTimer): SurveyRoundEvent {
  return {
    type: 'SurveyRoundEscalated',
    data: { campaignId: state.campaignId, title: state.title, level: timer.level, dueAt: state.dueAt, missing: missingCommunities(state), notify: SURVEY_NOTIFY[timer.level] },
  };
}
