// One workflow per archive package: records the request, has the activity stream the zip into the file store
// (heartbeating per file; a package of gigabytes takes minutes), records it built (with the warning when
// materials are missing) or failed, then waits for the office's 送审 (an Update whose validator applies the pure
// rule). It ends once the package is handed over, or when it failed.
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ArchivePackageActivities } from '../../activities/archive-package.activities';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { drainHandlers } from '../shared/workflow-loop';
import { decidePackage } from './archive-package.decide';
import type { ArchivePackageEvent } from './archive-package.events';
import { evolvePackage, initialPackageState } from './archive-package.evolve';
import { packageActionUpdate, packageRequestedUpdate, packageStateQuery, type PackageActionResult } from './archive-package.messages';
import { missingWarning, type ArchivePackageInput, type ArchivePackageState, type PackageActionRequest } from './archive-package.types';
import { SYSTEM_ACTOR } from '../shared/actor.types';

const { buildArchivePackage } = proxyActivities<ArchivePackageActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function archivePackageWorkflow(input: ArchivePackageInput): Promise<ArchivePackageState> {
  const info = workflowInfo();
  let state = initialPackageState(info.workflowId, input.campaignId);
  const recorder = eventRecorder<ArchivePackageState, ArchivePackageEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolvePackage,
  );
  const requested = recorder.recordNow([{ type: 'ArchivePackageRequested', data: { campaignId: input.campaignId } }], input.requestedBy, `${info.workflowId}:requested`, info.workflowId);

  setHandler(packageStateQuery, () => state);
  setHandler(packageRequestedUpdate, async () => {
    await requested;
    return state;
  });
  setHandler(
    packageActionUpdate,
    async (request: PackageActionRequest): Promise<PackageActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decidePackage, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decidePackage) },
  );

  await requested;
  let outcome: ArchivePackageEvent;
  try {
    const built = await buildArchivePackage({ packageId: info.workflowId, campaignId: input.campaignId });
    outcome = {
      type: 'ArchivePackageBuilt',
      data: { sha256: built.sha256, size: built.size, fileName: built.fileName, fileCount: built.fileCount, missingCount: built.missingCount, warning: missingWarning(built.missingCount, built.unitsMissing) },
    };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause instanceof ApplicationFailure ? err.cause.message : '';
    outcome = { type: 'ArchivePackageFailed', data: { reason: `档案包生成失败${cause ? `：${cause.slice(0, 300)}` : ''}` } };
  }
  await recorder.commit(() => (state.state === 'BUILDING' ? [outcome] : []), SYSTEM_ACTOR, `${info.workflowId}:built`, info.workflowId);

  await condition(() => state.state === 'SUBMITTED' || state.state === 'FAILED');
  await drainHandlers(recorder.settled);
  return state;
}
