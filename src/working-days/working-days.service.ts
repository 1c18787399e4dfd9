// The office's working-day calendar: the official holidays and 调休 (chinese-days) and the office's overrides,
// imported whole from one .xlsx/.csv (refused whole with every problem listed, or written in one transaction).
// Deadlines counted in working days read the overrides each time they are counted.
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/shared/actor.types';
import type { ReferenceImportStatus } from '../catalog/catalog.service';
import { uploadKind, type Upload } from '../catalog/reference-upload';
import { problemReport, type SheetProblem } from '../platform/spreadsheet';
import { officialCalendarYears, WorkingDayCalendar } from './working-day-calendar';
import { parseOverrideFile, WORKING_DAY_KIND_LABELS, type OverrideRow, type WorkingDayKind } from './working-day-overrides.parser';
import { WorkingDaysRepository } from './working-days.repository';
import { measureImport } from '../platform/metrics/api.metrics';

export interface OverrideView {
  date: string;
  kind: WorkingDayKind;
  kindLabel: string;
  note: string;
}

export interface WorkingDayCalendarView {
  overrides: OverrideView[];
  officialYears: number[];
  importedAt: Date | null;
  importedBy: string | null;
}

export interface OverrideImportOutcome {
  status: ReferenceImportStatus;
  fileName: string;
  count: number;
  problems: SheetProblem[];
  report: string;
}

@Injectable()
export class WorkingDaysService {
  constructor(private readonly repository: WorkingDaysRepository) {}

  async calendar(): Promise<WorkingDayCalendarView> {
    const stored = await this.repository.list();
    const latest = stored.reduce<(typeof stored)[number] | null>((l, o) => (l === null || o.importedAt > l.importedAt ? o : l), null);
    return {
      overrides: stored.map(view),
      officialYears: officialCalendarYears(),
      importedAt: latest?.importedAt ?? null,
      importedBy: latest?.importedBy ?? null,
    };
  }

  /** The end of the working day `days` working days after `from`, by today's overrides (outside workflow code). */
  async addWorkingDays(from: Date, days: number): Promise<string> {
    const overrides = await this.repository.list();
    return new WorkingDayCalendar(new Map(overrides.map((o) => [o.date, o.workday]))).addWorkingDays(from.toISOString(), days);
  }

  /** Timed for /metrics by outcome (chuangwen_import_duration_seconds). */
  async import(actor: Actor, input: { file: Upload; dryRun?: boolean }): Promise<OverrideImportOutcome> {
    return measureImport('working_days', () => this.importFile(actor, input));
  }

  private async importFile(actor: Actor, input: { file: Upload; dryRun?: boolean }): Promise<OverrideImportOutcome> {
    const kind = uploadKind(input.file, '工作日调整表');
    const fileName = input.file.fileName;
    const parsed = await parseOverrideFile({ ...input.file, kind });
    if (parsed.problems.length > 0) return { status: 'REJECTED', fileName, count: 0, problems: parsed.problems, report: problemReport(parsed.problems) };
    const login = await this.repository.loginOf(actor.userId);
    return this.repository.replacing((current) => {
      const same = sameList(current, parsed.overrides);
      const status: ReferenceImportStatus = input.dryRun ? 'DRY_RUN' : same ? 'UNCHANGED' : 'APPLIED';
      const result: OverrideImportOutcome = { status, fileName, count: parsed.overrides.length, problems: [], report: summary(status, parsed.overrides) };
      return { result, write: status === 'APPLIED' ? parsed.overrides : null };
    }, login);
  }
}

function view(o: OverrideRow): OverrideView {
  const kind: WorkingDayKind = o.workday ? 'WORKDAY' : 'RESTDAY';
  return { date: o.date, kind, kindLabel: WORKING_DAY_KIND_LABELS[kind], note: o.note };
}

function sameList(a: readonly OverrideRow[], b: readonly OverrideRow[]): boolean {
  return a.length === b.length && a.every((o, i) => o.date === b[i].date && o.workday === b[i].workday && o.note === b[i].note);
}

function summary(status: ReferenceImportStatus, overrides: readonly OverrideRow[]): string {
  const work = overrides.filter((o) => o.workday).length;
  const counts = `共 ${overrides.length} 个日期：上班 ${work} 天，休息 ${overrides.length - work} 天。`;
  const outcome: Record<ReferenceImportStatus, string> = {
    REJECTED: '',
    DRY_RUN: '仅预览，未写入。',
    UNCHANGED: '与现有工作日调整相同，没有变化。',
    APPLIED: '工作日调整已导入，替换了原有的全部调整；此后计算的期限按新日历计算。',
  };
  return `${outcome[status]}${counts}`;
}
