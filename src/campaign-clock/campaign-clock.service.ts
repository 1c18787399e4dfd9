// The campaign's clock through the API: access rules, the facts the workflow cannot read itself (the archive
// from the board's cards, the units that exist), then an Update on the campaign's workflow, whose validator
// decides with the pure rules. Reads come from the projection and the campaign's events.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import type { AppConfig } from '../platform/config/config';
import { isUnitRole, visibleUnit } from '../auth/access-policy';
import { DomainError } from '../platform/errors/domain-error';
import type { Actor } from '../../workflows/shared/actor.types';
import { isMonth, monthOf } from '../../workflows/campaign/campaign.calendar';
import { CADENCE_LABELS, CAMPAIGN_EVENT_LABELS, MEETING_KIND_LABELS, PHASE_LABELS } from '../../workflows/campaign/campaign.labels';
import { allowedActions, check } from '../../workflows/campaign/campaign.decide';
import {
  archiveComplete,
  describeShortfalls,
  EMPTY_TALLY,
  nextPhase,
  shortfalls,
} from '../../workflows/campaign/campaign.rules';
import { initialCampaignState } from '../../workflows/campaign/campaign.evolve';
import { type CampaignAction, type CampaignCommand, PHASES, type CampaignState, type MeetingDecision, type MeetingKind, type Phase, type PhasePlan } from '../../workflows/campaign/campaign.types';
import { campaignActionUpdate, campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import { meetingDecisionItemKey, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { CampaignEventType } from '../../workflows/campaign/campaign.events';
import { startCampaignClock } from './campaign-clock.starter';
import { campaignDomainError } from './campaign-clock.errors';
import { CampaignClockRepository, leadScopeOf, type LedTask, type UnitRef } from './campaign-clock.repository';
import type { HistoryEvent } from '../platform/event-store/event-store.types';
import { eventActor, historyEntry } from '../platform/event-store/history-entry';
import { CampaignRepository, daysUntil, type CampaignView } from '../campaign/campaign.repository';

export interface VisitInput {
  campaignId: string;
  date: string;
  places: string[];
  visitors: string[];
  unitCodes?: string[] | null;
  notes: string;
}

export interface MeetingInput {
  campaignId: string;
  kind: MeetingKind;
  date: string;
  title?: string | null;
  attendees: string[];
  unitCodes?: string[] | null;
  absentUnitCodes?: string[] | null;
  minutes: string;
  decisions?: { text: string; unitCode?: string | null; dueDate?: string | null }[] | null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

@Injectable()
export class CampaignClockService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly clocks: CampaignClockRepository,
    private readonly actions: WorkflowActions,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async campaign(id: string | null | undefined): Promise<CampaignView> {
    return this.campaigns.require(id);
  }

  /** The clock's state; before its workflow has recorded anything, the state it starts in. */
  async state(campaign: CampaignView): Promise<CampaignState> {
    return (await this.clocks.clock(campaign.id)) ?? initialCampaignState({ campaignId: campaign.id, timeZone: campaign.timeZone, inspectionDate: campaign.inspectionDate });
  }

  async phases(campaign: CampaignView) {
    const state = await this.state(campaign);
    return PHASES.map((phase) => ({
      phase,
      label: PHASE_LABELS[phase],
      plannedStart: state.plan[phase],
      startedAt: state.entered[phase] ?? null,
      current: phase === state.phase,
      due: state.phaseDue?.phase === phase,
    }));
  }

  async nextPhase(campaign: CampaignView): Promise<Phase | null> {
    return nextPhase((await this.state(campaign)).phase);
  }

  countdownLabel(campaign: CampaignView, now: Date = new Date()): string {
    const days = daysUntil(campaign.inspectionDate, campaign.timeZone, now);
    if (days > 0) return `距迎检还有 ${days} 天`;
    if (days === 0) return '今天迎检';
    return `迎检日已过 ${-days} 天`;
  }

  async archiveProgress(campaign: CampaignView) {
    const facts = await this.clocks.archiveFacts(campaign.id);
    return { ...facts, complete: archiveComplete(facts) };
  }

  async allowedActions(actor: Actor, campaign: CampaignView): Promise<CampaignAction[]> {
    const actions = allowedActions(await this.state(campaign), actor);
    // A unit convenes a meeting only for the indicators it leads: no button for a unit that leads none.
    if (!actions.includes('RECORD_LEAD_UNIT_MEETING')) return actions;
    return (await this.ledTasks(actor, campaign)).length > 0 ? actions : actions.filter((a) => a !== 'RECORD_LEAD_UNIT_MEETING');
  }

  /** A month's cadence as the clock has it now. */
  async cadence(campaign: CampaignView, month: string, now: Date = new Date()) {
    if (!isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须写作 YYYY-MM（如 2026-10）', 'month');
    const state = await this.state(campaign);
    const tally = state.months[month] ?? EMPTY_TALLY;
    const missing = shortfalls(tally);
    return {
      month,
      ...tally,
      hearings: tally.hearings ?? 0,
      met: missing.length === 0,
      ended: month < monthOf(now.toISOString(), campaign.timeZone),
      flagged: (state.flagged[month]?.length ?? 0) > 0,
      shortfalls: missing.map((m) => ({ ...m, label: CADENCE_LABELS[m.requirement] })),
    };
  }

  private async unitsOf(codes: string[]): Promise<Map<string, UnitRef>> {
    return this.clocks.units(codes);
  }

  private static unitList(codes: string[], units: Map<string, UnitRef>): UnitRef[] {
    return codes.map((code) => units.get(code) ?? { code, name: code, kind: 'DEPARTMENT' });
  }

  private static monthFilter(month: string | null | undefined): (e: HistoryEvent) => boolean {
    if (month === null || month === undefined) return () => true;
    if (!isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须写作 YYYY-MM（如 2026-10）', 'month');
    return (e) => String(e.data.date).slice(0, 7) === month;
  }

  async visits(actor: Actor, campaign: CampaignView, month?: string | null) {
    const inMonth = CampaignClockService.monthFilter(month);
    const events = (await this.clocks.events(campaign.id, ['SupervisionVisitRecorded'])).filter(inMonth);
    const unit = visibleUnit(actor);
    const visible = unit === null ? events : events.filter((e) => strings(e.data.unitCodes).includes(unit));
    const units = await this.unitsOf(visible.flatMap((e) => strings(e.data.unitCodes)));
    return visible
      .map((e) => ({
        id: String(e.data.visitId),
        date: String(e.data.date),
        places: strings(e.data.places),
        visitors: strings(e.data.visitors),
        units: CampaignClockService.unitList(strings(e.data.unitCodes), units),
        notes: String(e.data.notes ?? ''),
        recordedBy: eventActor(e),
        recordedAt: e.occurredAt.toISOString(),
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  async meetings(actor: Actor, campaign: CampaignView, month?: string | null) {
    const inMonth = CampaignClockService.monthFilter(month);
    const events = (await this.clocks.events(campaign.id, ['CampaignMeetingRecorded'])).filter(inMonth);
    const decisionsOf = (e: HistoryEvent) => (Array.isArray(e.data.decisions) ? (e.data.decisions as MeetingDecision[]) : []);
    const involves = (e: HistoryEvent, unit: string) =>
      e.data.convenerUnitCode === unit ||
      strings(e.data.unitCodes).includes(unit) ||
      strings(e.data.absentUnitCodes).includes(unit) ||
      decisionsOf(e).some((d) => d.unitCode === unit);
    const unit = visibleUnit(actor);
    const visible = unit === null ? events : events.filter((e) => involves(e, unit));
    const convenerOf = (e: HistoryEvent) => (typeof e.data.convenerUnitCode === 'string' ? [e.data.convenerUnitCode] : []);
    const units = await this.unitsOf(
      visible.flatMap((e) => [...convenerOf(e), ...strings(e.data.unitCodes), ...strings(e.data.absentUnitCodes), ...decisionsOf(e).flatMap((d) => (d.unitCode ? [d.unitCode] : []))]),
    );
    return visible
      .map((e) => {
        const kind = e.data.kind as MeetingKind;
        return {
          id: String(e.data.meetingId),
          campaignId: campaign.id,
          unitCodes: strings(e.data.unitCodes),
          kind,
          kindLabel: MEETING_KIND_LABELS[kind] ?? String(kind),
          date: String(e.data.date),
          title: String(e.data.title ?? ''),
          attendees: strings(e.data.attendees),
          units: CampaignClockService.unitList(strings(e.data.unitCodes), units),
          absentUnits: CampaignClockService.unitList(strings(e.data.absentUnitCodes), units),
          minutes: String(e.data.minutes ?? ''),
          convener: convenerOf(e).length > 0 ? CampaignClockService.unitList(convenerOf(e), units)[0] : null,
          decisions: decisionsOf(e).map((d, index) => ({
            text: d.text,
            unit: d.unitCode ? CampaignClockService.unitList([d.unitCode], units)[0] : null,
            dueDate: d.dueDate,
            // The item a decision became has its id from the meeting and the decision (meeting-decision.service.ts).
            itemId: d.unitCode ? rectificationItemWorkflowId(campaign.id, meetingDecisionItemKey(String(e.data.meetingId), index)) : null,
            taskId: d.taskId ?? null,
          })),
          recordedBy: eventActor(e),
          recordedAt: e.occurredAt.toISOString(),
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  async history(actor: Actor, campaign: CampaignView) {
    if (isUnitRole(actor.role)) return [];
    return (await this.clocks.events(campaign.id)).map((e) => historyEntry(e, this.eventLabel(e)));
  }

  private eventLabel(e: HistoryEvent): string {
    const base = CAMPAIGN_EVENT_LABELS[e.type as CampaignEventType] ?? e.type;
    switch (e.type) {
      case 'PhaseAdvanced':
        return `进入「${PHASE_LABELS[e.data.to as Phase] ?? ''}」阶段${e.data.overrideReason ? '（档案未全部归档，已说明理由）' : ''}`;
      case 'PhaseDue':
        return `「${PHASE_LABELS[e.data.phase as Phase] ?? ''}」阶段计划开始日期（${String(e.data.plannedStart)}）已到`;
      case 'CampaignMeetingRecorded':
        return MEETING_KIND_LABELS[e.data.kind as MeetingKind] ?? base;
      case 'CadenceShortfallFlagged':
        return `${String(e.data.month)} ${base}：${describeShortfalls((e.data.missing as Parameters<typeof describeShortfalls>[0]) ?? [])}`;
      default:
        return base;
    }
  }

  /** Sets the whole phase plan; phases not listed are unplanned. */
  async setPlan(actor: Actor, input: { campaignId: string; plan: { phase: Phase; startDate?: string | null }[]; note?: string | null; expectedVersion?: number | null }) {
    const seen = new Set<Phase>();
    for (const p of input.plan) {
      if (seen.has(p.phase)) throw new DomainError('BAD_USER_INPUT', `「${PHASE_LABELS[p.phase]}」在计划中重复出现`, 'plan');
      seen.add(p.phase);
    }
    const plan: Partial<PhasePlan> = Object.fromEntries(input.plan.map((p) => [p.phase, p.startDate?.trim() || null]));
    const campaign = await this.campaign(input.campaignId);
    return this.perform(actor, campaign, await this.state(campaign), { action: 'SET_PHASE_PLAN', plan, note: input.note ?? undefined }, input.expectedVersion);
  }

  /** Moves to the next phase with the archive as the board's cards have it now: the gate's facts. */
  async advance(actor: Actor, input: { campaignId: string; to: Phase; overrideReason?: string | null; note?: string | null; expectedVersion?: number | null }) {
    const campaign = await this.campaign(input.campaignId);
    const state = await this.state(campaign);
    this.refuseEarly(state, actor, 'ADVANCE_PHASE');
    const archive = await this.clocks.archiveFacts(campaign.id);
    const command: CampaignCommand = { action: 'ADVANCE_PHASE', to: input.to, archive, overrideReason: input.overrideReason ?? null, note: input.note ?? undefined };
    return this.perform(actor, campaign, state, command, input.expectedVersion);
  }

  async recordVisit(actor: Actor, input: VisitInput) {
    const campaign = await this.campaign(input.campaignId);
    const state = await this.state(campaign);
    this.refuseEarly(state, actor, 'RECORD_SUPERVISION_VISIT');
    const unitCodes = await this.knownUnits(input.unitCodes ?? [], 'unitCodes');
    const visitId = randomUUID();
    const command: CampaignCommand = { action: 'RECORD_SUPERVISION_VISIT', visitId, date: input.date?.trim(), places: input.places, visitors: input.visitors, unitCodes, notes: input.notes };
    await this.perform(actor, campaign, state, command);
    const visit = (await this.visits({ ...actor, role: 'OFFICE' }, campaign)).find((v) => v.id === visitId);
    if (!visit) throw new DomainError('INTERNAL_SERVER_ERROR', '督查记录读取失败');
    return visit;
  }

  async recordMeeting(actor: Actor, input: MeetingInput) {
    const campaign = await this.campaign(input.campaignId);
    const state = await this.state(campaign);
    this.refuseEarly(state, actor, 'RECORD_MEETING');
    const unitCodes = await this.knownUnits(input.unitCodes ?? [], 'unitCodes');
    const absentUnitCodes = await this.knownUnits(input.absentUnitCodes ?? [], 'absentUnitCodes');
    const decisions = input.decisions ?? [];
    await this.knownUnits(decisions.flatMap((d) => (d.unitCode?.trim() ? [d.unitCode.trim()] : [])), 'decisions');
    const meetingId = randomUUID();
    const command: CampaignCommand = {
      action: 'RECORD_MEETING',
      meetingId,
      kind: input.kind,
      date: input.date?.trim(),
      title: input.title ?? undefined,
      attendees: input.attendees,
      unitCodes,
      absentUnitCodes,
      minutes: input.minutes,
      decisions: decisions.map((d) => ({ text: d.text, unitCode: d.unitCode?.trim() || null, dueDate: d.dueDate?.trim() || null })),
    };
    await this.perform(actor, campaign, state, command);
    return this.recordedMeeting(actor, campaign, meetingId);
  }

  /** The tasks of the campaign the caller's unit leads (牵头单位); none for anyone else. */
  async ledTasks(actor: Actor, campaign: CampaignView): Promise<LedTask[]> {
    return isUnitRole(actor.role) && actor.unitCode ? this.clocks.ledTasks(campaign.id, actor.unitCode) : [];
  }

  /** What the caller's unit leads in the campaign: the tasks and their responsible units; null for a unit that leads none. */
  async leadScope(actor: Actor, campaign: CampaignView) {
    const tasks = await this.ledTasks(actor, campaign);
    if (tasks.length === 0 || !actor.unitCode) return null;
    const scope = leadScopeOf(actor.unitCode, tasks);
    const units = await this.unitsOf(scope.unitCodes);
    return {
      unit: CampaignClockService.unitList([actor.unitCode], units)[0],
      units: CampaignClockService.unitList(scope.unitCodes, units),
      tasks: tasks.map((t) => ({ id: t.taskId, indicatorCode: t.indicatorCode, indicatorName: t.indicatorName, unit: CampaignClockService.unitList([t.unitCode], units)[0], stage: t.stage })),
    };
  }

  /**
   * Records a lead unit's meeting (牵头单位召集) on the campaign's clock, held to `led`, the tasks the caller's unit
   * leads as the board's cards have them (ledTasks); returns the meeting as recorded. The decisions' items and
   * comments are the caller's.
   */
  async recordLeadMeeting(
    actor: Actor,
    campaign: CampaignView,
    input: Omit<Extract<CampaignCommand, { action: 'RECORD_LEAD_UNIT_MEETING' }>, 'action' | 'scope' | 'convenerUnitCode'>,
    led: readonly LedTask[],
  ) {
    const state = await this.state(campaign);
    this.refuseEarly(state, actor, 'RECORD_LEAD_UNIT_MEETING');
    const convenerUnitCode = actor.unitCode ?? '';
    await this.perform(actor, campaign, state, { action: 'RECORD_LEAD_UNIT_MEETING', ...input, convenerUnitCode, scope: leadScopeOf(convenerUnitCode, led) });
    return this.recordedMeeting(actor, campaign, input.meetingId);
  }

  /** A meeting just recorded, as the office reads it. */
  private async recordedMeeting(actor: Actor, campaign: CampaignView, meetingId: string) {
    const meeting = (await this.meetings({ ...actor, role: 'OFFICE' }, campaign)).find((m) => m.id === meetingId);
    if (!meeting) throw new DomainError('INTERNAL_SERVER_ERROR', '会议记录读取失败');
    return meeting;
  }

  /** Unit codes that exist, trimmed; BAD_USER_INPUT naming the first that does not. */
  private async knownUnits(codes: string[], field: string): Promise<string[]> {
    const trimmed = codes.map((c) => c.trim()).filter((c) => c !== '');
    const known = await this.unitsOf(trimmed);
    const unknown = trimmed.find((c) => !known.has(c));
    if (unknown) throw new DomainError('BAD_USER_INPUT', `单位「${unknown}」不存在`, field);
    return [...new Set(trimmed)];
  }

  /** Role and phase refused before any fact is read; the workflow's validator decides the rest. */
  private refuseEarly(state: CampaignState, actor: Actor, action: CampaignAction): void {
    const refused = check(state, actor, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  /** One action: an Update on the campaign's workflow. Refused actions write nothing; accepted ones one event. */
  private async perform(actor: Actor, campaign: CampaignView, state: CampaignState, command: CampaignCommand, expectedVersion?: number | null): Promise<CampaignView> {
    await this.actions.execute(campaignWorkflowId(campaign.id), campaignActionUpdate, {
      actor,
      command,
      expectedVersion,
      beforeUpdate: () => this.refuseEarly(state, actor, command.action),
      toError: campaignDomainError,
      // A campaign created after start-up: its clock starts now, then takes the action.
      startIfMissing: () => startCampaignClock(this.temporal, this.config.temporal.taskQueue, campaign),
    });
    return campaign;
  }
}
