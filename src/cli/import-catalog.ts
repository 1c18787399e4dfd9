// `npm run import:catalog -- <测评体系.xlsx|.csv> [--dry-run] [--api URL] [--user LOGIN]`: imports the
// assessment catalog through the running API and prints what changed. A file with problems is refused whole;
// every problem is listed with its sheet, row and column, and the exit code is 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callApi, changeLines, parseCliArgs, type ChangeLine } from '../catalog/api-client';
import { runMain } from '../runtime/run-main';

const USAGE = '用法 / usage: npm run import:catalog -- <测评体系.xlsx|.csv> [--dry-run] [--api http://127.0.0.1:3000] [--user office]';

interface Outcome {
  status: 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLIED';
  report: string;
  changes: ChangeLine[];
}

runMain(async () => {
  const options = parseCliArgs(process.argv.slice(2), USAGE);
  if (options.files.length !== 1) throw new Error(USAGE);
  const [file] = options.files;
  if (!fs.existsSync(file)) throw new Error(`找不到文件 ${file}`);
  const { importCatalog: outcome } = await callApi<{ importCatalog: Outcome }>(
    options,
    'mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { status report changes { kind entity code name } } }',
    { input: { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), dryRun: options.dryRun } },
  );
  if (outcome.status === 'REJECTED') {
    console.error(outcome.report);
    process.exitCode = 1;
    return;
  }
  console.log(outcome.report);
  for (const line of changeLines(outcome.changes)) console.log(line);
});
