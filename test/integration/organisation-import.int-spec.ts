// The organisation through GraphQL against real PostgreSQL and Temporal: the six working groups exist from the
// start; the office and the leading group read units, people and groups; only the office imports, from one
// .xlsx or two .csv files; a broken import is refused whole with nothing written; a clean one is written in
// one transaction and the same files again change nothing; a unit with tasks cannot be removed; the CLI.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChangeCounts, ImportProblem } from '../../src/platform/graphql/graphql.generated';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { IMPORT_COUNTS_FIELDS, IMPORT_PROBLEM_FIELDS, PEOPLE_HEADER, UNIT_HEADER, csvText, demoPeopleRows, demoUnitRows, personRow, xlsx, type Cell } from '../support/catalog-fixtures';
import { seedTask, startSeededStack } from '../support/fixtures';
import { gql, type TestStack } from '../support/test-env';

interface Outcome {
  status: string;
  fileNames: string[];
  counts: { units: ChangeCounts; people: ChangeCounts; groupMembers: number };
  problems: ImportProblem[];
  report: string;
  changes: { kind: string; entity: string; code: string; name: string }[];
}
interface Person {
  login: string;
  role: string;
  unit: { code: string } | null;
  workingGroup: string | null;
  phone: string | null;
}

const FIELDS = `status fileNames counts { units { ${IMPORT_COUNTS_FIELDS} } people { ${IMPORT_COUNTS_FIELDS} } groupMembers } problems { ${IMPORT_PROBLEM_FIELDS} } report changes { kind entity code name }`;
const ORGANISATION = '{ organisation { units { code name kind } people { id login displayName role unit { code } workingGroup phone } leadingGroup { login } office { login } workingGroups { code name duties members { login } } } }';

describe('organisation', () => {
  let stack: TestStack;

  async function snapshot(): Promise<string> {
    const tables = await Promise.all([
      stack.db.selectFrom('units').selectAll().orderBy('code').execute(),
      stack.db.selectFrom('users').selectAll().orderBy('id').execute(),
      stack.db.selectFrom('working_groups').selectAll().orderBy('code').execute(),
      stack.db.selectFrom('working_group_members').selectAll().orderBy('group_code').orderBy('user_id').execute(),
    ]);
    return JSON.stringify(tables);
  }

  async function upload(login: string, files: { fileName: string; content: Buffer | string }[], dryRun = false) {
    return gql<{ importOrganisation: Outcome }>(stack.url, login, `mutation($input: ImportOrganisationInput!) { importOrganisation(input: $input) { ${FIELDS} } }`, {
      input: { files: files.map((f) => ({ fileName: f.fileName, contentBase64: Buffer.from(f.content).toString('base64') })), dryRun },
    });
  }

  async function workbook(units: Cell[][], people: Cell[][]): Promise<{ fileName: string; content: Buffer }> {
    const content = await xlsx([
      { name: '单位', rows: [['外滩街道责任单位名册'], UNIT_HEADER.slice(), ...units], merges: ['A1:C1'] },
      { name: '人员', rows: [['外滩街道创文人员名单'], PEOPLE_HEADER.slice(), ...people], merges: ['A1:F1'] },
    ]);
    return { fileName: '组织机构.xlsx', content };
  }

  beforeAll(async () => (stack = await startSeededStack({ prefix: 'organisation' })));
  afterAll(async () => stack?.stop());

  it('shows the office and the leading group the units, people and the six working groups; nobody else', async () => {
    for (const login of ['office', 'leader']) {
      const res = await gql<{ organisation: { units: unknown[]; people: Person[]; leadingGroup: { login: string }[]; office: { login: string }[]; workingGroups: { code: string; name: string; duties: string; members: unknown[] }[] } }>(stack.url, login, ORGANISATION);
      expect(res.errors).toBeUndefined();
      const organisation = res.data!.organisation;
      expect(organisation.units).toHaveLength(12);
      expect(organisation.people).toHaveLength(29);
      expect(organisation.leadingGroup.map((p) => p.login)).toEqual(['leader']);
      expect(organisation.office.map((p) => p.login)).toEqual(['office']);
      expect(organisation.workingGroups.map((g) => `${g.code} ${g.name}`)).toEqual([
        'PLANNING 统筹策划组',
        'PUBLICITY 宣传组',
        'ARCHIVES 档案组',
        'LOGISTICS 保障组',
        'ACTIVITIES 活动组',
        'SUPERVISION 督查检查组',
      ]);
      expect(organisation.workingGroups.every((g) => g.duties.startsWith('负责'))).toBe(true);
    }
    expect((await stack.db.selectFrom('working_groups').select('code').execute()).length).toBe(6);
    for (const login of ['supervisor', 'archivist', 'wtsq.head', 'wtsq.member']) {
      expect((await gql(stack.url, login, ORGANISATION)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lets only the office import, one .xlsx or up to two .csv files', async () => {
    const file = await workbook(demoUnitRows(), demoPeopleRows());
    for (const login of ['leader', 'supervisor', 'wtsq.member']) {
      expect((await upload(login, [file])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await upload('office', [])).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files' } });
    expect((await upload('office', [file, file])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await upload('office', [{ fileName: '名单.docx', content: 'x' }])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a broken import whole, every problem with sheet, row and column, and writes nothing', async () => {
    const before = await snapshot();
    const units = demoUnitRows();
    units.push(['XQSQ', '新桥社区', '居委会'], ['BJSQ', '重复的滨江', '社区']);
    const people = demoPeopleRows().filter((p) => p[0] !== 'office');
    people.push(personRow({ 登录名: 'xq.head', 姓名: '新桥负责人', 角色: '单位负责人', 所属单位: '新桥小区', 手机: '12345' }));
    const res = await upload('office', [await workbook(units, people)]);
    expect(res.errors).toBeUndefined();
    const outcome = res.data!.importOrganisation;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.columnLetter, p.code])).toEqual([
      ['单位', 15, 'C', 'BAD_CHOICE'],
      ['单位', 16, 'A', 'DUPLICATE'],
      ['人员', 0, null, 'REMOVES_IMPORTER'],
      ['人员', 31, 'D', 'UNKNOWN_UNIT'],
      ['人员', 31, 'F', 'BAD_VALUE'],
    ]);
    expect(outcome.problems.find((p) => p.code === 'UNKNOWN_UNIT')?.message).toContain('新桥社区');
    expect(outcome.report).toContain('整个文件都没有导入');
    expect(await snapshot()).toEqual(before);
  });

  it('imports a changed organisation in one transaction; the same file again changes nothing', async () => {
    const units = demoUnitRows().filter((u) => u[0] !== 'DHC');
    units.push(['XQSQ', '新桥社区', '社区']);
    const people = demoPeopleRows().filter((p) => !String(p[0]).startsWith('dhc.'));
    people.push(
      personRow({ 登录名: 'xqsq.head', 姓名: '新桥社区负责人', 角色: '单位负责人', 所属单位: 'XQSQ', 手机: '13800138000' }),
      personRow({ 登录名: 'publicity', 姓名: '宣传干事', 角色: '创建办', 工作小组: '宣传组' }),
    );
    const file = await workbook(units, people);

    const dry = (await upload('office', [file], true)).data!.importOrganisation;
    expect(dry).toMatchObject({ status: 'DRY_RUN', counts: { units: { created: 1, removed: 1 } } });
    expect(await stack.db.selectFrom('units').select('code').where('code', '=', 'XQSQ').executeTakeFirst()).toBeUndefined();

    const outcome = (await upload('office', [file])).data!.importOrganisation;
    expect(outcome.status).toBe('APPLIED');
    expect(outcome.counts).toEqual({
      units: { total: 12, created: 1, changed: 0, unchanged: 11, removed: 1 },
      people: { total: 29, created: 2, changed: 3, unchanged: 24, removed: 2 },
      groupMembers: 4,
    });
    expect(outcome.changes.filter((c) => c.kind !== 'CHANGED').map((c) => `${c.kind} ${c.entity} ${c.code}`)).toEqual([
      'CREATED UNIT XQSQ',
      'REMOVED UNIT DHC',
      'CREATED PERSON xqsq.head',
      'CREATED PERSON publicity',
      'REMOVED PERSON dhc.head',
      'REMOVED PERSON dhc.member',
    ]);
    const head = await stack.db.selectFrom('users').selectAll().where('login', '=', 'xqsq.head').executeTakeFirstOrThrow();
    expect(head).toMatchObject({ id: 'user:xqsq.head', role: 'UNIT_HEAD', unit_code: 'XQSQ', phone: '13800138000' });
    expect(await stack.db.selectFrom('units').select('code').where('code', '=', 'DHC').executeTakeFirst()).toBeUndefined();

    const view = await gql<{ organisation: { workingGroups: { code: string; members: { login: string }[] }[]; people: Person[] } }>(stack.url, 'leader', ORGANISATION);
    const members = Object.fromEntries(view.data!.organisation.workingGroups.map((g) => [g.code, g.members.map((m) => m.login)]));
    expect(members).toEqual({ PLANNING: [], PUBLICITY: ['publicity'], ARCHIVES: ['archivist'], LOGISTICS: [], ACTIVITIES: [], SUPERVISION: ['supervisor', 'supervisor2'] });
    expect(view.data!.organisation.people.find((p) => p.login === 'xqsq.head')).toMatchObject({ role: 'UNIT_HEAD', unit: { code: 'XQSQ' }, phone: '13800138000', workingGroup: null });
    // The new person can act at once: identity is by login.
    expect((await gql<{ me: { role: string } }>(stack.url, 'xqsq.head', '{ me { role } }')).data?.me.role).toBe('UNIT_HEAD');

    const before = await snapshot();
    const again = (await upload('office', [file])).data!.importOrganisation;
    expect(again).toMatchObject({ status: 'UNCHANGED', changes: [], counts: { units: { unchanged: 12 }, people: { unchanged: 29 } } });
    // The same organisation as two CSV files, one per sheet, is the same too.
    const csv = [
      { fileName: '人员.csv', content: `\uFEFF${csvText([PEOPLE_HEADER.slice(), ...people])}` },
      { fileName: '单位.csv', content: csvText([UNIT_HEADER.slice(), ...units]) },
    ];
    expect((await upload('office', csv)).data!.importOrganisation.status).toBe('UNCHANGED');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to remove a unit that a task uses, naming it', async () => {
    await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A4', 'WTSQ');
    const units = demoUnitRows().filter((u) => u[0] !== 'WTSQ' && u[0] !== 'DHC');
    units.push(['XQSQ', '新桥社区', '社区']);
    const people = demoPeopleRows().filter((p) => !String(p[0]).startsWith('wtsq.') && !String(p[0]).startsWith('dhc.'));
    const before = await snapshot();
    const outcome = (await upload('office', [await workbook(units, people)])).data!.importOrganisation;
    expect(outcome.status).toBe('REJECTED');
    expect(outcome.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([['', 0, 'IN_USE']]);
    expect(outcome.problems[0].message).toContain('WTSQ 外滩社区');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the units\' group robots from the robot columns, whole; a file without them leaves them; the API never shows them', async () => {
    const robots = () => stack.db.selectFrom('unit_robots').selectAll().orderBy('unit_code').execute();
    const header = [...UNIT_HEADER, '企业微信群机器人', '钉钉群机器人', '钉钉加签密钥'];
    const key = 'wtsq-wecom-key-0001';
    const secret = 'SEC0123456789abcdef0123456789abcdef';
    const units = demoUnitRows().map((u) => (u[0] === 'WTSQ' ? [...u, `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`, 'wtsq-dingtalk-token', secret] : [...u, '', '', '']));
    const file = async (unitRows: Cell[][], unitHeader: readonly string[]) => ({
      fileName: '组织机构.xlsx',
      content: await xlsx([
        { name: '单位', rows: [unitHeader.slice(), ...unitRows] },
        { name: '人员', rows: [PEOPLE_HEADER.slice(), ...demoPeopleRows()] },
      ]),
    });
    const applied = (await upload('office', [await file(units, header)])).data!.importOrganisation;
    expect(applied.status).toBe('APPLIED');
    expect(applied.changes.map((c) => `${c.kind} ${c.code}`)).toContain('CHANGED WTSQ');
    expect(await robots()).toEqual([{ unit_code: 'WTSQ', wecom_key: key, dingtalk_token: 'wtsq-dingtalk-token', dingtalk_secret: secret }]);
    const shown = JSON.stringify((await gql(stack.url, 'office', ORGANISATION)).data);
    expect(shown).not.toContain(key);
    expect(shown).not.toContain(secret);

    // Without the columns: nothing to change, the robots stay.
    expect((await upload('office', [await file(demoUnitRows(), UNIT_HEADER)])).data!.importOrganisation.status).toBe('UNCHANGED');
    expect(await robots()).toHaveLength(1);
    // A bad robot cell refuses the whole file, writing nothing.
    const bad = units.map((u) => (u[0] === 'BJSQ' ? [...u.slice(0, 3), 'https://evil.example.com/cgi-bin/webhook/send?key=abcdefgh', '', ''] : u));
    const refused = (await upload('office', [await file(bad, header)])).data!.importOrganisation;
    expect(refused.status).toBe('REJECTED');
    expect(refused.problems.map((p) => [p.column, p.code])).toEqual([['企业微信群机器人', 'BAD_VALUE']]);
    expect(await robots()).toHaveLength(1);
    // With the columns blank: the robots are removed.
    expect((await upload('office', [await file(demoUnitRows().map((u) => [...u, '', '', '']), header)])).data!.importOrganisation.status).toBe('APPLIED');
    expect(await robots()).toEqual([]);
  });

  it('imports two .csv files from the command line, and exits 1 listing the problems of a broken pair', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'organisation-cli-'));
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        let out = '';
        const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/cli/import-organisation.js'), ...args, '--api', stack.url], { env: { ...process.env, INIT_CWD: dir } });
        child.stdout.on('data', (d) => (out += String(d)));
        child.stderr.on('data', (d) => (out += String(d)));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const units = [...demoUnitRows().filter((u) => u[0] !== 'DHC'), ['XQSQ', '新桥社区', '社区'], ['YHC', '渔湖村', '村']];
    const people = demoPeopleRows().filter((p) => !String(p[0]).startsWith('dhc.'));
    fs.writeFileSync(path.join(dir, '单位.csv'), csvText([UNIT_HEADER.slice(), ...units]));
    fs.writeFileSync(path.join(dir, '人员.csv'), csvText([PEOPLE_HEADER.slice(), ...people]));
    const ok = await run(['单位.csv', '人员.csv']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('组织机构已导入');
    expect(ok.out).toContain('新增 YHC 渔湖村');

    fs.writeFileSync(path.join(dir, '人员.csv'), csvText([PEOPLE_HEADER.slice(), ...people, personRow({ 登录名: 'x', 姓名: '某人', 角色: '志愿者' })]));
    const refused = await run(['单位.csv', '人员.csv']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('志愿者');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
