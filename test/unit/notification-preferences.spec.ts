// A person's delivery preferences (issue 16), pure: what is entered is checked strictly and in Chinese, and a
// notification's plan follows them (SMS for urgent ones only; opted-out channels skipped with the reason).
import { DEFAULT_PREFERENCES, planChannels, validatePreferences } from '../../src/notification/notification-preferences';
import { webhookBody, webhookSignature } from '../../src/notification/channels/webhook.channel';
import { cardLink, emailMessageId } from '../../src/notification/channels/email.channel';
import type { DeliveryMessage } from '../../src/notification/channels/notification-channel';

describe('notification preferences', () => {
  it('keeps what is entered, and what is left out as it was', () => {
    expect(validatePreferences({ quietStart: '21:30' }, DEFAULT_PREFERENCES)).toEqual({ channels: null, quietHours: { start: '21:30', end: '07:00' } });
    expect(validatePreferences({ channels: ['WEBHOOK', 'EMAIL', 'EMAIL'] }, DEFAULT_PREFERENCES)).toEqual({ channels: ['EMAIL', 'WEBHOOK'], quietHours: { start: '22:00', end: '07:00' } });
    expect(validatePreferences({ quietHoursEnabled: false }, DEFAULT_PREFERENCES).quietHours).toBeNull();
    expect(validatePreferences({ defaultChannels: true }, { channels: ['SMS'], quietHours: null })).toEqual({ channels: null, quietHours: null });
    expect(validatePreferences({ channels: [] }, DEFAULT_PREFERENCES).channels).toEqual([]);
  });

  it('refuses what is not HH:MM, equal hours, unknown channels and long lists, naming the field', () => {
    const refused = (input: Parameters<typeof validatePreferences>[0], field: string, words = '') =>
      expect(() => validatePreferences(input, DEFAULT_PREFERENCES)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field, message: expect.stringContaining(words) }));
    for (const bad of ['7:00', '24:00', '07:60', '07:00 ', '０７:００', 'x'.repeat(100_000), '']) refused({ quietStart: bad }, 'quietStart', '24 小时制');
    refused({ quietStart: '08:00', quietEnd: '08:00' }, 'quietEnd', '不能相同');
    refused({ channels: ['PIGEON'] }, 'channels', '不认识的通知渠道「PIGEON」');
    refused({ channels: Array.from({ length: 11 }, () => 'EMAIL') }, 'channels');
  });

  it('plans only configured channels: opted-out ones and SMS for a non-urgent notification are skipped with the reason', () => {
    expect(planChannels(['WEBHOOK', 'EMAIL', 'SMS'], DEFAULT_PREFERENCES, false)).toEqual([
      { channel: 'EMAIL', status: 'PENDING' },
      { channel: 'WEBHOOK', status: 'PENDING' },
      { channel: 'SMS', status: 'SKIPPED', reason: '此渠道只发送紧急消息（督办及以上）' },
    ]);
    expect(planChannels(['EMAIL', 'SMS'], { channels: ['SMS'], quietHours: null }, true)).toEqual([
      { channel: 'EMAIL', status: 'SKIPPED', reason: '本人已关闭此渠道' },
      { channel: 'SMS', status: 'PENDING' },
    ]);
    expect(planChannels([], DEFAULT_PREFERENCES, true)).toEqual([]);
  });
});

describe('what the channels send', () => {
  const message: DeliveryMessage = {
    notificationId: 'n-1',
    sourceEventId: 'e-1',
    kind: 'ESCALATION',
    campaignId: 'c',
    taskId: null,
    itemId: 'item/1',
    title: '【督办】',
    text: '已逾期',
    urgent: true,
    createdAt: '2027-03-10T00:00:00.000Z',
    recipient: { login: 'wtsq.head', name: '王主任', phone: '13800138000', email: null, unitCode: 'WTSQ' },
  };

  it('posts the documented body with itemId instead of taskId, signed over the raw body', () => {
    const body = webhookBody(message);
    expect(body).toEqual({ id: 'n-1', kind: 'ESCALATION', campaignId: 'c', itemId: 'item/1', recipientLogin: 'wtsq.head', recipientName: '王主任', recipientPhone: '13800138000', title: '【督办】', text: '已逾期', urgent: true, createdAt: '2027-03-10T00:00:00.000Z' });
    expect(webhookSignature('k', '{}')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('links the card as the bell opens it, and derives the Message-ID from the notification', () => {
    expect(cardLink('https://cw.example.gov.cn/', message)).toBe('https://cw.example.gov.cn/#/board?view=items&card=item%2F1&kind=item');
    expect(emailMessageId('n-1')).toBe('<n-1@notifications.chuangwen>');
  });
});
