import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WorkingDaysRepository } from './working-days.repository';
import { WorkingDaysResolver } from './working-days.resolver';
import { WorkingDaysService } from './working-days.service';

/** The office's working-day calendar (工作日): the official holidays plus its own overrides, by import. */
@Module({
  imports: [AuthModule],
  providers: [WorkingDaysRepository, WorkingDaysService, WorkingDaysResolver],
  exports: [WorkingDaysService],
})
export class WorkingDaysModule {}
