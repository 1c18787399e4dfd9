// Types of the campaign's clock (创文活动): its phases, their planned start dates, the on-site supervision
// visits and meetings that make up the monthly cadence, and the state the workflow, the projection and the API
// share. Names follow ../shared/GLOSSARY.md exactly.
import type { Actor } from '../shared/actor.types';

/** 宣传发动 → 专项整治 → 全面冲刺 → 迎检 → 总结评议 (实施方案 五、工作步骤). */
export const PHASES = ['MOBILIZATION', 'SPECIAL_RECTIFICATION', 'SPRINT', 'INSPECTION', 'REVIEW'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * 联席会议 (the leading group with the units concerned), 协调会 (key and difficult problems, monthly: plan 五(二)3),
 * 动员大会 (mobilization, plan 五(一)) and the leading group's monthly hearing of the units' reports (听取单位工作汇报,
 * plan 五(二)6), whose `unitCodes` are the units that reported, and the meeting a lead unit convenes with the
 * responsible units of the indicators it leads (牵头单位协调会, LEAD_UNIT: recorded only by that unit, with its own action).
 */
export const MEETING_KINDS = ['JOINT', 'COORDINATION', 'MOBILIZATION', 'HEARING', 'SUMMARY', 'LEAD_UNIT'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * What the plan requires every month: on-site supervision at least twice and a joint meeting at least once (五(二)2),
 * a coordination meeting (五(二)3) and the leading group's hearing of the units' reports (五(二)6) at least once.
 */
export const CADENCE_REQUIREMENTS = ['SUPERVISION_VISIT', 'JOINT_MEETING', 'COORDINATION_MEETING', 'UNIT_REPORT_HEARING'] as const;
export type CadenceRequirement = (typeof CADENCE_REQUIREMENTS)[number];

/** What the cadence check required before issue 20: checks recorded then replay with it (campaign.workflow.ts). */
export const CADENCE_REQUIREMENTS_BEFORE_ISSUE_20: readonly CadenceRequirement[] = ['SUPERVISION_VISIT', 'JOINT_MEETING'];

export const CADENCE_MINIMUM: Record<CadenceRequirement, number> = { SUPERVISION_VISIT: 2, JOINT_MEETING: 1, COORDINATION_MEETING: 1, UNIT_REPORT_HEARING: 1 };

/** A planned start date ('YYYY-MM-DD', the campaign's local calendar) per phase; null while not planned. */
export type PhasePlan = Record<Phase, string | null>;

/** What was recorded for one month, by the date of the visit or meeting (not the day it was typed in). */
export interface MonthTally {
  visits: number;
  jointMeetings: number;
  coordinationMeetings: number;
  /** The leading group's hearings of the units' reports; absent from tallies of months folded before issue 20. */
  hearings?: number;
}

/** The archive as the API read it from the board's cards: the gate before the inspection phase. */
export interface ArchiveFacts {
  /** Indicator tasks of the campaign. */
  tasks: number;
  /** Of those, tasks in stage ARCHIVED. */
  archived: number;
}

/** A decision of a meeting (议定事项): later the item workflow can turn it into a rectification item or a task. */
export interface MeetingDecision {
  text: string;
  /** The unit that is to act on it, when the minutes name one. */
  unitCode: string | null;
  /** By when ('YYYY-MM-DD'), when the minutes say. */
  dueDate: string | null;
  /** A lead unit's meeting only: the task of the indicators it leads that the decision is a comment on (then no unitCode). */
  taskId?: string | null;
}

/**
 * What a lead unit may name in its meeting, as the API read it from the board's cards: the tasks whose lead unit it
 * is, and their responsible units. The validator holds the meeting to these, like the archive facts of the gate.
 */
export interface LeadScope {
  taskIds: string[];
  unitCodes: string[];
}

export interface CampaignState {
  campaignId: string;
  /** IANA time zone of the campaign (campaigns.time_zone): dates, months and planned starts are local to it. */
  timeZone: string;
  /** 'YYYY-MM-DD' */
  inspectionDate: string;
  phase: Phase;
  /** When the current phase began (workflow time). */
  phaseEnteredAt: string;
  /** When each phase entered so far began. */
  entered: Partial<Record<Phase, string>>;
  plan: PhasePlan;
  /** The next phase's planned start has passed while the campaign is still in this one (a PhaseDue was recorded). */
  phaseDue: { phase: Phase; plannedStart: string } | null;
  /** Visits and meetings by month ('YYYY-MM'). */
  months: Record<string, MonthTally>;
  /** Shortfalls flagged by the monthly check, by month: what was missing. */
  flagged: Record<string, CadenceRequirement[]>;
  /** Number of events in the campaign's stream. */
  version: number;
}

export interface CampaignClockInput {
  campaignId: string;
  timeZone: string;
  inspectionDate: string;
  startedBy: Actor;
  /** Set when the workflow continues as new: the state it carries over. */
  resume?: { state: CampaignState } | null;
  /** Events of history after which the workflow continues as new (lowered in tests). */
  historyLimit?: number;
}

/** What the monthly check found for one month. */
export interface CadenceResult {
  month: string;
  tally: MonthTally;
  /** What is missing; empty when the month met the cadence. */
  shortfalls: { requirement: CadenceRequirement; required: number; recorded: number }[];
  /** Whether the month is over in the campaign's time zone; a month in progress is never flagged. */
  ended: boolean;
  /** Whether a shortfall of this month stands flagged on the campaign (now or by an earlier check). */
  flagged: boolean;
  version: number;
}

export interface MonthlyCadenceInput {
  campaignId: string;
  /** The month to check and report ('YYYY-MM'); the month just ended when absent (the schedule's runs). */
  month?: string | null;
  /** The campaign's time zone: "the month just ended" is local to it. */
  timeZone: string;
  /** Who asked for it; the system for the schedule's runs. */
  requestedBy?: Actor | null;
}

export interface MonthlyCadenceResult {
  campaignId: string;
  month: string;
  cadence: CadenceResult;
  reportGeneratedAt: string;
}

export const CAMPAIGN_ACTIONS = ['SET_PHASE_PLAN', 'ADVANCE_PHASE', 'RECORD_SUPERVISION_VISIT', 'RECORD_MEETING', 'RECORD_LEAD_UNIT_MEETING'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export type CampaignCommand =
  /** The whole plan: every phase's planned start date, null for a phase not planned. */
  | { action: 'SET_PHASE_PLAN'; plan: Partial<PhasePlan>; note?: string }
  /**
   * Move to `to`, which must be the next phase. The API fills `archive` in from the board's cards; moving to
   * INSPECTION with an incomplete archive needs `overrideReason`.
   */
  | { action: 'ADVANCE_PHASE'; to: Phase; archive?: ArchiveFacts | null; overrideReason?: string | null; note?: string }
  | { action: 'RECORD_SUPERVISION_VISIT'; visitId: string; date: string; places: string[]; visitors: string[]; unitCodes?: string[]; notes: string }
  | {
      action: 'RECORD_MEETING';
      meetingId: string;
      kind: MeetingKind;
      date: string;
      title?: string;
      attendees: string[];
      unitCodes?: string[];
      /** Units expected but absent (动员大会 attendance by unit); present units are `unitCodes`. */
      absentUnitCodes?: string[];
      minutes: string;
      decisions?: MeetingDecision[];
    }
  /**
   * A lead unit's meeting with the responsible units of the indicators it leads (牵头单位召集): `convenerUnitCode` is
   * the caller's own unit; the attending units and the decisions' units and tasks must be within `scope`.
   */
  | {
      action: 'RECORD_LEAD_UNIT_MEETING';
      meetingId: string;
      convenerUnitCode: string;
      date: string;
      title: string;
      attendees: string[];
      unitCodes: string[];
      minutes: string;
      decisions?: MeetingDecision[];
      scope: LeadScope;
    };

export interface CampaignActionRequest {
  command: CampaignCommand;
  actor: Actor;
  expectedVersion?: number | null;
  /** Ties the resulting events to the request that caused them (the API's request id). */
  correlationId?: string;
}

/** The nightly board snapshot of one campaign. */
export interface BoardSnapshotInput {
  campaignId: string;
}

/** What a snapshot run did: the snapshot's number, or null when nothing had happened since the last. */
export interface BoardSnapshotResult {
  seq: number | null;
  events: number;
  streams: number;
}
