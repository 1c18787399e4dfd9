// What every kind's `decide` answers: the events an accepted command records, or the coded refusal that
// records nothing. The workflow turns a refusal into a non-retryable Update failure (workflow-loop.ts).

export type RejectionCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT';

export interface Rejection {
  code: RejectionCode;
  /** For people: Chinese. */
  message: string;
  /** The input field at fault, for form errors. */
  field?: string;
}

export type Decision<E> = { ok: true; events: E[] } | { ok: false; rejection: Rejection };

/** Who recorded an event, and when (workflow time): what `evolve` needs besides the event itself. */
export interface EventMeta {
  actorId: string;
  at: string;
}
