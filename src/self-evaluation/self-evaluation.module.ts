import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { SelfEvaluationRepository } from './self-evaluation.repository';
import { SelfEvaluationResolver } from './self-evaluation.resolver';
import { SelfEvaluationService } from './self-evaluation.service';

/** 总结评议: self-evaluation rounds (自查自评) with their forms, returns and workbook, and the leading group's 评议. */
@Module({
  imports: [AuthModule, CampaignModule],
  providers: [SelfEvaluationRepository, SelfEvaluationService, SelfEvaluationResolver],
  exports: [SelfEvaluationRepository],
})
export class SelfEvaluationModule {}
