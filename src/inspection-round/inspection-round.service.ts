// Inspection rounds for the office and the supervision group: planned, started, findings recorded on the spot
// (each reported as a rectification item with the round's source, or linked to the open item of the same place),
// mock-assessment scores, and the 公共文明指数 from the rounds that closed. Units do not see rounds.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import type { AppConfig } from '../platform/config/config';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { historyEntry } from '../platform/event-store/history-entry';
import { RectificationItemRepository, type ItemView } from '../rectification-item/rectification-item.repository';
import { RectificationItemService, type ReportInput } from '../rectification-item/rectification-item.service';
import { InspectionRoundRepository, type RoundView } from './inspection-round.repository';
import { isLocalDate } from '../../workflows/campaign/campaign.calendar';
import { inspectionRoundWorkflowId, INSPECTION_ROUND_WORKFLOW_TYPE, roundActionUpdate } from '../../workflows/inspection-round/inspection-round.messages';
import type { InspectionRoundEventType } from '../../workflows/inspection-round/inspection-round.events';
import { ROUND_STATE_LABELS, ROUND_TASK_OUTCOME_LABELS } from '../../workflows/inspection-round/inspection-round.labels';
import { STAGE_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { Stage } from '../../workflows/indicator-task/indicator-task.types';
import { allowedRoundActions, checkRound, checkWindowCheck, MAX_CHECK_NOTE } from '../../workflows/inspection-round/inspection-round.decide';
import { type RoundAction, type RoundCommand, ROUND_ITEM_SOURCE, ROUND_KINDS, type InspectionRoundInput, type RoundKind } from '../../workflows/inspection-round/inspection-round.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import type { Upload } from '../rectification-item/rectification-item.service';
import { roundScoresCommand } from './round-scores';
import { checklistPoints, DEFAULT_WINDOW_CHECKLIST, type WindowChecklist } from './window-checklist';
import { windowChecksWorkbook } from './window-check.export';
import type { WindowCheckResult } from '../../workflows/inspection-round/inspection-round.types';

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
  RoundTaskAssessed: '得分计入任务的模拟测评',
  RoundWindowCheckRecorded: '窗口服务规范化检查',
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
    // A real calendar date: Date.parse takes 2027-02-30 (as 2 March), which the projection's date column then refuses.
    if (!isLocalDate(input.plannedOn)) throw new DomainError('BAD_USER_INPUT', '计划日期须为有效日期，写作 YYYY-MM-DD（如 2027-02-28）', 'plannedOn');
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
    if (action !== 'START_ROUND' && action !== 'CLOSE_ROUND') throw new DomainError('BAD_USER_INPUT', '记录问题请用 recordFinding，录分请用 recordRoundScores，窗口服务检查请用 recordWindowCheck', 'action');
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

  /**
   * Scores criteria of the round's indicators, for one unit when `unitCode` is given (issue 20). Each indicator's
   * scores belong to the unit's task of it: the only task of the indicator when no unit is named (several: the unit
   * must be named), none when the indicator has no task. A task whose criteria are then all scored gets them as its
   * mock assessment; the answer waits (a while) until each such task has answered.
   */
  async recordScores(actor: Actor, roundId: string, scores: { criterionCode: string; score: number }[], unitCode: string | null | undefined, expectedVersion?: number | null): Promise<RoundView> {
    const round = await this.get(roundId);
    const refused = checkRound(round, actor, 'RECORD_SCORES');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const command = await roundScoresCommand(this.repository, round, scores, unitCode);
    const targets = command.targets;
    const updated = await this.perform(actor, roundId, command, expectedVersion);
    const waiting = (r: RoundView) => (r.taskAssessments ?? []).some((a) => a.outcome === 'APPLYING' && targets.some((t) => t.taskId === a.taskId));
    if (!waiting(updated)) return updated;
    try {
      return await waitForProjection(() => this.repository.findById(roundId), (r) => !waiting(r), { ms: WAIT_MS });
    } catch {
      // Still being applied: the round shows 计入中 and the page refreshes.
      return this.get(roundId);
    }
  }

  /** The tasks of the round's indicators, with their units: whose scores a mock assessment may record. */
  async coveredTasks(round: RoundView) {
    if (round.kind !== 'MOCK_ASSESSMENT') return [];
    const tasks = await this.repository.tasksOf(round.campaignId, round.indicatorCodes);
    return tasks.map((t) => ({ taskId: t.taskId, indicatorCode: t.indicatorCode, unitCode: t.unitCode, unitName: t.unitName, stage: t.stage, stageLabel: STAGE_LABELS[t.stage as Stage] ?? t.stage }));
  }

  taskAssessments = (round: RoundView) => (round.taskAssessments ?? []).map((a) => ({ ...a, outcomeLabel: ROUND_TASK_OUTCOME_LABELS[a.outcome] }));

  /** The campaign's window-service checklist now: the office's latest version, or the default (version 0). */
  async windowChecklist(campaignId: string | null | undefined): Promise<WindowChecklist> {
    const campaign = await this.campaigns.require(campaignId);
    return this.checklistOf(campaign.id);
  }

  private async checklistOf(campaignId: string): Promise<WindowChecklist> {
    const row = await this.repository.latestChecklist(campaignId);
    if (!row) return { version: 0, points: DEFAULT_WINDOW_CHECKLIST.map((p) => ({ ...p })), savedBy: null, savedAt: null };
    return { version: row.version, points: row.points, savedBy: row.saved_by, savedAt: new Date(row.saved_at).toISOString() };
  }

  /** The office saves the checklist as its next version; rounds check against the latest from then on. */
  async saveWindowChecklist(actor: Actor, campaignId: string | null | undefined, points: { code: string; label: string }[], expectedVersion?: number | null): Promise<WindowChecklist> {
    const campaign = await this.campaigns.require(campaignId);
    const clean = checklistPoints(points);
    const current = await this.checklistOf(campaign.id);
    if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new DomainError('CONFLICT', `检查表已被他人更新（您看到的版本为${expectedVersion}，当前版本为${current.version}），请刷新后重试`);
    }
    if (!(await this.repository.saveChecklist(campaign.id, current.version + 1, clean, actor.userId))) throw new DomainError('CONFLICT', '检查表刚被他人更新，请刷新后重试');
    return this.checklistOf(campaign.id);
  }

  /** The window-service units (organisation kind 窗口单位) a round may check. */
  windowServiceUnits = () => this.repository.windowServiceUnits();

  /**
   * A window-service check of one unit in a round (any kind): every checklist point passed or failed, with a note;
   * each failure is reported as a rectification item of the round (area 窗口服务, dispatched to the unit, linked to
   * the open item of the same place), then the round records the check naming them. Everything the round would
   * refuse is refused before any item is reported.
   */
  async recordWindowCheck(
    actor: Actor,
    roundId: string,
    input: { unitCode: string; results: { code: string; passed: boolean; note?: string | null; photos?: Upload[] | null }[]; expectedVersion?: number | null },
  ): Promise<RoundView> {
    const round = await this.get(roundId);
    const refused = checkRound(round, actor, 'RECORD_WINDOW_CHECK');
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const code = typeof input.unitCode === 'string' ? input.unitCode.trim() : '';
    if (code === '' || code.length > 64) throw new DomainError('BAD_USER_INPUT', '请选择窗口服务单位', 'unitCode');
    const unit = await this.repository.unit(code);
    if (!unit) throw new DomainError('BAD_USER_INPUT', `单位「${code}」不存在`, 'unitCode');
    if (unit.kind !== 'SERVICE_WINDOW') throw new DomainError('BAD_USER_INPUT', `「${unit.name}」不是窗口服务单位`, 'unitCode');
    const checklist = await this.checklistOf(round.campaignId);
    const given = Array.isArray(input.results) ? input.results : [];
    if (given.length > checklist.points.length) throw new DomainError('BAD_USER_INPUT', '检查项目多于检查表', 'results');
    const unknown = given.find((r) => !checklist.points.some((p) => p.code === r?.code));
    if (unknown) throw new DomainError('BAD_USER_INPUT', `检查项目「${[...String(unknown?.code)].slice(0, 32).join('')}」不在检查表（第${checklist.version}版）中`, 'results');
    const missing = checklist.points.filter((p) => !given.some((r) => r.code === p.code));
    if (missing.length > 0) throw new DomainError('BAD_USER_INPUT', `还有检查项目没有结论：${missing.map((p) => p.label).join('、')}`, 'results');
    const tooLong = given.find((r) => r.note !== null && r.note !== undefined && (typeof r.note !== 'string' || [...r.note.trim()].length > MAX_CHECK_NOTE));
    if (tooLong) throw new DomainError('BAD_USER_INPUT', `检查说明不能超过${MAX_CHECK_NOTE}字`, 'results');
    if (given.some((r) => (r.photos ?? []).length > 20)) throw new DomainError('BAD_USER_INPUT', '每个检查项目的照片最多20张', 'results');
    const photosOnPass = given.find((r) => r.passed === true && (r.photos ?? []).length > 0);
    if (photosOnPass) throw new DomainError('BAD_USER_INPUT', '照片只用于不合格的项目（随整改问题保存）', 'results');
    const results = checklist.points.map((p) => {
      const r = given.find((g) => g.code === p.code)!;
      return { code: p.code, label: p.label, passed: r.passed, note: (r.note ?? '').trim(), photos: r.photos ?? [] };
    });
    const check = { unitCode: unit.code, unitName: unit.name, checklistVersion: checklist.version, results: results.map(({ photos: _p, ...r }) => r) };
    const wrong = checkWindowCheck(round, check, null);
    if (wrong) throw new DomainError(wrong.code, wrong.message, wrong.field ?? null);
    if (input.expectedVersion !== null && input.expectedVersion !== undefined && input.expectedVersion !== round.version) {
      throw new DomainError('CONFLICT', `检查轮次已被他人更新（您看到的版本为${input.expectedVersion}，当前版本为${round.version}），请刷新后重试`);
    }
    const recorded: WindowCheckResult[] = [];
    for (const r of results) {
      if (r.passed) {
        recorded.push({ code: r.code, label: r.label, passed: true, note: r.note, itemId: null, duplicate: false });
        continue;
      }
      const { item, duplicate } = await this.items.report(actor, {
        campaignId: round.campaignId,
        source: ROUND_ITEM_SOURCE[round.kind],
        area: 'SERVICE_WINDOWS',
        location: { address: `${unit.name}（${r.label}）`, latitude: null, longitude: null },
        description: `窗口服务规范化检查不合格：${r.label}${r.note ? `。${r.note}` : ''}`,
        photos: r.photos,
        unitCode: unit.code,
        inspectionRoundId: round.id,
      });
      recorded.push({ code: r.code, label: r.label, passed: false, note: r.note, itemId: item.id, duplicate });
    }
    return this.perform(actor, roundId, { action: 'RECORD_WINDOW_CHECK', ...check, results: recorded }, null);
  }

  /** The round's checks with each result's item card (the caller may see), for the round page. */
  async windowChecks(actor: Actor, round: RoundView) {
    const checks = round.windowChecks ?? [];
    const ids = [...new Set(checks.flatMap((c) => c.results.flatMap((r) => (r.itemId ? [r.itemId] : []))))];
    const items = new Map((await this.itemCards.findByIds(ids)).filter((i) => this.items.canSee(actor, i)).map((i) => [i.id, i]));
    return checks.map((c) => ({
      ...c,
      passedCount: c.results.filter((r) => r.passed).length,
      passRate: c.results.length > 0 ? Math.round((c.results.filter((r) => r.passed).length / c.results.length) * 1000) / 10 : null,
      results: c.results.map((r) => ({ ...r, item: r.itemId ? (items.get(r.itemId) ?? null) : null })),
    }));
  }

  /** 窗口服务规范化检查 as an Excel workbook: every check of the campaign's rounds, per unit and per point, with pass rates. */
  async exportWindowChecks(campaignId: string | null | undefined) {
    const campaign = await this.campaigns.require(campaignId);
    const rounds = await this.repository.list(campaign.id, null);
    const content = await windowChecksWorkbook(rounds.map((r) => ({ title: r.title, kindLabel: ROUND_KIND_LABELS[r.kind], plannedOn: r.plannedOn, checks: r.windowChecks ?? [] })));
    return { fileName: `窗口服务规范化检查-${campaign.id}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
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
