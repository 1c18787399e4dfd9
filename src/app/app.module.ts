import * as path from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import { specifiedRules, validate } from 'graphql';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { CatalogModule } from '../catalog/catalog.module';
import { formatGraphQLError } from '../errors/graphql-error.formatter';
import { MAX_QUERY_TOKENS, documentTooLong, queryLimitRules } from '../errors/query-limits';
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
    // Depth and cost limits, checked before anything is resolved, over HTTP and over graphql-ws alike.
    const limitRules = queryLimitRules(runtime.config.limits.query);
    // Nest passes every graphql-ws option through to the server, though its type names only some of them.
    const subscriptionLimits: Pick<ServerOptions, 'validate' | 'onSubscribe'> = {
      onSubscribe: (_ctx, _id, payload) => {
        const tooLong = documentTooLong(payload.query);
        return tooLong ? [tooLong] : undefined;
      },
      validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
    };
    return {
      module: AppModule,
      imports: [
        CoreModule.register(runtime),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          typePaths: [path.join(projectRoot(), 'graphql/**/*.graphql')],
          resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar },
          subscriptions: { 'graphql-ws': subscriptionLimits as GraphQLWsSubscriptionsConfig },
          context: (ctx: { req?: unknown; connectionParams?: unknown; extra?: { connectionParams?: unknown } }) => ({
            req: ctx.req,
            connectionParams: ctx.connectionParams ?? ctx.extra?.connectionParams,
          }),
          formatError: formatGraphQLError,
          validationRules: limitRules,
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          // The schema is public documentation: open in production too (Apollo closes it when NODE_ENV=production).
          introspection: true,
          // One request, one operation (src/errors/http-limits.ts answers batches before Apollo does).
          allowBatchedHttpRequests: false,
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
        AuditModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
