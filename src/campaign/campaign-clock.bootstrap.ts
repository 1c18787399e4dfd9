// At start-up every campaign gets its clock: the campaign workflow and the monthly schedule, started or
// brought up to date idempotently (by business id). Each API instance does it; the second finds it done.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RUNTIME } from '../app/app.tokens';
import type { AppRuntime } from '../app/app-runtime';
import { ensureCampaignClocks } from './campaign-clock.starter';

@Injectable()
export class CampaignClockBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('CampaignClock');

  constructor(@Inject(RUNTIME) private readonly runtime: AppRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { started } = await ensureCampaignClocks(this.runtime.db, this.runtime.temporal, this.runtime.config.temporal.taskQueue);
      if (started > 0) console.log(`[创文] 已为 ${started} 个创文活动启动活动时钟 / started ${started} campaign clock(s)`);
    } catch (err) {
      // The API serves without it; the first action on a campaign starts its clock, the next start-up its schedule.
      this.logger.warn(`活动时钟启动失败 / could not ensure campaign clocks: ${String(err)}`);
    }
  }
}
