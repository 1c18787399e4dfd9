// Configuration is validated once at start-up; a bad value must stop the process with a message naming the
// variable. Every test passes its own environment object, so the real process.env never matters.
import * as path from 'node:path';
import { ConfigError, loadConfig, requireDatabaseUrl, requireTemporalAddress, type AppConfig } from '../../src/platform/config/config';
import { projectRoot } from '../../src/platform/runtime/project-paths';

/** A ConfigError whose problem list names `variable`. */
const problemWith = (variable: string) =>
  expect.objectContaining({ name: 'ConfigError', problems: expect.arrayContaining([expect.objectContaining({ variable })]) });

/** The message line for `variable`, as the process prints it: "  VARIABLE: …". */
const lineFor = (variable: string) => new RegExp(`^  ${variable}: `, 'm');

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const expected: AppConfig = {
      dataDir: path.resolve('data'),
      databaseUrl: null,
      embeddedPostgresPort: 5433,
      temporal: {
        address: null,
        namespace: 'chuangwen',
        taskQueue: 'chuangwen-tasks',
        tls: null,
        apiKey: null,
        devServerPort: 7233,
        uiPort: 8233,
        uiUrl: null,
        cli: null,
      },
      api: { host: '127.0.0.1', port: 3000, trustProxy: false },
      graphqlIde: true,
      webSocket: {
        allowedOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000'],
        maxSubscriptionsPerSocket: 20,
        maxSubscriptionsPerPerson: 50,
        connectionInitTimeoutMs: 10_000,
      },
      webDir: path.join(projectRoot(), 'web/dist'),
      notifications: {
        publicUrl: 'http://127.0.0.1:3000',
        email: null,
        webhook: null,
        retry: { initialMs: 10_000, maximumMs: 600_000, totalMs: 86_400_000 },
        robotsAndSms: {
          wecom: { webhookUrl: null, apiBase: 'https://qyapi.weixin.qq.com' },
          dingtalk: { webhookUrl: null, secret: null, apiBase: 'https://oapi.dingtalk.com' },
          sms: null,
        },
      },
      metrics: { token: null, workerPort: 9464 },
      worker: { healthPort: 3001, maxCachedWorkflows: null },
      demoData: true,
      files: { dir: path.resolve('data/files'), maxBytes: 20 * 1024 * 1024 },
      logLevel: 'info',
      logFormat: 'auto',
      board: { pageSize: 50, maxPageSize: 200 },
      limits: { requestBytes: 28 * 1024 * 1024, query: { maxDepth: 12, maxCost: 20_000, listSize: 10 } },
      auth: {
        tokenSecret: null,
        accessTokenSeconds: 15 * 60,
        refreshTokenSeconds: 7 * 86_400,
        demoIdentityHeader: true,
        maxFailuresPerLogin: 5,
        maxAttemptsPerIp: 30,
        attemptWindowSeconds: 15 * 60,
        delaySeconds: 30,
        maxDelaySeconds: 300,
      },
      retention: { accessDenialsDays: 90, signInAttemptsDays: 30, sessionsDays: 7, intervalMinutes: 60 },
    };
    expect(loadConfig({})).toEqual(expected);
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/chuangwen',
      DATABASE_URL: 'postgres://cw:secret@db:5432/cw',
      EMBEDDED_POSTGRES_PORT: '6543',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'cw.prod-1',
      TEMPORAL_TASK_QUEUE: 'cw-q',
      TEMPORAL_PORT: '17233',
      TEMPORAL_UI_PORT: '18233',
      TEMPORAL_UI_URL: 'http://ui:8233',
      TEMPORAL_CLI: '/opt/temporal',
      HOST: '0.0.0.0',
      PORT: '8080',
      WORKER_HEALTH_PORT: '8081',
      WORKER_METRICS_PORT: '8082',
      METRICS_TOKEN: 'm'.repeat(40),
      TEMPORAL_MAX_CACHED_WORKFLOWS: '500',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'debug',
      FILE_STORE_DIR: '/mnt/shared/files',
      MAX_UPLOAD_MB: '50',
      AUTH_TOKEN_SECRET: 'k'.repeat(40),
      ACCESS_TOKEN_MINUTES: '5',
      REFRESH_TOKEN_DAYS: '30',
      DEMO_IDENTITY_HEADER: 'false',
      SIGN_IN_MAX_FAILURES: '10',
      SIGN_IN_MAX_PER_IP: '100',
      SIGN_IN_DELAY_SECONDS: '10',
      SIGN_IN_MAX_DELAY_SECONDS: '600',
      RETENTION_ACCESS_DENIALS_DAYS: '365',
      RETENTION_SIGN_IN_ATTEMPTS_DAYS: '60',
      RETENTION_SESSIONS_DAYS: '14',
      RETENTION_INTERVAL_MINUTES: '15',
      TRUST_PROXY: '1',
      ALLOWED_ORIGINS: 'https://cw.example.gov.cn, http://intranet.example:8080/',
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '5',
      WS_MAX_SUBSCRIPTIONS_PER_PERSON: '12',
      BOARD_PAGE_SIZE: '20',
      BOARD_MAX_PAGE_SIZE: '100',
      PUBLIC_URL: 'https://cw.example.gov.cn/',
      SMTP_URL: 'smtps://cw:pw@smtp.example.gov.cn:465',
      SMTP_FROM: '创文办 <cw@example.gov.cn>',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.gov.cn/notify',
      NOTIFY_WEBHOOK_SECRET: 's'.repeat(32),
      NOTIFY_RETRY_FIRST_SECONDS: '5',
      NOTIFY_RETRY_MAX_MINUTES: '30',
      NOTIFY_RETRY_HOURS: '48',
      LOG_FORMAT: 'json',
    });
    expect(config).toEqual({
      files: { dir: '/mnt/shared/files', maxBytes: 50 * 1024 * 1024 },
      dataDir: '/var/lib/chuangwen',
      databaseUrl: 'postgres://cw:secret@db:5432/cw',
      embeddedPostgresPort: 6543,
      temporal: {
        address: 'temporal:7233',
        namespace: 'cw.prod-1',
        taskQueue: 'cw-q',
        tls: null,
        apiKey: null,
        devServerPort: 17233,
        uiPort: 18233,
        uiUrl: 'http://ui:8233',
        cli: '/opt/temporal',
      },
      api: { host: '0.0.0.0', port: 8080, trustProxy: 1 },
      graphqlIde: true,
      webSocket: {
        allowedOrigins: ['https://cw.example.gov.cn', 'http://intranet.example:8080'],
        maxSubscriptionsPerSocket: 5,
        maxSubscriptionsPerPerson: 12,
        connectionInitTimeoutMs: 10_000,
      },
      webDir: path.join(projectRoot(), 'web/dist'),
      metrics: { token: 'm'.repeat(40), workerPort: 8082 },
      worker: { healthPort: 8081, maxCachedWorkflows: 500 },
      demoData: false,
      logLevel: 'debug',
      logFormat: 'json',
      board: { pageSize: 20, maxPageSize: 100 },
      limits: { requestBytes: 68 * 1024 * 1024, query: { maxDepth: 12, maxCost: 20_000, listSize: 10 } },
      auth: {
        tokenSecret: 'k'.repeat(40),
        accessTokenSeconds: 300,
        refreshTokenSeconds: 30 * 86_400,
        demoIdentityHeader: false,
        maxFailuresPerLogin: 10,
        maxAttemptsPerIp: 100,
        attemptWindowSeconds: 900,
        delaySeconds: 10,
        maxDelaySeconds: 600,
      },
      retention: { accessDenialsDays: 365, signInAttemptsDays: 60, sessionsDays: 14, intervalMinutes: 15 },
      notifications: {
        publicUrl: 'https://cw.example.gov.cn',
        email: { url: 'smtps://cw:pw@smtp.example.gov.cn:465', from: '创文办 <cw@example.gov.cn>' },
        webhook: { url: 'https://hooks.example.gov.cn/notify', secret: 's'.repeat(32) },
        retry: { initialMs: 5_000, maximumMs: 30 * 60_000, totalMs: 48 * 3_600_000 },
        robotsAndSms: {
          wecom: { webhookUrl: null, apiBase: 'https://qyapi.weixin.qq.com' },
          dingtalk: { webhookUrl: null, secret: null, apiBase: 'https://oapi.dingtalk.com' },
          sms: null,
        },
      },
    });
  });

  it('refuses notification channels that are half configured or not what they say', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail:25', SMTP_FROM: 'a@b' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'ftp://hooks/x' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_SECRET: 's'.repeat(20) })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'http://hooks/x', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
    expect(loadConfig({}).notifications).toMatchObject({ email: null, webhook: null });
  });

  it('reads TRUST_PROXY as off, a hop count, or a list of proxies, and refuses anything else', () => {
    expect(loadConfig({}).api.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).api.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).api.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'every one; rm -rf' })).toThrow(/TRUST_PROXY/);
  });

  describe('the demo identity header', () => {
    it('is on for the demo (`npm start`: demo data, loopback)', () => {
      expect(loadConfig({}).auth.demoIdentityHeader).toBe(true);
      expect(loadConfig({ HOST: 'localhost' }).auth.demoIdentityHeader).toBe(true);
      expect(loadConfig({ HOST: '::1' }).auth.demoIdentityHeader).toBe(true);
      expect(loadConfig({ HOST: '127.0.0.2' }).auth.demoIdentityHeader).toBe(true);
    });

    it('is off without demo data, even when asked for', () => {
      expect(loadConfig({ DEMO_DATA: 'false' }).auth.demoIdentityHeader).toBe(false);
      expect(loadConfig({ DEMO_DATA: 'false', DEMO_IDENTITY_HEADER: 'true' }).auth.demoIdentityHeader).toBe(false);
    });

    it.each(['0.0.0.0', '::', '192.168.1.10', 'cw.example.gov.cn', '127.example.com', '10.127.0.0.1'])('is off when the API listens on %s', (host) => {
      expect(loadConfig({ HOST: host, DEMO_IDENTITY_HEADER: 'true' }).auth.demoIdentityHeader).toBe(false);
    });

    it('is off when turned off', () => {
      expect(loadConfig({ DEMO_IDENTITY_HEADER: 'false' }).auth.demoIdentityHeader).toBe(false);
    });
  });

  describe('in production', () => {
    const production = { DEMO_DATA: 'false', GRAPHQL_IDE: 'false' };

    it.each([{ NODE_ENV: 'production' }, { PRODUCTION: 'true' }])('starts with the demo turned off (%j)', (flagged) => {
      expect(loadConfig({ ...production, ...flagged }).demoData).toBe(false);
      expect(loadConfig({ ...production, ...flagged, DEMO_IDENTITY_HEADER: 'false' }).auth.demoIdentityHeader).toBe(false);
    });

    it.each<[NodeJS.ProcessEnv, string]>([
      [{ NODE_ENV: 'production', GRAPHQL_IDE: 'false' }, 'DEMO_DATA'],
      [{ NODE_ENV: 'production', DEMO_DATA: 'false' }, 'GRAPHQL_IDE'],
      [{ NODE_ENV: 'production', ...production, DEMO_IDENTITY_HEADER: 'true' }, 'DEMO_IDENTITY_HEADER'],
      [{ PRODUCTION: 'true', GRAPHQL_IDE: 'false' }, 'DEMO_DATA'],
      [{ PRODUCTION: 'yes', DEMO_DATA: 'false' }, 'GRAPHQL_IDE'],
      [{ PRODUCTION: '1', ...production, DEMO_IDENTITY_HEADER: 'yes' }, 'DEMO_IDENTITY_HEADER'],
    ])('refuses to start with %j, naming %s in Chinese and English', (environment, variable) => {
      const load = () => loadConfig(environment);
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(lineFor(variable));
      expect(load).toThrow(/生产环境.*must be false in production/);
    });

    it('names every demo switch that is on at once', () => {
      const load = () => loadConfig({ NODE_ENV: 'production', DEMO_IDENTITY_HEADER: 'true' });
      for (const variable of ['DEMO_DATA', 'DEMO_IDENTITY_HEADER', 'GRAPHQL_IDE']) expect(load).toThrow(lineFor(variable));
    });

    it('is not production for other NODE_ENV values or PRODUCTION=false', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).demoData).toBe(true);
      expect(loadConfig({ PRODUCTION: 'false' }).demoData).toBe(true);
      expect(() => loadConfig({ PRODUCTION: 'maybe' })).toThrow(lineFor('PRODUCTION'));
    });
  });

  describe('ALLOWED_ORIGINS', () => {
    it('defaults to the API\'s own origin and the loopback ones on its port', () => {
      expect(loadConfig({ HOST: '192.168.1.10', PORT: '8080' }).webSocket.allowedOrigins).toEqual([
        'http://192.168.1.10:8080',
        'http://localhost:8080',
        'http://127.0.0.1:8080',
        'http://[::1]:8080',
      ]);
      expect(loadConfig({ HOST: '0.0.0.0' }).webSocket.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
    });

    it('normalises origins as browsers send them', () => {
      expect(loadConfig({ ALLOWED_ORIGINS: 'HTTPS://CW.Example.gov.cn:443/,http://[::1]:80' }).webSocket.allowedOrigins).toEqual([
        'https://cw.example.gov.cn',
        'http://[::1]',
      ]);
    });

    it.each(['*', 'https://*.example.com', 'cw.example.gov.cn', 'https://cw.example.gov.cn/board', 'https://u:p@cw.example.gov.cn', 'ftp://cw.example', 'null', 'https://a.example?x=1', ' , '])(
      'refuses %j',
      (value) => {
        expect(() => loadConfig({ ALLOWED_ORIGINS: value })).toThrow(lineFor('ALLOWED_ORIGINS'));
      },
    );

    it('answers a hostile value in linear time', () => {
      const started = process.hrtime.bigint();
      expect(() => loadConfig({ ALLOWED_ORIGINS: `https://${'a.'.repeat(50_000)}!` })).toThrow(lineFor('ALLOWED_ORIGINS'));
      expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
    });
  });

  it.each([
    ['WS_MAX_SUBSCRIPTIONS_PER_SOCKET', '0'],
    ['WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 'lots'],
    ['WS_MAX_SUBSCRIPTIONS_PER_PERSON', '-3'],
  ])('refuses %s=%j', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(lineFor(variable));
  });

  it.each([
    ['SIGN_IN_DELAY_SECONDS', '0'],
    ['SIGN_IN_DELAY_SECONDS', '-5'],
    ['SIGN_IN_DELAY_SECONDS', '1e3'],
    ['SIGN_IN_MAX_DELAY_SECONDS', '901'],
    ['SIGN_IN_MAX_DELAY_SECONDS', 'ten'],
    ['RETENTION_ACCESS_DENIALS_DAYS', '0'],
    ['RETENTION_SIGN_IN_ATTEMPTS_DAYS', '3.5'],
    ['RETENTION_SESSIONS_DAYS', '99999'],
    ['RETENTION_INTERVAL_MINUTES', '0'],
  ])('refuses %s=%s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(problemWith(variable));
  });

  it.each([
    ['of fewer than 16 characters', 'short'],
    ['of more than 256 characters', 'm'.repeat(257)],
    ['with spaces', 'a token with spaces'],
    ['not in ASCII', '令牌令牌令牌令牌令牌令牌令牌令牌'],
  ])('refuses a METRICS_TOKEN %s', (_what, value) => {
    expect(() => loadConfig({ METRICS_TOKEN: value })).toThrow(problemWith('METRICS_TOKEN'));
  });

  it('refuses a token secret shorter than 32 characters', () => {
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: 'short' })).toThrow(problemWith('AUTH_TOKEN_SECRET'));
  });

  it('resolves a relative DATA_DIR against the working directory', () => {
    expect(loadConfig({ DATA_DIR: 'var/data' }).dataDir).toBe(path.resolve('var/data'));
  });

  it('trims optional text and treats a blank value as unset', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: '  localhost:7233 ', DATABASE_URL: '   ', TEMPORAL_UI_URL: '' });
    expect(config.temporal.address).toBe('localhost:7233');
    expect(config.databaseUrl).toBeNull();
    expect(config.temporal.uiUrl).toBeNull();
  });

  it.each(['postgres://u@h/db', 'postgresql://u@h:5432/db'])('accepts DATABASE_URL=%s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each<[string, boolean]>([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads DEMO_DATA=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO_DATA: value }).demoData).toBe(expected);
  });

  it.each<[string, string]>([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '3000.5'],
    ['WORKER_HEALTH_PORT', '-1'],
    ['TEMPORAL_MAX_CACHED_WORKFLOWS', '1'],
    ['TEMPORAL_MAX_CACHED_WORKFLOWS', 'many'],
    ['EMBEDDED_POSTGRES_PORT', 'five'],
    ['TEMPORAL_PORT', '65536'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'localhost:5432/db'],
    ['DEMO_DATA', 'maybe'],
    ['TEMPORAL_TLS', 'on'],
    ['TEMPORAL_NAMESPACE', 'my namespace'],
    ['TEMPORAL_NAMESPACE', 'x'],
    ['LOG_LEVEL', 'verbose'],
    ['BOARD_PAGE_SIZE', '0'],
    ['BOARD_PAGE_SIZE', 'all'],
    ['BOARD_PAGE_SIZE', '500'],
    ['BOARD_MAX_PAGE_SIZE', '-1'],
    ['BOARD_MAX_PAGE_SIZE', '99999'],
  ])('refuses %s=%j with a ConfigError naming the variable', (variable, value) => {
    const load = () => loadConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(problemWith(variable));
    expect(load).toThrow(lineFor(variable));
  });

  it('quotes the offending value in the message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('"abc"');
  });

  it('names only the variables at fault', () => {
    const load = () => loadConfig({ PORT: 'abc', LOG_LEVEL: 'info', DEMO_DATA: 'maybe' });
    expect(load).toThrow(lineFor('PORT'));
    expect(load).toThrow(lineFor('DEMO_DATA'));
    expect(load).not.toThrow(lineFor('LOG_LEVEL'));
  });

  describe('Temporal TLS', () => {
    it('refuses a client certificate without its key', () => {
      const load = () => loadConfig({ TEMPORAL_TLS_CERT: '/certs/client.pem' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(lineFor('TEMPORAL_TLS_KEY'));
      expect(load).toThrow(/TEMPORAL_TLS_CERT/);
    });

    it('refuses a client key without its certificate', () => {
      const load = () => loadConfig({ TEMPORAL_TLS_KEY: '/certs/client.key' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/TEMPORAL_TLS_KEY/);
    });

    it('turns TLS on with certificate and key', () => {
      const config = loadConfig({ TEMPORAL_TLS_CERT: '/certs/client.pem', TEMPORAL_TLS_KEY: '/certs/client.key', TEMPORAL_TLS_CA: '/certs/ca.pem' });
      expect(config.temporal.tls).toEqual({ certPath: '/certs/client.pem', keyPath: '/certs/client.key', caPath: '/certs/ca.pem', serverName: null });
    });

    it('turns TLS on for an API key (Temporal Cloud)', () => {
      const config = loadConfig({ TEMPORAL_API_KEY: 'key-123' });
      expect(config.temporal.apiKey).toBe('key-123');
      expect(config.temporal.tls).toEqual({ certPath: null, keyPath: null, caPath: null, serverName: null });
    });

    it.each(['true', '1', 'yes'])('turns TLS on for TEMPORAL_TLS=%s and passes the server name', (value) => {
      const config = loadConfig({ TEMPORAL_TLS: value, TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' });
      expect(config.temporal.tls).toEqual({ certPath: null, keyPath: null, caPath: null, serverName: 'temporal.internal' });
    });

    it('leaves TLS off when nothing asks for it, even with a CA file', () => {
      expect(loadConfig({ TEMPORAL_TLS: 'false', TEMPORAL_TLS_CA: '/certs/ca.pem' }).temporal.tls).toBeNull();
    });

    it('treats a blank API key as no API key', () => {
      const config = loadConfig({ TEMPORAL_API_KEY: '  ' });
      expect(config.temporal.apiKey).toBeNull();
      expect(config.temporal.tls).toBeNull();
    });
  });
});

describe('requireTemporalAddress', () => {
  it('throws a ConfigError naming TEMPORAL_ADDRESS when none is configured', () => {
    const config = loadConfig({});
    expect(() => requireTemporalAddress(config)).toThrow(ConfigError);
    expect(() => requireTemporalAddress(config)).toThrow(lineFor('TEMPORAL_ADDRESS'));
  });

  it('returns the configured address', () => {
    expect(requireTemporalAddress(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }))).toBe('temporal:7233');
  });
});

describe('requireDatabaseUrl', () => {
  it('throws a ConfigError naming DATABASE_URL when none is configured', () => {
    const config = loadConfig({});
    expect(() => requireDatabaseUrl(config)).toThrow(ConfigError);
    expect(() => requireDatabaseUrl(config)).toThrow(lineFor('DATABASE_URL'));
  });

  it('returns the configured URL', () => {
    expect(requireDatabaseUrl(loadConfig({ DATABASE_URL: 'postgresql://h/db' }))).toBe('postgresql://h/db');
  });
});
