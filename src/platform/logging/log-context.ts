// What every log line written while handling one request (or one activity) says about it: the request id, the
// person, the GraphQL operation, the task and the workflow. The context travels with the asynchronous work
// (AsyncLocalStorage); it is one object per request, so what a guard or a service learns later (who is asking,
// which workflow an action goes to) reaches the lines written after it, the operation's own line included.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogContext {
  requestId?: string;
  /** The person's login (their user id without `user:`), or the service account's id. */
  person?: string;
  /** The GraphQL operation's name, or `anonymous`. */
  operation?: string;
  taskId?: string;
  workflowId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** The context of the work being done, or undefined outside of one. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with a context of its own (a copy of `context`). */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/** Adds what is now known to the current context; nothing outside of one. */
export function annotateLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (!store) return;
  for (const [key, value] of Object.entries(fields) as [keyof LogContext, string | undefined][]) {
    if (value !== undefined) store[key] = value;
  }
}

/** A person's login from their user id (`user:<login>`); other ids (service accounts, `system`) as they are. */
export function personOf(userId: string): string {
  return userId.startsWith('user:') ? userId.slice('user:'.length) : userId;
}

/** The indicator task a workflow id names, if it is one (a task's id is its workflow's id). */
export function taskIdOf(workflowId: string | undefined): string | undefined {
  return workflowId?.startsWith('indicator-task:') ? workflowId : undefined;
}

/** The context of a workflow's or an activity's work: its workflow id, and the task when the workflow is one. */
export function workflowLogContext(workflowId: string | undefined): LogContext {
  if (!workflowId) return {};
  const taskId = taskIdOf(workflowId);
  return taskId ? { workflowId, taskId } : { workflowId };
}
