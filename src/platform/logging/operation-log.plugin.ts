// One line per GraphQL operation over HTTP, at info: which operation, how it ended (OK or the error's code), how
// long it took, and (from the request's context) who asked and the request id. Never its variables or its answer.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../core/app.tokens';
import { annotateLogContext } from './log-context';
import { componentLogger } from './logger';

/** What of a request the helpers read (structural, so that unit tests build it by hand). */
export interface OperationRequest {
  operationName?: string | null;
  operation?: { operation: string; selectionSet?: { selections: readonly { kind: string; name?: { value: string } }[] } } | null;
  request?: { operationName?: string | null };
}
export interface OperationResponse {
  body?: { kind: string; singleResult?: { errors?: readonly { extensions?: Record<string, unknown> }[] } };
}

/** A GraphQL name; anything else a client sends as an operation name is not written anywhere. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const named = (value: string | null | undefined) => (typeof value === 'string' && GRAPHQL_NAME.test(value) ? value : undefined);

/** The operation's type and name; an anonymous operation is named by its first root field (`{ board … }`: board). */
export function operationOf(request: OperationRequest): { type: string; name: string } {
  const type = request.operation?.operation ?? 'query';
  const first = request.operation?.selectionSet?.selections.find((s) => s.kind === 'Field')?.name?.value;
  const name = named(request.operationName) ?? named(first) ?? named(request.request?.operationName) ?? 'anonymous';
  return { type, name };
}

/** `OK`, or the code of the first error (as formatted for the client: ours, never Apollo's). */
export function outcomeOf(response: OperationResponse | undefined): string {
  const errors = response?.body?.kind === 'single' ? response.body.singleResult?.errors : undefined;
  if (!errors || errors.length === 0) return 'OK';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' && GRAPHQL_NAME.test(code) ? code : 'ERROR';
}

@Plugin()
export class OperationLogPlugin implements ApolloServerPlugin {
  private readonly logger: Logger;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.logger = componentLogger('graphql', config.logLevel);
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const logger = this.logger;
    const started = performance.now();
    let resolved = false;
    return {
      async didResolveOperation(request) {
        resolved = true;
        annotateLogContext({ operation: operationOf(request).name });
      },
      async willSendResponse(request) {
        const { type, name } = operationOf(request);
        if (!resolved) annotateLogContext({ operation: name });
        const outcome = outcomeOf(request.response);
        const durationMs = Math.round((performance.now() - started) * 10) / 10;
        logger.info({ operationType: type, outcome, durationMs }, `GraphQL ${type} ${name}：${outcome}，${durationMs} ms`);
      },
    };
  }
}
