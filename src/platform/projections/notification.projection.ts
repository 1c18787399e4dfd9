// The in-app inbox (站内消息, issue 16): one row per notification and person, written in the transaction that appends
// the event causing it (notification-rules.ts says who is told of what). Every row is inserted with ON CONFLICT
// (source_event_id, recipient_login) DO NOTHING, so a retried append, a replay or a rebuild never writes a second
// one; a rebuild clears nothing, so what people have read stays read. Each new row is announced on
// NOTIFICATIONS_CHANNEL with its recipient, for the live subscription, and its delivery beyond the inbox (email,
// webhook, …) is put in the workflow outbox in the same transaction; rows a rebuild writes (as read) are not delivered.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { WorkflowOutboxRepository } from '../outbox/workflow-outbox.repository';
import { NOTIFICATION_DELIVERY_WORKFLOW_TYPE, notificationDeliveryWorkflowId } from '../../../workflows/notification-delivery/notification-delivery.messages';
import type { NotificationDeliveryInput } from '../../../workflows/notification-delivery/notification-delivery.types';
import { briefingUnitCodes } from './briefing-notification-rules';
import { CONTEXT_EVENT_TYPES, changesContext, foldContext, isNotifying, notificationsFor, type NotificationDraft, type StreamContext } from './notification-rules';

/** The channel on which each new notification is announced to the API instances. */
export const NOTIFICATIONS_CHANNEL = 'notifications';

export interface NotificationNotice {
  id: string;
  recipientLogin: string;
  recipientUserId: string;
}

const INSERT_CHUNK = 500;

/** What one notifying event needs to become rows: the event and its stream's context just before it. */
interface Pending {
  event: StoredEvent;
  context: StreamContext | null;
}

/** A deterministic id (UUID version 5 layout) of a source event and a recipient: the same inputs, the same id. */
export function notificationId(sourceEventId: string, recipientLogin: string): string {
  const hash = createHash('sha1').update(`notification\n${sourceEventId}\n${recipientLogin}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function actorId(event: StoredEvent): string | null {
  const actor = event.metadata.actor as { userId?: unknown } | undefined;
  return typeof actor?.userId === 'string' ? actor.userId : null;
}

function byStreamOrder(a: StoredEvent, b: StoredEvent): number {
  return a.streamId === b.streamId ? a.streamVersion - b.streamVersion : a.streamId < b.streamId ? -1 : 1;
}

interface Recipient {
  id: string;
  login: string;
  role: string;
  unit_code: string | null;
}

function recipientsOf(draft: NotificationDraft, users: readonly Recipient[], exclude: string | null): Recipient[] {
  const { roles, unitCode, unitRoles, logins = [], leadUnitCode = null } = draft.audience;
  const seen = new Set<string>();
  return users.filter((u) => {
    const told =
      (roles as string[]).includes(u.role) ||
      (unitCode !== null && u.unit_code === unitCode && (unitRoles as string[]).includes(u.role)) ||
      logins.includes(u.login) ||
      (leadUnitCode !== null && u.unit_code === leadUnitCode && u.role === 'UNIT_HEAD');
    if (!told || u.id === exclude || seen.has(u.login)) return false;
    seen.add(u.login);
    return true;
  });
}

/** Every unit's name and every user, read once by a rebuild instead of for each batch of events. */
interface Directory {
  unitNames: Map<string, string>;
  users: Recipient[];
}

async function readDirectory(trx: Transaction<Database>): Promise<Directory> {
  const units = await trx.selectFrom('units').select(['code', 'name']).execute();
  const users = await trx.selectFrom('users').select(['id', 'login', 'role', 'unit_code']).execute();
  return { unitNames: new Map(units.map((u) => [u.code, u.name])), users };
}

/**
 * Turns notifying events into rows for their recipients as they are now; announces the new ones when `announce`,
 * and puts their delivery in the workflow outbox when `deliver` too. Units and users are read, unless `directory`
 * already holds them all.
 */
async function writeNotifications(trx: Transaction<Database>, pending: readonly Pending[], announce: boolean, deliver = false, directory?: Directory): Promise<number> {
  if (pending.length === 0) return 0;
  const unitCodes = new Set<string>();
  for (const { event, context } of pending) {
    if (context?.unitCode) unitCodes.add(context.unitCode);
    if (typeof event.data.unitCode === 'string') unitCodes.add(event.data.unitCode);
    if (typeof event.data.leadUnitCode === 'string') unitCodes.add(event.data.leadUnitCode);
    if (typeof event.data.organiserUnitCode === 'string') unitCodes.add(event.data.organiserUnitCode);
    for (const code of briefingUnitCodes(event)) unitCodes.add(code);
  }
  const units = directory || unitCodes.size === 0 ? [] : await trx.selectFrom('units').select(['code', 'name']).where('code', 'in', [...unitCodes]).execute();
  const names = directory?.unitNames ?? new Map(units.map((u) => [u.code, u.name]));
  const unitName = (code: string) => names.get(code) ?? code;

  const drafts = pending.flatMap(({ event, context }) => notificationsFor(event, context, unitName).map((draft) => ({ event, draft })));
  if (drafts.length === 0) return 0;
  const roles = new Set<string>(drafts.flatMap(({ draft }) => draft.audience.roles));
  const audienceUnits = new Set(
    drafts.flatMap(({ draft }) => [
      ...(draft.audience.unitCode !== null && draft.audience.unitRoles.length > 0 ? [draft.audience.unitCode] : []),
      ...(draft.audience.leadUnitCode ? [draft.audience.leadUnitCode] : []),
    ]),
  );
  const logins = new Set(drafts.flatMap(({ draft }) => draft.audience.logins ?? []));
  // Everyone a draft may reach (recipientsOf picks each draft's own).
  const users = directory
    ? directory.users.filter((u) => roles.has(u.role) || (u.unit_code !== null && audienceUnits.has(u.unit_code)) || logins.has(u.login))
    : await trx
        .selectFrom('users')
        .select(['id', 'login', 'role', 'unit_code'])
        .where((eb) => {
          const any = [];
          if (roles.size > 0) any.push(eb('role', 'in', [...roles]));
          if (audienceUnits.size > 0) any.push(eb('unit_code', 'in', [...audienceUnits]));
          if (logins.size > 0) any.push(eb('login', 'in', [...logins]));
          return any.length > 0 ? eb.or(any) : eb.val(false);
        })
        .execute();

  const rows = drafts.flatMap(({ event, draft }) =>
    recipientsOf(draft, users, actorId(event)).map((user) => ({
      id: notificationId(event.eventId, user.login),
      kind: draft.kind,
      recipient_login: user.login,
      campaign_id: draft.campaignId,
      task_id: draft.taskId,
      item_id: draft.itemId,
      title: draft.title,
      text: draft.text,
      urgent: draft.urgent,
      source_event_id: event.eventId,
      created_at: event.occurredAt,
      // Written by a rebuild (an upgrade that adds the inbox, a restored database): history nobody was told of then,
      // recorded as read so that inboxes do not fill with old unread messages.
      read_at: announce ? null : event.occurredAt,
    })),
  );
  const userIds = new Map(users.map((u) => [u.login, u.id]));
  let written = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['source_event_id', 'recipient_login']).doNothing())
      .returning(['id', 'recipient_login', 'source_event_id'])
      .execute();
    written += inserted.length;
    if (!announce || inserted.length === 0) continue;
    if (deliver) {
      await WorkflowOutboxRepository.enqueue(
      trx,
      inserted.map((r) => ({
        workflowId: notificationDeliveryWorkflowId(r.id),
        workflowType: NOTIFICATION_DELIVERY_WORKFLOW_TYPE,
        args: [{ notificationId: r.id } satisfies NotificationDeliveryInput],
          sourceEventId: r.source_event_id,
        })),
      );
    }
    const notices = inserted.map((r) => JSON.stringify({ id: r.id, recipientLogin: r.recipient_login, recipientUserId: userIds.get(r.recipient_login) ?? '' } satisfies NotificationNotice));
    await sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, notice) from unnest(${notices}::text[]) as notice`.execute(trx);
  }
  return written;
}

export class NotificationProjection implements InlineProjection {
  readonly name = 'notifications';
  readonly schemaVersion = 1;

  /**
   * `deliver`: new rows also start their delivery beyond the inbox (the worker's channels decide where); off when the
   * worker has no channel, so that with none configured only the inbox works and nothing else is attempted.
   */
  constructor(private readonly options: { deliver: boolean } = { deliver: true }) {}

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    const notifying = events.filter(isNotifying);
    if (notifying.length === 0) return;
    const streams = [...new Set(notifying.map((e) => e.streamId))];
    // The streams' context events, those of this append included (already inserted), read back in stream order.
    const stored = await trx
      .selectFrom('events')
      .select(['position', 'event_id', 'stream_id', 'stream_version', 'type', 'data', 'metadata', 'occurred_at'])
      .where('stream_id', 'in', streams)
      .where('type', 'in', [...CONTEXT_EVENT_TYPES])
      .orderBy('stream_id')
      .orderBy('stream_version')
      .execute();
    const byId = new Map<string, StoredEvent>();
    for (const r of stored) {
      byId.set(r.event_id, {
        position: r.position,
        eventId: r.event_id,
        streamId: r.stream_id,
        streamVersion: r.stream_version,
        type: r.type,
        data: r.data,
        metadata: r.metadata,
        occurredAt: r.occurred_at,
      });
    }
    for (const e of notifying) byId.set(e.eventId, e);
    const contexts = new Map<string, StreamContext | null>();
    const pending: Pending[] = [];
    const mine = new Set(notifying.map((e) => e.eventId));
    for (const event of [...byId.values()].sort(byStreamOrder)) {
      const context = contexts.get(event.streamId) ?? null;
      if (mine.has(event.eventId)) pending.push({ event, context });
      if (changesContext(event)) contexts.set(event.streamId, foldContext(context, event));
    }
    await writeNotifications(trx, pending, true, this.options.deliver);
  }

  /**
   * Writes the notifications of every stored event that has none, as already read; clears nothing, so read state
   * survives, and an event whose notifications are there is left as it is (they are not worked out again: after an
   * upgrade that adds the inbox, or a restore, that is most events' case, and most of a rebuild's time).
   */
  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    const contexts = new Map<string, StreamContext | null>();
    const pending: Pending[] = [];
    let notifying = 0;
    // The events that have notifications already: asked at the first event, so that the database answers on the
    // transaction's connection while the rebuild reads the events on another; once known, an event among them is
    // not kept (most of a rebuild's events, after an upgrade or a restore).
    let present: Promise<Set<string>> | undefined;
    let known: Set<string> | undefined;
    let directory: Promise<Directory> | undefined;
    const readPresent = async () => {
      const { rows } = await sql<{ id: string }>`select distinct source_event_id as id from notifications`.execute(trx);
      known = new Set(rows.map((r) => r.id));
      return known;
    };
    return {
      visit(event) {
        if (!present) {
          present = readPresent();
          present.catch(() => undefined); // seen in finish()
          // Read now, before the other projections' writes queue on the connection, so that finish() works out
          // the missing notifications while those writes are still running.
          directory = readDirectory(trx);
          directory.catch(() => undefined);
        }
        const context = contexts.get(event.streamId) ?? null;
        if (isNotifying(event)) {
          notifying += 1;
          if (!known?.has(event.eventId)) pending.push({ event, context });
        }
        if (changesContext(event)) contexts.set(event.streamId, foldContext(context, event));
      },
      async finish() {
        const ids = await (present ?? readPresent());
        const missing = pending.filter((p) => !ids.has(p.event.eventId));
        if (missing.length > 0) await writeNotifications(trx, missing, false, false, await (directory ?? readDirectory(trx)));
        return { events: notifying };
      },
    };
  }
}
