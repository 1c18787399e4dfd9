// Domain events of an inspection round. Streams are named by inspectionRoundWorkflowId (inspection-round.messages.ts):
// `inspection-round:{campaign}:{id}`.
import type { RoundKind, RoundScore, RoundTaskAssessment, WindowCheckResult } from './inspection-round.types';

export type InspectionRoundEvent =
  | { type: 'RoundPlanned'; data: { campaignId: string; kind: RoundKind; title: string; plannedOn: string; places: string[]; indicatorCodes: string[] } }
  | { type: 'RoundStarted'; data: { note: string } }
  | { type: 'RoundFindingRecorded'; data: { itemId: string; duplicate: boolean } }
  /** `assessments`: the covered tasks the scores touched, each INCOMPLETE or now APPLYING (issue 20; absent before). */
  | { type: 'RoundScoresRecorded'; data: { scores: RoundScore[]; score: number; maxScore: number; scoreRate: number | null; assessments?: Omit<RoundTaskAssessment, 'at'>[] } }
  /** What the task made of the round's scores: recorded as its mock assessment, or refused by its rules. */
  | {
      type: 'RoundTaskAssessed';
      data: { taskId: string; outcome: 'APPLIED' | 'NOT_APPLICABLE'; reason: string | null; score: number; maxScore: number; scoreRate: number | null; passed: boolean | null; taskVersion: number | null };
    }
  /** A window-service unit checked against the checklist; each failure became (or joined) a rectification item. */
  | { type: 'RoundWindowCheckRecorded'; data: { unitCode: string; unitName: string; checklistVersion: number; results: WindowCheckResult[] } }
  | { type: 'RoundClosed'; data: { note: string; findings: number; score: number; maxScore: number; scoreRate: number | null } };

export type InspectionRoundEventType = InspectionRoundEvent['type'];
