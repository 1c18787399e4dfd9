// The one path of an action on a workflow, for every kind: claim the Idempotency-Key, run the service's last
// rules, send the Update (whose validator decides legality), and map what the Temporal client throws to coded
// errors. Each service keeps its own access checks, input validation and read back through its repository.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { TEMPORAL } from '../core/app.tokens';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { annotateLogContext, workflowLogContext } from '../logging/log-context';
import type { Actor } from '../../../workflows/shared/actor.types';

/** What every kind's action Update takes. */
export interface ActionRequest<C extends { action: string }> {
  command: C;
  actor: Actor;
  expectedVersion?: number | null;
  /** Ties the resulting events to the request that caused them. */
  correlationId?: string;
}

export interface WorkflowAction<C extends { action: string }> {
  actor: Actor;
  command: C;
  expectedVersion?: number | null;
  /**
   * The service's last word, once the key is claimed and the action is not the retry of one that took effect: it
   * may refuse (throw), or return the request completed with facts the key does not stand for.
   */
  beforeUpdate?: (request: ActionRequest<C>) => ActionRequest<C> | void | Promise<ActionRequest<C> | void>;
  /** What the Temporal client's failures become for this kind (the not-found message is the kind's). */
  toError: (err: unknown) => Error;
  /** A workflow that may not have been started yet: started by this, then sent the Update once more. */
  startIfMissing?: () => Promise<unknown>;
}

/** `replayed`: the request's key already took effect, nothing was sent, and the caller reads back its outcome. */
export type ActionOutcome<R> = { replayed: true } | { replayed: false; result: R };

@Injectable()
export class WorkflowActions {
  constructor(
    private readonly idempotency: IdempotencyService,
    @Inject(TEMPORAL) private readonly temporal: Client,
  ) {}

  /** Sends one action to the workflow `workflowId` (also its event stream's id). Refused actions write nothing. */
  async execute<C extends { action: string }, R>(workflowId: string, update: UpdateDefinition<R, [ActionRequest<C>]>, action: WorkflowAction<C>): Promise<ActionOutcome<R>> {
    const { actor, command, expectedVersion } = action;
    annotateLogContext(workflowLogContext(workflowId));
    // A retry with the same Idempotency-Key: the same Update, and if it already took effect, its outcome.
    const idempotent = await this.idempotency.claim(actor.userId, workflowId, command.action, { command, expectedVersion });
    if (idempotent?.done) return { replayed: true };
    const initial: ActionRequest<C> = { command, actor, expectedVersion, correlationId: randomUUID() };
    const request = (await action.beforeUpdate?.(initial)) ?? initial;
    const options = { args: [request] as [ActionRequest<C>], updateId: idempotent?.updateId };
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      try {
        return { replayed: false, result: await handle.executeUpdate(update, options) };
      } catch (err) {
        if (!action.startIfMissing || !(err instanceof WorkflowNotFoundError)) throw err;
        await action.startIfMissing();
        return { replayed: false, result: await handle.executeUpdate(update, options) };
      }
    } catch (err) {
      throw action.toError(err);
    }
  }
}
