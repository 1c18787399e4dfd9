// The pure rules of an inspection round: who runs it, what each state allows, and how criterion scores add up
// to the round's score rate (hand-computed).
import { allowedRoundActions, decideRound, mergeScores } from '../../workflows/inspection-round/inspection-round.decide';
import { evolveRound, initialRoundState } from '../../workflows/inspection-round/inspection-round.evolve';
import type { InspectionRoundState, RoundState } from '../../workflows/inspection-round/inspection-round.types';
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
    ['IN_PROGRESS', ['RECORD_FINDING', 'RECORD_SCORES', 'CLOSE_ROUND']],
    ['CLOSED', []],
  ])('in %s offers the supervision group and the office %j, and nothing to others', (state, expected) => {
    expect(allowedRoundActions(round(state), SUPERVISOR)).toEqual(expected);
    expect(allowedRoundActions(round(state), OFFICE)).toEqual(expected);
    expect(allowedRoundActions(round(state), LEADER)).toEqual([]);
    expect(allowedRoundActions(round(state), MEMBER)).toEqual([]);
  });

  it('asks for scores only in mock assessments', () => {
    expect(allowedRoundActions(round('IN_PROGRESS', 'COVERT_INSPECTION'), SUPERVISOR)).toEqual(['RECORD_FINDING', 'CLOSE_ROUND']);
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
});
