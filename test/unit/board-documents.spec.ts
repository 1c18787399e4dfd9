// The board (web/legacy/board.js) writes its GraphQL documents by hand. Every one of them must be valid against the
// schema in graphql/, and the board must know every action the API can offer: a renamed mutation or a new
// action would otherwise show up only as a broken button in someone's browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { getVariableValues, parse, validate, type GraphQLEnumType, type GraphQLInputObjectType, type OperationDefinitionNode } from 'graphql';
import { loadSchema } from '../support/schema';

const root = path.resolve(__dirname, '../..');

/** Runs board.js with just enough of a browser for its top level, and reads its constants back. */
function loadBoard(): vm.Context {
  const source = fs.readFileSync(path.join(root, 'web/legacy/board.js'), 'utf8');
  const context = vm.createContext({ location: { search: '' }, document: { addEventListener: () => undefined }, URLSearchParams });
  vm.runInContext(source, context, { filename: 'board.js' });
  return context;
}

const schema = loadSchema();
const board = loadBoard();
const read = <T>(expression: string): T => vm.runInContext(expression, board) as T;

function errorsOf(document: string): string[] {
  return validate(schema, parse(document)).map((e) => e.message);
}

/** Whether the variables the board would send are accepted by the document's variable types. */
function variableErrorsOf(document: string, variables: Record<string, unknown>): string[] {
  const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const result = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
  return 'errors' in result && result.errors ? result.errors.map((e) => e.message) : [];
}

const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
type Built = { input?: Record<string, unknown>; error?: string; field?: string };

describe('the board’s GraphQL documents', () => {
  it.each([
    'ME_QUERY', 'BOARD_QUERY', 'TASK_QUERY', 'LIVE_SUBSCRIPTION',
    'ITEM_BOARD_QUERY', 'ITEM_QUERY', 'REPORT_ITEM_MUTATION', 'ACT_ON_ITEM_MUTATION',
  ])('%s is valid against the schema', (name) => {
    expect(errorsOf(read<string>(name))).toEqual([]);
  });

  it('asks for the linked rectification items in the task detail (so every task mutation returns them too)', () => {
    expect(read<string>('DETAIL')).toMatch(/\blinkedItems\s*\{[^}]*\bid\b[^}]*\bstateLabel\b/);
    expect(read<string>('TASK_QUERY')).toContain('fragment Detail on IndicatorTask');
  });

  it('has a valid mutation for every action it offers as a form', () => {
    const actions = read<Record<string, { mutation: string; input: string }>>('ACTIONS');
    for (const [action, spec] of Object.entries(actions)) {
      expect({ action, errors: errorsOf(read<(a: unknown) => string>('mutationFor')(spec)) }).toEqual({ action, errors: [] });
    }
  });

  it('sends valid side mutations (comments, evidence, archive materials, reassignment)', () => {
    const source = fs.readFileSync(path.join(root, 'web/legacy/board.js'), 'utf8');
    const calls = [...source.matchAll(/sideMutation\('(\w+)', '(\w+)'/g)].map((m) => ({ mutation: m[1], input: m[2] }));
    expect(calls.map((c) => c.mutation).sort()).toEqual(
      ['acceptArchiveMaterial', 'addComment', 'reassignTask', 'returnArchiveMaterial', 'submitArchiveMaterial', 'uploadEvidence'].sort(),
    );
    const detail = `${read<string>('DETAIL')}\n${read<string>('CARD')}`;
    for (const c of calls) {
      const document = `mutation Side($input: ${c.input}!) { ${c.mutation}(input: $input) { ...Detail } }\n${detail}`;
      expect({ ...c, errors: errorsOf(document) }).toEqual({ ...c, errors: [] });
    }
  });

  it('knows every action on a rectification item: as a form, or (a repeated report) through 上报问题', () => {
    const forms = Object.keys(read<Record<string, unknown>>('ITEM_ACTIONS'));
    const byReport = [...read<Set<string>>('ITEM_ACTIONS_BY_REPORT')];
    expect([...forms, ...byReport].sort()).toEqual([...enumValues('ItemAction')].sort());
  });

  it('asks only for fields ItemActionInput has', () => {
    const fields = Object.keys((schema.getType('ItemActionInput') as GraphQLInputObjectType).getFields());
    const actions = read<Record<string, { fields: string[] }>>('ITEM_ACTIONS');
    for (const [action, spec] of Object.entries(actions)) {
      const unknown = spec.fields.map((f) => f.replace(/[!?]$/, '')).filter((f) => !fields.includes(f));
      expect({ action, unknown }).toEqual({ action, unknown: [] });
    }
  });

  it('sends ItemActionInput the schema accepts for every action, and refuses a form missing what it needs', () => {
    const build = read<(item: unknown, action: string, raw: Record<string, string>, photos: unknown[]) => Built>('itemActionInput');
    const item = { id: 'rectification-item:c1:x', version: 3 };
    const raw = { unitCode: 'HWS', dueAt: '2999-12-31', note: '已清理', reason: '照片不清楚', passed: 'false', requestedDueAt: '2999-12-31' };
    const photos = [{ fileName: 'after.jpg', contentBase64: '/9j/' }];
    for (const action of Object.keys(read<Record<string, unknown>>('ITEM_ACTIONS'))) {
      const built = build(item, action, raw, photos);
      expect({ action, error: built.error }).toEqual({ action, error: undefined });
      expect(built.input).toMatchObject({ itemId: item.id, action, expectedVersion: 3 });
      expect({ action, errors: variableErrorsOf(read<string>('ACT_ON_ITEM_MUTATION'), { input: built.input }) }).toEqual({ action, errors: [] });
    }
    expect(build(item, 'DISPATCH', raw, []).input).toMatchObject({ unitCode: 'HWS', dueAt: '2999-12-31T23:59:59+08:00' });
    expect(build(item, 'DISPATCH', { unitCode: '' }, [])).toEqual({ error: '请选择责任单位', field: 'unitCode' });
    expect(build(item, 'SUBMIT_RECTIFICATION', { note: '已清理' }, [])).toEqual({ error: '请上传整改后照片', field: 'photos' });
    expect(build(item, 'RECORD_RECHECK', { passed: 'false', note: '' }, [])).toMatchObject({ field: 'note' });
    expect(build(item, 'RECORD_RECHECK', { passed: 'true', note: '' }, []).input).toMatchObject({ passed: true });
    expect(build(item, 'REQUEST_EXTENSION', { requestedDueAt: '2000-01-01', reason: '下雨' }, [])).toMatchObject({ field: 'requestedDueAt' });
  });

  it('sends ReportItemInput the schema accepts, and checks the report form first', () => {
    const build = read<(raw: Record<string, string>, photos: unknown[], campaignId: string | null) => Built>('reportItemInput');
    const raw = {
      source: 'SUPERVISION', area: 'SANITATION', address: '滨江路 18 号', latitude: '30.25', longitude: '120.16',
      description: '垃圾桶满溢', unitCode: 'HWS', dueAt: '2999-12-31', indicatorTaskId: '',
    };
    const built = build(raw, [{ fileName: 'a.jpg', contentBase64: '/9j/' }], 'c1');
    expect(built.input).toMatchObject({ location: { address: '滨江路 18 号', latitude: 30.25, longitude: 120.16 }, dueAt: '2999-12-31T23:59:59+08:00' });
    expect(variableErrorsOf(read<string>('REPORT_ITEM_MUTATION'), { input: built.input })).toEqual([]);
    const bare = build({ source: 'CITIZEN_REPORT', area: 'MARKETS', address: '农贸市场', description: '地面湿滑' }, [], null);
    expect(variableErrorsOf(read<string>('REPORT_ITEM_MUTATION'), { input: bare.input })).toEqual([]);
    expect(build({ ...raw, latitude: '' }, [], null)).toMatchObject({ field: 'latitude' });
    expect(build({ ...raw, latitude: '91' }, [], null)).toMatchObject({ field: 'latitude' });
    expect(build({ ...raw, unitCode: '' }, [], null)).toMatchObject({ field: 'unitCode' });
    expect(build({ ...raw, description: ' ' }, [], null)).toMatchObject({ field: 'description' });
  });

  it('labels every item state, source and area the schema has', () => {
    expect(read<[string, string][]>('ITEM_STATES').map(([s]) => s)).toEqual(enumValues('ItemState'));
    expect(Object.keys(read<Record<string, string>>('ITEM_SOURCES')).sort()).toEqual([...enumValues('ItemSource')].sort());
    expect(Object.keys(read<Record<string, string>>('AREAS')).sort()).toEqual([...enumValues('RectificationArea')].sort());
    expect(read<string[]>('REPORTER_ROLES').every((r) => enumValues('Role').includes(r))).toBe(true);
  });

  it('knows every action of the API: as a form, as an archive-material control, or as a side action', () => {
    const all = (schema.getType('IndicatorTaskAction') as GraphQLEnumType).getValues().map((v) => v.name);
    const forms = Object.keys(read<Record<string, unknown>>('ACTIONS'));
    const materials = [...read<Set<string>>('MATERIAL_ACTIONS')];
    const side = ['ADD_COMMENT', 'ATTACH_EVIDENCE', 'REASSIGN'];
    expect([...forms, ...materials, ...side].sort()).toEqual([...all].sort());
  });
});
