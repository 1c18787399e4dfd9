// Working-day deadlines for workflows that count working days: the holiday and 调休 calendar (chinese-days) with
// the office's overrides read from PostgreSQL at the moment of asking, so an override imported today applies to
// every deadline counted from now on. The answer is recorded in the workflow's history (and in the event that
// sets the deadline), so replays never ask again. Read-only: safe to run twice.
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/platform/database/database';
import { DomainError } from '../src/platform/errors/domain-error';
import { WorkingDayCalendar } from '../src/working-days/working-day-calendar';
import { loadOverrides } from '../src/working-days/working-days.repository';

export interface AddWorkingDaysInput {
  /** The instant counted from (ISO); its Shanghai date is day 0. */
  from: string;
  /** Each count of working days wanted. */
  days: number[];
}

export function createWorkingDayActivities(deps: { db: Db }) {
  return {
    /** For each count, the end (23:59:59 Asia/Shanghai) of the working day that many working days after `from`. */
    async addWorkingDays({ from, days }: AddWorkingDaysInput): Promise<string[]> {
      const overrides = await loadOverrides(deps.db);
      const calendar = new WorkingDayCalendar(new Map(overrides.map((o) => [o.date, o.workday])));
      try {
        return days.map((n) => calendar.addWorkingDays(from, n));
      } catch (err) {
        if (err instanceof DomainError) throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
        throw err;
      }
    },
  };
}

export type WorkingDayActivities = ReturnType<typeof createWorkingDayActivities>;
