import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { LiveEventsService } from '../live/live-events.service';
import { isIndicatorTaskStream } from '../projections/indicator-task-card.projection';
import { IndicatorTaskRepository } from './indicator-task.repository';
import { IndicatorTaskService } from './indicator-task.service';

@Resolver()
export class BoardSubscriptionResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveEventsService,
    private readonly repository: IndicatorTaskRepository,
    private readonly tasks: IndicatorTaskService,
  ) {}

  /** Each change is read from the projection and sent only to those who may see the card. */
  @Subscription('boardChanged')
  async boardChanged(@Args('campaignId') campaignId: string | null, @Context() ctx: GraphQLContext) {
    const actor = await this.auth.actor(ctx);
    const source = this.live.subscribe();
    const { repository, tasks } = this;
    async function* changes() {
      try {
        for await (const notification of source) {
          if (!isIndicatorTaskStream(notification.streamId)) continue;
          const task = await repository.findById(notification.streamId);
          if (!task || (campaignId && task.campaignId !== campaignId) || !tasks.canSee(actor, task)) continue;
          yield { boardChanged: { task, eventType: notification.type } };
        }
      } finally {
        await source.return?.();
      }
    }
    return changes();
  }
}
