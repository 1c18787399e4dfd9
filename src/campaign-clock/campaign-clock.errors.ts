// Temporal failures of the campaign's workflows as the API's domain errors: a rejection keeps its code, its
// Chinese message and its field; an unreachable server is UNAVAILABLE.
import { WorkflowFailedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, isErrorCode } from '../platform/errors/domain-error';

export function campaignDomainError(err: unknown): Error {
  if (err instanceof DomainError) return err;
  const cause = err instanceof WorkflowUpdateFailedError || err instanceof WorkflowFailedError ? err.cause : null;
  // A failed activity wraps the application failure once more.
  const failure = cause instanceof ApplicationFailure ? cause : cause?.cause instanceof ApplicationFailure ? cause.cause : null;
  if (failure && isErrorCode(failure.type)) {
    const field = (failure.details?.[0] as { field?: string | null } | undefined)?.field ?? null;
    return new DomainError(failure.type, failure.message, field);
  }
  if (err instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', '活动的工作流不存在或已结束');
  const code = (err as { code?: number })?.code;
  if (code === 14 /* gRPC UNAVAILABLE */ || code === 4 /* DEADLINE_EXCEEDED */) {
    return new DomainError('UNAVAILABLE', '工作流服务暂时不可用，请稍后重试');
  }
  return err instanceof Error ? err : new Error(String(err));
}
