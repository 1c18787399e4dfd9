// The drives' rules in the API: who sees what (every role the drives and their progress; a unit the items of its own
// unit, the lead unit all of them), launching one drive per campaign and area (its workflow id is the business key),
// the office's amendments and hand-made attachments (an item belongs to one drive at most), the lead unit's closing
// summary (uploads checked and stored first), the leading group's review, the workbook and the summary's files.
// Every workflow action goes through WorkflowActions to the drive's Update.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { isUnitRole, visibleUnit, type Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import type { ExportedFile } from '../platform/graphql/graphql.generated';
import { requestLoader } from '../platform/graphql/request-loader';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { ITEM_AREAS, ITEM_STATES, type ItemArea, type ItemState } from '../../workflows/rectification-item/rectification-item.types';
import { ITEM_AREA_LABELS, ITEM_STATE_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import { canAmendDrive, canReviewDrive, canSubmitDriveSummary, checkDrive, checkPlan, driveName } from '../../workflows/special-drive/special-drive.decide';
import type { SpecialDriveEventType } from '../../workflows/special-drive/special-drive.events';
import { DRIVE_EVENT_LABELS, DRIVE_LEVEL_LABELS, DRIVE_PLAN_FIELD_LABELS, DRIVE_STATE_LABELS } from '../../workflows/special-drive/special-drive.labels';
import { SPECIAL_DRIVE_WORKFLOW_TYPE, specialDriveActionUpdate, specialDriveWorkflowId } from '../../workflows/special-drive/special-drive.messages';
import { textWithin } from '../../workflows/unit-report/unit-report.decide';
import { MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '../../workflows/unit-report/unit-report.types';
import {
  MAX_ITEM_ID_CHARS,
  MAX_REASON_CHARS,
  MAX_SUMMARY_CHARS,
  type DriveAction,
  type DriveAttachment,
  type DriveCommand,
  type DriveLadder,
  type DrivePlan,
  type SpecialDriveInput,
  type SpecialDriveState,
} from '../../workflows/special-drive/special-drive.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { specialDrivesXlsx, type DriveSheet } from './special-drive.export';
import { OWED_ITEM_STATES, SpecialDriveRepository, type DriveItemRow, type DriveView } from './special-drive.repository';

const ITEMS_SHOWN = 500;
const ITEMS_EXPORTED = 5_000;
const HISTORY_LIMIT = 300;
const SHA256 = /^[0-9a-f]{64}$/;

export interface DrivePlanArgs {
  campaignId?: string | null;
  area: unknown;
  leadUnitCode: unknown;
  startDate: unknown;
  endDate: unknown;
  goals: unknown;
  participatingUnitCodes: unknown;
}

export interface SubmitSummaryArgs {
  campaignId?: string | null;
  area: unknown;
  summary: unknown;
  fileIds?: readonly unknown[] | null;
  keepAttachments?: readonly unknown[] | null;
}

/** Test and demo only: a launch with its own deadline and ladder (the API always uses the end date and the default ladder). */
export interface LaunchOptions {
  dueAt?: string;
  ladder?: DriveLadder;
}

function checkArea(area: unknown): ItemArea {
  if (typeof area !== 'string' || !(ITEM_AREAS as readonly string[]).includes(area)) throw new DomainError('BAD_USER_INPUT', '整治领域不正确', 'area');
  return area as ItemArea;
}

function isOverdue(item: Pick<DriveItemRow, 'state' | 'dueAt'>, now: Date): boolean {
  return (OWED_ITEM_STATES as readonly string[]).includes(item.state) && item.dueAt !== null && item.dueAt.getTime() < now.getTime();
}

/** Whether a drive's summary is owed after its deadline. */
export function driveLate(s: SpecialDriveState, now: Date): boolean {
  return (s.state === 'ACTIVE' || s.state === 'RETURNED') && now.getTime() > Date.parse(s.dueAt);
}

/**
 * Whether an item belongs to a drive: attached by hand, or of its area, reported within its period, not detached and
 * not attached by hand to another drive (`claimed`: an item belongs to one drive at most).
 */
export function driveContains(s: SpecialDriveState, item: { id: string; campaignId: string; area: string | null; reportedAt: Date }, claimed: readonly string[]): 'AUTO' | 'MANUAL' | null {
  if (item.campaignId !== s.campaignId) return null;
  if (s.attachedItemIds.includes(item.id)) return 'MANUAL';
  if (claimed.includes(item.id)) return null;
  const at = item.reportedAt.getTime();
  if (item.area === s.area && at >= Date.parse(s.startsAt) && at < Date.parse(s.endsAt) && !s.detachedItemIds.includes(item.id)) return 'AUTO';
  return null;
}

/** The items the other drives of `drives` attached by hand: they belong to those, not to `drive` by its area. */
export function claimedElsewhere(drives: readonly DriveView[], drive: DriveView): string[] {
  return drives.filter((d) => d.id !== drive.id).flatMap((d) => d.state.attachedItemIds);
}

/** The GraphQL SpecialDrive's own fields; units, items, progress, history and the caller's abilities are resolved apart. */
export function driveFields(d: DriveView, now = new Date()) {
  const s = d.state;
  return {
    id: d.id,
    campaignId: d.campaignId,
    area: d.area,
    name: driveName(s),
    state: s.state,
    stateLabel: DRIVE_STATE_LABELS[s.state],
    startDate: s.plan.startDate,
    endDate: s.plan.endDate,
    goals: s.plan.goals,
    dueAt: s.dueAt,
    late: driveLate(s, now),
    escalationLabel: s.escalationLevel ? DRIVE_LEVEL_LABELS[s.escalationLevel] : null,
    summary: s.summary?.text ?? null,
    summaryAttachments: (s.summary?.attachments ?? []).map((a) => ({ ...a, url: `/special-drives/${encodeURIComponent(d.id)}/files/${a.sha256}` })),
    summarySubmittedAt: s.summary?.submittedAt ?? null,
    submissions: s.submissions,
    returnReason: s.returnReason,
    approvedAt: s.approvedAt,
    approveNote: s.approveNote,
    launchedAt: s.launchedAt,
  };
}

@Injectable()
export class SpecialDriveService {
  constructor(
    private readonly repository: SpecialDriveRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The campaign's launched drives, in the areas' order. */
  async list(campaignId: string | null | undefined): Promise<DriveView[]> {
    const campaign = await this.campaigns.require(campaignId);
    const drives = await this.repository.ofCampaign(campaign.id);
    return ITEM_AREAS.flatMap((area) => drives.filter((d) => d.area === area));
  }

  async find(campaignId: string | null | undefined, areaArg: unknown): Promise<DriveView | null> {
    const area = checkArea(areaArg);
    const campaign = await this.campaigns.require(campaignId);
    return this.repository.find(specialDriveWorkflowId(campaign.id, area));
  }

  async require(campaignId: string | null | undefined, area: unknown): Promise<DriveView> {
    const drive = await this.find(campaignId, area);
    if (!drive) throw new DomainError('NOT_FOUND', '该领域的专项整治尚未启动', 'area');
    return drive;
  }

  /** The office launches an area's drive; the same area again in the same campaign is a CONFLICT. */
  async launch(caller: Actor, args: DrivePlanArgs, options: LaunchOptions = {}): Promise<DriveView> {
    const area = checkArea(args.area);
    const campaign = await this.campaigns.require(args.campaignId);
    const plan = await this.checkedPlan(args);
    const workflowId = specialDriveWorkflowId(campaign.id, area);
    if (await this.repository.find(workflowId)) throw new DomainError('CONFLICT', `本活动的${ITEM_AREA_LABELS[area]}专项整治已经启动，请调整其方案`, 'area');
    const input: SpecialDriveInput = { campaignId: campaign.id, area, timeZone: campaign.timeZone, plan, launchedBy: caller, ...options };
    try {
      await this.temporal.workflow.start(SPECIAL_DRIVE_WORKFLOW_TYPE, { workflowId, taskQueue: this.config.temporal.taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('CONFLICT', `本活动的${ITEM_AREA_LABELS[area]}专项整治已经启动，请调整其方案`, 'area');
      throw err;
    }
    let found: DriveView | null = null;
    await waitForProjection(async () => {
      found = await this.repository.find(workflowId);
      return found ? true : null;
    });
    return found!;
  }

  async amend(caller: Actor, args: DrivePlanArgs): Promise<DriveView> {
    const drive = await this.require(args.campaignId, args.area);
    this.refuseUnlessAllowed(drive, caller, 'AMEND');
    const plan = await this.checkedPlan(args);
    return this.act(caller, drive, { action: 'AMEND', ...plan });
  }

  /** The office attaches an item of the campaign that belongs to no drive yet. */
  async attach(caller: Actor, campaignId: string | null | undefined, area: unknown, itemIdArg: unknown): Promise<DriveView> {
    const drive = await this.require(campaignId, area);
    this.refuseUnlessAllowed(drive, caller, 'ATTACH_ITEM');
    const item = await this.requireItem(drive, itemIdArg);
    const drives = await this.repository.ofCampaign(drive.campaignId);
    if (driveContains(drive.state, item, claimedElsewhere(drives, drive))) throw new DomainError('CONFLICT', `该整改问题已在${driveName(drive.state)}中`, 'itemId');
    const other = drives.find((d) => d.id !== drive.id && driveContains(d.state, item, claimedElsewhere(drives, d)) !== null);
    if (other) throw new DomainError('CONFLICT', `该整改问题已属于${driveName(other.state)}，请先从那里移出`, 'itemId');
    return this.act(caller, drive, { action: 'ATTACH_ITEM', itemId: item.id });
  }

  async detach(caller: Actor, campaignId: string | null | undefined, area: unknown, itemIdArg: unknown, reason: unknown): Promise<DriveView> {
    const drive = await this.require(campaignId, area);
    this.refuseUnlessAllowed(drive, caller, 'DETACH_ITEM');
    if (!textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写移出理由（不超过${MAX_REASON_CHARS}字）`, 'reason');
    const item = await this.requireItem(drive, itemIdArg);
    if (!driveContains(drive.state, item, await this.claimed(drive))) throw new DomainError('BAD_USER_INPUT', `该整改问题不在${driveName(drive.state)}中`, 'itemId');
    return this.act(caller, drive, { action: 'DETACH_ITEM', itemId: item.id, reason });
  }

  /** The lead unit's head hands in the closing summary: new uploads are stored, kept ones named by SHA-256. */
  async submitSummary(caller: Actor, args: SubmitSummaryArgs): Promise<DriveView> {
    const drive = await this.require(args.campaignId, args.area);
    // The rule first: another unit or a drive not owing a summary is refused before any upload is used.
    this.refuseUnlessAllowed(drive, caller, 'SUBMIT_SUMMARY');
    if (!textWithin(args.summary, MAX_SUMMARY_CHARS) || args.summary.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写专项整治总结（不超过${MAX_SUMMARY_CHARS}字）`, 'summary');
    const fileIds = args.fileIds ?? [];
    const keep = args.keepAttachments ?? [];
    if (fileIds.length + keep.length > MAX_ATTACHMENTS) throw new DomainError('BAD_USER_INPUT', `附件最多 ${MAX_ATTACHMENTS} 个`, 'fileIds');
    const before = drive.state.summary?.attachments ?? [];
    const attachments: DriveAttachment[] = [];
    for (const sha256 of keep) {
      const kept = typeof sha256 === 'string' && SHA256.test(sha256) ? before.find((a) => a.sha256 === sha256) : undefined;
      if (!kept) throw new DomainError('BAD_USER_INPUT', '要保留的附件不在这份总结中', 'keepAttachments');
      attachments.push(kept);
    }
    for (const fileId of fileIds) {
      if (typeof fileId !== 'string' || fileId.length === 0 || fileId.length > MAX_ITEM_ID_CHARS) throw new DomainError('BAD_USER_INPUT', '文件编号格式不正确', 'fileIds');
      const { name, content } = await this.uploads.use(caller, fileId, 'fileIds');
      if (content.byteLength > MAX_ATTACHMENT_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `每个附件不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 'fileIds');
      const stored = await this.files.put(name, content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!attachments.some((a) => a.sha256 === sha256)) attachments.push({ sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    return this.act(caller, drive, { action: 'SUBMIT_SUMMARY', text: args.summary, attachments });
  }

  async approve(caller: Actor, campaignId: string | null | undefined, area: unknown, note: unknown): Promise<DriveView> {
    const drive = await this.require(campaignId, area);
    if (note !== null && note !== undefined && !textWithin(note, MAX_REASON_CHARS)) throw new DomainError('BAD_USER_INPUT', `审定意见不能超过${MAX_REASON_CHARS}字`, 'note');
    return this.act(caller, drive, { action: 'APPROVE', note: typeof note === 'string' ? note : '' });
  }

  async return(caller: Actor, campaignId: string | null | undefined, area: unknown, reason: unknown): Promise<DriveView> {
    const drive = await this.require(campaignId, area);
    if (!textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写退回理由（不超过${MAX_REASON_CHARS}字）`, 'reason');
    return this.act(caller, drive, { action: 'RETURN', reason });
  }

  /** The overview and each drive's items as a workbook (only the area's drive when given). */
  async export(caller: Caller, campaignId: string | null | undefined, areaArg: unknown, now = new Date()): Promise<ExportedFile> {
    const campaign = await this.campaigns.require(campaignId);
    const area = areaArg === null || areaArg === undefined ? null : checkArea(areaArg);
    const drives = (await this.list(campaign.id)).filter((d) => area === null || d.area === area);
    if (area !== null && drives.length === 0) throw new DomainError('NOT_FOUND', '该领域的专项整治尚未启动', 'area');
    const unitNames = new Map((await this.repository.units()).map((u) => [u.code, u.name]));
    const sheets: DriveSheet[] = [];
    const all = await this.repository.ofCampaign(campaign.id);
    for (const drive of drives) {
      const items = await this.repository.items(drive.state, claimedElsewhere(all, drive), ITEMS_EXPORTED, this.itemUnitFilter(caller, drive));
      sheets.push({ drive: driveFields(drive, now), plan: drive.state.plan, progress: await this.progress(drive, now), items: items.map((i) => this.itemFields(drive, i, now)) });
    }
    const content = await specialDrivesXlsx({ campaignName: campaign.name, timeZone: campaign.timeZone, now, unitName: (code) => unitNames.get(code) ?? code, drives: sheets });
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    return {
      fileName: `专项整治-${campaign.id}${area ? `-${ITEM_AREA_LABELS[area]}` : ''}-${day}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: content.toString('base64'),
    };
  }

  /** An attachment of a drive's summary. */
  async attachment(driveId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const drive = typeof driveId === 'string' && driveId.length <= MAX_ITEM_ID_CHARS ? await this.repository.find(driveId) : null;
    const attached = (drive?.state.summary?.attachments ?? []).find((a) => a.sha256 === sha256);
    const content = attached ? await this.files.get(sha256) : null;
    if (!attached || !content) throw new DomainError('NOT_FOUND', '找不到该附件');
    return { content, name: attached.name, mimeType: attached.mimeType };
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  canAmend = (caller: Caller, d: DriveView) => !caller.service && canAmendDrive(d.state, caller);
  canSubmitSummary = (caller: Caller, d: DriveView) => !caller.service && canSubmitDriveSummary(d.state, caller);
  canReview = (caller: Caller, d: DriveView) => !caller.service && canReviewDrive(d.state, caller);

  async progress(d: DriveView, now = new Date()) {
    const p = await this.repository.progress(d.state, await this.claimed(d), now);
    return { ...p, open: p.total - p.closed, closedRate: p.total === 0 ? null : p.closed / p.total };
  }

  /** The items the caller sees: a unit those dispatched to it, the lead unit's people and everyone else all of them. */
  async items(caller: Caller, d: DriveView, ctx: GraphQLContext = {}, now = new Date()) {
    const rows = await this.repository.items(d.state, await this.claimed(d), ITEMS_SHOWN, this.itemUnitFilter(caller, d));
    const load = this.unitLoader(ctx);
    return Promise.all(
      rows.map(async (i) => {
        const fields = this.itemFields(d, i, now);
        return { ...fields, unit: i.unitCode ? ((await load.load(i.unitCode)) ?? { code: i.unitCode, name: i.unitCode, kind: 'OTHER' }) : null };
      }),
    );
  }

  async unitOf(code: string, ctx: GraphQLContext = {}) {
    return (await this.unitLoader(ctx).load(code)) ?? { code, name: code, kind: 'OTHER' };
  }

  async history(d: DriveView) {
    const unitNames = new Map((await this.repository.units()).map((u) => [u.code, u.name]));
    return (await this.repository.events(d.id, HISTORY_LIMIT)).map((e) => {
      const type = e.type as SpecialDriveEventType;
      let note = '';
      if (type === 'SpecialDriveEscalated') note = DRIVE_LEVEL_LABELS[e.data.level as keyof typeof DRIVE_LEVEL_LABELS] ?? '';
      else if (type === 'SpecialDriveAmended') note = `调整：${((e.data.changed as string[]) ?? []).map((c) => DRIVE_PLAN_FIELD_LABELS[c] ?? c).join('、')}`;
      else if (type === 'SpecialDriveLaunched') note = `牵头单位：${unitNames.get((e.data.plan as DrivePlan).leadUnitCode) ?? ''}`;
      else if (typeof e.data.reason === 'string') note = e.data.reason;
      else if (typeof e.data.note === 'string') note = e.data.note;
      if ((type === 'SpecialDriveItemAttached' || type === 'SpecialDriveItemDetached') && typeof e.data.itemId === 'string') note = note ? `${e.data.itemId}：${note}` : e.data.itemId;
      return { at: e.occurredAt.toISOString(), type: e.type, label: DRIVE_EVENT_LABELS[type] ?? e.type, actorName: e.actorName ?? '', note };
    });
  }

  /** The items other drives of the campaign attached by hand. */
  private async claimed(d: DriveView): Promise<string[]> {
    return claimedElsewhere(await this.repository.ofCampaign(d.campaignId), d);
  }

  private itemFields(d: DriveView, i: DriveItemRow, now: Date) {
    return {
      id: i.id,
      description: i.description,
      address: i.address,
      state: i.state,
      stateLabel: (ITEM_STATES as readonly string[]).includes(i.state) ? ITEM_STATE_LABELS[i.state as ItemState] : i.state,
      area: i.area,
      unitCode: i.unitCode,
      dueAt: i.dueAt?.toISOString() ?? null,
      overdue: isOverdue(i, now),
      relapseCount: i.relapseCount,
      reportedAt: i.reportedAt.toISOString(),
      link: d.state.attachedItemIds.includes(i.id) ? ('MANUAL' as const) : ('AUTO' as const),
    };
  }

  /** Null: every item of the drive; a unit's code: only its items (the lead unit sees all). */
  private itemUnitFilter(caller: Caller, d: DriveView): string | null {
    if (!isUnitRole(caller.role)) return null;
    const unit = visibleUnit(caller);
    return unit === d.state.plan.leadUnitCode ? null : unit;
  }

  private unitLoader(ctx: GraphQLContext) {
    return requestLoader(ctx, 'specialDriveUnits', async (codes: readonly string[]) => new Map((await this.repository.units(codes)).map((u) => [u.code, u])));
  }

  private async requireItem(drive: DriveView, itemIdArg: unknown) {
    if (typeof itemIdArg !== 'string' || itemIdArg.length === 0 || itemIdArg.length > MAX_ITEM_ID_CHARS) throw new DomainError('BAD_USER_INPUT', '整改问题编号格式不正确', 'itemId');
    const item = await this.repository.item(itemIdArg);
    if (!item || item.campaignId !== drive.campaignId) throw new DomainError('NOT_FOUND', '本活动中没有这个整改问题', 'itemId');
    return item;
  }

  /** The plan checked by the pure rule, and its units by the organisation. */
  private async checkedPlan(args: DrivePlanArgs): Promise<DrivePlan> {
    const checked = checkPlan({ leadUnitCode: args.leadUnitCode, startDate: args.startDate, endDate: args.endDate, goals: args.goals, participatingUnitCodes: args.participatingUnitCodes });
    if (!checked.ok) throw new DomainError(checked.rejection.code, checked.rejection.message, checked.rejection.field ?? null);
    const plan = checked.plan;
    const codes = [plan.leadUnitCode, ...plan.participatingUnitCodes];
    const known = new Set((await this.repository.units(codes)).map((u) => u.code));
    if (!known.has(plan.leadUnitCode)) throw new DomainError('BAD_USER_INPUT', `牵头单位「${plan.leadUnitCode}」不在组织机构中`, 'leadUnitCode');
    const unknown = plan.participatingUnitCodes.find((c) => !known.has(c));
    if (unknown !== undefined) throw new DomainError('BAD_USER_INPUT', `参与单位「${unknown}」不在组织机构中`, 'participatingUnitCodes');
    return plan;
  }

  private refuseUnlessAllowed(drive: DriveView, caller: Actor, action: DriveAction): void {
    const refused = checkDrive(drive.state, caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async act(caller: Actor, drive: DriveView, command: DriveCommand): Promise<DriveView> {
    // A closed drive's workflow has ended: the rule answers before Temporal is asked.
    if (drive.state.state === 'CLOSED') this.refuseUnlessAllowed(drive, caller, command.action);
    const outcome = await this.actions.execute(drive.id, specialDriveActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '专项整治的工作流不存在或已结束'),
    });
    if (outcome.replayed) return (await this.repository.find(drive.id))!;
    const version = outcome.result.version;
    let found: DriveView | null = null;
    await waitForProjection(async () => {
      found = await this.repository.find(drive.id);
      return found !== null && found.state.version >= version ? true : null;
    });
    return found!;
  }
}
