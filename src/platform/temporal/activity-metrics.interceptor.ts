// Times every activity this worker runs (remote and local), labelled by its type and how it ended, into
// chuangwen_activity_duration_seconds. Activity types are the names the worker registers, so the labels are bounded.
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { activityDuration } from '../metrics/worker.metrics';

/** OK; RETRY when Temporal may run it again; FAILED when it will not (a non-retryable failure); CANCELLED. */
export function activityOutcome(error: unknown): 'RETRY' | 'FAILED' | 'CANCELLED' {
  if (error instanceof CancelledFailure) return 'CANCELLED';
  if (error instanceof ApplicationFailure && error.nonRetryable) return 'FAILED';
  return 'RETRY';
}

export const activityMetricsInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    async execute(input, next) {
      const end = activityDuration.startTimer({ activity_type: ctx.info.activityType });
      try {
        const result = await next(input);
        end({ outcome: 'OK' });
        return result;
      } catch (err) {
        end({ outcome: activityOutcome(err) });
        throw err;
      }
    },
  },
});
