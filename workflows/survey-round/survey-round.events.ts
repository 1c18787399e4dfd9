// Domain events of a survey round. Each carries its campaign and title, so the inbox rules need nothing of the stream.
import type { Role } from '../shared/actor.types';
import type { SurveyCounts, SurveyLevel, SurveyRoundSubject } from './survey-round.types';

type About = { campaignId: string; title: string };

export type SurveyRoundEvent =
  | { type: 'SurveyRoundPlanned'; data: SurveyRoundSubject }
  /** A community's results; `amended` when it replaces results recorded before. */
  | { type: 'SurveyResultsRecorded'; data: About & SurveyCounts & { unitCode: string; amended: boolean } }
  | { type: 'SurveyRoundClosed'; data: About & { note: string } }
  /** Results still owed (or the round not closed) at a step of the ladder; `missing`: communities without results. */
  | { type: 'SurveyRoundEscalated'; data: About & { level: SurveyLevel; dueAt: string; missing: string[]; notify: Role[] } };

export type SurveyRoundEventType = SurveyRoundEvent['type'];
