// 牵头单位召集 (plan 四: the lead unit coordinates the responsible units of its indicators). The meeting is one event
// on the campaign's clock, whose validator holds it to what the caller's unit leads; everything a decision needs is
// checked before that, so that a refused meeting writes nothing. Then each decision becomes work through the path
// that already exists for it: a unit to act gets a rectification item (RectificationItemService.report, under the
// key made from the meeting and the decision, dispatched to it), a task gets a comment (the task's ADD_COMMENT).
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { isUnitRole } from '../auth/access-policy';
import type { LedTask } from '../campaign-clock/campaign-clock.repository';
import { CampaignClockService } from '../campaign-clock/campaign-clock.service';
import { IndicatorTaskService } from '../indicator-task/indicator-task.service';
import { DomainError } from '../platform/errors/domain-error';
import { RectificationItemService } from '../rectification-item/rectification-item.service';
import { isLocalDate, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import type { MeetingDecision } from '../../workflows/campaign/campaign.types';
import { validLocation } from '../../workflows/rectification-item/rectification-item.decide';
import { meetingDecisionItemKey } from '../../workflows/rectification-item/rectification-item.messages';
import { ITEM_AREAS, type ItemArea, type ItemLocation } from '../../workflows/rectification-item/rectification-item.types';
import type { Actor } from '../../workflows/shared/actor.types';

export const LEAD_DECISIONS_MAX = 20;
export const LEAD_DECISION_TEXT_MAX = 500;

export interface LeadDecisionInput {
  text: string;
  unitCode?: string | null;
  dueDate?: string | null;
  area?: ItemArea | null;
  location?: ItemLocation | null;
  taskId?: string | null;
}

export interface LeadMeetingInput {
  campaignId?: string | null;
  date: string;
  title: string;
  attendees: string[];
  unitCodes: string[];
  minutes: string;
  decisions?: LeadDecisionInput[] | null;
}

/** A decision checked and ready to become work. */
type Planned =
  | { kind: 'ITEM'; text: string; unitCode: string; dueDate: string | null; dueAt: string | null; area: ItemArea; location: ItemLocation }
  | { kind: 'COMMENT'; text: string; taskId: string };

@Injectable()
export class LeadUnitMeetingService {
  private readonly log = new Logger('LeadUnitMeeting');

  constructor(
    private readonly clock: CampaignClockService,
    private readonly items: RectificationItemService,
    private readonly tasks: IndicatorTaskService,
  ) {}

  async record(actor: Actor, input: LeadMeetingInput) {
    if (!isUnitRole(actor.role) || !actor.unitCode) throw new DomainError('FORBIDDEN', '只有牵头单位的人员可以召集牵头单位协调会');
    const campaign = await this.clock.campaign(input.campaignId);
    const decisions = input.decisions ?? [];
    if (decisions.length > LEAD_DECISIONS_MAX) throw new DomainError('BAD_USER_INPUT', `议定事项最多${LEAD_DECISIONS_MAX}项`, 'decisions');
    const tasks = await this.clock.ledTasks(actor, campaign);
    const led = new Map(tasks.map((t) => [t.taskId, t]));
    if (led.size === 0) throw new DomainError('FORBIDDEN', '本单位不是本次创文任何指标的牵头单位，不能召集牵头单位协调会');
    const now = Date.now();
    const planned: Planned[] = decisions.map((d, i) => this.plan(d, i + 1, campaign.timeZone, led, now));

    const meetingId = randomUUID();
    const recorded = planned.map(
      (p): MeetingDecision => (p.kind === 'ITEM' ? { text: p.text, unitCode: p.unitCode, dueDate: p.dueDate } : { text: p.text, unitCode: null, dueDate: null, taskId: p.taskId }),
    );
    const meeting = await this.clock.recordLeadMeeting(
      actor,
      campaign,
      { meetingId, date: input.date.trim(), title: input.title, attendees: input.attendees, unitCodes: input.unitCodes.map((c) => c.trim()), minutes: input.minutes, decisions: recorded },
      tasks,
    );

    // The meeting stands; each decision becomes work now. The item's key makes a repeat harmless.
    const heading = `【牵头单位协调会「${meeting.title}」${meeting.date} 议定】`;
    const failed: string[] = [];
    for (const [index, p] of planned.entries()) {
      try {
        if (p.kind === 'ITEM') {
          await this.items.report(
            actor,
            {
              campaignId: campaign.id,
              source: 'LEAD_UNIT_MEETING',
              area: p.area,
              location: p.location,
              description: `${heading}${p.text}`,
              unitCode: p.unitCode,
              dueAt: p.dueAt,
              reportingUnitCode: actor.unitCode,
            },
            meetingDecisionItemKey(meetingId, index),
          );
        } else {
          await this.tasks.perform(actor, p.taskId, { action: 'ADD_COMMENT', text: `${heading}${p.text}` });
        }
      } catch (err) {
        this.log.warn(`meeting ${meetingId} decision ${index + 1}: ${err instanceof Error ? err.message : String(err)}`);
        failed.push(`第 ${index + 1} 项（${err instanceof DomainError ? err.message : '服务暂时不可用'}）`);
      }
    }
    if (failed.length > 0) {
      throw new DomainError(
        'UNAVAILABLE',
        `会议已记录（${meeting.date}「${meeting.title}」），但${failed.join('、')}未能转办；交办事项可由创建办在会议记录中「转为整改问题」补办，对任务的意见请在任务中重新填写`,
      );
    }
    return meeting;
  }

  /** One decision checked against what the caller's unit leads, before anything is recorded. */
  private plan(d: LeadDecisionInput, n: number, timeZone: string, led: ReadonlyMap<string, LedTask>, now: number): Planned {
    const field = 'decisions';
    if (!d || typeof d.text !== 'string' || d.text.trim() === '') throw new DomainError('BAD_USER_INPUT', `请填写第 ${n} 项议定事项的内容`, field);
    const text = d.text.trim();
    if ([...text].length > LEAD_DECISION_TEXT_MAX) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项不能超过${LEAD_DECISION_TEXT_MAX}字`, field);
    const unitCode = d.unitCode?.trim() || null;
    const taskId = d.taskId?.trim() || null;
    if (unitCode && taskId) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项只能交办一个责任单位或对一项任务提出意见，不能同时填写`, field);
    if (taskId) {
      if (d.area || d.location || d.dueDate) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项是对任务的意见，不填领域、地点和时限`, field);
      const task = led.get(taskId);
      if (!task) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项的任务「${taskId.slice(0, 100)}」不是本单位牵头的任务`, field);
      if (task.stage === 'ARCHIVED') throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项的任务已归档，不能再提意见`, field);
      return { kind: 'COMMENT', text, taskId };
    }
    if (!unitCode) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项须交办一个责任单位，或对一项所牵头的任务提出意见`, field);
    if (!d.area || !(ITEM_AREAS as readonly string[]).includes(d.area)) throw new DomainError('BAD_USER_INPUT', `请选择第 ${n} 项议定事项的专项整治领域`, field);
    const badLocation = validLocation(d.location);
    if (badLocation) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项：${badLocation.message}`, field);
    const location = d.location as ItemLocation;
    let dueAt: string | null = null;
    const dueDate = d.dueDate?.trim() || null;
    if (dueDate) {
      if (!isLocalDate(dueDate)) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项的整改时限须为有效日期（如 2026-12-15）`, field);
      dueAt = new Date(Date.parse(startOfLocalDate(dueDate, timeZone)) + 86_399_000).toISOString();
      if (Date.parse(dueAt) <= now) throw new DomainError('BAD_USER_INPUT', `第 ${n} 项议定事项的整改时限须晚于今天`, field);
    }
    return { kind: 'ITEM', text, unitCode, dueDate, dueAt, area: d.area, location: { address: location.address.trim(), latitude: location.latitude ?? null, longitude: location.longitude ?? null } };
  }
}
