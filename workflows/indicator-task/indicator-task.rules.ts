// Rules of an indicator task that both sides of the lifecycle follow: the stage a classification leads to, each
// stage's deadline, the re-check interval, the archive's materials, and whether the unit owes work now (which
// the escalation ladder of indicator-task.schedule.ts runs on). Pure; time comes in as an argument.
import { assertNever } from '../shared/assert-never';
import { addMs, DAY, earlier } from '../shared/time';
import { DEFAULT_TASK_POLICY, PACKAGE_MATERIAL, type ArchiveMaterialState, type Classification, type CountedDeadlines, type IndicatorTaskState, type Stage, type TaskPolicy } from './indicator-task.types';

/** Stages in which the unit owes work against a deadline: the ones that escalate and can be extended. */
export const UNIT_DEADLINE_STAGES: readonly Stage[] = ['SELF_CHECK', 'RECTIFICATION', 'ARCHIVING'];

/** The stage a confirmed classification leads to (工作重点 二). */
export function stageAfterClassification(classification: Classification): Stage {
  switch (classification) {
    case 'MET':
    case 'RELAPSE_PRONE':
      return 'CONSOLIDATION';
    case 'NOT_MET':
      return 'RECTIFICATION';
    case 'UNKNOWN':
      return 'MOCK_ASSESSMENT';
    default:
      return assertNever(classification);
  }
}

/** Whether the unit owes work against the stage's deadline now: the ladder runs only then. */
export function unitOwesWork(state: IndicatorTaskState): boolean {
  if (!UNIT_DEADLINE_STAGES.includes(state.stage) || state.stageDueAt === null) return false;
  // Archiving: the unit owes work while any material is missing or returned, whatever is under review.
  if (state.stage === 'ARCHIVING' && (state.awaitingReview === null || state.awaitingReview === 'ARCHIVE_REVIEW')) {
    return archiveOf(state).some((m) => m.status === 'MISSING' || m.status === 'RETURNED');
  }
  return state.awaitingReview === null;
}

export function newMaterial(m: { code: string; name: string }): ArchiveMaterialState {
  return { code: m.code, name: m.name, status: 'MISSING', file: null, note: '', submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, returnReason: null };
}

/**
 * The materials of a task's archive. A state carried over from before per-material review (no `archive`) is
 * archiving one package, handed in when it was awaiting review.
 */
export function archiveOf(state: IndicatorTaskState): ArchiveMaterialState[] {
  if (state.archive) return state.archive;
  if (state.stage !== 'ARCHIVING') return [];
  const handedIn = state.awaitingReview === 'ARCHIVE_REVIEW';
  return [{ ...newMaterial(PACKAGE_MATERIAL), status: handedIn ? 'SUBMITTED' : 'MISSING', submittedBy: handedIn ? state.submittedBy : null }];
}

export function recheckInterval(policy: TaskPolicy, classification: Classification | null): number {
  return (classification === 'RELAPSE_PRONE' ? policy.recheckDays.relapseProne : policy.recheckDays.other) * DAY;
}

/** The next re-check from `at`: counted in working days when the event says so, else the calendar interval. */
export function nextRecheck(policy: TaskPolicy, classification: Classification | null, at: string, counted: CountedDeadlines | null | undefined): string {
  if (counted) return classification === 'RELAPSE_PRONE' ? counted.recheckRelapseProne : counted.recheckOther;
  return addMs(at, recheckInterval(policy, classification));
}

/** Every count of days a stage entered at one moment may need: what a working-day task asks the calendar for. */
export function countedDays(policy: TaskPolicy): number[] {
  return [policy.selfCheckDays, policy.rectificationDays ?? DEFAULT_TASK_POLICY.rectificationDays, policy.mockAssessmentDays, policy.recheckDays.relapseProne, policy.recheckDays.other];
}

/** The calendar's answers to countedDays, in the same order, as the event records them. */
export function countedDeadlines(answers: readonly string[]): CountedDeadlines {
  const [selfCheck, rectification, mockAssessment, recheckRelapseProne, recheckOther] = answers;
  return { selfCheck, rectification, mockAssessment, recheckRelapseProne, recheckOther };
}

/**
 * The deadline of `stage` entered at `at`, from the task's due date and the campaign's rules of time; a task
 * counting working days measures its windows by the deadlines counted when the stage was entered.
 */
export function stageDeadline(state: IndicatorTaskState, stage: Stage, at: string): string | null {
  const { policy } = state;
  const counted = state.countedDeadlines ?? null;
  switch (stage) {
    case 'SELF_CHECK':
      return earlier(state.dueAt, counted?.selfCheck ?? addMs(at, policy.selfCheckDays * DAY));
    case 'RECTIFICATION':
      // Rectification keeps the task's due date; entered after it (a relapse), the unit gets a fresh window.
      return Date.parse(state.dueAt) > Date.parse(at)
        ? state.dueAt
        : (counted?.rectification ?? addMs(at, (policy.rectificationDays ?? DEFAULT_TASK_POLICY.rectificationDays) * DAY));
    case 'MOCK_ASSESSMENT':
      return counted?.mockAssessment ?? addMs(at, policy.mockAssessmentDays * DAY);
    case 'ARCHIVING':
      return policy.archiveDueAt ?? state.dueAt;
    case 'CONSOLIDATION':
    case 'ARCHIVED':
      return null;
    default:
      return assertNever(stage);
  }
}
