// The office's board as of an instant at district scale (issue 18: < 1 s at 1,000,000 events). Replaying the whole
// campaign's log for it grows with the log, so each campaign keeps daily snapshots of its cards, and an as-of
// answer folds only the events after the newest snapshot that is old enough onto it (src/reports/board-snapshot.ts).
//
// board_snapshots: one row per snapshot of a campaign, numbered 1, 2, 3…: every event of the campaign at or below
// `position` is in it, and no other. `max_occurred_at` is the latest event time among them (a snapshot answers for
// an instant at or after it), `min_occurred_at` the earliest among the events since the snapshot before (so a later
// segment of the log that holds nothing as early as an instant asked for is not read for it).
//
// board_snapshot_cards: the cards' states over the snapshots, a row per stream per snapshot in which it changed
// (valid from snapshot `from_seq` up to, not including, `to_seq`; null: still current), so a day's snapshot writes
// only what changed that day. Tasks carry what the board counts, filters and orders on; items what a task's count of
// open items needs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table board_snapshots (
      campaign_id text not null,
      seq integer not null,
      position bigint not null,
      taken_at timestamptz not null,
      max_occurred_at timestamptz,
      min_occurred_at timestamptz,
      events integer not null,
      streams integer not null,
      schema_version integer not null,
      primary key (campaign_id, seq)
    )`.execute(db);
  await sql`
    create table board_snapshot_cards (
      campaign_id text not null,
      stream_id text not null,
      from_seq integer not null,
      to_seq integer,
      kind text not null check (kind in ('TASK', 'ITEM')),
      stage text,
      sort_at timestamptz,
      indicator_code text,
      unit_code text,
      lead_unit_code text,
      open_items integer not null default 0,
      indicator_task_id text,
      open boolean not null default false,
      updated_at timestamptz not null,
      state jsonb not null,
      primary key (campaign_id, stream_id, from_seq)
    )`.execute(db);
  // A column's cards valid at a snapshot, counted from the index alone: a row is valid at snapshot k when it was
  // written at or before k and not replaced by k, and the rows replaced before k (most of them, for a recent k) are
  // skipped by the range on the replacement.
  await sql`
    create index board_snapshot_cards_counts on board_snapshot_cards (campaign_id, stage, (coalesce(to_seq, 2147483647)))
      include (from_seq, indicator_code, unit_code, lead_unit_code) where kind = 'TASK'`.execute(db);
  // A column of the board at a snapshot, in the board's order: a page walks it from the cursor.
  await sql`
    create index board_snapshot_cards_columns on board_snapshot_cards (campaign_id, stage, sort_at, stream_id collate "C")
      include (from_seq, to_seq) where kind = 'TASK'`.execute(db);
  // The items open against a task, for a task whose first event comes after they were linked to it.
  await sql`create index board_snapshot_cards_open_items on board_snapshot_cards (campaign_id, indicator_task_id) include (from_seq, to_seq) where kind = 'ITEM' and open`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('board_snapshot_cards').execute();
  await db.schema.dropTable('board_snapshots').execute();
}
