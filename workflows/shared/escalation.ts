// The escalation ladder every kind with a deadline climbs (提醒 → 催办 → 督办 → 约谈 → 问责): when each step is
// taken and who is told. Indicator tasks and rectification items differ only in their policy's hours.
import type { Role } from './actor.types';
import { HOUR } from './time';

/** 提醒 → 催办 → 督办 → 约谈 → 问责: the steps taken as a deadline approaches and passes. */
export const ESCALATION_LEVELS = ['REMINDER', 'URGE', 'SUPERVISE', 'INTERVIEW', 'ACCOUNTABILITY'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** The hours of a ladder: before the deadline for the reminder, after it for every later step. */
export interface EscalationPolicy {
  reminderBeforeHours: number;
  escalationAfterHours: Record<Exclude<EscalationLevel, 'REMINDER'>, number>;
}

/** Who is told at each step: the unit first, then its head, then the leading group (plan 六(一)). */
export const ESCALATION_NOTIFY: Record<EscalationLevel, Role[]> = {
  REMINDER: ['UNIT_MEMBER', 'UNIT_HEAD'],
  URGE: ['UNIT_MEMBER', 'UNIT_HEAD'],
  SUPERVISE: ['UNIT_HEAD', 'SUPERVISOR'],
  INTERVIEW: ['UNIT_HEAD', 'LEADER'],
  ACCOUNTABILITY: ['LEADER', 'OFFICE'],
};

/** When the ladder takes `level` for a deadline `dueAt`. */
export function ladderStepAt(policy: EscalationPolicy, level: EscalationLevel, dueAt: string): string {
  const due = Date.parse(dueAt);
  const offset = level === 'REMINDER' ? -policy.reminderBeforeHours * HOUR : policy.escalationAfterHours[level] * HOUR;
  return new Date(due + offset).toISOString();
}

/** The next step above `taken` for a deadline `dueAt`, or null at the top of the ladder. */
export function nextLadderStep(policy: EscalationPolicy, taken: EscalationLevel | null, dueAt: string, now: string): { level: EscalationLevel; at: string } | null {
  const from = taken === null ? -1 : ESCALATION_LEVELS.indexOf(taken);
  for (const level of ESCALATION_LEVELS.slice(from + 1)) {
    // A reminder after the deadline has passed says nothing: go straight to urging.
    if (level === 'REMINDER' && Date.parse(now) >= Date.parse(dueAt)) continue;
    return { level, at: ladderStepAt(policy, level, dueAt) };
  }
  return null;
}
