// The activities' rules in the API: the office plans an activity (kind, title, organiser, date, place and catalog
// indicators, checked and bounded, then the activity's workflow), the organiser unit's people (or the office) record
// it as held — photos through the shared upload path, the rule checked first so a refusal costs no upload — and the
// office cancels it (the one action path, WorkflowActions, to the activity's Update, whose validator applies the pure
// rule); the list with its filters, the monthly counts and the workbook; and a held activity put into the archive
// library as evidence for its indicators, through the library's own registration of system documents (source
// `activity:<id>`, so selecting it again answers the same document), tagged to the activity's indicators.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { ArchiveLibraryService } from '../archive/archive-library.service';
import type { DocumentView } from '../archive/archive.repository';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import { requestLoader } from '../platform/graphql/request-loader';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { isLocalDate, isMonth, localDate, nextMonth, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import { addMs, DAY } from '../../workflows/shared/time';
import { canCancelActivity, canRecordHeld, checkActivity, isAttendance, textWithin } from '../../workflows/activity/activity.decide';
import type { ActivityEventType } from '../../workflows/activity/activity.events';
import { ACTIVITY_EVENT_LABELS, ACTIVITY_KIND_LABELS, ACTIVITY_LEVEL_LABELS, ACTIVITY_STATE_LABELS } from '../../workflows/activity/activity.labels';
import { activityActionUpdate } from '../../workflows/activity/activity.messages';
import {
  ACTIVITY_ARCHIVE_ROLES,
  ACTIVITY_KINDS,
  ACTIVITY_OFFICE_ROLES,
  ACTIVITY_STATES,
  MAX_ACTIVITY_INDICATORS,
  MAX_ACTIVITY_PHOTOS,
  MAX_ACTIVITY_PLACE_CHARS,
  MAX_ACTIVITY_REASON_CHARS,
  MAX_ACTIVITY_SUMMARY_CHARS,
  MAX_ACTIVITY_TITLE_CHARS,
  MAX_ATTENDANCE,
  type ActivityAction,
  type ActivityCommand,
  type ActivityKind,
  type ActivityLadder,
  type ActivityLevel,
  type ActivityPhoto,
  type ActivityStateName,
} from '../../workflows/activity/activity.types';
import { MAX_LIBRARY_TITLE_CHARS } from '../../workflows/archive-library/archive-library.types';
import { monthlyCounts } from './activity.counts';
import { renderActivityEvidencePdf } from './activity.evidence';
import { exportName, XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { activitiesXlsx } from './activity.export';
import { ActivityRepository, type ActivityView } from './activity.repository';
import { startActivity } from './activity.starter';

const ID_CHARS = 300;
const CODE_CHARS = 40;
const HISTORY_LIMIT = 500;
const LIST_LIMIT = 500;
/** How far from today an activity may be planned, either way. */
const MAX_DAYS_AWAY = 366;

export interface PlanActivityInput {
  campaignId?: string | null;
  kind: string;
  title: string;
  organiserUnitCode: string;
  plannedDate: string;
  place: string;
  indicatorCodes: readonly string[];
}

export interface RecordHeldInput {
  activityId: string;
  heldDate: string;
  attendance: number;
  photoFileIds?: readonly string[] | null;
  summary: string;
  expectedVersion?: number | null;
}

export interface ActivityFilterInput {
  campaignId?: string | null;
  month?: string | null;
  kind?: string | null;
  organiserUnitCode?: string | null;
  state?: string | null;
}

function checkId(id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_CHARS) throw new DomainError('BAD_USER_INPUT', '编号格式不正确', field);
  return id;
}

function text(value: unknown, field: string, label: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!textWithin(value, max * 2) || trimmed === '' || !textWithin(trimmed, max)) throw new DomainError('BAD_USER_INPUT', `请填写${label}（不超过${max}字）`, field);
  return trimmed;
}

/** The source an activity's library document is registered under. */
export function activityArchiveSource(activityId: string): string {
  return `activity:${activityId}`;
}

/** The GraphQL Activity's own fields; organiser, indicators, history and the caller's abilities are resolved apart. */
export function activityFields(v: ActivityView, now = Date.now()) {
  const s = v.state;
  return {
    id: v.id,
    campaignId: v.campaignId,
    kind: s.kind,
    kindLabel: ACTIVITY_KIND_LABELS[s.kind],
    title: s.title,
    plannedDate: s.plannedDate,
    place: s.place,
    state: s.state,
    stateLabel: ACTIVITY_STATE_LABELS[s.state],
    heldDate: s.heldDate,
    attendance: s.attendance,
    photos: s.photos.map((p) => ({ ...p, url: `/activities/${encodeURIComponent(v.id)}/photos/${p.sha256}` })),
    summary: s.summary,
    cancelReason: s.cancelReason,
    dueAt: s.dueAt,
    overdue: s.state === 'PLANNED' && Date.parse(s.dueAt) <= now,
    escalationLabel: s.escalationLevel ? ACTIVITY_LEVEL_LABELS[s.escalationLevel] : null,
    version: s.version,
  };
}

@Injectable()
export class ActivityService {
  constructor(
    private readonly repository: ActivityRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly library: ArchiveLibraryService,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(activityId: unknown): Promise<ActivityView> {
    const id = checkId(activityId, 'id');
    const found = await this.repository.find(id);
    if (!found) throw new DomainError('NOT_FOUND', '活动不存在', 'id');
    return found;
  }

  async list(filter: ActivityFilterInput | null | undefined): Promise<ActivityView[]> {
    const f = filter ?? {};
    const campaign = await this.campaigns.require(f.campaignId ?? null);
    const month = f.month ?? null;
    if (month !== null && !isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须写作 YYYY-MM', 'month');
    const kind = f.kind ?? null;
    if (kind !== null && !(ACTIVITY_KINDS as readonly string[]).includes(kind)) throw new DomainError('BAD_USER_INPUT', '未知的活动类别', 'kind');
    const state = f.state ?? null;
    if (state !== null && !(ACTIVITY_STATES as readonly string[]).includes(state)) throw new DomainError('BAD_USER_INPUT', '未知的活动状态', 'state');
    const organiser = f.organiserUnitCode ?? null;
    if (organiser !== null && (typeof organiser !== 'string' || organiser.length > CODE_CHARS)) throw new DomainError('BAD_USER_INPUT', `单位编码不超过${CODE_CHARS}个字符`, 'organiserUnitCode');
    return this.repository.list({
      campaignId: campaign.id,
      from: month ? `${month}-01` : null,
      to: month ? `${nextMonth(month)}-01` : null,
      kind: kind as ActivityKind | null,
      organiserUnitCode: organiser,
      state: state as ActivityStateName | null,
      limit: LIST_LIMIT,
    });
  }

  async counts(campaignId: string | null | undefined) {
    const campaign = await this.campaigns.require(campaignId ?? null);
    return monthlyCounts(await this.repository.counts(campaign.id));
  }

  /**
   * The office plans an activity. Its 举办 is owed at the end of its planned date (in the campaign's time zone).
   * `options` (tests, demo): the workflow's key and the ladder's hours instead of the defaults.
   */
  async plan(caller: Caller, input: PlanActivityInput, options: { key?: string; ladder?: ActivityLadder; now?: Date } = {}): Promise<ActivityView> {
    if (caller.service || !ACTIVITY_OFFICE_ROLES.includes(caller.role)) throw new DomainError('FORBIDDEN', '仅创建办可以制定活动计划');
    if (!(ACTIVITY_KINDS as readonly string[]).includes(input.kind)) throw new DomainError('BAD_USER_INPUT', '未知的活动类别', 'kind');
    const title = text(input.title, 'title', '活动名称', MAX_ACTIVITY_TITLE_CHARS);
    const place = text(input.place, 'place', '活动地点', MAX_ACTIVITY_PLACE_CHARS);
    if (!isLocalDate(input.plannedDate)) throw new DomainError('BAD_USER_INPUT', '计划日期须写作 YYYY-MM-DD', 'plannedDate');
    const now = options.now ?? new Date();
    const campaign = await this.campaigns.require(input.campaignId ?? null);
    const startsAt = startOfLocalDate(input.plannedDate, campaign.timeZone);
    if (Math.abs(Date.parse(startsAt) - now.getTime()) > MAX_DAYS_AWAY * DAY) throw new DomainError('BAD_USER_INPUT', '计划日期须在前后一年之内', 'plannedDate');
    const organiserUnitCode = await this.checkOrganiser(input.organiserUnitCode);
    const indicatorCodes = await this.checkIndicators(input.indicatorCodes);
    const id = await startActivity(this.temporal, this.config.temporal.taskQueue, options.key ?? randomUUID(), {
      campaignId: campaign.id,
      kind: input.kind as ActivityKind,
      title,
      organiserUnitCode,
      plannedDate: input.plannedDate,
      place,
      indicatorCodes,
      dueAt: addMs(startsAt, DAY),
      plannedBy: caller,
      ...(options.ladder ? { ladder: options.ladder } : {}),
    });
    return waitForProjection(() => this.repository.find(id));
  }

  private async checkOrganiser(code: unknown): Promise<string> {
    if (typeof code !== 'string' || code === '' || code.length > CODE_CHARS) throw new DomainError('BAD_USER_INPUT', '请选择承办单位', 'organiserUnitCode');
    const [unit] = await this.repository.units([code]);
    if (!unit) throw new DomainError('BAD_USER_INPUT', `组织架构中没有编码为「${code}」的单位`, 'organiserUnitCode');
    return code;
  }

  /** 1 to MAX_ACTIVITY_INDICATORS catalog indicator codes, each once. */
  private async checkIndicators(codes: readonly unknown[] | null | undefined): Promise<string[]> {
    if (!Array.isArray(codes) || codes.length === 0 || codes.length > MAX_ACTIVITY_INDICATORS) throw new DomainError('BAD_USER_INPUT', `请选择 1 到 ${MAX_ACTIVITY_INDICATORS} 个测评指标`, 'indicatorCodes');
    const unique: string[] = [];
    for (const code of codes) {
      if (typeof code !== 'string' || code.trim() === '' || code.length > CODE_CHARS) throw new DomainError('BAD_USER_INPUT', `指标编码须为不超过${CODE_CHARS}个字符的文本`, 'indicatorCodes');
      if (unique.includes(code.trim())) throw new DomainError('BAD_USER_INPUT', `指标「${code.trim()}」重复`, 'indicatorCodes');
      unique.push(code.trim());
    }
    const known = await this.repository.indicators(unique);
    const missing = unique.find((c) => !known.has(c));
    if (missing !== undefined) throw new DomainError('BAD_USER_INPUT', `测评体系中没有编码为「${missing}」的指标`, 'indicatorCodes');
    return unique;
  }

  async recordHeld(caller: Caller, input: RecordHeldInput): Promise<ActivityView> {
    const activity = await this.get(input.activityId);
    // The rule first: another unit, a wrong role or a closed activity costs no upload.
    this.refuseUnlessAllowed(activity, caller, 'RECORD_HELD');
    if (!isLocalDate(input.heldDate)) throw new DomainError('BAD_USER_INPUT', '举办日期须写作 YYYY-MM-DD', 'heldDate');
    const campaign = await this.campaigns.require(activity.campaignId);
    if (input.heldDate > localDate(Date.now(), campaign.timeZone)) throw new DomainError('BAD_USER_INPUT', '举办日期不能晚于今天', 'heldDate');
    if (!isAttendance(input.attendance)) throw new DomainError('BAD_USER_INPUT', `参加人数须为 0 到 ${MAX_ATTENDANCE} 之间的整数`, 'attendance');
    const summary = text(input.summary, 'summary', '活动总结', MAX_ACTIVITY_SUMMARY_CHARS);
    const fileIds = input.photoFileIds ?? [];
    if (!Array.isArray(fileIds) || fileIds.length > MAX_ACTIVITY_PHOTOS) throw new DomainError('BAD_USER_INPUT', `照片最多 ${MAX_ACTIVITY_PHOTOS} 张`, 'photoFileIds');
    const photos: ActivityPhoto[] = [];
    for (const fileId of fileIds) {
      const { name, content } = await this.uploads.use(caller, checkId(fileId, 'photoFileIds'), 'photoFileIds');
      const stored = await this.files.put(name, content);
      if (!stored.mimeType.startsWith('image/')) throw new DomainError('BAD_USER_INPUT', `「${stored.name}」不是照片（须为 JPG、PNG 或 WebP 图片）`, 'photoFileIds');
      if (!photos.some((p) => p.sha256 === stored.sha256)) photos.push({ sha256: stored.sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    return this.act(caller, activity, { action: 'RECORD_HELD', heldDate: input.heldDate, attendance: input.attendance, photos, summary }, input.expectedVersion);
  }

  async cancel(caller: Caller, activityId: unknown, reason: unknown): Promise<ActivityView> {
    const activity = await this.get(activityId);
    this.refuseUnlessAllowed(activity, caller, 'CANCEL');
    const text_ = text(reason, 'reason', '取消原因', MAX_ACTIVITY_REASON_CHARS);
    return this.act(caller, activity, { action: 'CANCEL', reason: text_ });
  }

  /**
   * A held activity becomes a document of the archive library: one PDF of its particulars, summary and photos, tagged
   * to its indicators, registered by the library's own action for system documents (already accepted, source
   * `activity:<id>`): selecting it again answers the document registered first.
   */
  async archive(caller: Caller, activityId: unknown): Promise<DocumentView> {
    const activity = await this.get(activityId);
    if (caller.service || !ACTIVITY_ARCHIVE_ROLES.includes(caller.role)) throw new DomainError('FORBIDDEN', '仅创建办或档案组可以将活动存入档案资料库');
    const s = activity.state;
    if (s.state !== 'HELD') throw new DomainError('ILLEGAL_TRANSITION', `活动「${s.title}」${ACTIVITY_STATE_LABELS[s.state]}，举办后才能作为佐证存档`, 'id');
    const [organiser] = await this.repository.units([s.organiserUnitCode]);
    const names = await this.repository.indicators(s.indicatorCodes);
    const photos = await Promise.all(s.photos.map(async (p) => ({ name: p.name, mimeType: p.mimeType, content: await this.files.get(p.sha256) })));
    const pdf = await renderActivityEvidencePdf(s, organiser?.name ?? s.organiserUnitCode, s.indicatorCodes.map((c) => `${c} ${names.get(c) ?? ''}`.trim()), photos);
    const stored = await this.files.put(exportName(`活动记录-${s.title}`, 'pdf'), pdf);
    return this.library.registerSystemDocument({
      campaignId: activity.campaignId,
      title: [...`活动照片及总结：${s.title}`].slice(0, MAX_LIBRARY_TITLE_CHARS).join(''),
      kind: 'PHOTO',
      fileId: stored.sha256,
      fileName: stored.name,
      source: activityArchiveSource(activity.id),
      tags: s.indicatorCodes,
    });
  }

  async export(filter: ActivityFilterInput | null | undefined) {
    const activities = (await this.list(filter)).map((a) => a.state);
    const counts = await this.counts(filter?.campaignId ?? null);
    const units = new Map((await this.repository.units([...new Set(activities.map((a) => a.organiserUnitCode))])).map((u) => [u.code, u.name]));
    const indicators = await this.repository.indicators([...new Set(activities.flatMap((a) => a.indicatorCodes))]);
    const f = filter ?? {};
    const scope = [f.month, f.kind ? ACTIVITY_KIND_LABELS[f.kind as ActivityKind] : null, f.state ? ACTIVITY_STATE_LABELS[f.state as ActivityStateName] : null, f.organiserUnitCode ? (units.get(f.organiserUnitCode) ?? f.organiserUnitCode) : null].filter(Boolean).join('，');
    const title = `活动记录${scope ? `（${scope}）` : ''}，共 ${activities.length} 项`;
    const content = await activitiesXlsx(title, activities, counts, (c) => units.get(c) ?? c, (c) => indicators.get(c) ?? '');
    return { fileName: exportName(`活动记录${f.month ? `-${f.month}` : ''}`), mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  /** A photo of an activity, for GET /activities/:activityId/photos/:sha256 (everyone signed in reads activities). */
  async photo(activityId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const activity = typeof activityId === 'string' && activityId.length <= ID_CHARS ? await this.repository.find(activityId) : null;
    const photo = activity?.state.photos.find((p) => p.sha256 === sha256);
    const content = photo ? await this.files.get(photo.sha256) : null;
    if (!photo || !content) throw new DomainError('NOT_FOUND', '找不到该照片');
    return { content, name: photo.name, mimeType: photo.mimeType };
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  canRecordHeld = (caller: Caller, a: ActivityView) => !caller.service && canRecordHeld(a.state, caller);
  canCancel = (caller: Caller, a: ActivityView) => !caller.service && canCancelActivity(a.state, caller);
  canArchive = (caller: Caller, a: ActivityView) => !caller.service && ACTIVITY_ARCHIVE_ROLES.includes(caller.role) && a.state.state === 'HELD';

  archiveDocumentId(a: ActivityView) {
    return a.state.state === 'HELD' ? this.repository.archiveDocumentId(activityArchiveSource(a.id)) : null;
  }

  organiser(a: ActivityView, ctx: GraphQLContext = {}) {
    const loader = requestLoader(ctx, 'activityUnits', async (codes: readonly string[]) => new Map((await this.repository.units(codes)).map((u) => [u.code, u])));
    const code = a.state.organiserUnitCode;
    return loader.load(code).then((u) => u ?? { code, name: code, kind: 'DEPARTMENT' });
  }

  async indicators(a: ActivityView, ctx: GraphQLContext = {}) {
    const loader = requestLoader(ctx, 'activityIndicators', (codes: readonly string[]) => this.repository.indicators(codes));
    return Promise.all(a.state.indicatorCodes.map(async (code) => ({ code, name: (await loader.load(code)) ?? code })));
  }

  async history(a: ActivityView) {
    const events = await this.repository.events(a.id, HISTORY_LIMIT);
    return events.map((e) => {
      let note = '';
      if (e.type === 'ActivityEscalated') note = ACTIVITY_LEVEL_LABELS[e.data.level as ActivityLevel] ?? '';
      else if (e.type === 'ActivityCancelled' && typeof e.data.reason === 'string') note = e.data.reason;
      else if (e.type === 'ActivityHeld') note = `${String(e.data.heldDate)}，参加 ${String(e.data.attendance)} 人`;
      return { at: e.occurredAt.toISOString(), type: e.type, label: ACTIVITY_EVENT_LABELS[e.type as ActivityEventType] ?? e.type, actorName: e.actorName ?? '系统', note };
    });
  }

  private refuseUnlessAllowed(activity: ActivityView, caller: Caller, action: ActivityAction): void {
    if (caller.service) throw new DomainError('FORBIDDEN', '服务账号只能读取');
    const refused = checkActivity(activity.state, caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async act(caller: Caller, activity: ActivityView, command: ActivityCommand, expectedVersion?: number | null): Promise<ActivityView> {
    // A held or cancelled activity's workflow has ended: the rule answers before Temporal is asked.
    this.refuseUnlessAllowed(activity, caller, command.action);
    const outcome = await this.actions.execute(activity.id, activityActionUpdate, {
      actor: caller,
      command,
      expectedVersion,
      toError: (err) => temporalToDomainError(err, '活动的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(activity.id);
    const version = outcome.result.version;
    return waitForProjection(
      () => this.repository.find(activity.id),
      (found) => found.state.version >= version,
    );
  }
}
