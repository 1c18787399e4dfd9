// What the workflow specs (test/workflow/*.workflow-spec.ts) share: the people who act, an in-memory event store
// with the real store's idempotency, the rectification item they start, and the recorder of replay fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import type { AppendRequest, AppendResult, NewEvent } from '../../activities/event-store.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';

export const UNIT: Actor = { userId: 'u-unit', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
export const SUPERVISOR: Actor = { userId: 'u-sup', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
export const ARCHIVIST: Actor = { userId: 'u-arc', displayName: '陈档案', role: 'ARCHIVIST', unitCode: null };
export const OFFICE: Actor = { userId: 'u-office', displayName: '张霞', role: 'OFFICE', unitCode: null };
export const NEW_UNIT: Actor = { userId: 'u-bjsq', displayName: '滨江社区工作人员', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };

/** An in-memory event store with the real store's idempotency: an event id already stored is not stored again. */
export class FakeEventStore {
  readonly events: NewEvent[] = [];

  async appendEvents(request: AppendRequest): Promise<AppendResult> {
    const fresh = request.events.filter((e) => !this.events.some((k) => k.eventId === e.eventId));
    this.events.push(...fresh);
    return { written: fresh.length, lastPosition: String(this.events.length) };
  }

  stream(streamId: string): NewEvent[] {
    return this.events.filter((e) => e.metadata.workflowId === streamId);
  }
}

/** A sanitation item found by covert inspection and dispatched to WTSQ, due at `dueAt`. */
export function dispatchedItemInput(itemId: string, dueAt: string): RectificationItemInput {
  return {
    itemId,
    campaignId: 'wf',
    source: 'COVERT_INSPECTION',
    area: 'SANITATION',
    location: { address: '外滩路12号', latitude: null, longitude: null },
    description: '垃圾满溢',
    photos: [],
    indicatorTaskId: null,
    criterionCode: null,
    inspectionRoundId: null,
    reportedBy: SUPERVISOR,
    dispatch: { unitCode: 'WTSQ', dueAt, note: '' },
  };
}

/**
 * With RECORD_HISTORIES=1, keeps the history of a finished scenario as a fixture for the replay test
 * (test/workflow/replay.workflow-spec.ts), which then proves that later workflow code still replays it (a change
 * that does not must be patched).
 */
export async function keepHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const dir = path.join(__dirname, '..', 'workflow', 'histories');
  fs.mkdirSync(dir, { recursive: true });
  const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
  fs.writeFileSync(path.join(dir, `${name}.history.bin`), temporal.api.history.v1.History.encode(history).finish());
}
