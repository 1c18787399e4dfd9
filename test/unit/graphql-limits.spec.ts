// The depth and cost limits (src/platform/errors/query-limits.ts), counted by hand on a small schema: every field costs 1,
// `__typename` 0, and what is selected inside a list field counts `listSize` times per list level.
import * as path from 'node:path';
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { DomainError } from '../../src/platform/errors/domain-error';
import { DEFAULT_QUERY_LIMITS, INTROSPECTION_MAX_DEPTH, MAX_QUERY_TOKENS, documentTooLong, listLevels, measureDocument, queryCostRule, queryDepthRule, queryLimitRules } from '../../src/platform/errors/query-limits';
import { loadSchema } from '../support/schema';
import { filesUnder } from '../support/files-under';

const schema = buildSchema(`
  type Query { me: User, users: [User!]!, matrix: [[Int]], node(id: ID!): Node, unit(code: String!): Unit }
  type Mutation { rename(name: String!): User! }
  type Subscription { changed: User! }
  interface Node { id: ID! }
  type User implements Node { id: ID!, name: String, friends: [User!]!, unit: Unit }
  type Unit { code: String, members: [User!]! }
`);

const measure = (query: string, listSize = 10) => measureDocument(schema, parse(query), listSize)[0];
const codes = (errors: readonly GraphQLError[]) => errors.map((e) => e.extensions.code);

describe('counting', () => {
  it.each<[string, string, number, number]>([
    // name, document, depth, cost (list size 10)
    ['one object and a scalar', '{ me { name } }', 2, 1 + 1],
    ['a list multiplies what is inside it', '{ users { name unit { code } } }', 3, 1 + 10 * (1 + (1 + 1))],
    ['nested lists multiply', '{ users { friends { friends { name } } } }', 4, 1 + 10 * (1 + 10 * (1 + 10 * 1))],
    ['a scalar list costs 1 (nothing is selected inside it)', '{ matrix }', 1, 1],
    ['aliases count once each', '{ a: me { name } b: me { name } }', 2, 2 + 2],
    ['__typename is free', '{ me { __typename name } }', 2, 1 + 1],
    ['a named fragment counts like the fields it holds', '{ users { ...F } } fragment F on User { name unit { code } }', 3, 1 + 10 * 3],
    ['an inline fragment is read on its type', '{ node(id: "1") { id ... on User { friends { name } } } }', 3, 1 + (1 + (1 + 10 * 1))],
    ['a mutation is counted from the Mutation type', 'mutation { rename(name: "x") { friends { name } } }', 3, 1 + (1 + 10 * 1)],
    ['a subscription is counted from the Subscription type', 'subscription { changed { unit { members { id } } } }', 4, 1 + (1 + (1 + 10 * 1))],
  ])('%s', (_name, query, depth, cost) => {
    expect(measure(query)).toEqual({ name: null, depth, cost });
  });

  it('uses the configured list size', () => {
    expect(measure('{ users { friends { name } } }', 20).cost).toBe(1 + 20 * (1 + 20 * 1));
  });

  it('counts a list of lists twice', () => {
    expect(listLevels(schema.getQueryType()!.getFields().matrix.type)).toBe(2);
    expect(listLevels(schema.getQueryType()!.getFields().users.type)).toBe(1);
    expect(listLevels(schema.getQueryType()!.getFields().me.type)).toBe(0);
  });

  it('counts a fragment spread twice as two spreads, but measures it once', () => {
    expect(measure('{ me { ...F ...F } } fragment F on User { unit { code } }')).toMatchObject({ depth: 3, cost: 1 + 2 * 2 });
  });

  it('measures each operation of a document on its own', () => {
    const document = parse('query A { me { name } } query B { users { friends { id } } }');
    expect(measureDocument(schema, document)).toEqual([
      { name: 'A', depth: 2, cost: 2 },
      { name: 'B', depth: 3, cost: 1 + 10 * (1 + 10) },
    ]);
  });

  it('leaves introspection out of the depth and does not multiply its lists', () => {
    // __schema 1 + types 1 + name 1, and me 1 + name 1
    expect(measure('{ __schema { types { name } } me { name } }')).toMatchObject({ depth: 2, cost: 3 + 2 });
  });
});

describe('queryDepthRule', () => {
  const deep = '{ users { friends { friends { name } } } }'; // 4 deep

  it('refuses an operation deeper than the limit with QUERY_TOO_DEEP and a Chinese message', () => {
    const errors = validate(schema, parse(deep), [queryDepthRule(3)]);
    expect(codes(errors)).toEqual(['QUERY_TOO_DEEP']);
    expect(errors[0].message).toBe('查询嵌套过深：超过 3 层的上限，请减少嵌套层数');
    expect(errors[0].locations).toEqual([{ line: 1, column: 1 }]);
    // The formatter answers with the DomainError the validation error carries.
    expect(errors[0].originalError).toBeInstanceOf(DomainError);
    expect((errors[0].originalError as DomainError).code).toBe('QUERY_TOO_DEEP');
  });

  it('accepts an operation exactly at the limit', () => {
    expect(validate(schema, parse(deep), [queryDepthRule(4)])).toEqual([]);
  });

  it('counts the depth through fragments', () => {
    const query = '{ users { ...A } } fragment A on User { friends { ...B } } fragment B on User { friends { name } }';
    expect(measure(query).depth).toBe(4);
    expect(codes(validate(schema, parse(query), [queryDepthRule(3)]))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('stops counting a very deep operation at the limit', () => {
    const query = `{ me ${'{ friends '.repeat(300)}{ name }${' }'.repeat(300)} }`;
    expect(codes(validate(schema, parse(query), [queryDepthRule(12)]))).toEqual(['QUERY_TOO_DEEP']);
  });
});

describe('queryCostRule', () => {
  const costly = '{ users { friends { friends { name } } } }'; // 1111

  it('refuses an operation costlier than the limit with QUERY_TOO_COMPLEX, naming the cost and the limit', () => {
    const errors = validate(schema, parse(costly), [queryCostRule({ maxCost: 1110, listSize: 10 })]);
    expect(codes(errors)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(errors[0].message).toBe('查询过于复杂：估算代价 1111，超过上限 1110，请减少字段或列表嵌套，或拆成几次查询');
    expect((errors[0].originalError as DomainError).code).toBe('QUERY_TOO_COMPLEX');
  });

  it('accepts an operation exactly at the limit', () => {
    expect(validate(schema, parse(costly), [queryCostRule({ maxCost: 1111, listSize: 10 })])).toEqual([]);
  });

  it('refuses many aliases of a cheap field', () => {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: users { name }`).join(' ')} }`; // 200 × 11
    expect(measure(query).cost).toBe(2200);
    expect(codes(validate(schema, parse(query), [queryCostRule({ maxCost: 2000, listSize: 10 })]))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('measures a fragment bomb in linear time and refuses it', () => {
    // Each fragment spreads the one before twice, inside a list: 2^40 × 10^40 fields in 40 short lines.
    const fragments = ['fragment F0 on User { name }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on User { a: friends { ...F${i - 1} } b: friends { ...F${i - 1} } }`);
    const document = parse(`{ users { ...F40 } } ${fragments.join(' ')}`);
    const started = Date.now();
    const errors = validate(schema, document, queryLimitRules(DEFAULT_QUERY_LIMITS));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(codes(errors)).toEqual(['QUERY_TOO_DEEP', 'QUERY_TOO_COMPLEX']);
    expect(errors[1].message).toContain('估算代价 极高');
  });

  it('does not loop on fragment cycles (graphql-js reports the cycle)', () => {
    const document = parse('{ users { ...A } } fragment A on User { friends { ...B } } fragment B on User { friends { ...A } }');
    const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(DEFAULT_QUERY_LIMITS)]);
    expect(errors.map((e) => e.message)).toContain('Cannot spread fragment "A" within itself via "B".');
    expect(codes(errors)).not.toContain('QUERY_TOO_DEEP');
  });
});

describe('introspection', () => {
  const realSchema = loadSchema();
  const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });

  it('accepts the standard introspection query under the default limits (it is 15 deep)', () => {
    expect(validate(realSchema, parse(full), [...specifiedRules, ...queryLimitRules(DEFAULT_QUERY_LIMITS)])).toEqual([]);
  });

  it('refuses introspection that nests a field in itself', () => {
    const errors = validate(realSchema, parse('{ __schema { types { fields { type { fields { name } } } } } }'), queryLimitRules(DEFAULT_QUERY_LIMITS));
    expect(codes(errors)).toEqual(['QUERY_TOO_DEEP']);
    expect(errors[0].message).toBe('内省查询中「fields」不能循环嵌套');
  });

  it('lets ofType nest, up to INTROSPECTION_MAX_DEPTH', () => {
    const chain = (n: number) => `{ __type(name: "Query") { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } }`;
    expect(validate(realSchema, parse(chain(INTROSPECTION_MAX_DEPTH - 2)), queryLimitRules(DEFAULT_QUERY_LIMITS))).toEqual([]);
    const errors = validate(realSchema, parse(chain(INTROSPECTION_MAX_DEPTH)), queryLimitRules(DEFAULT_QUERY_LIMITS));
    expect(errors.map((e) => e.message)).toEqual([`内省查询嵌套过深：超过 ${INTROSPECTION_MAX_DEPTH} 层的上限`]);
  });
});

describe('the default limits and the clients of this API', () => {
  const realSchema = loadSchema();
  // Every operation the board sends (web/src/**/documents.ts).
  const documentFiles = (dir: string) => filesUnder(dir, (name) => name === 'documents.ts');
  const operations = documentFiles(path.resolve(__dirname, '../../web/src')).flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.entries(require(file) as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && /^\s*(query|mutation|subscription)\b/.test(e[1]))
      .map(([name, text]): [string, string] => [`${path.basename(path.dirname(file))}/${name}`, text]),
  );

  it('has the board’s documents to measure', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
  });

  it.each(operations)('the board’s %s stays within half of each default limit', (_name, text) => {
    const [measured] = measureDocument(realSchema, parse(text));
    expect(measured.depth).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxDepth / 2);
    expect(measured.cost).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost / 2);
  });

  it('keeps every board document and the standard introspection query far below MAX_QUERY_TOKENS', () => {
    const documents = operations.map(([, text]) => text);
    documents.push(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }));
    // At most a fifth of the limit (the card drawer's detail documents are about 210 tokens of 2,000).
    for (const document of documents) expect(() => parse(document, { maxTokens: MAX_QUERY_TOKENS / 5 })).not.toThrow();
  });

  it('stops the parser at MAX_QUERY_TOKENS before nesting can overflow its stack', () => {
    const nested = (levels: number) => `{ a ${'{ a '.repeat(levels)}${'}'.repeat(levels)} }`;
    expect(() => parse(nested(3000), { maxTokens: MAX_QUERY_TOKENS })).toThrow(`Document contains more that ${MAX_QUERY_TOKENS} tokens`);
    // Within the limit the parser copes with the deepest nesting the tokens allow.
    expect(() => parse(nested(Math.floor(MAX_QUERY_TOKENS / 3) - 1), { maxTokens: MAX_QUERY_TOKENS })).not.toThrow();
  });

  it('counts tokens without parsing for graphql-ws, which parses without a limit', () => {
    expect(documentTooLong('{ me { name } }', 6)).toBeNull(); // { me { name } } is 6 tokens
    const refusal = documentTooLong('{ me { name } }', 5);
    expect(refusal?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal?.message).toBe('查询文本过长：超过 5 个词法单元（token）的上限，请精简查询或拆成几次查询');
    expect((refusal?.originalError as DomainError).code).toBe('QUERY_TOO_COMPLEX');
    expect(documentTooLong('{ me { name \u0007 } }', 5)).toBeNull(); // unreadable: the parser reports it
    expect(documentTooLong(undefined)).toBeNull();
  });

  it('accepts reading the whole catalog with every criterion and material (the costliest client query, 8,744)', () => {
    const query = '{ catalog { items { code name points indicators { code name method points area criteria { code position content method points deductionRule } materials { code name } } } indicatorCount totalPoints } }';
    const [measured] = measureDocument(realSchema, parse(query));
    expect(measured.cost).toBe(8744);
    expect(validate(realSchema, parse(query), queryLimitRules(DEFAULT_QUERY_LIMITS))).toEqual([]);
  });

  it('refuses the board with every card’s full history and linked items’ history (four nested lists)', () => {
    const query = '{ board { columns { cards { linkedItems { history { label actor { displayName } } } } } } }';
    expect(codes(validate(realSchema, parse(query), queryLimitRules(DEFAULT_QUERY_LIMITS)))).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('requests carrying U+0000', () => {
  it('are recognised anywhere in the body, keys included', async () => {
    const { containsNul } = await import('../../src/platform/errors/http-limits');
    expect(containsNul({ query: '{ me { login } }', variables: { input: { login: 'office' } } })).toBe(false);
    expect(containsNul({ query: '{ me { login } }', variables: { input: { login: '\u0000' } } })).toBe(true);
    expect(containsNul({ variables: { list: ['a', ['b', 'c\u0000']] } })).toBe(true);
    expect(containsNul({ variables: { ['k\u0000']: 1 } })).toBe(true);
    expect(containsNul({ query: 'mutation { addComment(input: { text: "\u0000" }) { id } }' })).toBe(true);
  });
});
