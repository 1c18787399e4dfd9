// 专项整治 drives (issue 20, plan 四(三)): one row per drive as the 工作组 page and the dashboard show it, a projection
// of the drives' streams (rebuildable). Which items belong to a drive is not stored here: it is read from the items'
// own rows (area and report time within the period) and the drive's hand-made attachments and detachments.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('special_drives')
    .addColumn('drive_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('lead_unit_code', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalation_level', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create unique index special_drives_area on special_drives (campaign_id, area)`.execute(db);
  // The items of an area reported within a period: what every drive's list and progress read.
  await sql`create index rectification_item_cards_area_created on rectification_item_cards (campaign_id, area, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index rectification_item_cards_area_created`.execute(db);
  await db.schema.dropTable('special_drives').execute();
}
