// One workflow per campaign: the publicity ledger. It records PublicityLedgerOpened, then takes the office's actions
// one at a time (Updates whose validators apply the pure rule, decided again on the committed state). The ledger has
// no deadline, so there are no timers: the run only waits, continuing as new before its history is long.
import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { drainHandlers, historyIsLong } from '../shared/workflow-loop';
import { decidePublicity } from './publicity.decide';
import type { PublicityEvent } from './publicity.events';
import { evolvePublicity, initialPublicityState } from './publicity.evolve';
import { publicityActionUpdate, publicityStateQuery, type PublicityActionResult } from './publicity.messages';
import type { PublicityActionRequest, PublicityLedgerInput, PublicityLedgerState } from './publicity.types';

export const DEFAULT_PUBLICITY_HISTORY_LIMIT = 2_000;

export async function publicityLedgerWorkflow(input: PublicityLedgerInput): Promise<PublicityLedgerState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialPublicityState(info.workflowId, input.campaignId);
  const recorder = eventRecorder<PublicityLedgerState, PublicityEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolvePublicity,
  );

  // The opening is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const opening = input.resume
    ? Promise.resolve(state)
    : recorder.commit((s) => (s.version === 0 ? [{ type: 'PublicityLedgerOpened', data: { campaignId: input.campaignId } }] : []), input.openedBy, `${info.workflowId}:opened`, info.workflowId);

  setHandler(publicityStateQuery, () => state);
  setHandler(
    publicityActionUpdate,
    async (request: PublicityActionRequest): Promise<PublicityActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decidePublicity, request);
      return { version: after.version };
    },
    { validator: actionValidator(recorder, decidePublicity) },
  );

  await opening;
  await condition(historyIsLong(input.historyLimit ?? DEFAULT_PUBLICITY_HISTORY_LIMIT));
  // Let accepted actions finish and their events reach the store, then carry the state over.
  await drainHandlers(recorder.settled);
  return continueAsNew<typeof publicityLedgerWorkflow>({ ...input, resume: { state } });
}
