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
import { decodeCsvBytes, formatProblems, MAX_XLSX_BYTES, parseTaskBreakdownCsv, parseTaskBreakdownXlsx, planTasks, type ImportProblem, type ParseResult } from './index';
import { TaskBreakdownRepository, type Assignment, type ImportItem } from './task-breakdown.repository';
import { notXlsxReason, problem } from '../platform/spreadsheet';
import type { BreakdownRow, PlannedTask } from './task-breakdown.types';
import { measureImport } from '../platform/metrics/api.metrics';

export type ImportStatus = 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLYING' | 'APPLIED';

export interface ImportOutcome {
  id: string | null;
  status: ImportStatus;
  fileName: string;
  counts: { tasks: number; created: number; changed: number; unchanged: number; removed: number; applied: number };
  problems: ImportProblem[];
  report: string;
  changes: ImportItem[];
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
      return { ...base, id: null, status: 'REJECTED', counts: { tasks: 0, created: 0, changed: 0, unchanged: 0, removed: 0, applied: 0 }, changes: [] };
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
    if (input.dryRun) return { ...base, id: null, status: 'DRY_RUN', counts, changes: items };
    if (counts.created === 0 && counts.changed === 0) return { ...base, id: null, status: 'UNCHANGED', counts, changes: items };

    const id = randomUUID();
    await this.imports.record(
      {
        id,
        campaignId: campaign.id,
        fileName: input.fileName,
        fileSha256: createHash('sha256').update(input.content).digest('hex'),
        fileBytes: input.content.byteLength,
        importedBy: actor.userId,
        status: 'APPLYING',
        counts,
      },
      items,
      // Started before the commit: if the start fails, nothing is recorded; if the commit fails, the workflow
      // finds no import and ends without effect.
      () => this.startApplying(id),
    );
    return { ...base, id, status: 'APPLYING', counts, changes: items };
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
      changes: await this.imports.items(id),
    };
  }
}
