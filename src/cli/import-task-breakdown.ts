// `npm run import -- <file> [--campaign ID] [--dry-run] [--api URL] [--user LOGIN]`: imports a 任务分解表
// (.xlsx or .csv) through the running API, shows progress while the tasks are started, then a summary.
// A file with problems is refused whole; every problem is listed with its sheet, row and column.
// `npm run import -- --follow <import id>` watches an import already under way (the server carries on without this
// command: closing it, or losing a worker, stops nothing), until every change is applied.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMain } from '../platform/runtime/run-main';

type Status = 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLYING' | 'APPLIED';

interface Progress {
  total: number;
  applied: number;
  percent: number;
  /** The server's 「1分35秒」, null while it cannot tell. */
  timeLeft: string | null;
}

interface Outcome {
  id: string | null;
  status: Status;
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  report: string;
  changes: { kind: string; taskId: string; dueAt: string; previousDueAt: string | null; leadUnitCode: string; previousLeadUnitCode: string | null }[];
}

/** What each poll asks: the progress only, not the changes. */
interface ImportState {
  id: string;
  status: Status;
  progress: Progress;
}

const FIELDS = 'id status counts { tasks created changed unchanged removed applied } report changes { kind taskId dueAt previousDueAt leadUnitCode previousLeadUnitCode }';
const STATE = 'query($id: String!) { taskBreakdownImport(id: $id) { id status progress { total applied percent timeLeft } } }';
const USAGE = [
  '用法 / usage: npm run import -- <任务分解表.xlsx|.csv> [--campaign 活动编号] [--dry-run] [--api http://127.0.0.1:3000] [--user office]',
  '              npm run import -- --follow <导入编号> [--api http://127.0.0.1:3000] [--user office]   查看进行中的导入 / watch an import under way',
].join('\n');
const POLL_MS = 500;
const FOLLOW_TIMEOUT_MS = 30 * 60_000;

function parseArgs(argv: string[]) {
  const options = { file: '', follow: '', campaign: null as string | null, dryRun: false, api: `http://127.0.0.1:${process.env.PORT || 3000}`, user: 'office' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--campaign') options.campaign = argv[++i] ?? null;
    else if (arg === '--api') options.api = argv[++i] ?? options.api;
    else if (arg === '--user') options.user = argv[++i] ?? options.user;
    else if (arg === '--follow') options.follow = argv[++i] ?? '';
    else if (arg.startsWith('--')) throw new Error(`未知参数 / unknown option ${arg}\n${USAGE}`);
    else options.file = arg;
  }
  if (Boolean(options.file) === Boolean(options.follow)) throw new Error(`请给出一个任务分解表文件，或用 --follow 给出导入编号（二者选一） / a file or --follow <id>, not both\n${USAGE}`);
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

/** `生效中 [████░░] 1234/6000 20% 预计剩余 1分35秒`: the figures are the server's, the bar only draws them. */
function progressLine(p: Progress): string {
  const width = 30;
  const filled = Math.floor((p.percent / 100) * width);
  const eta = p.timeLeft === null ? '' : ` 预计剩余 ${p.timeLeft}`;
  return `生效中 [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.applied}/${p.total} ${p.percent}%${eta}`;
}

/** On a terminal the line is redrawn in place; into a file or pipe, a new line each time the figures move. */
function progressPrinter(): { show(p: Progress): void; end(): void } {
  let last = '';
  return {
    show(p) {
      const line = progressLine(p);
      if (process.stdout.isTTY) process.stdout.write(`\r${line}\x1b[K`);
      else if (line !== last) console.log(line);
      last = line;
    },
    end() {
      if (process.stdout.isTTY && last) process.stdout.write('\n');
    },
  };
}

/** Polls the import until every change is applied, showing its progress; the last state seen. */
async function follow(api: string, user: string, id: string): Promise<ImportState> {
  const printer = progressPrinter();
  const deadline = Date.now() + FOLLOW_TIMEOUT_MS;
  const read = async () => (await graphql<{ taskBreakdownImport: ImportState }>(api, user, STATE, { id })).taskBreakdownImport;
  let state = await read();
  printer.show(state.progress);
  while (state.status !== 'APPLIED' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    state = await read();
    printer.show(state.progress);
  }
  printer.end();
  if (state.status !== 'APPLIED') throw new Error(`导入 ${id} 仍在进行中，可稍后用 npm run import -- --follow ${id} 继续查看 / still applying`);
  return state;
}

function summary(o: Outcome): string {
  const c = o.counts;
  return `文件中共 ${c.tasks} 项任务：新建 ${c.created}，变更 ${c.changed}，未变 ${c.unchanged}，文件中已无 ${c.removed}（未撤销）`;
}

runMain(async () => {
  const options = parseArgs(process.argv.slice(2));
  if (options.follow) {
    const state = await follow(options.api, options.user, options.follow);
    console.log(`导入完成 / import applied: ${state.id}（${state.progress.total} 项变更已生效）`);
    return;
  }
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

  console.log(`导入编号 ${outcome.id}：关闭本窗口不影响导入，可用 npm run import -- --follow ${outcome.id} 重新查看进度`);
  const state = await follow(options.api, options.user, outcome.id!);
  console.log(`导入完成 / import applied: ${state.id}（${state.progress.total} 项变更已生效）`);
});
