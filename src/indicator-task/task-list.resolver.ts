// `tasks`: the board's cards as a list for other systems, filtered, sorted and paged by cursor. Who sees what is
// the board's rule: a unit's users see the tasks their unit does and the tasks it leads. The nodes are the board's TaskViews, so every
// IndicatorTask field resolver works on them.
import { Args, Query, Resolver } from '@nestjs/graphql';
import { visibleUnit } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { decodeCursor, pageSize, toConnection } from '../platform/graphql/cursor';
import type { TaskFilter, TaskOrder } from '../platform/graphql/graphql.generated';
import { IndicatorTaskRepository } from './indicator-task.repository';
import { TASK_ORDERINGS, taskView } from './task-list';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver()
export class TaskListResolver {
  constructor(
    private readonly repository: IndicatorTaskRepository,
    private readonly campaigns: CampaignRepository,
  ) {}

  @Query('tasks')
  async tasks(
    @Args('campaignId') campaignId: string | null,
    @Args('filter') filter: TaskFilter | null,
    @Args('orderBy') orderBy: TaskOrder | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @CurrentActor() actor: Caller,
  ) {
    const size = pageSize(first);
    const ordering = TASK_ORDERINGS[orderBy ?? 'DUE_AT_ASC'];
    const position = after === null || after === undefined ? null : decodeCursor(after, ordering);
    const visibleToUnit = visibleUnit(actor);
    const campaign = await this.campaigns.require(campaignId);

    const query = { campaignId: campaign.id, unitCode: filter?.unitCode || null, visibleToUnit, filter: filter ?? {}, decider: { role: actor.role, userId: actor.userId } };
    const rows = await this.repository.listPage(query, ordering, position, size + 1);
    return toConnection(ordering, rows, size, taskView, () => this.repository.listCount(query));
  }
}
