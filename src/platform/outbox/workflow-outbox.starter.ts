// Starts the workflows the outbox holds (issue 16): every worker process runs one starter, which claims pending rows,
// starts each row's workflow under the row's id and marks it started. A crash between the start and the mark only
// means the next pass finds the workflow already started, which counts as started: each workflow runs once. A start
// that fails (Temporal unreachable) keeps its row pending for the next pass, so nothing is lost while Temporal is down.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../database/database';
import { WorkflowOutboxRepository, type FailedStart, type OutboxWorkflow } from './workflow-outbox.repository';
import { componentLogger } from '../logging/logger';

export interface OutboxStarterOptions {
  /** Pause between passes that found nothing more to do. */
  pollMs?: number;
  /** Rows claimed per pass. */
  batch?: number;
  log?: (line: string) => void;
}

/** Workflows started at once within one pass. */
const PARALLEL_STARTS = 8;
/** How long one start may take before the pass gives up on it. */
const START_DEADLINE_MS = 10_000;
/** The same error is logged at most once a minute. */
const LOG_EVERY_MS = 60_000;

export class WorkflowOutboxStarter {
  private readonly repository: WorkflowOutboxRepository;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly log: (line: string) => void;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private lastLogged = { message: '', at: 0 };

  constructor(
    db: Db,
    private readonly client: Client,
    private readonly taskQueue: string,
    options: OutboxStarterOptions = {},
  ) {
    this.repository = new WorkflowOutboxRepository(db);
    this.pollMs = options.pollMs ?? 500;
    this.batch = options.batch ?? 100;
    this.log = options.log ?? ((line) => componentLogger('outbox').warn(line));
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  /** One pass: claims and starts up to one batch. Returns how many rows it claimed. */
  async drainOnce(): Promise<number> {
    return this.repository.drain(this.batch, (workflows) => this.startAll(workflows));
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.drainOnce();
      } catch (err) {
        this.warn(`读取待启动流程失败，稍后重试 / outbox pass failed, retrying: ${String(err)}`);
      }
      if (claimed >= this.batch || this.stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async startAll(workflows: OutboxWorkflow[]): Promise<FailedStart[]> {
    const failed: FailedStart[] = [];
    for (let i = 0; i < workflows.length; i += PARALLEL_STARTS) {
      await Promise.all(
        workflows.slice(i, i + PARALLEL_STARTS).map(async (w) => {
          try {
            // A deadline, so that a Temporal outage fails the pass instead of holding the rows' locks.
            await this.client.withDeadline(Date.now() + START_DEADLINE_MS, () =>
              this.client.workflow.start(w.workflowType, {
                workflowId: w.workflowId,
                taskQueue: this.taskQueue,
                args: w.args,
                // A finished run is not started again either: the row's event has been handled.
                workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
              }),
            );
          } catch (err) {
            if (err instanceof WorkflowExecutionAlreadyStartedError) return;
            failed.push({ workflowId: w.workflowId, error: String(err) });
          }
        }),
      );
    }
    if (failed.length > 0) this.warn(`${failed.length} 个流程启动失败，稍后重试 / ${failed.length} workflow starts failed, retrying: ${failed[0].error}`);
    return failed;
  }

  private warn(message: string): void {
    const now = Date.now();
    if (message === this.lastLogged.message && now - this.lastLogged.at < LOG_EVERY_MS) return;
    this.lastLogged = { message, at: now };
    this.log(message);
  }
}
