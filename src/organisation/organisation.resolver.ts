// Thin: who is calling, what they asked, delegated to the service.
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { decodeBase64 } from '../platform/files/base64';
import type { ImportOrganisationInput } from '../platform/graphql/graphql.generated';
import { OrganisationService } from './organisation.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('Organisation')
export class OrganisationResolver {
  constructor(
    private readonly organisation: OrganisationService,
  ) {}

  @Mutation('importOrganisation')
  async importOrganisation(@Args('input') input: ImportOrganisationInput, @CurrentActor() actor: Caller) {
    const files = input.files.map((file, i) => ({ fileName: file.fileName, content: decodeBase64(file.contentBase64, `files.${i}.contentBase64`) }));
    return this.organisation.import(actor, { files, dryRun: input.dryRun ?? false });
  }

  @Query('organisation')
  organisationView() {
    return this.organisation.view();
  }

  /** Names and kinds only: nobody's people, so every role may read them (the boards' unit filter, pickers). */
  @Query('units')
  units() {
    return this.organisation.units();
  }
}
