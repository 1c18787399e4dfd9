// Traces across Temporal (@temporalio/interceptors-opentelemetry): the client puts the caller's trace context in
// the headers of what it sends (an Update, a start, a signal); the workflow's interceptors, built into the workflow
// bundle, continue the trace in the workflow and pass it on to activities, whose spans (and the PostgreSQL queries
// within them) join it. Workflow spans leave the workflow sandbox through the `exporter` sink.
import type { ClientInterceptors } from '@temporalio/client';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { activeTracing } from './tracing';

/**
 * The workflow interceptor module: in the prebuilt bundle (scripts/bundle-workflows.cjs) and, when workflows are
 * bundled from sources, in the worker's `interceptors.workflowModules`; replay tests replay with it too. It is
 * there whether tracing is on or not, so that a workflow's history never depends on a variable.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: readonly string[] = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

/** What the worker registers when tracing is off: the workflows' spans are dropped where they arrive. */
export const DROP_WORKFLOW_SPANS: InjectedSinks<OpenTelemetrySinks> = { exporter: { export: { fn: () => undefined } } };

/** The Temporal client's interceptors: trace context into every call, when tracing is on. */
export async function clientTracingInterceptors(): Promise<ClientInterceptors> {
  if (!activeTracing()) return {};
  const { OpenTelemetryWorkflowClientInterceptor } = await import('@temporalio/interceptors-opentelemetry');
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** The worker's side: activity spans, and the sink that exports the workflows' spans (or drops them when off). */
export async function workerTracing(): Promise<{ activity: ActivityInterceptorsFactory[]; sinks: InjectedSinks<OpenTelemetrySinks> }> {
  const tracing = activeTracing();
  if (!tracing) return { activity: [], sinks: DROP_WORKFLOW_SPANS };
  const { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } = await import('@temporalio/interceptors-opentelemetry');
  return {
    activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}
