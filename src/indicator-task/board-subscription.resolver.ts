import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { LiveEventsService } from '../platform/live/live-events.service';
import { visibleChanges } from '../platform/live/visible-changes';
import { isIndicatorTaskStream } from '../platform/projections/indicator-task-card.projection';
import { IndicatorTaskRepository } from './indicator-task.repository';
import { IndicatorTaskService } from './indicator-task.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver()
export class BoardSubscriptionResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly repository: IndicatorTaskRepository,
    private readonly tasks: IndicatorTaskService,
  ) {}

  /** Each change is read from the projection and sent only to those who may see the card. */
  @Subscription('boardChanged')
  async boardChanged(@Args('campaignId') campaignId: string | null, @CurrentActor() actor: Caller) {
    return visibleChanges(this.live.subscribe(), {
      wanted: isIndicatorTaskStream,
      load: (id) => this.repository.findById(id),
      visible: (task) => (!campaignId || task.campaignId === campaignId) && this.tasks.canSee(actor, task),
      wrap: (task, eventType) => ({ boardChanged: { task, eventType } }),
    });
  }
}
