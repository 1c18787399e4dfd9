// The board (web/board.js) writes its GraphQL documents by hand. Every one of them must be valid against the
// schema in graphql/, and the board must know every action the API can offer: a renamed mutation or a new
// action would otherwise show up only as a broken button in someone's browser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { parse, validate, type GraphQLEnumType } from 'graphql';
import { loadSchema } from '../support/schema';

const root = path.resolve(__dirname, '../..');

/** Runs board.js with just enough of a browser for its top level, and reads its constants back. */
function loadBoard(): vm.Context {
  const source = fs.readFileSync(path.join(root, 'web/board.js'), 'utf8');
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

describe('the board’s GraphQL documents', () => {
  it.each(['ME_QUERY', 'BOARD_QUERY', 'TASK_QUERY', 'LIVE_SUBSCRIPTION'])('%s is valid against the schema', (name) => {
    expect(errorsOf(read<string>(name))).toEqual([]);
  });

  it('has a valid mutation for every action it offers as a form', () => {
    const actions = read<Record<string, { mutation: string; input: string }>>('ACTIONS');
    for (const [action, spec] of Object.entries(actions)) {
      expect({ action, errors: errorsOf(read<(a: unknown) => string>('mutationFor')(spec)) }).toEqual({ action, errors: [] });
    }
  });

  it('sends valid side mutations (comments, evidence, archive materials, reassignment)', () => {
    const source = fs.readFileSync(path.join(root, 'web/board.js'), 'utf8');
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

  it('knows every action of the API: as a form, as an archive-material control, or as a side action', () => {
    const all = (schema.getType('IndicatorTaskAction') as GraphQLEnumType).getValues().map((v) => v.name);
    const forms = Object.keys(read<Record<string, unknown>>('ACTIONS'));
    const materials = [...read<Set<string>>('MATERIAL_ACTIONS')];
    const side = ['ADD_COMMENT', 'ATTACH_EVIDENCE', 'REASSIGN'];
    expect([...forms, ...materials, ...side].sort()).toEqual([...all].sort());
  });
});
