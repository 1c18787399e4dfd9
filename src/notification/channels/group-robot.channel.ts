// The 企业微信 and 钉钉 group robot channels (issue 16). A person is reached in their unit's group when the
// organisation import names one, else in the office's default group (WECOM_WEBHOOK_URL / DINGTALK_WEBHOOK_URL).
// The people of one event who share a group get ONE message that @-mentions each by phone: the first of their
// deliveries sends it, the others find it sent (robot-message.repository.ts), so a group is not flooded and a retry
// never posts twice. Message formats are the robots' own: 企业微信 `text` with `mentioned_mobile_list`, 钉钉 `text`
// with `at.atMobiles` and, when the robot has 加签, `timestamp` and `sign` (HMAC-SHA256 of "timestamp\nsecret").
import { createHash, createHmac } from 'node:crypto';
import type { RobotSmsConfig } from '../../platform/config/robot-sms.config';
import type { Db } from '../../platform/database/database';
import { channelRequest, cutUtf8, jsonOf } from './channel-http';
import { PermanentDeliveryError, type DeliveryChannel, type DeliveryMessage, type NotificationChannel } from './notification-channel';
import { RobotMessageRepository, type UnitRobotKeys } from './robot-message.repository';

/** Where one robot message goes. */
interface GroupTarget {
  url: string;
  /** 钉钉 加签 secret; null when the robot has none. */
  secret: string | null;
}

/** The robots' own error codes that mean "too many messages now" or "busy": worth trying again later. */
const RETRYABLE_ERRCODES: Record<'WECOM' | 'DINGTALK', ReadonlySet<number>> = {
  WECOM: new Set([-1, 45009, 45033]),
  DINGTALK: new Set([-1, 130101, 410100]),
};

abstract class GroupRobotChannel implements NotificationChannel {
  abstract readonly name: Extract<DeliveryChannel, 'WECOM' | 'DINGTALK'>;
  protected readonly label: string;
  private readonly repository: RobotMessageRepository;

  constructor(db: Db, label: string) {
    this.repository = new RobotMessageRepository(db);
    this.label = label;
  }

  /** The target for a person of `unitCode` with these unit robots; null when neither unit nor office has a group. */
  protected abstract targetOf(robots: UnitRobotKeys | null): GroupTarget | null;
  protected abstract body(message: DeliveryMessage, mobiles: string[]): unknown;

  async reaches(message: DeliveryMessage): Promise<boolean> {
    return (await this.targetFor(message.recipient.unitCode)) !== null;
  }

  async send(message: DeliveryMessage): Promise<void> {
    const target = await this.targetFor(message.recipient.unitCode);
    if (!target) throw new PermanentDeliveryError(`${this.label}：本单位和创建办都没有配置群机器人`);
    const key = createHash('sha256').update(`${this.name}\n${message.sourceEventId}\n${target.url}`).digest('hex');
    await this.repository.onceForGroup(key, { channel: this.name, sourceEventId: message.sourceEventId }, async (trx) => {
      // Everyone of this event whose group is this one: mentioned together, recorded as sent together.
      const together = (await this.repository.eventRecipients(trx, message.sourceEventId)).filter((r) => this.targetOf(r)?.url === target.url);
      const people = together.some((r) => r.notificationId === message.notificationId) ? together : [...together, { notificationId: message.notificationId, phone: message.recipient.phone }];
      const mobiles = [...new Set(people.flatMap((p) => (p.phone ? [p.phone] : [])))];
      await this.post(target, this.body(message, mobiles));
      return people.map((p) => p.notificationId);
    });
  }

  private async targetFor(unitCode: string | null): Promise<GroupTarget | null> {
    return this.targetOf(unitCode === null ? null : await this.repository.unitRobots(unitCode));
  }

  private async post(target: GroupTarget, body: unknown): Promise<void> {
    const response = await channelRequest(this.label, this.signedUrl(target), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });
    const answer = jsonOf(response.body);
    const errcode = typeof answer?.errcode === 'number' ? answer.errcode : null;
    if (errcode === 0) return;
    const detail = `${this.label}返回错误 ${errcode ?? '（无 errcode）'}：${String(answer?.errmsg ?? response.body).slice(0, 200)}`;
    if (errcode !== null && RETRYABLE_ERRCODES[this.name].has(errcode)) throw new Error(detail);
    throw new PermanentDeliveryError(detail);
  }

  protected signedUrl(target: GroupTarget): string {
    return target.url;
  }
}

/** 企业微信 group robot: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… */
export class WecomRobotChannel extends GroupRobotChannel {
  readonly name = 'WECOM' as const;

  constructor(
    db: Db,
    private readonly config: RobotSmsConfig['wecom'],
  ) {
    super(db, '企业微信群机器人');
  }

  protected targetOf(robots: UnitRobotKeys | null): GroupTarget | null {
    if (robots?.wecomKey) return { url: `${this.config.apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(robots.wecomKey)}`, secret: null };
    return this.config.webhookUrl ? { url: this.config.webhookUrl, secret: null } : null;
  }

  protected body(message: DeliveryMessage, mobiles: string[]): unknown {
    // text.content is at most 2048 bytes.
    return { msgtype: 'text', text: { content: cutUtf8(robotText(message), 2_000), mentioned_mobile_list: mobiles } };
  }
}

/** 钉钉 group robot: https://oapi.dingtalk.com/robot/send?access_token=…, with 加签 when it has a secret. */
export class DingtalkRobotChannel extends GroupRobotChannel {
  readonly name = 'DINGTALK' as const;

  constructor(
    db: Db,
    private readonly config: RobotSmsConfig['dingtalk'],
    private readonly now: () => number = Date.now,
  ) {
    super(db, '钉钉群机器人');
  }

  protected targetOf(robots: UnitRobotKeys | null): GroupTarget | null {
    if (robots?.dingtalkToken) return { url: `${this.config.apiBase}/robot/send?access_token=${encodeURIComponent(robots.dingtalkToken)}`, secret: robots.dingtalkSecret };
    return this.config.webhookUrl ? { url: this.config.webhookUrl, secret: this.config.secret } : null;
  }

  protected body(message: DeliveryMessage, mobiles: string[]): unknown {
    // 钉钉 shows an @ only where the text names the number.
    const mentions = mobiles.map((m) => `@${m}`).join(' ');
    return { msgtype: 'text', text: { content: cutUtf8(mentions ? `${robotText(message)}\n${mentions}` : robotText(message), 6_000) }, at: { atMobiles: mobiles, isAtAll: false } };
  }

  protected override signedUrl(target: GroupTarget): string {
    if (!target.secret) return target.url;
    const timestamp = String(this.now());
    const url = new URL(target.url);
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', dingtalkSign(timestamp, target.secret));
    return url.toString();
  }
}

/** 钉钉 加签: Base64 of HMAC-SHA256 over "timestamp\nsecret" keyed by the secret (URL-encoded by the caller). */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** 【创文】 first: 钉钉 robots often require a keyword, and 创文 is the one the README suggests. */
function robotText(message: DeliveryMessage): string {
  return `【创文】${message.title}\n${message.text}`;
}
