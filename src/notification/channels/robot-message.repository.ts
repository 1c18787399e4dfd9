// SQL of the 企业微信 / 钉钉 group robots (issue 16): a unit's robot keys, the people of one event (to mention them
// all in one group message), and the record of group messages sent, written in the transaction that holds the
// message's lock, so that one event reaches one group once however the deliveries are retried or run in parallel.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/database/database';
import type { Database } from '../../platform/database/database.types';

export interface UnitRobotKeys {
  wecomKey: string | null;
  dingtalkToken: string | null;
  dingtalkSecret: string | null;
}

/** A person told of the event, with their unit's robots. */
export interface EventRecipient extends UnitRobotKeys {
  notificationId: string;
  login: string;
  phone: string | null;
}

export class RobotMessageRepository {
  constructor(private readonly db: Db) {}

  async unitRobots(unitCode: string): Promise<UnitRobotKeys | null> {
    const row = await this.db.selectFrom('unit_robots').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
    return row ? { wecomKey: row.wecom_key, dingtalkToken: row.dingtalk_token, dingtalkSecret: row.dingtalk_secret } : null;
  }

  /**
   * Runs `send` unless the message `messageKey` was sent already, holding a lock on the key so that parallel
   * deliveries of the same event wait for each other; records the message when `send` returns. Returns whether
   * this call sent it.
   */
  async onceForGroup(
    messageKey: string,
    record: { channel: string; sourceEventId: string },
    send: (trx: Transaction<Database>) => Promise<string[]>,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${messageKey}, 0))`.execute(trx);
      const sent = await trx.selectFrom('robot_messages').select('message_key').where('message_key', '=', messageKey).executeTakeFirst();
      if (sent) return false;
      const notificationIds = await send(trx);
      await trx.insertInto('robot_messages').values({ message_key: messageKey, channel: record.channel, source_event_id: record.sourceEventId, notification_ids: notificationIds }).execute();
      return true;
    });
  }

  /** Everyone told of the event, with their units' robots. */
  async eventRecipients(trx: Transaction<Database>, sourceEventId: string): Promise<EventRecipient[]> {
    const rows = await trx
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.login', 'n.recipient_login')
      .leftJoin('unit_robots as r', 'r.unit_code', 'u.unit_code')
      .select(['n.id', 'u.login', 'u.phone', 'r.wecom_key', 'r.dingtalk_token', 'r.dingtalk_secret'])
      .where('n.source_event_id', '=', sourceEventId)
      .orderBy('u.login')
      .execute();
    return rows.map((r) => ({ notificationId: r.id, login: r.login, phone: r.phone, wecomKey: r.wecom_key, dingtalkToken: r.dingtalk_token, dingtalkSecret: r.dingtalk_secret }));
  }
}
