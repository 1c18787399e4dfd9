// The units' monthly reports' rules in the API: who sees which report (a unit its own), the month's matrix, the
// hand-in (uploads checked and stored, then the one action path, WorkflowActions, to the report's Update), the office's
// review, opening a month (idempotent: one workflow per unit and month), the due day, the attachments' downloads and
// the monthly report's links.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { mayReadUnit, type Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import { requestLoader } from '../platform/graphql/request-loader';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { isMonth, monthOf, nextMonth } from '../../workflows/campaign/campaign.calendar';
import { canReviewUnitReport, canSubmitUnitReport, checkUnitReport, textWithin } from '../../workflows/unit-report/unit-report.decide';
import { UNIT_REPORT_EVENT_LABELS, UNIT_REPORT_LEVEL_LABELS, UNIT_REPORT_STATE_LABELS } from '../../workflows/unit-report/unit-report.labels';
import { unitReportActionUpdate } from '../../workflows/unit-report/unit-report.messages';
import type { UnitReportEventType } from '../../workflows/unit-report/unit-report.events';
import {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_DUE_DAY,
  MAX_REASON_CHARS,
  MAX_REPORT_PART_CHARS,
  MIN_DUE_DAY,
  type UnitReportAction,
  type UnitReportAttachment,
  type UnitReportCommand,
  type UnitReportLevel,
  type UnitReportState,
} from '../../workflows/unit-report/unit-report.types';
import { UnitReportRepository, type UnitReportView } from './unit-report.repository';
import { openUnitReportMonth } from './unit-report.starter';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const ID_CHARS = 300;
const HISTORY_LIMIT = 200;
const SUMMARY_CHARS = 100;
const SHA256 = /^[0-9a-f]{64}$/;

export type LinkStatus = 'ACCEPTED' | 'SUBMITTED' | 'LATE' | 'RETURNED' | 'OVERDUE' | 'OPEN' | 'MISSING';
export const LINK_STATUS_LABELS: Record<LinkStatus, string> = {
  ACCEPTED: '已采用',
  SUBMITTED: '已报送',
  LATE: '逾期报送',
  RETURNED: '退回修改',
  OVERDUE: '逾期未报',
  OPEN: '未报送',
  MISSING: '未开启',
};

/** Whether a report is late now: handed in late, or still owed after its due time. */
export function isLate(s: UnitReportState, now: Date): boolean {
  return s.late || ((s.state === 'OPEN' || s.state === 'RETURNED') && now.getTime() > Date.parse(s.dueAt));
}

/** How the monthly report shows a unit's report. */
export function linkStatus(s: UnitReportState | null, now: Date): LinkStatus {
  if (s === null) return 'MISSING';
  if (s.state === 'ACCEPTED') return s.late ? 'LATE' : 'ACCEPTED';
  if (s.state === 'SUBMITTED') return s.late ? 'LATE' : 'SUBMITTED';
  if (now.getTime() > Date.parse(s.dueAt)) return 'OVERDUE';
  return s.state === 'RETURNED' ? 'RETURNED' : 'OPEN';
}

function summary(text: string | undefined): string | null {
  if (!text) return null;
  const chars = [...text.slice(0, SUMMARY_CHARS * 2)];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('')}…` : chars.join('');
}

/** The GraphQL UnitReport's own fields; unit, names, history and the caller's abilities are resolved apart. */
export function unitReportFields(r: UnitReportView, now = new Date()) {
  const s = r.state;
  return {
    id: r.id,
    campaignId: r.campaignId,
    month: r.month,
    state: s.state,
    stateLabel: UNIT_REPORT_STATE_LABELS[s.state],
    dueAt: s.dueAt,
    late: isLate(s, now),
    progress: s.content?.progress ?? null,
    problems: s.content?.problems ?? null,
    nextSteps: s.content?.nextSteps ?? null,
    attachments: (s.content?.attachments ?? []).map((a) => ({ ...a, url: `/unit-reports/${encodeURIComponent(r.id)}/files/${a.sha256}` })),
    submittedAt: s.submittedAt,
    submissions: s.submissions,
    returnReason: s.returnReason,
    acceptedAt: s.acceptedAt,
    acceptNote: s.acceptNote,
    escalationLabel: s.escalationLevel ? UNIT_REPORT_LEVEL_LABELS[s.escalationLevel] : null,
  };
}

function checkId(id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_CHARS) throw new DomainError('BAD_USER_INPUT', '编号格式不正确', field);
  return id;
}

function checkMonth(month: unknown): string {
  if (!isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须写作 YYYY-MM（如 2027-03）', 'month');
  return month;
}

export interface SubmitInput {
  reportId: string;
  progress: string;
  problems: string;
  nextSteps: string;
  fileIds?: readonly string[] | null;
  keepAttachments?: readonly string[] | null;
}

@Injectable()
export class UnitReportService {
  constructor(
    private readonly repository: UnitReportRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A report the caller may see; NOT_FOUND otherwise (a unit does not learn of other units' reports). */
  async get(caller: Caller, reportId: unknown): Promise<UnitReportView> {
    const id = checkId(reportId, 'id');
    const report = await this.repository.find(id);
    if (!report || !mayReadUnit(caller, report.unitCode)) throw new DomainError('NOT_FOUND', '专题汇报不存在或无权查看', 'id');
    return report;
  }

  async month(caller: Caller, campaignId: string | null | undefined, monthArg: unknown) {
    const month = checkMonth(monthArg);
    const campaign = await this.campaigns.require(campaignId);
    const all = await this.repository.ofMonth(campaign.id, month);
    const reports = all.filter((r) => mayReadUnit(caller, r.unitCode));
    const now = new Date();
    return {
      campaignId: campaign.id,
      month,
      dueDay: await this.repository.dueDay(campaign.id),
      opened: all.length > 0,
      reports,
      submitted: reports.filter((r) => r.state.state === 'SUBMITTED' || r.state.state === 'ACCEPTED').length,
      accepted: reports.filter((r) => r.state.state === 'ACCEPTED').length,
      overdue: reports.filter((r) => (r.state.state === 'OPEN' || r.state.state === 'RETURNED') && now.getTime() > Date.parse(r.state.dueAt)).length,
    };
  }

  /** The unit hands in its report (or again after a return): new uploads are stored, kept ones named by SHA-256. */
  async submit(caller: Caller, input: SubmitInput): Promise<UnitReportView> {
    const report = await this.get(caller, input.reportId);
    // The rule first: another unit's report or one not owed is refused before any upload is used.
    this.refuseUnlessAllowed(report, caller, 'SUBMIT');
    for (const [field, label] of [
      ['progress', '工作进展'],
      ['problems', '存在问题'],
      ['nextSteps', '下步打算'],
    ] as const) {
      if (!textWithin(input[field], MAX_REPORT_PART_CHARS)) throw new DomainError('BAD_USER_INPUT', `${label}不能超过${MAX_REPORT_PART_CHARS}字`, field);
    }
    const fileIds = input.fileIds ?? [];
    const keep = input.keepAttachments ?? [];
    if (fileIds.length + keep.length > MAX_ATTACHMENTS) throw new DomainError('BAD_USER_INPUT', `附件最多 ${MAX_ATTACHMENTS} 个`, 'fileIds');
    const before = report.state.content?.attachments ?? [];
    const attachments: UnitReportAttachment[] = [];
    for (const sha256 of keep) {
      const kept = typeof sha256 === 'string' && SHA256.test(sha256) ? before.find((a) => a.sha256 === sha256) : undefined;
      if (!kept) throw new DomainError('BAD_USER_INPUT', '要保留的附件不在这份专题汇报中', 'keepAttachments');
      attachments.push(kept);
    }
    for (const fileId of fileIds) {
      const { name, content } = await this.uploads.use(caller, checkId(fileId, 'fileIds'), 'fileIds');
      if (content.byteLength > MAX_ATTACHMENT_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `每个附件不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 'fileIds');
      const stored = await this.files.put(name, content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!attachments.some((a) => a.sha256 === sha256)) attachments.push({ sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    return this.act(caller, report, { action: 'SUBMIT', progress: input.progress, problems: input.problems, nextSteps: input.nextSteps, attachments });
  }

  async accept(caller: Caller, reportId: unknown, note: string | null | undefined): Promise<UnitReportView> {
    const report = await this.get(caller, reportId);
    if (note !== null && note !== undefined && !textWithin(note, MAX_REASON_CHARS)) throw new DomainError('BAD_USER_INPUT', `意见不能超过${MAX_REASON_CHARS}字`, 'note');
    return this.act(caller, report, { action: 'ACCEPT', note: note ?? '' });
  }

  async return(caller: Caller, reportId: unknown, reason: unknown): Promise<UnitReportView> {
    const report = await this.get(caller, reportId);
    if (!textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写退回理由（不超过${MAX_REASON_CHARS}字）`, 'reason');
    return this.act(caller, report, { action: 'RETURN', reason });
  }

  /** The office opens a month for every unit; opening it again starts nothing twice. */
  async open(caller: Caller, campaignId: string | null | undefined, monthArg: unknown, now = new Date()) {
    const month = checkMonth(monthArg);
    const campaign = await this.campaigns.require(campaignId);
    if (month > nextMonth(monthOf(now.toISOString(), campaign.timeZone))) throw new DomainError('BAD_USER_INPUT', `只能开启本月或下月的专题汇报（${month} 太远）`, 'month');
    await openUnitReportMonth(this.temporal, this.config.temporal.taskQueue, this.repository, { campaignId: campaign.id, month, openedBy: caller });
    // The reports appear once each workflow has recorded its opening.
    const units = (await this.repository.units()).length;
    await this.waitUntil(async () => (await this.repository.ofMonth(campaign.id, month)).length >= units);
    return this.month(caller, campaign.id, month);
  }

  async setDueDay(caller: Caller, campaignId: string | null | undefined, dueDay: unknown): Promise<number> {
    if (typeof dueDay !== 'number' || !Number.isInteger(dueDay) || dueDay < MIN_DUE_DAY || dueDay > MAX_DUE_DAY) {
      throw new DomainError('BAD_USER_INPUT', `截止日须为 ${MIN_DUE_DAY} 到 ${MAX_DUE_DAY} 之间的整数（每个月都有的日子）`, 'dueDay');
    }
    const campaign = await this.campaigns.require(campaignId);
    await this.repository.setDueDay(campaign.id, dueDay, caller.userId);
    return dueDay;
  }

  /** An attachment of a report the caller may see. */
  async attachment(caller: Caller, reportId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const report = await this.get(caller, reportId);
    const attached = (report.state.content?.attachments ?? []).find((a) => a.sha256 === sha256);
    const content = attached ? await this.files.get(sha256) : null;
    if (!attached || !content) throw new DomainError('NOT_FOUND', '找不到该附件');
    return { content, name: attached.name, mimeType: attached.mimeType };
  }

  /** Each unit's report of a month as the monthly report links it: every unit, a report or MISSING. */
  async links(campaignId: string, month: string, now = new Date()) {
    const [units, reports] = await Promise.all([this.repository.units(), this.repository.ofMonth(campaignId, month)]);
    const byUnit = new Map(reports.map((r) => [r.unitCode, r]));
    return units.map((unit) => {
      const report = byUnit.get(unit.code) ?? null;
      const status = linkStatus(report?.state ?? null, now);
      return { unit, status, statusLabel: LINK_STATUS_LABELS[status], reportId: report?.id ?? null, summary: summary(report?.state.content?.progress) };
    });
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  canSubmit = (caller: Caller, r: UnitReportView) => !caller.service && canSubmitUnitReport(r.state, caller);
  canReview = (caller: Caller, r: UnitReportView) => !caller.service && canReviewUnitReport(r.state, caller);

  async unitOf(r: UnitReportView, ctx: GraphQLContext = {}) {
    const load = requestLoader(ctx, 'unitReportUnits', async (codes: readonly string[]) => new Map((await this.repository.units(codes)).map((u) => [u.code, u])));
    return (await load.load(r.unitCode)) ?? { code: r.unitCode, name: r.unitCode, kind: 'OTHER' };
  }

  async submittedByName(r: UnitReportView, ctx: GraphQLContext = {}) {
    if (!r.state.submittedBy) return null;
    return (await requestLoader(ctx, 'unitReportPeople', (ids: readonly string[]) => this.repository.userNames(ids)).load(r.state.submittedBy)) ?? null;
  }

  async history(r: UnitReportView) {
    return (await this.repository.events(r.id, HISTORY_LIMIT)).map((e) => {
      const level = e.type === 'UnitReportEscalated' ? UNIT_REPORT_LEVEL_LABELS[e.data.level as UnitReportLevel] : null;
      const note = level ?? (typeof e.data.reason === 'string' ? e.data.reason : typeof e.data.note === 'string' ? e.data.note : '');
      return { at: e.occurredAt.toISOString(), type: e.type, label: UNIT_REPORT_EVENT_LABELS[e.type as UnitReportEventType] ?? e.type, actorName: e.actorName ?? '', note };
    });
  }

  private refuseUnlessAllowed(report: UnitReportView, caller: Caller, action: UnitReportAction): void {
    const refused = checkUnitReport(report.state, caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async act(caller: Caller, report: UnitReportView, command: UnitReportCommand): Promise<UnitReportView> {
    // An accepted report's workflow has ended: the rule answers before Temporal is asked.
    if (report.state.state === 'ACCEPTED') this.refuseUnlessAllowed(report, caller, command.action);
    const outcome = await this.actions.execute(report.id, unitReportActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '专题汇报的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(caller, report.id);
    const version = outcome.result.version;
    let found: UnitReportView | null = null;
    await this.waitUntil(async () => {
      found = await this.repository.find(report.id);
      return found !== null && found.state.version >= version;
    });
    return found!;
  }

  private async waitUntil(ready: () => Promise<boolean>): Promise<void> {
    await waitForProjection(async () => ((await ready()) ? true : null));
  }
}
