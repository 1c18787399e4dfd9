// Which Temporal the integration and fault tiers run against: the dev server (`npm test`), or under
// `npm run test:cluster` (TEST_TEMPORAL=cluster) the full server as four services on PostgreSQL.
export { freeClusterPorts as testClusterPorts } from '../../src/platform/runtime/cluster/temporal-cluster';

export function usingCluster(): boolean {
  return process.env.TEST_TEMPORAL === 'cluster';
}
