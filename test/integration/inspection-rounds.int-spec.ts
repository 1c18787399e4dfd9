// Inspection rounds through GraphQL against the real Temporal dev server and PostgreSQL: a supervisor plans a
// round, records findings on the spot (each becomes a rectification item of the round's source, or links to the
// open one), scores a mock assessment criterion by criterion, and successive mock assessments give the
// 公共文明指数 trend. Units see no rounds.
import type { InspectionRound } from '../../src/platform/graphql/graphql.generated';
import { eventsOf, startSeededStack, CAMPAIGN } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const ROUND = `id kind kindLabel title plannedOn state stateLabel findingCount score maxScore scoreRate allowedActions
  scores { criterionCode points score } findings { id source state unit { code } } history { label }`;

/** A round as ROUND selects it; of its findings and history only what the tests read. */
type Round = Pick<InspectionRound, 'id' | 'kind' | 'state' | 'stateLabel' | 'findingCount' | 'score' | 'maxScore' | 'scoreRate' | 'allowedActions' | 'scores'> & {
  findings: { id: string; source: string; state: string; unit: { code: string } | null }[];
  history: { label: string }[];
};

describe('inspection rounds and the public civility index', () => {
  let stack: TestStack;

  beforeAll(async () => (stack = await startSeededStack({ prefix: 'rounds' })));
  afterAll(async () => stack?.stop());

  async function plan(login: string, input: Record<string, unknown>) {
    return gql<{ planInspectionRound: Round }>(stack.url, login, `mutation($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { ${ROUND} } }`, {
      input: { campaignId: CAMPAIGN, ...input },
    });
  }
  async function act(login: string, roundId: string, action: string) {
    return gql<{ actOnInspectionRound: Round }>(stack.url, login, `mutation($input: RoundActionInput!) { actOnInspectionRound(input: $input) { ${ROUND} } }`, { input: { roundId, action } });
  }
  async function finding(login: string, roundId: string, input: Record<string, unknown>) {
    return gql<{ recordFinding: { duplicate: boolean; item: { id: string; source: string; inspectionRoundId: string; state: string }; round: Round } }>(
      stack.url,
      login,
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { duplicate item { id source inspectionRoundId state } round { ${ROUND} } } }`,
      { input: { roundId, ...input } },
    );
  }
  async function scores(login: string, roundId: string, list: { criterionCode: string; score: number }[]) {
    return gql<{ recordRoundScores: Round }>(stack.url, login, `mutation($input: RecordRoundScoresInput!) { recordRoundScores(input: $input) { ${ROUND} } }`, {
      input: { roundId, scores: list },
    });
  }

  it('runs a covert inspection: planned, started, findings become covert items or link to the open one, closed', async () => {
    expect((await plan('wtsq.member', { kind: 'COVERT_INSPECTION', title: '暗访', plannedOn: '2026-12-10' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await plan('supervisor', { kind: 'COVERT_INSPECTION', title: '暗访', plannedOn: '12/10' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedOn' });
    // A day the month does not have (Date.parse would take it as 2 March; the projection's date column would not).
    expect((await plan('supervisor', { kind: 'COVERT_INSPECTION', title: '暗访', plannedOn: '2027-02-30' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedOn' });
    const planned = await plan('supervisor', { kind: 'COVERT_INSPECTION', title: '十二月第一次暗访', plannedOn: '2026-12-10', places: ['外滩农贸市场', '滨江大道'] });
    expect(planned.errors).toBeUndefined();
    const round = planned.data!.planInspectionRound;
    expect(round).toMatchObject({ kind: 'COVERT_INSPECTION', state: 'PLANNED', stateLabel: '计划中', allowedActions: ['START_ROUND'] });

    const early = await finding('supervisor', round.id, { area: 'MARKETS', location: { address: '外滩农贸市场' }, description: '占道经营' });
    expect(early.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await stack.db.selectFrom('rectification_item_cards').select('item_id').where('inspection_round_id', '=', round.id).execute()).toEqual([]);

    expect((await act('supervisor', round.id, 'START_ROUND')).data!.actOnInspectionRound.state).toBe('IN_PROGRESS');
    const first = await finding('supervisor', round.id, { area: 'MARKETS', location: { address: '外滩农贸市场 北门' }, description: '占道经营', unitCode: 'NMSC' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordFinding).toMatchObject({ duplicate: false, item: { source: 'COVERT_INSPECTION', inspectionRoundId: round.id, state: 'DISPATCHED' } });
    const again = await finding('supervisor2', round.id, { area: 'MARKETS', location: { address: '外滩农贸市场北门' }, description: '仍在占道' });
    expect(again.data!.recordFinding).toMatchObject({ duplicate: true, item: { id: first.data!.recordFinding.item.id } });
    expect(again.data!.recordFinding.round).toMatchObject({ findingCount: 2 });
    expect(again.data!.recordFinding.round.findings.map((f) => f.id)).toEqual([first.data!.recordFinding.item.id]);

    // The unit sees its item, but neither the round nor who found it.
    expect((await gql(stack.url, 'nmsc.member', `{ inspectionRound(id: "${round.id}") { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const seen = await gql<{ rectificationItem: { reportedBy: unknown } }>(stack.url, 'nmsc.member', `{ rectificationItem(id: "${first.data!.recordFinding.item.id}") { reportedBy { displayName } } }`);
    expect(seen.data!.rectificationItem.reportedBy).toBeNull();

    const closed = (await act('supervisor', round.id, 'CLOSE_ROUND')).data!.actOnInspectionRound;
    expect(closed).toMatchObject({ state: 'CLOSED', allowedActions: [] });
    expect(closed.history.map((h) => h.label)).toEqual(['计划检查', '开始检查', '记录发现的问题', '记录发现的问题', '结束检查']);
    const after = await finding('supervisor', round.id, { area: 'MARKETS', location: { address: '滨江大道' }, description: '新问题' });
    expect(after.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect((await eventsOf(stack.db, round.id)).map((e) => e.type)).toEqual(['RoundPlanned', 'RoundStarted', 'RoundFindingRecorded', 'RoundFindingRecorded', 'RoundClosed']);
  });

  it('scores mock assessments criterion by criterion; closed rounds make the 公共文明指数 trend', async () => {
    expect((await plan('supervisor', { kind: 'MOCK_ASSESSMENT', title: '模拟测评', plannedOn: '2026-12-15' })).errors?.[0]?.extensions?.field).toBe('indicatorCodes');
    const codes = ['A1', 'A3'];
    const points = await stack.db.selectFrom('criteria').select(['code', 'points']).where('indicator_code', 'in', codes).orderBy('code').execute();
    expect(points.map((p) => p.code)).toEqual(['A1-1', 'A3-1']);
    const [a1, a3] = points.map((p) => Number(p.points));

    async function mock(title: string, plannedOn: string, a1Score: number, a3Score: number) {
      const round = (await plan('supervisor', { kind: 'MOCK_ASSESSMENT', title, plannedOn, indicatorCodes: codes })).data!.planInspectionRound;
      await act('supervisor', round.id, 'START_ROUND');
      expect((await scores('supervisor', round.id, [{ criterionCode: 'B1-1', score: 1 }])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await scores('supervisor', round.id, [{ criterionCode: 'A1-1', score: a1 + 1 }])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await scores('supervisor', round.id, [{ criterionCode: 'A1-1', score: 0 }]);
      // A later score of the same criterion replaces the earlier one.
      const scored = (await scores('supervisor2', round.id, [{ criterionCode: 'A1-1', score: a1Score }, { criterionCode: 'A3-1', score: a3Score }])).data!.recordRoundScores;
      expect(scored.scores).toEqual([
        { criterionCode: 'A1-1', points: a1, score: a1Score },
        { criterionCode: 'A3-1', points: a3, score: a3Score },
      ]);
      return (await act('office', round.id, 'CLOSE_ROUND')).data!.actOnInspectionRound;
    }
    const november = await mock('十一月模拟测评', '2026-11-28', a1 / 2, a3);
    expect(november).toMatchObject({ score: a1 / 2 + a3, maxScore: a1 + a3, scoreRate: Math.round(((a1 / 2 + a3) / (a1 + a3)) * 1000) / 10 });
    await mock('十二月模拟测评', '2026-12-20', a1, a3);

    const index = await gql<{ publicCivilityIndex: { title: string; plannedOn: string; scoreRate: number; change: number | null }[] }>(
      stack.url,
      'leader',
      `{ publicCivilityIndex(campaignId: "${CAMPAIGN}") { title plannedOn scoreRate change } }`,
    );
    const firstRate = Math.round(((a1 / 2 + a3) / (a1 + a3)) * 1000) / 10;
    expect(index.data!.publicCivilityIndex).toEqual([
      { title: '十一月模拟测评', plannedOn: '2026-11-28', scoreRate: firstRate, change: null },
      { title: '十二月模拟测评', plannedOn: '2026-12-20', scoreRate: 100, change: Math.round((100 - firstRate) * 10) / 10 },
    ]);
  });

  it('answers a campaign that does not exist with one NOT_FOUND on campaignId, however the id is written', async () => {
    // Hostile ids too: quotes, markup, SQL, tabs and line breaks are named back, never run or matched.
    for (const campaignId of ['no-such-campaign', "x' OR '1'='1", '<script>alert(1)</script>', '创文\t活动\n', 'c'.repeat(500)]) {
      const expected = { message: `创文活动「${campaignId}」不存在`, extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'campaignId' }) };
      const variables = { campaignId };
      const rounds = await gql(stack.url, 'office', 'query($campaignId: String) { inspectionRounds(campaignId: $campaignId) { id } }', variables);
      expect(rounds.errors?.[0]).toMatchObject(expected);
      const index = await gql(stack.url, 'leader', 'query($campaignId: String) { publicCivilityIndex(campaignId: $campaignId) { title } }', variables);
      expect(index.errors?.[0]).toMatchObject(expected);
      expect((await plan('supervisor', { campaignId, kind: 'OPEN_INSPECTION', title: '明察', plannedOn: '2026-12-10' })).errors?.[0]).toMatchObject(expected);
    }
  });
});
