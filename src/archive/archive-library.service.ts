// The archive library's rules in the API: who sees which document (a unit its own; the rest of the campaign's
// people all), the hand-in (an upload, a title, a kind, tags checked against the catalog; started as the
// document's workflow), the archivist's 验收 and 退回 and the resubmission (the one action path, WorkflowActions,
// to the document's Update), the file's download, and system documents (a published briefing), registered once per
// source, already accepted.
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { GraphQLContext } from '../auth/auth.service';
import { mayReadUnit, visibleUnit, type Caller } from '../auth/access-policy';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import { requestLoader } from '../platform/graphql/request-loader';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { canLibrary, checkLibrary, maySubmitFor } from '../../workflows/archive-library/archive-library.decide';
import { LIBRARY_KIND_LABELS, LIBRARY_STATE_LABELS } from '../../workflows/archive-library/archive-library.labels';
import { ARCHIVE_LIBRARY_WORKFLOW_TYPE, libraryActionUpdate, libraryDocumentWorkflowId, librarySubmittedUpdate, systemDocumentWorkflowId } from '../../workflows/archive-library/archive-library.messages';
import {
  LIBRARY_KINDS,
  LIBRARY_STATES,
  MAX_LIBRARY_REASON_CHARS,
  MAX_LIBRARY_TAGS,
  MAX_LIBRARY_TITLE_CHARS,
  type LibraryCommand,
  type LibraryDocumentInput,
  type LibraryKind,
  type LibraryState,
  type LibraryTag,
} from '../../workflows/archive-library/archive-library.types';
import { SYSTEM_ACTOR } from '../../workflows/shared/actor.types';
import { ArchiveRepository, type DocumentView } from './archive.repository';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const MAX_LIST = 200;
const ID_CHARS = 300;
const CODE_CHARS = 40;
const SOURCE_CHARS = 200;

function chars(text: string): number {
  return [...text].length;
}

export function checkTitle(title: unknown): string {
  const text = typeof title === 'string' ? title.trim() : '';
  if (text === '' || chars(text) > MAX_LIBRARY_TITLE_CHARS || [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new DomainError('BAD_USER_INPUT', `请填写标题（不超过${MAX_LIBRARY_TITLE_CHARS}字，不含控制字符）`, 'title');
  }
  return text;
}

export function checkKind(kind: unknown): LibraryKind {
  if (typeof kind !== 'string' || !(LIBRARY_KINDS as readonly string[]).includes(kind)) throw new DomainError('BAD_USER_INPUT', '未知的资料类别', 'kind');
  return kind as LibraryKind;
}

function checkText(text: string | null | undefined, field: string, label: string): string {
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string' || chars(text) > MAX_LIBRARY_REASON_CHARS) throw new DomainError('BAD_USER_INPUT', `${label}不能超过${MAX_LIBRARY_REASON_CHARS}字`, field);
  return text.trim();
}

/** The GraphQL ArchiveDocument's own fields; unit, names, tags and the caller's abilities are resolved apart. */
export function documentFields(d: DocumentView) {
  const s = d.state;
  return {
    id: d.id,
    campaignId: s.campaignId,
    title: s.title,
    kind: s.kind,
    kindLabel: LIBRARY_KIND_LABELS[s.kind],
    state: s.state,
    stateLabel: LIBRARY_STATE_LABELS[s.state],
    fileName: s.file.name,
    fileSize: s.file.size,
    sha256: s.file.sha256,
    downloadUrl: `/archive-documents/${encodeURIComponent(d.id)}/file`,
    source: s.source,
    submittedAt: s.submittedAt,
    reviewedAt: s.reviewedAt,
    returnReason: s.returnReason,
    rounds: s.rounds,
    version: s.version,
  };
}

export interface SystemDocument {
  campaignId: string;
  title: string;
  kind: LibraryKind;
  /** The SHA-256 of a file already in the file store (system documents are stored by their producer). */
  fileId: string;
  /** The file's name, for its kind and the package; `${title}.pdf` when omitted. */
  fileName?: string;
  /** Where it comes from, e.g. `briefing:<id>`: registering the same source again answers the same document. */
  source: string;
  tags?: string[];
}

@Injectable()
export class ArchiveLibraryService {
  constructor(
    private readonly repository: ArchiveRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly idempotency: IdempotencyService,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A document the caller may see; NOT_FOUND otherwise (a unit does not learn of other units' documents). */
  async get(caller: Caller, id: string): Promise<DocumentView> {
    const found = typeof id === 'string' && id.length <= ID_CHARS ? await this.repository.document(id) : null;
    if (!found || !mayReadUnit(caller, found.unitCode)) throw new DomainError('NOT_FOUND', '档案资料不存在或无权查看', 'id');
    return found;
  }

  async list(caller: Caller, args: { campaignId: string | null; state: string | null; first: number | null }): Promise<DocumentView[]> {
    const first = args.first ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw new DomainError('BAD_USER_INPUT', `条数须在 1 到 ${MAX_LIST} 之间`, 'first');
    const state = args.state ?? null;
    if (state !== null && !(LIBRARY_STATES as readonly string[]).includes(state)) throw new DomainError('BAD_USER_INPUT', '未知的状态', 'state');
    const campaign = await this.campaigns.require(args.campaignId ?? null);
    return this.repository.documents({ campaignId: campaign.id, unitCode: visibleUnit(caller), state: state as LibraryState | null, limit: first });
  }

  /** Catalog codes of 测评项目 or 指标, checked: at most MAX_LIBRARY_TAGS, each known; duplicates dropped. */
  async tags(codes: readonly unknown[] | null | undefined): Promise<LibraryTag[]> {
    if (codes === null || codes === undefined) return [];
    if (!Array.isArray(codes) || codes.length > MAX_LIBRARY_TAGS) throw new DomainError('BAD_USER_INPUT', `标注最多${MAX_LIBRARY_TAGS}个测评项目或指标`, 'tags');
    const unique: string[] = [];
    for (const code of codes) {
      if (typeof code !== 'string' || code.trim() === '' || code.length > CODE_CHARS) throw new DomainError('BAD_USER_INPUT', `标注须为不超过${CODE_CHARS}个字符的测评项目或指标编码`, 'tags');
      if (!unique.includes(code.trim())) unique.push(code.trim());
    }
    const known = await this.repository.catalogCodes(unique);
    return unique.map((code) => {
      if (known.indicators.has(code)) return { kind: 'INDICATOR' as const, code };
      if (known.items.has(code)) return { kind: 'ITEM' as const, code };
      throw new DomainError('BAD_USER_INPUT', `测评体系中没有编码为「${code}」的测评项目或指标`, 'tags');
    });
  }

  async submit(caller: Caller, input: { campaignId?: string | null; title: unknown; kind: unknown; fileId: string; tags?: readonly string[] | null; unitCode?: string | null }): Promise<DocumentView> {
    const title = checkTitle(input.title);
    const kind = checkKind(input.kind);
    const unitCode = await this.unitFor(caller, input.unitCode ?? null);
    const tags = await this.tags(input.tags);
    const campaign = await this.campaigns.require(input.campaignId ?? null);
    const { name, content } = await this.uploads.use(caller, String(input.fileId ?? ''), 'fileId');
    const file = await this.files.put(name, content);
    const args: LibraryDocumentInput = {
      campaignId: campaign.id,
      title,
      kind,
      file,
      unitCode,
      tags,
      source: null,
      submittedBy: { userId: caller.userId, displayName: caller.displayName, role: caller.role, unitCode: caller.unitCode },
    };
    // With an Idempotency-Key, a retry names the same workflow, which is started once: one document.
    const idempotent = await this.idempotency.claim(caller.userId, 'archive-document:submit', 'submitArchiveDocument', { title, kind, unitCode, tags, sha256: file.sha256 });
    return this.start(libraryDocumentWorkflowId(idempotent?.updateId ?? randomUUID()), args);
  }

  /**
   * Adds a document the system produced (a published briefing), already accepted, by the system; registering the
   * same `source` again answers the document it registered first. Tags as for people's documents.
   */
  async registerSystemDocument(doc: SystemDocument): Promise<DocumentView> {
    if (typeof doc.source !== 'string' || doc.source.trim() === '' || doc.source.length > SOURCE_CHARS) throw new DomainError('BAD_USER_INPUT', `来源须为不超过${SOURCE_CHARS}个字符的文本`, 'source');
    const source = doc.source.trim();
    const existing = await this.repository.documentBySource(source);
    if (existing) return existing;
    const title = checkTitle(doc.title);
    const kind = checkKind(doc.kind);
    const tags = await this.tags(doc.tags ?? []);
    const campaign = await this.campaigns.require(doc.campaignId);
    const file = await this.files.describe(String(doc.fileId ?? ''), doc.fileName ?? `${title}.pdf`);
    if (!file) throw new DomainError('BAD_USER_INPUT', '文件存储中没有该文件', 'fileId');
    const args: LibraryDocumentInput = { campaignId: campaign.id, title, kind, file, unitCode: null, tags, source, submittedBy: SYSTEM_ACTOR };
    const key = createHash('sha256').update(source).digest('hex').slice(0, 32);
    return this.start(systemDocumentWorkflowId(key), args, true);
  }

  async accept(caller: Caller, id: string, note: string | null | undefined): Promise<DocumentView> {
    return this.act(caller, id, { action: 'ACCEPT', note: checkText(note, 'note', '验收意见') });
  }

  async return(caller: Caller, id: string, reason: string): Promise<DocumentView> {
    const text = checkText(reason, 'reason', '退回原因');
    if (text === '') throw new DomainError('BAD_USER_INPUT', '请填写退回原因', 'reason');
    return this.act(caller, id, { action: 'RETURN', reason: text });
  }

  async resubmit(caller: Caller, input: { id: string; title?: string | null; fileId?: string | null; tags?: readonly string[] | null; note?: string | null }): Promise<DocumentView> {
    const doc = await this.get(caller, input.id);
    const note = checkText(input.note, 'note', '说明');
    const title = input.title === null || input.title === undefined ? doc.state.title : checkTitle(input.title);
    const tags = input.tags === null || input.tags === undefined ? doc.state.tags : await this.tags(input.tags);
    // The rule first, so that a refused resubmission does not take the caller's upload.
    this.refuse(checkLibrary(doc.state, caller, 'RESUBMIT'));
    let file = doc.state.file;
    if (input.fileId) {
      const { name, content } = await this.uploads.use(caller, input.fileId, 'fileId');
      file = await this.files.put(name, content);
    }
    return this.act(caller, input.id, { action: 'RESUBMIT', title, file, tags, note }, doc);
  }

  /** The document's file, for GET /archive-documents/:id/file. */
  async file(caller: Caller, id: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const doc = await this.get(caller, id);
    const content = await this.files.get(doc.state.file.sha256);
    if (!content) throw new DomainError('NOT_FOUND', '文件存储中找不到该文件', 'id');
    return { content, name: doc.state.file.name, mimeType: doc.state.file.mimeType };
  }

  // Fields that depend on the caller or on other rows.
  canReview = (caller: Caller, d: DocumentView) => !caller.service && canLibrary(d.state, caller, 'ACCEPT');
  canResubmit = (caller: Caller, d: DocumentView) => !caller.service && canLibrary(d.state, caller, 'RESUBMIT');

  async unitOf(d: DocumentView, ctx: GraphQLContext = {}) {
    if (!d.unitCode) return null;
    const name = await requestLoader(ctx, 'archiveUnits', (codes: readonly string[]) => this.repository.units(codes)).load(d.unitCode);
    return { code: d.unitCode, name: name ?? d.unitCode };
  }

  async personName(id: string | null, ctx: GraphQLContext = {}) {
    if (!id) return null;
    if (id === SYSTEM_ACTOR.userId) return SYSTEM_ACTOR.displayName;
    return (await requestLoader(ctx, 'archivePeople', (ids: readonly string[]) => this.repository.userNames(ids)).load(id)) ?? id;
  }

  async tagsOf(d: DocumentView) {
    const known = await this.repository.catalogCodes(d.state.tags.map((t) => t.code));
    return d.state.tags.map((t) => ({ kind: t.kind, code: t.code, name: (t.kind === 'ITEM' ? known.items.get(t.code) : known.indicators.get(t.code)?.name) ?? t.code }));
  }

  private refuse(rejection: { code: string; message: string; field?: string } | null): void {
    if (rejection) throw new DomainError(rejection.code as never, rejection.message, rejection.field ?? null);
  }

  /** The unit a document is handed in for: a unit role's own (naming another is refused); the office any unit or none. */
  private async unitFor(caller: Caller, unitCode: string | null): Promise<string | null> {
    const wanted = unitCode?.trim() || null;
    if (caller.role === 'OFFICE') {
      if (wanted !== null && (wanted.length > CODE_CHARS || !(await this.repository.units([wanted])).has(wanted))) throw new DomainError('BAD_USER_INPUT', `没有编码为「${wanted.slice(0, CODE_CHARS)}」的单位`, 'unitCode');
      return wanted;
    }
    const own = visibleUnit(caller);
    const unit = wanted ?? own;
    if (!maySubmitFor(caller, unit) || unit !== own) throw new DomainError('FORBIDDEN', '责任单位只能提交本单位的档案资料', 'unitCode');
    return unit;
  }

  private async start(workflowId: string, args: LibraryDocumentInput, system = false): Promise<DocumentView> {
    try {
      const handle = await this.temporal.workflow.start(ARCHIVE_LIBRARY_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [args],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      await handle.executeUpdate(librarySubmittedUpdate);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw temporalToDomainError(err, '档案资料的工作流不存在');
    }
    return this.waitFor(workflowId, (d) => (system ? d.state.state === 'ACCEPTED' : d.state.version >= 1));
  }

  private async act(caller: Caller, id: string, command: LibraryCommand, known?: DocumentView): Promise<DocumentView> {
    const doc = known ?? (await this.get(caller, id));
    const refused = checkLibrary(doc.state, caller, command.action);
    // The retry of an action that took effect finds the document moved on: it gets the outcome, not a refusal.
    if (refused && !(await this.idempotency.tookEffect(caller.userId, id))) this.refuse(refused);
    const outcome = await this.actions.execute(id, libraryActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '档案资料的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(caller, id);
    const version = outcome.result.version;
    return this.waitFor(id, (d) => d.state.version >= version);
  }

  private async waitFor(id: string, ready: (d: DocumentView) => boolean): Promise<DocumentView> {
    return waitForProjection(() => this.repository.document(id), ready);
  }
}
