// One workflow per campaign: its 评议. It records AppraisalOpened, then takes the leading group's grades and ratings
// one at a time (Updates whose validators apply the pure rule, decided again on the committed state, so two leaders
// grading the same unit at once cannot both skip the revision's reason). It waits for nothing else and continues as
// new before its history is long.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideAppraisal } from './appraisal.decide';
import type { AppraisalEvent } from './appraisal.events';
import { evolveAppraisal, initialAppraisalState } from './appraisal.evolve';
import { appraisalActionUpdate, appraisalStateQuery, type AppraisalActionResult } from './appraisal.messages';
import type { AppraisalActionRequest, AppraisalInput, AppraisalState } from './appraisal.types';

export const DEFAULT_APPRAISAL_HISTORY_LIMIT = 2_000;

export async function appraisalWorkflow(input: AppraisalInput): Promise<AppraisalState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialAppraisalState(info.workflowId, input.campaignId);
  const recorder = eventRecorder<AppraisalState, AppraisalEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveAppraisal,
  );

  const opening = input.resume
    ? Promise.resolve(state)
    : recorder.commit((s) => (s.version === 0 ? [{ type: 'AppraisalOpened', data: { campaignId: input.campaignId } }] : []), input.openedBy, `${info.workflowId}:opened`, info.workflowId);

  setHandler(appraisalStateQuery, () => state);
  setHandler(
    appraisalActionUpdate,
    async (request: AppraisalActionRequest): Promise<AppraisalActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideAppraisal, request);
      return { version: after.version };
    },
    { validator: actionValidator(recorder, decideAppraisal) },
  );

  await opening;

  return runTimerLoop<AppraisalState, AppraisalEvent, { at: string }>({
    recorder,
    state: () => state,
    finished: () => false,
    historyLimit: input.historyLimit ?? DEFAULT_APPRAISAL_HISTORY_LIMIT,
    next: () => null,
    event: () => {
      throw new Error('评议没有定时事件');
    },
    causation: (timer) => `${info.workflowId}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof appraisalWorkflow>({ ...input, resume: { state: s } }),
  });
}
