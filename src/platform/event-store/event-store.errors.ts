/** Someone else wrote to the stream: the caller's expected version is behind (or ahead of) the stored one. */
export class StreamConflictError extends Error {
  readonly code = 'STREAM_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`事件流版本冲突 / stream conflict on ${streamId}: expected version ${expectedVersion}, actual ${actualVersion}`);
    this.name = 'StreamConflictError';
  }
}
