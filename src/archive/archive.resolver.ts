// Thin: who asks and what, delegated to the services (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { ResubmitArchiveDocumentInput, SubmitArchiveDocumentInput } from '../platform/graphql/graphql.generated';
import type { DocumentView, PackageView } from './archive.repository';
import { ArchiveLibraryService, documentFields } from './archive-library.service';
import { ArchivePackageService, packageFields } from './archive-package.service';

type DocumentParent = ReturnType<typeof documentFields> & { view: DocumentView };
const toDocument = (view: DocumentView): DocumentParent => ({ ...documentFields(view), view });
type PackageParent = ReturnType<typeof packageFields> & { view: PackageView };
const toPackage = (view: PackageView): PackageParent => ({ ...packageFields(view), view });

@Resolver('ArchiveDocument')
export class ArchiveDocumentResolver {
  constructor(private readonly library: ArchiveLibraryService) {}

  @Query('archiveDocuments')
  async archiveDocuments(@Args('campaignId') campaignId: string | null, @Args('state') state: string | null, @Args('first') first: number | null, @CurrentActor() actor: Caller) {
    return (await this.library.list(actor, { campaignId, state, first })).map(toDocument);
  }

  @Mutation('submitArchiveDocument')
  async submitArchiveDocument(@Args('input') input: SubmitArchiveDocumentInput, @CurrentActor() actor: Caller) {
    return toDocument(await this.library.submit(actor, input));
  }

  @Mutation('acceptArchiveDocument')
  async acceptArchiveDocument(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toDocument(await this.library.accept(actor, id, note));
  }

  @Mutation('returnArchiveDocument')
  async returnArchiveDocument(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return toDocument(await this.library.return(actor, id, reason));
  }

  @Mutation('resubmitArchiveDocument')
  async resubmitArchiveDocument(@Args('input') input: ResubmitArchiveDocumentInput, @CurrentActor() actor: Caller) {
    return toDocument(await this.library.resubmit(actor, input));
  }

  @ResolveField('unit')
  unit(@Parent() d: DocumentParent, @Context() ctx: GraphQLContext) {
    return this.library.unitOf(d.view, ctx);
  }

  @ResolveField('tags')
  tags(@Parent() d: DocumentParent) {
    return this.library.tagsOf(d.view);
  }

  @ResolveField('submittedByName')
  submittedByName(@Parent() d: DocumentParent, @Context() ctx: GraphQLContext) {
    return this.library.personName(d.view.state.submittedBy, ctx);
  }

  @ResolveField('reviewedByName')
  reviewedByName(@Parent() d: DocumentParent, @Context() ctx: GraphQLContext) {
    return this.library.personName(d.view.state.reviewedBy, ctx);
  }

  @ResolveField('canReview')
  canReview(@Parent() d: DocumentParent, @CurrentActor() actor: Caller) {
    return this.library.canReview(actor, d.view);
  }

  @ResolveField('canResubmit')
  canResubmit(@Parent() d: DocumentParent, @CurrentActor() actor: Caller) {
    return this.library.canResubmit(actor, d.view);
  }
}

@Resolver('ArchivePackage')
export class ArchivePackageResolver {
  constructor(
    private readonly packages: ArchivePackageService,
    private readonly library: ArchiveLibraryService,
  ) {}

  @Query('archivePackages')
  async archivePackages(@Args('campaignId') campaignId: string | null, @Args('first') first: number | null) {
    return (await this.packages.list({ campaignId, first })).map(toPackage);
  }

  @Mutation('exportArchivePackage')
  async exportArchivePackage(@Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return toPackage(await this.packages.export(actor, campaignId));
  }

  @Mutation('submitArchivePackage')
  async submitArchivePackage(@Args('id') id: string, @Args('note') note: string | null, @CurrentActor() actor: Caller) {
    return toPackage(await this.packages.submit(actor, id, note));
  }

  @ResolveField('requestedByName')
  requestedByName(@Parent() p: PackageParent, @Context() ctx: GraphQLContext) {
    return this.library.personName(p.view.state.requestedBy, ctx);
  }

  @ResolveField('submittedByName')
  submittedByName(@Parent() p: PackageParent, @Context() ctx: GraphQLContext) {
    return this.library.personName(p.view.state.submittedBy, ctx);
  }

  @ResolveField('canSubmit')
  canSubmit(@Parent() p: PackageParent, @CurrentActor() actor: Caller) {
    return this.packages.canSubmit(actor, p.view);
  }
}
