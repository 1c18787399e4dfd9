// `npm run setup:temporal`: makes sure the Temporal CLI and the time-skipping test server are available.
import { resolveTemporalCli, resolveTemporalTestServer } from '../runtime/temporal-binaries';

try {
  console.log(`temporal:             ${resolveTemporalCli()}`);
  console.log(`temporal-test-server: ${resolveTemporalTestServer()}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
