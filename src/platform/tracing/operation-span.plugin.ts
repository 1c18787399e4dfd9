// Names the GraphQL operation's span and records its outcome (graphql-span.ts); does nothing when tracing is off.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { currentLogContext } from '../logging/log-context';
import { operationOf, outcomeOf } from '../logging/operation-log.plugin';
import { nameOperationSpan, recordOperationOutcome } from './graphql-span';

@Plugin()
export class OperationSpanPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      async didResolveOperation(request) {
        const { type, name } = operationOf(request);
        nameOperationSpan(type, name);
      },
      async willSendResponse(request) {
        recordOperationOutcome(outcomeOf(request.response), currentLogContext()?.requestId);
      },
    };
  }
}
