import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { IndicatorTaskModule } from '../indicator-task/indicator-task.module';
import { SurveyRepository } from './survey.repository';
import { SurveyCommunityTrendResolver, SurveyResolver } from './survey.resolver';
import { SurveyService } from './survey.service';

/** Survey rounds (问卷调查): planning, results per community, closing, the trend, workbooks and tasks' citations. */
@Module({
  imports: [AuthModule, CampaignModule, IndicatorTaskModule],
  providers: [SurveyRepository, SurveyService, SurveyResolver, SurveyCommunityTrendResolver],
})
export class SurveyModule {}
