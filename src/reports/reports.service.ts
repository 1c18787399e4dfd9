// Access rules and the shape of the reports. Every figure is folded from the events (ReportsRepository.replay)
// by the pure modules beside this one; nothing is read from Temporal or from the board's tables, so a report
// for a past instant is what the live report said at that instant.
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '../platform/core/app.tokens';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import type { AppConfig } from '../platform/config/config';
import { visibleUnit } from '../auth/access-policy';
import { CampaignRepository, type CampaignView } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import type { ExportFormat, ExportedFile } from '../platform/graphql/graphql.generated';
import type { IndicatorView, TaskView, UnitView } from '../indicator-task/indicator-task.repository';
import { ESCALATION_LABELS, STAGE_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import { ESCALATION_LEVELS } from '../../workflows/shared/escalation';
import { STAGES, type Stage } from '../../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { BOARD_AS_OF_ORDERING, CardReplay, pageAfter, sortLikeBoard, type CardAsOf } from './board-as-of';
import { decodeCursor, pageSize, type SortValue } from '../platform/graphql/cursor';
import { PerformanceFold, type Period, type UnitCounts } from './performance';
import { performanceXlsx } from './performance.export';
import { unitReviewRecord } from './performance-review';
import type { AppraisalState } from '../../workflows/appraisal/appraisal.types';
import type { SelfEvaluationState } from '../../workflows/self-evaluation/self-evaluation.types';
import { SCORE_RULES, SCORE_SUMMARY, scoreOf } from './performance-score';
import { DEFAULT_FLAG_AFTER_WEEKS, DEFAULT_RANKING_WEEKS, DEFAULT_TOP, bestAndWorst, flagUnits, rankUnits, type RankedEntry } from './ranking';
import { compactDate, dateLabel, reportWeeks, weekLabel, weekPeriod, type ReportWeek } from './report-weeks';
import { ReportsRepository } from './reports.repository';
import { BoardSnapshotRepository } from './board-snapshot.repository';
import type { AssessmentView, RankedUnitView, RankingView, UnitPerformanceView } from './reports.types';
import { formText, targetText } from '../../workflows/shared/accountability';

export interface RankingOptions {
  weeks?: number | null;
  top?: number | null;
  flagAfterWeeks?: number | null;
}

/** Who sees whose details: every unit, or only one's own. */
type Scope = { kind: 'ALL' } | { kind: 'UNIT'; unitCode: string };


function wholeNumber(value: number | null | undefined, fallback: number, min: number, max: number, field: string, what: string): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new DomainError('BAD_USER_INPUT', `${what}须为 ${min} 到 ${max} 之间的整数`, field);
  return value;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly snapshots: BoardSnapshotRepository,
    private readonly campaigns: CampaignRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** A unit sees its own; whoever else the access policy lets read the assessment sees every unit. */
  private scope(actor: Actor): Scope {
    const unit = visibleUnit(actor);
    return unit === null ? { kind: 'ALL' } : { kind: 'UNIT', unitCode: unit };
  }


  /** The period asked for: from the campaign's start and up to now unless given; never past now. */
  private async period(campaign: CampaignView, from: string | null | undefined, to: string | null | undefined, now: number): Promise<Period> {
    const end = Math.min(to ? Date.parse(to) : now, now);
    const start = from ? Date.parse(from) : Math.min((await this.reports.campaignStart(campaign.id))?.getTime() ?? end, end);
    if (start > end) throw new DomainError('BAD_USER_INPUT', '考核期的开始不能晚于结束', 'from');
    return { from: start, to: end };
  }

  /** One pass over the campaign's events up to the latest period's end, counting every period at once. */
  private async fold(campaignId: string, periods: readonly Period[]): Promise<Map<string, UnitCounts>[]> {
    const fold = new PerformanceFold(periods);
    const until = Math.max(...periods.map((p) => p.to));
    await this.reports.replay(campaignId, new Date(until), ['indicator-task', 'rectification-item'], (event) => fold.push(event));
    return fold.finish();
  }

  async performanceAssessment(
    actor: Actor,
    input: { campaignId?: string | null; from?: string | null; to?: string | null; unitCode?: string | null },
    now: number = Date.now(),
  ): Promise<AssessmentView> {
    const unitCode = await this.unitFilter(this.scope(actor), input.unitCode);
    const campaign = await this.campaigns.require(input.campaignId);
    const period = await this.period(campaign, input.from, input.to, now);
    const [counts] = await this.fold(campaign.id, [period]);
    return this.assessment(campaign, period, counts, await this.reports.units(), unitCode, await this.reports.reviewRecords(campaign.id));
  }

  /** Anyone signed in may see the 红黑榜 (the resolver checks that there is a caller). */
  async unitRanking(input: { campaignId?: string | null; asOf?: string | null } & RankingOptions, now: number = Date.now()): Promise<RankingView> {
    const options = this.rankingOptions(input);
    const campaign = await this.campaigns.require(input.campaignId);
    const asOf = Math.min(input.asOf ? Date.parse(input.asOf) : now, now);
    const weeks = await this.weeks(campaign, asOf, options);
    const counts = await this.fold(campaign.id, weeks.map((w) => weekPeriod(w, asOf)));
    return this.ranking(campaign, asOf, weeks, counts, await this.reports.units(), options);
  }

  async exportPerformanceAssessment(
    actor: Actor,
    input: { campaignId?: string | null; from?: string | null; to?: string | null; format: ExportFormat },
    now: number = Date.now(),
  ): Promise<ExportedFile> {
    if (input.format !== 'XLSX') throw new DomainError('BAD_USER_INPUT', '绩效考核只能导出为 Excel 工作簿（XLSX）：它有三个工作表', 'format');
    const scope = this.scope(actor);
    const unitCode = await this.unitFilter(scope, null);
    const campaign = await this.campaigns.require(input.campaignId);
    const period = await this.period(campaign, input.from, input.to, now);
    const options = this.rankingOptions({});
    const weeks = await this.weeks(campaign, period.to, options);
    // The period and every week of the ranking in one pass.
    const [counts, ...byWeek] = await this.fold(campaign.id, [period, ...weeks.map((w) => weekPeriod(w, period.to))]);
    const units = await this.reports.units();
    const assessment = this.assessment(campaign, period, counts, units, unitCode, await this.reports.reviewRecords(campaign.id));
    const ranking = this.ranking(campaign, period.to, weeks, byWeek, units, options);
    const content = await performanceXlsx(assessment, ranking);
    const day = (ms: number) => compactDate(ms, campaign.timeZone);
    return {
      fileName: `绩效考核-${campaign.id}${unitCode ? `-${unitCode}` : ''}-${day(period.from)}-${day(period.to)}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: content.toString('base64'),
    };
  }

  /** The board as it stood at `asOf`, with the live board's visibility, filter and order: each column's count and first page. */
  async boardAsOf(actor: Actor, input: { campaignId?: string | null; asOf: string; unitCode?: string | null; first?: number | null }) {
    const size = pageSize(input.first, this.config.board);
    const campaign = await this.campaigns.require(input.campaignId);
    const fromSnapshot = await this.columnsFromSnapshot(actor, campaign, input, STAGES, null, size);
    if (fromSnapshot) return { campaign, columns: fromSnapshot };
    const { byStage, asOf } = await this.cardsAsOf(actor, campaign, input);
    return {
      campaign,
      columns: STAGES.map((stage) => this.columnAsOf(stage, byStage.get(stage)!, null, size, asOf)),
    };
  }

  /** One column of the board as of `asOf`, the page after a cursor of an earlier page (`boardAsOfColumn`). */
  async boardAsOfColumn(actor: Actor, input: { campaignId?: string | null; asOf: string; stage: Stage; unitCode?: string | null; first?: number | null; after?: string | null }) {
    const size = pageSize(input.first, this.config.board);
    const after = input.after === null || input.after === undefined ? null : decodeCursor(input.after, BOARD_AS_OF_ORDERING);
    const campaign = await this.campaigns.require(input.campaignId);
    const fromSnapshot = await this.columnsFromSnapshot(actor, campaign, input, [input.stage], after, size);
    if (fromSnapshot) return fromSnapshot[0];
    const { byStage, asOf } = await this.cardsAsOf(actor, campaign, input);
    return this.columnAsOf(input.stage, byStage.get(input.stage)!, after, size, asOf);
  }

  private columnAsOf(stage: Stage, cards: readonly (CardAsOf & { view: TaskView })[], after: SortValue[] | null, size: number, asOf: string) {
    const { page, hasNextPage, endCursor } = pageAfter(cards, after, size);
    return { stage, label: STAGE_LABELS[stage], count: cards.length, cards: page.map((c) => ({ ...c.view, asOf })), pageInfo: { hasNextPage, endCursor } };
  }

  /**
   * The whole campaign's board as of the instant from its newest snapshot old enough (board-snapshot.ts): the
   * snapshot's unchanged cards counted and paged in SQL, merged with the cards the events since have changed. Only
   * for those who see every unit's cards and ask for no unit (a unit's board reads that unit's streams alone); null
   * when there is no snapshot old enough, and the log is replayed.
   */
  private async columnsFromSnapshot(actor: Actor, campaign: CampaignView, input: { asOf: string; unitCode?: string | null }, stages: readonly Stage[], after: SortValue[] | null, size: number) {
    if (visibleUnit(actor) !== null || input.unitCode) return null;
    const asOf = new Date(input.asOf);
    return this.snapshots.asOf(campaign.id, asOf, async (snapshot) => {
      const columns = await snapshot.columns(stages, after, size + 1);
      const changed = [...snapshot.changed.values()].filter((c) => c.state.campaignId === campaign.id);
      const codes = [...changed, ...[...columns.values()].flatMap((c) => c.rows)].map((c) => c.state.indicatorCode);
      const [indicators, units] = await Promise.all([this.reports.indicators(codes), this.reports.units()]);
      const views = (cards: readonly CardAsOf[]) => cards.flatMap((card) => this.withView(card, indicators, units));
      const shownChanged = views(changed);
      return stages.map((stage) => {
        const column = columns.get(stage)!;
        const mine = shownChanged.filter((c) => c.state.stage === stage);
        // The snapshot's rows are already those after the cursor; pageAfter takes the changed cards after it too.
        const { page, hasNextPage, endCursor } = pageAfter(sortLikeBoard([...views(column.rows), ...mine]), after, size);
        return { stage, label: STAGE_LABELS[stage], count: column.count + mine.length, cards: page.map((c) => ({ ...c.view, asOf: asOf.toISOString() })), pageInfo: { hasNextPage, endCursor } };
      });
    });
  }

  /** A card with what the board shows of it; none when its indicator or a unit is no longer known (as the live board's joins). */
  private withView(card: CardAsOf, indicators: ReadonlyMap<string, IndicatorView>, units: ReadonlyMap<string, UnitView>): (CardAsOf & { view: TaskView })[] {
    const { state, updatedAt, openItems } = card;
    const indicator = indicators.get(state.indicatorCode);
    const unit = units.get(state.unitCode);
    const leadUnit = units.get(state.leadUnitCode);
    if (!indicator || !unit || !leadUnit) return [];
    return [{ ...card, view: { ...state, id: state.taskId, state, updatedAt: updatedAt.toISOString(), indicator, unit, leadUnit, openItems } }];
  }

  /**
   * Every card the actor may see as of the instant, sorted and by stage. For a unit (a unit's user, or a unit
   * asked for) only that unit's streams are read; for everyone the whole campaign's log must be.
   */
  private async cardsAsOf(actor: Actor, campaign: CampaignView, input: { asOf: string; unitCode?: string | null }) {
    const asOf = new Date(input.asOf);
    const replay = new CardReplay();
    const visibleToUnit = visibleUnit(actor);
    const unitCode = input.unitCode || null;
    // A unit's user is limited to its own streams; the office asking for one unit reads that unit's.
    const streamsOf = visibleToUnit ?? unitCode;
    if (streamsOf !== null) await this.reports.replayUnit(campaign.id, streamsOf, asOf, (event) => replay.push(event));
    else await this.reports.replay(campaign.id, asOf, ['indicator-task', 'rectification-item'], (event) => replay.push(event));
    const cards = replay
      .result()
      .filter(({ state }) => state.campaignId === campaign.id)
      .filter(({ state }) => visibleToUnit === null || state.unitCode === visibleToUnit || state.leadUnitCode === visibleToUnit)
      .filter(({ state }) => !unitCode || state.unitCode === unitCode);
    const [indicators, units] = await Promise.all([this.reports.indicators(cards.map((c) => c.state.indicatorCode)), this.reports.units()]);
    const byStage = new Map<Stage, (CardAsOf & { view: TaskView })[]>(STAGES.map((s) => [s, []]));
    for (const card of sortLikeBoard(cards)) {
      for (const shown of this.withView(card, indicators, units)) byStage.get(card.state.stage)?.push(shown);
    }
    return { byStage, asOf: asOf.toISOString() };
  }

  private async unitFilter(scope: Scope, unitCode: string | null | undefined): Promise<string | null> {
    const asked = unitCode?.trim() || null;
    if (scope.kind === 'UNIT') {
      if (asked && asked !== scope.unitCode) throw new DomainError('FORBIDDEN', '责任单位只能查看本单位的绩效考核', 'unitCode');
      return scope.unitCode;
    }
    if (asked && !(await this.reports.unit(asked))) throw new DomainError('BAD_USER_INPUT', `单位「${asked}」不存在`, 'unitCode');
    return asked;
  }

  private rankingOptions(input: RankingOptions): { weeks: number; top: number; flagAfterWeeks: number } {
    return {
      weeks: wholeNumber(input.weeks, DEFAULT_RANKING_WEEKS, 1, 52, 'weeks', '周数'),
      top: wholeNumber(input.top, DEFAULT_TOP, 1, 20, 'top', '红黑榜名数'),
      flagAfterWeeks: wholeNumber(input.flagAfterWeeks, DEFAULT_FLAG_AFTER_WEEKS, 1, 52, 'flagAfterWeeks', '连续上黑榜周数'),
    };
  }

  /** The week in progress and enough complete weeks both to list and to see a run of `flagAfterWeeks`. */
  private async weeks(campaign: CampaignView, asOf: number, options: { weeks: number; flagAfterWeeks: number }): Promise<ReportWeek[]> {
    const start = (await this.reports.campaignStart(campaign.id))?.getTime() ?? asOf;
    return reportWeeks(asOf, Math.max(options.weeks, options.flagAfterWeeks), campaign.timeZone, start);
  }

  private assessment(
    campaign: CampaignView,
    period: Period,
    counts: Map<string, UnitCounts>,
    units: Map<string, UnitView>,
    unitCode: string | null,
    review: { rounds: SelfEvaluationState[]; appraisal: AppraisalState | null },
  ): AssessmentView {
    const scored = [...counts.values()].map((c) => ({ counts: c, score: scoreOf(c) }));
    const ranked = rankUnits(scored.map((s) => ({ unitCode: s.counts.unitCode, score: s.score.score, handedInOnTime: s.counts.handedInOnTime })));
    const byUnit = new Map(scored.map((s) => [s.counts.unitCode, s]));
    const rows = ranked
      .filter((r) => !unitCode || r.unitCode === unitCode)
      .map((r): UnitPerformanceView => {
        const { counts: c, score: s } = byUnit.get(r.unitCode)!;
        return {
          unit: unitView(units, c.unitCode),
          rank: r.rank,
          tasks: c.tasks,
          items: c.items,
          dueWork: s.dueWork,
          handedInOnTime: c.handedInOnTime,
          handedInLate: c.handedInLate,
          overdue: c.overdue,
          onTimeRate: s.onTimeRate,
          relapses: c.relapses,
          returns: c.returns,
          escalations: ESCALATION_LEVELS.map((level) => ({ level, label: ESCALATION_LABELS[level], count: c.escalations[level] })),
          highestEscalation: s.highestEscalation,
          highestEscalationLabel: s.highestEscalation ? ESCALATION_LABELS[s.highestEscalation] : null,
          score: s.score,
          deductions: s.deductions,
          accountabilityDecisions: c.decisions.map((d) => ({
            ...d,
            formLabel: formText(d.form, d.formNote),
            target: targetText(unitView(units, c.unitCode).name, { unit: d.holdsUnit, persons: d.persons }),
            taskId: d.kind === 'task' ? d.streamId : null,
            itemId: d.kind === 'item' ? d.streamId : null,
          })),
          ...unitReviewRecord(c.unitCode, review.rounds, review.appraisal, period.to),
        };
      });
    return { campaign, from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString(), units: rows, rules: SCORE_RULES, summary: SCORE_SUMMARY };
  }

  private ranking(
    campaign: CampaignView,
    asOf: number,
    weeks: readonly ReportWeek[],
    counts: readonly Map<string, UnitCounts>[],
    units: Map<string, UnitView>,
    options: { weeks: number; top: number; flagAfterWeeks: number },
  ): RankingView {
    const view = (e: RankedEntry): RankedUnitView => ({
      unit: unitView(units, e.unitCode),
      rank: e.rank,
      score: e.score,
      handedInOnTime: e.handedInOnTime,
      accountabilityDecisions: e.accountabilityDecisions ?? 0,
    });
    const ranked = weeks.map((week, i) => {
      const entries = [...counts[i].values()].map((c) => ({
        unitCode: c.unitCode,
        score: scoreOf(c).score,
        handedInOnTime: c.handedInOnTime,
        accountabilityDecisions: c.accountabilityDecisions,
      }));
      const ranking = rankUnits(entries);
      return { week, ranking, ...bestAndWorst(ranking, options.top) };
    });
    const complete = ranked.filter((r) => r.week.complete);
    const flags = flagUnits(
      complete.map((r) => r.worst.map((e) => e.unitCode)),
      options.flagAfterWeeks,
    );
    // Listed: the week in progress and the `weeks` complete weeks before it (older ones only serve the flag).
    const listed = ranked.filter((r) => !r.week.complete).concat(complete.slice(0, options.weeks));
    return {
      campaign,
      asOf: new Date(asOf).toISOString(),
      top: options.top,
      flagAfterWeeks: options.flagAfterWeeks,
      weeks: listed.map((r) => ({
        start: new Date(r.week.start).toISOString(),
        end: new Date(r.week.end).toISOString(),
        label: weekLabel(r.week, asOf, campaign.timeZone),
        complete: r.week.complete,
        best: r.best.map(view),
        worst: r.worst.map(view),
        ranking: r.ranking.map(view),
      })),
      flagged: flags.map((f) => ({
        unit: unitView(units, f.unitCode),
        weeksRunning: f.weeksRunning,
        reason: `截至${dateLabel(complete[0].week.end - 1, campaign.timeZone)}已连续 ${f.weeksRunning} 周上黑榜（不少于 ${options.flagAfterWeeks} 周），报领导小组`,
      })),
    };
  }
}

/** A unit by code; one removed from the organisation since still shows, by its code. */
function unitView(units: Map<string, UnitView>, code: string): UnitView {
  return units.get(code) ?? { code, name: `${code}（已不在组织机构中）`, kind: 'DEPARTMENT' };
}
