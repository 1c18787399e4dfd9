// `npm run import:catalog -- <测评体系.xlsx|.csv> [--title 标题] [--dry-run] [--api URL] [--user LOGIN]`: imports
// the assessment catalog through the running API and prints the version it created and what changed. A file
// with problems is refused whole; every problem is listed with its sheet, row and column, and the exit code is 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callApi, changeLines, parseCliArgs, type ChangeLine } from '../catalog/api-client';
import { runMain } from '../platform/runtime/run-main';

const USAGE = '用法 / usage: npm run import:catalog -- <测评体系.xlsx|.csv> [--title 标题] [--dry-run] [--api http://127.0.0.1:3000] [--user office]';

interface Outcome {
  status: 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLIED';
  report: string;
  changes: ChangeLine[];
  version: number | null;
  title: string | null;
}

runMain(async () => {
  const options = parseCliArgs(process.argv.slice(2), USAGE, ['title']);
  if (options.files.length !== 1) throw new Error(USAGE);
  const [file] = options.files;
  if (!fs.existsSync(file)) throw new Error(`找不到文件 ${file}`);
  const { importCatalog: outcome } = await callApi<{ importCatalog: Outcome }>(
    options,
    'mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { status report changes { kind entity code name } version title } }',
    { input: { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), dryRun: options.dryRun, title: options.values.title ?? null } },
  );
  if (outcome.status === 'REJECTED') {
    console.error(outcome.report);
    process.exitCode = 1;
    return;
  }
  console.log(outcome.report);
  if (outcome.status === 'APPLIED') console.log(`已创建第 ${outcome.version} 版「${outcome.title}」/ version ${outcome.version} created`);
  else if (outcome.version !== null) console.log(`现行为第 ${outcome.version} 版 / current version ${outcome.version}`);
  for (const line of changeLines(outcome.changes)) console.log(line);
});
