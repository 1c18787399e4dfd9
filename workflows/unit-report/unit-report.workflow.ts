// One workflow per unit, campaign and month: it records UnitReportOpened, then waits for the unit's hand-in and the
// office's review (Updates whose validators apply the pure rule) or for the next step of the ladder while the report
// is still owed (提醒 → 催报 → 督办). It ends once the office accepts the report.
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideUnitReport } from './unit-report.decide';
import type { UnitReportEvent } from './unit-report.events';
import { evolveUnitReport, initialUnitReportState } from './unit-report.evolve';
import { unitReportActionUpdate, unitReportStateQuery, type UnitReportActionResult } from './unit-report.messages';
import { nextUnitReportTimer, unitReportTimerEvent } from './unit-report.schedule';
import type { UnitReportActionRequest, UnitReportInput, UnitReportState } from './unit-report.types';

export const DEFAULT_UNIT_REPORT_HISTORY_LIMIT = 2_000;

export async function unitReportWorkflow(input: UnitReportInput): Promise<UnitReportState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialUnitReportState(info.workflowId, input);
  const recorder = eventRecorder<UnitReportState, UnitReportEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveUnitReport,
  );

  // The opening is queued before the Update handler is set: an Update sent with the start (buffered, and handled as
  // soon as its handler is set) is recorded after it, never first.
  const opening = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) => (s.version === 0 ? [{ type: 'UnitReportOpened', data: { campaignId: input.campaignId, unitCode: input.unitCode, month: input.month, dueAt: input.dueAt, dueDay: input.dueDay } }] : []),
        input.openedBy,
        `${info.workflowId}:opened`,
        info.workflowId,
      );

  setHandler(unitReportStateQuery, () => state);
  setHandler(
    unitReportActionUpdate,
    async (request: UnitReportActionRequest): Promise<UnitReportActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideUnitReport, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideUnitReport) },
  );

  await opening;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'ACCEPTED',
    historyLimit: input.historyLimit ?? DEFAULT_UNIT_REPORT_HISTORY_LIMIT,
    next: (s) => nextUnitReportTimer(s, new Date().toISOString(), input.ladder),
    event: unitReportTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof unitReportWorkflow>({ ...input, resume: { state: s } }),
  });
}
