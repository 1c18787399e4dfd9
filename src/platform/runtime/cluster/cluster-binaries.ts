// The full Temporal server, its SQL schema tool and the Temporal UI server, built from their Go modules at pinned
// versions and cached per machine outside the clone (~/.cache/chuangwen-temporal/<version>/ by default, or
// TEMPORAL_CLUSTER_CACHE), so that a fresh clone or a CI run on the same machine reuses the first build.
// `npm run setup:cluster` builds what is missing; the cluster refuses to start without it and says how to build it.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isExecutable } from '../temporal-binaries';

/** go.temporal.io/server: the server and temporal-sql-tool (cmd/tools/sql) come from this one module. */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
/** github.com/temporalio/ui-server/v2: the Temporal Web UI as a Go binary with its assets embedded. */
// 2.56.4: the newest whose dependencies the Go proxy serves here (2.58.x needs go.temporal.io/api v1.64.0, refused).
export const TEMPORAL_UI_SERVER_VERSION = '2.56.4';

export interface ClusterBinaries {
  /** The folder holding everything for this version. */
  dir: string;
  server: string;
  sqlTool: string;
  uiServer: string;
  /** schema/postgresql/v12 of the server module: `temporal/` and `visibility/`, each with `versioned/`. */
  schemaDir: string;
}

export class ClusterBinariesMissingError extends Error {
  constructor(missing: string[], dir: string) {
    super(
      `Temporal 集群程序尚未构建（缺少 ${missing.join('、')}，位置 ${dir}）。请先运行：npm run setup:cluster（首次约 6–10 分钟，需要 Go 和 Go 模块代理）\n` +
        `The Temporal cluster binaries are not built yet (missing ${missing.join(', ')} in ${dir}). Run: npm run setup:cluster`,
    );
    this.name = 'ClusterBinariesMissingError';
  }
}

export function clusterCacheDir(): string {
  const fromEnv = process.env.TEMPORAL_CLUSTER_CACHE;
  const base = fromEnv && fromEnv.trim() !== '' ? path.resolve(fromEnv) : path.join(os.homedir(), '.cache', 'chuangwen-temporal');
  return path.join(base, `v${TEMPORAL_SERVER_VERSION}-ui${TEMPORAL_UI_SERVER_VERSION}`);
}

export function clusterBinaryPaths(dir = clusterCacheDir()): ClusterBinaries {
  return {
    dir,
    server: path.join(dir, 'bin', 'temporal-server'),
    sqlTool: path.join(dir, 'bin', 'temporal-sql-tool'),
    uiServer: path.join(dir, 'bin', 'temporal-ui-server'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
  };
}

function missingParts(b: ClusterBinaries): string[] {
  const missing: string[] = [];
  if (!isExecutable(b.server)) missing.push('temporal-server');
  if (!isExecutable(b.sqlTool)) missing.push('temporal-sql-tool');
  if (!isExecutable(b.uiServer)) missing.push('temporal-ui-server');
  if (!fs.existsSync(path.join(b.schemaDir, 'temporal', 'versioned')) || !fs.existsSync(path.join(b.schemaDir, 'visibility', 'versioned'))) {
    missing.push('schema/postgresql/v12');
  }
  return missing;
}

/** The cached binaries, or a ClusterBinariesMissingError naming `npm run setup:cluster`. */
export function requireClusterBinaries(): ClusterBinaries {
  const b = clusterBinaryPaths();
  const missing = missingParts(b);
  if (missing.length > 0) throw new ClusterBinariesMissingError(missing, b.dir);
  return b;
}

function goEnv(name: string): string {
  return execFileSync('go', ['env', name], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'auto' } }).trim();
}

function goInstall(packages: string[], gobin: string, log: (line: string) => void): void {
  log(`go install ${packages.join(' ')}`);
  const result = spawnSync('go', ['install', ...packages], {
    stdio: 'inherit',
    // The server module asks for a newer Go than the machine may have; `auto` fetches it from the Go proxy.
    env: { ...process.env, GOTOOLCHAIN: 'auto', GOBIN: gobin },
  });
  if (result.status !== 0) {
    throw new Error(`go install 失败（退出码 ${result.status ?? result.signal}）/ go install failed: ${packages.join(' ')}`);
  }
}

/**
 * Builds what is missing into the cache. Each part is built into a temporary folder and renamed into place, so an
 * interrupted build leaves nothing half-written; a lock folder keeps two builds (two clones, CI and a developer)
 * from racing on one machine.
 */
export function setupClusterBinaries(log: (line: string) => void = console.log): ClusterBinaries {
  const b = clusterBinaryPaths();
  if (missingParts(b).length === 0) return b;
  fs.mkdirSync(path.dirname(b.dir), { recursive: true });
  const lock = `${b.dir}.lock`;
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const holder = Number(readOr(path.join(lock, 'pid'), '0'));
      if (!holder || !processAlive(holder)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`等待另一个构建（pid ${holder}）超时 / timed out waiting for another build`);
      log(`另一个进程（pid ${holder}）正在构建 Temporal 集群程序，等待… / waiting for another build`);
      spawnSync('sleep', ['10']);
    }
  }
  try {
    // Part by part, each renamed into place when whole: an interrupted setup keeps what it finished.
    fs.mkdirSync(path.join(b.dir, 'bin'), { recursive: true, mode: 0o755 });
    fs.chmodSync(b.dir, 0o755);
    if (!isExecutable(b.server) || !isExecutable(b.sqlTool)) {
      log(`构建 Temporal 服务器 ${TEMPORAL_SERVER_VERSION} 与 temporal-sql-tool（首次约 6 分钟）/ building the Temporal server…`);
      buildInto(b, [`go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`], { server: b.server, sql: b.sqlTool }, log);
    }
    if (!isExecutable(b.uiServer)) {
      log(`构建 Temporal 网页界面 ${TEMPORAL_UI_SERVER_VERSION} / building the Temporal UI server…`);
      buildInto(b, [`github.com/temporalio/ui-server/v2/cmd/server@v${TEMPORAL_UI_SERVER_VERSION}`], { server: b.uiServer }, log);
    }
    if (missingParts(b).includes('schema/postgresql/v12')) {
      // The SQL schemas ship in the server module; keep our own copy beside the binaries (the module cache may be cleaned).
      const moduleDir = path.join(goEnv('GOMODCACHE'), 'go.temporal.io', `server@v${TEMPORAL_SERVER_VERSION}`);
      const staging = fs.mkdtempSync(path.join(b.dir, '.schema-'));
      try {
        fs.cpSync(path.join(moduleDir, 'schema', 'postgresql', 'v12'), path.join(staging, 'v12'), { recursive: true });
        for (const file of walk(staging)) fs.chmodSync(file, fs.statSync(file).isDirectory() ? 0o755 : 0o644);
        fs.mkdirSync(path.dirname(b.schemaDir), { recursive: true, mode: 0o755 });
        fs.rmSync(b.schemaDir, { recursive: true, force: true });
        fs.renameSync(path.join(staging, 'v12'), b.schemaDir);
      } finally {
        fs.rmSync(staging, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  const missing = missingParts(b);
  if (missing.length > 0) throw new ClusterBinariesMissingError(missing, b.dir);
  return b;
}

function buildInto(b: ClusterBinaries, packages: string[], targets: Record<string, string>, log: (line: string) => void): void {
  const gobin = fs.mkdtempSync(path.join(b.dir, '.build-'));
  try {
    goInstall(packages, gobin, log);
    for (const [built, target] of Object.entries(targets)) fs.renameSync(path.join(gobin, built), target);
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out.push(full);
    if (entry.isDirectory()) out.push(...walk(full));
  }
  return out;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
