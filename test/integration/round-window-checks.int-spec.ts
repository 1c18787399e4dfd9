// Window-service checks in inspection rounds (issue 20, plan 五(二)8), against the real Temporal dev server and
// PostgreSQL: the office keeps the 规范化检查表 as versions, a supervisor checks a window-service unit point by point in
// any kind of round, each failure becomes a 窗口服务 rectification item dispatched to the unit (a later round's same
// failure joins the open item), the checks export to Excel per unit and per point, and wrong or hostile input leaves
// neither an item nor an event.
import * as ExcelJS from 'exceljs';
import { CAMPAIGN, eventsOf, startSeededStack } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

const ROUND = `id findingCount allowedActions history { label }
  windowChecks { unitCode unitName checklistVersion passedCount passRate
    results { code label passed note duplicate item { id source area state unit { code } description } } }`;

interface Check {
  unitCode: string;
  checklistVersion: number;
  passedCount: number;
  passRate: number;
  results: { code: string; passed: boolean; note: string; duplicate: boolean; item: { id: string; source: string; area: string; state: string; unit: { code: string }; description: string } | null }[];
}
interface Round {
  id: string;
  findingCount: number;
  allowedActions: string[];
  history: { label: string }[];
  windowChecks: Check[];
}

describe('window-service checks in inspection rounds', () => {
  let stack: TestStack;
  let roundId: string;

  beforeAll(async () => (stack = await startSeededStack({ prefix: 'window-checks' })));
  afterAll(async () => stack?.stop());

  async function planAndStart(kind: string, title: string): Promise<string> {
    const planned = await gql<{ planInspectionRound: { id: string } }>(stack.url, 'supervisor', `mutation($input: PlanInspectionRoundInput!) { planInspectionRound(input: $input) { id } }`, {
      input: { campaignId: CAMPAIGN, kind, title, plannedOn: '2026-12-09' },
    });
    const id = planned.data!.planInspectionRound.id;
    await gql(stack.url, 'supervisor', `mutation($input: RoundActionInput!) { actOnInspectionRound(input: $input) { id } }`, { input: { roundId: id, action: 'START_ROUND' } });
    return id;
  }
  async function check(login: string, input: Record<string, unknown>) {
    return gql<{ recordWindowCheck: Round }>(stack.url, login, `mutation($input: RecordWindowCheckInput!) { recordWindowCheck(input: $input) { ${ROUND} } }`, { input: { roundId, ...input } });
  }
  async function save(login: string, points: unknown[], expectedVersion?: number) {
    return gql<{ saveWindowChecklist: { version: number; points: { code: string; label: string }[] } }>(
      stack.url,
      login,
      `mutation($input: SaveWindowChecklistInput!) { saveWindowChecklist(input: $input) { version points { code label } } }`,
      { input: { campaignId: CAMPAIGN, points, expectedVersion } },
    );
  }
  const itemsOfRound = async (id: string) => stack.db.selectFrom('rectification_item_cards').select('item_id').where('inspection_round_id', '=', id).execute();

  it('lists the window-service units and starts from the default checklist', async () => {
    const res = await gql<{ windowServiceUnits: { code: string; name: string }[]; windowChecklist: { version: number; points: { code: string; label: string }[] } }>(
      stack.url,
      'supervisor',
      `{ windowServiceUnits { code name } windowChecklist(campaignId: "${CAMPAIGN}") { version points { code label } } }`,
    );
    expect(res.data!.windowServiceUnits).toEqual([{ code: 'BMFW', name: '街道便民服务中心' }]);
    expect(res.data!.windowChecklist.version).toBe(0);
    expect(res.data!.windowChecklist.points.map((p) => p.code)).toEqual(['LZSG', 'FWCN', 'BSZN', 'WMYY', 'BMSS', 'HJZJ', 'PDDH', 'TSRX']);
  });

  it('lets only the office save the checklist, as its next version, and refuses bad points', async () => {
    expect((await save('supervisor', [{ code: 'LZSG', label: '亮证上岗' }])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const points of [[], [{ code: 'a b', label: '亮证上岗' }], [{ code: 'X', label: '长'.repeat(101) }], [{ code: 'X', label: '一' }, { code: 'x', label: '二' }], Array.from({ length: 31 }, (_, i) => ({ code: `P${i}`, label: '项' }))]) {
      const res = await save('office', points);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'points' });
    }
    expect((await save('office', [{ code: 'LZSG', label: '亮证上岗' }], 3)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const saved = await save('office', [{ code: 'LZSG', label: '亮证上岗' }, { code: 'FWCN', label: '服务承诺公开' }, { code: 'HJZJ', label: '环境整洁' }], 0);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveWindowChecklist).toEqual({ version: 1, points: [{ code: 'LZSG', label: '亮证上岗' }, { code: 'FWCN', label: '服务承诺公开' }, { code: 'HJZJ', label: '环境整洁' }] });
  });

  it('refuses wrong and hostile checks before any item is reported', async () => {
    roundId = await planAndStart('OPEN_INSPECTION', '十二月明察');
    const before = await eventsOf(stack.db, roundId);
    const ok = [
      { code: 'LZSG', passed: true },
      { code: 'FWCN', passed: false, note: '承诺未上墙' },
      { code: 'HJZJ', passed: false },
    ];
    const cases: [string, Record<string, unknown>, string, string | null][] = [
      ['bmfw.member', { unitCode: 'BMFW', results: ok }, 'FORBIDDEN', null],
      ['supervisor', { unitCode: 'WTSQ', results: ok }, 'BAD_USER_INPUT', 'unitCode'],
      ['supervisor', { unitCode: 'NOPE', results: ok }, 'BAD_USER_INPUT', 'unitCode'],
      ['supervisor', { unitCode: 'B'.repeat(5000), results: ok }, 'BAD_USER_INPUT', 'unitCode'],
      ['supervisor', { unitCode: 'BMFW', results: ok.slice(0, 2) }, 'BAD_USER_INPUT', 'results'],
      ['supervisor', { unitCode: 'BMFW', results: [...ok.slice(0, 2), { code: '<script>', passed: false }] }, 'BAD_USER_INPUT', 'results'],
      ['supervisor', { unitCode: 'BMFW', results: [ok[0], { ...ok[1], note: '长'.repeat(501) }, ok[2]] }, 'BAD_USER_INPUT', 'results'],
      ['supervisor', { unitCode: 'BMFW', results: [{ ...ok[0], photos: [{ fileName: 'a.png', contentBase64: 'iVBORw0KGgo=' }] }, ok[1], ok[2]] }, 'BAD_USER_INPUT', 'results'],
      ['supervisor', { unitCode: 'BMFW', results: [...ok, ...ok] }, 'BAD_USER_INPUT', 'results'],
      // Too many photos on the last failure: refused before the first failure's item is reported.
      ['supervisor', { unitCode: 'BMFW', results: [ok[0], ok[1], { ...ok[2], photos: Array.from({ length: 21 }, () => ({ fileName: 'a.png', contentBase64: 'iVBORw0KGgo=' })) }] }, 'BAD_USER_INPUT', 'results'],
    ];
    for (const [login, input, code, field] of cases) {
      const res = await check(login, input);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await eventsOf(stack.db, roundId)).toEqual(before);
    expect(await itemsOfRound(roundId)).toEqual([]);
  });

  it('turns each failed point into a 窗口服务 item dispatched to the unit, and checks a unit once per round', async () => {
    const res = await check('supervisor', {
      unitCode: 'BMFW',
      results: [
        { code: 'LZSG', passed: true },
        { code: 'FWCN', passed: false, note: '承诺未上墙' },
        { code: 'HJZJ', passed: false, note: '=HYPERLINK("http://x")' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const round = res.data!.recordWindowCheck;
    expect(round.findingCount).toBe(2);
    const [c] = round.windowChecks;
    expect(c).toMatchObject({ unitCode: 'BMFW', checklistVersion: 1, passedCount: 1, passRate: 33.3 });
    expect(c.results.map((r) => [r.code, r.passed, r.item?.area ?? null, r.item?.source ?? null, r.item?.state ?? null, r.item?.unit.code ?? null])).toEqual([
      ['LZSG', true, null, null, null, null],
      ['FWCN', false, 'SERVICE_WINDOWS', 'OPEN_INSPECTION', 'DISPATCHED', 'BMFW'],
      ['HJZJ', false, 'SERVICE_WINDOWS', 'OPEN_INSPECTION', 'DISPATCHED', 'BMFW'],
    ]);
    expect(c.results[1].item!.description).toBe('窗口服务规范化检查不合格：服务承诺公开。承诺未上墙');
    expect(round.history.map((h) => h.label)).toEqual(['计划检查', '开始检查', '窗口服务规范化检查']);

    // The unit sees its items, not the round.
    const seen = await gql<{ rectificationItem: { id: string } }>(stack.url, 'bmfw.member', `{ rectificationItem(id: "${c.results[1].item!.id}") { id } }`);
    expect(seen.data!.rectificationItem.id).toBe(c.results[1].item!.id);
    expect((await gql(stack.url, 'bmfw.member', `{ inspectionRound(id: "${roundId}") { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const items = (await itemsOfRound(roundId)).length;
    const again = await check('supervisor2', { unitCode: 'BMFW', results: [{ code: 'LZSG', passed: true }, { code: 'FWCN', passed: true }, { code: 'HJZJ', passed: true }] });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await itemsOfRound(roundId)).length).toBe(items);
  });

  it("joins a later round's same failure to the open item, and exports the checks per unit and per point", async () => {
    const first = roundId;
    roundId = await planAndStart('MONTHLY_SUPERVISION', '十二月督查');
    const res = await check('supervisor', { unitCode: 'BMFW', results: [{ code: 'LZSG', passed: false, note: '未佩戴工作牌' }, { code: 'FWCN', passed: false }, { code: 'HJZJ', passed: true }] });
    expect(res.errors).toBeUndefined();
    const firstItems = (await itemsOfRound(first)).map((i) => i.item_id);
    const [c] = res.data!.recordWindowCheck.windowChecks;
    expect(c.results.map((r) => [r.code, r.duplicate])).toEqual([
      ['LZSG', false],
      ['FWCN', true],
      ['HJZJ', false],
    ]);
    expect(firstItems).toContain(c.results[1].item!.id);

    const exported = await gql<{ exportWindowChecks: { fileName: string; contentBase64: string } }>(stack.url, 'leader', `{ exportWindowChecks(campaignId: "${CAMPAIGN}") { fileName contentBase64 } }`);
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.exportWindowChecks.fileName).toMatch(/^窗口服务规范化检查-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.data!.exportWindowChecks.contentBase64, 'base64') as unknown as ArrayBuffer);
    const rows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('按单位')).toEqual([
      ['单位编码', '单位', '检查次数', '检查项次', '合格项次', '合格率'],
      ['BMFW', '街道便民服务中心', 2, 6, 2, '33.3%'],
    ]);
    expect(rows('按检查项目')).toEqual([
      ['项目编码', '检查项目', '检查项次', '合格项次', '合格率'],
      ['LZSG', '亮证上岗', 2, 1, '50%'],
      ['FWCN', '服务承诺公开', 2, 0, '0%'],
      ['HJZJ', '环境整洁', 2, 1, '50%'],
    ]);
    const detail = rows('逐项明细');
    expect(detail).toHaveLength(7);
    // A note that looks like a formula stays text.
    expect(detail.find((r) => r[5] === '环境整洁' && r[6] === '不合格')?.[7]).toBe('=HYPERLINK("http://x")');
  });
});
