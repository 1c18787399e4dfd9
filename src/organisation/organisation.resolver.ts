// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { decodeBase64 } from '../files/base64';
import type { ImportOrganisationInput } from '../graphql/graphql.generated';
import { OrganisationService } from './organisation.service';

@Resolver('Organisation')
export class OrganisationResolver {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly auth: AuthService,
  ) {}

  @Mutation('importOrganisation')
  async importOrganisation(@Args('input') input: ImportOrganisationInput, @Context() ctx: GraphQLContext) {
    const actor = await this.auth.actor(ctx);
    const files = input.files.map((file, i) => ({ fileName: file.fileName, content: decodeBase64(file.contentBase64, `files.${i}.contentBase64`) }));
    return this.organisation.import(actor, { files, dryRun: input.dryRun ?? false });
  }

  @Query('organisation')
  organisationView() {
    return this.organisation.view();
  }
}
