// Domain events of an indicator task: facts, past tense, a discriminated union on `type`.
import type { Classification } from './indicator-task.types';

export type IndicatorTaskEvent =
  | {
      type: 'IndicatorTaskCreated';
      data: { campaignId: string; indicatorCode: string; unitCode: string; leadUnitCode: string; dueAt: string };
    }
  | { type: 'SelfCheckSubmitted'; data: { classification: Classification; note: string } }
  | { type: 'SelfCheckConfirmed'; data: { classification: Classification; note: string } }
  | { type: 'SelfCheckReturned'; data: { reason: string } }
  | { type: 'RectificationProgressReported'; data: { note: string } }
  | { type: 'RectificationSubmitted'; data: { note: string } }
  | { type: 'RectificationApproved'; data: { note: string } }
  | { type: 'RectificationReturned'; data: { reason: string } }
  | { type: 'MockAssessmentRecorded'; data: { score: number; passed: boolean; note: string } }
  | { type: 'ArchivingStarted'; data: { note: string } }
  | { type: 'ArchiveSubmitted'; data: { note: string } }
  | { type: 'ArchiveAccepted'; data: { note: string } }
  | { type: 'ArchiveReturned'; data: { reason: string } };

export type IndicatorTaskEventType = IndicatorTaskEvent['type'];

export const INDICATOR_TASK_EVENT_TYPES: readonly IndicatorTaskEventType[] = [
  'IndicatorTaskCreated',
  'SelfCheckSubmitted',
  'SelfCheckConfirmed',
  'SelfCheckReturned',
  'RectificationProgressReported',
  'RectificationSubmitted',
  'RectificationApproved',
  'RectificationReturned',
  'MockAssessmentRecorded',
  'ArchivingStarted',
  'ArchiveSubmitted',
  'ArchiveAccepted',
  'ArchiveReturned',
];
