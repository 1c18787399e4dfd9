// Briefings and circulars (issue 19), the pure parts: numbers, the rules (who does what in which state, read-only
// once published, hostile drafts refused), the 签收 ladder, the inbox rules, the pre-filled draft, and the .docx and
// PDF, which must be valid files carrying the Chinese title.
import { inflateSync } from 'node:zlib';
import PizZip from 'pizzip';
import { briefingDocumentData, briefingFileName, renderBriefingDocx, renderBriefingPdf } from '../../src/briefing/briefing-document';
import { buildBriefingPrefill } from '../../src/briefing/briefing-prefill';
import { briefingNotifications } from '../../src/platform/projections/briefing-notification-rules';
import { isNotifying, notificationsFor } from '../../src/platform/projections/notification-rules';
import { canTake, checkDraft, decideBriefing } from '../../workflows/briefing/briefing.decide';
import type { BriefingEvent } from '../../workflows/briefing/briefing.events';
import { evolveBriefing, initialBriefingState, pendingUnits } from '../../workflows/briefing/briefing.evolve';
import { briefingNumber } from '../../workflows/briefing/briefing.labels';
import { briefingTimerEvent, nextBriefingTimer } from '../../workflows/briefing/briefing.schedule';
import { MAX_SECTION_CHARS, MAX_SECTIONS, MAX_TITLE_CHARS, type BriefingActionRequest, type BriefingDraft, type BriefingStateView } from '../../workflows/briefing/briefing.types';
import type { Actor } from '../../workflows/shared/actor.types';

const office: Actor = { userId: 'u-office', displayName: '创建办', role: 'OFFICE', unitCode: null };
const leader: Actor = { userId: 'u-leader', displayName: '王书记', role: 'LEADER', unitCode: null };
const head: Actor = { userId: 'u-head', displayName: '李局长', role: 'UNIT_HEAD', unitCode: 'CGJ' };
const otherHead: Actor = { userId: 'u-other', displayName: '赵主任', role: 'UNIT_HEAD', unitCode: 'JYJ' };
const member: Actor = { userId: 'u-member', displayName: '张科员', role: 'UNIT_MEMBER', unitCode: 'CGJ' };

const draft: BriefingDraft = {
  title: '关于3月份创文督查情况的通报',
  sections: [{ heading: '一、总体情况', body: '本月共督查点位 42 个，发现问题 17 个。' }],
  attachments: [],
  namedUnits: ['CGJ', 'WTSQ'],
  ackDays: 2,
};

let at = Date.parse('2027-04-01T01:00:00.000Z');
function apply(state: BriefingStateView, request: BriefingActionRequest): BriefingStateView {
  const decision = decideBriefing(state, request);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.events.reduce((s, e) => evolveBriefing(s, e, { actorId: request.actor.userId, at: new Date((at += 60_000)).toISOString() }), state);
}

function drafted(kind: 'WORK_BRIEFING' | 'SUPERVISION_CIRCULAR' = 'SUPERVISION_CIRCULAR', content = draft): BriefingStateView {
  return evolveBriefing(initialBriefingState('briefing-1'), { type: 'BriefingDrafted', data: { campaignId: 'c1', kind, ...content } }, { actorId: office.userId, at: '2027-04-01T00:00:00.000Z' });
}

function published(): BriefingStateView {
  let s = drafted();
  s = apply(s, { command: { action: 'SUBMIT' }, actor: office });
  s = apply(s, { command: { action: 'APPROVE', note: '同意印发' }, actor: leader });
  return apply(s, {
    command: { action: 'PUBLISH', publication: { number: '督查通报〔2027〕第2期', year: 2027, seq: 2, pdfSha256: 'a'.repeat(64), pdfName: 'x.pdf', pdfSize: 1024, publishedAt: '2027-04-02T00:00:00.000Z' } },
    actor: office,
  });
}

describe('briefing numbers', () => {
  it('are per kind and year, in the office\'s wording', () => {
    expect(briefingNumber('WORK_BRIEFING', 2027, 5)).toBe('创文简报〔2027〕第5期');
    expect(briefingNumber('SUPERVISION_CIRCULAR', 2027, 2)).toBe('督查通报〔2027〕第2期');
  });
});

describe('the rules', () => {
  it('the office drafts and submits, a leader approves, the office publishes; the named units acknowledge', () => {
    const s = published();
    expect(s.state).toBe('PUBLISHED');
    expect(s.number).toBe('督查通报〔2027〕第2期');
    expect(s.ackDueAt).toBe('2027-04-04T00:00:00.000Z');
    expect(pendingUnits(s)).toEqual(['CGJ', 'WTSQ']);
    expect(canTake(s, head, 'ACKNOWLEDGE')).toBe(true);
    const after = apply(s, { command: { action: 'ACKNOWLEDGE', note: ' 收到 ' }, actor: head });
    expect(pendingUnits(after)).toEqual(['WTSQ']);
    expect(after.acks[0]).toMatchObject({ unitCode: 'CGJ', acknowledgedBy: 'u-head', note: '收到' });
    const again = decideBriefing(after, { command: { action: 'ACKNOWLEDGE' }, actor: head });
    expect(again.ok ? null : again.rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('a leader returns with a reason; the draft goes back to the office', () => {
    let s = apply(drafted(), { command: { action: 'SUBMIT' }, actor: office });
    const noReason = decideBriefing(s, { command: { action: 'RETURN', reason: '  ' }, actor: leader });
    expect(noReason.ok ? null : noReason.rejection).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    s = apply(s, { command: { action: 'RETURN', reason: '数据需核实' }, actor: leader });
    expect([s.state, s.returnReason]).toEqual(['DRAFT', '数据需核实']);
    expect(canTake(s, office, 'UPDATE_DRAFT')).toBe(true);
  });

  it('refuses the wrong role, the wrong state and the wrong unit', () => {
    const d = drafted();
    const code = (state: BriefingStateView, request: BriefingActionRequest) => {
      const r = decideBriefing(state, request);
      return r.ok ? 'OK' : r.rejection.code;
    };
    expect(code(d, { command: { action: 'SUBMIT' }, actor: head })).toBe('FORBIDDEN');
    expect(code(d, { command: { action: 'APPROVE' }, actor: office })).toBe('FORBIDDEN');
    expect(code(d, { command: { action: 'APPROVE' }, actor: leader })).toBe('ILLEGAL_TRANSITION');
    expect(code(d, { command: { action: 'PUBLISH' }, actor: office })).toBe('ILLEGAL_TRANSITION');
    expect(code(d, { command: { action: 'SUBMIT' }, actor: office, expectedVersion: 7 })).toBe('CONFLICT');
    const p = published();
    expect(code(p, { command: { action: 'ACKNOWLEDGE' }, actor: otherHead })).toBe('FORBIDDEN');
    expect(code(p, { command: { action: 'ACKNOWLEDGE' }, actor: member })).toBe('FORBIDDEN');
    expect(code(p, { command: { action: 'NOPE' } as never, actor: office })).toBe('BAD_USER_INPUT');
  });

  it('a published briefing is read-only: every edit is refused with ILLEGAL_TRANSITION', () => {
    const p = published();
    for (const command of [{ action: 'UPDATE_DRAFT', draft }, { action: 'SUBMIT' }, { action: 'PUBLISH' }] as const) {
      const r = decideBriefing(p, { command, actor: office });
      expect(r.ok ? null : r.rejection.code).toBe('ILLEGAL_TRANSITION');
      expect(r.ok ? '' : r.rejection.message).toContain('只读');
    }
    const r = decideBriefing(p, { command: { action: 'RETURN', reason: 'x' }, actor: leader });
    expect(r.ok ? null : r.rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses hostile drafts, quickly', () => {
    const huge = 'x'.repeat(5_000_000);
    const cases: [Partial<BriefingDraft>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: '标'.repeat(MAX_TITLE_CHARS + 1) }, 'title'],
      [{ title: '第一行\n第二行' }, 'title'],
      [{ sections: Array.from({ length: MAX_SECTIONS + 1 }, () => ({ heading: '', body: 'x' })) }, 'sections'],
      [{ sections: [{ heading: 'h', body: '字'.repeat(MAX_SECTION_CHARS + 1) }] }, 'sections'],
      [{ sections: [{ heading: 'h', body: huge }] }, 'sections'],
      [{ sections: [{ heading: 'h', body: 'a\u0000b' }] }, 'sections'],
      [{ namedUnits: ['CGJ', 'CGJ'] }, 'namedUnits'],
      [{ namedUnits: ['x'.repeat(65)] }, 'namedUnits'],
      [{ ackDays: 0 }, 'ackDays'],
      [{ ackDays: 1.5 }, 'ackDays'],
      [{ attachments: [{ sha256: '../../etc/passwd', name: 'a', size: 1, mimeType: 'x' }] }, 'attachments'],
    ];
    const started = Date.now();
    for (const [change, field] of cases) expect(checkDraft({ ...draft, ...change }, true)?.field).toBe(field);
    expect(Date.now() - started).toBeLessThan(500);
    expect(checkDraft(draft, false)?.field).toBe('namedUnits');
    // Injected markup is only text: accepted as written (documents escape it).
    expect(checkDraft({ ...draft, title: '<script>alert(1)</script>{number}' }, true)).toBeNull();
  });
});

describe('the 签收 ladder', () => {
  it('提醒 before the deadline, 催办 at it, 督办 as long again after it, for the units still pending', () => {
    let s = published();
    s = apply(s, { command: { action: 'ACKNOWLEDGE' }, actor: head });
    const reminder = nextBriefingTimer(s)!;
    expect(reminder).toEqual({ level: 'REMINDER', at: '2027-04-03T00:00:00.000Z' });
    const event = briefingTimerEvent(s, reminder);
    expect(event).toMatchObject({ type: 'BriefingAckEscalated', data: { level: 'REMINDER', unitCodes: ['WTSQ'], number: '督查通报〔2027〕第2期' } });
    s = evolveBriefing(s, event, { actorId: 'system', at: reminder.at });
    expect(nextBriefingTimer(s)).toEqual({ level: 'URGE', at: '2027-04-04T00:00:00.000Z' });
    s = evolveBriefing(s, briefingTimerEvent(s, nextBriefingTimer(s)!), { actorId: 'system', at: '2027-04-04T00:00:00.000Z' });
    expect(nextBriefingTimer(s)).toEqual({ level: 'SUPERVISE', at: '2027-04-06T00:00:00.000Z' });
    s = evolveBriefing(s, briefingTimerEvent(s, nextBriefingTimer(s)!), { actorId: 'system', at: '2027-04-06T00:00:00.000Z' });
    expect(nextBriefingTimer(s)).toBeNull();
  });

  it('nothing to wait for once every named unit acknowledged, or for a briefing naming none', () => {
    expect(nextBriefingTimer(drafted())).toBeNull();
    let s = published();
    s = apply(s, { command: { action: 'ACKNOWLEDGE' }, actor: head });
    s = apply(s, { command: { action: 'ACKNOWLEDGE' }, actor: { ...otherHead, unitCode: 'WTSQ' } });
    expect(nextBriefingTimer(s)).toBeNull();
  });
});

describe('the inbox', () => {
  const names = (c: string) => ({ CGJ: '城管局', WTSQ: '外滩社区' })[c] ?? c;
  const event = (e: BriefingEvent) => ({ streamId: 'briefing-1', type: e.type, data: e.data as unknown as Record<string, unknown>, occurredAt: new Date('2027-04-05T00:00:00Z') });
  const header = { campaignId: 'c1', kind: 'SUPERVISION_CIRCULAR' as const, title: '三月督查通报' };

  it('asks the leaders to approve, tells the office of a return, and each named unit\'s head of a publication', () => {
    expect(isNotifying({ streamId: 'briefing-1', type: 'BriefingSubmitted' })).toBe(true);
    expect(isNotifying({ streamId: 'briefing-1', type: 'BriefingDraftUpdated' })).toBe(false);
    expect(notificationsFor(event({ type: 'BriefingSubmitted', data: header }), null, names)[0]).toMatchObject({ kind: 'APPROVAL_REQUEST', audience: { roles: ['LEADER'] } });
    expect(notificationsFor(event({ type: 'BriefingReturned', data: { ...header, reason: '核实数据' } }), null, names)[0]).toMatchObject({ kind: 'RETURNED', audience: { roles: ['OFFICE'] } });
    const published = briefingNotifications(
      event({ type: 'BriefingPublished', data: { ...header, number: '督查通报〔2027〕第2期', year: 2027, seq: 2, pdfFileId: 'a', pdfName: 'a.pdf', namedUnits: ['CGJ', 'WTSQ'], ackDueAt: '2027-04-04T00:00:00.000Z' } }),
      names,
    );
    expect(published.map((n) => [n.audience.unitCode, n.audience.unitRoles])).toEqual([
      ['CGJ', ['UNIT_HEAD']],
      ['WTSQ', ['UNIT_HEAD']],
    ]);
    expect(published[1].text).toContain('外滩社区');
  });

  it('督办 tells the pending units and the office with their names', () => {
    const drafts = briefingNotifications(
      event({ type: 'BriefingAckEscalated', data: { ...header, number: 'N', level: 'SUPERVISE', ackDueAt: '2027-04-04T00:00:00.000Z', unitCodes: ['WTSQ'], notify: ['UNIT_HEAD', 'OFFICE', 'SUPERVISOR'] } }),
      names,
    );
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ urgent: true, audience: { unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'] } });
    expect(drafts[1]).toMatchObject({ audience: { roles: ['OFFICE', 'SUPERVISOR'] } });
    expect(drafts[1].text).toContain('外滩社区');
  });
});

describe('the pre-filled draft', () => {
  it('says what it could not find, and numbers its sections', () => {
    const prefill = buildBriefingPrefill({
      kind: 'WORK_BRIEFING',
      month: '2027-03',
      campaignName: '创建全国文明城市',
      monthly: null,
      ranking: { weekLabel: '第12周', best: ['外滩社区'], worst: ['城管局'], flagged: [{ unitName: '城管局', weeksRunning: 3 }] },
      findings: [{ description: '垃圾桶满溢', address: '中山东一路', unitName: '城管局', stateLabel: '整改中', dueDate: '2027-03-20', overdue: true }],
    });
    expect(prefill.title).toBe('2027年3月创文工作简报');
    expect(prefill.sources[0]).toContain('尚未生成');
    expect(prefill.sections.map((s) => s.heading)).toEqual(['一、红黑榜（第12周）', '二、检查发现的问题', '三、下步工作']);
    expect(prefill.sections[0].body).toContain('城管局已连续 3 周列入黑榜');
    expect(prefill.sections[1].body).toContain('中山东一路：垃圾桶满溢（城管局，整改中，整改期限 2027-03-20，已逾期）');
    expect(checkDraft({ ...prefill, attachments: [], namedUnits: [], ackDays: 3 }, false)).toBeNull();
  });
});

describe('documents', () => {
  const state = { ...published(), title: '关于3月份创文督查情况的通报 <&>' };
  const data = briefingDocumentData(state, (c) => ({ CGJ: '城管局', WTSQ: '外滩社区' })[c] ?? c);

  it('the .docx is a Word document carrying the Chinese title, the number and the named units', () => {
    const docx = renderBriefingDocx(data);
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    expect(xml).toContain('督查通报〔2027〕第2期');
    expect(xml).toContain('关于3月份创文督查情况的通报 &lt;&amp;&gt;');
    expect(xml).toContain('城管局、外滩社区');
    expect(xml).toContain('本月共督查点位 42 个');
    expect(briefingFileName(state, 'docx')).toBe('督查通报（督查通报〔2027〕第2期）关于3月份创文督查情况的通报 _&_.docx');
  });

  it('the PDF is a PDF with the Noto Sans SC subset embedded and the title\'s glyphs in it', async () => {
    const pdf = await renderBriefingPdf(data, state.publishedAt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    // The text is drawn as glyph ids of the subset; its ToUnicode map says which characters: 通 (U+901A) and 报 (U+62A5) are there.
    const maps = [...text.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].flatMap((m) => {
      try {
        return [inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1')];
      } catch {
        return [];
      }
    });
    const cmap = maps.filter((m) => m.includes('beginbfrange') || m.includes('beginbfchar')).join('\n').toLowerCase();
    expect(cmap).toContain('901a');
    expect(cmap).toContain('62a5');
    // Deterministic: the same briefing gives the same file (the same SHA-256 in the file store).
    expect((await renderBriefingPdf(data, state.publishedAt)).equals(pdf)).toBe(true);
  });
});
