// One span per GraphQL operation over HTTP, child of the HTTP server span and parent of everything the operation
// does (the Temporal Update, queries): the middleware opens it around the request, the plugin names it once Apollo
// knows the operation ("mutation submitSelfCheck") and records how it ended. Only installed when tracing is on.
import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

interface HttpRequest {
  method?: string;
}
interface HttpResponse {
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

const TRACER = 'chuangwen-graphql';
/** Ours, so that the plugin never renames another span (the HTTP one, where this middleware is not installed). */
const operationSpans = new WeakSet<Span>();

function operationSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span && operationSpans.has(span) ? span : undefined;
}

/** Express middleware for /graphql. */
export function graphqlSpanMiddleware(req: HttpRequest, res: HttpResponse, next: () => void): void {
  if (req.method !== 'POST' && req.method !== 'GET') return next();
  const span = trace.getTracer(TRACER).startSpan('graphql', { attributes: { 'graphql.transport': 'http' } });
  operationSpans.add(span);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(context.active(), span), next);
}

/** Codes that mean the server failed, not that the request was refused. */
const SERVER_FAULTS = new Set(['INTERNAL_SERVER_ERROR', 'UNAVAILABLE']);

/** Names the current operation's span (semantic conventions: "<type> <name>"); nothing when tracing is off. */
export function nameOperationSpan(operationType: string, operationName: string): void {
  const span = operationSpan();
  if (!span) return;
  span.updateName(`${operationType} ${operationName}`);
  span.setAttributes({ 'graphql.operation.type': operationType, 'graphql.operation.name': operationName });
}

export function recordOperationOutcome(outcome: string, requestId: string | undefined): void {
  const span = operationSpan();
  if (!span) return;
  span.setAttribute('chuangwen.outcome', outcome);
  if (requestId) span.setAttribute('chuangwen.request_id', requestId);
  if (SERVER_FAULTS.has(outcome)) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
}
