// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { AddBudgetLineInput, AllocateFundsInput, AmendBudgetLineInput, ExportFormat, RecordSpendingInput } from '../platform/graphql/graphql.generated';
import type { SpendingRow } from './funding.repository';
import { FundingService } from './funding.service';
import type { LedgerView, LineView } from './funding.views';

type SpendingParent = ReturnType<FundingService['spendingFields']> & { row: SpendingRow };

@Resolver('FundingLedger')
export class FundingResolver {
  constructor(private readonly funding: FundingService) {}

  private ledgerFields(view: LedgerView, caller: Caller) {
    const names = new Map(view.lines.map((l) => [l.id, l.name]));
    return {
      campaignId: view.campaign.id,
      year: view.year,
      thresholdFen: view.thresholdFen,
      lines: view.lines,
      spendings: view.spendings.map((s): SpendingParent => ({ ...this.funding.spendingFields(s, names.get(s.lineId) ?? ''), row: s })),
      units: view.units.map((u) => ({ unitCode: u.unitCode, unitName: u.unitName, totals: u })),
      totals: view.totals,
      canManage: this.funding.canManage(caller),
    };
  }

  @Query('fundingLedger')
  async fundingLedger(@Args('year') year: number | null, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return this.ledgerFields(await this.funding.ledger(actor, campaignId, year), actor);
  }

  @Query('exportFundingLedger')
  exportFundingLedger(@Args('format') format: ExportFormat, @Args('year') year: number | null, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return this.funding.export(actor, { format, year, campaignId });
  }

  @Mutation('setFundingApprovalThreshold')
  setFundingApprovalThreshold(@Args('thresholdFen') thresholdFen: number, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return this.funding.setThreshold(actor, campaignId, thresholdFen);
  }

  @Mutation('addBudgetLine')
  addBudgetLine(@Args('input') input: AddBudgetLineInput, @CurrentActor() actor: Caller) {
    return this.funding.addLine(actor, input);
  }

  @Mutation('amendBudgetLine')
  amendBudgetLine(@Args('input') input: AmendBudgetLineInput, @CurrentActor() actor: Caller) {
    return this.funding.amendLine(actor, input);
  }

  @Mutation('allocateFunds')
  allocateFunds(@Args('input') input: AllocateFundsInput, @CurrentActor() actor: Caller) {
    return this.funding.allocate(actor, input);
  }

  @Mutation('recordSpending')
  async recordSpending(@Args('input') input: RecordSpendingInput, @CurrentActor() actor: Caller): Promise<SpendingParent> {
    const row = await this.funding.recordSpending(actor, input);
    return { ...this.funding.spendingFields(row, await this.funding.lineName(row.lineId)), row };
  }

  @Mutation('approveSpending')
  async approveSpending(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller): Promise<SpendingParent> {
    const row = await this.funding.approve(actor, id, note);
    return { ...this.funding.spendingFields(row, await this.funding.lineName(row.lineId)), row };
  }

  @Mutation('rejectSpending')
  async rejectSpending(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller): Promise<SpendingParent> {
    const row = await this.funding.reject(actor, id, reason);
    return { ...this.funding.spendingFields(row, await this.funding.lineName(row.lineId)), row };
  }
}

@Resolver('BudgetLine')
export class BudgetLineResolver {
  constructor(private readonly funding: FundingService) {}

  @ResolveField('unit')
  unit(@Parent() line: LineView) {
    return this.funding.unit(line.unitCode);
  }

  @ResolveField('canRecordSpending')
  canRecordSpending(@Parent() line: LineView, @CurrentActor() actor: Caller) {
    return this.funding.canRecord(actor, line);
  }
}

@Resolver('Spending')
export class SpendingResolver {
  constructor(private readonly funding: FundingService) {}

  @ResolveField('unit')
  unit(@Parent() s: SpendingParent) {
    return this.funding.unit(s.row.unitCode);
  }

  @ResolveField('recordedByName')
  async recordedByName(@Parent() s: SpendingParent) {
    return (await this.funding.userName(s.row.recordedBy)) ?? '';
  }

  @ResolveField('decidedByName')
  decidedByName(@Parent() s: SpendingParent) {
    return this.funding.userName(s.row.decidedBy);
  }

  @ResolveField('canDecide')
  canDecide(@Parent() s: SpendingParent, @CurrentActor() actor: Caller) {
    return this.funding.canDecide(actor, s.row);
  }
}

@Resolver('FundingUnitSummary')
export class FundingUnitSummaryResolver {
  constructor(private readonly funding: FundingService) {}

  @ResolveField('unit')
  unit(@Parent() u: { unitCode: string | null }) {
    return this.funding.unit(u.unitCode);
  }
}
