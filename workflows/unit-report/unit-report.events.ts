// Domain events of a unit's monthly report. Every event that tells someone carries the report's campaign, unit and
// month, so that the inbox rules need nothing else of the stream.
import type { Role } from '../shared/actor.types';
import type { UnitReportAttachment, UnitReportLevel, UnitReportSubject } from './unit-report.types';

type About = { campaignId: string; unitCode: string; month: string };

export type UnitReportEvent =
  | { type: 'UnitReportOpened'; data: UnitReportSubject }
  | {
      type: 'UnitReportSubmitted';
      data: About & { progress: string; problems: string; nextSteps: string; attachments: UnitReportAttachment[]; resubmission: boolean };
    }
  | { type: 'UnitReportReturned'; data: About & { reason: string } }
  | { type: 'UnitReportAccepted'; data: About & { note: string } }
  /** Not handed in in time: 提醒, 催报, 督办; `notify` says who is told. */
  | { type: 'UnitReportEscalated'; data: About & { level: UnitReportLevel; dueAt: string; notify: Role[] } };

export type UnitReportEventType = UnitReportEvent['type'];
