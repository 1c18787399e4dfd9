// All of the delivery's SQL (issue 16): what a channel needs to send one notification to one person, the person's
// preferences, the delivery log rows (one per notification and channel) and the log of a card.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { DeliveryChannel, DeliveryMessage } from './channels/notification-channel';
import { DEFAULT_PREFERENCES, isDeliveryChannel, type PlannedDelivery, type Preferences } from './notification-preferences';

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

/** Errors are kept to this many characters. */
const ERROR_LIMIT = 1_000;
/** The most notifications one card's log lists, newest first. */
export const CARD_LOG_LIMIT = 200;

export interface CardLogRow {
  notification_id: string;
  kind: string;
  title: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
  recipient_login: string;
  recipient_name: string | null;
  channel: string | null;
  status: string | null;
  reason: string | null;
  attempts: number | null;
  last_error: string | null;
  sent_at: Date | null;
  updated_at: Date | null;
}

@Injectable()
export class NotificationDeliveryRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The notification as a channel sends it, with the recipient's contact data; null when it does not exist. */
  async message(notificationId: string): Promise<DeliveryMessage | null> {
    const row = await this.db
      .selectFrom('notifications as n')
      .leftJoin('users as u', 'u.login', 'n.recipient_login')
      .select(['n.id', 'n.kind', 'n.campaign_id', 'n.task_id', 'n.item_id', 'n.title', 'n.text', 'n.urgent', 'n.source_event_id', 'n.created_at', 'n.recipient_login'])
      .select(['u.display_name', 'u.phone', 'u.email', 'u.unit_code'])
      .where('n.id', '=', notificationId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      notificationId: row.id,
      sourceEventId: row.source_event_id,
      kind: row.kind,
      campaignId: row.campaign_id,
      taskId: row.task_id,
      itemId: row.item_id,
      title: row.title,
      text: row.text,
      urgent: row.urgent,
      createdAt: row.created_at.toISOString(),
      recipient: { login: row.recipient_login, name: row.display_name ?? row.recipient_login, phone: row.phone ?? null, email: row.email ?? null, unitCode: row.unit_code ?? null },
    };
  }

  async preferences(login: string): Promise<Preferences> {
    const row = await this.db.selectFrom('notification_preferences').selectAll().where('login', '=', login).executeTakeFirst();
    if (!row) return DEFAULT_PREFERENCES;
    return {
      channels: row.channels === null ? null : row.channels.filter(isDeliveryChannel),
      quietHours: row.quiet_hours_enabled ? { start: row.quiet_start, end: row.quiet_end } : null,
    };
  }

  async savePreferences(login: string, preferences: Preferences): Promise<void> {
    const values = {
      channels: preferences.channels === null ? null : [...preferences.channels],
      quiet_hours_enabled: preferences.quietHours !== null,
      quiet_start: preferences.quietHours?.start ?? '22:00',
      quiet_end: preferences.quietHours?.end ?? '07:00',
    };
    await this.db
      .insertInto('notification_preferences')
      .values({ login, ...values })
      .onConflict((oc) => oc.column('login').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
      .execute();
  }

  /**
   * Writes the plan's rows; rows already there (a retried plan) are kept as they are. Returns the channels to send
   * on: every row of the notification not SKIPPED.
   */
  async writePlan(notificationId: string, planned: readonly PlannedDelivery[]): Promise<DeliveryChannel[]> {
    if (planned.length > 0) {
      await this.db
        .insertInto('notification_deliveries')
        .values(planned.map((p) => ({ notification_id: notificationId, channel: p.channel, status: p.status, reason: p.status === 'SKIPPED' ? p.reason : null })))
        .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
        .execute();
    }
    const rows = await this.db.selectFrom('notification_deliveries').select(['channel', 'status']).where('notification_id', '=', notificationId).execute();
    return rows.filter((r) => r.status !== 'SKIPPED').map((r) => r.channel).filter(isDeliveryChannel);
  }

  /** Counts one more attempt unless the channel has already been sent; returns the status before. */
  async beginAttempt(notificationId: string, channel: DeliveryChannel): Promise<DeliveryStatus | null> {
    const row = await this.db
      .updateTable('notification_deliveries')
      .set({ attempts: sql<number>`attempts + case when status = 'SENT' then 0 else 1 end`, updated_at: sql<Date>`now()` })
      .where('notification_id', '=', notificationId)
      .where('channel', '=', channel)
      .returning('status')
      .executeTakeFirst();
    return (row?.status as DeliveryStatus | undefined) ?? null;
  }

  async markSent(notificationId: string, channel: DeliveryChannel): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'SENT', sent_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('notification_id', '=', notificationId)
      .where('channel', '=', channel)
      .execute();
  }

  /** An attempt that failed: the error is kept; FAILED when `final`, otherwise still PENDING (to be tried again). */
  async noteError(notificationId: string, channel: DeliveryChannel, error: string, final: boolean): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set({ last_error: error.slice(0, ERROR_LIMIT), updated_at: sql<Date>`now()`, ...(final ? { status: 'FAILED' } : {}) })
      .where('notification_id', '=', notificationId)
      .where('channel', '=', channel)
      .where('status', '<>', 'SENT')
      .execute();
  }

  /** Retries ran out: FAILED, keeping the last send's error when there was one. */
  async markFailed(notificationId: string, channel: DeliveryChannel, error: string): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set({ status: 'FAILED', reason: '重试用尽仍未送达', last_error: sql<string>`coalesce(last_error, ${error.slice(0, ERROR_LIMIT)})`, updated_at: sql<Date>`now()` })
      .where('notification_id', '=', notificationId)
      .where('channel', '=', channel)
      .where('status', '<>', 'SENT')
      .execute();
  }

  /** The notifications of a task or an item, newest first, each with its deliveries (a row per channel, or none). */
  async cardLog(card: { taskId: string } | { itemId: string }): Promise<CardLogRow[]> {
    const notifications = this.db
      .selectFrom('notifications')
      .select(['id', 'kind', 'title', 'urgent', 'created_at', 'read_at', 'recipient_login'])
      .where('taskId' in card ? 'task_id' : 'item_id', '=', 'taskId' in card ? card.taskId : card.itemId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(CARD_LOG_LIMIT);
    return this.db
      .selectFrom(notifications.as('n'))
      .leftJoin('users as u', 'u.login', 'n.recipient_login')
      .leftJoin('notification_deliveries as d', 'd.notification_id', 'n.id')
      .select(['n.id as notification_id', 'n.kind', 'n.title', 'n.urgent', 'n.created_at', 'n.read_at', 'n.recipient_login', 'u.display_name as recipient_name'])
      .select(['d.channel', 'd.status', 'd.reason', 'd.attempts', 'd.last_error', 'd.sent_at', 'd.updated_at'])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .orderBy('d.channel')
      .execute();
  }

  /** The card's units, for who may read its log: null when there is no such card. */
  async taskUnits(taskId: string): Promise<{ unitCode: string; leadUnitCode: string } | null> {
    const row = await this.db.selectFrom('indicator_task_cards').select(['unit_code', 'lead_unit_code']).where('task_id', '=', taskId).executeTakeFirst();
    return row ? { unitCode: row.unit_code, leadUnitCode: row.lead_unit_code } : null;
  }

  async itemUnit(itemId: string): Promise<{ unitCode: string | null } | null> {
    const row = await this.db.selectFrom('rectification_item_cards').select(['unit_code']).where('item_id', '=', itemId).executeTakeFirst();
    return row ? { unitCode: row.unit_code } : null;
  }

  async loginOf(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirst();
    return row?.login ?? null;
  }
}
