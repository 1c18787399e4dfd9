// The import/export commands build only when the build is missing or older than its sources
// (scripts/build-if-stale.cjs), decided here on a temporary project tree with set mtimes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason, OUTPUTS, STAMP } = require('../../scripts/build-if-stale.cjs') as {
  staleReason(root: string): string | null;
  OUTPUTS: string[];
  STAMP: string;
};

const T0 = new Date('2026-12-01T00:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function write(root: string, file: string, at: Date): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, 'x');
  fs.utimesSync(full, at, at);
}

/** Sources at T0, a complete build stamped at T0 + 10 s; folders' own mtimes set to T0 too. */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-if-stale-'));
  for (const file of ['src/main.ts', 'src/cli/import-catalog.ts', 'workflows/index.ts', 'graphql/schema.graphql', 'web/src/main.tsx', 'package.json']) write(root, file, T0);
  for (const dir of ['src/cli', 'src', 'workflows', 'graphql', 'web/src', 'web']) fs.utimesSync(path.join(root, dir), T0, T0);
  for (const file of OUTPUTS) write(root, file, later(5));
  write(root, STAMP, later(10));
  return root;
}

describe('build-if-stale', () => {
  const roots: string[] = [];
  const make = () => {
    const root = project();
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('skips the build when every output exists and nothing changed after the stamp', () => {
    expect(staleReason(make())).toBeNull();
  });

  it('builds when there is no build at all, or one output is missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'build-if-stale-'));
    roots.push(empty);
    expect(staleReason(empty)).toMatch(/is missing/);
    for (const output of OUTPUTS) {
      const root = make();
      fs.rmSync(path.join(root, output));
      expect(staleReason(root)).toBe(`${output} is missing`);
    }
  });

  it('builds when a build stopped half way (outputs but no stamp)', () => {
    const root = make();
    fs.rmSync(path.join(root, STAMP));
    expect(staleReason(root)).toMatch(/build-stamp is missing/);
  });

  it.each([
    ['src/cli/import-catalog.ts', 'src'],
    ['workflows/index.ts', 'workflows'],
    ['graphql/schema.graphql', 'graphql'],
    ['web/src/main.tsx', 'web/src'],
    ['package.json', 'package.json'],
    ['tsconfig.build.json', 'tsconfig.build.json'],
  ])('builds when %s is newer than the last build', (file, input) => {
    const root = make();
    write(root, file, later(20));
    expect(staleReason(root)).toBe(`${input} changed after the last build`);
  });

  it('builds when a source file was deleted (its folder changed)', () => {
    const root = make();
    fs.rmSync(path.join(root, 'src/cli/import-catalog.ts'));
    const now = new Date();
    fs.utimesSync(path.join(root, 'src/cli'), now, now);
    expect(staleReason(root)).toBe('src changed after the last build');
  });

  it('ignores files outside the inputs (data, docs, tests) and a node_modules inside an input', () => {
    const root = make();
    write(root, 'data/postgres/PG_VERSION', later(20));
    write(root, 'docs/user-guide.md', later(20));
    write(root, 'test/unit/x.spec.ts', later(20));
    write(root, 'web/src/node_modules/x/index.js', later(20));
    fs.utimesSync(path.join(root, 'web/src'), T0, T0);
    expect(staleReason(root)).toBeNull();
  });

  it('does not follow a symlink out of an input folder (a loop cannot hang it)', () => {
    const root = make();
    fs.symlinkSync(root, path.join(root, 'src', 'loop'));
    const old = new Date(T0.getTime() - 1000);
    fs.lutimesSync(path.join(root, 'src', 'loop'), old, old);
    fs.utimesSync(path.join(root, 'src'), T0, T0);
    expect(staleReason(root)).toBeNull();
  });
});
