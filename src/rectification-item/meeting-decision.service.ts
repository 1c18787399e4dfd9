// A joint or coordination meeting's decisions (议定事项) become work: a rectification item dispatched to the unit
// the minutes name, or a new indicator task for that unit. Each decision becomes an item at most once (the
// item's id is made from the meeting and the decision), and a task only where the unit has none for the
// indicator. The meeting is read from the campaign's own event stream.
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import { startIndicatorTask } from '../indicator-task/indicator-task.starter';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import { MEETING_KIND_LABELS } from '../../workflows/campaign/campaign.labels';
import type { MeetingKind } from '../../workflows/campaign/campaign.types';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../../workflows/shared/actor.types';
import { meetingDecisionItemKey, rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import type { ItemArea, ItemLocation } from '../../workflows/rectification-item/rectification-item.types';
import { MeetingDecisionRepository } from './meeting-decision.repository';
import { RectificationItemRepository } from './rectification-item.repository';
import { RectificationItemService } from './rectification-item.service';

interface Decision {
  text: string;
  unitCode: string | null;
  dueDate: string | null;
}

interface Meeting {
  meetingId: string;
  kind: string;
  date: string;
  title: string;
  decisions: Decision[];
}

@Injectable()
export class MeetingDecisionService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly items: RectificationItemService,
    private readonly itemCards: RectificationItemRepository,
    private readonly repository: MeetingDecisionRepository,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private async decision(campaignId: string | null | undefined, meetingId: string, index: number) {
    const campaign = await this.campaigns.require(campaignId);
    const data = await this.repository.meeting(campaign.id, meetingId);
    if (!data) throw new DomainError('NOT_FOUND', `会议「${meetingId}」不存在`, 'meetingId');
    const meeting = data as unknown as Meeting;
    const decision = Number.isInteger(index) && index >= 0 ? meeting.decisions[index] : undefined;
    if (!decision) throw new DomainError('BAD_USER_INPUT', `会议没有第 ${index + 1} 项议定事项`, 'decisionIndex');
    if (!decision.unitCode) throw new DomainError('BAD_USER_INPUT', '该议定事项没有指定责任单位，无法转办', 'decisionIndex');
    return { campaign, meeting, decision: decision as Decision & { unitCode: string } };
  }

  private heading(meeting: Meeting): string {
    return `【${meeting.title || MEETING_KIND_LABELS[meeting.kind as MeetingKind] || '会议'} ${meeting.date} 议定】`;
  }

  /** The decision as a rectification item, dispatched to the unit the minutes name, due when they say. */
  async toItem(actor: Actor, input: { campaignId?: string | null; meetingId: string; decisionIndex: number; area: ItemArea; location: ItemLocation; criterionCode?: string | null }) {
    const { campaign, meeting, decision } = await this.decision(input.campaignId, input.meetingId, input.decisionIndex);
    const key = meetingDecisionItemKey(meeting.meetingId, input.decisionIndex);
    if (await this.itemCards.findById(rectificationItemWorkflowId(campaign.id, key))) throw new DomainError('CONFLICT', '这项议定事项已转为整改问题');
    const dueAt = decision.dueDate ? new Date(Date.parse(startOfLocalDate(decision.dueDate, campaign.timeZone)) + 86_399_000).toISOString() : null;
    if (dueAt && Date.parse(dueAt) <= Date.now()) throw new DomainError('BAD_USER_INPUT', `议定的完成时限 ${decision.dueDate} 已过，请在派单时另定时限`, 'decisionIndex');
    return this.items.report(
      actor,
      {
        campaignId: campaign.id,
        source: 'SUPERVISION',
        area: input.area,
        location: input.location,
        description: `${this.heading(meeting)}${decision.text}`,
        criterionCode: input.criterionCode ?? null,
        unitCode: decision.unitCode,
        dueAt,
      },
      key,
    );
  }

  /** The decision as a new indicator task for the unit, due when the minutes say; the breakdown records it. */
  async toTask(actor: Actor, input: { campaignId?: string | null; meetingId: string; decisionIndex: number; indicatorCode: string; leadUnitCode: string }): Promise<string> {
    const { campaign, decision } = await this.decision(input.campaignId, input.meetingId, input.decisionIndex);
    if (!decision.dueDate) throw new DomainError('BAD_USER_INPUT', '该议定事项没有完成时限，无法转为指标任务', 'decisionIndex');
    const indicator = await this.repository.indicator(input.indicatorCode);
    if (!indicator) throw new DomainError('BAD_USER_INPUT', `测评指标「${input.indicatorCode}」不存在`, 'indicatorCode');
    const lead = await this.repository.unit(input.leadUnitCode);
    if (!lead) throw new DomainError('BAD_USER_INPUT', `单位「${input.leadUnitCode}」不存在`, 'leadUnitCode');
    const taskId = indicatorTaskWorkflowId(campaign.id, indicator.code, decision.unitCode);
    const dueAt = new Date(Date.parse(startOfLocalDate(decision.dueDate, campaign.timeZone)) + 86_399_000).toISOString();
    const policy = await this.repository.policy(campaign.id);
    const assignment = { campaignId: campaign.id, indicatorCode: indicator.code, unitCode: decision.unitCode, leadUnitCode: lead.code, dueAt, taskId };
    await this.repository.assignTask(assignment, async () => {
      // Started before the commit: if the start fails nothing is recorded; a start that finds the task is harmless.
      try {
        await startIndicatorTask(this.temporal, this.config.temporal.taskQueue, {
          campaignId: campaign.id,
          indicatorCode: indicator.code,
          unitCode: decision.unitCode,
          leadUnitCode: lead.code,
          dueAt,
          createdBy: actor,
          policy,
        });
      } catch (err) {
        throw temporalToDomainError(err, '工作流服务暂时不可用');
      }
    });
    return taskId;
  }
}
