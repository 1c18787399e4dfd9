// The briefings' rules in the API: who sees which briefing (the office and the leaders every one, everyone else the
// published ones), the office's drafts (started as the briefing's workflow, answered once recorded), the actions
// (the one action path, WorkflowActions, to the briefing's Update, whose validator applies the pure rule), the
// pre-filled draft, and the .docx, PDF and attachments.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { GraphQLContext } from '../auth/auth.service';
import { isUnitRole, visibleUnit, type Caller } from '../auth/access-policy';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import { requestLoader } from '../platform/graphql/request-loader';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { CampaignRepository } from '../campaign/campaign.repository';
import { buildMonthlyReport } from '../monthly-report/monthly-report.builder';
import { MonthlyReportRepository } from '../monthly-report/monthly-report.repository';
import { ReportsService } from '../reports/reports.service';
import { isMonth, monthBounds, monthOf, previousMonth } from '../../workflows/campaign/campaign.calendar';
import { canTake, checkBriefing, checkDraft } from '../../workflows/briefing/briefing.decide';
import { BRIEFING_ACK_LEVEL_LABELS, BRIEFING_EVENT_LABELS, BRIEFING_KIND_LABELS, BRIEFING_STATE_LABELS } from '../../workflows/briefing/briefing.labels';
import type { BriefingEventType } from '../../workflows/briefing/briefing.events';
import { briefingActionUpdate, briefingDraftedUpdate, briefingWorkflowId, BRIEFING_WORKFLOW_TYPE } from '../../workflows/briefing/briefing.messages';
import {
  BRIEFING_KINDS,
  BRIEFING_STATES,
  DEFAULT_ACK_DAYS,
  MAX_ATTACHMENTS,
  MAX_NAMED_UNITS,
  type BriefingAckLevel,
  type BriefingAttachment,
  type BriefingCommand,
  type BriefingDraft,
  type BriefingInput,
  type BriefingKind,
  type BriefingState,
} from '../../workflows/briefing/briefing.types';
import { ITEM_STATE_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import type { ItemState } from '../../workflows/rectification-item/rectification-item.types';
import { shanghaiDate } from '../../workflows/shared/time';
import { briefingDocumentData, briefingFileName, renderBriefingDocx, renderBriefingPdf } from './briefing-document';
import { buildBriefingPrefill, type BriefingPrefillView } from './briefing-prefill';
import { BriefingRepository, type BriefingView } from './briefing.repository';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const MAX_LIST = 200;
const ID_CHARS = 300;
const MAX_HISTORY = 200;
const MAX_FINDINGS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** The roles that see drafts; everyone else (and every service account) sees published briefings only. */
const DRAFT_READERS = new Set(['OFFICE', 'LEADER']);

export interface DraftInput {
  title: string;
  sections: { heading: string; body: string }[];
  attachmentIds?: readonly string[] | null;
  namedUnitCodes?: readonly string[] | null;
  ackDays?: number | null;
}

const notFound = () => new DomainError('NOT_FOUND', '简报通报不存在或无权查看', 'id');

function checkKind(kind: unknown): BriefingKind {
  if (typeof kind !== 'string' || !(BRIEFING_KINDS as readonly string[]).includes(kind)) throw new DomainError('BAD_USER_INPUT', '未知的简报类别', 'kind');
  return kind as BriefingKind;
}

function seesDrafts(caller: Caller): boolean {
  return !caller.service && DRAFT_READERS.has(caller.role);
}

/** The GraphQL Briefing's own fields; the rest are resolved apart. */
export function briefingFields(b: BriefingView) {
  const s = b.state;
  const base = `/briefings/${encodeURIComponent(b.id)}`;
  return {
    id: b.id,
    kind: s.kind,
    kindLabel: BRIEFING_KIND_LABELS[s.kind],
    campaignId: s.campaignId,
    state: s.state,
    stateLabel: BRIEFING_STATE_LABELS[s.state],
    title: s.title,
    sections: s.sections,
    attachments: s.attachments.map((a) => ({ fileId: a.sha256, name: a.name, size: a.size, downloadUrl: `${base}/attachments/${a.sha256}` })),
    ackDays: s.ackDays,
    number: s.number,
    createdAt: s.createdAt,
    updatedAt: b.updatedAt,
    publishedAt: s.publishedAt,
    approvalNote: s.approvalNote,
    returnReason: s.returnReason,
    ackDueAt: s.ackDueAt,
    escalationLevel: s.escalationLevel,
    version: s.version,
    docxUrl: `${base}/docx`,
    pdfUrl: `${base}/pdf`,
    pdfFileId: s.pdfSha256,
  };
}

@Injectable()
export class BriefingService {
  constructor(
    private readonly repository: BriefingRepository,
    private readonly campaigns: CampaignRepository,
    private readonly monthly: MonthlyReportRepository,
    private readonly reports: ReportsService,
    private readonly actions: WorkflowActions,
    private readonly idempotency: IdempotencyService,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A briefing the caller may see; NOT_FOUND otherwise (drafts are the office's and the leaders' only). */
  async get(caller: Caller, id: string): Promise<BriefingView> {
    const found = typeof id === 'string' && id.length <= ID_CHARS ? await this.repository.find(id) : null;
    if (!found || (found.state.state !== 'PUBLISHED' && !seesDrafts(caller))) throw notFound();
    return found;
  }

  async list(caller: Caller, args: { campaignId?: string | null; kind?: unknown; state?: unknown; awaitingMyAcknowledgement?: boolean | null; first?: number | null }): Promise<BriefingView[]> {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw new DomainError('BAD_USER_INPUT', `条数须在 1 到 ${MAX_LIST} 之间`, 'first');
    const kind = args.kind === null || args.kind === undefined ? null : checkKind(args.kind);
    if (args.state !== null && args.state !== undefined && !(BRIEFING_STATES as readonly string[]).includes(String(args.state))) throw new DomainError('BAD_USER_INPUT', '未知的状态', 'state');
    const campaign = await this.campaigns.require(args.campaignId);
    let awaitingUnit: string | null = null;
    if (args.awaitingMyAcknowledgement) {
      // Only a unit role has a unit to acknowledge for; for anyone else the filter matches nothing.
      awaitingUnit = isUnitRole(caller.role) ? visibleUnit(caller) : ' no unit ';
    }
    return this.repository.list({
      campaignId: campaign.id,
      kind,
      state: (args.state as BriefingState | null | undefined) ?? null,
      publishedOnly: !seesDrafts(caller),
      awaitingUnit,
      limit: first,
    });
  }

  /** The draft as the workflow takes it: attachments resolved (new uploads moved into the store), units checked. */
  private async draftOf(caller: Caller, kind: BriefingKind, input: DraftInput, existing: readonly BriefingAttachment[]): Promise<BriefingDraft> {
    if (!input || typeof input !== 'object') throw new DomainError('BAD_USER_INPUT', '简报内容格式不正确', 'draft');
    const ids = input.attachmentIds ?? [];
    if (!Array.isArray(ids) || ids.length > MAX_ATTACHMENTS) throw new DomainError('BAD_USER_INPUT', `附件最多${MAX_ATTACHMENTS}个`, 'attachmentIds');
    const units = input.namedUnitCodes ?? [];
    if (!Array.isArray(units) || units.length > MAX_NAMED_UNITS) throw new DomainError('BAD_USER_INPUT', `点名单位最多${MAX_NAMED_UNITS}个`, 'namedUnitCodes');
    const draft: BriefingDraft = {
      title: typeof input.title === 'string' ? input.title.trim() : input.title,
      sections: Array.isArray(input.sections) ? input.sections.map((s) => ({ heading: typeof s?.heading === 'string' ? s.heading.trim() : s?.heading, body: typeof s?.body === 'string' ? s.body.replace(/\r\n/g, '\n').trim() : s?.body })) : input.sections,
      attachments: [],
      namedUnits: units.map((u) => (typeof u === 'string' ? u.trim() : u)),
      ackDays: input.ackDays ?? DEFAULT_ACK_DAYS,
    };
    // The shape and the limits first (linear), before any upload is touched or any unit looked up.
    const wrong = checkDraft({ ...draft, attachments: [] }, kind === 'SUPERVISION_CIRCULAR');
    if (wrong) throw new DomainError(wrong.code, wrong.message, wrong.field ?? null);
    const attachments: BriefingAttachment[] = [];
    for (const id of ids) {
      if (typeof id !== 'string') throw new DomainError('BAD_USER_INPUT', '附件编号格式不正确', 'attachmentIds');
      const kept = SHA256.test(id) ? existing.find((a) => a.sha256 === id) : undefined;
      if (kept) {
        if (!attachments.some((a) => a.sha256 === kept.sha256)) attachments.push(kept);
        continue;
      }
      if (!UUID.test(id)) throw new DomainError('BAD_USER_INPUT', `找不到附件「${id.slice(0, 70)}」`, 'attachmentIds');
      const { name, content } = await this.uploads.use(caller, id, 'attachmentIds');
      const stored = await this.files.put(name, content);
      if (!attachments.some((a) => a.sha256 === stored.sha256)) attachments.push({ sha256: stored.sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    draft.attachments = attachments;
    if (draft.namedUnits.length > 0) {
      const known = await this.repository.units(draft.namedUnits);
      const missing = draft.namedUnits.filter((c) => !known.has(c));
      if (missing.length > 0) throw new DomainError('BAD_USER_INPUT', `单位不存在：${missing.slice(0, 5).map((c) => c.slice(0, 40)).join('、')}`, 'namedUnitCodes');
    }
    return draft;
  }

  /** The office starts a draft: the briefing's workflow, answered once its first event is recorded. */
  async create(caller: Caller, input: { campaignId?: string | null; kind: unknown; draft: DraftInput }): Promise<BriefingView> {
    const kind = checkKind(input.kind);
    const campaign = await this.campaigns.require(input.campaignId);
    const draft = await this.draftOf(caller, kind, input.draft, []);
    const args: BriefingInput = { campaignId: campaign.id, kind, draft, createdBy: { userId: caller.userId, displayName: caller.displayName, role: caller.role, unitCode: caller.unitCode } };
    // With an Idempotency-Key, a retry names the same workflow, which is started once: one draft.
    const idempotent = await this.idempotency.claim(caller.userId, 'briefing:create', 'createBriefing', { kind, campaignId: campaign.id, draft });
    const workflowId = briefingWorkflowId(idempotent?.updateId ?? randomUUID());
    try {
      const handle = await this.temporal.workflow.start(BRIEFING_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [args],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      await handle.executeUpdate(briefingDraftedUpdate);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw temporalToDomainError(err, '简报的工作流不存在');
    }
    return this.waitFor(workflowId, (b) => b.state.version > 0);
  }

  async updateDraft(caller: Caller, id: string, input: DraftInput, expectedVersion: number | null | undefined): Promise<BriefingView> {
    const current = await this.get(caller, id);
    // A published (read-only) or submitted briefing is refused before any upload is used.
    this.refuse(current, caller, 'UPDATE_DRAFT');
    const draft = await this.draftOf(caller, current.state.kind, input, current.state.attachments);
    return this.act(caller, current, { action: 'UPDATE_DRAFT', draft }, expectedVersion);
  }

  submit = async (caller: Caller, id: string) => this.act(caller, await this.get(caller, id), { action: 'SUBMIT' });
  approve = async (caller: Caller, id: string, note: string | null | undefined) => this.act(caller, await this.get(caller, id), { action: 'APPROVE', note: note ?? undefined });
  returnIt = async (caller: Caller, id: string, reason: string) => this.act(caller, await this.get(caller, id), { action: 'RETURN', reason });
  publish = async (caller: Caller, id: string) => this.act(caller, await this.get(caller, id), { action: 'PUBLISH' });
  acknowledge = async (caller: Caller, id: string, note: string | null | undefined) => this.act(caller, await this.get(caller, id), { action: 'ACKNOWLEDGE', note: note ?? undefined });

  private refuse(b: BriefingView, caller: Caller, action: BriefingCommand['action']): void {
    const refused = checkBriefing(b.state, caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  /** One action, through the briefing's Update; the rule first on the row (a finished briefing has no workflow to ask). */
  private async act(caller: Caller, b: BriefingView, command: BriefingCommand, expectedVersion?: number | null): Promise<BriefingView> {
    const refused = checkBriefing(b.state, caller, command.action);
    // The retry of an action that took effect finds it done: it gets the outcome, not a refusal.
    if (refused && !(await this.idempotency.tookEffect(caller.userId, b.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const outcome = await this.actions.execute(b.id, briefingActionUpdate, {
      actor: caller,
      command,
      expectedVersion: expectedVersion ?? undefined,
      toError: (err) => temporalToDomainError(err, '简报的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(caller, b.id);
    const version = outcome.result.version;
    return this.waitFor(b.id, (x) => x.state.version >= version);
  }

  /** A pre-filled draft from the month's monthly report, the latest complete week of the 红黑榜 and the month's findings. */
  async prefill(args: { campaignId?: string | null; kind: unknown; month?: string | null }, now: Date = new Date()): Promise<BriefingPrefillView> {
    const kind = checkKind(args.kind);
    const campaign = await this.campaigns.require(args.campaignId);
    const month = args.month ?? previousMonth(monthOf(now.toISOString(), campaign.timeZone));
    if (!isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须为 YYYY-MM 格式', 'month');
    const stored = await this.monthly.find(campaign.id, month);
    let monthly = stored?.content ?? null;
    if (!monthly) {
      const facts = await this.monthly.facts(campaign.id, month, null, now);
      monthly = facts ? buildMonthlyReport(facts) : null;
    }
    const ranking = await this.reports.unitRanking({ campaignId: campaign.id }, now.getTime()).catch(() => null);
    const week = ranking?.weeks.find((w) => w.complete) ?? null;
    const bounds = monthBounds(month, campaign.timeZone);
    const rows = await this.repository.findings(campaign.id, new Date(bounds.from), new Date(bounds.to), MAX_FINDINGS);
    const units = await this.repository.units([...new Set(rows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])))]);
    return buildBriefingPrefill({
      kind,
      month,
      campaignName: campaign.name,
      monthly,
      ranking: week
        ? { weekLabel: week.label, best: week.best.map((e) => e.unit.name), worst: week.worst.map((e) => e.unit.name), flagged: (ranking?.flagged ?? []).map((f) => ({ unitName: f.unit.name, weeksRunning: f.weeksRunning })) }
        : null,
      findings: rows.map((r) => ({
        description: r.description,
        address: r.address,
        unitName: r.unitCode ? (units.get(r.unitCode)?.name ?? r.unitCode) : null,
        stateLabel: ITEM_STATE_LABELS[r.state as ItemState] ?? r.state,
        dueDate: r.dueAt ? shanghaiDate(r.dueAt.toISOString()) : null,
        overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime() && r.state !== 'CLOSED' && r.state !== 'VERIFIED',
      })),
    });
  }

  /** The .docx, from the committed template; a draft's is marked 草稿 in its name. */
  async docx(caller: Caller, id: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const b = await this.get(caller, id);
    const names = await this.repository.units(b.state.acks.length > 0 ? b.state.acks.map((a) => a.unitCode) : b.state.namedUnits);
    const content = renderBriefingDocx(briefingDocumentData(b.state, (c) => names.get(c)?.name ?? c));
    return { content, name: briefingFileName(b.state, 'docx'), mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  }

  /** The PDF: for a published briefing the one rendered on publish (from the file store), else drawn now. */
  async pdf(caller: Caller, id: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const b = await this.get(caller, id);
    const kept = b.state.pdfSha256 ? await this.files.get(b.state.pdfSha256) : null;
    if (kept) return { content: kept, name: b.state.pdfName ?? briefingFileName(b.state, 'pdf'), mimeType: 'application/pdf' };
    const names = await this.repository.units(b.state.acks.length > 0 ? b.state.acks.map((a) => a.unitCode) : b.state.namedUnits);
    const content = await renderBriefingPdf(briefingDocumentData(b.state, (c) => names.get(c)?.name ?? c), b.state.publishedAt);
    return { content, name: briefingFileName(b.state, 'pdf'), mimeType: 'application/pdf' };
  }

  async attachment(caller: Caller, id: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const b = await this.get(caller, id);
    const a = b.state.attachments.find((x) => x.sha256 === sha256);
    const content = a ? await this.files.get(a.sha256) : null;
    if (!a || !content) throw new DomainError('NOT_FOUND', '附件不存在', 'fileId');
    return { content, name: a.name, mimeType: a.mimeType };
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  can = (caller: Caller, b: BriefingView, action: BriefingCommand['action']) => !caller.service && canTake(b.state, caller, action);

  async namedUnits(b: BriefingView, ctx: GraphQLContext = {}) {
    const s = b.state;
    const acks = s.state === 'PUBLISHED' ? s.acks : s.namedUnits.map((unitCode) => ({ unitCode, acknowledgedAt: null, acknowledgedBy: null, note: null }));
    const units = requestLoader(ctx, 'briefingUnits', (codes: readonly string[]) => this.repository.units(codes));
    const people = requestLoader(ctx, 'briefingPeople', (ids: readonly string[]) => this.repository.userNames(ids));
    return Promise.all(
      acks.map(async (a) => ({
        unit: (await units.load(a.unitCode)) ?? { code: a.unitCode, name: a.unitCode },
        acknowledged: a.acknowledgedAt !== null,
        acknowledgedAt: a.acknowledgedAt,
        acknowledgedByName: a.acknowledgedBy ? ((await people.load(a.acknowledgedBy)) ?? null) : null,
        note: a.note,
      })),
    );
  }

  async history(b: BriefingView) {
    const events = await this.repository.events(b.id, MAX_HISTORY);
    const codes = [...new Set(events.flatMap((e) => (typeof e.data.unitCode === 'string' ? [e.data.unitCode] : Array.isArray(e.data.unitCodes) ? (e.data.unitCodes as string[]) : [])))];
    const units = await this.repository.units(codes);
    const unitName = (c: string) => units.get(c)?.name ?? c;
    return events.map((e) => {
      const d = e.data;
      let note: string | null = null;
      if (e.type === 'BriefingReturned') note = `退回理由：${String(d.reason)}`;
      else if (e.type === 'BriefingApproved' && d.note) note = `审批意见：${String(d.note)}`;
      else if (e.type === 'BriefingPublished') note = `期号：${String(d.number)}`;
      else if (e.type === 'BriefingAcknowledged') note = `${unitName(String(d.unitCode))}签收${d.note ? `：${String(d.note)}` : ''}`;
      else if (e.type === 'BriefingAckEscalated') note = `${BRIEFING_ACK_LEVEL_LABELS[d.level as BriefingAckLevel]}：${((d.unitCodes as string[]) ?? []).map(unitName).join('、')}`;
      return {
        at: e.occurredAt.toISOString(),
        type: e.type,
        label: BRIEFING_EVENT_LABELS[e.type as BriefingEventType] ?? e.type,
        actorName: e.actor.displayName ?? e.actor.userId ?? '',
        note,
      };
    });
  }

  private async waitFor(id: string, ready: (b: BriefingView) => boolean): Promise<BriefingView> {
    return waitForProjection(() => this.repository.find(id), ready);
  }
}
