// The publicity ledger's pure rules (issue 20): only the office records, corrects and voids; every field is bounded
// (count a positive integer, text sizes, photos, indicator codes, real dates); a correction and a voiding need a
// reason; a voided entry is neither corrected nor voided again; the fold keeps the entry, marked voided.
import { decidePublicity } from '../../workflows/publicity/publicity.decide';
import type { PublicityEvent } from '../../workflows/publicity/publicity.events';
import { evolvePublicity, initialPublicityState } from '../../workflows/publicity/publicity.evolve';
import type { PublicityCommand, PublicityLedgerState } from '../../workflows/publicity/publicity.types';
import type { Actor } from '../../workflows/shared/actor.types';

const OFFICE: Actor = { userId: 'user:office', displayName: '创建办', role: 'OFFICE', unitCode: null };
const WTSQ: Actor = { userId: 'user:wtsq.head', displayName: '外滩', role: 'UNIT_HEAD', unitCode: 'WTSQ' };
const AT = '2026-11-05T00:00:00.000Z';
const PHOTO = { sha256: 'a'.repeat(64), name: '横幅.png', size: 100, mimeType: 'image/png' };
const FIELDS = { channel: 'BANNER' as const, location: '中山东一路', unitCode: 'WTSQ', count: 12, heldOn: '2026-11-03', indicatorCodes: ['A1'], photos: [PHOTO], note: '' };

function apply(state: PublicityLedgerState, command: PublicityCommand, actor = OFFICE): PublicityLedgerState {
  const d = decidePublicity(state, { actor, command });
  if (!d.ok) throw new Error(d.rejection.message);
  return d.events.reduce((s: PublicityLedgerState, e: PublicityEvent) => evolvePublicity(s, e, { actorId: actor.userId, at: AT }), state);
}
function refusal(state: PublicityLedgerState, command: PublicityCommand, actor = OFFICE): [string, string | undefined] | null {
  const d = decidePublicity(state, { actor, command });
  return d.ok ? null : [d.rejection.code, d.rejection.field];
}

describe('the publicity ledger rule', () => {
  const opened = evolvePublicity(initialPublicityState('publicity-ledger:c'), { type: 'PublicityLedgerOpened', data: { campaignId: 'c' } }, { actorId: 'system', at: AT });
  const record = (extra: Partial<typeof FIELDS> = {}): PublicityCommand => ({ action: 'RECORD_ENTRY', entryId: 'e1', ...FIELDS, ...extra } as PublicityCommand);

  it('lets only the office record', () => {
    expect(refusal(opened, record(), WTSQ)).toEqual(['FORBIDDEN', undefined]);
    const state = apply(opened, record());
    expect(state.entries).toMatchObject([{ entryId: 'e1', count: 12, voided: false, recordedBy: 'user:office', corrections: 0 }]);
    expect(refusal(state, record())).toEqual(['BAD_USER_INPUT', 'entryId']);
  });

  it.each([
    [{ count: 0 }, 'count'],
    [{ count: -1 }, 'count'],
    [{ count: 1.5 }, 'count'],
    [{ count: 1_000_001 }, 'count'],
    [{ count: Number.NaN }, 'count'],
    [{ location: 'x'.repeat(101) }, 'location'],
    [{ location: '\u0000' }, 'location'],
    [{ location: '' }, 'location'],
    [{ note: 'x'.repeat(501) }, 'note'],
    [{ note: 'a\u0000b' }, 'note'],
    [{ unitCode: 'WT\u0000' }, 'unitCode'],
    [{ indicatorCodes: ['A\u00001'] }, 'indicatorCodes'],
    [{ heldOn: '2026-02-29' }, 'heldOn'],
    [{ heldOn: '2026-1-3' }, 'heldOn'],
    [{ indicatorCodes: ['A1', 'A1'] }, 'indicatorCodes'],
    [{ indicatorCodes: [' A1'] }, 'indicatorCodes'],
    [{ indicatorCodes: Array.from({ length: 11 }, (_, i) => `A${i}`) }, 'indicatorCodes'],
    [{ photos: Array.from({ length: 10 }, (_, i) => ({ ...PHOTO, sha256: String(i).repeat(64) })) }, 'photos'],
    [{ photos: [{ ...PHOTO, mimeType: 'application/pdf' }] }, 'photos'],
    [{ photos: [PHOTO, PHOTO] }, 'photos'],
    [{ photos: [{ ...PHOTO, size: 21 * 1024 * 1024 }] }, 'photos'],
    [{ channel: 'POSTER' }, 'channel'],
  ] as [Record<string, unknown>, string][])('refuses %j', (extra, field) => {
    expect(refusal(opened, record(extra as Partial<typeof FIELDS>))).toEqual(['BAD_USER_INPUT', field]);
  });

  it('corrects and voids with a reason, never deleting; a voided entry stays voided', () => {
    let state = apply(opened, record());
    expect(refusal(state, { action: 'CORRECT_ENTRY', entryId: 'e1', ...FIELDS, count: 14, reason: ' ' })).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(refusal(state, { action: 'CORRECT_ENTRY', entryId: 'nope', ...FIELDS, reason: '改' })).toEqual(['BAD_USER_INPUT', 'entryId']);
    state = apply(state, { action: 'CORRECT_ENTRY', entryId: 'e1', ...FIELDS, count: 14, photos: [], reason: '复核' });
    expect(state.entries[0]).toMatchObject({ count: 14, photos: [], corrections: 1, lastReason: '复核', correctedAt: AT });
    expect(refusal(state, { action: 'VOID_ENTRY', entryId: 'e1', reason: '' })).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(refusal(state, { action: 'VOID_ENTRY', entryId: 'e1', reason: '重复' }, WTSQ)).toEqual(['FORBIDDEN', undefined]);
    state = apply(state, { action: 'VOID_ENTRY', entryId: 'e1', reason: '重复' });
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ voided: true, voidReason: '重复' });
    expect(refusal(state, { action: 'VOID_ENTRY', entryId: 'e1', reason: '再' })).toEqual(['ILLEGAL_TRANSITION', undefined]);
    expect(refusal(state, { action: 'CORRECT_ENTRY', entryId: 'e1', ...FIELDS, reason: '改' })).toEqual(['ILLEGAL_TRANSITION', undefined]);
  });

  it('refuses a stale expected version', () => {
    expect(decidePublicity(opened, { actor: OFFICE, command: record(), expectedVersion: 0 })).toMatchObject({ ok: false, rejection: { code: 'CONFLICT' } });
  });
});
