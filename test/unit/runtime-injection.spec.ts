// Classes ask Nest for the parts they use (the database, the Temporal client, the config, …), never for the whole
// AppRuntime the entry point connected: a class that takes the bag hides what it depends on and can reach anything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Provider, ValueProvider } from '@nestjs/common';
import type { AppRuntime } from '../../src/platform/core/app-runtime';
import { CoreModule } from '../../src/platform/core/core.module';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { filesUnder } from '../support/files-under';

const src = path.join(projectRoot(), 'src');

const sourceFiles = (dir: string) => filesUnder(dir, (name) => name.endsWith('.ts'));

/** Entry points build the AppRuntime (runtime/) and hand its parts to Nest (app/); nothing else should see it. */
function mayKnowAppRuntime(file: string): boolean {
  const folders = path.relative(src, file).split(path.sep).slice(0, -1);
  return folders.includes('runtime') || folders.includes('core') || folders.includes('app');
}

function fakeRuntime(workerStatus?: AppRuntime['workerStatus']): AppRuntime {
  return {
    config: { marker: 'config' } as unknown as AppRuntime['config'],
    databaseUrl: 'postgres://127.0.0.1:1/none',
    db: { marker: 'db' } as unknown as AppRuntime['db'],
    temporal: { marker: 'temporal' } as unknown as AppRuntime['temporal'],
    temporalUiUrl: 'http://127.0.0.1:8233',
    ...(workerStatus ? { workerStatus } : {}),
  };
}

const values = (providers: Provider[] | undefined): ValueProvider[] => (providers ?? []).filter((p): p is ValueProvider => typeof p === 'object' && 'useValue' in p);

describe('runtime injection', () => {
  it('no class outside runtime/, core/ and app/ names AppRuntime or the RUNTIME token', () => {
    const offenders = sourceFiles(src)
      .filter((file) => !mayKnowAppRuntime(file))
      .filter((file) => /\bAppRuntime\b|\bRUNTIME\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(projectRoot(), file));
    expect(offenders).toEqual([]);
  });

  it('the check sees a file that would take the bag', () => {
    expect(mayKnowAppRuntime(path.join(src, 'health', 'health.controller.ts'))).toBe(false);
    expect(mayKnowAppRuntime(path.join(src, 'runtime', 'api-server.ts'))).toBe(true);
    expect(mayKnowAppRuntime(path.join(src, 'app', 'core.module.ts'))).toBe(true);
  });

  it.each([
    ['with an in-process worker', () => ({ state: 'RUNNING', taskQueue: 'q' })],
    ['without a worker', undefined],
  ])('CoreModule provides every part of the runtime under its own token, and never the runtime itself (%s)', (_, workerStatus) => {
    const runtime = fakeRuntime(workerStatus);
    const module = CoreModule.register(runtime);
    const provided = values(module.providers);
    expect(provided.some((p) => p.useValue === runtime)).toBe(false);
    const exported = new Set(module.exports);
    for (const part of [runtime.config, runtime.databaseUrl, runtime.db, runtime.temporal, runtime.temporalUiUrl, runtime.workerStatus ?? null]) {
      const provider = provided.find((p) => p.useValue === part);
      expect(provider).toBeDefined();
      expect(exported.has(provider!.provide as symbol)).toBe(true);
    }
    // Each token names one part: no two parts under one token.
    expect(new Set(provided.map((p) => p.provide)).size).toBe(provided.length);
  });
});
