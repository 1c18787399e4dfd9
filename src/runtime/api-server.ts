import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LogLevel } from '@nestjs/common';
import { AppModule } from '../app/app.module';
import type { AppRuntime } from '../app/app-runtime';
import { assertPortFree } from './ports';
import { projectRoot } from './project-paths';

const LEVELS: Record<AppRuntime['config']['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  // Nest's start-up chatter is not news at `info`; our own lines say what started.
  info: ['fatal', 'error', 'warn'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Starts the GraphQL API and serves the board from web/. */
export async function startApi(runtime: AppRuntime, options: { port?: number; checkPort?: boolean } = {}): Promise<NestExpressApplication> {
  const port = options.port ?? runtime.config.api.port;
  if (options.checkPort !== false) await assertPortFree(port, 'PORT', 'GraphQL API 与看板 / API and board', runtime.config.api.host);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime), {
    logger: LEVELS[runtime.config.logLevel],
    bodyParser: true,
  });
  // Task breakdowns arrive base64-encoded in a mutation: 10 MB of file is about 13.4 MB of JSON.
  app.useBodyParser('json', { limit: '14mb' });
  app.useStaticAssets(path.join(projectRoot(), 'web'), { index: 'index.html' });
  await app.listen(port, runtime.config.api.host);
  return app;
}
