// One workflow per indicator task: the authority for its process state. Human actions arrive as Updates
// whose validators apply the pure lifecycle rules; every accepted action is appended to the event store by an
// activity before the Update returns, so a caller that got an answer can read the projection at once.
// Time acts through durable timers: reminders and the escalation ladder before and after each deadline,
// and periodic re-checks in consolidation. A task may live a year: before its history grows large the
// workflow continues as new, carrying its whole state over.
import {
  patched,
  proxyLocalActivities,
  startChild,
  continueAsNew,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { TASK_STAGE, UNIT_CODE } from '../search-attributes';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import type { IndicatorTaskEvent } from './indicator-task.events';
import { decide } from './indicator-task.decide';
import { evolve, initialState } from './indicator-task.evolve';
import { type ActionRequest, type CountedDeadlines, type MockAssessmentFollowUp, DEFAULT_TASK_POLICY, type CriterionScore, type IndicatorTaskInput, type IndicatorTaskState } from './indicator-task.types';
import { rectificationItemWorkflowId } from '../rectification-item/rectification-item.messages';
import type { ItemArea } from '../rectification-item/rectification-item.types';
import { rectificationItemWorkflow } from '../rectification-item/rectification-item.workflow';
import { breakdownChangedSignal, performActionUpdate, stateQuery, type ActionResult, type BreakdownChange } from './indicator-task.messages';
import { nextTimer, timerEvent } from './indicator-task.schedule';
import type { Actor } from '../shared/actor.types';
import type { WorkingDayActivities } from '../../activities/working-days.activities';
import { countsWorkingDays } from '../shared/day-counting';
import type { Decision } from '../shared/decision.types';
import { countedDays, countedDeadlines } from './indicator-task.rules';

/** Patch id of raising rectification items from a failed mock assessment (issue 4). */
export const MOCK_ASSESSMENT_ITEMS_PATCH = 'mock-assessment-items';

/** Patch id of upserting the search attributes only when a searched value changes (issue 18). */
export const SEARCH_ATTRIBUTES_ON_CHANGE_PATCH = 'search-attributes-on-change';

/** History events after which a task continues as new; well below Temporal's own limits. */
export const DEFAULT_HISTORY_LIMIT = 8_000;


const now = () => new Date().toISOString(); // workflow time: deterministic on replay

// The holiday calendar is not workflow code: a task counting working days asks, and the answer is recorded.
// Local: a database read, answered within the workflow task; retried through an outage like the append.
const { addWorkingDays } = proxyLocalActivities<WorkingDayActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['BAD_USER_INPUT'] },
});

/** The events that enter a stage and so carry the deadlines counted in working days. */
const ENTERS_STAGE: ReadonlySet<IndicatorTaskEvent['type']> = new Set(['SelfCheckConfirmed', 'RectificationApproved', 'MockAssessmentRecorded', 'RecheckRecorded']);

/** The events with the counted deadlines added to those that enter a stage. */
function withCounted(decision: Decision<IndicatorTaskEvent>, counted: CountedDeadlines): Decision<IndicatorTaskEvent> {
  if (!decision.ok) return decision;
  return { ok: true, events: decision.events.map((e) => (ENTERS_STAGE.has(e.type) ? ({ ...e, data: { ...e.data, counted } } as IndicatorTaskEvent) : e)) };
}

export async function indicatorTaskWorkflow(input: IndicatorTaskInput): Promise<IndicatorTaskState> {
  const info = workflowInfo();
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let state = input.resume?.state ?? initialState(input);
  const recorder = eventRecorder<IndicatorTaskState, IndicatorTaskEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolve,
    {
      // The stage the operators search by, and on a reassignment the unit. The start set the stage of a task created
      // by a local activity already. Runs recorded before the patch upsert at every record, as they always did; since
      // it, only a record that changes a searched value does (most actions leave the stage where it was).
      onRecorded: (recorded, events, how) => {
        if (how === 'creation') return;
        const reassigned = events.some((e) => e.type === 'TaskReassigned');
        const unchanged = !reassigned && workflowInfo().typedSearchAttributes.get(TASK_STAGE) === recorded.stage;
        if (unchanged && patched(SEARCH_ATTRIBUTES_ON_CHANGE_PATCH)) return;
        upsertSearchAttributes([{ key: TASK_STAGE, value: recorded.stage }, ...(reassigned ? [{ key: UNIT_CODE, value: recorded.unitCode }] : [])]);
      },
    },
  );

  /** The working-day deadlines from now, asked of the calendar (only ever for a task counting working days). */
  const countFromNow = async (): Promise<CountedDeadlines> => countedDeadlines(await addWorkingDays({ from: now(), days: countedDays(state.policy) }));

  // A task counting working days asks for its self-check deadline first (tasks counting calendar days, and so
  // every history recorded before working days, ask nothing: their commands are unchanged).
  const policy = input.policy ?? DEFAULT_TASK_POLICY;
  const createdCounted = !input.resume && countsWorkingDays(policy) ? await countFromNow() : undefined;

  // Recorded before the handlers are set: setting a handler runs updates that arrived with the start at once,
  // and they must find the task created (they queue behind its append; if it fails, the run fails). A continued
  // run already has it.
  const creation: IndicatorTaskEvent = {
    type: 'IndicatorTaskCreated',
    data: {
      campaignId: input.campaignId,
      indicatorCode: input.indicatorCode,
      unitCode: input.unitCode,
      leadUnitCode: input.leadUnitCode,
      dueAt: input.dueAt,
      policy,
      // Only when named, so that a task started without one records the creation event it always did.
      ...(input.responsiblePerson ? { responsiblePerson: { login: input.responsiblePerson.login, name: input.responsiblePerson.name } } : {}),
      ...(createdCounted ? { counted: createdCounted } : {}),
    },
  };
  // Runs started before the createdLocally option replay with the activity they ran.
  const createdHow = input.createdLocally ? 'creation' : 'activity';
  const created = input.resume
    ? Promise.resolve()
    : recorder.recordNow([creation], input.createdBy, info.workflowId, info.workflowId, createdHow);

  setHandler(stateQuery, () => state);

  const decideNow = (s: IndicatorTaskState, request: ActionRequest) => decide(s, request, now());

  setHandler(breakdownChangedSignal, (change: BreakdownChange) => {
    // Content-idempotent: a retried import sends the same change again, and it changes nothing.
    const changes = (s: IndicatorTaskState): IndicatorTaskEvent[] =>
      s.stage === 'ARCHIVED' || (change.dueAt === s.dueAt && change.leadUnitCode === s.leadUnitCode)
        ? []
        : [
            {
              type: 'TaskBreakdownChanged',
              data: { importId: change.importId, dueAt: change.dueAt, leadUnitCode: change.leadUnitCode, previousDueAt: s.dueAt, previousLeadUnitCode: s.leadUnitCode },
            },
          ];
    const causation = `import:${change.importId}`;
    if (!recorder.safe()) {
      const events = changes(state);
      if (events.length > 0) void recorder.recordNow(events, change.actor, causation, causation);
      return;
    }
    // A signal has no caller to answer: a change that cannot be written is logged and leaves the task as it was,
    // so that the import sent again applies it (the check above compares with the committed state).
    recorder.commit(changes, change.actor, causation, causation).catch((err: unknown) => {
      log.error('A breakdown change could not be written; the task keeps its previous due date and lead unit', { importId: change.importId, error: String(err) });
    });
  });

  setHandler(
    performActionUpdate,
    async (request: ActionRequest): Promise<ActionResult> => {
      // A working-day task asks the calendar before an action that would enter a stage; the events that do
      // carry its answer. An action that no longer enters one when its turn comes simply does not use it.
      const enters = (s: IndicatorTaskState) => {
        const decision = decideNow(s, request);
        return decision.ok && decision.events.some((e) => ENTERS_STAGE.has(e.type));
      };
      const counted = countsWorkingDays(state.policy) && enters(recorder.expected()) ? await countFromNow() : null;
      const decideCounted = counted ? (s: IndicatorTaskState, r: ActionRequest) => withCounted(decideNow(s, r), counted) : decideNow;
      const { events, state: after, recordedAt } = await recordAction(recorder, () => state, decideCounted, request);
      const result: ActionResult = { version: after.version, stage: after.stage, events, recordedAt };
      // Added after tasks were running: histories recorded before it replay without raising items.
      const failed = events.find((e) => e.type === 'MockAssessmentRecorded' && !e.data.passed);
      if (failed && failed.type === 'MockAssessmentRecorded' && request.command.action === 'RECORD_MOCK_ASSESSMENT' && patched(MOCK_ASSESSMENT_ITEMS_PATCH)) {
        await raiseItems(failed.data.failedCriteria, failed.data.scores, request.command.followUp ?? null, request.actor, result.version, failed.data.roundId ?? null);
      }
      return result;
    },
    { validator: actionValidator(recorder, decideNow) },
  );

  /** One rectification item per failed criterion, dispatched to this task's unit, linked to the task. */
  async function raiseItems(failedCriteria: string[], scores: CriterionScore[], followUp: MockAssessmentFollowUp | null, actor: Actor, version: number, roundId: string | null) {
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
            // The round whose scores these are, when the assessment came from one (issue 20).
            inspectionRoundId: roundId,
            reportedBy: actor,
            dispatch: { unitCode: state.unitCode, dueAt: state.stageDueAt ?? state.dueAt, note: '模拟测评失分，自动派单' },
          },
        ],
      });
    }
  }

  await created;
  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.stage === 'ARCHIVED',
    historyLimit,
    next: (s) => nextTimer(s, now()),
    event: timerEvent,
    causation: (timer) => `${info.workflowId}:${timer.kind}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof indicatorTaskWorkflow>({ ...input, resume: { state: s } }),
  });
}
