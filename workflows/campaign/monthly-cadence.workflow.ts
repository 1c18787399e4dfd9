// The campaign's monthly cadence, started by the campaign's Temporal Schedule on the 1st of every month at 09:00
// in the campaign's time zone (or by the office for a month of its choosing). It works through a list of steps,
// each an activity, for the month just ended: check the cadence of visits and meetings (a shortfall is flagged on
// the campaign's stream by the campaign workflow itself), then generate the leading group's monthly report.
// Further steps (the monthly supervision round 每月督查, the units' reports 每月专题汇报) slot into MONTHLY_STEPS. Adding a step changes
// the commands of runs in flight: guard it with patched() if runs may be open during a release.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CampaignActivities } from '../../activities/campaign.activities';
import type { UnitReportActivities } from '../../activities/unit-report.activities';
import { SYSTEM_ACTOR, type Actor } from '../shared/actor.types';
import { monthOf, nextMonth, previousMonth } from './campaign.calendar';
import type { CadenceResult, MonthlyCadenceInput, MonthlyCadenceResult } from './campaign.types';

const { checkCadence, generateMonthlyReport, openMonthlySupervisionRound } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20, nonRetryableErrorTypes: ['NOT_FOUND', 'BAD_USER_INPUT'] },
});

const { openUnitReports } = proxyActivities<UnitReportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20, nonRetryableErrorTypes: ['NOT_FOUND', 'BAD_USER_INPUT'] },
});

/** Patch id of opening the units' reports of the new month (issue 19): runs recorded before it replay without it. */
export const OPEN_UNIT_REPORTS_PATCH = 'open-unit-reports';

/** Set by the server on runs a schedule starts: the nominal time, even when a run is caught up late. */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** What the steps know of the run, and what each has produced so far. */
export interface MonthlyContext {
  campaignId: string;
  month: string;
  requestedBy: Actor;
  cadence: CadenceResult | null;
  reportGeneratedAt: string | null;
  /** Started by the schedule (not by the office for a month of its choosing): the new month's round opens. */
  scheduled: boolean;
  supervisionRoundId: string | null;
  /** The units' reports the schedule's run opened for the new month (每月专题汇报); null when none were opened. */
  unitReportsOpened?: number | null;
}

export interface MonthlyStep {
  name: string;
  run(context: MonthlyContext): Promise<Partial<MonthlyContext>>;
}

/** The month's work, in order. Each step reads what the steps before it produced. */
export const MONTHLY_STEPS: readonly MonthlyStep[] = [
  {
    name: 'checkCadence',
    run: async (c) => ({ cadence: await checkCadence({ campaignId: c.campaignId, month: c.month, actor: c.requestedBy }) }),
  },
  {
    name: 'generateMonthlyReport',
    run: async (c) => ({ reportGeneratedAt: (await generateMonthlyReport({ campaignId: c.campaignId, month: c.month, cadence: c.cadence })).generatedAt }),
  },
  {
    // 每月督查: the supervision group finds the month's round waiting for it.
    name: 'openMonthlySupervisionRound',
    run: async (c) => (c.scheduled ? { supervisionRoundId: (await openMonthlySupervisionRound({ campaignId: c.campaignId, month: nextMonth(c.month) })).roundId } : {}),
  },
  {
    // 每月专题汇报: every unit's report of the new month opens, due on the campaign's due day. Guarded by a patch:
    // a scheduled run in flight during the release replays as it ran.
    name: 'openUnitReports',
    run: async (c) =>
      c.scheduled && patched(OPEN_UNIT_REPORTS_PATCH) ? { unitReportsOpened: (await openUnitReports({ campaignId: c.campaignId, month: nextMonth(c.month), actor: c.requestedBy })).opened } : {},
  },
];

/** When this run was meant to happen: the schedule's nominal time, else the start of the run. */
function scheduledAt(): Date {
  const info = workflowInfo();
  try {
    const typed = info.typedSearchAttributes.get(SCHEDULED_START_TIME);
    if (typed instanceof Date && !Number.isNaN(typed.getTime())) return typed;
  } catch {
    // Not a scheduled run, or an attribute without type information: fall through.
  }
  const legacy = info.searchAttributes?.TemporalScheduledStartTime?.[0];
  const parsed = legacy instanceof Date ? legacy : typeof legacy === 'string' ? new Date(legacy) : null;
  if (parsed && !Number.isNaN(parsed.getTime())) return parsed;
  return info.startTime;
}

export async function monthlyCadenceWorkflow(input: MonthlyCadenceInput): Promise<MonthlyCadenceResult> {
  const month = input.month ?? previousMonth(monthOf(scheduledAt().toISOString(), input.timeZone));
  let context: MonthlyContext = {
    campaignId: input.campaignId,
    month,
    requestedBy: input.requestedBy ?? SYSTEM_ACTOR,
    cadence: null,
    reportGeneratedAt: null,
    scheduled: input.month === undefined || input.month === null,
    supervisionRoundId: null,
  };
  for (const step of MONTHLY_STEPS) {
    context = { ...context, ...(await step.run(context)) };
  }
  return { campaignId: context.campaignId, month: context.month, cadence: context.cadence!, reportGeneratedAt: context.reportGeneratedAt ?? '' };
}
