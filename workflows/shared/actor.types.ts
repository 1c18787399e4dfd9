// Who acts on a workflow, shared by every kind (indicator task, rectification item, campaign, inspection round), the
// event store and the API. Names follow ../shared/GLOSSARY.md exactly.

export const ROLES = ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** The person acting. The API authenticates them; the workflow trusts the API for identity, not for legality. */
export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  /** The unit the person belongs to; null for office-level roles. */
  unitCode: string | null;
}

/** The actor of events the workflow records on its own (timers). Recorded in histories and events: never change it. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', displayName: '系统（自动）', role: 'OFFICE', unitCode: null };
