// Whether this process traces, read from the standard OpenTelemetry variables (no variables of our own): on when
// an OTLP endpoint is given and the SDK is not disabled. Pure, so that the rule is tested without a process.

export interface TracingSettings {
  enabled: boolean;
  /** `service.name` of the spans: OTEL_SERVICE_NAME, else the entry point's default. */
  serviceName: string;
}

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

export function tracingSettings(env: NodeJS.ProcessEnv, defaultServiceName: string): TracingSettings {
  const endpoint = isSet(env.OTEL_EXPORTER_OTLP_ENDPOINT) || isSet(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const disabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
  // OTEL_TRACES_EXPORTER=none is the standard way to keep an SDK from exporting traces; `otlp` is its default.
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  const noExporter = exporter !== undefined && exporter !== '' && !exporter.split(',').map((e) => e.trim()).includes('otlp');
  return {
    enabled: endpoint && !disabled && !noExporter,
    serviceName: isSet(env.OTEL_SERVICE_NAME) ? env.OTEL_SERVICE_NAME!.trim() : defaultServiceName,
  };
}

/** The default service name of an entry point (dist/src/<entry>.js): the API and the worker apart, `npm start` as one. */
export function defaultServiceName(entryFile: string | undefined): string {
  const entry = (entryFile ?? '').replace(/\\/g, '/').split('/').pop()?.replace(/\.(js|ts)$/, '');
  if (entry === 'api.main') return 'chuangwen-api';
  if (entry === 'worker.main') return 'chuangwen-worker';
  return 'chuangwen';
}
