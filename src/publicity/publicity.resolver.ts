// Thin: who asks and what, delegated to the service (access-policy.ts says who may ask).
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '../auth/access-policy';
import { CurrentActor } from '../auth/current-actor.decorator';
import { documentFields } from '../archive/archive-library.service';
import type { CorrectPublicityEntryInput, ExportFormat, PublicityFilter, RecordPublicityEntryInput } from '../platform/graphql/graphql.generated';
import type { EntryRow } from './publicity.repository';
import { PublicityService } from './publicity.service';

type EntryParent = ReturnType<PublicityService['entryFields']>;

@Resolver('PublicityLedger')
export class PublicityResolver {
  constructor(private readonly publicity: PublicityService) {}

  private async entry(row: EntryRow): Promise<EntryParent> {
    return this.publicity.entryFields(row, await this.publicity.archivedOf(row));
  }

  @Query('publicityLedger')
  async publicityLedger(@Args('campaignId') campaignId: string | null, @Args('filter') filter: PublicityFilter | null, @CurrentActor() actor: Caller) {
    const view = await this.publicity.ledger(actor, campaignId, filter);
    return {
      campaignId: view.campaign.id,
      entries: view.entries.map((e) => this.publicity.entryFields(e, view.archived)),
      totalEntries: view.totalEntries,
      totalCount: view.totalCount,
      byCommunity: view.byCommunity,
      byChannel: view.byChannel,
      byMonth: view.byMonth,
      communities: view.communities,
      canManage: this.publicity.canManage(actor),
    };
  }

  @Query('exportPublicityLedger')
  exportPublicityLedger(@Args('format') format: ExportFormat, @Args('campaignId') campaignId: string | null, @Args('filter') filter: PublicityFilter | null, @CurrentActor() actor: Caller) {
    return this.publicity.export(actor, { format, campaignId, filter });
  }

  @Mutation('recordPublicityEntry')
  async recordPublicityEntry(@Args('input') input: RecordPublicityEntryInput, @CurrentActor() actor: Caller) {
    return this.entry(await this.publicity.record(actor, input));
  }

  @Mutation('correctPublicityEntry')
  async correctPublicityEntry(@Args('input') input: CorrectPublicityEntryInput, @CurrentActor() actor: Caller) {
    return this.entry(await this.publicity.correct(actor, input));
  }

  @Mutation('voidPublicityEntry')
  async voidPublicityEntry(@Args('id') id: string, @Args('reason') reason: string, @CurrentActor() actor: Caller) {
    return this.entry(await this.publicity.void(actor, id, reason));
  }

  @Mutation('archivePublicityPhoto')
  async archivePublicityPhoto(@Args('entryId') entryId: string, @Args('sha256') sha256: string, @CurrentActor() actor: Caller) {
    const view = await this.publicity.archivePhoto(actor, entryId, sha256);
    return { ...documentFields(view), view };
  }
}

@Resolver('PublicityEntry')
export class PublicityEntryResolver {
  constructor(private readonly publicity: PublicityService) {}

  @ResolveField('unit')
  unit(@Parent() e: EntryParent) {
    return this.publicity.unit(e.unitCode);
  }

  @ResolveField('recordedByName')
  recordedByName(@Parent() e: EntryParent) {
    return this.publicity.userName(e.recordedBy);
  }
}
