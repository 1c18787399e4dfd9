// docs/deployment.md's 集群部署 section names the commands an operator runs; they must be the ones the code runs
// (src/platform/runtime/cluster/), so that the documented cluster is the tested one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPORAL_SERVER_VERSION, TEMPORAL_UI_SERVER_VERSION } from '../../src/platform/runtime/cluster/cluster-binaries';
import { parse } from 'yaml';
import {
  DYNAMIC_CONFIG,
  DYNAMIC_CONFIG_VALUES,
  TEMPORAL_DATABASE,
  TEMPORAL_SERVICES,
  TEMPORAL_VISIBILITY_DATABASE,
  defaultClusterPorts,
  schemaCommands,
  serviceArgs,
  sqlToolEnv,
  temporalServerConfig,
} from '../../src/platform/runtime/cluster/temporal-cluster';

const doc = fs.readFileSync(path.join(__dirname, '../../docs/deployment.md'), 'utf8');
const section = doc.slice(doc.indexOf('### 集群部署'), doc.indexOf('## 四、'));

describe('docs/deployment.md, 集群部署', () => {
  it('exists', () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it('shows every temporal-sql-tool command the cluster runs, first start and upgrade', () => {
    for (const database of [TEMPORAL_DATABASE, TEMPORAL_VISIBILITY_DATABASE] as const) {
      for (const fresh of [true, false]) {
        for (const args of schemaCommands(database, fresh)) expect(section).toContain(`SQL_DATABASE=${database} temporal-sql-tool ${args.join(' ')}`);
      }
    }
    const env = sqlToolEnv({ host: '127.0.0.1', port: 5433, user: 'temporal', password: 'x' }, 'temporal');
    expect(section).toContain(`SQL_PLUGIN=${env.SQL_PLUGIN} SQL_HOST=${env.SQL_HOST} SQL_PORT=${env.SQL_PORT} SQL_USER=${env.SQL_USER} SQL_PASSWORD=`);
  });

  it('starts each of the four services with the arguments the code uses', () => {
    expect(TEMPORAL_SERVICES).toHaveLength(4);
    for (const service of TEMPORAL_SERVICES) expect(section).toContain(`temporal-server ${serviceArgs(service, `config/${service}.yaml`).join(' ')}`);
  });

  it('lists the default ports of start:cluster', () => {
    const ports = defaultClusterPorts(7233, 8233);
    expect(section).toContain(`| frontend | ${ports.frontend.grpc} (HTTP ${ports.frontend.http}) | ${ports.frontend.membership} | ${ports.frontend.metrics} |`);
    for (const service of ['history', 'matching', 'worker'] as const) {
      const p = ports[service];
      expect(section).toContain(`| ${service} | ${p.grpc} | ${p.membership} | ${p.metrics} |`);
    }
  });

  it('names the pinned versions', () => {
    expect(section).toContain(`go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`);
    expect(section).toContain(`go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`);
    expect(section).toContain(`ui-server/v2/cmd/server@v${TEMPORAL_UI_SERVER_VERSION}`);
  });
});

describe('temporalServerConfig', () => {
  const ports = defaultClusterPorts(7233, null);
  const config = temporalServerConfig({ postgres: { host: '127.0.0.1', port: 5433, adminUser: 'postgres', adminPassword: 'p' }, temporalPassword: 't'.repeat(20), ports }, 'history', '/x/dynamic.yaml') as {
    persistence: { datastores: Record<string, { sql: { pluginName: string; databaseName: string; user: string; connectAddr: string } }>; visibilityStore: string };
    global: { metrics: { prometheus: { listenAddress: string } } };
    services: Record<string, { rpc: { grpcPort: number; membershipPort: number; bindOnIP: string } }>;
  };

  it('keeps both stores in PostgreSQL as the temporal role, visibility in its own database', () => {
    const { datastores, visibilityStore } = config.persistence;
    expect(datastores.default.sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal', user: 'temporal', connectAddr: '127.0.0.1:5433' });
    expect(datastores[visibilityStore].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility', user: 'temporal' });
  });

  it('gives the service its own metrics port and binds everything to loopback', () => {
    expect(config.global.metrics.prometheus.listenAddress).toBe(`127.0.0.1:${ports.history.metrics}`);
    for (const service of TEMPORAL_SERVICES) {
      expect(config.services[service].rpc).toMatchObject({ grpcPort: ports[service].grpc, membershipPort: ports[service].membership, bindOnIP: '127.0.0.1' });
      // cluster_membership.rpc_port is a SMALLINT.
      expect(ports[service].membership).toBeLessThan(32768);
    }
  });

  it('writes a dynamic configuration file that says what DYNAMIC_CONFIG_VALUES says, and shows its cache settings', () => {
    const parsed = parse(DYNAMIC_CONFIG) as Record<string, { value: unknown }[]>;
    expect(Object.keys(parsed)).toEqual(Object.keys(DYNAMIC_CONFIG_VALUES));
    for (const [key, value] of Object.entries(DYNAMIC_CONFIG_VALUES)) expect(parsed[key]).toEqual([{ value }]);
    for (const [key, value] of Object.entries(DYNAMIC_CONFIG_VALUES).filter(([key]) => key.startsWith('history.'))) {
      expect(section).toContain(`${key}:\n  - value: ${JSON.stringify(value)}\n`);
    }
  });
});
