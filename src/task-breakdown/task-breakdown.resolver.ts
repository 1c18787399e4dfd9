import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { decodeBase64 } from '../platform/files/base64';
import type { ImportTaskBreakdownInput } from '../platform/graphql/graphql.generated';
import { TaskBreakdownService, type ImportOutcome } from './task-breakdown.service';
import { durationLabel, type ImportProgress } from './task-breakdown.progress';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('TaskBreakdownImport')
export class TaskBreakdownResolver {
  constructor(
    private readonly imports: TaskBreakdownService,
  ) {}

  @Mutation('importTaskBreakdown')
  async importTaskBreakdown(@Args('input') input: ImportTaskBreakdownInput, @CurrentActor() actor: Caller) {
    const content = decodeBase64(input.contentBase64);
    return this.imports.import(actor, { campaignId: input.campaignId, fileName: input.fileName, content, dryRun: input.dryRun ?? false });
  }

  @Query('taskBreakdownImport')
  taskBreakdownImport(@Args('id') id: string) {
    return this.imports.status(id);
  }

  @Query('taskBreakdownImports')
  taskBreakdownImports(@Args('campaignId') campaignId: string | null, @Args('first') first: number | null) {
    return this.imports.latest(campaignId, first);
  }

  /** Read only when asked for: whoever follows an import's progress does not need its changes every second. */
  @ResolveField('changes')
  changes(@Parent() outcome: ImportOutcome) {
    return this.imports.changesOf(outcome);
  }
}

@Resolver('ImportProgress')
export class ImportProgressResolver {
  /** The time left as the office reads it, worded once here for the 工作台 and `npm run import` alike. */
  @ResolveField('timeLeft')
  timeLeft(@Parent() progress: ImportProgress) {
    return progress.secondsLeft === null ? null : durationLabel(progress.secondsLeft);
  }
}
