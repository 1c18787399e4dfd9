// 绩效考核 from the event history alone: one pass over a campaign's events, in position order, counts for every
// responsible unit what it handed in on time or late, what is overdue, relapses, returns and escalations, for
// any number of periods at once (the assessment's period and each week of the 红黑榜). Pure: the repository
// feeds it events in batches, so memory grows with the number of streams and periods, never with the events.
//
// Both kinds of stream are folded with the live projections' own folds: indicator tasks with `foldCard` (the
// lifecycle's `evolve`), so a deadline is the stage due date the task had at that moment; rectification items
// with `foldItemCard` (`evolveItem`), so an item's unit and due date are those of ItemDispatched,
// ItemExtensionApproved and a failed re-check, and ItemDispatchReturnApproved takes the item from its unit.
import type { StoredEvent } from '../platform/event-store/event-store.types';
import { foldCard, isIndicatorTaskStream } from '../platform/projections/indicator-task-card.projection';
import { unitOwesWork } from '../../workflows/indicator-task/indicator-task.rules';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../workflows/shared/escalation';
import type { IndicatorTaskState } from '../../workflows/indicator-task/indicator-task.types';
import { foldItemCard, isRectificationItemStream } from '../platform/projections/rectification-item-card.projection';
import { itemUnitOwesWork } from '../../workflows/rectification-item/rectification-item.schedule';
import type { PerformanceCounts } from './performance-score';
import { pendingDecision, type AccountabilityDecisionState, type AccountabilityForm } from '../../workflows/shared/accountability';

/** A period, both ends included, in epoch milliseconds. */
export interface Period {
  from: number;
  to: number;
}

/** A 问责 decision approved in the period, as the assessment lists it. */
export interface ApprovedDecision {
  streamId: string;
  kind: 'task' | 'item';
  holdsUnit: boolean;
  persons: { login: string; displayName: string }[];
  form: AccountabilityForm;
  formNote: string;
  reason: string;
  approvedAt: string;
}

export interface UnitCounts extends PerformanceCounts {
  unitCode: string;
  accountabilityDecisions: number;
  /** The approved decisions counted, in the order they were approved. */
  decisions: ApprovedDecision[];
  /** Indicator tasks and rectification items the unit was responsible for at the end of the period. */
  tasks: number;
  items: number;
}

/** Task events by which a unit hands work in against the stage's deadline. */
const TASK_HAND_INS = new Set(['SelfCheckSubmitted', 'RectificationSubmitted', 'ArchiveMaterialSubmitted', 'ArchiveSubmitted']);
/** Task events by which a reviewer sends the unit's work back. */
const TASK_RETURNS = new Set(['SelfCheckReturned', 'RectificationReturned', 'ArchiveMaterialReturned', 'ArchiveReturned']);

type Track =
  | { kind: 'task'; card: ReturnType<typeof foldCard> | undefined; next: number }
  | { kind: 'item'; card: ReturnType<typeof foldItemCard> | undefined; next: number };

function emptyCounts(unitCode: string): UnitCounts {
  return {
    unitCode,
    tasks: 0,
    items: 0,
    handedInOnTime: 0,
    handedInLate: 0,
    overdue: 0,
    relapses: 0,
    returns: 0,
    escalations: { REMINDER: 0, URGE: 0, SUPERVISE: 0, INTERVIEW: 0, ACCOUNTABILITY: 0 },
    accountabilityDecisions: 0,
    decisions: [],
  };
}

function isEscalationLevel(value: unknown): value is EscalationLevel {
  return typeof value === 'string' && (ESCALATION_LEVELS as readonly string[]).includes(value);
}

/** Whether an item or task stream of any campaign: the fold ignores every other stream. */
export function isReportStream(streamId: string): boolean {
  return isIndicatorTaskStream(streamId) || isRectificationItemStream(streamId);
}

/**
 * Counts per unit for each period. Push every event of the campaign up to the latest period's end, in position
 * order (each stream in its version order), then call `finish` once.
 */
export class PerformanceFold {
  private readonly streams = new Map<string, Track>();
  /** Distinct period ends, ascending, and the periods ending at each. */
  private readonly ends: number[];
  private readonly periodsAt: number[][];
  private readonly counts: Map<string, UnitCounts>[];

  constructor(private readonly periods: readonly Period[]) {
    this.ends = [...new Set(periods.map((p) => p.to))].sort((a, b) => a - b);
    this.periodsAt = this.ends.map((end) => periods.flatMap((p, i) => (p.to === end ? [i] : [])));
    this.counts = periods.map(() => new Map());
  }

  push(event: StoredEvent): void {
    const at = event.occurredAt.getTime();
    let track = this.streams.get(event.streamId);
    if (!track) {
      if (!isReportStream(event.streamId)) return;
      // Periods that ended before the stream began never saw it.
      const next = this.ends.findIndex((end) => end >= at);
      track = isIndicatorTaskStream(event.streamId)
        ? { kind: 'task', card: undefined, next: next < 0 ? this.ends.length : next }
        : { kind: 'item', card: undefined, next: next < 0 ? this.ends.length : next };
      this.streams.set(event.streamId, track);
    }
    // Periods that ended between the stream's previous event and this one see the stream as it stood then.
    while (track.next < this.ends.length && this.ends[track.next] < at) this.snapshot(track, track.next++);
    if (track.kind === 'task') this.applyTask(track, event, at);
    else this.applyItem(track, event, at);
  }

  /** Counts per period, in the order the periods were given; each map holds every unit seen in that period. */
  finish(): Map<string, UnitCounts>[] {
    for (const track of this.streams.values()) {
      while (track.next < this.ends.length) this.snapshot(track, track.next++);
    }
    return this.counts;
  }

  private unit(periodIndex: number, unitCode: string): UnitCounts {
    const map = this.counts[periodIndex];
    let c = map.get(unitCode);
    if (!c) map.set(unitCode, (c = emptyCounts(unitCode)));
    return c;
  }

  /** Adds to every period the instant `at` falls in. */
  private count(at: number, unitCode: string | null, add: (c: UnitCounts) => void): void {
    if (unitCode === null || unitCode === '') return;
    this.periods.forEach((p, i) => {
      if (at >= p.from && at <= p.to) add(this.unit(i, unitCode));
    });
  }

  /** The stream at the end of the periods ending at ends[endIndex]: whose it is, and whether it is overdue. */
  private snapshot(track: Track, endIndex: number): void {
    const end = this.ends[endIndex];
    let unitCode: string | null;
    let overdue: boolean;
    if (track.kind === 'task') {
      const state = track.card?.state;
      if (!state) return;
      unitCode = state.unitCode;
      overdue = unitOwesWork(state) && state.stageDueAt !== null && Date.parse(state.stageDueAt) < end;
    } else {
      const state = track.card?.state;
      if (!state) return;
      unitCode = state.unitCode;
      overdue = itemUnitOwesWork(state) && state.dueAt !== null && Date.parse(state.dueAt) < end;
    }
    if (!unitCode) return;
    for (const i of this.periodsAt[endIndex]) {
      const c = this.unit(i, unitCode);
      if (track.kind === 'task') c.tasks += 1;
      else c.items += 1;
      if (overdue) c.overdue += 1;
    }
  }

  private handIn(at: number, unitCode: string | null, dueAt: string | null): void {
    if (dueAt === null) return; // work without a deadline is neither on time nor late
    const onTime = at <= Date.parse(dueAt);
    this.count(at, unitCode, (c) => (onTime ? (c.handedInOnTime += 1) : (c.handedInLate += 1)));
  }

  private applyTask(track: Extract<Track, { kind: 'task' }>, event: StoredEvent, at: number): void {
    const before: IndicatorTaskState | undefined = track.card?.state;
    track.card = foldCard(track.card, event);
    if (!before) return; // IndicatorTaskCreated: nothing handed in yet
    const unitCode = before.unitCode;
    if (TASK_HAND_INS.has(event.type)) this.handIn(at, unitCode, before.stageDueAt);
    else if (TASK_RETURNS.has(event.type)) this.count(at, unitCode, (c) => (c.returns += 1));
    else if (event.type === 'RecheckRecorded' && event.data.passed === false) this.count(at, unitCode, (c) => (c.relapses += 1));
    else if (event.type === 'DeadlineEscalated') this.escalated(at, unitCode, event.data.level);
    else if (event.type === 'AccountabilityApproved') this.decided(at, event, 'task', pendingDecision(before.accountability));
  }

  /** An approved 问责 decision counts against the unit it names, when it was approved. */
  private decided(at: number, event: StoredEvent, kind: 'task' | 'item', decision: AccountabilityDecisionState | null): void {
    if (!decision) return;
    const approved: ApprovedDecision = {
      streamId: event.streamId,
      kind,
      holdsUnit: decision.unit,
      persons: decision.persons,
      form: decision.form,
      formNote: decision.formNote,
      reason: decision.reason,
      approvedAt: new Date(at).toISOString(),
    };
    this.count(at, decision.unitCode, (c) => {
      c.accountabilityDecisions += 1;
      c.decisions.push(approved);
    });
  }

  private applyItem(track: Extract<Track, { kind: 'item' }>, event: StoredEvent, at: number): void {
    const before = track.card?.state;
    track.card = foldItemCard(track.card, event);
    if (!before) return; // ItemReported: nobody has it yet
    switch (event.type) {
      case 'ItemSubmitted':
        this.handIn(at, before.unitCode, before.dueAt);
        return;
      case 'ItemReturned':
        this.count(at, before.unitCode, (c) => (c.returns += 1));
        return;
      case 'ItemRecheckRecorded':
        if (event.data.passed === false) this.count(at, before.unitCode, (c) => (c.relapses += 1));
        return;
      case 'DeadlineEscalated':
        this.escalated(at, before.unitCode, event.data.level);
        return;
      case 'AccountabilityApproved':
        this.decided(at, event, 'item', pendingDecision(before.accountability));
        return;
      default:
        return;
    }
  }

  private escalated(at: number, unitCode: string | null, level: unknown): void {
    if (isEscalationLevel(level)) this.count(at, unitCode, (c) => (c.escalations[level] += 1));
  }
}
