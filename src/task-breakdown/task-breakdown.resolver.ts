import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { decodeBase64 } from '../files/base64';
import type { ImportTaskBreakdownInput } from '../graphql/graphql.generated';
import { TaskBreakdownService } from './task-breakdown.service';

@Resolver('TaskBreakdownImport')
export class TaskBreakdownResolver {
  constructor(
    private readonly imports: TaskBreakdownService,
    private readonly auth: AuthService,
  ) {}

  @Mutation('importTaskBreakdown')
  async importTaskBreakdown(@Args('input') input: ImportTaskBreakdownInput, @Context() ctx: GraphQLContext) {
    const actor = await this.auth.actor(ctx);
    const content = decodeBase64(input.contentBase64);
    return this.imports.import(actor, { campaignId: input.campaignId, fileName: input.fileName, content, dryRun: input.dryRun ?? false });
  }

  @Query('taskBreakdownImport')
  taskBreakdownImport(@Args('id') id: string) {
    return this.imports.status(id);
  }
}
