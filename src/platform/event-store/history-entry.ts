// An event as the API's history lists show it (a task's, an item's, a round's, the campaign clock's): labelled by
// the feature, its time in ISO, and who caused it.
import type { Actor } from '../../../workflows/shared/actor.types';
import type { HistoryEvent } from './event-store.types';

export interface HistoryActor {
  userId: string;
  displayName: string;
  role: string;
}

/** Who the event's metadata says caused it; the system (系统) for events no person caused, such as escalations. */
export function eventActor(e: HistoryEvent): HistoryActor {
  const by = e.metadata.actor as Actor | undefined;
  return { userId: by?.userId ?? '', displayName: by?.displayName ?? '系统', role: by?.role ?? 'OFFICE' };
}

/** The entry of one event; `actor` replaces the one recorded where the viewer may not see it. */
export function historyEntry(e: HistoryEvent, label: string, actor: HistoryActor = eventActor(e)) {
  return { position: e.position, streamVersion: e.streamVersion, type: e.type, label, occurredAt: e.occurredAt.toISOString(), actor, data: e.data };
}
