// Lines written while an activity runs carry its workflow id and, for an indicator task, the task id.
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { runWithLogContext, workflowLogContext } from './log-context';

export const activityLogContext: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute: (input, next) => runWithLogContext(workflowLogContext(ctx.info.workflowExecution?.workflowId), () => next(input)),
  },
});
