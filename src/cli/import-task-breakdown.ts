// `npm run import -- <file> [--campaign ID] [--dry-run] [--api URL] [--user LOGIN]`: imports a 任务分解表
// (.xlsx or .csv) through the running API, shows progress while the tasks are started, then a summary.
// A file with problems is refused whole; every problem is listed with its sheet, row and column.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMain } from '../platform/runtime/run-main';

interface Outcome {
  id: string | null;
  status: 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLYING' | 'APPLIED';
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  report: string;
  changes: { kind: string; taskId: string; dueAt: string; previousDueAt: string | null; leadUnitCode: string; previousLeadUnitCode: string | null }[];
}

const FIELDS = 'id status counts { tasks created changed unchanged removed applied } report changes { kind taskId dueAt previousDueAt leadUnitCode previousLeadUnitCode }';
const USAGE = '用法 / usage: npm run import -- <任务分解表.xlsx|.csv> [--campaign 活动编号] [--dry-run] [--api http://127.0.0.1:3000] [--user office]';

function parseArgs(argv: string[]) {
  const options = { file: '', campaign: null as string | null, dryRun: false, api: `http://127.0.0.1:${process.env.PORT || 3000}`, user: 'office' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--campaign') options.campaign = argv[++i] ?? null;
    else if (arg === '--api') options.api = argv[++i] ?? options.api;
    else if (arg === '--user') options.user = argv[++i] ?? options.user;
    else if (arg.startsWith('--')) throw new Error(`未知参数 / unknown option ${arg}\n${USAGE}`);
    else options.file = arg;
  }
  if (!options.file) throw new Error(USAGE);
  return options;
}

async function graphql<T>(api: string, user: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': user },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new Error(`连不上 ${api}：请先运行 npm start，或用 --api 指定地址 / cannot reach the API`);
  }
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message}（${e.extensions?.code ?? 'ERROR'}）`).join('\n'));
  return body.data as T;
}

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
}

function summary(o: Outcome): string {
  const c = o.counts;
  return `文件中共 ${c.tasks} 项任务：新建 ${c.created}，变更 ${c.changed}，未变 ${c.unchanged}，文件中已无 ${c.removed}（未撤销）`;
}

runMain(async () => {
  const options = parseArgs(process.argv.slice(2));
  // npm runs scripts from the project folder; a relative path means the folder the command was typed in.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.file);
  if (!fs.existsSync(file)) throw new Error(`找不到文件 ${file}`);
  const content = fs.readFileSync(file);
  const { importTaskBreakdown: outcome } = await graphql<{ importTaskBreakdown: Outcome }>(
    options.api,
    options.user,
    `mutation($input: ImportTaskBreakdownInput!) { importTaskBreakdown(input: $input) { ${FIELDS} } }`,
    { input: { campaignId: options.campaign, fileName: path.basename(options.file), contentBase64: content.toString('base64'), dryRun: options.dryRun } },
  );
  if (outcome.status === 'REJECTED') {
    console.error(outcome.report);
    process.exitCode = 1;
    return;
  }
  console.log(summary(outcome));
  for (const change of outcome.changes.filter((c) => c.kind === 'CHANGED').slice(0, 50)) {
    const due = change.previousDueAt && change.previousDueAt !== change.dueAt ? ` 时限 ${change.previousDueAt.slice(0, 10)} → ${change.dueAt.slice(0, 10)}` : '';
    const lead = change.previousLeadUnitCode && change.previousLeadUnitCode !== change.leadUnitCode ? ` 牵头 ${change.previousLeadUnitCode} → ${change.leadUnitCode}` : '';
    console.log(`  变更 ${change.taskId}${due}${lead}`);
  }
  if (outcome.status === 'DRY_RUN') return console.log('仅预览，未写入 / dry run: nothing written');
  if (outcome.status === 'UNCHANGED') return console.log('与上次导入相同，没有变化 / unchanged: nothing written');

  const total = outcome.counts.created + outcome.counts.changed;
  let current = outcome;
  const deadline = Date.now() + 30 * 60_000;
  while (current.status !== 'APPLIED' && Date.now() < deadline) {
    if (process.stdout.isTTY) process.stdout.write(`\r生效中 ${bar(current.counts.applied, total)}`);
    await new Promise((r) => setTimeout(r, 500));
    ({ taskBreakdownImport: current } = await graphql<{ taskBreakdownImport: Outcome }>(
      options.api,
      options.user,
      `query($id: String!) { taskBreakdownImport(id: $id) { ${FIELDS} } }`,
      { id: outcome.id },
    ));
  }
  if (process.stdout.isTTY) process.stdout.write(`\r生效中 ${bar(current.counts.applied, total)}\n`);
  if (current.status !== 'APPLIED') throw new Error(`导入 ${outcome.id} 仍在进行中，请稍后用 taskBreakdownImport 查询`);
  console.log(`导入完成 / import applied: ${outcome.id}（${total} 项变更已生效）`);
});
