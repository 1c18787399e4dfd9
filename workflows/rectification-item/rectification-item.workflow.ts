// One workflow per rectification item (整改问题): the authority for its state. People act through one Update
// whose validator applies the pure rules; every accepted action becomes one event, appended before the Update
// returns. Time acts through durable timers: the escalation ladder while the unit owes the fix, and the re-check
// of a verified item. Like an indicator task, it continues as new before its history grows large.
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
import type { RectificationItemEvent } from './rectification-item.events';
import { decideItem, evolveItem, initialItemState, locationOf, type ItemActionRequest } from './rectification-item.lifecycle';
import { itemActionUpdate, itemStateQuery, type ItemActionResult } from './rectification-item.messages';
import { itemTimerEvent, nextItemTimer } from './rectification-item.schedule';
import { DEFAULT_ITEM_POLICY, type RectificationItemInput, type RectificationItemState } from './rectification-item.types';

export const DEFAULT_ITEM_HISTORY_LIMIT = 8_000;


const now = () => new Date().toISOString();

export async function rectificationItemWorkflow(input: RectificationItemInput): Promise<RectificationItemState> {
  const info = workflowInfo();
  const historyLimit = input.historyLimit ?? DEFAULT_ITEM_HISTORY_LIMIT;
  let state = input.resume?.state ?? initialItemState(input, now());
  const recorder = eventRecorder<RectificationItemState, RectificationItemEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveItem,
  );
  const record = recorder.record;

  // The report, and the dispatch when it comes with one, before any handler can run.
  let created: Promise<unknown> = Promise.resolve();
  if (!input.resume) {
    const reported: RectificationItemEvent = {
      type: 'ItemReported',
      data: {
        campaignId: input.campaignId,
        source: input.source,
        area: input.area,
        location: locationOf(input.location),
        description: input.description.trim(),
        photos: input.photos,
        indicatorTaskId: input.indicatorTaskId,
        criterionCode: input.criterionCode,
        inspectionRoundId: input.inspectionRoundId,
        policy: input.policy ?? DEFAULT_ITEM_POLICY,
      },
    };
    created = record([reported], input.reportedBy, info.workflowId, info.workflowId);
    if (input.dispatch) {
      created = record([{ type: 'ItemDispatched', data: { ...input.dispatch } }], input.reportedBy, `${info.workflowId}:dispatch`, info.workflowId);
    }
  }

  setHandler(itemStateQuery, () => state);

  setHandler(
    itemActionUpdate,
    async (request: ItemActionRequest): Promise<ItemActionResult> => {
      const decision = decideItem(state, request, now());
      if (!decision.ok) rejectUpdate(decision.rejection);
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const done = record(decision.events, request.actor, updateId, request.correlationId ?? updateId);
      const result: ItemActionResult = { version: state.version, state: state.state };
      await done;
      return result;
    },
    {
      validator: (request: ItemActionRequest): void => {
        const decision = decideItem(state, request, now());
        if (!decision.ok) rejectUpdate(decision.rejection);
      },
    },
  );

  await created;
  const isLong = historyIsLong(historyLimit);

  while (state.state !== 'CLOSED') {
    if (isLong()) {
      await drainHandlers(recorder.settled);
      return continueAsNew<typeof rectificationItemWorkflow>({ ...input, resume: { state } });
    }
    const timer = nextItemTimer(state, now());
    const seen = state.version;
    if (await timerCameFirst(() => state.version !== seen || isLong(), timer?.at ?? null)) {
      void record([itemTimerEvent(state, timer!)], SYSTEM_ACTOR, `${info.workflowId}:${timer!.kind}:${timer!.at}`, info.workflowId);
    }
  }
  await drainHandlers(recorder.settled);
  return state;
}
