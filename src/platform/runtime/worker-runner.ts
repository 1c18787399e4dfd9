import { Runtime, type Worker } from '@temporalio/worker';
import type { Db } from '../database/database';
import { EventStoreRepository } from '../event-store/event-store.repository';
import type { InlineProjection } from '../event-store/event-store.types';
import { IndicatorTaskCardProjection } from '../projections/indicator-task-card.projection';
import { TaskAssignmentUnitProjection } from '../projections/task-assignment-unit.projection';
import { RectificationItemCardProjection } from '../projections/rectification-item-card.projection';
import { InspectionRoundProjection } from '../projections/inspection-round.projection';
import { NotificationProjection } from '../projections/notification.projection';
import { OfficialNoticeProjection } from '../projections/official-notice.projection';
import { TaskBreakdownRepository } from '../../task-breakdown/task-breakdown.repository';
import { CampaignStateProjection } from '../../campaign-clock/campaign-state.projection';
import { WorkflowOutboxStarter } from '../outbox/workflow-outbox.starter';
import { connectClient, connectWorker } from '../temporal/temporal-connection';
import { createWorker, type WorkerDeps } from '../temporal/worker';
import type { AppConfig, NotificationsConfig, TemporalConnectionConfig } from '../config/config';
import { configuredChannels } from '../../notification/channels/channels';
import { PinoTemporalLogger } from '../logging/temporal-logger';

/** Every projection kept in the append's transaction, in the order the event store applies them. */
export function inlineProjections(options: { deliverNotifications?: boolean } = {}): InlineProjection[] {
  return [
    new IndicatorTaskCardProjection(),
    new TaskAssignmentUnitProjection(),
    new RectificationItemCardProjection(),
    new CampaignStateProjection(),
    new InspectionRoundProjection(),
    new NotificationProjection({ deliver: options.deliverNotifications ?? true }),
    new OfficialNoticeProjection(),
  ];
}

/** `deliverNotifications`: whether new notifications start their delivery workflow (the worker: when it has a channel). */
export function createEventStore(db: Db, options: { deliverNotifications?: boolean } = {}): EventStoreRepository {
  return new EventStoreRepository(db, inlineProjections(options));
}

let runtimeInstalled = false;

/** The SDK logs every state change at INFO; keep the console for what an operator needs. Once per process. */
function installRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new PinoTemporalLogger() });
  } catch {
    // Already created by an earlier connection in this process: keep its settings.
  }
}

/** The worker options the configuration sets (TEMPORAL_MAX_CACHED_WORKFLOWS); the SDK's defaults for the rest. */
export function configuredWorkerOptions(config: AppConfig): WorkerDeps['options'] {
  return config.worker.maxCachedWorkflows === null ? undefined : { maxCachedWorkflows: config.worker.maxCachedWorkflows };
}

export interface RunningWorker {
  worker: Worker;
  /** Settles when the worker stops; rejects if it fails. */
  done: Promise<void>;
  status(): { state: string; taskQueue: string };
  stop(): Promise<void>;
}

export async function startWorker(
  temporal: TemporalConnectionConfig & { address: string },
  db: Db,
  options?: WorkerDeps['options'],
  /** Where notifications are delivered besides the inbox; unset: the inbox only. */
  notifications?: NotificationsConfig,
): Promise<RunningWorker> {
  installRuntime();
  const connection = await connectWorker(temporal);
  const client = await connectClient(temporal);
  const channels = notifications ? configuredChannels(notifications, db) : [];
  const worker = await createWorker({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    eventStore: createEventStore(db, { deliverNotifications: channels.length > 0 }),
    imports: new TaskBreakdownRepository(db),
    db,
    client,
    delivery: notifications ? { channels, retry: notifications.retry } : undefined,
    options,
  });
  // Starts the workflows that appended events asked for (notification deliveries, notices), once each.
  const outbox = new WorkflowOutboxStarter(db, client, temporal.taskQueue);
  outbox.start();
  const done = worker.run().finally(async () => {
    await outbox.stop();
    await connection.close();
    await client.connection.close();
  });
  return {
    worker,
    done,
    status: () => ({ state: worker.getState(), taskQueue: temporal.taskQueue }),
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
