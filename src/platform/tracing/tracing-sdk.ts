// The OpenTelemetry SDK, loaded only when tracing is on (tracing.ts requires this file then and never otherwise):
// spans batched to the OTLP/HTTP endpoint of the standard variables (OTEL_EXPORTER_OTLP_*, OTEL_BSP_*, sampler
// from OTEL_TRACES_SAMPLER), incoming and outgoing HTTP and every PostgreSQL query made within a traced action.
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource, envDetectorSync } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { TracingSettings } from './tracing-settings';

export interface ActiveTracing {
  provider: NodeTracerProvider;
  /** Also what the worker's workflow spans are exported through (makeWorkflowExporter). */
  processor: SpanProcessor;
  resource: Resource;
}

/** Health checks come every few seconds from load balancers and say nothing about an action. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

export function startTracing(settings: TracingSettings, version: string): ActiveTracing {
  const resource = Resource.default()
    .merge(envDetectorSync.detect())
    .merge(new Resource({ [ATTR_SERVICE_NAME]: settings.serviceName, [ATTR_SERVICE_VERSION]: version }));
  const processor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  // The global provider, W3C trace context propagation and the AsyncLocalStorage context manager.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        // Outgoing HTTP (webhooks, robots) only as part of a traced action.
        requireParentforOutgoingSpans: true,
      }),
      // Only queries made for a traced action: not the LISTEN connections or the outbox's polling. Never the values.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { provider, processor, resource };
}
