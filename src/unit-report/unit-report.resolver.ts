// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { SubmitUnitReportInput } from '../platform/graphql/graphql.generated';
import type { UnitReportView } from './unit-report.repository';
import { unitReportFields, UnitReportService } from './unit-report.service';

type ReportParent = ReturnType<typeof unitReportFields> & { view: UnitReportView };
const toParent = (view: UnitReportView): ReportParent => ({ ...unitReportFields(view), view });

@Resolver('UnitReport')
export class UnitReportResolver {
  constructor(private readonly reports: UnitReportService) {}

  @Query('unitReportMonth')
  async unitReportMonth(@Args('month') month: string, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    const m = await this.reports.month(actor, campaignId, month);
    return { ...m, reports: m.reports.map(toParent) };
  }

  @Query('unitReport')
  async unitReport(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return toParent(await this.reports.get(actor, id));
  }

  @Mutation('submitUnitReport')
  async submitUnitReport(@Args('input') input: SubmitUnitReportInput, @CurrentActor() actor: Caller) {
    return toParent(await this.reports.submit(actor, input));
  }

  @Mutation('acceptUnitReport')
  async acceptUnitReport(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.reports.accept(actor, id, note));
  }

  @Mutation('returnUnitReport')
  async returnUnitReport(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return toParent(await this.reports.return(actor, id, reason));
  }

  @Mutation('openUnitReportMonth')
  async openUnitReportMonth(@Args('month') month: string, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    const m = await this.reports.open(actor, campaignId, month);
    return { ...m, reports: m.reports.map(toParent) };
  }

  @Mutation('setUnitReportDueDay')
  setUnitReportDueDay(@Args('dueDay') dueDay: number, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return this.reports.setDueDay(actor, campaignId, dueDay);
  }

  @ResolveField('unit')
  unit(@Parent() r: ReportParent, @Context() ctx: GraphQLContext) {
    return this.reports.unitOf(r.view, ctx);
  }

  @ResolveField('submittedByName')
  submittedByName(@Parent() r: ReportParent, @Context() ctx: GraphQLContext) {
    return this.reports.submittedByName(r.view, ctx);
  }

  @ResolveField('history')
  history(@Parent() r: ReportParent) {
    return this.reports.history(r.view);
  }

  @ResolveField('canSubmit')
  canSubmit(@Parent() r: ReportParent, @CurrentActor() actor: Caller) {
    return this.reports.canSubmit(actor, r.view);
  }

  @ResolveField('canReview')
  canReview(@Parent() r: ReportParent, @CurrentActor() actor: Caller) {
    return this.reports.canReview(actor, r.view);
  }
}

/** The monthly report's links to each unit's report of its month. */
@Resolver('MonthlyReport')
export class MonthlyReportUnitReportsResolver {
  constructor(private readonly reports: UnitReportService) {}

  @ResolveField('unitReports')
  unitReports(@Parent() report: { campaignId: string; month: string }) {
    return this.reports.links(report.campaignId, report.month);
  }
}
