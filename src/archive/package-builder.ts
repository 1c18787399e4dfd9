// Builds an archive package: every accepted task material and accepted library document of a campaign, streamed
// file by file into a zip (yazl; zip64 where sizes need it) that streams straight into the file store, each file
// hashed while it passes; then the index workbook 索引.xlsx (exceljs' streaming writer, through a temporary file)
// with the 完整性检查 sheet of what is still missing per unit. Memory holds the plan (names and hashes), never a file.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { ZipFile } from 'yazl';
import type { FileStore } from '../platform/files/file-store';
import type { ArchiveRepository } from './archive.repository';
import { INDEX_COLUMNS, INDEX_FILE, MISSING_COLUMNS, indexRow, placeFiles, safeName, type MissingMaterial, type PackageFile, type PlacedFile } from './package-layout';
import { LIBRARY_KIND_LABELS } from '../../workflows/archive-library/archive-library.labels';
import type { PackageBuildResult } from '../../workflows/archive-package/archive-package.types';
import { MATERIAL_STATUS_LABELS, STAGE_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import { PACKAGE_MATERIAL, type Stage } from '../../workflows/indicator-task/indicator-task.types';
import { shanghaiDate } from '../../workflows/shared/time';

export const ZIP_MIME_TYPE = 'application/zip';

/** What the plan of a package is: the files in order and what is missing. */
export interface PackagePlan {
  campaignName: string;
  files: PlacedFile[];
  missing: MissingMaterial[];
}

const dateOf = (iso: string | null) => (iso ? shanghaiDate(iso) : '');

export class ArchivePackageBuilder {
  constructor(
    private readonly repository: ArchiveRepository,
    private readonly files: FileStore,
  ) {}

  /** Reads what goes in: names and hashes only. A material whose file the store lacks is reported missing. */
  async plan(campaignId: string): Promise<PackagePlan> {
    const campaignName = await this.repository.campaignName(campaignId);
    if (campaignName === null) throw new Error(`活动「${campaignId}」不存在`);
    const [catalog, units, tasks, documents] = await Promise.all([this.repository.catalog(), this.repository.units(), this.repository.tasks(campaignId), this.repository.acceptedDocuments(campaignId)]);
    const people = new Set<string>();
    for (const t of tasks) for (const m of t.archive ?? []) for (const id of [m.submittedBy, m.reviewedBy]) if (id) people.add(id);
    for (const d of documents) for (const id of [d.submittedBy, d.reviewedBy]) if (id) people.add(id);
    const names = await this.repository.userNames([...people]);
    const person = (id: string | null) => (id ? (id === 'system' ? '系统' : (names.get(id) ?? id)) : '');
    const indicatorOf = (code: string) => catalog.indicators.get(code);

    const files: PackageFile[] = [];
    const missing: MissingMaterial[] = [];
    for (const task of tasks) {
      const indicator = indicatorOf(task.indicatorCode);
      const unitName = units.get(task.unitCode) ?? task.unitCode;
      const indicatorLabel = `${task.indicatorCode} ${indicator?.name ?? ''}`.trim();
      const archive = task.archive ?? [];
      if (archive.length === 0) {
        if (task.stage === 'ARCHIVED') continue; // archived as a whole package before per-material review: nothing to add
        const required = catalog.materials.get(task.indicatorCode) ?? [PACKAGE_MATERIAL.name];
        for (const material of required) missing.push({ unitName, indicator: indicatorLabel, material, status: `任务尚在「${STAGE_LABELS[task.stage as Stage] ?? task.stage}」阶段，未提交` });
        continue;
      }
      for (const m of archive) {
        if (m.status !== 'ACCEPTED') {
          missing.push({ unitName, indicator: indicatorLabel, material: m.name, status: MATERIAL_STATUS_LABELS[m.status] ?? m.status });
          continue;
        }
        if (!m.file) continue; // accepted without a file (a whole-package archive of old)
        const size = await this.files.sizeOf(m.file.sha256);
        if (size === null) {
          missing.push({ unitName, indicator: indicatorLabel, material: m.name, status: '已验收，但文件存储中找不到该文件' });
          continue;
        }
        files.push({
          sha256: m.file.sha256,
          size,
          fileName: m.file.name,
          itemCode: indicator?.itemCode ?? null,
          itemName: indicator ? (catalog.items.get(indicator.itemCode) ?? null) : null,
          indicatorCode: task.indicatorCode,
          indicatorName: indicator?.name ?? null,
          unitName,
          material: m.name,
          submittedBy: person(m.submittedBy),
          reviewedBy: person(m.reviewedBy),
          date: dateOf(m.reviewedAt),
        });
      }
    }

    for (const d of documents) {
      const size = await this.files.sizeOf(d.file.sha256);
      const unitName = d.unitCode ? (units.get(d.unitCode) ?? d.unitCode) : null;
      const material = `${d.title}（${LIBRARY_KIND_LABELS[d.kind] ?? d.kind}）`;
      if (size === null) {
        missing.push({ unitName: unitName ?? '创建办', indicator: '档案库', material, status: '已验收，但文件存储中找不到该文件' });
        continue;
      }
      const base = { sha256: d.file.sha256, size, fileName: d.file.name, unitName, material, submittedBy: person(d.submittedBy), reviewedBy: person(d.reviewedBy), date: dateOf(d.reviewedAt) };
      const places = d.tags.length === 0 ? [null] : d.tags;
      for (const tag of places) {
        if (tag === null) {
          files.push({ ...base, itemCode: null, itemName: null, indicatorCode: null, indicatorName: null });
        } else if (tag.kind === 'INDICATOR') {
          const indicator = indicatorOf(tag.code);
          const itemCode = indicator?.itemCode ?? null;
          files.push({ ...base, itemCode, itemName: itemCode ? (catalog.items.get(itemCode) ?? null) : null, indicatorCode: tag.code, indicatorName: indicator?.name ?? null });
        } else {
          files.push({ ...base, itemCode: tag.code, itemName: catalog.items.get(tag.code) ?? null, indicatorCode: null, indicatorName: null });
        }
      }
    }
    // Folders together: 测评项目, 指标, 单位 (untagged documents, 综合资料, last).
    const key = (f: PackageFile) => `${f.itemCode ?? '\uffff'}\u0000${f.indicatorCode ?? ''}\u0000${f.unitName ?? ''}`;
    const sorted = files.map((f, i) => ({ f, i, k: key(f) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    return { campaignName, files: placeFiles(sorted.map((s) => s.f)), missing };
  }

  /** Builds the package into the file store; `progress` is told after every file (the activity's heartbeat). */
  async build(campaignId: string, progress: (done: number, total: number) => void = () => undefined): Promise<PackageBuildResult & { plan: PackagePlan }> {
    const plan = await this.plan(campaignId);
    const fileName = `档案包-${safeName(plan.campaignName, 40)}-${shanghaiDate(new Date().toISOString())}.zip`;
    const zip = new ZipFile();
    const stored = this.files.putStream(fileName, ZIP_MIME_TYPE, zip.outputStream);
    // Settles only if writing to the store fails: every wait below gives up then.
    const failed = stored.then(() => new Promise<never>(() => undefined));
    failed.catch(() => undefined);
    const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'archive-package-'));
    try {
      const hashes: string[] = [];
      for (const [i, file] of plan.files.entries()) {
        hashes.push(await this.addFile(zip, file, failed));
        progress(i + 1, plan.files.length);
      }
      const index = path.join(work, INDEX_FILE);
      await writeIndex(index, plan, hashes);
      const indexSize = (await fs.promises.stat(index)).size;
      await Promise.race([addStream(zip, fs.createReadStream(index), INDEX_FILE, indexSize, true), failed]);
      zip.end();
      const result = await stored;
      const unitsMissing = new Set(plan.missing.map((m) => m.unitName)).size;
      return { sha256: result.sha256, size: result.size, fileName, fileCount: plan.files.length, missingCount: plan.missing.length, unitsMissing, plan };
    } catch (error) {
      (zip.outputStream as unknown as { destroy(e: Error): void }).destroy(error instanceof Error ? error : new Error(String(error)));
      await stored.catch(() => undefined);
      throw error;
    } finally {
      await fs.promises.rm(work, { recursive: true, force: true });
    }
  }

  /** Streams one stored file into the zip, hashing it as it passes; answers its SHA-256, which must be its name. */
  private async addFile(zip: ZipFile, file: PlacedFile, failed: Promise<never>): Promise<string> {
    const source = await this.files.openRead(file.sha256);
    if (!source) throw new Error(`文件「${file.fileName}」在文件存储中找不到`);
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    source.on('error', (err) => hashing.destroy(err));
    source.pipe(hashing);
    // Photos, PDFs and Office files are compressed already: stored as they are, which is fast for gigabytes.
    await Promise.race([addStream(zip, hashing, file.path, file.size, false), failed]);
    const sha256 = hash.digest('hex');
    if (sha256 !== file.sha256) throw new Error(`文件「${file.fileName}」的内容与其 SHA-256 不符，文件存储可能已损坏`);
    return sha256;
  }
}

/** Adds a stream as the zip's next entry and waits until the zip has read all of it. */
function addStream(zip: ZipFile, stream: NodeJS.ReadableStream, name: string, size: number, compress: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
    zip.addReadStream(stream as never, name, { compress, size });
  });
}

/** The index workbook: 索引 (one row per file) and 完整性检查 (one row per missing material, or a line saying none is). */
async function writeIndex(filename: string, plan: PackagePlan, hashes: string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: false, useSharedStrings: false });
  const index = workbook.addWorksheet('索引');
  index.addRow([...INDEX_COLUMNS]).commit();
  plan.files.forEach((file, i) => index.addRow(indexRow(i + 1, file, hashes[i]!)).commit());
  index.commit();
  const check = workbook.addWorksheet('完整性检查');
  check.addRow([...MISSING_COLUMNS]).commit();
  if (plan.missing.length === 0) check.addRow(['', '档案完整：所有任务要求的材料均已验收']).commit();
  plan.missing.forEach((m, i) => check.addRow([i + 1, m.unitName, m.indicator, m.material, m.status]).commit());
  check.commit();
  await workbook.commit();
}
