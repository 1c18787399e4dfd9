// The only place SQL about task-breakdown imports lives.
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Selectable, type Transaction } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';
import type { Database, TaskBreakdownImportItemsTable } from '../platform/database/database.types';
import type { BreakdownReference } from './task-breakdown.types';

export interface Assignment {
  /** The task this row is: its workflow id, kept when the office reassigns it to another unit. */
  taskId: string;
  indicatorCode: string;
  unitCode: string;
  leadUnitCode: string;
  dueAt: string;
}

/** A breakdown row written outside an import: a task a meeting decides on, the demo seeding's tasks. */
export interface TaskAssignment extends Assignment {
  campaignId: string;
}

/** The `task_assignments` row of an assignment not made by an import. */
export function taskAssignmentRow(a: TaskAssignment) {
  return { campaign_id: a.campaignId, indicator_code: a.indicatorCode, unit_code: a.unitCode, lead_unit_code: a.leadUnitCode, due_at: a.dueAt, task_id: a.taskId };
}

export interface ImportItem {
  seq: number;
  kind: 'CREATED' | 'CHANGED' | 'REMOVED';
  taskId: string;
  indicatorCode: string;
  unitCode: string;
  leadUnitCode: string;
  dueAt: string;
  previousLeadUnitCode: string | null;
  previousDueAt: string | null;
  source: { sheet: string; row: number } | null;
  /** The 责任人 the file names for a new task; null when none (and for changes and removals). */
  responsiblePerson?: { login: string; name: string } | null;
}

export interface ImportRecord {
  id: string;
  campaignId: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  importedBy: string;
  /** The API's clock, the same the progress's estimate is reckoned by. */
  importedAt: Date;
  status: 'APPLYING' | 'APPLIED';
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number };
}

@Injectable()
export class TaskBreakdownRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async reference(): Promise<BreakdownReference> {
    const [units, indicators, people] = await Promise.all([
      this.db.selectFrom('units').select(['code', 'name']).execute(),
      this.db
        .selectFrom('indicators as i')
        .innerJoin('assessment_items as a', 'a.code', 'i.item_code')
        .select(['i.code', 'i.name', 'a.name as itemName'])
        .execute(),
      // The people a 责任人 may be: the units' heads and members.
      this.db
        .selectFrom('users')
        .select(['login', 'display_name', 'phone', 'unit_code'])
        .where('unit_code', 'is not', null)
        .where('role', 'in', ['UNIT_HEAD', 'UNIT_MEMBER'])
        .execute(),
    ]);
    return { units, indicators, people: people.map((p) => ({ login: p.login, name: p.display_name, phone: p.phone, unitCode: p.unit_code ?? '' })) };
  }

  async assignments(campaignId: string): Promise<Assignment[]> {
    const rows = await this.db
      .selectFrom('task_assignments')
      .select(['task_id', 'indicator_code', 'unit_code', 'lead_unit_code', 'due_at'])
      .where('campaign_id', '=', campaignId)
      .execute();
    return rows.map((r) => ({ taskId: r.task_id, indicatorCode: r.indicator_code, unitCode: r.unit_code, leadUnitCode: r.lead_unit_code, dueAt: r.due_at.toISOString() }));
  }

  /** Writes the import, its items and the new assignments; `beforeCommit` runs last inside the transaction. */
  async record(record: ImportRecord, items: ImportItem[], beforeCommit: () => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('task_breakdown_imports')
        .values({
          id: record.id,
          campaign_id: record.campaignId,
          file_name: record.fileName,
          file_sha256: record.fileSha256,
          file_bytes: record.fileBytes,
          imported_by: record.importedBy,
          imported_at: record.importedAt,
          status: record.status,
          task_count: record.counts.tasks,
          created_count: record.counts.created,
          changed_count: record.counts.changed,
          unchanged_count: record.counts.unchanged,
          removed_count: record.counts.removed,
        })
        .execute();
      for (let i = 0; i < items.length; i += 1000) {
        await trx.insertInto('task_breakdown_import_items').values(items.slice(i, i + 1000).map((item) => itemRow(record.id, item))).execute();
      }
      const upserts = items.filter((i) => i.kind !== 'REMOVED');
      for (let i = 0; i < upserts.length; i += 1000) {
        await upsertAssignments(trx, record.campaignId, record.id, upserts.slice(i, i + 1000));
      }
      await beforeCommit();
    });
  }

  async findImport(id: string) {
    return this.db.selectFrom('task_breakdown_imports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A campaign's latest imports, newest first. */
  async latestImports(campaignId: string, limit: number) {
    return this.db
      .selectFrom('task_breakdown_imports')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async items(id: string, limit = 500): Promise<ImportItem[]> {
    const rows = await this.db.selectFrom('task_breakdown_import_items').selectAll().where('import_id', '=', id).orderBy('seq').limit(limit).execute();
    return rows.map(toItem);
  }

  /** The next changes of an import that have not reached their workflows yet. */
  async pendingItems(id: string, limit: number): Promise<ImportItem[]> {
    const rows = await this.db
      .selectFrom('task_breakdown_import_items')
      .selectAll()
      .where('import_id', '=', id)
      .where('applied_at', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toItem);
  }

  async markApplied(id: string, seqs: number[]): Promise<void> {
    if (seqs.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('task_breakdown_import_items')
        .set({ applied_at: new Date() })
        .where('import_id', '=', id)
        .where('seq', 'in', seqs)
        .where('applied_at', 'is', null)
        .executeTakeFirst();
      await trx
        .updateTable('task_breakdown_imports')
        .set((eb) => ({ applied_count: eb('applied_count', '+', Number(updated.numUpdatedRows)) }))
        .where('id', '=', id)
        .execute();
    });
  }

  async complete(id: string): Promise<void> {
    await this.db.updateTable('task_breakdown_imports').set({ status: 'APPLIED', completed_at: new Date() }).where('id', '=', id).execute();
  }
}

function toItem(r: Selectable<TaskBreakdownImportItemsTable>): ImportItem {
  return {
    seq: r.seq,
    kind: r.kind as ImportItem['kind'],
    taskId: r.task_id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    leadUnitCode: r.lead_unit_code,
    dueAt: r.due_at.toISOString(),
    previousLeadUnitCode: r.previous_lead_unit_code,
    previousDueAt: r.previous_due_at?.toISOString() ?? null,
    source: r.source_sheet !== null && r.source_row !== null ? { sheet: r.source_sheet, row: r.source_row } : null,
    responsiblePerson: r.responsible_login !== null ? { login: r.responsible_login, name: r.responsible_name ?? r.responsible_login } : null,
  };
}

function itemRow(importId: string, item: ImportItem) {
  return {
    import_id: importId,
    seq: item.seq,
    kind: item.kind,
    task_id: item.taskId,
    indicator_code: item.indicatorCode,
    unit_code: item.unitCode,
    lead_unit_code: item.leadUnitCode,
    due_at: item.dueAt,
    previous_lead_unit_code: item.previousLeadUnitCode,
    previous_due_at: item.previousDueAt,
    source_sheet: item.source?.sheet ?? null,
    source_row: item.source?.row ?? null,
    responsible_login: item.responsiblePerson?.login ?? null,
    responsible_name: item.responsiblePerson?.name ?? null,
    // Removals are reported, not applied: nothing waits for them.
    applied_at: item.kind === 'REMOVED' ? new Date() : null,
  };
}

async function upsertAssignments(trx: Transaction<Database>, campaignId: string, importId: string, items: ImportItem[]): Promise<void> {
  await trx
    .insertInto('task_assignments')
    .values(
      items.map((i) => ({
        campaign_id: campaignId,
        indicator_code: i.indicatorCode,
        unit_code: i.unitCode,
        lead_unit_code: i.leadUnitCode,
        due_at: i.dueAt,
        import_id: importId,
        task_id: i.taskId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'indicator_code', 'unit_code']).doUpdateSet({
        lead_unit_code: sql`excluded.lead_unit_code`,
        due_at: sql`excluded.due_at`,
        import_id: sql`excluded.import_id`,
      }),
    )
    .execute();
}
