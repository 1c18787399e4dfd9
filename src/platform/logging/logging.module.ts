import { Module } from '@nestjs/common';
import { OperationLogPlugin } from './operation-log.plugin';

/** The API's request logging: one line per GraphQL operation (request ids and context: request-context.ts). */
@Module({ providers: [OperationLogPlugin] })
export class LoggingModule {}
