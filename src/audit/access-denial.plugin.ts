// Hands every GraphQL request that encountered errors to the record of denied attempts. Apollo calls
// didEncounterErrors with the original errors, before they are formatted, and waits for it before answering.
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../auth/auth.service';
import { AccessDenialService } from './access-denial.service';

@Plugin()
export class AccessDenialPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(private readonly denials: AccessDenialService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const denials = this.denials;
    return {
      async didEncounterErrors(request) {
        await denials.recordRequest({
          errors: request.errors,
          context: request.contextValue,
          operationType: request.operation?.operation ?? null,
          operationName: request.operationName ?? request.request.operationName ?? null,
        });
      },
    };
  }
}
