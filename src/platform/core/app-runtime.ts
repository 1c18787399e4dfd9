import type { Client } from '@temporalio/client';
import type { AppConfig } from '../config/config';
import type { Db } from '../database/database';

export interface WorkerStatus {
  state: string;
  taskQueue: string;
}

/** What an entry point has connected before the Nest application starts; the entry point also closes it. */
export interface AppRuntime {
  config: AppConfig;
  databaseUrl: string;
  db: Db;
  temporal: Client;
  /** Base URL of the Temporal Web UI, for operators' links; null when unknown. */
  temporalUiUrl: string | null;
  /** Present when a worker runs in the same process. */
  workerStatus?: () => WorkerStatus;
}
