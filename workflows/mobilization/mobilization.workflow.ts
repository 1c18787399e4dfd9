// The mobilization workflows. A document's records MobilizationDocumentIssued (whose projection writes one response
// workflow per unit into the workflow outbox, in the same transaction: started durably, once each) and then waits
// for its deadline. A unit's response records MobilizationResponseOpened, takes the unit's and the office's actions
// as Updates whose validator applies the pure rule, and climbs 提醒 → 催办 → 督办 while anything is missing; it ends
// once approved (or acknowledged, where only 签收 was asked).
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { SYSTEM_ACTOR } from '../shared/actor.types';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideResponse, responseFinished } from './mobilization.decide';
import type { MobilizationDocEvent, MobilizationResponseEvent } from './mobilization.events';
import { evolveDoc, evolveResponse, initialDocState, initialResponseState } from './mobilization.evolve';
import { mobilizationDocStateQuery, mobilizationResponseStateQuery, responseActionUpdate, type ResponseActionResult } from './mobilization.messages';
import { nextResponseTimer, responseTimerEvent } from './mobilization.schedule';
import {
  DEFAULT_REMINDER_BEFORE_HOURS,
  DEFAULT_SUPERVISE_AFTER_HOURS,
  type MobilizationDocInput,
  type MobilizationDocState,
  type MobilizationResponseInput,
  type MobilizationResponseState,
  type ResponseActionRequest,
} from './mobilization.types';

export const DEFAULT_MOBILIZATION_HISTORY_LIMIT = 2_000;

export async function mobilizationDocumentWorkflow(input: MobilizationDocInput): Promise<MobilizationDocState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialDocState(info.workflowId, input);
  const recorder = eventRecorder<MobilizationDocState, MobilizationDocEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveDoc,
  );
  setHandler(mobilizationDocStateQuery, () => state);

  if (!input.resume) {
    const { campaignId, kind, title, summary, file, unitCodes, requiresPlan, requiresGroup, dueAt } = input;
    const issued: MobilizationDocEvent = { type: 'MobilizationDocumentIssued', data: { campaignId, kind, title, summary, file, unitCodes, requiresPlan, requiresGroup, dueAt } };
    await recorder.commit((s) => (s.status === 'PENDING' ? [issued] : []), input.issuedBy, `${info.workflowId}:issued`, info.workflowId);
  }

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.status === 'DUE',
    historyLimit: input.historyLimit ?? DEFAULT_MOBILIZATION_HISTORY_LIMIT,
    next: (s) => (s.status === 'ISSUED' ? { at: s.dueAt } : null),
    event: (s): MobilizationDocEvent => ({ type: 'MobilizationDocumentDue', data: { dueAt: s.dueAt } }),
    causation: (timer) => `${info.workflowId}:due:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof mobilizationDocumentWorkflow>({ ...input, resume: { state: s } }),
  });
}

export async function mobilizationResponseWorkflow(input: MobilizationResponseInput): Promise<MobilizationResponseState> {
  const info = workflowInfo();
  const hours = {
    reminderBeforeHours: input.reminderBeforeHours ?? DEFAULT_REMINDER_BEFORE_HOURS,
    superviseAfterHours: input.superviseAfterHours ?? DEFAULT_SUPERVISE_AFTER_HOURS,
  };
  let state = input.resume?.state ?? initialResponseState(info.workflowId, input);
  const recorder = eventRecorder<MobilizationResponseState, MobilizationResponseEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveResponse,
  );

  setHandler(mobilizationResponseStateQuery, () => state);
  setHandler(
    responseActionUpdate,
    async (request: ResponseActionRequest): Promise<ResponseActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideResponse, request);
      return { version: after.version, review: after.review };
    },
    { validator: actionValidator(recorder, decideResponse) },
  );

  if (!input.resume) {
    const { documentId, campaignId, unitCode, title, requiresPlan, requiresGroup, dueAt } = input;
    const opened: MobilizationResponseEvent = { type: 'MobilizationResponseOpened', data: { documentId, campaignId, unitCode, title, requiresPlan, requiresGroup, dueAt } };
    await recorder.commit((s) => (s.opened ? [] : [opened]), SYSTEM_ACTOR, `${info.workflowId}:opened`, documentId);
  }

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: responseFinished,
    historyLimit: input.historyLimit ?? DEFAULT_MOBILIZATION_HISTORY_LIMIT,
    next: (s) => nextResponseTimer(s, hours, new Date().toISOString()),
    event: responseTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof mobilizationResponseWorkflow>({ ...input, resume: { state: s } }),
  });
}
