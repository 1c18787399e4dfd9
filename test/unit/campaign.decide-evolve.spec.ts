// The campaign's clock as pure rules: every phase move, the archive gate with and without an override reason,
// who may do what, the phase plan and its reminders, visits and meetings, and the monthly cadence check.
import {
  allowedActions,
  check,
  decide,
  decideCadence,
} from '../../workflows/campaign/campaign.decide';
import { evolve, initialCampaignState } from '../../workflows/campaign/campaign.evolve';
import { nextPhaseDue } from '../../workflows/campaign/campaign.schedule';
import { CADENCE_REQUIREMENTS_BEFORE_ISSUE_20, type CampaignAction, type CampaignCommand, PHASES, type CampaignState, type MeetingKind, type Phase } from '../../workflows/campaign/campaign.types';
import type { Rejection } from '../../workflows/shared/decision.types';
import type { CampaignEvent } from '../../workflows/campaign/campaign.events';
import { ROLES, type Actor, type Role } from '../../workflows/shared/actor.types';

const NOW = '2026-11-27T04:00:00.000Z'; // 12:00 on 27 November in Shanghai
const actor = (role: Role, unitCode: string | null = null): Actor => ({ userId: `u-${role.toLowerCase()}`, displayName: role, role, unitCode });
const OFFICE = actor('OFFICE');
const SUPERVISOR = actor('SUPERVISOR');
const LEADER = actor('LEADER');
const UNIT = actor('UNIT_MEMBER', 'WTSQ');

function fresh(): CampaignState {
  return evolve(initialCampaignState({ campaignId: 'c1', timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' }), { type: 'CampaignClockStarted', data: { campaignId: 'c1', timeZone: 'Asia/Shanghai', inspectionDate: '2027-06-30' } }, { actorId: 'system', at: '2026-11-01T00:00:00.000Z' });
}

/** Applies an accepted command, failing the test if it is refused. */
function apply(state: CampaignState, command: CampaignCommand, who: Actor = OFFICE, at = NOW): CampaignState {
  const decision = decide(state, { command, actor: who }, at);
  if (!decision.ok) throw new Error(`refused: ${decision.rejection.message}`);
  return decision.events.reduce((s, e) => evolve(s, e, { actorId: who.userId, at }), state);
}

function refusal(state: CampaignState, command: CampaignCommand, who: Actor = OFFICE, at = NOW): Rejection {
  const decision = decide(state, { command, actor: who }, at);
  if (decision.ok) throw new Error(`accepted: ${JSON.stringify(decision.events)}`);
  return decision.rejection;
}

function eventOf(state: CampaignState, command: CampaignCommand, who: Actor = OFFICE): CampaignEvent {
  const decision = decide(state, { command, actor: who }, NOW);
  if (!decision.ok) throw new Error(`refused: ${decision.rejection.message}`);
  expect(decision.events).toHaveLength(1);
  return decision.events[0];
}

const COMPLETE = { tasks: 79, archived: 79 };
const INCOMPLETE = { tasks: 79, archived: 75 };

function inPhase(phase: Phase): CampaignState {
  let state = fresh();
  for (const to of PHASES.slice(1, PHASES.indexOf(phase) + 1)) state = apply(state, { action: 'ADVANCE_PHASE', to, archive: COMPLETE });
  return state;
}

const visit = (date: string, extra: Partial<Extract<CampaignCommand, { action: 'RECORD_SUPERVISION_VISIT' }>> = {}): CampaignCommand => ({
  action: 'RECORD_SUPERVISION_VISIT',
  visitId: `v-${date}-${Math.random()}`,
  date,
  places: ['外滩社区菜场'],
  visitors: ['王组长', '李督查'],
  unitCodes: ['WTSQ'],
  notes: '菜场占道经营已整改',
  ...extra,
});

const meeting = (kind: MeetingKind, date: string, extra: Partial<Extract<CampaignCommand, { action: 'RECORD_MEETING' }>> = {}): CampaignCommand => ({
  action: 'RECORD_MEETING',
  meetingId: `m-${date}-${Math.random()}`,
  kind,
  date,
  attendees: ['王组长', '张霞'],
  unitCodes: ['WTSQ', 'HWS'],
  minutes: '研究背街小巷环境卫生问题',
  ...extra,
});

describe('campaign lifecycle: phases', () => {
  it('starts in 宣传发动 with nothing planned', () => {
    const state = fresh();
    expect(state).toMatchObject({ phase: 'MOBILIZATION', phaseEnteredAt: '2026-11-01T00:00:00.000Z', phaseDue: null, version: 1 });
    expect(Object.values(state.plan).every((d) => d === null)).toBe(true);
  });

  it('moves phase by phase to 总结评议, one PhaseAdvanced per move, recording when each began', () => {
    let state = fresh();
    const moves: [Phase, Phase][] = [
      ['MOBILIZATION', 'SPECIAL_RECTIFICATION'],
      ['SPECIAL_RECTIFICATION', 'SPRINT'],
      ['SPRINT', 'INSPECTION'],
      ['INSPECTION', 'REVIEW'],
    ];
    moves.forEach(([from, to], i) => {
      const at = `2027-0${i + 1}-01T00:00:00.000Z`;
      const event = eventOf(state, { action: 'ADVANCE_PHASE', to, archive: COMPLETE, note: `第${i + 1}步` });
      expect(event).toEqual({ type: 'PhaseAdvanced', data: { from, to, archive: COMPLETE, overrideReason: null, note: `第${i + 1}步` } });
      state = apply(state, { action: 'ADVANCE_PHASE', to, archive: COMPLETE }, OFFICE, at);
      expect(state.phase).toBe(to);
      expect(state.phaseEnteredAt).toBe(at);
      expect(state.entered[to]).toBe(at);
    });
    expect(state.version).toBe(5);
  });

  it('refuses skipping a phase, entering the current one again, and moving on from the last', () => {
    expect(refusal(fresh(), { action: 'ADVANCE_PHASE', to: 'SPRINT' })).toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'to', message: expect.stringContaining('只能进入下一阶段「专项整治」') });
    expect(refusal(inPhase('SPRINT'), { action: 'ADVANCE_PHASE', to: 'SPRINT' })).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('无需重复进入') });
    expect(refusal(inPhase('SPRINT'), { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION', archive: COMPLETE })).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(refusal(inPhase('REVIEW'), { action: 'ADVANCE_PHASE', to: 'REVIEW' })).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('最后的「总结评议」阶段') });
    expect(refusal(fresh(), { action: 'ADVANCE_PHASE', to: 'LATER' as Phase })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('moves to phases before the inspection without archive facts and without a reason', () => {
    const event = eventOf(fresh(), { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' });
    expect(event).toMatchObject({ type: 'PhaseAdvanced', data: { archive: null, overrideReason: null } });
    expect(refusal(fresh(), { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION', overrideReason: '急' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrideReason' });
  });

  it('refuses stale versions with CONFLICT', () => {
    const decision = decide(fresh(), { command: { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' }, actor: OFFICE, expectedVersion: 3 }, NOW);
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'CONFLICT', message: expect.stringContaining('当前版本为1') } });
  });
});

describe('campaign lifecycle: the archive gate before 迎检', () => {
  const sprint = inPhase('SPRINT');

  it('opens when every task is archived, and records the archive with no override', () => {
    expect(eventOf(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: COMPLETE })).toEqual({
      type: 'PhaseAdvanced',
      data: { from: 'SPRINT', to: 'INSPECTION', archive: COMPLETE, overrideReason: null, note: '' },
    });
  });

  it('is open when the campaign has no tasks at all', () => {
    expect(apply(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: { tasks: 0, archived: 0 } }).phase).toBe('INSPECTION');
  });

  it('ignores a reason given when the gate is open: nothing was overridden', () => {
    expect(eventOf(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: COMPLETE, overrideReason: '以防万一' })).toMatchObject({ data: { overrideReason: null } });
  });

  it('refuses an incomplete archive without a reason, saying how much is missing', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const r = refusal(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: INCOMPLETE, overrideReason: reason });
      expect(r).toEqual({
        code: 'ILLEGAL_TRANSITION',
        field: 'overrideReason',
        message: '创文档案尚未全部归档（已归档 75 项，共 79 项任务，还差 4 项），不能进入「迎检」阶段；如确需进入，请填写理由',
      });
    }
  });

  it('lets the office override with a reason, which the event records', () => {
    const command: CampaignCommand = { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: INCOMPLETE, overrideReason: '  区创建办通知提前迎检，余下4项档案迎检期间补齐 ', note: '按区里通知' };
    expect(eventOf(sprint, command)).toEqual({
      type: 'PhaseAdvanced',
      data: { from: 'SPRINT', to: 'INSPECTION', archive: INCOMPLETE, overrideReason: '区创建办通知提前迎检，余下4项档案迎检期间补齐', note: '按区里通知' },
    });
    expect(apply(sprint, command).phase).toBe('INSPECTION');
  });

  it('needs the archive facts to decide, and refuses nonsense ones', () => {
    expect(refusal(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'archive' });
    expect(refusal(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: { tasks: 3, archived: 4 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'archive' });
    expect(refusal(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: { tasks: 3.5, archived: 1 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'archive' });
  });

  it('refuses an override reason that is too long', () => {
    expect(refusal(sprint, { action: 'ADVANCE_PHASE', to: 'INSPECTION', archive: INCOMPLETE, overrideReason: '理'.repeat(2001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrideReason' });
  });
});

describe('campaign lifecycle: roles', () => {
  const expected: Record<CampaignAction, Role[]> = {
    SET_PHASE_PLAN: ['OFFICE'],
    ADVANCE_PHASE: ['OFFICE'],
    RECORD_SUPERVISION_VISIT: ['OFFICE', 'SUPERVISOR'],
    RECORD_MEETING: ['OFFICE', 'SUPERVISOR'],
    RECORD_LEAD_UNIT_MEETING: ['UNIT_HEAD', 'UNIT_MEMBER'],
  };

  it.each(Object.entries(expected))('lets only %s be done by %j', (action, roles) => {
    for (const role of ROLES) {
      const refused = check(fresh(), actor(role, role.startsWith('UNIT') ? 'WTSQ' : null), action as CampaignAction);
      if (roles.includes(role)) expect(refused).toBeNull();
      else expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/无权执行/) });
    }
  });

  it('refuses the wrong role before looking at the input, and writes nothing', () => {
    expect(refusal(fresh(), { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' }, SUPERVISOR)).toMatchObject({ code: 'FORBIDDEN', message: '「督查检查组」无权执行「进入下一阶段」（仅限创建办）' });
    expect(refusal(fresh(), visit('2099-01-01'), UNIT)).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(fresh(), meeting('JOINT', '2026-11-20'), LEADER)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('offers each role its actions, and no phase move in the last phase', () => {
    expect(allowedActions(fresh(), OFFICE)).toEqual(['SET_PHASE_PLAN', 'ADVANCE_PHASE', 'RECORD_SUPERVISION_VISIT', 'RECORD_MEETING']);
    expect(allowedActions(fresh(), SUPERVISOR)).toEqual(['RECORD_SUPERVISION_VISIT', 'RECORD_MEETING']);
    expect(allowedActions(fresh(), LEADER)).toEqual([]);
    expect(allowedActions(fresh(), UNIT)).toEqual(['RECORD_LEAD_UNIT_MEETING']);
    expect(allowedActions(inPhase('REVIEW'), OFFICE)).toEqual(['SET_PHASE_PLAN', 'RECORD_SUPERVISION_VISIT', 'RECORD_MEETING']);
  });
});

describe('campaign lifecycle: the phase plan and its reminders', () => {
  const PLAN = { MOBILIZATION: '2026-11-01', SPECIAL_RECTIFICATION: '2026-12-01', SPRINT: '2027-04-01', INSPECTION: '2027-06-01', REVIEW: '2027-07-01' };

  it('records the whole plan, unplanned phases as null', () => {
    expect(eventOf(fresh(), { action: 'SET_PHASE_PLAN', plan: { SPECIAL_RECTIFICATION: '2026-12-01' }, note: '初定' })).toEqual({
      type: 'PhasePlanSet',
      data: { plan: { MOBILIZATION: null, SPECIAL_RECTIFICATION: '2026-12-01', SPRINT: null, INSPECTION: null, REVIEW: null }, note: '初定' },
    });
  });

  it('refuses dates out of phase order, unreal dates, an inspection phase after the inspection date, unknown phases and no change', () => {
    expect(refusal(fresh(), { action: 'SET_PHASE_PLAN', plan: { ...PLAN, SPRINT: '2026-12-01' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plan', message: expect.stringContaining('须晚于「专项整治」') });
    expect(refusal(fresh(), { action: 'SET_PHASE_PLAN', plan: { SPRINT: '2027-02-30' } })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('有效日期') });
    expect(refusal(fresh(), { action: 'SET_PHASE_PLAN', plan: { INSPECTION: '2027-07-01' } })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('2027-06-30') });
    expect(refusal(fresh(), { action: 'SET_PHASE_PLAN', plan: { LATER: '2027-01-01' } as never })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('不是创文活动的阶段') });
    const planned = apply(fresh(), { action: 'SET_PHASE_PLAN', plan: PLAN });
    expect(refusal(planned, { action: 'SET_PHASE_PLAN', plan: PLAN })).toMatchObject({ code: 'BAD_USER_INPUT', message: '与现行阶段计划相同，无需修改' });
  });

  it('waits for the next phase’s planned start at local midnight, once per date', () => {
    let state = apply(fresh(), { action: 'SET_PHASE_PLAN', plan: PLAN });
    // 2026-12-01 00:00 in Shanghai is 16:00 UTC the day before.
    expect(nextPhaseDue(state)).toEqual({ phase: 'SPECIAL_RECTIFICATION', plannedStart: '2026-12-01', at: '2026-11-30T16:00:00.000Z' });
    state = evolve(state, { type: 'PhaseDue', data: { phase: 'SPECIAL_RECTIFICATION', plannedStart: '2026-12-01', current: 'MOBILIZATION' } }, { actorId: 'system', at: '2026-11-30T16:00:00.000Z' });
    expect(state.phaseDue).toEqual({ phase: 'SPECIAL_RECTIFICATION', plannedStart: '2026-12-01' });
    expect(nextPhaseDue(state)).toBeNull();

    // Postponed: the reminder no longer stands, and comes again at the new date.
    const postponed = apply(state, { action: 'SET_PHASE_PLAN', plan: { ...PLAN, SPECIAL_RECTIFICATION: '2026-12-10' } });
    expect(postponed.phaseDue).toBeNull();
    expect(nextPhaseDue(postponed)).toMatchObject({ phase: 'SPECIAL_RECTIFICATION', at: '2026-12-09T16:00:00.000Z' });

    // Moving on clears the reminder; the clock then waits for the phase after.
    const moved = apply(state, { action: 'ADVANCE_PHASE', to: 'SPECIAL_RECTIFICATION' });
    expect(moved.phaseDue).toBeNull();
    expect(nextPhaseDue(moved)).toMatchObject({ phase: 'SPRINT', plannedStart: '2027-04-01', at: '2027-03-31T16:00:00.000Z' });
  });

  it('waits for nothing when the next phase is not planned, or in the last phase', () => {
    expect(nextPhaseDue(fresh())).toBeNull();
    expect(nextPhaseDue(inPhase('REVIEW'))).toBeNull();
  });
});

describe('campaign lifecycle: visits and meetings', () => {
  it('records a visit with its fields trimmed, counted in the month of its date', () => {
    const command = visit('2026-10-30', { places: [' 菜场 ', '背街小巷'], visitors: [' 王组长 '], notes: ' 发现占道 ' });
    expect(eventOf(fresh(), command, SUPERVISOR)).toMatchObject({
      type: 'SupervisionVisitRecorded',
      data: { date: '2026-10-30', places: ['菜场', '背街小巷'], visitors: ['王组长'], unitCodes: ['WTSQ'], notes: '发现占道' },
    });
    const state = apply(fresh(), command, SUPERVISOR);
    expect(state.months).toEqual({ '2026-10': { visits: 1, jointMeetings: 0, coordinationMeetings: 0, hearings: 0 } });
  });

  it('accepts today in the campaign’s time zone and refuses tomorrow', () => {
    const lateEvening = '2026-11-27T16:30:00.000Z'; // already 28 November in Shanghai
    expect(decide(fresh(), { command: visit('2026-11-28'), actor: OFFICE }, lateEvening).ok).toBe(true);
    expect(refusal(fresh(), visit('2026-11-29'), OFFICE, lateEvening)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date', message: '督查日期不能晚于今天（2026-11-28）' });
  });

  it('refuses a visit without places, people or notes, or with a bad date', () => {
    expect(refusal(fresh(), visit('2026-11-20', { places: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'places' });
    expect(refusal(fresh(), visit('2026-11-20', { places: ['  '] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'places' });
    expect(refusal(fresh(), visit('2026-11-20', { visitors: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitors' });
    expect(refusal(fresh(), visit('2026-11-20', { notes: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notes', message: '请填写督查情况' });
    expect(refusal(fresh(), visit('2026/11/20'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });

  it('counts joint meetings and coordination meetings apart', () => {
    let state = apply(fresh(), meeting('JOINT', '2026-11-03'));
    state = apply(state, meeting('COORDINATION', '2026-11-10'), SUPERVISOR);
    state = apply(state, meeting('COORDINATION', '2026-10-10'));
    expect(state.months).toEqual({
      '2026-11': { visits: 0, jointMeetings: 1, coordinationMeetings: 1, hearings: 0 },
      '2026-10': { visits: 0, jointMeetings: 0, coordinationMeetings: 1, hearings: 0 },
    });
  });

  it('keeps a meeting’s decisions shaped for the items and tasks they will become', () => {
    const command = meeting('JOINT', '2026-11-03', { title: ' 11月联席会议 ', decisions: [{ text: ' 清理东湖村垃圾点 ', unitCode: 'DHC', dueDate: '2026-11-30' }, { text: '加强宣传', unitCode: null, dueDate: null }] });
    expect(eventOf(fresh(), command)).toMatchObject({
      type: 'CampaignMeetingRecorded',
      data: { kind: 'JOINT', title: '11月联席会议', decisions: [{ text: '清理东湖村垃圾点', unitCode: 'DHC', dueDate: '2026-11-30' }, { text: '加强宣传', unitCode: null, dueDate: null }] },
    });
  });

  it('refuses a meeting of no known kind, without minutes or attendees, or with a bad decision', () => {
    expect(refusal(fresh(), meeting('PARTY' as 'JOINT', '2026-11-03'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(refusal(fresh(), meeting('JOINT', '2026-11-03', { minutes: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes', message: '请填写会议纪要' });
    expect(refusal(fresh(), meeting('JOINT', '2026-11-03', { attendees: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendees' });
    expect(refusal(fresh(), meeting('JOINT', '2026-11-03', { decisions: [{ text: '', unitCode: null, dueDate: null }] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
    expect(refusal(fresh(), meeting('JOINT', '2026-11-03', { decisions: [{ text: '整改', unitCode: null, dueDate: '下月底' }] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions', message: expect.stringContaining('完成时限') });
    expect(refusal(fresh(), meeting('JOINT', '2026-12-03'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

describe('campaign lifecycle: a lead unit convenes its responsible units (牵头单位协调会)', () => {
  const LEAD = actor('UNIT_HEAD', 'CGK');
  const SCOPE = { taskIds: ['task:c1:1.1.1:WTSQ', 'task:c1:1.1.1:HWS'], unitCodes: ['WTSQ', 'HWS', 'CGK'] };
  const lead = (extra: Partial<Extract<CampaignCommand, { action: 'RECORD_LEAD_UNIT_MEETING' }>> = {}): CampaignCommand => ({
    action: 'RECORD_LEAD_UNIT_MEETING',
    meetingId: 'lm-1',
    convenerUnitCode: 'CGK',
    date: '2026-11-20',
    title: '背街小巷整治推进会',
    attendees: ['城管科 李科长', '外滩社区 张霞'],
    unitCodes: ['WTSQ', 'HWS'],
    minutes: '研究背街小巷乱堆放问题',
    decisions: [
      { text: '外滩社区清理中山路堆物', unitCode: 'WTSQ', dueDate: '2026-12-10' },
      { text: '材料请补充整治前后照片', unitCode: null, dueDate: null, taskId: 'task:c1:1.1.1:HWS' },
    ],
    scope: SCOPE,
    ...extra,
  });

  it('records it as a LEAD_UNIT meeting with its convener, each decision either a unit to act or a task to comment on', () => {
    expect(eventOf(fresh(), lead(), LEAD)).toEqual({
      type: 'CampaignMeetingRecorded',
      data: {
        meetingId: 'lm-1',
        kind: 'LEAD_UNIT',
        date: '2026-11-20',
        title: '背街小巷整治推进会',
        attendees: ['城管科 李科长', '外滩社区 张霞'],
        unitCodes: ['WTSQ', 'HWS'],
        convenerUnitCode: 'CGK',
        minutes: '研究背街小巷乱堆放问题',
        decisions: [
          { text: '外滩社区清理中山路堆物', unitCode: 'WTSQ', dueDate: '2026-12-10' },
          { text: '材料请补充整治前后照片', unitCode: null, dueDate: null, taskId: 'task:c1:1.1.1:HWS' },
        ],
      },
    });
  });

  it('counts toward no cadence', () => {
    expect(apply(fresh(), lead(), LEAD).months['2026-11']).toEqual({ visits: 0, jointMeetings: 0, coordinationMeetings: 0, hearings: 0 });
  });

  it('is recorded only by a lead unit, in its own name, within what it leads', () => {
    expect(refusal(fresh(), lead(), OFFICE)).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(fresh(), lead({ convenerUnitCode: 'WTSQ' }), LEAD)).toMatchObject({ code: 'FORBIDDEN', field: 'convenerUnitCode' });
    expect(refusal(fresh(), lead({ scope: { taskIds: [], unitCodes: [] } }), LEAD)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/不是.*牵头单位/) });
    expect(refusal(fresh(), lead({ unitCodes: ['WTSQ', 'JDB'] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCodes', message: expect.stringContaining('JDB') });
    expect(refusal(fresh(), lead({ unitCodes: [] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCodes' });
    expect(refusal(fresh(), lead({ decisions: [{ text: '交办', unitCode: 'JDB', dueDate: null }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
    expect(refusal(fresh(), lead({ decisions: [{ text: '意见', unitCode: null, dueDate: null, taskId: 'task:c1:9.9.9:WTSQ' }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions', message: expect.stringContaining('不是本单位牵头的任务') });
    expect(refusal(fresh(), lead({ decisions: [{ text: '两者', unitCode: 'WTSQ', dueDate: null, taskId: SCOPE.taskIds[0] }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
    expect(refusal(fresh(), lead({ decisions: [{ text: '都没有', unitCode: null, dueDate: null }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
    expect(refusal(fresh(), lead({ decisions: [{ text: '意见', unitCode: null, dueDate: '2026-12-01', taskId: SCOPE.taskIds[0] }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
  });

  it('refuses hostile input: a future date, an empty title, long minutes, too many decisions, a non-string task', () => {
    expect(refusal(fresh(), lead({ date: '2099-01-01' }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(refusal(fresh(), lead({ title: '  ' }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(refusal(fresh(), lead({ minutes: '纪'.repeat(20001) }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
    expect(refusal(fresh(), lead({ decisions: Array.from({ length: 51 }, () => ({ text: '交办', unitCode: 'WTSQ', dueDate: null })) }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
    expect(refusal(fresh(), lead({ decisions: [{ text: '意见', unitCode: null, dueDate: null, taskId: 42 as unknown as string }] }), LEAD)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decisions' });
  });

  it('is not a kind the office records with its own meetings', () => {
    expect(refusal(fresh(), meeting('LEAD_UNIT', '2026-11-20'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});

describe('campaign lifecycle: the monthly cadence check', () => {
  const october = (visits: number, joint: number, coordination = 0, hearings = 0) => {
    let state = fresh();
    for (let i = 0; i < visits; i++) state = apply(state, visit(`2026-10-0${i + 1}`));
    for (let i = 0; i < joint; i++) state = apply(state, meeting('JOINT', `2026-10-1${i}`));
    for (let i = 0; i < coordination; i++) state = apply(state, meeting('COORDINATION', `2026-10-2${i}`));
    for (let i = 0; i < hearings; i++) state = apply(state, meeting('HEARING', `2026-10-2${5 + i}`, { unitCodes: ['WTSQ'] }));
    return state;
  };

  it('flags a month that is over and short of visits and a joint meeting, once', () => {
    const state = october(1, 0, 1);
    const first = decideCadence(state, '2026-10', NOW);
    expect(first.events).toEqual([
      {
        type: 'CadenceShortfallFlagged',
        data: {
          month: '2026-10',
          tally: { visits: 1, jointMeetings: 0, coordinationMeetings: 1, hearings: 0 },
          missing: [
            { requirement: 'SUPERVISION_VISIT', required: 2, recorded: 1 },
            { requirement: 'JOINT_MEETING', required: 1, recorded: 0 },
            { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
          ],
        },
      },
    ]);
    expect(first.result).toMatchObject({ month: '2026-10', ended: true, flagged: true, version: state.version + 1 });
    const flagged = evolve(state, first.events[0], { actorId: 'system', at: NOW });
    expect(flagged.flagged).toEqual({ '2026-10': ['SUPERVISION_VISIT', 'JOINT_MEETING', 'UNIT_REPORT_HEARING'] });
    // Asked again (a retried activity, a second run): the same finding records nothing.
    expect(decideCadence(flagged, '2026-10', NOW)).toMatchObject({ events: [], result: { flagged: true } });
  });

  it('flags again when the finding changed, e.g. a visit recorded late', () => {
    const state = october(1, 0, 1, 1);
    const flagged = evolve(state, decideCadence(state, '2026-10', NOW).events[0], { actorId: 'system', at: NOW });
    const later = apply(flagged, visit('2026-10-28'));
    expect(decideCadence(later, '2026-10', NOW).events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ missing: [{ requirement: 'JOINT_MEETING', required: 1, recorded: 0 }] }) }),
    ]);
  });

  it('flags nothing for a month that met the cadence', () => {
    const { events, result } = decideCadence(october(2, 1, 1, 1), '2026-10', NOW);
    expect(events).toEqual([]);
    expect(result).toMatchObject({ shortfalls: [], ended: true, flagged: false, tally: { visits: 2, jointMeetings: 1, coordinationMeetings: 1, hearings: 1 } });
  });

  it('reports but never flags a month still in progress (in the campaign’s time zone)', () => {
    const { events, result } = decideCadence(fresh(), '2026-11', NOW);
    expect(events).toEqual([]);
    expect(result).toMatchObject({
      ended: false,
      flagged: false,
      shortfalls: [
        expect.objectContaining({ requirement: 'SUPERVISION_VISIT', recorded: 0 }),
        expect.objectContaining({ requirement: 'JOINT_MEETING' }),
        expect.objectContaining({ requirement: 'COORDINATION_MEETING' }),
        expect.objectContaining({ requirement: 'UNIT_REPORT_HEARING' }),
      ],
    });
    // 30 November 16:30 UTC is already 1 December in Shanghai: November is over there.
    expect(decideCadence(fresh(), '2026-11', '2026-11-30T16:30:00.000Z').events).toHaveLength(1);
  });

  it('does not count a coordination meeting as the joint meeting', () => {
    expect(decideCadence(october(2, 0, 3, 1), '2026-10', NOW).result.shortfalls).toEqual([{ requirement: 'JOINT_MEETING', required: 1, recorded: 0 }]);
  });

  it('counts the coordination meeting and the hearing of the units’ reports like the joint meeting (issue 20)', () => {
    expect(decideCadence(october(2, 1), '2026-10', NOW).result.shortfalls).toEqual([
      { requirement: 'COORDINATION_MEETING', required: 1, recorded: 0 },
      { requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 },
    ]);
    expect(decideCadence(october(2, 1, 1), '2026-10', NOW).result.shortfalls).toEqual([{ requirement: 'UNIT_REPORT_HEARING', required: 1, recorded: 0 }]);
    // A 动员大会 counts toward nothing; a hearing names the units that reported.
    expect(apply(october(2, 1, 1), meeting('MOBILIZATION', '2026-10-29')).months['2026-10']).toMatchObject({ coordinationMeetings: 1, hearings: 0 });
    // A 总结会 (issue 20, 五(五)) is recorded as a meeting and counts toward nothing either.
    expect(eventOf(fresh(), meeting('SUMMARY', '2026-11-03'))).toMatchObject({ type: 'CampaignMeetingRecorded', data: { kind: 'SUMMARY' } });
    expect(apply(october(2, 1, 1), meeting('SUMMARY', '2026-10-30')).months['2026-10']).toEqual(october(2, 1, 1).months['2026-10']);
    expect(refusal(fresh(), meeting('HEARING', '2026-11-03', { unitCodes: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitCodes', message: '请选择汇报的单位' });
    // A check recorded before issue 20 replays with the requirements of then (campaign.workflow.ts patches the switch).
    expect(decideCadence(october(2, 1), '2026-10', NOW, CADENCE_REQUIREMENTS_BEFORE_ISSUE_20)).toMatchObject({ events: [], result: { shortfalls: [] } });
  });
});
