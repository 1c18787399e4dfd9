// Generates src/graphql/graphql.generated.ts from the SDL in graphql/.
//   node scripts/codegen.cjs          write the file
//   node scripts/codegen.cjs --check  fail when the checked-in file is stale (CI and `npm test`)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { GraphQLDefinitionsFactory } = require('@nestjs/graphql');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'src/graphql/graphql.generated.ts');

async function generate(outPath) {
  await new GraphQLDefinitionsFactory().generate({
    typePaths: [path.join(root, 'graphql/**/*.graphql')],
    path: outPath,
    outputAs: 'interface',
    enumsAsTypes: true,
    emitTypenameField: false,
    skipResolverArgs: false,
    customScalarTypeMapping: { DateTime: 'string', JSON: 'unknown' },
    additionalHeader: '// Generated from graphql/*.graphql by `npm run codegen`. Do not edit.',
  });
}

async function main() {
  if (!process.argv.includes('--check')) {
    await generate(target);
    console.log(`已生成 ${path.relative(root, target)}`);
    return;
  }
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-')), 'graphql.generated.ts');
  await generate(tmp);
  const fresh = fs.readFileSync(tmp, 'utf8');
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (fresh !== current) {
    console.error('GraphQL 生成类型已过期：请运行 `npm run codegen` 并提交 src/graphql/graphql.generated.ts');
    console.error('Generated GraphQL types are stale: run `npm run codegen` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('GraphQL 生成类型与 SDL 一致 / generated types are up to date');
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
