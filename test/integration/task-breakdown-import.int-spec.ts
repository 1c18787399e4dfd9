// Importing a 任务分解表 through GraphQL against real PostgreSQL and Temporal: a broken file is refused whole
// with every problem and writes nothing; a clean one starts a workflow per (indicator, unit); the same file
// again changes nothing; a changed file tells the running workflows without restarting them; the import's progress
// and the campaign's latest imports are read back. Also the CLI, and its --follow of an import already under way.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';
import { CAMPAIGN, seedReferenceData, waitFor } from '../support/fixtures';
import { gql, startTestStack, type TestStack } from '../support/test-env';

const FIELDS = 'id status counts { tasks created changed unchanged removed applied } problems { sheet row column columnLetter code message } report changes { kind taskId dueAt previousDueAt leadUnitCode previousLeadUnitCode } importedAt completedAt progress { total applied percent secondsLeft }';

interface Outcome {
  id: string | null;
  status: string;
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  problems: { sheet: string; row: number; column: string; columnLetter: string | null; code: string; message: string }[];
  report: string;
  changes: { kind: string; taskId: string; dueAt: string; previousDueAt: string | null }[];
  importedAt: string | null;
  completedAt: string | null;
  progress: { total: number; applied: number; percent: number; secondsLeft: number | null } | null;
}

const C1 = { 测评项目: '环境卫生', 测评指标: '主次干道及背街小巷无垃圾烟头', 牵头单位: '街道环卫所' };
const A3 = { 测评项目: '思想道德与核心价值观宣传', 测评指标: '新时代文明实践站活动台账', 牵头单位: '街道宣传统战办' };

async function breakdown(rows: ReturnType<typeof dataRow>[], merges: string[] = []): Promise<Buffer> {
  return xlsx([breakdownSheet('任务分解表', rows, { merges })]);
}

describe('task breakdown import', () => {
  let stack: TestStack;
  const counts = async () => {
    const [imports, assignments, events] = await Promise.all(
      (['task_breakdown_imports', 'task_assignments', 'events'] as const).map((t) =>
        stack.db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ),
    );
    return { imports: Number(imports.n), assignments: Number(assignments.n), events: Number(events.n) };
  };

  async function upload(login: string, file: Buffer, fileName = '任务分解表.xlsx', dryRun = false) {
    return gql<{ importTaskBreakdown: Outcome }>(
      stack.url,
      login,
      `mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { ${FIELDS} } }`,
      { input: { campaignId: CAMPAIGN, fileName, contentBase64: file.toString('base64'), dryRun } },
    );
  }

  async function applied(id: string): Promise<Outcome> {
    let outcome!: Outcome;
    await waitFor(async () => {
      const res = await gql<{ taskBreakdownImport: Outcome }>(stack.url, 'office', `query($id: String!) { taskBreakdownImport(id: $id) { ${FIELDS} } }`, { id });
      outcome = res.data!.taskBreakdownImport;
      return outcome.status === 'APPLIED';
    }, 60_000, `import ${id} applied`);
    return outcome;
  }

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'import' });
    await seedReferenceData(stack.db);
  });
  afterAll(async () => stack?.stop());

  it('refuses a broken file whole, listing every problem with sheet, row and column, and writes nothing', async () => {
    const file = await breakdown([
      dataRow({ ...C1, 序号: '1', 责任单位: '外滩社区、滨江小区', 完成时限: '2027年3月31日' }),
      dataRow({ ...C1, 序号: '2', 责任单位: '东湖村', 完成时限: '2027-02-30' }),
      dataRow({ ...A3, 序号: '3', 测评指标: '不存在的指标', 责任单位: '外滩社区', 完成时限: '2027/4/30' }),
      dataRow({ ...C1, 序号: '4', 责任单位: '外滩社区', 完成时限: '2027.3.31' }),
    ]);
    const before = await counts();
    const res = await upload('office', file);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importTaskBreakdown;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => [p.row, p.columnLetter, p.code])).toEqual([
      [3, 'F', 'UNKNOWN_UNIT'],
      [4, 'G', 'BAD_DATE'],
      [5, 'C', 'UNKNOWN_INDICATOR'],
      [6, 'F', 'DUPLICATE'],
    ]);
    expect(outcome.problems.every((p) => p.sheet === '任务分解表' && /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
    expect(outcome.report).toContain('整个文件都没有导入');
    expect(await counts()).toEqual(before);
  });

  it('lets only the office import', async () => {
    const res = await upload('wtsq.member', await breakdown([dataRow({ ...C1, 责任单位: '外滩社区' })]));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await upload('office', Buffer.from('not a spreadsheet'), 'x.xlsx');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    const type = await upload('office', Buffer.from('a'), 'x.pdf');
    expect(type.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  let firstRunId: string;
  const c1Wtsq = indicatorTaskWorkflowId(CAMPAIGN, 'C1', 'WTSQ');

  it('imports a clean file: one workflow per indicator and unit, unit lists and an Excel date serial included', async () => {
    const file = await breakdown(
      [
        dataRow({ ...C1, 序号: '1', 责任单位: '外滩社区、滨江社区\n东湖村', 完成时限: '2027年3月31日' }),
        dataRow({ ...A3, 序号: '2', 责任单位: '外滩社区；街道宣传统战办', 完成时限: 46477 }),
      ],
      [],
    );
    const dry = (await upload('office', file, '任务分解表.xlsx', true)).data!.importTaskBreakdown;
    expect(dry).toMatchObject({ status: 'DRY_RUN', id: null, counts: { tasks: 5, created: 5 }, importedAt: null, completedAt: null, progress: null });
    expect((await counts()).imports).toBe(0);

    const outcome = (await upload('office', file)).data!.importTaskBreakdown;
    expect(outcome).toMatchObject({ status: 'APPLYING', counts: { tasks: 5, created: 5, changed: 0, unchanged: 0, removed: 0 }, completedAt: null });
    expect(outcome.progress).toEqual({ total: 5, applied: 0, percent: 0, secondsLeft: null });
    const done = await applied(outcome.id!);
    expect(done.counts.applied).toBe(5);
    expect(done.progress).toEqual({ total: 5, applied: 5, percent: 100, secondsLeft: null });
    expect(done.importedAt).toBe(outcome.importedAt);
    expect(Date.parse(done.completedAt!)).toBeGreaterThanOrEqual(Date.parse(done.importedAt!));
    expect(done.changes.map((c) => c.taskId)).toContain(c1Wtsq);

    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').execute()).length === 5, 30_000, 'five cards');
    const card = await stack.db.selectFrom('indicator_task_cards').selectAll().where('task_id', '=', c1Wtsq).executeTakeFirstOrThrow();
    expect(card).toMatchObject({ lead_unit_code: 'HWS', due_at: new Date('2027-03-31T15:59:59.000Z'), stage: 'SELF_CHECK' });
    const a3 = await stack.db.selectFrom('indicator_task_cards').select(['due_at']).where('task_id', '=', indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'XCB')).executeTakeFirstOrThrow();
    expect(a3.due_at).toEqual(new Date('2027-03-31T15:59:59.000Z')); // the Excel serial 46477
    firstRunId = (await stack.temporal.workflow.getHandle(c1Wtsq).describe()).runId;

    // The lead unit sees the tasks it leads; a responsible unit its own.
    const lead = await gql<{ board: { columns: { cards: { id: string }[] }[] } }>(stack.url, 'hws.member', `{ board(campaignId: "${CAMPAIGN}") { columns { cards { id } } } }`);
    expect(lead.data!.board.columns.flatMap((c) => c.cards).length).toBe(3);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = await breakdown([
      dataRow({ ...C1, 序号: '1', 责任单位: '外滩社区、滨江社区\n东湖村', 完成时限: '2027年3月31日' }),
      dataRow({ ...A3, 序号: '2', 责任单位: '外滩社区；街道宣传统战办', 完成时限: 46477 }),
    ]);
    const before = await counts();
    const outcome = (await upload('office', file)).data!.importTaskBreakdown;
    expect(outcome).toMatchObject({ status: 'UNCHANGED', id: null, counts: { unchanged: 5, created: 0, changed: 0 } });
    expect(await counts()).toEqual(before);
  });

  it('tells running workflows what changed, without restarting them, and reports it', async () => {
    const file = await breakdown([
      dataRow({ ...C1, 序号: '1', 责任单位: '外滩社区、滨江社区、东湖村', 完成时限: '2027-04-30' }),
      dataRow({ ...A3, 序号: '2', 牵头单位: '街道党政办', 责任单位: '外滩社区', 完成时限: '2027-03-31' }),
    ]);
    const outcome = (await upload('office', file)).data!.importTaskBreakdown;
    expect(outcome).toMatchObject({ status: 'APPLYING', counts: { tasks: 4, created: 0, changed: 4, unchanged: 0, removed: 1 } });
    const change = outcome.changes.find((c) => c.taskId === c1Wtsq)!;
    expect(change).toMatchObject({ kind: 'CHANGED', previousDueAt: '2027-03-31T15:59:59.000Z', dueAt: '2027-04-30T15:59:59.000Z' });
    expect(outcome.changes.find((c) => c.kind === 'REMOVED')!.taskId).toBe(indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'XCB'));
    await applied(outcome.id!);

    await waitFor(async () => {
      const card = await stack.db.selectFrom('indicator_task_cards').select(['due_at']).where('task_id', '=', c1Wtsq).executeTakeFirstOrThrow();
      return card.due_at.toISOString() === '2027-04-30T15:59:59.000Z';
    }, 30_000, 'the new due date on the card');
    await waitFor(async () => {
      const a3 = await stack.db.selectFrom('indicator_task_cards').select(['lead_unit_code']).where('task_id', '=', indicatorTaskWorkflowId(CAMPAIGN, 'A3', 'WTSQ')).executeTakeFirstOrThrow();
      return a3.lead_unit_code === 'DZB';
    }, 30_000, 'the new lead unit on the card');
    expect((await stack.temporal.workflow.getHandle(c1Wtsq).describe()).runId).toBe(firstRunId);
    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('stream_id', '=', c1Wtsq).orderBy('stream_version').execute();
    expect(events.map((e) => e.type)).toEqual(['IndicatorTaskCreated', 'TaskBreakdownChanged']);
    expect(events[1].data).toMatchObject({ previousDueAt: '2027-03-31T15:59:59.000Z', dueAt: '2027-04-30T15:59:59.000Z', importId: outcome.id });
  });

  it('lists the campaign’s latest imports newest first, to the office and the leading group only, 1 to 50 at a time', async () => {
    const list = (login: string, first?: number) =>
      gql<{ taskBreakdownImports: Outcome[] }>(stack.url, login, `query($c: String, $f: Int) { taskBreakdownImports(campaignId: $c, first: $f) { ${FIELDS} } }`, { c: CAMPAIGN, f: first });
    const stored = await stack.db.selectFrom('task_breakdown_imports').select(['id']).orderBy('imported_at', 'desc').execute();
    const all = (await list('office')).data!.taskBreakdownImports;
    expect(all.map((i) => i.id)).toEqual(stored.map((r) => r.id));
    expect(all.every((i) => i.status === 'APPLIED' && i.progress!.percent === 100 && i.importedAt !== null)).toBe(true);
    const latest = (await list('leader', 1)).data!.taskBreakdownImports;
    expect(latest.map((i) => i.id)).toEqual([stored[0].id]);
    expect(latest[0].changes.length).toBeGreaterThan(0);
    for (const first of [0, 51]) {
      const refused = await list('office', first);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
      expect(refused.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await list('wtsq.member')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports from the command line with a summary, and exits 1 listing the problems of a broken file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        let out = '';
        const target = args.length === 1 ? [args[0], '--campaign', CAMPAIGN] : args;
        const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/cli/import-task-breakdown.js'), ...target, '--api', stack.url]);
        child.stdout.on('data', (d) => (out += String(d)));
        child.stderr.on('data', (d) => (out += String(d)));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const good = path.join(dir, '任务分解表.csv');
    fs.writeFileSync(good, ['测评项目,测评指标,牵头单位,责任单位,完成时限', '环境卫生,垃圾分类投放点整洁、清运及时,街道环卫所,"外滩社区,滨江社区",2027/5/31'].join('\n'));
    const ok = await run(good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('新建 2');
    expect(ok.out).toMatch(/生效中 \[█+\] 2\/2 100%/);
    expect(ok.out).toContain('导入完成');

    // Re-attached to an import by its id, as after the command was closed: it shows where it stands until applied.
    const [latest] = await stack.db.selectFrom('task_breakdown_imports').select(['id']).orderBy('imported_at', 'desc').limit(1).execute();
    const followed = await run('--follow', latest.id);
    expect(followed.code).toBe(0);
    expect(followed.out).toMatch(/生效中 \[█+\] 2\/2 100%/);
    expect(followed.out).toContain(`导入完成 / import applied: ${latest.id}`);
    const unknown = await run('--follow', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('不存在');

    const bad = path.join(dir, '有问题.csv');
    fs.writeFileSync(bad, ['测评项目,测评指标,牵头单位,责任单位,完成时限', '环境卫生,垃圾分类投放点整洁、清运及时,街道环卫所,火星社区,明年'].join('\n'));
    const refused = await run(bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('火星社区');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
