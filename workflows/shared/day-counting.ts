// How a campaign counts the days of its deadlines: calendar days (日历日, the meaning every existing policy
// has) or working days (工作日) by the official holiday and 调休 calendar with the office's own changes. Workflow
// code never holds that calendar: a task counting working days asks the addWorkingDays activity, whose answer
// is recorded in its history and in the event that sets the deadline.

export const DAY_COUNTINGS = ['CALENDAR', 'WORKING'] as const;
export type DayCounting = (typeof DAY_COUNTINGS)[number];

export const DAY_COUNTING_LABELS: Record<DayCounting, string> = { CALENDAR: '日历日', WORKING: '工作日' };

/** Absent in every policy written before working days: calendar days. */
export function countsWorkingDays(policy: { dayCounting?: DayCounting }): boolean {
  return policy.dayCounting === 'WORKING';
}

/** 「5 个工作日」/「5 天」, as the card and the settings page show a count of days. */
export function daysLabel(days: number, counting: DayCounting | undefined): string {
  return counting === 'WORKING' ? `${days} 个工作日` : `${days} 天`;
}
