// One workflow per campaign: the funding ledger. It records FundingLedgerOpened, then takes the office's, the units'
// and the leaders' actions one at a time (Updates whose validators apply the pure rule, decided again on the committed
// state, so concurrent allocations cannot overdraw a line), and climbs the approval ladder (提醒 → 催办 → 督办) for each
// spending still waiting for a leader. It runs as long as the campaign, continuing as new before its history is long.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideFunding } from './funding.decide';
import type { FundingEvent } from './funding.events';
import { evolveFunding, initialFundingState } from './funding.evolve';
import { fundingActionUpdate, fundingStateQuery, type FundingActionResult } from './funding.messages';
import { fundingTimerEvent, nextFundingTimer } from './funding.schedule';
import { DEFAULT_APPROVAL_THRESHOLD_FEN, type FundingActionRequest, type FundingLedgerInput, type FundingLedgerState } from './funding.types';

export const DEFAULT_FUNDING_HISTORY_LIMIT = 2_000;

export async function fundingLedgerWorkflow(input: FundingLedgerInput): Promise<FundingLedgerState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialFundingState(info.workflowId, input.campaignId);
  const recorder = eventRecorder<FundingLedgerState, FundingEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveFunding,
  );

  // The opening is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const opening = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) => (s.version === 0 ? [{ type: 'FundingLedgerOpened', data: { campaignId: input.campaignId, thresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN } }] : []),
        input.openedBy,
        `${info.workflowId}:opened`,
        info.workflowId,
      );

  setHandler(fundingStateQuery, () => state);
  setHandler(
    fundingActionUpdate,
    async (request: FundingActionRequest): Promise<FundingActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideFunding, request);
      return { version: after.version };
    },
    { validator: actionValidator(recorder, decideFunding) },
  );

  await opening;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: () => false,
    historyLimit: input.historyLimit ?? DEFAULT_FUNDING_HISTORY_LIMIT,
    next: (s) => nextFundingTimer(s, input.ladder),
    event: fundingTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.spendingId}:${timer.level}`,
    continueAsNew: (s) => continueAsNew<typeof fundingLedgerWorkflow>({ ...input, resume: { state: s } }),
  });
}
