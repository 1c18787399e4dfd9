// The funding ledger's pure rules (issue 20): amounts are safe integers in fen; an allocation never exceeds its line's
// remainder nor a spending what is left (pending included); above the threshold a spending waits for a leader, at it
// it is recorded; a unit records only on its own line; a line is not cut below what it has given out; the approval
// ladder; yuan written and read with integer arithmetic.
import { decideFunding, isDay, isFen } from '../../workflows/funding/funding.decide';
import type { FundingEvent } from '../../workflows/funding/funding.events';
import { evolveFunding, initialFundingState } from '../../workflows/funding/funding.evolve';
import { yuan } from '../../workflows/funding/funding.labels';
import { nextFundingTimer } from '../../workflows/funding/funding.schedule';
import type { FundingCommand, FundingLedgerState } from '../../workflows/funding/funding.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { parseYuan, yuan as webYuan } from '../../web/src/funding/money';

const OFFICE: Actor = { userId: 'user:office', displayName: '创建办', role: 'OFFICE', unitCode: null };
const LEADER: Actor = { userId: 'user:leader', displayName: '领导', role: 'LEADER', unitCode: null };
const WTSQ: Actor = { userId: 'user:wtsq.member', displayName: '外滩', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };
const BJSQ: Actor = { userId: 'user:bjsq.member', displayName: '滨江', role: 'UNIT_MEMBER', unitCode: 'BJSQ' };
const AT = '2027-03-01T00:00:00.000Z';

function apply(state: FundingLedgerState, actor: Actor, command: FundingCommand): FundingLedgerState {
  const d = decideFunding(state, { actor, command });
  if (!d.ok) throw new Error(d.rejection.message);
  return d.events.reduce((s: FundingLedgerState, e: FundingEvent) => evolveFunding(s, e, { actorId: actor.userId, at: AT }), state);
}
function refusal(state: FundingLedgerState, actor: Actor, command: FundingCommand) {
  const d = decideFunding(state, { actor, command });
  return d.ok ? null : d.rejection.code;
}
const spend = (spendingId: string, amountFen: number, extra: Partial<Extract<FundingCommand, { action: 'RECORD_SPENDING' }>> = {}): FundingCommand => ({
  action: 'RECORD_SPENDING',
  spendingId,
  lineId: 'l1',
  allocationId: null,
  amountFen,
  payee: '某公司',
  spentOn: '2027-03-01',
  purpose: '保洁',
  receipts: [],
  ...extra,
});

function ledger(): FundingLedgerState {
  let s = evolveFunding(initialFundingState('funding-ledger:c'), { type: 'FundingLedgerOpened', data: { campaignId: 'c', thresholdFen: 100_000 } }, { actorId: 'x', at: AT });
  s = apply(s, OFFICE, { action: 'ADD_LINE', lineId: 'l1', year: 2027, name: '外滩经费', amountFen: 1_000_000, unitCode: 'WTSQ', purpose: '' });
  return s;
}

describe('the funding ledger’s rules', () => {
  it('takes only safe integers in fen within the cap as amounts', () => {
    expect([1, 1_000_000_000_000].map((v) => isFen(v))).toEqual([true, true]);
    expect([0, -1, 1.5, Number.NaN, 1_000_000_000_001, 2 ** 53, '100'].map((v) => isFen(v))).toEqual([false, false, false, false, false, false, false]);
    expect(refusal(ledger(), OFFICE, { action: 'SET_THRESHOLD', thresholdFen: 0.5 })).toBe('BAD_USER_INPUT');
  });

  it('refuses an allocation past the line’s unallocated remainder, to the fen', () => {
    let s = apply(ledger(), OFFICE, { action: 'ALLOCATE', allocationId: 'a1', lineId: 'l1', target: { kind: 'DRIVE', area: 'SANITATION' }, amountFen: 999_999, note: '' });
    expect(refusal(s, OFFICE, { action: 'ALLOCATE', allocationId: 'a2', lineId: 'l1', target: { kind: 'TASK', taskId: 't' }, amountFen: 2, note: '' })).toBe('BAD_USER_INPUT');
    s = apply(s, OFFICE, { action: 'ALLOCATE', allocationId: 'a2', lineId: 'l1', target: { kind: 'TASK', taskId: 't' }, amountFen: 1, note: '' });
    expect(s.allocations.map((a) => a.amountFen)).toEqual([999_999, 1]);
    expect(refusal(s, WTSQ, { action: 'ALLOCATE', allocationId: 'a3', lineId: 'l1', target: { kind: 'DRIVE', area: 'MARKETS' }, amountFen: 1, note: '' })).toBe('FORBIDDEN');
  });

  it('records at the threshold, holds above it, and counts pending against what is left', () => {
    let s = apply(ledger(), WTSQ, spend('s1', 100_000));
    s = apply(s, WTSQ, spend('s2', 100_001));
    expect(s.spendings.map((x) => x.state)).toEqual(['RECORDED', 'PENDING']);
    expect(refusal(s, WTSQ, spend('s3', 1_000_000 - 200_001 + 1))).toBe('BAD_USER_INPUT');
    s = apply(s, LEADER, { action: 'REJECT_SPENDING', spendingId: 's2', reason: '不同意' });
    // A rejected spending frees its amount.
    s = apply(s, WTSQ, spend('s3', 900_000));
    expect(refusal(s, LEADER, { action: 'APPROVE_SPENDING', spendingId: 's2', note: '' })).toBe('ILLEGAL_TRANSITION');
    expect(refusal(s, OFFICE, { action: 'APPROVE_SPENDING', spendingId: 's3', note: '' })).toBe('FORBIDDEN');
  });

  it('lets a unit record only on its own line, with a real date and bounded text', () => {
    const s = ledger();
    expect(refusal(s, BJSQ, spend('s1', 10))).toBe('FORBIDDEN');
    expect(refusal(s, WTSQ, spend('s1', 10, { spentOn: '2027-02-30' }))).toBe('BAD_USER_INPUT');
    expect(refusal(s, WTSQ, spend('s1', 10, { payee: '收'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(refusal(s, WTSQ, spend('s1', 10, { receipts: [{ sha256: 'x', name: 'a.png', size: 1, mimeType: 'image/png' }] }))).toBe('BAD_USER_INPUT');
    expect([isDay('2027-02-28'), isDay('2027-02-30'), isDay('27-2-1')]).toEqual([true, false, false]);
  });

  it('does not cut a line below what is allocated or committed', () => {
    let s = apply(ledger(), OFFICE, { action: 'ALLOCATE', allocationId: 'a1', lineId: 'l1', target: { kind: 'DRIVE', area: 'SANITATION' }, amountFen: 600_000, note: '' });
    s = apply(s, WTSQ, spend('s1', 50_000));
    expect(refusal(s, OFFICE, { action: 'AMEND_LINE', lineId: 'l1', name: '外滩经费', amountFen: 599_999, unitCode: 'WTSQ', purpose: '' })).toBe('BAD_USER_INPUT');
    expect(refusal(s, OFFICE, { action: 'AMEND_LINE', lineId: 'l1', name: '外滩经费', amountFen: 700_000, unitCode: 'BJSQ', purpose: '' })).toBe('BAD_USER_INPUT');
    expect(apply(s, OFFICE, { action: 'AMEND_LINE', lineId: 'l1', name: '外滩经费', amountFen: 600_000, unitCode: 'WTSQ', purpose: '' }).lines[0].amountFen).toBe(600_000);
  });

  it('climbs the approval ladder for the earliest pending spending only', () => {
    let s = apply(ledger(), WTSQ, spend('s1', 200_000));
    expect(nextFundingTimer(s)).toEqual({ spendingId: 's1', level: 'REMINDER', at: '2027-03-02T00:00:00.000Z' });
    s = evolveFunding(s, { type: 'SpendingApprovalEscalated', data: { campaignId: 'c', spendingId: 's1', lineName: '', amountFen: 200_000, unitCode: 'WTSQ', level: 'REMINDER', notify: ['LEADER'] } }, { actorId: '', at: AT });
    expect(nextFundingTimer(s)?.level).toBe('URGE');
    s = apply(s, LEADER, { action: 'APPROVE_SPENDING', spendingId: 's1', note: '' });
    expect(nextFundingTimer(s)).toBeNull();
  });

  it('writes and reads yuan with integer arithmetic', () => {
    expect([0, 5, 100_050, 123_456_789, 900_719_925_474_099].map(yuan)).toEqual(['0.00', '0.05', '1,000.50', '1,234,567.89', '9,007,199,254,740.99']);
    expect(webYuan(123_456_789)).toBe('1,234,567.89');
    expect(['1,000.5', '0.07', '12', '１', '1.005', '-1', '', '99999999999'].map(parseYuan)).toEqual([100_050, 7, 1_200, null, null, null, null, null]);
  });
});
