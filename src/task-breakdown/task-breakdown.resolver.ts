import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { DomainError } from '../errors/domain-error';
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
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(input.contentBase64)) {
      throw new DomainError('BAD_USER_INPUT', '文件内容须为 Base64 编码', 'contentBase64');
    }
    const content = Buffer.from(input.contentBase64, 'base64');
    return this.imports.import(actor, { campaignId: input.campaignId, fileName: input.fileName, content, dryRun: input.dryRun ?? false });
  }

  @Query('taskBreakdownImport')
  taskBreakdownImport(@Args('id') id: string) {
    return this.imports.status(id);
  }
}
