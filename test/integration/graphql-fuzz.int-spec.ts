// Random GraphQL against the running API: every root query and mutation of the schema, called by random people
// (each role, a stranger, nobody, a forged token) with random arguments built from the schema's own types — valid
// shapes with hostile contents, missing and unknown fields, wrong types, huge and odd strings — and a few broken
// requests (FUZZ_RUNS=N for a longer run than CI's 500). Whatever comes in, the answer must be a coded refusal or
// data: never an internal error, never a 5xx, and the service must still be up afterwards. fast-check chooses the seeds and reports the one that failed.
import * as fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { ERROR_CODES } from '../../src/platform/errors/domain-error';
import { seedReferenceData, seedTask } from '../support/fixtures';
import { loadSchema } from '../support/schema';
import { startTestStack, type TestStack } from '../support/test-env';

/** A small deterministic generator, so that a failing seed replays the same request. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const STRINGS = [
  '',
  ' ',
  '外滩社区',
  'WTSQ',
  'A4',
  'indicator-task:demo-2027:A4:WTSQ',
  "'; drop table events; --",
  '=CMD("calc")',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000\u0001',
  '🙂'.repeat(50),
  'x'.repeat(5000),
  '2027-02-30',
  '2026-13-01T00:00:00Z',
  'NaN',
  '-1',
  '{"a":1}',
  'null',
];

function randomString(r: Random): string {
  return r.chance(0.7) ? r.pick(STRINGS) : Array.from({ length: r.int(40) }, () => String.fromCharCode(32 + r.int(0x5000))).join('');
}

/** A value for an input type: mostly of the right shape, sometimes not. */
function valueFor(type: GraphQLInputType, r: Random, depth = 0): unknown {
  if (r.chance(0.03)) return r.pick([null, 12, 'wrong', true, [], {}]);
  if (isNonNullType(type)) return valueFor(type.ofType, r, depth);
  if (isListType(type)) return Array.from({ length: r.int(depth > 2 ? 2 : 4) }, () => valueFor(type.ofType, r, depth + 1));
  if (isEnumType(type)) return r.chance(0.9) ? r.pick(type.getValues()).name : 'NO_SUCH_VALUE';
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) ? r.chance(0.95) : r.chance(0.5)) out[field.name] = valueFor(field.type, r, depth + 1);
    }
    if (r.chance(0.05)) out.unknownField = 'x';
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return r.pick([0, 1, -1, 7, 2147483647, -2147483648, r.int(1000)]);
      case 'Float':
        return r.pick([0, 0.5, -3.25, 1e300, 100, r.next() * 10]);
      case 'Boolean':
        return r.chance(0.5);
      case 'Fen':
        return r.pick([0, 1, 100, -1, 1.5, 2 ** 53, 1e12 + 1, '100']);
      case 'DateTime':
        return r.pick(['2026-12-01T00:00:00.000Z', '2099-01-01T00:00:00Z', '1970-01-01T00:00:00Z', 'yesterday', '']);
      default:
        return randomString(r);
    }
  }
  return null;
}

/** The scalar fields of a result type, one level down into objects, for the selection set. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type))).map((f) => f.name);
  const nested = depth < 1 ? fields.filter((f) => isObjectType(getNamedType(f.type))).slice(0, 2).map((f) => `${f.name} ${selection(f.type, depth + 1)}`) : [];
  const parts = [...leaves.slice(0, 6), ...nested].filter((p) => !p.endsWith(' '));
  return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
}

function request(field: GraphQLField<unknown, unknown>, operation: 'query' | 'mutation', r: Random) {
  const declared = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.5));
  const vars = declared.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = declared.map((a) => `${a.name}: $${a.name}`).join(', ');
  const variables = Object.fromEntries(declared.map((a) => [a.name, valueFor(a.type, r)]));
  const query = `${operation}${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field.type)} }`;
  return { query, variables };
}

const CALLERS = ['leader', 'office', 'supervisor', 'archivist', 'wtsq.head', 'wtsq.member', 'bjsq.member', 'nobody-at-all', null, 'forged'] as const;
const ALLOWED_CODES = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR' && c !== 'UNAVAILABLE'));

describe('random GraphQL against the running API', () => {
  let stack: TestStack;
  const schema = loadSchema();
  const roots = (['Query', 'Mutation'] as const).flatMap((type) =>
    Object.values((schema.getType(type) as GraphQLObjectType).getFields()).map((field) => ({ field, operation: type === 'Query' ? ('query' as const) : ('mutation' as const) })),
  );

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'fuzz' });
    await seedReferenceData(stack.db);
    await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue);
  });
  afterAll(async () => stack?.stop());

  async function send(body: string, caller: (typeof CALLERS)[number], contentType = 'application/json') {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (caller === 'forged') headers.authorization = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyOm9mZmljZSJ9.forged';
    else if (caller) headers['x-demo-user'] = caller;
    const res = await fetch(`${stack.url}/graphql`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text };
  }

  function coded(status: number, text: string): string | null {
    if (status >= 500) return `HTTP ${status}: ${text.slice(0, 300)}`;
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return `not JSON (HTTP ${status}): ${text.slice(0, 200)}`;
    }
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code ?? '(none)';
      if (!ALLOWED_CODES.has(code)) return `code ${code}: ${error.message.slice(0, 300)}`;
      if (!/[\u4e00-\u9fff]/.test(error.message)) return `no Chinese in the message: ${error.message.slice(0, 200)}`;
    }
    if (!body.errors && body.data === undefined) return `neither data nor errors: ${text.slice(0, 200)}`;
    return null;
  }

  it('knows the schema’s root fields', () => {
    expect(roots.length).toBeGreaterThan(60);
  });

  it('answers every random call with data or a coded refusal in Chinese, never an internal error', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
          const r = random(seed);
          const { field, operation } = r.pick(roots);
          const { query, variables } = request(field, operation, r);
          const caller = r.pick(CALLERS);
          const { status, text } = await send(JSON.stringify({ query, variables }), caller);
          const problem = coded(status, text);
          if (problem) throw new Error(`${field.name} as ${caller}: ${problem}\n${query}\n${JSON.stringify(variables).slice(0, 500)}`);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
      );
      // Nothing reached the server's "unexpected error" log either.
      expect(error.mock.calls.filter((c) => String(c[0]).includes('[api] unexpected error'))).toEqual([]);
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });

  it('refuses broken requests with a code, and is still up afterwards', async () => {
    const broken = ['{', '[]', '"query"', JSON.stringify({ query: 123 }), JSON.stringify({ query: '{ me { login }', variables: 'x' }), JSON.stringify({ query: '{ __typename }', operationName: 7 }), 'a'.repeat(10_000)];
    for (const body of broken) {
      const { status, text } = await send(body, 'office');
      expect([body.slice(0, 30), status < 500]).toEqual([body.slice(0, 30), true]);
      expect(() => JSON.parse(text)).not.toThrow();
    }
    const form = await send('query=%7B__typename%7D', 'office', 'application/x-www-form-urlencoded');
    expect(form.status).toBeLessThan(500);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    const me = await send(JSON.stringify({ query: '{ me { login } }' }), 'office');
    expect(JSON.parse(me.text)).toEqual({ data: { me: { login: 'office' } } });
  });
});
