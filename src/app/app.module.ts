import * as path from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { CatalogModule } from '../catalog/catalog.module';
import { formatGraphQLError } from '../errors/graphql-error.formatter';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';
import { HealthModule } from '../health/health.module';
import { IndicatorTaskModule } from '../indicator-task/indicator-task.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { projectRoot } from '../runtime/project-paths';
import { ReportsModule } from '../reports/reports.module';
import { RectificationItemModule } from '../rectification-item/rectification-item.module';
import { InspectionRoundModule } from '../inspection-round/inspection-round.module';
import { TaskBreakdownModule } from '../task-breakdown/task-breakdown.module';
import type { AppRuntime } from './app-runtime';
import { CoreModule } from './core.module';

@Module({})
export class AppModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(runtime),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          typePaths: [path.join(projectRoot(), 'graphql/**/*.graphql')],
          resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar },
          subscriptions: { 'graphql-ws': true },
          context: (ctx: { req?: unknown; connectionParams?: unknown; extra?: { connectionParams?: unknown } }) => ({
            req: ctx.req,
            connectionParams: ctx.connectionParams ?? ctx.extra?.connectionParams,
          }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          playground: false,
        }),
        HealthModule,
        AuthModule,
        CampaignModule,
        IndicatorTaskModule,
        TaskBreakdownModule,
        CatalogModule,
        OrganisationModule,
        ReportsModule,
        RectificationItemModule,
        InspectionRoundModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
