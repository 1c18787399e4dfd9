// One workflow per campaign and area: it records SpecialDriveLaunched, then waits for the office's amendments and
// items, the lead unit's closing summary and the leading group's review (Updates whose validators apply the pure
// rule), or for the next step of the ladder while the summary is owed (提醒 → 催办 → 督办), sleeping durably to the
// period's end. It ends once the leading group approves the summary (CLOSED).
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { runTimerLoop } from '../shared/timer-loop';
import { decideDrive, drivePeriod } from './special-drive.decide';
import type { SpecialDriveEvent } from './special-drive.events';
import { evolveDrive, initialDriveState } from './special-drive.evolve';
import { specialDriveActionUpdate, specialDriveStateQuery, type DriveActionResult } from './special-drive.messages';
import { driveTimerEvent, nextDriveTimer } from './special-drive.schedule';
import type { DriveActionRequest, SpecialDriveInput, SpecialDriveState } from './special-drive.types';

export const DEFAULT_DRIVE_HISTORY_LIMIT = 2_000;

export async function specialDriveWorkflow(input: SpecialDriveInput): Promise<SpecialDriveState> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialDriveState(info.workflowId);
  const recorder = eventRecorder<SpecialDriveState, SpecialDriveEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveDrive,
  );

  // The launch is queued before the Update handler is set: an Update sent with the start is recorded after it.
  const launching = input.resume
    ? Promise.resolve(state)
    : recorder.commit(
        (s) => {
          if (s.version !== 0) return [];
          const period = drivePeriod(input.plan, input.timeZone);
          const data = { campaignId: input.campaignId, area: input.area, leadUnitCode: input.plan.leadUnitCode, timeZone: input.timeZone, plan: input.plan, ...period, dueAt: input.dueAt ?? period.endsAt };
          return [{ type: 'SpecialDriveLaunched', data }];
        },
        input.launchedBy,
        `${info.workflowId}:launched`,
        info.workflowId,
      );

  setHandler(specialDriveStateQuery, () => state);
  setHandler(
    specialDriveActionUpdate,
    async (request: DriveActionRequest): Promise<DriveActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideDrive, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideDrive) },
  );

  await launching;

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'CLOSED',
    historyLimit: input.historyLimit ?? DEFAULT_DRIVE_HISTORY_LIMIT,
    next: (s) => nextDriveTimer(s, new Date().toISOString(), input.ladder),
    event: driveTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof specialDriveWorkflow>({ ...input, resume: { state: s } }),
  });
}
