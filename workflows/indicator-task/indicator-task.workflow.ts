// One workflow per indicator task: the authority for its process state. Human actions arrive as Updates
// whose validators apply the pure lifecycle rules; every accepted action is appended to the event store by an
// activity before the Update returns, so a caller that got an answer can read the projection at once.
// Time acts through durable timers: reminders and the escalation ladder before and after each deadline,
// and periodic re-checks in consolidation. A task may live a year: before its history grows large the
// workflow continues as new, carrying its whole state over.
import {
  patched,
  startChild,
  continueAsNew,
  currentUpdateInfo,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { EventStoreActivities } from '../../activities/event-store.activities';
import type { NewEvent } from '../../activities/event-store.types';
import { TASK_STAGE, UNIT_CODE } from '../search-attributes';
import { drainHandlers, historyIsLong, rejectUpdate, timerCameFirst } from '../shared/workflow-loop';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { decide, evolve, initialState, type ActionRequest, type MockAssessmentFollowUp } from './indicator-task.lifecycle';
import { rectificationItemWorkflowId } from '../rectification-item/rectification-item.events';
import type { ItemArea } from '../rectification-item/rectification-item.types';
import { rectificationItemWorkflow } from '../rectification-item/rectification-item.workflow';
import { breakdownChangedSignal, performActionUpdate, stateQuery, type ActionResult, type BreakdownChange } from './indicator-task.messages';
import { nextTimer, timerEvent } from './indicator-task.schedule';
import { DEFAULT_TASK_POLICY, SYSTEM_ACTOR, type Actor, type CriterionScore, type IndicatorTaskInput, type IndicatorTaskState } from './indicator-task.types';

/** Patch id of raising rectification items from a failed mock assessment (issue 4). */
export const MOCK_ASSESSMENT_ITEMS_PATCH = 'mock-assessment-items';

const { appendEvents } = proxyActivities<EventStoreActivities>({
  startToCloseTimeout: '10 seconds',
  // A database outage must delay an event, never lose it: retry until it is written.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['STREAM_CONFLICT'] },
});

// The creation event of a new task, appended within the workflow's first task: no activity task to schedule, poll
// and complete, and no search-attribute upsert, which saved about a third of the Temporal server's CPU per task when
// an import starts thousands (bench/import.bench.ts). Retried like the activity, and idempotent by the same event id.
const { appendEvents: appendEventsLocally } = proxyLocalActivities<EventStoreActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['STREAM_CONFLICT'] },
});

/** History events after which a task continues as new; well below Temporal's own limits. */
export const DEFAULT_HISTORY_LIMIT = 8_000;


const now = () => new Date().toISOString(); // workflow time: deterministic on replay

export async function indicatorTaskWorkflow(input: IndicatorTaskInput): Promise<IndicatorTaskState> {
  const info = workflowInfo();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let state = input.resume?.state ?? initialState(input);
  // Appends run one after another so that stream versions reach the store in order.
  let appending: Promise<unknown> = Promise.resolve();

  function record(events: IndicatorTaskEvent[], actor: Actor, causationId: string, correlationId: string, how: 'activity' | 'creation' = 'activity'): Promise<unknown> {
    const stored: NewEvent[] = [];
    const occurredAt = now();
    for (const event of events) {
      state = evolve(state, event, { actorId: actor.userId, at: occurredAt });
      stored.push({
        eventId: uuid4(),
        streamVersion: state.version,
        type: event.type,
        data: event.data,
        metadata: { actor, causationId, correlationId, workflowId: info.workflowId, runId: info.runId },
        occurredAt,
      });
    }
    if (how === 'creation') {
      // The start set the stage the operators search by already.
      appending = appending.then(() => appendEventsLocally({ streamId: info.workflowId, events: stored }));
      return appending;
    }
    // One upsert per record, as always; a reassignment also moves the unit the operators search by.
    const reassigned = events.some((e) => e.type === 'TaskReassigned');
    upsertSearchAttributes([{ key: TASK_STAGE, value: state.stage }, ...(reassigned ? [{ key: UNIT_CODE, value: state.unitCode }] : [])]);
    appending = appending.then(() => appendEvents({ streamId: info.workflowId, events: stored }));
    return appending;
  }

  // Recorded before the handlers are set: setting a handler runs updates that arrived with the start at once,
  // and they must find the task created. A continued run already has it.
  const created = input.resume
    ? Promise.resolve()
    : record(
        [
          {
            type: 'IndicatorTaskCreated',
            data: {
              campaignId: input.campaignId,
              indicatorCode: input.indicatorCode,
              unitCode: input.unitCode,
              leadUnitCode: input.leadUnitCode,
              dueAt: input.dueAt,
              policy: input.policy ?? DEFAULT_TASK_POLICY,
            },
          },
        ],
        input.createdBy,
        info.workflowId,
        info.workflowId,
        // Runs started before this option replay with the activity they ran.
        input.createdLocally ? 'creation' : 'activity',
      );

  setHandler(stateQuery, () => state);

  setHandler(breakdownChangedSignal, (change: BreakdownChange) => {
    // Content-idempotent: a retried import sends the same change again, and it changes nothing.
    if (state.stage === 'ARCHIVED' || (change.dueAt === state.dueAt && change.leadUnitCode === state.leadUnitCode)) return;
    void record(
      [
        {
          type: 'TaskBreakdownChanged',
          data: {
            importId: change.importId,
            dueAt: change.dueAt,
            leadUnitCode: change.leadUnitCode,
            previousDueAt: state.dueAt,
            previousLeadUnitCode: state.leadUnitCode,
          },
        },
      ],
      change.actor,
      `import:${change.importId}`,
      `import:${change.importId}`,
    );
  });

  setHandler(
    performActionUpdate,
    async (request: ActionRequest): Promise<ActionResult> => {
      // Validator and handler run in the same activation, so this decision equals the validator's.
      const decision = decide(state, request, now());
      if (!decision.ok) rejectUpdate(decision.rejection);
      const updateId = currentUpdateInfo()?.id ?? uuid4();
      const done = record(decision.events, request.actor, updateId, request.correlationId ?? updateId);
      const result: ActionResult = { version: state.version, stage: state.stage };
      await done;
      // Added after tasks were running: histories recorded before it replay without raising items.
      const failed = decision.events.find((e) => e.type === 'MockAssessmentRecorded' && !e.data.passed);
      if (failed && failed.type === 'MockAssessmentRecorded' && request.command.action === 'RECORD_MOCK_ASSESSMENT' && patched(MOCK_ASSESSMENT_ITEMS_PATCH)) {
        await raiseItems(failed.data.failedCriteria, failed.data.scores, request.command.followUp ?? null, request.actor, result.version);
      }
      return result;
    },
    {
      validator: (request: ActionRequest): void => {
        const decision = decide(state, request, now());
        if (!decision.ok) rejectUpdate(decision.rejection);
      },
    },
  );

  /** One rectification item per failed criterion, dispatched to this task's unit, linked to the task. */
  async function raiseItems(failedCriteria: string[], scores: CriterionScore[], followUp: MockAssessmentFollowUp | null, actor: Actor, version: number) {
    // Named from the task's own id (never the run's), so that a replay names the same children.
    const key = state.taskId.startsWith(`indicator-task:${state.campaignId}:`) ? state.taskId.slice(`indicator-task:${state.campaignId}:`.length) : state.taskId;
    for (const code of failedCriteria) {
      const score = scores.find((s) => s.criterionCode === code);
      const asked = followUp?.criteria[code];
      const itemId = rectificationItemWorkflowId(state.campaignId, `mock-${key.replace(/:/g, '-')}-v${version}-${code}`);
      await startChild(rectificationItemWorkflow, {
        workflowId: itemId,
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [
          {
            itemId,
            campaignId: state.campaignId,
            source: 'MOCK_ASSESSMENT',
            area: (followUp?.area ?? null) as ItemArea | null,
            location: { address: followUp?.address ?? state.unitCode, latitude: null, longitude: null },
            description: `模拟测评失分：${asked ?? code}${score ? `（得分 ${score.score} / ${score.points}）` : ''}`,
            photos: [],
            indicatorTaskId: state.taskId,
            criterionCode: code,
            inspectionRoundId: null,
            reportedBy: actor,
            dispatch: { unitCode: state.unitCode, dueAt: state.stageDueAt ?? state.dueAt, note: '模拟测评失分，自动派单' },
          },
        ],
      });
    }
  }

  await created;
  const isLong = historyIsLong(historyLimit);
  const settled = () => appending;

  while (state.stage !== 'ARCHIVED') {
    if (isLong()) {
      // Let accepted actions finish and their events reach the store, then carry the state over.
      await drainHandlers(settled);
      return continueAsNew<typeof indicatorTaskWorkflow>({ ...input, resume: { state } });
    }
    const timer = nextTimer(state, now());
    const seen = state.version;
    if (await timerCameFirst(() => state.version !== seen || isLong(), timer?.at ?? null)) {
      void record([timerEvent(state, timer!)], SYSTEM_ACTOR, `${info.workflowId}:${timer!.kind}:${timer!.at}`, info.workflowId);
    }
  }
  await drainHandlers(settled);
  return state;
}
