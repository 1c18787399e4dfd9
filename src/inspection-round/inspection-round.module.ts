import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { RectificationItemModule } from '../rectification-item/rectification-item.module';
import { InspectionRoundRepository } from './inspection-round.repository';
import { InspectionRoundResolver } from './inspection-round.resolver';
import { InspectionRoundService } from './inspection-round.service';

@Module({
  imports: [AuthModule, CampaignModule, RectificationItemModule],
  providers: [InspectionRoundRepository, InspectionRoundService, InspectionRoundResolver],
  exports: [InspectionRoundService],
})
export class InspectionRoundModule {}
