import * as path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainErrorFilter } from '../platform/errors/domain-error.filter';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CampaignModule } from '../campaign/campaign.module';
import { CampaignClockModule } from '../campaign-clock/campaign-clock.module';
import { MonthlyReportModule } from '../monthly-report/monthly-report.module';
import { CatalogModule } from '../catalog/catalog.module';
import { formatGraphQLError } from '../platform/errors/graphql-error.formatter';
import { MAX_QUERY_TOKENS, queryLimitRules } from '../platform/errors/query-limits';
import { DateTimeScalar, FenScalar, JSONScalar } from '../platform/graphql/scalars';
import { graphqlMetricsPlugin } from '../platform/graphql/graphql-metrics.plugin';
import { HealthModule } from '../platform/health/health.module';
import { LoggingModule } from '../platform/logging/logging.module';
import { TracingModule } from '../platform/tracing/tracing.module';
import { IndicatorTaskModule } from '../indicator-task/indicator-task.module';
import { NotificationModule } from '../notification/notification.module';
import { OfficialNoticeModule } from '../official-notice/official-notice.module';
import { UnitReportModule } from '../unit-report/unit-report.module';
import { SurveyModule } from '../survey/survey.module';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { SpecialDriveModule } from '../special-drive/special-drive.module';
import { FundingModule } from '../funding/funding.module';
import { ActivityModule } from '../activity/activity.module';
import { PublicityModule } from '../publicity/publicity.module';
import { MobilizationModule } from '../mobilization/mobilization.module';
import { BriefingModule } from '../briefing/briefing.module';
import { ArchiveModule } from '../archive/archive.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { WorkingDaysModule } from '../working-days/working-days.module';
import { projectRoot } from '../platform/runtime/project-paths';
import { ReportsModule } from '../reports/reports.module';
import { RectificationItemModule } from '../rectification-item/rectification-item.module';
import { LocalReportModule } from '../local-report/local-report.module';
import { LeadUnitMeetingModule } from '../lead-unit-meeting/lead-unit-meeting.module';
import { InspectionRoundModule } from '../inspection-round/inspection-round.module';
import { GraphqlWsServer } from '../platform/live/graphql-ws.server';
import { TaskBreakdownModule } from '../task-breakdown/task-breakdown.module';
import type { AppRuntime } from '../platform/core/app-runtime';
import { CoreModule } from '../platform/core/core.module';

const NO_STORE: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

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
          useFactory: (): ApolloDriverConfig => ({
            typePaths: [path.join(projectRoot(), 'graphql/**/*.graphql')],
            resolvers: { DateTime: DateTimeScalar, JSON: JSONScalar, Fen: FenScalar },
            // Subscriptions (graphql-ws) are served by GraphqlWsServer (src/platform/live/graphql-ws.server.ts), not by Nest's.
            context: ({ req }: { req: unknown }) => ({ req }),
            formatError: formatGraphQLError,
            validationRules: limitRules,
            parseOptions: { maxTokens: MAX_QUERY_TOKENS },
            // The schema is public documentation: open in production too (Apollo closes it when NODE_ENV=production).
            introspection: true,
            // One request, one operation (src/platform/errors/http-limits.ts answers batches before Apollo does).
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            playground: false,
            // We give no cache hints, and Apollo's cache-control plugin wrapped every field's resolver to collect
            // them: a quarter of the API's CPU on a board of 2,000 cards (bench/board-query.bench.ts). Its only
            // effect, that no answer (people's boards) is stored by a browser or a proxy, is kept here.
            // Operations by name and outcome code for /metrics (src/platform/metrics/).
            plugins: [ApolloServerPluginCacheControlDisabled(), NO_STORE, graphqlMetricsPlugin()],
          }),
        }),
        HealthModule,
        // One log line and one span per GraphQL operation.
        LoggingModule,
        TracingModule,
        AuthModule,
        CampaignModule,
        CampaignClockModule,
        MonthlyReportModule,
        IndicatorTaskModule,
        TaskBreakdownModule,
        CatalogModule,
        OrganisationModule,
        WorkingDaysModule,
        ReportsModule,
        RectificationItemModule,
        InspectionRoundModule,
        NotificationModule,
        OfficialNoticeModule,
        AuditModule,
        UnitReportModule,
        SurveyModule,
        SelfEvaluationModule,
        FundingModule,
        PublicityModule,
        MobilizationModule,
        BriefingModule,
        ArchiveModule,
        SpecialDriveModule,
        ActivityModule,
        LocalReportModule,
        LeadUnitMeetingModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }, GraphqlWsServer],
    };
  }
}
