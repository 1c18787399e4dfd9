// `npm run setup:cluster`: builds the pinned Temporal server, temporal-sql-tool and the Temporal UI server from
// their Go modules into the per-machine cache (once; later clones reuse it), and says where they are.
import { setupClusterBinaries, TEMPORAL_SERVER_VERSION, TEMPORAL_UI_SERVER_VERSION } from '../platform/runtime/cluster/cluster-binaries';
import { runMain } from '../platform/runtime/run-main';

runMain(async () => {
  const b = setupClusterBinaries((line) => console.log(`[集群] ${line}`));
  console.log(`Temporal 服务器 server ${TEMPORAL_SERVER_VERSION}: ${b.server}`);
  console.log(`temporal-sql-tool:              ${b.sqlTool}`);
  console.log(`Temporal UI ${TEMPORAL_UI_SERVER_VERSION}:            ${b.uiServer}`);
  console.log(`PostgreSQL 模式 schemas:        ${b.schemaDir}`);
});
