// The process's logger (pino): JSON lines for machines (a collector, `journalctl -o cat | jq`), or, in a terminal,
// the readable Chinese lines people know from `npm start` ("12:00:01 [创文] 启动内置 PostgreSQL…"). Every line
// carries the context of the work it is written in (log-context.ts): request id, person, operation, task, workflow.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { currentLogContext, type LogContext } from './log-context';

export type { Logger } from 'pino';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
/** `auto`: pretty when stdout is a terminal, JSON otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LoggingOptions {
  level: LogLevel;
  format: LogFormat;
  /** Which process writes: `创文` (npm start), `api`, `worker`; shown as "[name]" in pretty lines. */
  name: string;
  /** Where lines go; stdout unless a test gives another stream. */
  destination?: DestinationStream;
}

/**
 * Never written, whatever a caller passes: passwords, tokens, keys, GraphQL variables, uploaded files' contents.
 * Lines say which operation ran and how it ended, never with what.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'variables',
  '*.variables',
  'content',
  '*.content',
  'contentBase64',
  '*.contentBase64',
  'connectionParams',
  '*.connectionParams',
];

const CONTEXT_KEYS: readonly (keyof LogContext)[] = ['requestId', 'person', 'operation', 'taskId', 'workflowId'];
const CONTEXT_LABELS: Record<keyof LogContext, string> = { requestId: '请求', person: '人员', operation: '操作', taskId: '任务', workflowId: '工作流' };
const LEVEL_LABELS: Record<string, string> = { fatal: '致命', error: '错误', warn: '警告', debug: '调试', trace: '跟踪' };

/** Whether lines are written as JSON: asked for, or stdout is not a terminal. */
export function writesJson(format: LogFormat, stdoutIsTty: boolean = process.stdout.isTTY === true): boolean {
  return format === 'json' || (format === 'auto' && !stdoutIsTty);
}

/** Control characters (escape sequences, line breaks) shown as \\x.. so that no value can forge or recolour a line. */
function printable(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Local time of day of a line's ISO time. */
function clock(time: unknown): string {
  const date = new Date(typeof time === 'string' || typeof time === 'number' ? time : Date.now());
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** One pretty line: "12:00:01 警告 [api] 消息（请求 …，人员 office）"; info lines carry no level word. */
function prettyStream(destination: DestinationStream | undefined): DestinationStream {
  const colorize = destination === undefined && process.stdout.isTTY === true;
  return pretty({
    destination: destination ?? 1,
    sync: true,
    colorize,
    // Time, level, name and context are all in messageFormat's line; the other fields follow it on the same line.
    ignore: ['time', 'pid', 'hostname', 'name', 'level', ...CONTEXT_KEYS].join(','),
    singleLine: true,
    messageFormat: (log, messageKey) => {
      const label = LEVEL_LABELS[String(log.level)];
      const level = label ? `${label} ` : '';
      const context = CONTEXT_KEYS.filter((key) => typeof log[key] === 'string').map((key) => `${CONTEXT_LABELS[key]} ${printable(log[key])}`);
      const suffix = context.length > 0 ? `（${context.join('，')}）` : '';
      return `${clock(log.time)} ${level}[${printable(log.name ?? '创文')}] ${printable(log[messageKey] ?? '')}${suffix}`;
    },
  });
}

export function createLogger(options: LoggingOptions): Logger {
  const json = options.destination ? options.format !== 'pretty' : writesJson(options.format);
  const stream = json ? (options.destination ?? pino.destination({ dest: 1, sync: true })) : prettyStream(options.destination);
  return pino(
    {
      name: options.name,
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...currentLogContext() }),
    },
    stream,
  );
}

const LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
const FORMATS: readonly LogFormat[] = ['auto', 'json', 'pretty'];

/** Until an entry point configures it (after its configuration is validated): LOG_LEVEL and LOG_FORMAT as given, if sane. */
function defaultOptions(env: NodeJS.ProcessEnv = process.env): LoggingOptions {
  const level = LEVELS.find((l) => l === env.LOG_LEVEL) ?? 'info';
  const format = FORMATS.find((f) => f === env.LOG_FORMAT) ?? 'auto';
  return { level, format, name: '创文' };
}

let root: Logger | null = null;

/** The process's logger. Read it where a line is written, not at import time: an entry point may configure it. */
export function rootLogger(): Logger {
  root ??= createLogger(defaultOptions());
  return root;
}

/** Sets the process's logger from the validated configuration; called once by each entry point. */
export function configureLogging(options: LoggingOptions): Logger {
  root = createLogger(options);
  return root;
}

/** A logger for one part of the process (`component` in its lines), at its own level when given. */
export function componentLogger(component: string, level?: LogLevel): Logger {
  return rootLogger().child({ component }, level ? { level } : undefined);
}

/**
 * The entry points' own lines (starting, migrations, stopping): written at any LOG_LEVEL, as the `[创文]` console
 * lines always were; LOG_LEVEL governs what the servers say about their work.
 */
export function lifecycleLogger(): Logger {
  const logger = rootLogger();
  return logger.isLevelEnabled('info') ? logger : logger.child({}, { level: 'info' });
}
