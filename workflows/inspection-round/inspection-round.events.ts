// Domain events of an inspection round. Streams are named by inspectionRoundWorkflowId (inspection-round.messages.ts):
// `inspection-round:{campaign}:{id}`.
import type { CriterionScore } from '../indicator-task/indicator-task.types';
import type { RoundKind } from './inspection-round.types';

export type InspectionRoundEvent =
  | { type: 'RoundPlanned'; data: { campaignId: string; kind: RoundKind; title: string; plannedOn: string; places: string[]; indicatorCodes: string[] } }
  | { type: 'RoundStarted'; data: { note: string } }
  | { type: 'RoundFindingRecorded'; data: { itemId: string; duplicate: boolean } }
  | { type: 'RoundScoresRecorded'; data: { scores: CriterionScore[]; score: number; maxScore: number; scoreRate: number | null } }
  | { type: 'RoundClosed'; data: { note: string; findings: number; score: number; maxScore: number; scoreRate: number | null } };

export type InspectionRoundEventType = InspectionRoundEvent['type'];
