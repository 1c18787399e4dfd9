// Recorded histories (test/workflow/histories/*.history.bin, protobuf, written by the scenarios in indicator-task.workflow-spec.ts
// with RECORD_HISTORIES=1) must replay against the current workflow code: running tasks live for a year, and
// a change that would not replay must be made with patched() instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DROP_WORKFLOW_SPANS, WORKFLOW_INTERCEPTOR_MODULES } from '../../src/platform/tracing/temporal-tracing';

const dir = path.join(__dirname, 'histories');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.history.bin')).sort() : [];

describe('replay of recorded histories', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  });

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  // Both ways: a worker with tracing on (the interceptors in its bundle) and one without, whatever the history was
  // recorded with, so that turning tracing on or off never strands a running task.
  it.each(files.flatMap((file) => [[file, 'with the tracing interceptors'] as const, [file, 'without them'] as const]))('replays %s %s', async (file, how) => {
    const history = temporal.api.history.v1.History.decode(fs.readFileSync(path.join(dir, file)));
    const traced = how === 'with the tracing interceptors';
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: require.resolve('../../workflows/index'), ...(traced ? { interceptors: { workflowModules: [...WORKFLOW_INTERCEPTOR_MODULES] } } : {}), sinks: DROP_WORKFLOW_SPANS },
        history,
        file.replace(/\.history\.bin$/, ''),
      ),
    ).resolves.toBeUndefined();
  });
});
