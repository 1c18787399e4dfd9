// Thin: who is calling, what they asked, delegated to the service.
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';
import { decodeBase64 } from '../platform/files/base64';
import type { ImportWorkingDayOverridesInput } from '../platform/graphql/graphql.generated';
import { WorkingDaysService } from './working-days.service';

@Resolver('WorkingDayCalendar')
export class WorkingDaysResolver {
  constructor(private readonly workingDays: WorkingDaysService) {}

  @Query('workingDayCalendar')
  calendar() {
    return this.workingDays.calendar();
  }

  @Mutation('importWorkingDayOverrides')
  importOverrides(@Args('input') input: ImportWorkingDayOverridesInput, @CurrentActor() actor: Caller) {
    const file = { fileName: input.file.fileName, content: decodeBase64(input.file.contentBase64, 'file.contentBase64') };
    return this.workingDays.import(actor, { file, dryRun: input.dryRun ?? false });
  }
}
