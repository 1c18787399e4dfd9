// Issue 15, item 5: each graphql/<name>.graphql file is named after the src/<name>/ module whose resolvers serve
// it, so that whoever changes a field finds its resolver by the file's name and the other way round. schema.graphql
// holds only what the modules share: it declares the root types and none of their fields.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const root = projectRoot();
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Declared = { rootFields: string[]; extendedTypes: string[] };
type Served = { rootFields: Set<string>; resolverTypes: Set<string> };

/** The root fields an SDL document declares, and the non-root object types it extends. */
function declaredBy(document: DocumentNode): Declared {
  const rootFields: string[] = [];
  const extendedTypes: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const name = definition.name.value;
    if (ROOT_TYPES.has(name)) rootFields.push(...(definition.fields ?? []).map((f) => `${name}.${f.name.value}`));
    else if (definition.kind === Kind.OBJECT_TYPE_EXTENSION) extendedTypes.push(name);
  }
  return { rootFields, extendedTypes };
}

/** What the *.resolver.ts files of some src/ folders serve, read from their decorators (always named in this code). */
function servedBy(folders: readonly string[]): Served {
  const served: Served = { rootFields: new Set(), resolverTypes: new Set() };
  for (const folder of folders) {
    const dir = path.join(root, 'src', folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.resolver.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/@(Query|Mutation|Subscription)\(\s*'(\w+)'/g)) served.rootFields.add(`${m[1]}.${m[2]}`);
      for (const m of source.matchAll(/@Resolver\(\s*'(\w+)'/g)) served.resolverTypes.add(m[1]);
    }
  }
  return served;
}

/** Why an SDL file is not named after the module that serves it; empty when it is. */
function misplacements(name: string, document: DocumentNode): string[] {
  if (name === 'schema') {
    const { rootFields } = declaredBy(document);
    return rootFields.length ? [`schema.graphql 只声明根类型，不声明字段 / declares root fields: ${rootFields.join(', ')}`] : [];
  }
  const problems: string[] = [];
  if (!fs.existsSync(path.join(root, 'src', name))) problems.push(`没有 src/${name}/ 模块 / no module src/${name}/`);
  const { rootFields, extendedTypes } = declaredBy(document);
  const served = servedBy([name]);
  if (!rootFields.length) problems.push('不声明任何根字段 / declares no root field');
  const unserved = rootFields.filter((f) => !served.rootFields.has(f));
  const where = `src/${name}/`;
  if (unserved.length) problems.push(`${where} 的解析器不提供 / not served by the resolvers of ${where}: ${unserved.join(', ')}`);
  const foreign = extendedTypes.filter((t) => !served.resolverTypes.has(t));
  if (foreign.length) problems.push(`扩展的类型在 ${where} 没有解析器 / extends types no resolver of ${where} serves: ${foreign.join(', ')}`);
  return problems;
}

describe('SDL files are named after the modules that serve them', () => {
  const dir = path.join(root, 'graphql');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'));

  it('finds schema.graphql and the module files', () => {
    expect(files).toContain('schema.graphql');
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s', (file) => {
    const document = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(misplacements(path.basename(file, '.graphql'), document)).toEqual([]);
  });

  it('tells a misnamed file, a misplaced field and root fields in schema.graphql', () => {
    const lists = parse('extend type Query { tasks: Int, items: Int }');
    expect(misplacements('lists', lists)).toEqual([expect.stringMatching(/no module src\/lists/), expect.stringMatching(/Query\.tasks, Query\.items/)]);
    const boardInItems = parse('extend type Query { board: Int, items: Int }');
    expect(misplacements('rectification-item', boardInItems)).toEqual([expect.stringMatching(/: Query\.board$/)]);
    expect(misplacements('rectification-item', parse('extend type Campaign { x: Int } extend type Query { items: Int }'))).toEqual([
      expect.stringMatching(/: Campaign$/),
    ]);
    expect(misplacements('schema', parse('type Query { me: Int }'))).toEqual([expect.stringMatching(/Query\.me/)]);
    expect(misplacements('schema', parse('type Query scalar DateTime'))).toEqual([]);
  });
});
