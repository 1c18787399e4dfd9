// One workflow per campaign: the campaign's clock and the authority for its phase. People act on it through
// Updates whose validators apply the pure rules of campaign.decide.ts; every accepted action is appended to
// the event store (stream `campaign:{id}`) before the Update returns. Time acts through a durable timer: when
// the next phase's planned start date comes while the campaign is still in the phase before it, a PhaseDue
// reminder is recorded. The campaign never moves on by itself: moving on, past the archive gate above all, is the
// office's decision. The workflow runs for the whole campaign and continues as new before its history is long.
import {
  continueAsNew,
  currentUpdateInfo,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { rejectUpdate } from '../shared/workflow-loop';
import { SYSTEM_ACTOR } from '../shared/actor.types';
import type { CampaignEvent } from './campaign.events';
import { decide, decideCadence, validCadenceMonth } from './campaign.decide';
import { evolve, initialCampaignState } from './campaign.evolve';
import { campaignActionUpdate, campaignStateQuery, checkCadenceUpdate, type CampaignActionResult } from './campaign.messages';
import { nextPhaseDue } from './campaign.schedule';
import { CADENCE_REQUIREMENTS, CADENCE_REQUIREMENTS_BEFORE_ISSUE_20, type CadenceResult, type CampaignActionRequest, type CampaignClockInput, type CampaignState } from './campaign.types';

/**
 * Patch id of the cadence check counting the monthly coordination meeting and the leading group's hearing of the
 * units' reports (issue 20): checks recorded before it replay requiring only the visits and the joint meeting.
 */
export const CADENCE_COORDINATION_HEARING_PATCH = 'cadence-coordination-hearing';

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

  // Recorded before the handlers are set, so that an update arriving with the start finds the clock started.
  const clockStarted: CampaignEvent = { type: 'CampaignClockStarted', data: { campaignId: input.campaignId, timeZone: input.timeZone, inspectionDate: input.inspectionDate } };
  const started = input.resume
    ? Promise.resolve()
    : recorder.recordNow([clockStarted], input.startedBy, info.workflowId, info.workflowId);

  setHandler(campaignStateQuery, () => state);

  const decideNow = (s: CampaignState, request: CampaignActionRequest) => decide(s, request, now());

  setHandler(
    campaignActionUpdate,
    async (request: CampaignActionRequest): Promise<CampaignActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideNow, request);
      return { version: after.version, phase: after.phase };
    },
    { validator: actionValidator(recorder, decideNow) },
  );

  setHandler(
    checkCadenceUpdate,
    async ({ month, actor }): Promise<CadenceResult> => {
      // Checks recorded before issue 20 required only the visits and the joint meeting; they replay with those.
      const requirements = patched(CADENCE_COORDINATION_HEARING_PATCH) ? CADENCE_REQUIREMENTS : CADENCE_REQUIREMENTS_BEFORE_ISSUE_20;
      if (recorder.safe()) {
        const updateId = currentUpdateInfo()?.id ?? uuid4();
        let result: CadenceResult | null = null;
        await recorder.commit(
          (s) => {
            const decided = decideCadence(s, month, now(), requirements);
            result = decided.result;
            return decided.events;
          },
          actor ?? SYSTEM_ACTOR,
          updateId,
          `${info.workflowId}:cadence:${month}`,
        );
        return result!;
      }
      const { result, events } = decideCadence(state, month, now(), requirements);
      if (events.length > 0) {
        const updateId = currentUpdateInfo()?.id ?? uuid4();
        await recorder.recordNow(events, actor ?? SYSTEM_ACTOR, updateId, `${info.workflowId}:cadence:${month}`);
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
  // The clock runs for the whole campaign: it only ever continues as new.
  return runTimerLoop({
    recorder,
    state: () => state,
    finished: () => false,
    historyLimit,
    next: nextPhaseDue,
    event: (s, due): CampaignEvent => ({ type: 'PhaseDue', data: { phase: due.phase, plannedStart: due.plannedStart, current: s.phase } }),
    causation: (due) => `${info.workflowId}:phase-due:${due.phase}:${due.plannedStart}`,
    continueAsNew: (s) => continueAsNew<typeof campaignClockWorkflow>({ ...input, resume: { state: s } }),
  });
}
