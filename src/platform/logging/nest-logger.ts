// Nest's logger (its own lines and every `new Logger('…')` of ours) written through pino, so that they carry
// the request's context and share the process's format.
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { componentLogger, type LogLevel } from './logger';

/** Nest's start-up chatter is not news at `info`: its `log` lines are written at `debug` only. */
function nestLevel(level: LogLevel): LogLevel {
  return level === 'info' ? 'warn' : level;
}

export class PinoNestLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(level: LogLevel) {
    this.logger = componentLogger('nest', nestLevel(level));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes (message, stack?, context?). */
  error(message: unknown, ...params: unknown[]): void {
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const stack = typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) this.logger.error({ err: message, context }, message.message);
    else this.logger.error({ context, ...(stack ? { stack } : {}) }, String(message));
  }

  private write(level: 'info' | 'warn' | 'debug' | 'fatal', message: unknown, params: unknown[]): void {
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    if (message instanceof Error) this.logger[level]({ err: message, context }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, detail: message }, '');
    else this.logger[level]({ context }, String(message));
  }
}
