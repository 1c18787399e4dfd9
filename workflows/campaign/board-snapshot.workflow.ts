// The campaign's nightly board snapshot (src/reports/board-snapshot.ts), started by its Temporal Schedule
// (`campaign-board-snapshot:{id}`, 02:30 in the campaign's time zone) or by an operator. One activity: the snapshot
// is the one before plus the day's events, so a run missed or repeated costs nothing but the next run's size.
import { proxyActivities } from '@temporalio/workflow';
import type { CampaignActivities } from '../../activities/campaign.activities';
import type { BoardSnapshotInput, BoardSnapshotResult } from './campaign.types';

const { takeBoardSnapshot } = proxyActivities<CampaignActivities>({
  // The first snapshot of a long campaign folds its whole log (about a minute at 1,000,000 events).
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10, nonRetryableErrorTypes: ['NOT_FOUND'] },
});

export async function boardSnapshotWorkflow(input: BoardSnapshotInput): Promise<BoardSnapshotResult> {
  return takeBoardSnapshot(input);
}
