// Tracing's switch and state for the rest of the process. The SDK (tracing-sdk.ts) is required only when the
// standard variables turn tracing on, so that a process without them loads no OpenTelemetry SDK module at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../runtime/project-paths';
import { defaultServiceName, tracingSettings } from './tracing-settings';
import type { ActiveTracing } from './tracing-sdk';

let active: ActiveTracing | null = null;

/** The running SDK, or null when tracing is off. */
export function activeTracing(): ActiveTracing | null {
  return active;
}

export function tracingActive(): boolean {
  return active !== null;
}

/**
 * Starts tracing if the environment asks for it; once per process. Synchronous, so that it runs before `pg` and
 * `http` are required by what the entry point imports next (the instrumentations patch modules as they load).
 */
export function startTracingIfConfigured(env: NodeJS.ProcessEnv = process.env, entryFile: string | undefined = require.main?.filename): boolean {
  if (active) return true;
  const settings = tracingSettings(env, defaultServiceName(entryFile));
  if (!settings.enabled) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when on; must finish before pg loads
  const sdk = require('./tracing-sdk') as typeof import('./tracing-sdk');
  const version = (JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  active = sdk.startTracing(settings, version);
  return true;
}

/** Sends the spans still batched; for a clean stop (the entry points' Shutdown runs it last). */
export async function flushTracing(): Promise<void> {
  if (!active) return;
  await active.provider.shutdown();
}
