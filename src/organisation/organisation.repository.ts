// The only place SQL about the organisation (units, users, working groups) lives.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import { chunks, isForeignKeyViolation, lockForReferenceImport, moveNamesAside } from '../platform/database/database.helpers';
import type { Db } from '../platform/database/database';
import type { Database } from '../platform/database/database.types';
import { DomainError } from '../platform/errors/domain-error';
import type { OrganisationDiff } from './organisation.validator';
import { WORKING_GROUPS, type Organisation, type OrganisationReference, type PersonPlan, type Role, type UnitKind, type UnitRobots, type WorkingGroupCode } from './organisation.types';

export type OrganisationWrite = OrganisationDiff['write'];

export interface PersonRecord extends PersonPlan {
  id: string;
}

/** A new person's id, as the demo's users have theirs. */
export function userId(login: string): string {
  return `user:${login}`;
}

/** The six working groups, with the plan's names and duties; groups already there are left as they are. */
export async function ensureWorkingGroups(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('working_groups')
    .values(WORKING_GROUPS.map((g) => ({ code: g.code, name: g.name, duties: g.duties })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

@Injectable()
export class OrganisationRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async ensureWorkingGroups(): Promise<void> {
    await ensureWorkingGroups(this.db);
  }

  async loginOf(userId: string): Promise<string> {
    const user = await this.db.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new DomainError('UNAUTHENTICATED', '当前用户已不存在，请重新选择登录用户');
    return user.login;
  }

  async units(db: Kysely<Database> = this.db): Promise<{ code: string; name: string; kind: UnitKind }[]> {
    const rows = await db.selectFrom('units').select(['code', 'name', 'kind']).orderBy('code').execute();
    return rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind as UnitKind }));
  }

  async people(db: Kysely<Database> = this.db): Promise<PersonRecord[]> {
    const [users, members] = await Promise.all([
      db.selectFrom('users').select(['id', 'login', 'display_name', 'role', 'unit_code', 'phone', 'email']).orderBy('login').execute(),
      db.selectFrom('working_group_members').select(['user_id', 'group_code']).orderBy('group_code').execute(),
    ]);
    const groupsOf = new Map<string, WorkingGroupCode[]>();
    for (const m of members) groupsOf.set(m.user_id, [...(groupsOf.get(m.user_id) ?? []), m.group_code as WorkingGroupCode]);
    return users.map((u) => ({
      id: u.id,
      login: u.login,
      displayName: u.display_name,
      role: u.role as Role,
      unitCode: u.unit_code,
      groups: groupsOf.get(u.id) ?? [],
      phone: u.phone,
      email: u.email,
    }));
  }

  async workingGroups(): Promise<{ code: WorkingGroupCode; name: string; duties: string }[]> {
    const rows = await this.db.selectFrom('working_groups').select(['code', 'name', 'duties']).execute();
    return rows.map((g) => ({ code: g.code as WorkingGroupCode, name: g.name, duties: g.duties }));
  }

  /** Unit code → how many tasks (breakdown assignments and cards, of any campaign) it is responsible for or leads. */
  /** Each unit's group robots (issue 16); the 钉钉 secret included, so never for the API's answers. */
  async unitRobots(db: Kysely<Database> = this.db): Promise<Map<string, UnitRobots>> {
    const rows = await db.selectFrom('unit_robots').selectAll().execute();
    return new Map(rows.map((r) => [r.unit_code, { wecomKey: r.wecom_key, dingtalkToken: r.dingtalk_token, dingtalkSecret: r.dingtalk_secret }]));
  }

  async unitsInUse(db: Kysely<Database> = this.db): Promise<Map<string, number>> {
    const { rows } = await sql<{ unit_code: string; tasks: number }>`
      select unit_code, count(distinct (campaign_id, indicator_code, task_unit))::int as tasks from (
        select campaign_id, indicator_code, unit_code as task_unit, unit_code from task_assignments
        union all
        select campaign_id, indicator_code, unit_code, lead_unit_code from task_assignments
        union all
        select campaign_id, indicator_code, unit_code, unit_code from indicator_task_cards
        union all
        select campaign_id, indicator_code, unit_code, lead_unit_code from indicator_task_cards
      ) t group by unit_code`.execute(db);
    return new Map(rows.map((r) => [r.unit_code, r.tasks]));
  }

  /**
   * Reads the organisation and what uses it, lets `decide` check the files against them, and writes what it
   * returns, all in one transaction that no other reference import and no new task can interleave with.
   */
  async importing<T>(importerLogin: string, decide: (reference: OrganisationReference) => { result: T; write: OrganisationWrite | null }): Promise<T> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await lockForReferenceImport(trx, 'organisation');
        const [units, people, unitsInUse, robots] = await Promise.all([this.units(trx), this.people(trx), this.unitsInUse(trx), this.unitRobots(trx)]);
        const current: Organisation = {
          units: units.map((u) => ({ ...u, robots: robots.get(u.code) ?? { wecomKey: null, dingtalkToken: null, dingtalkSecret: null } })),
          people: people.map(({ id: _id, ...person }) => person),
        };
        const { result, write } = decide({ current, unitsInUse, importerLogin });
        if (write) await applyWrite(trx, write);
        return result;
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new DomainError('CONFLICT', '要删除的单位仍被其他数据引用，组织机构未导入。请刷新后重新导入');
      // The validator asks for the unit first; this is the database's CHECK (migration 0018) saying it again.
      if ((err as { constraint?: unknown })?.constraint === 'users_unit_role_has_unit') {
        throw new DomainError('BAD_USER_INPUT', '单位负责人、责任单位成员须填写所属单位，组织机构未导入。请在人员表中为其填写所属单位后重新导入');
      }
      throw err;
    }
  }
}

async function applyWrite(trx: Transaction<Database>, write: OrganisationWrite): Promise<void> {
  await ensureWorkingGroups(trx);
  await moveNamesAside(trx, 'units', [...write.units.map((u) => u.code), ...write.removedUnits]);
  for (const chunk of chunks(write.units)) {
    await trx
      .insertInto('units')
      .values(chunk.map((u) => ({ code: u.code, name: u.name, kind: u.kind })))
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: sql`excluded.name`, kind: sql`excluded.kind` }))
      .execute();
  }
  // Memberships are the file's, whole.
  await trx.deleteFrom('working_group_members').execute();
  for (const chunk of chunks(write.people)) {
    await trx
      .insertInto('users')
      .values(chunk.map((p) => ({ id: userId(p.login), login: p.login, display_name: p.displayName, role: p.role, unit_code: p.unitCode, phone: p.phone, email: p.email })))
      .onConflict((oc) =>
        oc.column('login').doUpdateSet({
          display_name: sql`excluded.display_name`,
          role: sql`excluded.role`,
          unit_code: sql`excluded.unit_code`,
          phone: sql`excluded.phone`,
          email: sql`excluded.email`,
        }),
      )
      .execute();
  }
  if (write.robots !== null) {
    // The file's robots, whole: a unit whose cells are blank has none.
    await trx.deleteFrom('unit_robots').execute();
    for (const chunk of chunks(write.robots)) {
      await trx
        .insertInto('unit_robots')
        .values(chunk.map((r) => ({ unit_code: r.unitCode, wecom_key: r.wecomKey, dingtalk_token: r.dingtalkToken, dingtalk_secret: r.dingtalkSecret })))
        .execute();
    }
  }
  for (const chunk of chunks(write.removedLogins)) await trx.deleteFrom('users').where('login', 'in', chunk).execute();
  for (const chunk of chunks(write.removedUnits)) await trx.deleteFrom('units').where('code', 'in', chunk).execute();
  const ids = new Map<string, string>();
  for (const chunk of chunks([...new Set(write.memberships.map((m) => m.login))])) {
    for (const u of await trx.selectFrom('users').select(['id', 'login']).where('login', 'in', chunk).execute()) ids.set(u.login, u.id);
  }
  const members = write.memberships.flatMap((m) => {
    const id = ids.get(m.login);
    return id ? [{ group_code: m.group, user_id: id }] : [];
  });
  for (const chunk of chunks(members)) await trx.insertInto('working_group_members').values(chunk).execute();
}
