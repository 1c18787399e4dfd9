// One workflow per campaign: the campaign's clock and the authority for its phase. People act on it through
// Updates whose validators apply the pure rules of campaign.lifecycle.ts; every accepted action is appended to
// the event store (stream `campaign:{id}`) before the Update returns. Time acts through a durable timer: when
// the next phase's planned start date comes while the campaign is still in the phase before it, a PhaseDue
// reminder is recorded. The campaign never moves on by itself: moving on, past the archive gate above all, is the
// office's decision. The workflow runs for the whole campaign and continues as new before its history is long.
import {
  continueAsNew,
  currentUpdateInfo,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { eventRecorder } from '../shared/event-recorder';
import { drainHandlers, historyIsLong, rejectUpdate, timerCameFirst } from '../shared/workflow-loop';
import { SYSTEM_ACTOR } from '../indicator-task/indicator-task.types';
import type { CampaignEvent } from './campaign.events';
import { decide, decideCadence, evolve, initialCampaignState, nextPhaseDue, validCadenceMonth, type CampaignActionRequest } from './campaign.lifecycle';
import { campaignActionUpdate, campaignStateQuery, checkCadenceUpdate, type CampaignActionResult } from './campaign.messages';
import type { CadenceResult, CampaignClockInput, CampaignState } from './campaign.types';

/** History events after which the clock continues as new. */
export const DEFAULT_CAMPAIGN_HISTORY_LIMIT = 5_000;


const now = () => new Date().toISOString(); // workflow time: deterministic on replay

export async function campaignClockWorkflow(input: CampaignClockInput): Promise<CampaignState> {
  const info = workflowInfo();
  const historyLimit = input.historyLimit ?? DEFAULT_CAMPAIGN_HISTORY_LIMIT;
  let state = input.resume?.state ?? initialCampaignState(input);
  const recorder = eventRecorder<CampaignState, CampaignEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolve,
  );
  const record = recorder.record;

  // Recorded before the handlers are set, so that an update arriving with the start finds the clock started.
  const started = input.resume
    ? Promise.resolve()
    : record(
        [{ type: 'CampaignClockStarted', data: { campaignId: input.campaignId, timeZone: input.timeZone, inspectionDate: input.inspectionDate } }],
        input.startedBy,
        info.workflowId,
        info.workflowId,
      );

  setHandler(campaignStateQuery, () => state);

  setHandler(
    campaignActionUpdate,
    async (request: CampaignActionRequest): Promise<CampaignActionResult> => {
      // Validator and handler run in the same activation, so this decision equals the validator's.
      const decision = decide(state, request, now());
      if (!decision.ok) rejectUpdate(decision.rejection);
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const done = record(decision.events, request.actor, updateId, request.correlationId ?? updateId);
      const result: CampaignActionResult = { version: state.version, phase: state.phase };
      await done;
      return result;
    },
    {
      validator: (request: CampaignActionRequest): void => {
        const decision = decide(state, request, now());
        if (!decision.ok) rejectUpdate(decision.rejection);
      },
    },
  );

  setHandler(
    checkCadenceUpdate,
    async ({ month, actor }): Promise<CadenceResult> => {
      const { result, events } = decideCadence(state, month, now());
      if (events.length > 0) {
        const updateId = currentUpdateInfo()?.id ?? uuid4();
        await record(events, actor ?? SYSTEM_ACTOR, updateId, `${info.workflowId}:cadence:${month}`);
      } else {
        await recorder.settled();
      }
      return result;
    },
    {
      validator: ({ month }): void => {
        const bad = validCadenceMonth(month);
        if (bad) rejectUpdate(bad);
      },
    },
  );

  await started;
  const isLong = historyIsLong(historyLimit);

  for (;;) {
    if (isLong()) {
      // Let accepted actions finish and their events reach the store, then carry the state over.
      await drainHandlers(recorder.settled);
      return continueAsNew<typeof campaignClockWorkflow>({ ...input, resume: { state } });
    }
    const due = nextPhaseDue(state);
    const seen = state.version;
    const came = await timerCameFirst(() => state.version !== seen || isLong(), due?.at ?? null);
    if (came && due) {
      void record(
        [{ type: 'PhaseDue', data: { phase: due.phase, plannedStart: due.plannedStart, current: state.phase } }],
        SYSTEM_ACTOR,
        `${info.workflowId}:phase-due:${due.phase}:${due.plannedStart}`,
        info.workflowId,
      );
    }
  }
}
