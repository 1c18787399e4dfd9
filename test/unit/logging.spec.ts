// The logging rules that need no process: which request ids are kept, what every line carries and never carries,
// how an operation is named and its outcome read, and the Temporal SDK's lines with their workflow and task.
import { Writable } from 'node:stream';
import { configureLogging, createLogger, writesJson } from '../../src/platform/logging/logger';
import { PinoTemporalLogger } from '../../src/platform/logging/temporal-logger';
import { annotateLogContext, currentLogContext, personOf, runWithLogContext, taskIdOf } from '../../src/platform/logging/log-context';
import { isAcceptableRequestId, requestIdFor } from '../../src/platform/logging/request-id';
import { operationOf, outcomeOf } from '../../src/platform/logging/operation-log.plugin';

function capture(format: 'json' | 'pretty' = 'json') {
  const { lines, destination } = collector();
  return { logger: createLogger({ level: 'info', format, name: 'api', destination }), lines };
}

function collector() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      done();
    },
  });
  return { lines, destination };
}

describe('request ids', () => {
  it('keeps 1 to 64 characters of [A-Za-z0-9._-] and replaces anything else', () => {
    expect(isAcceptableRequestId('lb-7f3a9c2e-0001')).toBe(true);
    expect(isAcceptableRequestId('a'.repeat(64))).toBe(true);
    expect(isAcceptableRequestId('A.b_c-9')).toBe(true);
    for (const hostile of ['', 'a'.repeat(65), 'a b', 'a\nb', 'a\r\nSet-Cookie: x', '\x1b[31mred', '请求', 'a:b', 'a/b', '%0a']) {
      expect(isAcceptableRequestId(hostile)).toBe(false);
      expect(requestIdFor(hostile)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFor(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor('lb-1')).toBe('lb-1');
  });

  it('refuses a 200 KB id at once, by its length', () => {
    const huge = 'a'.repeat(200 * 1024);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) isAcceptableRequestId(huge);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('the log context', () => {
  it('travels with asynchronous work, and takes what is learnt later', async () => {
    await runWithLogContext({ requestId: 'r-1' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      annotateLogContext({ person: 'office', workflowId: 'indicator-task:c:A4:WTSQ', taskId: undefined });
      expect(currentLogContext()).toEqual({ requestId: 'r-1', person: 'office', workflowId: 'indicator-task:c:A4:WTSQ' });
    });
    expect(currentLogContext()).toBeUndefined();
    annotateLogContext({ person: 'nobody' });
    expect(currentLogContext()).toBeUndefined();
  });

  it('names people by login and tasks by their workflow id', () => {
    expect(personOf('user:wtsq.member')).toBe('wtsq.member');
    expect(personOf('service:import-bot')).toBe('service:import-bot');
    expect(taskIdOf('indicator-task:demo-2027:A4:WTSQ')).toBe('indicator-task:demo-2027:A4:WTSQ');
    expect(taskIdOf('rectification-item:demo-2027:1')).toBeUndefined();
  });
});

describe('log lines', () => {
  it('are JSON with level, time and msg, and the context of the work they are written in', () => {
    const { logger, lines } = capture();
    runWithLogContext({ requestId: 'r-2', person: 'office', operation: 'Board' }, () => logger.info({ outcome: 'OK' }, '完成'));
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', msg: '完成', requestId: 'r-2', person: 'office', operation: 'Board', outcome: 'OK' });
    expect(Number.isNaN(Date.parse(String(line.time)))).toBe(false);
  });

  it('never carry passwords, tokens, variables or file contents, wherever they are put', () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: 'pw-1',
        input: { password: 'pw-2', newPassword: 'pw-3' },
        accessToken: 'tok-1',
        signIn: { refreshToken: 'tok-2' },
        variables: { anything: 'var-1' },
        req: { headers: { authorization: 'Bearer tok-3', cookie: 'c-1', 'x-api-key': 'key-1' } },
        file: { content: 'file-1', contentBase64: 'file-2' },
      },
      'hostile',
    );
    for (const secret of ['pw-1', 'pw-2', 'pw-3', 'tok-1', 'tok-2', 'tok-3', 'var-1', 'c-1', 'key-1', 'file-1', 'file-2']) expect(lines[0]).not.toContain(secret);
  });

  it('are readable Chinese in a terminal, with control characters escaped', () => {
    const { logger, lines } = capture('pretty');
    runWithLogContext({ requestId: 'r-3', person: 'office' }, () => logger.warn('第一行\n\x1b[31m伪造的一行'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d 警告 \[api\] 第一行\\x0a\\x1b\[31m伪造的一行（请求 r-3，人员 office）/);
  });

  it('are JSON when stdout is not a terminal or LOG_FORMAT=json, pretty in a terminal otherwise', () => {
    expect(writesJson('auto', false)).toBe(true);
    expect(writesJson('auto', true)).toBe(false);
    expect(writesJson('json', true)).toBe(true);
    expect(writesJson('pretty', false)).toBe(false);
  });
});

describe('the operation line', () => {
  const field = (name: string) => ({ kind: 'Field', name: { value: name } });

  it('names an operation by its name, an anonymous one by its first root field, and nothing a client invents', () => {
    expect(operationOf({ operationName: 'SubmitOwn', operation: { operation: 'mutation', selectionSet: { selections: [field('submitSelfCheck')] } } })).toEqual({ type: 'mutation', name: 'SubmitOwn' });
    expect(operationOf({ operationName: null, operation: { operation: 'query', selectionSet: { selections: [field('board')] } } })).toEqual({ type: 'query', name: 'board' });
    expect(operationOf({ request: { operationName: 'Evil\nline' } })).toEqual({ type: 'query', name: 'anonymous' });
    expect(operationOf({ request: { operationName: 'x'.repeat(200) } }).name).toBe('anonymous');
  });

  it('reads the outcome from the first error as the client sees it', () => {
    expect(outcomeOf({ body: { kind: 'single', singleResult: {} } })).toBe('OK');
    expect(outcomeOf({ body: { kind: 'single', singleResult: { errors: [{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'NOT_FOUND' } }] } } })).toBe('FORBIDDEN');
    expect(outcomeOf({ body: { kind: 'single', singleResult: { errors: [{ extensions: { code: 'a b' } }] } } })).toBe('ERROR');
    expect(outcomeOf(undefined)).toBe('OK');
  });
});

describe("the Temporal SDK's lines", () => {
  it('are written from WARN up, with the workflow id and, for an indicator task, the task id', () => {
    const { lines, destination } = collector();
    configureLogging({ level: 'info', format: 'json', name: 'worker', destination });
    const logger = new PinoTemporalLogger();
    logger.info('Workflow started', { workflowId: 'indicator-task:c:A4:WTSQ' });
    logger.warn('Activity failed', { workflowId: 'indicator-task:c:A4:WTSQ', activityType: 'appendEvents', taskToken: 'opaque', error: new Error('db down') });
    logger.error('A timer record could not be written', { workflowId: 'rectification-item:c:1', sdkComponent: 'workflow' });
    const written = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ level: 'warn', msg: 'Activity failed', component: 'temporal', workflowId: 'indicator-task:c:A4:WTSQ', taskId: 'indicator-task:c:A4:WTSQ', activityType: 'appendEvents', err: { message: 'db down' } });
    expect(written[0]).not.toHaveProperty('taskToken');
    expect(written[1]).toMatchObject({ level: 'error', workflowId: 'rectification-item:c:1', sdkComponent: 'workflow' });
    expect(written[1]).not.toHaveProperty('taskId');
  });
});
