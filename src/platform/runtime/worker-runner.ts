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
import { UnitReportProjection } from '../projections/unit-report.projection';
import { SpecialDriveProjection } from '../projections/special-drive.projection';
import { FundingProjection } from '../projections/funding.projection';
import { PublicityProjection } from '../projections/publicity.projection';
import { MobilizationProjection } from '../projections/mobilization.projection';
import { BriefingProjection } from '../projections/briefing.projection';
import { ArchiveProjection } from '../projections/archive.projection';
import { SurveyRoundProjection } from '../projections/survey-round.projection';
import { ActivityProjection } from '../projections/activity.projection';
import { SelfEvaluationProjection } from '../projections/self-evaluation.projection';
import { TaskBreakdownRepository } from '../../task-breakdown/task-breakdown.repository';
import { CampaignStateProjection } from '../../campaign-clock/campaign-state.projection';
import { WorkflowOutboxStarter } from '../outbox/workflow-outbox.starter';
import { connectClient, connectWorker } from '../temporal/temporal-connection';
import { createWorker, type WorkerDeps } from '../temporal/worker';
import type { AppConfig, NotificationsConfig, TemporalConnectionConfig } from '../config/config';
import { configuredChannels } from '../../notification/channels/channels';
import { activityMetricsInterceptor } from '../temporal/activity-metrics.interceptor';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { freePort } from './ports';
import { PinoTemporalLogger } from '../logging/temporal-logger';
import { FileStore } from '../files/file-store';

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
    new UnitReportProjection(),
    new MobilizationProjection(),
    new BriefingProjection(),
    new ArchiveProjection(),
    new SurveyRoundProjection(),
    new SpecialDriveProjection(),
    new FundingProjection(),
    new ActivityProjection(),
    new PublicityProjection(),
    new SelfEvaluationProjection(),
  ];
}

/** `deliverNotifications`: whether new notifications start their delivery workflow (the worker: when it has a channel). */
export function createEventStore(db: Db, options: { deliverNotifications?: boolean } = {}): EventStoreRepository {
  return new EventStoreRepository(db, inlineProjections(options));
}

let runtimeInstalled = false;
/** host:port of the Temporal SDK's Prometheus exporter in this process, once the Runtime was set up with it. */
let sdkMetricsAddress: string | null = null;

/**
 * The SDK logs every state change at INFO; keep the console for what an operator needs. Once per process, before
 * the first worker: `prometheusAddress` turns on the SDK's Prometheus exporter there (durations in seconds, as ours).
 */
function installRuntime(prometheusAddress: string | null = null): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new PinoTemporalLogger(),
      ...(prometheusAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: prometheusAddress, useSecondsForDurations: true } } } } : {}),
    });
    sdkMetricsAddress = prometheusAddress;
  } catch (err) {
    // Already created by an earlier connection in this process: keep its settings (then without the SDK's metrics).
    if (prometheusAddress) console.warn(`[worker] Temporal SDK 监控指标未开启 / Temporal SDK metrics are off: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Sets up this process's Temporal Runtime with the SDK's Prometheus exporter on a free loopback port, and answers
 * the worker's /metrics (ours and the SDK's). Entry points that serve a worker's /metrics call it before starting
 * the worker; a process that does not (tests, benchmarks) keeps the SDK's metrics off.
 */
export async function installWorkerMetrics(): Promise<WorkerMetrics> {
  if (!runtimeInstalled) {
    const port = await freePort();
    installRuntime(`127.0.0.1:${port}`);
  }
  return new WorkerMetrics(sdkMetricsAddress);
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
  /** The file store (FILE_STORE_DIR), for what workflows write to it: the briefings' PDFs, the archive packages. */
  files?: AppConfig['files'],
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
    activityInterceptors: [activityMetricsInterceptor],
    files: files ? new FileStore(files.dir, files.maxBytes) : undefined,
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
