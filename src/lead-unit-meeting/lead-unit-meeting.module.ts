import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { CampaignClockModule } from '../campaign-clock/campaign-clock.module';
import { IndicatorTaskModule } from '../indicator-task/indicator-task.module';
import { RectificationItemModule } from '../rectification-item/rectification-item.module';
import { LeadUnitMeetingResolver, MeetingDecisionLinksResolver } from './lead-unit-meeting.resolver';
import { LeadUnitMeetingService } from './lead-unit-meeting.service';

/**
 * 牵头单位召集: a lead unit records its meeting with the responsible units of the indicators it leads on the
 * campaign's clock, and its decisions become items (the items' report path) and task comments (the task's own path).
 */
@Module({
  imports: [AuthModule, CampaignModule, CampaignClockModule, IndicatorTaskModule, RectificationItemModule],
  providers: [LeadUnitMeetingService, LeadUnitMeetingResolver, MeetingDecisionLinksResolver],
})
export class LeadUnitMeetingModule {}
