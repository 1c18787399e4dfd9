// The only place SQL about meeting decisions lives: the meeting read from the campaign's event stream, the
// catalogue rows a decision's task is checked against, and the breakdown row a new task is recorded in.
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DATABASE } from '../platform/core/app.tokens';
import { campaignPolicy } from '../campaign/campaign.repository';
import type { Db } from '../platform/database/database';
import { DomainError } from '../platform/errors/domain-error';
import { taskAssignmentRow, type TaskAssignment } from '../task-breakdown/task-breakdown.repository';
import type { TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';

@Injectable()
export class MeetingDecisionRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The data of the campaign's CampaignMeetingRecorded event for this meeting, if recorded. */
  async meeting(campaignId: string, meetingId: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `campaign:${campaignId}`)
      .where('type', '=', 'CampaignMeetingRecorded')
      .where(sql<boolean>`data->>'meetingId' = ${meetingId}`)
      .executeTakeFirst();
    return row?.data;
  }

  async indicator(code: string): Promise<{ code: string } | undefined> {
    return this.db.selectFrom('indicators').select('code').where('code', '=', code).executeTakeFirst();
  }

  async unit(code: string): Promise<{ code: string } | undefined> {
    return this.db.selectFrom('units').select('code').where('code', '=', code).executeTakeFirst();
  }

  async policy(campaignId: string): Promise<TaskPolicy> {
    return campaignPolicy(this.db, campaignId);
  }

  /**
   * Records the task in the breakdown unless the unit already has one for the indicator (or the id is taken),
   * running `start` before the commit: if the start fails nothing is recorded.
   */
  async assignTask(a: TaskAssignment, start: () => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('task_assignments')
        .select('task_id')
        .where('campaign_id', '=', a.campaignId)
        .where((eb) => eb.or([eb.and([eb('indicator_code', '=', a.indicatorCode), eb('unit_code', '=', a.unitCode)]), eb('task_id', '=', a.taskId)]))
        .executeTakeFirst();
      if (taken) throw new DomainError('CONFLICT', `该单位已有指标「${a.indicatorCode}」的任务`, 'indicatorCode');
      await trx
        .insertInto('task_assignments')
        .values(taskAssignmentRow(a))
        .execute();
      await start();
    });
  }
}
