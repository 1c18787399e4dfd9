// The leading group's monthly report (每月专题汇报) from the facts an activity read in PostgreSQL: progress by
// assessment item and by unit (tasks per stage, 达标 rate), overdue work, relapses and escalations in the month,
// rectification items, and the month's cadence of visits and meetings. Pure: the same facts give the same report.
import { ESCALATION_LABELS, STAGE_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import { unitOwesWork } from '../../workflows/indicator-task/indicator-task.rules';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../workflows/shared/escalation';
import { STAGES, type IndicatorTaskState, type Stage } from '../../workflows/indicator-task/indicator-task.types';
import { daysBetween, localDate } from '../../workflows/campaign/campaign.calendar';
import { CADENCE_LABELS, PHASE_LABELS } from '../../workflows/campaign/campaign.labels';
import { EMPTY_TALLY, shortfalls } from '../../workflows/campaign/campaign.rules';
import type { CadenceRequirement, CadenceResult, CampaignState, Phase } from '../../workflows/campaign/campaign.types';
import { ITEM_STATE_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import { UNIT_WORK_STATES } from '../../workflows/rectification-item/rectification-item.types';

/** Stages in which an indicator has met the standard (达标): confirmed, rectified, or passed a mock assessment. */
export const MET_STAGES: readonly Stage[] = ['CONSOLIDATION', 'ARCHIVING', 'ARCHIVED'];

/** States in which a unit owes the fix of an item against its due date. */
const ITEM_OWED_STATES: readonly string[] = UNIT_WORK_STATES;

export interface ReportCard {
  taskId: string;
  indicatorCode: string;
  indicatorName: string;
  itemCode: string;
  itemName: string;
  unitCode: string;
  unitName: string;
  state: IndicatorTaskState;
}

export interface ReportItem {
  itemId: string;
  state: string;
  area: string | null;
  unitCode: string | null;
  dueAt: string | null;
  escalationLevel: string | null;
  relapseCount: number;
}

/** An event of the month on a task's or an item's stream. */
export interface ReportEvent {
  streamId: string;
  kind: 'TASK' | 'ITEM';
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface ReportFacts {
  campaign: { id: string; name: string; inspectionDate: string; timeZone: string };
  month: string;
  period: { from: string; to: string };
  /** When the report is generated: the snapshot of the cards is as of now. */
  generatedAt: string;
  clock: CampaignState | null;
  /** What the cadence step found; computed from the clock's state when absent. */
  cadence: CadenceResult | null;
  cards: ReportCard[];
  units: { code: string; name: string }[];
  items: ReportItem[];
  /** DeadlineEscalated and re-check events in [period.from, period.to). */
  events: ReportEvent[];
  areaLabels: Record<string, string>;
}

export interface StageCount {
  stage: Stage;
  label: string;
  count: number;
}

export interface ProgressRow {
  code: string;
  name: string;
  tasks: number;
  stages: StageCount[];
  /** Tasks that have met the standard (达标): in consolidation, archiving or archived. */
  met: number;
  /** met / tasks as a percentage with one decimal; 0 without tasks. */
  metRate: number;
  overdue: number;
}

export interface UnitProgressRow extends ProgressRow {
  relapses: number;
  escalations: number;
  openItems: number;
  overdueItems: number;
}

export interface OverdueTask {
  taskId: string;
  indicatorCode: string;
  indicatorName: string;
  unitCode: string;
  unitName: string;
  stage: Stage;
  stageLabel: string;
  stageDueAt: string;
  daysOverdue: number;
  escalationLevel: EscalationLevel | null;
  escalationLabel: string | null;
}

export interface RelapseEntry {
  kind: 'TASK' | 'ITEM';
  id: string;
  unitCode: string | null;
  unitName: string | null;
  indicatorCode: string | null;
  indicatorName: string | null;
  at: string;
  note: string;
}

export interface EscalationCount {
  level: EscalationLevel;
  label: string;
  tasks: number;
  items: number;
}

export interface MonthlyReportContent {
  schemaVersion: 1;
  campaignId: string;
  campaignName: string;
  month: string;
  period: { from: string; to: string };
  timeZone: string;
  generatedAt: string;
  phase: Phase;
  phaseLabel: string;
  inspectionDate: string;
  daysToInspection: number;
  cadence: {
    month: string;
    visits: number;
    jointMeetings: number;
    coordinationMeetings: number;
    /** The leading group's hearings of the units' reports; absent from reports generated before issue 20. */
    hearings?: number;
    met: boolean;
    ended: boolean;
    flagged: boolean;
    shortfalls: { requirement: CadenceRequirement; label: string; required: number; recorded: number }[];
  };
  totals: ProgressRow;
  byItem: ProgressRow[];
  byUnit: UnitProgressRow[];
  overdue: OverdueTask[];
  relapses: { tasks: number; items: number; entries: RelapseEntry[] };
  escalations: { total: number; levels: EscalationCount[] };
  rectificationItems: {
    total: number;
    open: number;
    closed: number;
    overdue: number;
    escalated: number;
    relapses: number;
    byState: { state: string; label: string; count: number }[];
    byArea: { area: string; label: string; count: number }[];
  };
}

/** Whether someone owes work on a task against its stage's deadline: the unit, or the supervisors' mock assessment. */
function owesWork(state: IndicatorTaskState): boolean {
  return unitOwesWork(state) || (state.stage === 'MOCK_ASSESSMENT' && state.stageDueAt !== null);
}

export function isOverdue(state: IndicatorTaskState, asOf: string): boolean {
  return state.stageDueAt !== null && Date.parse(state.stageDueAt) < Date.parse(asOf) && owesWork(state);
}

function rate(met: number, tasks: number): number {
  return tasks === 0 ? 0 : Math.round((met / tasks) * 1000) / 10;
}

function progress(code: string, name: string, cards: readonly ReportCard[], asOf: string): ProgressRow {
  const stages = STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: cards.filter((c) => c.state.stage === stage).length }));
  const met = cards.filter((c) => MET_STAGES.includes(c.state.stage)).length;
  return { code, name, tasks: cards.length, stages, met, metRate: rate(met, cards.length), overdue: cards.filter((c) => isOverdue(c.state, asOf)).length };
}

function groupBy<T>(values: readonly T[], key: (v: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const v of values) out.set(key(v), [...(out.get(key(v)) ?? []), v]);
  return out;
}

/** Codes as people sort them: A2 before A10. */
function byCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function buildMonthlyReport(f: ReportFacts): MonthlyReportContent {
  const asOf = f.generatedAt;
  const unitName = new Map(f.units.map((u) => [u.code, u.name]));
  const cardByTask = new Map(f.cards.map((c) => [c.taskId, c]));
  const itemById = new Map(f.items.map((i) => [i.itemId, i]));

  // Cadence: what the check step found, or the clock's own record when the report is built on its own.
  const tally = f.cadence?.tally ?? f.clock?.months[f.month] ?? EMPTY_TALLY;
  const missing = f.cadence?.shortfalls ?? shortfalls(tally);
  const cadence = {
    month: f.month,
    visits: tally.visits,
    jointMeetings: tally.jointMeetings,
    coordinationMeetings: tally.coordinationMeetings,
    hearings: tally.hearings ?? 0,
    met: missing.length === 0,
    ended: f.cadence?.ended ?? Date.parse(f.period.to) <= Date.parse(asOf),
    flagged: f.cadence?.flagged ?? (f.clock?.flagged[f.month]?.length ?? 0) > 0,
    shortfalls: missing.map((m) => ({ ...m, label: CADENCE_LABELS[m.requirement] })),
  };

  // Relapses and escalations reached in the month, each counted against the unit that holds the task or item now.
  const relapseEvents = f.events.filter(
    (e) => (e.kind === 'TASK' && e.type === 'RecheckRecorded' && e.data.passed === false) || (e.kind === 'ITEM' && e.type === 'ItemRecheckRecorded' && e.data.passed === false),
  );
  const escalationEvents = f.events.filter((e) => e.type === 'DeadlineEscalated' && ESCALATION_LEVELS.includes(e.data.level as EscalationLevel));
  const unitOf = (e: ReportEvent): string | null => (e.kind === 'TASK' ? (cardByTask.get(e.streamId)?.unitCode ?? null) : (itemById.get(e.streamId)?.unitCode ?? null));

  const relapses: RelapseEntry[] = relapseEvents.map((e) => {
    const card = e.kind === 'TASK' ? cardByTask.get(e.streamId) : undefined;
    const unit = unitOf(e);
    return {
      kind: e.kind,
      id: e.streamId,
      unitCode: unit,
      unitName: unit ? (unitName.get(unit) ?? unit) : null,
      indicatorCode: card?.indicatorCode ?? null,
      indicatorName: card?.indicatorName ?? null,
      at: e.occurredAt,
      note: typeof e.data.note === 'string' ? e.data.note : '',
    };
  });

  const byItem = [...groupBy(f.cards, (c) => c.itemCode).entries()]
    .sort(([a], [b]) => byCode(a, b))
    .map(([code, cards]) => progress(code, cards[0].itemName, cards, asOf));

  const unitCodes = new Set<string>([...f.cards.map((c) => c.unitCode), ...f.items.map((i) => i.unitCode).filter((u): u is string => u !== null)]);
  const cardsByUnit = groupBy(f.cards, (c) => c.unitCode);
  const openItems = f.items.filter((i) => i.state !== 'CLOSED');
  const itemOverdue = (i: ReportItem) => i.dueAt !== null && ITEM_OWED_STATES.includes(i.state) && Date.parse(i.dueAt) < Date.parse(asOf);
  const byUnit: UnitProgressRow[] = [...unitCodes].sort(byCode).map((code) => ({
    ...progress(code, unitName.get(code) ?? code, cardsByUnit.get(code) ?? [], asOf),
    relapses: relapseEvents.filter((e) => unitOf(e) === code).length,
    escalations: escalationEvents.filter((e) => unitOf(e) === code).length,
    openItems: openItems.filter((i) => i.unitCode === code).length,
    overdueItems: f.items.filter((i) => i.unitCode === code && itemOverdue(i)).length,
  }));

  const overdue: OverdueTask[] = f.cards
    .filter((c) => isOverdue(c.state, asOf))
    .map((c) => ({
      taskId: c.taskId,
      indicatorCode: c.indicatorCode,
      indicatorName: c.indicatorName,
      unitCode: c.unitCode,
      unitName: c.unitName,
      stage: c.state.stage,
      stageLabel: STAGE_LABELS[c.state.stage],
      stageDueAt: c.state.stageDueAt!,
      daysOverdue: daysBetween(localDate(c.state.stageDueAt!, f.campaign.timeZone), localDate(asOf, f.campaign.timeZone)),
      escalationLevel: c.state.escalationLevel,
      escalationLabel: c.state.escalationLevel ? ESCALATION_LABELS[c.state.escalationLevel] : null,
    }))
    .sort((a, b) => Date.parse(a.stageDueAt) - Date.parse(b.stageDueAt) || byCode(a.taskId, b.taskId));

  const levels: EscalationCount[] = ESCALATION_LEVELS.map((level) => ({
    level,
    label: ESCALATION_LABELS[level],
    tasks: escalationEvents.filter((e) => e.kind === 'TASK' && e.data.level === level).length,
    items: escalationEvents.filter((e) => e.kind === 'ITEM' && e.data.level === level).length,
  }));

  const states = [...new Set([...Object.keys(ITEM_STATE_LABELS), ...f.items.map((i) => i.state)])];
  const areas = [...new Set(f.items.map((i) => i.area ?? ''))].sort();
  const phase = f.clock?.phase ?? 'MOBILIZATION';

  return {
    schemaVersion: 1,
    campaignId: f.campaign.id,
    campaignName: f.campaign.name,
    month: f.month,
    period: f.period,
    timeZone: f.campaign.timeZone,
    generatedAt: f.generatedAt,
    phase,
    phaseLabel: PHASE_LABELS[phase],
    inspectionDate: f.campaign.inspectionDate,
    daysToInspection: daysBetween(localDate(asOf, f.campaign.timeZone), f.campaign.inspectionDate),
    cadence,
    totals: progress('ALL', '全部', f.cards, asOf),
    byItem,
    byUnit,
    overdue,
    relapses: { tasks: relapses.filter((r) => r.kind === 'TASK').length, items: relapses.filter((r) => r.kind === 'ITEM').length, entries: relapses },
    escalations: { total: escalationEvents.length, levels },
    rectificationItems: {
      total: f.items.length,
      open: openItems.length,
      closed: f.items.length - openItems.length,
      overdue: f.items.filter(itemOverdue).length,
      escalated: openItems.filter((i) => i.escalationLevel !== null).length,
      relapses: f.items.reduce((sum, i) => sum + i.relapseCount, 0),
      byState: states.map((state) => ({ state, label: (ITEM_STATE_LABELS as Record<string, string>)[state] ?? state, count: f.items.filter((i) => i.state === state).length })),
      byArea: areas.map((area) => ({ area, label: area === '' ? '未分领域' : (f.areaLabels[area] ?? area), count: f.items.filter((i) => (i.area ?? '') === area).length })),
    },
  };
}
