// 总结评议's rules in the API: opening a self-evaluation round over the organisation's units (checked and bounded, each
// unit's own tasks fixed at opening, then the round's workflow), a unit submitting its own form, the office returning
// and closing (the one action path, WorkflowActions, to the round's Update, whose validator applies the pure rule),
// the leading group's grades and working-group ratings (the campaign's 评议 workflow, started by the first), the
// rounds as each caller may read them (a unit's people see only their own form) and the round's workbook.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Caller } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { isLocalDate, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import { decideAppraisal } from '../../workflows/appraisal/appraisal.decide';
import { GROUP_RATING_LABELS, WORKING_GROUP_LABELS } from '../../workflows/appraisal/appraisal.labels';
import { appraisalActionUpdate, appraisalWorkflowId } from '../../workflows/appraisal/appraisal.messages';
import { MAX_UNIT_CODE_CHARS, WORKING_GROUPS, type AppraisalCommand, type AppraisalState } from '../../workflows/appraisal/appraisal.types';
import { initialAppraisalState } from '../../workflows/appraisal/appraisal.evolve';
import { checkForm, checkSelfEvaluation, textWithin } from '../../workflows/self-evaluation/self-evaluation.decide';
import { formOf } from '../../workflows/self-evaluation/self-evaluation.evolve';
import { FORM_STATE_LABELS, GRADE_LABELS, SELF_EVALUATION_LEVEL_LABELS, SELF_EVALUATION_STATE_LABELS, SELF_STATUS_LABELS, SUBDISTRICT_NAME } from '../../workflows/self-evaluation/self-evaluation.labels';
import { selfEvaluationActionUpdate } from '../../workflows/self-evaluation/self-evaluation.messages';
import {
  MAX_REASON_CHARS,
  MAX_TASKS_PER_UNIT,
  MAX_TITLE_CHARS,
  MAX_UNITS,
  SELF_EVALUATION_OFFICE,
  SUBDISTRICT_CODE,
  type FormItem,
  type Grade,
  type SelfEvaluationCommand,
  type SelfEvaluationLadder,
  type SelfStatus,
  type UnitTasks,
} from '../../workflows/self-evaluation/self-evaluation.types';
import { addMs, DAY } from '../../workflows/shared/time';
import { exportName, XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { selfEvaluationXlsx } from './self-evaluation.export';
import { SelfEvaluationRepository, type SelfEvaluationRoundView } from './self-evaluation.repository';
import { startAppraisal, startSelfEvaluationRound } from './self-evaluation.starter';

const ID_CHARS = 300;
const MAX_DAYS_AHEAD = 366;
const MAX_ITEMS_INPUT = MAX_TASKS_PER_UNIT;

export interface OpenInput {
  campaignId?: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  unitCodes?: readonly string[] | null;
  includeSubdistrict?: boolean | null;
}

export interface SubmitInput {
  roundId: string;
  unitCode: string;
  items: readonly { taskId: string; status: string; note?: string | null }[];
  achievements: string;
  shortcomings: string;
  nextSteps: string;
  selfGrade: string;
}

export interface GradeInput {
  campaignId?: string | null;
  unitCode: string;
  grade: string;
  comment: string;
  reason?: string | null;
}

export interface RateInput {
  campaignId?: string | null;
  group: string;
  rating: string;
  comment: string;
  reason?: string | null;
}

function checkId(id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > ID_CHARS) throw new DomainError('BAD_USER_INPUT', '编号格式不正确', field);
  return id;
}

const isUnitPerson = (caller: Caller) => caller.role === 'UNIT_HEAD' || caller.role === 'UNIT_MEMBER';

@Injectable()
export class SelfEvaluationService {
  constructor(
    private readonly repository: SelfEvaluationRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(roundId: unknown): Promise<SelfEvaluationRoundView> {
    const id = checkId(roundId, 'id');
    const round = await this.repository.find(id);
    if (!round) throw new DomainError('NOT_FOUND', '自查自评轮次不存在', 'id');
    return round;
  }

  /** A campaign's rounds, latest period first. */
  async list(campaignId: string | null | undefined): Promise<SelfEvaluationRoundView[]> {
    const campaign = await this.campaigns.require(campaignId);
    return (await this.repository.ofCampaign(campaign.id)).reverse();
  }

  /**
   * The office opens a round: a title, the period, the due date (due at its end, the campaign's time) and the units
   * (all when none are named), with the sub-district's own form unless asked not to. Each unit's form covers the
   * unit's own tasks of the campaign as they are now. `options` (tests, demo): the key, the due time and the ladder.
   */
  async open(caller: Caller, input: OpenInput, options: { key?: string; dueAt?: string; ladder?: SelfEvaluationLadder; now?: Date } = {}): Promise<SelfEvaluationRoundView> {
    if (caller.service || !SELF_EVALUATION_OFFICE.includes(caller.role)) throw new DomainError('FORBIDDEN', '仅创建办可以发起自查自评');
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (!textWithin(input.title, MAX_TITLE_CHARS * 2) || title === '' || !textWithin(title, MAX_TITLE_CHARS)) throw new DomainError('BAD_USER_INPUT', `请填写名称（不超过${MAX_TITLE_CHARS}字）`, 'title');
    if (!isLocalDate(input.periodStart)) throw new DomainError('BAD_USER_INPUT', '自评期间起始日期须写作 YYYY-MM-DD', 'periodStart');
    if (!isLocalDate(input.periodEnd)) throw new DomainError('BAD_USER_INPUT', '自评期间截止日期须写作 YYYY-MM-DD', 'periodEnd');
    if (input.periodEnd < input.periodStart) throw new DomainError('BAD_USER_INPUT', '自评期间的截止日期不能早于起始日期', 'periodEnd');
    if (!isLocalDate(input.dueDate)) throw new DomainError('BAD_USER_INPUT', '报送截止日期须写作 YYYY-MM-DD', 'dueDate');
    if (input.dueDate < input.periodStart) throw new DomainError('BAD_USER_INPUT', '报送截止日期不能早于自评期间', 'dueDate');
    const now = options.now ?? new Date();
    const campaign = await this.campaigns.require(input.campaignId);
    const dueAt = options.dueAt ?? addMs(startOfLocalDate(input.dueDate, campaign.timeZone), DAY);
    if (Date.parse(dueAt) > now.getTime() + MAX_DAYS_AHEAD * DAY) throw new DomainError('BAD_USER_INPUT', '报送截止日期不能晚于一年以后', 'dueDate');
    const unitCodes = await this.checkUnits(input.unitCodes);
    const tasks = await this.repository.tasksOf(campaign.id, unitCodes);
    const byUnit = new Map<string, string[]>(unitCodes.map((c) => [c, []]));
    for (const t of tasks) byUnit.get(t.unitCode)?.push(t.taskId);
    const units: UnitTasks[] = [];
    if (input.includeSubdistrict !== false) units.push({ unitCode: SUBDISTRICT_CODE, taskIds: [] });
    for (const [unitCode, taskIds] of byUnit) {
      if (taskIds.length > MAX_TASKS_PER_UNIT) throw new DomainError('BAD_USER_INPUT', `单位「${unitCode}」的任务超过 ${MAX_TASKS_PER_UNIT} 项，请分批发起`, 'unitCodes');
      units.push({ unitCode, taskIds });
    }
    if (units.length === 0) throw new DomainError('BAD_USER_INPUT', '请至少选择一个填报单位', 'unitCodes');
    const id = await startSelfEvaluationRound(this.temporal, this.config.temporal.taskQueue, options.key ?? randomUUID(), {
      campaignId: campaign.id,
      title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      dueAt,
      units,
      openedBy: caller,
      ...(options.ladder ? { ladder: options.ladder } : {}),
    });
    return waitForProjection(() => this.repository.find(id));
  }

  /** The units named (or all): each once, each a unit of the organisation. */
  private async checkUnits(codes: readonly string[] | null | undefined): Promise<string[]> {
    const all = await this.repository.allUnits();
    if (codes === null || codes === undefined) return all.map((u) => u.code);
    if (!Array.isArray(codes) || codes.length > MAX_UNITS) throw new DomainError('BAD_USER_INPUT', `最多选择 ${MAX_UNITS} 个单位`, 'unitCodes');
    const known = new Set(all.map((u) => u.code));
    const seen = new Set<string>();
    for (const code of codes) {
      if (typeof code !== 'string' || code.length > MAX_UNIT_CODE_CHARS || !known.has(code)) throw new DomainError('BAD_USER_INPUT', `「${typeof code === 'string' ? code.slice(0, MAX_UNIT_CODE_CHARS) : ''}」不是本街道的单位`, 'unitCodes');
      if (seen.has(code)) throw new DomainError('BAD_USER_INPUT', `单位「${code}」重复`, 'unitCodes');
      seen.add(code);
    }
    return [...codes];
  }

  async submit(caller: Caller, input: SubmitInput): Promise<SelfEvaluationRoundView> {
    const round = await this.get(input.roundId);
    if (typeof input.unitCode !== 'string' || input.unitCode.length > MAX_UNIT_CODE_CHARS) throw new DomainError('BAD_USER_INPUT', '单位编码不正确', 'unitCode');
    this.refuseUnlessAllowed(round, caller, 'SUBMIT', input.unitCode);
    if (!Array.isArray(input.items) || input.items.length > MAX_ITEMS_INPUT) throw new DomainError('BAD_USER_INPUT', `自评任务不能超过 ${MAX_ITEMS_INPUT} 项`, 'items');
    const items: FormItem[] = input.items.map((i) => ({ taskId: i.taskId, status: i.status as SelfStatus, note: i.note ?? '' }));
    const form = { items, achievements: input.achievements, shortcomings: input.shortcomings, nextSteps: input.nextSteps, selfGrade: input.selfGrade as Grade };
    const bad = checkForm(round.state, input.unitCode, form);
    if (bad) throw new DomainError('BAD_USER_INPUT', bad.message, bad.field);
    return this.act(caller, round, { action: 'SUBMIT', unitCode: input.unitCode, ...form });
  }

  async returnForm(caller: Caller, roundId: unknown, unitCode: string, reason: string): Promise<SelfEvaluationRoundView> {
    const round = await this.get(roundId);
    if (typeof unitCode !== 'string' || unitCode.length > MAX_UNIT_CODE_CHARS) throw new DomainError('BAD_USER_INPUT', '单位编码不正确', 'unitCode');
    if (!textWithin(reason, MAX_REASON_CHARS) || reason.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写退回原因（不超过${MAX_REASON_CHARS}字）`, 'reason');
    return this.act(caller, round, { action: 'RETURN', unitCode, reason });
  }

  async close(caller: Caller, roundId: unknown, note: string | null | undefined): Promise<SelfEvaluationRoundView> {
    const round = await this.get(roundId);
    if (note !== null && note !== undefined && !textWithin(note, MAX_REASON_CHARS)) throw new DomainError('BAD_USER_INPUT', `说明不能超过${MAX_REASON_CHARS}字`, 'note');
    return this.act(caller, round, { action: 'CLOSE', note: note ?? '' });
  }

  async exportRound(roundId: unknown) {
    const round = await this.get(roundId);
    const names = await this.unitNames(round.state.units.map((u) => u.unitCode));
    const indicators = await this.repository.taskIndicators(round.state.units.flatMap((u) => u.taskIds));
    const content = await selfEvaluationXlsx(round.state, (c) => names.get(c) ?? c, (t) => indicators.get(t) ?? { code: '', name: t });
    return { fileName: exportName(`自查自评-${round.state.title}`), mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  /** The GraphQL SelfEvaluationRound, as this caller may read it. */
  async roundView(caller: Caller, r: SelfEvaluationRoundView) {
    const s = r.state;
    const visible = isUnitPerson(caller) ? s.units.filter((u) => u.unitCode === caller.unitCode) : s.units;
    const names = await this.unitNames(visible.map((u) => u.unitCode));
    const indicators = await this.repository.taskIndicators(visible.flatMap((u) => u.taskIds));
    const open = s.state === 'OPEN';
    const forms = visible.map((u) => {
      const f = formOf(s, u.unitCode);
      const statuses = new Map((f?.items ?? []).map((i) => [i.taskId, i]));
      return {
        unitCode: u.unitCode,
        unitName: names.get(u.unitCode) ?? u.unitCode,
        state: f?.state ?? 'MISSING',
        stateLabel: FORM_STATE_LABELS[f?.state ?? 'MISSING'],
        late: f?.late ?? false,
        submittedAt: f?.submittedAt ?? null,
        submissions: f?.submissions ?? 0,
        returnReason: f?.returnReason ?? null,
        selfGrade: f?.selfGrade ?? null,
        selfGradeLabel: f ? GRADE_LABELS[f.selfGrade] : null,
        achievements: f?.achievements ?? '',
        shortcomings: f?.shortcomings ?? '',
        nextSteps: f?.nextSteps ?? '',
        items: u.taskIds.map((taskId) => {
          const item = statuses.get(taskId);
          const indicator = indicators.get(taskId) ?? { code: '', name: taskId };
          return { taskId, indicatorCode: indicator.code, indicatorName: indicator.name, status: item?.status ?? null, statusLabel: item ? SELF_STATUS_LABELS[item.status] : null, note: item?.note ?? '' };
        }),
        canSubmit: open && !caller.service && checkSelfEvaluation(s, caller, 'SUBMIT', u.unitCode) === null,
        canReturn: open && !caller.service && checkSelfEvaluation(s, caller, 'RETURN', u.unitCode) === null,
      };
    });
    return {
      id: r.id,
      campaignId: r.campaignId,
      title: s.title,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      dueAt: s.dueAt,
      state: s.state,
      stateLabel: SELF_EVALUATION_STATE_LABELS[s.state],
      escalationLabel: s.escalationLevel ? SELF_EVALUATION_LEVEL_LABELS[s.escalationLevel] : null,
      unitCount: s.units.length,
      submittedCount: s.forms.filter((f) => f.state === 'SUBMITTED').length,
      closedAt: s.closedAt,
      closeNote: s.closeNote,
      forms,
      canClose: !caller.service && checkSelfEvaluation(s, caller, 'CLOSE') === null,
    };
  }

  // 评议

  async appraisal(caller: Caller, campaignId: string | null | undefined) {
    const campaign = await this.campaigns.require(campaignId);
    const state = (await this.repository.appraisal(campaign.id)) ?? initialAppraisalState(appraisalWorkflowId(campaign.id), campaign.id);
    return this.appraisalView(caller, state);
  }

  async grade(caller: Caller, input: GradeInput) {
    const campaign = await this.campaigns.require(input.campaignId);
    if (typeof input.unitCode !== 'string' || input.unitCode.length > MAX_UNIT_CODE_CHARS || (await this.repository.units([input.unitCode])).length === 0) {
      throw new DomainError('BAD_USER_INPUT', '该单位不是本街道的单位', 'unitCode');
    }
    await this.actAppraisal(caller, campaign.id, { action: 'GRADE_UNIT', unitCode: input.unitCode, grade: input.grade as Grade, comment: input.comment, reason: input.reason ?? null });
    return this.appraisal(caller, campaign.id);
  }

  async rate(caller: Caller, input: RateInput) {
    const campaign = await this.campaigns.require(input.campaignId);
    await this.actAppraisal(caller, campaign.id, { action: 'RATE_GROUP', group: input.group as (typeof WORKING_GROUPS)[number], rating: input.rating as 'MET' | 'NOT_MET', comment: input.comment, reason: input.reason ?? null });
    return this.appraisal(caller, campaign.id);
  }

  private async appraisalView(caller: Caller, state: AppraisalState) {
    const units = new Map((await this.repository.units(state.grades.map((g) => g.unitCode))).map((u) => [u.code, u]));
    return {
      campaignId: state.campaignId,
      grades: state.grades.map((g) => ({
        unit: units.get(g.unitCode) ?? { code: g.unitCode, name: g.unitCode, kind: 'DEPARTMENT' },
        grade: g.grade,
        gradeLabel: GRADE_LABELS[g.grade],
        comment: g.comment,
        gradedAt: g.gradedAt,
        revisions: g.revisions,
        lastReason: g.lastReason,
      })),
      ratings: WORKING_GROUPS.map((group) => {
        const r = state.ratings.find((x) => x.group === group);
        return {
          group,
          groupLabel: WORKING_GROUP_LABELS[group],
          rating: r?.rating ?? null,
          ratingLabel: r ? GROUP_RATING_LABELS[r.rating] : null,
          comment: r?.comment ?? '',
          ratedAt: r?.ratedAt ?? null,
          revisions: r?.revisions ?? 0,
          lastReason: r?.lastReason ?? null,
        };
      }),
      canGrade: !caller.service && caller.role === 'LEADER',
    };
  }

  private async actAppraisal(caller: Caller, campaignId: string, command: AppraisalCommand): Promise<void> {
    if (caller.service) throw new DomainError('FORBIDDEN', '服务账号只能读取');
    // The rule answers before Temporal is asked (the workflow decides again on its own state).
    const current = (await this.repository.appraisal(campaignId)) ?? initialAppraisalState(appraisalWorkflowId(campaignId), campaignId);
    const decision = decideAppraisal(current, { command, actor: caller });
    if (!decision.ok) throw new DomainError(decision.rejection.code, decision.rejection.message, decision.rejection.field ?? null);
    const outcome = await this.actions.execute(appraisalWorkflowId(campaignId), appraisalActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '评议的工作流不存在或已结束'),
      startIfMissing: () => startAppraisal(this.temporal, this.config.temporal.taskQueue, { campaignId, openedBy: caller }),
    });
    if (outcome.replayed) return;
    const version = outcome.result.version;
    await waitForProjection(
      () => this.repository.appraisalVersion(campaignId),
      (v) => v >= version,
    );
  }

  private async unitNames(codes: readonly string[]): Promise<Map<string, string>> {
    const names = new Map((await this.repository.units(codes.filter((c) => c !== SUBDISTRICT_CODE))).map((u) => [u.code, u.name]));
    names.set(SUBDISTRICT_CODE, SUBDISTRICT_NAME);
    return names;
  }

  private refuseUnlessAllowed(round: SelfEvaluationRoundView, caller: Caller, action: SelfEvaluationCommand['action'], unitCode?: string): void {
    if (caller.service) throw new DomainError('FORBIDDEN', '服务账号只能读取');
    const refused = checkSelfEvaluation(round.state, caller, action, unitCode);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  private async act(caller: Caller, round: SelfEvaluationRoundView, command: SelfEvaluationCommand): Promise<SelfEvaluationRoundView> {
    // A closed round's workflow has ended: the rule answers before Temporal is asked.
    this.refuseUnlessAllowed(round, caller, command.action, command.action === 'CLOSE' ? undefined : command.unitCode);
    const outcome = await this.actions.execute(round.id, selfEvaluationActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '自查自评的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(round.id);
    const version = outcome.result.version;
    return waitForProjection(
      () => this.repository.find(round.id),
      (found) => found.state.version >= version,
    );
  }
}
