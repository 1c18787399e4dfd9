// What the reference-data command-line tools share: their options and one GraphQL call to the running API.
// Paths are taken relative to where `npm run` was typed (INIT_CWD), not the project folder npm runs in.
import * as path from 'node:path';

export interface ApiOptions {
  api: string;
  user: string;
  dryRun: boolean;
  /** Other --name value pairs, e.g. { format: 'csv', out: 'x.csv' }. */
  values: Record<string, string>;
  files: string[];
}

/** --dry-run, --api URL, --user LOGIN, the given --name value options, and file arguments. */
export function parseCliArgs(argv: readonly string[], usage: string, valueOptions: readonly string[] = []): ApiOptions {
  const options: ApiOptions = { api: `http://127.0.0.1:${process.env.PORT || 3000}`, user: 'office', dryRun: false, values: {}, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} 后面缺少值 / ${arg} needs a value\n${usage}`);
      return next;
    };
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--api') options.api = value();
    else if (arg === '--user') options.user = value();
    else if (arg.startsWith('--') && valueOptions.includes(arg.slice(2))) options.values[arg.slice(2)] = value();
    else if (arg.startsWith('--')) throw new Error(`未知参数 / unknown option ${arg}\n${usage}`);
    else options.files.push(path.resolve(process.env.INIT_CWD ?? process.cwd(), arg));
  }
  return options;
}

export async function callApi<T>(options: Pick<ApiOptions, 'api' | 'user'>, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${options.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': options.user },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new Error(`连不上 ${options.api}：请先运行 npm start，或用 --api 指定地址 / cannot reach the API`);
  }
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message}（${e.extensions?.code ?? 'ERROR'}）`).join('\n'));
  return body.data as T;
}

export interface ChangeLine {
  kind: 'CREATED' | 'CHANGED' | 'REMOVED';
  entity: string;
  code: string;
  name: string;
}

const KIND_LABELS: Record<ChangeLine['kind'], string> = { CREATED: '新增', CHANGED: '变更', REMOVED: '删除' };

/** The first changes, one per line: 新增 A1 主次干道公益广告密度 */
export function changeLines(changes: readonly ChangeLine[], limit = 50): string[] {
  const lines = changes.slice(0, limit).map((c) => `  ${KIND_LABELS[c.kind]} ${c.code} ${c.name}`);
  if (changes.length > limit) lines.push(`  ……另有 ${changes.length - limit} 项变更`);
  return lines;
}
