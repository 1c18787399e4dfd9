// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type GraphQLContext } from '../auth/auth.service';
import type { ExportFormat, ImportCatalogInput } from '../platform/graphql/graphql.generated';
import type { CriterionPlan, IndicatorPlan, MaterialPlan } from './catalog.types';
import { CatalogService } from './catalog.service';
import { decodeBase64 } from '../platform/files/base64';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('AssessmentSystem')
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
  ) {}

  @Mutation('importCatalog')
  async importCatalog(@Args('input') input: ImportCatalogInput, @CurrentActor() actor: Caller) {
    return this.catalog.import(actor, { fileName: input.fileName, content: decodeBase64(input.contentBase64), dryRun: input.dryRun ?? false, title: input.title });
  }

  @Query('catalog')
  async system(@Args('version') version: number | null | undefined) {
    return this.catalog.system(version);
  }

  @Query('catalogVersions')
  async versions() {
    return this.catalog.versions();
  }

  @Query('exportCatalog')
  async exportCatalog(@Args('format') format: ExportFormat, @Args('version') version: number | null | undefined) {
    return this.catalog.export(format, version);
  }
}

type IndicatorParent = { code: string } & Partial<Pick<IndicatorPlan, 'criteria' | 'materials'>>;

/**
 * An indicator's criteria and materials wherever an Indicator appears: the catalog query hands them over; for
 * the indicators of cards they are read once per execution, for all cards together.
 */
@Resolver('Indicator')
export class IndicatorDetailsResolver {
  private readonly loaded = new WeakMap<object, Promise<Map<string, IndicatorPlan>>>();

  constructor(private readonly catalog: CatalogService) {}

  @ResolveField('criteria')
  async criteria(@Parent() indicator: IndicatorParent, @Context() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const criteria = indicator.criteria ?? (await this.details(ctx, info)).get(indicator.code)?.criteria ?? [];
    return criteria.map((c: CriterionPlan) => ({ ...c, deductionRule: c.deductionRule === '' ? null : c.deductionRule }));
  }

  @ResolveField('materials')
  async materials(@Parent() indicator: IndicatorParent, @Context() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<MaterialPlan[]> {
    return indicator.materials ?? (await this.details(ctx, info)).get(indicator.code)?.materials ?? [];
  }

  /**
   * One read per execution. A query's execution is its request (its context); each event of a subscription is
   * executed with the event as its root value under one long-lived context, so the root value is the key there
   * (else a board subscribed for hours would keep showing the catalog of its first event).
   */
  private details(ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<Map<string, IndicatorPlan>> {
    const key: object = typeof info.rootValue === 'object' && info.rootValue !== null ? info.rootValue : ctx;
    let details = this.loaded.get(key);
    if (!details) {
      details = this.catalog.indicatorsByCode();
      this.loaded.set(key, details);
    }
    return details;
  }
}
