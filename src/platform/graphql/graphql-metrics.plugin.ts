// Counts and times every GraphQL request over HTTP by operation name and outcome code: the stable code of the first
// error (as graphql-error.formatter.ts gave it to the client), or OK. Operation names come from clients, so they are
// bounded (api.metrics.ts). Subscriptions over graphql-ws are counted as they are held (graphql-ws.server.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import { isErrorCode } from '../errors/domain-error';
import { graphqlDuration, graphqlOperations, operationNames } from '../metrics/api.metrics';

/** The label of a request without an operation name. */
export const ANONYMOUS_OPERATION = 'anonymous';

/** The code of the first formatted error, or OK; anything not one of our codes (it should not happen) is OTHER. */
export function outcomeCode(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors || errors.length === 0) return 'OK';
  const code = errors[0].extensions?.code;
  return isErrorCode(code) ? code : 'OTHER';
}

export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, request }) {
          const body = response.body;
          // Formatted by now: the codes are the ones the client reads.
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          const name = operationName ?? request.operationName ?? null;
          const labels = { operation: name ? operationNames.value(name) : ANONYMOUS_OPERATION, code: outcomeCode(errors) };
          graphqlOperations.inc(labels);
          graphqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
