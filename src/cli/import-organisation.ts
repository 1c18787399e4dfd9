// `npm run import:organisation -- <组织机构.xlsx | 单位.csv 人员.csv> [--dry-run] [--api URL] [--user LOGIN]`:
// imports the units and people through the running API and prints what changed. One .xlsx holds both tables
// (two sheets); as CSV they are two files, since Excel saves one sheet per CSV file. Problems: exit code 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callApi, changeLines, parseCliArgs, type ChangeLine } from '../catalog/api-client';
import { runMain } from '../platform/runtime/run-main';

const USAGE = '用法 / usage: npm run import:organisation -- <组织机构.xlsx | 单位.csv 人员.csv> [--dry-run] [--api http://127.0.0.1:3000] [--user office]';

interface Outcome {
  status: 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLIED';
  report: string;
  changes: ChangeLine[];
}

runMain(async () => {
  const options = parseCliArgs(process.argv.slice(2), USAGE);
  if (options.files.length < 1 || options.files.length > 2) throw new Error(USAGE);
  for (const file of options.files) if (!fs.existsSync(file)) throw new Error(`找不到文件 ${file}`);
  const files = options.files.map((file) => ({ fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') }));
  const { importOrganisation: outcome } = await callApi<{ importOrganisation: Outcome }>(
    options,
    'mutation($input: ImportOrganisationInput!) { importOrganisation(input: $input) { status report changes { kind entity code name } } }',
    { input: { files, dryRun: options.dryRun } },
  );
  if (outcome.status === 'REJECTED') {
    console.error(outcome.report);
    process.exitCode = 1;
    return;
  }
  console.log(outcome.report);
  for (const line of changeLines(outcome.changes)) console.log(line);
});
