// bench/profile-summary.ts turns a V8 CPU profile into self time by area and by function: the areas must name our
// folders, npm packages (scoped or not) and Node's internals, and the shares must add up over the busy time.
import { areaOf, summarise } from '../../bench/profile-summary';

const frame = (url: string, functionName = 'f') => ({ url, functionName, lineNumber: 0 });

describe('bench/profile-summary', () => {
  it('names the area of a frame: our folders, packages, Node and V8', () => {
    expect(areaOf(frame('file:///work/main/dist/src/platform/temporal/workflow-actions.js'))).toBe('src/platform/temporal');
    expect(areaOf(frame('file:///work/main/dist/src/indicator-task/indicator-task.service.js'))).toBe('src/indicator-task');
    expect(areaOf(frame('file:///work/main/node_modules/@apollo/server/dist/cjs/runQuery.js'))).toBe('@apollo/server');
    expect(areaOf(frame('file:///work/main/node_modules/pg/lib/client.js'))).toBe('pg');
    expect(areaOf(frame('/work/main/node_modules/graphql/execution/execute.js'))).toBe('graphql');
    expect(areaOf(frame('node:internal/streams/readable'))).toBe('node:internal');
    expect(areaOf(frame('', '(garbage collector)'))).toBe('(garbage collector)');
    expect(areaOf(frame('', 'nativeThing'))).toBe('(native)');
  });

  it('sums self time by area and function over the busy time, idle left out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('', '(root)') },
        { id: 2, callFrame: frame('file:///x/node_modules/pg/lib/client.js', 'query') },
        { id: 3, callFrame: frame('file:///x/dist/src/auth/auth.service.js', 'resolve') },
        { id: 4, callFrame: frame('', '(idle)') },
      ],
      samples: [2, 2, 3, 4, 2],
      timeDeltas: [1000, 1000, 2000, 5000, 1000],
      startTime: 0,
      endTime: 10_000,
    };
    const text = summarise(profile, 5);
    expect(text).toContain('0.01 s profiled, 0.01 s busy');
    expect(text).toMatch(/3 ms\s+60\.0%\s+pg/);
    expect(text).toMatch(/2 ms\s+40\.0%\s+src\/auth/);
    expect(text).not.toMatch(/\(idle\)/);
    expect(text).toMatch(/3 ms\s+60\.0%\s+query pg\/lib\/client\.js:1/);
  });
});
