// An action's answer is read from its projection: the workflow has recorded the events by the time the Update returns,
// and their rows are written in the same transaction, but the answer is read on another connection, and a workflow
// started just now records its first events a moment later. So the read is tried again, 20 ms apart and doubling to
// 250 ms, until the row is ready; past the wait the action has still taken effect, and the caller is told to refresh.
import { DomainError } from '../errors/domain-error';

export const PROJECTION_WAIT_MS = 10_000;

export async function waitForProjection<T>(
  read: () => Promise<T | null | undefined>,
  ready: (value: T) => boolean = () => true,
  options: { ms?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.ms ?? PROJECTION_WAIT_MS);
  for (let delay = 20; Date.now() < deadline; delay = Math.min(delay * 2, 250)) {
    const value = await read();
    if (value !== null && value !== undefined && ready(value)) return value;
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new DomainError('UNAVAILABLE', options.message ?? '已受理，但尚未更新，请稍后刷新');
}
