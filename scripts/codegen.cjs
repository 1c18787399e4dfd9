// Generates the TypeScript of the API contract from the SDL in graphql/:
//   src/platform/graphql/graphql.generated.ts  the server's types (inputs, object types, enums as string unions);
//   web/src/api/graphql.generated.ts  the web's operation types: the result and variables of every query, mutation,
//                                     subscription and fragment in web/src/**/documents.ts.
//   node scripts/codegen.cjs          write both files
//   node scripts/codegen.cjs --check  fail when a checked-in file is stale (CI and `npm test`)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');
const { Kind, buildSchema, parse, print } = require('graphql');
const { GraphQLDefinitionsFactory } = require('@nestjs/graphql');
const { codegen } = require('@graphql-codegen/core');
const typescriptOperations = require('@graphql-codegen/typescript-operations');

const root = path.resolve(__dirname, '..');
const serverTarget = path.join(root, 'src/platform/graphql/graphql.generated.ts');
const webTarget = path.join(root, 'web/src/api/graphql.generated.ts');
const HEADER = '// Generated from graphql/*.graphql by `npm run codegen`. Do not edit.';

async function generateServer(outPath) {
  await new GraphQLDefinitionsFactory().generate({
    typePaths: [path.join(root, 'graphql/**/*.graphql')],
    path: outPath,
    outputAs: 'interface',
    enumsAsTypes: true,
    emitTypenameField: false,
    skipResolverArgs: false,
    customScalarTypeMapping: { DateTime: 'string', JSON: 'unknown', Fen: 'number' },
    additionalHeader: HEADER,
  });
}

/** Every graphql/*.graphql file, schema.graphql first (the others extend its types), as one SDL. */
function readSdl() {
  const dir = path.join(root, 'graphql');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'schema.graphql' ? -1 : b === 'schema.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

function documentFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? documentFiles(path.join(dir, e.name)) : e.name === 'documents.ts' ? [path.join(dir, e.name)] : []));
}

/**
 * The exports of a web documents.ts, run as the browser would: the documents are built from shared fragments and
 * small helpers, so their text is only known once the module has run. Only relative imports of other web modules
 * are followed; the documents import nothing else.
 */
function loadModule(file, cache = new Map()) {
  if (cache.has(file)) return cache.get(file).exports;
  const module = { exports: {} };
  cache.set(file, module);
  const source = fs.readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, fileName: file });
  const requireWeb = (spec) => {
    if (!spec.startsWith('.')) throw new Error(`${path.relative(root, file)}: documents may import only other web modules, not ${spec}`);
    return loadModule(path.resolve(path.dirname(file), spec) + '.ts', cache);
  };
  new Function('exports', 'require', 'module', outputText)(module.exports, requireWeb, module);
  return module.exports;
}

/**
 * Every operation and fragment of the web, once each. The same fragment text travels with many operations; a name
 * that stands for two different documents is an error, since the generated types are named after it.
 */
function webDocuments() {
  const byName = new Map();
  const cache = new Map();
  for (const file of documentFiles(path.join(root, 'web/src'))) {
    for (const [constant, text] of Object.entries(loadModule(file, cache))) {
      if (typeof text !== 'string' || !/^\s*(query|mutation|subscription|fragment)\b/.test(text)) continue;
      const where = `${path.relative(root, file)} ${constant}`;
      for (const definition of parse(text).definitions) {
        if (!definition.name) throw new Error(`${where}: every operation needs a name`);
        const name = definition.name.value;
        const printed = print(definition);
        const seen = byName.get(name);
        if (seen && seen.printed !== printed) throw new Error(`${where}: "${name}" is also the name of a different document in ${seen.where}`);
        if (!seen) byName.set(name, { where, printed, definition });
      }
    }
  }
  const definitions = [...byName.values()].map((d) => d.definition);
  return { kind: Kind.DOCUMENT, definitions };
}

async function generateWeb(outPath) {
  const sdl = readSdl();
  const output = await codegen({
    filename: outPath,
    schema: parse(sdl),
    schemaAst: buildSchema(sdl),
    documents: [{ location: 'web/src/**/documents.ts', document: webDocuments() }],
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescriptOperations },
    config: {
      // Types only: enums are unions of string literals, so nothing of this file reaches the bundle.
      enumType: 'string-literal',
      skipTypename: true,
      useTypeImports: true,
      // The web reads JSON only as an event's data, which is always an object.
      scalars: { DateTime: 'string', JSON: 'Record<string, unknown>', Fen: 'number' },
      strictScalars: true,
    },
  });
  fs.writeFileSync(outPath, `${HEADER}\n${output}`);
}

const targets = [
  { target: serverTarget, generate: generateServer },
  { target: webTarget, generate: generateWeb },
];

async function main() {
  if (!process.argv.includes('--check')) {
    for (const { target, generate } of targets) {
      await generate(target);
      console.log(`已生成 ${path.relative(root, target)}`);
    }
    return;
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
  const stale = [];
  for (const { target, generate } of targets) {
    const tmp = path.join(tmpDir, path.basename(target));
    await generate(tmp);
    const fresh = fs.readFileSync(tmp, 'utf8');
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (fresh !== current) stale.push(path.relative(root, target));
  }
  if (stale.length > 0) {
    console.error(`GraphQL 生成类型已过期：请运行 \`npm run codegen\` 并提交 ${stale.join('、')}`);
    console.error('Generated GraphQL types are stale: run `npm run codegen` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('GraphQL 生成类型与 SDL 及网页的查询一致 / generated types are up to date');
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
