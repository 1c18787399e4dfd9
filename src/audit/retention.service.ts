// Keeps the tables that grow with use from growing without bound: refusals (access_denials), sign-in attempts and
// delays, ended sessions and expired idempotency keys are deleted once past their keeping period (RETENTION_*).
// Every API instance schedules the cleanup; an advisory lock lets one run at a time, and each run deletes in
// bounded batches so that it never holds locks or the database for long.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { KEY_TTL_HOURS } from '../platform/idempotency/idempotency.service';
import { RetentionRepository, type RetentionCounts } from './retention.repository';

const BATCH_SIZE = 1000;
/** Per table and run: 100,000 rows at most; what is left waits for the next run. */
const MAX_BATCHES = 100;
/** The first run waits this long after start at most, so that short-lived processes also clean now and then. */
const FIRST_RUN_MAX_MINUTES = 10;
/** Forgotten sign-in delays: a day is far longer than any delay or counting window. */
const THROTTLE_KEEP_SECONDS = 86_400;

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repo: RetentionRepository,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.retention.intervalMinutes * 60_000;
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.runOnce()
          .catch((err: unknown) => this.logger.warn(`cleanup failed: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => {
            this.running = null;
            if (this.timer !== null) schedule(every);
          });
      }, delay);
      // The cleanup never keeps the process alive on its own.
      this.timer.unref();
    };
    schedule(Math.min(every, FIRST_RUN_MAX_MINUTES * 60_000));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One cleanup now: how many rows each table lost, or null when another instance is cleaning. */
  async runOnce(): Promise<RetentionCounts | null> {
    const r = this.config.retention;
    const counts = await this.repo.clean(
      {
        accessDenialsDays: r.accessDenialsDays,
        signInAttemptsDays: r.signInAttemptsDays,
        sessionsDays: r.sessionsDays,
        idempotencyKeyHours: KEY_TTL_HOURS,
        throttleSeconds: THROTTLE_KEEP_SECONDS,
      },
      BATCH_SIZE,
      MAX_BATCHES,
    );
    if (counts && Object.values(counts).some((n) => n > 0)) this.logger.log(`deleted past their keeping period: ${JSON.stringify(counts)}`);
    return counts;
  }
}
