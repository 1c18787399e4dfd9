// When a process traces: only the standard OpenTelemetry variables decide, and tracing is off unless asked for.
import { defaultServiceName, tracingSettings } from '../../src/platform/tracing/tracing-settings';

describe('tracing settings', () => {
  it('is off without an OTLP endpoint', () => {
    expect(tracingSettings({}, 'chuangwen-api')).toEqual({ enabled: false, serviceName: 'chuangwen-api' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, 'chuangwen-api').enabled).toBe(false);
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on' }, 'chuangwen-api').enabled).toBe(false);
  });

  it('is on with an endpoint for all signals or for traces, unless the SDK is disabled or traces go to no exporter', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'chuangwen-api').enabled).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, 'chuangwen-api').enabled).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'TRUE' }, 'chuangwen-api').enabled).toBe(false);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'false' }, 'chuangwen-api').enabled).toBe(true);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }, 'chuangwen-api').enabled).toBe(false);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'otlp' }, 'chuangwen-api').enabled).toBe(true);
  });

  it('names the service by OTEL_SERVICE_NAME, else by the entry point', () => {
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'cw-api-2' }, 'chuangwen-api').serviceName).toBe('cw-api-2');
    expect(defaultServiceName('/srv/cw/dist/src/api.main.js')).toBe('chuangwen-api');
    expect(defaultServiceName('/srv/cw/dist/src/worker.main.js')).toBe('chuangwen-worker');
    expect(defaultServiceName('/srv/cw/dist/src/main.js')).toBe('chuangwen');
    expect(defaultServiceName(undefined)).toBe('chuangwen');
  });
});
