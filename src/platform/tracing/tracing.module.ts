import { Module } from '@nestjs/common';
import { OperationSpanPlugin } from './operation-span.plugin';

/** The API's part of tracing: the GraphQL operation's span (the SDK itself is started by ./register). */
@Module({ providers: [OperationSpanPlugin] })
export class TracingModule {}
