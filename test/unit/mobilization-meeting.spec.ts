// The 动员大会 (issue 19): a meeting kind of the campaign's clock with attendance by unit (present and absent units);
// it counts toward neither the joint-meeting nor the coordination cadence, and a unit is present or absent, not both.
import { decide } from '../../workflows/campaign/campaign.decide';
import { evolve, initialCampaignState } from '../../workflows/campaign/campaign.evolve';
import { MEETING_KIND_LABELS } from '../../workflows/campaign/campaign.labels';
import type { CampaignCommand, CampaignState } from '../../workflows/campaign/campaign.types';
import type { Actor } from '../../workflows/shared/actor.types';

const NOW = '2026-11-27T04:00:00.000Z';
const OFFICE: Actor = { userId: 'u-office', displayName: '张霞', role: 'OFFICE', unitCode: null };

function fresh(): CampaignState {
  return evolve(
    initialCampaignState({ campaignId: 'c1', timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' }),
    { type: 'CampaignClockStarted', data: { campaignId: 'c1', timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' } },
    { actorId: 'system', at: '2026-11-01T00:00:00.000Z' },
  );
}

const rally = (extra: Partial<Extract<CampaignCommand, { action: 'RECORD_MEETING' }>> = {}): CampaignCommand => ({
  action: 'RECORD_MEETING',
  meetingId: 'm-rally',
  kind: 'MOBILIZATION',
  date: '2026-11-20',
  title: '创建全国文明城区动员大会',
  attendees: ['王组长', '张霞'],
  unitCodes: ['WTSQ', 'HWS'],
  absentUnitCodes: ['DHC'],
  minutes: '部署创文工作，各单位签订责任书',
  ...extra,
});

describe('the 动员大会', () => {
  it('is recorded with present and absent units and counts toward no cadence', () => {
    expect(MEETING_KIND_LABELS.MOBILIZATION).toBe('动员大会');
    const state = fresh();
    const decision = decide(state, { command: rally(), actor: OFFICE }, NOW);
    if (!decision.ok) throw new Error(decision.rejection.message);
    expect(decision.events[0]).toMatchObject({ type: 'CampaignMeetingRecorded', data: { kind: 'MOBILIZATION', unitCodes: ['WTSQ', 'HWS'], absentUnitCodes: ['DHC'] } });
    const after = decision.events.reduce((s, e) => evolve(s, e, { actorId: 'u-office', at: NOW }), state);
    expect(after.months['2026-11']).toMatchObject({ jointMeetings: 0, coordinationMeetings: 0, visits: 0 });
  });

  it('keeps other meetings\' events as they were (no absentUnitCodes when none were named)', () => {
    const decision = decide(fresh(), { command: rally({ kind: 'JOINT', absentUnitCodes: undefined }), actor: OFFICE }, NOW);
    expect(decision.ok && 'absentUnitCodes' in decision.events[0].data).toBe(false);
  });

  it('refuses a unit both present and absent, and a hostile absent list', () => {
    const both = decide(fresh(), { command: rally({ absentUnitCodes: ['DHC', ' WTSQ '] }), actor: OFFICE }, NOW);
    expect(both.ok ? null : both.rejection).toMatchObject({ code: 'BAD_USER_INPUT', field: 'absentUnitCodes', message: expect.stringContaining('既参会又缺席') });
    const long = decide(fresh(), { command: rally({ absentUnitCodes: ['单'.repeat(51)] }), actor: OFFICE }, NOW);
    expect(long.ok ? null : long.rejection.field).toBe('absentUnitCodes');
    const blank = decide(fresh(), { command: rally({ absentUnitCodes: [''] }), actor: OFFICE }, NOW);
    expect(blank.ok ? null : blank.rejection.field).toBe('absentUnitCodes');
  });
});
