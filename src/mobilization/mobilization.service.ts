// Mobilization's rules in the API: who sees which document and response (a unit only what was issued to it, and
// only its own row of the matrix), the office's issue (the file from POST /files into the file store, the units
// checked, the document's workflow started; its responses follow from the outbox), the units' and the office's
// actions (the one action path, WorkflowActions, to the response's Update, the rule checked first on the row so that
// a refusal costs no file), and the stored files' downloads.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { mayReadUnit, visibleUnit, type Caller } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import type { IssueMobilizationDocumentInput, MobilizationGroupInput } from '../platform/graphql/graphql.generated';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import type { GraphQLContext } from '../auth/auth.service';
import { requestLoader } from '../platform/graphql/request-loader';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { checkResponse, checkText, missingParts } from '../../workflows/mobilization/mobilization.decide';
import { MISSING_LABELS, MOBILIZATION_DOC_KIND_LABELS, MOBILIZATION_LEVEL_LABELS, REVIEW_STATE_LABELS } from '../../workflows/mobilization/mobilization.labels';
import { MOBILIZATION_DOC_WORKFLOW_TYPE, mobilizationDocWorkflowId, responseActionUpdate } from '../../workflows/mobilization/mobilization.messages';
import {
  MAX_NOTE_CHARS,
  MAX_REASON_CHARS,
  MAX_SUMMARY_CHARS,
  MAX_TITLE_CHARS,
  MAX_UNITS,
  MOBILIZATION_DOC_KINDS,
  RESPONSE_ACTIONS,
  type MobilizationDocInput,
  type MobilizationDocKind,
  type MobilizationDocState,
  type MobilizationFile,
  type MobilizationResponseState,
  type ResponseCommand,
} from '../../workflows/mobilization/mobilization.types';
import { MobilizationRepository } from './mobilization.repository';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const ID_CHARS = 300;
const MAX_LIST = 100;
/** Documents and plans: what an official reads and prints. */
const FILE_TYPES = /\.(pdf|docx)$/i;
/** The latest deadline accepted: a campaign lasts months, not years. */
const MAX_DUE_DAYS = 400;

const bad = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, field);

function text(value: unknown, field: string, what: string, max: number, required: boolean): string {
  const refused = checkText(value, field, what, max, required);
  if (refused) throw bad(refused.message, field);
  return typeof value === 'string' ? value.trim() : '';
}

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > ID_CHARS) throw new DomainError('NOT_FOUND', '记录不存在或无权查看', field);
  return value;
}

export function fileView(file: MobilizationFile, url: string) {
  return { name: file.name, size: file.size, downloadUrl: url };
}

@Injectable()
export class MobilizationService {
  constructor(
    private readonly repository: MobilizationRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly idempotency: IdempotencyService,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A document the caller may see; NOT_FOUND otherwise (a unit does not learn of documents not issued to it). */
  async document(caller: Caller, documentId: string): Promise<MobilizationDocState> {
    const doc = await this.repository.document(id(documentId, 'id'));
    const unit = visibleUnit(caller);
    if (!doc || (unit !== null && !doc.unitCodes.includes(unit))) throw new DomainError('NOT_FOUND', '动员部署文件不存在或无权查看', 'id');
    return doc;
  }

  async documents(caller: Caller, args: { campaignId: string | null; first: number | null }): Promise<MobilizationDocState[]> {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw bad(`条数须在 1 到 ${MAX_LIST} 之间`, 'first');
    const campaign = await this.campaigns.require(args.campaignId);
    return this.repository.documents(campaign.id, visibleUnit(caller), first);
  }

  /** The matrix of a document: every unit's row, or the caller's own unit's only; one query for all the documents of a request. */
  async responses(caller: Caller, documentId: string, ctx: GraphQLContext = {}): Promise<MobilizationResponseState[]> {
    const unit = visibleUnit(caller);
    const loader = requestLoader(ctx, `mobilizationResponses:${unit ?? '*'}`, (ids: readonly string[]) => this.repository.responses(ids, unit));
    return (await loader.load(documentId)) ?? [];
  }

  /** A response the caller may see; NOT_FOUND otherwise. */
  async response(caller: Caller, responseId: string): Promise<MobilizationResponseState> {
    const response = await this.repository.response(id(responseId, 'responseId'));
    if (!response || !mayReadUnit(caller, response.unitCode)) throw new DomainError('NOT_FOUND', '办理记录不存在或无权查看', 'responseId');
    return response;
  }

  /** The office issues a document: answered once its projection shows it issued. */
  async issue(caller: Caller, input: IssueMobilizationDocumentInput): Promise<MobilizationDocState> {
    const kind = input.kind as MobilizationDocKind;
    if (!(MOBILIZATION_DOC_KINDS as readonly string[]).includes(kind)) throw bad('文件类别须为实施方案或通知', 'kind');
    const title = text(input.title, 'title', '标题', MAX_TITLE_CHARS, true);
    if (/[\r\n]/.test(title)) throw bad('标题不能换行', 'title');
    const summary = text(input.summary, 'summary', '内容摘要', MAX_SUMMARY_CHARS, true);
    const due = typeof input.dueAt === 'string' && input.dueAt.length <= 40 ? Date.parse(input.dueAt) : NaN;
    if (!Number.isFinite(due)) throw bad('完成时限格式不正确', 'dueAt');
    if (due <= Date.now()) throw bad('完成时限须晚于当前时间', 'dueAt');
    if (due > Date.now() + MAX_DUE_DAYS * 86_400_000) throw bad(`完成时限不能晚于 ${MAX_DUE_DAYS} 天之后`, 'dueAt');
    const campaign = await this.campaigns.require(input.campaignId);
    const unitCodes = await this.unitsOf(input.unitCodes);
    if (typeof input.fileId !== 'string' || input.fileId.length > ID_CHARS) throw bad('请先上传文件', 'fileId');
    const file = await this.storedFile(caller, input.fileId);
    const args: MobilizationDocInput = {
      campaignId: campaign.id,
      kind,
      title,
      summary,
      file,
      unitCodes,
      requiresPlan: input.requiresPlan === true,
      requiresGroup: input.requiresGroup === true,
      dueAt: new Date(due).toISOString(),
      issuedBy: { userId: caller.userId, displayName: caller.displayName, role: caller.role, unitCode: caller.unitCode },
    };
    // With an Idempotency-Key, a retry names the same workflow, which is started once: one document.
    const idempotent = await this.idempotency.claim(caller.userId, 'mobilization:issue', 'issueMobilizationDocument', { ...args, issuedBy: caller.userId });
    const workflowId = mobilizationDocWorkflowId(idempotent?.updateId ?? randomUUID());
    try {
      await this.temporal.workflow.start(MOBILIZATION_DOC_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [args],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw temporalToDomainError(err, '动员部署文件的工作流无法启动');
    }
    return this.waitFor(() => this.repository.document(workflowId), (d) => d !== null && d.issuedAt !== null);
  }

  acknowledge(caller: Caller, responseId: string, note: string | null | undefined) {
    return this.act(caller, responseId, 'ACKNOWLEDGE', async () => ({ action: 'ACKNOWLEDGE', note: text(note, 'note', '签收意见', MAX_NOTE_CHARS, false) }));
  }

  submitPlan(caller: Caller, responseId: string, fileId: string, summary: string) {
    return this.act(caller, responseId, 'SUBMIT_PLAN', async () => {
      const checked = text(summary, 'summary', '方案摘要', MAX_SUMMARY_CHARS, true);
      if (typeof fileId !== 'string' || fileId.length > ID_CHARS) throw bad('请先上传文件', 'fileId');
      return { action: 'SUBMIT_PLAN', file: await this.storedFile(caller, fileId), summary: checked };
    });
  }

  registerGroup(caller: Caller, responseId: string, group: MobilizationGroupInput) {
    // The group's own checks (names, members, phone) are the rule's, in the workflow's validator too.
    return this.act(caller, responseId, 'REGISTER_GROUP', async () => ({ action: 'REGISTER_GROUP', group: { leader: group?.leader, members: group?.members, phone: group?.phone } }));
  }

  approve(caller: Caller, responseId: string, note: string | null | undefined) {
    return this.act(caller, responseId, 'APPROVE', async () => ({ action: 'APPROVE', note: text(note, 'note', '审核意见', MAX_NOTE_CHARS, false) }));
  }

  return(caller: Caller, responseId: string, reason: string) {
    return this.act(caller, responseId, 'RETURN', async () => ({ action: 'RETURN', reason: text(reason, 'reason', '退回理由', MAX_REASON_CHARS, true) }));
  }

  /**
   * The rule on the row first (a refused plan's upload is not taken, nothing is sent), then the inputs, the Update
   * (whose validator decides again on the workflow's state) and the row read back once it shows the action.
   */
  private async act(caller: Caller, responseId: string, action: ResponseCommand['action'], build: () => Promise<ResponseCommand>): Promise<MobilizationResponseState> {
    const response = await this.response(caller, responseId);
    const refused = checkResponse(response, caller, action);
    // The retry of an action that took effect finds it done: it gets the outcome, not a refusal.
    if (refused && !(await this.idempotency.tookEffect(caller.userId, response.responseId))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const command = await build();
    const outcome = await this.actions.execute(response.responseId, responseActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '办理记录的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.response(caller, response.responseId);
    const version = outcome.result.version;
    return this.waitFor(() => this.repository.response(response.responseId), (r) => r !== null && r.version >= version);
  }

  /** The units named (trimmed, no repeats, each known), or every unit when none are named. */
  private async unitsOf(codes: readonly string[] | null | undefined): Promise<string[]> {
    if (codes === null || codes === undefined) {
      const all = await this.repository.allUnitCodes();
      if (all.length === 0) throw bad('还没有责任单位，请先导入组织机构', 'unitCodes');
      if (all.length > MAX_UNITS) throw bad(`单位超过 ${MAX_UNITS} 个，请分批下发`, 'unitCodes');
      return all;
    }
    if (!Array.isArray(codes) || codes.length === 0) throw bad('请至少选择一个下发单位', 'unitCodes');
    if (codes.length > MAX_UNITS) throw bad(`下发单位最多 ${MAX_UNITS} 个`, 'unitCodes');
    const unique: string[] = [];
    const seen = new Set<string>();
    for (const raw of codes) {
      if (typeof raw !== 'string' || raw.length > 50) throw bad('单位编码格式不正确', 'unitCodes');
      const code = raw.trim();
      if (code !== '' && !seen.has(code)) {
        seen.add(code);
        unique.push(code);
      }
    }
    const known = await this.repository.existingUnits(unique);
    const unknown = unique.filter((c) => !known.has(c));
    if (unknown.length > 0 || unique.length === 0) throw bad(`单位编码不存在：${unknown.slice(0, 5).join('、') || '（空）'}`, 'unitCodes');
    return unique;
  }

  /** An upload of the caller's (a .pdf or .docx) moved into the file store. */
  private async storedFile(caller: Caller, fileId: string): Promise<MobilizationFile> {
    const { name, content } = await this.uploads.use(caller, fileId, 'fileId');
    if (!FILE_TYPES.test(name)) throw bad('文件须为 PDF（.pdf）或 Word 文档（.docx）', 'fileId');
    const stored = await this.files.put(name, content);
    return { sha256: stored.sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType };
  }

  /** The document's own file, for whoever may see the document. */
  async documentFile(caller: Caller, documentId: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const doc = await this.document(caller, documentId);
    return this.read(doc.file);
  }

  /** A unit's plan, for that unit and the office-level roles. */
  async planFile(caller: Caller, responseId: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const response = await this.response(caller, responseId);
    return this.read(response.plan?.file ?? null);
  }

  private async read(file: MobilizationFile | null): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const content = file ? await this.files.get(file.sha256) : null;
    if (!file || !content) throw new DomainError('NOT_FOUND', '找不到该文件');
    return { content, name: file.name, mimeType: file.mimeType };
  }

  private async waitFor<T>(read: () => Promise<T | null>, ready: (value: T | null) => boolean): Promise<T> {
    return waitForProjection(read, ready);
  }

  // Fields of the GraphQL types.
  documentFields(d: MobilizationDocState) {
    return {
      id: d.documentId,
      campaignId: d.campaignId,
      kind: d.kind,
      kindLabel: MOBILIZATION_DOC_KIND_LABELS[d.kind],
      title: d.title,
      summary: d.summary,
      file: d.file ? fileView(d.file, `/mobilization/documents/${encodeURIComponent(d.documentId)}/file`) : { name: '', size: 0, downloadUrl: '' },
      requiresPlan: d.requiresPlan,
      requiresGroup: d.requiresGroup,
      dueAt: d.dueAt,
      issuedAt: d.issuedAt,
      due: d.status === 'DUE' || Date.parse(d.dueAt) <= Date.now(),
    };
  }

  responseFields(caller: Caller, r: MobilizationResponseState) {
    return {
      id: r.responseId,
      documentId: r.documentId,
      unitCode: r.unitCode,
      acknowledged: r.acknowledgedAt !== null,
      acknowledgedAt: r.acknowledgedAt,
      plan: r.plan ? { ...r.plan, file: fileView(r.plan.file, `/mobilization/responses/${encodeURIComponent(r.responseId)}/plan`) } : null,
      group: r.group,
      review: r.review,
      reviewLabel: REVIEW_STATE_LABELS[r.review],
      returnReason: r.returnReason,
      returns: r.returns,
      overdueLevel: r.escalationLevel,
      overdueLabel: r.escalationLevel ? MOBILIZATION_LEVEL_LABELS[r.escalationLevel] : null,
      missing: missingParts(r).map((m) => MISSING_LABELS[m] ?? m),
      allowedActions: caller.service ? [] : RESPONSE_ACTIONS.filter((a) => checkResponse(r, caller, a) === null),
      version: r.version,
    };
  }

  async unit(code: string, ctx: GraphQLContext = {}) {
    const loader = requestLoader(ctx, 'mobilizationUnits', (codes: readonly string[]) => this.repository.units(codes));
    return (await loader.load(code)) ?? { code, name: code, kind: 'DEPARTMENT' };
  }
}
