// Live subscriptions end when what they were opened with stops being valid (issue 14): a session revoked (sign-out,
// password change, refresh token reuse), a person's role or unit changed or the person removed, a service account
// revoked, re-keyed or its expiry moved. Triggers send the notice, so that every writer (the API, the CLI imports,
// a DBA by hand) sends it, in the same transaction as the change; every API instance LISTENs
// (src/platform/live/auth-changes.listener.ts) and closes the sockets concerned.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_auth_change() returns trigger language plpgsql as $$
    declare
      kind text := case tg_table_name when 'users' then 'user' when 'auth_sessions' then 'session' else 'service' end;
      row_id text;
    begin
      if tg_op = 'DELETE' then
        row_id := old.id::text;
      else
        row_id := new.id::text;
      end if;
      perform pg_notify('auth_changes', json_build_object('kind', kind, 'id', row_id)::text);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger users_auth_change after update of role, unit_code on users for each row
    when (old.role is distinct from new.role or old.unit_code is distinct from new.unit_code)
    execute function notify_auth_change()`.execute(db);
  await sql`create trigger users_auth_removed after delete on users for each row execute function notify_auth_change()`.execute(db);
  await sql`
    create trigger auth_sessions_revoked after update of revoked_at on auth_sessions for each row
    when (old.revoked_at is null and new.revoked_at is not null)
    execute function notify_auth_change()`.execute(db);
  await sql`create trigger auth_sessions_removed after delete on auth_sessions for each row execute function notify_auth_change()`.execute(db);
  await sql`
    create trigger service_accounts_auth_change after update of revoked_at, key_hash, expires_at on service_accounts for each row
    when (old.revoked_at is distinct from new.revoked_at or old.key_hash is distinct from new.key_hash or old.expires_at is distinct from new.expires_at)
    execute function notify_auth_change()`.execute(db);
  await sql`create trigger service_accounts_removed after delete on service_accounts for each row execute function notify_auth_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [trigger, table] of [
    ['users_auth_change', 'users'],
    ['users_auth_removed', 'users'],
    ['auth_sessions_revoked', 'auth_sessions'],
    ['auth_sessions_removed', 'auth_sessions'],
    ['service_accounts_auth_change', 'service_accounts'],
    ['service_accounts_removed', 'service_accounts'],
  ]) {
    await sql`drop trigger if exists ${sql.raw(trigger)} on ${sql.raw(table)}`.execute(db);
  }
  await sql`drop function if exists notify_auth_change()`.execute(db);
}
