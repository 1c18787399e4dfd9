// The pure rules of an inspection round: who runs it, what each state allows, and how criterion scores add up
// to the round's score rate (hand-computed).
import { allowedRoundActions, decideRound, mergeScores } from '../../workflows/inspection-round/inspection-round.decide';
import { evolveRound, initialRoundState } from '../../workflows/inspection-round/inspection-round.evolve';
import type { InspectionRoundState, RoundScore, RoundState } from '../../workflows/inspection-round/inspection-round.types';
import type { Actor } from '../../workflows/shared/actor.types';

const SUPERVISOR: Actor = { userId: 'u:sup', displayName: '李督查', role: 'SUPERVISOR', unitCode: null };
const OFFICE: Actor = { userId: 'u:office', displayName: '张霞', role: 'OFFICE', unitCode: null };
const LEADER: Actor = { userId: 'u:leader', displayName: '王组长', role: 'LEADER', unitCode: null };
const MEMBER: Actor = { userId: 'u:wtsq', displayName: '外滩社区工作人员', role: 'UNIT_MEMBER', unitCode: 'WTSQ' };

function round(state: RoundState, kind: InspectionRoundState['kind'] = 'MOCK_ASSESSMENT'): InspectionRoundState {
  return { ...initialRoundState({ roundId: 'inspection-round:c:1', campaignId: 'c' }), kind, state, indicatorCodes: ['A1'], version: 2 };
}

describe('inspection round rules', () => {
  it.each<[RoundState, string[]]>([
    ['PLANNED', ['START_ROUND']],
    ['IN_PROGRESS', ['RECORD_FINDING', 'RECORD_SCORES', 'RECORD_WINDOW_CHECK', 'CLOSE_ROUND']],
    ['CLOSED', []],
  ])('in %s offers the supervision group and the office %j, and nothing to others', (state, expected) => {
    expect(allowedRoundActions(round(state), SUPERVISOR)).toEqual(expected);
    expect(allowedRoundActions(round(state), OFFICE)).toEqual(expected);
    expect(allowedRoundActions(round(state), LEADER)).toEqual([]);
    expect(allowedRoundActions(round(state), MEMBER)).toEqual([]);
  });

  it('asks for scores only in mock assessments', () => {
    expect(allowedRoundActions(round('IN_PROGRESS', 'COVERT_INSPECTION'), SUPERVISOR)).toEqual(['RECORD_FINDING', 'RECORD_WINDOW_CHECK', 'CLOSE_ROUND']);
    const refused = decideRound(round('IN_PROGRESS', 'OPEN_INSPECTION'), { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }] } });
    expect(refused.ok ? null : refused.rejection.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a score above the points, and a criterion scored twice in one go', () => {
    for (const scores of [[{ criterionCode: 'A1-1', points: 3, score: 3.5 }], [{ criterionCode: 'A1-1', points: 3, score: 1 }, { criterionCode: 'A1-1', points: 3, score: 2 }]]) {
      const d = decideRound(round('IN_PROGRESS'), { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores } });
      expect(d.ok ? null : d.rejection).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores' });
    }
  });

  it('adds the latest score of each criterion: 2 of 3 and 4 of 5 make 6 of 8, 75%', () => {
    const first = mergeScores([], [{ criterionCode: 'A1-1', points: 3, score: 0 }, { criterionCode: 'A10-1', points: 5, score: 4 }]);
    const merged = mergeScores(first.scores, [{ criterionCode: 'A1-1', points: 3, score: 2 }]);
    expect(merged).toEqual({
      scores: [
        { criterionCode: 'A1-1', points: 3, score: 2 },
        { criterionCode: 'A10-1', points: 5, score: 4 },
      ],
      score: 6,
      maxScore: 8,
      scoreRate: 75,
    });
    expect(mergeScores([], [{ criterionCode: 'A1-1', points: 3, score: 1 }]).scoreRate).toBe(33.3);
  });

  it('records findings and closes with the totals', () => {
    let s = round('IN_PROGRESS');
    const meta = { actorId: SUPERVISOR.userId, at: '2026-12-10T02:00:00.000Z' };
    const found = decideRound(s, { actor: SUPERVISOR, command: { action: 'RECORD_FINDING', itemId: 'rectification-item:c:9', duplicate: false } });
    if (!found.ok) throw new Error(found.rejection.message);
    s = evolveRound(s, found.events[0], meta);
    expect(s.findings).toEqual([{ itemId: 'rectification-item:c:9', duplicate: false, at: meta.at, by: SUPERVISOR.userId }]);
    const closed = decideRound(s, { actor: OFFICE, command: { action: 'CLOSE_ROUND' } });
    expect(closed.ok && closed.events[0]).toEqual({ type: 'RoundClosed', data: { note: '', findings: 1, score: 0, maxScore: 0, scoreRate: null } });
  });

  describe('scores that cover indicator tasks (issue 20)', () => {
    const followUp = { area: 'MARKETS', address: '外滩社区（A1 农贸市场）', criteria: { 'A1-1': '环境整洁', 'A1-2': '秩序规范' } };
    const target = { taskId: 'indicator-task:c:A1:WTSQ', unitCode: 'WTSQ', unitName: '外滩社区', indicatorCode: 'A1', criteria: [{ code: 'A1-1', points: 3 }, { code: 'A1-2', points: 2 }], followUp };
    const meta = { actorId: SUPERVISOR.userId, at: '2026-12-07T08:00:00.000Z' };
    function scored(state: InspectionRoundState, scores: { criterionCode: string; points: number; score: number }[]) {
      const d = decideRound(state, { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores: scores.map((s) => ({ ...s, unitCode: 'WTSQ' })), targets: [target] } });
      if (!d.ok) throw new Error(d.rejection.message);
      return d.events.reduce((s, e) => evolveRound(s, e, meta), state);
    }

    it('waits for every criterion of the unit, then sends the task its mock assessment with who scored', () => {
      const partial = scored(round('IN_PROGRESS'), [{ criterionCode: 'A1-1', points: 3, score: 3 }]);
      expect(partial.taskAssessments).toMatchObject([{ taskId: target.taskId, outcome: 'INCOMPLETE', reason: '还有测评内容没有评分：A1-2', score: 3, maxScore: 3 }]);
      const complete = scored(partial, [{ criterionCode: 'A1-2', points: 2, score: 1 }]);
      expect(complete.taskAssessments).toMatchObject([
        { outcome: 'APPLYING', score: 4, maxScore: 5, scoreRate: 80, pending: { by: SUPERVISOR, followUp, scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }, { criterionCode: 'A1-2', points: 2, score: 1 }] } },
      ]);
      expect(complete.scores).toEqual([
        { criterionCode: 'A1-1', points: 3, score: 3, unitCode: 'WTSQ' },
        { criterionCode: 'A1-2', points: 2, score: 1, unitCode: 'WTSQ' },
      ]);
    });

    it("keeps a unit's scores once a task took them, and records what the task answered", () => {
      const applying = scored(round('IN_PROGRESS'), [{ criterionCode: 'A1-1', points: 3, score: 3 }, { criterionCode: 'A1-2', points: 2, score: 2 }]);
      const again = decideRound(applying, { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores: [{ criterionCode: 'A1-1', points: 3, score: 1, unitCode: 'WTSQ' }] } });
      expect(again.ok ? null : again.rejection).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '「外滩社区」指标A1的得分已计入任务的模拟测评，不能再修改' });
      // Another unit's score of the same criterion is its own.
      expect(decideRound(applying, { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores: [{ criterionCode: 'A1-1', points: 3, score: 1, unitCode: 'NMSC' }] } }).ok).toBe(true);
      const done = evolveRound(applying, { type: 'RoundTaskAssessed', data: { taskId: target.taskId, outcome: 'APPLIED', reason: null, score: 5, maxScore: 5, scoreRate: 100, passed: true, taskVersion: 7 } }, meta);
      expect(done.taskAssessments).toMatchObject([{ outcome: 'APPLIED', passed: true, pending: null }]);
    });

    it('reports scores still incomplete at closing as not applied', () => {
      const partial = scored(round('IN_PROGRESS'), [{ criterionCode: 'A1-2', points: 2, score: 2 }]);
      const closed = evolveRound(partial, { type: 'RoundClosed', data: { note: '', findings: 0, score: 2, maxScore: 2, scoreRate: 100 } }, meta);
      expect(closed.taskAssessments).toMatchObject([{ outcome: 'NOT_APPLICABLE', reason: '轮次已结束，还有测评内容没有评分：A1-1，未计入任务的模拟测评' }]);
    });

    it('refuses a bad unit code, NaN and negative scores, and too many scores', () => {
      const bad: RoundScore[][] = [
        [{ criterionCode: 'A1-1', points: 3, score: 1, unitCode: 'x'.repeat(65) }],
        [{ criterionCode: 'A1-1', points: 3, score: Number.NaN }],
        [{ criterionCode: 'A1-1', points: 3, score: -1 }],
        Array.from({ length: 501 }, (_, i) => ({ criterionCode: `A1-${i}`, points: 3, score: 1 })),
      ];
      for (const scores of bad) {
        const d = decideRound(round('IN_PROGRESS'), { actor: SUPERVISOR, command: { action: 'RECORD_SCORES', scores } });
        expect(d.ok ? null : d.rejection.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('window-service checks (issue 20)', () => {
    const meta = { actorId: SUPERVISOR.userId, at: '2026-12-07T08:00:00.000Z' };
    const results = [
      { code: 'LZSG', label: '亮证上岗', passed: true, note: '', itemId: null, duplicate: false },
      { code: 'HJZJ', label: '环境整洁有序', passed: false, note: ' 地面有积水 ', itemId: 'rectification-item:c:w1', duplicate: false },
    ];
    const command = { action: 'RECORD_WINDOW_CHECK' as const, unitCode: 'BMFW', unitName: '街道便民服务中心', checklistVersion: 0, results };

    it('records the check in any kind of round, its failures as findings, and one check per unit', () => {
      const d = decideRound(round('IN_PROGRESS', 'COVERT_INSPECTION'), { actor: SUPERVISOR, command });
      if (!d.ok) throw new Error(d.rejection.message);
      expect(d.events[0]).toEqual({ type: 'RoundWindowCheckRecorded', data: { unitCode: 'BMFW', unitName: '街道便民服务中心', checklistVersion: 0, results: [results[0], { ...results[1], note: '地面有积水' }] } });
      const s = evolveRound(round('IN_PROGRESS', 'COVERT_INSPECTION'), d.events[0], meta);
      expect(s.findings).toEqual([{ itemId: 'rectification-item:c:w1', duplicate: false, at: meta.at, by: SUPERVISOR.userId }]);
      expect(s.windowChecks).toHaveLength(1);
      const again = decideRound(s, { actor: SUPERVISOR, command });
      expect(again.ok ? null : again.rejection).toMatchObject({ code: 'CONFLICT', message: '本轮已对「街道便民服务中心」做过窗口服务检查' });
    });

    it('refuses a unit user, a failure without its item, a pass with one, an oversized note and a point twice', () => {
      expect(decideRound(round('IN_PROGRESS'), { actor: MEMBER, command }).ok).toBe(false);
      const bad = [
        [{ ...results[1], itemId: null }],
        [{ ...results[0], itemId: 'rectification-item:c:x' }],
        [{ ...results[0], note: '长'.repeat(501) }],
        [results[0], results[0]],
        [],
      ];
      for (const r of bad) {
        const d = decideRound(round('IN_PROGRESS'), { actor: SUPERVISOR, command: { ...command, results: r } });
        expect(d.ok ? null : d.rejection.code).toBe('BAD_USER_INPUT');
      }
    });
  });
});
