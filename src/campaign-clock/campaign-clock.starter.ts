// Starts a campaign's clock: its workflow (id = the business key `campaign:{id}`, so a second start finds the
// first and leaves it alone) and its monthly Temporal Schedule (`campaign-monthly:{id}`, the 1st of every month
// at 09:00 in the campaign's time zone), and its nightly board snapshot (`campaign-board-snapshot:{id}`, 02:30).
// Safe to run at every start-up and from the demo seeding.
import type { Duration } from '@temporalio/common';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, WorkflowExecutionAlreadyStartedError, type Client, type ScheduleOptionsAction, type ScheduleSpec } from '@temporalio/client';
import type { CampaignRepository } from '../campaign/campaign.repository';
import { CAMPAIGN_ID } from '../../workflows/search-attributes';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import { BOARD_SNAPSHOT_WORKFLOW_TYPE, CAMPAIGN_CLOCK_WORKFLOW_TYPE, MONTHLY_CADENCE_WORKFLOW_TYPE, boardSnapshotScheduleId, campaignWorkflowId, monthlyScheduleId } from '../../workflows/campaign/campaign.messages';
import type { BoardSnapshotInput, CampaignClockInput, MonthlyCadenceInput } from '../../workflows/campaign/campaign.types';

export interface ClockCampaign {
  id: string;
  timeZone: string;
  inspectionDate: string;
}

/** On the 1st of every month at 09:00, local time of the campaign: the leading group's monthly report. */
export function monthlyScheduleSpec(timeZone: string): ScheduleSpec {
  return { calendars: [{ dayOfMonth: 1, hour: 9, minute: 0, comment: '每月1日9:00 / 1st of the month, 09:00' }], timezone: timeZone };
}

function monthlyAction(campaign: ClockCampaign, taskQueue: string) {
  const args: [MonthlyCadenceInput] = [{ campaignId: campaign.id, timeZone: campaign.timeZone }];
  return {
    type: 'startWorkflow' as const,
    workflowType: MONTHLY_CADENCE_WORKFLOW_TYPE,
    // The server appends the scheduled time to this id for each run.
    workflowId: monthlyScheduleId(campaign.id),
    taskQueue,
    args,
    typedSearchAttributes: [{ key: CAMPAIGN_ID, value: campaign.id }],
  } satisfies ScheduleOptionsAction;
}

/** Starts the campaign's workflow if it has none; returns true when it was started now. */
export async function startCampaignClock(client: Client, taskQueue: string, campaign: ClockCampaign, startedBy: Actor = SYSTEM_ACTOR): Promise<boolean> {
  const input: CampaignClockInput = { campaignId: campaign.id, timeZone: campaign.timeZone, inspectionDate: campaign.inspectionDate, startedBy };
  try {
    await client.workflow.start(CAMPAIGN_CLOCK_WORKFLOW_TYPE, {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [{ key: CAMPAIGN_ID, value: campaign.id }],
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

/** A campaign's Schedule as it should be: what it starts, when, and what a late or overlapping run does. */
interface CampaignSchedule {
  scheduleId: string;
  spec: ScheduleSpec;
  action: ScheduleOptionsAction & { type: 'startWorkflow'; workflowType: string; taskQueue: string };
  policies: { overlap: ScheduleOverlapPolicy; catchupWindow: Duration };
  note: string;
}

/**
 * Creates the Schedule, or brings an existing one up to date when its time zone, task queue or workflow type
 * changed (a release, a campaign's time zone edited). Returns 'created', 'updated' or 'unchanged'.
 */
async function ensureSchedule(client: Client, wanted: CampaignSchedule): Promise<'created' | 'updated' | 'unchanged'> {
  const { scheduleId, spec, action, policies, note } = wanted;
  try {
    await client.schedule.create({ scheduleId, spec, action, policies, state: { note } });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  const same =
    current.spec.timezone === spec.timezone &&
    current.action.type === 'startWorkflow' &&
    current.action.taskQueue === action.taskQueue &&
    current.action.workflowType === action.workflowType;
  if (same) return 'unchanged';
  await handle.update((previous) => ({ ...previous, spec, action }));
  return 'updated';
}

/** Creates the campaign's monthly schedule, or brings an existing one up to date. */
export async function ensureMonthlySchedule(client: Client, taskQueue: string, campaign: ClockCampaign): Promise<'created' | 'updated' | 'unchanged'> {
  return ensureSchedule(client, {
    scheduleId: monthlyScheduleId(campaign.id),
    spec: monthlyScheduleSpec(campaign.timeZone),
    action: monthlyAction(campaign, taskQueue),
    // A month caught up after an outage still reports on its own month (the run reads its scheduled time).
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
    note: '创文每月专题汇报与工作节奏检查 / monthly report and cadence check',
  });
}

/** Every night at 02:30, local time of the campaign: the board's snapshot for the office's board as of an instant. */
export function boardSnapshotScheduleSpec(timeZone: string): ScheduleSpec {
  return { calendars: [{ hour: 2, minute: 30, comment: '每日2:30 / every day, 02:30' }], timezone: timeZone };
}

/**
 * Creates the campaign's nightly board-snapshot schedule (`campaign-board-snapshot:{id}`), or brings an existing
 * one up to date. A run still going when the next is due makes that one skip; none is caught up after an outage
 * (the next night's run takes in the missed days).
 */
export async function ensureBoardSnapshotSchedule(client: Client, taskQueue: string, campaign: ClockCampaign): Promise<'created' | 'updated' | 'unchanged'> {
  const scheduleId = boardSnapshotScheduleId(campaign.id);
  const args: [BoardSnapshotInput] = [{ campaignId: campaign.id }];
  return ensureSchedule(client, {
    scheduleId,
    spec: boardSnapshotScheduleSpec(campaign.timeZone),
    action: { type: 'startWorkflow', workflowType: BOARD_SNAPSHOT_WORKFLOW_TYPE, workflowId: scheduleId, taskQueue, args, typedSearchAttributes: [{ key: CAMPAIGN_ID, value: campaign.id }] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    note: '看板每日快照（回看某一时刻的看板用） / nightly board snapshot for the board as of an instant',
  });
}

/** The clock of one campaign: its workflow, its monthly schedule and its nightly snapshot schedule. */
export async function ensureCampaignClock(client: Client, taskQueue: string, campaign: ClockCampaign): Promise<{ started: boolean; schedule: string; snapshots: string }> {
  const started = await startCampaignClock(client, taskQueue, campaign);
  const schedule = await ensureMonthlySchedule(client, taskQueue, campaign);
  const snapshots = await ensureBoardSnapshotSchedule(client, taskQueue, campaign);
  return { started, schedule, snapshots };
}

/** Every campaign in the database gets its clock; those that have one are left as they are. */
export async function ensureCampaignClocks(
  campaigns: Pick<CampaignRepository, 'clockCampaigns'>,
  client: Client,
  taskQueue: string,
): Promise<{ campaigns: number; started: number }> {
  const all = await campaigns.clockCampaigns();
  let started = 0;
  for (const campaign of all) {
    const result = await ensureCampaignClock(client, taskQueue, campaign);
    if (result.started) started += 1;
  }
  return { campaigns: all.length, started };
}
