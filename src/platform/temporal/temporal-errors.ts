// One mapping from what the Temporal client throws to the API's coded errors: a rejected Update carries the
// rule's code and Chinese message; a missing workflow is NOT_FOUND; an unreachable server is UNAVAILABLE.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isErrorCode } from '../errors/domain-error';

export function temporalToDomainError(err: unknown, notFoundMessage: string): Error {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    const field = (failure.details?.[0] as { field?: string | null } | undefined)?.field ?? null;
    if (isErrorCode(failure.type)) return new DomainError(failure.type, failure.message, field);
  }
  if (err instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', notFoundMessage);
  // The client's ServiceError carries the gRPC status on its cause.
  const code = (err as { code?: number })?.code ?? (err as { cause?: { code?: number } })?.cause?.code;
  if (code === 14 /* gRPC UNAVAILABLE */ || code === 4 /* DEADLINE_EXCEEDED */) {
    return new DomainError('UNAVAILABLE', '工作流服务暂时不可用，请稍后重试');
  }
  return err instanceof Error ? err : new Error(String(err));
}
