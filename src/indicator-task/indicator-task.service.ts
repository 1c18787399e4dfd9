// Rules of access and the path of an action: the service sends the action to the task's workflow as an
// Update (whose validator decides legality) and answers with the card read before it and the events the Update
// recorded folded in (or, where that cannot give the card, reads it back from the projection).
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, TEMPORAL_UI_URL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import type { GraphQLContext } from '../auth/auth.service';
import { visibleUnit } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { cardLoader, requestLoader } from '../platform/graphql/request-loader';
import { decodeCursor, encodeCursor, pageSize, type SortValue } from '../platform/graphql/cursor';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { archiveOf } from '../../workflows/indicator-task/indicator-task.rules';
import { evolve } from '../../workflows/indicator-task/indicator-task.evolve';
import {
  decide,
  allowedActions,
  allowedAccountabilityActions,
  allowedSideActions,
  allowedTaskKeyFlagActions,
  check,
  checkTaskKeyFlag,
} from '../../workflows/indicator-task/indicator-task.decide';
import type { AccountabilityAction } from '../../workflows/shared/accountability';
import type { KeyFlagAction, KeyFlagCommand } from '../../workflows/shared/key-flag';
import { keyFlagView } from './key-flag-view';
import { decisionsView, proposalCommand, type ProposalInput } from './accountability-input';
import { type IndicatorTaskAction, type IndicatorTaskCommand, PACKAGE_MATERIAL, STAGES, type EvidenceFile, type Stage } from '../../workflows/indicator-task/indicator-task.types';
import { performActionUpdate, type ActionResult } from '../../workflows/indicator-task/indicator-task.messages';
import { ESCALATION_LABELS, STAGE_LABELS, EVENT_LABELS, MATERIAL_STATUS_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import type { Actor } from '../../workflows/shared/actor.types';
import type { IndicatorTaskEventType } from '../../workflows/indicator-task/indicator-task.events';
import { FileStore } from '../platform/files/file-store';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { BOARD_ORDERING, IndicatorTaskRepository, type TaskListQuery, type TaskView } from './indicator-task.repository';
import type { TaskFilter } from '../platform/graphql/graphql.generated';
import { boardUnit } from '../platform/graphql/board-unit';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { historyEntry } from '../platform/event-store/history-entry';
import { personRefusal, RESPONSIBLE_LOGIN_MAX, type ResponsiblePerson } from '../../workflows/shared/responsible-person';

@Injectable()
export class IndicatorTaskService {
  constructor(
    private readonly tasks: IndicatorTaskRepository,
    private readonly campaigns: CampaignRepository,
    private readonly files: FileStore,
    private readonly idempotency: IdempotencyService,
    private readonly actions: WorkflowActions,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_UI_URL) private readonly temporalUi: string | null,
  ) {}

  /** Units read the tasks they do and the tasks they lead (access-policy.ts: unit-scoped reads). */
  canSee(actor: Actor, task: TaskView): boolean {
    const unit = visibleUnit(actor);
    return unit === null || task.unit.code === unit || task.leadUnit.code === unit;
  }

  /** A task the actor may see; others are reported as not found, so their existence does not leak. */
  async get(actor: Actor, taskId: string): Promise<TaskView> {
    const task = await this.tasks.findById(taskId);
    if (!task || !this.canSee(actor, task)) throw new DomainError('NOT_FOUND', `任务「${taskId}」不存在或无权查看`);
    return task;
  }

  allowedActions(actor: Actor, task: TaskView): IndicatorTaskAction[] {
    // Completion waits for the linked items: the same rule decide() applies to the count the API sends.
    return allowedActions(task.state, actor).filter((a) => a !== 'SUBMIT_RECTIFICATION' || task.openItems === 0);
  }

  sideActions(actor: Actor, task: TaskView): IndicatorTaskAction[] {
    return allowedSideActions(task.state, actor);
  }

  accountabilityActions(actor: Actor, task: TaskView): AccountabilityAction[] {
    return task.asOf ? [] : allowedAccountabilityActions(task.state, actor);
  }

  /** The task's 问责 decisions as the card shows them; one query for the people of a request. */
  async accountabilityDecisions(actor: Actor, task: TaskView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, task)) return [];
    const people = requestLoader(ctx, 'taskPeople', (ids: readonly string[]) => this.tasks.people(ids));
    const units = requestLoader(ctx, 'taskUnits', async (codes: readonly string[]) => {
      const found = await Promise.all(codes.map(async (c) => [c, await this.tasks.unit(c)] as const));
      return new Map(found.filter((f): f is readonly [string, NonNullable<(typeof f)[1]>] => f[1] !== undefined));
    });
    return decisionsView(
      task.state.accountability,
      (id) => people.load(id),
      async (code) => (code === task.unit.code ? task.unit : ((await units.load(code)) ?? { code, name: code, kind: task.unit.kind })),
    );
  }

  /** The 重点/难点 steps the caller may take now; none on a card replayed as of an instant. */
  keyFlagActions(actor: Actor, task: TaskView): KeyFlagAction[] {
    return task.asOf ? [] : allowedTaskKeyFlagActions(task.state, actor);
  }

  /** The task's 重点/难点 mark as the card shows it, with who marked it; one query for the people of a request. */
  async keyFlag(task: TaskView, ctx: GraphQLContext = {}) {
    return keyFlagView(task.state.keyFlag, (ids) => requestLoader(ctx, 'taskPeople', (all: readonly string[]) => this.tasks.people(all)).load(ids));
  }

  /** The office or the leading group marks the task 重点/难点, changes the mark or clears it. */
  async setKeyFlag(actor: Actor, taskId: string, command: KeyFlagCommand, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    const refused = checkTaskKeyFlag(task.state, actor, command.action);
    if (refused && !(await this.idempotency.tookEffect(actor.userId, task.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    return this.perform(actor, taskId, command, expectedVersion);
  }

  /** The office proposes a 问责 decision: the named persons must be people of the task's unit. */
  async proposeAccountability(actor: Actor, taskId: string, input: ProposalInput, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'PROPOSE_ACCOUNTABILITY');
    const command = await proposalCommand(input, task.unit.code, (unit, logins) => this.tasks.unitPeopleAmong(unit, logins));
    return this.perform(actor, taskId, command, expectedVersion);
  }

  private static by(e: HistoryEvent) {
    const a = e.metadata.actor as Actor | undefined;
    return { userId: a?.userId ?? '', displayName: a?.displayName ?? '系统', role: a?.role ?? 'OFFICE' };
  }

  /**
   * The task's events; for a card replayed as of an instant, only those up to it. Read once for all the cards of
   * a request together (history, comments and evidence of every card share the one query).
   */
  private async eventsOf(task: TaskView, ctx: GraphQLContext): Promise<HistoryEvent[]> {
    const loader = cardLoader<TaskView, HistoryEvent[]>(ctx, 'taskEvents', (ids) => this.tasks.histories(ids));
    const events = (await loader.load(task)) ?? [];
    if (!task.asOf) return events;
    const until = Date.parse(task.asOf);
    return events.filter((e) => e.occurredAt.getTime() <= until);
  }

  async comments(actor: Actor, task: TaskView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, task)) return [];
    return (await this.eventsOf(task, ctx))
      .filter((e) => e.type === 'CommentAdded')
      .map((e) => ({ text: String(e.data.text), author: IndicatorTaskService.by(e), at: e.occurredAt.toISOString() }));
  }

  async evidence(actor: Actor, task: TaskView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, task)) return [];
    return (await this.eventsOf(task, ctx))
      .filter((e) => e.type === 'EvidenceAttached')
      .map((e) => ({
        ...(e.data as { sha256: string; name: string; size: number; mimeType: string; stage: string; note: string }),
        uploadedBy: IndicatorTaskService.by(e),
        at: e.occurredAt.toISOString(),
        url: `/tasks/${encodeURIComponent(task.id)}/evidence/${String(e.data.sha256)}`,
      }));
  }

  /** Scores every criterion of the indicator; the catalog supplies each criterion's points. */
  async recordMockAssessment(actor: Actor, taskId: string, scores: { criterionCode: string; score: number }[], note: string | undefined, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    const criteria = await this.tasks.criteria(task.indicator.code);
    if (criteria.length === 0) {
      throw new DomainError('BAD_USER_INPUT', `指标「${task.indicator.code} ${task.indicator.name}」在测评体系中没有测评内容，无法评分；请先导入测评体系`, 'scores');
    }
    const known = new Map(criteria.map((c) => [c.code, c.points]));
    const unknown = scores.find((s) => !known.has(s.criterionCode));
    if (unknown) throw new DomainError('BAD_USER_INPUT', `测评内容「${unknown.criterionCode}」不属于指标「${task.indicator.code}」`, 'scores');
    const missing = criteria.filter((c) => !scores.some((s) => s.criterionCode === c.code));
    if (missing.length > 0) throw new DomainError('BAD_USER_INPUT', `还有测评内容没有评分：${missing.map((c) => c.code).join('、')}`, 'scores');
    // What a failed assessment's rectification items need: the drive, the place, what each criterion asks.
    const followUp = {
      area: task.indicator.area,
      address: `${task.unit.name}（${task.indicator.code} ${task.indicator.name}）`,
      criteria: Object.fromEntries(criteria.map((c) => [c.code, c.content])),
    };
    const command = { action: 'RECORD_MOCK_ASSESSMENT' as const, scores: scores.map((s) => ({ ...s, points: known.get(s.criterionCode)! })), note, followUp };
    return this.perform(actor, taskId, command, expectedVersion);
  }

  /**
   * Refuses an action the rules forbid on the state read, before anything is stored or looked up for it; but not
   * the retry of an action that took effect (same Idempotency-Key), whose own effect moved the state on: perform()
   * answers that one with its outcome.
   */
  private async refuseEarly(actor: Actor, task: TaskView, action: IndicatorTaskAction): Promise<void> {
    const refused = check(task.state, actor, action);
    if (refused && !(await this.idempotency.tookEffect(actor.userId, task.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  /** Archiving begins with the list of materials the catalog requires of the indicator now. */
  async startArchiving(actor: Actor, taskId: string, note: string | undefined, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'START_ARCHIVING');
    const listed = await this.tasks.materials(task.indicator.code);
    const materials = listed.length > 0 ? listed : [PACKAGE_MATERIAL];
    return this.perform(actor, taskId, { action: 'START_ARCHIVING', note, materials }, expectedVersion);
  }

  /**
   * Hands in one archive material: a new file (stored only when the person may hand it in now), or evidence
   * already attached to the task.
   */
  async submitArchiveMaterial(
    actor: Actor,
    taskId: string,
    input: { materialCode: string; file: { name: string; content: Buffer } | null; evidenceSha256: string | null; note: string | undefined },
    expectedVersion?: number | null,
  ) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'SUBMIT_ARCHIVE_MATERIAL');
    if ((input.file === null) === (input.evidenceSha256 === null)) {
      throw new DomainError('BAD_USER_INPUT', '请上传一个文件，或选择一份本任务已上传的佐证材料（二者选一）', 'file');
    }
    let file: EvidenceFile;
    if (input.file) {
      file = await this.files.put(input.file.name, input.file.content);
    } else {
      const attached = (await this.evidence(actor, task)).find((e) => e.sha256 === input.evidenceSha256);
      if (!attached) throw new DomainError('BAD_USER_INPUT', '本任务没有这份佐证材料', 'evidenceSha256');
      file = { sha256: attached.sha256, name: attached.name, size: attached.size, mimeType: attached.mimeType };
    }
    return this.perform(actor, taskId, { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: input.materialCode, file, note: input.note }, expectedVersion);
  }

  /** The archive materials with the names of who handed each in and who reviewed it; one query for all the people of a request. */
  async archiveMaterials(actor: Actor, task: TaskView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, task)) return [];
    const materials = archiveOf(task.state);
    const loader = requestLoader(ctx, 'taskPeople', (ids: readonly string[]) => this.tasks.people(ids));
    const ids = [...new Set(materials.flatMap((m) => [m.submittedBy, m.reviewedBy]).filter((id): id is string => id !== null))];
    const people = new Map(await Promise.all(ids.map(async (id) => [id, await loader.load(id)] as const)));
    const person = (id: string | null) => (id === null ? null : (people.get(id) ?? { userId: id, displayName: id, role: 'OFFICE' }));
    return materials.map((m) => ({
      ...m,
      statusLabel: MATERIAL_STATUS_LABELS[m.status],
      file: m.file ? { ...m.file, url: `/tasks/${encodeURIComponent(task.id)}/evidence/${m.file.sha256}` } : null,
      submittedBy: person(m.submittedBy),
      reviewedBy: person(m.reviewedBy),
    }));
  }

  /**
   * The office moves a task, with its history, to another unit. Under a lock on (campaign, indicator), so
   * that no two reassignments give one unit the same indicator twice.
   */
  async reassign(actor: Actor, taskId: string, unitCode: string, reason: string, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'REASSIGN');
    const unit = await this.tasks.unit(unitCode.trim());
    if (!unit) throw new DomainError('BAD_USER_INPUT', `单位「${unitCode}」不存在`, 'unitCode');
    return this.tasks.withIndicatorLock(task.campaignId, task.indicator.code, async () => {
      const other = await this.tasks.otherTaskFor(task.campaignId, task.indicator.code, unit.code, task.id);
      if (other) {
        throw new DomainError('CONFLICT', `「${unit.name}」已负责指标「${task.indicator.code} ${task.indicator.name}」的任务，不能再改派给它`, 'unitCode');
      }
      return this.perform(actor, taskId, { action: 'REASSIGN', unitCode: unit.code, reason }, expectedVersion);
    });
  }

  /**
   * The unit head (or the office) names the task's 责任人: a person of the task's unit, checked against the roster
   * here; the workflow refuses it again if the task has moved to another unit meanwhile.
   */
  async assignResponsiblePerson(actor: Actor, taskId: string, login: string, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'ASSIGN_RESPONSIBLE_PERSON');
    const wanted = login.trim();
    if (wanted === '') throw new DomainError('BAD_USER_INPUT', '请选择责任人', 'login');
    if (wanted.length > RESPONSIBLE_LOGIN_MAX) throw new DomainError('BAD_USER_INPUT', `责任人账号不能超过${RESPONSIBLE_LOGIN_MAX}个字符`, 'login');
    const person = await this.tasks.personByLogin(wanted);
    const refused = personRefusal(person, wanted, task.unit, '任务');
    if (refused || !person) throw new DomainError('BAD_USER_INPUT', refused ?? '', 'login');
    return this.perform(actor, taskId, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: task.unit.code, login: person.login, name: person.displayName }, expectedVersion);
  }

  responsiblePerson(task: TaskView): ResponsiblePerson | null {
    return task.state.responsiblePerson ?? null;
  }

  /** The people the caller may name 责任人 of the task now; none when they may not name one. */
  async responsiblePersonCandidates(actor: Actor, task: TaskView, ctx: GraphQLContext = {}): Promise<ResponsiblePerson[]> {
    if (task.asOf || check(task.state, actor, 'ASSIGN_RESPONSIBLE_PERSON') !== null) return [];
    const loader = requestLoader(ctx, 'unitPeople', async (codes: readonly string[]) => new Map(await Promise.all(codes.map(async (c) => [c, await this.tasks.unitPeople(c)] as const))));
    return (await loader.load(task.unit.code)) ?? [];
  }

  /** Stores the file only when the person may attach it now, then records it on the task. */
  async uploadEvidence(actor: Actor, taskId: string, file: { name: string; content: Buffer }, note: string | undefined, expectedVersion?: number | null) {
    const task = await this.get(actor, taskId);
    await this.refuseEarly(actor, task, 'ATTACH_EVIDENCE');
    const stored = await this.files.put(file.name, file.content);
    return this.perform(actor, taskId, { action: 'ATTACH_EVIDENCE', file: stored, note }, expectedVersion);
  }

  /** A file attached to a task the actor may see; others are not found, whatever the store holds. */
  async evidenceFile(actor: Actor, taskId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const task = await this.get(actor, taskId);
    const material = archiveOf(task.state).find((m) => m.file?.sha256 === sha256)?.file;
    const attached = (await this.evidence(actor, task)).find((e) => e.sha256 === sha256) ?? material;
    const content = attached ? await this.files.get(sha256) : null;
    if (!attached || !content) throw new DomainError('NOT_FOUND', '找不到该佐证材料');
    return { content, name: attached.name, mimeType: attached.mimeType };
  }

  /** Each column's count and first page of cards, filtered as the `tasks` list is. */
  async board(actor: Actor, campaignId: string | null | undefined, unitCode: string | null | undefined, first?: number | null, filter?: TaskFilter | null) {
    const size = pageSize(first, this.config.board);
    const campaign = await this.campaigns.require(campaignId);
    const query = this.boardFilter(actor, campaign.id, unitCode, filter);
    const [counts, pages] = await Promise.all([this.tasks.columnCounts(query), this.tasks.firstPages(query, STAGES, size + 1)]);
    return { campaign, columns: STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: counts.get(stage) ?? 0, ...toPage(pages.get(stage) ?? [], size) })) };
  }

  /** One column's page after a cursor of an earlier page (`boardColumn`). */
  async boardColumn(actor: Actor, input: { campaignId?: string | null; stage: Stage; unitCode?: string | null; first?: number | null; after?: string | null; filter?: TaskFilter | null }) {
    const size = pageSize(input.first, this.config.board);
    const after = input.after === null || input.after === undefined ? null : decodeCursor(input.after, BOARD_ORDERING);
    const campaign = await this.campaigns.require(input.campaignId);
    const query = this.boardFilter(actor, campaign.id, input.unitCode, input.filter);
    const [counts, page] = await Promise.all([this.tasks.columnCounts(query, input.stage), this.columnPage(query, input.stage, after, size)]);
    return { stage: input.stage, label: STAGE_LABELS[input.stage], count: counts.get(input.stage) ?? 0, ...page };
  }

  /** What a unit may see (the tasks it does or leads), the unit asked for, and the rest of the filter; the decider is the caller. */
  private boardFilter(actor: Actor, campaignId: string, unitCode: string | null | undefined, filter: TaskFilter | null | undefined): TaskListQuery {
    return { campaignId, visibleToUnit: visibleUnit(actor), unitCode: boardUnit(unitCode, filter?.unitCode), filter: filter ?? {}, decider: { role: actor.role, userId: actor.userId } };
  }

  /** Reads one row more than the page, to know whether there is a next one. */
  private async columnPage(filter: TaskListQuery, stage: Stage, after: SortValue[] | null, size: number) {
    return toPage(await this.tasks.columnPage(filter, stage, after, size + 1), size);
  }

  async history(actor: Actor, task: TaskView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, task)) return [];
    const events = await this.eventsOf(task, ctx);
    return events.map((e) =>
      historyEntry(
        e,
        e.type === 'DeadlineEscalated'
          ? `${ESCALATION_LABELS[e.data.level as EscalationLevel] ?? ''}（${STAGE_LABELS[e.data.stage as Stage] ?? ''}时限）`
          : e.type === 'MockAssessmentRecorded' && typeof e.data.roundTitle === 'string'
            ? `${EVENT_LABELS.MockAssessmentRecorded}（得分来自检查轮次「${e.data.roundTitle}」）`
            : (EVENT_LABELS[e.type as IndicatorTaskEventType] ?? e.type),
      ),
    );
  }

  temporalUiUrl(task: TaskView): string | null {
    const base = this.temporalUi;
    if (!base) return null;
    return `${base}/namespaces/${encodeURIComponent(this.config.temporal.namespace)}/workflows/${encodeURIComponent(task.id)}`;
  }

  /** Performs one lifecycle action. Refused actions write nothing; accepted ones write exactly one event. */
  async perform(actor: Actor, taskId: string, command: IndicatorTaskCommand | KeyFlagCommand, expectedVersion?: number | null): Promise<TaskView> {
    const task = await this.get(actor, taskId);
    const outcome = await this.actions.execute(taskId, performActionUpdate, {
      actor,
      command,
      expectedVersion,
      beforeUpdate: (request) => {
        if (request.command.action === 'SUBMIT_RECTIFICATION') request = { ...request, command: { ...request.command, openItems: task.openItems } };
        if (task.stage === 'ARCHIVED') {
          // The workflow has completed; the same rules explain why nothing more can be done.
          const decision = decide(task.state, request, new Date().toISOString());
          throw decision.ok
            ? new DomainError('ILLEGAL_TRANSITION', `任务已${STAGE_LABELS.ARCHIVED}，不能再操作`)
            : new DomainError(decision.rejection.code, decision.rejection.message, decision.rejection.field ?? null);
        }
        return request;
      },
      toError: (err) => temporalToDomainError(err, '任务的工作流不存在或已结束'),
    });
    // The Update answers with the events it recorded: folded into the card read above, they give the new card.
    const answered = outcome.replayed ? null : afterAction(task, actor, command, outcome.result);
    if (answered) return answered;
    // Otherwise read again: a retry's action may have taken effect since the card was read above.
    const updated = await this.tasks.findById(taskId);
    if (outcome.replayed) return updated ?? task;
    if (!updated) throw new DomainError('INTERNAL_SERVER_ERROR', '任务状态读取失败');
    return updated;
  }
}

/**
 * The card after an action without reading it again: the events the Update answered with, folded into the card
 * read before it with the projection's own `evolve`, actor and time (foldCard in indicator-task-card.projection.ts),
 * give the state the card now holds (the Update answers only once they are written). Null, to read the card
 * instead, where the card read before cannot supply the rest: an answer without the events (given by older code) or
 * with none; events that do not follow that card's version directly (another record came between, or the Update was
 * answered again for its id); a unit or lead unit other than the one read (a reassignment); and a mock assessment,
 * whose failure raises linked items (the open items the card counts).
 */
function afterAction(before: TaskView, actor: Actor, command: IndicatorTaskCommand | KeyFlagCommand, result: ActionResult): TaskView | null {
  const { events, recordedAt } = result;
  if (!events || events.length === 0 || !recordedAt || result.version !== before.version + events.length) return null;
  if (command.action === 'RECORD_MOCK_ASSESSMENT') return null;
  const meta = { actorId: actor.userId, at: recordedAt };
  const state = events.reduce((s, e) => evolve(s, e, meta), before.state);
  if (state.taskId !== before.id || state.unitCode !== before.unit.code || state.leadUnitCode !== before.leadUnit.code) return null;
  return { ...state, id: before.id, state, updatedAt: recordedAt, indicator: before.indicator, unit: before.unit, leadUnit: before.leadUnit, openItems: before.openItems };
}

/** A column's page from its rows read one beyond the page: the cards, and where the next page begins. */
function toPage(rows: readonly { view: TaskView; sortValues: SortValue[] }[], size: number) {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    cards: page.map((r) => r.view),
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(BOARD_ORDERING, last.sortValues) : null },
  };
}

