// Domain events of a campaign's clock: facts, past tense, a discriminated union on `type`. They live in the
// same `events` table as every other stream, on the stream `campaign:{campaignId}`.
import type { ArchiveFacts, CadenceRequirement, MeetingDecision, MeetingKind, MonthTally, Phase, PhasePlan } from './campaign.types';

export type CampaignEvent =
  | { type: 'CampaignClockStarted'; data: { campaignId: string; timeZone: string; inspectionDate: string } }
  | { type: 'PhasePlanSet'; data: { plan: PhasePlan; note: string } }
  /**
   * The office moved the campaign on. `archive`: the archive as the API read it at the time; `overrideReason`:
   * why the office moved to INSPECTION although the archive was incomplete (null when the gate was open).
   */
  | { type: 'PhaseAdvanced'; data: { from: Phase; to: Phase; archive: ArchiveFacts | null; overrideReason: string | null; note: string } }
  /** A reminder: `phase`'s planned start has passed and the campaign is still in the phase before it. */
  | { type: 'PhaseDue'; data: { phase: Phase; plannedStart: string; current: Phase } }
  | {
      type: 'SupervisionVisitRecorded';
      data: { visitId: string; date: string; places: string[]; visitors: string[]; unitCodes: string[]; notes: string };
    }
  | {
      type: 'CampaignMeetingRecorded';
      data: {
        meetingId: string;
        kind: MeetingKind;
        date: string;
        title: string;
        attendees: string[];
        unitCodes: string[];
        /** Units absent (a 动员大会's attendance by unit); absent from meetings recorded before issue 19. */
        absentUnitCodes?: string[];
        /** The lead unit that convened it (LEAD_UNIT only). */
        convenerUnitCode?: string;
        minutes: string;
        decisions: MeetingDecision[];
      };
    }
  /** The monthly check found the month short of the cadence the plan requires. */
  | {
      type: 'CadenceShortfallFlagged';
      data: {
        month: string;
        tally: MonthTally;
        missing: { requirement: CadenceRequirement; required: number; recorded: number }[];
      };
    };

export type CampaignEventType = CampaignEvent['type'];

export const CAMPAIGN_EVENT_TYPES: readonly CampaignEventType[] = [
  'CampaignClockStarted',
  'PhasePlanSet',
  'PhaseAdvanced',
  'PhaseDue',
  'SupervisionVisitRecorded',
  'CampaignMeetingRecorded',
  'CadenceShortfallFlagged',
];
