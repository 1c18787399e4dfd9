// Which Temporal the integration and fault tiers run against: the dev server (`npm test`), or under
// `npm run test:cluster` (TEST_TEMPORAL=cluster) the full server as four services on PostgreSQL.
import { freePort, isPortFree } from '../../src/platform/runtime/ports';
import type { ClusterPorts } from '../../src/platform/runtime/cluster/temporal-cluster';

export function usingCluster(): boolean {
  return process.env.TEST_TEMPORAL === 'cluster';
}

const taken = new Set<number>();

/**
 * A free port below 32768: Temporal keeps each service's membership port in a SMALLINT column
 * (cluster_membership.rpc_port), and the OS hands out free ports above that.
 */
async function freeMembershipPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (taken.has(port)) continue;
    if (await isPortFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port below 32768 for a Temporal membership port');
}

/** Free ports for a cluster whose frontend takes the given port. */
export async function testClusterPorts(frontendPort: number): Promise<ClusterPorts> {
  const service = async () => ({ grpc: await freePort(), membership: await freeMembershipPort(), metrics: await freePort() });
  return {
    frontend: { ...(await service()), grpc: frontendPort, http: await freePort() },
    history: await service(),
    matching: await service(),
    worker: await service(),
    ui: null,
  };
}
