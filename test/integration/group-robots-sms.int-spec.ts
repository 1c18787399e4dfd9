// The 企业微信 / 钉钉 group robots and 阿里云短信 (issue 16) against real PostgreSQL and local stand-ins of the three
// services, started by the test on loopback: each stand-in checks what the real one checks (the JSON format, the
// 钉钉 加签 signature, the 阿里云 RPC signature, recomputed here independently of the code under test) and records
// what it received. Two people of one unit told of one event get one group message that mentions both; a retried or
// parallel delivery never posts again; the robots' own error codes are sorted into "retry" and "failed for good".
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DingtalkRobotChannel, WecomRobotChannel } from '../../src/notification/channels/group-robot.channel';
import { PermanentDeliveryError, type DeliveryMessage } from '../../src/notification/channels/notification-channel';
import { AliyunSmsProvider } from '../../src/notification/channels/sms/aliyun-sms.provider';
import { SmsChannel } from '../../src/notification/channels/sms/sms.channel';
import type { Db } from '../../src/platform/database/database';
import { createTestDatabase } from '../support/test-env';

interface Received {
  path: string;
  query: URLSearchParams;
  body: string;
}

/** A loopback HTTP server that records every request and answers with what `answer` says. */
async function standIn(answer: (r: Received) => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const r = { path: url.pathname, query: url.searchParams, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const { status, body } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const WTSQ_KEY = 'wtsq-robot-key-0001';
const DINGTALK_TOKEN = 'abcdef0123456789abcdef';
const DINGTALK_SECRET = 'SEC0123456789abcdef0123456789abcdef';
const SMS_SECRET = 'test-access-key-secret';

describe('group robots and SMS against stand-in servers', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let errcode = 0;
  let smsCode = 'OK';
  let status = 200;

  const wecom = standIn(() => ({ status, body: { errcode, errmsg: errcode === 0 ? 'ok' : 'error' } }));
  const dingtalk = standIn(() => ({ status, body: { errcode, errmsg: errcode === 0 ? 'ok' : 'error' } }));
  const aliyun = standIn(() => ({ status, body: { Code: smsCode, Message: smsCode === 'OK' ? 'OK' : '失败', RequestId: 'r', BizId: 'b' } }));
  let servers: Awaited<typeof wecom>[];

  const message = (n: Person, sourceEventId = 'event-1'): DeliveryMessage => ({
    notificationId: n.id,
    sourceEventId,
    kind: 'ESCALATION',
    campaignId: 'c1',
    taskId: 'task-1',
    itemId: null,
    title: '【督办】测评指标 A4：外滩社区逾期未提交自查',
    text: '期限已过 3 天，请立即办理。',
    urgent: true,
    createdAt: '2027-03-01T02:00:00.000Z',
    recipient: { login: n.login, name: n.login, phone: n.phone, email: null, unitCode: n.unitCode },
  });
  interface Person {
    id: string;
    login: string;
    phone: string | null;
    unitCode: string | null;
  }
  const HEAD: Person = { id: 'n-head', login: 'wtsq.head', phone: '13800000001', unitCode: 'WTSQ' };
  const MEMBER: Person = { id: 'n-member', login: 'wtsq.member', phone: '13800000002', unitCode: 'WTSQ' };
  const OFFICE: Person = { id: 'n-office', login: 'office', phone: '13800000003', unitCode: null };

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    servers = await Promise.all([wecom, dingtalk, aliyun]);
    await db.insertInto('units').values({ code: 'WTSQ', name: '外滩社区', kind: 'COMMUNITY' }).execute();
    await db.insertInto('unit_robots').values({ unit_code: 'WTSQ', wecom_key: WTSQ_KEY, dingtalk_token: DINGTALK_TOKEN, dingtalk_secret: DINGTALK_SECRET }).execute();
    await db
      .insertInto('users')
      .values([HEAD, MEMBER, OFFICE].map((p) => ({ id: `u-${p.login}`, login: p.login, display_name: p.login, role: p.unitCode ? (p === HEAD ? 'UNIT_HEAD' : 'UNIT_MEMBER') : 'OFFICE', unit_code: p.unitCode, phone: p.phone })))
      .execute();
    for (const [sourceEventId, people] of [['event-1', [HEAD, MEMBER, OFFICE]], ['event-2', [HEAD]], ['event-3', [HEAD]], ['event-4', [HEAD]]] as const) {
      await db
        .insertInto('notifications')
        .values(people.map((p) => ({ id: `${p.id}-${sourceEventId}`, kind: 'ESCALATION', recipient_login: p.login, campaign_id: 'c1', task_id: 'task-1', item_id: null, title: 't', text: 't', urgent: true, source_event_id: sourceEventId, created_at: new Date() })))
        .execute();
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await drop();
  });
  beforeEach(() => {
    errcode = 0;
    smsCode = 'OK';
    status = 200;
    for (const s of servers) s.received.length = 0;
  });

  const inEvent = (p: Person, event: string) => message({ ...p, id: `${p.id}-${event}` }, event);

  it('企业微信: one text message per event and group, mentioning everyone of that group, sent once', async () => {
    const [w] = servers;
    const channel = new WecomRobotChannel(db, { webhookUrl: `${w.base}/cgi-bin/webhook/send?key=office-default`, apiBase: w.base });
    expect(await channel.reaches(inEvent(HEAD, 'event-1'))).toBe(true);
    // The three deliveries of one event, at once, and one of them retried.
    await Promise.all([channel.send(inEvent(HEAD, 'event-1')), channel.send(inEvent(MEMBER, 'event-1')), channel.send(inEvent(OFFICE, 'event-1'))]);
    await channel.send(inEvent(MEMBER, 'event-1'));

    expect(w.received).toHaveLength(2);
    const unit = w.received.find((r) => r.query.get('key') === WTSQ_KEY)!;
    const office = w.received.find((r) => r.query.get('key') === 'office-default')!;
    expect(unit.path).toBe('/cgi-bin/webhook/send');
    const body = JSON.parse(unit.body) as { msgtype: string; text: { content: string; mentioned_mobile_list: string[] } };
    expect(body.msgtype).toBe('text');
    expect(body.text.content).toBe('【创文】【督办】测评指标 A4：外滩社区逾期未提交自查\n期限已过 3 天，请立即办理。');
    expect(body.text.mentioned_mobile_list.sort()).toEqual(['13800000001', '13800000002']);
    expect((JSON.parse(office.body) as { text: { mentioned_mobile_list: string[] } }).text.mentioned_mobile_list).toEqual(['13800000003']);
    const sent = await db.selectFrom('robot_messages').select(['channel', 'notification_ids']).where('source_event_id', '=', 'event-1').execute();
    expect(sent.map((s) => [s.channel, [...s.notification_ids].sort()]).sort()).toEqual([
      ['WECOM', ['n-head-event-1', 'n-member-event-1']],
      ['WECOM', ['n-office-event-1']],
    ]);
  });

  it('企业微信: no group for the person means not reached; errcodes sorted into retry and failed', async () => {
    const [w] = servers;
    const channel = new WecomRobotChannel(db, { webhookUrl: null, apiBase: w.base });
    expect(await channel.reaches(inEvent(OFFICE, 'event-1'))).toBe(false);

    errcode = 45009; // api freq out of limit
    const busy = await channel.send(inEvent(HEAD, 'event-2')).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(PermanentDeliveryError);
    expect(String(busy)).toContain('45009');
    errcode = 93000; // invalid webhook url
    await expect(channel.send(inEvent(HEAD, 'event-2'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    status = 502;
    const down = await channel.send(inEvent(HEAD, 'event-2')).catch((e: unknown) => e);
    expect(down).not.toBeInstanceOf(PermanentDeliveryError);
    // Nothing was recorded as sent, so the retry that succeeds posts it.
    status = 200;
    errcode = 0;
    await channel.send(inEvent(HEAD, 'event-2'));
    expect(w.received).toHaveLength(4);
    expect(await db.selectFrom('robot_messages').select('message_key').where('source_event_id', '=', 'event-2').execute()).toHaveLength(1);
  });

  it('钉钉: text with at.atMobiles and the numbers in the text, signed with the unit robot\'s 加签 secret', async () => {
    const [, d] = servers;
    const now = 1_790_000_000_000;
    const channel = new DingtalkRobotChannel(db, { webhookUrl: null, secret: null, apiBase: d.base }, () => now);
    await Promise.all([channel.send(inEvent(HEAD, 'event-1')), channel.send(inEvent(MEMBER, 'event-1'))]);
    expect(d.received).toHaveLength(1);
    const [r] = d.received;
    expect(r.path).toBe('/robot/send');
    expect(r.query.get('access_token')).toBe(DINGTALK_TOKEN);
    expect(r.query.get('timestamp')).toBe(String(now));
    // 钉钉's rule, written out here: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
    expect(r.query.get('sign')).toBe(createHmac('sha256', DINGTALK_SECRET).update(`${now}\n${DINGTALK_SECRET}`).digest('base64'));
    const body = JSON.parse(r.body) as { msgtype: string; text: { content: string }; at: { atMobiles: string[]; isAtAll: boolean } };
    expect(body.msgtype).toBe('text');
    expect(body.at.atMobiles.sort()).toEqual(['13800000001', '13800000002']);
    expect(body.at.isAtAll).toBe(false);
    expect(body.text.content).toContain('@13800000001');
    expect(body.text.content.startsWith('【创文】【督办】')).toBe(true);

    errcode = 130101; // send too fast
    expect(await channel.send(inEvent(HEAD, 'event-3')).catch((e: unknown) => e)).not.toBeInstanceOf(PermanentDeliveryError);
    errcode = 310000; // keywords or signature do not match
    await expect(channel.send(inEvent(HEAD, 'event-3'))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('阿里云短信: a form POST signed as the RPC API requires, the notification id as OutId, the title as the template variable', async () => {
    const [, , a] = servers;
    const provider = new AliyunSmsProvider(
      { provider: 'aliyun', endpoint: a.base, accessKeyId: 'test-key-id', accessKeySecret: SMS_SECRET, signName: '外滩街道创文办', templateCode: 'SMS_123456789' },
      { now: () => new Date('2027-03-01T02:00:00.123Z'), nonce: () => 'nonce-1' },
    );
    const channel = new SmsChannel(provider);
    expect(channel.reaches(message(OFFICE))).toBe(true);
    expect(channel.reaches(message({ ...OFFICE, phone: null }))).toBe(false);
    await channel.send(message(HEAD));
    expect(a.received).toHaveLength(1);
    const form = new URLSearchParams(a.received[0].body);
    const params = Object.fromEntries(form.entries());
    expect(params).toMatchObject({
      AccessKeyId: 'test-key-id',
      Action: 'SendSms',
      Format: 'JSON',
      OutId: 'n-head',
      PhoneNumbers: '13800000001',
      SignName: '外滩街道创文办',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_123456789',
      Timestamp: '2027-03-01T02:00:00Z',
      Version: '2017-05-25',
    });
    expect(JSON.parse(params.TemplateParam)).toEqual({ title: '【督办】测评指标 A4：外滩社区逾期未提交自查' });
    // The stand-in recomputes the signature by the documented rule, independently of the provider's code.
    const enc = (s: string) => encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const canonical = Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${enc(k)}=${enc(params[k])}`).join('&');
    const expected = createHmac('sha1', `${SMS_SECRET}&`).update(`POST&${enc('/')}&${enc(canonical)}`).digest('base64');
    expect(params.Signature).toBe(expected);

    smsCode = 'isv.BUSINESS_LIMIT_CONTROL';
    expect(await channel.send(message(HEAD)).catch((e: unknown) => e)).not.toBeInstanceOf(PermanentDeliveryError);
    smsCode = 'isv.MOBILE_NUMBER_ILLEGAL';
    await expect(channel.send(message(HEAD))).rejects.toBeInstanceOf(PermanentDeliveryError);
    status = 503;
    expect(await channel.send(message(HEAD)).catch((e: unknown) => e)).not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('an unreachable robot is a retryable error, not a failure for good', async () => {
    const channel = new WecomRobotChannel(db, { webhookUrl: null, apiBase: 'http://127.0.0.1:9' });
    const error = await channel.send(inEvent(HEAD, 'event-4')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(String(error)).toContain('无法连接');
  });
});
