// At start-up every campaign gets its clock: the campaign workflow and the monthly schedule, started or
// brought up to date idempotently (by business id). Each API instance does it; the second finds it done.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { ensureCampaignClocks } from './campaign-clock.starter';
import { componentLogger } from '../platform/logging/logger';
import { CampaignRepository } from '../campaign/campaign.repository';

@Injectable()
export class CampaignClockBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('CampaignClock');

  constructor(
    private readonly campaigns: CampaignRepository,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { started } = await ensureCampaignClocks(this.campaigns, this.temporal, this.config.temporal.taskQueue);
      if (started > 0) componentLogger('campaign-clock').info(`已为 ${started} 个创文活动启动活动时钟 / started ${started} campaign clock(s)`);
    } catch (err) {
      // The API serves without it; the first action on a campaign starts its clock, the next start-up its schedule.
      this.logger.warn(`活动时钟启动失败 / could not ensure campaign clocks: ${String(err)}`);
    }
  }
}
