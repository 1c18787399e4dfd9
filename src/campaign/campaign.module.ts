import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignRepository } from './campaign.repository';
import { CampaignResolver } from './campaign.resolver';

/** The campaign itself (创建周期): its settings and policy. Its clock and monthly report are modules of their own. */
@Module({
  imports: [AuthModule],
  providers: [CampaignRepository, CampaignResolver],
  exports: [CampaignRepository],
})
export class CampaignModule {}
