// Importing a 任务分解表: read it, check every row against the roster and the catalog, and either refuse it
// whole (every problem listed, nothing written) or record it in one transaction and hand its changes to a
// durable workflow that starts new tasks and tells changed ones. The same file twice changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../../workflows/shared/actor.types';
import { TASK_BREAKDOWN_IMPORT_WORKFLOW_TYPE, taskBreakdownImportWorkflowId } from '../../workflows/task-breakdown-import/task-breakdown-import.messages';
import { decodeCsvBytes, formatProblems, importProgress, MAX_XLSX_BYTES, parseTaskBreakdownCsv, parseTaskBreakdownXlsx, planTasks, type ImportProblem, type ImportProgress, type ParseResult } from './index';
import { TaskBreakdownRepository, type Assignment, type ImportItem } from './task-breakdown.repository';
import { notXlsxReason, problem } from '../platform/spreadsheet';
import type { BreakdownRow, PlannedTask } from './task-breakdown.types';
import { measureImport } from '../platform/metrics/api.metrics';
import { pageSize } from '../platform/graphql/cursor';

export type ImportStatus = 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLYING' | 'APPLIED';

export interface ImportOutcome {
  id: string | null;
  status: ImportStatus;
  fileName: string;
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  problems: ImportProblem[];
  report: string;
  /** Absent for an import read back from the database: its changes are loaded only when asked for (changesOf). */
  changes?: ImportItem[];
  /** The three below are null when nothing was written (REJECTED, DRY_RUN, UNCHANGED). */
  importedAt: Date | null;
  completedAt: Date | null;
  progress: ImportProgress | null;
}

/** What an import that writes nothing answers beside its status, counts and changes. */
const NOT_RECORDED = { id: null, importedAt: null, completedAt: null, progress: null } as const;

/** How many imports `taskBreakdownImports` lists: 10 unless asked, at most 50 (the board asks for the latest one). */
const IMPORT_LIST = { pageSize: 10, maxPageSize: 50 };

type ImportRow = NonNullable<Awaited<ReturnType<TaskBreakdownRepository['findImport']>>>;

/** An import as recorded, its progress reckoned at `now`; its changes are left to changesOf. */
function recordedOutcome(row: ImportRow, now: Date): ImportOutcome {
  const total = row.created_count + row.changed_count;
  return {
    id: row.id,
    status: row.status as ImportStatus,
    fileName: row.file_name,
    counts: {
      tasks: row.task_count,
      created: row.created_count,
      changed: row.changed_count,
      unchanged: row.unchanged_count,
      removed: row.removed_count,
      applied: row.applied_count,
    },
    problems: [],
    report: '',
    importedAt: row.imported_at,
    completedAt: row.completed_at,
    progress: importProgress({ total, applied: row.applied_count, importedAt: row.imported_at }, now),
  };
}

/** Sheet by sheet as they appear, then row, then column (A, B, …, Z, AA…), as people read the file. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const sheets = [...new Set(problems.map((p) => p.sheet))];
  const column = (p: ImportProblem) => (p.columnLetter ? p.columnLetter.length * 1000 + p.columnLetter.charCodeAt(p.columnLetter.length - 1) : 0);
  return [...problems].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row || column(a) - column(b));
}

/**
 * A row naming a unit for an indicator whose task for that unit the office has since reassigned elsewhere: a
 * new task for it would need the reassigned task's id. The file is out of date; say what the system holds.
 */
export function reassignmentProblems(
  campaignId: string,
  tasks: readonly PlannedTask[],
  assignments: readonly Assignment[],
  rows: readonly BreakdownRow[],
  units: readonly { code: string; name: string }[],
): ImportProblem[] {
  const byTaskId = new Map(assignments.map((a) => [a.taskId, a]));
  const assigned = new Set(assignments.map((a) => `${a.indicatorCode}|${a.unitCode}`));
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const problems: ImportProblem[] = [];
  for (const task of tasks) {
    if (assigned.has(`${task.indicatorCode}|${task.unitCode}`)) continue;
    const holder = byTaskId.get(indicatorTaskWorkflowId(campaignId, task.indicatorCode, task.unitCode));
    if (!holder) continue;
    const row = rows.find((r) => r.sheet === task.source.sheet && r.row === task.source.row);
    const from = unitName(task.unitCode);
    const to = unitName(holder.unitCode);
    problems.push(
      problem(
        task.source,
        '责任单位',
        row?.columnLetters?.['责任单位'] ?? null,
        'REASSIGNED',
        `指标「${task.indicatorCode}」的任务已由「${from}」改派给「${to}」；请把责任单位改为「${to}」，或先在系统中把任务改派回「${from}」`,
      ),
    );
  }
  return problems;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TaskBreakdownService {
  constructor(
    private readonly imports: TaskBreakdownRepository,
    private readonly campaigns: CampaignRepository,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private async read(fileName: string, content: Buffer): Promise<ParseResult> {
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.xlsx')) {
      const notXlsx = notXlsxReason(fileName, content);
      if (notXlsx) throw new DomainError('BAD_USER_INPUT', notXlsx, 'file');
      return parseTaskBreakdownXlsx(content);
    }
    if (lower.endsWith('.csv')) return parseTaskBreakdownCsv(decodeCsvBytes(content), fileName.replace(/\.csv$/i, ''));
    throw new DomainError('BAD_USER_INPUT', '只支持 .xlsx 或 .csv 格式的任务分解表（.xls 请先另存为 .xlsx）', 'fileName');
  }

  /** Timed for /metrics by outcome (chuangwen_import_duration_seconds). */
  async import(actor: Actor, input: { campaignId?: string | null; fileName: string; content: Buffer; dryRun?: boolean }): Promise<ImportOutcome> {
    return measureImport('task_breakdown', () => this.importFile(actor, input));
  }

  private async importFile(actor: Actor, input: { campaignId?: string | null; fileName: string; content: Buffer; dryRun?: boolean }): Promise<ImportOutcome> {
    if (input.content.byteLength === 0) throw new DomainError('BAD_USER_INPUT', '文件是空的', 'file');
    if (input.content.byteLength > MAX_XLSX_BYTES) {
      throw new DomainError('BAD_USER_INPUT', `文件超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB，请拆分后分别导入`, 'file');
    }
    const campaign = await this.campaigns.require(input.campaignId);

    const parsed = await this.read(input.fileName, input.content);
    const reference = await this.imports.reference();
    const planned = planTasks(parsed.rows, reference);
    const assignments = await this.imports.assignments(campaign.id);
    const reassigned = reassignmentProblems(campaign.id, planned.tasks, assignments, parsed.rows, reference.units);
    const problems = sortProblems([...parsed.problems, ...planned.problems, ...reassigned]);
    const base = { fileName: input.fileName, problems, report: formatProblems(problems) };
    if (problems.length > 0) {
      return { ...base, ...NOT_RECORDED, status: 'REJECTED', counts: { tasks: 0, created: 0, changed: 0, unchanged: 0, removed: 0, applied: 0 }, changes: [] };
    }

    // What this file changes against the breakdown as last imported.
    const current = new Map(assignments.map((a) => [`${a.indicatorCode}|${a.unitCode}`, a]));
    const items: ImportItem[] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const task of planned.tasks) {
      const key = `${task.indicatorCode}|${task.unitCode}`;
      seen.add(key);
      const before = current.get(key);
      // A reassigned task keeps its id under its new unit; a new one is named by its business key.
      const taskId = before?.taskId ?? indicatorTaskWorkflowId(campaign.id, task.indicatorCode, task.unitCode);
      const item = { taskId, indicatorCode: task.indicatorCode, unitCode: task.unitCode, leadUnitCode: task.leadUnitCode, dueAt: task.dueAt, source: task.source };
      // The 责任人 a file names starts a new task with it; an existing task's 责任人 is its unit head's to change.
      if (!before) items.push({ ...item, seq: items.length + 1, kind: 'CREATED', previousDueAt: null, previousLeadUnitCode: null, responsiblePerson: task.responsiblePerson ?? null });
      else if (before.dueAt !== task.dueAt || before.leadUnitCode !== task.leadUnitCode) {
        items.push({ ...item, seq: items.length + 1, kind: 'CHANGED', previousDueAt: before.dueAt, previousLeadUnitCode: before.leadUnitCode });
      } else unchanged += 1;
    }
    for (const [key, a] of current) {
      if (seen.has(key)) continue;
      items.push({
        seq: items.length + 1,
        kind: 'REMOVED',
        taskId: a.taskId,
        indicatorCode: a.indicatorCode,
        unitCode: a.unitCode,
        leadUnitCode: a.leadUnitCode,
        dueAt: a.dueAt,
        previousDueAt: null,
        previousLeadUnitCode: null,
        source: null,
      });
    }
    const count = (kind: ImportItem['kind']) => items.filter((i) => i.kind === kind).length;
    const counts = { tasks: planned.tasks.length, created: count('CREATED'), changed: count('CHANGED'), unchanged, removed: count('REMOVED'), applied: 0 };
    if (input.dryRun) return { ...base, ...NOT_RECORDED, status: 'DRY_RUN', counts, changes: items };
    if (counts.created === 0 && counts.changed === 0) return { ...base, ...NOT_RECORDED, status: 'UNCHANGED', counts, changes: items };

    const id = randomUUID();
    const importedAt = new Date();
    await this.imports.record(
      {
        id,
        campaignId: campaign.id,
        fileName: input.fileName,
        fileSha256: createHash('sha256').update(input.content).digest('hex'),
        fileBytes: input.content.byteLength,
        importedBy: actor.userId,
        importedAt,
        status: 'APPLYING',
        counts,
      },
      items,
      // Started before the commit: if the start fails, nothing is recorded; if the commit fails, the workflow
      // finds no import and ends without effect.
      () => this.startApplying(id),
    );
    const progress = importProgress({ total: counts.created + counts.changed, applied: 0, importedAt }, importedAt);
    return { ...base, id, status: 'APPLYING', counts, changes: items, importedAt, completedAt: null, progress };
  }

  private async startApplying(importId: string): Promise<void> {
    try {
      await this.temporal.workflow.start(TASK_BREAKDOWN_IMPORT_WORKFLOW_TYPE, {
        workflowId: taskBreakdownImportWorkflowId(importId),
        taskQueue: this.config.temporal.taskQueue,
        args: [{ importId }],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw new DomainError('UNAVAILABLE', `工作流服务暂时不可用，任务分解表未导入，请稍后重试（${String((err as Error)?.message ?? err)}）`);
    }
  }

  async status(id: string): Promise<ImportOutcome> {
    // Import ids are UUIDs; anything else cannot be one (and PostgreSQL would refuse to compare it).
    const row = UUID.test(id) ? await this.imports.findImport(id) : undefined;
    if (!row) throw new DomainError('NOT_FOUND', `导入记录「${id.slice(0, 100)}」不存在`, 'id');
    return recordedOutcome(row, new Date());
  }

  /** A campaign's latest imports, newest first: `first` 1 to 50, 10 when not given. */
  async latest(campaignId: string | null | undefined, first: number | null | undefined): Promise<ImportOutcome[]> {
    const size = pageSize(first, IMPORT_LIST);
    const campaign = await this.campaigns.require(campaignId);
    const now = new Date();
    return (await this.imports.latestImports(campaign.id, size)).map((row) => recordedOutcome(row, now));
  }

  /** An outcome's changes: those it was answered with, or a recorded import's first 500 from the database. */
  async changesOf(outcome: ImportOutcome): Promise<ImportItem[]> {
    if (outcome.changes) return outcome.changes;
    return outcome.id ? this.imports.items(outcome.id) : [];
  }
}
