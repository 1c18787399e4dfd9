// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import type { GraphQLContext } from '../auth/auth.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { SpecialDrivePlanInput, SubmitSpecialDriveSummaryInput } from '../platform/graphql/graphql.generated';
import type { DriveView } from './special-drive.repository';
import { driveFields, SpecialDriveService } from './special-drive.service';

type DriveParent = ReturnType<typeof driveFields> & { view: DriveView };
const toParent = (view: DriveView): DriveParent => ({ ...driveFields(view), view });

@Resolver('SpecialDrive')
export class SpecialDriveResolver {
  constructor(private readonly drives: SpecialDriveService) {}

  @Query('specialDrives')
  async specialDrives(@Args('campaignId') campaignId: string | null) {
    return (await this.drives.list(campaignId)).map(toParent);
  }

  @Query('specialDrive')
  async specialDrive(@Args('area') area: string, @Args('campaignId') campaignId: string | null) {
    const drive = await this.drives.find(campaignId, area);
    return drive ? toParent(drive) : null;
  }

  @Query('exportSpecialDrives')
  exportSpecialDrives(@Args('campaignId') campaignId: string | null, @Args('area') area: string | null, @CurrentActor() actor: Caller) {
    return this.drives.export(actor, campaignId, area);
  }

  @Mutation('launchSpecialDrive')
  async launchSpecialDrive(@Args('input') input: SpecialDrivePlanInput, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.launch(actor, input));
  }

  @Mutation('amendSpecialDrive')
  async amendSpecialDrive(@Args('input') input: SpecialDrivePlanInput, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.amend(actor, input));
  }

  @Mutation('attachSpecialDriveItem')
  async attachSpecialDriveItem(@Args('area') area: string, @Args('itemId') itemId: string, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.attach(actor, campaignId, area, itemId));
  }

  @Mutation('detachSpecialDriveItem')
  async detachSpecialDriveItem(@Args('area') area: string, @Args('itemId') itemId: string, @Args('reason') reason: string, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.detach(actor, campaignId, area, itemId, reason));
  }

  @Mutation('submitSpecialDriveSummary')
  async submitSpecialDriveSummary(@Args('input') input: SubmitSpecialDriveSummaryInput, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.submitSummary(actor, input));
  }

  @Mutation('approveSpecialDriveSummary')
  async approveSpecialDriveSummary(@Args('area') area: string, @Args('note') note: string | null, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.approve(actor, campaignId, area, note));
  }

  @Mutation('returnSpecialDriveSummary')
  async returnSpecialDriveSummary(@Args('area') area: string, @Args('reason') reason: string, @Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return toParent(await this.drives.return(actor, campaignId, area, reason));
  }

  @ResolveField('leadUnit')
  leadUnit(@Parent() d: DriveParent, @Context() ctx: GraphQLContext) {
    return this.drives.unitOf(d.view.state.plan.leadUnitCode, ctx);
  }

  @ResolveField('participatingUnits')
  participatingUnits(@Parent() d: DriveParent, @Context() ctx: GraphQLContext) {
    return Promise.all(d.view.state.plan.participatingUnitCodes.map((code) => this.drives.unitOf(code, ctx)));
  }

  @ResolveField('progress')
  progress(@Parent() d: DriveParent) {
    return this.drives.progress(d.view);
  }

  @ResolveField('items')
  items(@Parent() d: DriveParent, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.drives.items(actor, d.view, ctx);
  }

  @ResolveField('history')
  history(@Parent() d: DriveParent) {
    return this.drives.history(d.view);
  }

  @ResolveField('canAmend')
  canAmend(@Parent() d: DriveParent, @CurrentActor() actor: Caller) {
    return this.drives.canAmend(actor, d.view);
  }

  @ResolveField('canSubmitSummary')
  canSubmitSummary(@Parent() d: DriveParent, @CurrentActor() actor: Caller) {
    return this.drives.canSubmitSummary(actor, d.view);
  }

  @ResolveField('canReview')
  canReview(@Parent() d: DriveParent, @CurrentActor() actor: Caller) {
    return this.drives.canReview(actor, d.view);
  }
}
