// Builds the worker: the workflow bundle (prebuilt in production, bundled from sources in development)
// and the activities, created from the services they use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, type ActivityInterceptorsFactory, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { Client } from '@temporalio/client';
import { createCampaignActivities } from '../../../activities/campaign.activities';
import { createEventStoreActivities } from '../../../activities/event-store.activities';
import { createOfficialNoticeActivities } from '../../../activities/official-notice.activities';
import { createUnitReportActivities } from '../../../activities/unit-report.activities';
import { createInspectionRoundActivities } from '../../../activities/inspection-round.activities';
import { createBriefingActivities } from '../../../activities/briefing.activities';
import { BriefingNumberRepository } from '../../briefing/briefing-number.repository';
import type { FileStore } from '../files/file-store';
import { createTaskBreakdownImportActivities } from '../../../activities/task-breakdown-import.activities';
import { createNotificationDeliveryActivities } from '../../../activities/notification-delivery.activities';
import type { NotificationChannel } from '../../notification/channels/notification-channel';
import { NotificationDeliveryRepository } from '../../notification/notification-delivery.repository';
import type { NotificationsConfig } from '../config/config';
import { createWorkingDayActivities } from '../../../activities/working-days.activities';
import { createArchivePackageActivities } from '../../../activities/archive-package.activities';
import { ArchivePackageBuilder } from '../../archive/package-builder';
import { ArchiveRepository } from '../../archive/archive.repository';
import type { EventStoreRepository } from '../event-store/event-store.repository';
import type { Db } from '../database/database';
import type { TaskBreakdownRepository } from '../../task-breakdown/task-breakdown.repository';
import { NoticeNumberRepository } from '../../official-notice/notice-number.repository';
import { activityLogContext } from '../logging/activity-log-context';
import { WORKFLOW_INTERCEPTOR_MODULES, clientTracingInterceptors, tracedBundlePath, workerTracing } from '../tracing/temporal-tracing';

/** Where `npm run build` writes the prebuilt workflow bundle (and, beside it, the traced one: tracedBundlePath). */
export const WORKFLOW_BUNDLE_PATH = path.resolve(__dirname, '../../../workflow-bundle.js');
const WORKFLOWS_SOURCE = path.resolve(__dirname, '../../../workflows/index');

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  eventStore: EventStoreRepository;
  imports: TaskBreakdownRepository;
  db: Db;
  /** For activities that start or signal other workflows. */
  client: Client;
  /** The channels notifications are delivered on besides the inbox (none: the inbox only), and their retries. */
  delivery?: { channels: readonly NotificationChannel[]; retry: NotificationsConfig['retry'] };
  /** Activity interceptors (worker-runner.ts: the activity metrics). */
  activityInterceptors?: ActivityInterceptorsFactory[];
  /**
   * The file store (FILE_STORE_DIR) workflows write to: the briefings' PDFs and the archive packages. Unset: publishing a
   * briefing and building a package wait for a worker that has one.
   */
  files?: FileStore;
  /** Tuning for benchmarks and tests. */
  options?: Partial<Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'shutdownGraceTime'>>;
}

/** 10 s, doubling up to 10 min, for 24 h (NOTIFY_RETRY_* unset). */
export const DEFAULT_DELIVERY_RETRY: NotificationsConfig['retry'] = { initialMs: 10_000, maximumMs: 600_000, totalMs: 86_400_000 };

/** The prebuilt bundle, traced or not (WORKFLOW_BUNDLE names the untraced one); else the sources, bundled now. */
export function workflowSource(traced = false): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const plain = process.env.WORKFLOW_BUNDLE ?? WORKFLOW_BUNDLE_PATH;
  const bundle = traced ? tracedBundlePath(plain) : plain;
  if (fs.existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return { workflowsPath: require.resolve(WORKFLOWS_SOURCE) };
}

export async function createWorker(deps: WorkerDeps): Promise<Worker> {
  // The tracing interceptors are in the traced bundle; bundled from sources, a traced worker adds them.
  const tracing = await workerTracing();
  const source = workflowSource(tracing.traced);
  // The import's starts go through the worker's own connection, eagerly (task-breakdown-import.activities.ts).
  const starter = new Client({ connection: deps.connection, namespace: deps.namespace, interceptors: await clientTracingInterceptors() });
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    ...source,
    interceptors: {
      // Metrics outermost (they time the whole activity), then the log context, then the trace span.
      activity: [...(deps.activityInterceptors ?? []), activityLogContext, ...tracing.activity],
      ...(source.workflowsPath && tracing.traced ? { workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES] } : {}),
    },
    sinks: tracing.sinks,
    activities: {
      ...createEventStoreActivities({ eventStore: deps.eventStore }),
      ...createTaskBreakdownImportActivities({ imports: deps.imports, db: deps.db, client: deps.client, taskQueue: deps.taskQueue, starter }),
      ...createCampaignActivities({ db: deps.db, client: deps.client, taskQueue: deps.taskQueue }),
      ...createOfficialNoticeActivities({ numbers: new NoticeNumberRepository(deps.db) }),
      ...createNotificationDeliveryActivities({
        deliveries: new NotificationDeliveryRepository(deps.db),
        channels: deps.delivery?.channels ?? [],
        retry: deps.delivery?.retry ?? DEFAULT_DELIVERY_RETRY,
      }),
      ...createWorkingDayActivities({ db: deps.db }),
      ...createUnitReportActivities({ db: deps.db, client: deps.client, taskQueue: deps.taskQueue }),
      ...createBriefingActivities({ numbers: new BriefingNumberRepository(deps.db), files: deps.files ?? null }),
      ...createInspectionRoundActivities({ db: deps.db, client: deps.client }),
      ...createArchivePackageActivities({ builder: deps.files ? new ArchivePackageBuilder(new ArchiveRepository(deps.db), deps.files) : null }),
    },
    shutdownGraceTime: '10 seconds',
    ...deps.options,
  });
}
