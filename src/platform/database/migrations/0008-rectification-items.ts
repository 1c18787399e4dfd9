// The board's rows for rectification items (整改问题), folded from their events like indicator-task cards, and
// the lookup that links a new report of the same place, area and criterion to the open item.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rectification_item_cards')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    /** The address as compared for duplicates: no spaces, full-width folded, lower case. */
    .addColumn('place_key', 'text', (c) => c.notNull())
    .addColumn('criterion_code', 'text')
    .addColumn('indicator_task_id', 'text')
    .addColumn('inspection_round_id', 'text')
    .addColumn('unit_code', 'text')
    .addColumn('due_at', 'timestamptz')
    .addColumn('escalation_level', 'text')
    .addColumn('relapse_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state_json', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_item_cards_campaign').on('rectification_item_cards').columns(['campaign_id', 'state']).execute();
  await db.schema.createIndex('rectification_item_cards_unit').on('rectification_item_cards').columns(['campaign_id', 'unit_code']).execute();
  await db.schema.createIndex('rectification_item_cards_task').on('rectification_item_cards').column('indicator_task_id').execute();
  await db.schema
    .createIndex('rectification_item_cards_place')
    .on('rectification_item_cards')
    .columns(['campaign_id', 'area', 'place_key'])
    .where(sql.ref('state'), '<>', 'CLOSED')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rectification_item_cards').execute();
}
