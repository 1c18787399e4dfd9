// The catalog below the indicator: criteria (测评内容/测评标准, how each is assessed, its points and how points
// are deducted) and the archive materials an indicator requires; and the office's working groups with their
// members. Demo rows are written by the demo seeding; real ones by the catalog and organisation imports.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('criteria')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('points', 'numeric(6, 2)', (c) => c.notNull().check(sql`points >= 0`))
    .addColumn('deduction_rule', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('criteria_indicator').on('criteria').columns(['indicator_code', 'position']).execute();
  await db.schema
    .createTable('archive_materials')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('archive_materials_indicator').on('archive_materials').columns(['indicator_code', 'position']).execute();
  await db.schema
    .createTable('working_groups')
    .addColumn('code', 'text', (c) => c.primaryKey()) // PLANNING, PUBLICITY, ARCHIVES, LOGISTICS, ACTIVITIES, SUPERVISION
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duties', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('working_group_members')
    .addColumn('group_code', 'text', (c) => c.notNull().references('working_groups.code'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('working_group_members_pk', ['group_code', 'user_id'])
    .execute();
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('phone').execute();
  for (const table of ['working_group_members', 'working_groups', 'archive_materials', 'criteria']) {
    await db.schema.dropTable(table).execute();
  }
}
