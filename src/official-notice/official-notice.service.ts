// The official notices' rules in the API: who sees which notice (a unit its own), the office's notices on demand
// (started as the notice's workflow, answered once it is numbered), the 签收 (the one action path, WorkflowActions, to
// the notice's Update), the .docx (the kind's template, the office's or the default, filled from the notice and the
// events of its task or item), and the templates.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { GraphQLContext } from '../auth/auth.service';
import { mayReadUnit, visibleUnit, type Caller } from '../auth/access-policy';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { UploadService } from '../platform/files/upload.service';
import { cardLoader, requestLoader } from '../platform/graphql/request-loader';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { EVENT_LABELS, ESCALATION_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { IndicatorTaskEventType } from '../../workflows/indicator-task/indicator-task.events';
import { ITEM_EVENT_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import type { RectificationItemEventType } from '../../workflows/rectification-item/rectification-item.events';
import { canAcknowledge, checkNotice } from '../../workflows/official-notice/official-notice.decide';
import { NOTICE_ISSUER, NOTICE_KIND_LABELS, NOTICE_STATE_LABELS } from '../../workflows/official-notice/official-notice.labels';
import { noticeActionUpdate, noticeIssuedUpdate, officeNoticeWorkflowId, OFFICIAL_NOTICE_WORKFLOW_TYPE } from '../../workflows/official-notice/official-notice.messages';
import { MAX_NOTICE_NOTE_CHARS, NOTICE_KINDS, type NoticeKind, type OfficialNoticeInput } from '../../workflows/official-notice/official-notice.types';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import { shanghaiDate } from '../../workflows/shared/time';
import { checkTemplate, defaultTemplate, MAX_HISTORY_LINES, MAX_TEMPLATE_BYTES, renderNotice, type NoticeDocumentData } from './notice-document';
import { OfficialNoticeRepository, type NoticeSubjectRow, type NoticeView } from './official-notice.repository';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const MAX_LIST = 200;
const ID_CHARS = 300;
const BLANK = '________';
const TITLE_CHARS = 60;

/** 2027年3月31日, in Asia/Shanghai. */
export function chineseDate(iso: string | Date): string {
  const [y, m, d] = shanghaiDate(typeof iso === 'string' ? iso : iso.toISOString()).split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

function shorten(text: string): string {
  const chars = [...text.trim()];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : chars.join('');
}

/** The GraphQL OfficialNotice's own fields; unit, acknowledgedByName and canAcknowledge are resolved apart. */
export function noticeFields(n: NoticeView) {
  const s = n.state;
  return {
    id: n.id,
    number: s.number ?? '',
    kind: s.kind,
    kindLabel: NOTICE_KIND_LABELS[s.kind],
    campaignId: s.campaignId,
    taskId: s.taskId,
    itemId: s.itemId,
    title: s.title,
    level: s.level,
    note: s.note,
    state: s.state,
    stateLabel: NOTICE_STATE_LABELS[s.state],
    issuedAt: s.issuedAt,
    ackDueAt: s.ackDueAt,
    acknowledgedAt: s.acknowledgedAt,
    escalationLevel: s.escalationLevel,
    downloadUrl: `/official-notices/${encodeURIComponent(n.id)}/document`,
  };
}

function checkNote(note: string | null | undefined, field: string): string {
  if (note === null || note === undefined) return '';
  if ([...note].length > MAX_NOTICE_NOTE_CHARS) throw new DomainError('BAD_USER_INPUT', `说明不能超过${MAX_NOTICE_NOTE_CHARS}字`, field);
  return note.trim();
}

function checkKind(kind: unknown): NoticeKind {
  if (typeof kind !== 'string' || !(NOTICE_KINDS as readonly string[]).includes(kind)) throw new DomainError('BAD_USER_INPUT', '未知的通知类别', 'kind');
  return kind as NoticeKind;
}

@Injectable()
export class OfficialNoticeService {
  constructor(
    private readonly repository: OfficialNoticeRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly idempotency: IdempotencyService,
    private readonly uploads: UploadService,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A notice the caller may see; NOT_FOUND otherwise (a unit does not learn of other units' notices). */
  async get(caller: Caller, noticeId: string): Promise<NoticeView> {
    const notice = typeof noticeId === 'string' && noticeId.length <= ID_CHARS ? await this.repository.find(noticeId) : null;
    if (!notice || !mayReadUnit(caller, notice.unitCode)) throw new DomainError('NOT_FOUND', '通知不存在或无权查看', 'id');
    return notice;
  }

  /** The notices of a card the caller sees; one query for all the cards of a request. */
  async ofCard(caller: Caller, subject: 'task' | 'item', card: { id: string }, ctx: GraphQLContext = {}): Promise<NoticeView[]> {
    const column = subject === 'task' ? 'task_id' : 'item_id';
    const loader = cardLoader<{ id: string }, NoticeView[]>(ctx, `officialNotices:${subject}`, (ids) => this.repository.bySubjects(column, ids));
    return ((await loader.load(card)) ?? []).filter((n) => mayReadUnit(caller, n.unitCode));
  }

  async list(caller: Caller, args: { campaignId: string | null; unacknowledgedOnly: boolean | null; first: number | null }): Promise<NoticeView[]> {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw new DomainError('BAD_USER_INPUT', `条数须在 1 到 ${MAX_LIST} 之间`, 'first');
    const campaign = await this.campaigns.require(args.campaignId);
    return this.repository.list({ campaignId: campaign.id, unitCode: visibleUnit(caller), unacknowledgedOnly: args.unacknowledgedOnly === true, limit: first });
  }

  /** The office issues a notice to the unit of a task or an item: numbered by its workflow, answered once issued. */
  async issue(caller: Caller, input: { kind: unknown; taskId?: string | null; itemId?: string | null; note?: string | null }): Promise<NoticeView> {
    const kind = checkKind(input.kind);
    const note = checkNote(input.note, 'note');
    const taskId = input.taskId?.trim() || null;
    const itemId = input.itemId?.trim() || null;
    if ((taskId === null) === (itemId === null)) throw new DomainError('BAD_USER_INPUT', '请指定一项指标任务（taskId）或一个整改问题（itemId），二者选一', taskId ? 'itemId' : 'taskId');
    if ((taskId ?? itemId)!.length > ID_CHARS) throw new DomainError('BAD_USER_INPUT', '编号过长', taskId ? 'taskId' : 'itemId');
    const subject = taskId ? await this.repository.task(taskId) : await this.repository.item(itemId!);
    if (!subject) throw new DomainError('NOT_FOUND', taskId ? `指标任务「${taskId}」不存在` : `整改问题「${itemId}」不存在`, taskId ? 'taskId' : 'itemId');
    if (!subject.unitCode) throw new DomainError('ILLEGAL_TRANSITION', '该整改问题尚未派给责任单位，不能印发通知', 'itemId');
    const args: OfficialNoticeInput = {
      campaignId: subject.campaignId,
      taskId,
      itemId,
      unitCode: subject.unitCode,
      indicatorCode: subject.indicatorCode,
      title: await this.titleOf(subject),
      dueAt: subject.dueAt?.toISOString() ?? null,
      kind,
      trigger: 'ON_DEMAND',
      level: null,
      note,
      sourceEventId: null,
      issuedBy: { userId: caller.userId, displayName: caller.displayName, role: caller.role, unitCode: caller.unitCode },
    };
    // With an Idempotency-Key, a retry names the same workflow, which is started once: one notice, one number.
    const idempotent = await this.idempotency.claim(caller.userId, 'official-notice:issue', 'issueOfficialNotice', { kind, taskId, itemId, note });
    const workflowId = officeNoticeWorkflowId(idempotent?.updateId ?? randomUUID());
    try {
      const handle = await this.temporal.workflow.start(OFFICIAL_NOTICE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [args],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      await handle.executeUpdate(noticeIssuedUpdate);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw temporalToDomainError(err, '通知的工作流不存在');
    }
    return this.waitFor(workflowId, (n) => n.state.number !== null);
  }

  /** 签收 by the head of the notice's unit: the rule first on the card (a finished notice has no workflow to ask). */
  async acknowledge(caller: Caller, noticeId: string, note: string | null | undefined): Promise<NoticeView> {
    const notice = await this.get(caller, noticeId);
    const text = checkNote(note, 'note');
    const refused = checkNotice(notice.state, caller, 'ACKNOWLEDGE');
    // The retry of a 签收 that took effect finds it acknowledged: it gets the outcome, not a refusal.
    if (refused && !(await this.idempotency.tookEffect(caller.userId, noticeId))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const outcome = await this.actions.execute(noticeId, noticeActionUpdate, {
      actor: caller,
      command: { action: 'ACKNOWLEDGE', note: text },
      toError: (err) => temporalToDomainError(err, '通知的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(caller, noticeId);
    const version = outcome.result.version;
    return this.waitFor(noticeId, (n) => n.state.version >= version);
  }

  /** The notice's .docx: its kind's template filled in; named 「督办通知单（创文督〔2027〕12号）.docx」. */
  async document(caller: Caller, noticeId: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const notice = await this.get(caller, noticeId);
    const s = notice.state;
    const template = (await this.repository.template(s.kind))?.content ?? defaultTemplate(s.kind);
    const [units, names] = await Promise.all([this.repository.units([s.unitCode]), this.repository.userNames(s.acknowledgedBy ? [s.acknowledgedBy] : [])]);
    const indicatorName = s.indicatorCode && s.taskId ? await this.repository.indicatorName(s.indicatorCode) : null;
    const data: NoticeDocumentData = {
      kindTitle: NOTICE_KIND_LABELS[s.kind],
      number: s.number ?? '',
      unitName: units.get(s.unitCode)?.name ?? s.unitCode,
      subject: s.title,
      indicator: s.indicatorCode ? `${s.indicatorCode}${indicatorName ? ` ${indicatorName}` : ''}` : '—',
      deadline: s.dueAt ? chineseDate(s.dueAt) : '—',
      step: s.level ? ESCALATION_LABELS[s.level] : '创建办通知',
      note: s.note || '无',
      history: await this.history(s.taskId ?? s.itemId),
      issuer: NOTICE_ISSUER,
      issuedDate: s.issuedAt ? chineseDate(s.issuedAt) : '',
      ackDueDate: s.ackDueAt ? chineseDate(s.ackDueAt) : '',
      acknowledgedBy: s.acknowledgedBy ? (names.get(s.acknowledgedBy) ?? s.acknowledgedBy) : BLANK,
      acknowledgedAt: s.acknowledgedAt ? chineseDate(s.acknowledgedAt) : BLANK,
    };
    return {
      content: renderNotice(template, data),
      name: `${NOTICE_KIND_LABELS[s.kind]}（${s.number}）.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  }

  async templates() {
    const custom = await this.repository.templates();
    return NOTICE_KINDS.map((kind) => this.templateView(kind, custom.get(kind) ?? null));
  }

  /** Replaces a kind's template with an upload of the caller's; a template that could not be used is refused, the old one kept. */
  async uploadTemplate(caller: Caller, kindArg: unknown, fileId: string) {
    const kind = checkKind(kindArg);
    const { name, content } = await this.uploads.use(caller, fileId, 'fileId');
    if (content.length > MAX_TEMPLATE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `模板文件超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB 的上限`, 'fileId');
    if (!/\.docx$/i.test(name)) throw new DomainError('BAD_USER_INPUT', '模板须为 Word 文档（.docx）', 'fileId');
    checkTemplate(content);
    await this.repository.saveTemplate(kind, name, content, caller.userId);
    return this.templateView(kind, (await this.repository.templates()).get(kind) ?? null);
  }

  async resetTemplate(kindArg: unknown) {
    const kind = checkKind(kindArg);
    await this.repository.deleteTemplate(kind);
    return this.templateView(kind, null);
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  canAcknowledge = (caller: Caller, n: NoticeView) => !caller.service && canAcknowledge(n.state, caller);

  async unitOf(n: NoticeView, ctx: GraphQLContext = {}) {
    const unit = await requestLoader(ctx, 'noticeUnits', (codes: readonly string[]) => this.repository.units(codes)).load(n.unitCode);
    return unit ?? { code: n.unitCode, name: n.unitCode };
  }

  async acknowledgedByName(n: NoticeView, ctx: GraphQLContext = {}) {
    if (!n.state.acknowledgedBy) return null;
    return (await requestLoader(ctx, 'noticePeople', (ids: readonly string[]) => this.repository.userNames(ids)).load(n.state.acknowledgedBy)) ?? null;
  }

  private templateView(kind: NoticeKind, custom: { fileName: string; uploadedAt: Date } | null) {
    return { kind, kindLabel: NOTICE_KIND_LABELS[kind], custom: custom !== null, fileName: custom?.fileName ?? null, uploadedAt: custom?.uploadedAt.toISOString() ?? null };
  }

  private async titleOf(subject: NoticeSubjectRow): Promise<string> {
    if (subject.description !== null) return shorten(`整改问题：${subject.description}`);
    const name = subject.indicatorCode ? await this.repository.indicatorName(subject.indicatorCode) : null;
    return shorten(`测评指标 ${subject.indicatorCode ?? ''}${name ? ` ${name}` : ''}`);
  }

  /** The last events of the notice's task or item, one line each, in Chinese. */
  private async history(streamId: string | null): Promise<{ date: string; text: string }[]> {
    if (!streamId) return [];
    const events = await this.repository.lastEvents(streamId, MAX_HISTORY_LINES);
    return events.map((e) => {
      const level = e.type === 'DeadlineEscalated' ? ESCALATION_LABELS[e.data.level as EscalationLevel] : null;
      const label = level ?? EVENT_LABELS[e.type as IndicatorTaskEventType] ?? ITEM_EVENT_LABELS[e.type as RectificationItemEventType] ?? e.type;
      return { date: chineseDate(e.occurredAt), text: label };
    });
  }

  private async waitFor(noticeId: string, ready: (n: NoticeView) => boolean): Promise<NoticeView> {
    return waitForProjection(() => this.repository.find(noticeId), ready);
  }
}
