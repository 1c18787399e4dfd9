// The publicity ledger's rules in the API: everyone signed in reads the ledger and its counts (filtered by community,
// channel, month and indicator); the office records, corrects and voids entries (the community must be a community or
// village, the indicators the catalog's, the date not after today, photos images uploaded through POST /files; the rule
// checked first so a refusal costs no file); an entry's photo is filed in the archive library as 活动照片 through the
// library's own registration of system documents, tagged to the entry's indicators; photo downloads and the workbook.
// Every action goes the one path, WorkflowActions, to the ledger's Update: the workflow decides, one at a time.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Caller } from '../auth/access-policy';
import { ArchiveLibraryService } from '../archive/archive-library.service';
import type { DocumentView } from '../archive/archive.repository';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import type { CorrectPublicityEntryInput, ExportedFile, ExportFormat, PublicityFilter, RecordPublicityEntryInput } from '../platform/graphql/graphql.generated';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { textWithin } from '../../workflows/funding/funding.decide';
import { checkEntryFields, checkIndicatorCodes, checkPublicityAccess } from '../../workflows/publicity/publicity.decide';
import { PUBLICITY_CHANNEL_LABELS } from '../../workflows/publicity/publicity.labels';
import { publicityActionUpdate, publicityLedgerWorkflowId } from '../../workflows/publicity/publicity.messages';
import {
  MAX_CODE_CHARS,
  MAX_PHOTOS,
  MAX_PHOTO_BYTES,
  MAX_REASON_CHARS,
  PUBLICITY_CHANNELS,
  type PublicityAction,
  type PublicityChannel,
  type PublicityCommand,
  type PublicityEntryFields,
  type PublicityPhoto,
} from '../../workflows/publicity/publicity.types';
import { publicityXlsx } from './publicity.export';
import { photoSource, PublicityRepository, type CountRow, type EntryRow, type PublicityFilterArgs } from './publicity.repository';
import type { PublicityLedgerView } from './publicity.views';
import { startPublicityLedger } from './publicity.starter';

const ID_CHARS = 300;
const UNIT_CODE_CHARS = 50;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MIN_DAY = '2000-01-01';
/** Characters of the location kept in an archived photo's title (the library's titles are at most 100). */
const TITLE_LOCATION_CHARS = 60;

const bad = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, field);

/** PostgreSQL keeps no NUL in text: such an argument names nothing. */
const hasNul = (value: string) => value.includes('\u0000');

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > ID_CHARS || hasNul(value)) throw new DomainError('NOT_FOUND', '宣传台账记录不存在', field);
  return value;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

@Injectable()
export class PublicityService {
  constructor(
    private readonly repository: PublicityRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    private readonly library: ArchiveLibraryService,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The filters, checked: unknown channels, malformed months and oversized codes are refused. */
  filter(f: PublicityFilter | null | undefined): PublicityFilterArgs {
    const unitCode = f?.unitCode ?? null;
    const channel = f?.channel ?? null;
    const month = f?.month ?? null;
    const indicatorCode = f?.indicatorCode ?? null;
    if (unitCode !== null && (typeof unitCode !== 'string' || unitCode.length > UNIT_CODE_CHARS || hasNul(unitCode))) throw bad('社区或村编码格式不正确', 'unitCode');
    if (channel !== null && !(PUBLICITY_CHANNELS as readonly unknown[]).includes(channel)) throw bad('未知的宣传渠道', 'channel');
    if (month !== null && (typeof month !== 'string' || !MONTH.test(month))) throw bad('月份须写作 YYYY-MM', 'month');
    if (indicatorCode !== null && (typeof indicatorCode !== 'string' || indicatorCode.length > MAX_CODE_CHARS || hasNul(indicatorCode))) throw bad('测评指标编码格式不正确', 'indicatorCode');
    return { unitCode: unitCode || null, channel: channel as PublicityChannel | null, month: month || null, indicatorCode: indicatorCode || null };
  }

  async ledger(_caller: Caller, campaignId: string | null | undefined, filterArg: PublicityFilter | null | undefined): Promise<PublicityLedgerView> {
    const f = this.filter(filterArg);
    const campaign = await this.campaigns.require(campaignId);
    const [entries, perUnit, perChannel, perMonth, communities] = await Promise.all([
      this.repository.entries(campaign.id, f),
      this.repository.counts(campaign.id, f, 'unit_code'),
      this.repository.counts(campaign.id, f, 'channel'),
      this.repository.counts(campaign.id, f, 'month'),
      this.repository.communities(),
    ]);
    const units = await this.repository.units(perUnit.map((r) => r.key));
    const label = (rows: CountRow[], name: (key: string) => string) => rows.map((r) => ({ ...r, label: name(r.key) }));
    const archived = await this.repository.archivedSources(entries.flatMap((e) => e.photos.map((p) => photoSource(e.id, p.sha256))));
    let totalEntries = 0;
    let totalCount = 0;
    for (const r of perChannel) {
      totalEntries += r.entries;
      totalCount += r.count;
    }
    return {
      campaign,
      entries,
      totalEntries,
      totalCount,
      byCommunity: label(perUnit, (code) => units.get(code)?.name ?? code),
      byChannel: label(perChannel, (key) => PUBLICITY_CHANNEL_LABELS[key as PublicityChannel] ?? key),
      byMonth: label(perMonth, (key) => `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`),
      communities,
      archived,
    };
  }

  private refuse(caller: Caller, action: PublicityAction): void {
    const refused = checkPublicityAccess(caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async entryOf(entryId: unknown): Promise<EntryRow> {
    const entry = await this.repository.entry(id(entryId, 'id'));
    if (!entry) throw new DomainError('NOT_FOUND', '宣传台账记录不存在', 'id');
    return entry;
  }

  /** The fields the office typed, checked against the rule and the database; photos come after (they cost files). */
  private async fields(input: { channel: unknown; location: unknown; unitCode: unknown; count: unknown; heldOn: unknown; indicatorCodes?: unknown; note?: unknown }, timeZone: string, photos: PublicityPhoto[]): Promise<PublicityEntryFields> {
    const checked = checkEntryFields({ ...input, indicatorCodes: input.indicatorCodes ?? [], note: input.note ?? '', photos });
    if (!checked.ok) throw bad(checked.message, checked.field);
    const f = checked.fields;
    const today = localDate(new Date(), timeZone);
    if (f.heldOn > today || f.heldOn < MIN_DAY) throw bad(`日期须在 ${MIN_DAY} 至今天（${today}）之间`, 'heldOn');
    if ((await this.repository.communities(f.unitCode.slice(0, UNIT_CODE_CHARS))).length === 0 || f.unitCode.length > UNIT_CODE_CHARS) throw bad(`「${f.unitCode.slice(0, UNIT_CODE_CHARS)}」不是社区或村`, 'unitCode');
    const known = await this.repository.knownIndicators(f.indicatorCodes);
    const unknown = f.indicatorCodes.find((code) => !known.has(code));
    if (unknown !== undefined) throw bad(`测评体系中没有编码为「${unknown}」的指标`, 'indicatorCodes');
    return f;
  }

  /** The uploads, as photos in the file store: images only, each at most MAX_PHOTO_BYTES. */
  private async photos(caller: Caller, fileIds: readonly unknown[], already: number): Promise<PublicityPhoto[]> {
    const photos: PublicityPhoto[] = [];
    for (const fileId of fileIds) {
      const { name, content } = await this.uploads.use(caller, id(fileId, 'photoFileIds'), 'photoFileIds');
      if (content.byteLength > MAX_PHOTO_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `每张照片不超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, 'photoFileIds');
      const stored = await this.files.put(name, content);
      if (!stored.mimeType.startsWith('image/')) throw bad(`「${clip(stored.name, 40)}」不是图片：照片须为 JPG、PNG 或 WEBP 文件`, 'photoFileIds');
      if (!photos.some((p) => p.sha256 === stored.sha256)) photos.push({ sha256: stored.sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    if (photos.length + already > MAX_PHOTOS) throw bad(`照片最多 ${MAX_PHOTOS} 张`, 'photoFileIds');
    return photos;
  }

  private fileIds(value: unknown, already: number): unknown[] {
    const ids = value ?? [];
    if (!Array.isArray(ids)) throw bad('照片格式不正确', 'photoFileIds');
    if (ids.length + already > MAX_PHOTOS) throw bad(`照片最多 ${MAX_PHOTOS} 张`, 'photoFileIds');
    return ids;
  }

  async record(caller: Caller, input: RecordPublicityEntryInput): Promise<EntryRow> {
    this.refuse(caller, 'RECORD_ENTRY');
    const campaign = await this.campaigns.require(input.campaignId);
    const fileIds = this.fileIds(input.photoFileIds, 0);
    await this.fields(input, campaign.timeZone, []);
    const photos = await this.photos(caller, fileIds, 0);
    const fields = await this.fields(input, campaign.timeZone, photos);
    const entryId = `publicity-${randomUUID()}`;
    await this.act(caller, campaign.id, { action: 'RECORD_ENTRY', entryId, ...fields });
    return this.entryOf(entryId);
  }

  async correct(caller: Caller, input: CorrectPublicityEntryInput): Promise<EntryRow> {
    this.refuse(caller, 'CORRECT_ENTRY');
    const entry = await this.entryOf(input.id);
    if (entry.voided) throw new DomainError('ILLEGAL_TRANSITION', '这条记录已作废，不能再更正', 'id');
    if (!textWithin(input.reason, MAX_REASON_CHARS) || input.reason.trim() === '' || hasNul(input.reason)) throw bad(`请填写更正原因（不超过${MAX_REASON_CHARS}字）`, 'reason');
    const keep = input.keepPhotos ?? entry.photos.map((p) => p.sha256);
    if (!Array.isArray(keep) || keep.length > MAX_PHOTOS || keep.some((k) => typeof k !== 'string' || !SHA256.test(k) || !entry.photos.some((p) => p.sha256 === k))) throw bad('保留的照片须为这条记录原有的照片', 'keepPhotos');
    const kept = entry.photos.filter((p) => keep.includes(p.sha256));
    const fileIds = this.fileIds(input.photoFileIds, kept.length);
    const campaign = await this.campaigns.require(entry.campaignId);
    await this.fields(input, campaign.timeZone, kept);
    const added = (await this.photos(caller, fileIds, kept.length)).filter((p) => !kept.some((k) => k.sha256 === p.sha256));
    const fields = await this.fields(input, campaign.timeZone, [...kept, ...added]);
    await this.act(caller, entry.campaignId, { action: 'CORRECT_ENTRY', entryId: entry.id, reason: input.reason.trim(), ...fields });
    return this.entryOf(entry.id);
  }

  async void(caller: Caller, entryId: unknown, reason: unknown): Promise<EntryRow> {
    this.refuse(caller, 'VOID_ENTRY');
    const entry = await this.entryOf(entryId);
    if (!textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '' || hasNul(reason)) throw bad(`请填写作废原因（不超过${MAX_REASON_CHARS}字）`, 'reason');
    if (entry.voided) throw new DomainError('ILLEGAL_TRANSITION', '这条记录已作废', 'id');
    await this.act(caller, entry.campaignId, { action: 'VOID_ENTRY', entryId: entry.id, reason: reason.trim() });
    return this.entryOf(entry.id);
  }

  /**
   * Files one of an entry's photos in the archive library as 活动照片, tagged to the entry's indicators, through the
   * library's registration of system documents (already accepted; filing it again answers the same document).
   */
  async archivePhoto(caller: Caller, entryId: unknown, sha256: unknown): Promise<DocumentView> {
    this.refuse(caller, 'CORRECT_ENTRY');
    const entry = await this.entryOf(entryId);
    if (entry.voided) throw new DomainError('ILLEGAL_TRANSITION', '这条记录已作废，其照片不能归档', 'id');
    const photo = typeof sha256 === 'string' ? entry.photos.find((p) => p.sha256 === sha256) : undefined;
    if (!photo) throw new DomainError('NOT_FOUND', '这条记录没有该照片', 'sha256');
    const badCodes = checkIndicatorCodes(entry.indicatorCodes);
    if (badCodes) throw bad(badCodes, 'indicatorCodes');
    const units = await this.repository.units([entry.unitCode]);
    const title = `${PUBLICITY_CHANNEL_LABELS[entry.channel]}：${units.get(entry.unitCode)?.name ?? entry.unitCode}${clip(entry.location, TITLE_LOCATION_CHARS)}（${entry.heldOn}）`;
    return this.library.registerSystemDocument({
      campaignId: entry.campaignId,
      title: clip(title, 100),
      kind: 'PHOTO',
      fileId: photo.sha256,
      fileName: photo.name,
      source: photoSource(entry.id, photo.sha256),
      tags: entry.indicatorCodes,
    });
  }

  async photo(_caller: Caller, entryId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const entry = await this.entryOf(entryId);
    const p = entry.photos.find((x) => x.sha256 === sha256);
    const content = p ? await this.files.get(sha256) : null;
    if (!p || !content) throw new DomainError('NOT_FOUND', '找不到该照片');
    return { content, name: p.name, mimeType: p.mimeType };
  }

  async export(caller: Caller, input: { campaignId?: string | null; filter?: PublicityFilter | null; format: ExportFormat }): Promise<ExportedFile> {
    if (input.format !== 'XLSX') throw bad('宣传台账只能导出为 Excel 工作簿（XLSX）：它有三个工作表', 'format');
    const view = await this.ledger(caller, input.campaignId, input.filter);
    const names = await this.repository.userNames([...new Set(view.entries.map((e) => e.recordedBy))]);
    const units = await this.repository.units([...new Set(view.entries.map((e) => e.unitCode))]);
    const content = await publicityXlsx(view, (code) => units.get(code)?.name ?? code, (userId) => names.get(userId) ?? userId);
    return { fileName: `宣传台账-${view.campaign.id}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  // Fields of the GraphQL types that depend on the caller or on other rows.
  canManage = (caller: Caller) => !caller.service && checkPublicityAccess(caller, 'RECORD_ENTRY') === null;

  entryFields(e: EntryRow, archived: Set<string>) {
    return {
      id: e.id,
      channel: e.channel,
      channelLabel: PUBLICITY_CHANNEL_LABELS[e.channel],
      location: e.location,
      unitCode: e.unitCode,
      count: e.count,
      heldOn: e.heldOn,
      month: e.month,
      indicatorCodes: e.indicatorCodes,
      photos: e.photos.map((p) => ({ ...p, url: `/publicity/entries/${encodeURIComponent(e.id)}/photos/${p.sha256}`, archived: archived.has(photoSource(e.id, p.sha256)) })),
      note: e.note,
      voided: e.voided,
      voidReason: e.voidReason,
      recordedAt: e.recordedAt.toISOString(),
      recordedBy: e.recordedBy,
      correctedAt: e.correctedAt?.toISOString() ?? null,
      corrections: e.corrections,
      lastReason: e.lastReason,
    };
  }

  async archivedOf(e: EntryRow): Promise<Set<string>> {
    return this.repository.archivedSources(e.photos.map((p) => photoSource(e.id, p.sha256)));
  }

  async unit(code: string) {
    return (await this.repository.units([code])).get(code) ?? { code, name: code, kind: 'OTHER' };
  }

  async userName(userId: string): Promise<string> {
    return (await this.repository.userNames([userId])).get(userId) ?? userId;
  }

  /** The one action path; the answer is read once the ledger's projection has the action's version. */
  private async act(caller: Caller, campaignId: string, command: PublicityCommand): Promise<void> {
    const ledgerId = publicityLedgerWorkflowId(campaignId);
    const outcome = await this.actions.execute(ledgerId, publicityActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '宣传台账的工作流不存在或已结束'),
      startIfMissing: () => startPublicityLedger(this.temporal, this.config.temporal.taskQueue, { campaignId, openedBy: caller }),
    });
    if (outcome.replayed) return;
    const version = outcome.result.version;
    await waitForProjection(
      () => this.repository.version(campaignId),
      (v) => v >= version,
    );
  }
}
