// One workflow per rectification item (整改问题): the authority for its state. People act through one Update
// whose validator applies the pure rules; every accepted action becomes one event, appended before the Update
// returns. Time acts through durable timers: the escalation ladder while the unit owes the fix, and the re-check
// of a verified item. Like an indicator task, it continues as new before its history grows large.
import {
  continueAsNew,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import type { RectificationItemEvent } from './rectification-item.events';
import { decideItem, locationOf } from './rectification-item.decide';
import { evolveItem, initialItemState } from './rectification-item.evolve';
import { itemActionUpdate, itemStateQuery, type ItemActionResult } from './rectification-item.messages';
import { itemTimerEvent, nextItemTimer } from './rectification-item.schedule';
import type { WorkingDayActivities } from '../../activities/working-days.activities';
import { countsWorkingDays } from '../shared/day-counting';
import type { Decision } from '../shared/decision.types';
import { DEFAULT_ITEM_POLICY, type ItemActionRequest, type RectificationItemInput, type RectificationItemState } from './rectification-item.types';

export const DEFAULT_ITEM_HISTORY_LIMIT = 8_000;

// The holiday calendar is not workflow code: an item of a campaign counting working days asks (recorded).
const { addWorkingDays } = proxyLocalActivities<WorkingDayActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['BAD_USER_INPUT'] },
});

/** Whether an event sets a deadline from the item's own days (a dispatch without a due date, a verification, a relapse). */
function countsDays(event: RectificationItemEvent, request: ItemActionRequest): boolean {
  if (event.type === 'ItemDispatched') return request.command.action === 'DISPATCH' && !request.command.dueAt;
  if (event.type === 'ItemVerified') return true;
  return event.type === 'ItemRecheckRecorded' && event.data.dueAt !== null;
}

/** The events with their deadlines replaced by those counted in working days ([fix, re-check, relapse]). */
function withWorkingDays(decision: Decision<RectificationItemEvent>, request: ItemActionRequest, [fix, recheck, relapse]: string[]): Decision<RectificationItemEvent> {
  if (!decision.ok) return decision;
  const events = decision.events.map((e): RectificationItemEvent => {
    if (!countsDays(e, request)) return e;
    if (e.type === 'ItemDispatched') return { ...e, data: { ...e.data, dueAt: fix } };
    if (e.type === 'ItemVerified') return { ...e, data: { ...e.data, recheckAt: recheck } };
    if (e.type === 'ItemRecheckRecorded') return { ...e, data: { ...e.data, dueAt: relapse } };
    return e;
  });
  return { ok: true, events };
}


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
        ...(input.reportingUnitCode ? { reportingUnitCode: input.reportingUnitCode } : {}),
        policy: input.policy ?? DEFAULT_ITEM_POLICY,
      },
    };
    created = recorder.recordNow([reported], input.reportedBy, info.workflowId, info.workflowId);
    if (input.dispatch) {
      created = recorder.recordNow([{ type: 'ItemDispatched', data: { ...input.dispatch } }], input.reportedBy, `${info.workflowId}:dispatch`, info.workflowId);
    }
  }

  setHandler(itemStateQuery, () => state);

  const decideNow = (s: RectificationItemState, request: ItemActionRequest) => decideItem(s, request, now());

  setHandler(
    itemActionUpdate,
    async (request: ItemActionRequest): Promise<ItemActionResult> => {
      // Counting working days: ask the calendar before an action that sets a deadline from the item's days.
      const before = decideNow(recorder.expected(), request);
      const counts = countsWorkingDays(state.policy) && before.ok && before.events.some((e) => countsDays(e, request));
      const { rectificationDays, recheckAfterDays, relapseDays } = state.policy;
      const counted = counts ? await addWorkingDays({ from: now(), days: [rectificationDays, recheckAfterDays, relapseDays] }) : null;
      const decide = counted ? (s: RectificationItemState, r: ItemActionRequest) => withWorkingDays(decideNow(s, r), r, counted) : decideNow;
      const { events, state: after, recordedAt } = await recordAction(recorder, () => state, decide, request);
      return { version: after.version, state: after.state, events, recordedAt };
    },
    { validator: actionValidator(recorder, decideNow) },
  );

  await created;
  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'CLOSED',
    historyLimit,
    next: (s) => nextItemTimer(s, now()),
    event: itemTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.kind}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof rectificationItemWorkflow>({ ...input, resume: { state: s } }),
  });
}
