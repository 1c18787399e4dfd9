// The public schema as the API serves it: every graphql/*.graphql file, schema.graphql first (the others
// extend its types). For tests that check clients and codes against the contract.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../../src/platform/runtime/project-paths';

export function readSdl(): string {
  const dir = path.join(projectRoot(), 'graphql');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'schema.graphql' ? -1 : b === 'schema.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(readSdl());
}
