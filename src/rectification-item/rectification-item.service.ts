// Rules of access and the path of an action on a rectification item: reports start a workflow (or link to the
// open item of the same place, area and criterion), actions are Updates whose validator decides legality, and
// cards are read back from the projection. Units see only items dispatched to them; covert inspectors are
// never shown to units.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import type { AppConfig } from '../platform/config/config';
import type { GraphQLContext } from '../auth/auth.service';
import { hidesCovertReporter, mayReadUnit, visibleUnit } from '../auth/access-policy';
import { cardLoader, requestLoader } from '../platform/graphql/request-loader';
import { decodeCursor, encodeCursor, pageSize, type SortValue } from '../platform/graphql/cursor';
import { boardUnit } from '../platform/graphql/board-unit';
import type { ItemFilter as ItemListFilter } from '../platform/graphql/graphql.generated';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { FileStore } from '../platform/files/file-store';
import { UploadService, type FileInput } from '../platform/files/upload.service';
import { ITEM_EVENT_LABELS, ITEM_SOURCE_LABELS, ITEM_STATE_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import { rectificationItemWorkflowId, itemActionUpdate, RECTIFICATION_ITEM_WORKFLOW_TYPE, type ItemActionResult } from '../../workflows/rectification-item/rectification-item.messages';
import { evolveItem } from '../../workflows/rectification-item/rectification-item.evolve';
import type { RectificationItemEventType } from '../../workflows/rectification-item/rectification-item.events';
import {
  allowedItemAccountabilityActions,
  allowedItemActions,
  allowedItemKeyFlagActions,
  checkItem,
  checkItemAccountability,
  checkItemKeyFlag,
  decideItem,
  validLocation,
} from '../../workflows/rectification-item/rectification-item.decide';
import { type ItemAction, type ItemCommand, ITEM_AREAS, ITEM_SOURCES, ITEM_STATES, placeKey, type ItemArea, type ItemLocation, type ItemSource, type ItemState, type RectificationItemInput } from '../../workflows/rectification-item/rectification-item.types';
import { ESCALATION_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { EscalationLevel } from '../../workflows/shared/escalation';
import type { EvidenceFile } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { IndicatorTaskRepository, type TaskView } from '../indicator-task/indicator-task.repository';
import { decisionsView, proposalCommand, type ProposalInput } from '../indicator-task/accountability-input';
import { keyFlagView } from '../indicator-task/key-flag-view';
import type { KeyFlagAction, KeyFlagCommand } from '../../workflows/shared/key-flag';
import type { AccountabilityAction, AccountabilityCommand } from '../../workflows/shared/accountability';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { historyEntry } from '../platform/event-store/history-entry';
import { personRefusal, RESPONSIBLE_LOGIN_MAX, type ResponsiblePerson } from '../../workflows/shared/responsible-person';
import { ITEM_BOARD_ORDERING, RectificationItemRepository, type ItemFilter, type ItemView } from './rectification-item.repository';
import { campaignItemPolicy } from './item-policy';
import { WorkingDaysService } from '../working-days/working-days.service';
import type { ItemPolicy } from '../../workflows/rectification-item/rectification-item.types';
import { waitForProjection } from '../platform/projections/wait-for-projection';

/** The items board's filters as asked. */
interface BoardFilterInput {
  unitCode?: string | null;
  area?: ItemArea | null;
  source?: ItemSource | null;
  filter?: ItemListFilter | null;
}

/** A photo: an upload's id (POST /files), or its name and base64 content. */
export type Upload = FileInput;

/** Sources whose items name the unit that raised them (属地上报, a lead unit's decisions), which may then read them. */
export const REPORTING_UNIT_SOURCES: readonly string[] = ['LOCAL_REPORT', 'LEAD_UNIT_MEETING'];

export interface ReportInput {
  campaignId?: string | null;
  source: ItemSource;
  area: ItemArea;
  location: ItemLocation;
  description: string;
  photos?: Upload[] | null;
  indicatorTaskId?: string | null;
  criterionCode?: string | null;
  unitCode?: string | null;
  dueAt?: string | null;
  /** The inspection round it was found in (set by the round's recordFinding). */
  inspectionRoundId?: string | null;
  /** 属地上报: the reporter's own community or village (set by LocalReportService, never from the input). */
  reportingUnitCode?: string | null;
}

export interface ActInput {
  itemId: string;
  action: ItemAction;
  unitCode?: string | null;
  dueAt?: string | null;
  note?: string | null;
  reason?: string | null;
  passed?: boolean | null;
  requestedDueAt?: string | null;
  photos?: Upload[] | null;
  expectedVersion?: number | null;
}

const CARD_WAIT_MS = 15_000;
/** What units see in place of a covert inspector. */
const COVERT_ACTOR = { userId: '', displayName: '暗访组', role: 'SUPERVISOR' };

@Injectable()
export class RectificationItemService {
  constructor(
    private readonly items: RectificationItemRepository,
    private readonly campaigns: CampaignRepository,
    private readonly files: FileStore,
    private readonly uploads: UploadService,
    private readonly idempotency: IdempotencyService,
    private readonly actions: WorkflowActions,
    private readonly workingDays: WorkingDaysService,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly people: IndicatorTaskRepository,
  ) {}

  /** A report dispatched without a due date: the campaign's days to fix, in working days where it counts them. */
  private async defaultDueAt(policy: ItemPolicy): Promise<string> {
    const now = new Date();
    if (policy.dayCounting === 'WORKING') return this.workingDays.addWorkingDays(now, policy.rectificationDays);
    return new Date(now.getTime() + policy.rectificationDays * 86_400_000).toISOString();
  }

  /** Units read only the items dispatched to them (access-policy.ts), and what they raised (属地上报, a lead unit's decisions). */
  canSee(actor: Actor, item: ItemView): boolean {
    return mayReadUnit(actor, item.unitCode) || (REPORTING_UNIT_SOURCES.includes(item.source) && !!item.reportingUnitCode && mayReadUnit(actor, item.reportingUnitCode));
  }

  async get(actor: Actor, itemId: string): Promise<ItemView> {
    const item = await this.items.findById(itemId);
    if (!item || !this.canSee(actor, item)) throw new DomainError('NOT_FOUND', `整改问题「${itemId}」不存在或无权查看`);
    return item;
  }

  /** Hides who reported a covert finding from units (access-policy.ts). */
  hidesReporter(actor: Actor, item: ItemView): boolean {
    return hidesCovertReporter(actor, item.source);
  }

  allowedActions(actor: Actor, item: ItemView): ItemAction[] {
    return allowedItemActions(item, actor);
  }

  accountabilityActions(actor: Actor, item: ItemView): AccountabilityAction[] {
    return allowedItemAccountabilityActions(item, actor);
  }

  keyFlagActions(actor: Actor, item: ItemView): KeyFlagAction[] {
    return allowedItemKeyFlagActions(item, actor);
  }

  /** The item's 重点/难点 mark as the card shows it, with who marked it (never a covert reporter: only the office and leaders mark). */
  async keyFlag(actor: Actor, item: ItemView, ctx: GraphQLContext = {}) {
    return keyFlagView(item.keyFlag, async (id) => (await this.person(actor, item, id, ctx)) ?? undefined);
  }

  /** The office or the leading group marks the item 重点/难点, changes the mark or clears it. */
  async setKeyFlag(actor: Actor, itemId: string, command: KeyFlagCommand, expectedVersion: number | null): Promise<ItemView> {
    const item = await this.get(actor, itemId);
    const refused = checkItemKeyFlag(item, actor, command.action);
    if (refused && !(await this.idempotency.tookEffect(actor.userId, item.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    return this.perform(actor, item.id, command, expectedVersion);
  }

  /** The item's 问责 decisions as the card shows them. */
  async accountabilityDecisions(actor: Actor, item: ItemView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, item)) return [];
    const units = requestLoader(ctx, 'units', (codes: readonly string[]) => this.items.units(codes));
    return decisionsView(
      item.accountability,
      async (id) => (await this.person(actor, item, id, ctx)) ?? undefined,
      async (code) => (await units.load(code)) ?? { code, name: code, kind: 'DEPARTMENT' },
    );
  }

  /** A step of a 问责 decision on an item: the office proposes (persons of the item's unit), a leader approves or returns. */
  async actOnAccountability(actor: Actor, itemId: string, step: { action: 'PROPOSE_ACCOUNTABILITY'; input: ProposalInput } | Exclude<AccountabilityCommand, { action: 'PROPOSE_ACCOUNTABILITY' }>, expectedVersion: number | null) {
    const item = await this.get(actor, itemId);
    const refused = checkItemAccountability(item, actor, step.action);
    if (refused && !(await this.idempotency.tookEffect(actor.userId, item.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const command: AccountabilityCommand =
      step.action === 'PROPOSE_ACCOUNTABILITY' ? await proposalCommand(step.input, item.unitCode, (unit, logins) => this.people.unitPeopleAmong(unit, logins)) : step;
    return this.perform(actor, item.id, command, expectedVersion);
  }

  /** `itemKey` names the new item when its origin must make it once only (a meeting's decision). */
  async report(actor: Actor, input: ReportInput, itemKey?: string): Promise<{ item: ItemView; duplicate: boolean }> {
    if (!(ITEM_SOURCES as readonly string[]).includes(input.source)) throw new DomainError('BAD_USER_INPUT', '问题来源无效', 'source');
    // 属地上报 names the reporter's own community or village: only LocalReportService knows it (reportLocalProblem).
    // 属地上报 and a lead unit's decisions name the unit that raised them: only LocalReportService and
    // LeadUnitMeetingService know it (reportLocalProblem, recordLeadUnitMeeting).
    if (input.source === 'LEAD_UNIT_MEETING' && !input.reportingUnitCode) throw new DomainError('BAD_USER_INPUT', '牵头单位协调会交办的问题请由牵头单位通过「牵头单位协调会」记录', 'source');
    if (REPORTING_UNIT_SOURCES.includes(input.source) !== !!input.reportingUnitCode) throw new DomainError('BAD_USER_INPUT', '属地上报请由社区（村）通过「属地上报」提交', 'source');
    if (!(ITEM_AREAS as readonly string[]).includes(input.area)) throw new DomainError('BAD_USER_INPUT', '专项整治领域无效', 'area');
    const badLocation = validLocation(input.location);
    if (badLocation) throw new DomainError('BAD_USER_INPUT', badLocation.message, badLocation.field ?? null);
    if (typeof input.description !== 'string' || input.description.trim() === '') throw new DomainError('BAD_USER_INPUT', '请填写问题描述', 'description');
    if ([...input.description.trim()].length > 2000) throw new DomainError('BAD_USER_INPUT', '问题描述不能超过2000字', 'description');
    const campaign = await this.campaigns.require(input.campaignId);
    const indicatorTaskId = input.indicatorTaskId?.trim() || null;
    const criterionCode = input.criterionCode?.trim() || null;
    if (indicatorTaskId) {
      const task = await this.items.task(indicatorTaskId);
      if (!task || task.campaignId !== campaign.id) throw new DomainError('BAD_USER_INPUT', `指标任务「${indicatorTaskId}」不存在`, 'indicatorTaskId');
      if (criterionCode) {
        const criterion = await this.items.criterionOf(criterionCode);
        if (!criterion || criterion.indicatorCode !== task.indicatorCode) {
          throw new DomainError('BAD_USER_INPUT', `测评内容「${criterionCode}」不属于该任务的指标「${task.indicatorCode}」`, 'criterionCode');
        }
      }
    } else if (criterionCode && !(await this.items.criterionOf(criterionCode))) {
      throw new DomainError('BAD_USER_INPUT', `测评内容「${criterionCode}」不存在`, 'criterionCode');
    }
    const unitCode = input.unitCode?.trim() || null;
    if (unitCode && !(await this.items.unit(unitCode))) throw new DomainError('BAD_USER_INPUT', `单位「${unitCode}」不存在`, 'unitCode');
    if (input.dueAt && !unitCode) throw new DomainError('BAD_USER_INPUT', '填写整改时限时须同时选择责任单位', 'unitCode');
    if (input.dueAt && (Number.isNaN(Date.parse(input.dueAt)) || Date.parse(input.dueAt) <= Date.now())) {
      throw new DomainError('BAD_USER_INPUT', '整改时限须晚于现在', 'dueAt');
    }
    const photos = await this.store(actor, input.photos ?? []);
    const location = { address: input.location.address.trim(), latitude: input.location.latitude ?? null, longitude: input.location.longitude ?? null };
    const place = placeKey(location.address);

    return this.items.withPlaceLock(`${campaign.id}:${input.area}:${place}:${criterionCode ?? ''}`, async () => {
      const open = await this.items.openDuplicate(campaign.id, input.area, place, criterionCode);
      if (open) {
        const command: ItemCommand = { action: 'REPORT_DUPLICATE', source: input.source, description: input.description, photos, location };
        return { item: await this.perform(actor, open, command, null, { skipVisibility: true }), duplicate: true };
      }
      const itemId = rectificationItemWorkflowId(campaign.id, itemKey ?? randomUUID());
      const policy = campaignItemPolicy(await this.campaigns.storedPolicy(campaign.id));
      const dueAt = input.dueAt ? new Date(input.dueAt).toISOString() : await this.defaultDueAt(policy);
      const args: RectificationItemInput = {
        itemId,
        campaignId: campaign.id,
        source: input.source,
        area: input.area,
        location,
        description: input.description.trim(),
        photos,
        indicatorTaskId,
        criterionCode,
        inspectionRoundId: input.inspectionRoundId ?? null,
        ...(input.reportingUnitCode ? { reportingUnitCode: input.reportingUnitCode } : {}),
        reportedBy: actor,
        policy,
        dispatch: unitCode ? { unitCode, dueAt, note: '' } : null,
      };
      try {
        await this.temporal.workflow.start(RECTIFICATION_ITEM_WORKFLOW_TYPE, {
          workflowId: itemId,
          taskQueue: this.config.temporal.taskQueue,
          args: [args],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        throw temporalToDomainError(err, '整改问题的工作流不存在或已结束');
      }
      return { item: await this.waitForCard(itemId, unitCode ? 2 : 1), duplicate: false };
    });
  }

  /** The card of a just-started item, once its first events are projected. */
  private async waitForCard(itemId: string, version: number): Promise<ItemView> {
    return waitForProjection(() => this.items.findById(itemId), (card) => card.version >= version, { ms: CARD_WAIT_MS, message: '问题已受理，但看板尚未更新，请稍后刷新' });
  }

  private async store(actor: Actor, uploads: Upload[]): Promise<EvidenceFile[]> {
    if (uploads.length > 20) throw new DomainError('BAD_USER_INPUT', '照片最多20张', 'photos');
    const stored: EvidenceFile[] = [];
    for (const u of uploads) {
      const file = await this.uploads.contentOf(actor, u, 'photos');
      stored.push(await this.files.put(file.name, file.content));
    }
    return stored;
  }

  async act(actor: Actor, input: ActInput): Promise<ItemView> {
    const item = await this.get(actor, input.itemId);
    if (input.action === 'REPORT_DUPLICATE') throw new DomainError('BAD_USER_INPUT', '重复上报请使用「上报问题」，系统会自动关联', 'action');
    if (input.action === 'ASSIGN_RESPONSIBLE_PERSON') throw new DomainError('BAD_USER_INPUT', '指定责任人请使用「指定责任人」（assignItemResponsiblePerson）', 'action');
    // Files are stored only when the person may take the action now; the retry of an action that took effect (same
    // Idempotency-Key) finds the item moved on by it, and perform() answers it with its outcome instead.
    const refused = checkItem(item, actor, input.action);
    if (refused && !(await this.idempotency.tookEffect(actor.userId, item.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    let command: ItemCommand;
    switch (input.action) {
      case 'DISPATCH': {
        const unitCode = input.unitCode?.trim() ?? '';
        if (unitCode && !(await this.items.unit(unitCode))) throw new DomainError('BAD_USER_INPUT', `单位「${unitCode}」不存在`, 'unitCode');
        command = { action: 'DISPATCH', unitCode, dueAt: input.dueAt ?? null, note: input.note ?? undefined };
        break;
      }
      case 'SUBMIT_RECTIFICATION':
        command = { action: 'SUBMIT_RECTIFICATION', note: input.note ?? '', photos: await this.store(actor, input.photos ?? []) };
        break;
      case 'RECORD_RECHECK':
        command = { action: 'RECORD_RECHECK', passed: input.passed as boolean, note: input.note ?? undefined };
        break;
      case 'REQUEST_EXTENSION':
        command = { action: 'REQUEST_EXTENSION', requestedDueAt: input.requestedDueAt ?? '', reason: input.reason ?? '' };
        break;
      case 'RETURN':
      case 'REFUSE_EXTENSION':
      case 'REQUEST_DISPATCH_RETURN':
      case 'REFUSE_DISPATCH_RETURN':
        command = { action: input.action, reason: input.reason ?? '' };
        break;
      case 'START_RECTIFICATION':
      case 'VERIFY':
      case 'APPROVE_EXTENSION':
      case 'APPROVE_DISPATCH_RETURN':
        command = { action: input.action, note: input.note ?? undefined };
        break;
      default:
        throw new DomainError('BAD_USER_INPUT', '未知的操作', 'action');
    }
    return this.perform(actor, item.id, command, input.expectedVersion ?? null);
  }

  /**
   * The unit head (or the office) names the item's 责任人: a person of the unit the item is dispatched to, checked
   * against the roster here; the workflow refuses it again if the dispatch has changed meanwhile.
   */
  async assignResponsiblePerson(actor: Actor, itemId: string, login: string, expectedVersion: number | null): Promise<ItemView> {
    const item = await this.get(actor, itemId);
    const refused = checkItem(item, actor, 'ASSIGN_RESPONSIBLE_PERSON');
    if (refused && !(await this.idempotency.tookEffect(actor.userId, item.id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const wanted = login.trim();
    if (wanted === '') throw new DomainError('BAD_USER_INPUT', '请选择责任人', 'login');
    if (wanted.length > RESPONSIBLE_LOGIN_MAX) throw new DomainError('BAD_USER_INPUT', `责任人账号不能超过${RESPONSIBLE_LOGIN_MAX}个字符`, 'login');
    const unit = item.unitCode ? await this.items.unit(item.unitCode) : undefined;
    if (!unit) throw new DomainError('ILLEGAL_TRANSITION', '整改问题尚未派单，不能指定责任人');
    const person = await this.items.personByLogin(wanted);
    const why = personRefusal(person, wanted, unit, '整改问题');
    if (why || !person) throw new DomainError('BAD_USER_INPUT', why ?? '', 'login');
    return this.perform(actor, item.id, { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: unit.code, login: person.login, name: person.displayName }, expectedVersion);
  }

  /** The people the caller may name 责任人 of the item now; none when they may not name one. */
  async responsiblePersonCandidates(actor: Actor, item: ItemView, ctx: GraphQLContext = {}): Promise<ResponsiblePerson[]> {
    if (!item.unitCode || checkItem(item, actor, 'ASSIGN_RESPONSIBLE_PERSON') !== null) return [];
    const loader = requestLoader(ctx, 'itemUnitPeople', async (codes: readonly string[]) => new Map(await Promise.all(codes.map(async (c) => [c, await this.items.unitPeople(c)] as const))));
    return (await loader.load(item.unitCode)) ?? [];
  }

  private async perform(actor: Actor, itemId: string, command: ItemCommand | AccountabilityCommand | KeyFlagCommand, expectedVersion: number | null, options: { skipVisibility?: boolean } = {}): Promise<ItemView> {
    const item = options.skipVisibility ? await this.items.findById(itemId) : await this.get(actor, itemId);
    if (!item) throw new DomainError('NOT_FOUND', `整改问题「${itemId}」不存在`);
    const outcome = await this.actions.execute(itemId, itemActionUpdate, {
      actor,
      command,
      expectedVersion,
      beforeUpdate: (request) => {
        if (item.state !== 'CLOSED') return;
        const decision = decideItem(item, request, new Date().toISOString());
        throw decision.ok ? new DomainError('ILLEGAL_TRANSITION', '整改问题已销号，不能再操作') : new DomainError(decision.rejection.code, decision.rejection.message, decision.rejection.field ?? null);
      },
      toError: (err) => temporalToDomainError(err, '整改问题的工作流不存在或已结束'),
    });
    // Read again: a retry's action may have taken effect since the item was read above.
    if (outcome.replayed) return (await this.items.findById(itemId)) ?? item;
    return afterItemAction(item, actor, outcome.result) ?? this.waitForCard(itemId, outcome.result.version);
  }

  /** Each column's count and first page of items. */
  async board(actor: Actor, campaignId: string | null | undefined, filter: BoardFilterInput, first?: number | null) {
    const size = pageSize(first, this.config.board);
    const campaign = await this.campaigns.require(campaignId);
    const query = this.boardFilter(actor, campaign.id, filter);
    const [counts, pages] = await Promise.all([this.items.columnCounts(query), this.items.firstPages(query, ITEM_STATES, size + 1)]);
    return { campaign, columns: ITEM_STATES.map((state) => ({ state, label: ITEM_STATE_LABELS[state], count: counts.get(state) ?? 0, ...toItemPage(pages.get(state) ?? [], size) })) };
  }

  /** One column's page after a cursor of an earlier page (`itemBoardColumn`). */
  async boardColumn(actor: Actor, input: BoardFilterInput & { campaignId?: string | null; state: ItemState; first?: number | null; after?: string | null }) {
    const size = pageSize(input.first, this.config.board);
    const after = input.after === null || input.after === undefined ? null : decodeCursor(input.after, ITEM_BOARD_ORDERING);
    const campaign = await this.campaigns.require(input.campaignId);
    const query = this.boardFilter(actor, campaign.id, input);
    const [counts, page] = await Promise.all([this.items.columnCounts(query, input.state), this.columnPage(query, input.state, after, size)]);
    return { state: input.state, label: ITEM_STATE_LABELS[input.state], count: counts.get(input.state) ?? 0, ...page };
  }


  /**
   * Units see only the items dispatched to them, whatever unit they ask for; the rest of the filter is the `items`
   * list's, and the decisions waiting are the caller's.
   */
  private boardFilter(actor: Actor, campaignId: string, input: BoardFilterInput): ItemFilter {
    const filter = input.filter ?? {};
    const unitCode = visibleUnit(actor) ?? boardUnit(input.unitCode, filter.unitCode);
    return { campaignId, unitCode, filter, area: input.area, source: input.source, decider: { role: actor.role, userId: actor.userId } };
  }

  /** Reads one row more than the page, to know whether there is a next one. */
  private async columnPage(filter: ItemFilter, state: ItemState, after: SortValue[] | null, size: number) {
    return toItemPage(await this.items.columnPage(filter, state, after, size + 1), size);
  }

  /** The items linked to a task that the actor may see; one query for the linked items of all a request's cards. */
  async linkedTo(actor: Actor, task: TaskView, ctx: GraphQLContext = {}): Promise<ItemView[]> {
    const loader = cardLoader<TaskView, ItemView[]>(ctx, 'linkedItems', (ids) => this.items.linkedTo(ids));
    return ((await loader.load(task)) ?? []).filter((i) => this.canSee(actor, i));
  }

  stateLabel = (item: ItemView) => ITEM_STATE_LABELS[item.state];
  sourceLabel = (item: ItemView) => ITEM_SOURCE_LABELS[item.source];

  fileUrl(item: ItemView, f: EvidenceFile) {
    return { ...f, url: `/items/${encodeURIComponent(item.id)}/files/${f.sha256}` };
  }

  /** The item's unit; one query for all the items of a request. */
  async unitOf(item: ItemView, ctx: GraphQLContext = {}) {
    if (!item.unitCode) return null;
    return (await requestLoader(ctx, 'units', (codes: readonly string[]) => this.items.units(codes)).load(item.unitCode)) ?? null;
  }

  /** A person by id as the actor may see them; one query for all the people of a request. */
  async person(actor: Actor, item: ItemView, userId: string | null, ctx: GraphQLContext = {}) {
    if (!userId) return null;
    if (userId === item.reportedBy && this.hidesReporter(actor, item)) return COVERT_ACTOR;
    const found = await requestLoader(ctx, 'people', (ids: readonly string[]) => this.items.people(ids)).load(userId);
    return found ?? { userId, displayName: userId, role: 'OFFICE' };
  }

  /** The item's events as the actor may see them; one query for the events of all the items of a request. */
  async history(actor: Actor, item: ItemView, ctx: GraphQLContext = {}) {
    if (!this.canSee(actor, item)) return [];
    const hide = this.hidesReporter(actor, item);
    const events = (await cardLoader<ItemView, HistoryEvent[]>(ctx, 'itemEvents', (ids) => this.items.histories(ids)).load(item)) ?? [];
    return events.map((e) => {
      const by = e.metadata.actor as Actor | undefined;
      const covert = hide && (e.type === 'ItemReported' || e.type === 'ItemDuplicateReported' || by?.userId === item.reportedBy);
      const label =
        e.type === 'DeadlineEscalated'
          ? `${ESCALATION_LABELS[e.data.level as EscalationLevel] ?? ''}（整改时限）`
          : (ITEM_EVENT_LABELS[e.type as RectificationItemEventType] ?? e.type);
      return historyEntry(e, label, covert ? COVERT_ACTOR : undefined);
    });
  }

  /** A photo of an item the actor may see; others are not found, whatever the store holds. */
  async file(actor: Actor, itemId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const item = await this.get(actor, itemId);
    const known = [...item.photos, ...(item.submission?.photos ?? [])].find((f) => f.sha256 === sha256);
    const content = known ? await this.files.get(sha256) : null;
    if (!known || !content) throw new DomainError('NOT_FOUND', '找不到该文件');
    return { content, name: known.name, mimeType: known.mimeType };
  }
}

/** A column's page from its rows read one beyond the page: the items, and where the next page begins. */
function toItemPage(rows: readonly { view: ItemView; sortValues: SortValue[] }[], size: number) {
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    items: page.map((r) => r.view),
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(ITEM_BOARD_ORDERING, last.sortValues) : null },
  };
}

/**
 * The card after an action without reading it again: the events the Update answered with, folded into the card
 * read before it with the projection's own `evolveItem`, actor and time (foldItemCard), give the state the card now
 * holds (the Update answers only once they are written). Null, to read the card instead, for an answer without the
 * events (given by older code) or with none, and for events that do not follow that card's version directly
 * (another record came between, or the Update was answered again for its id).
 */
function afterItemAction(before: ItemView, actor: Actor, result: ItemActionResult): ItemView | null {
  const { events, recordedAt } = result;
  if (!events || events.length === 0 || !recordedAt || result.version !== before.version + events.length) return null;
  const { id, createdAt, updatedAt: _before, ...card } = before;
  const meta = { actorId: actor.userId, at: recordedAt };
  const state = events.reduce((s, e) => evolveItem(s, e, meta), card);
  return { ...state, id, createdAt, updatedAt: recordedAt };
}
