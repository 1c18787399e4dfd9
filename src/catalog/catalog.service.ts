// The assessment catalog: reading it (any version), exporting it, and importing it from .xlsx or .csv. An
// import is refused whole with every problem listed (nothing written), or written in one transaction together
// with the version it makes; the same file twice changes nothing. Only the office imports; everyone signed in
// may read and export the catalog and its versions.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../workflows/shared/actor.types';
import { DomainError } from '../platform/errors/domain-error';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { parseCatalogCsv, parseCatalogXlsx } from './catalog.parser';
import { CatalogRepository, type CatalogVersionHead } from './catalog.repository';
import { catalogCsv, catalogXlsx } from './catalog.export';
import { DEFAULT_CATALOG_TITLE, MAX_TITLE_LENGTH, byCode, type Catalog, type CatalogParse, type IndicatorPlan } from './catalog.types';
import { diffCatalog, planCatalog, type CatalogDiff } from './catalog.validator';
import { chooseTitle, exportFileName, normaliseTitle } from './catalog.versions';
import { decodeCsvBytes, problemReport, sortProblems, type SheetProblem } from '../platform/spreadsheet';
import { countsText, type ChangeCounts, type ReferenceChange } from './reference-diff';
import { csvSheetName, uploadKind, type Upload } from './reference-upload';
import { measureImport } from '../platform/metrics/api.metrics';

export type ReferenceImportStatus = 'REJECTED' | 'DRY_RUN' | 'UNCHANGED' | 'APPLIED';

export interface CatalogImportOutcome {
  status: ReferenceImportStatus;
  fileName: string;
  counts: CatalogDiff['counts'];
  problems: SheetProblem[];
  report: string;
  changes: ReferenceChange[];
  /** The version created when APPLIED, else the version the catalog is; null when there is none. */
  version: number | null;
  /** The title of that version (for a dry run: the title the import would give); null when refused. */
  title: string | null;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export type ExportFormat = 'XLSX' | 'CSV';

/** An outcome before its version is known, and whether it changes the catalog (for a dry run's report). */
type Draft = Omit<CatalogImportOutcome, 'version' | 'report'> & { changed: boolean };

const NO_CHANGE: ChangeCounts = { total: 0, created: 0, changed: 0, unchanged: 0, removed: 0 };

/** The catalog as the API shows it: items by code, each with its indicators by code. */
export interface AssessmentSystemView {
  items: { code: string; name: string; points: number; indicators: (IndicatorPlan & { itemName: string })[] }[];
  indicatorCount: number;
  totalPoints: number;
}

/** A version of the catalog as the API shows it: 0 and the default title while there is no catalog yet. */
export interface VersionView {
  version: number;
  title: string;
  importedAt: string | null;
  importedBy: string | null;
  fileName: string | null;
}

export interface CatalogVersionView extends VersionView {
  importedAt: string;
  fileSha256: string | null;
  indicatorCount: number;
  totalPoints: number;
  changes: ReferenceChange[];
}

@Injectable()
export class CatalogService {
  constructor(private readonly catalogs: CatalogRepository) {}

  /** Timed for /metrics by outcome (chuangwen_import_duration_seconds). */
  async import(actor: Actor, input: Upload & { dryRun?: boolean; title?: string | null }): Promise<CatalogImportOutcome> {
    return measureImport('catalog', () => this.importFile(actor, input));
  }

  private async importFile(actor: Actor, input: Upload & { dryRun?: boolean; title?: string | null }): Promise<CatalogImportOutcome> {
    const givenTitle = titleInput(input.title);
    const parsed = await this.read(input);
    const fileSha256 = createHash('sha256').update(input.content).digest('hex');
    const { result, version } = await this.catalogs.importing<Draft>((reference, latest) => {
      const planned = planCatalog(parsed.rows, reference);
      const problems = sortProblems([...parsed.problems, ...planned.problems]);
      if (problems.length > 0) {
        const counts = { items: NO_CHANGE, indicators: NO_CHANGE, criteria: 0, materials: 0 };
        return { result: { status: 'REJECTED', fileName: input.fileName, counts, problems, changes: [], title: null, changed: false }, apply: null };
      }
      const diff = diffCatalog(reference.current, planned.catalog);
      const { title, named } = chooseTitle(parsed.title, givenTitle, latest?.title ?? null);
      // A title the file or the importer names belongs to the version: renaming alone makes a version too.
      const changed = diff.changes.length > 0 || (named && title !== latest?.title);
      const status: ReferenceImportStatus = input.dryRun ? 'DRY_RUN' : changed ? 'APPLIED' : 'UNCHANGED';
      const result = { status, fileName: input.fileName, counts: diff.counts, problems: [], changes: diff.changes, title, changed };
      if (status !== 'APPLIED') return { result, apply: null };
      return { result, apply: { write: diff.write, version: { title, fileName: input.fileName, fileSha256, importedBy: actor.userId, changes: diff.changes } } };
    });
    const { changed, ...outcome } = result;
    return { ...outcome, version, report: outcome.status === 'REJECTED' ? problemReport(outcome.problems) : summary(outcome, version, changed) };
  }

  private async read(upload: Upload): Promise<CatalogParse> {
    return uploadKind(upload, '测评体系') === 'xlsx' ? parseCatalogXlsx(upload.content) : parseCatalogCsv(decodeCsvBytes(upload.content), csvSheetName(upload.fileName));
  }

  /** The current catalog, or the given version of it from its snapshot. */
  async system(version?: number | null): Promise<AssessmentSystemView & VersionView> {
    const { catalog, head } = await this.at(version);
    return { ...systemView(catalog), ...versionView(head) };
  }

  /** Every version, newest first. */
  async versions(): Promise<CatalogVersionView[]> {
    return (await this.catalogs.versions()).map((head) => ({
      ...versionView(head),
      importedAt: head.importedAt.toISOString(),
      fileSha256: head.fileSha256,
      indicatorCount: head.indicatorCount,
      totalPoints: head.totalPoints,
      changes: head.changes,
    }));
  }

  async indicatorsByCode(): Promise<Map<string, IndicatorPlan>> {
    return new Map((await this.catalogs.catalog()).indicators.map((i) => [i.code, i]));
  }

  /** The current catalog, or the given version, in the layout the import reads, under its title. */
  async export(format: ExportFormat, version?: number | null, now: Date = new Date()): Promise<ExportedFile> {
    const { catalog, head } = await this.at(version);
    const title = head?.title ?? DEFAULT_CATALOG_TITLE;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replace(/-/g, '');
    switch (format) {
      case 'XLSX':
        return {
          fileName: exportFileName(head?.version ?? null, day, 'xlsx'),
          mimeType: XLSX_MIME,
          contentBase64: (await catalogXlsx(catalog, title)).toString('base64'),
        };
      case 'CSV':
        return { fileName: exportFileName(head?.version ?? null, day, 'csv'), mimeType: 'text/csv; charset=utf-8', contentBase64: Buffer.from(catalogCsv(catalog, title), 'utf8').toString('base64') };
      default: {
        const unknown: never = format;
        throw new DomainError('BAD_USER_INPUT', `不支持的导出格式「${String(unknown)}」`, 'format');
      }
    }
  }

  /** The catalog as it stands with its latest version, or the given version: NOT_FOUND when there is no such version. */
  private async at(version: number | null | undefined): Promise<{ catalog: Catalog; head: CatalogVersionHead | null }> {
    if (version === null || version === undefined) {
      const current = await this.catalogs.current();
      return { catalog: current.catalog, head: current.version };
    }
    const stored = Number.isInteger(version) && version >= 1 ? await this.catalogs.version(version) : null;
    if (stored) return { catalog: stored.snapshot, head: stored };
    const latest = await this.catalogs.latestVersion();
    const known = latest === null ? '目前还没有导入过测评体系' : latest.version === 1 ? '现有的只有第 1 版' : `现有第 1 至第 ${latest.version} 版`;
    throw new DomainError('NOT_FOUND', `测评体系没有第 ${version} 版：${known}`, 'version');
  }
}

/** The title the importer typed, if any: one line, at most MAX_TITLE_LENGTH characters. */
function titleInput(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const title = normaliseTitle(text);
  if (title === null) throw new DomainError('BAD_USER_INPUT', `测评体系标题不能超过 ${MAX_TITLE_LENGTH} 个字`, 'title');
  return title;
}

function versionView(head: CatalogVersionHead | null): VersionView {
  if (!head) return { version: 0, title: DEFAULT_CATALOG_TITLE, importedAt: null, importedBy: null, fileName: null };
  return { version: head.version, title: head.title, importedAt: head.importedAt.toISOString(), importedBy: head.importedBy, fileName: head.fileName };
}

/** 测评体系已导入，为第 3 版「…」。测评项目 12 个（新增 1，…）… */
function summary(outcome: Omit<Draft, 'changed'>, version: number | null, changed: boolean): string {
  const c = outcome.counts;
  const counts = `测评项目 ${countsText(c.items)}；测评指标 ${countsText(c.indicators)}；测评内容 ${c.criteria} 条，档案材料 ${c.materials} 项。`;
  const title = `「${outcome.title ?? DEFAULT_CATALOG_TITLE}」`;
  switch (outcome.status) {
    case 'APPLIED':
      return `测评体系已导入，为第 ${version} 版${title}。${outcome.changes.length === 0 ? '内容没有变化，只更改了标题。' : ''}${counts}`;
    case 'DRY_RUN':
      return `仅预览，未写入。${changed ? `导入后将成为第 ${(version ?? 0) + 1} 版${title}。` : '与现有测评体系相同，导入不会有变化。'}${counts}`;
    case 'UNCHANGED':
      return `与现有测评体系（第 ${version} 版${title}）相同，没有变化。${counts}`;
    default:
      return counts;
  }
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
