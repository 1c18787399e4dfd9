// The SQL of setting up a Temporal cluster's place in PostgreSQL (src/platform/runtime/cluster/temporal-cluster.ts):
// its role and whether its two databases and their schema exist. The schemas themselves are temporal-sql-tool's.
import type { Client } from 'pg';

/** The role Temporal connects as, created or brought to the given password; it may create its databases. */
export async function ensureTemporalRole(client: Client, role: string, password: string): Promise<void> {
  // Not parameters: CREATE/ALTER ROLE take no bind parameters. Both are checked to be plain words first.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`invalid role name ${JSON.stringify(role)}`);
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(password)) throw new Error('temporal 角色的密码须为 16 位以上的字母、数字、- 或 _ / invalid temporal role password');
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (found.rowCount === 0) await client.query(`CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${password}'`);
  else await client.query(`ALTER ROLE ${role} LOGIN CREATEDB PASSWORD '${password}'`);
}

/** Which of the named databases exist. */
export async function existingDatabases(client: Client, names: readonly string[]): Promise<Set<string>> {
  const dbs = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
  return new Set(dbs.rows.map((r) => r.datname));
}

/** Whether temporal-sql-tool set up this database (it keeps its version in schema_version). */
export async function hasSchemaVersionTable(client: Client): Promise<boolean> {
  const r = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'");
  return (r.rowCount ?? 0) > 0;
}
