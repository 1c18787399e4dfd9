// Official notices (issue 16), the pure parts: numbers, the 签收 rule, the 签收 ladder, which step issues which
// notice, and the .docx: the default templates fill every placeholder, and hostile templates are refused in Chinese.
import { deflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';
import { checkTemplate, defaultTemplate, MAX_TEMPLATE_BYTES, NOTICE_PLACEHOLDERS, renderNotice, type NoticeDocumentData } from '../../src/official-notice/notice-document';
import { automaticNoticeKind } from '../../src/platform/projections/official-notice.projection';
import { canAcknowledge, decideNotice } from '../../workflows/official-notice/official-notice.decide';
import { evolveNotice, initialNoticeState } from '../../workflows/official-notice/official-notice.evolve';
import { noticeNumber } from '../../workflows/official-notice/official-notice.labels';
import { nextNoticeTimer, noticeTimerEvent } from '../../workflows/official-notice/official-notice.schedule';
import { NOTICE_KINDS, type OfficialNoticeState } from '../../workflows/official-notice/official-notice.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DomainError } from '../../src/platform/errors/domain-error';

const head: Actor = { userId: 'u-head', displayName: '王局长', role: 'UNIT_HEAD', unitCode: 'CGJ' };
const otherHead: Actor = { userId: 'u-other', displayName: '李局长', role: 'UNIT_HEAD', unitCode: 'JYJ' };
const member: Actor = { userId: 'u-member', displayName: '张科员', role: 'UNIT_MEMBER', unitCode: 'CGJ' };
const office: Actor = { userId: 'u-office', displayName: '创建办', role: 'OFFICE', unitCode: null };

function issued(): OfficialNoticeState {
  return evolveNotice(
    initialNoticeState('official-notice-e1'),
    {
      type: 'NoticeIssued',
      data: {
        campaignId: 'c1', taskId: 'indicator-task:c1:1.1.1:CGJ', itemId: null, unitCode: 'CGJ', indicatorCode: '1.1.1', title: '测评指标 1.1.1', dueAt: '2027-03-31T16:00:00.000Z',
        kind: 'SUPERVISION', trigger: 'ESCALATION', level: 'SUPERVISE', note: '', sourceEventId: 'e1', number: '创文督〔2027〕12号', year: 2027, seq: 12, ackDueAt: '2027-04-03T00:00:00.000Z',
      },
    },
    { actorId: 'system', at: '2027-04-01T00:00:00.000Z' },
  );
}

describe('notice numbers', () => {
  it('are numbered per kind and year with the kind\'s character', () => {
    expect(noticeNumber('SUPERVISION', 2027, 12)).toBe('创文督〔2027〕12号');
    expect(noticeNumber('RECTIFICATION', 2027, 1)).toBe('创文改〔2027〕1号');
    expect(noticeNumber('INTERVIEW', 2028, 3)).toBe('创文约〔2028〕3号');
    expect(new Set(NOTICE_KINDS.map((k) => noticeNumber(k, 2027, 1))).size).toBe(3);
  });

  it('the 督办 step of a task issues a 督办通知单, of an item a 整改通知书, 约谈 a 约谈通知书, other steps nothing', () => {
    expect(automaticNoticeKind('task', 'SUPERVISE')).toBe('SUPERVISION');
    expect(automaticNoticeKind('item', 'SUPERVISE')).toBe('RECTIFICATION');
    expect(automaticNoticeKind('task', 'INTERVIEW')).toBe('INTERVIEW');
    expect(automaticNoticeKind('item', 'INTERVIEW')).toBe('INTERVIEW');
    for (const level of ['REMINDER', 'URGE', 'ACCOUNTABILITY'] as const) expect(automaticNoticeKind('task', level)).toBeNull();
  });
});

describe('签收', () => {
  it('the head of the notice\'s unit acknowledges an issued notice, once', () => {
    const state = issued();
    expect(canAcknowledge(state, head)).toBe(true);
    const decision = decideNotice(state, { command: { action: 'ACKNOWLEDGE', note: ' 已收到 ' }, actor: head });
    expect(decision).toEqual({ ok: true, events: [{ type: 'NoticeAcknowledged', data: { note: '已收到', unitCode: 'CGJ' } }] });
    if (!decision.ok) throw new Error('refused');
    const after = evolveNotice(state, decision.events[0], { actorId: head.userId, at: '2027-04-02T01:00:00.000Z' });
    expect([after.state, after.acknowledgedAt, after.acknowledgedBy]).toEqual(['ACKNOWLEDGED', '2027-04-02T01:00:00.000Z', 'u-head']);
    const again = decideNotice(after, { command: { action: 'ACKNOWLEDGE' }, actor: head });
    expect(again).toMatchObject({ ok: false, rejection: { code: 'ILLEGAL_TRANSITION' } });
    expect(!again.ok && again.rejection.message).toContain('不能重复签收');
  });

  it('refuses another unit\'s head, a unit member, the office, a notice not yet issued, a stale version and a long note', () => {
    const state = issued();
    expect(decideNotice(state, { command: { action: 'ACKNOWLEDGE' }, actor: otherHead })).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
    expect(decideNotice(state, { command: { action: 'ACKNOWLEDGE' }, actor: member })).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
    expect(decideNotice(state, { command: { action: 'ACKNOWLEDGE' }, actor: office })).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
    expect(decideNotice(initialNoticeState('n', { unitCode: 'CGJ' }), { command: { action: 'ACKNOWLEDGE' }, actor: head })).toMatchObject({ ok: false, rejection: { code: 'ILLEGAL_TRANSITION' } });
    expect(decideNotice(state, { command: { action: 'ACKNOWLEDGE' }, actor: head, expectedVersion: 0 })).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
    expect(decideNotice(state, { command: { action: 'ACKNOWLEDGE', note: '长'.repeat(501) }, actor: head })).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note' } });
    expect(decideNotice(state, { command: { action: 'DELETE' } as never, actor: head })).toMatchObject({ ok: false, rejection: { code: 'BAD_USER_INPUT' } });
  });

  it('an unacknowledged notice climbs 催签 at its deadline, then 督办 (the office told) as long again after, then waits', () => {
    let state = issued();
    const first = nextNoticeTimer(state, 48);
    expect(first).toEqual({ level: 'URGE', at: '2027-04-03T00:00:00.000Z' });
    const urge = noticeTimerEvent(state, first!);
    expect(urge).toEqual({ type: 'NoticeAckEscalated', data: { level: 'URGE', ackDueAt: '2027-04-03T00:00:00.000Z', notify: ['UNIT_HEAD'] } });
    state = evolveNotice(state, urge, { actorId: 'system', at: first!.at });
    const second = nextNoticeTimer(state, 48);
    expect(second).toEqual({ level: 'SUPERVISE', at: '2027-04-05T00:00:00.000Z' });
    state = evolveNotice(state, noticeTimerEvent(state, second!), { actorId: 'system', at: second!.at });
    expect(state.escalationLevel).toBe('SUPERVISE');
    expect(nextNoticeTimer(state, 48)).toBeNull();
    const acknowledged = evolveNotice(issued(), { type: 'NoticeAcknowledged', data: { note: '', unitCode: 'CGJ' } }, { actorId: head.userId, at: '2027-04-02T00:00:00.000Z' });
    expect(nextNoticeTimer(acknowledged, 48)).toBeNull();
  });
});

const DATA: NoticeDocumentData = {
  kindTitle: '督办通知单',
  number: '创文督〔2027〕12号',
  unitName: '市城市管理局',
  subject: '测评指标 1.1.1 主次干道净化',
  indicator: '1.1.1',
  deadline: '2027年3月31日',
  step: '督办',
  note: '无',
  history: [
    { date: '2027年3月1日', text: '任务下达' },
    { date: '2027年4月1日', text: '督办' },
  ],
  issuer: '创建全国文明城市工作办公室',
  issuedDate: '2027年4月1日',
  ackDueDate: '2027年4月3日',
  acknowledgedBy: '________',
  acknowledgedAt: '________',
};

/** A .docx made of the default template's parts with word/document.xml's text replaced. */
function withDocument(xml: (original: string) => string): Buffer {
  const zip = new PizZip(defaultTemplate('SUPERVISION'));
  zip.file('word/document.xml', xml(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

function refusal(content: Buffer): string {
  try {
    checkTemplate(content);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('BAD_USER_INPUT');
    return (err as Error).message;
  }
  throw new Error('the template was accepted');
}

/** A minimal zip (one stored or deflated entry) whose header may lie about the uncompressed size. */
function zipWith(name: string, data: Buffer, declaredSize: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // crc (not checked before the size)
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const localPart = Buffer.concat([local, nameBytes, data]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

describe('the notice\'s .docx', () => {
  it('every default template is accepted, and fills number, unit, history and the 签收 block', () => {
    for (const kind of NOTICE_KINDS) {
      checkTemplate(defaultTemplate(kind));
      const text = new PizZip(renderNotice(defaultTemplate(kind), DATA)).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
      expect(text).toContain('创文督〔2027〕12号');
      expect(text).toContain('市城市管理局');
      expect(text).toContain('2027年3月1日　任务下达');
      expect(text).toContain('签收人：________');
      expect(text).toContain('创建全国文明城市工作办公室');
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('knows every placeholder the default templates use', () => {
    const xml = new PizZip(defaultTemplate('SUPERVISION')).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
    const tags = [...xml.matchAll(/\{[#/]?(\w+)\}/g)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(10);
    for (const tag of tags) expect(Object.keys(NOTICE_PLACEHOLDERS)).toContain(tag);
  });

  it('refuses a template without {number}, with an unknown placeholder, or with a broken one, and says so in Chinese', () => {
    expect(refusal(withDocument((x) => x.replace(/\{number\}/g, '')))).toContain('{number}');
    expect(refusal(withDocument((x) => x.replace('{unitName}', '{password}')))).toContain('不认识的占位符：{password}');
    expect(refusal(withDocument((x) => x.replace('{unitName}', '{unitName')))).toContain('占位符有误');
    expect(refusal(withDocument((x) => x.replace('{/history}', '')))).toContain('占位符有误');
  });

  it('refuses what is not a zip, a zip that is not a .docx, and a file over the size limit', () => {
    expect(refusal(Buffer.from('这不是 Word 文档'))).toContain('无法作为 zip 文件读取');
    const notDocx = new PizZip();
    notDocx.file('hello.txt', 'hi');
    expect(refusal(notDocx.generate({ type: 'nodebuffer' }) as Buffer)).toContain('缺少 word/document.xml');
    const big = Buffer.alloc(20 * 1024 * 1024, 0x41);
    expect(big.length).toBeGreaterThan(MAX_TEMPLATE_BYTES);
    expect(refusal(big)).toContain('MB 的上限');
  });

  it('refuses a zip bomb: declared too large, or inflating past what it declares', () => {
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    const bomb = deflateRawSync(zeros);
    expect(bomb.length).toBeLessThan(MAX_TEMPLATE_BYTES);
    expect(refusal(zipWith('word/document.xml', bomb, zeros.length))).toContain('压缩炸弹');
    // The header lies: it says 1 KB, the entry inflates to 50 MB; inflating stops at 1 KB.
    const started = Date.now();
    expect(refusal(zipWith('word/document.xml', bomb, 1024))).toContain('压缩炸弹');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses XML with a DOCTYPE or entity declarations (billion laughs)', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    expect(refusal(withDocument((x) => x.replace('?>', `?>${laughs}`)))).toContain('实体声明');
  });
});
