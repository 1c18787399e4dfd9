// The Temporal SDK's logger (Runtime.install({ logger })) written through pino: the worker's own lines, and those
// of workflow code (`log` from @temporalio/workflow) and activities, with their workflow id and, for an indicator
// task, its task id. The SDK logs every state change at INFO: only WARN and above are written.
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from 'pino';
import { componentLogger, type LogLevel } from './logger';
import { workflowLogContext } from './log-context';

const PINO_LEVELS: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Opaque to people and long: left out of the lines. */
const DROPPED = new Set(['taskToken']);

export class PinoTemporalLogger implements TemporalLogger {
  private readonly logger: Logger;

  /** `level`: the least that is written; WARN unless the process logs only errors. */
  constructor(level: LogLevel = 'warn') {
    this.logger = componentLogger('temporal', level === 'error' ? 'error' : 'warn');
  }

  log(level: TemporalLogLevel, message: string, meta?: LogMetadata): void {
    // The SDK logs every state change: what is not written costs nothing more than this check.
    if (!this.logger.isLevelEnabled(PINO_LEVELS[level])) return;
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(meta ?? {})) {
      if (DROPPED.has(key)) continue;
      // Errors as pino serialises them (message, stack), under the key pino knows.
      if (value instanceof Error && (key === 'error' || key === 'failure')) fields.err = value;
      else fields[key] = value;
    }
    const workflowId = typeof meta?.workflowId === 'string' ? meta.workflowId : undefined;
    this.logger[PINO_LEVELS[level]]({ ...fields, ...workflowLogContext(workflowId) }, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
