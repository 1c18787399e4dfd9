// The board's GraphQL documents (every web/src/**/documents.ts) are valid against the schema the API serves, and
// each operation document carries the fragments it spreads; a renamed field fails here, not in front of a user.
import * as path from 'node:path';
import { parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { filesUnder } from '../support/files-under';
import { loadSchema } from '../support/schema';

const documentFiles = (dir: string) => filesUnder(dir, (name) => name === 'documents.ts');

const schema = loadSchema();
const all = documentFiles(path.join(projectRoot(), 'web/src')).flatMap((file) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.entries(require(file) as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([name, text]): [string, string] => [`${path.relative(projectRoot(), file)} ${name}`, text]),
);
const operations = all.filter(([, text]) => /^\s*(query|mutation|subscription)\b/.test(text));
const fragments = all.filter(([, text]) => /^\s*fragment\b/.test(text));

describe('the board’s GraphQL documents', () => {
  it('has operations and fragments to check', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(fragments.length).toBeGreaterThanOrEqual(4);
  });

  it.each(operations)('%s is valid against the schema', (_name, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  // The generated types (web/src/api/graphql.generated.ts) are named after the operations: one name, one document.
  it('gives every operation a name of its own', () => {
    const texts = new Map<string, Set<string>>();
    for (const [, text] of operations) {
      const definition = parse(text).definitions[0] as OperationDefinitionNode;
      const name = definition.name?.value ?? '';
      texts.set(name, (texts.get(name) ?? new Set()).add(print(definition)));
    }
    expect([...texts].filter(([name, bodies]) => name === '' || bodies.size > 1).map(([name]) => name)).toEqual([]);
  });

  it.each(fragments)('fragment %s is used by some operation', (_name, text) => {
    const name = /fragment\s+(\w+)/.exec(text)![1];
    expect(operations.some(([, op]) => op.includes(`...${name}`))).toBe(true);
  });
});
