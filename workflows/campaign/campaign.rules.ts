// Rules of the campaign's clock that its decisions, its fold and its schedule share: the order of the phases,
// the archive gate, a full phase plan, and what the monthly cadence requires. Pure.
import { CADENCE_LABELS } from './campaign.labels';
import { CADENCE_MINIMUM, CADENCE_REQUIREMENTS, PHASES, type ArchiveFacts, type CadenceRequirement, type CadenceResult, type MonthTally, type Phase, type PhasePlan } from './campaign.types';

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The phase after `phase`, null after the last. */
export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i < PHASES.length - 1 ? PHASES[i + 1] : null;
}

/** Whether the archive is complete: every indicator task of the campaign archived. */
export function archiveComplete(archive: ArchiveFacts): boolean {
  return archive.archived >= archive.tasks;
}

/** A plan with every phase, null where `plan` has none. */
export function fullPlan(plan: Partial<PhasePlan>): PhasePlan {
  return Object.fromEntries(PHASES.map((p) => [p, plan[p] ?? null])) as PhasePlan;
}

export const EMPTY_TALLY: MonthTally = { visits: 0, jointMeetings: 0, coordinationMeetings: 0, hearings: 0 };

/**
 * What the plan requires of a month and what is missing from `tally`. `requirements`: all of them, unless a check
 * recorded before issue 20 replays (it required only the visits and the joint meeting).
 */
export function shortfalls(tally: MonthTally, requirements: readonly CadenceRequirement[] = CADENCE_REQUIREMENTS): CadenceResult['shortfalls'] {
  const recorded: Record<CadenceRequirement, number> = {
    SUPERVISION_VISIT: tally.visits,
    JOINT_MEETING: tally.jointMeetings,
    COORDINATION_MEETING: tally.coordinationMeetings,
    UNIT_REPORT_HEARING: tally.hearings ?? 0,
  };
  return requirements.filter((r) => recorded[r] < CADENCE_MINIMUM[r]).map((r) => ({ requirement: r, required: CADENCE_MINIMUM[r], recorded: recorded[r] }));
}

/** One line per shortfall, for people: 现场督查 1 次（要求每月 2 次以上）. */
export function describeShortfalls(missing: CadenceResult['shortfalls']): string {
  return missing.map((m) => `${CADENCE_LABELS[m.requirement]} ${m.recorded} 次（要求每月 ${m.required} 次以上）`).join('；');
}
