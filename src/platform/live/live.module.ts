import { Module } from '@nestjs/common';
import { LiveEventsService } from './live-events.service';

@Module({ providers: [LiveEventsService], exports: [LiveEventsService] })
export class LiveModule {}
