// `npm run setup:temporal`: makes sure the Temporal CLI and the time-skipping test server are available.
import { resolveTemporalCli, resolveTemporalTestServer } from '../platform/runtime/temporal-binaries';
import { runMain } from '../platform/runtime/run-main';

runMain(async () => {
  console.log(`temporal:             ${resolveTemporalCli()}`);
  console.log(`temporal-test-server: ${resolveTemporalTestServer()}`);
});
