import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { FilesModule } from '../platform/files/files.module';
import { FundingReceiptController } from './funding-receipt.controller';
import { FundingRepository } from './funding.repository';
import { BudgetLineResolver, FundingResolver, FundingUnitSummaryResolver, SpendingResolver } from './funding.resolver';
import { FundingService } from './funding.service';

/** The 保障组's funding ledger (经费保障): lines, allocations, spendings with receipts, approvals, reports and export. */
@Module({
  imports: [AuthModule, CampaignModule, FilesModule],
  controllers: [FundingReceiptController],
  providers: [FundingRepository, FundingService, FundingResolver, BudgetLineResolver, SpendingResolver, FundingUnitSummaryResolver],
})
export class FundingModule {}
