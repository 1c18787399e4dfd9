// Traces across Temporal (@temporalio/interceptors-opentelemetry): the client puts the caller's trace context in
// the headers of what it sends (an Update, a start, a signal); the workflow's interceptors, built into the workflow
// bundle, continue the trace in the workflow and pass it on to activities, whose spans (and the PostgreSQL queries
// within them) join it. Workflow spans leave the workflow sandbox through the `exporter` sink.
import type { ClientInterceptors } from '@temporalio/client';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { activeTracing } from './tracing';

/**
 * The workflow interceptor module, only in a worker that traces: in the traced bundle (scripts/bundle-workflows.cjs
 * writes both) or, when workflows are bundled from sources, in the worker's `interceptors.workflowModules`. Each
 * cached workflow carries its own tracer with it, about 0.65 MiB (bench/worker-memory at 300 workflows: 815 MiB of
 * RSS per 1,000 cached with it, 151 without), which made the worker's workflow thread run out of heap on a
 * 6,000-task import. The interceptors only add trace headers to what a workflow sends, which replay does not
 * compare, so a history made with tracing on replays without it and the other way round (replay.workflow-spec.ts
 * replays every recorded history both ways; none of them was recorded with trace headers yet).
 */
export const WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

/** The traced bundle beside a bundle: `dist/workflow-bundle.js` → `dist/workflow-bundle.traced.js`. */
export function tracedBundlePath(bundle: string): string {
  return bundle.replace(/\.js$/, '') + '.traced.js';
}

/** What the worker registers when tracing is off: the workflows' spans are dropped where they arrive. */
export const DROP_WORKFLOW_SPANS: InjectedSinks<OpenTelemetrySinks> = { exporter: { export: { fn: () => undefined } } };

/** The Temporal client's interceptors: trace context into every call, when tracing is on. */
export async function clientTracingInterceptors(): Promise<ClientInterceptors> {
  if (!activeTracing()) return {};
  const { OpenTelemetryWorkflowClientInterceptor } = await import('@temporalio/interceptors-opentelemetry');
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** The worker's side: whether it traces, activity spans, and the sink that exports the workflows' spans (or drops them when off). */
export async function workerTracing(): Promise<{ traced: boolean; activity: ActivityInterceptorsFactory[]; sinks: InjectedSinks<OpenTelemetrySinks> }> {
  const tracing = activeTracing();
  if (!tracing) return { traced: false, activity: [], sinks: DROP_WORKFLOW_SPANS };
  const { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } = await import('@temporalio/interceptors-opentelemetry');
  return {
    traced: true,
    activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}
