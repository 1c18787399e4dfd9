import * as path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import { GraphQLError, specifiedRules, validate, type ExecutionResult } from 'graphql';
import { AuditModule } from '../audit/audit.module';
import { AccessDenialService } from '../audit/access-denial.service';
import type { GraphQLContext } from '../auth/auth.service';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { CatalogModule } from '../catalog/catalog.module';
import { formatGraphQLError } from '../errors/graphql-error.formatter';
import { MAX_QUERY_TOKENS, documentTooLong, queryLimitRules } from '../errors/query-limits';
import { NUL_MESSAGE, containsNul } from '../errors/http-limits';
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

const NO_STORE: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * graphql-ws options. Nest passes every one through to the server, though its type names only some of them.
 * Depth and cost limits are checked before anything is resolved, as over HTTP; a subscription refused when it
 * starts (by the access guard) answers with errors instead of a stream, and those refusals are recorded as the
 * Apollo plugin records those of queries and mutations.
 */
function subscriptionOptions(
  limitRules: ReturnType<typeof queryLimitRules>,
  denials: AccessDenialService,
): Pick<ServerOptions, 'validate' | 'onSubscribe' | 'onOperation' | 'onNext' | 'onError'> {
  // Apollo's formatError does not see graphql-ws: its errors get the same codes and Chinese messages here.
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatGraphQLError(error.toJSON(), error));
  return {
    onSubscribe: (_ctx, _id, payload) => {
      const tooLong = documentTooLong(payload.query);
      if (tooLong) return [tooLong];
      return containsNul(payload) ? [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } })] : undefined;
    },
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => format(errors),
    onOperation: async (_ctx, _id, payload, args, result) => {
      if (Symbol.asyncIterator in Object(result)) return;
      const errors = (result as ExecutionResult).errors;
      if (!errors?.length) return;
      await denials.recordRequest({
        errors,
        context: args.contextValue as GraphQLContext,
        operationType: 'subscription',
        operationName: payload.operationName ?? null,
      });
    },
  };
}

@Module({})
export class AppModule {
  static register(runtime: AppRuntime): DynamicModule {
    // Depth and cost limits, checked before anything is resolved, over HTTP and over graphql-ws alike.
    const limitRules = queryLimitRules(runtime.config.limits.query);
    return {
      module: AppModule,
      imports: [
        CoreModule.register(runtime),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuditModule],
          inject: [AccessDenialService],
          useFactory: (denials: AccessDenialService): ApolloDriverConfig => ({
            typePaths: [path.join(projectRoot(), 'graphql/**/*.graphql')],
            resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar },
            subscriptions: { 'graphql-ws': subscriptionOptions(limitRules, denials) as GraphQLWsSubscriptionsConfig },
            // Over graphql-ws there is no request per operation: the upgrade request stands for it (its address).
            context: (ctx: { req?: unknown; connectionParams?: unknown; extra?: { connectionParams?: unknown; request?: unknown } }) => ({
              req: ctx.req ?? ctx.extra?.request,
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
            // We give no cache hints, and Apollo's cache-control plugin wrapped every field's resolver to collect
            // them: a quarter of the API's CPU on a board of 2,000 cards (bench/board-query.bench.ts). Its only
            // effect, that no answer (people's boards) is stored by a browser or a proxy, is kept here.
            plugins: [ApolloServerPluginCacheControlDisabled(), NO_STORE],
          }),
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
