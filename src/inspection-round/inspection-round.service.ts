// Inspection rounds for the office and the supervision group: planned, started, findings recorded on the spot
// (each reported as a rectification item with the round's source, or linked to the open item of the same place),
// mock-assessment scores, and the 公共文明指数 from the rounds that closed. Units do not see rounds.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { historyEntry } from '../platform/event-store/history-entry';
import { RectificationItemRepository, type ItemView } from '../rectification-item/rectification-item.repository';
import { RectificationItemService, type ReportInput } from '../rectification-item/rectification-item.service';
import { InspectionRoundRepository, type RoundView } from './inspection-round.repository';
import { inspectionRoundWorkflowId, INSPECTION_ROUND_WORKFLOW_TYPE, roundActionUpdate } from '../../workflows/inspection-round/inspection-round.messages';
import type { InspectionRoundEventType } from '../../workflows/inspection-round/inspection-round.events';
import { ROUND_STATE_LABELS } from '../../workflows/inspection-round/inspection-round.labels';
import { allowedRoundActions, checkRound } from '../../workflows/inspection-round/inspection-round.decide';
import { type RoundAction, type RoundCommand, ROUND_ITEM_SOURCE, ROUND_KINDS, type InspectionRoundInput, type RoundKind } from '../../workflows/inspection-round/inspection-round.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { waitForProjection } from '../platform/projections/wait-for-projection';

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  MONTHLY_SUPERVISION: '每月督查',
  OPEN_INSPECTION: '明察',
  COVERT_INSPECTION: '暗访',
  MOCK_ASSESSMENT: '模拟测评',
};

const EVENT_LABELS: Record<InspectionRoundEventType, string> = {
  RoundPlanned: '计划检查',
  RoundStarted: '开始检查',
  RoundFindingRecorded: '记录发现的问题',
  RoundScoresRecorded: '录入测评得分',
  RoundClosed: '结束检查',
};

export type { RoundView } from './inspection-round.repository';

const WAIT_MS = 15_000;

@Injectable()
export class InspectionRoundService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly items: RectificationItemService,
    private readonly itemCards: RectificationItemRepository,
    private readonly actions: WorkflowActions,
    private readonly repository: InspectionRoundRepository,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(roundId: string): Promise<RoundView> {
    const round = await this.repository.findById(roundId);
    if (!round) throw new DomainError('NOT_FOUND', `检查轮次「${roundId}」不存在`);
    return round;
  }

  async list(campaignId: string | null | undefined, kind: RoundKind | null | undefined): Promise<RoundView[]> {
    const campaign = await this.campaigns.require(campaignId);
    return this.repository.list(campaign.id, kind);
  }

  async plan(actor: Actor, input: { campaignId?: string | null; kind: RoundKind; title: string; plannedOn: string; places?: string[] | null; indicatorCodes?: string[] | null }, key?: string): Promise<RoundView> {
    if (!(ROUND_KINDS as readonly string[]).includes(input.kind)) throw new DomainError('BAD_USER_INPUT', '检查类别无效', 'kind');
    if (typeof input.title !== 'string' || input.title.trim() === '' || [...input.title].length > 100) throw new DomainError('BAD_USER_INPUT', '请填写检查名称（不超过100字）', 'title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.plannedOn) || Number.isNaN(Date.parse(`${input.plannedOn}T00:00:00Z`))) throw new DomainError('BAD_USER_INPUT', '计划日期须为 YYYY-MM-DD', 'plannedOn');
    const campaign = await this.campaigns.require(input.campaignId);
    const places = (input.places ?? []).map((p) => p.trim()).filter(Boolean);
    const indicatorCodes = [...new Set((input.indicatorCodes ?? []).map((c) => c.trim()).filter(Boolean))];
    if (indicatorCodes.length > 0) {
      const known = await this.repository.knownIndicatorCodes(indicatorCodes);
      const missing = indicatorCodes.filter((c) => !known.includes(c));
      if (missing.length > 0) throw new DomainError('BAD_USER_INPUT', `测评指标不存在：${missing.join('、')}`, 'indicatorCodes');
    }
    if (input.kind === 'MOCK_ASSESSMENT' && indicatorCodes.length === 0) throw new DomainError('BAD_USER_INPUT', '模拟测评须选择要测评的指标', 'indicatorCodes');
    const roundId = inspectionRoundWorkflowId(campaign.id, key ?? randomUUID());
    const args: InspectionRoundInput = { roundId, campaignId: campaign.id, kind: input.kind, title: input.title.trim(), plannedOn: input.plannedOn, places, indicatorCodes, plannedBy: actor };
    await startRound(this.temporal, this.config.temporal.taskQueue, args);
    return this.waitFor(roundId, 1);
  }

  async act(actor: Actor, roundId: string, action: RoundAction, note: string | null | undefined, expectedVersion?: number | null): Promise<RoundView> {
    if (action !== 'START_ROUND' && action !== 'CLOSE_ROUND') throw new DomainError('BAD_USER_INPUT', '记录问题请用 recordFinding，录分请用 recordRoundScores', 'action');
    return this.perform(actor, roundId, { action, note: note ?? undefined }, expectedVersion);
  }

  async recordFinding(actor: Actor, roundId: string, finding: Omit<ReportInput, 'source' | 'campaignId'>): Promise<{ round: RoundView; item: ItemView; duplicate: boolean }> {
    const round = await this.get(roundId);
    // Checked before the item is reported, so that a closed round leaves no stray item.
    const refused = checkRound(round, actor, 'RECORD_FINDING');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const { item, duplicate } = await this.items.report(actor, { ...finding, campaignId: round.campaignId, source: ROUND_ITEM_SOURCE[round.kind], inspectionRoundId: round.id });
    const updated = await this.perform(actor, roundId, { action: 'RECORD_FINDING', itemId: item.id, duplicate }, null);
    return { round: updated, item, duplicate };
  }

  async recordScores(actor: Actor, roundId: string, scores: { criterionCode: string; score: number }[], expectedVersion?: number | null): Promise<RoundView> {
    const round = await this.get(roundId);
    const refused = checkRound(round, actor, 'RECORD_SCORES');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const criteria = await this.repository.criteriaOf(round.indicatorCodes);
    const known = new Map(criteria.map((c) => [c.code, c.points]));
    const unknown = scores.find((s) => !known.has(s.criterionCode));
    if (unknown) throw new DomainError('BAD_USER_INPUT', `测评内容「${unknown.criterionCode}」不在本轮测评的指标之内`, 'scores');
    return this.perform(actor, roundId, { action: 'RECORD_SCORES', scores: scores.map((s) => ({ ...s, points: known.get(s.criterionCode)! })) }, expectedVersion);
  }

  private async perform(actor: Actor, roundId: string, command: RoundCommand, expectedVersion?: number | null): Promise<RoundView> {
    const round = await this.get(roundId);
    const outcome = await this.actions.execute(roundId, roundActionUpdate, {
      actor,
      command,
      expectedVersion,
      beforeUpdate: () => {
        if (round.state === 'CLOSED') throw new DomainError('ILLEGAL_TRANSITION', '检查轮次已结束，不能再操作');
      },
      toError: (err) => temporalToDomainError(err, '检查轮次的工作流不存在或已结束'),
    });
    // Read again: a retry's action may have taken effect since the round was read above.
    if (outcome.replayed) return this.get(roundId);
    return this.waitFor(roundId, outcome.result.version);
  }

  private async waitFor(roundId: string, version: number): Promise<RoundView> {
    return waitForProjection(() => this.repository.findById(roundId), (round) => round.version >= version, { ms: WAIT_MS });
  }

  allowedActions = (actor: Actor, round: RoundView) => allowedRoundActions(round, actor);
  kindLabel = (round: RoundView) => ROUND_KIND_LABELS[round.kind];
  stateLabel = (round: RoundView) => ROUND_STATE_LABELS[round.state];

  /** The items the round found, each once, in the order recorded; one query. */
  async findings(actor: Actor, round: RoundView): Promise<ItemView[]> {
    const items = await this.itemCards.findByIds([...new Set(round.findings.map((f) => f.itemId))]);
    return items.filter((item) => this.items.canSee(actor, item));
  }

  async history(round: RoundView) {
    const events = await this.repository.history(round.id);
    return events.map((h) => historyEntry(h, EVENT_LABELS[h.type as InspectionRoundEventType] ?? h.type));
  }

  /** 公共文明指数: closed mock assessments in date order, with the change from the one before. */
  async publicCivilityIndex(campaignId: string | null | undefined) {
    const campaign = await this.campaigns.require(campaignId);
    const rows = await this.repository.closedMockAssessments(campaign.id);
    let previous: number | null = null;
    return rows.map((r) => {
      const rate = r.score_rate === null ? null : Number(r.score_rate);
      const change = rate !== null && previous !== null ? Math.round((rate - previous) * 10) / 10 : null;
      if (rate !== null) previous = rate;
      return { roundId: r.round_id, title: r.title, plannedOn: r.planned_on, score: Number(r.score), maxScore: Number(r.max_score), scoreRate: rate, change };
    });
  }
}

/** Starts a round's workflow; starting the same round twice is harmless. */
export async function startRound(client: Client, taskQueue: string, args: InspectionRoundInput): Promise<boolean> {
  try {
    await client.workflow.start(INSPECTION_ROUND_WORKFLOW_TYPE, { workflowId: args.roundId, taskQueue, args: [args], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw temporalToDomainError(err, '检查轮次的工作流不存在或已结束');
  }
}
