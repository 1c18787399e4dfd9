// 重点和难点 (issue 20): the office marks indicator tasks and rectification items as key (重点), difficult (难点) or
// both. The mark lives in the cards' state; this column is its copy that the boards and lists filter on
// (`keyDifficult`) and the leading group's dashboard lists, with a partial index: few cards are marked. The card
// projections' schemaVersion rose with it, so the first process to start rebuilds the cards and fills the column.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_task_cards').addColumn('key_flag', 'text').execute();
  await db.schema.alterTable('rectification_item_cards').addColumn('key_flag', 'text').execute();
  await sql`alter table indicator_task_cards add constraint indicator_task_cards_key_flag check (key_flag in ('KEY', 'DIFFICULT', 'BOTH'))`.execute(db);
  await sql`alter table rectification_item_cards add constraint rectification_item_cards_key_flag check (key_flag in ('KEY', 'DIFFICULT', 'BOTH'))`.execute(db);
  await sql`create index indicator_task_cards_key_flag on indicator_task_cards (campaign_id, stage) where key_flag is not null`.execute(db);
  await sql`create index rectification_item_cards_key_flag on rectification_item_cards (campaign_id, state) where key_flag is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rectification_item_cards_key_flag').execute();
  await db.schema.dropIndex('indicator_task_cards_key_flag').execute();
  await db.schema.alterTable('rectification_item_cards').dropColumn('key_flag').execute();
  await db.schema.alterTable('indicator_task_cards').dropColumn('key_flag').execute();
}
