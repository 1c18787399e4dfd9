// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import type { ExportFormat } from '../graphql/graphql.generated';
import type { Stage } from '../../workflows/indicator-task/indicator-task.types';
import { ReportsService } from './reports.service';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
    private readonly auth: AuthService,
  ) {}

  @Query('performanceAssessment')
  async performanceAssessment(
    @Args('campaignId') campaignId: string | null,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Args('unitCode') unitCode: string | null,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reports.performanceAssessment(await this.auth.actor(ctx), { campaignId, from, to, unitCode });
  }

  @Query('unitRanking')
  async unitRanking(
    @Args('campaignId') campaignId: string | null,
    @Args('weeks') weeks: number | null,
    @Args('asOf') asOf: string | null,
    @Args('top') top: number | null,
    @Args('flagAfterWeeks') flagAfterWeeks: number | null,
    @Context() ctx: GraphQLContext,
  ) {
    await this.auth.actor(ctx); // anyone signed in sees the 红黑榜
    return this.reports.unitRanking({ campaignId, weeks, asOf, top, flagAfterWeeks });
  }

  @Query('boardAsOf')
  async boardAsOf(
    @Args('campaignId') campaignId: string | null,
    @Args('asOf') asOf: string,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reports.boardAsOf(await this.auth.actor(ctx), { campaignId, asOf, unitCode, first });
  }

  @Query('boardAsOfColumn')
  async boardAsOfColumn(
    @Args('campaignId') campaignId: string | null,
    @Args('asOf') asOf: string,
    @Args('stage') stage: Stage,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reports.boardAsOfColumn(await this.auth.actor(ctx), { campaignId, asOf, stage, unitCode, first, after });
  }

  @Query('exportPerformanceAssessment')
  async exportPerformanceAssessment(
    @Args('campaignId') campaignId: string | null,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Args('format') format: ExportFormat,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reports.exportPerformanceAssessment(await this.auth.actor(ctx), { campaignId, from, to, format });
  }
}
