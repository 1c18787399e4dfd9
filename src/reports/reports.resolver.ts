// Thin: who is calling, what they asked, delegated to the service.
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { ExportFormat } from '../platform/graphql/graphql.generated';
import type { Stage } from '../../workflows/indicator-task/indicator-task.types';
import { ReportsService } from './reports.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
  ) {}

  @Query('performanceAssessment')
  async performanceAssessment(
    @Args('campaignId') campaignId: string | null,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Args('unitCode') unitCode: string | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.reports.performanceAssessment(actor, { campaignId, from, to, unitCode });
  }

  @Query('unitRanking')
  async unitRanking(
    @Args('campaignId') campaignId: string | null,
    @Args('weeks') weeks: number | null,
    @Args('asOf') asOf: string | null,
    @Args('top') top: number | null,
    @Args('flagAfterWeeks') flagAfterWeeks: number | null,
  ) {
    // Anyone signed in sees the 红黑榜 (AccessGuard has required a caller).
    return this.reports.unitRanking({ campaignId, weeks, asOf, top, flagAfterWeeks });
  }

  @Query('boardAsOf')
  async boardAsOf(
    @Args('campaignId') campaignId: string | null,
    @Args('asOf') asOf: string,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.reports.boardAsOf(actor, { campaignId, asOf, unitCode, first });
  }

  @Query('boardAsOfColumn')
  async boardAsOfColumn(
    @Args('campaignId') campaignId: string | null,
    @Args('asOf') asOf: string,
    @Args('stage') stage: Stage,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.reports.boardAsOfColumn(actor, { campaignId, asOf, stage, unitCode, first, after });
  }

  @Query('exportPerformanceAssessment')
  async exportPerformanceAssessment(
    @Args('campaignId') campaignId: string | null,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Args('format') format: ExportFormat,
    @CurrentActor() actor: Caller,
  ) {
    return this.reports.exportPerformanceAssessment(actor, { campaignId, from, to, format });
  }
}
