// The survey rounds' rules in the API: planning a round over the organisation's communities (checked and bounded,
// then the round's workflow), entering and correcting a community's results and closing the round (the one action
// path, WorkflowActions, to the round's Update, whose validator applies the pure rule), the rounds and the trend as
// the office and the leading group read them, the workbooks, and a survey indicator's task citing a closed round:
// the round's results sheet is attached through the task's own evidence action, so the citation is an event of the
// task's stream, in its history and its evidence list, and the task's rules (who, which stage) decide it.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { IndicatorTaskService } from '../indicator-task/indicator-task.service';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { requestLoader } from '../platform/graphql/request-loader';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { isLocalDate, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import { addMs, DAY, HOUR, later } from '../../workflows/shared/time';
import { canCloseSurvey, canRecordSurvey, checkCounts, checkSurveyRound, textWithin } from '../../workflows/survey-round/survey-round.decide';
import type { SurveyRoundEventType } from '../../workflows/survey-round/survey-round.events';
import { SURVEY_LEVEL_LABELS, SURVEY_METHOD_LABELS, SURVEY_ROUND_EVENT_LABELS, SURVEY_ROUND_STATE_LABELS } from '../../workflows/survey-round/survey-round.labels';
import { surveyRoundActionUpdate } from '../../workflows/survey-round/survey-round.messages';
import {
  ENTRY_GRACE_HOURS,
  MAX_COMMUNITIES,
  MAX_NOTE_CHARS,
  MAX_TITLE_CHARS,
  SURVEY_METHODS,
  SURVEY_ROLES,
  type SurveyLadder,
  type SurveyLevel,
  type SurveyMethod,
  type SurveyRoundAction,
  type SurveyRoundCommand,
} from '../../workflows/survey-round/survey-round.types';
import { exportName, XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { surveyRoundXlsx, surveyTrendXlsx } from './survey.export';
import { SurveyRepository, type SurveyRoundView } from './survey.repository';
import { startSurveyRound } from './survey.starter';
import { countsView, roundTotal, surveyTrend } from './survey.trend';

const ID_CHARS = 300;
const UNIT_CODE_CHARS = 50;
const HISTORY_LIMIT = 500;
/** How far ahead a round may be planned. */
const MAX_DAYS_AHEAD = 366;

export interface PlanInput {
  campaignId?: string | null;
  title: string;
  method: string;
  startDate: string;
  endDate: string;
  unitCodes?: readonly string[] | null;
}

export interface RecordInput {
  roundId: string;
  unitCode: string;
  sample: number;
  aware: number;
  supporting: number;
  participating: number;
  satisfied: number;
  expectedVersion?: number | null;
}

function checkId(id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_CHARS) throw new DomainError('BAD_USER_INPUT', '编号格式不正确', field);
  return id;
}

/** The GraphQL SurveyRound's own fields; units, history and the caller's abilities are resolved apart. */
export function surveyRoundFields(r: SurveyRoundView) {
  const s = r.state;
  return {
    id: r.id,
    campaignId: r.campaignId,
    title: s.title,
    method: s.method,
    methodLabel: SURVEY_METHOD_LABELS[s.method],
    startDate: s.startDate,
    endDate: s.endDate,
    dueAt: s.dueAt,
    state: s.state,
    stateLabel: SURVEY_ROUND_STATE_LABELS[s.state],
    recordedCount: s.results.length,
    total: roundTotal(s),
    closedAt: s.closedAt,
    closeNote: s.closeNote,
    escalationLabel: s.escalationLevel ? SURVEY_LEVEL_LABELS[s.escalationLevel] : null,
  };
}

@Injectable()
export class SurveyService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly tasks: IndicatorTaskService,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(roundId: unknown): Promise<SurveyRoundView> {
    const id = checkId(roundId, 'id');
    const round = await this.repository.find(id);
    if (!round) throw new DomainError('NOT_FOUND', '问卷调查轮次不存在', 'id');
    return round;
  }

  /** A campaign's rounds, latest period first. */
  async list(campaignId: string | null | undefined): Promise<SurveyRoundView[]> {
    const campaign = await this.campaigns.require(campaignId);
    return (await this.repository.ofCampaign(campaign.id)).reverse();
  }

  communities() {
    return this.repository.communities();
  }

  /**
   * The office plans a round: a title, a method, a period and the communities (all when none are named). Its results
   * are due at the end of its last day, or ENTRY_GRACE_HOURS from now for a round entered after its period.
   * `options` (tests, demo): the round's key, the deadline and the ladder's hours instead of the defaults.
   */
  async plan(caller: Caller, input: PlanInput, options: { key?: string; dueAt?: string; ladder?: SurveyLadder; now?: Date } = {}): Promise<SurveyRoundView> {
    if (caller.service || !SURVEY_ROLES.includes(caller.role)) throw new DomainError('FORBIDDEN', '仅创建办可以制定问卷调查计划');
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (!textWithin(input.title, MAX_TITLE_CHARS * 2) || title === '' || !textWithin(title, MAX_TITLE_CHARS)) throw new DomainError('BAD_USER_INPUT', `请填写名称（不超过${MAX_TITLE_CHARS}字）`, 'title');
    if (!(SURVEY_METHODS as readonly string[]).includes(input.method)) throw new DomainError('BAD_USER_INPUT', '未知的调查方式', 'method');
    if (!isLocalDate(input.startDate)) throw new DomainError('BAD_USER_INPUT', '开始日期须写作 YYYY-MM-DD', 'startDate');
    if (!isLocalDate(input.endDate)) throw new DomainError('BAD_USER_INPUT', '结束日期须写作 YYYY-MM-DD', 'endDate');
    if (input.endDate < input.startDate) throw new DomainError('BAD_USER_INPUT', '结束日期不能早于开始日期', 'endDate');
    const now = options.now ?? new Date();
    const campaign = await this.campaigns.require(input.campaignId);
    const endsAt = addMs(startOfLocalDate(input.endDate, campaign.timeZone), DAY);
    if (Date.parse(endsAt) > now.getTime() + MAX_DAYS_AHEAD * DAY) throw new DomainError('BAD_USER_INPUT', `结束日期不能晚于一年以后`, 'endDate');
    const unitCodes = await this.checkCommunities(input.unitCodes);
    const dueAt = options.dueAt ?? later(endsAt, addMs(now.toISOString(), ENTRY_GRACE_HOURS * HOUR));
    const id = await startSurveyRound(this.temporal, this.config.temporal.taskQueue, options.key ?? randomUUID(), {
      campaignId: campaign.id,
      title,
      method: input.method as SurveyMethod,
      startDate: input.startDate,
      endDate: input.endDate,
      unitCodes,
      dueAt,
      plannedBy: caller,
      ...(options.ladder ? { ladder: options.ladder } : {}),
    });
    return waitForProjection(() => this.repository.find(id));
  }

  /** The communities named (or all): each once, each a unit of the community kind. */
  private async checkCommunities(codes: readonly string[] | null | undefined): Promise<string[]> {
    const communities = await this.repository.communities();
    if (codes === null || codes === undefined) {
      if (communities.length === 0) throw new DomainError('BAD_USER_INPUT', '组织架构中还没有社区', 'unitCodes');
      return communities.map((c) => c.code);
    }
    if (!Array.isArray(codes) || codes.length === 0 || codes.length > MAX_COMMUNITIES) throw new DomainError('BAD_USER_INPUT', `请选择 1 到 ${MAX_COMMUNITIES} 个社区`, 'unitCodes');
    const known = new Set(communities.map((c) => c.code));
    const seen = new Set<string>();
    for (const code of codes) {
      if (typeof code !== 'string' || code.length > UNIT_CODE_CHARS || !known.has(code)) throw new DomainError('BAD_USER_INPUT', `「${typeof code === 'string' ? code.slice(0, UNIT_CODE_CHARS) : ''}」不是社区`, 'unitCodes');
      if (seen.has(code)) throw new DomainError('BAD_USER_INPUT', `社区「${code}」重复`, 'unitCodes');
      seen.add(code);
    }
    return [...codes];
  }

  async record(caller: Caller, input: RecordInput): Promise<SurveyRoundView> {
    const round = await this.get(input.roundId);
    this.refuseUnlessAllowed(round, caller, 'RECORD_RESULTS');
    if (typeof input.unitCode !== 'string' || !round.state.unitCodes.includes(input.unitCode)) throw new DomainError('BAD_USER_INPUT', '该社区不在本轮调查范围内', 'unitCode');
    const bad = checkCounts(input);
    if (bad) throw new DomainError('BAD_USER_INPUT', bad.message, bad.field);
    const { unitCode, sample, aware, supporting, participating, satisfied } = input;
    return this.act(caller, round, { action: 'RECORD_RESULTS', unitCode, sample, aware, supporting, participating, satisfied }, input.expectedVersion);
  }

  async close(caller: Caller, roundId: unknown, note: string | null | undefined): Promise<SurveyRoundView> {
    const round = await this.get(roundId);
    if (note !== null && note !== undefined && !textWithin(note, MAX_NOTE_CHARS)) throw new DomainError('BAD_USER_INPUT', `说明不能超过${MAX_NOTE_CHARS}字`, 'note');
    return this.act(caller, round, { action: 'CLOSE', note: note ?? '' });
  }

  /** The trend over the campaign's closed rounds. */
  async trend(campaignId: string | null | undefined) {
    const campaign = await this.campaigns.require(campaignId);
    return { campaignId: campaign.id, ...surveyTrend((await this.repository.ofCampaign(campaign.id, true)).map((r) => r.state)) };
  }

  async exportRound(roundId: unknown) {
    const round = await this.get(roundId);
    const names = await this.unitNames(round.state.unitCodes);
    const content = await surveyRoundXlsx(round.state, (c) => names.get(c) ?? c);
    return { fileName: exportName(`问卷调查结果-${round.state.title}`), mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  async exportTrend(campaignId: string | null | undefined) {
    const trend = await this.trend(campaignId);
    const names = await this.unitNames(trend.communities.map((c) => c.unitCode));
    const content = await surveyTrendXlsx(trend, (c) => names.get(c) ?? c);
    return { fileName: exportName(`问卷调查趋势-${trend.campaignId}`), mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  /**
   * A task of a survey indicator (问卷调查类测评指标) cites a closed round: the round's results sheet is attached as
   * the task's evidence with a note naming the round and its street-wide rates. Only a closed round: its numbers no
   * longer change, so the evidence says what the round says. The task's own rules decide who may attach at which
   * stage (its unit's people, the supervisors and the archivists), and refuse with nothing written.
   */
  async cite(caller: Caller, input: { taskId: string; roundId: string; note?: string | null }) {
    const round = await this.get(input.roundId);
    const taskId = checkId(input.taskId, 'taskId');
    if (input.note !== null && input.note !== undefined && !textWithin(input.note, MAX_NOTE_CHARS)) throw new DomainError('BAD_USER_INPUT', `说明不能超过${MAX_NOTE_CHARS}字`, 'note');
    const task = await this.tasks.get(caller, taskId);
    if (task.indicator.method !== 'SURVEY') throw new DomainError('BAD_USER_INPUT', `测评指标「${task.indicator.name}」不是问卷调查类指标，不能引用问卷调查结果`, 'taskId');
    if (task.campaignId !== round.campaignId) throw new DomainError('BAD_USER_INPUT', '该问卷调查不属于任务所在的创文活动', 'roundId');
    if (round.state.state !== 'CLOSED') throw new DomainError('ILLEGAL_TRANSITION', `问卷调查「${round.state.title}」尚未结束，结束后才能作为佐证引用`, 'roundId');
    const s = round.state;
    const total = roundTotal(s)!;
    const names = await this.unitNames(s.unitCodes);
    const content = await surveyRoundXlsx(s, (c) => names.get(c) ?? c);
    const summary = `引用问卷调查「${s.title}」（${s.startDate} 至 ${s.endDate}，${s.results.length} 个社区，样本 ${total.sample} 份）：知晓率 ${total.rates.aware.toFixed(1)}%、支持率 ${total.rates.supporting.toFixed(1)}%、参与率 ${total.rates.participating.toFixed(1)}%、满意度 ${total.rates.satisfied.toFixed(1)}%〔${round.id}〕`;
    const note = input.note?.trim() ? `${summary}。${input.note.trim()}` : summary;
    return this.tasks.uploadEvidence(caller, taskId, { name: exportName(`问卷调查结果-${s.title}`), content }, note);
  }

  // Fields of the GraphQL type that depend on the caller or on other rows.
  canRecord = (caller: Caller, r: SurveyRoundView) => !caller.service && canRecordSurvey(r.state, caller);
  canClose = (caller: Caller, r: SurveyRoundView) => !caller.service && canCloseSurvey(r.state, caller);

  async communityResults(r: SurveyRoundView, ctx: GraphQLContext = {}) {
    const load = this.unitLoader(ctx);
    return Promise.all(
      r.state.unitCodes.map(async (code) => {
        const result = r.state.results.find((x) => x.unitCode === code);
        return { unit: await load(code), recorded: result !== undefined, counts: result ? countsView(result) : null, recordedAt: result?.recordedAt ?? null };
      }),
    );
  }

  unitLoader(ctx: GraphQLContext = {}) {
    const loader = requestLoader(ctx, 'surveyUnits', async (codes: readonly string[]) => new Map((await this.repository.units(codes)).map((u) => [u.code, u])));
    return async (code: string) => (await loader.load(code)) ?? { code, name: code, kind: 'COMMUNITY' };
  }

  async history(r: SurveyRoundView) {
    const events = await this.repository.events(r.id, HISTORY_LIMIT);
    const names = await this.unitNames(r.state.unitCodes);
    return events.map((e) => {
      let note = '';
      if (e.type === 'SurveyResultsRecorded') {
        const d = e.data as { unitCode: string; sample: number; amended: boolean };
        note = `${names.get(d.unitCode) ?? d.unitCode}${d.amended ? '（更正）' : ''}：样本 ${d.sample} 份`;
      } else if (e.type === 'SurveyRoundEscalated') note = SURVEY_LEVEL_LABELS[e.data.level as SurveyLevel] ?? '';
      else if (typeof e.data.note === 'string') note = e.data.note;
      return { at: e.occurredAt.toISOString(), type: e.type, label: SURVEY_ROUND_EVENT_LABELS[e.type as SurveyRoundEventType] ?? e.type, actorName: e.actorName ?? '系统', note };
    });
  }

  private async unitNames(codes: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.repository.units(codes)).map((u) => [u.code, u.name]));
  }

  private refuseUnlessAllowed(round: SurveyRoundView, caller: Caller, action: SurveyRoundAction): void {
    if (caller.service) throw new DomainError('FORBIDDEN', '服务账号只能读取');
    const refused = checkSurveyRound(round.state, caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async act(caller: Caller, round: SurveyRoundView, command: SurveyRoundCommand, expectedVersion?: number | null): Promise<SurveyRoundView> {
    // A closed round's workflow has ended: the rule answers before Temporal is asked.
    this.refuseUnlessAllowed(round, caller, command.action);
    const outcome = await this.actions.execute(round.id, surveyRoundActionUpdate, {
      actor: caller,
      command,
      expectedVersion,
      toError: (err) => temporalToDomainError(err, '问卷调查的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(round.id);
    const version = outcome.result.version;
    return waitForProjection(
      () => this.repository.find(round.id),
      (found) => found.state.version >= version,
    );
  }
}
