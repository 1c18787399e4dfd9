import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignRepository } from './campaign.repository';
import { CampaignResolver } from './campaign.resolver';

@Module({ imports: [AuthModule], providers: [CampaignRepository, CampaignResolver], exports: [CampaignRepository] })
export class CampaignModule {}
