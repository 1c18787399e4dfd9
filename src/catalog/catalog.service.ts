// The assessment catalog: reading it, exporting it, and importing it from .xlsx or .csv. An import is refused
// whole with every problem listed (nothing written), or written in one transaction; the same file twice
// changes nothing. Only the office imports; everyone signed in may read and export the catalog.
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/indicator-task/indicator-task.types';
import { DomainError } from '../errors/domain-error';
import { parseCatalogCsv, parseCatalogXlsx } from './catalog.parser';
import { CatalogRepository } from './catalog.repository';
import { catalogCsv, catalogXlsx, byCode } from './catalog.export';
import type { Catalog, CatalogParse, IndicatorPlan } from './catalog.types';
import { diffCatalog, planCatalog, type CatalogDiff } from './catalog.validator';
import { decodeCsvBytes, problemReport, sortProblems, type SheetProblem } from './import-table';
import { countsText, type ChangeCounts, type ReferenceChange } from './reference-diff';
import { csvSheetName, uploadKind, type Upload } from './reference-upload';

export type ReferenceImportStatus = 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLIED';

export interface CatalogImportOutcome {
  status: ReferenceImportStatus;
  fileName: string;
  counts: CatalogDiff['counts'];
  problems: SheetProblem[];
  report: string;
  changes: ReferenceChange[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export type ExportFormat = 'XLSX' | 'CSV';

const NO_CHANGE: ChangeCounts = { total: 0, created: 0, changed: 0, unchanged: 0, removed: 0 };

/** The catalog as the API shows it: items by code, each with its indicators by code. */
export interface AssessmentSystemView {
  items: { code: string; name: string; points: number; indicators: (IndicatorPlan & { itemName: string })[] }[];
  indicatorCount: number;
  totalPoints: number;
}

@Injectable()
export class CatalogService {
  constructor(private readonly catalogs: CatalogRepository) {}

  async import(actor: Actor, input: Upload & { dryRun?: boolean }): Promise<CatalogImportOutcome> {
    if (actor.role !== 'OFFICE') throw new DomainError('FORBIDDEN', '只有创建办可以导入测评体系');
    const parsed = await this.read(input);
    return this.catalogs.importing<CatalogImportOutcome>((reference) => {
      const planned = planCatalog(parsed.rows, reference);
      const problems = sortProblems([...parsed.problems, ...planned.problems]);
      if (problems.length > 0) {
        const counts = { items: NO_CHANGE, indicators: NO_CHANGE, criteria: 0, materials: 0 };
        return { result: { status: 'REJECTED', fileName: input.fileName, counts, problems, report: problemReport(problems), changes: [] }, write: null };
      }
      const diff = diffCatalog(reference.current, planned.catalog);
      const changed = diff.changes.length > 0;
      const status: ReferenceImportStatus = input.dryRun ? 'DRY_RUN' : changed ? 'APPLIED' : 'UNCHANGED';
      const result = { status, fileName: input.fileName, counts: diff.counts, problems: [], report: summary(status, diff.counts), changes: diff.changes };
      return { result, write: status === 'APPLIED' ? diff.write : null };
    });
  }

  private async read(upload: Upload): Promise<CatalogParse> {
    return uploadKind(upload, '测评体系') === 'xlsx' ? parseCatalogXlsx(upload.content) : parseCatalogCsv(decodeCsvBytes(upload.content), csvSheetName(upload.fileName));
  }

  async system(): Promise<AssessmentSystemView> {
    return systemView(await this.catalogs.catalog());
  }

  async indicatorsByCode(): Promise<Map<string, IndicatorPlan>> {
    return new Map((await this.catalogs.catalog()).indicators.map((i) => [i.code, i]));
  }

  async export(format: ExportFormat, now: Date = new Date()): Promise<ExportedFile> {
    const catalog = await this.catalogs.catalog();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replace(/-/g, '');
    switch (format) {
      case 'XLSX':
        return {
          fileName: `测评体系-${day}.xlsx`,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          contentBase64: (await catalogXlsx(catalog)).toString('base64'),
        };
      case 'CSV':
        return { fileName: `测评体系-${day}.csv`, mimeType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(catalogCsv(catalog), 'utf8').toString('base64') };
      default: {
        const unknown: never = format;
        throw new DomainError('BAD_USER_INPUT', `不支持的导出格式「${String(unknown)}」`, 'format');
      }
    }
  }
}

function summary(status: ReferenceImportStatus, c: CatalogDiff['counts']): string {
  const counts = `测评项目 ${countsText(c.items)}；测评指标 ${countsText(c.indicators)}；测评内容 ${c.criteria} 条，档案材料 ${c.materials} 项。`;
  const outcome: Record<ReferenceImportStatus, string> = {
    REJECTED: '',
    DRY_RUN: '仅预览，未写入。',
    UNCHANGED: '与现有测评体系相同，没有变化。',
    APPLIED: '测评体系已导入。',
  };
  return `${outcome[status]}${counts}`;
}

export function systemView(catalog: Catalog): AssessmentSystemView {
  const items = [...catalog.items].sort((a, b) => byCode(a.code, b.code)).map((item) => {
    const indicators = catalog.indicators
      .filter((i) => i.itemCode === item.code)
      .sort((a, b) => byCode(a.code, b.code))
      .map((i) => ({ ...i, itemName: item.name }));
    return { code: item.code, name: item.name, points: round2(indicators.reduce((n, i) => n + i.points, 0)), indicators };
  });
  return {
    items,
    indicatorCount: catalog.indicators.length,
    totalPoints: round2(items.reduce((n, i) => n + i.points, 0)),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
